"""Exports for analysts (data contract, section 4): one row per region, Indonesian snake_case
headers, `.` as the decimal point, empty cells where a value does not exist, and text that a
spreadsheet would run as a formula neutralised. The dashboard's downloads call the same code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import unicodedata
from pathlib import Path

from metrics import banding, cabang, cakupan, data, definisi, lingkup, pembangun, wilayah
from metrics.definisi import PertanyaanTidakSah
from metrics.pertanyaan import Pertanyaan

JENIS = ("coverage", "rw", "budget", "trend", "rincian", "ditolak", "banding", "cabang", "jatuh_tempo")
# The follow-up list (issue 35, item 4): what a field team needs to find and remind a participant.
# Never a NIK (not even masked) nor a name (never stored).
JATUH_TEMPO = ["tanggal_data", "kpj", "kode_wilayah", "nama_wilayah", "rw", "bulan_iuran_terakhir", "segmen",
               "kantor_cabang"]  # fmt: skip
KOLOM_WILAYAH = ["tanggal_data", "kode_wilayah", "nama_wilayah", "tingkat", "kode_induk", "nama_induk"]
RW_PER_RW = ["peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan", "rw_tercapai"]
TREN = [
    "peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan", "baru", "berhenti", "perubahan",
    "jenis_target",  # appended: a derived target says so (issue 21)
]  # fmt: skip
_BAHAYA = ("=", "+", "-", "@", "\t", "\r")


def aman(teks: str) -> str:
    """Text a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection).
    Spreadsheets skip leading spaces and read full-width signs ('＝', '＋') as their ASCII twins,
    so the test is on the NFKC form without leading whitespace."""
    return "'" + teks if unicodedata.normalize("NFKC", teks).lstrip().startswith(_BAHAYA) else teks


def nilai(nama: str, v):
    """A metric's value as an export cell: percent x 100 and rates to 2 decimals, dates ISO."""
    if v is None:
        return None
    m = definisi.METRIK_MENURUT_NAMA.get(nama)
    fmt = m.format if m else "angka"
    if fmt == "persen":
        return round(v * 100, 2)
    if fmt == "laju":
        return round(v, 2)
    if fmt == "ya_tidak":
        return "ya" if v else "tidak"
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _kolom(nama: str) -> str:
    m = definisi.METRIK_MENURUT_NAMA.get(nama)
    return m.kolom if m else nama


def isi_berkas(
    jenis: str, t: Pertanyaan, tingkat: str = "provinsi", dimensi: str = "segmen", lain: dict | None = None
) -> tuple[list[str], list[list]]:
    """Header and rows of an export, values ready to write: `tingkat` rows inside the question's
    place (coverage, rw, budget), its snapshots (trend), its breakdown by `dimensi` (rincian),
    every rejected row (ditolak, admins), the place's participants due at the end of the month
    (jatuh_tempo: branch accounts and admins, cakupan.daftar_jatuh_tempo), or the comparison `lain` asks for (banding: its
    'banding' or 'dengan' text, read strictly by metrics.banding.baca), or kantor cabang (cabang:
    see _cabang). Raises PertanyaanTidakSah
    for an unknown jenis, lingkup.TanpaAkses for a compared place outside the scope."""
    if jenis not in JENIS:
        raise PertanyaanTidakSah(
            f"Jenis ekspor '{definisi.kutip(jenis)}' tidak dikenal; pilih {', '.join(JENIS)}",
            f"Export kind '{definisi.kutip(jenis)}' is not known; choose {', '.join(JENIS)}",
        )
    pembangun.periksa_tingkat(tingkat)  # every kind: the level also names the file
    if jenis == "trend":
        return _tren(t)
    if jenis == "rincian":
        return _rincian(t, dimensi)
    if jenis == "ditolak":
        return _ditolak()
    if jenis == "jatuh_tempo":
        rows = cakupan.daftar_jatuh_tempo(t)
        return JATUH_TEMPO, [[t.tanggal.isoformat(), *(r[h] for h in JATUH_TEMPO[1:])] for r in rows]
    if jenis == "banding":
        return _banding(banding.baca(t, lain or {}, ketat=True)[0])
    if jenis == "cabang":
        return _cabang(t, tingkat)
    metrik = RW_PER_RW if (jenis == "rw" and tingkat == "rw") else definisi.EKSPOR[jenis]
    hasil = cakupan.tabel(tingkat, t, metrik)
    leluhur = LELUHUR[: max(0, definisi.TINGKAT.index(tingkat) - 2)]  # the parent is already a column
    nama = _nama_leluhur({b["kode_induk"] for b in hasil.baris}, leluhur)
    header = KOLOM_WILAYAH + [_kolom(m) for m in metrik] + [f"{a}_{x}" for x in leluhur for a in ("kode", "nama")]
    rows = [
        [
            hasil.periode.tanggal.isoformat(),
            b["kode_wilayah"],
            b["nama_wilayah"],
            b["tingkat"],
            b["kode_induk"],
            b["nama_induk"],
            *(nilai(m, b[m]) for m in metrik),
            *_leluhur(b["kode_induk"], leluhur, nama),
        ]
        for b in hasil.baris
    ]
    return header, rows


