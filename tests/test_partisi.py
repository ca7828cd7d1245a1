"""History in immutable Parquet partitions (warehouse/partisi.py, issue 33): a week's load writes
its own snapshot's files and no other, old rollups are compacted without changing a number, old
person rows and what killed loads wrote leave the disk, and a schema-2 warehouse moves its
history into partitions on its next load with every number as it was."""

import datetime as dt
from pathlib import Path

import duckdb

import warehouse
from etl import build, demo
from tests.conftest import load
from warehouse import partisi

HEADER = "nik,segmen,kode_wilayah,rw,status"
PULO_GADUNG = "31.75.02.1001"
A, B = dt.date(2024, 1, 30), dt.date(2024, 2, 6)


def _roster(tmp_path, name: str, niks: list[str]) -> Path:
    """A roster of active PU persons in RW 1 of Pulo Gadung."""
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "".join(f"{n},PU,{PULO_GADUNG},1,AKTIF\n" for n in niks))
    return path


def _files() -> dict[str, tuple[int, int]]:
    """Every partition file on disk: relative path -> (inode, mtime in ns)."""
    return {
        str(p.relative_to(partisi.akar())): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in partisi.akar().rglob("*.parquet")
    }


def _listed() -> list[str]:
    return [b for (b,) in warehouse.rows("SELECT berkas FROM partisi ORDER BY berkas")]


def test_a_weekly_load_writes_its_own_snapshot_and_nothing_else(data_dir, tmp_path):
    """Week A, then week B: B adds one file per history table, all in B's folders; A's four files
    are the same files (inode and time), still served; the build file holds no history table."""
    load([_roster(tmp_path, "a.csv", ["3175020101900001", "3175020101900002"])], A)
    setelah_a = _files()
    assert sorted(Path(f).parent.as_posix() for f in setelah_a) == [
        f"{t}/tanggal_data=2024-01-30" for t in sorted(partisi.TABEL)
    ]
    load([_roster(tmp_path, "b.csv", ["3175020101900001", "3175020101900002", "3175020101900003"])], B)
    setelah_b = _files()
    baru = set(setelah_b) - set(setelah_a)
    assert sorted(Path(f).parent.as_posix() for f in baru) == [
        f"{t}/tanggal_data=2024-02-06" for t in sorted(partisi.TABEL)
    ]
    assert {f: setelah_b[f] for f in setelah_a} == setelah_a  # not rewritten, not copied
    assert sorted(_listed()) == sorted(setelah_b)
    assert warehouse.rows(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN "
        "('peserta', 'ringkas_wilayah', 'ringkas_rw', 'ringkas_pekerjaan')"
    ) == [(0,)]
    assert warehouse.rows(
        "SELECT tanggal_data, sum(aktif)::INT, sum(baru)::INT FROM ringkas_wilayah GROUP BY 1 ORDER BY 1"
    ) == [(A, 2, None), (B, 3, 1)]


def test_a_person_file_holds_the_hash_in_two_halves_and_no_nik(data_dir, tmp_path):
    """Parquet has no 128-bit integer: the file keeps the hash as two UBIGINT and no NIK column;
    the view gives back the 128-bit hash (tests/test_orang.py checks it against HMAC-SHA256)."""
    load([_roster(tmp_path, "a.csv", ["3175020101900001"])], A)
    [berkas] = [f for f in _listed() if f.startswith("peserta/")]
    kolom = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{partisi.akar() / berkas}'").fetchall()}
    assert (kolom["nik_hash_atas"], kolom["nik_hash_bawah"]) == ("UBIGINT", "UBIGINT")
    assert "nik_hash" not in kolom and "nik" not in kolom
    [(atas, bawah)] = duckdb.sql(f"SELECT nik_hash_atas, nik_hash_bawah FROM '{partisi.akar() / berkas}'").fetchall()
    assert warehouse.rows("SELECT nik_hash FROM peserta") == [((atas << 64) | bawah,)]


