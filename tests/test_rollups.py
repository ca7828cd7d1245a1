"""Rollups: every level sums from them, and weekly change counts people in and out.

The rules of etl/sql/ringkas.sql are given/expect tests (tests/diberi.py): the person rows go in
by hand, the model runs, its rows are compared with hand-worked ones. What only a build shows
(which snapshots are rolled up again, which keep their person rows) is loaded from files."""

import datetime as dt

import warehouse
from tests.conftest import load
from tests.diberi import gudang_diberi

HEADER = "nik,segmen,kode_wilayah,rw,status"
PULO_GADUNG, KENARI = "31.75.02.1001", "31.71.04.1002"


def _seed(gudang) -> None:
    """The ten persons tests/seed/roster_kecil.csv loads as of 2024-02-06 (seed/README.md), each
    with the columns its rollups read: segment, programmes, deepest known region, RW, active."""
    orang = {
        "001": dict(segmen="BPU", jkk=True, jkm=True, kode_wilayah=PULO_GADUNG, rw=5),
        "002": dict(segmen="PU", jkk=True, jkm=True, jht=True, jp=True, kode_wilayah=PULO_GADUNG, rw=5),
        "003": dict(segmen="JAKON", jkk=True, jkm=True, kode_wilayah=PULO_GADUNG, rw=7),
        "004": dict(segmen="PMI", jkk=True, jkm=True, jht=True, kode_wilayah="31.75.02", aktif=False),
        "005": dict(segmen="BPU", jkk=True, jkm=True, kode_wilayah="31.75.02"),  # 31.75.02.9999: not a kelurahan
        "006": dict(segmen="BPU", jkk=True, jkm=True),  # 99.01: region unknown
        "007": dict(segmen="TIDAK_DIKETAHUI", jkk=True, jkm=True, kode_wilayah=KENARI, rw=3),
        "008": dict(kode_wilayah=KENARI, rw=3, aktif=False),  # no programme
        "009": dict(jkk=True, kode_wilayah=KENARI, aktif=False),  # no RW
        "011": dict(jkk=True, kode_wilayah=KENARI, rw=4),
    }
    for nik, kolom in orang.items():
        gudang.peserta("2024-02-06", nik, **kolom)


