"""The weekly review of one place: what a meeting goes through, gathered from the same
questions as the dashboard (cakupan) in one call, for the projector route and the report file.
Every list is already cut to what a slide shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from metrics import cakupan, data, lingkup, wilayah
from metrics.pembangun import Filter, Periode

KPI, ANAK = cakupan.KPI, cakupan.ANAK
RW = [
    "rw_diketahui",
    "rw_tercapai",
    "persen_rw_tercapai",
    "target_program_rw",
    "capaian_program_rw",
    "program_rw_berhasil",
    "kelurahan_referensi_rw",
]
BARIS = 5  # children that moved most, and least
TERTINGGAL = 8  # laggards furthest from target


@dataclass
class Tinjauan:
    tempat: wilayah.Tempat
    periode: Periode
    filt: Filter
    angka: dict  # the place's KPIs
    tren: list[dict]  # every snapshot up to this one
    naik: list[dict] = field(default_factory=list)  # children, biggest weekly gain first
    turun: list[dict] = field(default_factory=list)  # children, smallest gain (or biggest loss) first
    tertinggal: list[dict] = field(default_factory=list)  # children, biggest kekurangan first
    tingkat_anak: str | None = None
    rw: dict | None = None  # 1 RW 100, when RWs are known here
    rw_baris: list[dict] = field(default_factory=list)  # RWs furthest from target, or children by RWs at target
    muat: dict | None = None  # the snapshot's load: read, loaded, rejected by reason (admins)
    catatan: list[str] = field(default_factory=list)
    dibuat: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))


def tinjauan(kode: str | None = "ID", tanggal: dt.date | str | None = None, filt: Filter | None = None) -> Tinjauan:
    """Everything the review shows for a place, a snapshot and a filter (inside the asker's scope)."""
    filt = lingkup.saring(filt)
    hasil = cakupan.tabel(wilayah.tempat(kode).tingkat, kode, tanggal, filt, KPI)
    t = Tinjauan(
        hasil.induk,
        hasil.periode,
        filt,
        hasil.baris[0],
        cakupan.tren(kode, hasil.periode.tanggal, filt),
        catatan=list(hasil.catatan),
        tingkat_anak=hasil.induk.tingkat_anak,
    )
    if t.tingkat_anak and t.tingkat_anak != "rw":
        _anak(t)
    if filt.di_rw and t.tempat.tingkat != "rw":
        _rw(t)
    if lingkup.aktif().admin:
        t.muat = data.muat_snapshot(t.periode.tanggal)
    return t


def _anak(t: Tinjauan) -> None:
    gain = cakupan.peringkat(t.tempat.kode, "perubahan_minggu", t.periode.tanggal, t.filt, ANAK).baris
    known = [b for b in gain if b["perubahan_minggu"] is not None]
    t.naik = known[: min(BARIS, (len(known) + 1) // 2)]
    t.turun = list(reversed(known[len(t.naik) :]))[:BARIS]
    if t.filt.target_berlaku:
        far = cakupan.peringkat(t.tempat.kode, "kekurangan", t.periode.tanggal, t.filt, ANAK).baris
        t.tertinggal = [b for b in far if b["kekurangan"]][:TERTINGGAL]


def _rw(t: Tinjauan) -> None:
    rw = cakupan.angka_tempat(t.tempat.kode, t.periode.tanggal, t.filt, RW)
    if not rw["rw_diketahui"]:
        return
    t.rw = rw
    if t.tempat.tingkat in ("kecamatan", "kelurahan"):
        t.rw_baris = cakupan.rw_terjauh(t.tempat.kode, t.periode.tanggal, t.filt, TERTINGGAL)
    else:
        rows = cakupan.anak(t.tempat.kode, t.periode.tanggal, t.filt, RW[:5]).baris
        t.rw_baris = sorted(
            (r for r in rows if r["kode_wilayah"] and r["rw_diketahui"]),
            key=lambda r: (-(r["persen_rw_tercapai"] or 0), r["kode_wilayah"]),
        )[:TERTINGGAL]
