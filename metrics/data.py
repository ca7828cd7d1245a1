"""What was loaded: history, rejected rows (masked) and flags, for the Data page and its downloads.
Rejected rows come from every region: administrators only."""
from __future__ import annotations

import json

import warehouse
from akses import audit
from metrics import lingkup

# Grain: one row per load, newest first.
RIWAYAT_SQL = """
SELECT id, jenis, tanggal_data, waktu_mulai, durasi_detik, oleh, dibaca, dimuat, ditolak, ringkasan
FROM riwayat_muat ORDER BY id DESC LIMIT $batas
"""
# Grain: one row per file kind, file and reject reason.
DITOLAK_SQL = """
SELECT jenis_berkas, tanggal_data, berkas, alasan, count(*) AS jumlah
FROM baris_ditolak GROUP BY ALL ORDER BY tanggal_data DESC NULLS LAST, berkas, jumlah DESC
"""
# Grain: one row per rejected input row (NIK masked, no name), newest snapshot first.
CONTOH_DITOLAK_SQL = """
SELECT jenis_berkas, tanggal_data, berkas, baris, alasan, keterangan, nik_samaran, kode_wilayah, segmen
FROM baris_ditolak ORDER BY tanggal_data DESC NULLS LAST, berkas, baris LIMIT $batas
"""
# Grain: the newest load of one snapshot (a snapshot loaded again replaces the earlier one).
MUAT_SNAPSHOT_SQL = """
SELECT dibaca, dimuat, ditolak, ringkasan FROM riwayat_muat
WHERE jenis = 'peserta' AND tanggal_data = $tanggal ORDER BY id DESC LIMIT 1
"""
# Grain: one row per snapshot, file and flag kind.
DITANDAI_SQL = """
SELECT tanggal_data, berkas, jenis, jumlah FROM jumlah_ditandai
ORDER BY tanggal_data DESC, berkas, jumlah DESC
"""


def riwayat(batas: int = 50) -> list[dict]:
    lingkup.wajib_admin()
    rows = warehouse.records(RIWAYAT_SQL, {"batas": batas})
    for r in rows:
        files = json.loads(r.pop("ringkasan"))["files"]
        r["berkas"] = ", ".join(f["path"].rsplit("/", 1)[-1] for f in files)
    return rows


def ditolak_per_alasan() -> list[dict]:
    lingkup.wajib_admin()
    return warehouse.records(DITOLAK_SQL)


def contoh_ditolak(batas: int = 100_000) -> list[dict]:
    lingkup.wajib_admin()
    return warehouse.records(CONTOH_DITOLAK_SQL, {"batas": batas})


def muat_snapshot(tanggal) -> dict | None:
    """What the load of one snapshot read, loaded and rejected (by reason), for the review's notes."""
    lingkup.wajib_admin()
    rows = warehouse.records(MUAT_SNAPSHOT_SQL, {"tanggal": tanggal})
    if not rows:
        return None
    r = rows[0]
    alasan = json.loads(r.pop("ringkasan"))["rejected_by_reason"]
    return {**r, "alasan": dict(sorted(alasan.items(), key=lambda kv: -kv[1]))}


def ditandai() -> list[dict]:
    lingkup.wajib_admin()
    return warehouse.records(DITANDAI_SQL)


def jejak_audit(batas: int = 200) -> list[dict]:
    """The newest events of the audit trail (kept by akses/, beside the warehouse)."""
    lingkup.wajib_admin()
    return audit.jejak(batas)
