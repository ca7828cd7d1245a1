"""A cold browser's first visit, timed from "Masuk" to the headline, and the bytes it took.

The headline is the Ringkasan card of active participants; the browser is headless Debian
Chromium with an empty cache.

    python bench/peramban.py --url http://127.0.0.1:8050 --nama admin --sandi ... [--repeat 5]
    python bench/peramban.py --url AFTER --sebelum BEFORE --nama ... --sandi ...   # paired, alternated

Each run starts a new browser profile (nothing cached), opens the login page, fills it in, then
times the click on "Masuk" until the element #ringkasan-aktif shows a number. Bytes are what the
network carried (the Resource Timing API's transferSize: compressed where the server compressed)
and what the files hold once unpacked (decodedBodySize). `dom_s`: the same span by the page's own
clock, to the moment the number entered the page (a MutationObserver): the webdriver only sees it
when the page's main thread lets it in, often after the charts below have drawn. CPU: the page's main-thread busy time
from the click to the headline (Chrome's Performance.getMetrics TaskDuration, of which
ScriptDuration ran JavaScript), the time a busy machine stretches least. Prints each run and the
medians; with --sebelum, the two servers are visited in turn (before, after, before, ...) and the
medians of each and of the after/before ratios, pair by pair, are printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time

CHROMIUM, DRIVER = (
    shutil.which("chromium") or "/usr/bin/chromium",
    shutil.which("chromedriver") or "/usr/bin/chromedriver",
)

# In every new document: the wall-clock time (ms since 1970) the headline first holds a digit.
TANDA_JS = """
new MutationObserver((_, pengamat) => {
  const kartu = document.getElementById('ringkasan-aktif');
  if (kartu && /\\d/.test(kartu.textContent)) {
    window.__cakupanAngka = performance.timeOrigin + performance.now();
    pengamat.disconnect();
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""
# Every resource of the page, and the page itself: bytes carried and bytes unpacked.
BYTES_JS = """
const all = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'));
return [all.reduce((s, e) => s + (e.transferSize || 0), 0), all.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
        all.filter(e => e.initiatorType === 'script').reduce((s, e) => s + (e.decodedBodySize || 0), 0)];
"""


def satu(url: str, nama: str, sandi: str) -> dict:
    """One cold visit: seconds from the click to the headline, and bytes."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    profile = tempfile.mkdtemp(prefix="cakupan-peramban-")
    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,720",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.get(url + "/masuk")
        driver.find_element(By.ID, "nama").send_keys(nama)
        driver.find_element(By.ID, "sandi").send_keys(sandi)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TANDA_JS})
        driver.execute_cdp_cmd("Performance.enable", {})
        klik = driver.execute_script("return performance.timeOrigin + performance.now()")
        start = time.perf_counter()
        driver.find_element(By.ID, "tombol-masuk").click()
        end = start + 60
        while time.perf_counter() < end:
            cards = driver.find_elements(By.ID, "ringkasan-aktif")
            if cards and any(ch.isdigit() for ch in cards[0].text):
                break
            time.sleep(0.02)
        else:
            raise SystemExit(f"no headline within 60 s at {driver.current_url}")
        seconds = time.perf_counter() - start
        metrics = {m["name"]: m["value"] for m in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
        carried, unpacked, script = driver.execute_script(BYTES_JS)
        angka = driver.execute_script("return window.__cakupanAngka")
        return {"s": round(seconds, 2), "dom_s": round((angka - klik) / 1000, 2), "cpu_s": round(metrics["TaskDuration"], 2),
                "script_cpu_s": round(metrics["ScriptDuration"], 2), "carried_mb": round(carried / 1e6, 2),
                "unpacked_mb": round(unpacked / 1e6, 2), "script_mb": round(script / 1e6, 2)}  # fmt: skip
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> list[dict]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default="http://127.0.0.1:8050")
    p.add_argument("--nama", required=True)
    p.add_argument("--sandi", required=True)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--sebelum", help="the previous code's server: visited in turn with --url, one pair a repeat")
    args = p.parse_args(argv)
    urls = {"after": args.url, **({"before": args.sebelum} if args.sebelum else {})}
    runs: dict[str, list[dict]] = {k: [] for k in urls}
    for i in range(args.repeat):
        # in turn, starting with a different one each repeat: neither always meets the busier moment
        for name in sorted(urls, reverse=bool(i % 2)):
            runs[name].append(satu(urls[name].rstrip("/"), args.nama, args.sandi))
            print(name, json.dumps(runs[name][-1]), flush=True)
    for name, rows in runs.items():
        print("median", name, json.dumps(median(rows)))
    if args.sebelum:
        print("ratio after/before, pair by pair", json.dumps(rasio(runs["after"], runs["before"])))
    return runs["after"]


def median(rows: list[dict]) -> dict:
    """Each figure's median over the runs: [{"s": 1}, {"s": 3}, {"s": 2}] -> {"s": 2}."""
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


def rasio(after: list[dict], before: list[dict]) -> dict:
    """The median of after/before of the runs made in the same repeat, for the times and CPU:
    s 1,0 against 2,0 and 3,0 against 4,0 -> 0,625 (the median of 0,5 and 0,75)."""
    kunci = [k for k in ("s", "dom_s", "cpu_s") if k in after[0]]
    return {k: round(statistics.median(a[k] / b[k] for a, b in zip(after, before)), 3) for k in kunci}


if __name__ == "__main__":
    main()
