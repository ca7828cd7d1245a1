"""Snapshots and the period a question is about: the snapshot, the previous one, 4 weeks back."""

from __future__ import annotations

import datetime as dt
import functools

import warehouse
from metrics.definisi import JENDELA_HARI, kutip
from metrics.pembangun import Periode, PertanyaanTidakSah

# Grain: one row per snapshot.
SNAPSHOT_SQL = "SELECT tanggal_data, ada_arus FROM snapshot ORDER BY tanggal_data"


class BelumAdaData(LookupError):
    """No snapshot has been loaded yet."""


def daftar() -> list[dt.date]:
    """Snapshot dates, newest first."""
    return [d for d, _ in reversed(_snapshots(warehouse.current_path()))]


@functools.lru_cache(maxsize=8)
def _snapshots(_path) -> tuple:
    """The snapshot rows of a served build: read once per file (a served file never changes)."""
    return tuple(warehouse.rows(SNAPSHOT_SQL))


def periode(tanggal: dt.date | str | None = None) -> Periode:
    """The period of a snapshot (the newest when None); a date that is not a snapshot is refused."""
    try:
        snapshots = list(_snapshots(warehouse.current_path()))
    except warehouse.WarehouseMissing as e:
        raise BelumAdaData(str(e)) from e
    if not snapshots:
        raise BelumAdaData("Belum ada data peserta yang dimuat.")
    dates = [d for d, _ in snapshots]
    if tanggal is None:
        tanggal = dates[-1]
    elif isinstance(tanggal, str):
        try:
            tanggal = dt.date.fromisoformat(tanggal)
        except ValueError:
            raise PertanyaanTidakSah(
                f"'{kutip(tanggal)}' bukan tanggal: tulis tahun-bulan-hari, misalnya 2024-02-06",
                f"'{kutip(tanggal)}' is not a date: write year-month-day, e.g. 2024-02-06",
            ) from None
    if tanggal not in dates:
        pilihan = ", ".join(d.isoformat() for d in dates[-5:])
        raise PertanyaanTidakSah(
            f"Tidak ada snapshot per {tanggal.isoformat()}; yang ada antara lain: {pilihan}",
            f"No snapshot as of {tanggal.isoformat()}; loaded ones include: {pilihan}",
        )
    return dari_daftar(snapshots, tanggal)


def dimuat_sebelum(tanggal: dt.date) -> dt.date:
    """The loaded snapshot a date without a load is read as (a shared link's date): the newest one
    on or before `tanggal`; the first one when `tanggal` is before every load (the load nearest
    to the date asked). Raises BelumAdaData when nothing is loaded."""
    dates = [d for d, _ in _snapshots(warehouse.current_path())]
    if not dates:
        raise BelumAdaData("Belum ada data peserta yang dimuat.")
    return max((d for d in dates if d <= tanggal), default=dates[0])


def dari_daftar(snapshots: list[tuple[dt.date, bool]], tanggal: dt.date) -> Periode:
    """The period of snapshot `tanggal` among `snapshots` ((tanggal_data, ada_arus) rows, oldest
    first, as SNAPSHOT_SQL gives them); `tanggal` must be one of them."""
    dates = [d for d, _ in snapshots]
    i = dates.index(tanggal)
    earlier = dates[:i]
    window = [d for d in earlier if d <= tanggal - dt.timedelta(days=JENDELA_HARI)]
    awal = window[-1] if window else (earlier[0] if earlier else None)
    flows = dict(snapshots)
    return Periode(
        tanggal=tanggal,
        sebelumnya=earlier[-1] if earlier else None,
        awal=awal,
        arus=flows[tanggal],
        arus_4mg=awal is not None and all(flows[d] for d in dates if awal < d <= tanggal),
    )
