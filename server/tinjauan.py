"""The projector route: GET /tinjauan shows the weekly review of the question in the URL full
screen (slides drawn by layouts/tinjauan.py), with a Content-Security-Policy that allows exactly
the document's own inline scripts."""

from __future__ import annotations

import base64
import hashlib
import io
import re

from flask import Response, request, send_file

from jejak import audit
from layouts import tinjauan_pdf
from layouts.keadaan import bahasa_dari
from layouts.tinjauan import dokumen
from metrics import banding, ekspor, lingkup, periode, pertanyaan
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
    """GET /tinjauan?wilayah=&snapshot=&filters&bahasa=&otomatis=SECONDS[&unduh=pdf|html]
    [&banding=DATE|&dengan=CODE,CODE]: the review, full screen, or as a file to download; with a
    comparison asked for (the Bandingkan page's link), its slide after the first.
    The places and branch are checked against the account's scope (403), the rest like a page's."""
    bahasa = bahasa_dari(request.args)
    try:
        tanya = pertanyaan.dari_teks_ketat(request.args.to_dict())
        otomatis = request.args.get("otomatis") or "0"
        if not (otomatis.isascii() and otomatis.isdigit() and int(otomatis) <= 600):
            raise PertanyaanTidakSah("otomatis: detik per slide, 0-600", "otomatis: seconds per slide, 0-600")
        unduh = request.args.get("unduh") or ""
        if unduh not in ("", "pdf", "html"):
            raise PertanyaanTidakSah("unduh: pdf atau html", "unduh: pdf or html")
        diminta = {k: request.args[k] for k in banding.KUNCI if request.args.get(k)}
        bd = banding.baca(tanya, diminta, ketat=True)[0] if diminta else None
        tj = tinjauan_mod.tinjauan(tanya, bd)
        if unduh:
            return _berkas(tj, unduh, bahasa)
        doc = dokumen(tj, bahasa, otomatis=int(otomatis))
    except lingkup.TanpaAkses as e:
        return tolak(403, GAGAL, e, bahasa)
    except (PertanyaanTidakSah, periode.BelumAdaData) as e:
        return tolak(400, GAGAL, e, bahasa)
    return Response(doc, mimetype="text/html", headers={"Content-Security-Policy": masuk.csp(hash_skrip(doc))})


def _berkas(tj, jenis: str, bahasa: str) -> Response:
    """?unduh=pdf: the light PDF (tens of KB, for phones and chat groups); ?unduh=html: the
    report file (plotly.js inside, opens offline). An attachment named after the place and date;
    audited like every download."""
    nama = ekspor.nama_berkas("tinjauan", tj.tempat.tingkat, tj.tanya, jenis)
    if jenis == "pdf":
        body, mime = tinjauan_pdf.pdf(tj, bahasa), "application/pdf"
    else:
        body, mime = dokumen(tj, bahasa, mandiri=True).encode("utf-8"), "text/html"
    # Flask writes the name as RFC 6266/5987, so a branch named outside ASCII downloads too
    response = send_file(io.BytesIO(body), mimetype=mime, as_attachment=True, download_name=nama)
    response.headers["Cache-Control"] = "no-store"
    audit.catat("unduh", lingkup.aktif().nama, lingkup.aktif().label, berkas=nama, baris=0)
    return response


def pasang(server) -> None:
    server.add_url_rule("/tinjauan", "tinjauan", halaman)
