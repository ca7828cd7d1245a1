"""What was loaded: history, rejected rows (masked) and flags, for the Data page and its downloads.
Administrators only, and each inside its scope: admin says what an account may do, scope where.
A national admin sees everything (rejects with no valid region included); a regional admin the
rejected rows whose region code lies in its place and the audit of its place; the load history
and flag counts (whole files, every region) are national."""

from __future__ import annotations

import functools
import json

import kode_wilayah
import warehouse
from jejak import audit
from metrics import lingkup

# Grain: one row per load, newest first.
RIWAYAT_SQL = """
SELECT id, jenis, tanggal_data, waktu_mulai, durasi_detik, oleh, dibaca, dimuat, ditolak, ringkasan
FROM riwayat_muat ORDER BY id DESC LIMIT $batas
"""
# Grain: one row per file kind, file and reject reason, of the rejected rows inside the scope.
DITOLAK_SQL = """
SELECT jenis_berkas, tanggal_data, berkas, alasan, count(*) AS jumlah
FROM baris_ditolak WHERE {lingkup} GROUP BY ALL ORDER BY tanggal_data DESC NULLS LAST, berkas, jumlah DESC
"""
# The scope of rejected rows: their region code as the file gave it; a branch has none to match.
LINGKUP_DITOLAK = {
    "nasional": "true",
    "wilayah": kode_wilayah.sql_mencakup("kode_wilayah", "$wilayah"),
    "cabang": "false",
}
# Grain: one row per (file kind, code): the words of every reason and flag (etl/alasan.py).
KAMUS_SQL = "SELECT jenis_berkas, kode, teks_id, teks_en FROM kamus_kode"
# Grain: one row: whether the warehouse has the words (builds before them do not).
ADA_KAMUS_SQL = "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'kamus_kode'"
# Grain: one row per rejected input row inside the scope (NIK masked, no name), newest snapshot first.
CONTOH_DITOLAK_SQL = """
SELECT jenis_berkas, tanggal_data, berkas, baris, alasan, keterangan, nik_samaran, kode_wilayah, segmen
FROM baris_ditolak WHERE {lingkup} ORDER BY tanggal_data DESC NULLS LAST, berkas, baris LIMIT $batas
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


def _lingkup_ditolak() -> tuple[str, dict]:
    """The WHERE of rejected rows for this admin (fixed SQL text; the place is a parameter)."""
    akun = lingkup.aktif()
    if akun.nasional:
        return LINGKUP_DITOLAK["nasional"], {}
    if akun.kantor_cabang:
        return LINGKUP_DITOLAK["cabang"], {}
    return LINGKUP_DITOLAK["wilayah"], {"wilayah": akun.wilayah}


def _records(sql: str, params: dict | None = None) -> list[dict]:
    """A read of the load history, kept per served build: a served build never changes, so the
    Data page is drawn from memory after its first view (copies: callers change the rows)."""
    kunci = tuple(sorted((params or {}).items()))
    return [dict(r) for r in _records_per_gudang(warehouse.current_path(), sql, kunci)]


@functools.lru_cache(maxsize=64)
def _records_per_gudang(_path, sql: str, params: tuple) -> tuple:
    return tuple(warehouse.records(sql, dict(params)))


def riwayat(batas: int = 50) -> list[dict]:
    """The newest loads (whole files, every region): national admins."""
    lingkup.wajib_admin(nasional=True)
    rows = _records(RIWAYAT_SQL, {"batas": batas})
    for r in rows:
        files = json.loads(r.pop("ringkasan"))["files"]
        r["berkas"] = ", ".join(f["path"].rsplit("/", 1)[-1] for f in files)
    return rows


def _kamus(bahasa: str) -> dict[tuple[str, str], str]:
    """(file kind, code) -> words; a warehouse built before the words has none (codes shown)."""
    return _kamus_per_gudang(warehouse.current_path(), bahasa)


@functools.lru_cache(maxsize=8)
def _kamus_per_gudang(_path, bahasa: str) -> dict[tuple[str, str], str]:
    """Read once per served warehouse file (a served file never changes; a load serves a new one)."""
    if not warehouse.records(ADA_KAMUS_SQL)[0]["n"]:
        return {}
    rows = warehouse.records(KAMUS_SQL)
    return {(r["jenis_berkas"], r["kode"]): r["teks_id" if bahasa == "id" else "teks_en"] for r in rows}


def kata(kamus: dict, jenis: str, kode: str) -> str:
    return kamus.get((jenis, kode)) or kamus.get(("*", kode)) or kode


def ditolak_per_alasan(bahasa: str = "id") -> list[dict]:
    """Rejected rows per file and reason, with the reason in words (`arti`) beside its code."""
    lingkup.wajib_admin()
    saring, params = _lingkup_ditolak()
    kamus = _kamus(bahasa)
    rows = _records(DITOLAK_SQL.format(lingkup=saring), params)
    for r in rows:
        r["arti"] = kata(kamus, r["jenis_berkas"], r["alasan"])
        r["berkas"] = r["berkas"].rsplit("/", 1)[-1]  # the name (and sheet); the download has the path
    return rows


def rincian_muat(bahasa: str = "id", batas: int = 10) -> list[dict]:
    """Per file and per sheet of the newest loads: read = loaded + rejected, title and totals rows,
    skipped sheets and advice, in words (from each load's summary). National admins."""
    lingkup.wajib_admin(nasional=True)
    kamus = _kamus(bahasa)
    rows = []
    for load in _records(RIWAYAT_SQL, {"batas": batas}):
        summary = json.loads(load["ringkasan"])
        kind = summary["kind"]
        for f in summary["files"]:
            for part in f.get("sheets") or [{**f, "sheet": None}]:
                notes = [f"{kata(kamus, kind, code)}: {n}" for code, n in part.get("rejected_by_reason", {}).items()]
                if part.get("note_rows"):
                    notes.append(f"{kata(kamus, kind, 'note_rows')}: {part['note_rows']}")
                if part.get("unsaved_formulas"):
                    notes.append("rumus tanpa hasil: " + ", ".join(part["unsaved_formulas"]))
                rows.append(
                    {
                        "id": load["id"],
                        "jenis": kind,
                        "tanggal_data": load["tanggal_data"],
                        "berkas": f["path"].rsplit("/", 1)[-1],
                        "lembar": part.get("sheet") or "",
                        "dibaca": part.get("read", 0),
                        "dimuat": part.get("loaded", 0),
                        "ditolak": part.get("rejected", 0),
                        "baris_judul": part.get("title_rows", 0),
                        "baris_jumlah": part.get("total_rows", 0),
                        "catatan": "; ".join(notes),
                    }
                )
            for skipped in f.get("skipped_sheets", []):
                rows.append(
                    {
                        "id": load["id"],
                        "jenis": kind,
                        "tanggal_data": load["tanggal_data"],
                        "berkas": f["path"].rsplit("/", 1)[-1],
                        "lembar": skipped["sheet"],
                        "dibaca": 0,
                        "dimuat": 0,
                        "ditolak": 0,
                        "baris_judul": 0,
                        "baris_jumlah": 0,
                        "catatan": ("dilewati: " if bahasa == "id" else "skipped: ") + skipped["reason"],
                    }
                )
    return rows


def contoh_ditolak(batas: int = 100_000) -> list[dict]:
    """Every rejected row inside the admin's scope (the download of the Data page)."""
    lingkup.wajib_admin()
    saring, params = _lingkup_ditolak()
    return warehouse.records(CONTOH_DITOLAK_SQL.format(lingkup=saring), {"batas": batas, **params})


def muat_snapshot(tanggal) -> dict | None:
    """What the load of one snapshot read, loaded and rejected (by reason), for the review's notes:
    {dibaca, dimuat, ditolak, alasan: {code: rows}, arti: {code: (id words, en words)}}.
    Whole-file counts: national admins."""
    lingkup.wajib_admin(nasional=True)
    rows = _records(MUAT_SNAPSHOT_SQL, {"tanggal": tanggal})
    if not rows:
        return None
    r = rows[0]
    alasan = json.loads(r.pop("ringkasan"))["rejected_by_reason"]
    kamus = {b: _kamus(b) for b in ("id", "en")}
    arti = {kode: tuple(kata(kamus[b], "peserta", kode) for b in ("id", "en")) for kode in alasan}
    return {**r, "alasan": dict(sorted(alasan.items(), key=lambda kv: -kv[1])), "arti": arti}


def ditandai(bahasa: str = "id") -> list[dict]:
    """Flag counts per snapshot, file and kind, with the kind in words (`arti`). National admins."""
    lingkup.wajib_admin(nasional=True)
    kamus = _kamus(bahasa)
    rows = _records(DITANDAI_SQL)
    for r in rows:
        r["arti"] = kata(kamus, "peserta", r["jenis"])
        r["berkas"] = r["berkas"].rsplit("/", 1)[-1]
    return rows


def jejak_audit(batas: int = 200) -> list[dict]:
    """The newest events of the audit trail inside the admin's scope (an event's scope is the
    account's that caused it), and every write on a place inside it whoever made it (issue 31:
    jejak.audit.PERISTIWA_TULIS): a national admin sees every event."""
    lingkup.wajib_admin()
    akun = lingkup.aktif()
    return audit.jejak(batas, None if akun.nasional else akun.label)
