"""Load benchmark: `python -m etl load` against DuckDB's own typed CSV read of the same file.

    python bench/load.py [--rows 1000000] [--repeat 3]

Writes a synthetic roster (17 columns, about 150 bytes a row), then alternates runs of the
floor (CREATE TABLE AS SELECT * FROM read_csv(..., columns={typed}) into a new file) and of
the full load in fresh processes, and prints medians of wall time and peak memory.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
HEADER = ("nik,nama,kpj,tanggal_lahir,jenis_kelamin,segmen,program,pekerjaan,kode_wilayah,rw,rt,"
          "kantor_cabang,tanggal_daftar,status,bulan_iuran_terakhir,sumber_iuran,pekerja_rentan")
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
            lines = [f"{3175000000000000 + a},Nama Peserta {a},KPJ{a:09d},1990-01-15,L,{s},JKK+JKM,Pengemudi ojol,"
                     f"{kel[b]},{a % 12 + 1},{a % 9 + 1},Jakarta Rawamangun,2023-01-10,AKTIF,{m},MANDIRI,N\n"
                     for a, s, b, m in zip(i.tolist(), seg.tolist(), k.tolist(), month.tolist())]
            f.writelines(lines)


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and the child's peak memory (GB)."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{cmd} failed: {process.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cakupan-bench-"))
    roster = work / "roster.csv"
    write_roster(roster, args.rows)
    size_mb = roster.stat().st_size / 1e6
    env = dict(os.environ, CAKUPAN_NIK_KEY="bench")
    floor, load = [], []
    for run in range(args.repeat):
        db = work / f"floor{run}.duckdb"
        sql = FLOOR_SQL.format(path=roster)
        floor.append(timed([sys.executable, "-c", f"import duckdb; duckdb.connect('{db}').execute('''{sql}''')"], env))
        env_run = dict(env, CAKUPAN_DATA_DIR=str(work / f"data{run}"))
        subprocess.run([sys.executable, "-c", "from etl import build; build.ensure_exists()"], env=env_run, cwd=ROOT, check=True)
        load.append(timed([sys.executable, "-m", "etl", "load", str(roster), "--as-of", "2024-02-06"], env_run))
    f_wall = statistics.median(w for w, _ in floor)
    l_wall = statistics.median(w for w, _ in load)
    print(f"rows {args.rows:,}  file {size_mb:.0f} MB  runs {args.repeat} (medians)")
    print(f"floor  {f_wall:6.2f} s  {args.rows / f_wall / 1e6:.2f} juta rows/s  peak {statistics.median(m for _, m in floor):.2f} GB")
    print(f"load   {l_wall:6.2f} s  {args.rows / l_wall / 1e6:.2f} juta rows/s  peak {statistics.median(m for _, m in load):.2f} GB")
    print(f"ratio  {l_wall / f_wall:.2f}x the floor")


if __name__ == "__main__":
    main()
