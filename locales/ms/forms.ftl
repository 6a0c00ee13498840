## Forms: the label of every field (`field-<name>`, which messages about the field use too),
## hints, and why a value was refused (`invalid-…`, words that follow the field's label).

# A refused value, beside its field and in the list above the form.
form-error = { $field } { $reason }.
form-error-prefix = Ralat:
form-errors-heading = { $count ->
    [one] Sila betulkan masalah ini
   *[other] Sila betulkan { $count } masalah ini
}

field-title = Tajuk
field-name = Nama
field-description = Keterangan
field-short_name = Nama ringkas
field-country = Negara
field-kind = Jenis
field-website = Laman web
field-summary = Ringkasan
field-place = Tempat
field-date = Tarikh
field-from = Dari
field-to = Hingga
field-position = Kedudukan
field-organisation = Organisasi
field-meeting = Mesyuarat
field-event = Acara
field-stop = Persinggahan
field-appointments = Pelantikan
field-appointment_title = Jawatan pelantikan
field-appointment_organisation = Organisasi pelantikan
field-appointment_from = Pelantikan dari
field-appointment_to = Pelantikan hingga
field-signed_on = Tarikh ditandatangani
field-signed_at = Ditandatangani di
field-parties = Pihak
field-signatories = Penandatangan
field-areas = Bidang tumpuan
field-new_status = Peristiwa status baharu
field-new_status_on = Tarikh peristiwa baharu
field-new_status_note = Catatan peristiwa baharu
field-joint_body = Badan bersama
field-ordinal = Bilangan
field-agreement = Perjanjian
field-held_on = Tarikh diadakan
field-outcomes = Hasil
field-co_chairs = Pengerusi bersama
field-organisations = Organisasi
field-leader = Ketua
field-from_country = Negara asal
field-host_country = Negara tuan rumah
field-starts_on = Tarikh mula
field-ends_on = Tarikh tamat
field-purpose = Tujuan
field-members = Anggota
field-itinerary = Jadual perjalanan
field-stop_position = Kedudukan persinggahan
field-stop_title = Tajuk persinggahan
field-stop_on = Tarikh persinggahan
field-stop_place = Tempat persinggahan
field-stop_organisation = Organisasi persinggahan
field-stop_meeting = Mesyuarat persinggahan
field-stop_event = Acara persinggahan
field-stop_summary = Ringkasan persinggahan
field-witnesses = Saksi
field-valid_until = Sah sehingga
field-renews = Memperbaharui
field-dateline = Tempat dan tarikh siaran
field-language = Bahasa
field-body = Teks (Markdown)
field-related = Rekod yang disentuh oleh kenyataan media ini
field-change_note = Catatan perubahan
field-publish_at = Terbitkan pada (UTC)
field-withdrawn_reason = Sebab untuk umum
field-action = Tindakan
field-form_token = Token borang
field-username = Nama pengguna
field-display_name = Nama
field-role = Peranan
field-password = Kata laluan
field-change = Perubahan
field-document_title = Tajuk dokumen
field-document_file = Fail PDF

choose-country = Pilih negara
choose-kind = Pilih jenis
choose-no-new-event = Tiada peristiwa baharu

