"""What a click reads, kept beside a build in one SQLite file (`<build>.tersimpan`,
warehouse.SIDECARS): the stored answers of the levels above RW, the trends and breakdowns of the
upper places and the place reference, written by metrics/jawaban.py at the end of the build.

Why SQLite beside DuckDB: DuckDB reads a whole row group (122.880 rows, every column asked) for
the seven rows of one kecamatan, 5-13 ms a question at 5 juta rows; SQLite finds them in its
B-tree in under 0,1 ms (docs/performance.md, "Serving, third pass"). The file is written once,
before the build is served, and opened read-only and immutable afterwards, so readers take no
locks. Values are pickled Python tuples written by this server into its own data folder,
trusted as the warehouse beside them is (as metrics/bersama.py).

Tables (all keys TEXT; dates as ISO text):
- baris(tanggal, tingkat, kunci, kode_urut, urut INTEGER, isi BLOB): one row per stored answer
  row of metrics/jawaban.py's table, isi = the row's values in kolom order.
- kolom(urutan INTEGER, nama): the column names of baris.isi.
- tren(kunci, kode, isi BLOB): one row per place, isi = its trend rows (tuple of dicts).
- rincian(kunci, kode, dimensi, isi BLOB): one row per (place, breakdown), isi = its rows.
- wilayah(kode, nama, kode_induk): one row per region of the reference.
"""

from __future__ import annotations

import functools
import pickle
import sqlite3
import threading
from pathlib import Path

AKHIRAN = ".tersimpan"
SKEMA = """
CREATE TABLE baris (tanggal TEXT, tingkat TEXT, kunci TEXT, kode_urut TEXT, urut INTEGER, isi BLOB,
                    PRIMARY KEY (tanggal, tingkat, kunci, kode_urut, urut)) WITHOUT ROWID;
CREATE TABLE kolom (urutan INTEGER PRIMARY KEY, nama TEXT);
CREATE TABLE tren (kunci TEXT, kode TEXT, isi BLOB, PRIMARY KEY (kunci, kode)) WITHOUT ROWID;
CREATE TABLE rincian (kunci TEXT, kode TEXT, dimensi TEXT, isi BLOB, PRIMARY KEY (kunci, kode, dimensi)) WITHOUT ROWID;
CREATE TABLE wilayah (kode TEXT PRIMARY KEY, nama TEXT, kode_induk TEXT) WITHOUT ROWID;
"""


def berkas(path: Path) -> Path:
    """The SQLite file kept beside build `path`."""
    return path.with_suffix(AKHIRAN)


def buat(path: Path) -> sqlite3.Connection:
    """A new, empty file for build `path` (one being made, not yet served), for writing."""
    tujuan = berkas(path)
    tujuan.unlink(missing_ok=True)
    db = sqlite3.connect(tujuan)
    db.execute("PRAGMA journal_mode = OFF")  # a failed build deletes the file (warehouse.build)
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(SKEMA)
    return db


def bungkus(nilai) -> bytes:
    return pickle.dumps(nilai, protocol=pickle.HIGHEST_PROTOCOL)


def buka(isi: bytes):
    return pickle.loads(isi)


_lokal = threading.local()  # sqlite3 connections belong to the thread that opened them


def baca(path: Path | None, sql: str, params: tuple | dict) -> list[tuple] | None:
    """Rows of a read on the file of served build `path`; None when that build has none (made
    before this file existed, or without the finisher)."""
    if path is None or not _ada(path):
        return None
    terbuka = getattr(_lokal, "terbuka", None)
    if terbuka is None or terbuka[0] != path:
        if terbuka is not None:
            terbuka[1].close()
        uri = berkas(path).resolve().as_uri() + "?mode=ro&immutable=1"
        terbuka = _lokal.terbuka = (path, sqlite3.connect(uri, uri=True))
    return terbuka[1].execute(sql, params).fetchall()


@functools.lru_cache(maxsize=8)
def _ada(path: Path) -> bool:
    """Whether a served build has its file; asked once per build (a served build never changes)."""
    return berkas(path).exists()
