"""Issue 34: the browser code served in place of Dash's (vendor/, server/statis.py), the RW cells
written as HTML (layouts/pages/rw100.py), the workers' warm-up (server/hangat.py) and the paired
browser benchmark's arithmetic (bench/peramban.py)."""

import re
import threading
from pathlib import Path

import plotly
from flask import Flask
from plotly.basedatatypes import BaseTraceType

import settings
from server import statis

PLOTLY_PY = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def test_dash_s_urls_of_plotly_and_the_polyfill_are_answered_by_vendor_and_no_other():
    """Dash's path as it writes it (fingerprinted or not) -> the vendored file; its other bundles,
    our assets and a look-alike name -> None (Dash's own route answers)."""
    suites = "/_dash-component-suites/"
    assert statis.pengganti(suites + "plotly/package_data/plotly.v7_1_0m1796620121.min.js") == settings.PLOTLY_JS
    assert statis.pengganti(suites + "plotly/package_data/plotly.min.js") == settings.PLOTLY_JS
    assert statis.pengganti(suites + "dash/deps/polyfill@7.v4_4_1m1796620121.12.1.min.js") == settings.REGENERATOR_JS
    assert statis.pengganti(suites + "dash/deps/react@18.v4_4_1m1796620121.3.1.min.js") is None
    assert statis.pengganti(suites + "plotly/package_data/widgetbundle.js") is None
    assert statis.pengganti(suites + "dash_ag_grid/plotly.min.js") is None
    assert statis.pengganti("/assets/plotly.min.js") is None


def test_the_replacements_go_out_compressed_with_a_day_s_cache_and_an_etag():
    server = Flask(__name__)
    statis.pasang(server)
    statis.pasang_pengganti(server)
    client = server.test_client()
    url = "/_dash-component-suites/plotly/package_data/plotly.v7_1_0m17.min.js"
    plain = client.get(url)
    assert plain.status_code == 200 and plain.data == settings.PLOTLY_JS.read_bytes()
    assert plain.mimetype == "application/javascript" and plain.headers["Cache-Control"] == "max-age=86400"
    again = client.get(url, headers={"If-None-Match": plain.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip" and len(packed.data) < len(plain.data) / 2
    polyfill = client.get("/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.12.1.min.js")
    assert polyfill.data == settings.REGENERATOR_JS.read_bytes() and b"regeneratorRuntime=runtime" in polyfill.data


def _versi(path: Path) -> str:
    return re.search(rb"plotly\.js v(\d+\.\d+\.\d+)", path.read_bytes()[:300]).group(1).decode()


def test_the_bundle_is_the_plotly_js_of_the_installed_plotly_with_the_pages_traces_only():
    """The same plotly.js version as the plotly package ships (a page would change with another);
    the traces registered in vendor/plotly/index.js are exactly the ones the pages name: every
    plotly trace type written as '"type": "..."' in layouts/ (shapes' 'rect' and 'line' are not traces)."""
    assert (
        _versi(settings.PLOTLY_JS) == _versi(PLOTLY_PY) == (settings.PLOTLY_JS.parent / "VERSION").read_text().strip()
    )
    index = (settings.PLOTLY_JS.parent / "index.js").read_text()
    dalam = {"scatter", *re.findall(r"require\('plotly\.js/lib/(\w+)'\)", index)} - {"core"}
    assert dalam == {"scatter", "bar", "choropleth", "scattergeo"}
    semua = {
        n.lower() for n in dir(plotly.graph_objects) if isinstance(c := getattr(plotly.graph_objects, n), type)
        and issubclass(c, BaseTraceType)
    }  # fmt: skip
    dipakai = set()
    for berkas in (settings.ROOT / "layouts").rglob("*.py"):
        dipakai |= set(re.findall(r'"type": "(\w+)"', berkas.read_text())) & semua
    assert dipakai == dalam
    assert settings.PLOTLY_JS.stat().st_size < PLOTLY_PY.stat().st_size / 3  # 1,4 MB against 4,8


def test_an_rw_cell_is_escaped_html_with_its_band_s_class(dash_app):
    """RW 4 of a kelurahan whose name carries markup: 12 active of a target of 20 (60 %, the 'dekat'
    band of definisi.PITA_RW: 50-99 %); the name, the link's & and < are escaped."""
    from layouts.pages import rw100

    r = {
        "rw": 4,
        "peserta_aktif": 1234,
        "target": 2000,
        "capaian": 0.617,
        "nama_wilayah": "RW 04",
        "nama_induk": "<b>X</b>",
    }
    assert rw100.sel(r, "/wilayah?wilayah=31.75.02.1001.04&bahasa=id", "id") == (
        '<a class="rw-sel rw-dekat" title="RW 04 &lt;b&gt;X&lt;/b&gt;: 1.234 / 2.000" '
        'href="/wilayah?wilayah=31.75.02.1001.04&amp;bahasa=id">RW 04<small>1.234</small></a>'
    )
    tanpa = {**r, "target": None, "capaian": None, "peserta_aktif": 7, "nama_induk": "Pulo Gadung"}
    assert (
        rw100.sel(tanpa, "/w", "en")
        == '<a class="rw-sel rw-tanpa" title="RW 04 Pulo Gadung: 7" href="/w">RW 04<small>7</small></a>'
    )


def test_warming_keeps_the_nation_s_three_first_views(dash_app, seed_loaded):
    from layouts import kerangka
    from server import hangat

    kerangka.kosongkan_halaman()
    hangat.hangatkan()
    kept = list(kerangka._halaman_disimpan)
    assert [k[2] for k in kept] == ["/", "/wilayah", "/rw100"] and all(k[3] == "[]" for k in kept)
    assert all(k[4] == "ID" and k[6] for k in kept)  # the national scope, admin
    kerangka.kosongkan_halaman()


def test_the_watcher_warms_once_a_build_and_again_when_the_pointer_moves(monkeypatch):
    """Builds seen in turn: none yet, a, a, a, b, b...: warmed on a, then on b, twice in all."""
    from server import hangat

    urutan = iter([None, Path("a"), Path("a"), Path("a")])
    monkeypatch.setattr(hangat.warehouse, "current_path", lambda: next(urutan, Path("b")))
    dihangatkan, berhenti = [], threading.Event()
    monkeypatch.setattr(hangat, "hangatkan", lambda: dihangatkan.append(1) or 0.0)
    thread = threading.Thread(target=hangat.awasi, args=(0.001, berhenti))
    thread.start()
    try:
        for _ in range(5000):  # until the pointer has stayed on b for a while (each turn waits 1 ms)
            if berhenti.wait(0.001) or len(dihangatkan) >= 2 and next(urutan, None) is None:
                break
    finally:
        berhenti.set()
        thread.join()
    assert len(dihangatkan) == 2


def test_the_paired_benchmark_s_medians_and_ratios():
    from bench import peramban

    assert peramban.median([{"s": 1}, {"s": 3}, {"s": 2}]) == {"s": 2}
    after = [{"s": 1.0, "dom_s": 0.9, "cpu_s": 0.5}, {"s": 3.0, "dom_s": 1.0, "cpu_s": 1.0}]
    before = [{"s": 2.0, "dom_s": 1.0, "cpu_s": 1.0}, {"s": 4.0, "dom_s": 2.0, "cpu_s": 4.0}]
    # medians of (0,5; 0,75), (0,9; 0,5) and (0,5; 0,25)
    assert peramban.rasio(after, before) == {"s": 0.625, "dom_s": 0.7, "cpu_s": 0.375}
