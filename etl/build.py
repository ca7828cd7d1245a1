"""Loads as whole warehouse builds: everything a load changes is served at once, or not at all."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import kode_wilayah
import settings
import warehouse
from etl import alasan, peta, reference, regions, roster, sqlfiles, tabular
from isian import pembagian
from jejak import audit
from warehouse import partisi

SCHEMA_VERSION = 3  # 2: ringkas_rw by segmen and programme, referensi_pekerja; 3: history in Parquet partitions


def _prepare(con, is_new: bool) -> None:
    if is_new:
        sqlfiles.run(con, "schema.sql")
        con.execute("INSERT INTO versi_skema VALUES (?)", [SCHEMA_VERSION]).fetchall()
        partisi.pasang_semua(con)
        regions.load(con)
    else:
        version = _version(lambda sql: con.execute(sql).fetchall())
        if version not in (2, SCHEMA_VERSION):
            raise tabular.LoadError(outdated_message(version))
        sqlfiles.run(con, "schema.sql")  # IF NOT EXISTS: what was added since (kerangka, ringkas_jatuh_tempo)
        if version == 2:
            _history_to_partitions(con)
        partisi.pasang_semua(con)  # the views read this data folder's files, wherever it now is
    sqlfiles.run(con, kode_wilayah.BERKAS_SQL)  # the code rules, which macros.sql and the loads use
    sqlfiles.run(con, "macros.sql")
    sqlfiles.run(con, "peta_skema.sql")  # IF NOT EXISTS: older warehouses get it here
    _write_splits(con)
    _write_words(con)
    regions.load_old_codes(con)


def _history_to_partitions(con) -> None:
    """A warehouse of schema 2 kept its history in the build file: each snapshot of each history
    table becomes its partition (warehouse/partisi.py), in this build only, so a failure leaves the
    served one as it was. The numbers do not change; the next load copies a small file. Needs
    schema.sql's kerangka and partisi (run by _prepare before)."""
    for tabel in partisi.TABEL:
        if not warehouse.has_table(con, tabel):
            continue  # a history table schema 2 did not have (ringkas_jatuh_tempo): filled by _due_rollups
        con.execute(f"ALTER TABLE main.{tabel} RENAME TO {tabel}_lama").fetchall()
        dates = con.execute(f"SELECT DISTINCT tanggal_data FROM {tabel}_lama ORDER BY 1").fetchall()
        for (tanggal,) in dates:
            partisi.simpan(con, tabel, tanggal, f"SELECT * FROM {tabel}_lama")
        con.execute(f"DROP TABLE {tabel}_lama").fetchall()
    partisi.padatkan(con)
    con.execute("UPDATE versi_skema SET versi = ?", [SCHEMA_VERSION]).fetchall()


def _write_splits(con) -> None:
    """The derived targets of the active target splits (isian/pembagian.py), rewritten with each
    build: a split saved on the dashboard is served from the next build on."""
    sqlfiles.run(con, "target_turunan.sql")
    rows = pembagian.baris_berlaku()
    if rows:
        con.executemany("INSERT INTO target_turunan VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _write_words(con) -> None:
    """The words of every reason and flag code (etl/alasan.py), rewritten with each build so the
    Data page reads the current ones."""
    con.execute(
        "CREATE OR REPLACE TABLE kamus_kode (jenis_berkas VARCHAR, kode VARCHAR, golongan VARCHAR, "
        "teks_id VARCHAR, teks_en VARCHAR)"
    ).fetchall()
    con.executemany("INSERT INTO kamus_kode VALUES (?, ?, ?, ?, ?)", alasan.rows())


def _version(fetch) -> int:
    """The schema version of a warehouse; fetch runs one SQL statement and returns its rows."""
    if not fetch("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'versi_skema'")[0][0]:
        return 1
    return fetch("SELECT max(versi) FROM versi_skema")[0][0]


def outdated_message(version: int) -> str:
    return (
        f"Gudang data {warehouse.current_path()} dibuat oleh versi lama Cakupan (skema {version}, "
        f"kini {SCHEMA_VERSION}). Pindahkan folder {warehouse.builds_dir()} ke tempat lain, "
        "lalu muat ulang snapshot, target dan referensi."
    )


def served_version() -> int | None:
    """The schema version of the served warehouse; None before the first build."""
    if warehouse.current_path() is None:
        return None
    return _version(warehouse.rows)


def _record(con, summary: dict, started: dt.datetime, seconds: float) -> None:
    next_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM riwayat_muat").fetchone()[0]
    con.execute(
        "INSERT INTO riwayat_muat VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            next_id,
            summary["kind"],
            summary.get("as_of"),
            started,
            seconds,
            _who(),
            summary["read"],
            summary["loaded"],
            summary["rejected"],
            json.dumps(summary),
        ],
    ).fetchall()


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "tidak diketahui"


