"""Bandingkan: one place at two data dates, or two to four places at one date, side by side
(issue 35, item 1): the same measures with the same filters, each place against its own target,
and each side's difference from the first. The comparison is in the URL besides the view's state
(`banding=DATE` or `dengan=CODE,CODE`: metrics/banding.py reads and checks it), so a copied link
opens it; its rows are layouts/banding.py's, the download's (jenis 'banding') and the review's slide's."""

import dash
import dash_mantine_components as dmc
from dash import Input, Output, State, callback, dcc, html

from layouts import banding as kata
from layouts import format as fmt
from layouts import keadaan, kerangka
from layouts.teks import t
from metrics import banding, cakupan, lingkup, periode, pertanyaan
from metrics.banding import UKURAN

dash.register_page(__name__, path="/banding", name="Bandingkan", title=kerangka.judul_tab("banding"))


def layout(**query):
    return kerangka.halaman(query, "/banding", _isi, lain=banding.KUNCI)


def _isi(k):
    b = k.bahasa
    bd, galat = banding.baca(k.tanya, k.lain)
    mode = "wilayah" if k.lain.get("dengan") else "tanggal"
    pilihan = _pilihan_tempat(k, bd) if mode == "wilayah" else []
    parts = [_mode(k, mode), _kendali(k, bd, mode, pilihan)]
    if galat:
        parts.append(dmc.Alert([html.Div(kata.galat(e, b)) for e in galat], color="orange", id="banding-galat"))
    if bd is None:
        return dmc.Stack(parts, gap="md")
    parts += [
        dmc.Group(
            [
                dmc.Title(kata.judul(bd, b), order=3, id="banding-judul"),
                kerangka.unduh(k, "banding", nama="banding", **bd.teks()),
            ],
            justify="space-between",
        ),
        dmc.Text(kata.penjelasan(bd, b), c="dimmed"),
        html.Ul([html.Li(x) for x in kata.kalimat(bd, b)], id="banding-kalimat", className="banding-kalimat"),
        _tabel(bd, b),
        *[dmc.Text(x, c="dimmed") for x in kata.tanda_target(bd, b)],
        *[dmc.Alert(x, color="gray", variant="light") for x in kata.catatan(bd, b)],
        dmc.Group(
            [
                dmc.Anchor(
                    t("banding_tinjauan", b), href=k.href("/tinjauan", **bd.teks()), refresh=True, id="banding-tinjauan"
                ),
                dmc.Anchor(
                    t("tinjauan_pdf", b),
                    href=k.href("/tinjauan", unduh="pdf", **bd.teks()),
                    refresh=True,
                    id="banding-pdf",
                ),
            ],
            gap="lg",
        ),
    ]
    return dmc.Stack(parts, gap="md")


def _mode(k, mode: str) -> dmc.Group:
    """The two kinds of comparison, as links: two dates of this place, or this place and others."""
    b = k.bahasa
    dengan = k.lain.get("dengan") if mode == "wilayah" else _pertama(k)
    tautan = {"tanggal": k.href("/banding"), "wilayah": k.href("/banding", dengan=dengan) if dengan else None}
    return dmc.Group(
        [
            dmc.Anchor(
                t(f"banding_mode_{m}", b),
                href=tautan[m],
                id=f"banding-mode-{m}",
                size="lg",
                fw=700 if m == mode else 400,
                underline="never" if m == mode else "always",
                **({"aria-current": "page"} if m == mode else {}),
            )
            if tautan[m]
            else dmc.Text(t(f"banding_mode_{m}", b), c="dimmed", size="lg")
            for m in ("tanggal", "wilayah")
        ],
        gap="xl",
    )


