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
import zlib
from pathlib import Path

import duckdb

import kode_wilayah
import settings
import warehouse
from metrics import definisi, pembangun, periode, tersimpan, wilayah
from metrics.definisi import TINGKAT
from metrics.pembangun import Filter, Periode

SNAPSHOT_TERBARU = 1  # snapshots answered at load, newest first: pages open on the newest; each
# costs about 25 s at 5 juta rows (docs/performance.md), older ones go to the builder
SEMUA = [m.nama for m in definisi.METRIK]
TINGKAT_TREN = TINGKAT.index("kabkota")  # trends and breakdowns stored down to this level;
# below, asked (7-9 ms)
BEDA_TINGKAT = 2  # slices read from SQLite: at most two levels below the place (a kab/kota's
# kelurahan, a province's kecamatan: hundreds of rows); deeper ones are thousands, where DuckDB's
# scan beats unpickling row by row


# The declared metrics the stored rows hold: a build made before a metric was declared has no
# column for it, so its key differs and its questions go to the builder.
VERSI_METRIK = zlib.crc32(",".join(SEMUA).encode())


def kunci(p: Periode, target_rw: int) -> str:
    """What the stored numbers depend on besides the snapshot: the snapshots compared, the
    per-RW target (CAKUPAN_RW_TARGET) and the metrics declared. A question whose key differs is
    asked of the builder."""
    return f"{p.sebelumnya}|{p.awal}|{p.arus}|{p.arus_4mg}|{target_rw}|{VERSI_METRIK:08x}"


def hitung(con) -> None:
    """Store the answers of the newest snapshots in the build being made (a warehouse finisher),
    and what a click reads beside it (metrics/tersimpan.py)."""
    snapshots = con.execute(periode.SNAPSHOT_SQL).fetchall()
    target_rw = settings.rw_target()
    urut = ", ".join(pembangun.URUT_TABEL)
    turunan = con.execute(pembangun.ADA_SQL, {"nama": "target_berlaku"}).fetchone()[0]
    bagian, ada = [], []
    for tanggal, _ in snapshots[-SNAPSHOT_TERBARU:]:
        p = periode.dari_daftar(snapshots, tanggal)
        k = kunci(p, target_rw)
        for tingkat in TINGKAT:
            sql, params = pembangun.kueri_tabel(tingkat, "ID", Filter(), p, SEMUA, target_rw=target_rw, turunan=turunan)
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
    if bagian:
        con.executemany("INSERT INTO jawaban_ada VALUES (?, ?, ?)", ada)
        semua = " UNION ALL BY NAME ".join(f"SELECT * FROM {nama}" for nama in bagian)
        con.execute(
            f"CREATE TABLE jawaban AS SELECT * FROM ({semua}) ORDER BY tanggal_data, tingkat, kode_urut"
        ).fetchall()
        for nama in bagian:
            con.execute(f"DROP TABLE {nama}").fetchall()
    _simpan_samping(con, snapshots, target_rw, bool(bagian), turunan)


def _simpan_samping(con, snapshots, target_rw: int, ada_jawaban: bool, turunan: bool) -> None:
    """Write the build's SQLite file: answer rows above RW, the upper places' trends, the places."""
    (path,) = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    db = tersimpan.buat(Path(path))
    try:
        db.executemany("INSERT INTO wilayah VALUES (?, ?, ?)", con.execute(wilayah.SEMUA_SQL).fetchall())
        if ada_jawaban:
            hasil = con.execute("SELECT * FROM jawaban WHERE tingkat <> 'rw'")
            nama = [d[0] for d in hasil.description]
            db.executemany("INSERT INTO kolom VALUES (?, ?)", enumerate(nama))
            i = {n: nama.index(n) for n in ("tanggal_data", "tingkat", "kunci", "kode_urut", "urut")}
            while baris := hasil.fetchmany(20_000):
                db.executemany(
                    "INSERT INTO baris VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (r[i["tanggal_data"]].isoformat(), r[i["tingkat"]], r[i["kunci"]], r[i["kode_urut"]])
                        + (r[i["urut"]], tersimpan.bungkus(r))
                        for r in baris
                    ],
                )
        if snapshots:
            tempat = _simpan_rincian(con, db, snapshots[-1][0])
            _simpan_tren(con, db, snapshots[-1][0], target_rw, tempat, turunan)
        db.commit()
    finally:
        db.close()


