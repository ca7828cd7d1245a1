"""Rosters as offices send them (contract section 1): the shared cases and seeds of our own of
each kind, with hand-worked answers (tests/seed/README.md, "Berkas kantor")."""

import datetime as dt
import os
import subprocess
import sys
import zipfile
from xml.sax.saxutils import escape

import openpyxl
import pytest

import warehouse
from etl import tabular
from tests.conftest import ROOT, SEED, load

KANTOR = SEED / "kantor"
NIK_ADVICE = "Format kolom NIK sebagai Teks"


def _peserta(kode: str | None = None) -> int:
    sql = "SELECT count(*) n FROM peserta" + (" WHERE kode_wilayah = $k" if kode else "")
    return int(warehouse.query(sql, {"k": kode} if kode else None).n[0])


# --- the shared cases: each file's right outcome ---------------------------------------------


@pytest.mark.parametrize(
    "name,read,loaded,reasons,persons",
    [
        ("c01_nik_numeric.xlsx", 3, 1, {"nik_angka": 2}, 1),
        ("c19_parquet_float_nik.parquet", 3, 0, {"nik_angka": 3}, 0),
        ("c02_nik_scientific.csv", 3, 1, {"nik_angka": 2}, 1),
        ("c25_pandas_float_nik.csv", 3, 1, {"nik_angka": 2}, 1),
    ],
)
def test_nik_that_went_through_a_number(data_dir, name, read, loaded, reasons, persons):
    s = load([KANTOR / name])
    assert (s["read"], s["loaded"], s["rejected_by_reason"], s["persons"]) == (read, loaded, reasons, persons)
    assert len([a for a in s["advice"] if NIK_ADVICE in a]) == 1


@pytest.mark.parametrize("name", ["c03_title_rows.xlsx", "c03b_title_rows.csv"])
def test_title_rows_case(data_dir, name):
    s = load([KANTOR / name])
    f = s["files"][0]
    assert (s["loaded"], s["rejected"], s["title_rows"], f["title_rows"]) == (3, 0, 3, 3)
    header_line = f["sheets"][0]["header_line"] if f["sheets"] else None
    assert header_line in (None, 4)


def test_sep_line_case(data_dir):
    s = load([KANTOR / "c04_sep_hint.csv"])
    assert (s["loaded"], s["rejected"], s["title_rows"], s["files"][0]["delimiter"]) == (3, 0, 0, ";")


def test_unicode_text_case(data_dir):
    s = load([KANTOR / "c05_utf16_unicode_text.txt"])
    assert (s["read"], s["loaded"], s["files"][0]["encoding"], s["files"][0]["delimiter"]) == (3, 3, "utf-16-le", "\t")


def test_non_breaking_spaces_cases(data_dir):
    s = load([KANTOR / "c07_nbsp.csv"])
    assert (s["loaded"], s["persons"]) == (3, 3)
    s = load([KANTOR / "c07b_nbsp_kode_rw.csv"])
    assert (s["loaded"], s["flagged_by_kind"]) == (4, {})
    assert warehouse.query("SELECT DISTINCT rw, segmen, kode_wilayah FROM peserta").values.tolist() == [
        [5, "BPU", "31.75.01.1001"]
    ]


@pytest.mark.parametrize(
    "name,says", [("c08_html_as.xls", "halaman web (HTML)"), ("c08b_legacy.xls", "Excel 97-2003 (.xls)")]
)
def test_files_not_what_they_say_cases(data_dir, name, says):
    with pytest.raises(tabular.LoadError) as e:
        load([KANTOR / name])
    assert says in str(e.value) and ".xlsx" in str(e.value) and "<" not in str(e.value)


@pytest.mark.parametrize("name", ["c13_total_row.csv", "c13b_total_row.xlsx"])
def test_totals_row_cases(data_dir, name):
    s = load([KANTOR / name])
    assert (s["read"], s["loaded"], s["rejected"], s["total_rows"], s["persons"]) == (3, 3, 0, 2, 3)


def test_multi_sheet_case(data_dir):
    s = load([KANTOR / "c14_multi_sheet.xlsx"])
    f = s["files"][0]
    assert [(p["sheet"], p["read"], p["loaded"]) for p in f["sheets"]] == [
        ("Pisangan Baru", 3, 3),
        ("Utan Kayu Utara", 2, 2),
    ]
    assert [sk["sheet"] for sk in f["skipped_sheets"]] == ["Rekap"] and "baris kolom" in f["skipped_sheets"][0][
        "reason"
    ]
    assert (s["loaded"], [k["sheet"] for k in s["skipped_sheets"]]) == (5, ["Rekap"])
    assert (_peserta("31.75.01.1001"), _peserta("31.75.01.1002")) == (3, 2)