def _ringkas(con, tanggal: dt.date, aktif: int) -> None:
    """Snapshot `tanggal` of ringkas_wilayah: one row, Pulo Gadung, PU, `aktif` active of 10."""
    con.execute("CREATE OR REPLACE TEMP TABLE satu AS FROM kerangka.ringkas_wilayah LIMIT 0").fetchall()
    nol = ", ".join(f"0 AS {s}_{p}" for s in ("terdaftar", "aktif") for p in ("jkk", "jkm", "jht", "jp", "jkp"))
    con.execute(
        f"INSERT INTO satu BY NAME SELECT $t AS tanggal_data, '{PULO_GADUNG}' AS kode_wilayah, 'PU' AS segmen, "
        f"10 AS terdaftar, $a AS aktif, {nol}",
        {"t": tanggal, "a": aktif},
    ).fetchall()
    partisi.simpan(con, "ringkas_wilayah", tanggal, "SELECT * FROM satu")


def test_compaction_keeps_every_row_and_a_snapshot_loaded_again_leaves_it(data_dir):
    """Five weekly snapshots (aktif 1..5), two kept a file each: the three older ones are more than
    two, so the oldest two become one file sorted by code then date (the third waits for another);
    the view's rows are the same. Snapshot 2 loaded again (aktif 20): the compacted file is written
    again with snapshot 1 only, and snapshot 2 has a file of its own."""
    minggu = [dt.date(2024, 1, 2) + dt.timedelta(weeks=i) for i in range(5)]
    with warehouse.build() as (con, _baru, _scratch):
        for i, tanggal in enumerate(minggu, start=1):
            _ringkas(con, tanggal, i)
        sebelum = con.execute("SELECT tanggal_data, aktif FROM ringkas_wilayah ORDER BY 1").fetchall()
        assert partisi.padatkan(con, mingguan=2) == 1
        daftar = con.execute(
            "SELECT tanggal_awal, tanggal_akhir, jumlah_tanggal FROM partisi WHERE tabel = 'ringkas_wilayah' ORDER BY 1"
        ).fetchall()
        assert daftar == [
            (minggu[0], minggu[1], 2),
            (minggu[2], minggu[2], 1),
            (minggu[3], minggu[3], 1),
            (minggu[4], minggu[4], 1),
        ]
        assert con.execute("SELECT tanggal_data, aktif FROM ringkas_wilayah ORDER BY 1").fetchall() == sebelum
        _ringkas(con, minggu[1], 20)
        assert con.execute("SELECT aktif FROM ringkas_wilayah ORDER BY tanggal_data").fetchall() == [
            (1,),
            (20,),
            (3,),
            (4,),
            (5,),
        ]
        assert con.execute(
            "SELECT tanggal_awal, jumlah_tanggal, berkas LIKE '%/tanggal_data=%' FROM partisi "
            "WHERE tabel = 'ringkas_wilayah' ORDER BY 1 LIMIT 2"
        ).fetchall() == [(minggu[0], 1, True), (minggu[1], 1, True)]


def test_old_person_files_and_a_killed_loads_files_leave_the_disk(data_dir, tmp_path, monkeypatch):
    """CAKUPAN_DETAIL_SNAPSHOTS=1: week A's person file leaves B's build's list at once and the disk
    once no kept build lists it (three builds later); a stray file such as a killed load leaves
    goes with the next load, and the served build reads as before."""
    monkeypatch.setenv("CAKUPAN_DETAIL_SNAPSHOTS", "1")
    load([_roster(tmp_path, "a.csv", ["3175020101900001"])], A)
    [orang_a] = [f for f in _listed() if f.startswith("peserta/")]
    load([_roster(tmp_path, "b.csv", ["3175020101900001", "3175020101900002"])], B)
    assert orang_a not in _listed() and orang_a in _files()  # the build before B still lists it
    sisa = partisi.akar() / "peserta" / "tanggal_data=2024-02-06" / "tmp-dari-muat-yang-dibunuh.parquet"
    sisa.write_bytes(b"PAR1")
    for _ in range(warehouse.KEEP_BUILDS):
        build.refresh()
    assert orang_a not in _files() and not sisa.exists()
    assert sorted(_files()) == sorted(_listed())
    assert warehouse.rows("SELECT tanggal_data, count(*)::INT FROM peserta GROUP BY 1") == [(B, 2)]
    assert warehouse.rows("SELECT tanggal_data, ada_rincian FROM snapshot ORDER BY 1") == [(A, False), (B, True)]