def _records(con, sql: str, params: dict) -> list[dict]:
    """warehouse.records on the build being made."""
    hasil = con.execute(sql, params)
    nama = [d[0] for d in hasil.description]
    return [dict(zip(nama, r)) for r in hasil.fetchall()]


def _simpan_tren(con, db, tanggal, target_rw: int, tempat: list[str], turunan: bool) -> None:
    """The builder's own trend of each place in `tempat` (the nation, the provinces and kab/kota
    with participants) up to the newest snapshot: the nation's question, then one grouped
    statement a level (pembangun.tren_semua), where a question a place cost 8-21 ms at 5 juta rows."""
    k = kunci_tren(tanggal, target_rw)
    semua = {"ID": _records(con, *pembangun.tren("ID", Filter(), tanggal, target_rw=target_rw, turunan=turunan))}
    for tingkat in TINGKAT[1 : TINGKAT_TREN + 1]:
        di_sini = [kode for kode in tempat if pembangun.tingkat_kode(kode) == tingkat]
        if di_sini:
            sql, params = pembangun.tren_semua(tingkat, di_sini, tanggal, target_rw=target_rw, turunan=turunan)
            for r in _records(con, sql, params):
                semua.setdefault(r.pop("kode"), []).append(r)
    db.executemany(
        "INSERT INTO tren VALUES (?, ?, ?)", [(k, kode, tersimpan.bungkus(tuple(semua[kode]))) for kode in tempat]
    )


# The breakdowns pages ask without a filter, and the BPU occupations (cakupan.pekerjaan_bpu).
RINCIAN_TERSIMPAN = [(d, Filter()) for d in pembangun.RINCIAN] + [("pekerjaan", Filter(segmen="BPU"))]


def kunci_rincian(tanggal, filt: Filter) -> str:
    return f"{tanggal}|{sorted(filt.teks().items())}"


def _simpan_rincian(con, db, tanggal) -> list[str]:
    """The builder's breakdowns of the nation, each province and each kab/kota in the newest
    snapshot: one grouped statement a level and breakdown (rincian_semua), 4-6 ms a question
    otherwise. Returns the places with participants (the nation first)."""
    tempat = {"ID"}
    for dimensi, filt in RINCIAN_TERSIMPAN:
        k = kunci_rincian(tanggal, filt)
        semua = {"ID": _records(con, *pembangun.rincian("ID", dimensi, filt, tanggal))}
        for tingkat in TINGKAT[1 : TINGKAT_TREN + 1]:
            for r in _records(con, *pembangun.rincian_semua(tingkat, dimensi, filt, tanggal)):
                semua.setdefault(r.pop("kode"), []).append(r)
        tempat.update(semua)
        db.executemany(
            "INSERT INTO rincian VALUES (?, ?, ?, ?)",
            [(k, kode, dimensi, tersimpan.bungkus(tuple(rows))) for kode, rows in semua.items()],
        )
    return ["ID", *sorted(tempat - {"ID"})]


def rincian(path, kode: str, dimensi: str, tanggal, filt: Filter) -> tuple | None:
    """The stored breakdown of a place down to kab/kota, or None when not stored."""
    if TINGKAT.index(pembangun.tingkat_kode(kode)) > TINGKAT_TREN or (dimensi, filt) not in RINCIAN_TERSIMPAN:
        return None
    rows = tersimpan.baca(
        path,
        "SELECT isi FROM rincian WHERE kunci = ? AND kode = ? AND dimensi = ?",
        (kunci_rincian(tanggal, filt), kode, dimensi),
    )
    return tersimpan.buka(rows[0][0]) if rows else None


