"""The given/expect warehouse (tests/diberi.py) holds what a build connection holds, so a SQL
model run on it reads the rows the loader would have written."""

import duckdb
import pytest

from etl import regions
from tests.diberi import gudang_diberi


def test_a_person_gets_the_loader_s_prefixes_and_its_defaults():
    """Given one person placed at kecamatan Pulogadung and one of no known region: the prefixes
    are those the loader writes (kode_awalan), the rest PESERTA_BAWAAN's."""
    gudang = gudang_diberi()
    gudang.peserta("2024-02-06", "A", kode_wilayah="31.75.02", jht=True)
    gudang.peserta("2024-02-06", "B", aktif=False)
    assert gudang.rows(
        "SELECT kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan, segmen, jkk, jht, aktif, "
        "jumlah_baris FROM peserta ORDER BY aktif DESC"
    ) == [
        ("31.75.02", "31", "31.75", "31.75.02", None, "PU", False, True, True, 1),
        (None, None, None, None, None, "PU", False, False, False, 1),
    ]
    gudang.snapshot("2024-02-06")
    assert gudang.rows("SELECT peserta, peserta_aktif, ada_rincian FROM snapshot") == [(2, 1, True)]
    with pytest.raises(duckdb.BinderException, match="salah"):
        gudang.peserta("2024-02-06", "C", salah=1)


@pytest.mark.slow
def test_the_regions_given_are_the_reference_s_rows():
    """Given Kenari and Pulo Gadung: their 7 rows (2 kelurahan, 2 kecamatan, 2 kota, DKI Jakarta)
    are etl.regions.reference_table()'s, which a build loads whole (3-4 s to walk the list)."""
    kode = ["31.71.04.1002", "31.75.02.1001"]
    gudang = gudang_diberi(wilayah=kode)
    given = gudang.rows("SELECT * FROM wilayah ORDER BY tingkat, kode")
    table = regions.reference_table()
    con = duckdb.connect()
    con.register("rujukan", table)
    wanted = ["31", "31.71", "31.75", "31.71.04", "31.75.02", *kode]
    assert len(given) == 7
    assert given == con.execute("SELECT * FROM rujukan WHERE kode IN ? ORDER BY tingkat, kode", [wanted]).fetchall()
