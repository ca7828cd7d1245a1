"""A question, checked once where a request enters: a place inside the asker's scope, a period
and filters. Pages, download routes, the command lines and the review build one here and pass
it down; the functions of `cakupan` take it as it is and only re-check the scope (the gate)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metrics import lingkup, periode, wilayah
from metrics.definisi import SARINGAN, PertanyaanTidakSah, kutip
from metrics.pembangun import Filter, Periode

KUNCI = ("wilayah", "snapshot", *(s.kunci for s in SARINGAN))  # the texts a question is read from


@dataclass(frozen=True)
class Pertanyaan:
    """What is asked: `tempat` (a checked place), `periode` (a loaded snapshot and the ones it is
    compared with), `filt` (with a branch scope's own branch forced)."""

    tempat: wilayah.Tempat
    periode: Periode
    filt: Filter

    @property
    def kode(self) -> str:
        return self.tempat.kode

    @property
    def tanggal(self) -> dt.date:
        return self.periode.tanggal

    def teks(self) -> dict[str, str]:
        """The question as URL texts ({'wilayah': '31.75', 'snapshot': '2024-02-06', 'segmen': 'BPU'})."""
        return {"wilayah": self.kode, "snapshot": self.tanggal.isoformat(), **self.filt.teks()}


class DariPertanyaan:
    """Something that holds a question (`tanya`): its place, period and filters by name."""

    tanya: Pertanyaan

    @property
    def tempat(self) -> wilayah.Tempat:
        return self.tanya.tempat

    @property
    def periode(self) -> Periode:
        return self.tanya.periode

    @property
    def filt(self) -> Filter:
        return self.tanya.filt


def tanya(kode: str | None = "ID", tanggal: dt.date | str | None = None, filt: Filter | None = None) -> Pertanyaan:
    """A question from values (the command lines, tests). Raises lingkup.TanpaAkses for a place or
    branch outside the scope, PertanyaanTidakSah for an unknown code or date, periode.BelumAdaData
    when nothing is loaded."""
    lingkup.periksa(kode)
    filt = lingkup.saring(filt)
    return Pertanyaan(wilayah.tempat(kode), periode.periode(tanggal), filt)


class Pengganti(PertanyaanTidakSah):
    """A URL value a page replaces, saying what it shows instead (not an unknown value): a date
    without a load is shown as the snapshot before it (`periode.dimuat_sebelum`), a place or branch
    outside the scope as the account's own. `kunci` is the URL key; `diminta` what the URL named
    (a date, a `wilayah.Tempat`, a branch's name), `ditampilkan` what is shown instead (the same
    kinds); `asal` the refusal a strict route raises instead (its words are this one's)."""

    def __init__(self, kunci: str, diminta, ditampilkan, asal: PertanyaanTidakSah):
        super().__init__(str(asal), asal.en)
        self.kunci, self.diminta, self.ditampilkan, self.asal = kunci, diminta, ditampilkan, asal


def dari_teks(teks: dict[str, str]) -> tuple[Pertanyaan, dict[str, str], list[PertanyaanTidakSah]]:
    """A question from URL texts, forgiving: a value with one meaning is read as it (' bpu ' is
    BPU), a date without a load shows the snapshot before it, a place outside the scope the
    account's own (each a `Pengganti`), and an unknown value is dropped with its refusal: a place
    opens the account's own, a date the newest, a filter none (the others stay).
    Returns (question, the texts accepted: canonical, for links; the refusals, each saying itself
    in either language). Raises periode.BelumAdaData."""
    q = {k: str(v).strip() for k, v in teks.items() if k in KUNCI and str(v or "").strip()}
    galat: list[PertanyaanTidakSah] = []
    tempat = _tempat(q, galat)
    p = _periode(q, galat)
    return Pertanyaan(tempat, p, _saringan(q, galat)), q, galat


def _tempat(q: dict[str, str], galat: list) -> wilayah.Tempat:
    """The URL's place when in scope and known; else the account's own, with why."""
    sendiri = wilayah.tempat(lingkup.aktif().wilayah)
    if "wilayah" not in q:
        return sendiri
    try:
        lingkup.periksa(q["wilayah"])
    except lingkup.TanpaAkses as e:  # not this account's to ask, known or not: its own is shown
        galat.append(Pengganti("wilayah", _dikenal(q.pop("wilayah")), sendiri, e))
        return sendiri
    try:
        tempat = wilayah.tempat(q["wilayah"])
    except PertanyaanTidakSah as e:  # not a place at all
        galat.append(e)
        q.pop("wilayah")
        return sendiri
    q["wilayah"] = tempat.kode
    return tempat


def _dikenal(kode: str) -> wilayah.Tempat | str:
    """The place a code names, or the code itself when it names none (to say which was asked)."""
    try:
        return wilayah.tempat(kode)
    except PertanyaanTidakSah:
        return kode


def _periode(q: dict[str, str], galat: list) -> Periode:
    """The URL's snapshot; a date without a load, the snapshot before it; not a date, the newest."""
    try:
        p = periode.periode(q.get("snapshot"))
    except PertanyaanTidakSah as e:
        try:
            diminta = dt.date.fromisoformat(q["snapshot"])
        except ValueError:
            v = kutip(q.pop("snapshot"))
            galat.append(
                PertanyaanTidakSah(
                    f"Tanggal data '{v}' tidak terbaca: tulis tahun-bulan-hari, misalnya 2024-02-06 (snapshot={v})",
                    f"Data date '{v}' cannot be read: write year-month-day, e.g. 2024-02-06 (snapshot={v})",
                )
            )
            return periode.periode()
        p = periode.periode(periode.dimuat_sebelum(diminta))
        galat.append(Pengganti("snapshot", diminta, p.tanggal, e))
    if "snapshot" in q:
        q["snapshot"] = p.tanggal.isoformat()  # links from this page name the snapshot it shows
    return p


def _saringan(q: dict[str, str], galat: list) -> Filter:
    """The URL's filters, each read alone: an unknown one is dropped, the others stay; a branch
    outside a branch account's scope is its own branch."""
    nilai = {}
    for s in SARINGAN:
        if s.kunci not in q:
            continue
        try:
            nilai[s.kolom] = s.ke_nilai(q[s.kunci])
            q[s.kunci] = s.ke_teks(nilai[s.kolom])  # the canonical text (bpu -> BPU)
        except PertanyaanTidakSah as e:
            galat.append(e)
            q.pop(s.kunci)
    try:
        lingkup.saring(Filter(kantor_cabang=nilai.get("kantor_cabang")))
    except lingkup.TanpaAkses as e:
        galat.append(Pengganti("cabang", nilai.pop("kantor_cabang"), lingkup.aktif().kantor_cabang, e))
        q.pop("cabang")
    return lingkup.saring(Filter(**nilai))


def dari_teks_ketat(teks: dict[str, str]) -> Pertanyaan:
    """A server route's question (downloads, the review): a place or branch outside the scope is
    refused as such (TanpaAkses, a 403); any other bad value refuses the request (PertanyaanTidakSah)."""
    tanya_, _, galat = dari_teks(teks)
    galat = [getattr(e, "asal", e) for e in galat]  # a replaced value is refused here, as it was asked
    if galat:  # a refusal of scope first: it is a 403 whatever else was wrong
        raise next((e for e in galat if isinstance(e, lingkup.TanpaAkses)), galat[0])
    return tanya_
