"""Actions (issue 21): recorded in scope, their effect measured against similar places, and the
what-if of funding pekerja rentan, each against a hand-worked answer."""

from __future__ import annotations

import datetime as dt

import pytest

from isian import aksi as simpanan
from metrics import aksi, cakupan, lingkup
from metrics.pertanyaan import tanya

MINGGU = [dt.date(2024, 1, 2) + dt.timedelta(weeks=i) for i in range(9)]  # 9 weekly snapshots
MULAI = MINGGU[4]  # 30 Jan: 4 weeks before it, 4 after


def _deret(*nilai):
    return dict(zip(MINGGU, nilai, strict=True))


def test_a_planted_pace_change_is_found_against_known_comparison_places():
    """The place gains 10 a week for 4 weeks, then 40 a week: its pace changes by +30. The four
    similar places gain 10 a week before and 12, 8, 11, 9 after: changes +2, -2, +1, -1, mean 0,
    standard deviation sqrt(10/3) = 1,826; x sqrt(1 + 1/4) = 2,041. Effect +30 - 0 = +30 a week,
    far past 2 x 2,041: clear."""
    tempat = _deret(100, 110, 120, 130, 140, 180, 220, 260, 300)
    pembanding = {
        f"k{i}": _deret(*(200 + 10 * w for w in range(5)), *(240 + sesudah * w for w in range(1, 5)))
        for i, sesudah in enumerate((12, 8, 11, 9))
    }
    e = aksi.efek_dari_deret(tempat, pembanding, MULAI)
    assert e.alasan is None and (e.minggu_sebelum, e.minggu_sesudah) == (4, 4) and e.pembanding == 4
    assert (e.laju_sebelum, e.laju_sesudah, e.perubahan_pembanding) == (10, 40, 0)
    assert e.efek == 30 and e.galat_baku == pytest.approx(2.0412, abs=1e-4) and e.yakin and e.minggu_lagi is None
    from layouts import aksi as kata

    assert kata.efek(e, "id") == (
        "+30,0 per minggu dibanding 4 wilayah serupa (± 4,1): laju jelas lebih cepat daripada wilayah serupa."
    )
    assert kata.efek(e, "en") == (
        "+30.0 a week against 4 similar regions (± 4.1): the pace is clearly faster than in similar regions."
    )


def test_a_small_change_says_how_many_more_weeks_would_tell():
    """Place: +10 before, +13 after (change +3); comparison changes +2, -2, +1, -1 (mean 0, error
    2,041): 3 is under 2 x 2,041 = 4,08. Weeks for it to be clear: 4 x (4,08 / 3)^2 = 7,4 -> 8,
    that is 4 more than the 4 measured."""
    tempat = _deret(100, 110, 120, 130, 140, 153, 166, 179, 192)
    pembanding = {
        f"k{i}": _deret(*(200 + 10 * w for w in range(5)), *(240 + sesudah * w for w in range(1, 5)))
        for i, sesudah in enumerate((12, 8, 11, 9))
    }
    e = aksi.efek_dari_deret(tempat, pembanding, MULAI)
    assert e.efek == 3 and not e.yakin and e.minggu_lagi == 4
    from layouts import aksi as kata

    assert kata.efek(e, "id") == (
        "+3,0 per minggu dibanding 4 wilayah serupa (± 4,1): belum beda dari naik-turun biasa; "
        "perlu sekitar 4 minggu lagi untuk yakin."
    )


