"""History as immutable Parquet partitions, written once by the load that made them (issue 33).

A build file stays small: the person rows and the three rollups of every snapshot live beside
it, under <data>/warehouse/partisi/, and a load copies only the build file:

    <tabel>/tanggal_data=<YYYY-MM-DD>/<uuid>.parquet   one snapshot's rows, written by its load
    <tabel>/padat/<uuid>.parquet                        RINGKAS_PER_BERKAS old snapshots' rollups in
                                                        one file, sorted by region code then date

<tabel> is peserta, ringkas_wilayah, ringkas_rw, ringkas_pekerjaan or ringkas_jatuh_tempo (issue 35); every file holds the
column tanggal_data too, so a file list read by Spark or Trino needs no path parsing. A file is
never written again: a snapshot loaded again gets a new file, and a compaction writes a new one.

A build's table `partisi` (schema.sql) lists the files it serves; its views of the same names as
the tables (`peserta`, `ringkas_wilayah`, ...) read exactly those, with absolute paths, so any
DuckDB connection to the build file reads them. The same list is written beside the build as
JSON (`<build>.partisi`, for other engines and for the clean-up): files that no kept build lists
are deleted by the next load, never earlier. Empty history: the view reads the empty typed table
of the same name in schema `kerangka`.

Parquet has no 128-bit integer (DuckDB writes HUGEINT as DOUBLE), so the person's keyed NIK hash
(UHUGEINT) is stored as two UBIGINT columns, nik_hash_atas and nik_hash_bawah, and put together by
the view: the hashes read back bit for bit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from pathlib import Path

import settings

TABEL = ("peserta", "ringkas_wilayah", "ringkas_rw", "ringkas_pekerjaan", "ringkas_jatuh_tempo")
RINGKAS = TABEL[1:]
MINGGUAN = "tanggal_data="  # the folder of one snapshot's file (Hive's layout)
PADAT = "padat"  # the folder of compacted rollups
# Each file's order: a rollup by region code (its row groups' min/max then skip other places).
URUT = {
    "peserta": "",
    "ringkas_wilayah": " ORDER BY kode_wilayah, segmen, tanggal_data",
    "ringkas_rw": " ORDER BY kode_kelurahan, rw, segmen, tanggal_data",
    "ringkas_pekerjaan": " ORDER BY kode_wilayah, segmen, tanggal_data",
    "ringkas_jatuh_tempo": " ORDER BY kode_wilayah, rw, segmen, tanggal_data",
}

# The keyed NIK hash in two halves and back (see the module's docstring).
_HASH_TULIS = (
    "(nik_hash >> 64)::UBIGINT AS nik_hash_atas, (nik_hash & 18446744073709551615::UHUGEINT)::UBIGINT AS nik_hash_bawah"
)
_HASH_BACA = "(nik_hash_atas::UHUGEINT << 64) | nik_hash_bawah::UHUGEINT AS nik_hash"


def akar() -> Path:
    """The folder of every partition of this data folder."""
    return settings.data_dir() / "warehouse" / "partisi"


def simpan(con, tabel: str, tanggal, sql: str, params: dict | None = None) -> None:
    """Make snapshot `tanggal` of `tabel` the rows of `sql` (its columns: tabel's, in the order of
    kerangka.<tabel>), in a new file; the build's list and view follow. Any earlier file of that
    snapshot leaves the list (a compacted one is written again without it)."""
    lepas(con, tabel, [tanggal])
    _tulis(con, tabel, f"SELECT * FROM ({sql}) WHERE tanggal_data = $tanggal", {**(params or {}), "tanggal": tanggal})
    pasang(con, tabel)


def lepas(con, tabel: str, tanggal: list) -> None:
    """Take snapshots `tanggal` (dates) out of `tabel`'s list; a compacted file that holds one of
    them and others is written again without them. The files stay until no kept build lists them.
    The view follows when the caller calls pasang (simpan and simpan_terbaru do)."""
    if not tanggal:
        return
    for berkas, awal, akhir, jumlah in con.execute(
        "SELECT berkas, tanggal_awal, tanggal_akhir, jumlah_tanggal FROM partisi WHERE tabel = $t",
        {"t": tabel},
    ).fetchall():
        kena = [d for d in tanggal if awal <= _tanggal(d) <= akhir]
        if not kena:
            continue
        con.execute("DELETE FROM partisi WHERE berkas = $b", {"b": berkas}).fetchall()
        if jumlah > 1:
            sisa = (
                "SELECT * FROM read_parquet($f, hive_partitioning = false) "
                "WHERE tanggal_data NOT IN (SELECT unnest($d::DATE[]))"
            )
            _tulis(con, tabel, sisa, {"f": str(akar() / berkas), "d": kena}, mentah=True)


def simpan_terbaru(con, tabel: str, n: int) -> list:
    """Keep only the newest `n` snapshots of `tabel` (CAKUPAN_DETAIL_SNAPSHOTS for persons);
    returns the dates taken out."""
    lama = [
        d
        for (d,) in con.execute(
            "SELECT DISTINCT tanggal_awal FROM partisi WHERE tabel = $t AND jumlah_tanggal = 1 "
            "ORDER BY 1 DESC OFFSET $n",
            {"t": tabel, "n": n},
        ).fetchall()
    ]
    lepas(con, tabel, lama)
    pasang(con, tabel)
    return lama


def padatkan(con, mingguan: int | None = None) -> int:
    """Compact old rollups: past the newest `mingguan` snapshots (CAKUPAN_RINGKAS_MINGGUAN, 13),
    every `mingguan` one-snapshot files of a rollup become one file, sorted by region code then
    date, so a trend reads a few files and a year of weekly loads writes each snapshot twice, not
    every week. Returns the files written."""
    mingguan = mingguan or settings.ringkas_mingguan()
    ditulis = 0
    for tabel in RINGKAS:
        tunggal = con.execute(
            "SELECT berkas, tanggal_awal FROM partisi WHERE tabel = $t AND jumlah_tanggal = 1 ORDER BY 2",
            {"t": tabel},
        ).fetchall()
        lama = tunggal[: max(0, len(tunggal) - mingguan)]
        while len(lama) >= mingguan:
            kelompok, lama = lama[:mingguan], lama[mingguan:]
            berkas = [str(akar() / b) for b, _ in kelompok]
            sql = "SELECT * FROM read_parquet($f, hive_partitioning = false)"
            _tulis(con, tabel, sql, {"f": berkas}, mentah=True)
            con.execute(
                "DELETE FROM partisi WHERE berkas IN (SELECT unnest($b::VARCHAR[]))", {"b": [b for b, _ in kelompok]}
            ).fetchall()
            ditulis += 1
        pasang(con, tabel)
    return ditulis


def pasang(con, tabel: str) -> None:
    """(Re)create view `tabel` over the files the build lists, by absolute path: weekly files by
    their Hive folder (a question for one date opens one file), compacted ones by their content."""
    kolom = [
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'kerangka' AND table_name = $t "
            "ORDER BY column_index",
            {"t": tabel},
        ).fetchall()
    ]
    pilih = ", ".join(_HASH_BACA if k == "nik_hash" else k for k in kolom)
    bagian = []
    for jumlah_satu, hive in ((True, "true"), (False, "false")):
        berkas = [
            str(akar() / b)
            for (b,) in con.execute(
                "SELECT berkas FROM partisi WHERE tabel = $t AND (jumlah_tanggal = 1) = $satu ORDER BY tanggal_awal",
                {"t": tabel, "satu": jumlah_satu},
            ).fetchall()
        ]
        if berkas:
            daftar = ", ".join(_literal(b) for b in berkas)
            bagian.append(f"SELECT {pilih} FROM read_parquet([{daftar}], hive_partitioning = {hive})")
    sumber = "\nUNION ALL\n".join(bagian) or f"SELECT * FROM kerangka.{tabel}"
    con.execute(f"CREATE OR REPLACE VIEW main.{tabel} AS\n{sumber}").fetchall()


def pasang_semua(con) -> None:
    """Every view over the files the build lists (after the data folder moved, or a migration)."""
    for tabel in TABEL:
        pasang(con, tabel)


def daftar(con) -> list[str]:
    """The files a build lists, relative to akar()."""
    return [b for (b,) in con.execute("SELECT berkas FROM partisi ORDER BY berkas").fetchall()]


def tulis_daftar(con, tujuan: Path) -> None:
    """The build's list of files as JSON beside it (other engines read it; the clean-up too)."""
    tujuan.write_text(json.dumps({"akar": str(akar()), "berkas": daftar(con)}, indent=0))


