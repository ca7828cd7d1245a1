"""Words on screen, Indonesian first, English when toggled. Metric labels and definitions come
from metrics.definisi; this holds the rest."""

from __future__ import annotations

TEKS = {
    "produk": ("Kepesertaan BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan participation"),
    "ringkasan": ("Ringkasan", "Overview"),
    "wilayah": ("Wilayah", "Regions"),
    "rw100": ("1 RW 100 Peserta", "1 RW 100 Participants"),
    "segmen": ("Segmen & Program", "Segments & Programmes"),
    "anggaran": ("Anggaran", "Budget"),
    "data": ("Data", "Data"),
    "tidak_ditemukan": ("Halaman tidak ditemukan", "Page not found"),
    "data_per": ("Data per", "Data as of"),
    "unduh_csv": ("Unduh CSV", "Download CSV"),
    "unduh_xlsx": ("Unduh Excel", "Download Excel"),
    "unduh_csv_id": (
        "CSV untuk Excel berbahasa Indonesia (; dan koma desimal)",
        "CSV for Excel set to Indonesian (; and decimal comma)",
    ),
    "unduh_lain": ("Unduhan lain ▾", "More downloads ▾"),
    "unduh_tingkat_bawah": ("Tingkat lebih bawah", "Levels further down"),
    "semua": ("Semua", "All"),
    "kode": ("Kode", "Code"),
    "seluruh": ("Seluruh", "All of"),
    "peta": ("Peta capaian {tingkat}", "Map of achievement: {tingkat}"),
    "peta_rendah": ("di bawah 70 %", "under 70 %"),
    "peta_sedang": ("70-90 %", "70-90 %"),
    "peta_baik": ("90 % ke atas", "90 % and over"),
    "peta_tanpa": ("tanpa target", "no target"),
    "peta_isi": (
        "Satu kotak per provinsi, letaknya mengikuti peta. Klik kotak untuk turun satu tingkat.",
        "One square per province, placed as on the map. Click a square to go one level down.",
    ),
    "langganan": ("Langganan", "Subscriptions"),
    "rencana": ("rencana", "planned"),
    "aksi": ("Aksi", "Actions"),
    "aksi_buka": ("Aksi dan efeknya", "Actions and their effect"),
    "aksi_lain": ("dan {n} aksi lain di halaman Aksi", "and {n} more actions on the Aksi page"),
    "aksi_lain_satu": ("dan {n} aksi lain di halaman Aksi", "and {n} more action on the Aksi page"),
    "tinjauan_surel": ("Kirim tiap minggu lewat surel", "Send every week by email"),
    "peta_batas_isi": (
        "Klik wilayah untuk turun satu tingkat. Arahkan atau ketuk untuk angkanya.",
        "Click a region to go one level down. Point at or tap it for its numbers.",
    ),
    "peta_sebagian": (
        "{n} dari {semua} {tingkat} belum punya batas di peta; semuanya ada di tabel.",
        "{n} of {semua} {tingkat} have no boundary on the map yet; all are in the table.",
    ),
    "peta_belum": (
        "Peta {tingkat} belum tersedia: batas wilayahnya belum dimuat. Minta admin Cakupan memuatnya. Sampai "
        "itu, tabel dan grafik menampilkan semuanya.",
        "No map of the {tingkat} yet: their boundaries have not been loaded. Ask your Cakupan administrator to "
        "load them. Until then the table and chart show everything.",
    ),
    "peta_sumber": (
        "Batas wilayah: {berkas}, dimuat pengelola.",
        "Boundaries: {berkas}, loaded by the administrator.",
    ),
    "seluruh_isi_anggaran": (
        "Baris terakhir adalah wilayah ini sendiri: jumlah semua baris di atas, termasuk yang wilayahnya tidak diketahui.",
        "The last row is this region itself: the sum of the rows above, those of unknown region included.",
    ),
    "seluruh_isi": (
        "Baris terakhir adalah wilayah ini sendiri: pesertanya jumlah semua baris di atas (termasuk yang "
        "wilayahnya tidak diketahui), targetnya target wilayah ini, bukan jumlah target di bawahnya.",
        "The last row is this region itself: its participants are the sum of the rows above (those of unknown "
        "region included), its target is this region's own, not the sum of the targets below.",
    ),
    "cari": ("Cari wilayah atau kode…", "Search a region or code…"),
    "belum_ada_data": ("Belum ada data", "No data yet"),
    "belum_ada_data_isi": (
        "Belum ada data peserta. Minta admin Cakupan memuat daftar peserta; halaman ini terisi setelah data "
        "pertama dimuat.",
        "No participant data yet. Ask your Cakupan administrator to load a roster; this page fills in once the "
        "first data is loaded.",
    ),
    "tanpa_target": ("Belum ada target untuk wilayah ini", "This region has no target of its own"),
    "tanpa_target_saringan": (
        "Target berlaku untuk semua program, sumber iuran, pekerja rentan dan kantor cabang: dengan filter ini "
        "tidak ada target",
        "Targets count every programme, contribution source, vulnerable worker and branch office: with this "
        "filter there is no target",
    ),
    "tanpa_target_segmen": (
        "Belum ada target segmen {segmen} untuk wilayah ini",
        "This region has no {segmen} target yet",
    ),
    "tanpa_target_cabang": (
        "Target dihitung untuk semua kantor cabang bersama: tidak ada target untuk satu kantor cabang",
        "Targets count every branch office together: there is no target for one branch",
    ),
    "target_tahun": ("target tahun", "target for"),
    "target_1rw100": ("Target 1 RW 100", "1 RW 100 target"),
    "target_1rw100_isi": (
        "Tanpa target sendiri: RW diketahui x 100 (aturan 1 RW 100)",
        "No target of its own: RWs known x 100 (the 1 RW 100 rule)",
    ),
    "capaian_1rw100": ("Capaian 1 RW 100", "1 RW 100 achievement"),
    "target_turunan": ("Target turunan", "Derived target"),
    "target_turunan_isi": (
        "Dibagi dari target {induk} menurut {dasar}, oleh {oleh}",
        "Split from the target of {induk} on {dasar}, by {oleh}",
    ),
    "tanda_turunan": (
        "² Target turunan: bagian dari target wilayah induk, dibagi atas permintaan pengguna (halaman Pembagian target).",
        "² Derived target: a share of the parent region's target, split when a user asked (the Target split page).",
    ),
    "dasar_berbeda": ("Diukur dengan target lain", "Measured against another target"),
    "dasar_berbeda_isi": (
        "{n} dari {semua} {tingkat} di bawah ini belum punya target sendiri: warnanya mengukur jarak ke "
        "target 1 RW 100 (jumlahnya {target_anak}), bukan ke bagian dari target {induk} ({target_induk}, "
        "capaian {capaian}). Merah di sini berarti jauh dari 1 RW 100.",
        "{n} of the {semua} {tingkat} below have no target of their own: their colours measure the distance "
        "to the 1 RW 100 target (together {target_anak}), not to a share of {induk}'s target ({target_induk}, "
        "achievement {capaian}). Red here means far from 1 RW 100.",
    ),
    "dasar_berbeda_bagi": (
        "Bagi target {induk} ke {tingkat} di bawahnya",
        "Split {induk}'s target over the {tingkat} below",
    ),
    "bagi_target": ("Bagi target ke wilayah di bawah", "Split the target over the regions below"),
    # a split's basis inside a sentence ('dibagi menurut jumlah RW'); its label: metrics.pembagian.DASAR
    "dasar_pekerja": ("jumlah penduduk bekerja", "the working population"),
    "dasar_terdaftar": ("jumlah peserta terdaftar", "registered participants"),
    "dasar_rw": ("jumlah RW", "the number of RWs"),
    "dasar_rata": ("bagian sama rata", "equal shares"),
    "target": ("Pembagian target", "Target split"),
    "dari": ("dari", "of"),
    "pindah": ("pindah", "moved"),
    "minggu_ini": ("Perubahan minggu ini", "Change this week"),
    "laju": ("Laju per minggu", "Pace per week"),
    # the month ahead (issue 35, item 4)
    "bulan_depan": ("Bulan depan", "Next month"),
    "jatuh_tempo": ("jatuh tempo akhir bulan", "due at the end of the month"),
    "bila_tak_bayar": ("capaian bila tak ada yang membayar", "achievement if none of them pays"),
    "aktif_tak_bayar": ("aktif bila tak ada yang membayar", "active if none of them pays"),
    "bila_semua_bayar": ("capaian bila semua membayar", "achievement if all of them pay"),
    "tempo_cara": (
        "Peserta aktif yang iuran terakhirnya {bulan} berhenti aktif di akhir bulan ini bila tidak membayar. "
        "Peserta aktif tanpa bulan iuran (aktif menurut status) tidak dihitung.",
        "Active participants whose last paid month is {bulan} lapse at the end of this month unless they pay. "
        "Active participants without a paid month (active by status) are not counted.",
    ),
    "tempo_tak_diketahui": (
        "Belum diketahui untuk tanggal data ini (rincian peserta tidak disimpan), atau dengan filter ini: "
        "jatuh tempo dihitung per wilayah, RW, segmen dan kantor cabang.",
        "Not known for this data date (participants no longer kept), or with this filter: dues are counted "
        "per region, RW, segment and branch office.",
    ),
    "tempo_unduh": ("Unduh daftar peserta jatuh tempo", "Download the list of participants due"),
    "tempo_rw": (
        "↓ angka: peserta yang jatuh tempo akhir bulan ini",
        "↓ number: participants due at the end of this month",
    ),
    "dibutuhkan": ("dibutuhkan", "needed"),
    "tercapai_laju": ("4 minggu terakhir", "last 4 weeks"),
    "tercapai_laju_n": ("{n} minggu terakhir", "last {n} weeks"),  # fewer weeks of data than 4 (format.kata_laju)
    "tidak_tercapai": ("tidak tercapai pada laju ini", "not reached at this pace"),
    "tercapai_pada": ("tercapai pada", "reached on"),
    "sudah_tercapai": ("target sudah tercapai", "target already reached"),
    "tren": ("Peserta aktif per tanggal data", "Active participants by snapshot"),
    "proyeksi": ("Proyeksi laju 4 minggu", "Projection at the 4-week pace"),
    "proyeksi_kata": ("proyeksi", "projected"),
    # a trend without a target line says so on the chart (a branch: targets count every branch)
    "tren_tanpa_target": ("Belum ada target", "No target yet"),
    "tren_tanpa_target_cabang": ("Tidak ada target untuk satu kantor cabang", "No target for one branch office"),
    "peringkat_capaian": ("Capaian wilayah di bawah", "Achievement of the regions in"),
    "peringkat_kosong": ("Tidak ada wilayah di bawahnya yang punya target.", "No region below has a target."),
    "anak": ("Wilayah di bawah", "Regions in"),
    "klik_turun": ("Klik baris atau batang untuk turun satu tingkat.", "Click a row or bar to go one level down."),
    "rw_terbawah": ("RW adalah tingkat terbawah.", "An RW is the lowest level."),
    "tidak_diketahui": ("Tidak diketahui", "Unknown"),
    "rw_pilih": (
        "Pilih kecamatan atau kelurahan untuk melihat setiap RW-nya.",
        "Choose a kecamatan or kelurahan to see each of its RWs.",
    ),
    "rw_tanpa_referensi": (
        "Tanpa referensi RW: hanya RW yang muncul di daftar peserta yang diketahui.",
        "No RW reference: only RWs that appear in the roster are known.",
    ),
    "rw_terjauh": ("RW terjauh dari target", "RWs furthest from target"),
    "tanda_1rw100": (
        "¹ Tanpa target sendiri: target 1 RW 100 (RW diketahui x 100).",
        "¹ No target of its own: the 1 RW 100 target (RWs known x 100).",
    ),
    "rw_dari": (
        "{tampil} dengan bagian RW tercapai tertinggi, dari {punya} wilayah dengan RW diketahui{lain}.",
        "The {tampil} with the highest share of RWs at target, of {punya} regions with RWs known{lain}.",
    ),
    "rw_dari_lain": (
        " ({semua} wilayah di bawahnya; yang lain belum punya referensi RW atau peserta ber-RW)",
        " ({semua} regions below; the others have no RW reference or participants with an RW yet)",
    ),
    "rw_kelurahan": ("RW · kelurahan", "RW · village"),
    "rw_legenda_tercapai": ("Tercapai: {target} peserta aktif atau lebih", "At target: {target} active or more"),
    "rw_legenda_dekat": ("Dekat: {dari}-{sampai}", "Near: {dari}-{sampai}"),
    "rw_legenda_jauh": ("Jauh: 0-{sampai}", "Far: 0-{sampai}"),
    "rw_legenda_tanpa": ("Tanpa target", "No target"),
    "berhasil": (
        "Syarat berhasil terpenuhi: paling sedikit separuh RW mencapai target.",
        "Success bar met: at least half of the RWs reach the target.",
    ),
    "belum_berhasil": (
        "Syarat berhasil belum terpenuhi: kurang dari separuh RW mencapai target.",
        "Success bar not met: fewer than half of the RWs reach the target.",
    ),
    "segmen_kosong": (
        "Tidak ada peserta dengan pilihan ini di wilayah ini.",
        "No participants match this choice in this region.",
    ),
    "per_segmen": ("Peserta menurut segmen", "Participants by segment"),
    "per_program": ("Peserta aktif menurut program", "Active participants by programme"),
    "per_sumber": ("Peserta menurut sumber iuran", "Participants by contribution source"),
    "pekerjaan_bpu": ("Pekerjaan peserta BPU", "Occupations of BPU participants"),
    "terdaftar": ("Terdaftar", "Registered"),
    "aktif": ("Aktif", "Active"),
    "anggaran_judul": ("Anggaran iuran pekerja rentan", "Contribution budget for vulnerable workers"),
    "anggaran_rumus": (
        "Pekerja rentan x Rp16.800 per bulan x jumlah bulan.",
        "Vulnerable workers x Rp16,800 a month x months.",
    ),
    "per_sumber_dana": ("Menurut sumber dana", "By funding source"),
    "anggaran_anak": ("Anggaran wilayah di bawah", "Budget of the regions in"),
    "riwayat": ("Riwayat pemuatan", "Load history"),
    "kiriman": ("Laporan mingguan lewat surel", "Weekly reports by email"),
    "kiriman_isi": (
        "Tiap langganan mendapat laporan tanggal data terbaru satu kali. Yang gagal dicoba lagi dengan jeda 5 menit, lalu dua kali lipat, paling lama 6 jam, sampai 8 kali; yang menunggu surel menyebut sebabnya. Laporan yang belum terkirim saat data yang lebih baru dimuat diganti laporan baru.",
        "Each subscription gets the newest data's report once. A failed one is tried again after 5 minutes, then twice as long, at most 6 hours, up to 8 times; one waiting for mail says why. A report not sent when newer data is loaded is replaced by the new one.",
    ),
    "kata_bulan": ("bulan", "months"),
    "garis_per_minggu": (" / minggu", " / week"),
    "rincian_muat": ("Isi setiap berkas dan lembar", "What each file and sheet held"),
    "rincian_muat_isi": (
        "Dibaca = dimuat + ditolak. Baris judul, baris jumlah dan lembar tanpa daftar tidak dihitung "
        "sebagai peserta; semuanya disebut di sini.",
        "Read = loaded + rejected. Title rows, totals rows and sheets without a roster are not "
        "participants; each is named here.",
    ),
    "ditolak": ("Baris ditolak menurut alasan", "Rejected rows by reason"),
    "ditandai": ("Baris ditandai menurut jenis", "Flagged rows by kind"),
    "ditolak_unduh": ("Semua baris ditolak (NIK disamarkan, tanpa nama)", "Every rejected row (NIK masked, no name)"),
    "tidak_ada": ("Tidak ada.", "None."),
    "admin_wilayah": (
        "Sebagai admin wilayah Anda melihat baris yang ditolak dan jejak audit wilayah Anda. Riwayat muat "
        "dan jumlah per berkas (semua wilayah) untuk admin nasional.",
        "As a regional administrator you see your region's rejected rows and audit trail. The load history "
        "and per-file counts (every region) are for national administrators.",
    ),
    "tidak_bisa_dijawab": ("Tidak bisa ditampilkan", "Cannot be shown"),
    "galat_parameter": (
        "Sebagian pilihan di alamat tidak dikenal dan diabaikan",
        "Some choices in the address were not recognised and are ignored",
    ),
    # What a page shows instead of what its address named, and why (layouts/keadaan.py)
    "snapshot_lain": (
        "Data {tampil} ditampilkan: tidak ada data pada {minta}",
        "Data of {tampil} shown: there is no data on {minta}",
    ),
    "snapshot_sebelum_awal": (
        "Data {tampil} ditampilkan: tidak ada data pada {minta}, sebelum data pertama",
        "Data of {tampil} shown: there is no data on {minta}, before the first data",
    ),
    "tempat_luar": (
        "{minta} di luar lingkup akses Anda (wilayah akun Anda: {tampil})",
        "{minta} is outside your access scope (your account's region: {tampil})",
    ),
    "cabang_luar": (
        "Kantor cabang {minta} di luar lingkup akses Anda (kantor cabang akun Anda: {tampil})",
        "Branch office {minta} is outside your access scope (your account's branch: {tampil})",
    ),
    "wilayah_kode": ("Wilayah {kode}", "Region {kode}"),
    "tema_gelap": ("Gelap", "Dark"),
    "keluar": ("Keluar", "Log out"),
    "menu": ("Menu", "Menu"),
    "saring": ("Saring", "Filter"),
    "tinjauan": ("Tinjauan Mingguan", "Weekly Review"),
    "per_minggu": ("per minggu", "per week"),
    "minggu_ini_pendek": ("Minggu ini", "This week"),
    "target_tercapai_pada": ("Target tercapai pada", "Target reached on"),
    "tinjauan_nav": ("Tinjauan ▸", "Review ▸"),
    "tinjauan_buka": ("Buka di proyektor", "Open on the projector"),
    "tinjauan_pdf": ("Unduh PDF (untuk ponsel)", "Download PDF (for phones)"),
    "tinjauan_html": ("Unduh HTML (semua grafik)", "Download HTML (every chart)"),
    # the card to share (issue 35, item 5: layouts/kartu_png.py, its link on Ringkasan)
    "kartu_bagikan": ("Bagikan ke grup chat", "Share in a chat group"),
    "kartu_unduh": ("Unduh gambar ringkasan (PNG)", "Download the headline as an image (PNG)"),
    "kartu_terpotong": ("… selengkapnya di halaman Ringkasan", "… more on the Overview page"),
    "tinjauan_pdf_tak_tercetak": (
        "Sebagian huruf atau simbol di halaman ini tidak dapat dicetak di PDF dan ditampilkan sebagai {tanda}.",
        "Some letters or symbols on this page cannot be printed in a PDF and are shown as {tanda}.",
    ),
    "dibanding": ("dibanding", "compared with"),
    "dari_target": ("dari target", "of a target of"),
    "baru": ("baru", "new"),
    "berhenti": ("berhenti", "lapsed"),
    "laju_belum": (
        "Baru satu tanggal data: laju belum bisa diketahui.",
        "Only one snapshot so far: the pace cannot be known yet.",
    ),
    "tepat_waktu": ("sebelum akhir tahun", "before the end of the year"),
    "terlambat": ("setelah akhir tahun", "after the end of the year"),
    "dibutuhkan_sampai": ("Dibutuhkan sampai 31 Desember", "Needed until 31 December"),
    "bergerak": ("Bergerak minggu ini di", "This week's movers in"),
    "naik_terbanyak": ("Naik paling banyak", "Gained most"),
    "bergerak_dari": (
        "{naik} yang naik paling banyak dan {turun} yang paling sedikit, dari {semua} wilayah di bawahnya; "
        "semuanya di halaman Wilayah.",
        "The {naik} that gained most and the {turun} that gained least of {semua} regions below; "
        "all of them on the Wilayah page.",
    ),
    "naik_tersedikit": ("Paling sedikit atau turun", "Gained least or fell"),
    "tertinggal": ("Terjauh dari target di", "Furthest from target in"),
    "wilayah_kosong": (
        "Belum ada peserta di wilayah ini pada tanggal data ini.",
        "No participants in this region in this snapshot.",
    ),
    "anak_tanpa_target": (
        "Wilayah di bawah ini belum punya target sendiri; capaian dan kekurangan tidak dihitung.",
        "The regions below have no targets of their own; no achievement or shortfall.",
    ),
    "semua_peserta": ("semua peserta", "every participant"),
    "laju_sejak": ("laju 4 minggu sejak", "4-week pace since"),
    "filter": ("Filter", "Filters"),
    "dibaca": ("Baris dibaca", "Rows read"),
    "dimuat": ("Dimuat", "Loaded"),
    "ditolak_kata": ("ditolak", "rejected"),
    "ditolak_admin": (
        "Jumlah baris ditolak per tanggal data terlihat oleh admin (halaman Data).",
        "Rejected row counts per snapshot are shown to administrators (Data page).",
    ),
    "dibuat": ("Dibuat", "Made"),
    "catatan_data": ("Catatan data", "Data notes"),
    "hanya_admin": (
        "Halaman ini untuk admin: riwayat pemuatan, baris ditolak dan jejak audit mencakup semua wilayah.",
        "This page is for administrators: load history, rejected rows and the audit trail cover every region.",
    ),
    "jejak_audit": ("Jejak audit (masuk, pemuatan, unduhan)", "Audit trail (logins, loads, downloads)"),
    # Bandingkan (issue 35, item 1): layouts/banding.py, layouts/pages/banding.py, the review's slide
    "banding": ("Bandingkan", "Compare"),
    "banding_mode_tanggal": ("Dua tanggal data", "Two data dates"),
    "banding_mode_wilayah": ("Beberapa wilayah", "Several places"),
    "banding_pilih_tanggal": ("Bandingkan dengan data per", "Compare with data as of"),
    "banding_pilih_wilayah": ("Bandingkan dengan (1-3 wilayah)", "Compare with (1-3 places)"),
    "banding_setingkat": ("Setingkat", "Same level"),
    "banding_di_bawah": ("Di bawah {tempat}", "Below {tempat}"),
    "banding_judul_tanggal": ("{tempat}: {dulu} dan {kini}", "{tempat}: {dulu} and {kini}"),
    "banding_judul_wilayah": ("Berdampingan per {tanggal}", "Side by side as of {tanggal}"),
    "banding_isi_tanggal": (
        "Ukuran yang sama dengan filter yang sama pada dua tanggal data. Selisih = tanggal yang lebih baru "
        "dikurangi yang lebih lama; selisih capaian dalam poin persen.",
        "The same measures with the same filters at two data dates. Difference = the newer date minus the "
        "older; the difference in achievement is in percentage points.",
    ),
    "banding_isi_wilayah": (
        "Ukuran yang sama dengan tanggal data dan filter yang sama; setiap wilayah diukur terhadap targetnya "
        "sendiri. Selisih = wilayah itu dikurangi {acuan}; selisih capaian dalam poin persen.",
        "The same measures with the same data date and filters; each place is measured against its own "
        "target. Difference = that place minus {acuan}; the difference in achievement is in percentage points.",
    ),
    "banding_kolom": ("Wilayah / tanggal", "Place / date"),
    "banding_selisih": ("Selisih {baru} − {lama}", "Difference {baru} − {lama}"),
    "banding_poin": ("poin", "pts"),
    "banding_selisih_pendek": ("Selisih", "Difference"),
    "banding_kalimat_tanggal": (
        "Dari {dulu} ke {kini}: peserta aktif {a_dulu} → {a_kini} ({a_beda})",
        "From {dulu} to {kini}: active participants {a_dulu} → {a_kini} ({a_beda})",
    ),
    "banding_kalimat_capaian_tanggal": (
        "; capaian {c_dulu} → {c_kini} ({c_beda}); kekurangan {k_dulu} → {k_kini}",
        "; achievement {c_dulu} → {c_kini} ({c_beda}); shortfall {k_dulu} → {k_kini}",
    ),
    "banding_kalimat_wilayah": (
        "{nama}: peserta aktif {aktif} ({a_beda} dibanding {acuan})",
        "{nama}: active participants {aktif} ({a_beda} against {acuan})",
    ),
    "banding_kalimat_capaian_wilayah": (", capaian {capaian} ({c_beda})", ", achievement {capaian} ({c_beda})"),
    "banding_luar": (
        "{minta} di luar lingkup akses Anda (wilayah akun Anda: {tampil}): tidak dibandingkan.",
        "{minta} is outside your access scope (your account's region: {tampil}): not compared.",
    ),
    "banding_tinjauan": ("Tampilkan sebagai slide di Tinjauan Mingguan", "Show as a slide in the Weekly Review"),
    "banding_slide": ("Perbandingan", "Comparison"),
    "dan": ("dan", "and"),
    # Kantor cabang (issue 35, item 2): layouts/pages/cabang.py
    "cabang": ("Cabang", "Branches"),  # the menu and the tab: short, the page names itself in full
    "cabang_judul": ("Kantor cabang {nama}", "Branch office {nama}"),
    "cabang_peringkat_judul": ("Peringkat kantor cabang terhadap targetnya", "Branch offices against their targets"),
    "cabang_cakupan": (
        "Angka kantor cabang {nama} menghitung peserta yang baris daftar pesertanya menyebut kantor cabang ini, "
        "di mana pun mereka tinggal: peserta yang tinggal di wilayah lain tetap dihitung di sini, dan peserta "
        "yang tinggal di sekitar kantor ini tetapi terdaftar di kantor cabang lain tidak. Targetnya adalah target "
        "kantor cabang itu sendiri, bukan target wilayah: target wilayah menghitung semua kantor cabang bersama.",
        "Branch office {nama}'s numbers count the participants whose roster rows name this branch, wherever they "
        "live: participants living in other regions are counted here, and those living near this office but "
        "registered with another branch are not. Its target is the branch's own, not a region's: region targets "
        "count every branch together.",
    ),
    "cabang_peringkat_isi": (
        "Setiap kantor cabang menghitung peserta yang baris daftarnya menyebut cabang itu, di mana pun mereka "
        "tinggal, dan diukur terhadap target kantor cabangnya sendiri. Urutan: capaian tertinggi lebih dulu; "
        "kantor cabang tanpa target di bawah.",
        "Each branch office counts the participants whose roster rows name it, wherever they live, and is "
        "measured against its own branch target. Order: highest achievement first; branches without a target last.",
    ),
    "cabang_peringkat_ke": (
        "Peringkat {n} dari {dari} kantor cabang yang punya target",
        "Ranked {n} of {dari} branch offices with a target",
    ),
    "cabang_peringkat_lihat": ("Lihat peringkat semua kantor cabang", "See the ranking of all branch offices"),
    "cabang_tanpa_target": (
        "Belum ada target untuk kantor cabang ini tahun {tahun}",
        "No target for this branch office in {tahun} yet",
    ),
    "cabang_target_isi": ("Target kantor cabang {tahun}", "Branch office target {tahun}"),
    "cabang_target_segmen": (
        "Target kantor cabang {tahun}, segmen {segmen}",
        "Branch office target {tahun}, segment {segmen}",
    ),
    "cabang_belum_ada_target": (
        "Belum ada target kantor cabang untuk tahun {tahun}. Admin dapat memuat berkas target per kantor cabang "
        "(nama kantor cabang, tahun, segmen, target).",
        "No branch office targets for {tahun} yet. An administrator can load a file of targets per branch office "
        "(branch name, year, segment, target).",
    ),
    "cabang_tidak_di_daftar": (
        "Tidak ada baris daftar peserta pada tanggal data ini yang menyebut kantor cabang ini: periksa ejaan "
        "namanya di berkas target.",
        "No roster row at this snapshot names this branch office: check how the target file spells its name.",
    ),
    "cabang_tidak_di_daftar_pendek": ("tidak ada di daftar peserta", "not in the roster"),
    "cabang_kabkota": (
        "Kabupaten/kota tempat peserta {nama} tinggal",
        "Regencies/cities where {nama}'s participants live",
    ),
    "cabang_kecamatan": ("Kecamatan tempat peserta {nama} tinggal", "Districts where {nama}'s participants live"),
    "cabang_wilayah_isi": (
        "Hanya peserta kantor cabang ini; tanpa target per wilayah, karena target wilayah menghitung semua kantor "
        "cabang bersama.",
        "This branch office's participants only; no target per region, for region targets count every branch together.",
    ),
    "cabang_wilayah_diabaikan": (
        "Halaman kantor cabang tidak dibatasi wilayah yang dipilih ({tempat}): peserta kantor cabang dihitung di "
        "mana pun mereka tinggal.",
        "The branch office page is not limited to the chosen region ({tempat}): a branch's participants are "
        "counted wherever they live.",
    ),
    "cabang_kosong": ("Belum ada kantor cabang di daftar peserta.", "No branch office in the roster yet."),
    "cabang_no": ("No.", "No."),
}


# A weekly report's delivery (isian/langganan.py's kiriman.status) in words: the Langganan and Data pages
STATUS_KIRIMAN = {
    "terkirim": ("terkirim", "sent"),
    "gagal": ("gagal", "failed"),
    "dilewati": ("dilewati", "skipped"),
    "mengirim": ("sedang dikirim", "sending"),
    "menunggu": ("menunggu surel", "waiting for mail"),
    "digantikan": ("diganti laporan yang lebih baru", "replaced by a newer one"),
    "mungkin": ("mungkin belum sampai", "may not have arrived"),  # a run died mid-send (issue 31)
    "ulang": ("akan dikirim ulang", "to be sent again"),
}


def kata_status(status: str, bahasa: str) -> str:
    """A delivery's status in words (STATUS_KIRIMAN), the code itself when it has none."""
    return pick(STATUS_KIRIMAN.get(status, (status, status)), bahasa)


def pick(pasangan: tuple[str, str], bahasa: str = "id") -> str:
    """The Indonesian (bahasa 'id') or English word of an (id, en) pair: the one language switch."""
    return pasangan[0 if bahasa == "id" else 1]


def t(kunci: str, bahasa: str = "id") -> str:
    return pick(TEKS[kunci], bahasa)
