"""The app serves the Ringkasan page with the national numbers."""
import json
import os
import subprocess
import sys
import time
import urllib.request

import plotly

from tests.conftest import ROOT


def _texts(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


def _page(path: str):
    """A page's layout function, from Dash's registry (pages register when the app is made)."""
    import dash

    import app

    if not dash.page_registry:
        app.create_app()
    return next(p["layout"] for p in dash.page_registry.values() if p["path"] == path)


def test_ringkasan_shows_national_numbers(seed_loaded):
    page = _texts(_page("/")())
    for shown in ("Data per 6 Februari 2024", '"7"', '"10"', "70,0 %", '"3"'):
        assert shown in page


def test_ringkasan_without_data_says_what_to_do(data_dir):
    from etl import build

    build.ensure_exists()
    assert "python -m etl demo" in _texts(_page("/")())


def test_app_starts_and_serves(seed_loaded):
    port = "8093"
    process = subprocess.Popen([sys.executable, "app.py", "--port", port, "--no-demo"], cwd=ROOT,
                               env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the app did not start")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=5) as response:
            assert "Cakupan" in response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=10)
