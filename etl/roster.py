"""Load one roster snapshot (one or more files) into a warehouse build.

Every input row is loaded or rejected with a reason: read = loaded + rejected, per file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from pathlib import Path

import settings
from etl import alasan, sqlfiles, staging, summary, tabular
from warehouse import partisi

ROSTER = tabular.Columns(
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
    # A number here is handed on in scientific form: a NIK that went through one lost digits
    # (nik_angka); a region code is read by the only code it can be (wilayah_angka). NIK first.
    text_only=["nik", "kode_wilayah"],
)

FLAGS = [  # flag kinds; stg.baris holds each flagged value in column tanda_<kind>
    "segmen_invalid",
    "program_invalid",
    "wilayah_invalid",
    "wilayah_lama",
    "wilayah_angka",
    "wilayah_unknown",
    "rw_invalid",
    "tanggal_daftar_invalid",
    "sumber_iuran_invalid",
    "status_unknown",
]
EXAMPLES_PER_KIND = 1000


def _hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """HMAC-SHA256's inner and outer key pads, so the hash can be computed inside DuckDB."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def _store_rejects(con, as_of: dt.date, sources: list[staging.Source]) -> None:
    con.execute("DELETE FROM baris_ditolak WHERE jenis_berkas = 'peserta' AND tanggal_data = ?", [as_of]).fetchall()
    staging.store_read_rejects(con, "peserta", as_of, sources)
    con.execute(
        """
        INSERT INTO baris_ditolak
        SELECT ?, 'peserta', n.berkas, b.baris, b.alasan, b.keterangan, b.nik_samaran,
               b.kode_ditolak, b.segmen_ditolak
        FROM stg.baris b
        JOIN nama_berkas n USING (berkas_ke)
        WHERE NOT b.dimuat
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
        f"FROM stg.baris WHERE dimuat AND {col} IS NOT NULL"
        for kind, col in kinds
    )
    duplicates = "SELECT berkas_ke, baris, 'nik_duplicate', NULL, nik_samaran FROM stg.duplikat"  # roster_2_orang.sql
    con.execute(f"CREATE OR REPLACE TABLE stg.tanda AS {unpivot} UNION ALL {duplicates}").fetchall()
    con.execute(
        "INSERT INTO jumlah_ditandai SELECT ?, n.berkas, t.jenis, count(*) FROM stg.tanda t "
        "JOIN nama_berkas n USING (berkas_ke) GROUP BY ALL",
        [as_of],
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
    """Stage, check and store one snapshot; returns the load summary (per file, per sheet, in total).

    Raises LoadError before anything changes when a file cannot be read or holds no data row."""
    infos = staging.open_files(paths, ROSTER, workdir)
    con.execute("ATTACH ':memory:' AS stg")  # in memory, spilling to the build's temp_directory past its limit
    try:
        sources = staging.stage(con, infos, ROSTER, "stg.mentah", progress=progress)
        staging.register_file_names(con, sources)
        sqlfiles.run(con, "roster_1_baris.sql", {"as_of": as_of, "grace": settings.grace_months()})
        ipad, opad = _hmac_pads(settings.nik_key())
        sqlfiles.run(con, "roster_2_orang.sql", {"as_of": as_of, "ipad": ipad, "opad": opad})
        partisi.simpan(con, "peserta", as_of, "SELECT * FROM stg.peserta")  # the snapshot's file, written once
        _store_rejects(con, as_of, sources)
        flags = _store_flags(con, as_of)
        per_source: dict[int, Counter] = {}
        for index, reason, n in con.execute(
            "SELECT berkas_ke, coalesce(alasan, 'dimuat'), count(*) FROM stg.baris GROUP BY ALL"
        ).fetchall():
            per_source.setdefault(index, Counter())[reason] = n
        persons, active = con.execute("SELECT count(*), count(*) FILTER (aktif) FROM stg.peserta").fetchone()
        (like_numbers,) = con.execute(
            "SELECT count(*) FROM stg.tanda WHERE jenis = 'wilayah_invalid' AND regexp_full_match(nilai, '[0-9]{2}\\.[0-9]') "
            "AND (berkas_ke, baris) NOT IN (SELECT (berkas_ke, baris) FROM stg.tanda WHERE jenis = 'wilayah_angka')"
        ).fetchone()
    finally:
        con.execute("DETACH stg")
    result = summary.summarise(
        "peserta", infos, sources, per_source, flags, {"as_of": as_of.isoformat(), "persons": persons, "active": active}
    )
    if like_numbers:  # text such as '32.1' (a CSV saved from number cells): one reading is not sure
        result["advice"].append(alasan.SARAN_WILAYAH_TEKS.format(n=like_numbers))
    return result
