"""Login and the gate in front of every request.

Dash callbacks, page layouts and downloads are all HTTP endpoints. One `before_request` hook
refuses a state-changing request sent from another site (its Origin, else its Referer, must be
this server's own), then finds the server-side session of every request; without one, nothing but the login page is
served. With one, it sets the account's scope for the metrics layer (metrics.lingkup), which
refuses any place or branch outside it whatever the URL or request body says.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets
from urllib.parse import urlsplit

from dash.exceptions import DependencyException
from flask import Response, g, redirect, request, session
from jinja2 import Environment, PackageLoader, select_autoescape
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

import settings
from akses import pengguna, sesi
from jejak import audit
from layouts.keadaan import bahasa_permintaan, tautan
from metrics import lingkup
from metrics.definisi import PertanyaanTidakSah, kutip
from server.tolak import tolak

TEMPLAT = Environment(loader=PackageLoader("server"), autoescape=select_autoescape(default=True))
log = logging.getLogger("cakupan.server")
TERBUKA = {"/masuk", "/_favicon.ico"}
MAKS_URL = 2048  # characters of a query string: a dashboard URL is under 300
STATIS = ("/_dash-component-suites/", "/assets/")
AMAN = {"GET", "HEAD", "OPTIONS", "TRACE"}  # methods that change nothing; every other one is checked for its origin
PORT_BAKU = {"http": 80, "https": 443}


def pasang(app) -> None:
    """Login, logout, the gate and the security headers, on the Dash app's Flask server."""
    server = app.server
    server.secret_key = settings.secret_key()
    server.config.update(
        SESSION_COOKIE_NAME="cakupan_sesi",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.cookie_secure(),
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=settings.session_hours()),
    )
    server.wsgi_app = di_balik_proxy(server.wsgi_app)
    server.add_url_rule("/masuk", "masuk", masuk, methods=["GET", "POST"])
    server.add_url_rule("/keluar", "keluar", keluar, methods=["POST"])
    server.before_request(gerbang)
    server.register_error_handler(Exception, _galat)
    server.teardown_request(_lepas)
    server.after_request(lambda response: _kepala(response, _csp(app)))


def di_balik_proxy(wsgi_app):
    """Behind CAKUPAN_PROXY_HOPS proxies, the client's address from their X-Forwarded-For (lockout
    is per address) and the scheme from their X-Forwarded-Proto (a request's own origin); their
    X-Forwarded-Host is not read: the Host header is the one the browser sent, if the proxy keeps it."""
    hops = settings.proxy_hops()
    return ProxyFix(wsgi_app, x_for=hops, x_proto=hops) if hops else wsgi_app


def gerbang():
    """Every request but the login page needs an open session; it sets the account's scope."""
    if len(request.query_string) > MAKS_URL:  # never parsed, never echoed back
        return Response("Alamat terlalu panjang.\n", status=414, mimetype="text/plain")
    if request.method not in AMAN and (ditolak := _periksa_asal()) is not None:
        return ditolak
    if request.path in TERBUKA:
        return None
    akun = sesi.pengguna(session.get("sesi"))
    if akun is None:
        session.pop("sesi", None)
        if request.method == "GET" and not request.path.startswith("/_dash"):
            return redirect(tautan("/masuk", {"lanjut": request.full_path.rstrip("?")}))
        return Response("Harus masuk (login) dulu.\n", status=401, mimetype="text/plain")
    g.akun = akun
    g.lingkup = lingkup.pasang(lingkup.Lingkup(akun.wilayah, akun.kantor_cabang, akun.admin, akun.nama))
    return None


def asal(url: str | None) -> str | None:
    """The origin a URL names, 'scheme://host[:port]' in lower case without the scheme's default
    port; None for anything that names none ('null', a path, another scheme, a bad port)."""
    try:
        bagian = urlsplit((url or "").strip())
        port = bagian.port
    except ValueError:
        return None
    if bagian.scheme not in PORT_BAKU or not bagian.hostname:
        return None
    host = f"[{bagian.hostname}]" if ":" in bagian.hostname else bagian.hostname
    return f"{bagian.scheme}://{host}" + ("" if port in (None, PORT_BAKU[bagian.scheme]) else f":{port}")


def asal_sendiri() -> set[str]:
    """This server's own origins for the request being answered: its scheme and Host as it
    arrived (the scheme from X-Forwarded-Proto only through the CAKUPAN_PROXY_HOPS proxies that
    ProxyFix trusts; X-Forwarded-Host is never read), https as well when CAKUPAN_COOKIE_SECURE
    says the browser speaks HTTPS to a proxy in front, and the public address CAKUPAN_ALAMAT_WEB
    (for a proxy that passes another Host)."""
    skema = {request.scheme, "https"} if settings.cookie_secure() else {request.scheme}
    sendiri = {asal(f"{s}://{request.host}") for s in skema} | {asal(settings.alamat_publik())}
    return sendiri - {None}


def _periksa_asal() -> Response | None:
    """A state-changing request must come from this server's own pages: its Origin header, or
    its Referer when it has no Origin, names this server (docs/security.md, cross-site requests).
    A foreign origin, 'null', or neither header is refused with 403 and a log line."""
    dikirim = request.headers.get("Origin")
    if dikirim is None:
        dikirim = request.headers.get("Referer")
    if dikirim is not None and asal(dikirim) in asal_sendiri():
        return None
    log.warning(
        "permintaan dari situs lain ditolak: %s %s dari %s (Origin %s, Referer %s)",
        request.method,
        kutip(request.path, 80),
        request.remote_addr or "-",
        kutip(request.headers.get("Origin", "-"), 80),
        kutip(request.headers.get("Referer", "-"), 80),
    )
    alasan = PertanyaanTidakSah(
        "permintaan ini tidak datang dari halaman server ini (Origin atau Referer-nya situs lain, atau tidak ada)",
        "this request did not come from this server's pages (its Origin or Referer is another site, or missing)",
    )
    return tolak(403, ("Ditolak", "Refused"), alasan, bahasa_permintaan())


