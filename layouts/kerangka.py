"""The frame every page shares: the app shell, the state bar (breadcrumb, snapshot, filters,
language), cards, grids, download links, and the callbacks that turn a choice or a click into
a new URL. The URL is the state: pages are drawn from it, nothing else."""

from __future__ import annotations

import threading
from collections import OrderedDict
from html import escape

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
import flask
from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, html

from layouts import format as fmt
from layouts import keadaan
from layouts.teks import pick, t
from metrics import aksi, cakupan, definisi, lingkup, periode, wilayah
from metrics.definisi import PertanyaanTidakSah

HALAMAN = [
    ("/", "ringkasan"),
    ("/wilayah", "wilayah"),
    ("/rw100", "rw100"),
    ("/segmen", "segmen"),
    ("/anggaran", "anggaran"),
    ("/banding", "banding"),
    ("/cabang", "cabang"),
    ("/data", "data"),
]


def judul_tab(kunci: str):
    """A page's browser-tab title in the request's language (Dash pages calls it per request)."""

    def judul(**_):
        return f"Cakupan · {t(kunci, keadaan.bahasa_permintaan())}"

    return judul


# --- the shell ------------------------------------------------------------------------


def shell(isi) -> dmc.MantineProvider:
    nav = [
        dmc.Anchor(t(nama), id=f"nav-{nama}", href=path, size="lg", fw=500, underline="never", style=_tampak(path))
        for path, nama in HALAMAN
    ]
    # The projector review is a page of its own (no frame): a full load, not a Dash page.
    nav.append(
        dmc.Anchor(
            t("tinjauan_nav"), id="nav-tinjauan", href="/tinjauan", size="lg", fw=700, underline="never", refresh=True
        )
    )
    header = dmc.Group(
        [
            dmc.Group(
                [
                    dmc.Title("Cakupan", order=1, size="h2"),
                    dmc.Text(t("produk"), id="nav-produk", size="md", c="dimmed", visibleFrom="xl"),
                ],
                gap="sm",
            ),
            # on a laptop the wrapper is no box of its own (display: contents) and the header is as it
            # was; on a phone it is the menu the burger opens (cakupan.css)
            html.Div(
                [
                    dmc.Group(nav, gap="lg", wrap="nowrap", className="nav-utama"),
                    dmc.Group(
                        [
                            dmc.Switch(
                                id="tema-gelap", label=t("tema_gelap"), persistence=True, persistence_type="local"
                            ),
                            *_akun(),
                        ],
                        gap="md",
                        wrap="nowrap",
                        className="akun-utama",
                    ),
                ],
                id="menu-utama",
                className="menu-utama",
            ),
            dmc.Burger(id="menu-burger", opened=False, hiddenFrom="md", **{"aria-label": t("menu")}),
        ],
        justify="space-between",
        h="100%",
        px="lg",
        wrap="nowrap",
        className="kepala",
    )
    return dmc.MantineProvider(
        [
            # where a changed control, and a clicked row or bar, write the new link: Dash pushes it
            # and its pages draw it (one writer each, so neither output is shared)
            dcc.Location(id="navigasi", refresh="callback-nav"),
            dcc.Location(id="navigasi-turun", refresh="callback-nav"),
            dmc.AppShell(
                [dmc.AppShellHeader(header), dmc.AppShellMain(html.Div(isi, className="isi"))],
                # below 62em (phones, small tablets) the page links are behind the burger (cakupan.css)
                header={"height": {"base": 56, "md": 64}},
            ),
        ],
        id="tema",
        forceColorScheme="light",
    )


def _tampak(path: str) -> dict:
    """A page link's style: the Data page's is hidden from accounts that are not admins (the server
    refuses them the page all the same, metrics.lingkup.wajib_admin), Kantor Cabang's from place
    accounts (metrics.cabang refuses them: a branch counts beyond their place); kept, hidden, for _nav."""
    if path not in ("/data", "/cabang"):
        return {}
    try:
        akun = lingkup.aktif()
    except lingkup.TanpaAkses:
        return {"display": "none"}
    boleh = akun.admin if path == "/data" else (akun.nasional or bool(akun.kantor_cabang))
    return {} if boleh else {"display": "none"}


