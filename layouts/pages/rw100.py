"""1 RW 100 Peserta: every RW of a kecamatan or kelurahan as a cell coloured by its progress."""

from html import escape

import dash
import dash_mantine_components as dmc
from dash import dcc, html

import settings
from layouts import bulan, kerangka
from layouts import format as fmt
from layouts.teks import t
from metrics import cakupan, definisi

dash.register_page(__name__, path="/rw100", name="1 RW 100 Peserta", title=kerangka.judul_tab("rw100"))

PROGRAM = definisi.EKSPOR["rw"]
RINGKAS = cakupan.RW_RINGKAS


def layout(**query):
    return kerangka.halaman(query, "/rw100", _isi, sampai_rw=False)


def _isi(k):
    b = k.bahasa
    m = cakupan.angka_tempat(k.tanya, [*PROGRAM, *cakupan.BULAN_DEPAN])  # one question for both cards
    parts = [
        dmc.SimpleGrid(
            [
                kerangka.kartu(fmt.label(n, b), fmt.nilai(n, m[n], b), fmt.definisi_metrik(n, b), f"rw100-{n}")
                for n in RINGKAS
            ],
            cols={"base": 1, "sm": 2, "lg": 5},
            spacing="md",
        )
    ]
    if m["rw_diketahui"]:
        parts.append(
            dmc.Alert(
                t("berhasil" if m["program_rw_berhasil"] else "belum_berhasil", b),
                color="green" if m["program_rw_berhasil"] else "red",
                id="rw100-syarat",
            )
        )
    if not m["kelurahan_referensi_rw"]:
        parts.append(dmc.Alert(t("rw_tanpa_referensi", b), color="yellow", id="rw100-tanpa-referensi"))
    parts.append(bulan.kartu(m, k, "rw100"))  # the month ahead, as on Ringkasan
    if k.tempat.tingkat in ("kecamatan", "kelurahan"):
        parts += _per_rw(k)
    else:
        hasil = cakupan.anak(k.tanya, PROGRAM)
        parts += [
            dmc.Group(
                [
                    dmc.Title(f"{t('anak', b)} {k.tempat.nama}", order=3),
                    kerangka.unduh(k, "rw", hasil.tingkat, nama="rw100"),
                ],
                justify="space-between",
            ),
            dmc.Text(t("rw_pilih", b), c="dimmed"),
            kerangka.grid("rw100", [r for r in hasil.baris if r["kode_wilayah"]], PROGRAM, b),
        ]
    return dmc.Stack(parts, gap="md")


def _per_rw(k):
    b = k.bahasa
    hasil = cakupan.tabel("rw", k.tanya, cakupan.RW_BARIS)
    rws = [r for r in hasil.baris if r["rw"] is not None]
    groups = {}
    for r in rws:
        groups.setdefault((r["kode_induk"], r["nama_induk"]), []).append(r)
    cells = []
    for (kode, nama), rows in groups.items():
        cells.append(dmc.Title(f"{nama} ({kode})", order=4, mt="sm"))
        cells.append(_grid(rows, k))
    # each RW named with its kelurahan: "RW 04" alone says nothing in a kecamatan's list
    furthest = [
        {**r, "nama_wilayah": f"{r['nama_wilayah']} · {r['nama_induk']}"} for r in cakupan.rw_terjauh(k.tanya, 15)
    ]
    return [
        dmc.Group([dmc.Title("RW", order=3), kerangka.unduh(k, "rw", "rw", nama="rw100")], justify="space-between"),
        _legenda(k),
        dmc.Card(cells or [dmc.Text(t("tidak_ada", b))], withBorder=True, radius="md", padding="md", id="rw100-sel"),
        dmc.Text(t("tempo_rw", b), c="dimmed", id="rw100-tempo"),
        dmc.Title(t("rw_terjauh", b), order=3),
        kerangka.grid(
            "rw100-terjauh",
            furthest,
            ["peserta_aktif", "target", "kekurangan", "jatuh_tempo"],
            b,
            nama_kolom=t("rw_kelurahan", b),
        ),
    ]


def _legenda(k):
    """What the grid's colours mean, from the same bands (definisi.PITA_RW) and per-RW target."""
    b, target = k.bahasa, settings.rw_target()
    batas = cakupan.batas_pita_rw(target)
    kata = [
        ("tercapai", t("rw_legenda_tercapai", b).format(target=batas["tercapai"][0])),
        ("dekat", t("rw_legenda_dekat", b).format(dari=batas["dekat"][0], sampai=batas["dekat"][1])),
        ("jauh", t("rw_legenda_jauh", b).format(sampai=batas["jauh"][1])),
        (None, t("rw_legenda_tanpa", b)),
    ]
    return dmc.Group(
        [html.Span(teks, className=f"{KELAS_RW[pita]} rw-legenda") for pita, teks in kata],
        gap="sm",
        id="rw100-legenda",
    )


# The RW bands' colours (definisi.PITA_RW) are in assets/cakupan.css, one class a band.
KELAS_RW = {
    None: "rw-sel rw-tanpa",
    "tercapai": "rw-sel rw-tercapai",
    "dekat": "rw-sel rw-dekat",
    "jauh": "rw-sel rw-jauh",
}


def _grid(rows, k) -> dcc.Markdown:
    """A kelurahan's RWs as one component, not two a RW (issue 34: a kecamatan's hundreds of
    components cost Dash more to build and send than its data): the same <div class="rw-grid"> of
    links the browser drew before, written as HTML and drawn by dcc.Markdown. Every text in it is
    escaped (sel); the links open the RW as html.A's did, a full page load."""
    isi = "".join(sel(r, k.href("/wilayah", wilayah=r["kode_wilayah"]), k.bahasa) for r in rows)
    return dcc.Markdown(f'<div class="rw-grid">{isi}</div>', dangerously_allow_html=True, className="rw-grid-isi")


def sel(r: dict, href: str, b: str) -> str:
    """One RW as HTML: its number and active count, green at target, red far from it, and those due
    at the end of the month (↓2) when any; a click opens `href`. `r`: rw, peserta_aktif, target,
    capaian, jatuh_tempo (optional), nama_wilayah, nama_induk. Names and the link are escaped, so a
    place's name cannot add markup. Coloured by class (assets/cakupan.css)."""
    target = f" / {fmt.angka(r['target'], b)}" if r["target"] else ""
    aktif = fmt.angka(r["peserta_aktif"], b)
    tempo = r.get("jatuh_tempo")
    kata_tempo = f", {fmt.angka(tempo, b)} {t('jatuh_tempo', b)}" if tempo else ""
    judul = escape(f"{r['nama_wilayah']} {r['nama_induk']}: {aktif}{target}{kata_tempo}")
    kelas = KELAS_RW[cakupan.pita(r["capaian"], definisi.PITA_RW)]
    tanda = f'<small class="rw-tempo">↓{escape(fmt.angka(tempo, b))}</small>' if tempo else ""
    return (
        f'<a class="{kelas}" title="{judul}" href="{escape(href)}">RW {r["rw"]:02d}'
        f"<small>{escape(aktif)}</small>{tanda}</a>"
    )
