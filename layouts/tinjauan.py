"""Tinjauan Mingguan: the weekly review as 16:9 slides for a projector, and the same slides as
one self-contained HTML file that travels (`python -m metrics report`).

Slides are laid out on a fixed 1920x1080 canvas and scaled to the screen, so a chart, a table
and the type look the same on a 1280x720 projector, a laptop and a printed page. Body text is
30 px on that canvas; nothing is lighter than #333 on white, for a washed-out projector.
Numbers come from metrics.tinjauan only.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
import plotly.io as pio
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from layouts import aksi as kata_aksi
from layouts import banding as kata_banding
from layouts import format as fmt
from layouts import grafik, kerangka, peta
from layouts.teks import pick, t
from metrics import aksi as aksi_mod
from metrics import cakupan, wilayah
from metrics.tinjauan import Tinjauan

ASET = Path(__file__).resolve().parent / "proyektor"  # the slides' CSS and keyboard script
PETA_JS = Path(__file__).resolve().parent.parent / "assets" / "peta.js"  # the empty world the maps need
PLOTLY_WEB = "/_dash-component-suites/plotly/package_data/plotly.min.js"
HITAM, BIRU, MERAH, HIJAU, JINGGA = "#000000", "#0b3d91", "#b00020", "#006b2d", "#b34700"
RW_SLIDE = 4  # table rows a slide holds under its two big numbers
ALASAN_SLIDE = 4  # rejection reasons named on the notes slide


def dokumen(tj: Tinjauan, bahasa: str = "id", mandiri: bool = False, otomatis: int = 0) -> str:
    """The whole HTML document (proyektor/tinjauan.html). mandiri: plotly.js embedded once,
    nothing fetched (the report file); else plotly.js from this server (the projector route)."""
    b = bahasa
    return (
        _templat().render(
            bahasa=b,
            judul=f"{t('tinjauan', b)} · {wilayah.nama_lengkap(tj.tempat)} · {fmt.tanggal(tj.periode.tanggal, b)}",
            css=Markup(_aset("tinjauan.css")),
            js=Markup(_aset("tinjauan.js")),
            plotly_js=Markup(get_plotlyjs()) if mandiri else None,
            peta_js=Markup(_peta_js()),
            plotly_src=PLOTLY_WEB,
            otomatis=int(otomatis),
            slides=[s for s in _slides(tj, b) if s],
            kaki=f"{wilayah.nama_lengkap(tj.tempat)} · {t('data_per', b)} {fmt.tanggal(tj.periode.tanggal, b)} · {_filter(tj, b)}",
        )
        + "\n"
    )


@functools.lru_cache(maxsize=1)
def _templat() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ASET), autoescape=True, keep_trailing_newline=False)
    return env.get_template("tinjauan.html")


@functools.lru_cache(maxsize=1)
def _peta_js() -> str:
    return PETA_JS.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=4)
def _aset(nama: str) -> str:
    """The slides' CSS and script, read once a process, not once a request."""
    return (ASET / nama).read_text(encoding="utf-8")


# --- the slides: each a title and blocks the template draws (sub, angka, batang, kalimat,
# judul, tabel, dua, grafik, daftar), every value already formatted -------------------------


def slides(tj: Tinjauan, b: str) -> tuple[str, list[dict]]:
    """(footer text, the slides that have something to show): what the HTML and the PDF draw."""
    kaki = f"{wilayah.nama_lengkap(tj.tempat)} · {t('data_per', b)} {fmt.tanggal(tj.periode.tanggal, b)} · {_filter(tj, b)}"
    return kaki, [s for s in _slides(tj, b) if s]


def _slides(tj: Tinjauan, b: str) -> list:
    return [
        _utama(tj, b),
        _banding(tj, b),
        _tren(tj, b),
        _aksi(tj, b),
        _peta(tj, b),
        _laju(tj, b),
        _bulan_depan(tj, b),
        _bergerak(tj, b),
        _tertinggal(tj, b),
        _rw(tj, b),
        _catatan(tj, b),
    ]


def _slide(judul: str, *isi: dict) -> dict:
    return {"judul": judul, "isi": [x for x in isi if x]}