def _akun() -> list:
    """Who is logged in, their scope, and the way out (a POST: a link could be followed by others)."""
    try:
        akun = lingkup.aktif()
    except lingkup.TanpaAkses:
        return []
    return [
        dmc.Text(f"{akun.nama} · {akun.label}", id="akun", size="sm", c="dimmed", visibleFrom="xl"),
        html.Form(
            [
                dcc.Input(type="hidden", name="csrf", value=flask.session.get("csrf", "")),
                html.Button(t("keluar"), type="submit", id="keluar", className="tombol-keluar"),
            ],
            method="post",
            action="/keluar",
        ),
    ]


@callback(
    [Output(f"nav-{nama}", "href") for _, nama in HALAMAN]
    + [Output(f"nav-{nama}", "children") for _, nama in HALAMAN]
    + [
        Output("nav-produk", "children"),
        Output("tema-gelap", "label"),
        Output("nav-tinjauan", "href"),
        Output("nav-tinjauan", "children"),
        Output("keluar", "children"),
    ],
    Input("_pages_location", "search"),
)
def _nav(search):
    """Page links keep the place, snapshot, filters and language."""
    q = keadaan.dari_search(search)
    bahasa = keadaan.bahasa_dari(q)
    query = keadaan.tautan("", keadaan.urut(q))
    return (
        [path + query for path, _ in HALAMAN]
        + [t(nama, bahasa) for _, nama in HALAMAN]
        + [
            t("produk", bahasa),
            t("tema_gelap", bahasa),
            "/tinjauan" + query,
            t("tinjauan_nav", bahasa),
            t("keluar", bahasa),
        ]
    )


# The phone's menu: the burger opens it, a new page (a link followed) closes it.
clientside_callback(
    "function(buka) { return buka ? 'menu-utama terbuka' : 'menu-utama'; }",
    Output("menu-utama", "className"),
    Input("menu-burger", "opened"),
)
clientside_callback(
    "function() { return false; }",
    Output("menu-burger", "opened"),
    Input("_pages_location", "pathname"),
    Input("_pages_location", "search"),
    prevent_initial_call=True,
)


clientside_callback(
    "function(gelap) { return gelap ? 'dark' : 'light'; }",
    Output("tema", "forceColorScheme"),
    Input("tema-gelap", "checked"),
)


# --- a page ---------------------------------------------------------------------------


HALAMAN_DISIMPAN = 128  # pages kept per worker, the least recently asked first out
_halaman_disimpan: OrderedDict = OrderedDict()
_kunci_halaman = threading.Lock()


def halaman(
    query: dict, path: str, isi, sampai_rw: bool = True, simpan: bool = True, lain: tuple[str, ...] = ()
) -> dmc.Stack:
    """A page: the state bar, then `isi(keadaan)`; a page without data says what to do, and a
    page with nothing to show for one RW (`sampai_rw=False`) says that RW is the lowest level.

    Kept per worker (`simpan`) by what it depends on: the served build and RW target
    (cakupan.versi), the actions recorded (aksi.versi: the trend marks them), the URL's arguments
    and the asker's scope; the same view again is only sent. A page that shows what
    changes without a new build (the Data page's audit trail) passes simpan=False. `lain`: the
    page's own URL keys, kept in its links (keadaan.Keadaan.lain)."""
    if not simpan:
        return _halaman(query, path, isi, sampai_rw, lain)
    try:
        a = lingkup.aktif()
    except lingkup.TanpaAkses:
        return _halaman(query, path, isi, sampai_rw, lain)
    kunci = (cakupan.versi(), aksi.versi(), path, repr(sorted(query.items())), a.wilayah, a.kantor_cabang, a.admin)
    with _kunci_halaman:
        if kunci in _halaman_disimpan:
            _halaman_disimpan.move_to_end(kunci)
            return _halaman_disimpan[kunci]
    tampilan = _halaman(query, path, isi, sampai_rw, lain)
    with _kunci_halaman:
        _halaman_disimpan[kunci] = tampilan
        while len(_halaman_disimpan) > HALAMAN_DISIMPAN:
            _halaman_disimpan.popitem(last=False)
    return tampilan


