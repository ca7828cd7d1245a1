"""Static files (Dash's JavaScript bundles, our CSS) compressed once per worker with
Flask-Compress, and cached by the browser.

Only JavaScript, CSS and SVG are compressed: they hold no secret, so a compressed response
cannot leak one by its size (BREACH, docs/security.md). Pages, callback answers and downloads
go out as they are. Dash already sends its fingerprinted bundles with `max-age` of one year;
our assets and the bundles Dash names without a version get a day and an ETag, so a new
version reaches the browser by tomorrow.

Two of Dash's bundles are answered with smaller ones from vendor/ (rebuilt by vendor/build.sh), at
the URLs Dash writes into the page, so Dash itself is not changed (issue 34, docs/performance.md):
- `plotly/package_data/plotly.min.js`, the full plotly.js (4,8 MB): plotly.js's core with bar,
  choropleth and scattergeo, the traces the pages and slides draw (1,4 MB);
- `dash/deps/polyfill@7.12.1.min.js`, @babel/polyfill (99 KB): regenerator-runtime alone (7 KB),
  the one part Dash's bundles call; its core-js also replaced the browser's String.trim with a
  slower one that every bundle then called.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from pathlib import Path

from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request
from flask_compress import Compress

import settings

SUITES = "/_dash-component-suites/"
# Dash's path after SUITES, without its fingerprint -> the file answered instead
GANTI = {
    "plotly/package_data/plotly.min.js": settings.PLOTLY_JS,
    "dash/deps/polyfill@7.12.1.min.js": settings.REGENERATOR_JS,
}
JENIS = ["application/javascript", "text/javascript", "text/css", "image/svg+xml"]
ASET_DETIK = 24 * 3600


class _Simpanan:
    """Compressed bodies by algorithm and path, for the life of the worker. Only the fixed set of
    static files reaches it (unknown paths answer 404 and are not compressed), so it stays small."""

    def __init__(self):
        self._isi: dict[str, bytes] = {}
        self._kunci = threading.Lock()

    def get(self, key: str) -> bytes | None:
        return self._isi.get(key)

    def set(self, key: str, value: bytes) -> None:
        with self._kunci:
            self._isi[key] = value


def pasang(server: Flask) -> None:
    """Compress static responses (brotli where the browser takes it, else gzip) and give /assets/
    files a day's browser cache."""
    server.config.update(
        COMPRESS_MIMETYPES=JENIS,
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_CACHE_BACKEND=_Simpanan,
        # The path alone: a bundle's content depends on its (fingerprinted) path, not the query.
        COMPRESS_CACHE_KEY=lambda req: req.path,
    )
    Compress(server)

    @server.after_request
    def _simpan_aset(response):
        # Our assets, and the bundles Dash loads by a name without a version (plotly.js, the
        # grid's and the graph's async parts): a day, then asked again with their ETag.
        statis = request.path.startswith(("/assets/", "/_dash-component-suites/"))
        if statis and response.status_code == 200 and response.cache_control.max_age is None:
            response.cache_control.no_cache = None  # Flask's default for files: ask every time
            response.cache_control.max_age = ASET_DETIK
        return response


def pasang_pengganti(server: Flask) -> None:
    """Answer the paths of GANTI with their files, before Dash's route (after the login gate,
    registered earlier). A day's cache with an ETag (`_simpan_aset`), not Dash's year: Dash's
    fingerprint follows its package's version, not these files. The body is a plain response, not
    send_file's stream, so Flask-Compress compresses it once per worker (a stream it compresses
    again for every request, and never with gzip)."""

    @server.before_request
    def _ganti():
        path = pengganti(request.path)
        if path is None:
            return None
        isi, etag = _isi_berkas(path)
        response = Response(isi, mimetype="application/javascript")
        response.set_etag(etag)
        return response.make_conditional(request)


@functools.cache
def _isi_berkas(path: Path) -> tuple[bytes, str]:
    """A replacement's bytes and their ETag (a digest of them), read once per worker."""
    isi = path.read_bytes()
    return isi, hashlib.sha256(isi).hexdigest()[:32]


def pengganti(path: str):
    """The file answering `path` in place of Dash's, or None for every other path.
    '/_dash-component-suites/plotly/package_data/plotly.v7_1_0m17.min.js' -> settings.PLOTLY_JS."""
    if not path.startswith(SUITES):
        return None
    paket, _, berkas = path[len(SUITES) :].partition("/")
    return GANTI.get(f"{paket}/{check_fingerprint(berkas)[0]}")  # as Dash's own route reads it