def test_rollup_by_region_segment_programme_and_rw():
    """Given the seed's ten persons (_seed) as the only snapshot, ringkas.sql's rollups hold
    seed/README.md's counts by region, segment, programme and RW."""
    gudang = gudang_diberi()
    _seed(gudang)
    gudang.run("ringkas.sql", {"tanggal": "2024-02-06", "sebelumnya": None})
    q = lambda where: gudang.rows(
        f"SELECT sum(terdaftar)::INT t, sum(aktif)::INT a FROM ringkas_wilayah WHERE {where}"
    )[0]
    assert q("true") == (10, 7)
    assert q("kode_kelurahan = '31.75.02.1001'") == (3, 3)
    assert q("kode_kecamatan = '31.75.02'") == (5, 4)
    assert q("kode_kelurahan = '31.71.04.1002'") == (4, 2)
    assert q("kode_wilayah IS NULL") == (1, 1)
    by_segment = gudang.rows(
        "SELECT segmen, sum(terdaftar)::INT t, sum(aktif)::INT a FROM ringkas_wilayah GROUP BY 1 ORDER BY 1"
    )
    assert by_segment == [
        ("BPU", 3, 3),
        ("JAKON", 1, 1),
        ("PMI", 1, 0),
        ("PU", 4, 2),
        ("TIDAK_DIKETAHUI", 1, 1),
    ]
    programmes = gudang.rows(
        "SELECT sum(terdaftar_jkk), sum(terdaftar_jkm), sum(terdaftar_jht), sum(terdaftar_jp), sum(terdaftar_jkp) FROM ringkas_wilayah"
    )
    assert programmes == [(9, 7, 2, 1, 0)]
    # Kenari: 007 RW 3 (segment unknown, active), 008 RW 3 PU, 009 no RW PU, 011 RW 4 PU active.
    # Pulo Gadung: 001 RW 5 BPU, 002 RW 5 PU, 003 RW 7 JAKON, all active. rw NULL = RW not known.
    rw = gudang.rows(
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
    assert gudang.rows("SELECT sum(baru) b FROM ringkas_wilayah") == [(None,)]  # no previous snapshot: unknown


def test_new_and_lapsed_between_snapshots():
    """Given week 1 (2024-01-30): A and B active in Pulo Gadung (PU), C inactive and E active in
    Kenari (BPU); week 2 (2024-02-06): A active, B lapses, C starts paying, D is new and active
    in Kenari, E has left the roster. ringkas.sql for week 2 against week 1 counts them."""
    gudang = gudang_diberi()
    for tanggal, nik, segmen, kode, aktif in [
        ("2024-01-30", "A", "PU", PULO_GADUNG, True),
        ("2024-01-30", "B", "PU", PULO_GADUNG, True),
        ("2024-01-30", "C", "BPU", KENARI, False),
        ("2024-01-30", "E", "BPU", KENARI, True),
        ("2024-02-06", "A", "PU", PULO_GADUNG, True),
        ("2024-02-06", "B", "PU", PULO_GADUNG, False),
        ("2024-02-06", "C", "BPU", KENARI, True),
        ("2024-02-06", "D", "BPU", KENARI, True),
    ]:
        gudang.peserta(tanggal, nik, segmen=segmen, kode_wilayah=kode, aktif=aktif)
    gudang.run("ringkas.sql", {"tanggal": "2024-02-06", "sebelumnya": "2024-01-30"})
    total = gudang.rows(
        "SELECT sum(aktif)::INT a, sum(baru)::INT b, sum(berhenti)::INT h FROM ringkas_wilayah WHERE tanggal_data = '2024-02-06'"
    )
    assert total == [(3, 2, 2)]  # 3 active now = 3 before + 2 new (C, D) - 2 lapsed (B, E)
    kenari = gudang.rows(
        "SELECT sum(baru)::INT b, sum(berhenti)::INT h FROM ringkas_wilayah "
        "WHERE tanggal_data = '2024-02-06' AND kode_kelurahan = '31.71.04.1002'"
    )
    assert kenari == [(2, 1)]  # C, D in; E out where E was


def _week(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    return path


def test_loading_an_earlier_week_later_refreshes_the_next_week(data_dir, tmp_path):
    """With the loader: the rule is etl/build.py's, which rolls up the next snapshot again when an
    earlier one arrives. Week 2 (2024-02-06, two active) is loaded before week 1 (one of them)."""
    week1 = _week(tmp_path, "w1.csv", ["1111111111111111,PU,31.75.02.1001,1,AKTIF"])
    week2 = _week(
        tmp_path, "w2.csv", ["1111111111111111,PU,31.75.02.1001,1,AKTIF", "2222222222222222,PU,31.75.02.1001,1,AKTIF"]
    )
    load([week2], dt.date(2024, 2, 6))
    load([week1], dt.date(2024, 1, 30))
    baru = warehouse.query("SELECT sum(baru)::INT b FROM ringkas_wilayah WHERE tanggal_data = '2024-02-06'").b[0]
    assert baru == 1


def test_old_snapshots_keep_rollups_only(data_dir, tmp_path, monkeypatch):
    """With the loader: etl/build.py keeps person rows for the newest CAKUPAN_DETAIL_SNAPSHOTS (2)
    only. Three weeks of one active person; all three keep their rollups."""
    monkeypatch.setenv("CAKUPAN_DETAIL_SNAPSHOTS", "2")
    row = "1111111111111111,PU,31.75.02.1001,1,AKTIF"
    for day in (16, 23, 30):
        load([_week(tmp_path, f"w{day}.csv", [row])], dt.date(2024, 1, day))
    kept = warehouse.query("SELECT tanggal_data, ada_rincian FROM snapshot ORDER BY 1").ada_rincian.tolist()
    assert kept == [False, True, True]
    assert warehouse.query("SELECT count(DISTINCT tanggal_data) n FROM ringkas_wilayah").n[0] == 3


def test_a_programme_counts_as_active_only_for_the_active():
    """Given two persons with JKM in RW 2 of Pulo Gadung, one active and one not: the RW rollup
    counts both as registered in JKM and one as active in it (the seed has no inactive person in
    JKM, so the test above cannot tell `aktif_jkm` from `terdaftar_jkm`)."""
    gudang = gudang_diberi()
    gudang.peserta("2024-02-06", "A", jkm=True, kode_wilayah=PULO_GADUNG, rw=2)
    gudang.peserta("2024-02-06", "B", jkm=True, kode_wilayah=PULO_GADUNG, rw=2, aktif=False)
    gudang.run("ringkas.sql", {"tanggal": "2024-02-06", "sebelumnya": None})
    assert gudang.rows("SELECT rw, terdaftar, aktif, terdaftar_jkm, aktif_jkm FROM ringkas_rw") == [(2, 2, 1, 2, 1)]
    assert gudang.rows("SELECT sum(terdaftar_jkm)::INT, sum(aktif_jkm)::INT FROM ringkas_wilayah") == [(2, 1)]
