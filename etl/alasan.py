"""Every reject reason, flag and reported row kind in plain words (Bahasa Indonesia, English).

The codes stay for analysts (exports, JSON); people read the words: the printed summary, the
JSON summary's `words`, the Data page (through the `kamus_kode` table written with every
build) and docs/data-quality.md all come from here. Source: data contract section 1-3.
"""

from __future__ import annotations

# (file kind, code) -> (kind of entry, words in Indonesian, words in English)
KAMUS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("peserta", "nik_invalid"): ("ditolak", "NIK kosong atau bukan 16 digit", "NIK empty or not 16 digits"),
    ("peserta", "nik_angka"): (
        "ditolak",
        "NIK tersimpan sebagai angka, digit terakhirnya hilang",
        "NIK stored as a number, its last digits lost",
    ),
    ("peserta", "wilayah_angka_ambigu"): (
        "ditolak",
        "kode wilayah tersimpan sebagai angka yang tidak bisa dibaca sebagai satu kode pasti (mis. 32.099999)",
        "region code stored as a number that cannot be read as one sure code (e.g. 32.099999)",
    ),
    ("peserta", "row_malformed"): (
        "ditolak",
        "jumlah kolom tidak sama dengan baris judul (atau tanda kutip tidak berpasangan)",
        "field count differs from the header (or a stray quote)",
    ),
    ("peserta", "formula_no_value"): (
        "ditolak",
        "sel berisi rumus tanpa hasil tersimpan",
        "a formula cell with no saved result",
    ),
    ("peserta", "segmen_invalid"): (
        "ditandai",
        "segmen tidak dikenal, dihitung sebagai TIDAK_DIKETAHUI",
        "unknown segment, counted as TIDAK_DIKETAHUI",
    ),
    ("peserta", "program_invalid"): (
        "ditandai",
        "kode program tidak dikenal, dibuang",
        "unknown programme code, dropped",
    ),
    ("peserta", "wilayah_invalid"): (
        "ditandai",
        "kode wilayah tidak ada di daftar Kemendagri, dihitung di induk sah terdekat",
        "region code not in the Kemendagri list, counted at its nearest valid parent",
    ),
    ("peserta", "wilayah_lama"): (
        "ditandai",
        "kode wilayah dari sebelum pemekaran Papua 2022, dihitung di wilayah sekarang",
        "region code from before the 2022 Papua split, counted in today's region",
    ),
    ("peserta", "wilayah_angka"): (
        "ditandai",
        "kode wilayah tersimpan sebagai angka (32.10 menjadi 32.1), dibaca sebagai satu-satunya kode yang mungkin (32.10)",
        "region code stored as a number (32.10 became 32.1), read as the only code it can be (32.10)",
    ),
    ("peserta", "wilayah_unknown"): (
        "ditandai",
        "kode wilayah tidak dikenal sama sekali, dihitung sebagai wilayah tidak diketahui",
        "region code unknown, counted as region unknown",
    ),
    ("peserta", "rw_invalid"): ("ditandai", "RW bukan angka 1-999, dibuang", "RW not a number 1-999, dropped"),
    ("peserta", "tanggal_daftar_invalid"): (
        "ditandai",
        "tanggal daftar tidak terbaca atau sesudah tanggal data, dibuang",
        "registration date unreadable or after the as-of date, dropped",
    ),
    ("peserta", "sumber_iuran_invalid"): (
        "ditandai",
        "sumber iuran tidak dikenal, dihitung sebagai LAINNYA",
        "unknown contribution source, counted as LAINNYA",
    ),
    ("peserta", "status_unknown"): (
        "ditandai",
        "tanpa bulan iuran dan status: terdaftar, tidak dihitung aktif",
        "neither contribution month nor status: registered, not active",
    ),
    ("peserta", "nik_duplicate"): (
        "ditandai",
        "NIK yang sama di baris lain; satu orang dihitung sekali",
        "the same NIK on another row; one person counted once",
    ),
    ("*", "title_rows"): (
        "dilaporkan",
        "baris judul di atas baris kolom (nama-nama kolom), dilewati",
        "title rows above the header, skipped",
    ),
    ("*", "total_rows"): (
        "dilaporkan",
        "baris jumlah (JUMLAH/TOTAL) dan catatan di bawahnya, bukan peserta",
        "totals rows (JUMLAH/TOTAL) and the notes below them, not participants",
    ),
    ("*", "note_rows"): (
        "dilaporkan",
        "baris catatan di bawah tabel (tempat dan tanggal, tanda tangan), bukan peserta",
        "notes under the table (place and date, signature), not participants",
    ),
    ("*", "skipped_sheets"): (
        "dilaporkan",
        "lembar tanpa baris kolom daftar peserta (nik, segmen, kode_wilayah), dilewati",
        "sheets without a roster header, skipped",
    ),
    ("target", "wilayah_invalid"): (
        "ditolak",
        "kode wilayah bukan kode Kemendagri (atau kosong/ID untuk nasional)",
        "region code not a Kemendagri code (or empty/ID for national)",
    ),
    ("target", "tahun_invalid"): ("ditolak", "tahun bukan tahun 2000-2100", "year not 2000-2100"),
    ("target", "segmen_invalid"): (
        "ditolak",
        "segmen bukan kosong, PU, BPU, JAKON atau PMI",
        "segment not empty, PU, BPU, JAKON or PMI",
    ),
    ("target", "target_invalid"): (
        "ditolak",
        "target bukan bilangan bulat positif",
        "target not a positive whole number",
    ),
    ("target", "target_duplicate"): (
        "ditolak",
        "wilayah, tahun dan segmen yang sama sudah ada di baris sebelumnya",
        "the same region, year and segment earlier in the file",
    ),
    ("target_cabang", "cabang_invalid"): ("ditolak", "nama kantor cabang kosong", "branch office name empty"),
    ("target_cabang", "cabang_tidak_dikenal"): (
        "ditandai",
        "kantor cabang tidak disebut satu baris pun di daftar peserta terbaru (dimuat; periksa ejaannya)",
        "branch office named by no row of the newest roster (loaded; check its spelling)",
    ),
    ("target_cabang", "tahun_invalid"): ("ditolak", "tahun bukan tahun 2000-2100", "year not 2000-2100"),
    ("target_cabang", "segmen_invalid"): (
        "ditolak",
        "segmen bukan kosong, PU, BPU, JAKON atau PMI",
        "segment not empty, PU, BPU, JAKON or PMI",
    ),
    ("target_cabang", "target_invalid"): (
        "ditolak",
        "target bukan bilangan bulat positif",
        "target not a positive whole number",
    ),
    ("target_cabang", "target_duplicate"): (
        "ditolak",
        "kantor cabang, tahun dan segmen yang sama sudah ada di baris sebelumnya",
        "the same branch office, year and segment earlier in the file",
    ),
    ("rw", "wilayah_invalid"): (
        "ditolak",
        "bukan kode kelurahan/desa 10 digit di daftar Kemendagri",
        "not a 10-digit kelurahan/desa code in the Kemendagri list",
    ),
    ("rw", "jumlah_rw_invalid"): ("ditolak", "jumlah RW bukan angka 1-999", "RW count not a number 1-999"),
    ("rw", "rw_duplicate"): (
        "ditolak",
        "kelurahan yang sama sudah ada di baris sebelumnya",
        "the same kelurahan earlier in the file",
    ),
    ("pekerja", "wilayah_invalid"): (
        "ditolak",
        "kode wilayah bukan kode Kemendagri (atau kosong/ID untuk nasional)",
        "region code not a Kemendagri code (or empty/ID for national)",
    ),
    ("pekerja", "tahun_invalid"): ("ditolak", "tahun bukan tahun 2000-2100", "year not 2000-2100"),
    ("pekerja", "pekerja_invalid"): (
        "ditolak",
        "jumlah pekerja bukan bilangan bulat positif",
        "workers not a positive whole number",
    ),
    ("pekerja", "pekerja_duplicate"): (
        "ditolak",
        "wilayah dan tahun yang sama sudah ada di baris sebelumnya",
        "the same region and year earlier in the file",
    ),
    ("peta", "kode_kosong"): ("ditolak", "fitur tanpa kode wilayah", "a feature with no region code"),
    ("peta", "kode_invalid"): (
        "ditolak",
        "kode bukan kode Kemendagri (2, 4, 6 atau 10 digit, bertitik atau tidak)",
        "code not a Kemendagri code (2, 4, 6 or 10 digits, dotted or plain)",
    ),
    ("peta", "wilayah_invalid"): (
        "ditolak",
        "kode tidak ada di daftar Kemendagri",
        "code not in the Kemendagri list",
    ),
    ("peta", "bukan_poligon"): ("ditolak", "geometri kosong atau bukan poligon", "geometry empty or not a polygon"),
    ("peta", "digabung"): (
        "ditandai",
        "beberapa fitur berkode sama, digabung menjadi satu wilayah",
        "several features with one code, merged into one region",
    ),
    ("peta", "wilayah_lama"): (
        "ditandai",
        "kode dari sebelum pemekaran Papua 2022, dipakai untuk wilayah sekarang",
        "code from before the 2022 Papua split, used for today's region",
    ),
}
for _kind in ("target", "target_cabang", "rw", "pekerja"):
    KAMUS[(_kind, "row_malformed")] = KAMUS[("peserta", "row_malformed")]
    KAMUS[(_kind, "formula_no_value")] = KAMUS[("peserta", "formula_no_value")]

