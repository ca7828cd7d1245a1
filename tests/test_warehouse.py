"""A load never breaks what is served: killed half-way, failed, or read from while it runs."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import warehouse
from metrics import cakupan, lingkup
from metrics.pertanyaan import tanya
from tests.conftest import AS_OF, ROOT, SEED, load

HEADER = "nik,segmen,kode_wilayah,status\n"


def _big_roster(path, rows=300_000):
    """A roster large enough that its load takes a few seconds; all rows active."""
    with open(path, "w") as f:
        f.write(HEADER)
        f.writelines(f"{3175020000000000 + i},PU,31.75.02.1001,AKTIF\n" for i in range(rows))
    return path


def _start_load(path, as_of="2024-02-13"):
    return subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(path), "--as-of", as_of],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(condition, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.slow
def test_killed_load_leaves_old_data_served(data_dir, tmp_path):
    load([SEED / "roster_kecil.csv"])
    served = warehouse.current_path()
    before = cakupan.angka_tempat(tanya("ID"))
    process = _start_load(_big_roster(tmp_path / "besar.csv"))
    building = lambda: any(p != served for p in warehouse.builds_dir().glob("cakupan-*.duckdb"))
    assert _wait_for(building), "the load never started its build"
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert warehouse.current_path() == served
    assert cakupan.angka_tempat(tanya("ID")) == before
    # The next load cleans up after the killed one and succeeds.
    summary = load([SEED / "roster_kecil.csv"], as_of=AS_OF.replace(day=13))
    assert summary["persons"] == 10
    assert len(list(warehouse.builds_dir().glob("cakupan-*.duckdb"))) <= warehouse.KEEP_BUILDS


@pytest.mark.slow
def test_readers_see_old_or_new_never_a_mix(data_dir, tmp_path):
    load([SEED / "roster_kecil.csv"])
    old = cakupan.angka_tempat(tanya("ID"))["peserta_aktif"]
    seen, errors = [], []
    stop = threading.Event()

    def read():
        lingkup.pasang(lingkup.NASIONAL)  # a new thread starts with no scope
        while not stop.is_set():
            try:
                seen.append(cakupan.angka_tempat(tanya("ID"))["peserta_aktif"])
            except Exception as e:  # any error at all fails the test
                errors.append(repr(e))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for t in readers:
        t.start()
    process = _start_load(_big_roster(tmp_path / "besar.csv"), as_of="2024-02-06")
    process.wait(timeout=300)
    time.sleep(0.3)
    stop.set()
    for t in readers:
        t.join()
    assert process.returncode == 0, process.stderr.read().decode()
    assert not errors
    assert set(seen) <= {old, 300_000}
    assert seen[0] == old and seen[-1] == 300_000


def test_failed_load_leaves_nothing_behind(data_dir_baru, tmp_path):
    load([SEED / "roster_kecil.csv"])
    served = warehouse.current_path()
    bad = tmp_path / "rusak.csv.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    from etl.tabular import LoadError

    with pytest.raises(LoadError, match="rusak.csv.gz"):
        load([SEED / "roster_kecil.csv", bad])
    assert warehouse.current_path() == served
    assert [p.name for p in warehouse.builds_dir().glob("cakupan-*.duckdb")] == [served.name]
    assert warehouse.rows("SELECT count(*) FROM riwayat_muat") == [(1,)]


def test_load_history_records_files_and_counts(data_dir):
    load([SEED / "roster_kecil.csv"])
    import hashlib
    import json

    jenis, tanggal, dibaca, dimuat, ditolak, ringkasan_json = warehouse.rows(
        "SELECT jenis, tanggal_data, dibaca, dimuat, ditolak, ringkasan FROM riwayat_muat"
    )[0]
    assert (jenis, str(tanggal), dibaca, dimuat, ditolak) == ("peserta", "2024-02-06", 15, 12, 3)
    recorded = json.loads(ringkasan_json)["files"][0]["sha256"]
    assert recorded == hashlib.sha256((SEED / "roster_kecil.csv").read_bytes()).hexdigest()


def test_folders_kept_beside_a_build_go_with_it(data_dir):
    from metrics.pembangun import Filter

    load([SEED / "roster_kecil.csv"])
    first = warehouse.current_path()
    cakupan.anak(tanya("ID", filt=Filter(segmen="BPU")))  # an answer kept for the workers
    first.with_suffix(".unduh").mkdir()
    first.with_suffix(".tersimpan").write_bytes(b"")  # a file, as metrics/tersimpan.py keeps
    assert first.with_suffix(".jawab").is_dir()
    for day in (13, 20, 27):  # three newer builds: the first is no longer kept
        load([SEED / "roster_kecil.csv"], as_of=AS_OF.replace(day=day))
    assert not first.exists()
    assert not first.with_suffix(".jawab").exists() and not first.with_suffix(".unduh").exists()
    assert not first.with_suffix(".tersimpan").exists()


def test_a_build_that_fails_in_its_finisher_leaves_nothing_beside_it(data_dir_baru, monkeypatch):
    load([SEED / "roster_kecil.csv"])
    served = warehouse.current_path()

    def rusak(con):
        (path,) = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
        Path(path).with_suffix(".tersimpan").write_bytes(b"half")
        raise RuntimeError("finisher failed")

    monkeypatch.setattr(warehouse, "_finishers", [rusak])
    with pytest.raises(RuntimeError, match="finisher failed"):
        load([SEED / "roster_kecil.csv"], as_of=AS_OF.replace(day=13))
    assert warehouse.current_path() == served
    left = [p.name for p in warehouse.builds_dir().iterdir() if p.name.startswith("cakupan-")]
    assert served.name in left and all(n.startswith(served.stem + ".") for n in left), left