def kosongkan_halaman() -> None:
    """Forget the kept pages (benchmarks asking uncached, tests)."""
    with _kunci_halaman:
        _halaman_disimpan.clear()


def _halaman(query: dict, path: str, isi, sampai_rw: bool, lain: tuple[str, ...] = ()) -> dmc.Stack:
    try:
        k = keadaan.dari_query(query, lain)
    except periode.BelumAdaData:
        bahasa = keadaan.bahasa_dari(query)
        return dmc.Alert(
            t("belum_ada_data_isi", bahasa), title=t("belum_ada_data", bahasa), color="yellow", id="halaman-kosong"
        )
    parts = [bilah(k, path)]
    if k.ganti:  # what is shown instead of what the link named: said for as long as it is shown
        parts.append(dmc.Alert([html.Div(g) for g in k.ganti], color="yellow", id="alamat-ganti"))
    if k.galat:
        parts.append(
            dmc.Alert(
                [html.Div(g) for g in k.galat],
                title=t("galat_parameter", k.bahasa),
                color="orange",
                id="alamat-tidak-dikenal",
            )
        )
    if k.tempat.tingkat == "rw" and not sampai_rw:
        parts.append(dmc.Alert(t("rw_terbawah", k.bahasa), color="blue", id="halaman-rw"))
    else:
        try:
            parts.append(isi(k))
        except PertanyaanTidakSah as e:  # a question this page cannot answer as asked: say why, in its language
            parts.append(
                dmc.Alert(e.teks(k.bahasa), title=t("tidak_bisa_dijawab", k.bahasa), color="orange", id="halaman-tolak")
            )
    return dmc.Stack(parts, gap="lg")


def bilah(k: keadaan.Keadaan, path: str) -> dmc.Stack:
    b = k.bahasa
    jejak = wilayah.jejak(k.tempat.kode)
    akun = lingkup.aktif()
    crumbs = (
        [
            dmc.Anchor(x.nama, href=k.href(path, wilayah=None if x.kode == "ID" else x.kode), size="lg")
            if akun.memuat(x.kode)
            else dmc.Text(x.nama, size="lg", c="dimmed")  # above the scope: not a link
            for x in jejak[:-1]
        ]
        + [dmc.Text(jejak[-1].nama, size="lg", fw=700)]
    )
    snapshots = [{"value": d.isoformat(), "label": f"{t('data_per', b)} {fmt.tanggal(d, b)}"} for d in periode.daftar()]
    filters = [_saringan(s, k) for s in definisi.SARINGAN]
    return dmc.Stack(
        [
            dcc.Store(id="navigasi-keadaan", data=k.navigasi(path)),  # the controls' links, built in the browser
            dmc.Group(
                [
                    dmc.Breadcrumbs(crumbs, id="jejak", separator="›"),
                    dmc.Group(
                        [
                            dmc.Select(
                                id={"type": "kendali", "nama": "snapshot"},
                                data=snapshots,
                                value=k.snapshot.isoformat(),
                                allowDeselect=False,
                                w=270,
                                size="md",
                                **{"aria-label": t("data_per", b)},
                            ),
                            dmc.SegmentedControl(
                                id={"type": "kendali", "nama": "bahasa"},
                                value=b,
                                size="md",
                                data=[{"value": "id", "label": "Indonesia"}, {"value": "en", "label": "English"}],
                            ),
                        ],
                        gap="sm",
                    ),
                ],
                justify="space-between",
                align="center",
            ),
            # on a phone the filters fold away behind "Saring" (with how many are set); a laptop shows
            # them as before and never the button (cakupan.css)
            html.Button(
                t("saring", b) + (f" · {dipakai}" if (dipakai := len(k.filt.teks())) else ""),
                id="saring-buka",
                className="tombol-saring",
                n_clicks=0,
                **{"aria-controls": "saringan", "aria-expanded": "false"},
            ),
            dmc.Group(filters, gap="xs", id="saringan", className="saringan"),
        ],
        gap="xs",
    )


