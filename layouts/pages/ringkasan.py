"""Ringkasan: where the chosen place stands against its target, how fast it moves, who lags."""

import dash
import dash_mantine_components as dmc
from dash import dcc, html

from layouts import bulan, grafik, kerangka, peta
from layouts import format as fmt
from layouts.teks import t
from metrics import aksi as aksi_mod
from metrics import cakupan

dash.register_page(__name__, path="/", name="Ringkasan", title=kerangka.judul_tab("ringkasan"))

KPI, PERINGKAT = cakupan.KPI, cakupan.ANAK


def layout(**query):
    return kerangka.halaman(query, "/", _isi)


def _isi(k):
    b = k.bahasa
    hasil = cakupan.tabel_tempat(k.tanya, KPI)
    m = hasil.baris[0]
    parts = [dmc.SimpleGrid(_kartu(m, k), cols={"base": 1, "sm": 2, "lg": 3}, spacing="lg"), _bagikan(k), _tinjauan(k)]
    parts += kerangka.catatan(hasil.catatan, b)
    parts.append(
        dmc.Card(
            [
                dmc.Group(
                    [
                        dmc.Title(t("tren", b), order=3),
                        dmc.Group(
                            [
                                dmc.Anchor(t("aksi_buka", b), href=k.href("/aksi"), size="md", id="tren-aksi"),
                                kerangka.unduh(k, "trend", nama="tren"),
                            ]
                        ),
                    ],
                    justify="space-between",
                ),
                *_tren(k, m),
            ],
            withBorder=True,
            radius="md",
            padding="lg",
        )
    )
    bagian_peta = _peta(k, m)
    if bagian_peta is not None:
        parts.append(bagian_peta)
    if k.tempat.tingkat_anak and k.tempat.tingkat_anak != "rw":
        parts.append(_peringkat(k, m))
    return dmc.Stack(parts, gap="lg")


def _tren(k, m) -> list:
    """The trend chart (grafik.tren) and, under it, its actions' titles by their numbers on the
    chart (grafik.daftar_aksi): a list wraps at any width, where titles on a 300-1200 px chart
    would not fit."""
    b = k.bahasa
    rows, aksi = cakupan.tren(k.tanya), aksi_mod.untuk_tren(k.tempat.kode)
    cabang = bool(k.tanya.filt.kantor_cabang)  # no target: a branch's reason, in words
    grafis = dcc.Graph(
        id="ringkasan-tren", figure=grafik.tren(rows, m, b, aksi, cabang=cabang), config={"displayModeBar": False}
    )
    daftar = grafik.daftar_aksi(grafik.aksi_tren(rows, m, aksi), b, grafik.HALAMAN.judul)  # whole on /aksi
    if not daftar:
        return [grafis]
    baris = [
        html.Li([html.B(str(n), className="tren-aksi-nomor"), " ", teks], className="tren-aksi-baris")
        for n, teks in daftar
    ]
    return [grafis, html.Ol(baris, id="tren-aksi-daftar", className="tren-aksi", **{"aria-label": t("aksi_buka", b)})]


def _bagikan(k):
    """The cards above as one square image for a chat group (layouts/kartu_png.py), made by the
    server's download route in the page's language: the same question, scope and audit trail."""
    b = k.bahasa
    return dmc.Group(
        [
            dmc.Text(t("kartu_bagikan", b), fw=600, size="lg"),
            dmc.Anchor(t("kartu_unduh", b), href=k.href("/unduh/kartu.png"), refresh=True, size="lg", id="kartu-unduh"),
        ],
        gap="lg",
    )


def _tinjauan(k):
    """The weekly review of this view: on the projector, or as a file for a phone or a chat group."""
    b = k.bahasa
    return dmc.Group(
        [
            dmc.Text(t("tinjauan", b), fw=600, size="lg"),
            dmc.Anchor(t("tinjauan_buka", b), href=k.href("/tinjauan"), refresh=True, size="lg", id="tinjauan-buka"),
            dmc.Anchor(
                t("tinjauan_pdf", b), href=k.href("/tinjauan", unduh="pdf"), refresh=True, size="lg", id="tinjauan-pdf"
            ),
            dmc.Anchor(
                t("tinjauan_html", b),
                href=k.href("/tinjauan", unduh="html"),
                refresh=True,
                size="lg",
                id="tinjauan-html",
            ),
            dmc.Anchor(t("tinjauan_surel", b), href=k.href("/langganan"), size="lg", id="tinjauan-surel"),
        ],
        gap="lg",
    )


