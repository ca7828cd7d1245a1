"""Load targets, the RW reference and the workforce reference: checked row by row, good rows replace what they name."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from etl import reader, sqlfiles, staging

TARGETS = reader.Columns(
    aliases={"kode_wilayah": ["kode", "kd_wilayah"], "tahun": [], "segmen": [], "target": ["target_kepesertaan"]},
    required=["kode_wilayah", "tahun", "target"],
)
RW = reader.Columns(
    aliases={"kode_wilayah": ["kode_kelurahan", "kode_desa", "kd_wilayah"], "jumlah_rw": ["jml_rw", "rw"]},
    required=["kode_wilayah", "jumlah_rw"],
)
PEKERJA = reader.Columns(
    aliases={"kode_wilayah": ["kode", "kd_wilayah"], "tahun": [],
             "pekerja": ["jumlah_pekerja", "penduduk_bekerja", "pekerja_bekerja"]},
    required=["kode_wilayah", "tahun", "pekerja"],
)
KINDS = {
    "target": (TARGETS, "target.sql", "target"),
    "rw": (RW, "rw.sql", "rw"),
    "pekerja": (PEKERJA, "pekerja.sql", "pekerja"),
}


def load(con, kind: str, path: Path, workdir: Path) -> dict:
    """Load one targets ('target'), RW reference ('rw') or workforce ('pekerja') file; returns the summary."""
    spec, sql_file, prefix = KINDS[kind]
    infos = staging.stage(con, [path], spec, f"{prefix}_mentah", workdir, temporary=True)
    staging.register_file_names(con, infos)
    sqlfiles.run(con, sql_file)
    con.execute("DELETE FROM baris_ditolak WHERE jenis_berkas = ? AND berkas = ?", [kind, str(path)]).fetchall()
    staging.store_malformed(con, kind, None, infos)
    con.execute(
        f"INSERT INTO baris_ditolak SELECT NULL, ?, n.berkas, c.baris, c.alasan, c.keterangan, NULL, "
        f"c.kode_asli, NULL FROM {prefix}_cek c JOIN nama_berkas n USING (berkas_ke) WHERE c.alasan IS NOT NULL",
        [kind],
    ).fetchall()
    reasons = Counter(dict(con.execute(
        f"SELECT alasan, count(*) FROM {prefix}_cek WHERE alasan IS NOT NULL GROUP BY ALL").fetchall()))
    reasons["row_malformed"] += len(infos[0].malformed)
    loaded = con.execute(f"SELECT count(*) FROM {prefix}_cek WHERE alasan IS NULL").fetchone()[0]
    info = infos[0]
    rejected = sum(reasons.values())
    by_reason = {k: v for k, v in sorted(reasons.items()) if v}
    return {
        "kind": kind, "read": info.read, "loaded": loaded, "rejected": rejected,
        "rejected_by_reason": by_reason, "flagged_by_kind": {},
        "files": [{**info.describe(), "loaded": loaded, "rejected": rejected,
                   "rejected_by_reason": by_reason, "flagged_by_kind": {}}],
    }