def _filter(tj: Tinjauan, b: str) -> str:
    """The filters in force, in words (definisi.SARINGAN); none means every participant."""
    kata = []
    for s, v in tj.filt.terpasang():
        teks = s.ke_teks(v)
        nilai = teks if s.pilihan is None or s.kode_di_depan else pick(s.pilihan[teks], b)
        kata.append(f"{pick(s.label, b)}: {nilai}")
    return ", ".join(kata) or t("semua_peserta", b)


def kata_saringan(tj: Tinjauan, b: str) -> str | None:
    """The filters in force in words, or None when every participant counts (the report's email)."""
    teks = _filter(tj, b)
    return None if teks == t("semua_peserta", b) else teks


def _angka(label: str, nilai: str, catatan: str = "", warna: str = HITAM, id_: str = "") -> dict:
    return {"label": label, "nilai": nilai, "catatan": catatan, "warna": warna, "id": id_}


def _baris_angka(*angka: dict) -> dict:
    return {"jenis": "angka", "angka": list(angka)}


def _kalimat(teks: str, ukuran: str = "besar", warna: str | None = None) -> dict:
    return {"jenis": "kalimat", "teks": teks, "ukuran": ukuran, "warna": warna}


def _warna(capaian) -> str:
    return grafik.warna_capaian(capaian, (MERAH, JINGGA, HIJAU, HITAM))


def _utama(tj: Tinjauan, b: str):
    m = tj.angka
    sebelum = f" · {t('dibanding', b)} {fmt.tanggal(tj.periode.sebelumnya, b)}" if tj.periode.sebelumnya else ""
    aturan = m["jenis_target"] == "1rw100"
    if m["target_acuan"] is None:
        target = fmt.catatan_target(m, b, tj.filt)
    else:
        jenis = {"1rw100": " 1 RW 100", "turunan": pick((" turunan", " (derived)"), b)}.get(m["jenis_target"], "")
        target = f"{t('dari_target', b)}{jenis} {fmt.angka(m['target_acuan'], b)}"
    perubahan = fmt.rincian_perubahan(m, b) or ""  # with the moved persons: the parts add up
    sub = {
        "jenis": "sub",
        "teks": f"{t('tinjauan', b)} · {t('data_per', b)} {fmt.tanggal(tj.periode.tanggal, b)}{sebelum}",
    }
    angka = _baris_angka(
        _angka(fmt.label("peserta_aktif", b), fmt.angka(m["peserta_aktif"], b), target, id_="tinjauan-aktif"),
        _angka(
            t("capaian_1rw100", b) if aturan else fmt.label("capaian", b),
            fmt.persen(m["capaian_acuan"], bahasa=b),
            _kekurangan(m, b),
            _warna(m["capaian_acuan"]),
        ),
        _angka(t("minggu_ini", b), fmt.tanda(m["perubahan_minggu"], b), perubahan),
        *(
            [
                _angka(
                    fmt.label("cakupan_pekerja", b),
                    fmt.persen(m["cakupan_pekerja"], bahasa=b),
                    f"{t('dari', b)} {fmt.ringkas(m['pekerja'], b)} {fmt.label('pekerja', b).lower()}",
                )
            ]
            if m.get("cakupan_pekerja") is not None
            else []
        ),
    )
    bars = None
    if m["target_acuan"]:
        nama = fmt.nama_target(m["jenis_target"], b)
        bars = _batang(
            [
                (fmt.label("peserta_aktif", b), m["peserta_aktif"], _warna(m["capaian_acuan"])),
                (nama, m["target_acuan"], HITAM),
            ],
            b,
        )
    catatan = catatan_utama(tj, b)
    return _slide(
        wilayah.nama_lengkap(tj.tempat), sub, angka, bars, {"jenis": "daftar", "baris": catatan} if catatan else None
    )


def catatan_utama(tj: Tinjauan, b: str) -> list[str]:
    """What a reader must know beside the headline numbers, as the page shows it beside them: what
    the target is (the 1 RW 100 rule's, a derived one's origin; none is said in the numbers
    themselves), the answer's notes (metrics.cakupan: weeks of data behind the pace, a filter
    without targets...), and the filters in force. The first slide, the PDF and the email all
    carry these (issue 30: a caveat travels with its number)."""
    baris = []
    if tj.angka["target_acuan"] is not None and (kata := fmt.catatan_target(tj.angka, b)):
        baris.append(kata)
    baris += [pick(c, b) for c in tj.catatan]
    if saringan := kata_saringan(tj, b):
        baris.append(f"{t('filter', b)}: {saringan}")
    return baris