def test_an_effect_clear_only_after_a_year_reads_as_too_small():
    """Issue 30: "perlu sekitar 743 minggu lagi untuk yakin". The horizon is a year: 52 weeks of
    data after the start (metrics.aksi.CAKRAWALA_MINGGU). Four similar places change their pace by
    -46/4, 2/4, 18/4 and 26/4 (mean 0; variance 195 / 3 = 65; error sqrt(65 x 1,25) = 9,014;
    2 x error = 18,03, squared 325). The place goes from 10 a week to 15 (effect 5): 4 x 325 / 5^2
    = 52 weeks in all, 48 more: at the horizon, the wait is said. To 14,75 (effect 4,75):
    4 x 325 / 4,75^2 = 57,6 weeks, past it: too small to tell apart."""
    pembanding = {f"k{k}": _deret(200, 210, 220, 230, 240, 250, 260, 270, 280 + k) for k in (-46, 2, 18, 26)}
    batas = aksi.efek_dari_deret(_deret(100, 110, 120, 130, 140, 155, 170, 185, 200), pembanding, MULAI)
    assert batas.efek == 5 and batas.galat_baku == pytest.approx(9.0139, abs=1e-4)
    assert (batas.minggu_lagi, batas.terlalu_kecil) == (48, False)
    lewat = aksi.efek_dari_deret(_deret(100, 110, 120, 130, 140, 155, 170, 185, 199), pembanding, MULAI)
    assert lewat.efek == 4.75 and (lewat.minggu_lagi, lewat.terlalu_kecil, lewat.yakin) == (None, True, False)
    from layouts import aksi as kata

    assert kata.efek(batas, "id") == (
        "+5,0 per minggu dibanding 4 wilayah serupa (± 18,0): belum beda dari naik-turun biasa; "
        "perlu sekitar 48 minggu lagi untuk yakin."
    )
    assert kata.efek(lewat, "id") == (
        "+4,8 per minggu dibanding 4 wilayah serupa (± 18,0): efeknya terlalu kecil untuk dibedakan dari "
        "naik-turun biasa (perlu lebih dari setahun data sesudah aksi dimulai)."
    )
    assert kata.efek(lewat, "en") == (
        "+4.8 a week against 4 similar regions (± 18.0): the effect is too small to tell apart from the usual "
        "ups and downs (it would take more than a year of data after the start)."
    )


def test_too_few_weeks_or_no_comparison_places_give_no_number():
    tempat = _deret(100, 110, 120, 130, 140, 180, 220, 260, 300)
    pembanding = {f"k{i}": _deret(*range(200, 209)) for i in range(4)}
    e = aksi.efek_dari_deret(tempat, pembanding, MINGGU[7])  # one week after the start only
    assert (e.alasan, e.efek, e.minggu_sesudah) == ("minggu_kurang", None, 1)
    e = aksi.efek_dari_deret(tempat, pembanding, MINGGU[1])  # one week before it
    assert (e.alasan, e.minggu_sebelum) == ("minggu_kurang", 1)
    assert aksi.efek_dari_deret(tempat, {}, MINGGU[0] - dt.timedelta(days=1)).alasan == "minggu_kurang"
    e = aksi.efek_dari_deret(tempat, dict(list(pembanding.items())[:2]), MULAI)  # two similar places
    assert (e.alasan, e.pembanding, e.efek) == ("tanpa_pembanding", 2, None)


