"""The weekly review of one place: what a meeting goes through, gathered from the same
questions as the dashboard (cakupan) in one call, for the projector route and the report file.
Every list is already cut to what a slide shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import settings
from metrics import aksi, cakupan, data, lingkup, peta
from metrics.banding import Banding
from metrics.pertanyaan import DariPertanyaan, Pertanyaan

KPI, ANAK = cakupan.KPI, cakupan.ANAK
BARIS = 5  # children that moved most, and least
TERTINGGAL = 8  # laggards furthest from target


@dataclass
class Tinjauan(DariPertanyaan):
    tanya: Pertanyaan
    angka: dict  # the place's KPIs
    tren: list[dict]  # every snapshot up to this one
    naik: list[dict] = field(default_factory=list)  # children, biggest weekly gain first
    anak_diketahui: int = 0  # children with a weekly change: naik and turun are cut from these
    turun: list[dict] = field(default_factory=list)  # children, smallest gain (or biggest loss) first
    tertinggal: list[dict] = field(default_factory=list)  # children, biggest kekurangan first
    rw: dict | None = None  # 1 RW 100, when RWs are known here
    rw_baris: list[dict] = field(default_factory=list)  # RWs furthest from target, or children by RWs at target
    rw_anak: tuple[int, int] | None = None  # (children with RWs known, children): what the RW slide lists of all
    anak: list[dict] = field(default_factory=list)  # every child with its capaian: the map slide
    batas: dict = field(default_factory=dict)  # the children's boundaries, when loaded (metrics/peta.py)
    aksi: list = field(default_factory=list)  # actions the trend marks (metrics/aksi.py)
    muat: dict | None = None  # the snapshot's load: read, loaded, rejected by reason (admins)
    catatan: list[str] = field(default_factory=list)
    banding: Banding | None = None  # the comparison asked for beside the review (metrics/banding.py): its slide
    # when it was made, in the configured zone (settings.zona: WIB by default), never the server's clock zone
    dibuat: dt.datetime = field(default_factory=lambda: dt.datetime.now(settings.zona()).replace(microsecond=0))

    @property
    def tingkat_anak(self) -> str | None:
        return self.tempat.tingkat_anak


def tinjauan(t: Pertanyaan, banding: Banding | None = None) -> Tinjauan:
    """Everything the review shows for a question (inside the asker's scope), and the comparison
    `banding` when one was asked for (its slide; metrics.banding.baca makes it from the URL)."""
    hasil = cakupan.tabel_tempat(t, KPI)  # TanpaData for an RW with nothing to show
    tj = Tinjauan(t, hasil.baris[0], cakupan.tren(t), catatan=hasil.catatan, aksi=aksi.untuk_tren(t.kode))
    tj.banding = banding
    if tj.tingkat_anak and tj.tingkat_anak != "rw":
        _anak(tj)
    if t.filt.di_rw and t.tempat.tingkat != "rw":
        _rw(tj)
    if lingkup.aktif().admin and lingkup.aktif().nasional:  # whole-file counts: national admins
        tj.muat = data.muat_snapshot(t.tanggal)
    return tj


def _anak(tj: Tinjauan) -> None:
    gain = cakupan.peringkat(tj.tanya, "perubahan_minggu", ANAK).baris
    tj.anak = [b for b in gain if b["kode_wilayah"]]
    tj.batas = peta.batas_anak(tj.tempat.kode)
    known = [b for b in gain if b["perubahan_minggu"] is not None]
    tj.anak_diketahui = len(known)
    tj.naik = known[: min(BARIS, (len(known) + 1) // 2)]
    tj.turun = list(reversed(known[len(tj.naik) :]))[:BARIS]
    if tj.filt.target_berlaku:
        far = cakupan.peringkat(tj.tanya, "kekurangan", ANAK).baris
        tj.tertinggal = [b for b in far if b["kekurangan_acuan"]][:TERTINGGAL]


def _rw(tj: Tinjauan) -> None:
    rw = cakupan.angka_tempat(tj.tanya, cakupan.PROGRAM_RW)
    if not rw["rw_diketahui"]:
        return
    tj.rw = rw
    if tj.tempat.tingkat in ("kecamatan", "kelurahan"):
        tj.rw_baris = cakupan.rw_terjauh(tj.tanya, TERTINGGAL)
    else:
        rows = cakupan.anak(tj.tanya, cakupan.RW_RINGKAS).baris
        known = [r for r in rows if r["kode_wilayah"] and r["rw_diketahui"]]  # each has a persen_rw_tercapai
        tj.rw_anak = (len(known), sum(1 for r in rows if r["kode_wilayah"]))
        tj.rw_baris = cakupan.urut(known, "persen_rw_tercapai", TERTINGGAL)
