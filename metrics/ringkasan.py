"""National headline numbers for a snapshot, answered from the rollups."""
from __future__ import annotations

import datetime as dt

import warehouse

# Grain: one row per snapshot.
SNAPSHOTS_SQL = "SELECT tanggal_data FROM snapshot ORDER BY tanggal_data DESC"

# Grain: one row (the nation) for one snapshot; target of the snapshot's year, all segments.
NASIONAL_SQL = """
SELECT
    sum(r.terdaftar) AS peserta_terdaftar,
    sum(r.aktif) AS peserta_aktif,
    (SELECT target FROM target WHERE kode_wilayah = 'ID' AND segmen = 'SEMUA' AND tahun = year($tanggal::DATE)) AS target
FROM ringkas_wilayah r
WHERE r.tanggal_data = $tanggal
"""


def snapshots() -> list[dt.date]:
    """Snapshot dates, newest first."""
    return list(warehouse.query(SNAPSHOTS_SQL)["tanggal_data"].dt.date)


def nasional(tanggal: dt.date | None = None) -> dict | None:
    """peserta_terdaftar, peserta_aktif, target, capaian (aktif / target), kekurangan; None without data."""
    dates = snapshots()
    if not dates:
        return None
    tanggal = tanggal or dates[0]
    row = warehouse.query(NASIONAL_SQL, {"tanggal": tanggal}).iloc[0]
    aktif = int(row.peserta_aktif or 0)
    target = None if row.isna().target else int(row.target)
    return {
        "tanggal_data": tanggal,
        "peserta_terdaftar": int(row.peserta_terdaftar or 0),
        "peserta_aktif": aktif,
        "target": target,
        "capaian": aktif / target if target else None,
        "kekurangan": max(target - aktif, 0) if target else None,
    }
