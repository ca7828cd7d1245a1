"""The warehouse: one DuckDB file per build, and a pointer naming the one being served.

A load copies the served file to a new path, writes into the copy, checks it and then
replaces the pointer atomically. Readers open the file the pointer names, read-only, and
notice when it changes. A path is never written after it has been served, so a reader
never sees half a load and a failed load changes nothing.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb

import settings
from warehouse import partisi

POINTER = "CURRENT"
KEEP_BUILDS = 3  # served file, the one before it (readers may still hold it), one spare


# Tables computed from the rest of a build at its end by a finisher (metrics/jawaban.py). Dropped
# at every build before the finishers run, so a build made without them never serves stale ones.
DERIVED = ("jawaban", "jawaban_ada")
_finishers: list = []


def on_build(finisher) -> None:
    """Run finisher(con) at the end of every build, before it is checked and served. Registering
    the same finisher twice runs it once."""
    if finisher not in _finishers:
        _finishers.append(finisher)


class WarehouseMissing(RuntimeError):
    """No warehouse has been built yet."""


def builds_dir() -> Path:
    path = settings.data_dir() / "warehouse"
    path.mkdir(parents=True, exist_ok=True)
    return path


def current_path() -> Path | None:
    """The warehouse file being served, or None before the first build."""
    folder = builds_dir()  # once: it makes its folders (each page asks this several times)
    try:
        name = (folder / POINTER).read_text().strip()
    except FileNotFoundError:
        return None
    path = folder / name
    return path if name and path.exists() else None


# --- reading -------------------------------------------------------------------------

_reader_lock = threading.Lock()
_readers: dict[Path, duckdb.DuckDBPyConnection] = {}


def _reader_for(path: Path) -> duckdb.DuckDBPyConnection:
    with _reader_lock:
        con = _readers.get(path)
        if con is None:
            con = duckdb.connect(str(path), read_only=True)
            _readers[path] = con
            # Keep the previous file open too: another thread may still be reading it.
            for old in list(_readers)[:-2]:
                _readers.pop(old).close()
        return con


def cursor() -> duckdb.DuckDBPyConnection:
    """A read-only cursor on the served warehouse, for this thread's use only."""
    path = current_path()
    if path is None:
        raise WarehouseMissing(
            f"Belum ada data di {builds_dir()}. Jalankan 'python -m etl demo' atau "
            "'python -m etl load BERKAS --as-of YYYY-MM-DD' lebih dulu."
        )
    return _reader_for(path).cursor()


def query(sql: str, params: dict | list | None = None):
    """Run one read-only statement on the served warehouse and return a pandas DataFrame."""
    with cursor() as cur:
        return cur.execute(sql, params or {}).df()


def rows(sql: str, params: dict | list | None = None) -> list[tuple]:
    """Run one read-only statement and return plain Python rows (NULL as None, DATE as date)."""
    with cursor() as cur:
        return cur.execute(sql, params or {}).fetchall()


def records(sql: str, params: dict | list | None = None) -> list[dict]:
    """Run one read-only statement and return one dict per row, with plain Python values."""
    with cursor() as cur:
        result = cur.execute(sql, params or {})
        names = [d[0] for d in result.description]
        return [dict(zip(names, row)) for row in result.fetchall()]


def close_readers() -> None:
    with _reader_lock:
        while _readers:
            _readers.popitem()[1].close()


# --- building ------------------------------------------------------------------------


