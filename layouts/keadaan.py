"""The state of a view, held in the URL (?wilayah=31.75&snapshot=2024-02-06&segmen=BPU&bahasa=en):
the question (metrics/pertanyaan.py, read and checked once here) and the language. The one place
a page link is read (`dari_search`, `dari_query`) and written (`Keadaan.href`, `tautan`): the
pages, the frame's links and downloads, and the report's email (laporan/pesan.py). A copied link
opens the same view, or says what it shows instead: a value with one meaning is read as it (bpu
is BPU), a date without a load shows the snapshot before it, named; an unknown value is ignored
with a message naming it instead of reaching a query; a place outside the account's scope opens
the account's own place and says so. The page never rewrites the link (layouts/kerangka.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from layouts import format as fmt
from layouts.teks import t
from metrics import periode, pertanyaan, wilayah
from metrics.definisi import kutip
from metrics.pertanyaan import DariPertanyaan, Pengganti, Pertanyaan

KUNCI = (*pertanyaan.KUNCI, "bahasa")


@dataclass
class Keadaan(DariPertanyaan):
    tanya: Pertanyaan
    bahasa: str
    query: dict  # the accepted values, as strings, for links
    galat: list[str] = field(default_factory=list)  # values not known, dropped (each names its key and value)
    tempat_ditolak: bool = False  # the URL named a place this account may not ask: its own is shown
    ganti: list[str] = field(default_factory=list)  # what is shown instead of what the URL named, and why
    lain: dict = field(default_factory=dict)  # the page's own keys, as texts, checked by the page (/banding's)

    def href(self, path: str, **ubah) -> str:
        """A link to `path` with this state, changed by `ubah` (None removes a key); keys in the
        query's order, new ones after ('/wilayah?wilayah=31&snapshot=2024-01-30')."""
        return tautan(path, {**self.query, **ubah})

    def navigasi(self, path: str) -> dict:
        """What the browser needs to turn a changed control into this page's new link without asking
        the server (assets/navigasi.js, issue 32 item 3): `path`, the keys in link order, the query
        as read (canonical texts), each control's value as drawn (a date without a load drawn as the
        snapshot before it, an unknown filter as none) and the newest snapshot (a default: left out)."""
        terbaru = periode.daftar()[:1]
        return {  # the page's own keys (`lain`) after the state's: a changed filter keeps them
            "path": path,
            "kunci": [*KUNCI, *self.lain],
            "query": {**urut(self.query), **self.lain},
            "digambar": {"snapshot": self.snapshot.isoformat(), "bahasa": self.bahasa, **self.filt.teks()},
            "terbaru": terbaru[0].isoformat() if terbaru else None,
        }

    @property
    def snapshot(self):
        return self.tanya.tanggal


def tautan(path: str, query: dict) -> str:
    """`path` and its query string, keys in the order given, a None or '' value left out
    ('/wilayah', {'wilayah': '31.75', 'segmen': None} -> '/wilayah?wilayah=31.75'). The one writer of
    a link's query: pages, downloads, the review, the email's link and the login's way back
    (server/masuk.py); form-encoded (urlencode: a space is '+')."""
    q = {k: v for k, v in query.items() if v not in (None, "")}
    return path + ("?" + urlencode(q) if q else "")


def urut(query: dict) -> dict:
    """The state keys of a query in link order (KUNCI: wilayah, snapshot, the filters, bahasa),
    others and empty values left out; a link built from it reads the same whatever the click."""
    return {k: query[k] for k in KUNCI if query.get(k) not in (None, "")}


def dari_query(query: dict, lain: tuple[str, ...] = ()) -> Keadaan:
    """Read a page's query, and the page's own keys `lain` as texts (left for the page to check);
    raises periode.BelumAdaData when nothing is loaded."""
    tanya, q, galat = pertanyaan.dari_teks(query)
    if query.get("bahasa") not in (None, ""):
        q["bahasa"] = str(query["bahasa"])
    bahasa = bahasa_dari(query)
    ditolak = any(isinstance(e, Pengganti) and e.kunci == "wilayah" for e in galat)
    tidak_dikenal = [e.teks(bahasa) for e in galat if not isinstance(e, Pengganti)]
    ganti = [kata_pengganti(e, bahasa) for e in galat if isinstance(e, Pengganti)]
    sendiri = {k: str(query[k]) for k in lain if query.get(k) not in (None, "")}
    return Keadaan(tanya, bahasa, q, tidak_dikenal, ditolak, ganti, sendiri)


def kata_pengganti(e: Pengganti, bahasa: str) -> str:
    """What a page shows instead of what its URL named, in words ('Data 6 Februari 2024
    ditampilkan: tidak ada data pada 7 Februari 2024'; 'Jakarta Pusat di luar lingkup akses
    Anda (wilayah akun Anda: Jakarta Timur)')."""
    if e.kunci == "snapshot":
        kunci = "snapshot_lain" if e.ditampilkan <= e.diminta else "snapshot_sebelum_awal"
        return t(kunci, bahasa).format(tampil=fmt.tanggal(e.ditampilkan, bahasa), minta=fmt.tanggal(e.diminta, bahasa))
    if e.kunci == "wilayah":
        minta = (
            wilayah.nama_lengkap(e.diminta)
            if isinstance(e.diminta, wilayah.Tempat)
            else t("wilayah_kode", bahasa).format(kode=kutip(e.diminta))
        )
        return t("tempat_luar", bahasa).format(minta=minta, tampil=wilayah.nama_lengkap(e.ditampilkan))
    return t("cabang_luar", bahasa).format(minta=kutip(e.diminta), tampil=e.ditampilkan)


def bahasa_dari(query: dict) -> str:
    """English when the query asks for it, else Indonesian."""
    return "en" if query.get("bahasa") == "en" else "id"


def bahasa_permintaan() -> str:
    """The language of the request being answered, for what is drawn outside a page's layout (the
    browser tab's title): the URL's ?bahasa= on a full load, the location's search on a Dash
    pages callback."""
    import flask

    if not flask.has_request_context():
        return "id"
    if flask.request.args.get("bahasa"):
        return bahasa_dari(flask.request.args)
    body = flask.request.get_json(silent=True) if flask.request.is_json else None
    for masukan in (body or {}).get("inputs", []) if isinstance(body, dict) else []:
        if isinstance(masukan, dict) and masukan.get("property") == "search":
            return bahasa_dari(dari_search(masukan.get("value")))
    return "id"


def dari_search(search) -> dict:
    """'?a=1&b=2' -> {'a': '1', 'b': '2'}; anything but a text (a hand-made request) is no query."""
    return dict(parse_qsl(search.lstrip("?"))) if isinstance(search, str) else {}


def jalur(pathname) -> str:
    """A page path from the browser's location: a text starting with '/', else '/'."""
    return pathname if isinstance(pathname, str) and pathname.startswith("/") else "/"
