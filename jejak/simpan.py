"""The access store: one SQLite file beside the warehouse, opened per call (cheap, and safe
across threads and server workers)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import settings

SKEMA = (Path(__file__).resolve().parent / "skema.sql").read_text(encoding="utf-8")
_siap: set[Path] = set()  # files whose schema this process has made sure of


def path() -> Path:
    return settings.data_dir() / "akses.sqlite"


@contextlib.contextmanager
def buka():
    """A connection in a transaction: committed on success, rolled back on error."""
    p = path()
    if p not in _siap:
        _siapkan(p)
    con = sqlite3.connect(p, timeout=15)
    con.row_factory = sqlite3.Row
    try:
        with con:
            yield con
    finally:
        con.close()


@contextlib.contextmanager
def buka_segera():
    """A connection holding the store's write lock from its first statement (BEGIN IMMEDIATE):
    nothing it reads can change before it commits, in any thread or server worker, because
    SQLite lets one writer in at a time per file (https://sqlite.org/lang_transaction.html).
    For a check and the write that follows it as one step (the login lockout, issue 31)."""
    p = path()
    if p not in _siap:
        _siapkan(p)
    con = sqlite3.connect(p, timeout=15, isolation_level=None)  # None: our own BEGIN and COMMIT
    con.row_factory = sqlite3.Row
    try:
        con.execute("BEGIN IMMEDIATE")  # waits (up to the timeout) while another writer holds the lock
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()


def _siapkan(p: Path) -> None:
    con = sqlite3.connect(p, timeout=15)
    try:
        p.chmod(0o600)  # password hashes and the audit trail: the server's user only
        con.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
        con.executescript(SKEMA)
    finally:
        con.close()
    _siap.add(p)


def sekarang() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
