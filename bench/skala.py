"""Cakupan at national scale: how load, rollups, storage, callbacks and concurrent use grow
with the roster. One command, sizes in juta (millions) of roster rows:

    python bench/skala.py --sizes 1,5,20,61 [--repeat 3] [--calls 20] [--sessions 20] [--seconds 30]

For each size it writes a national-like roster CSV (every kelurahan of the Kemendagri list,
RWs, four segments, 70 % paying), then measures in fresh processes:
- the floor: DuckDB's own typed read of the same file into a table (`CREATE TABLE AS SELECT *
  FROM read_csv(..., columns={typed})`), and the full load (`python -m etl load`), alternated,
  medians of wall time and peak memory, and the ratio;
- the roster and rollup phases of the load, the weekly refresh (a second snapshot) and the
  warehouse file size;
- every dashboard callback, downloads and the review (bench/dashboard.py): median and p95;
- concurrent sessions against gunicorn (2-4 workers) on localhost for a bounded time:
  requests per second, median and p95 latency, errors.
Figures go to stdout as a table and to --out as JSON (default bench/out/skala.json).
docs/performance.md records a run and how to read it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kode_wilayah  # noqa: E402
from bench.load import FLOOR_SQL, HEADER, timed  # noqa: E402  (the same floor and timer as bench/load.py)

PEKERJAAN = ["Pengemudi ojol", "Pedagang", "Petani", "Nelayan", "Buruh pabrik", "Guru honorer"]
SEGMEN = ["PU", "BPU", "JAKON", "PMI"]
PROGRAM = {"PU": "JKK+JKM+JHT+JP", "BPU": "JKK+JKM", "JAKON": "JKK+JKM", "PMI": "JKK+JKM+JHT"}
SANDI = "sandi-bench-skala"


# --- the roster ------------------------------------------------------------------------


def kelurahan() -> list[str]:
    from etl import regions

    ref = regions.reference_table().to_pandas()
    return ref[ref.tingkat == 4].kode.tolist()


def tulis_roster(path: Path, rows: int, seed: int = 61) -> None:
    """A national-like roster: NIK distinct but for 2 % second accounts, every kelurahan (Java
    denser), RW 1-15, 70 % paying, about 150 bytes a row."""
    rng = np.random.default_rng(seed)
    kode = kelurahan()
    kota = [kode_wilayah.baca(k).awalan("kabkota").kode for k in kode]  # each kelurahan's, for its branch
    weight = np.array([3.0 if k[:1] == "3" else 1.0 for k in kode])
    weight /= weight.sum()
    with open(path, "w") as f:
        f.write(HEADER + "\n")
        for start in range(0, rows, 250_000):
            n = min(250_000, rows - start)
            i = np.arange(start, start + n)
            i = np.where(rng.random(n) < 0.02, np.maximum(i - 1, 0), i)  # a second account of a person
            k = rng.choice(len(kode), n, p=weight)
            seg = rng.integers(0, 4, n)
            aktif = rng.random(n) < 0.7
            rw = rng.integers(1, 16, n)
            f.writelines(
                f"{3100000000000000 + a},Peserta {a},KPJ{a:09d},1990-01-15,L,{SEGMEN[s]},{PROGRAM[SEGMEN[s]]},"
                f"{PEKERJAAN[a % 6]},{kode[b]},{r},1,KC {kota[b]},2023-01-10,"
                f"{'AKTIF' if ak else 'NONAKTIF'},{'2024-02' if ak else '2023-06'},MANDIRI,N\n"
                for a, s, b, r, ak in zip(i.tolist(), seg.tolist(), k.tolist(), rw.tolist(), aktif.tolist())
            )


# --- load ------------------------------------------------------------------------------


def muat(roster: Path, data: Path, as_of: str, env: dict) -> tuple[float, float, dict]:
    """`python -m etl load` in a fresh process: wall seconds, peak GB and its JSON summary."""
    data.mkdir(parents=True, exist_ok=True)
    out = data / f"muat-{as_of}.json"
    run = timed(
        ["sh", "-c", f'"{sys.executable}" -m etl load "{roster}" --as-of {as_of} --json > "{out}"'],
        dict(env, CAKUPAN_DATA_DIR=str(data)),
    )
    return run.wall, run.peak_gb, json.loads(out.read_text())  # one snapshot: one summary object


def lantai(roster: Path, db: Path, env: dict) -> tuple[float, float]:
    sql = FLOOR_SQL.format(path=roster)
    run = timed([sys.executable, "-c", f"import duckdb; duckdb.connect('{db}').execute('''{sql}''')"], env)
    db.unlink(missing_ok=True)
    return run.wall, run.peak_gb


# --- callbacks and concurrency ---------------------------------------------------------


def panggilan(data: Path, calls: int, env: dict) -> dict:
    out = subprocess.run(
        [sys.executable, "bench/dashboard.py", "--data", str(data), "--repeat", str(calls), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serbu(data: Path, sessions: int, seconds: float, workers: int, env: dict, think: float = 0.0) -> dict:
    """`sessions` logged-in users clicking through views of random places for `seconds`
    against gunicorn with `workers` workers; every response checked. `think`: mean seconds a
    user looks at a view before the next click (0: click again at once, the worst case)."""
    env = dict(env, CAKUPAN_DATA_DIR=str(data))
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from akses import pengguna\n"
            f"pengguna.cari('bench.serbu') or pengguna.tambah('bench.serbu', sandi='{SANDI}')",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = _port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "wsgi:server",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/masuk", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        kode = kelurahan()
        kab = sorted({kode_wilayah.baca(k).awalan("kabkota").kode for k in kode})
        kec = sorted({kode_wilayah.baca(k).awalan("kecamatan").kode for k in kode})
        kec = [k for k in kec if kode_wilayah.baca("31.75").mencakup(kode_wilayah.baca(k))] or kec[:10]
        lat, errors, lock = {"burst": [], "steady": []}, [], threading.Lock()
        clock: dict[str, float] = {}

        def release():
            clock["began"] = time.perf_counter()
            clock["stop"] = clock["began"] + seconds

        # Every session logged in, then all click at t = 0.
        ready = threading.Barrier(sessions + 1, action=release, timeout=300)

        def user(n: int):
            rnd = random.Random(n)
            opener = _masuk(base)
            ready.wait()
            phase = "burst"  # each session's first view: the opening minute of a weekly review
            while time.perf_counter() < clock["stop"]:
                view = rnd.choice(["/", "/wilayah", "/rw100", "/unduh"])
                place = rnd.choice(kec if view == "/rw100" else kab)
                start = time.perf_counter()
                try:
                    if view == "/unduh":
                        body = opener.open(
                            f"{base}/unduh/coverage.csv?tingkat=kecamatan&wilayah={place}", timeout=60
                        ).read()
                        ok = body.startswith(b"tanggal_data,")
                    else:
                        request = urllib.request.Request(
                            base + "/_dash-update-component",
                            headers={"Content-Type": "application/json"},
                            data=json.dumps(_payload(view, place)).encode(),
                        )
                        ok = b"_pages_content" in opener.open(request, timeout=60).read()
                except OSError as e:
                    ok = False
                    with lock:
                        errors.append(repr(e)[:120])
                with lock:
                    lat[phase].append((time.perf_counter() - start) * 1000)
                    if not ok:
                        errors.append(view)
                phase = "steady"
                if think:
                    time.sleep(rnd.uniform(0, 2 * think))

        threads = [threading.Thread(target=user, args=(n,)) for n in range(sessions)]
        for th in threads:
            th.start()
        ready.wait()
        for th in threads:
            th.join()
        took = time.perf_counter() - clock["began"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = sorted(lat["burst"] + lat["steady"])
    return {
        "sessions": sessions,
        "workers": workers,
        "think_s": think,
        "seconds": round(took, 1),
        "requests": len(every),
        "rps": round(len(every) / took, 1),
        "median_ms": _kuantil(every, 0.5),
        "p95_ms": _kuantil(every, 0.95),
        "burst_requests": len(lat["burst"]),
        "burst_median_ms": _kuantil(lat["burst"], 0.5),
        "burst_p95_ms": _kuantil(lat["burst"], 0.95),
        "steady_median_ms": _kuantil(lat["steady"], 0.5),
        "steady_p95_ms": _kuantil(lat["steady"], 0.95),
        "errors": len(errors),
        "error_examples": errors[:3],
    }


def _kuantil(values: list[float], q: float) -> float | None:
    """The q-quantile (nearest rank below) in ms, rounded; None for no values."""
    values = sorted(values)
    return round(values[int(q * (len(values) - 1))], 1) if values else None


def _masuk(base: str):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    opener.addheaders.append(("Origin", base))  # a POST without its own origin is refused (server/masuk.py)
    csrf = re.search(r'name="csrf" value="([^"]+)"', opener.open(base + "/masuk").read().decode()).group(1)
    opener.open(base + "/masuk", urllib.parse.urlencode({"nama": "bench.serbu", "sandi": SANDI, "csrf": csrf}).encode())
    return opener


def _payload(path: str, wilayah: str) -> dict:
    from bench.dashboard import payload

    return payload(f"{path}?wilayah={wilayah}")


# --- the run ---------------------------------------------------------------------------


def ukur(juta: float, args, work: Path, env: dict) -> dict:
    rows = int(juta * 1_000_000)
    roster = work / f"roster-{juta:g}juta.csv"
    clock = time.perf_counter()
    tulis_roster(roster, rows)
    hasil = {
        "juta": juta,
        "rows": rows,
        "csv_mb": round(roster.stat().st_size / 1e6),
        "tulis_s": round(time.perf_counter() - clock, 1),
    }
    repeat = args.repeat if juta <= args.repeat_upto else 1
    floors, loads = [], []
    data = None
    for _run in range(repeat):
        floors.append(lantai(roster, work / "lantai.duckdb", env))
        if data:
            shutil.rmtree(data)
        data = work / f"data-{juta:g}"
        loads.append(muat(roster, data, "2024-01-30", env))
    f_wall, l_wall = statistics.median(w for w, _ in floors), statistics.median(w for w, _, _ in loads)
    summary = loads[-1][2]
    hasil.update(
        {
            "runs": repeat,
            "floor_s": round(f_wall, 2),
            "floor_gb": round(statistics.median(m for _, m in floors), 2),
            "load_s": round(l_wall, 2),
            "load_gb": round(statistics.median(m for _, m, _ in loads), 2),
            "ratio": round(l_wall / f_wall, 2),
            "rows_per_s": round(rows / l_wall),
            "roster_s": summary["phase_s"]["roster"],
            "rollups_s": summary["phase_s"]["rollups"],
            "persons": summary["persons"],
            "active": summary["active"],
        }
    )
    wall, peak, second = muat(roster, data, "2024-02-06", env)  # the weekly refresh
    warehouse_file = max(data.rglob("cakupan-*.duckdb"), key=lambda p: p.stat().st_mtime)
    hasil.update(
        {
            "refresh_s": round(wall, 2),
            "refresh_gb": round(peak, 2),
            "refresh_rollups_s": second["phase_s"]["rollups"],
            "warehouse_mb": round(warehouse_file.stat().st_size / 1e6),
        }
    )
    roster.unlink()
    hasil["callbacks"] = panggilan(data, args.calls, env)
    hasil["concurrency"] = serbu(data, args.sessions, args.seconds, args.workers, env)
    if args.think:
        hasil["concurrency_think"] = serbu(data, args.sessions, args.seconds, args.workers, env, args.think)
    if not args.keep:
        shutil.rmtree(data)
    return hasil


def cetak(results: list[dict]) -> None:
    print(f"\n# {platform.node()} · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d')}")
    print(
        "| juta rows | CSV MB | floor s | load s | ratio | juta rows/s | peak GB | roster s | rollups s | "
        "refresh s | warehouse MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['juta']:g} | {r['csv_mb']} | {r['floor_s']} | {r['load_s']} | {r['ratio']} | "
            f"{r['rows_per_s'] / 1e6:.2f} | {r['load_gb']} | {r['roster_s']} | {r['rollups_s']} | "
            f"{r['refresh_s']} | {r['warehouse_mb']} |"
        )
    names = list(results[0]["callbacks"])
    print("\n| callback (ms: median / p95 uncached) | " + " | ".join(f"{r['juta']:g} juta" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for name in names:
        print(
            f"| {name} | "
            + " | ".join(f"{r['callbacks'][name][0]} / {r['callbacks'][name][1]}" for r in results)
            + " |"
        )
    print("\n| concurrency | " + " | ".join(f"{r['juta']:g} juta" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for run in ("concurrency", "concurrency_think"):
        keys = ("sessions", "workers", "think_s", "requests", "rps", "median_ms", "p95_ms")
        phases = ("burst_median_ms", "burst_p95_ms", "steady_median_ms", "steady_p95_ms", "errors")
        for key in keys + phases:
            print(f"| {key} | " + " | ".join(str(r.get(run, {}).get(key, "-")) for r in results) + " |")


def main(argv: list[str] | None = None) -> list[dict]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1,5,20", help="roster sizes in juta rows, comma-separated (61 = national)")
    p.add_argument("--repeat", type=int, default=3, help="floor and load runs per size (medians)")
    p.add_argument("--repeat-upto", type=float, default=5, help="sizes above this many juta run once")
    p.add_argument("--calls", type=int, default=20, help="calls per callback for median and p95")
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    p.add_argument(
        "--think",
        type=float,
        default=3.0,
        help="also run the sessions with this mean think time between clicks (0: only without)",
    )
    p.add_argument("--serbu", help="only the concurrency run, on this existing data directory")
    p.add_argument("--work", help="scratch directory (default: a new one under /tmp); needs about 4x the CSV")
    p.add_argument("--keep", action="store_true", help="keep each size's data directory")
    p.add_argument("--out", default=str(ROOT / "bench" / "out" / "skala.json"))
    args = p.parse_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="cakupan-skala-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CAKUPAN_NIK_KEY="bench", CAKUPAN_SECRET_KEY="bench-skala")
    if args.serbu:
        hasil = [
            serbu(Path(args.serbu), args.sessions, args.seconds, args.workers, env, think)
            for think in dict.fromkeys([0.0, args.think])
        ]
        print(json.dumps(hasil, indent=1))
        return hasil
    results = []
    for juta in (float(x) for x in args.sizes.split(",")):
        print(f"... {juta:g} juta rows", file=sys.stderr, flush=True)
        results.append(ukur(juta, args, work, env))
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(
            json.dumps(
                {
                    "machine": platform.node(),
                    "cores": os.cpu_count(),
                    "date": time.strftime("%Y-%m-%d"),
                    "results": results,
                },
                indent=1,
            )
        )
    cetak(results)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return results


if __name__ == "__main__":
    main()
