"""Targets, RW and workforce reference loaders, on the seed files (answers in seed/README.md)."""

import pytest

import warehouse
from etl import build, tabular
from tests.conftest import SEED
from tests.diberi import gudang_diberi


def test_targets(data_dir):
    s = build.load_reference("target", SEED / "target_kecil.csv")
    assert (s["read"], s["loaded"], s["rejected"]) == (10, 4, 6)
    assert s["rejected_by_reason"] == {
        "row_malformed": 1,
        "segmen_invalid": 1,
        "tahun_invalid": 1,
        "target_duplicate": 1,
        "target_invalid": 1,
        "wilayah_invalid": 1,
    }
    rows = warehouse.query("SELECT kode_wilayah, tahun, segmen, target FROM target ORDER BY ALL")
    assert rows.values.tolist() == [
        ["31.71.04.1002", 2024, "SEMUA", 1000],
        ["31.75.02", 2024, "SEMUA", 5],
        ["ID", 2024, "BPU", 4],
        ["ID", 2024, "SEMUA", 10],
    ]
    rejects = warehouse.query("SELECT baris, alasan FROM baris_ditolak WHERE jenis_berkas = 'target' ORDER BY baris")
    assert rejects.baris.tolist() == [6, 7, 8, 9, 10, 11]


def test_targets_replace_only_what_a_file_names(data_dir, tmp_path):
    build.load_reference("target", SEED / "target_kecil.csv")
    update = tmp_path / "target_baru.csv"
    update.write_text("kode_wilayah,tahun,segmen,target\n,2024,,12\n,2025,,20\n")
    build.load_reference("target", update)
    rows = warehouse.query(
        "SELECT tahun, target FROM target WHERE kode_wilayah = 'ID' AND segmen = 'SEMUA' ORDER BY tahun"
    )
    assert rows.values.tolist() == [[2024, 12], [2025, 20]]
    assert warehouse.query("SELECT count(*) n FROM target").n[0] == 5


def test_an_own_target_wins_over_a_derived_one():
    """Given (tests/diberi.py) Pulogadung's target of 100 for 2024, split evenly into 50 for Pulo
    Gadung and 50 for Pisangan Timur, and Pulo Gadung's own target of 40: target_berlaku
    (etl/sql/target_turunan.sql) serves the own 40 and the derived 50 beside it (issue 21)."""
    gudang = gudang_diberi()
    gudang.target("31.75.02", 2024, 100)
    gudang.target("31.75.02.1001", 2024, 40)
    gudang.target_turunan("31.75.02.1001", 2024, 50, kode_induk="31.75.02")
    gudang.target_turunan("31.75.02.1002", 2024, 50, kode_induk="31.75.02")
    assert gudang.rows("SELECT kode_wilayah, target, asal, dasar FROM target_berlaku ORDER BY 1") == [
        ("31.75.02", 100, "wilayah", None),
        ("31.75.02.1001", 40, "wilayah", None),
        ("31.75.02.1002", 50, "turunan", "rata"),
    ]


def test_rw_reference(data_dir):
    s = build.load_reference("rw", SEED / "rw_kecil.csv")
    assert (s["read"], s["loaded"], s["rejected"]) == (5, 2, 3)
    assert s["rejected_by_reason"] == {"jumlah_rw_invalid": 1, "rw_duplicate": 1, "wilayah_invalid": 1}
    rows = warehouse.query("SELECT * FROM referensi_rw ORDER BY 1")
    assert rows.values.tolist() == [["31.71.04.1002", 6], ["31.75.02.1001", 8]]


def test_workforce_reference(data_dir):
    s = build.load_reference("pekerja", SEED / "pekerja_kecil.csv")
    assert (s["read"], s["loaded"], s["rejected"]) == (9, 5, 4)
    assert s["rejected_by_reason"] == {
        "pekerja_duplicate": 1,
        "pekerja_invalid": 1,
        "tahun_invalid": 1,
        "wilayah_invalid": 1,
    }
    rows = warehouse.rows("SELECT kode_wilayah, tahun, pekerja FROM referensi_pekerja ORDER BY ALL")
    assert rows == [
        ("31", 2023, 1000),
        ("31.71.04.1002", 2024, 8),
        ("31.75.02", 2023, 20),
        ("ID", 2023, 40),
        ("ID", 2025, 999),
    ]
    rejects = warehouse.rows("SELECT baris, alasan FROM baris_ditolak WHERE jenis_berkas = 'pekerja' ORDER BY baris")
    assert rejects == [(7, "pekerja_duplicate"), (8, "wilayah_invalid"), (9, "tahun_invalid"), (10, "pekerja_invalid")]


def test_cli_loads_workforce(data_dir, capsys):
    from commands.etl import main

    assert main(["pekerja", str(SEED / "pekerja_kecil.csv")]) == 0
    out = capsys.readouterr().out
    assert "Referensi pekerja: 1 berkas" in out and "ditolak" in out


def test_older_schema_is_refused_with_what_to_do(data_dir):
    build.ensure_exists()
    with warehouse.build() as (con, _is_new, _scratch):
        con.execute("DROP TABLE versi_skema").fetchall()  # as a warehouse made before versions existed
    with pytest.raises(tabular.LoadError, match="skema 1, kini 3"):
        build.load_reference("pekerja", SEED / "pekerja_kecil.csv")
    assert build.served_version() == 1
