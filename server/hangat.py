"""Workers warmed: the first views drawn by the worker itself, before anyone asks (issue 34).

A worker's first view after it starts, or after a load switches a new build in, cost about 4x
the next (172 against 14 ms for the nation's Ringkasan at 1 juta rows): opening the DuckDB file
and the stored answers, filling the caches keyed by the build (periods, places, the answers),
Dash's and plotly's first serialisation. `mulai()` starts one daemon thread a process that draws
VIEWS for the whole nation at once, then looks at the served build's pointer every `setiap`
seconds (one small file read, warehouse.current_path) and draws them again when it changed. The
pages drawn are kept (layouts.kerangka.halaman) for a national scope, as a national admin's own
first visit would keep them. gunicorn (without --preload, as the README runs it) imports wsgi.py
in each worker after the fork, so each worker warms itself. Not with --preload: the master would
open the DuckDB file before forking, and a DuckDB connection does not cross a fork.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time

import dash
import plotly

import warehouse
from metrics import lingkup

log = logging.getLogger("cakupan.hangat")
VIEWS = ("/", "/wilayah", "/rw100")  # the first clicks of a weekly review, at the nation's level
SETIAP_DETIK = 2.0

_jalan: dict[int, threading.Thread] = {}  # pid -> its thread: one a process
_kunci = threading.Lock()


def mulai(setiap: float = SETIAP_DETIK) -> threading.Thread:
    """Start this process's warming thread (once: a second call returns the first thread). The
    shell's servers call it (wsgi.py, app.main); a test's app does not, so nothing warms behind it."""
    with _kunci:
        thread = _jalan.get(os.getpid())
        if thread is None or not thread.is_alive():
            thread = threading.Thread(
                target=awasi, args=(setiap, threading.Event()), name="cakupan-hangat", daemon=True
            )
            _jalan[os.getpid()] = thread
            thread.start()
    return thread


def awasi(setiap: float, berhenti: threading.Event) -> None:
    """Warm now and after every switch of build, until `berhenti` is set; never raises (a warm-up
    is only a head start)."""
    dihangatkan = None
    while not berhenti.is_set():
        try:
            sekarang = warehouse.current_path()
            if sekarang is not None and sekarang != dihangatkan:
                detik = hangatkan()
                dihangatkan = sekarang
                log.info("worker %s warmed on %s in %.2f s", os.getpid(), sekarang.name, detik)
        except Exception:  # noqa: BLE001  (a view that fails here fails for its asker too, and is logged there)
            log.exception("warming failed")
            dihangatkan = warehouse.current_path()  # not again and again on the same build
        berhenti.wait(setiap)


def hangatkan(views=VIEWS) -> float:
    """Draw each view of `views` (paths of registered pages) for the whole nation and serialise it
    as Dash sends it. Returns the seconds it took. Raises what the pages raise."""
    mulai_jam = time.perf_counter()
    halaman = {p["path"]: p["layout"] for p in dash.page_registry.values()}
    with lingkup.berlaku(lingkup.NASIONAL):
        for path in views:
            json.dumps(halaman[path](), cls=plotly.utils.PlotlyJSONEncoder)
    return time.perf_counter() - mulai_jam