clientside_callback(
    """function(n) {
        const buka = n % 2 === 1;
        return [buka ? 'saringan terbuka' : 'saringan', buka ? 'true' : 'false'];
    }""",
    Output("saringan", "className"),
    Output("saring-buka", "aria-expanded"),
    Input("saring-buka", "n_clicks"),
    prevent_initial_call=True,
)


def _saringan(s: definisi.Saringan, k: keadaan.Keadaan) -> dmc.Select:
    """A filter's control, from its row in definisi.SARINGAN; the branch offices come from the data."""
    b = k.bahasa
    if s.pilihan is None:
        data = cakupan.kantor_cabang()
    else:
        data = [
            {"value": v, "label": f"{v} · {pick(nama, b)}" if s.kode_di_depan else pick(nama, b)}
            for v, nama in s.pilihan.items()
        ]
    return _pilih(s.kunci, data, k.filt.teks().get(s.kunci), pick(s.semua, b), searchable=s.pilihan is None)


def _pilih(nama: str, data, value, placeholder: str, searchable: bool = False) -> dmc.Select:
    return dmc.Select(
        id={"type": "kendali", "nama": nama},
        data=data,
        value=value,
        placeholder=placeholder,
        clearable=True,
        searchable=searchable,
        w=220,
        size="sm",
        comboboxProps={"withinPortal": True},
    )


# A changed control: the same page with the new choice, its link built in the browser
# (assets/navigasi.js, from the store the state bar holds: Keadaan.navigasi) and written to the
# "navigasi" location, which Dash pushes and its pages draw: the page's layout is the one request
# (issue 32, item 3). Compared with the values the page drew its controls with, not the URL's text:
# a page drawn anew leaves its link as it was, notice and all.
clientside_callback(
    ClientsideFunction("cakupan", "kendali"),
    Output("navigasi", "href"),
    Input({"type": "kendali", "nama": ALL}, "value"),
    State("navigasi-keadaan", "data"),
    prevent_initial_call=True,
)


