"""Load one roster snapshot (one or more files) into a warehouse build.

Every input row is loaded or rejected with a reason: read = loaded + rejected, per file.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from pathlib import Path

import settings
from etl import reader, sqlfiles, staging

ROSTER = reader.Columns(
    aliases={
        "nik": ["no_nik", "nomor_nik"],
        "kpj": ["no_kpj", "nomor_kpj"],
        "nama": ["nama_peserta", "nama_lengkap"],
        "tanggal_lahir": ["tgl_lahir"],
        "jenis_kelamin": ["jk", "sex"],
        "segmen": ["segmen_kepesertaan", "kategori_peserta"],
        "program": ["program_diikuti", "programs"],
        "pekerjaan": ["jenis_pekerjaan"],
        "kode_wilayah": ["kode_kelurahan", "kode_desa", "kd_wilayah"],
        "rw": ["no_rw"],
        "rt": ["no_rt"],
        "kantor_cabang": ["cabang", "kc"],
        "tanggal_daftar": ["tgl_daftar", "tanggal_kepesertaan"],
        "status": ["status_kepesertaan"],
        "bulan_iuran_terakhir": ["iuran_terakhir", "periode_iuran_terakhir"],
        "sumber_iuran": ["pembayar_iuran"],
        "pekerja_rentan": ["rentan"],
    },
    required=["nik", "segmen", "kode_wilayah"],
    skip=["nama"],  # names are personal data: never read
)

FLAGS = [  # flag kinds; stg.baris holds each flagged value in column tanda_<kind>
    "segmen_invalid", "program_invalid", "wilayah_invalid", "wilayah_unknown", "rw_invalid",
    "tanggal_daftar_invalid", "sumber_iuran_invalid", "status_unknown",
]
EXAMPLES_PER_KIND = 1000


def _hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """HMAC-SHA256's inner and outer key pads, so the hash can be computed inside DuckDB."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def _store_rejects(con, as_of: dt.date, infos: list[reader.FileRead]) -> None:
    con.execute(
        "DELETE FROM baris_ditolak WHERE jenis_berkas = 'peserta' AND tanggal_data = ?", [as_of]
    ).fetchall()
    staging.store_malformed(con, "peserta", as_of, infos)
    con.execute(
        """
        INSERT INTO baris_ditolak
        SELECT ?, 'peserta', n.berkas, b.baris, 'nik_invalid', b.keterangan_nik, b.nik_samaran,
               m.kode_wilayah, m.segmen
        FROM stg.baris b
        JOIN stg.mentah m USING (berkas_ke, baris)
        JOIN nama_berkas n USING (berkas_ke)
        WHERE NOT b.nik_sah
        """,
        [as_of],
    ).fetchall()


def _store_flags(con, as_of: dt.date) -> dict[int, Counter]:
    """Exact counts per file and kind, and up to 1000 examples each. Returns the counts."""
    con.execute("DELETE FROM jumlah_ditandai WHERE tanggal_data = ?", [as_of]).fetchall()
    con.execute("DELETE FROM contoh_ditandai WHERE tanggal_data = ?", [as_of]).fetchall()
    kinds = [(kind, f"tanda_{kind}") for kind in FLAGS]
    unpivot = " UNION ALL ".join(
        f"SELECT berkas_ke, baris, '{kind}' AS jenis, {col} AS nilai, nik_samaran "
        f"FROM stg.baris WHERE nik_sah AND {col} IS NOT NULL"
        for kind, col in kinds
    )
    duplicates = (
        "SELECT u.berkas_ke, u.baris, 'nik_duplicate', NULL, b.nik_samaran FROM stg.urutan u "
        "JOIN stg.baris b USING (berkas_ke, baris) WHERE u.urutan > 1"
    )
    con.execute(f"CREATE OR REPLACE TABLE stg.tanda AS {unpivot} UNION ALL {duplicates}").fetchall()
    con.execute(
        "INSERT INTO jumlah_ditandai SELECT ?, n.berkas, t.jenis, count(*) FROM stg.tanda t "
        "JOIN nama_berkas n USING (berkas_ke) GROUP BY ALL", [as_of]
    ).fetchall()
    con.execute(
        "INSERT INTO contoh_ditandai SELECT ?, n.berkas, t.baris, t.jenis, t.nilai, t.nik_samaran "
        "FROM stg.tanda t JOIN nama_berkas n USING (berkas_ke) "
        "QUALIFY row_number() OVER (PARTITION BY t.berkas_ke, t.jenis ORDER BY t.baris) <= ?",
        [as_of, EXAMPLES_PER_KIND],
    ).fetchall()
    counts: dict[int, Counter] = {}
    for index, kind, n in con.execute("SELECT berkas_ke, jenis, count(*) FROM stg.tanda GROUP BY ALL").fetchall():
        counts.setdefault(index, Counter())[kind] = n
    return counts


def load(con, paths: list[Path], as_of: dt.date, workdir: Path, progress: bool = False) -> dict:
    """Stage, check and store one snapshot; returns the load summary (per file and in total)."""
    con.execute("ATTACH '" + str(workdir / "stage.duckdb").replace("'", "''") + "' AS stg")
    try:
        infos = staging.stage(con, paths, ROSTER, "stg.mentah", workdir, progress=progress)
        staging.register_file_names(con, infos)
        ipad, opad = _hmac_pads(settings.nik_key())
        sqlfiles.run(con, "roster_1_baris.sql",
                     {"as_of": as_of, "grace": settings.grace_months(), "ipad": ipad, "opad": opad})
        sqlfiles.run(con, "roster_2_orang.sql")
        _store_rejects(con, as_of, infos)
        flags = _store_flags(con, as_of)
        per_file = dict(
            (i, (ok, bad)) for i, ok, bad in con.execute(
                "SELECT berkas_ke, count(*) FILTER (nik_sah), count(*) FILTER (NOT nik_sah) "
                "FROM stg.baris GROUP BY ALL").fetchall()
        )
        con.execute("DELETE FROM peserta WHERE tanggal_data = ?", [as_of]).fetchall()
        con.execute("INSERT INTO peserta SELECT ?::DATE, * FROM stg.orang", [as_of]).fetchall()
        persons, active = con.execute("SELECT count(*), count(*) FILTER (aktif) FROM stg.orang").fetchone()
    finally:
        con.execute("DETACH stg")
        (workdir / "stage.duckdb").unlink(missing_ok=True)
    return _summary(infos, per_file, flags, as_of, persons, active)


def _summary(infos, per_file, flags, as_of, persons, active) -> dict:
    files = []
    for index, info in enumerate(infos):
        loaded, bad_nik = per_file.get(index, (0, 0))
        rejected = Counter({"row_malformed": len(info.malformed), "nik_invalid": bad_nik})
        files.append({
            **info.describe(), "loaded": loaded, "rejected": sum(rejected.values()),
            "rejected_by_reason": {k: v for k, v in sorted(rejected.items()) if v},
            "flagged_by_kind": dict(sorted(flags.get(index, Counter()).items())),
        })
    total_reasons, total_flags = Counter(), Counter()
    for f in files:
        total_reasons.update(f["rejected_by_reason"])
        total_flags.update(f["flagged_by_kind"])
    return {
        "kind": "peserta", "as_of": as_of.isoformat(),
        "read": sum(f["read"] for f in files), "loaded": sum(f["loaded"] for f in files),
        "rejected": sum(f["rejected"] for f in files),
        "rejected_by_reason": dict(sorted(total_reasons.items())),
        "flagged_by_kind": dict(sorted(total_flags.items())),
        "persons": persons, "active": active, "files": files,
    }
