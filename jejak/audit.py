"""The audit trail: who did what, when, with which scope. Kept in the access store and
written to the log. Never a participant's name or NIK: only account names, codes and counts."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re

import kode_wilayah
import settings
from jejak import simpan

log = logging.getLogger("cakupan.audit")
WARNA = re.compile(r"\x1b\[[0-9;]*m")  # terminal colour codes (ANSI SGR)

# The events that write on a place (issue 31), and a refused one: each records the place's code
# (`wilayah`; a split its parent, `induk`). The admins whose scope holds the place see them,
# whoever made them (metrics.lingkup.periksa_tulis is the rule of who may).
PERISTIWA_TULIS = (
    "aksi_tambah", "aksi_hapus", "target_bagi", "target_bagi_hapus", "langganan_tambah", "langganan_hapus",
    "tulis_ditolak",
)  # fmt: skip
# Grain: one row per event, newest first; all, or those of one scope and the places under it,
# and the writes on a place under it (a branch scope: its own events only, it holds no place).
JEJAK_SQL = "SELECT id, waktu, oleh, peristiwa, lingkup, rincian FROM audit ORDER BY id DESC LIMIT :batas"
JEJAK_LINGKUP_SQL = """
SELECT id, waktu, oleh, peristiwa, lingkup, rincian FROM (
    SELECT *, coalesce(json_extract(rincian, '$.wilayah'), json_extract(rincian, '$.induk')) AS tempat FROM audit
)
WHERE lingkup = :lingkup OR (:lingkup NOT LIKE 'cabang:%' AND (
    {lingkup_bawah}
    OR (peristiwa IN ({tulis}) AND {tempat_mencakup})
))
ORDER BY id DESC LIMIT :batas
""".format(  # fixed names and fragments, no request value
    tulis=", ".join(f"'{p}'" for p in PERISTIWA_TULIS),
    lingkup_bawah=kode_wilayah.sql_di_bawah("lingkup", ":lingkup", sqlite=True),
    tempat_mencakup=kode_wilayah.sql_mencakup("tempat", ":lingkup", sqlite=True),
)


def catat(peristiwa: str, oleh: str, lingkup: str | None = None, **rincian) -> None:
    """Record one event; `rincian` holds what was asked (kind, place, filters, row counts)."""
    teks = json.dumps(rincian, ensure_ascii=False, sort_keys=True, default=str) if rincian else None
    with simpan.buka() as con:
        con.execute(
            "INSERT INTO audit (waktu, oleh, peristiwa, lingkup, rincian) VALUES (?, ?, ?, ?, ?)",
            (simpan.sekarang().isoformat(), oleh, peristiwa, lingkup, teks),
        )
    log.info("%s oleh=%s lingkup=%s %s", peristiwa, oleh, lingkup or "-", teks or "")  # FormatAman makes it one line


class FormatAman(logging.Formatter):
    """Log records one event to a line: control characters escaped, and the further lines of a
    record (a traceback, a message with newlines an attacker chose) indented under it with '  | ',
    so nothing a request sends can look like a log line of its own."""

    def format(self, record: logging.LogRecord) -> str:
        text = WARNA.sub("", super().format(record))  # the dev server's colours: plain text in a file
        first, *rest = text.split("\n")
        return "\n".join([satu_baris(first), *("  | " + satu_baris(line) for line in rest)])


def satu_baris(teks: str) -> str:
    """Control characters written as escapes, so a newline in a login name cannot forge a log line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(teks))


def nama_samaran(nama: str) -> str:
    """A login name that is no account, as a keyed hash ('?3f2a9c41d0'): tries of one name can be
    counted and told apart, but the name (often a mistyped password) is not kept."""
    kode = hmac.new(settings.secret_key(), nama.encode("utf-8"), hashlib.sha256).hexdigest()[:10]
    return f"?{kode}"


def jejak(batas: int = 200, lingkup: str | None = None) -> list[dict]:
    """The newest events: every one, or those whose scope is `lingkup` ('36', 'cabang:X') or below
    it, with the writes on a place under a place scope whoever made them (issue 31: the audit of a
    change is visible to the admins whose scope holds the place)."""
    with simpan.buka() as con:
        if lingkup is None:
            return [dict(r) for r in con.execute(JEJAK_SQL, {"batas": batas})]
        return [dict(r) for r in con.execute(JEJAK_LINGKUP_SQL, {"batas": batas, "lingkup": lingkup})]