@callback(
    Output("navigasi-turun", "href"),
    Input({"type": "turun", "nama": ALL}, "cellClicked"),
    Input({"type": "turun-grafik", "nama": ALL}, "clickData"),
    Input({"type": "turun-kartu", "nama": ALL, "kode": ALL}, "n_clicks"),
    State("_pages_location", "pathname"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _turun(cells, clicks, taps, pathname, search):
    """A clicked row or bar: the same page, one level down. Codes are checked before use."""
    kode = None
    trigger = ctx.triggered_id
    if not trigger:
        return dash.no_update
    if trigger["type"] == "turun-kartu":  # a phone's card, tapped (a card drawn anew says 0)
        kode = trigger.get("kode") if ctx.triggered[0]["value"] else None
    else:
        kode = _kode_klik(trigger["type"], ctx.triggered[0]["value"])
    try:
        kode = wilayah.tempat(kode).kode if kode else None
    except PertanyaanTidakSah:
        kode = None
    if not kode:
        return dash.no_update
    q = keadaan.dari_search(search)
    q["wilayah"] = kode
    return keadaan.tautan(keadaan.jalur(pathname), keadaan.urut(q))


def _kode_klik(jenis: str, value) -> str | None:
    """The place code a grid's cellClicked ({'rowId': code}) or a chart's clickData
    ({'points': [{'customdata': [code]}]}) carries; None for anything else a request may send."""
    if not isinstance(value, dict):
        return None
    if jenis == "turun":
        kode = value.get("rowId")
    else:
        points = value.get("points")
        point = points[0] if isinstance(points, list) and points and isinstance(points[0], dict) else {}
        kode = point.get("customdata")
        kode = kode[0] if isinstance(kode, list) and kode else kode
    return kode if isinstance(kode, str) else None


# --- pieces ---------------------------------------------------------------------------


def kartu(
    label: str, nilai: str, catatan: str, id_: str, warna: str | None = None, penuh: str | None = None
) -> dmc.Card:
    """A headline card: label, a big value (its full figure `penuh` on hover), a note."""
    isi = html.Span(nilai, title=penuh) if penuh and penuh != nilai else nilai
    return dmc.Card(
        [
            dmc.Text(label, size="lg", c="dimmed", fw=500),
            dmc.Text(isi, id=id_, fz=40, fw=700, lh=1.15, **({"c": warna} if warna else {})),
            dmc.Text(catatan, size="md", c="dimmed"),
        ],
        withBorder=True,
        radius="md",
        padding="lg",
    )


def kartu_dua(label: str, nilai: list[tuple[str, str]], catatan: str, id_: str, warna: str | None = None) -> dmc.Card:
    """A card with a few labelled values side by side (pace achieved and needed; the month ahead's three)."""
    warna_ = {"c": warna} if warna else {}
    return dmc.Card(
        [
            dmc.Text(label, size="lg", c="dimmed", fw=500),
            dmc.Group(
                [
                    dmc.Stack(
                        [
                            dmc.Text(v, fz=40, fw=700, lh=1.15, **(warna_ if i == 0 else {})),
                            dmc.Text(kata, size="md", c="dimmed"),
                        ],
                        gap=0,
                    )
                    for i, (kata, v) in enumerate(nilai)
                ],
                id=id_,
                gap="xl",
                align="flex-start",
            ),
            dmc.Text(catatan, size="md", **(warna_ or {"c": "dimmed"})),
        ],
        withBorder=True,
        radius="md",
        padding="lg",
    )


def catatan(teks: list[tuple[str, str]], bahasa: str) -> list:
    """A result's notes (metrics: (id, en)) in the page's language."""
    return [dmc.Alert(pick(x, bahasa), color="gray", variant="light") for x in teks]


def beda_dasar(k: keadaan.Keadaan, induk: dict, anak: list[dict], id_: str) -> dmc.Alert | None:
    """Where the places below are coloured against the 1 RW 100 rule while their parent has a
    target of its own (metrics.cakupan.dasar_berbeda): says so where the colours are (the table,
    the bars, the map) and offers the split of the parent's target (the Pembagian target page) in
    one step, so a city close to its target never reads as 'everything is failing'. None otherwise."""
    b = k.bahasa
    teks = kata_beda_dasar(k.tempat, induk, anak, b)
    if teks is None:
        return None
    nama, kata = k.tempat.nama, pick(TINGKAT_KATA[k.tempat.tingkat_anak], b)
    bagi = None
    if not k.tanya.filt.kantor_cabang:  # a branch splits no target (targets count every branch)
        href = k.href("/target", program=None, sumber=None, rentan=None, cabang=None)
        bagi = dmc.Anchor(t("dasar_berbeda_bagi", b).format(induk=nama, tingkat=kata), href=href, fw=600)
    return dmc.Alert(dmc.Stack([dmc.Text(teks), bagi], gap=4), title=t("dasar_berbeda", b), color="blue", id=id_)


def kata_beda_dasar(tempat, induk: dict, anak: list[dict], b: str) -> str | None:
    """The sentence of beda_dasar (also under the review's map and laggards): how many places below
    are measured against the 1 RW 100 rule, its total, the parent's own target and capaian."""
    d = cakupan.dasar_berbeda(induk, anak)
    if d is None:
        return None
    return t("dasar_berbeda_isi", b).format(
        n=fmt.angka(d["anak_1rw100"], b),
        semua=fmt.angka(d["anak_target"], b),
        tingkat=pick(TINGKAT_KATA[tempat.tingkat_anak], b),
        target_anak=fmt.angka(d["target_1rw100"], b),
        induk=tempat.nama,
        target_induk=fmt.angka(d["target_induk"], b),
        capaian=fmt.persen(induk.get("capaian_acuan"), bahasa=b),
    )


TABEL_UNDUH = ("coverage", "rw", "budget")  # kinds that list places: any level below can be asked
TINGKAT_KATA = {
    "provinsi": ("provinsi", "provinces"),
    "kabkota": ("kabupaten/kota", "regencies/cities"),
    "kecamatan": ("kecamatan", "districts"),
    "kelurahan": ("kelurahan", "villages"),
    "rw": ("RW", "RWs"),
}


def unduh(k: keadaan.Keadaan, jenis: str, tingkat: str | None = None, nama: str = "", **extra) -> dmc.Group:
    """'Unduh CSV', 'Unduh Excel' and a menu with the CSV for Excel set to Indonesian and, for a
    table of places, every level below the place (all kelurahan of a province without editing a
    URL). All served by the server from metrics/, all rows, the same filters."""
    b = k.bahasa

    def href(akhiran: str, tingkat_: str | None = tingkat, **lain) -> str:
        q = {**k.query, **({"tingkat": tingkat_} if tingkat_ else {}), **extra, **lain}
        q.pop("bahasa", None)
        if akhiran == "xlsx" and b == "en":
            q["bahasa"] = "en"  # the workbook's labels in the page's language
        return keadaan.tautan(f"/unduh/{jenis}.{akhiran}", q)

    items = [dmc.MenuItem(t("unduh_csv_id", b), href=href("csv", excel="id"), id=f"unduh-{nama or jenis}-id")]
    if jenis in TABEL_UNDUH and tingkat:
        mulai = definisi.TINGKAT.index(tingkat) + 1
        bawah = [x for x in definisi.TINGKAT[mulai:] if x != "rw" or definisi.TINGKAT.index(k.tempat.tingkat) >= 3]
        if bawah:
            items.append(dmc.MenuLabel(t("unduh_tingkat_bawah", b)))
        for x in bawah:
            kata = pick(TINGKAT_KATA[x], b)
            items += [
                dmc.MenuItem(f"{t('semua', b)} {kata} · CSV", href=href("csv", x)),
                dmc.MenuItem(f"{t('semua', b)} {kata} · Excel", href=href("xlsx", x)),
            ]
    return dmc.Group(
        [
            dmc.Anchor(
                t("unduh_csv", b), href=href("csv"), id=f"unduh-{nama or jenis}", className="unduh", refresh=True
            ),
            dmc.Anchor(  # the same type as CSV beside it: neither file is the lesser one
                t("unduh_xlsx", b), href=href("xlsx"), id=f"unduh-{nama or jenis}-xlsx", className="unduh", refresh=True
            ),
            dmc.Menu(
                [
                    dmc.MenuTarget(
                        html.Button(t("unduh_lain", b), className="tombol-unduh", id=f"unduh-{nama or jenis}-menu")
                    ),
                    dmc.MenuDropdown(items),
                ],
                position="bottom-end",
                withinPortal=True,
            ),
        ],
        gap="md",
    )


FORMAT_JS = {
    "angka": "cakupanAngka",
    "persen": "cakupanPersen",
    "rupiah": "cakupanRupiah",
    "laju": "cakupanLaju",
    "tanggal": "cakupanTanggal",
    "ya_tidak": "cakupanYaTidak",
}


_ARG_JS = {"persen": f", {list(definisi.BATAS_PERSEN)}"}  # the borders a rounded percent never reaches
(RENDAH, _), (SEDANG, _), _ = definisi.PITA_CAPAIAN  # the grid colours a percent by the same bands


def kolom_metrik(nama: str, bahasa: str, **extra) -> dict:
    """A grid column of a declared metric. A reference-target metric (`*_acuan`) is headed by
    its plain label (Target, Capaian...): the 'Dasar target' column says whose target it is."""
    m = definisi.metrik(nama)
    judul = definisi.METRIK_MENURUT_NAMA.get(nama.removesuffix("_acuan"), m).label
    if m.format == "teks":
        return {
            "field": nama,
            "headerName": pick(m.label, bahasa),
            "headerTooltip": pick(m.definisi, bahasa),
            "minWidth": 130,
            "wrapText": True,
            "autoHeight": True,
            **extra,
        }
    col = {
        "field": nama,
        "headerName": pick(judul, bahasa),
        "headerTooltip": pick(m.definisi, bahasa),
        "valueFormatter": {"function": f"{FORMAT_JS[m.format]}(params.value, '{bahasa}'{_ARG_JS.get(m.format, '')})"},
        "type": "rightAligned",
        "minWidth": 170 if m.format == "rupiah" else 95,  # Rp102.211.200.000 in full
    }
    if nama == "target_acuan":  # a 1 RW 100 rule target and a derived one say so in the cell (cakupan.css)
        col["cellClassRules"] = {
            "target-1rw100": "params.data && params.data.jenis_target === '1rw100'",
            "target-turunan": "params.data && params.data.jenis_target === 'turunan'",
        }
    if m.format == "persen":  # coloured by band through classes: light and dark each keep 4,5:1 (cakupan.css)
        col["cellClassRules"] = {
            "capaian-rendah": f"params.value != null && params.value < {RENDAH}",
            "capaian-sedang": f"params.value != null && params.value >= {RENDAH} && params.value < {SEDANG}",
        }
    return {**col, **extra}


BARIS_PENUH = 100  # up to this many rows a table shows every one (the page scrolls, not the table)


def grid(
    id_: str,
    baris: list[dict],
    metrik: list[str],
    bahasa: str,
    turun: bool = True,
    nama_kolom: str = "",
    jumlah: dict | None = None,
) -> dag.AgGrid | dmc.Stack:
    """A sortable table of places; clicking a known place goes one level down. Up to BARIS_PENUH
    rows it grows with them (38 provinces all in view, none behind a scroll box); a longer one
    scrolls inside and gets a search box. `jumlah`: the parent's own row, pinned at the bottom
    ("Seluruh DKI Jakarta": its counts are the children's plus the unknown rows, its target is its
    own, not the sum of theirs; the page says so, teks 'seluruh_isi')."""
    rows = [_baris_grid(b, bahasa) for b in baris]
    cols = [
        {
            "field": "nama_wilayah",
            "headerName": nama_kolom or t("wilayah", bahasa),
            "pinned": "left",
            "minWidth": 200,
            "flex": 2,
            "wrapText": True,
            "autoHeight": True,
            "tooltipField": "nama_wilayah",
        },
        {"field": "kode_wilayah", "headerName": t("kode", bahasa), "minWidth": 125, "maxWidth": 176},
    ]
    cols += [kolom_metrik(m, bahasa, flex=1) for m in metrik]
    panjang = len(rows) > BARIS_PENUH
    options = {"domLayout": "normal" if panjang else "autoHeight", "tooltipShowDelay": 300, "animateRows": False}
    if jumlah:
        total = _baris_grid(jumlah, bahasa)
        total.update(
            nama_wilayah=f"{t('seluruh', bahasa)} {jumlah['nama_wilayah']}", kode_wilayah="", id_baris="jumlah"
        )
        options["pinnedBottomRowData"] = [total]
    tabel = dag.AgGrid(
        id={"type": "turun", "nama": id_} if turun else id_,
        rowData=rows,
        columnDefs=cols,
        getRowId="params.data.id_baris",
        defaultColDef={"sortable": True, "resizable": True, "wrapHeaderText": True, "autoHeaderHeight": True},
        dashGridOptions=options,
        columnSize="responsiveSizeToFit",
        className="ag-theme-quartz cakupan-grid",
        style={"height": "620px"} if panjang else {},
    )
    if not panjang:  # on a phone the same rows as cards: a name and its numbers, nothing sideways
        return html.Div(
            [
                dmc.Box(tabel, visibleFrom="sm"),
                dmc.Box(
                    kartu_baris(id_, rows, metrik, bahasa, turun, options.get("pinnedBottomRowData")), hiddenFrom="sm"
                ),
            ]
        )
    if not turun:
        return tabel
    cari = dmc.TextInput(
        id={"type": "cari", "nama": id_},
        placeholder=t("cari", bahasa),
        size="md",
        w=320,
        **{"aria-label": t("cari", bahasa)},
    )
    return dmc.Stack([cari, tabel], gap="xs")


def kartu_baris(
    id_: str, rows: list[dict], metrik: list[str], bahasa: str, turun: bool, jumlah: list[dict] | None = None
) -> dmc.Stack:
    """A grid's rows (as `grid` made them) for a phone: a card a place, its name on top and each
    metric's label over its value, two to a row; a known place's card goes one level down when
    tapped (as the grid's row does, through _turun); the parent's row last, as the grid pins it.
    A card is two components, its tap target and its HTML (kartu_html): the cards go to every
    screen beside the grid, and twenty components a card made a province table cost 5x (issue 34)."""
    kartu = []
    for r in [*rows, *(jumlah or [])]:
        kode = r.get("kode_wilayah")
        isi = dcc.Markdown(kartu_html(r, metrik, bahasa), dangerously_allow_html=True, className="kartu-isi")
        if turun and kode and r.get("id_baris") != "jumlah":
            kartu.append(
                html.Div(
                    isi,
                    className="kartu-baris kartu-turun",
                    id={"type": "turun-kartu", "nama": id_, "kode": kode},
                    n_clicks=0,
                )
            )
        else:
            kartu.append(html.Div(isi, className="kartu-baris"))
    return dmc.Stack(kartu, gap="xs", id=f"{id_}-kartu")


def kartu_html(r: dict, metrik: list[str], bahasa: str) -> str:
    """One card's content as HTML: the place's name, then each metric's label over its value as the
    grid formats it (fmt.nilai). Every text is escaped, so a place's name cannot add markup."""
    sel = "".join(
        f"<div><small>{escape(fmt.label(m, bahasa))}</small><b>{escape(fmt.nilai(m, r.get(m), bahasa))}</b></div>"
        for m in metrik
    )
    return f'<div class="kartu-nama">{escape(r["nama_wilayah"])}</div><div class="kartu-sel">{sel}</div>'


def _baris_grid(b: dict, bahasa: str) -> dict:
    row = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in b.items()}
    row["id_baris"] = b["kode_wilayah"] or f"?{b['kode_induk']}"
    if not b["kode_wilayah"]:
        row["nama_wilayah"] = (
            f"{t('tidak_diketahui', bahasa)} ({b['nama_induk']})"
            if b["nama_wilayah"] == "Tidak diketahui"
            else b["nama_wilayah"].replace("RW tidak diketahui", "RW " + t("tidak_diketahui", bahasa).lower())
        )
    return row


# The search box of a long table: AG Grid's quick filter, in the browser (nothing asked of the server).
clientside_callback(
    "function(teks, opsi) { return Object.assign({}, opsi || {}, {quickFilterText: teks || ''}); }",
    Output({"type": "turun", "nama": MATCH}, "dashGridOptions"),
    Input({"type": "cari", "nama": MATCH}, "value"),
    State({"type": "turun", "nama": MATCH}, "dashGridOptions"),
    prevent_initial_call=True,
)