def baca_daftar(sumber: Path) -> list[str] | None:
    """The files a build's JSON list names, or None when it has no list."""
    try:
        return json.loads(sumber.read_text())["berkas"]
    except FileNotFoundError:
        return None


def bersihkan(dipakai: set[str]) -> int:
    """Delete partition files that no kept build lists (`dipakai`, relative to akar()): what old
    builds served and a killed load wrote. Called under the load lock only. Returns files deleted."""
    if not akar().exists():
        return 0
    dihapus = 0
    for path in akar().rglob("*.parquet"):
        if str(path.relative_to(akar())) not in dipakai:
            path.unlink(missing_ok=True)
            dihapus += 1
    for folder in sorted((p for p in akar().rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    return dihapus


def _tulis(con, tabel: str, sql: str, params: dict, mentah: bool = False) -> None:
    """Write the rows of `sql` as one new file of `tabel` and list it; no rows, no file. mentah:
    the rows are already in the file's form (read from another partition), the hash not split again.
    The file is written under a temporary name, then moved into its folder (one snapshot's, or
    padat/ for several): a killed load leaves at most an unlisted file, which the clean-up takes."""
    pilih = "*" if mentah or tabel != "peserta" else f"* EXCLUDE (nik_hash), {_HASH_TULIS}"
    akar().mkdir(parents=True, exist_ok=True)
    nama = f"{uuid.uuid4().hex}.parquet"
    sementara = akar() / f"tmp-{nama}"
    ukuran_grup = 122880 if tabel == "peserta" else 16384  # rollups: a place's rows skip the others' groups
    con.execute(
        f"COPY (SELECT {pilih} FROM ({sql}){URUT[tabel]}) TO {_literal(str(sementara))} "
        f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {ukuran_grup})",
        params,
    ).fetchall()
    awal, akhir, jumlah, baris = con.execute(
        "SELECT min(tanggal_data), max(tanggal_data), count(DISTINCT tanggal_data), count(*) "
        "FROM read_parquet($f, hive_partitioning = false)",
        {"f": str(sementara)},
    ).fetchone()
    if not baris:
        sementara.unlink()
        return
    relatif = f"{tabel}/{MINGGUAN}{awal.isoformat()}/{nama}" if jumlah == 1 else f"{tabel}/{PADAT}/{nama}"
    path = akar() / relatif
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(sementara, path)
    con.execute(
        "INSERT INTO partisi VALUES ($tabel, $awal, $akhir, $jumlah, $berkas, $baris, $bita)",
        {
            "tabel": tabel,
            "awal": awal,
            "akhir": akhir,
            "jumlah": jumlah,
            "berkas": relatif,
            "baris": baris,
            "bita": path.stat().st_size,
        },
    ).fetchall()


def _tanggal(d) -> dt.date:
    return d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))


def _literal(teks: str) -> str:
    """A path as a SQL string literal (COPY and a view's file list take no parameters)."""
    return "'" + teks.replace("'", "''") + "'"