def test_second_sheet_case(data_dir):
    s = load([KANTOR / "c14b_second_sheet.xlsx"])
    assert [p["loaded"] for p in s["files"][0]["sheets"]] == [3, 4] and s["persons"] == 7


def test_excel_text_tricks_case(data_dir):
    s = load([KANTOR / "c27_excel_text_tricks.csv"])
    assert (s["loaded"], s["persons"], s["flagged_by_kind"]) == (4, 4, {})


# --- seeds of our own, one kind each ------------------------------------------------------


def _kantor_xlsx(path):
    """A workbook as a kelurahan keeps it (answers in tests/seed/README.md, "Berkas kantor")."""
    book = openpyxl.Workbook()
    rekap = book.active
    rekap.title = "Rekap"
    rekap.append(["Kelurahan", "Jumlah peserta"])
    rekap.append(["Kayu Manis", "=COUNTA(Peserta!B4:B9)"])
    sheet = book.create_sheet("Peserta")
    sheet.append(["DAFTAR PESERTA BPU KELURAHAN KAYU MANIS"])
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(["NO", "NIK", "NAMA", "SEGMEN", "KODE WILAYAH", "RW", "STATUS"])
    sheet.append([1, "3175011001900001", "Satu", "BPU", "31.75.01.1003", 1, "AKTIF"])  # line 4
    sheet.append([2, "3175011001900002", "Dua", "BPU", None, 1, "AKTIF"])  # 5: code merged from 4
    sheet.append([3, "3175011001900003", "Tiga", "BPU", None, 2, "NONAKTIF"])  # 6: code merged from 4
    sheet.merge_cells("E4:E6")
    sheet.append([4, 3175011001900004, "Empat", "BPU", "31.75.01.1003", 2, "AKTIF"])  # 7: number cell
    sheet.append([5, 3175011001900005, "Lima", "BPU", "31.75.01.1003", 2, "AKTIF"])  # 8: number cell
    sheet.append([6, "3175011001900006", "Enam", "BPU", "31.75.01.1003", 3, '=IF(1,"AKTIF")'])  # 9: no saved result
    sheet.append(["JUMLAH", "=COUNTA(B4:B9)", None, None, None, None, None])  # 10: totals, a formula
    lanjut = book.create_sheet("Lanjutan")
    lanjut.append(["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"])
    lanjut.append(["3175011001900007", "Bukan Penerima Upah", "3175011003", "AKTIF"])
    book.save(path)
    return path


def test_a_workbook_as_an_office_keeps_it(data_dir, tmp_path):
    s = load([_kantor_xlsx(tmp_path / "kayu_manis.xlsx")])
    f = s["files"][0]
    peserta, lanjut = f["sheets"]
    assert (peserta["sheet"], peserta["header_line"], peserta["title_rows"], peserta["total_rows"]) == (
        "Peserta",
        3,
        2,
        1,
    )
    assert (peserta["read"], peserta["loaded"], peserta["rejected"]) == (6, 3, 3)
    assert peserta["rejected_by_reason"] == {"formula_no_value": 1, "nik_angka": 2}
    assert peserta["unsaved_formulas"] == {"STATUS": 1}
    assert (lanjut["read"], lanjut["loaded"]) == (1, 1)
    assert [sk["sheet"] for sk in f["skipped_sheets"]] == ["Rekap"]
    assert (s["read"], s["loaded"], s["rejected"], s["persons"], s["active"]) == (7, 4, 3, 4, 3)
    assert _peserta("31.75.01.1003") == 4  # the merged code reached lines 5 and 6
    assert any("STATUS" in a and "simpan" in a for a in s["advice"]) and any(NIK_ADVICE in a for a in s["advice"])
    rejects = warehouse.query("SELECT berkas, baris, alasan FROM baris_ditolak ORDER BY baris")
    assert rejects.values.tolist() == [
        [f"{tmp_path / 'kayu_manis.xlsx'} [Peserta]", 7, "nik_angka"],
        [f"{tmp_path / 'kayu_manis.xlsx'} [Peserta]", 8, "nik_angka"],
        [f"{tmp_path / 'kayu_manis.xlsx'} [Peserta]", 9, "formula_no_value"],
    ]