def _kartu(m, k):
    """Seven cards: active, target, capaian, shortfall, this week, pace, next month. Counts in the short form
    (129,1 ribu) with the full figure beside and on hover; the target says whose it is."""
    b = k.bahasa
    aktif = m["peserta_aktif"]
    aturan = m["jenis_target"] == "1rw100"
    target_label = fmt.nama_target(m["jenis_target"], b)
    # none yet (or a branch's), the 1 RW 100 rule's, a derived one's origin: the words every output uses
    target_note = fmt.catatan_target(m, b, k.tanya.filt)
    if m["target_acuan"] is not None and not aturan:
        target_note = fmt.penuh_di_depan(m["target_acuan"], b) + (
            target_note or f"{t('target_tahun', b)} {k.snapshot.year}"
        )
    change_note = fmt.rincian_perubahan(m, b) or "-"
    kurang = m["kekurangan_acuan"]
    return [
        kerangka.kartu(
            fmt.label("peserta_aktif", b),
            fmt.ringkas(aktif, b),
            fmt.penuh_di_depan(aktif, b)
            + f"{fmt.label('peserta_terdaftar', b).lower()} {fmt.angka(m['peserta_terdaftar'], b)}",
            "ringkasan-aktif",
            penuh=fmt.angka(aktif, b),
        ),
        kerangka.kartu(
            target_label,
            fmt.ringkas(m["target_acuan"], b),
            target_note,
            "ringkasan-target",
            penuh=fmt.angka(m["target_acuan"], b),
        ),
        kerangka.kartu(
            t("capaian_1rw100", b) if aturan else fmt.label("capaian", b),
            fmt.persen(m["capaian_acuan"], bahasa=b),
            fmt.cakupan_pekerja(m, b) or fmt.definisi_metrik("capaian", b),
            "ringkasan-capaian",
            grafik.warna_capaian(m["capaian_acuan"]) if m["capaian_acuan"] is not None else None,
        ),
        kerangka.kartu(
            fmt.label("kekurangan", b),
            fmt.ringkas(kurang, b),
            t("sudah_tercapai", b) if kurang == 0 else (fmt.penuh(kurang, b) or fmt.definisi_metrik("kekurangan", b)),
            "ringkasan-kekurangan",
            penuh=fmt.angka(kurang, b),
        ),
        kerangka.kartu(t("minggu_ini", b), fmt.tanda(m["perubahan_minggu"], b), change_note, "ringkasan-perubahan"),
        _kartu_laju(m, k.tanya.periode, b, k.tanya.filt),
        bulan.kartu(m, k),
    ]


def _kartu_laju(m, periode, b, filt=None):
    """The pace as two labelled values (achieved, needed), never 'a / b' that reads as a ratio,
    the achieved one named by the weeks of data behind it; with one snapshot the pace cannot be
    known yet, and the card says so."""
    vonis = cakupan.vonis_laju(m)
    nilai = [(fmt.kata_laju(periode, b), fmt.laju(m["laju_4mg"], b))]
    if m["laju_dibutuhkan_acuan"] is not None:
        nilai.append((t("dibutuhkan", b), fmt.laju(m["laju_dibutuhkan_acuan"], b)))
    if vonis == "belum":
        note = t("laju_belum", b)
    elif vonis == "tanpa_target":  # a branch's: targets count every branch (the target card's words)
        note = fmt.catatan_target(m, b, filt)
    elif vonis == "sudah_tercapai":
        note = t(vonis, b)
    elif vonis == "tidak_tercapai":
        note = t("tidak_tercapai", b)
    else:
        note = f"{t('tercapai_pada', b)} {fmt.tanggal(m['perkiraan_tercapai_acuan'], b)}"
    tepat = m["tepat_waktu_acuan"]
    warna = None if tepat is None or vonis == "belum" else ("green" if tepat else "red")
    return kerangka.kartu_dua(t("laju", b), nilai, note, "ringkasan-laju", warna)


def _peta(k, m):
    """The places below as a map coloured by capaian (layouts/peta.py); a click drills down. None
    for a kelurahan or an RW: an RW has no boundary, and an RW has no places below. `m` is the
    place's own KPI row: the map says when the colours measure another target than the place's."""
    if k.tempat.tingkat_anak in (None, "rw"):
        return None
    rows = cakupan.anak(k.tanya, PERINGKAT).baris
    beda = kerangka.beda_dasar(k, m, rows, "ringkasan-peta-dasar")
    return peta.bagian(k.tempat, rows, k.bahasa, "ringkasan-peta", beda)


def _peringkat(k, m):
    b = k.bahasa
    hasil = cakupan.peringkat(k.tanya, "capaian", PERINGKAT)
    with_target = [r for r in hasil.baris if r["capaian_acuan"] is not None]
    isi = (
        dcc.Graph(
            id={"type": "turun-grafik", "nama": "peringkat"},
            figure=grafik.batang_capaian(with_target, b),
            config={"displayModeBar": False},
        )
        if with_target
        else dmc.Text(t("peringkat_kosong", b), size="lg", id="peringkat-kosong")
    )
    return dmc.Card(
        [
            dmc.Group(
                [
                    dmc.Title(f"{t('peringkat_capaian', b)} {k.tempat.nama}", order=3),
                    dmc.Group(
                        [
                            # targets are per region and segment: the link keeps the segment only; none for a branch
                            dmc.Anchor(
                                t("bagi_target", b),
                                href=k.href("/target", program=None, sumber=None, rentan=None, cabang=None),
                                size="md",
                                id="peringkat-bagi",
                            )
                            if not k.tanya.filt.kantor_cabang
                            else None,
                            kerangka.unduh(k, "coverage", hasil.tingkat, nama="peringkat"),
                        ]
                    ),
                ],
                justify="space-between",
            ),
            dmc.Text(t("klik_turun", b), c="dimmed"),
            kerangka.beda_dasar(k, m, hasil.baris, "peringkat-dasar"),
            isi,
            dmc.Text(t("tanda_1rw100", b), c="dimmed", id="peringkat-1rw100")
            if any(r["jenis_target"] == "1rw100" for r in with_target)
            else None,
            dmc.Text(t("tanda_turunan", b), c="dimmed", id="peringkat-turunan")
            if any(r["jenis_target"] == "turunan" for r in with_target)
            else None,
        ],
        withBorder=True,
        radius="md",
        padding="lg",
    )
