"""A question, checked once where a request enters: a place inside the asker's scope, a period
and filters. Pages, download routes, the command lines and the review build one here and pass
it down; the functions of `cakupan` take it as it is and only re-check the scope (the gate)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metrics import lingkup, periode, wilayah
from metrics.definisi import SARINGAN, PertanyaanTidakSah
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


def dari_teks(teks: dict[str, str]) -> tuple[Pertanyaan, dict[str, str], list[PertanyaanTidakSah]]:
    """A question from URL texts, forgiving: an unknown or out-of-scope place opens the account's
    own place, an unknown snapshot the newest, unknown filters none; each with its message.
    Returns (question, the texts accepted, the refusals: each says itself in either language).
    Raises periode.BelumAdaData."""
    q = {k: str(v) for k, v in teks.items() if k in KUNCI and v not in (None, "")}
    galat = []
    akun = lingkup.aktif()
    try:
        lingkup.periksa(q.get("wilayah", akun.wilayah))
        tempat = wilayah.tempat(q.get("wilayah", akun.wilayah))
    except PertanyaanTidakSah as e:  # unknown, or outside the account's scope (TanpaAkses is one)
        galat.append(e)
        tempat = wilayah.tempat(akun.wilayah)
        q.pop("wilayah", None)
    try:
        p = periode.periode(q.get("snapshot"))
    except PertanyaanTidakSah as e:
        galat.append(e)
        p = periode.periode()
        q.pop("snapshot", None)
    try:
        lingkup.saring(Filter(kantor_cabang=q.get("cabang")))  # the branch's scope before its other values
        filt = lingkup.saring(Filter.dari_teks(q))
    except PertanyaanTidakSah as e:
        galat.append(e)
        filt = lingkup.saring(Filter())
        for s in SARINGAN:
            q.pop(s.kunci, None)
    return Pertanyaan(tempat, p, filt), q, galat


def dari_teks_ketat(teks: dict[str, str]) -> Pertanyaan:
    """A server route's question (downloads, the review): a place or branch outside the scope is
    refused as such (TanpaAkses, a 403); any other bad value refuses the request (PertanyaanTidakSah)."""
    tanya_, _, galat = dari_teks(teks)
    if galat:  # a refusal of scope first: it is a 403 whatever else was wrong
        raise next((e for e in galat if isinstance(e, lingkup.TanpaAkses)), galat[0])
    return tanya_
