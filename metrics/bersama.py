"""Answers the builder gave, shared by every worker of the server: a question one official asked
is answered from disk for the next, whichever gunicorn worker serves them (each worker's own
memory cache is in front of this one, the stored answers of metrics/jawaban.py beside it).

One diskcache folder per served build, named after it (`<build>.jawab`, warehouse.SIDECARS):
a served build never changes and a new build starts with an empty folder, so nothing is ever
stale; old folders go with their builds. Values are pickled Python objects (rows and `Hasil`)
in the server's own data folder, trusted as the warehouse beside them is. Bounded at
BATAS_BYTE per build, least recently stored first out.
"""

from __future__ import annotations

import threading
from pathlib import Path

import diskcache

BATAS_BYTE = 256 * 2**20
_TIDAK_ADA = object()
_terbuka: dict[Path, diskcache.Cache] = {}  # the few builds this process has served lately
_kunci = threading.Lock()


def _simpanan(path: Path) -> diskcache.Cache:
    with _kunci:
        if path not in _terbuka:
            if len(_terbuka) >= 4:
                _terbuka.pop(next(iter(_terbuka))).close()
            _terbuka[path] = diskcache.Cache(str(path.with_suffix(".jawab")), size_limit=BATAS_BYTE)
        return _terbuka[path]


def ambil(path: Path | None, kunci: tuple, buat):
    """The answer kept under `kunci` (a tuple whose repr says everything the answer depends on)
    for build `path`; else `buat()`, kept for the other workers. No build: `buat()`."""
    if path is None:
        return buat()
    simpanan = _simpanan(path)
    teks = repr(kunci)
    nilai = simpanan.get(teks, default=_TIDAK_ADA)
    if nilai is _TIDAK_ADA:
        nilai = buat()
        simpanan.set(teks, nilai)
    return nilai


def kosongkan() -> None:
    """Empty the folders this process has opened (benchmarks asking uncached, tests)."""
    with _kunci:
        for simpanan in _terbuka.values():
            simpanan.clear()
