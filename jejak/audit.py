"""The audit trail: who did what, when, with which scope. Kept in the access store and
written to the log. Never a participant's name or NIK: only account names, codes and counts."""

from __future__ import annotations

import json
import logging

from jejak import simpan

log = logging.getLogger("cakupan.audit")

# Grain: one row per event, newest first.
JEJAK_SQL = "SELECT id, waktu, oleh, peristiwa, lingkup, rincian FROM audit ORDER BY id DESC LIMIT ?"


def catat(peristiwa: str, oleh: str, lingkup: str | None = None, **rincian) -> None:
    """Record one event; `rincian` holds what was asked (kind, place, filters, row counts)."""
    teks = json.dumps(rincian, ensure_ascii=False, sort_keys=True, default=str) if rincian else None
    with simpan.buka() as con:
        con.execute(
            "INSERT INTO audit (waktu, oleh, peristiwa, lingkup, rincian) VALUES (?, ?, ?, ?, ?)",
            (simpan.sekarang().isoformat(), oleh, peristiwa, lingkup, teks),
        )
    log.info("%s oleh=%s lingkup=%s %s", peristiwa, oleh, lingkup or "-", teks or "")


def jejak(batas: int = 200) -> list[dict]:
    with simpan.buka() as con:
        return [dict(r) for r in con.execute(JEJAK_SQL, (batas,))]


def gagal_baru_baru_ini(nama: str, sejak: str) -> int:
    """Failed logins for an account since an ISO time (to slow down password guessing)."""
    with simpan.buka() as con:
        (n,) = con.execute(
            "SELECT count(*) FROM audit WHERE oleh = ? AND peristiwa = 'masuk_gagal' AND waktu >= ?", (nama, sejak)
        ).fetchone()
    return n