# Levels named on the rows of a deeper table, after the metrics (kelurahan rows carry their kab/kota
# and province: the parent kecamatan is kode_induk already). Columns kode_<level>, nama_<level>.
LELUHUR = ("provinsi", "kabkota", "kecamatan")
_PANJANG = {"provinsi": 2, "kabkota": 5, "kecamatan": 8}  # a dotted code's prefix at each level


def _kode_leluhur(induk: str | None, tingkat: str) -> str | None:
    return induk[: _PANJANG[tingkat]] if induk and len(induk) >= _PANJANG[tingkat] else None


def _nama_leluhur(induk: set, leluhur: tuple) -> dict[str, str]:
    """The names of every ancestor the rows name, each looked up once (a national kelurahan table
    names 552 of them on 83.000 rows)."""
    kode = {_kode_leluhur(i, x) for i in induk for x in leluhur} - {None}
    return {k: wilayah.tempat(k).nama for k in kode}


def _leluhur(induk: str | None, leluhur: tuple, nama: dict[str, str]) -> list:
    out = []
    for tingkat in leluhur:
        kode = _kode_leluhur(induk, tingkat)
        out += [kode, nama.get(kode)]
    return out


def _tren(t: Pertanyaan) -> tuple[list[str], list[list]]:
    header = ["tanggal_data", "kode_wilayah", "nama_wilayah", "tingkat"] + [_kolom(m) for m in TREN]
    rows = [
        [r["tanggal_data"].isoformat(), t.kode, t.tempat.nama, t.tempat.tingkat, *(nilai(m, r[m]) for m in TREN)]
        for r in cakupan.tren(t)
    ]
    return header, rows


def _rincian(t: Pertanyaan, dimensi: str) -> tuple[list[str], list[list]]:
    header = ["tanggal_data", "kode_wilayah", "nama_wilayah", dimensi, "peserta_terdaftar", "peserta_aktif"]
    rows = [
        [t.tanggal.isoformat(), t.kode, t.tempat.nama, r["nilai"], r["peserta_terdaftar"], r["peserta_aktif"]]
        for r in cakupan.rincian(t, dimensi)
    ]
    return header, rows


def _banding(bd: banding.Banding) -> tuple[list[str], list[list]]:
    """The comparison as the page shows it (layouts/banding.py): a row of values per side (`jenis_baris`
    nilai) and under each side after the first its difference from the first (`jenis_baris` selisih,
    naming the first in tanggal_acuan, kode_acuan). A difference is in its measure's unit: persons,
    persons a week, and capaian in percentage points (15.0 is 55 % against 40 %)."""
    header = ["jenis_baris", "tanggal_data", "kode_wilayah", "nama_wilayah", "tingkat"]
    header += [_kolom(m) for m in banding.UKURAN] + ["jenis_target", "tanggal_acuan", "kode_acuan"]
    acuan = bd.acuan.tanya
    rows = []
    for i, s in enumerate(bd.sisi):
        tempat = [
            s.tanya.tanggal.isoformat(),
            s.tanya.kode,
            wilayah.nama_lengkap(s.tanya.tempat),
            s.tanya.tempat.tingkat,
        ]
        rows.append(
            ["nilai", *tempat, *(nilai(m, s.angka[m]) for m in banding.UKURAN), s.angka["jenis_target"], None, None]
        )
        if i:
            beda = bd.selisih[i - 1]
            rows.append(
                ["selisih", *tempat, *(nilai(m, beda[m]) for m in banding.UKURAN), None]
                + [acuan.tanggal.isoformat(), acuan.kode]
            )
    return header, rows