def test_the_effect_words_name_the_weeks_and_an_action_not_yet_started():
    """Issue 30: an action starting after the newest data read "perlu minimal 2 minggu data
    sebelum dan sesudah mulai (kini 0 dan 0)" with weeks of data before it. Snapshots every
    Tuesday 2 Jan - 27 Feb 2024. A start on 10 March is after the newest (27 Feb): not started;
    measurable from 2 weeks after, 24 March. A start on 20 Feb: 4 weeks before it (the window's
    most), 1 after (27 Feb). A start on 1 Jan, before the first snapshot: 0 before, and 2 Jan to
    23 Jan after (3 weeks; 30 Jan is past 4 weeks). Snapshots 13 days apart: 1,8 weeks, never
    rounded up to the 2 it has not reached."""
    from layouts import aksi as kata

    tempat = _deret(100, 110, 120, 130, 140, 180, 220, 260, 300)
    belum = aksi.efek_dari_deret(tempat, {}, dt.date(2024, 3, 10))
    assert (belum.alasan, belum.mulai, belum.data_terbaru, belum.efek) == (
        "belum_mulai", dt.date(2024, 3, 10), dt.date(2024, 2, 27), None,
    )  # fmt: skip
    assert kata.efek(belum, "id") == (
        "Belum dimulai: aksi ini mulai 10 Mar 2024, sesudah data terbaru (27 Feb 2024); efeknya bisa diukur "
        "dari 2 minggu sesudah mulai (24 Mar 2024)."
    )
    assert kata.efek(belum, "en") == (
        "Not started yet: this action starts on 10 Mar 2024, after the newest data (27 Feb 2024); its effect "
        "can be measured from 2 weeks after the start (24 Mar 2024)."
    )
    kurang = aksi.efek_dari_deret(tempat, {}, MINGGU[7])
    assert (kurang.alasan, kurang.minggu_sebelum, kurang.minggu_sesudah) == ("minggu_kurang", 4, 1)
    assert kata.efek(kurang, "id") == (
        "Belum bisa diukur: ada 4 minggu data sebelum dan 1 minggu sesudah mulai; perlu minimal 2 dan 2."
    )
    assert kata.efek(kurang, "en") == (
        "Cannot be measured yet: 4 weeks of data before the start and 1 week after; it needs at least 2 and 2."
    )
    awal = aksi.efek_dari_deret(tempat, {}, dt.date(2024, 1, 1))
    assert (awal.alasan, awal.minggu_sebelum, awal.minggu_sesudah) == ("minggu_kurang", 0, 3)
    assert kata.efek(awal, "id").startswith("Belum bisa diukur: ada 0 minggu data sebelum dan 3 minggu sesudah mulai")
    jarang = {dt.date(2024, 1, 1): 10, dt.date(2024, 1, 14): 12, dt.date(2024, 1, 21): 13}
    e = aksi.efek_dari_deret(jarang, {}, dt.date(2024, 1, 14))
    assert (e.alasan, e.minggu_sebelum, e.minggu_sesudah) == ("minggu_kurang", 13 / 7, 1)
    assert kata.efek(e, "id").startswith("Belum bisa diukur: ada 1,8 minggu data sebelum dan 1 minggu sesudah")
    assert "1.8 weeks of data before the start and 1 week after" in kata.efek(e, "en")


def test_the_effect_on_the_served_data_of_an_action_after_the_newest_snapshot(minggu):
    """The reviewer's case on the weekly seed (9 Jan, 30 Jan, 6 Feb 2024), Pulo Gadung: an action
    starting 20 February is not started (6 Feb the newest); one starting 1 February has 30 Jan
    back to 9 Jan before it (3 weeks) and 6 Feb after it (1 week)."""
    from layouts import aksi as kata

    def dari(nomor, mulai):
        a = simpanan.Aksi(nomor, "31.75.02.1001", "sosialisasi", "x", "", mulai, None, None, None, False, "x")
        return kata.efek(aksi.efek(a), "id")

    assert dari(21, dt.date(2024, 2, 20)) == (
        "Belum dimulai: aksi ini mulai 20 Feb 2024, sesudah data terbaru (6 Feb 2024); efeknya bisa diukur "
        "dari 2 minggu sesudah mulai (5 Mar 2024)."
    )
    assert dari(22, dt.date(2024, 2, 1)) == (
        "Belum bisa diukur: ada 3 minggu data sebelum dan 1 minggu sesudah mulai; perlu minimal 2 dan 2."
    )


def test_the_actions_slide_says_how_many_more_there_are(minggu):
    """Issue 30: the review's actions slide names the newest 4 (AKSI_SLIDE) of 9 and said nothing
    of the other 5; now the slide, the HTML and the PDF say 'dan 5 aksi lain di halaman Aksi'."""
    import pypdfium2

    from layouts import tinjauan as slides
    from layouts import tinjauan_pdf
    from metrics import tinjauan

    def satu(i):
        return simpanan.Aksi(
            30 + i, "31.75.02.1001", "sosialisasi", f"Aksi ke-{i}", "", dt.date(2024, 1, 10 + i), None, None, None,
            False, "x",
        )  # fmt: skip

    semua = [satu(i) for i in range(1, 10)]
    tj = tinjauan.tinjauan(tanya("31.75.02.1001"))

    def slide(n, b):
        t = type(tj)(**{**tj.__dict__, "aksi": semua[:n]})
        [s] = [x for x in slides.slides(t, b)[1] if x["judul"] in ("Aksi dan efeknya", "Actions and their effect")]
        return t, s

    t9, s = slide(9, "id")
    assert [x["jenis"] for x in s["isi"]] == ["daftar", "sub"]
    assert [b.split(" · ")[1].split(":")[0] for b in s["isi"][0]["baris"]] == [f"Aksi ke-{i}" for i in (9, 8, 7, 6)]
    assert s["isi"][1]["teks"] == "dan 5 aksi lain di halaman Aksi"
    assert slide(9, "en")[1]["isi"][1]["teks"] == "and 5 more actions on the Aksi page"
    assert slide(5, "en")[1]["isi"][1]["teks"] == "and 1 more action on the Aksi page"
    assert [x["jenis"] for x in slide(4, "id")[1]["isi"]] == ["daftar"]  # all shown: nothing to add
    assert "dan 5 aksi lain di halaman Aksi" in slides.dokumen(t9, "id")
    pdf = pypdfium2.PdfDocument(tinjauan_pdf.pdf(t9, "id"))
    teks = " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in pdf)
    assert "dan 5 aksi lain di halaman Aksi" in teks