def _refresh_rollups(con, as_of: dt.date) -> None:
    """Rollups of this snapshot, and of the next one, whose previous snapshot may have changed."""
    snapshots = con.execute("SELECT tanggal_data, ada_rincian FROM snapshot ORDER BY 1").fetchall()
    dates = [d for d, _ in snapshots]
    detailed = {d for d, kept in snapshots if kept}
    i = dates.index(as_of)
    for j in (i, i + 1):
        if j >= len(dates) or dates[j] not in detailed:
            continue
        previous = dates[j - 1] if j > 0 and dates[j - 1] in detailed else None
        sqlfiles.run(con, "ringkas.sql", {"tanggal": dates[j], "sebelumnya": previous})
        sqlfiles.run(con, "ringkas_jatuh_tempo.sql", {"tanggal": dates[j], "grace": settings.grace_months()})
        for tabel in partisi.RINGKAS:
            _store_result(con, tabel, dates[j])
        con.execute(
            "UPDATE snapshot SET ada_arus = ? WHERE tanggal_data = ?", [previous is not None, dates[j]]
        ).fetchall()


def _due_rollups(con) -> None:
    """ringkas_jatuh_tempo of every snapshot whose persons are kept and that has none yet: a
    warehouse built before the table existed gets it for its recent snapshots on its next load
    (older ones stay unknown: the builder reads NULL, not 0)."""
    missing = con.execute(
        "SELECT tanggal_data FROM snapshot WHERE ada_rincian AND tanggal_data NOT IN "
        "(SELECT tanggal_data FROM ringkas_jatuh_tempo) ORDER BY 1"
    ).fetchall()
    for (tanggal,) in missing:
        sqlfiles.run(con, "ringkas_jatuh_tempo.sql", {"tanggal": tanggal, "grace": settings.grace_months()})
        _store_result(con, "ringkas_jatuh_tempo", tanggal)


def _store_result(con, tabel: str, tanggal: dt.date) -> None:
    """A model's rows of one snapshot (temp table hasil_<tabel>, e.g. ringkas.sql's) stored as that
    snapshot's partition of `tabel`, then dropped."""
    partisi.simpan(con, tabel, tanggal, f"SELECT * FROM hasil_{tabel}")
    con.execute(f"DROP TABLE hasil_{tabel}").fetchall()


def _keep_recent_detail(con) -> None:
    """Person rows only for the newest snapshots (their partitions leave the build's list); older
    ones keep their rollups, compacted past the newest CAKUPAN_RINGKAS_MINGGUAN (warehouse/partisi.py)."""
    newest = "(SELECT tanggal_data FROM snapshot ORDER BY tanggal_data DESC LIMIT $n)"
    partisi.simpan_terbaru(con, "peserta", settings.detail_snapshots())
    partisi.padatkan(con)
    con.execute(
        f"UPDATE snapshot SET ada_rincian = ada_rincian AND tanggal_data IN {newest}",
        {"n": settings.detail_snapshots()},
    ).fetchall()


def _load_snapshot(con, paths: list[Path], as_of: dt.date, workdir: Path, progress: bool) -> dict:
    clock = time.perf_counter()
    summary = roster.load(con, paths, as_of, workdir, progress)
    con.execute(
        "INSERT OR REPLACE INTO snapshot VALUES (?, now()::TIMESTAMP, ?, ?, true, false)",
        [as_of, summary["persons"], summary["active"]],
    ).fetchall()
    roster_s = time.perf_counter() - clock
    _refresh_rollups(con, as_of)
    summary["phase_s"] = {"roster": round(roster_s, 3), "rollups": round(time.perf_counter() - clock - roster_s, 3)}
    return summary


def load_snapshots(
    snapshots: list[tuple[list[Path], dt.date]], progress: bool = False, references: Sequence[tuple[str, Path]] = ()
) -> list[dict]:
    """Load one or more snapshots (files, as-of date) in a single build; returns their summaries,
    the snapshots' then the references'.

    references, (kind, path) as load_reference takes them, join the same build after the
    snapshots: the demo's targets and references then cost no builds and stored answers of their
    own (three builds took about 1,5 minutes on a busy 2-core machine, issue 32, item 7).
    Raises LoadError (nothing changes) for an as-of date after today, or a file that cannot load."""
    for _paths, as_of in snapshots:
        check_as_of(as_of)
    summaries = []
    files = [str(p) for paths, _ in snapshots for p in paths] + [str(p) for _, p in references]
    with (
        _diaudit("peserta", files),
        warehouse.build() as (con, is_new, workdir),
    ):
        _prepare(con, is_new)
        urut = sorted(snapshots, key=lambda s: s[1])
        for i, (paths, as_of) in enumerate(urut, start=1):
            started, clock = dt.datetime.now(), time.perf_counter()
            summary = _load_snapshot(con, [Path(p) for p in paths], as_of, workdir, progress)
            summary["duration_s"] = round(time.perf_counter() - clock, 3)
            _record(con, summary, started, summary["duration_s"])
            summaries.append(summary)
            dimuat = f"{summary['loaded']:,}".replace(",", ".")
            _kabar(
                progress,
                f"  {i}/{len(urut)} data per {as_of.isoformat()}: {dimuat} baris dimuat, {summary['duration_s']:.0f} s",
            )
        _due_rollups(con)
        _keep_recent_detail(con)
        for i, (kind, path) in enumerate(references, start=1):
            _kabar(progress, f"  {i}/{len(references)} {_NAMA_REFERENSI[kind]}: {Path(path).name}")
            summaries.append(_load_reference(con, kind, Path(path), workdir))
        _kabar(progress, "  menyimpan jawaban halaman dan ringkasan untuk dasbor...")
    for summary in summaries:
        _audit_muat(summary)
    return summaries


