"""Screenshots of every page at projector, full-HD, laptop and phone size, into screenshots/.

Sizes 1280x720, 1920x1080, 1440x900 and 390x844, with headless Debian chromium: the login page, then each page and every slide of
three weekly reviews as a national admin, Ringkasan as a Jakarta Timur account, Kantor Cabang as a branch account, the Data page as its admin. Uses the demo warehouse (built if missing) and
two accounts made for it (their passwords reset each run).

    .venv/bin/python scripts/screenshots.py [--only NAME] [--gelap] [--ukuran 1280x720,390x844]

With --gelap every page is shot in dark mode too (files end in -gelap).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("/", "ringkasan"),
    ("/?wilayah=31.75", "ringkasan-jaktim"),
    ("/?wilayah=31.75.02.1001", "ringkasan-kelurahan"),  # a 1 RW 100 reference target
    ("/wilayah?wilayah=31", "wilayah"),
    ("/wilayah?wilayah=31.75.02.1001", "wilayah-rw"),
    ("/rw100?wilayah=31.75.02", "rw100"),
    ("/segmen", "segmen"),
    ("/anggaran?wilayah=36", "anggaran"),
    ("/data", "data"),
    ("/?bahasa=en&wilayah=36", "ringkasan-en"),
    ("/rw100?wilayah=31.75.02&sumber=APBD&bahasa=en", "rw100-tolak"),  # a filter RW numbers do not keep
    # the maps below the provinces' tiles: drawn when boundaries are loaded (python -m etl peta), else a sentence
    ("/?wilayah=32", "peta-provinsi"),
    ("/wilayah?wilayah=31.75", "peta-kabkota"),
    ("/langganan?wilayah=31.75", "langganan"),  # the weekly report by email
    ("/aksi?wilayah=31.75", "aksi"),  # actions and their effect
    ("/target?wilayah=31.75", "target"),  # splitting a target over the places below
    ("/?wilayah=31.75.02", "ringkasan-turunan"),  # a derived target, once Jakarta Timur's is split
    ("/banding?wilayah=31.75", "banding-tanggal"),  # Jakarta Timur now and 4 weeks back (issue 35)
    ("/banding?wilayah=31.75&dengan=31.73,31.71", "banding-wilayah"),  # beside Jakarta Barat and Pusat
    ("/cabang", "cabang-peringkat"),  # every branch office against its own target (issue 35)
    ("/cabang?cabang=Jakarta+Rawamangun", "cabang-satu"),  # one branch: its numbers, pace and places
]
SIZES = [(1280, 720), (1920, 1080), (1440, 900), (390, 844)]  # projector, full HD, laptop, phone
TINJAUAN = [("31.75", "tinjauan-jaktim"), ("31.75.02.1001", "tinjauan-kelurahan"), ("36", "tinjauan-banten")]


def akun(nama: str, **lingkup) -> str:
    from akses import pengguna

    sandi = pengguna.sandi_acak()
    if pengguna.cari(nama):
        pengguna.ganti_sandi(nama, sandi, oleh="screenshots")
    else:
        pengguna.tambah(nama, sandi=sandi, oleh="screenshots", **lingkup)
    return sandi


# Dash's own record of its callbacks: none pending means the page has drawn what it will. A page
# without Dash (the login form) has drawn once it has loaded.
TENANG_JS = """
if (!window.store) return document.readyState === 'complete' && !document.getElementById('react-entry-point');
const s = window.store.getState().callbacks;
if (!s) return false;
return ['requested', 'prioritized', 'blocked', 'executing', 'watched', 'executed']
    .every(k => !s[k] || s[k].length === 0);