def _cabang(t: Pertanyaan, tingkat: str) -> tuple[list[str], list[list]]:
    """Kantor cabang (metrics/cabang.py): without a branch the ranking (national accounts: peringkat
    1 = the highest capaian); with one (chosen, or a branch account's own) at tingkat nasional its
    own row (with its place in the ranking), at kabkota or kecamatan the places its participants
    live in. Raises lingkup.TanpaAkses outside the scope, PertanyaanTidakSah for another level."""
    kini = t.tanggal.isoformat()
    if tingkat == "nasional" and not (t.filt.kantor_cabang or lingkup.aktif().kantor_cabang):
        pr = cabang.peringkat(t, cabang.METRIK)
        header = ["tanggal_data", "peringkat", "kantor_cabang", *(_kolom(m) for m in cabang.METRIK)]
        rows = [[kini, b["peringkat"], b["kantor_cabang"], *(nilai(m, b[m]) for m in cabang.METRIK)] for b in pr.baris]
        return header, rows
    if tingkat == "nasional":
        m = cabang.angka(t)
        header = ["tanggal_data", "peringkat", "kantor_cabang", *(_kolom(x) for x in cabang.METRIK)]
        return header, [[kini, m["peringkat"], m["kantor_cabang"], *(nilai(x, m[x]) for x in cabang.METRIK)]]
    if tingkat not in ("kabkota", "kecamatan"):
        raise PertanyaanTidakSah(
            "Unduhan kantor cabang: tingkat nasional (peringkat atau angka cabang), kabkota atau kecamatan",
            "Branch office download: tingkat nasional (the ranking or the branch's numbers), kabkota or kecamatan",
        )
    hasil = cabang.wilayah_cabang(t, tingkat)
    nama = hasil.filter.kantor_cabang
    header = ["tanggal_data", "kantor_cabang", *KOLOM_WILAYAH[1:], *(_kolom(m) for m in cabang.WILAYAH)]
    rows = [
        [kini, nama, b["kode_wilayah"], b["nama_wilayah"], b["tingkat"], b["kode_induk"], b["nama_induk"]]
        + [nilai(m, b[m]) for m in cabang.WILAYAH]
        for b in hasil.baris
    ]
    return header, rows


def _ditolak() -> tuple[list[str], list[list]]:
    """Every rejected row inside the scope: file, line, reason; the NIK masked and no name (never
    stored). The file's folder on the server only for a national admin (the one who loads)."""
    rows = data.contoh_ditolak()
    if not lingkup.aktif().nasional:
        for r in rows:
            r["berkas"] = r["berkas"].rsplit("/", 1)[-1]
    header = [
        "jenis_berkas",
        "tanggal_data",
        "berkas",
        "baris",
        "alasan",
        "keterangan",
        "nik_samaran",
        "kode_wilayah",
        "segmen",
    ]
    return header, [[nilai("", r[h]) for h in header] for r in rows]


def _sel(v):
    return aman(v) if isinstance(v, str) else v


def tulis_csv(header: list[str], rows: list[list], out, excel_id: bool = False) -> None:
    """CSV as the contract says (section 4): `,` between fields and `.` as the decimal point; with
    `excel_id` the flavour for spreadsheets set to Indonesian: `;` between fields, `,` as the
    decimal point (the BOM is the caller's: csv_teks, tulis)."""
    w = csv.writer(out, lineterminator="\n", delimiter=";" if excel_id else ",")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else _sel_id(v) if excel_id else _sel(v) for v in row])