def test_the_what_if_of_funding_pulo_gadung(minggu):
    """Pulo Gadung on 2024-02-06 (tests/seed/README.md): 11 active, target 20, 0,75 a week,
    projection 46, reached 2024-04-30. Fund 5 from March: 10 months paid, 5 x 16.800 x 10 =
    840.000; projection 46 + 5 = 51, 255 % of 20. With the 5 from 1 March, the other 4 come at
    0,75 a week: ceil(4 / 0,75 x 7) = 38 days after 6 February, 15 March."""
    m = cakupan.angka_tempat(tanya("31.75.02.1001"), cakupan.KPI)
    hasil = aksi.bagaimana_jika(m, 5, 3, dt.date(2024, 2, 6))
    assert hasil["biaya"] == 840_000 and hasil["bulan_dibayar"] == 10 and hasil["mulai"] == dt.date(2024, 3, 1)
    assert hasil["proyeksi_akhir_tahun"] == 51 and hasil["capaian_akhir_tahun"] == pytest.approx(2.55)
    assert (hasil["tercapai_tanpa"], hasil["tercapai"]) == (dt.date(2024, 4, 30), dt.date(2024, 3, 15))
    # 9 funded from March close the gap on their first day (11 + 9 = 20); from June the pace is first
    assert aksi.bagaimana_jika(m, 9, 3, dt.date(2024, 2, 6))["tercapai"] == dt.date(2024, 3, 1)
    assert aksi.bagaimana_jika(m, 5, 6, dt.date(2024, 2, 6))["tercapai"] == dt.date(2024, 4, 30)
    with pytest.raises(aksi.GalatAksi, match="Bulan mulai 2-12"):
        aksi.bagaimana_jika(m, 5, 1, dt.date(2024, 2, 6))


def test_actions_are_recorded_inside_the_scope_only(seed_loaded):
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        nomor = aksi.tambah("31.75.02", "jemput bola", "Jemput bola pasar Pulogadung", "2024-02-01", orang="")
        with pytest.raises(lingkup.TanpaAkses):
            aksi.tambah("31.71", "sosialisasi", "Sosialisasi", "2024-02-01")
        with pytest.raises(aksi.GalatAksi, match="Tanggal selesai sebelum"):
            aksi.tambah("31.75", "instruksi", "Instruksi wali kota", "2024-02-01", selesai="2024-01-01")
        with pytest.raises(aksi.GalatAksi, match="Jenis aksi 'rapat' tidak dikenal"):
            aksi.tambah("31.75", "rapat", "Rapat", "2024-02-01")
        [a] = aksi.daftar("31.75")
        assert (a.id, a.wilayah, a.jenis, a.judul, a.mulai, a.oleh) == (
            nomor, "31.75.02", "jemput_bola", "Jemput bola pasar Pulogadung", dt.date(2024, 2, 1), "kota.jaktim",
        )  # fmt: skip
        assert [x.id for x in aksi.untuk_tren("31.75.02.1001")] == [nomor]  # a kelurahan's trend marks its kecamatan's
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.71", nama="kota.jakpus")):
        assert aksi.untuk_tren("31.71") == []
        with pytest.raises(lingkup.TanpaAkses):
            aksi.hapus(nomor)
    assert [a.id for a in simpanan.daftar()] == [nomor]


