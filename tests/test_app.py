"""The app serves the Ringkasan page with the national numbers."""

import datetime as dt
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from types import SimpleNamespace

import plotly
import pytest

import settings
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # starts the app in a process of its own: left out of make test-quick


def _texts(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


@pytest.fixture
def _page(dash_app):
    """A page's layout function, from Dash's registry (pages register when the app is made)."""
    import dash

    return lambda path: next(p["layout"] for p in dash.page_registry.values() if p["path"] == path)


def test_ringkasan_shows_national_numbers(seed_loaded, _page):
    page = _texts(_page("/")())
    for shown in ("Data per 6 Februari 2024", '"7"', '"10"', "70,0 %", '"3"'):
        assert shown in page


def test_ringkasan_without_data_says_what_to_do(data_dir, _page):
    from etl import build

    build.ensure_exists()
    page = _texts(_page("/")())
    assert "Minta admin Cakupan memuat daftar peserta; halaman ini terisi setelah data pertama dimuat." in page
    assert "python -m" not in page  # officials read what to ask for, not a command line


def test_no_page_shows_a_command_or_a_file_of_the_repository():
    """Issue 30: pages showed 'python -m etl peta BERKAS --kode KOLOM', docs/peta.md and
    docs/metrics.md to officials. Every string of layouts/ and server/ other than a docstring
    (what a page, an answer or a refusal can say) names no command line and no document path."""
    import ast

    hits = []
    for path in (p for folder in ("layouts", "server") for p in (ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text())
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        hits += [
            (path.name, n.lineno, n.value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
            and any(w in n.value for w in ("python -m", "docs/", ".md", "README", "BERKAS", "KOLOM"))
        ]  # fmt: skip
    assert hits == []


def test_first_start_makes_an_admin_and_serves_only_after_login(seed_loaded, monkeypatch):
    """`make run` on a fresh machine: one admin account, its password printed once; nothing is
    served before logging in with it; a second start prints no password."""
    with socket.socket() as s:  # a free port: a fixed one may be taken on a shared machine
        s.bind(("127.0.0.1", 0))
        port = str(s.getsockname()[1])
    process = subprocess.Popen(
        [sys.executable, "app.py", "--port", port, "--no-demo"],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        sandi = ganti = None
        for line in process.stdout:
            if "kata sandi:" in line:
                sandi = line.split("kata sandi:")[1].strip()
            if "Ganti dengan:" in line:
                ganti = line.split("Ganti dengan:")[1].strip()
            if "berjalan di" in line:
                break
        assert sandi and len(sandi) >= 16
        # the hint names this Python (the venv's under make run), not a bare `python`
        relatif = os.path.relpath(sys.executable, ROOT)
        assert ganti == f"{sys.executable if relatif.startswith('..') else relatif} -m akses sandi admin"
        base = f"http://127.0.0.1:{port}"
        _tunggu(base + "/masuk")
        monkeypatch.delenv("CAKUPAN_ALAMAT_WEB", raising=False)
        assert settings.alamat_web() == base  # a report mailed now links to this port, not 8050
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(base + "/_dash-layout", timeout=5)
        assert e.value.code == 401
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        opener.addheaders.append(("Origin", base))  # as a browser sends on every POST (server/masuk.py)
        form = opener.open(base + "/masuk", timeout=5).read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode({"nama": "admin", "sandi": sandi, "csrf": csrf, "lanjut": "/"}).encode()
        assert opener.open(base + "/masuk", data=data, timeout=5).status == 200
        with opener.open(base + "/_dash-layout", timeout=5) as response:
            assert "Cakupan" in response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=10)
    again = subprocess.run(
        [sys.executable, "-c", "import app; app.akun_pertama()"],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0 and "kata sandi" not in again.stdout


def _tunggu(url: str) -> None:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the app did not start")


def test_report_links_follow_the_address_the_dashboard_serves_on(data_dir, monkeypatch):
    """Issue 32, item 7: `python app.py --port 8060` then a load mailed links to port 8050. The
    served address is kept for the processes that mail (settings.alamat_web); the public address,
    when set, wins."""
    import app
    from laporan import pesan

    for nama in ("CAKUPAN_ALAMAT_WEB", "HOST", "PORT"):
        monkeypatch.delenv(nama, raising=False)
    assert settings.alamat_web() == "http://127.0.0.1:8050"  # nothing served yet: HOST and PORT's defaults
    assert app.catat_alamat("127.0.0.1", 8060) == "http://127.0.0.1:8060"
    assert settings.alamat_web() == "http://127.0.0.1:8060"
    tj = SimpleNamespace(tempat=SimpleNamespace(kode="31.75.02"), periode=SimpleNamespace(tanggal=dt.date(2024, 2, 6)))
    lg = SimpleNamespace(saringan={"segmen": "BPU"}, bahasa="en")
    assert pesan.tautan(lg, tj, settings.alamat_web()) == (
        "http://127.0.0.1:8060/?wilayah=31.75.02&snapshot=2024-02-06&segmen=BPU&bahasa=en"
    )
    assert app.catat_alamat("::1", 8061) == "http://[::1]:8061"
    monkeypatch.setenv("CAKUPAN_ALAMAT_WEB", "https://cakupan.example.go.id/")
    assert settings.alamat_web() == "https://cakupan.example.go.id"


def test_a_bad_port_is_refused_with_a_message_not_a_traceback(monkeypatch, capsys):
    import pytest

    import app

    for argv, env, said in (
        (["--no-demo", "--port", "99999"], None, "'99999' bukan nomor port 1-65535"),
        (["--no-demo", "--port", "delapan"], None, "'delapan' bukan nomor port 1-65535"),
        (["--no-demo"], "abc", "PORT 'abc' bukan nomor port 1-65535"),
    ):
        if env:
            monkeypatch.setenv("PORT", env)
        with pytest.raises(SystemExit) as e:
            app.main(argv)
        assert e.value.code == 2 and said in capsys.readouterr().err


def test_a_kelurahan_without_its_own_target_shows_its_1_rw_100_capaian(seed_loaded, _page):
    """Pulo Gadung (roster_kecil): 3 active against the 1 RW 100 target 8 x 100 = 800."""
    page = _texts(_page("/")(wilayah="31.75.02.1001"))
    for shown in ("Target 1 RW 100", "Capaian 1 RW 100", '"800"', "0,4 %", "RW diketahui x 100"):
        assert shown in page, shown
    assert "Baru satu tanggal data: laju belum bisa diketahui." in page
    wilayah = _texts(_page("/wilayah")(wilayah="31.75.02"))
    assert '"jenis_target": "1rw100"' in wilayah and '"target_acuan": 800' in wilayah
    assert "target 1 RW 100 (RW diketahui x 100)" in wilayah  # what the cell's mark means
