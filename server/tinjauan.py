"""The projector route: GET /tinjauan shows the weekly review of the question in the URL full
screen (slides drawn by layouts/tinjauan.py), with a Content-Security-Policy that allows exactly
the document's own inline scripts."""

from __future__ import annotations

import base64
import hashlib
import re

from flask import Response, request

from layouts.keadaan import bahasa_dari
from layouts.tinjauan import dokumen
from metrics import lingkup, periode, pertanyaan
from metrics import tinjauan as tinjauan_mod
from metrics.definisi import PertanyaanTidakSah
from server import masuk
from server.tolak import tolak

GAGAL = ("Tinjauan tidak bisa dibuat", "The review cannot be made")


def hash_skrip(html: str) -> list[str]:
    """CSP hashes of the document's inline scripts, so the route allows exactly these."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in re.findall(r"<script(?:\s[^>]*)?>(.*?)</script>", html, re.S)
        if s
    ]


def halaman():
    """GET /tinjauan?wilayah=&snapshot=&filters&bahasa=&otomatis=SECONDS: the review, full screen.
    The place and branch are checked against the account's scope (403), the rest like a page's."""
    bahasa = bahasa_dari(request.args)
    try:
        tanya = pertanyaan.dari_teks_ketat(request.args.to_dict())
        otomatis = request.args.get("otomatis") or "0"
        if not (otomatis.isascii() and otomatis.isdigit() and int(otomatis) <= 600):
            raise PertanyaanTidakSah("otomatis: detik per slide, 0-600", "otomatis: seconds per slide, 0-600")
        doc = dokumen(tinjauan_mod.tinjauan(tanya), bahasa, otomatis=int(otomatis))
    except lingkup.TanpaAkses as e:
        return tolak(403, GAGAL, e, bahasa)
    except (PertanyaanTidakSah, periode.BelumAdaData) as e:
        return tolak(400, GAGAL, e, bahasa)
    return Response(doc, mimetype="text/html", headers={"Content-Security-Policy": masuk.csp(hash_skrip(doc))})


def pasang(server) -> None:
    server.add_url_rule("/tinjauan", "tinjauan", halaman)
