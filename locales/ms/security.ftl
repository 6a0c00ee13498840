# Mesej had yang dikenakan oleh portal pada permintaan.

error-too-long = Alamat terlalu panjang
error-too-long-message = Alamat yang diminta lebih panjang daripada yang diterima oleh portal. Pendekkan bahagian selepas “?” dan cuba lagi.