def test_an_action_is_marked_on_the_trend_and_named_in_the_review(minggu):
    from layouts import grafik, tinjauan_pdf
    from layouts import tinjauan as slides
    from metrics import tinjauan

    a = simpanan.Aksi(
        9, "31.75.02.1001", "sosialisasi", "Sosialisasi RW 3", "", dt.date(2024, 1, 20), None, None, None, False, "x"
    )
    rows = cakupan.tren(tanya("31.75.02.1001"))
    m = cakupan.angka_tempat(tanya("31.75.02.1001"), cakupan.KPI)
    fig = grafik.tren(
        rows,
        m,
        "id",
        [a, simpanan.Aksi(10, "31.75", "lain", "Lama", "", dt.date(2023, 1, 1), None, None, None, False, "x")],
    )
    [garis] = [s for s in fig["layout"]["shapes"] if s.get("name") == "aksi"]  # the 2023 one is off the chart
    assert garis["x0"] == dt.date(2024, 1, 20) and garis["line"]["color"] == grafik.UNGU
    [tanda] = [d for d in fig["data"] if d.get("name") == "aksi"]
    # numbered as in the list under the chart (grafik.daftar_aksi)
    assert tanda["hovertext"] == ["1. Sosialisasi RW 3<br>Sosialisasi · 20 Jan 2024"] and tanda["customdata"] == [[9]]
    tj = tinjauan.tinjauan(tanya("31.75.02.1001"))
    tj = type(tj)(**{**tj.__dict__, "aksi": [a]})
    html = slides.dokumen(tj, "id")
    assert "Sosialisasi RW 3" in html
    # and a slide of the actions with their effect in words (three snapshots: too few weeks after)
    [aksi_slide] = [x for x in slides.slides(tj, "id")[1] if x["judul"] == "Aksi dan efeknya"]
    assert aksi_slide["isi"][0]["baris"][0].startswith("20 Jan 2024 · Sosialisasi RW 3: Belum bisa diukur")
    import pypdfium2

    teks = "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(tinjauan_pdf.pdf(tj, "id")))
    assert "Sosialisasi RW 3" in teks


# --- the Aksi page, over HTTP as any script could post it ---------------------------------

from tests.klien import masuk as _klien  # noqa: E402


