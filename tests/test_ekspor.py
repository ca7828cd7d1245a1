"""Exports for analysts: the CLI, the contract's columns, sums that add up, safe cells."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from commands.metrics import main
from metrics import ekspor

PG = "31.75.02.1001"
LEVELS = ["nasional", "provinsi", "kabkota", "kecamatan", "kelurahan", "rw"]


def _export(capsys, *args):
    assert main(["export", *args, "--out", "-"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def _active(rows):
    return sum(int(r["peserta_aktif"]) for r in rows)


def test_coverage_columns_follow_the_contract(minggu, capsys):
    rows = _export(capsys, "coverage", "--level", "kelurahan", "--parent", "31.75.02")
    assert list(rows[0])[:14] == [
        "tanggal_data",
        "kode_wilayah",
        "nama_wilayah",
        "tingkat",
        "kode_induk",
        "nama_induk",
        "peserta_terdaftar",
        "peserta_aktif",
        "target",
        "capaian_persen",
        "kekurangan",
        "tingkat_aktif_persen",
        "pekerja",
        "cakupan_pekerja_persen",
    ]
    pg = next(r for r in rows if r["kode_wilayah"] == PG)
    assert (pg["nama_wilayah"], pg["tanggal_data"], pg["peserta_aktif"], pg["target"]) == (
        "Pulo Gadung",
        "2024-02-06",
        "11",
        "20",
    )
    assert (pg["capaian_persen"], pg["kekurangan"], pg["laju_4mg"], pg["perkiraan_tercapai"]) == (
        "55.0",
        "9",
        "0.75",
        "2024-04-30",
    )
    assert pg["tingkat_aktif_persen"] == "91.67"  # 11 / 12
    no_target = next(r for r in rows if r["kode_wilayah"] == "31.75.02.1003")
    assert (no_target["target"], no_target["capaian_persen"], no_target["kekurangan"]) == ("", "", "")


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_adds_up_to_the_nation(minggu, capsys, level):
    rows = _export(capsys, "coverage", "--level", level)
    assert _active(rows) == 13  # the national count, unknown rows included
    assert sum(int(r["peserta_terdaftar"]) for r in rows) == 15


@pytest.mark.parametrize(
    "parent,level",
    [
        ("31", "kabkota"),
        ("31.75", "kecamatan"),
        ("31.75.02", "kelurahan"),
        (PG, "rw"),
        ("31.75.02", "rw"),
        ("31", "rw"),
    ],
)
def test_children_add_up_to_their_parent(minggu, capsys, parent, level):
    children = _export(capsys, "coverage", "--level", level, "--parent", parent)
    parent_level = {"31": "provinsi", "31.75": "kabkota", "31.75.02": "kecamatan", PG: "kelurahan"}[parent]
    (own,) = _export(capsys, "coverage", "--level", parent_level, "--parent", parent)
    assert _active(children) == int(own["peserta_aktif"]) > 0


def test_filters_reach_the_export(minggu, capsys):
    (row,) = _export(capsys, "coverage", "--level", "kelurahan", "--parent", PG, "--segmen", "BPU")
    assert (row["peserta_aktif"], row["target"], row["capaian_persen"]) == ("6", "8", "75.0")
    (row,) = _export(capsys, "coverage", "--level", "kelurahan", "--parent", PG, "--program", "JHT")
    assert (row["peserta_aktif"], row["target"]) == ("5", "")
    (row,) = _export(capsys, "coverage", "--level", "kelurahan", "--parent", PG, "--cabang", "Jakarta Rawamangun")
    assert row["peserta_aktif"] == "3"
    (row,) = _export(capsys, "coverage", "--level", "kelurahan", "--parent", PG, "--rentan", "ya")
    assert row["peserta_aktif"] == "4"  # the same 4 as Filter(pekerja_rentan=True) in test_cakupan


def test_a_file_name_says_every_filter_in_the_tables_order(minggu):
    from metrics import ekspor
    from metrics.pembangun import Filter
    from metrics.pertanyaan import tanya

    t = tanya("31.75", "2024-01-30", Filter(kantor_cabang="Jakarta Rawamangun", pekerja_rentan=False, segmen="BPU"))
    assert (
        ekspor.nama_berkas("coverage", "kecamatan", t, "xlsx")
        == "cakupan_coverage_kecamatan_31.75_2024-01-30_BPU_bukan-rentan_Jakarta-Rawamangun.xlsx"
    )
    assert ekspor.nama_berkas("trend", "kota", tanya("ID")) == "cakupan_trend_tren_ID_2024-02-06.csv"


def test_rw_budget_and_trend_exports(minggu, capsys):
    (rw,) = _export(capsys, "rw", "--level", "kelurahan", "--parent", PG)
    assert (
        rw["rw_diketahui"],
        rw["rw_tercapai"],
        rw["persen_rw_tercapai_persen"],
        rw["target_program_rw"],
        rw["capaian_program_rw_persen"],
        rw["program_rw_berhasil"],
    ) == ("9", "2", "22.22", "27", "40.74", "tidak")
    per_rw = _export(capsys, "rw", "--level", "rw", "--parent", PG)
    assert [(r["nama_wilayah"], r["peserta_aktif"], r["target"], r["rw_tercapai"]) for r in per_rw[:3]] == [
        ("RW 01", "4", "3", "1"),
        ("RW 02", "2", "3", "0"),
        ("RW 03", "3", "3", "1"),
    ]
    (budget,) = _export(capsys, "budget", "--level", "kelurahan", "--parent", PG)
    assert (budget["pekerja_rentan"], budget["anggaran_sisa_tahun"], budget["anggaran_setahun_apbd"]) == (
        "4",
        "739200",
        "403200",
    )
    trend = _export(capsys, "trend", "--wilayah", PG)
    assert [(r["tanggal_data"], r["peserta_aktif"], r["perubahan"]) for r in trend] == [
        ("2024-01-09", "8", ""),
        ("2024-01-30", "9", "1"),
        ("2024-02-06", "11", "2"),
    ]


def test_older_snapshot_and_xlsx(minggu, tmp_path, capsys):
    out = tmp_path / "cakupan.xlsx"
    assert (
        main(["export", "coverage", "--level", "kelurahan", "--parent", PG, "--as-of", "2024-01-30", "--out", str(out)])
        == 0
    )
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    labels, header, row = rows[0], rows[1], dict(zip(rows[1], rows[2]))
    assert header[:3] == ("tanggal_data", "kode_wilayah", "nama_wilayah")
    assert labels[:3] == ("Tanggal data", "Kode wilayah", "Nama wilayah") and "Capaian (%)" in labels
    assert (row["tanggal_data"], row["peserta_aktif"], row["capaian_persen"]) == (dt.datetime(2024, 1, 30), 9, 45.0)
    assert "1 baris ditulis" in capsys.readouterr().err


def test_the_workbook_is_a_real_spreadsheet(minggu, tmp_path, capsys):
    """Data contract, section 4: numbers as numbers with formats, dates as dates, codes as text,
    a frozen header with a filter, labels beside the snake_case names. Pulogadung's 7 kelurahan
    (rows 3-9: every participant there is known to his kelurahan); Pulo Gadung 11 active of 20."""
    out = tmp_path / "kelurahan.xlsx"
    assert main(["export", "coverage", "--level", "kelurahan", "--parent", "31.75.02", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    assert (
        sheet.freeze_panes == "A3" and sheet.auto_filter.ref == f"A2:{sheet.cell(2, sheet.max_column).column_letter}9"
    )
    header = [c.value for c in sheet[2]]
    kolom = {h: i + 1 for i, h in enumerate(header)}
    pg = next(r for r in sheet.iter_rows(min_row=3) if r[kolom["kode_wilayah"] - 1].value == PG)
    sel = {h: pg[i - 1] for h, i in kolom.items()}
    assert sel["kode_wilayah"].data_type == "s" and sel["kode_induk"].value == "31.75.02"
    assert sel["tanggal_data"].is_date and sel["tanggal_data"].number_format == "yyyy-mm-dd"
    assert (sel["peserta_aktif"].value, sel["peserta_aktif"].number_format) == (11, "#,##0")
    assert (sel["capaian_persen"].value, sel["capaian_persen"].number_format) == (55.0, "0.00")
    assert sel["perkiraan_tercapai"].is_date and sel["perkiraan_tercapai"].value == dt.datetime(2024, 4, 30)
    assert (sel["kode_kabkota"].value, sel["nama_kabkota"].value) == ("31.75", "Kota Administrasi Jakarta Timur")
    assert sel["nama_provinsi"].value == "Daerah Khusus Ibukota Jakarta"
    assert sheet.column_dimensions["C"].width >= 28  # names are not cut
    labels = [c.value for c in sheet[1]]
    assert labels[header.index("peserta_aktif")] == "Peserta aktif" and labels[header.index("target")] == "Target"


def test_the_csv_for_excel_in_indonesian(minggu, tmp_path, capsys):
    """The second flavour (data contract, section 4): ';' between fields, ',' as decimal point,
    UTF-8 with a BOM, a name that says so. Pulo Gadung: capaian 55 %, laju 0,75 a week."""
    out = tmp_path / "id.csv"
    args = ["export", "coverage", "--level", "kelurahan", "--parent", PG, "--excel-id", "--out", str(out)]
    assert main(args) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    row = dict(zip(lines[0].split(";"), lines[1].split(";")))
    assert (row["peserta_aktif"], row["capaian_persen"], row["laju_4mg"]) == ("11", "55,0", "0,75")
    assert (row["kode_wilayah"], row["tanggal_data"]) == (PG, "2024-02-06")
    assert main(["export", "coverage", "--excel-id", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "--excel-id hanya untuk CSV" in capsys.readouterr().err
    from metrics import ekspor
    from metrics.pertanyaan import tanya

    assert ekspor.nama_berkas("coverage", "kelurahan", tanya(PG), "csv", excel_id=True).endswith("_excel-id.csv")


def test_bad_requests_fail_clearly(minggu, capsys):
    assert main(["export", "coverage", "--level", "provinsi", "--parent", "31.75", "--out", "-"]) == 2
    assert "di atas wilayah 31.75" in capsys.readouterr().err
    assert main(["export", "coverage", "--parent", "31.99", "--level", "kecamatan", "--out", "-"]) == 2
    assert "31.99 tidak ada di daftar Kemendagri" in capsys.readouterr().err
    assert main(["export", "coverage", "--as-of", "2024-02-07", "--out", "-"]) == 2
    assert "Tidak ada snapshot per 2024-02-07" in capsys.readouterr().err


def test_no_data_yet(data_dir, capsys):
    assert main(["export", "coverage", "--out", "-"]) == 2
    assert "Belum ada data" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text,safe",
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+62", "'+62"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        (" =1+1", "' =1+1"),  # a spreadsheet skips the space
        ("\u3000=1+1", "'\u3000=1+1"),  # an ideographic space
        ("\uff1dHYPERLINK(1)", "'\uff1dHYPERLINK(1)"),  # a full-width equals sign
        ("\uff0b62", "'\uff0b62"),
        (" Kenari", " Kenari"),
        ("Kenari", "Kenari"),
        ("RW 05", "RW 05"),
    ],
)
def test_formula_cells_are_neutralised(text, safe):
    assert ekspor.aman(text) == safe
    out = ekspor.csv_teks(["nama_wilayah", "peserta_aktif"], [[text, -3]])
    assert out.splitlines()[1].startswith(safe.replace('"', '""') if '"' not in safe else '"' + safe.replace('"', '""'))
    assert out.splitlines()[1].endswith(",-3")  # numbers are not text: left alone
    sheet = load_workbook(io.BytesIO(ekspor.xlsx_bytes(["nama"], [[text]]))).active
    assert sheet["A3"].value == safe and sheet["A3"].data_type == "s"  # rows 1-2: the labels and names


def test_metrics_doc_is_current():
    """docs/metrics.md lists every declared metric as the dashboard shows it; rewrite with `python -m metrics docs`."""
    from commands.metrics import DOCS
    from metrics import definisi, dokumen

    assert DOCS.read_text(encoding="utf-8") == dokumen.teks()
    for m in definisi.METRIK:
        assert f"| `{m.kolom}` | {m.label[0]} |" in dokumen.teks() and m.definisi[0] in dokumen.teks()


def test_breakdown_and_rejects_exports(minggu, capsys):
    rows = _export(capsys, "rincian", "--parent", PG, "--dimensi", "segmen")
    assert [(r["segmen"], r["peserta_terdaftar"], r["peserta_aktif"]) for r in rows] == [
        ("BPU", "7", "6"),
        ("PU", "5", "5"),
    ]
    rows = _export(capsys, "rincian", "--parent", PG, "--dimensi", "sumber_iuran")
    assert {r["sumber_iuran"]: r["peserta_aktif"] for r in rows} == {
        "MANDIRI": "3",
        "PEMBERI_KERJA": "5",
        "APBD": "2",
        "CSR": "1",
    }
    rows = _export(capsys, "rincian", "--parent", PG, "--dimensi", "kantor_cabang")
    assert {r["kantor_cabang"]: r["peserta_aktif"] for r in rows} == {
        "Jakarta Pulo Gadung": "8",
        "Jakarta Rawamangun": "3",
    }


def test_rejects_export_is_masked(seed_loaded, capsys):
    rows = _export(capsys, "ditolak")
    nik = [r for r in rows if r["alasan"] == "nik_invalid"]
    assert [(r["berkas"].rsplit("/", 1)[-1], r["baris"], r["nik_samaran"]) for r in nik] == [
        ("roster_kecil.csv", "8", "*****"),
        ("roster_kecil.csv", "17", ""),
    ]  # a short NIK is masked whole
    assert "Nik Pendek" not in capsys.readouterr().out and all("Nik" not in str(r) for r in rows)
