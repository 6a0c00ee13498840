## The staff pages: login, the dashboard, statements, records, accounts and the audit log.

staff-login-title = Log masuk kakitangan
staff-login-lede = Untuk kakitangan kementerian yang menerbitkan kenyataan media dan menyelenggara rekod.
staff-login-button = Log masuk
staff-login-failed = Nama pengguna atau kata laluan tidak betul, atau akaun telah dinyahaktifkan.

staff-crumb = Kakitangan
staff-landmark = Kakitangan
staff-signed-in-as = Log masuk sebagai
staff-dashboard = Papan pemuka
staff-statements = Kenyataan media
staff-new-statement = Kenyataan media baharu
staff-edit-statement = Sunting kenyataan media
staff-records = Rekod
staff-users = Pengguna
staff-audit = Log audit
staff-log-out = Log keluar
staff-none = Tiada.
staff-author = Penulis
staff-last-change = Perubahan terakhir (UTC)
staff-scheduled-for = pada { $time }
staff-scheduled-at = Dijadualkan pada { $time } UTC
staff-version = Versi { $number }
staff-view-public-page = Lihat halaman awam
staff-view-public-page-at = Lihat halaman awam ({ $address })

dashboard-drafts = Draf
dashboard-submitted = Dihantar untuk semakan
dashboard-scheduled = Dijadualkan
dashboard-published = Diterbitkan

staff-statements-by-status = Kenyataan media mengikut status
staff-tab-all = Semua
staff-write-statement = Tulis kenyataan media baharu
staff-statements-none = Belum ada kenyataan media di sini.
staff-not-saved = Perubahan ini tidak disimpan
staff-preview = Pratonton
staff-save = Simpan
staff-submit = Hantar untuk semakan
staff-publish = Terbitkan sekarang
staff-schedule = Jadual
staff-schedule-button = Jadualkan
staff-unschedule = Batalkan jadual
staff-withdraw = Tarik balik
staff-withdraw-button = Tarik balik

notice-statement-draft = Disimpan sebagai draf.
notice-statement-submitted = Dihantar untuk semakan.
notice-statement-scheduled = Dijadualkan.
notice-statement-published = Diterbitkan.
notice-statement-withdrawn = Ditarik balik; kenyataan media kekal terpapar kepada umum berserta sebabnya.
notice-repeated = Borang ini telah pun dihantar; tiada apa-apa disimpan dua kali.
notice-record-created = Dicipta. Halaman awam kini memaparkannya.
notice-record-saved = Disimpan. Halaman awam kini memaparkan perubahan itu.
notice-document-attached = Dokumen telah dilampirkan dan kini terbuka kepada umum.
notice-user-added = Akaun telah dicipta.
notice-user-changed = Akaun telah diubah.
notice-user-self = Anda tidak boleh menyahaktifkan akaun anda sendiri atau menarik balik peranan pentadbir anda sendiri.
notice-user-missing = Akaun itu tidak wujud.

conflict-title = Konflik suntingan
conflict-statement-heading = Orang lain telah mengubah kenyataan media ini
conflict-record-heading = { $collection ->
    [agreements] Orang lain telah mengubah perjanjian ini
    [meetings] Orang lain telah mengubah mesyuarat ini
    [delegations] Orang lain telah mengubah delegasi ini
    [mous] Orang lain telah mengubah MoU ini
    [organisations] Orang lain telah mengubah organisasi ini
    [people] Orang lain telah mengubah rekod tokoh ini
   *[areas] Orang lain telah mengubah bidang tumpuan ini
}
conflict-explanation = Semasa anda menyunting, orang lain telah menyimpannya (kini pada versi { $version }). Perubahan anda tidak disimpan. Bandingkan kedua-dua versi dan salin apa yang anda perlukan daripada versi anda.
conflict-edit-current = Sunting versi semasa
conflict-saved-version = Versi tersimpan
conflict-saved-version-status = Versi tersimpan ({ $status })
conflict-your-version = Versi anda (tidak disimpan)
conflict-field = Medan
conflict-differs = berbeza

