"""Refusals of a server route (downloads, the review) as plain text in the asker's language:
what could not be done and why, never a traceback, never the asker's whole value echoed back."""

from __future__ import annotations

from flask import Response

from metrics.definisi import PertanyaanTidakSah


def tolak(status: int, apa: tuple[str, str], e: Exception, bahasa: str) -> Response:
    """`apa`: (id, en) of what failed, e.g. ("Tidak bisa mengunduh", "Cannot download")."""
    alasan = e.teks(bahasa) if isinstance(e, PertanyaanTidakSah) else str(e)
    judul = apa[1] if bahasa == "en" else apa[0]
    return Response(f"{judul}: {alasan}\n", status=status, mimetype="text/plain")
