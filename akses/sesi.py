"""Server-side sessions: the browser holds a random token in a signed cookie; the server keeps
its hash with an expiry, so logout, a password reset or a disabled account end it at once,
for every server worker."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import settings
from akses.pengguna import Pengguna, dari_baris
from jejak import simpan

# Grain: the one open, unexpired session of a token, with its account.
SESI_SQL = """
SELECT p.* FROM sesi s JOIN pengguna p USING (nama)
WHERE s.hash_token = ? AND s.ditutup IS NULL AND s.kedaluwarsa > ? AND p.aktif = 1
"""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def buka(pengguna: Pengguna) -> str:
    """A new session for a logged-in account; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    mulai = simpan.sekarang()
    with simpan.buka() as con:
        con.execute(
            "INSERT INTO sesi VALUES (?, ?, ?, ?, NULL)",
            (
                _hash(token),
                pengguna.nama,
                mulai.isoformat(),
                (mulai + dt.timedelta(hours=settings.session_hours())).isoformat(),
            ),
        )
        # Old sessions are no use to anyone: keep the table small.
        con.execute("DELETE FROM sesi WHERE kedaluwarsa < ?", ((mulai - dt.timedelta(days=7)).isoformat(),))
    return token


def pengguna(token: str | None) -> Pengguna | None:
    """The account of an open session, or None (unknown, expired, logged out, disabled)."""
    if not token or not isinstance(token, str):
        return None
    with simpan.buka() as con:
        r = con.execute(SESI_SQL, (_hash(token), simpan.sekarang().isoformat())).fetchone()
    return dari_baris(r) if r else None


def tutup(token: str | None) -> None:
    if token and isinstance(token, str):
        with simpan.buka() as con:
            con.execute(
                "UPDATE sesi SET ditutup = ? WHERE hash_token = ?", (simpan.sekarang().isoformat(), _hash(token))
            )