# The collections of records, by the path that names them.
staff-collection = { $collection ->
    [agreements] Perjanjian
    [meetings] Mesyuarat
    [delegations] Delegasi
    [mous] MoU
    [organisations] Organisasi
    [people] Tokoh
   *[areas] Bidang Tumpuan
}
staff-new-record = { $collection ->
    [agreements] Perjanjian baharu
    [meetings] Mesyuarat baharu
    [delegations] Delegasi baharu
    [mous] MoU baharu
    [organisations] Organisasi baharu
    [people] Tokoh baharu
   *[areas] Bidang tumpuan baharu
}
staff-edit-record = { $collection ->
    [agreements] Sunting perjanjian
    [meetings] Sunting mesyuarat
    [delegations] Sunting delegasi
    [mous] Sunting MoU
    [organisations] Sunting organisasi
    [people] Sunting tokoh
   *[areas] Sunting bidang tumpuan
}
staff-no-records = { $collection ->
    [agreements] Belum ada perjanjian.
    [meetings] Belum ada mesyuarat.
    [delegations] Belum ada delegasi.
    [mous] Belum ada MoU.
    [organisations] Belum ada organisasi.
    [people] Belum ada tokoh.
   *[areas] Belum ada bidang tumpuan.
}
staff-records-intro = Cipta dan sunting rekod yang dipaparkan di halaman awam. Perubahan terbuka kepada umum sebaik sahaja disimpan.
staff-search-records = Cari mengikut nama atau tajuk
staff-nothing-matches = Tiada yang sepadan dengan “{ $query }”.
staff-found = { $count } ditemui
staff-found-pages = { $count } ditemui, halaman { $page } daripada { $last }
staff-name-or-title = Nama atau tajuk
staff-address = Alamat
staff-save-changes = Simpan perubahan
staff-create = Cipta
# A row of a repeated group on a record form: an appointment, or a stop of an itinerary.
row-new = { $kind ->
    [appointment] Pelantikan baharu
   *[stop] Persinggahan baharu
}
row-numbered = { $kind ->
    [appointment] Pelantikan { $number }
   *[stop] Persinggahan { $number }
}
row-remove = { $kind ->
    [appointment] Buang pelantikan ini
   *[stop] Buang persinggahan ini
}
history-line = { $date }: { $status }
history-line-with-note = { $date }: { $status } ({ $note })
documents-signed = Dokumen bertandatangan
documents-none-attached = Belum ada dokumen dilampirkan.
documents-upload = Muat naik dokumen

users-change = Ubah
users-disabled = Dinyahaktifkan
users-active = Aktif
users-role-of = Peranan { $username }
users-set-role = Tetapkan peranan
users-enable = Aktifkan
users-disable = Nyahaktifkan
users-add-heading = Tambah pengguna
users-add = Tambah pengguna

audit-lede = Setiap tindakan tulis kakitangan dan setiap log masuk, yang terbaharu dahulu. Masa dalam UTC.
audit-none = Belum ada apa-apa yang direkodkan.
audit-when = Bila
audit-who = Siapa
audit-action = Tindakan
audit-record = Rekod
audit-what = Apa yang berubah
audit-system = sistem
audit-older = Peristiwa terdahulu
# What the audit log records: the actions, and what they were done to.
audit-action-login = log masuk
audit-action-login-failed = log masuk gagal
audit-action-logout = log keluar
audit-action-create = cipta
audit-action-update = kemas kini
audit-action-submit = hantar untuk semakan
audit-action-publish = terbit
audit-action-schedule = jadualkan
audit-action-unschedule = batalkan jadual
audit-action-amend = pinda
audit-action-withdraw = tarik balik
audit-action-attach = lampirkan
audit-entity-session = sesi
audit-entity-statement = kenyataan media
audit-entity-user = pengguna
audit-entity-agreement = perjanjian
audit-entity-meeting = mesyuarat
audit-entity-delegation = delegasi
audit-entity-mou = MoU
audit-entity-organisation = organisasi
audit-entity-person = tokoh
audit-entity-area = bidang tumpuan
