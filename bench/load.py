"""Load benchmark: `python -m etl load` against DuckDB's own typed CSV read of the same file.

    python bench/load.py [--rows 1000000] [--repeat 3]
    python bench/load.py --xlsx --rows 100000 [--baseline OTHER_CHECKOUT]

Writes a synthetic roster (17 columns, about 150 bytes a row), then alternates runs of the
floor (CREATE TABLE AS SELECT * FROM read_csv(..., columns={typed}) into a new file) and of
the full load in fresh processes, and prints medians of wall time and peak memory.

With --xlsx the same roster is written as an XLSX workbook (one sheet, NIKs as text cells, as
an office keeps it) and the load of that workbook is timed in rows per second; --baseline
times another checkout's `python -m etl load` of the same file in the same run, run for run
in turn (e.g. `git worktree add /tmp/sebelum <commit>` for the figures before a change).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "nik,nama,kpj,tanggal_lahir,jenis_kelamin,segmen,program,pekerjaan,kode_wilayah,rw,rt,"
    "kantor_cabang,tanggal_daftar,status,bulan_iuran_terakhir,sumber_iuran,pekerja_rentan"
)
FLOOR_SQL = """
SET preserve_insertion_order = false;
CREATE TABLE r AS SELECT * FROM read_csv('{path}', header = true, delim = ',', columns = {{
 'nik': 'VARCHAR', 'nama': 'VARCHAR', 'kpj': 'VARCHAR', 'tanggal_lahir': 'DATE', 'jenis_kelamin': 'VARCHAR',
 'segmen': 'VARCHAR', 'program': 'VARCHAR', 'pekerjaan': 'VARCHAR', 'kode_wilayah': 'VARCHAR', 'rw': 'SMALLINT',
 'rt': 'SMALLINT', 'kantor_cabang': 'VARCHAR', 'tanggal_daftar': 'DATE', 'status': 'VARCHAR',
 'bulan_iuran_terakhir': 'VARCHAR', 'sumber_iuran': 'VARCHAR', 'pekerja_rentan': 'VARCHAR'}});
"""


def write_roster(path: Path, rows: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    kel = [f"31.75.0{k}.100{j}" for k in range(1, 8) for j in range(1, 8)] + ["32.01.01.2001", "36.01.01.2001"]
    segs = np.array(["PU", "BPU", "JAKON", "PMI"])
    with open(path, "w") as f:
        f.write(HEADER + "\n")
        for start in range(0, rows, 200_000):
            n = min(200_000, rows - start)
            i = np.arange(start, start + n)
            seg = segs[rng.integers(0, 4, n)]
            k = rng.integers(0, len(kel), n)
            month = np.where(rng.random(n) < 0.7, "2024-02", "2023-06")
            lines = [
                f"{3175000000000000 + a},Nama Peserta {a},KPJ{a:09d},1990-01-15,L,{s},JKK+JKM,Pengemudi ojol,"
                f"{kel[b]},{a % 12 + 1},{a % 9 + 1},Jakarta Rawamangun,2023-01-10,AKTIF,{m},MANDIRI,N\n"
                for a, s, b, m in zip(i.tolist(), seg.tolist(), k.tolist(), month.tolist())
            ]
            f.writelines(lines)


def write_xlsx(csv_path: Path, path: Path) -> None:
    """The CSV roster as one XLSX sheet of text cells (openpyxl's streaming writer)."""
    import csv

    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Peserta")
    with open(csv_path, newline="") as f:
        for row in csv.reader(f):
            sheet.append(row)
    book.save(path)


def xlsx_main(args, work: Path, roster: Path, env: dict) -> None:
    workbook = work / "roster.xlsx"
    write_xlsx(roster, workbook)
    checkouts = {"load": ROOT, **({"baseline": Path(args.baseline).resolve()} if args.baseline else {})}
    times = {name: [] for name in checkouts}
    for run in range(args.repeat):
        for name, checkout in checkouts.items():
            env_run = dict(env, CAKUPAN_DATA_DIR=str(work / f"{name}{run}"))
            times[name].append(
                timed(
                    [sys.executable, "-m", "etl", "load", str(workbook), "--as-of", "2024-02-06"], env_run, cwd=checkout
                )
            )
    print(f"XLSX rows {args.rows:,}  file {workbook.stat().st_size / 1e6:.1f} MB  runs {args.repeat} (medians)")
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        print(
            f"{name:9} {wall:6.2f} s  {args.rows / wall:,.0f} rows/s  peak {statistics.median(m for _, m in runs):.2f} GB"
            f"  ({checkouts[name]})"
        )
    if args.baseline:
        ratio = statistics.median(b[0] / a[0] for a, b in zip(times["load"], times["baseline"]))
        print(f"speed-up {ratio:.1f}x (median of paired runs: baseline time / this checkout's time)")


def timed(cmd: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and the child's peak memory (GB)."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{cmd} failed: {process.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--xlsx", action="store_true", help="time the load of the roster as an XLSX workbook")
    parser.add_argument("--baseline", help="another checkout to time in the same run (with --xlsx)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cakupan-bench-"))
    roster = work / "roster.csv"
    write_roster(roster, args.rows)
    size_mb = roster.stat().st_size / 1e6
    env = dict(os.environ, CAKUPAN_NIK_KEY="bench")
    if args.xlsx:
        return xlsx_main(args, work, roster, env)
    floor, load = [], []
    for run in range(args.repeat):
        db = work / f"floor{run}.duckdb"
        sql = FLOOR_SQL.format(path=roster)
        floor.append(timed([sys.executable, "-c", f"import duckdb; duckdb.connect('{db}').execute('''{sql}''')"], env))
        env_run = dict(env, CAKUPAN_DATA_DIR=str(work / f"data{run}"))
        subprocess.run(
            [sys.executable, "-c", "from etl import build; build.ensure_exists()"], env=env_run, cwd=ROOT, check=True
        )
        load.append(timed([sys.executable, "-m", "etl", "load", str(roster), "--as-of", "2024-02-06"], env_run))
    f_wall = statistics.median(w for w, _ in floor)
    l_wall = statistics.median(w for w, _ in load)
    print(f"rows {args.rows:,}  file {size_mb:.0f} MB  runs {args.repeat} (medians)")
    print(
        f"floor  {f_wall:6.2f} s  {args.rows / f_wall / 1e6:.2f} juta rows/s  peak {statistics.median(m for _, m in floor):.2f} GB"
    )
    print(
        f"load   {l_wall:6.2f} s  {args.rows / l_wall / 1e6:.2f} juta rows/s  peak {statistics.median(m for _, m in load):.2f} GB"
    )
    print(f"ratio  {l_wall / f_wall:.2f}x the floor")


if __name__ == "__main__":
    main()