def _galat(e: Exception):
    """A callback request Dash cannot take (a body no browser sends: an unknown output, a page
    path that is no path, lists where texts go) is the asker's error: 400, with the cause in the
    log. A bundle path no package has is a 404. HTTP errors keep their own status; any other
    failure stays a 500."""
    if isinstance(e, HTTPException):
        return e
    if isinstance(e, DependencyException) and request.path.startswith(STATIS[0]):
        return Response("Tidak ada berkas itu.\n", status=404, mimetype="text/plain")  # no such bundle
    if request.path == "/_dash-update-component":
        log.warning("permintaan Dash tidak sah (%s)", type(e).__name__, exc_info=e)
        return Response("Permintaan tidak sah.\n", status=400, mimetype="text/plain")
    log.error("galat server pada %s %s", request.method, request.path, exc_info=e)
    return Response("Galat server; sudah dicatat di log.\n", status=500, mimetype="text/plain")


def _lepas(_exc=None) -> None:
    token = g.pop("lingkup", None)
    if token is not None:
        lingkup.lepas(token)


def lanjut_aman(lanjut: str | None) -> str:
    """Where a login goes next: a path on this site, else '/'. Browsers drop tabs and newlines
    from a URL and read a backslash as a slash, so '/\t/evil.com' and '/\\evil.com' lead away
    ('//evil.com'); any whitespace, control character or backslash is refused, as is a scheme or host."""
    lanjut = lanjut or "/"
    if len(lanjut) > MAKS_URL or any(c.isspace() or not c.isprintable() or c == "\\" for c in lanjut):
        return "/"
    bagian = urlsplit(lanjut)
    if bagian.scheme or bagian.netloc or not lanjut.startswith("/") or lanjut.startswith("//"):
        return "/"
    return lanjut


def _csrf_cocok() -> bool:
    expected = str(session.get("csrf") or "")
    return bool(expected) and hmac.compare_digest(expected, request.form.get("csrf", ""))


def masuk():
    """GET (and HEAD): the form. POST: check the password (hash, constant time), open a session."""
    lanjut = lanjut_aman(request.values.get("lanjut"))
    if request.method in ("GET", "HEAD"):
        return _halaman(lanjut)
    if not _csrf_cocok():
        return _halaman(lanjut, "Formulir kedaluwarsa. Coba masuk lagi.", 400)
    nama = request.form.get("nama", "")
    try:
        akun = pengguna.periksa_sandi(nama, request.form.get("sandi", ""), request.remote_addr or "-")
    except pengguna.TerlaluBanyakGagal as e:
        return _halaman(lanjut, str(e), 429)
    if akun is None:
        return _halaman(lanjut, "Nama pengguna atau kata sandi salah.", 401)
    session.clear()  # a new session on login: nothing carried over from before
    session.permanent = True
    session["sesi"] = sesi.buka(akun)
    session["csrf"] = secrets.token_urlsafe(24)  # the logout form's token (layouts read it)
    audit.catat("masuk", akun.nama, akun.lingkup)
    if lanjut == "/" and akun.kantor_cabang:  # a branch account lands on its branch's page (issue 35)
        lanjut = "/cabang"
    return redirect(lanjut)


def keluar():
    """POST with the session's form token: a page elsewhere cannot log a user out."""
    if not _csrf_cocok():
        return Response(
            "Formulir kedaluwarsa: muat ulang halaman lalu keluar lagi.\n", status=400, mimetype="text/plain"
        )
    akun = g.get("akun")
    sesi.tutup(session.get("sesi"))
    session.clear()
    if akun:
        audit.catat("keluar", akun.nama, akun.lingkup)
    return redirect("/masuk")


def _halaman(lanjut: str, pesan: str = "", status: int = 200) -> Response:
    """The login page (server/templates/masuk.html; Jinja2 escapes every value)."""
    session["csrf"] = session.get("csrf") or secrets.token_urlsafe(24)
    body = TEMPLAT.get_template("masuk.html").render(pesan=pesan, csrf=session["csrf"], lanjut=lanjut)
    return Response(body, status=status, mimetype="text/html")


def _csp(app) -> str:
    """Made on each response: Dash adds inline scripts up to its first request."""
    return csp(app.csp_hashes())


def csp(hashes: list[str]) -> str:
    """Scripts only from this server and the page's own inline scripts (by hash); nothing framed."""
    return (
        "default-src 'self'; "
        f"script-src 'self' {' '.join(hashes)}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )


def _kepala(response: Response, csp: str) -> Response:
    h = response.headers
    h.setdefault("Content-Security-Policy", csp)
    h["X-Content-Type-Options"] = "nosniff"
    h["X-Frame-Options"] = "DENY"
    h["Referrer-Policy"] = "same-origin"
    h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if settings.cookie_secure():
        h["Strict-Transport-Security"] = "max-age=31536000"
    if not request.path.startswith(STATIS):
        h["Cache-Control"] = "no-store"  # numbers of one account are not kept by proxies
    return response
