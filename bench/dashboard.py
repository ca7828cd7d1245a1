"""Dashboard callback latency: each page's render callback (the one Dash Pages runs when the URL
changes), downloads and the weekly review, through the Flask test client, on the served warehouse.

    python bench/dashboard.py [--repeat 20] [--data DIR]

Prints median and p95 in ms, uncached (answers cache emptied before each call: a place seen for
the first time) and cached (the same view again), each with the median CPU time of a call (this
process's user + sys: what a busy machine stretches least). --json gives {view: [median, p95,
cached median, p95]}, with --cpu the CPU medians of both after them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metrics import measure  # noqa: E402  (the same timing, cache emptied or not)

GETS = [
    "/unduh/coverage.csv?tingkat=kecamatan&wilayah=31",
    "/unduh/coverage.csv?tingkat=kelurahan&wilayah=31.75",
    "/tinjauan?wilayah=31.75",
]
VIEWS = [
    "/",
    "/?wilayah=31.75",
    "/?wilayah=32",  # the biggest province: its kab/kota map when boundaries are loaded (docs/peta.md)
    "/wilayah",
    "/wilayah?wilayah=31.75.02",
    "/wilayah?wilayah=31.75.02.1001",
    "/rw100?wilayah=31.75.02",
    "/segmen?wilayah=36",
    "/anggaran?wilayah=36",
    "/data",
]


def payload(view: str) -> dict:
    path, _, search = view.partition("?")
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": "?" + search if search else ""},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


def masuk(client, nama: str = "bench.admin"):
    """Log the client in as a national admin made for the benchmark (its password reset each run)."""
    import re

    from akses import pengguna

    sandi = pengguna.sandi_acak()
    if pengguna.cari(nama):
        pengguna.ganti_sandi(nama, sandi, oleh="bench")
    else:
        pengguna.tambah(nama, admin=True, sandi=sandi, oleh="bench")
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    response = client.post("/masuk", data={"nama": nama, "sandi": sandi, "csrf": csrf})
    assert response.status_code == 302, response.text[:300]
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--data", help="data directory (default: CAKUPAN_DATA_DIR or data/)")
    parser.add_argument("--hanya", help="only the views and downloads containing this text")
    parser.add_argument("--json", action="store_true", help="one JSON object {view: [median, p95, cached median, p95]}")
    parser.add_argument(
        "--cpu", action="store_true", help="with --json: each view's CPU medians (uncached, cached) too"
    )
    args = parser.parse_args()
    if args.data:
        os.environ["CAKUPAN_DATA_DIR"] = args.data
    import app

    client = app.create_app().server.test_client()
    client.environ_base["HTTP_ORIGIN"] = "http://localhost"  # a POST without its own origin is refused
    client = masuk(client)

    def render(view):
        def call():
            response = client.post(
                "/_dash-update-component", data=json.dumps(payload(view)), content_type="application/json"
            )
            assert response.status_code == 200, response.data[:300]

        return call

    def get(url):
        def call():
            assert client.get(url).status_code == 200, url

        return call

    rows = [(v, render(v)) for v in VIEWS] + [(f"GET {u}", get(u)) for u in GETS]
    rows = [(n, c) for n, c in rows if not args.hanya or args.hanya in n]
    results = {}
    for name, call in rows:
        cpu_cold, cpu_warm = [], []
        wall = measure(cpu(call, cpu_cold), args.repeat) + measure(cpu(call, cpu_warm), args.repeat, cached=True)
        # the first call of each measure is its warm-up, not timed: left out of the CPU too
        results[name] = [round(x, 1) for x in (*wall, statistics.median(cpu_cold[1:]), statistics.median(cpu_warm[1:]))]
    if args.json:
        print(json.dumps({name: r if args.cpu else r[:4] for name, r in results.items()}))
        return
    print(f"# {platform.node()} · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d')}")
    print(f"{'view':48} {'uncached median':>16} {'p95':>7} {'CPU':>6} {'cached median':>14} {'p95':>7} {'CPU':>6}")
    for name, (cold, cold95, warm, warm95, cold_cpu, warm_cpu) in results.items():
        print(f"{name:48} {cold:16.1f} {cold95:7.1f} {cold_cpu:6.1f} {warm:14.1f} {warm95:7.1f} {warm_cpu:6.1f}")


def cpu(call, catat: list):
    """`call`, noting the CPU milliseconds (this process's user + sys) of each call in `catat`."""

    def timed():
        start = time.process_time()
        call()
        catat.append((time.process_time() - start) * 1000)

    return timed


if __name__ == "__main__":
    main()
