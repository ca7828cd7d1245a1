"""Load benchmark: `python -m etl load` against DuckDB's own typed CSV read of the same file.

    python bench/load.py [--rows 1000000] [--repeat 3] [--baseline OTHER_CHECKOUT]
    python bench/load.py --xlsx --rows 100000 [--baseline OTHER_CHECKOUT]
    python bench/load.py --minggu 12 --baris 300000 [--churn 0.02] [--baseline OTHER_CHECKOUT]

Writes a synthetic roster with varied values in every column (17 columns, about 200 bytes a
row), then alternates, in fresh processes: the floor (CREATE TABLE AS SELECT * FROM
read_csv(..., columns={typed}) into a new file), the contract floor (the same read, the keyed
hash of the NIK and one row per person, in issue 33's order and in the order before) and the full
load; prints medians of wall time and
peak memory, each as a multiple of the floor measured in the same run. Time is wall time and CPU
time (user + sys of every thread of the process and what it waited for, from wait4): on a busy
machine the CPU ratio holds where the wall ratio does not.

With --xlsx the same roster is written as an XLSX workbook (one sheet, NIKs as text cells, as
an office keeps it) and the load of that workbook is timed in rows per second; --baseline
times another checkout's `python -m etl load` of the same file in the same run, run for run
in turn (e.g. `git worktree add /tmp/sebelum <commit>` for the figures before a change).

With --minggu N the history of N weekly loads into one data folder: week w's roster keeps the
persons of week w-1 but a --churn share (2 %: the first ones leave, as many new NIKs join; a
person keeps their kelurahan, RW and RT, every other column is drawn again), loaded as of a date 7 days after the last. Each load's wall and CPU
time, peak memory and bytes written (ru_oublock, Linux: what the load made the kernel write, the
copy of the served build included), its floor's CPU, and the data folder's disk use after it;
with --baseline, the other checkout loads the same rosters into a folder of its own, in turn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "nik,nama,kpj,tanggal_lahir,jenis_kelamin,segmen,program,pekerjaan,kode_wilayah,rw,rt,"
    "kantor_cabang,tanggal_daftar,status,bulan_iuran_terakhir,sumber_iuran,pekerja_rentan"
)
FLOOR_SQL = """
SET preserve_insertion_order = false;
CREATE TABLE r AS SELECT * FROM read_csv('{path}', header = true, delim = ',', columns = {{
 'nik': 'VARCHAR', 'nama': 'VARCHAR', 'kpj': 'VARCHAR', 'tanggal_lahir': 'VARCHAR', 'jenis_kelamin': 'VARCHAR',
 'segmen': 'VARCHAR', 'program': 'VARCHAR', 'pekerjaan': 'VARCHAR', 'kode_wilayah': 'VARCHAR', 'rw': 'SMALLINT',
 'rt': 'SMALLINT', 'kantor_cabang': 'VARCHAR', 'tanggal_daftar': 'DATE', 'status': 'VARCHAR',
 'bulan_iuran_terakhir': 'VARCHAR', 'sumber_iuran': 'VARCHAR', 'pekerja_rentan': 'VARCHAR'}});
"""


PEKERJAAN = [
    "Pengemudi ojol",
    "Pedagang",
    "Petani",
    "Nelayan",
    "Buruh harian",
    "Tukang bangunan",
    "Penjahit",
    "Guru honorer",
    "Perangkat desa",
    "Kader posyandu",
    "Pemulung",
    "Montir",
    "Pekerja rumah tangga",
    "Penarik becak",
    "Juru parkir",
    "Peternak",
    "Pengrajin",
    "Karyawan swasta",
    "Satpam",
    "Kurir",
]
PROGRAM = ["JKK+JKM", "JKK,JKM,JHT", "JKK;JKM;JHT;JP", "JKK JKM JHT JP JKP", "JKK/JKM", "jkk+jkm+jht"]
SEGMEN = ["PU", "BPU", "Penerima Upah", "Bukan Penerima Upah", "JAKON", "PMI", "bpu", "P.U"]
SUMBER = ["MANDIRI", "PEMBERI_KERJA", "APBD", "CSR", "Lainnya", "pemberi kerja", ""]
STATUS = ["AKTIF", "NONAKTIF", "Aktif", "Tidak Aktif", ""]
RENTAN = ["Y", "N", "ya", "tidak", ""]


# The contract's floor: the typed read, the keyed hash of the NIK (HMAC's two SHA-256) and one
# row per person, the least any loader keeping the contract's promises must do. In the order of
# issue 33: one row per person on the NIK as a number (a window over the repeated NIKs only),
# then the hash of the persons kept.
CONTRACT_SQL = """
SET preserve_insertion_order = false;
CREATE TEMP TABLE r AS SELECT nik::BIGINT AS nik, * EXCLUDE (nik, nama)
FROM read_csv('{path}', header = true, delim = ',', columns = {{
 'nik': 'VARCHAR', 'nama': 'VARCHAR', 'kpj': 'VARCHAR', 'tanggal_lahir': 'VARCHAR', 'jenis_kelamin': 'VARCHAR',
 'segmen': 'VARCHAR', 'program': 'VARCHAR', 'pekerjaan': 'VARCHAR', 'kode_wilayah': 'VARCHAR', 'rw': 'SMALLINT',
 'rt': 'SMALLINT', 'kantor_cabang': 'VARCHAR', 'tanggal_daftar': 'DATE', 'status': 'VARCHAR',
 'bulan_iuran_terakhir': 'VARCHAR', 'sumber_iuran': 'VARCHAR', 'pekerja_rentan': 'VARCHAR'}});
