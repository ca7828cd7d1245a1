"""Exports for analysts: the CLI, the contract's columns, sums that add up, safe cells."""

import csv
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
    header, row = rows[0], dict(zip(rows[0], rows[1]))
    assert header[:3] == ("tanggal_data", "kode_wilayah", "nama_wilayah")
    assert (row["tanggal_data"], row["peserta_aktif"], row["capaian_persen"]) == ("2024-01-30", 9, 45.0)  # 9/20
    assert "1 baris ditulis" in capsys.readouterr().err


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
    assert sheet["A2"].value == safe and sheet["A2"].data_type == "s"


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
