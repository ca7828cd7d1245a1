"""Rollups: every level sums from them, and weekly change counts people in and out."""

import datetime as dt

import warehouse
from tests.conftest import SEED, load

HEADER = "nik,segmen,kode_wilayah,rw,status"


def test_rollup_matches_seed_by_region_and_segment(data_dir):
    load([SEED / "roster_kecil.csv"])
    q = lambda where: tuple(
        warehouse.query(f"SELECT sum(terdaftar)::INT t, sum(aktif)::INT a FROM ringkas_wilayah WHERE {where}").iloc[0]
    )
    assert q("true") == (10, 7)
    assert q("kode_kelurahan = '31.75.02.1001'") == (3, 3)
    assert q("kode_kecamatan = '31.75.02'") == (5, 4)
    assert q("kode_kelurahan = '31.71.04.1002'") == (4, 2)
    assert q("kode_wilayah IS NULL") == (1, 1)
    by_segment = warehouse.query(
        "SELECT segmen, sum(terdaftar)::INT t, sum(aktif)::INT a FROM ringkas_wilayah GROUP BY 1 ORDER BY 1"
    )
    assert by_segment.values.tolist() == [
        ["BPU", 3, 3],
        ["JAKON", 1, 1],
        ["PMI", 1, 0],
        ["PU", 4, 2],
        ["TIDAK_DIKETAHUI", 1, 1],
    ]
    programmes = warehouse.query(
        "SELECT sum(terdaftar_jkk), sum(terdaftar_jkm), sum(terdaftar_jht), sum(terdaftar_jp), sum(terdaftar_jkp) FROM ringkas_wilayah"
    )
    assert programmes.values.tolist() == [[9, 7, 2, 1, 0]]
    # Kenari: 007 RW 3 (segment unknown, active), 008 RW 3 PU, 009 no RW PU, 011 RW 4 PU active.
    # Pulo Gadung: 001 RW 5 BPU, 002 RW 5 PU, 003 RW 7 JAKON, all active. rw NULL = RW not known.
    rw = warehouse.rows(
        "SELECT kode_kelurahan, rw, segmen, terdaftar, aktif, terdaftar_jht, aktif_jkm "
        "FROM ringkas_rw ORDER BY kode_kelurahan, rw NULLS LAST, segmen"
    )
    assert rw == [
        ("31.71.04.1002", 3, "PU", 1, 0, 0, 0),
        ("31.71.04.1002", 3, "TIDAK_DIKETAHUI", 1, 1, 0, 1),
        ("31.71.04.1002", 4, "PU", 1, 1, 0, 0),
        ("31.71.04.1002", None, "PU", 1, 0, 0, 0),
        ("31.75.02.1001", 5, "BPU", 1, 1, 0, 1),
        ("31.75.02.1001", 5, "PU", 1, 1, 1, 1),
        ("31.75.02.1001", 7, "JAKON", 1, 1, 0, 1),
    ]
    assert warehouse.query("SELECT sum(baru) b FROM ringkas_wilayah").b.isna()[0]  # no previous snapshot: unknown


def _week(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    return path


def test_new_and_lapsed_between_snapshots(data_dir, tmp_path):
    # Week 1: A active, B active, C inactive, E active (leaves the roster in week 2).
    week1 = _week(
        tmp_path,
        "w1.csv",
        [
            "1111111111111111,PU,31.75.02.1001,1,AKTIF",
            "2222222222222222,PU,31.75.02.1001,1,AKTIF",
            "3333333333333333,BPU,31.71.04.1002,2,NONAKTIF",
            "5555555555555555,BPU,31.71.04.1002,2,AKTIF",
        ],
    )
    # Week 2: A active, B lapses, C starts paying, D is new and active.
    week2 = _week(
        tmp_path,
        "w2.csv",
        [
            "1111111111111111,PU,31.75.02.1001,1,AKTIF",
            "2222222222222222,PU,31.75.02.1001,1,NONAKTIF",
            "3333333333333333,BPU,31.71.04.1002,2,AKTIF",
            "4444444444444444,BPU,31.71.04.1002,2,AKTIF",
        ],
    )
    load([week1], dt.date(2024, 1, 30))
    load([week2], dt.date(2024, 2, 6))
    total = warehouse.query(
        "SELECT sum(aktif)::INT a, sum(baru)::INT b, sum(berhenti)::INT h FROM ringkas_wilayah WHERE tanggal_data = '2024-02-06'"
    )
    assert total.values.tolist() == [[3, 2, 2]]  # 3 active now = 3 before + 2 new (C, D) - 2 lapsed (B, E)
    kenari = warehouse.query(
        "SELECT sum(baru)::INT b, sum(berhenti)::INT h FROM ringkas_wilayah "
        "WHERE tanggal_data = '2024-02-06' AND kode_kelurahan = '31.71.04.1002'"
    )
    assert kenari.values.tolist() == [[2, 1]]  # C, D in; E out where E was


def test_loading_an_earlier_week_later_refreshes_the_next_week(data_dir, tmp_path):
    week1 = _week(tmp_path, "w1.csv", ["1111111111111111,PU,31.75.02.1001,1,AKTIF"])
    week2 = _week(
        tmp_path, "w2.csv", ["1111111111111111,PU,31.75.02.1001,1,AKTIF", "2222222222222222,PU,31.75.02.1001,1,AKTIF"]
    )
    load([week2], dt.date(2024, 2, 6))
    load([week1], dt.date(2024, 1, 30))
    baru = warehouse.query("SELECT sum(baru)::INT b FROM ringkas_wilayah WHERE tanggal_data = '2024-02-06'").b[0]
    assert baru == 1


def test_old_snapshots_keep_rollups_only(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CAKUPAN_DETAIL_SNAPSHOTS", "2")
    row = "1111111111111111,PU,31.75.02.1001,1,AKTIF"
    for day in (16, 23, 30):
        load([_week(tmp_path, f"w{day}.csv", [row])], dt.date(2024, 1, day))
    kept = warehouse.query("SELECT tanggal_data, ada_rincian FROM snapshot ORDER BY 1").ada_rincian.tolist()
    assert kept == [False, True, True]
    assert warehouse.query("SELECT count(DISTINCT tanggal_data) n FROM ringkas_wilayah").n[0] == 3