CREATE TABLE p AS
WITH ganda AS (SELECT nik FROM r GROUP BY nik HAVING count(*) > 1)
SELECT sha256('o' || unhex(sha256('i' || lpad(nik::VARCHAR, 16, '0')))) AS nik_hash, * EXCLUDE (nik)
FROM (
    SELECT * FROM r ANTI JOIN ganda USING (nik)
    UNION ALL
    SELECT * FROM r SEMI JOIN ganda USING (nik) QUALIFY row_number() OVER (PARTITION BY nik ORDER BY tanggal_daftar DESC) = 1
);
"""
# The same floor in the order before issue 33: the hash of every row, then a window over all rows.
CONTRACT_PER_ROW_SQL = """
SET preserve_insertion_order = false;
CREATE TABLE p AS
SELECT sha256('o' || unhex(sha256('i' || nik))) AS nik_hash, * EXCLUDE (nik, nama)
FROM read_csv('{path}', header = true, delim = ',', columns = {{
 'nik': 'VARCHAR', 'nama': 'VARCHAR', 'kpj': 'VARCHAR', 'tanggal_lahir': 'VARCHAR', 'jenis_kelamin': 'VARCHAR',
 'segmen': 'VARCHAR', 'program': 'VARCHAR', 'pekerjaan': 'VARCHAR', 'kode_wilayah': 'VARCHAR', 'rw': 'SMALLINT',
 'rt': 'SMALLINT', 'kantor_cabang': 'VARCHAR', 'tanggal_daftar': 'DATE', 'status': 'VARCHAR',
 'bulan_iuran_terakhir': 'VARCHAR', 'sumber_iuran': 'VARCHAR', 'pekerja_rentan': 'VARCHAR'}})