SARAN_NIK_ANGKA = (
    "NIK di {n} baris tersimpan sebagai angka, sehingga digit terakhirnya hilang dan dua orang bisa "
    "terbaca sama. Format kolom NIK sebagai Teks, isi NIK dari sumbernya, lalu ekspor lagi."
)
SARAN_WILAYAH_ANGKA = (
    "Kode wilayah di {n} baris tersimpan sebagai angka, bukan teks (Excel menulis 32.10 sebagai 32.1)"
    "{rincian}. Format kolom kode_wilayah sebagai Teks, tulis kodenya lengkap (32.10), lalu ekspor lagi."
)
RINCIAN_WILAYAH_ANGKA = {
    "dibaca": "{n} dibaca sebagai satu-satunya kode yang mungkin",
    "ditolak": "{n} ditolak karena tidak bisa dibaca sebagai satu kode pasti",
}
SARAN_WILAYAH_TEKS = (
    "Kode wilayah di {n} baris tertulis seperti 32.1, yang bisa berarti 32.10 atau 32.01, sehingga "
    "dihitung di provinsinya saja. Bila kolom itu berisi angka di Excel (Excel menulis 32.10 sebagai 32.1), "
    "format kolom kode_wilayah sebagai Teks, tulis kodenya lengkap (32.10), lalu simpan lagi."
)
SARAN_RUMUS = (
    "Kolom {kolom} berisi rumus tanpa hasil tersimpan (berkas dibuat program dan belum pernah dibuka). "
    "Buka berkasnya di Excel atau LibreOffice, simpan, lalu muat lagi."
)


def kata(kind: str, code: str, bahasa: str = "id") -> str:
    """The words for a code of a file kind; the code itself when it has none."""
    entry = KAMUS.get((kind, code)) or KAMUS.get(("*", code))
    if entry is None:
        return code
    return entry[1] if bahasa == "id" else entry[2]


def words_for(kind: str, codes) -> dict[str, str]:
    """{code: Indonesian words} for the codes a summary names."""
    return {c: kata(kind, c) for c in sorted(set(codes))}


def rows() -> list[tuple[str, str, str, str, str]]:
    """(jenis_berkas, kode, golongan, teks_id, teks_en) for the kamus_kode table."""
    return [(kind, code, group, words_id, words_en) for (kind, code), (group, words_id, words_en) in KAMUS.items()]