@contextmanager
def load_lock():
    """One build at a time; a second load waits for the first."""
    with open(builds_dir() / "load.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def refresh_marker() -> Path:
    """A file naming a refresh build that is started and has not yet read what it serves (its pid):
    while it is there, another save needs no build of its own (metrics/pembagian.terapkan)."""
    return builds_dir() / "refresh.queued"


def _new_build_path() -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    return builds_dir() / f"cakupan-{stamp}-{os.getpid()}.duckdb"


def _switch_to(path: Path) -> None:
    tmp = builds_dir() / f".{POINTER}.{os.getpid()}"
    tmp.write_text(path.name + "\n")
    with open(tmp) as f:
        os.fsync(f.fileno())
    os.replace(tmp, builds_dir() / POINTER)


# Files and folders kept beside a build, named after it, gone with it: big exports
# (server/unduh.py), answers shared by the workers (metrics/bersama.py), what a click reads
# (metrics/tersimpan.py) and the list of history files it serves (warehouse/partisi.py).
SIDECARS = (".unduh", ".jawab", ".tersimpan", ".partisi")


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    Path(str(path) + ".wal").unlink(missing_ok=True)
    for suffix in SIDECARS:
        beside = path.with_suffix(suffix)
        if beside.is_dir():
            shutil.rmtree(beside, ignore_errors=True)
        else:
            beside.unlink(missing_ok=True)


def _clean_old_builds(serving: Path) -> None:
    """Drop old builds and leftovers of killed loads; keep the newest few."""
    builds = sorted(builds_dir().glob("cakupan-*.duckdb"), key=lambda p: p.stat().st_mtime)
    keep = {serving, *builds[-KEEP_BUILDS:]}
    for path in builds:
        if path not in keep:
            _remove(path)
    _clean_partitions()


def _clean_partitions() -> None:
    """Delete history files no kept build lists (under the load lock: no build is being made)."""
    dipakai: set[str] = set()
    for path in builds_dir().glob("cakupan-*.duckdb"):
        berkas = partisi.baca_daftar(path.with_suffix(".partisi"))
        if berkas is None:  # a build without its list: read the list inside it, or keep everything
            berkas = _listed_inside(path)
            if berkas is None:
                return
        dipakai.update(berkas)
    partisi.bersihkan(dipakai)


def _listed_inside(path: Path) -> list[str] | None:
    """The files a build's own `partisi` table lists; [] for a build from before partitions, None
    when it cannot be read (then nothing is deleted)."""
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return partisi.daftar(con) if has_table(con, "partisi") else []
    except duckdb.Error:
        return None


def _clear_abandoned(served: Path | None) -> Path:
    """Remove what a killed load left behind (no other build runs: we hold the lock)."""
    if served is not None:
        for path in builds_dir().glob("cakupan-*.duckdb"):
            if path != served and path.stat().st_mtime > served.stat().st_mtime:
                _remove(path)
    _clean_partitions()
    scratch = builds_dir() / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    return scratch


@contextmanager
def build():
    """A writable copy of the served warehouse; it is served only if the block succeeds.

    Yields (connection, is_new, scratch): scratch is an empty folder for staging files. On an
    exception the copy is deleted and the pointer is untouched.
    """
    with load_lock():
        served = current_path()
        scratch = _clear_abandoned(served)
        path = _new_build_path()
        if served is not None:
            shutil.copyfile(served, path)
        con = duckdb.connect(str(path))
        try:
            con.execute("SET preserve_insertion_order = false")
            # A national roster must not take the machine: past this, DuckDB spills to scratch.
            con.execute(f"SET memory_limit = '{settings.load_memory()}'")
            con.execute("SET temp_directory = '" + str(scratch).replace("'", "''") + "'")
            yield con, served is None, scratch
            for name in DERIVED:
                con.execute(f"DROP TABLE IF EXISTS {name}")
            for finisher in _finishers:
                finisher(con)
            if has_table(con, "partisi"):
                partisi.tulis_daftar(con, path.with_suffix(".partisi"))
            con.execute("CHECKPOINT")
            con.close()
        except BaseException:
            con.close()
            _remove(path)  # and what a finisher wrote beside it
            raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        _check(path)
        _switch_to(path)
        _clean_old_builds(path)


def _check(path: Path) -> None:
    """A build is served only if it opens read-only, has its core tables and reads every history
    file it lists (their row counts, from the files' footers)."""
    with duckdb.connect(str(path), read_only=True) as con:
        con.execute("SELECT count(*) FROM wilayah").fetchall()
        con.execute("SELECT count(*) FROM snapshot").fetchall()
        if has_table(con, "partisi"):
            for tabel in partisi.TABEL:
                con.execute(f"SELECT count(*) FROM {tabel}").fetchall()


def has_table(con, name: str) -> bool:
    """Whether a connection's main schema has table `name`."""
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = $n AND schema_name = 'main'", {"n": name}
        ).fetchone()[0]
    )