QUALIFY row_number() OVER (PARTITION BY nik ORDER BY tanggal_daftar DESC) = 1;
"""


def write_roster(path: Path, rows: int, seed: int = 1, first: int = 0, tempat_tetap: bool = False) -> None:
    """A roster with varied values in every column, as offices send them: NIKs of 16 digits (3 %
    repeated: persons on two rows), real kelurahan codes written with and without dots, dates in
    the contract's forms, programme lists with every separator, words in mixed case. A constant
    column would let DuckDB clean it once per batch and flatter the load. Persons are numbered
    from `first` (the weekly history shifts it to let some leave and others join). tempat_tetap: a
    person's kelurahan, RW and RT follow from their number, so they live in the same place every
    week, as people do (drawn again each week, every RW of a kelurahan turned up in a four-week
    window: a million RWs' stored answers at 300 ribu rows)."""
    sys.path.insert(0, str(ROOT))
    import kode_wilayah
    from etl import regions

    ref = regions.reference_table()
    kel = np.array([k for k, t in zip(ref["kode"].to_pylist(), ref["tingkat"].to_pylist()) if t == 4])
    rng = np.random.default_rng(seed)
    # A branch serves whole kabupaten/kota (about 325 branches for 514 of them), as in the agency.
    kota = {k: kode_wilayah.baca(k).awalan("kabkota").kode for k in kel.tolist()}
    digit = {k: kode_wilayah.baca(k).digit for k in kel.tolist()}
    cabang_kabkota = {k: f"Kantor Cabang {zlib.crc32(k.encode()) % 325 + 1}" for k in sorted(set(kota.values()))}
    with open(path, "w") as f:
        f.write(HEADER + "\n")
        for start in range(0, rows, 200_000):
            n = min(200_000, rows - start)
            i = np.arange(start, start + n) + first
            nik = (
                np.where(rng.random(n) < 0.03, rng.integers(first, first + max(1, start + n), n), i) + 3100000000000000
            )
            kode = kel[rng.integers(0, len(kel), n)]
            rw, rt = rng.integers(1, 25, n), rng.integers(1, 15, n)
            if tempat_tetap:  # Knuth's multiplicative hash of the person's number
                h = (i.astype(np.uint64) * np.uint64(2654435761)) % np.uint64(2**32)
                kode = kel[(h % np.uint64(len(kel))).astype(np.int64)]
                rw = (1 + (h >> np.uint64(8)) % np.uint64(24)).astype(np.int64)
                rt = (1 + (h >> np.uint64(16)) % np.uint64(14)).astype(np.int64)
            polos = rng.random(n) < 0.2  # a fifth of the codes typed without dots
            lahir = rng.integers(0, 20_000, n)
            daftar = rng.integers(0, 3_000, n)
            cols = [
                nik.tolist(),
                [f"Peserta {a}" for a in i.tolist()],
                [f"KPJ{a:09d}" for a in rng.integers(0, 10**9, n).tolist()],
                [
                    str(np.datetime64("1950-01-01") + int(d))
                    if d % 3
                    else (np.datetime64("1950-01-01") + int(d)).astype(object).strftime("%d/%m/%Y")
                    for d in lahir.tolist()
                ],
                rng.choice(["L", "P", "Laki-laki", "Perempuan"], n).tolist(),
                rng.choice(SEGMEN, n).tolist(),
                [f'"{v}"' for v in rng.choice(PROGRAM, n).tolist()],  # quoted: a list may use commas
                rng.choice(PEKERJAAN, n).tolist(),
                [digit[k] if p else k for k, p in zip(kode.tolist(), polos.tolist())],
                rw.tolist(),
                rt.tolist(),
                [cabang_kabkota[kota[k]] for k in kode.tolist()],
                [str(np.datetime64("2016-01-01") + int(d)) for d in daftar.tolist()],
                rng.choice(STATUS, n).tolist(),
                [f"{y}-{m:02d}" for y, m in zip(rng.integers(2022, 2025, n).tolist(), rng.integers(1, 13, n).tolist())],
                rng.choice(SUMBER, n).tolist(),
                rng.choice(RENTAN, n).tolist(),
            ]
            f.writelines(",".join(map(str, row)) + "\n" for row in zip(*cols))


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
        wall = statistics.median(r.wall for r in runs)
        print(
            f"{name:9} {wall:6.2f} s  cpu {statistics.median(r.cpu for r in runs):6.2f} s  {args.rows / wall:,.0f} rows/s"
            f"  peak {statistics.median(r.peak_gb for r in runs):.2f} GB  ({checkouts[name]})"
        )
    if args.baseline:
        paired(times["load"], times["baseline"])


def paired(runs: list, baseline: list) -> None:
    """Prints the median of paired ratios, baseline over this checkout, in wall and in CPU time."""
    wall = statistics.median(b.wall / a.wall for a, b in zip(runs, baseline))
    cpu = statistics.median(b.cpu / a.cpu for a, b in zip(runs, baseline))
    print(f"speed-up {wall:.2f}x wall, {cpu:.2f}x cpu (median of paired runs: baseline / this checkout)")


class Run(NamedTuple):
    """One timed process: wall and CPU seconds (user + sys, all threads and waited-for children),
    peak memory (GB) and bytes it made the kernel write (ru_oublock x 512, Linux)."""

    wall: float
    cpu: float
    peak_gb: float
    written: int


def timed(cmd: list[str], env: dict, cwd: Path = ROOT) -> Run:
    """Run `cmd` to its end and measure it (os.wait4's rusage is the child's own). Raises
    SystemExit with its stderr when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{cmd} failed: {process.stderr.read().decode()}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1e6, usage.ru_oublock * 512)


def disk_use(folder: Path) -> int:
    """Bytes the files under `folder` take on disk (allocated blocks, as du counts them)."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if not p.is_symlink() and p.is_file())


def floor_cmd(roster: Path, db: Path, template: str = FLOOR_SQL) -> list[str]:
    """The command that runs a floor's SQL on `roster` into a new DuckDB file `db`."""
    sql = template.format(path=roster)
    return [sys.executable, "-c", f"import duckdb; duckdb.connect('{db}').execute('''{sql}''')"]


def prepare(env: dict, checkout: Path = ROOT) -> None:
    """An empty warehouse in env's CAKUPAN_DATA_DIR, so the timed load is the load alone."""
    subprocess.run(
        [sys.executable, "-c", "from etl import build; build.ensure_exists()"], env=env, cwd=checkout, check=True
    )


def weekly_main(args, work: Path, env: dict) -> list[dict]:
    """N weekly loads with churn into one data folder (and, with --baseline, the same rosters into
    a second folder by the other checkout, in turn each week); prints a row per week and checkout
    and returns them (key `checkout`: 'load' or 'baseline')."""
    checkouts = {"load": ROOT, **({"baseline": Path(args.baseline).resolve()} if args.baseline else {})}
    envs = {name: dict(env, CAKUPAN_DATA_DIR=str(work / f"data-{name}")) for name in checkouts}
    for name, checkout in checkouts.items():
        prepare(envs[name], checkout)
    leave = int(args.rows * args.churn)
    weeks = []
    print(f"weekly loads {args.minggu}  rows {args.rows:,}  churn {args.churn:.0%} a week")
    print("checkout  week  as of        load s  cpu s  floor cpu s  cpu ratio  peak GB  written MB  disk MB")
    for week in range(args.minggu):
        roster = work / f"minggu{week}.csv"
        write_roster(roster, args.rows, seed=week + 1, first=week * leave, tempat_tetap=True)
        as_of = dt.date(2024, 2, 6) + dt.timedelta(days=7 * week)
        floor = timed(floor_cmd(roster, work / f"floor{week}.duckdb"), env)
        (work / f"floor{week}.duckdb").unlink()
        for name, checkout in checkouts.items():
            command = [sys.executable, "-m", "etl", "load", str(roster), "--as-of", as_of.isoformat()]
            load = timed(command, envs[name], cwd=checkout)
            row = {"checkout": name, "week": week + 1, "as_of": as_of.isoformat(), **load._asdict()}
            row.update(floor_cpu=floor.cpu, disk=disk_use(Path(envs[name]["CAKUPAN_DATA_DIR"])))
            weeks.append(row)
            print(
                f"{name:8}  {week + 1:4}  {as_of}  {load.wall:6.1f}  {load.cpu:5.1f}  {floor.cpu:11.1f}"
                f"  {load.cpu / floor.cpu:8.2f}x  {load.peak_gb:7.2f}  {load.written / 1e6:10.1f}  {row['disk'] / 1e6:7.1f}"
            )
        roster.unlink()
    return weeks


def main(argv: list[str] | None = None):
    """Parses `argv` (the command line's by default), runs the chosen benchmark and returns its
    measurements (the weekly rows, or each name's runs)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", "--baris", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--xlsx", action="store_true", help="time the load of the roster as an XLSX workbook")
    parser.add_argument("--baseline", help="another checkout whose load is timed in the same run, run for run")
    parser.add_argument("--minggu", type=int, help="N weekly loads with churn into one data folder")
    parser.add_argument("--churn", type=float, default=0.02, help="share of persons replaced each week")
    parser.add_argument("--work", help="folder for the rosters and data (default: a new temporary one)")
    args = parser.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="cakupan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CAKUPAN_NIK_KEY="bench")
    if args.minggu:
        return weekly_main(args, work, env)
    roster = work / "roster.csv"
    write_roster(roster, args.rows)
    size_mb = roster.stat().st_size / 1e6
    if args.xlsx:
        return xlsx_main(args, work, roster, env)
    runs = {
        "floor": [],
        "contract": [],
        "contract_per_row": [],
        "load": [],
        **({"baseline": []} if args.baseline else {}),
    }
    checkouts = {"load": ROOT, **({"baseline": Path(args.baseline).resolve()} if args.baseline else {})}
    for run in range(args.repeat):
        floors = (("floor", FLOOR_SQL), ("contract", CONTRACT_SQL), ("contract_per_row", CONTRACT_PER_ROW_SQL))
        for name, template in floors:
            runs[name].append(timed(floor_cmd(roster, work / f"{name}{run}.duckdb", template), env))
        for name, checkout in checkouts.items():
            env_run = dict(env, CAKUPAN_DATA_DIR=str(work / f"{name}{run}"))
            prepare(env_run, checkout)
            load = [sys.executable, "-m", "etl", "load", str(roster), "--as-of", "2024-02-06"]
            runs[name].append(timed(load, env_run, cwd=checkout))
    print(
        f"rows {args.rows:,}  file {size_mb:.0f} MB  runs {args.repeat} (medians; ratios to the floor of the same run)"
    )
    print("name                wall s  cpu s  juta rows/s  peak GB  wall ratio  cpu ratio")
    for name, r in runs.items():
        wall = statistics.median(x.wall / f.wall for x, f in zip(r, runs["floor"]))
        cpu = statistics.median(x.cpu / f.cpu for x, f in zip(r, runs["floor"]))
        w = statistics.median(x.wall for x in r)
        print(
            f"{name:17} {w:8.2f}  {statistics.median(x.cpu for x in r):5.2f}  {args.rows / w / 1e6:11.2f}"
            f"  {statistics.median(x.peak_gb for x in r):7.2f}  {wall:9.2f}x  {cpu:8.2f}x"
        )
    if args.baseline:
        paired(runs["load"], runs["baseline"])
    return runs


if __name__ == "__main__":
    main()