def _banding(tj: Tinjauan, b: str):
    """The comparison asked for with the review (Bandingkan's link): its sentences and the page's
    table, cut to the columns a slide holds (kata_banding.SLIDE); none when none was asked."""
    bd = tj.banding
    if bd is None:
        return None
    rows = kata_banding.baris(bd, b, kata_banding.SLIDE, pendek=True)
    tabel = {
        "jenis": "tabel",
        "wilayah": t("banding_kolom", b),
        "kepala": kata_banding.kepala(kata_banding.SLIDE, b),
        "baris": [
            {
                "nama": r["nama"],
                "sel": [{"teks": v, "gaya": "font-style:italic" if r["jenis"] == "selisih" else ""} for v in r["sel"]],
            }
            for r in rows
        ],
    }
    tanda = kata_banding.tanda_target(bd, b)
    kalimat = kata_banding.kalimat(bd, b)  # one or two sentences; more places: the table alone says it
    return _slide(
        kata_banding.judul_pendek(bd, b),
        {"jenis": "daftar", "baris": kalimat} if len(kalimat) <= 2 else None,
        tabel,
        {"jenis": "sub", "teks": " ".join([kata_banding.penjelasan(bd, b), *tanda])},
    )


def _batang(bars: list[tuple[str, float, str]], b: str, teks=None) -> dict:
    """Thick horizontal bars against the longest, with the value written in: aktif vs target,
    pace achieved vs needed. Widths are drawing, not arithmetic on the numbers shown."""
    top = max((v for _, v, _ in bars if v is not None and v > 0), default=0) or 1
    tulis = teks or (lambda x: fmt.angka(x, b))
    return {
        "jenis": "batang",
        "bars": [
            {
                "label": label,
                "lebar": f"{max(0.0, min(1.0, (v or 0) / top)) * 100:.1f}",
                "warna": warna,
                "nilai": tulis(v),
            }
            for label, v, warna in bars
        ],
    }


def _kekurangan(m: dict, b: str) -> str:
    kurang = m["kekurangan_acuan"]
    if kurang is None:
        return ""
    return t("sudah_tercapai", b) if kurang == 0 else f"{fmt.label('kekurangan', b)} {fmt.angka(kurang, b)}"


SLIDE_TREN = grafik.Ukuran(28, 1560, 660, 40)  # the trend's plot on a 1760 x 800 slide, in its 28 px type
TREN_AKSI_PX = 36  # a row of the actions' list under the trend slide's chart (26 px type), two a row