def _kendali(k, bd, mode: str, pilihan: list) -> html.Div:
    """The other date, or the other places; their changes become the page's new link (_ke_tanggal,
    _ke_wilayah), compared with what the page drew them with (the store banding-digambar)."""
    b = k.bahasa
    lain = [s.tanya.kode for s in bd.sisi[1:]] if bd is not None and bd.jenis == "wilayah" else []
    tanggal = bd.teks().get("banding") if bd is not None and bd.jenis == "tanggal" else None
    if mode == "tanggal":
        data = [
            {"value": d.isoformat(), "label": f"{t('data_per', b)} {fmt.tanggal(d, b)}"}
            for d in periode.daftar()
            if d != k.snapshot
        ]
        pilih = dmc.Select(
            id="banding-tanggal", data=data, value=tanggal, label=t("banding_pilih_tanggal", b), w=300, size="md"
        )
    else:
        pilih = dmc.MultiSelect(
            id="banding-dengan",
            data=pilihan,
            value=lain,
            label=t("banding_pilih_wilayah", b),
            maxValues=banding.TEMPAT_MAKS - 1,
            searchable=True,
            clearable=True,
            size="md",
            maw=640,
            comboboxProps={"withinPortal": True},
        )
    return html.Div(
        [
            pilih,
            dcc.Store(id="banding-digambar", data={"banding": tanggal, "dengan": lain}),
            dcc.Location(id="banding-navigasi", refresh="callback-nav"),
        ]
    )


def _pertama(k) -> str | None:
    """The place a switch to several places starts with: the first beside this one, else below it."""
    for grup in _pilihan_tempat(k, None):
        for x in grup["items"]:
            return x["value"]
    return None


def _pilihan_tempat(k, bd) -> list[dict]:
    """The places offered, inside the scope: those beside this one (its parent's other children) and
    those below it; a place the URL named elsewhere is offered too, so the control shows it."""
    b = k.bahasa
    grup = []
    induk = k.tempat.kode_induk
    if induk and lingkup.aktif().memuat(induk):
        q = pertanyaan.tanya(induk, k.snapshot, k.filt)
        grup.append((t("banding_setingkat", b), [r for r in _anak(q) if r[0] != k.tempat.kode]))
    if k.tempat.tingkat_anak:
        grup.append((t("banding_di_bawah", b).format(tempat=k.tempat.nama), _anak(k.tanya)))
    ada = {kode for _, items in grup for kode, _ in items}
    lain = [(s.tanya.kode, kata.nama_sisi(bd, s, b)) for s in (bd.sisi[1:] if bd and bd.jenis == "wilayah" else [])]
    if any(kode not in ada for kode, _ in lain):
        grup.insert(0, (t("banding_mode_wilayah", b), [x for x in lain if x[0] not in ada]))
    return [{"group": g, "items": [{"value": v, "label": n} for v, n in items]} for g, items in grup if items]


def _anak(q) -> list[tuple[str, str]]:
    """(code, name) of the places below a question's place, known ones only."""
    return [
        (r["kode_wilayah"], r["nama_wilayah"]) for r in cakupan.anak(q, ["peserta_aktif"]).baris if r["kode_wilayah"]
    ]


def _tabel(bd, b) -> dmc.TableScrollContainer:
    """Sides and differences as rows, the measures as columns (the download's rows and columns);
    the first column stays in view when a phone scrolls the table sideways."""
    tetap = {"position": "sticky", "left": 0, "background": "var(--mantine-color-body)", "zIndex": 1}
    kepala = dmc.TableThead(
        dmc.TableTr(
            [dmc.TableTh(t("banding_kolom", b), style=tetap)]
            + [dmc.TableTh(h, style={"textAlign": "right"}) for h in kata.kepala(UKURAN, b)]
        )
    )
    rows = []
    for r in kata.baris(bd, b):
        selisih = r["jenis"] == "selisih"
        # a difference row in italics on a light band; a side's values in bold
        gaya = (
            {"fontStyle": "italic", "background": "var(--mantine-color-gray-light)"} if selisih else {"fontWeight": 600}
        )
        rows.append(
            dmc.TableTr(
                [dmc.TableTd(r["nama"], style={**tetap, **gaya})]
                + [dmc.TableTd(v, style={"textAlign": "right", "whiteSpace": "nowrap", **gaya}) for v in r["sel"]],
                className=f"banding-{r['jenis']}",
            )
        )
    tabel = dmc.Table([kepala, dmc.TableTbody(rows)], withTableBorder=True, fz="md", id="banding-tabel")
    return html.Div(
        [
            dmc.Box(dmc.TableScrollContainer(tabel, minWidth=860, type="native"), visibleFrom="sm"),
            dmc.Box(_kartu_ponsel(bd, b), hiddenFrom="sm"),
        ]
    )