def _catat(client, search, judul="Jemput bola pasar", mulai="2024-02-01", jenis="jemput_bola"):
    nilai = {"aksi-jenis": jenis, "aksi-judul": judul, "aksi-mulai": mulai, "aksi-selesai": "", "aksi-orang": "",
             "aksi-sumber": None, "aksi-catatan": "RW 1-3"}  # fmt: skip
    body = {
        "output": "..aksi-pesan.children...aksi-daftar.children..",
        "outputs": [{"id": "aksi-pesan", "property": "children"}, {"id": "aksi-daftar", "property": "children"}],
        "inputs": [{"id": "aksi-simpan", "property": "n_clicks", "value": 1}, []],
        "state": [{"id": k, "property": "value", "value": v} for k, v in nilai.items()]
        + [{"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["aksi-simpan.n_clicks"],
    }
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.text[:300]
    return r.text


def test_the_page_records_an_action_in_scope_and_refuses_one_outside(minggu_awal_aksi, dash_app):
    with lingkup.berlaku(None):
        jaktim = _klien(dash_app, "kota.jaktim", "31.75")
        jawab = _catat(jaktim, "?wilayah=31.75.02")
        assert "Aksi 1 dicatat" in jawab and "Jemput bola pasar" in jawab
        assert "Belum bisa diukur" in jawab  # 3 snapshots: one week after 1 February
        assert "di luar lingkup" in _catat(jaktim, "?wilayah=31.71")
        assert "Tanggal mulai '1 Feb' tidak terbaca: tulis tahun-bulan-hari, misalnya 2024-02-06." in _catat(
            jaktim, "?wilayah=31.75", mulai="1 Feb"
        )
        assert "Tanggal mulai '20240201' tidak terbaca" in _catat(jaktim, "?wilayah=31.75", mulai="20240201")
    assert [(a.id, a.wilayah, a.oleh) for a in simpanan.daftar()] == [(1, "31.75.02", "kota.jaktim")]


@pytest.fixture
def minggu_awal_aksi(data_dir, cetakan):
    """The weekly seed's three snapshots and targets, in a data directory of its own (actions are written there)."""
    from tests.conftest import bangun_minggu_target

    return cetakan("minggu_target", bangun_minggu_target, data_dir)


def test_actions_are_imported_from_a_csv_row_by_row(seed_loaded, tmp_path, capsys):
    """Good rows are recorded; each bad one is refused with its line and why (the command line)."""
    from commands import akses as perintah

    berkas = tmp_path / "aksi.csv"
    berkas.write_text(
        "kode_wilayah;jenis;judul;mulai;orang;sumber_dana\n"
        "31.75;pendanaan;APBD untuk 200 pekerja rentan;2024-03-01;200;APBD\n"
        "31.75.02;jemput_bola;Jemput bola;2024-02-10;;\n"
        "99.99;sosialisasi;Tidak ada;2024-02-10;;\n"
        "31.75;rapat;Rapat;2024-02-10;;\n",
        encoding="utf-8",
    )
    assert perintah.main(["aksi", "impor", str(berkas)]) == 2
    keluar = capsys.readouterr()
    assert "2 aksi dicatat, 2 baris ditolak." in keluar.out
    assert "baris 4: Kode wilayah 99.99 tidak ada" in keluar.err and "baris 5: Jenis aksi 'rapat'" in keluar.err
    assert [(a.wilayah, a.orang, a.sumber_dana) for a in simpanan.daftar()] == [
        ("31.75.02", None, None),
        ("31.75", 200, "APBD"),
    ]


def test_actions_are_read_as_standard_csv(seed_loaded, tmp_path):
    """Issue 30 item 6, the cases in tests/seed: doubled quotes, a quoted comma and a quoted line
    break are kept as written; every row of aksi_aneh.csv is a title like any other (stored as text:
    the pages, slides and PDF show it as text), the formula row too."""
    from tests.conftest import SEED

    def judul_catatan(nama, n):
        ids, galat = aksi.impor(SEED / nama)
        assert (len(ids), galat) == (n, [])
        return [(a.judul, a.catatan) for a in sorted(simpanan.daftar(), key=lambda a: a.id)[-n:]]

    assert judul_catatan("aksi_kutip.csv", 1) == [('Rapat "RW siaga" kedua', "")]
    assert judul_catatan("aksi_newline.csv", 1) == [("Rapat warga", "baris satu\nbaris dua")]
    assert judul_catatan("aksi_aneh.csv", 5) == [
        ('<script>alert(1)</script> "kutip" & <b>tebal</b>', "catatan <img src=x onerror=alert(2)>"),
        ("Jemput bola \U0001f680 RW 05 \u2014 \u201cKampanye\u201d \u2713", ""),
        ("A" * 120, ""),
        ('=HYPERLINK("http://evil.example/?x","klik")', ""),
        ("Sosialisasi \u793e\u4f1a\u5316 \u0628\u064a\u0627\u0646 \u01c4 \ufdfd", ""),
    ]
    formula = sorted(simpanan.daftar(), key=lambda a: a.id)[-2]  # its quoted comma split no column
    assert (formula.wilayah, formula.jenis, formula.mulai, formula.orang, formula.sumber_dana) == (
        "31.75.02", "pendanaan", dt.date(2024, 2, 4), 5, "APBD",
    )  # fmt: skip
    assert len(simpanan.daftar()) == 7


def test_a_quote_left_open_is_refused_with_its_lines(seed_loaded, tmp_path):
    """Line 3 opens a quote it never closes: the csv reader takes lines 3-4 as one record with the
    wrong number of fields; it is refused naming both lines, not stored as a title of two rows."""
    berkas = tmp_path / "aksi.csv"
    berkas.write_text(
        "kode_wilayah,jenis,judul,mulai\n"
        "31.75.02,lain,Rapat satu,2024-02-03\n"
        '31.75.02,lain,"Rapat dua,2024-02-04\n'
        "31.75.02,lain,Rapat tiga,2024-02-05\n",
        encoding="utf-8",
    )
    ids, galat = aksi.impor(berkas)
    assert len(ids) == 1 and galat == ["baris 3-4: tanda kutip tidak berpasangan; periksa tanda kutip di baris 3."]
    assert [a.judul for a in simpanan.daftar()] == ["Rapat satu"]


def test_the_what_if_is_shown_first_and_saved_as_a_plan_only_when_asked(minggu_awal_aksi, dash_app):
    """Pulo Gadung: 5 from March, worked out (nothing saved), then saved as a planned funding action."""
    with lingkup.berlaku(None):
        jaktim = _klien(dash_app, "kota.jaktim", "31.75")

        def jika(tombol):
            body = {
                "output": "jika-hasil.children",
                "outputs": {"id": "jika-hasil", "property": "children"},
                "inputs": [
                    {"id": "jika-hitung", "property": "n_clicks", "value": 1 if tombol == "jika-hitung" else None},
                    {"id": "jika-simpan", "property": "n_clicks", "value": 1 if tombol == "jika-simpan" else None},
                ],
                "state": [
                    {"id": "jika-n", "property": "value", "value": 5},
                    {"id": "jika-bulan", "property": "value", "value": "3"},
                    {"id": "jika-sumber", "property": "value", "value": "CSR"},
                    {"id": "_pages_location", "property": "search", "value": "?wilayah=31.75.02.1001"},
                ],
                "changedPropIds": [f"{tombol}.n_clicks"],
            }
            r = jaktim.post("/_dash-update-component", json=body)
            assert r.status_code == 200, r.text[:300]
            return r.text

        hitung = jika("jika-hitung")
        assert "Biaya Rp840.000 untuk 10 bulan" in hitung and "capaian 255,0 %" in hitung and "15 Maret 2024" in hitung
        assert simpanan.daftar() == []  # worked out, not saved
        assert "Aksi 1 dicatat" in jika("jika-simpan")
    [a] = simpanan.daftar()
    assert (a.jenis, a.orang, a.sumber_dana, a.rencana, a.mulai, a.selesai) == (
        "pendanaan", 5, "CSR", True, dt.date(2024, 3, 1), dt.date(2024, 12, 31),
    )  # fmt: skip


# --- the form's start date (issue 32, item 7) --------------------------------------------


def test_the_start_date_is_today_while_the_data_is_current_else_the_newest_snapshot(dash_app):
    from layouts.pages.aksi import mulai_bawaan

    terbaru = dt.date(2024, 2, 6)
    assert mulai_bawaan(terbaru, dt.date(2024, 2, 6)) == dt.date(2024, 2, 6)
    assert mulai_bawaan(terbaru, dt.date(2024, 3, 5)) == dt.date(2024, 3, 5)  # 28 days: 4 weeks, still current
    assert mulai_bawaan(terbaru, dt.date(2024, 3, 6)) == terbaru  # 29 days: the day the data describes
    assert mulai_bawaan(terbaru, dt.date(2026, 12, 7)) == terbaru
    assert mulai_bawaan(None, dt.date(2026, 12, 7)) == dt.date(2026, 12, 7)  # nothing loaded yet


def test_the_form_offers_the_newest_snapshot_of_old_data_and_says_so(minggu_awal_aksi, dash_app):
    """The weekly seed ends on 6 February 2024, years before any day this runs: the form offers
    that day, named under the field (today's side is mulai_bawaan's test above)."""
    from tests.klien import halaman

    with lingkup.berlaku(None):
        jaktim = _klien(dash_app, "kota.jaktim", "31.75")
        teks = halaman(jaktim, "/aksi", "?wilayah=31.75").text
    mulai = teks[teks.index('"id":"aksi-mulai"') - 400 : teks.index('"id":"aksi-mulai"') + 400]
    assert '"value":"2024-02-06"' in mulai and "Data terbaru per 6 Februari 2024" in mulai