def _kabar(progress: bool, teks: str) -> None:
    """A line of progress on stderr for the one who waits (the demo build, `python -m etl load`)."""
    if progress:
        print(teks, file=sys.stderr, flush=True)


def check_as_of(as_of: dt.date) -> None:
    """An as-of date is the day the data describes: never after today (it would become every
    page's default snapshot and count future contributions as paid)."""
    today = dt.date.today()
    if as_of > today:
        raise tabular.LoadError(
            f"tanggal data --as-of {as_of.isoformat()} sesudah hari ini ({today.isoformat()}). "
            "Pakai tanggal data yang sebenarnya, biasanya tanggal ekstrak daftar peserta."
        )


@contextlib.contextmanager
def _diaudit(kind: str, files: list[str]):
    """A failed load is on the audit trail too (the previous data keeps serving)."""
    try:
        yield
    except Exception as e:
        audit.catat(
            "muat_gagal", _who(), "ID", jenis=kind, berkas=[Path(f).name for f in files], alasan=type(e).__name__
        )
        raise


def _audit_muat(summary: dict) -> None:
    audit.catat(
        "muat",
        _who(),
        "ID",
        jenis=summary["kind"],
        tanggal_data=summary.get("as_of"),
        berkas=[Path(f["path"]).name for f in summary["files"]],
        dibaca=summary["read"],
        dimuat=summary["loaded"],
        ditolak=summary["rejected"],
    )


_NAMA_REFERENSI = {
    "target": "target",
    "target_cabang": "target kantor cabang",
    "rw": "referensi RW",
    "pekerja": "referensi pekerja",
}


def load_reference(kind: str, path: Path) -> dict:
    """Load a targets ('target'), branch targets ('target_cabang'), RW reference ('rw') or
    workforce ('pekerja') file in its own build."""
    with _diaudit(kind, [str(path)]), warehouse.build() as (con, is_new, workdir):
        _prepare(con, is_new)
        summary = _load_reference(con, kind, Path(path), workdir)
    _audit_muat(summary)
    return summary


def _load_reference(con, kind: str, path: Path, workdir: Path) -> dict:
    """One reference file into the build being made, recorded in riwayat_muat."""
    started, clock = dt.datetime.now(), time.perf_counter()
    summary = reference.load(con, kind, path, workdir)
    summary["duration_s"] = round(time.perf_counter() - clock, 3)
    _record(con, summary, started, summary["duration_s"])
    return summary


def load_peta(
    path: Path, kolom: str, lapisan: str | None = None, toleransi: float | None = None, sumber: str | None = None
) -> dict:
    """Load a boundary file (etl/peta.py) in its own build: the map changes with the pointer."""
    with _diaudit("peta", [str(path)]), warehouse.build() as (con, is_new, _workdir):
        _prepare(con, is_new)
        started, clock = dt.datetime.now(), time.perf_counter()
        summary = peta.load(con, Path(path), kolom, lapisan, toleransi, sumber)
        summary["duration_s"] = round(time.perf_counter() - clock, 3)
        _record(con, summary, started, summary["duration_s"])
    _audit_muat(summary)
    return summary


def refresh() -> int:
    """A build that reads no file (`python -m etl segarkan`): the target splits saved since the
    last build are served and the stored answers made again. Returns the derived targets served."""
    with _diaudit("segarkan", []), warehouse.build() as (con, is_new, _scratch):
        # From here a save needs a build of its own: this one may already have read the splits.
        warehouse.refresh_marker().unlink(missing_ok=True)
        _prepare(con, is_new)
        served = con.execute("SELECT count(*) FROM target_turunan").fetchone()[0]
    audit.catat("segarkan", _who(), "ID", target_turunan=served)
    return served


def ensure_exists() -> None:
    """An empty warehouse (regions only), so the app can start before any roster is loaded."""
    if warehouse.current_path() is None:
        with warehouse.build() as (con, is_new, _scratch):
            _prepare(con, is_new)
