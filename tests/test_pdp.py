"""Personal data (UU 27/2022 PDP): after loading the demo roster, serving it behind a login,
viewing every page and the weekly review and making every export and a report file, no raw NIK
and no participant's name is found in the warehouse, the access store, the server log, the
rejects view, the review or any export."""

import csv
import functools
import gzip
import io
import logging
import re
import threading
import urllib.parse
import urllib.request
import zipfile
from http.cookiejar import CookieJar

import duckdb
import pytest
from werkzeug.serving import make_server

import settings
import warehouse
from commands.metrics import main as export_cli
from etl import regions
from metrics import lingkup, pembangun
from tests.conftest import NIK_KEY

pytestmark = pytest.mark.slow  # loads the demo and searches every file written: left out of make test-quick

SANDI = "sandi-uji-pdp-panjang"
PAGES = ["/", "/wilayah?wilayah=31.75.02", "/rw100?wilayah=31.75.02", "/segmen", "/anggaran", "/data"]


def _raw(folder):
    """Every NIK-like value (12+ digits) and every name in the demo's input files."""
    niks, names = set(), set()
    for path in sorted(folder.glob("peserta_*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            text = f.read()
        delimiter = ";" if text.split("\n", 1)[0].count(";") > 1 else ","
        for row in list(csv.reader(io.StringIO(text), delimiter=delimiter))[1:]:
            if len(row) >= 2:
                digits = re.sub(r"\D", "", row[0])
                if len(digits) >= 12:
                    niks.add(digits)
                if row[1].strip():
                    names.add(row[1].strip())
    return niks, names


def _warehouse_text() -> str:
    """Every text value of every table of the served warehouse."""
    con = duckdb.connect(str(warehouse.current_path()), read_only=True)
    try:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'"
        ).fetchall()
        parts = []
        for table, column in columns:
            values = con.execute(f'SELECT DISTINCT "{column}" FROM "{table}"').fetchall()
            parts.extend(str(v) for (v,) in values if v is not None)
        return "\n".join(parts)
    finally:
        con.close()


def _xlsx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def _found(text: str, niks: set, names: set) -> list[str]:
    """Raw NIKs (or their first 12+ digits, as a truncated bad NIK is) and names in a text."""
    prefixes = _prefixes(frozenset(niks))
    hits = {
        run[i : i + k]
        for run in set(re.findall(r"\d{12,}", text))
        for i in range(len(run) - 11)
        for k in range(12, 17)
        if run[i : i + k] in prefixes
    }
    return sorted(hits) + [n for n in names if n in text]


@functools.lru_cache(maxsize=2)
def _prefixes(niks: frozenset) -> frozenset:
    return frozenset(raw[:k] for raw in niks for k in range(12, len(raw) + 1))


@pytest.fixture(scope="module")
def served(tmp_path_factory, dash_app):
    """The demo, loaded and served with the server log on, an admin logged in."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAKUPAN_DATA_DIR", str(tmp_path_factory.mktemp("pdp") / "data"))
        mp.setenv("CAKUPAN_NIK_KEY", NIK_KEY)
        warehouse.close_readers()
        import app
        from akses import pengguna
        from etl import demo

        root = logging.getLogger()
        before = list(root.handlers)
        app.catat_log()
        demo.build_demo(scale=0.015, weeks=2, seed=11)
        pengguna.tambah("admin.pdp", admin=True, sandi=SANDI)
        httpd = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        opener.addheaders.append(("Origin", base))  # as a browser sends on every POST (server/masuk.py)
        csrf = re.search(r'name="csrf" value="([^"]+)"', opener.open(base + "/masuk").read().decode()).group(1)
        opener.open(
            base + "/masuk",
            urllib.parse.urlencode({"nama": "admin.pdp", "sandi": SANDI, "csrf": csrf, "lanjut": "/"}).encode(),
        )
        yield base, opener
        httpd.shutdown()
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        warehouse.close_readers()


def test_no_raw_nik_or_name_is_stored_shown_logged_or_exported(served, tmp_path):
    base, opener = served
    niks, names = _raw(settings.data_dir() / "demo")
    names.add("Baris Terpotong")  # the malformed line's name, rejected whole
    names -= set(regions.reference_table().column("nama").to_pylist())  # a desa in Lampung is "Budi Lestari"
    assert len(niks) > 1000 and len(names) > 100  # the search has something to find,
    sample = next((settings.data_dir() / "demo").glob("peserta_*_jawa.csv")).read_text(encoding="utf-8")
    assert len(_found(sample, niks, names)) > 1000  # and finds it where it is

    looked_at = {}
    for path in PAGES:  # the pages, as the browser asks for them
        body = {
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": path.split("?")[0]},
                {"id": "_pages_location", "property": "search", "value": "?" + path.partition("?")[2]},
            ],
            "changedPropIds": ["_pages_location.pathname"],
            "state": [],
        }
        request = urllib.request.Request(
            base + "/_dash-update-component",
            data=__import__("json").dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        looked_at[f"halaman {path}"] = opener.open(request).read().decode()
    assert "ditolak" in looked_at["halaman /data"] and "nik_invalid" in looked_at["halaman /data"]

    downloads = [
        ("coverage", "tingkat=provinsi"),
        ("coverage", "wilayah=31.75&tingkat=kelurahan"),
        ("coverage", "wilayah=31.75.02&tingkat=rw"),
        ("rw", "wilayah=31.75&tingkat=kelurahan"),
        ("budget", "tingkat=provinsi"),
        ("trend", "wilayah=31.75.02"),
        ("ditolak", ""),
    ]
    downloads += [("rincian", f"wilayah=31.75&dimensi={d}") for d in pembangun.RINCIAN]
    for jenis, query in downloads:
        for akhiran in ("csv", "xlsx"):
            data = opener.open(f"{base}/unduh/{jenis}.{akhiran}?{query}").read()
            looked_at[f"unduh {jenis}.{akhiran}?{query}"] = (
                data.decode("utf-8") if akhiran == "csv" else _xlsx_text(data)
            )
    looked_at["tinjauan /tinjauan?wilayah=31.75"] = opener.open(base + "/tinjauan?wilayah=31.75").read().decode()
    report = tmp_path / "tinjauan.html"
    assert export_cli(["report", "--wilayah", "31.75.02", "--out", str(report)]) == 0
    looked_at["laporan tinjauan"] = report.read_text(encoding="utf-8")
    with lingkup.berlaku(lingkup.NASIONAL):
        for jenis in ("ditolak", "coverage"):
            out = tmp_path / f"{jenis}.xlsx"
            assert export_cli(["export", jenis, "--level", "kabkota", "--out", str(out)]) == 0
            looked_at[f"ekspor {jenis}"] = _xlsx_text(out.read_bytes())
    assert any("nik_invalid" in text for name, text in looked_at.items() if "ditolak" in name)

    looked_at["gudang data (semua kolom teks)"] = _warehouse_text()
    looked_at["berkas gudang data"] = warehouse.current_path().read_bytes().decode("latin-1")
    looked_at["akses.sqlite"] = (settings.data_dir() / "akses.sqlite").read_bytes().decode("latin-1")
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = settings.log_path().read_text(encoding="utf-8")
    assert "/unduh/ditolak.csv" in log and "muat oleh=" in log and "masuk oleh=admin.pdp" in log
    looked_at["log"] = log

    found = {name: hits[:3] for name, text in looked_at.items() if (hits := _found(text, niks, names))}
    assert found == {}