hint-statement-summary = Satu atau dua ayat yang dipaparkan dalam senarai dan suapan.
hint-dateline = Tempat kenyataan media dikeluarkan, seperti KUALA LUMPUR.
hint-body = Tajuk kecil dengan ##, senarai dengan -, pautan sebagai [teks](https://…), jadual dengan | lajur |. Skrip dan gaya akan dibuang.
hint-related = Satu alamat bagi setiap baris, contohnya /mous/mimos-cetc-mou-2024 atau /organisations/mimos.
hint-change_note = Apa yang berubah dalam versi ini. Dipaparkan kepada umum bersama setiap versi yang diterbitkan.
hint-withdrawn_reason = Kenyataan media kekal di alamatnya berserta sebab ini, yang dipaparkan kepada umum.
hint-username = 3 hingga 32 huruf kecil, digit, titik, sempang atau garis bawah.
hint-password = Sekurang-kurangnya { $count } aksara.
hint-document_title = Contohnya: Memorandum bertandatangan, teks bahasa Inggeris dan bahasa Cina.
hint-document_file = PDF tidak melebihi 10 MB. Ia terbuka kepada umum sebaik sahaja dimuat naik.
hint-short_name = Nama yang digunakan di halaman lain, seperti MIMOS.
hint-website = Alamat yang bermula dengan https:// atau http://.
hint-people = Satu alamat bagi setiap baris, seperti /people/yin-hejun, atau slugnya sahaja.
hint-organisations = Satu alamat bagi setiap baris, seperti /organisations/mimos, atau slugnya sahaja.
hint-appointments = Jawatan yang pernah disandang, dengan alamat organisasi (/organisations/mosti) dan tarikh dalam bentuk 2024, 2024-04 atau 2024-04-25. Biarkan baris kosong untuk tidak menambah apa-apa; tandakan Buang untuk memadam baris.
hint-agreement-signed_on = Tahun (2013), bulan (2013-10) atau hari (2013-10-04).
hint-agreement-signed_at = Tempat perjanjian ditandatangani.
hint-new_status_on = Tahun (2024), bulan (2024-04) atau hari (2024-04-25). Peristiwa terbaharu menjadi status rekod.
hint-joint_body = Seperti Jawatankuasa Bersama Sains, Teknologi dan Inovasi.
hint-ordinal = 3 bagi mesyuarat ke-3.
hint-agreement = Alamat perjanjian yang menjadi asas mesyuarat ini, seperti /agreements/sti-cooperation-agreement-2013.
hint-held_on = Tahun, bulan (2024-04) atau hari (2024-04-25).
hint-co_chairs = Mengikut urutan, satu alamat bagi setiap baris, seperti /people/chang-lih-kang.
hint-leader = Alamat tokoh yang mengetuai lawatan, seperti /people/chang-lih-kang.
hint-starts_on = Satu hari, seperti 2024-04-24.
hint-ends_on = Satu hari pada atau selepas tarikh mula.
hint-members = Satu bagi setiap baris: alamat tokoh, diikuti palang dan peranannya, seperti /people/yin-hejun | Menteri; palang seterusnya menambah peranan dalam bahasa Melayu dan bahasa Cina: /people/yin-hejun | Minister | Menteri | 部长.
hint-itinerary = Persinggahan dalam lawatan. Ubah nombor di bawah Kedudukan untuk menyusun semula; organisasi dan mesyuarat menerima alamat (/organisations/cetc, /meetings/…). Biarkan baris kosong untuk tidak menambah apa-apa; tandakan Buang untuk memadam persinggahan.
hint-signed_on = Tahun, bulan (2024-04) atau hari (2024-04-25).
hint-mou-signed_at = Mesyuarat (/meetings/3rd-joint-committee-meeting-sti) atau persinggahan dalam lawatan, sebagai alamat lawatan dan nombor persinggahan (/delegations/working-visit-to-china-2024#stop-3).
hint-mou-parties = Sekurang-kurangnya dua organisasi, mengikut urutan yang dinyatakan dalam MoU, satu alamat bagi setiap baris (/organisations/mimos).
hint-valid_until = Satu hari, seperti 2029-04-30.
hint-renews = Alamat MoU yang diperbaharui oleh MoU ini, jika ada (/mous/…).

invalid-empty = tidak boleh kosong
invalid-too-long = tidak boleh melebihi { $max } aksara
invalid-control-characters = tidak boleh mengandungi aksara kawalan
invalid-record-address = “{ $text }” bukan alamat sesuatu rekod, seperti /mous/mimos-cetc-mou-2024
invalid-address-in = “{ $text }” bukan alamat { $collection ->
    [agreements] sesuatu perjanjian
    [meetings] sesuatu mesyuarat
    [delegations] sesuatu delegasi
    [mous] sesuatu MoU
    [organisations] sesuatu organisasi
    [people] seseorang tokoh
   *[areas] sesuatu bidang tumpuan
}, seperti /{ $collection }/nama-rekod
invalid-one-record = mesti menamakan satu rekod sahaja
invalid-partial-date = mestilah tahun (2024), bulan (2024-04) atau hari (2024-04-25)
invalid-day = mestilah satu hari, seperti 2024-04-25
invalid-web-address = mestilah alamat web yang bermula dengan https:// atau http://, seperti https://www.mimos.my
invalid-unknown-area = menamakan bidang tumpuan yang tidak dikenali
invalid-unknown-record = menamakan { $address }, yang bukan rekod dalam portal ini
invalid-date-time = mestilah tarikh dan masa, seperti 2025-01-31T09:00
invalid-in-the-past = mestilah pada masa hadapan
invalid-action = bukan tindakan yang ditawarkan oleh borang ini
invalid-one-of = mestilah salah satu daripada: { $choices }
invalid-country-code = mestilah kod negara dua huruf, seperti MY atau CN
invalid-slug-characters = hanya boleh mengandungi huruf kecil, digit dan sempang
invalid-slug-hyphens = tidak boleh bermula atau berakhir dengan sempang, atau mengulanginya
invalid-year = mestilah tahun, seperti 2024
invalid-page = mestilah nombor halaman dari 1 hingga { $max }
invalid-site-path = bukan halaman dalam laman ini
invalid-username = mestilah 3 hingga 32 huruf kecil, digit, titik, sempang atau garis bawah
invalid-username-taken = telah pun digunakan
invalid-password-short = mesti sekurang-kurangnya { $min } aksara
invalid-password-long = tidak boleh melebihi { $max } bait
invalid-display-name = mestilah 1 hingga 100 aksara, tanpa aksara kawalan
invalid-too-many-rows = tidak boleh melebihi { $max } baris
# A refused value in one row of a repeated group: the row's number, the column's label and why.
invalid-in-row = baris { $row }: { $field } { $reason }
invalid-event-status = mesti dipilih bagi peristiwa yang bertarikh
invalid-before-start = tidak boleh lebih awal daripada tarikh mula
invalid-ordinal = mestilah nombor bulat, seperti 3
invalid-member-without-person = mempunyai baris dengan peranan tetapi tanpa tokoh
invalid-member-twice = menyenaraikan { $address } dua kali
invalid-position = mestilah nombor, seperti 2
invalid-stop = bukan salah satu persinggahan dalam lawatan ini
invalid-two-countries = mesti merangkumi sekurang-kurangnya dua negara
invalid-two-organisations = mesti menamakan sekurang-kurangnya dua organisasi
invalid-signing-place = “{ $text }” bukan mesyuarat (/meetings/nama-mesyuarat) dan bukan persinggahan dalam lawatan (/delegations/nama-lawatan#stop-2)
invalid-not-records = menamakan { $addresses }, yang bukan rekod dalam portal ini
invalid-unknown-country = menamakan { $code }, negara yang tiada dalam senarai portal
invalid-first-status = mesti dipilih bagi rekod baharu
invalid-missing-stop = menamakan { $address }, persinggahan yang tiada dalam lawatan itu
invalid-renews-itself = mesti menamakan MoU lain, bukan MoU ini
invalid-stop-elsewhere = menyenaraikan persinggahan yang bukan sebahagian daripada lawatan ini; muat semula borang
invalid-stop-signed-at = tidak boleh membuang persinggahan “{ $stop }”: { $address } ditandatangani di situ; ubah MoU itu dahulu
invalid-form-token = tiada; muat semula borang
invalid-document-missing = mesti dipilih: PDF dokumen yang ditandatangani
invalid-document-too-large = melebihi 10 MB, saiz maksimum sesuatu dokumen; kecilkan saiznya dan cuba lagi
invalid-document-not-pdf = bukan fail PDF
invalid-document-empty = kosong
invalid-document-media-type = mesti dihantar sebagai PDF (application/pdf)

# Why the workflow of press statements refused an action.
refusal-role = Peranan anda tidak membenarkan tindakan ini.
refusal-preview = Pratonton tidak menyimpan apa-apa.
refusal-withdrawn = Kenyataan media yang telah ditarik balik tidak boleh diubah.
refusal-submit = Hanya draf boleh dihantar untuk semakan.
refusal-published = Kenyataan media ini telah pun diterbitkan; simpan untuk meminda.
refusal-schedule = Kenyataan media yang telah diterbitkan tidak boleh dijadualkan.
refusal-unschedule = Hanya kenyataan media yang dijadualkan boleh dibatalkan jadualnya.
refusal-withdraw = Hanya kenyataan media yang telah diterbitkan boleh ditarik balik.
