"""The state of a view, held in the URL (?wilayah=31.75&snapshot=2024-02-06&segmen=BPU&bahasa=en):
read and checked through metrics/, so a copied link opens the same view and a bad value is
ignored with a message instead of reaching a query. A place outside the account's scope is
such a value: the view opens on the account's own place."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from metrics import lingkup, periode, wilayah
from metrics.definisi import PertanyaanTidakSah
from metrics.pembangun import Filter, Periode

KUNCI = ("wilayah", "snapshot", "segmen", "program", "sumber", "rentan", "cabang", "bahasa")
RENTAN = {"ya": True, "tidak": False}


@dataclass
class Keadaan:
    tempat: wilayah.Tempat
    periode: Periode
    filt: Filter
    bahasa: str
    query: dict  # the accepted values, as strings, for links
    galat: list[str] = field(default_factory=list)

    def href(self, path: str, **ubah) -> str:
        """A link to `path` with this state, changed by `ubah` (None removes a key)."""
        q = {**self.query, **ubah}
        q = {k: v for k, v in q.items() if v not in (None, "")}
        return path + ("?" + urlencode(q) if q else "")

    @property
    def snapshot(self):
        return self.periode.tanggal


def dari_query(query: dict) -> Keadaan:
    """Read a page's query; raises periode.BelumAdaData when nothing is loaded."""
    q = {k: str(v) for k, v in query.items() if k in KUNCI and v not in (None, "")}
    galat = []
    bahasa = bahasa_dari(q)
    akun = lingkup.aktif()
    try:
        lingkup.periksa(q.get("wilayah", akun.wilayah))
        tempat = wilayah.tempat(q.get("wilayah", akun.wilayah))
    except PertanyaanTidakSah as e:  # unknown, or outside the account's scope: its own place instead
        galat.append(str(e))
        tempat = wilayah.tempat(akun.wilayah)
        q.pop("wilayah", None)
    try:
        p = periode.periode(q.get("snapshot"))
    except PertanyaanTidakSah as e:
        galat.append(str(e))
        p = periode.periode()
        q.pop("snapshot", None)
    nilai = {
        "segmen": q.get("segmen"),
        "program": q.get("program"),
        "sumber_iuran": q.get("sumber"),
        "pekerja_rentan": RENTAN.get(q.get("rentan", "")),
        "kantor_cabang": q.get("cabang"),
    }
    try:
        filt = lingkup.saring(Filter(**nilai))
    except PertanyaanTidakSah as e:
        galat.append(str(e))
        filt = lingkup.saring(Filter())
        for k in ("segmen", "program", "sumber", "rentan", "cabang"):
            q.pop(k, None)
    return Keadaan(tempat, p, filt, bahasa, q, galat)


def dari_argumen(args: dict) -> Keadaan:
    """A server route's state (downloads, the review): a place or branch outside the scope is
    refused as such (TanpaAkses, a 403), any other bad value refuses the request, not ignored."""
    lingkup.periksa(args.get("wilayah") or lingkup.aktif().wilayah)
    lingkup.saring(Filter(kantor_cabang=args.get("cabang") or None))
    k = dari_query(args)
    if k.galat:
        raise PertanyaanTidakSah("; ".join(k.galat))
    return k


def bahasa_dari(query: dict) -> str:
    """English when the query asks for it, else Indonesian."""
    return "en" if query.get("bahasa") == "en" else "id"


def dari_search(search: str | None) -> dict:
    """'?a=1&b=2' -> {'a': '1', 'b': '2'}."""
    return dict(parse_qsl((search or "").lstrip("?")))