def kunci_tren(tanggal, target_rw: int) -> str:
    return f"{tanggal}|{target_rw}"


def tren(path, kode: str, tanggal, target_rw: int) -> tuple | None:
    """The stored trend rows of an unfiltered place up to `tanggal`, or None when not stored."""
    if TINGKAT.index(pembangun.tingkat_kode(kode)) > TINGKAT_TREN:
        return None
    rows = tersimpan.baca(
        path, "SELECT isi FROM tren WHERE kunci = ? AND kode = ?", (kunci_tren(tanggal, target_rw), kode)
    )
    return tersimpan.buka(rows[0][0]) if rows else None


def baca(path, tingkat: str, kode: str, p: Periode, metrik: tuple, target_rw: int) -> list[dict] | None:
    """The stored rows of an unfiltered question (`tingkat` inside place `kode`, checked by the
    builder before), or None when this build does not hold them."""
    k = kunci(p, target_rw)
    if pembangun.tingkat_kode(kode) == "rw" or (p.tanggal, tingkat, k) not in _tersimpan(path):
        return None
    kolom = [*pembangun.KOLOM_TABEL, *(definisi.metrik(m).nama for m in metrik)]
    dekat = TINGKAT.index(tingkat) - TINGKAT.index(pembangun.tingkat_kode(kode)) <= BEDA_TINGKAT
    if tingkat != "rw" and dekat:
        baris = _baca_samping(path, tingkat, kode, p.tanggal, k, kolom)
        if baris is not None:
            return baris
    dalam = "" if kode == "ID" else f" AND {kode_wilayah.sql_mencakup('kode_urut', '$kode')}"
    params = {"tanggal": p.tanggal, "tingkat": tingkat, "kunci": k}
    sql = (
        f"SELECT {', '.join(kolom)} FROM jawaban WHERE tanggal_data = $tanggal AND tingkat = $tingkat"
        f" AND kunci = $kunci{dalam} ORDER BY urut"
    )
    return warehouse.records(sql, params if kode == "ID" else {**params, "kode": kode})


# Grain: the stored rows of one level inside one place (the place's own rows, then those below it).
BACA_SQL = (
    "SELECT urut, isi FROM baris WHERE tanggal = ?1 AND tingkat = ?2 AND kunci = ?3 AND kode_urut = ?4 "
    "UNION ALL SELECT urut, isi FROM baris WHERE tanggal = ?1 AND tingkat = ?2 AND kunci = ?3 "
    f"AND {kode_wilayah.sql_di_bawah('kode_urut', '?4', sqlite=True)}"
)
BACA_SEMUA_SQL = "SELECT urut, isi FROM baris WHERE tanggal = ?1 AND tingkat = ?2 AND kunci = ?3"


def _baca_samping(path, tingkat, kode, tanggal, k, kolom) -> list[dict] | None:
    """The slice from the build's SQLite file; None when the build has none."""
    params = (tanggal.isoformat(), tingkat, k) + (() if kode == "ID" else (kode,))
    rows = tersimpan.baca(path, BACA_SEMUA_SQL if kode == "ID" else BACA_SQL, params)
    if rows is None:
        return None
    letak = _letak(path)
    ambil = [letak[n] for n in kolom]
    rows.sort()
    return [dict(zip(kolom, [isi[j] for j in ambil])) for isi in (tersimpan.buka(r[1]) for r in rows)]


@functools.lru_cache(maxsize=8)
def _letak(path) -> dict:
    """Column name -> position in a stored row of build `path`."""
    return {nama: i for i, nama in tersimpan.baca(path, "SELECT urutan, nama FROM kolom", ())}


@functools.lru_cache(maxsize=8)
def _tersimpan(_path) -> frozenset:
    """(snapshot, level, kunci) held by a served build; empty for a build made before answers were stored."""
    try:
        return frozenset(warehouse.rows("SELECT tanggal_data, tingkat, kunci FROM jawaban_ada"))
    except duckdb.CatalogException:
        return frozenset()