def test_rounded_niks_never_merge_two_people(data_dir, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"])
    for nik in (3601011234560000.0, 3601011234560000.0, 3601011234560000.0):  # three people Excel made one number
        sheet.append([nik, "BPU", "36.01.01.2001", "AKTIF"])
    book.save(tmp_path / "angka.xlsx")
    s = load([tmp_path / "angka.xlsx"])
    assert (s["persons"], s["rejected_by_reason"], s["flagged_by_kind"]) == (0, {"nik_angka": 3}, {})


# --- region codes that went through a number (contract: "Region codes stored as a number") -----

KODE_ADVICE = "Format kolom kode_wilayah sebagai Teks"
KODE_DETAIL = (
    "tersimpan sebagai angka dan tidak bisa dibaca sebagai satu kode pasti: format kolom kode_wilayah sebagai teks"
)


def _per_kabkota() -> dict:
    return dict(warehouse.rows("SELECT kode_kabkota, count(*)::INT FROM peserta GROUP BY ALL"))


def test_region_codes_in_number_cells_case(data_dir):
    """The shared case (seed/README.md, kantor/roster_kode_angka.xlsx): each person in the one
    kab/kota the number can be, flagged; none without a kab/kota."""
    s = load([KANTOR / "roster_kode_angka.xlsx"])
    assert (s["read"], s["loaded"], s["rejected"], s["persons"]) == (4, 4, 0, 4)
    assert s["flagged_by_kind"] == {"wilayah_angka": 3}
    assert _per_kabkota() == {"32.10": 1, "33.20": 1, "31.75": 1, "32.01": 1}  # Majalengka, Jepara, Jaktim, Bogor
    names = warehouse.rows(
        "SELECT w.nama FROM peserta p JOIN wilayah w ON w.kode = p.kode_kabkota ORDER BY p.kode_kabkota"
    )
    assert [n for (n,) in names] == [
        "Kota Administrasi Jakarta Timur",
        "Kabupaten Bogor",
        "Kabupaten Majalengka",
        "Kabupaten Jepara",
    ]
    assert warehouse.rows("SELECT sum(terdaftar)::INT FROM ringkas_wilayah WHERE kode_kabkota IS NULL") == [(None,)]
    assert warehouse.rows("SELECT baris, jenis, nilai FROM contoh_ditandai ORDER BY baris") == [
        (2, "wilayah_angka", "32.1"),
        (3, "wilayah_angka", "33.2"),
        (4, "wilayah_angka", "31.75"),
    ]
    assert s["words"]["wilayah_angka"] == (
        "kode wilayah tersimpan sebagai angka (32.10 menjadi 32.1), dibaca sebagai satu-satunya kode yang mungkin (32.10)"
    )
    assert s["advice"] == [
        "Kode wilayah di 3 baris tersimpan sebagai angka, bukan teks (Excel menulis 32.10 sebagai 32.1): "
        "3 dibaca sebagai satu-satunya kode yang mungkin. Format kolom kode_wilayah sebagai Teks, tulis "
        "kodenya lengkap (32.10), lalu ekspor lagi."
    ]


def test_region_codes_as_parquet_floats(data_dir, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    def write(name, codes, kind):
        niks = [f"32100100010000{i:02d}" for i in range(1, len(codes) + 1)]
        n = len(codes)
        table = {"nik": niks, "segmen": ["BPU"] * n, "kode_wilayah": pa.array(codes, kind), "status": ["AKTIF"] * n}
        pq.write_table(pa.table(table), tmp_path / name)
        return tmp_path / name

    s = load([write("kode_angka.parquet", [32.1, 33.2, 31.75, 32.099999999999994, 3210.0, 32.099999], pa.float64())])
    assert (s["read"], s["loaded"], s["rejected_by_reason"], s["persons"]) == (6, 5, {"wilayah_angka_ambigu": 1}, 5)
    assert s["flagged_by_kind"] == {"wilayah_angka": 4}  # 3210.0 keeps every digit: not flagged
    assert _per_kabkota() == {"32.10": 3, "33.20": 1, "31.75": 1}
    assert warehouse.rows("SELECT baris, kode_wilayah FROM baris_ditolak") == [(6, "32.099999")]
    s = load([write("kode_float32.parquet", [32.1, 3175021001.0], pa.float32())])
    assert (s["loaded"], s["rejected_by_reason"], s["flagged_by_kind"]) == (
        1,
        {"wilayah_angka_ambigu": 1},
        {"wilayah_angka": 1},
    )
    assert warehouse.rows("SELECT baris, kode_wilayah FROM baris_ditolak") == [(2, "3.175021e+09")]


def test_ambiguous_number_codes_are_rejected_with_what_to_do(data_dir, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"])
    for i, kode in enumerate([32.1, 32.099999, 32.101, 3.2, 3210.5, 32.9], 1):
        sheet.append([f"321001000100000{i}", "BPU", kode, "AKTIF"])
    book.save(tmp_path / "kode_ambigu.xlsx")
    s = load([tmp_path / "kode_ambigu.xlsx"])
    assert (s["read"], s["loaded"], s["rejected"], s["persons"]) == (6, 2, 4, 2)
    assert s["rejected_by_reason"] == {"wilayah_angka_ambigu": 4}
    assert s["flagged_by_kind"] == {"wilayah_angka": 2, "wilayah_invalid": 1}
    assert warehouse.rows("SELECT baris, alasan, keterangan, kode_wilayah FROM baris_ditolak ORDER BY baris") == [
        (line, "wilayah_angka_ambigu", f"Kode wilayah {value} {KODE_DETAIL}", value)
        for line, value in [(3, "32.099999"), (4, "32.101"), (5, "3.2"), (6, "3210.5")]
    ]
    assert _per_kabkota() == {"32.10": 1, None: 1}  # 32.9 is 32.90, no such kab/kota: at province 32
    assert warehouse.rows("SELECT kode_wilayah FROM peserta WHERE kode_kabkota IS NULL") == [("32",)]
    assert s["words"]["wilayah_angka_ambigu"] == (
        "kode wilayah tersimpan sebagai angka yang tidak bisa dibaca sebagai satu kode pasti (mis. 32.099999)"
    )
    assert s["advice"] == [
        "Kode wilayah di 6 baris tersimpan sebagai angka, bukan teks (Excel menulis 32.10 sebagai 32.1): "
        "2 dibaca sebagai satu-satunya kode yang mungkin, 4 ditolak karena tidak bisa dibaca sebagai satu kode "
        "pasti. Format kolom kode_wilayah sebagai Teks, tulis kodenya lengkap (32.10), lalu ekspor lagi."
    ]


def test_region_code_number_cell_in_ods(data_dir, tmp_path):
    path = _ods(
        tmp_path / "jepara.ods",
        {"Peserta": [["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"], ["3320010001000002", "BPU", 33.2, "AKTIF"]]},
    )
    s = load([path])
    assert (s["loaded"], s["flagged_by_kind"], _per_kabkota()) == (1, {"wilayah_angka": 1}, {"33.20": 1})


def test_region_codes_in_csv_text_stay_text(data_dir, tmp_path):
    """A CSV keeps no cell types: '32.1' may be Excel's 32.10 or a typed 32.01, so it stays at its
    province; scientific notation can only be a number (docs/warehouse.md)."""
    path = tmp_path / "kode_teks.csv"
    path.write_text(
        "nik,segmen,kode_wilayah,status\n"
        "3210010001000001,BPU,32.1,AKTIF\n"
        "3210010001000002,BPU,3.21E+01,AKTIF\n"
        "3210010001000003,BPU,3.17502E+09,AKTIF\n"
        "3210010001000004,BPU,32.10,AKTIF\n"
    )
    s = load([path])
    assert (s["read"], s["loaded"], s["rejected_by_reason"]) == (4, 3, {"wilayah_angka_ambigu": 1})
    assert s["flagged_by_kind"] == {"wilayah_angka": 1, "wilayah_invalid": 1}
    assert _per_kabkota() == {"32.10": 2, None: 1}
    assert warehouse.rows("SELECT baris, jenis, nilai FROM contoh_ditandai ORDER BY baris") == [
        (2, "wilayah_invalid", "32.1"),
        (3, "wilayah_angka", "32.1"),
    ]
    assert s["advice"][1] == (
        "Kode wilayah di 1 baris tertulis seperti 32.1, yang bisa berarti 32.10 atau 32.01, sehingga dihitung "
        "di provinsinya saja. Bila kolom itu berisi angka di Excel (Excel menulis 32.10 sebagai 32.1), format "
        "kolom kode_wilayah sebagai Teks, tulis kodenya lengkap (32.10), lalu simpan lagi."
    )
    assert (
        s["advice"][0].startswith("Kode wilayah di 2 baris tersimpan sebagai angka") and KODE_ADVICE in s["advice"][0]
    )


def test_legacy_xls_is_read(data_dir):
    s = load([KANTOR / "roster_lama.xls"])
    p = s["files"][0]["sheets"][0]
    assert (s["files"][0]["format"], p["header_line"], p["title_rows"], p["total_rows"]) == ("xls", 2, 1, 1)
    assert (s["read"], s["loaded"], s["rejected_by_reason"], s["persons"], s["active"]) == (
        3,
        2,
        {"nik_angka": 1},
        2,
        1,
    )


def _ods(path, sheets: dict[str, list[list]]):
    """A minimal OpenDocument spreadsheet: strings as text cells, numbers as float cells."""

    def cell(v):
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, tuple):  # (value, rows spanned)
            return (
                f'<table:table-cell office:value-type="string" table:number-rows-spanned="{v[1]}">'
                f"<text:p>{escape(v[0])}</text:p></table:table-cell>"
            )
        if v == "covered":
            return "<table:covered-table-cell/>"
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'

    tables = "".join(
        f'<table:table table:name="{name}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


def test_ods_is_read_sheet_by_sheet(data_dir, tmp_path):
    path = _ods(
        tmp_path / "desa.ods",
        {
            "Catatan": [["Dibuat oleh operator desa"]],
            "Peserta": [
                ["Daftar peserta"],
                ["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"],
                ["3601011234560001", "BPU", "36.01.01.2001", "AKTIF"],
                [3601011234560002, "BPU", "36.01.01.2001", "AKTIF"],
                ["TOTAL", 2, None, None],
            ],
        },
    )
    s = load([path])
    f = s["files"][0]
    assert (f["format"], [sk["sheet"] for sk in f["skipped_sheets"]]) == ("ods", ["Catatan"])
    p = f["sheets"][0]
    assert (p["sheet"], p["header_line"], p["title_rows"], p["total_rows"]) == ("Peserta", 2, 1, 1)
    assert (s["read"], s["loaded"], s["rejected_by_reason"], s["persons"]) == (2, 1, {"nik_angka": 1}, 1)


DATES = """nik,segmen,kode_wilayah,tanggal_lahir,tanggal_daftar,bulan_iuran_terakhir,status
3175015001900001,BPU,31.75.01.1001,01/01/30,31/01/24,31/01/24,
3175015001900002,BPU,31.75.01.1001,01/01/29,15-01-95,2024-03,NONAKTIF
3175015001900003,BPU,31.75.01.1001,1990-1-5,0015-01-01,2024-02,
3175015001900004,BPU,31.75.01.1001,32/01/1990,2024-13-01,2023-12-15,AKTIF
3175015001900005,BPU,31.75.01.1001,1899-12-31,2024-03-01,01/2024,AKTIF
3175015001900006,BPU,31.75.01.1001,,2024-02-06 10:00:00,2024-13,
"""


def test_dates_are_strict(data_dir, tmp_path):
    path = tmp_path / "tanggal.csv"
    path.write_text(DATES)
    s = load([path])
    got = warehouse.records(
        "SELECT tahun_lahir, tanggal_daftar, bulan_iuran_terakhir, aktif FROM peserta "
        "ORDER BY tanggal_daftar NULLS LAST, tahun_lahir NULLS LAST, bulan_iuran_terakhir NULLS LAST, aktif"
    )
    assert [list(r.values()) for r in got] == [
        [None, dt.date(1995, 1, 15), None, False],  # 2: birth 2029 is after the as-of date; 2024-03 in the future
        [1930, dt.date(2024, 1, 31), dt.date(2024, 1, 1), True],  # 1: two-digit years as Excel reads them
        [1990, None, dt.date(2024, 2, 1), True],  # 3: year 0015 is no date
        [None, None, dt.date(2023, 12, 1), False],  # 4: 32 January, month 13; the month of a date
        [None, None, None, False],  # 6: a time is no contract form; month 13
        [None, None, None, True],  # 5: before 1900; after the as-of date; 01/2024 no form
    ]
    assert s["flagged_by_kind"] == {"status_unknown": 1, "tanggal_daftar_invalid": 4}


# --- the command line --------------------------------------------------------------------


def _cli(module, *args, env=None, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env or dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )


def test_as_of_after_today_is_refused(data_dir_baru):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    result = _cli("etl", "load", str(KANTOR / "c04_sep_hint.csv"), "--as-of", tomorrow)
    assert result.returncode == 2 and "sesudah hari ini" in result.stderr and "Traceback" not in result.stderr
    assert warehouse.current_path() is None


def test_header_only_and_empty_files_change_nothing(data_dir, tmp_path):
    load([KANTOR / "c04_sep_hint.csv"])
    before = warehouse.current_path()
    only = tmp_path / "judul_saja.csv"
    only.write_text("nik,segmen,kode_wilayah\n")
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    for path, says in ((only, "tidak ada baris data"), (empty, "kosong")):
        result = _cli("etl", "load", str(path), "--as-of", "2024-02-06")
        assert result.returncode == 2 and says in result.stderr and str(path) in result.stderr
    assert warehouse.current_path() == before and _peserta() == 3


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["etl", "load", "{tmp}", "--as-of", "2024-02-06"],  # a directory
        ["etl", "load", "{tmp}/tidak_ada.csv", "--as-of", "2024-02-06"],  # a missing file
        ["etl", "targets", "{tmp}/tidak_ada.csv"],
        ["metrics", "export", "coverage", "--out", "{tmp}/tidak/ada/folder.csv"],  # nowhere to write
        ["akses", "tambah", "x", "--sandi-stdin"],  # no data dir issue, short password
    ],
)
def test_command_lines_fail_with_a_message_not_a_traceback(seed_loaded, tmp_path, args):
    result = _cli(*[a.replace("{tmp}", str(tmp_path)) for a in args], stdin="pendek\n")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly(seed_loaded):
    command = f"{sys.executable} -m metrics export coverage --level kelurahan --parent 31.75 --out - | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.startswith("tanggal_data,kode_wilayah,") and result.stderr == "" and result.returncode == 0


def test_every_code_has_words_here_and_in_the_docs():
    from etl import alasan
    from etl.roster import FLAGS

    doc = (ROOT / "docs" / "data-quality.md").read_text()
    for (_kind, code), (_group, words_id, words_en) in alasan.KAMUS.items():
        assert f"`{code}`" in doc, code
        assert words_id and words_en
    for code in [*FLAGS, "nik_duplicate", "nik_invalid", "nik_angka", "row_malformed", "formula_no_value"]:
        assert alasan.kata("peserta", code) != code


def test_saved_formula_results_are_read_and_only_missing_ones_rejected(data_dir, tmp_path):
    """Formulas with a saved result (as Excel writes them, shared formulas too) are values; one
    without is a reject. The file is written by openpyxl, then given the results Excel would save."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"])
    for i in range(1, 4):
        sheet.append([f"317501500190000{i}", "BPU", "31.75.01.1001", '=IF(1,"AKTIF")'])
    book.save(tmp_path / "rumus.xlsx")
    with zipfile.ZipFile(tmp_path / "rumus.xlsx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = xml.replace(
        '<c r="D2"><f>IF(1,"AKTIF")</f><v /></c>', '<c r="D2" t="str"><f>IF(1,"AKTIF")</f><v>AKTIF</v></c>'
    )
    xml = xml.replace(
        '<c r="D3"><f>IF(1,"AKTIF")</f><v /></c>',
        '<c r="D3" t="str"><f t="shared" ref="D3:D3" si="0"/><v>AKTIF</v></c>',
    )
    assert xml.count("<v>AKTIF</v>") == 2
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(tmp_path / "rumus.xlsx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    s = load([tmp_path / "rumus.xlsx"])
    assert (s["loaded"], s["active"], s["rejected_by_reason"]) == (2, 2, {"formula_no_value": 1})
    assert s["files"][0]["sheets"][0]["unsaved_formulas"] == {"STATUS": 1}


def test_codes_from_before_the_papua_split_land_in_todays_region(data_dir, tmp_path):
    path = tmp_path / "papua.csv"
    path.write_text(
        "nik,segmen,kode_wilayah,status\n"
        "9101011234560001,BPU,91.01.01.1002,AKTIF\n"  # old Merauke: today 93.01 (Papua Selatan)
        "9102011234560002,BPU,9102011056,AKTIF\n"  # old Jayawijaya, renumbered kelurahan
        "9101011234560003,BPU,91.01,AKTIF\n"  # old kabupaten code alone
        "9103011234560004,BPU,91.03.01.1001,AKTIF\n"
    )  # Kabupaten Jayapura kept its code
    s = load([path])
    codes = warehouse.query("SELECT kode_wilayah, kode_provinsi FROM peserta ORDER BY kode_wilayah").values.tolist()
    assert codes == [["91.03.01.1001", "91"], ["93.01", "93"], ["93.01.01.1002", "93"], ["95.01.01.1006", "95"]]
    assert s["flagged_by_kind"] == {"wilayah_lama": 3}


def _raw_xlsx(path, sheet_xml: str, hidden: bool = False):
    """A workbook from openpyxl whose first sheet's XML is replaced (cells openpyxl cannot write)."""
    book = openpyxl.Workbook()
    book.active.title = "Data"
    if hidden:
        extra = book.create_sheet("Lama")
        extra.append(["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"])
        extra.append(["3175015001900001", "PU", "36.01.01.2001", "AKTIF"])
        extra.sheet_state = "hidden"
    book.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + sheet_xml
        + "</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _cells(row: int, values) -> str:
    return (
        f'<row r="{row}">'
        + "".join(f'<c r="{chr(65 + i)}{row}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
        + "</row>"
    )


ROWS_XML = (
    _cells(1, ["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"])
    + _cells(2, ["3175015001900001", "BPU", "31.75.01.1001", "AKTIF"])
    + _cells(3, ["3175015001900002", "BPU", "31.75.01.1001", "AKTIF"])
)


def test_a_cell_at_the_sheets_far_corner_is_refused_before_it_takes_the_memory(data_dir, tmp_path):
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    with pytest.raises(tabular.LoadError, match="terlalu luas"):
        load([_raw_xlsx(tmp_path / "jauh.xlsx", ROWS_XML + far)])
    rows = "".join(f'<row><c t="inlineStr"><is><t>{i}</t></is></c></row>' for i in range(1_048_577))
    with pytest.raises(tabular.LoadError, match="batas Excel"):
        load([_raw_xlsx(tmp_path / "banyak.xlsx", ROWS_XML + rows)])


def test_hidden_sheets_are_listed_not_read(data_dir, tmp_path):
    s = load([_raw_xlsx(tmp_path / "sembunyi.xlsx", ROWS_XML, hidden=True)])
    assert s["persons"] == 2 and _peserta("31.75.01.1001") == 2
    assert [(k["sheet"], "tersembunyi" in k["reason"]) for k in s["files"][0]["skipped_sheets"]] == [("Lama", True)]


def test_an_empty_text_result_of_a_formula_is_a_value(data_dir, tmp_path):
    empty = (
        '<row r="4"><c r="A4" t="inlineStr"><is><t>3175015001900003</t></is></c>'
        '<c r="B4" t="inlineStr"><is><t>BPU</t></is></c><c r="C4" t="inlineStr"><is><t>31.75.01.1001</t></is></c>'
        '<c r="D4" t="str"><f>IF(1=1,"","x")</f><v></v></c></row>'
    )
    s = load([_raw_xlsx(tmp_path / "kosong.xlsx", ROWS_XML + empty)])
    assert (s["loaded"], s["rejected"], s["flagged_by_kind"]) == (3, 0, {"status_unknown": 1})


def test_a_merge_reaching_past_the_sheet_adds_no_rows(data_dir, tmp_path):
    path = _raw_xlsx(tmp_path / "gabung.xlsx", ROWS_XML)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="B2:XFD1048576"/></mergeCells>'
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    s = load([path])
    assert (s["read"], s["loaded"]) == (2, 2)


def test_a_signature_under_the_table_is_a_note_not_a_reject(data_dir, tmp_path):
    path = tmp_path / "ttd.csv"
    path.write_text(
        "nik,nama,segmen,kode_wilayah\n"
        "3175015001900001,Satu,BPU,31.75.01.1001\n"
        ",Tanpa NIK,,\n"  # inside the table: a reject
        "3175015001900002,Dua,BPU,31.75.01.1001\n"
        ',"Pandeglang, 5 Februari 2024",,\n'
        ",Kepala Desa,,\n"
        ",(H. Ahmad),,\n"
    )
    s = load([path])
    assert (s["read"], s["loaded"], s["rejected_by_reason"], s["note_rows"]) == (3, 2, {"nik_invalid": 1}, 3)
    assert "catatan" in s["words"]["note_rows"]


def test_values_as_other_programs_write_them(data_dir, tmp_path):
    path = tmp_path / "program_lain.csv"
    path.write_bytes(
        (
            "nik,segmen,kode_wilayah,rw,status\n"
            "3175015001900001,B.P.U,3175011001.0,5.0,AKTIF\n"  # pandas' floats; dotted segment
            "\uff13\uff11\uff17\uff15\uff10\uff11\uff15\uff10\uff10\uff11\uff19\uff10\uff10\uff10\uff10\uff12,"
            "Penerima-Upah,31.75.01.1001,RW.07,AKTIF\n"  # full-width digits
            "\u200e3175015001900003\u00ad,JAKON,32.1.1.1001,3,AKTIF\n"  # LRM, soft hyphen; a code without zeros
            "3.175.015.001.900.004,BPU,31.75.01.1001,1,AKTIF\n"  # thousands separators: a number
        ).encode()
    )
    s = load([path])
    assert (s["loaded"], s["rejected_by_reason"]) == (3, {"nik_angka": 1})
    got = warehouse.query("SELECT segmen, kode_wilayah, rw FROM peserta ORDER BY segmen").values.tolist()
    assert got == [["BPU", "31.75.01.1001", 5], ["JAKON", "32", 3], ["PU", "31.75.01.1001", 7]]
    assert s["flagged_by_kind"] == {"wilayah_invalid": 1}  # 32.1.1.1001 kept at Jawa Barat, not moved to 32.11


def test_odd_paths_are_named(data_dir, tmp_path):
    os.mkfifo(tmp_path / "pipa")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for name, says in (("pipa", "bukan berkas biasa"), ("a", "tidak bisa dibuka")):
        with pytest.raises(tabular.LoadError, match=says):
            load([tmp_path / name])
    import gzip

    (tmp_path / "dua.csv.gz").write_bytes(gzip.compress(gzip.compress(b"nik,segmen,kode_wilayah\n1,PU,31\n")))
    with pytest.raises(tabular.LoadError, match="gzip di dalam gzip"):
        load([tmp_path / "dua.csv.gz"])


def test_a_file_without_header_never_shows_its_data_in_the_message(data_dir, tmp_path):
    path = tmp_path / "tanpa_judul.csv"
    path.write_text("3175015001900001,Budi Santoso,BPU,3175011001\n")
    with pytest.raises(tabular.LoadError) as e:
        load([path])
    assert "3175015001900001" not in str(e.value) and "Budi" not in str(e.value) and "baris kolom" in str(e.value)


def test_ods_merged_cells_reach_every_row_they_span(data_dir, tmp_path):
    path = _ods(
        tmp_path / "gabung.ods",
        {
            "Peserta": [
                ["NIK", "SEGMEN", "KODE_WILAYAH", "STATUS"],
                ["3175015001900001", "BPU", ("31.75.01.1002", 3), "AKTIF"],
                ["3175015001900002", "BPU", "covered", "AKTIF"],
                ["3175015001900003", "BPU", "covered", "AKTIF"],
                ["3175015001900004", "BPU", "31.75.01.1001", "AKTIF"],
            ]
        },
    )
    s = load([path])
    assert (s["loaded"], s["flagged_by_kind"]) == (4, {})
    assert (_peserta("31.75.01.1002"), _peserta("31.75.01.1001")) == (3, 1)


def test_an_unknown_address_says_so_in_the_officials_language(dash_app):
    """Dash's own 404 reads "404 - Page not found" in English: Cakupan's says it in Indonesian, or
    in English when the link asks, with the way back to Ringkasan."""
    from dash import page_registry

    from layouts.pages import not_found_404 as halaman

    assert any(m.endswith("not_found_404") for m in page_registry)  # Dash shows it for any unknown path
    id_, en = repr(halaman.layout()), repr(halaman.layout(bahasa="en"))
    assert "Halaman tidak ditemukan" in id_ and "Kembali ke Ringkasan" in id_ and "href='/'" in id_
    assert "Page not found" in en and "href='/?bahasa=en'" in en