def _sel_id(v):
    """A cell for Excel in the Indonesian locale: 75.5 as '75,5'; whole numbers and text as they are."""
    if isinstance(v, float):
        return repr(v).replace(".", ",")
    return _sel(v)


BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with one


def csv_teks(header: list[str], rows: list[list], excel_id: bool = False) -> str:
    buf = io.StringIO()
    if excel_id:
        buf.write(BOM)
    tulis_csv(header, rows, buf, excel_id)
    return buf.getvalue()


# Labels of the columns that are not declared metrics (the XLSX's label row), (id, en).
LABEL = {
    "tanggal_data": ("Tanggal data", "Data date"),
    "kode_wilayah": ("Kode wilayah", "Region code"),
    "nama_wilayah": ("Nama wilayah", "Region name"),
    "tingkat": ("Tingkat", "Level"),
    "kode_induk": ("Kode induk", "Parent code"),
    "nama_induk": ("Nama induk", "Parent name"),
    **{f"kode_{x}": (f"Kode {x}", f"{x} code") for x in LELUHUR},
    **{f"nama_{x}": (f"Nama {x}", f"{x} name") for x in LELUHUR},
    "perubahan": ("Perubahan sejak data sebelumnya", "Change since the last snapshot"),
    "segmen": ("Segmen", "Segment"),
    "sumber_iuran": ("Sumber iuran", "Contribution source"),
    "pekerja_rentan": ("Pekerja rentan", "Vulnerable workers"),
    "kantor_cabang": ("Kantor cabang", "Branch office"),
    "pekerjaan": ("Pekerjaan", "Occupation"),
    "jenis_berkas": ("Jenis berkas", "File kind"),
    "berkas": ("Berkas", "File"),
    "baris": ("Baris", "Line"),
    "alasan": ("Alasan", "Reason"),
    "keterangan": ("Keterangan", "Detail"),
    "nik_samaran": ("NIK (disamarkan)", "NIK (masked)"),
    "jenis_baris": ("Nilai atau selisih", "Value or difference"),
    "tanggal_acuan": ("Selisih dari tanggal data", "Difference from the data date"),
    "kode_acuan": ("Selisih dari wilayah", "Difference from the place"),
    "kpj": ("Nomor KPJ", "KPJ number"),
    "rw": ("RW", "RW"),
    "bulan_iuran_terakhir": ("Bulan iuran terakhir", "Last paid month"),
}
_METRIK_KOLOM = {m.kolom: m for m in definisi.METRIK}
_TANGGAL = {"tanggal_data", "perkiraan_tercapai", "perkiraan_tercapai_acuan"}
FORMAT_XLSX = {  # Excel number formats; the user's Excel shows them in its own locale
    "angka": "#,##0",
    "persen": "0.00",  # the values are percents already (75.0 is 75 %), the label says (%)
    "rupiah": '"Rp"#,##0',
    "laju": "#,##0.00",
}


def label_kolom(kolom: str, bahasa: str = "id") -> str:
    """The words above a column's snake_case name: a metric's label ('Capaian (%)') or LABEL's."""
    m = _METRIK_KOLOM.get(kolom)
    if m:
        return m.label[bahasa == "en"] + (" (%)" if m.format == "persen" else "")
    return LABEL.get(kolom, (kolom, kolom))[bahasa == "en"]


def _jenis_kolom(kolom: str) -> str:
    if kolom in _TANGGAL:
        return "tanggal"
    m = _METRIK_KOLOM.get(kolom)
    if m is not None:
        return m.format
    return "angka" if kolom in ("perubahan", "baris", "peserta_terdaftar", "peserta_aktif") else "teks"


