"""Answers computed once per build: every unfiltered table question (each place, each level, each
of the newest snapshots) is stored in the build itself, so a page reads its few rows instead of
planning the builder's ~9 KB statement (about 40 ms in DuckDB 2.0, docs/performance.md).
Filtered questions, older snapshots, an RW's own row and another RW target go through the builder.

The stored rows are the builder's own: at the end of every build (warehouse.on_build), each level
is asked once for the whole nation with every metric. A question about a place at a level is then
the national rows inside that place, in the builder's order; the builder's grain (one row per
place at the level inside the parent, plus one "Tidak diketahui" row per nearest known ancestor)
keeps every row's numbers independent of the parent asked, so the slice equals the answer.

Table jawaban. Grain: one row per (snapshot, level, row of the national table at that level).
Columns: tanggal_data DATE, kunci VARCHAR (the period and RW target the rows hold), urut BIGINT
(the builder's row order), kode_urut VARCHAR (the row's place, or for a "Tidak diketahui" row its
known ancestor: the rows inside a place are those whose kode_urut is it or below it), then
pembangun.KOLOM_TABEL and one column per metric (definisi.METRIK). Sorted by snapshot, level and
kode_urut, so a place's rows sit in one or two row groups.
Table jawaban_ada. Grain: one row per (snapshot, level, kunci) stored.
"""

from __future__ import annotations

import functools

import duckdb

import settings
import warehouse
from metrics import definisi, pembangun, periode
from metrics.definisi import TINGKAT
from metrics.pembangun import Filter, Periode

SNAPSHOT_TERBARU = 1  # snapshots answered at load, newest first: pages open on the newest; each
# costs about 25 s at 5 juta rows (docs/performance.md), older ones go to the builder
SEMUA = [m.nama for m in definisi.METRIK]


def kunci(p: Periode, target_rw: int) -> str:
    """What the stored numbers depend on besides the snapshot: the snapshots compared and the
    per-RW target (CAKUPAN_RW_TARGET). A question whose key differs is asked of the builder."""
    return f"{p.sebelumnya}|{p.awal}|{p.arus}|{p.arus_4mg}|{target_rw}"


def hitung(con) -> None:
    """Store the answers of the newest snapshots in the build being made (a warehouse finisher)."""
    snapshots = con.execute(periode.SNAPSHOT_SQL).fetchall()
    target_rw = settings.rw_target()
    urut = ", ".join(pembangun.URUT_TABEL)
    bagian, ada = [], []
    for tanggal, _ in snapshots[-SNAPSHOT_TERBARU:]:
        p = periode.dari_daftar(snapshots, tanggal)
        k = kunci(p, target_rw)
        for tingkat in TINGKAT:
            sql, params = pembangun.kueri_tabel(tingkat, "ID", Filter(), p, SEMUA, target_rw=target_rw)
            nama = f"jawaban_{len(bagian)}"
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {nama} AS SELECT $tanggal::DATE AS tanggal_data, "
                f"$kunci_jawaban AS kunci, row_number() OVER (ORDER BY {urut}) AS urut, "
                f"coalesce(kode_wilayah, kode_induk) AS kode_urut, * FROM ({sql})",
                {**params, "tanggal": tanggal, "kunci_jawaban": k},
            ).fetchall()
            bagian.append(nama)
            ada.append((tanggal, tingkat, k))
    con.execute("CREATE TABLE jawaban_ada (tanggal_data DATE, tingkat VARCHAR, kunci VARCHAR)").fetchall()
    if not bagian:
        return
    con.executemany("INSERT INTO jawaban_ada VALUES (?, ?, ?)", ada)
    semua = " UNION ALL BY NAME ".join(f"SELECT * FROM {nama}" for nama in bagian)
    con.execute(f"CREATE TABLE jawaban AS SELECT * FROM ({semua}) ORDER BY tanggal_data, tingkat, kode_urut").fetchall()
    for nama in bagian:
        con.execute(f"DROP TABLE {nama}").fetchall()


def baca(path, tingkat: str, kode: str, p: Periode, metrik: tuple, target_rw: int) -> list[dict] | None:
    """The stored rows of an unfiltered question (`tingkat` inside place `kode`, checked by the
    builder before), or None when this build does not hold them."""
    k = kunci(p, target_rw)
    if pembangun.tingkat_kode(kode) == "rw" or (p.tanggal, tingkat, k) not in _tersimpan(path):
        return None
    kolom = ", ".join([*pembangun.KOLOM_TABEL, *(definisi.metrik(m).nama for m in metrik)])
    dalam = "" if kode == "ID" else " AND (kode_urut = $kode OR starts_with(kode_urut, $kode || '.'))"
    params = {"tanggal": p.tanggal, "tingkat": tingkat, "kunci": k}
    sql = (
        f"SELECT {kolom} FROM jawaban WHERE tanggal_data = $tanggal AND tingkat = $tingkat AND kunci = $kunci"
        f"{dalam} ORDER BY urut"
    )
    return warehouse.records(sql, params if kode == "ID" else {**params, "kode": kode})


@functools.lru_cache(maxsize=8)
def _tersimpan(_path) -> frozenset:
    """(snapshot, level, kunci) held by a served build; empty for a build made before answers were stored."""
    try:
        return frozenset(warehouse.rows("SELECT tanggal_data, tingkat, kunci FROM jawaban_ada"))
    except duckdb.CatalogException:
        return frozenset()