def _jadi_skema_2() -> None:
    """The served warehouse as schema 2 kept it: the history tables inside the build file, no
    partition file on disk."""
    with warehouse.build() as (con, _baru, _scratch):
        for tabel in partisi.TABEL:
            con.execute(f"CREATE TABLE main.{tabel}_isi AS FROM main.{tabel}").fetchall()
            con.execute(f"DROP VIEW main.{tabel}").fetchall()
            con.execute(f"ALTER TABLE main.{tabel}_isi RENAME TO {tabel}").fetchall()
        con.execute("DELETE FROM partisi").fetchall()
        con.execute("UPDATE versi_skema SET versi = 2").fetchall()
    for _ in range(warehouse.KEEP_BUILDS):
        with warehouse.build():  # builds that read nothing: the old builds' files leave the disk
            pass
    assert _files() == {} and build.served_version() == 2


def test_the_app_moves_real_schema_2_data_on_start(data_dir, tmp_path):
    """Real data of schema 2 at the app's start (etl.demo.ensure_demo): one build moves the history
    into partitions, no demo is built, the numbers stay (2 active persons as of A)."""
    load([_roster(tmp_path, "a.csv", ["3175020101900001", "3175020101900002"])], A)
    _jadi_skema_2()
    assert demo.ensure_demo() is False
    assert build.served_version() == build.SCHEMA_VERSION
    assert warehouse.rows("SELECT tanggal_data, sum(aktif)::INT FROM ringkas_wilayah GROUP BY 1") == [(A, 2)]
    assert len([f for f in _listed() if f.startswith("peserta/")]) == 1


def test_a_schema_2_warehouse_moves_its_history_into_partitions(data_dir, tmp_path):
    """A warehouse whose history is in its build file (schema 2, before issue 33): the next load
    writes each snapshot of each table as its partition, the file keeps none of it, and the
    numbers are those of a load into partitions: A 2 active, B 3 active of which 1 new."""
    load([_roster(tmp_path, "a.csv", ["3175020101900001", "3175020101900002"])], A)
    _jadi_skema_2()
    assert warehouse.rows("SELECT sum(aktif)::INT FROM ringkas_wilayah") == [(2,)]

    load([_roster(tmp_path, "b.csv", ["3175020101900001", "3175020101900002", "3175020101900003"])], B)
    assert build.served_version() == build.SCHEMA_VERSION
    assert warehouse.rows(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'peserta'"
    ) == [(0,)]
    assert warehouse.rows(
        "SELECT tanggal_data, sum(aktif)::INT, sum(baru)::INT FROM ringkas_wilayah GROUP BY 1 ORDER BY 1"
    ) == [(A, 2, None), (B, 3, 1)]
    assert warehouse.rows("SELECT tanggal_data, count(*)::INT FROM peserta GROUP BY 1 ORDER BY 1") == [(A, 2), (B, 3)]
    assert sorted({Path(f).parent.name for f in _listed()}) == ["tanggal_data=2024-01-30", "tanggal_data=2024-02-06"]


def test_a_build_whose_listed_file_is_missing_is_not_served(data_dir, tmp_path):
    """A build listing a file that is gone before it is served (a disk that lost it) fails its
    check: the served build stays, its numbers as before, and the next load deletes the failed one."""
    load([_roster(tmp_path, "a.csv", ["3175020101900001", "3175020101900002"])], A)
    served = warehouse.current_path()
    try:
        with warehouse.build() as (con, _baru, _scratch):
            partisi.simpan(con, "peserta", B, "SELECT * REPLACE ($b::DATE AS tanggal_data) FROM peserta", {"b": B})
            [berkas] = [
                b for (b,) in con.execute("SELECT berkas FROM partisi WHERE tanggal_awal = $b", {"b": B}).fetchall()
            ]
            (partisi.akar() / berkas).unlink()
    except duckdb.IOException as e:
        assert berkas in str(e)
    else:
        raise AssertionError("a build with a missing file was served")
    assert warehouse.current_path() == served
    assert warehouse.rows("SELECT tanggal_data, count(*)::INT FROM peserta GROUP BY 1") == [(A, 2)]
    [gagal] = [p for p in served.parent.glob("cakupan-*.duckdb") if p.stat().st_mtime > served.stat().st_mtime]
    load([_roster(tmp_path, "b.csv", ["3175020101900001"])], B)
    assert not gagal.exists() and warehouse.current_path() != served