"""


def tunggu(driver, kondisi, detik: float = 60) -> None:
    """Wait for a condition (never a fixed time: a busy machine saved blank pages with one)."""
    akhir = time.monotonic() + detik
    while time.monotonic() < akhir:
        try:
            if kondisi():
                return
        except Exception:  # the page is between two drawings
            pass
        time.sleep(0.1)
    raise SystemExit(f"Halaman {driver.current_url} tidak selesai dalam {detik:.0f} s")


def tenang(driver) -> None:
    """Wait until no callback has been pending for three polls running."""
    berturut = [0]

    def sudah() -> bool:
        berturut[0] = berturut[0] + 1 if driver.execute_script(TENANG_JS) else 0
        return berturut[0] >= 3

    tunggu(driver, sudah)


def masuk(driver, base: str, nama: str, sandi: str) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(base + "/masuk")
    driver.find_element(By.ID, "nama").send_keys(nama)
    driver.find_element(By.ID, "sandi").send_keys(sandi)
    driver.find_element(By.ID, "tombol-masuk").click()
    tunggu(driver, lambda: "/masuk" not in driver.current_url)


def gelap(driver, base: str, nyala: bool) -> None:
    """Dark mode on or off, as a user does: the header's switch (kept in the browser's storage)."""
    driver.get(base + "/")
    tunggu(driver, lambda: driver.execute_script("return document.getElementById('tema-gelap') !== null"))
    tenang(driver)
    if driver.execute_script("return document.getElementById('tema-gelap').checked") != nyala:
        driver.execute_script("document.getElementById('tema-gelap').click()")
        tenang(driver)


def shoot(driver, url: str, out: Path) -> None:
    """The page as it opens; and, when it has a map (layouts/peta.py), the map scrolled into view."""
    driver.get(url)
    tenang(driver)  # the page's callbacks and charts
    driver.save_screenshot(str(out))
    print(out)
    if driver.execute_script(
        "const e = document.getElementById('ringkasan-peta') || document.getElementById('wilayah-peta');"
        "if (!e) return false; e.scrollIntoView({block: 'start'}); window.scrollBy(0, -10); return true;"
    ):
        tenang(driver)
        peta = out.with_name(out.stem + "-petanya.png")
        driver.save_screenshot(str(peta))
        print(peta)


def slides(driver, url: str, name: str, out: Path, size: str) -> None:
    """Every slide of a review, stepped through with the arrow key."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(url)
    tunggu(driver, lambda: driver.find_elements(By.CSS_SELECTOR, ".slide.aktif"))
    slide = driver.find_elements(By.CSS_SELECTOR, ".slide")
    for i in range(len(slide)):
        # the slide shown is the one marked aktif (layouts/proyektor/tinjauan.js)
        tunggu(driver, lambda i=i: "aktif" in slide[i].get_attribute("class"))
        driver.save_screenshot(str(out / f"{name}-{i + 1}-{size}.png"))
        print(out / f"{name}-{i + 1}-{size}.png")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="only pages whose name contains this")
    parser.add_argument("--gelap", action="store_true", help="the pages in dark mode too")
    parser.add_argument("--ukuran", help="only these sizes, e.g. 1280x720,390x844 (default: all four)")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in u.split("x")) for u in args.ukuran.split(",")] if args.ukuran else SIZES
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from werkzeug.serving import make_server

    import app
    from etl import demo

    demo.ensure_demo()
    from commands import demo as contoh

    contoh.isi()  # the demo's actions and subscription, if a warehouse built before them lacks them
    admin, jaktim = akun("screenshot.admin", admin=True), akun("screenshot.jaktim", wilayah="31.75")
    admin_jaktim = akun("screenshot.admin.jaktim", wilayah="31.75", admin=True)
    kc = akun("screenshot.kc", kantor_cabang="Jakarta Rawamangun")
    httpd = make_server("127.0.0.1", 0, app.create_app().server, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    try:
        for w, h in sizes:
            driver.set_window_size(w, h)
            for _ in range(5):  # the page area, not the window; measured again until it is (a busy
                # machine measured the old size once and shot the projector's pages at 1780x860)
                driver.get("about:blank")
                inner = driver.execute_script("return [innerWidth, innerHeight]")
                if inner == [w, h]:
                    break
                ukuran = driver.get_window_size()
                driver.set_window_size(ukuran["width"] + w - inner[0], ukuran["height"] + h - inner[1])
            if not args.only or args.only in "masuk":
                driver.delete_all_cookies()
                shoot(driver, base + "/masuk", out / f"masuk-{w}x{h}.png")
            masuk(driver, base, "screenshot.admin", admin)
            for tema in (False, True) if args.gelap else (False,):
                gelap(driver, base, tema)
                for path, name in PAGES:
                    if not args.only or args.only in name:
                        shoot(driver, base + path, out / f"{name}-{w}x{h}{'-gelap' if tema else ''}.png")
            gelap(driver, base, False)
            for kode, name in TINJAUAN:
                if not args.only or args.only in name:
                    slides(driver, f"{base}/tinjauan?wilayah={kode}", name, out, f"{w}x{h}")
            masuk(driver, base, "screenshot.jaktim", jaktim)
            if not args.only or args.only in "lingkup-jaktim":
                shoot(driver, base + "/", out / f"lingkup-jaktim-{w}x{h}.png")
            masuk(driver, base, "screenshot.kc", kc)  # lands on its branch's page
            if not args.only or args.only in "lingkup-cabang":
                shoot(driver, base + "/cabang", out / f"lingkup-cabang-{w}x{h}.png")
            masuk(driver, base, "screenshot.admin.jaktim", admin_jaktim)
            if not args.only or args.only in "data-admin-wilayah":
                shoot(driver, base + "/data", out / f"data-admin-wilayah-{w}x{h}.png")
    finally:
        driver.quit()
        httpd.shutdown()


if __name__ == "__main__":
    main()