def tulis_xlsx(header: list[str], rows: list[list], out, judul: str = "Cakupan", bahasa: str = "id") -> None:
    """A real spreadsheet (data contract, section 4), streamed row by row (XlsxWriter's constant
    memory mode: the national kelurahan table never sits in memory as cells). Row 1: the labels;
    row 2: the snake_case names, as the CSV's header; both frozen, a filter on row 2. Numbers as
    numbers with a format, dates as dates, codes and names as text (formula-like text neutralised).
    `out`: a path or a binary file object."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    ws = wb.add_worksheet(judul[:31])
    f_label = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E7F5FF", "border": 1})
    f_nama = wb.add_format({"font_color": "#495057", "italic": True, "bg_color": "#F1F3F5", "border": 1})
    f_tanggal = wb.add_format({"num_format": "yyyy-mm-dd"})
    f_angka = {k: wb.add_format({"num_format": v}) for k, v in FORMAT_XLSX.items()}
    f_teks = wb.add_format({"num_format": "@"})
    jenis = [_jenis_kolom(h) for h in header]
    for i, (h, j) in enumerate(zip(header, jenis, strict=True)):
        lebar = (
            30
            if h.startswith("nama_")
            else 16
            if h.startswith("kode_")
            else max(12, min(24, len(label_kolom(h)) * 0.8))
        )
        ws.set_column(i, i, lebar, f_angka.get(j) or (f_tanggal if j == "tanggal" else f_teks if j == "teks" else None))
    ws.set_row(0, 48)
    ws.freeze_panes(2, 0)
    ws.write_row(0, 0, [label_kolom(h, bahasa) for h in header], f_label)
    ws.write_row(1, 0, header, f_nama)
    formats = [f_angka.get(j) or (f_tanggal if j == "tanggal" else f_teks) for j in jenis]
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if jenis[c] == "tanggal" and isinstance(v, str):
                ws.write_datetime(r, c, dt.datetime.fromisoformat(v), f_tanggal)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(r, c, v, formats[c])
            else:
                ws.write_string(r, c, _sel(str(v)), f_teks)
    ws.autofilter(1, 0, max(1, len(rows) + 1), max(0, len(header) - 1))
    wb.close()


def xlsx_bytes(header: list[str], rows: list[list], judul: str = "Cakupan", bahasa: str = "id") -> bytes:
    buf = io.BytesIO()
    tulis_xlsx(header, rows, buf, judul, bahasa)
    return buf.getvalue()


def tulis(header: list[str], rows: list[list], tujuan: str, excel_id: bool = False) -> None:
    """Write to a .csv or .xlsx path, or CSV to stdout for '-'; `excel_id`: the CSV flavour for
    Excel set to Indonesian (tulis_csv)."""
    if tujuan == "-":
        if excel_id:
            sys.stdout.write(BOM)
        tulis_csv(header, rows, sys.stdout, excel_id)
        return
    path = Path(tujuan)
    if path.suffix.lower() == ".xlsx":
        tulis_xlsx(header, rows, str(path))
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            if excel_id:
                f.write(BOM)
            tulis_csv(header, rows, f, excel_id)


def nama_berkas(
    jenis: str, tingkat: str, t: Pertanyaan, akhiran: str = "csv", excel_id: bool = False, lain: dict | None = None
) -> str:
    """A file name that says what is inside: cakupan_coverage_kecamatan_31.75_2024-02-06_BPU.csv;
    a comparison names what it is compared with after the date (`lain`: its 'banding' date or
    'dengan' codes, cakupan_banding_kelurahan_31.75.02.1001_2024-02-06_2024-01-09.csv); the
    filters in the order of `definisi.SARINGAN`, each by its value or its `berkas` word; the
    CSV for Excel in the Indonesian locale ends in _excel-id."""
    bagian = ["cakupan", jenis, tingkat if jenis != "trend" else "tren", t.kode, t.tanggal.isoformat()]
    pilih = (lain or {}).get("dengan") or (lain or {}).get("banding") if jenis == "banding" else None
    bagian += [str(pilih)] if pilih else []
    bagian += [s.berkas[v] if s.berkas else str(v) for s, v in t.filt.terpasang()]
    bagian += ["excel-id"] if excel_id else []
    return "_".join(_kata_berkas(b) for b in bagian) + "." + _kata_berkas(akhiran)


def _kata_berkas(kata: str) -> str:
    """A part of a file name: letters, digits, dots and hyphens only (no path, no control or
    direction characters, whatever a request sent)."""
    return "".join(c if (c.isalnum() and c.isprintable()) or c in ".-" else "-" for c in kata).strip(".") or "-"
