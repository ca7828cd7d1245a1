"""Metric latency benchmark: the questions of the dashboard, answered from the rollups, against
the same national question answered by scanning the person table (the baseline, same run).

    python bench/metrics.py [--repeat 30] [--data DIR]

Uses the served warehouse of CAKUPAN_DATA_DIR (default data/, the demo); prints median and p95
in milliseconds for each question, and the row counts of the tables they read.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import warehouse  # noqa: E402
from layouts import kerangka  # noqa: E402
from metrics import cakupan, ekspor, lingkup, periode  # noqa: E402
from metrics.pembangun import Filter  # noqa: E402
from metrics.pertanyaan import tanya  # noqa: E402

# Baseline. Grain: one row per province, from the person table of the newest snapshot.
PERSON_SCAN_SQL = """
SELECT kode_provinsi, count(*) AS terdaftar, count(*) FILTER (aktif) AS aktif,
       count(*) FILTER (aktif AND jkk) AS aktif_jkk
FROM peserta WHERE tanggal_data = $tanggal GROUP BY ALL
"""


def questions(tanggal) -> dict:
    kel = "31.75.02.1001"
    return {
        "baseline: provinces from the person table": lambda: warehouse.rows(PERSON_SCAN_SQL, {"tanggal": tanggal}),
        "nation, every metric": lambda: cakupan.angka_tempat(tanya("ID")),
        "provinces of the nation": lambda: cakupan.anak(tanya("ID")),
        "kabupaten/kota of Banten": lambda: cakupan.anak(tanya("36")),
        "kelurahan of Pulogadung": lambda: cakupan.anak(tanya("31.75.02")),
        "RWs of a kelurahan": lambda: cakupan.anak(tanya(kel)),
        "1 RW 100 for Jakarta Timur's kecamatan": lambda: cakupan.anak(
            tanya("31.75"), metrik=ekspor.definisi.EKSPOR["rw"]
        ),
        "provinces, BPU + JKM filter": lambda: cakupan.anak(tanya("ID", filt=Filter(segmen="BPU", program="JKM"))),
        "ranking of DKI's kabupaten/kota": lambda: cakupan.peringkat(tanya("31"), menurut="capaian"),
        "trend of the nation": lambda: cakupan.tren(tanya("ID")),
        "export: every kelurahan of the nation": lambda: ekspor.isi_berkas(
            "coverage", tanya("ID"), tingkat="kelurahan"
        ),
    }


def measure(fn, repeat: int, cached: bool = False) -> tuple[float, float]:
    """Median and p95 of calls; uncached unless asked (the cache of answers is emptied before each)."""
    fn()  # warm: open the file, load the catalogue
    times = []
    for _ in range(repeat):
        if not cached:
            cakupan.kosongkan_cache()
            kerangka.kosongkan_halaman()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--data", help="data directory (default: CAKUPAN_DATA_DIR or data/)")
    args = parser.parse_args()
    if args.data:
        os.environ["CAKUPAN_DATA_DIR"] = args.data
    lingkup.pasang(lingkup.NASIONAL)  # asked as the command lines ask: the whole nation
    tanggal = periode.periode().tanggal
    sizes = {
        t: warehouse.rows(f"SELECT count(*) FROM {t}")[0][0]
        for t in ("peserta", "ringkas_wilayah", "ringkas_rw", "snapshot")
    }
    print(f"# {platform.node()} · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d')} · snapshot {tanggal}")
    print("# rows: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    print(f"{'question':48} {'median ms':>10} {'p95 ms':>8}")
    for name, fn in questions(tanggal).items():
        median, p95 = measure(fn, args.repeat)
        print(f"{name:48} {median:10.1f} {p95:8.1f}")
    median, p95 = measure(lambda: cakupan.anak(tanya("ID")), args.repeat, cached=True)
    print(f"{'provinces of the nation, answer cached':48} {median:10.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
