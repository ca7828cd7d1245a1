"""Load targets (by region or by kantor cabang), the RW reference and the workforce reference:
checked row by row, good rows replace what they name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from etl import sqlfiles, staging, summary, tabular

TARGETS = tabular.Columns(
    aliases={"kode_wilayah": ["kode", "kd_wilayah"], "tahun": [], "segmen": [], "target": ["target_kepesertaan"]},
    required=["kode_wilayah", "tahun", "target"],
)
RW = tabular.Columns(
    aliases={"kode_wilayah": ["kode_kelurahan", "kode_desa", "kd_wilayah"], "jumlah_rw": ["jml_rw", "rw"]},
    required=["kode_wilayah", "jumlah_rw"],
)
PEKERJA = tabular.Columns(
    aliases={
        "kode_wilayah": ["kode", "kd_wilayah"],
        "tahun": [],
        "pekerja": ["jumlah_pekerja", "penduduk_bekerja", "pekerja_bekerja"],
    },
    required=["kode_wilayah", "tahun", "pekerja"],
)
TARGET_CABANG = tabular.Columns(
    aliases={
        "kantor_cabang": ["cabang", "kc", "nama_cabang", "kantor"],
        "tahun": [],
        "segmen": [],
        "target": ["target_kepesertaan"],
    },
    required=["kantor_cabang", "tahun", "target"],
)
KINDS = {
    "target": (TARGETS, "target.sql", "target"),
    "target_cabang": (TARGET_CABANG, "target_cabang.sql", "target_cabang"),
    "rw": (RW, "rw.sql", "rw"),
    "pekerja": (PEKERJA, "pekerja.sql", "pekerja"),
}


def load(con, kind: str, path: Path, workdir: Path) -> dict:
    """Load one targets ('target'), branch targets ('target_cabang'), RW reference ('rw') or
    workforce ('pekerja') file; returns the summary (a branch target named by no roster row of
    the newest snapshot is loaded and counted in flagged_by_kind, cabang_tidak_dikenal).

    Raises LoadError (nothing changes) when the file cannot be read or holds no data row."""
    spec, sql_file, prefix = KINDS[kind]
    infos = staging.open_files([path], spec, workdir)
    sources = staging.stage(con, infos, spec, f"{prefix}_mentah", temporary=True)
    staging.register_file_names(con, sources)
    sqlfiles.run(con, sql_file)
    con.execute(
        "DELETE FROM baris_ditolak WHERE jenis_berkas = ? AND (berkas = ? OR berkas LIKE ?)",
        [kind, str(path), str(path) + " [%"],
    ).fetchall()
    staging.store_read_rejects(con, kind, None, sources)
    con.execute(
        f"INSERT INTO baris_ditolak SELECT NULL, ?, n.berkas, c.baris, c.alasan, c.keterangan, NULL, "
        f"c.kode_asli, NULL FROM {prefix}_cek c JOIN nama_berkas n USING (berkas_ke) WHERE c.alasan IS NOT NULL",
        [kind],
    ).fetchall()
    checked: dict[int, Counter] = {}
    for index, reason, n in con.execute(
        f"SELECT berkas_ke, coalesce(alasan, 'dimuat'), count(*) FROM {prefix}_cek GROUP BY ALL"
    ).fetchall():
        checked.setdefault(index, Counter())[reason] = n
    flags: dict[int, Counter] = {}
    if kind == "target_cabang":  # loaded, but said: the name may be misspelt
        for index, flag, n in con.execute(
            "SELECT berkas_ke, tanda, count(*) FROM target_cabang_cek WHERE tanda IS NOT NULL GROUP BY ALL"
        ).fetchall():
            flags.setdefault(index, Counter())[flag] = n
    return summary.summarise(kind, infos, sources, checked, flags, {})