def _kartu_ponsel(bd, b) -> dmc.Stack:
    """The same rows on a phone: a card a side, every measure with its value and, under it, its
    difference from the first side; nothing to scroll sideways."""
    label = kata.kepala(UKURAN, b)
    rows = kata.baris(bd, b)
    kartu = []
    for i, r in enumerate(rows):
        if r["jenis"] != "nilai":
            continue
        beda = rows[i + 1] if i + 1 < len(rows) and rows[i + 1]["jenis"] == "selisih" else None
        sel = [
            dmc.Stack(
                [
                    dmc.Text(label[j], size="sm", c="dimmed", lh=1.2),
                    dmc.Text(v, fw=700, size="lg"),
                    dmc.Text(beda["sel"][j], size="sm", fs="italic") if beda else None,
                ],
                gap=0,
            )
            for j, v in enumerate(r["sel"])
        ]
        kartu.append(
            dmc.Card(
                [
                    dmc.Text(r["nama"], fw=700, size="lg"),
                    dmc.Text(beda["nama"], size="sm", fs="italic", c="dimmed") if beda else None,
                    dmc.SimpleGrid(sel, cols=2, spacing="sm", mt="xs"),
                ],
                withBorder=True,
                padding="md",
                className="banding-kartu",
            )
        )
    return dmc.Stack(kartu, gap="sm", id="banding-kartu")


def _tautan(keadaan_, **ubah) -> str | None:
    """This page's link with the comparison changed, from the state bar's store (Keadaan.navigasi:
    the path, the keys in link order, the query as read); None for anything else a request sends."""
    if not isinstance(keadaan_, dict) or not isinstance(keadaan_.get("query"), dict):
        return None
    kunci = list(dict.fromkeys([*keadaan_.get("kunci", []), *banding.KUNCI]))
    q = {**keadaan_["query"], **ubah}
    return keadaan.tautan("/banding", {k: q.get(k) for k in kunci if isinstance(q.get(k), (str, type(None)))})


@callback(
    Output("banding-navigasi", "href", allow_duplicate=True),
    Input("banding-tanggal", "value"),
    State("banding-digambar", "data"),
    State("navigasi-keadaan", "data"),
    prevent_initial_call=True,
)
def _ke_tanggal(nilai, digambar, keadaan_):
    """Another date picked: the same view compared with it."""
    if not isinstance(nilai, str) or not isinstance(digambar, dict) or nilai == digambar.get("banding"):
        return dash.no_update
    return _tautan(keadaan_, banding=nilai, dengan=None) or dash.no_update


@callback(
    Output("banding-navigasi", "href", allow_duplicate=True),
    Input("banding-dengan", "value"),
    State("banding-digambar", "data"),
    State("navigasi-keadaan", "data"),
    prevent_initial_call=True,
)
def _ke_wilayah(nilai, digambar, keadaan_):
    """Other places picked: this place beside them; none left: this place at two dates."""
    if not isinstance(nilai, list) or not all(isinstance(v, str) for v in nilai) or not isinstance(digambar, dict):
        return dash.no_update
    if nilai == digambar.get("dengan"):
        return dash.no_update
    return _tautan(keadaan_, dengan=",".join(nilai) or None, banding=None) or dash.no_update
