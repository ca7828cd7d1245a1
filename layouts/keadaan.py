"""The state of a view, held in the URL (?wilayah=31.75&snapshot=2024-02-06&segmen=BPU&bahasa=en):
the question (metrics/pertanyaan.py, read and checked once here) and the language. A copied link
opens the same view; a bad value is ignored with a message instead of reaching a query, and a
place outside the account's scope opens the account's own place."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from metrics import pertanyaan
from metrics.pertanyaan import DariPertanyaan, Pertanyaan

KUNCI = (*pertanyaan.KUNCI, "bahasa")


@dataclass
class Keadaan(DariPertanyaan):
    tanya: Pertanyaan
    bahasa: str
    query: dict  # the accepted values, as strings, for links
    galat: list[str] = field(default_factory=list)
    tempat_ditolak: bool = False  # the URL named a place this account may not ask: its own is shown

    def href(self, path: str, **ubah) -> str:
        """A link to `path` with this state, changed by `ubah` (None removes a key)."""
        q = {**self.query, **ubah}
        q = {k: v for k, v in q.items() if v not in (None, "")}
        return path + ("?" + urlencode(q) if q else "")

    @property
    def snapshot(self):
        return self.tanya.tanggal


def dari_query(query: dict) -> Keadaan:
    """Read a page's query; raises periode.BelumAdaData when nothing is loaded."""
    tanya, q, galat = pertanyaan.dari_teks(query)
    if query.get("bahasa") not in (None, ""):
        q["bahasa"] = str(query["bahasa"])
    bahasa = bahasa_dari(query)
    ditolak = query.get("wilayah") not in (None, "") and "wilayah" not in q
    return Keadaan(tanya, bahasa, q, [e.teks(bahasa) for e in galat], ditolak)


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
