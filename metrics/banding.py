"""Banding: one place at two snapshots, or two to four places at one snapshot, side by side
(issue 35, item 1). Every side is asked the same measures with the same filters and measured
against its own reference target (cakupan.KPI's target, capaian, kekurangan); each side after
the first gets its difference from the first.

A side is one question (place, snapshot, filters) answered by cakupan.tabel_tempat, so by the
one builder; nothing here computes a number but a difference. A difference is in its measure's
unit: persons (counts, target, kekurangan, weekly change), persons a week (laju_4mg), and for
capaian a fraction: 0.15 is 15 percentage points (55 % against 40 %), never 15 % of 40 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from metrics import cakupan, lingkup, pertanyaan, wilayah
from metrics.definisi import PertanyaanTidakSah, kutip
from metrics.pertanyaan import Pengganti, Pertanyaan

UKURAN = [
    "peserta_terdaftar",
    "peserta_aktif",
    "target_acuan",
    "capaian_acuan",
    "kekurangan_acuan",
    "perubahan_minggu",
    "laju_4mg",
]
DIMINTA = [*UKURAN, "jenis_target"]
TEMPAT_MAKS = 4  # places side by side: what a phone's table and a slide's rows hold
KUNCI = ("banding", "dengan")  # the URL's keys: another snapshot; other places, codes joined by ','


@dataclass(frozen=True)
class Sisi:
    """One side: its question and its numbers (cakupan.angka_tempat's row: DIMINTA, kode_wilayah,
    nama_wilayah, tingkat...)."""

    tanya: Pertanyaan
    angka: dict
    catatan: tuple = ()  # its notes (id, en): the pace's weeks of data, a filter without targets...


@dataclass
class Banding:
    """`jenis` 'tanggal' (one place, two snapshots, the older first) or 'wilayah' (places at one
    snapshot, the URL's place first); `tanya` the URL's question; `sisi` the sides, the first being
    what the others are compared with; `selisih[i]` side i+1 minus the first, per measure of UKURAN
    (None where either has no value); `catatan` the notes every side has, (id, en), once (a note of
    only some sides stays with them: Sisi.catatan)."""

    jenis: str
    tanya: Pertanyaan
    sisi: list[Sisi]
    selisih: list[dict]
    catatan: list[tuple[str, str]] = field(default_factory=list)

    @property
    def acuan(self) -> Sisi:
        return self.sisi[0]

    def teks(self) -> dict[str, str]:
        """The comparison as URL texts besides the question's: {'banding': '2024-01-09'} or
        {'dengan': '31.71.04.1002,31.75.02.1002'} (links, downloads, the review)."""
        if self.jenis == "tanggal":
            lain = next(s for s in self.sisi if s.tanya.tanggal != self.tanya.tanggal)
            return {"banding": lain.tanya.tanggal.isoformat()}
        return {"dengan": ",".join(s.tanya.kode for s in self.sisi[1:])}


def dua_tanggal(t: Pertanyaan, tanggal: dt.date | str | None = None) -> Banding:
    """`t`'s place at `t`'s snapshot and at `tanggal` (a loaded snapshot, earlier or later; None:
    4 weeks back, the period's `awal`), the older first. Raises PertanyaanTidakSah when only one
    snapshot is loaded, for the same snapshot twice or a date without a load."""
    if tanggal is None:
        tanggal = t.periode.awal
    if tanggal is None:
        raise PertanyaanTidakSah(
            "Baru ada satu tanggal data: belum ada yang bisa dibandingkan.",
            "Only one data date is loaded: there is nothing to compare with yet.",
        )
    lain = pertanyaan.tanya(t.kode, tanggal, t.filt)
    if lain.tanggal == t.tanggal:
        raise PertanyaanTidakSah(
            f"Pilih tanggal data lain dari {t.tanggal.isoformat()} untuk dibandingkan (banding={t.tanggal}).",
            f"Choose a data date other than {t.tanggal.isoformat()} to compare with (banding={t.tanggal}).",
        )
    return _banding("tanggal", t, sorted([t, lain], key=lambda q: q.tanggal))


def beberapa_tempat(t: Pertanyaan, kode: list[str]) -> Banding:
    """`t`'s place and the places `kode` (1 to TEMPAT_MAKS - 1 others, in the order given; one named
    twice, or `t`'s own, counts once) at `t`'s snapshot with `t`'s filters. Raises lingkup.TanpaAkses
    for a place outside the asker's scope, PertanyaanTidakSah for an unknown code, no other place
    or too many."""
    lain: dict[str, Pertanyaan] = {}
    for k in kode:
        q = pertanyaan.tanya(k, t.tanggal, t.filt)
        if q.kode != t.kode:
            lain.setdefault(q.kode, q)
    if not lain:
        raise PertanyaanTidakSah(
            "Pilih satu sampai tiga wilayah lain untuk dibandingkan (dengan=KODE,KODE).",
            "Choose one to three other places to compare with (dengan=CODE,CODE).",
        )
    if len(lain) > TEMPAT_MAKS - 1:
        raise PertanyaanTidakSah(
            f"Paling banyak {TEMPAT_MAKS} wilayah berdampingan; yang diminta {len(lain) + 1}.",
            f"At most {TEMPAT_MAKS} places side by side; {len(lain) + 1} were asked.",
        )
    return _banding("wilayah", t, [t, *lain.values()])


def _banding(jenis: str, t: Pertanyaan, tanya: list[Pertanyaan]) -> Banding:
    sisi = []
    for q in tanya:
        hasil = cakupan.tabel_tempat(q, DIMINTA)  # TanpaData for an RW with nothing to show
        sisi.append(Sisi(q, hasil.baris[0], tuple(hasil.catatan)))
    catatan = [c for c in sisi[0].catatan if all(c in s.catatan for s in sisi)]
    acuan = sisi[0].angka
    selisih = [{m: _kurang(s.angka[m], acuan[m]) for m in UKURAN} for s in sisi[1:]]
    return Banding(jenis, t, sisi, selisih, catatan)


def _kurang(a, b):
    return None if a is None or b is None else a - b


def baca(t: Pertanyaan, teks: Mapping, ketat: bool = False) -> tuple[Banding | None, list[PertanyaanTidakSah]]:
    """The comparison a URL asks for beside its question `t`: `dengan` (codes joined by ',') wins
    over `banding` (a date); neither is `t`'s place 4 weeks back. Forgiving (a page): a place
    outside the scope (a pertanyaan.Pengganti naming it and the account's place) or unknown is
    left out, a date not loaded gives the default, each with its refusal; (None, refusals) when nothing is left to compare. `ketat` (downloads, the review): the
    first refusal is raised instead, one of scope (lingkup.TanpaAkses, a 403) first."""
    galat: list[PertanyaanTidakSah] = []
    dengan = [k.strip() for k in str(teks.get("dengan") or "").split(",") if k.strip()]
    if dengan:
        kode = []
        for k in dengan:
            try:
                kode.append(pertanyaan.tanya(k, t.tanggal, t.filt).kode)
            except lingkup.TanpaAkses as e:  # named as the place it is, for the page to say by name
                galat.append(Pengganti("wilayah", _tempat(k), wilayah.tempat(lingkup.aktif().wilayah), e))
            except PertanyaanTidakSah as e:
                galat.append(e)
        if ketat and galat:
            raise next((e.asal for e in galat if isinstance(e, Pengganti)), galat[0])
        try:
            return beberapa_tempat(t, kode), galat
        except PertanyaanTidakSah as e:
            if ketat:
                raise
            return None, [*galat, e]
    tanggal = str(teks.get("banding") or "").strip() or None
    try:
        return dua_tanggal(t, tanggal), galat
    except PertanyaanTidakSah as e:
        if ketat or tanggal is None:
            if ketat:
                raise
            return None, [e]
        galat.append(_tanggal_ditolak(tanggal, e))
    try:
        return dua_tanggal(t), galat
    except PertanyaanTidakSah as e:
        return None, [*galat, e]


def _tempat(kode: str) -> wilayah.Tempat | str:
    """The place a code names, or the code itself when it names none."""
    try:
        return wilayah.tempat(kode)
    except PertanyaanTidakSah:
        return kode


def _tanggal_ditolak(tanggal: str, e: PertanyaanTidakSah) -> PertanyaanTidakSah:
    """A compare date a page cannot show, said with its key, and that 4 weeks back is shown."""
    v = kutip(tanggal)
    return PertanyaanTidakSah(
        f"{e} (banding={v}); ditampilkan: 4 minggu sebelumnya.",
        f"{e.teks('en')} (banding={v}); shown: 4 weeks earlier.",
    )