def _tren(tj: Tinjauan, b: str):
    """The trend slide: the chart (grafik.tren, placed for the slide's width and type) and under it
    its actions' titles by their numbers on the chart, two to a row (grafik.daftar_aksi, titles cut
    to SLIDE_TREN.judul characters); the chart gives up the list's height, so the slide stays
    1760 x 800. The block carries the list as 'aksi' [(number, words)] for the PDF."""
    daftar = grafik.daftar_aksi(grafik.aksi_tren(tj.tren, tj.angka, tj.aksi), b, SLIDE_TREN.judul)
    turun = (-(-len(daftar) // 2) * TREN_AKSI_PX + 8) if daftar else 0
    ukuran = SLIDE_TREN._replace(tinggi=SLIDE_TREN.tinggi - turun)
    fig = grafik.tren(tj.tren, tj.angka, b, tj.aksi, cabang=bool(tj.filt.kantor_cabang), ukuran=ukuran)
    isi = _grafik(fig, "grafik-tren", 1760, 800 - turun)
    if daftar:
        isi += Markup('<ol class="tren-aksi">{}</ol>').format(
            Markup("").join(Markup("<li><b>{}</b> {}</li>").format(n, teks) for n, teks in daftar)
        )
    # the figure too: the PDF draws the same line from it (layouts/tinjauan_pdf.py)
    return _slide(t("tren", b), {"jenis": "grafik", "html": isi, "fig": fig, "bahasa": b, "aksi": daftar})


PETA_TINGGI, PETA_BEDA = 740, 240  # the map slide's height in px; what the 'another basis' note takes
TERTINGGAL_BEDA = 5  # laggards a slide lists under the note that they are on another basis
AKSI_SLIDE = 4  # actions a slide names, newest first


def _aksi(tj: Tinjauan, b: str):
    """The newest AKSI_SLIDE actions marked on the trend, each with its effect in words
    (layouts/aksi.py), and under them how many more there are ('dan 5 aksi lain di halaman Aksi'),
    never cut silently; no slide without any."""
    if not tj.aksi:
        return None
    terbaru = list(reversed(tj.aksi))[:AKSI_SLIDE]
    efek = aksi_mod.efek_semua(terbaru)
    baris = [
        f"{fmt.tanggal_pendek(a.mulai, b)} · {grafik.pendek(a.judul, 60)}: {kata_aksi.efek(efek[a.id], b)}"
        for a in terbaru
    ]
    lain = len(tj.aksi) - len(terbaru)
    kata = t("aksi_lain" if lain > 1 else "aksi_lain_satu", b).format(n=lain)
    sisa = {"jenis": "sub", "teks": kata} if lain else None
    return _slide(t("aksi_buka", b), {"jenis": "daftar", "baris": baris}, sisa)


def _peta(tj: Tinjauan, b: str):
    """The children on the map (layouts/peta.py), as the dashboard draws it, in projector type:
    the provinces' tiles at the national level, else the loaded boundaries; no slide without them."""
    beda = _beda_dasar(tj, b)  # four lines of 36 px above the map: the map gives up their height
    tinggi = PETA_TINGGI - (PETA_BEDA if beda else 0)
    if tj.batas:
        fig = peta.batas(tj.anak, tj.batas, b, ukuran=28, piksel=(1500, tinggi))
    elif tj.tempat.tingkat == "nasional" and tj.anak:
        fig = peta.provinsi(tj.anak, b)
    else:
        return None
    layout = fig["layout"]
    layout.update(
        width=1760,
        height=tinggi,
        font={"size": 24, "color": HITAM},
        paper_bgcolor="#ffffff",
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
        legend={"font": {"size": 28}, "orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
    )
    for trace in fig["data"]:
        if trace.get("mode") == "text":  # names and percents a room can read
            # 28 px like all slide text; the 38 squares of the provinces (about 95 px each) fit 20 px
            # names, under the slides' rule: their colours and legend carry the message at 28 px
            trace["textfont"] = {**trace["textfont"], "size": 20 if trace["type"] == "scatter" else 28}
    html = pio.to_html(
        fig, validate=False, full_html=False, include_plotlyjs=False, div_id="grafik-peta",
        config={"staticPlot": True, "displayModeBar": False},
    )  # fmt: skip
    kata = pick(kerangka.TINGKAT_KATA[tj.tingkat_anak], b)
    # a CC BY source asks to be named where its boundaries are shown: under the map, here too
    asal = {"jenis": "sub", "teks": t("peta_sumber", b).format(berkas=peta.sumber(tj.batas))} if tj.batas else None
    peta_ = {"jenis": "peta", "html": Markup(html), "fig": fig}
    return _slide(t("peta", b).format(tingkat=kata), beda, peta_, asal)


def _beda_dasar(tj: Tinjauan, b: str) -> dict | None:
    """Above coloured places: when they are measured against the 1 RW 100 rule while this place has
    a target of its own, the sentence the dashboard shows there (kerangka.kata_beda_dasar)."""
    teks = kerangka.kata_beda_dasar(tj.tempat, tj.angka, tj.anak, b)
    return {"jenis": "sub", "teks": teks} if teks else None


def _laju(tj: Tinjauan, b: str):
    m = tj.angka
    vonis = cakupan.vonis_laju(m)
    if vonis == "belum":
        return _slide(t("laju", b), _kalimat(t("laju_belum", b)))
    if vonis in ("tepat_waktu", "terlambat"):
        kalimat = f"{t('target_tercapai_pada', b)} {fmt.tanggal(m['perkiraan_tercapai_acuan'], b)}: {t(vonis, b)}"
    elif vonis == "tanpa_target":  # a branch's: targets count every branch (the card's words)
        kalimat = fmt.catatan_target(m, b, tj.filt)
    else:
        kalimat = t(vonis, b)
    warna = HITAM if m["tepat_waktu_acuan"] is None else HIJAU if m["tepat_waktu_acuan"] else MERAH
    per = t("per_minggu", b)
    kata = fmt.kata_laju(tj.periode, b)  # the weeks of data behind the pace, as the card says
    angka = [_angka(f"{kata} ({per})", fmt.desimal(m["laju_4mg"], 1, b), "", warna)]
    bars = [(kata, m["laju_4mg"], warna)]
    if m["laju_dibutuhkan_acuan"] is not None:
        angka.append(_angka(f"{t('dibutuhkan_sampai', b)} ({per})", fmt.desimal(m["laju_dibutuhkan_acuan"], 1, b)))
        bars.append((t("dibutuhkan", b), m["laju_dibutuhkan_acuan"], HITAM))
    if m["proyeksi_akhir_tahun"] is not None:
        angka.append(_angka(fmt.label("proyeksi_akhir_tahun", b), fmt.angka(m["proyeksi_akhir_tahun"], b)))
    return _slide(
        t("laju", b),
        _baris_angka(*angka),
        _kalimat(kalimat, warna=warna),
        _batang(bars, b, lambda v: fmt.desimal(v, 1, b)) if len(bars) == 2 else None,
    )


def _bulan_depan(tj: Tinjauan, b: str):
    """The month ahead beside the pace (issue 35, item 4): due at the end of this month, next
    month's capaian if none pays and if all do; none when the due count is not known."""
    m = tj.angka
    if m["jatuh_tempo"] is None:
        return None
    angka = [_angka(fmt.label("jatuh_tempo", b), fmt.angka(m["jatuh_tempo"], b), id_="tinjauan-jatuh-tempo")]
    if m["capaian_bila_tak_bayar"] is not None:
        angka += [
            _angka(_awal_besar(t("bila_tak_bayar", b)), fmt.persen(m["capaian_bila_tak_bayar"], bahasa=b), "",
                   _warna(m["capaian_bila_tak_bayar"])),
            _angka(_awal_besar(t("bila_semua_bayar", b)), fmt.persen(m["capaian_bila_semua_bayar"], bahasa=b), "",
                   _warna(m["capaian_bila_semua_bayar"])),
        ]  # fmt: skip
    else:
        angka.append(_angka(_awal_besar(t("aktif_tak_bayar", b)), fmt.angka(m["aktif_bila_tak_bayar"], b)))
    cara = t("tempo_cara", b).format(bulan=fmt.bulan(cakupan.bulan_jatuh_tempo(tj.periode.tanggal), b))
    return _slide(t("bulan_depan", b), _baris_angka(*angka), _kalimat(cara, "sedang"))


def _awal_besar(kata: str) -> str:
    """A card's words as a slide's label: the first letter capital ('Capaian bila ...')."""
    return kata[:1].upper() + kata[1:]


def _bergerak(tj: Tinjauan, b: str):
    if not tj.naik:
        return None
    kolom = [("perubahan_minggu", t("minggu_ini_pendek", b)), ("peserta_aktif", t("aktif", b))]
    dari = t("bergerak_dari", b).format(naik=len(tj.naik), turun=len(tj.turun), semua=tj.anak_diketahui)
    return _slide(
        f"{t('bergerak', b)} {wilayah.nama_lengkap(tj.tempat)}",
        {"jenis": "sub", "teks": dari},
        {
            "jenis": "dua",
            "kolom": [
                [{"jenis": "judul", "teks": t("naik_terbanyak", b)}, _tabel(tj.naik, kolom, b)],
                [{"jenis": "judul", "teks": t("naik_tersedikit", b)}, _tabel(tj.turun, kolom, b)],
            ],
        },
    )


def _tertinggal(tj: Tinjauan, b: str):
    if not tj.tertinggal:
        return None
    kolom = [(m, fmt.label(m, b)) for m in ("peserta_aktif", "target_acuan", "capaian_acuan", "kekurangan_acuan")]
    beda = _beda_dasar(tj, b)  # four lines of a projector's type: two rows fewer keep the footer clear
    rows = tj.tertinggal[: TERTINGGAL_BEDA if beda else None]
    tabel = _tabel(rows, kolom, b)
    tanda = grafik.TANDA_TARGET  # the 1 RW 100 rule's target, a derived one: marked, said under the title
    jenis = [r.get("jenis_target") for r in rows]
    for baris, j in zip(tabel["baris"], jenis, strict=True):
        baris["sel"][1]["teks"] += tanda.get(j, "")
    catatan = [t(kunci, b) for j, kunci in (("1rw100", "tanda_1rw100"), ("turunan", "tanda_turunan")) if j in jenis]
    sub = {"jenis": "sub", "teks": " ".join(catatan)} if catatan else None
    if beda and sub:  # one paragraph: the note, then what the ¹ marks
        beda, sub = {"jenis": "sub", "teks": f"{beda['teks']} {sub['teks']}"}, None
    return _slide(f"{t('tertinggal', b)} {wilayah.nama_lengkap(tj.tempat)}", beda, sub, tabel)


def _rw(tj: Tinjauan, b: str):
    if not tj.rw:
        return None
    r = tj.rw
    angka = _baris_angka(
        _angka(
            fmt.label("rw_tercapai", b),
            f"{fmt.angka(r['rw_tercapai'], b)} / {fmt.angka(r['rw_diketahui'], b)}",
            fmt.persen(r["persen_rw_tercapai"], bahasa=b),
        ),
        _angka(
            fmt.label("capaian_program_rw", b),
            fmt.persen(r["capaian_program_rw"], bahasa=b),
            f"{fmt.label('target_program_rw', b)} {fmt.angka(r['target_program_rw'], b)}",
            _warna(r["capaian_program_rw"]),
        ),
    )
    syarat = t("berhasil" if r["program_rw_berhasil"] else "belum_berhasil", b)
    isi = [angka, _kalimat(syarat, "sedang", HIJAU if r["program_rw_berhasil"] else MERAH)]
    if tj.rw_baris and tj.tempat.tingkat in ("kecamatan", "kelurahan"):
        rows = [{**x, "nama_wilayah": f"{x['nama_wilayah']} · {x['nama_induk']}"} for x in tj.rw_baris[:RW_SLIDE]]
        isi += [
            {"jenis": "judul", "teks": t("rw_terjauh", b)},
            _tabel(rows, [(m, fmt.label(m, b)) for m in ("peserta_aktif", "target", "kekurangan")], b),
        ]
    elif tj.rw_baris:
        kolom = [(m, fmt.label(m, b)) for m in ("rw_diketahui", "rw_tercapai", "persen_rw_tercapai")]
        if tj.rw_anak:
            tampil, ada = min(len(tj.rw_baris), RW_SLIDE), tj.rw_anak
            lain = t("rw_dari_lain", b).format(semua=ada[1]) if ada[0] < ada[1] else ""
            isi.append({"jenis": "sub", "teks": t("rw_dari", b).format(tampil=tampil, punya=ada[0], lain=lain)})
        isi.append(_tabel(tj.rw_baris[:RW_SLIDE], kolom, b))
    return _slide(t("rw100", b), *isi)


def _catatan(tj: Tinjauan, b: str):
    p = tj.periode
    baris = [
        f"{t('data_per', b)} {fmt.tanggal(p.tanggal, b)}"
        + (f"; {t('dibanding', b)} {fmt.tanggal(p.sebelumnya, b)}" if p.sebelumnya else "")
        + (f"; {t('laju_sejak', b)} {fmt.tanggal(p.awal, b)}" if p.awal else ""),
        f"{t('filter', b)}: {_filter(tj, b)}",
    ]
    if tj.muat:
        alasan = ", ".join(
            f"{pick(tj.muat['arti'][k], b)} {fmt.angka(v, b)}"
            for k, v in list(tj.muat["alasan"].items())[:ALASAN_SLIDE]
        )
        baris.append(
            f"{t('dibaca', b)} {fmt.angka(tj.muat['dibaca'], b)}, {t('dimuat', b).lower()} "
            f"{fmt.angka(tj.muat['dimuat'], b)}, {t('ditolak_kata', b)} {fmt.angka(tj.muat['ditolak'], b)}"
            + (f" ({alasan})" if alasan else "")
        )
    else:
        baris.append(t("ditolak_admin", b))
    baris += [pick(c, b) for c in tj.catatan]
    baris.append(
        f"{t('dibuat', b)} {fmt.tanggal(tj.dibuat.date(), b)} {tj.dibuat:%H.%M} {tj.dibuat.tzname() or ''}".rstrip()
    )
    return _slide(t("catatan_data", b), {"jenis": "daftar", "baris": baris})


# --- pieces ----------------------------------------------------------------------------


def _tabel(rows: list[dict], kolom: list[tuple[str, str]], b: str) -> dict:
    return {
        "jenis": "tabel",
        "wilayah": t("wilayah", b),
        "kepala": [h for _, h in kolom],
        "baris": [
            {"nama": r["nama_wilayah"], "sel": [{"teks": _sel(m, r[m], b), "gaya": _gaya(m, r[m])} for m, _ in kolom]}
            for r in rows
        ],
    }


def _sel(metrik: str, value, b: str) -> str:
    return fmt.tanda(value, b) if metrik == "perubahan_minggu" else fmt.nilai(metrik, value, b)


def _gaya(metrik: str, value) -> str:
    if metrik in ("capaian", "capaian_acuan") and value is not None:
        return f"color:{_warna(value)};font-weight:800"
    if metrik == "perubahan_minggu" and value is not None and value < 0:
        return f"color:{MERAH};font-weight:800"
    return ""


def _grafik(fig: dict, id_: str, lebar: int, tinggi: int) -> str:
    """A dashboard chart (layouts.grafik's plain data) restyled for the projector: big black type,
    thick lines, fixed size."""
    layout = fig["layout"]
    layout.update(
        width=lebar,
        height=tinggi,
        font={"size": 28, "color": HITAM},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin={"l": 20, "r": 40, "t": 60, "b": 20},
        legend={"font": {"size": 28}, "orientation": "h", "y": 1.08, "x": 0},
    )
    garis = [d for d in fig["data"] if d.get("mode") == "lines+markers"]
    for trace, warna in zip(garis, (BIRU, "#444444")):  # deep colours: a pale one washes out
        trace["line"] = {**trace.get("line", {}), "width": 7, "color": warna}
        trace["marker"] = {**trace.get("marker", {}), "size": 16, "color": warna}
    for trace in fig["data"]:
        if trace.get("mode") == "lines":  # the road to 31 December, as thick as a room needs
            trace["line"] = {**trace["line"], "width": 5, "color": "#555555"}
    for shape in layout.get("shapes", []):
        if shape.get("name") == "aksi":  # an action's line: its own colour, a room-sized label (no hover here)
            shape["line"] = {**shape["line"], "width": 4}
            continue
        shape["line"] = {**shape["line"], "color": MERAH, "width": 5}
    for trace in fig["data"]:
        if trace.get("name") == "aksi":  # its title is already on the chart, in rows (grafik.tren)
            trace["marker"] = {**trace["marker"], "size": 26}
    for nama in ("xaxis", "yaxis"):
        layout[nama].update(gridcolor="#bbbbbb", linecolor=HITAM, tickfont={"size": 28})
    layout["xaxis"]["tickangle"] = 0
    for a in layout.get("annotations", []):  # the target's words red, the road ahead's grey
        warna = a.get("font", {}).get("color")
        if warna == grafik.UNGU:  # an action's number: the room's type (grafik.tren placed it for it)
            continue
        a["font"] = {**a.get("font", {}), "size": 30, "color": MERAH if warna == grafik.MERAH else "#444444"}
        if a.get("xref") == "x":  # the road's end: readable where an action's dotted line runs behind
            a["bgcolor"] = "rgba(255,255,255,0.85)"
    return Markup(
        pio.to_html(
            fig,
            validate=False,  # checked where it is drawn (tests/test_grafik.py); saves building objects
            full_html=False,
            include_plotlyjs=False,
            div_id=id_,
            config={"staticPlot": True, "displayModeBar": False},
        )
    )
