"""Static files (Dash's JavaScript bundles, our CSS) compressed once per worker with
Flask-Compress, and cached by the browser.

Only JavaScript, CSS and SVG are compressed: they hold no secret, so a compressed response
cannot leak one by its size (BREACH, docs/security.md). Pages, callback answers and downloads
go out as they are. Dash already sends its fingerprinted bundles with `max-age` of one year;
our assets and the bundles Dash names without a version get a day and an ETag, so a new
version reaches the browser by tomorrow.

plotly.js: Dash loads it from one URL, `/_dash-component-suites/plotly/package_data/plotly<.fingerprint>.min.js`
(the full bundle of the plotly package, 4,8 MB). `pasang_plotly` answers that URL with
settings.PLOTLY_JS instead: plotly.js's core with bar, choropleth and scattergeo only (1,4 MB;
vendor/plotly/, rebuilt by its build.sh), issue 34. The projector's slides load the same URL.
"""

from __future__ import annotations

import threading

from dash.fingerprint import check_fingerprint
from flask import Flask, abort, request, send_file
from flask_compress import Compress

import settings

PLOTLY_URL = "/_dash-component-suites/plotly/package_data/<path:berkas>"
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


def pasang_plotly(server: Flask) -> None:
    """Answer Dash's plotly.js URL with the smaller bundle. Werkzeug prefers the static segments
    'plotly/package_data' to Dash's `<package_name>/<path>`, so this rule wins whatever the order."""
    server.add_url_rule(PLOTLY_URL, "plotly_js", plotly_js)


def plotly_js(berkas: str):
    """The bundle for 'plotly.min.js' with or without Dash's fingerprint; 404 for any other name.
    A day's cache with an ETag (`_simpan_aset`), not Dash's year: the fingerprint follows the plotly
    package, not this file."""
    if check_fingerprint(berkas)[0] != "plotly.min.js":
        abort(404)
    return send_file(settings.PLOTLY_JS, mimetype="application/javascript", etag=True, max_age=None)
