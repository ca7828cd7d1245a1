"""Banding (issue 35, item 1): one place at two snapshots, or places at one snapshot, side by side,
on the weekly seed (tests/seed/README.md, "minggu_*.csv"); every expected number worked by hand
from the seed's table in the comments."""

import pytest

from metrics import banding
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya

PULO_GADUNG, KENARI, PISANGAN = "31.75.02.1001", "31.71.04.1002", "31.75.02.1002"


def test_pulo_gadung_now_and_four_weeks_back(minggu):
    # 2024-01-09: P1-P9 registered in Pulo Gadung (P9 inactive), P1-P8 active: 9 and 8.
    # 2024-02-06: P1-P6, P8 (inactive), P9-P13 (P7 moved to Kenari): 12 registered, 11 active.
    # Target 20 both times (2024): capaian 8/20 = 40 %, 11/20 = 55 %; kekurangan 12 and 9.
    # The first snapshot has no earlier one: no weekly change, no pace; on 02-06 +2 and 0,75.
    bd = banding.dua_tanggal(tanya(PULO_GADUNG, "2024-02-06"))  # default: 4 weeks back, 2024-01-09
    assert bd.jenis == "tanggal" and [str(s.tanya.tanggal) for s in bd.sisi] == ["2024-01-09", "2024-02-06"]
    lama, baru = (s.angka for s in bd.sisi)
    assert [lama[m] for m in ("peserta_terdaftar", "peserta_aktif", "target_acuan", "kekurangan_acuan")] == [
        9,
        8,
        20,
        12,
    ]
    assert [baru[m] for m in ("peserta_terdaftar", "peserta_aktif", "target_acuan", "kekurangan_acuan")] == [
        12,
        11,
        20,
        9,
    ]
    (d,) = bd.selisih
    # differences, the newer minus the older: 12-9 = +3 registered, 11-8 = +3 active, 20-20 = 0,
    # 55 % - 40 % = +15 percentage points (0,15), 9-12 = -3 short; no change or pace in January.
    assert (d["peserta_terdaftar"], d["peserta_aktif"], d["target_acuan"], d["kekurangan_acuan"]) == (3, 3, 0, -3)
    assert d["capaian_acuan"] == pytest.approx(0.15)
    assert d["perubahan_minggu"] is None and d["laju_4mg"] is None
    assert bd.teks() == {"banding": "2024-01-09"}


def test_an_earlier_snapshot_in_the_url_is_the_same_comparison_either_way(minggu):
    # Asked from 2024-01-30 against 2024-02-06: the older side is still first.
    # 01-30: Pulo Gadung active P1-P7, P9, P10 = 9; change since 01-09 9-8 = +1.
    bd = banding.dua_tanggal(tanya(PULO_GADUNG, "2024-01-30"), "2024-02-06")
    assert [s.angka["peserta_aktif"] for s in bd.sisi] == [9, 11]
    (d,) = bd.selisih
    # 11-9 = +2 active; capaian 55 % - 45 % = +10 points; weekly change +2 - +1 = +1
    assert (d["peserta_aktif"], d["perubahan_minggu"]) == (2, 1) and d["capaian_acuan"] == pytest.approx(0.10)
    assert bd.teks() == {"banding": "2024-02-06"}


def test_two_places_at_one_snapshot_each_against_its_own_target(minggu):
    # 2024-02-06. Pulo Gadung: 12 registered, 11 active, target 20, 55 %, short 9, +2, 0,75 a week.
    # Kenari: P7 only (moved in): 1 registered, 1 active, target 5, 1/5 = 20 %, short 4, +1 (0 -> 1),
    # pace (1-0)/4 = 0,25. Kenari minus Pulo Gadung: -11, -10, -15, 20-55 = -35 points, -5, -1, -0,5.
    bd = banding.beberapa_tempat(tanya(PULO_GADUNG, "2024-02-06"), [KENARI])
    assert bd.jenis == "wilayah" and [s.tanya.kode for s in bd.sisi] == [PULO_GADUNG, KENARI]
    kenari = bd.sisi[1].angka
    assert (kenari["peserta_aktif"], kenari["target_acuan"], kenari["kekurangan_acuan"]) == (1, 5, 4)
    assert kenari["capaian_acuan"] == pytest.approx(0.20)
    (d,) = bd.selisih
    assert [d[m] for m in ("peserta_terdaftar", "peserta_aktif", "target_acuan", "kekurangan_acuan", "perubahan_minggu")] == [
        -11, -10, -15, -5, -1,
    ]  # fmt: skip
    assert d["capaian_acuan"] == pytest.approx(-0.35) and d["laju_4mg"] == pytest.approx(-0.5)
    assert bd.teks() == {"dengan": KENARI}


def test_a_page_leaves_out_what_it_cannot_compare_and_says_why(minggu):
    t = tanya(PULO_GADUNG, "2024-02-06")
    bd, galat = banding.baca(t, {"dengan": f"99.99,{KENARI}"})  # 99.99: no such place
    assert [s.tanya.kode for s in bd.sisi] == [PULO_GADUNG, KENARI] and len(galat) == 1
    bd, galat = banding.baca(t, {"banding": "2024-01-10"})  # no load that day: 4 weeks back instead
    assert str(bd.sisi[0].tanya.tanggal) == "2024-01-09" and "banding=2024-01-10" in str(galat[0])
    bd, galat = banding.baca(t, {"dengan": PULO_GADUNG})  # only itself: nothing to compare
    assert bd is None and len(galat) == 1
    with pytest.raises(banding.PertanyaanTidakSah):
        banding.baca(t, {"banding": "2024-01-10"}, ketat=True)  # a download refuses instead
    with pytest.raises(banding.PertanyaanTidakSah, match="Paling banyak 4"):
        banding.beberapa_tempat(t, [KENARI, PISANGAN, "31.75.02", "31.71.04"])


def test_a_places_scope_bounds_what_it_may_compare(minggu):
    # Jakarta Timur (31.75) holds Pulo Gadung and Pisangan Timur, not Kenari (Jakarta Pusat, 31.71).
    from metrics import lingkup

    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota")):
        t = tanya(PULO_GADUNG, "2024-02-06")
        with pytest.raises(lingkup.TanpaAkses):
            banding.beberapa_tempat(t, [KENARI])
        with pytest.raises(lingkup.TanpaAkses):
            banding.baca(t, {"dengan": f"{PISANGAN},{KENARI}"}, ketat=True)
        bd, galat = banding.baca(t, {"dengan": f"{PISANGAN},{KENARI}"})  # the page: Kenari left out, said
        assert [s.tanya.kode for s in bd.sisi] == [PULO_GADUNG, PISANGAN]
        assert isinstance(galat[0].asal, lingkup.TanpaAkses) and galat[0].diminta.nama == "Kenari"


def test_the_filters_apply_to_every_side(minggu):
    # BPU only, 2024-02-06: Pulo Gadung P1-P6 = 6 active against its BPU target 8 (75 %), short 2;
    # Kenari P7 = 1 active and no BPU target (none, not its all-segment 5). 1-6 = -5; no capaian difference.
    bd = banding.beberapa_tempat(tanya(PULO_GADUNG, "2024-02-06", Filter(segmen="BPU")), [KENARI])
    pg, kenari = (s.angka for s in bd.sisi)
    assert (pg["peserta_aktif"], pg["target_acuan"], pg["kekurangan_acuan"]) == (6, 8, 2)
    assert pg["capaian_acuan"] == pytest.approx(0.75)
    assert (kenari["peserta_aktif"], kenari["target_acuan"]) == (1, None)
    assert bd.selisih[0]["peserta_aktif"] == -5 and bd.selisih[0]["capaian_acuan"] is None
    assert all(s.tanya.filt == Filter(segmen="BPU") for s in bd.sisi)
    from layouts import banding as kata

    # no target, so no capaian to read out: the sentence stops at the active count
    assert kata.kalimat(bd, "id") == ["Kenari, Senen: peserta aktif 1 (-5 dibanding Pulo Gadung, Pulogadung)."]


# --- as the page, the download and the review show it -----------------------------------------


def test_the_rows_and_sentences_an_official_reads(minggu):
    from layouts import banding as kata

    bd = banding.dua_tanggal(tanya(PULO_GADUNG, "2024-02-06"))
    rows = kata.baris(bd, "id")
    assert [r["nama"] for r in rows] == ["9 Januari 2024", "6 Februari 2024", "Selisih 6 Feb 2024 − 9 Jan 2024"]
    # terdaftar, aktif, target, capaian, kekurangan, perubahan minggu, laju (as worked above)
    assert rows[2]["sel"] == ["+3", "+3", "0", "+15,0 poin", "-3", "-", "-"]
    assert rows[1]["sel"][:5] == ["12", "11", "20", "55,0 %", "9"]
    assert kata.kalimat(bd, "id") == [
        "Dari 9 Januari 2024 ke 6 Februari 2024: peserta aktif 8 → 11 (+3); capaian 40,0 % → 55,0 % (+15,0 poin); "
        "kekurangan 12 → 9."
    ]
    bd = banding.beberapa_tempat(tanya(PULO_GADUNG, "2024-02-06"), [KENARI])
    rows = kata.baris(bd, "en")
    assert rows[2]["nama"] == "Difference Kenari, Senen − Pulo Gadung, Pulogadung"
    assert rows[2]["sel"] == ["-11", "-10", "-15", "-35.0 pts", "-5", "-1", "-0.5 / week"]


def _csv(teks: str) -> list[dict]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(teks)))


def test_the_download_is_what_the_page_shows_and_a_place_outside_the_scope_is_refused(minggu, dash_app):
    from jejak import audit
    from metrics import lingkup
    from tests.klien import masuk

    with lingkup.berlaku(None):
        kota = masuk(dash_app, "banding.jaktim", "31.75")
        r = kota.get(f"/unduh/banding.csv?wilayah={PULO_GADUNG}&snapshot=2024-02-06&banding=2024-01-09")
        assert r.status_code == 200, r.text[:300]
        assert "cakupan_banding_kelurahan_31.75.02.1001_2024-02-06_2024-01-09.csv" in r.headers["Content-Disposition"]
        rows = _csv(r.text)
        assert [(x["jenis_baris"], x["tanggal_data"]) for x in rows] == [
            ("nilai", "2024-01-09"),
            ("nilai", "2024-02-06"),
            ("selisih", "2024-02-06"),
        ]
        beda = rows[2]
        # as worked above: +3 registered, +3 active, target 0, +15 percentage points, -3 short, no pace then
        assert (beda["peserta_terdaftar"], beda["peserta_aktif"], beda["target_acuan"]) == ("3", "3", "0")
        assert (beda["capaian_acuan_persen"], beda["kekurangan_acuan"], beda["laju_4mg"]) == ("15.0", "-3", "")
        assert (beda["tanggal_acuan"], beda["kode_acuan"]) == ("2024-01-09", PULO_GADUNG)
        assert (rows[0]["capaian_acuan_persen"], rows[1]["capaian_acuan_persen"]) == ("40.0", "55.0")

        # Pisangan Timur is in Jakarta Timur: 0 active of its target 3 (0 %), against Pulo Gadung's 11 of 20.
        r = kota.get(f"/unduh/banding.csv?wilayah={PULO_GADUNG}&snapshot=2024-02-06&dengan={PISANGAN}")
        assert r.status_code == 200
        beda = _csv(r.text)[2]
        assert (beda["kode_wilayah"], beda["peserta_aktif"], beda["capaian_acuan_persen"]) == (PISANGAN, "-11", "-55.0")

        # Kenari is in Jakarta Pusat: refused, whatever else is asked, and on the audit trail.
        r = kota.get(f"/unduh/banding.csv?wilayah={PULO_GADUNG}&snapshot=2024-02-06&dengan={PISANGAN},{KENARI}")
        assert r.status_code == 403 and "31.71.04.1002" in r.text
        assert kota.get(f"/unduh/banding.xlsx?wilayah={PULO_GADUNG}&dengan={KENARI}").status_code == 403
        assert kota.get(f"/tinjauan?wilayah={PULO_GADUNG}&dengan={KENARI}").status_code == 403
    ditolak = [e for e in audit.jejak(500) if e["oleh"] == "banding.jaktim" and e["peristiwa"] == "unduh_ditolak"]
    assert len(ditolak) == 2 and f"{PISANGAN},{KENARI}" in ditolak[-1]["rincian"]  # newest first


def test_the_workbook_holds_the_same_rows(minggu, dash_app):
    import io

    from openpyxl import load_workbook

    from metrics import lingkup
    from tests.klien import masuk

    with lingkup.berlaku(None):
        pusat = masuk(dash_app, "banding.pusat", "ID")
        r = pusat.get(f"/unduh/banding.xlsx?wilayah={PULO_GADUNG}&snapshot=2024-02-06&dengan={KENARI}")
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.data)).active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    kolom = rows[0]
    beda = dict(zip(kolom, rows[3], strict=True))  # row 2 names, then Pulo Gadung, Kenari, the difference
    assert (beda["jenis_baris"], beda["kode_wilayah"], beda["peserta_aktif"], beda["capaian_acuan_persen"]) == (
        "selisih", KENARI, -10, -35.0,
    )  # fmt: skip


def test_the_page_over_http(minggu, dash_app):
    from metrics import lingkup
    from tests.klien import halaman, masuk
    from tests.test_keadaan import _cari, _teks

    with lingkup.berlaku(None):
        kota = masuk(dash_app, "banding.jaktim2", "31.75")
        r = halaman(kota, "/banding", f"?wilayah={PULO_GADUNG}&snapshot=2024-02-06&dengan={PISANGAN},{KENARI}")
        assert r.status_code == 200
        page = r.json
    teks = _teks(page)
    # Kenari left out and said to be outside the scope; Pulo Gadung beside Pisangan Timur
    assert (
        "Kenari, Senen di luar lingkup akses Anda (wilayah akun Anda: Kota Administrasi Jakarta Timur): "
        "tidak dibandingkan." in _teks(_cari(page, "banding-galat"))
    )
    assert (
        "Pisangan Timur, Pulogadung: peserta aktif 0 (-11 dibanding Pulo Gadung, Pulogadung), capaian 0,0 % (-55,0 poin)."
        in teks
    )
    assert _cari(page, "banding-dengan")["value"] == [PISANGAN]
    unduh = _cari(page, "unduh-banding")["href"]
    assert unduh == f"/unduh/banding.csv?wilayah={PULO_GADUNG}&snapshot=2024-02-06&dengan={PISANGAN}"
    assert _cari(page, "banding-tinjauan")["href"].endswith(f"&dengan={PISANGAN}")
    nav = _cari(page, "navigasi-keadaan")["data"]  # a changed filter keeps the comparison
    assert nav["kunci"][-1] == "dengan" and nav["query"]["dengan"] == f"{PISANGAN},{KENARI}"


def test_a_picked_date_or_place_is_the_pages_new_link():
    from layouts.pages import banding as halaman

    store = {"path": "/banding", "kunci": ["wilayah", "snapshot", "segmen", "bahasa", "banding", "dengan"],
             "query": {"wilayah": PULO_GADUNG, "segmen": "BPU", "banding": "2024-01-09"}}  # fmt: skip
    digambar = {"banding": "2024-01-09", "dengan": []}
    assert halaman._ke_tanggal("2024-01-09", digambar, store) is halaman.dash.no_update  # as drawn: no change
    assert halaman._ke_tanggal("2024-01-30", digambar, store) == (
        f"/banding?wilayah={PULO_GADUNG}&segmen=BPU&banding=2024-01-30"
    )
    assert halaman._ke_wilayah([KENARI, PISANGAN], digambar, store) == (
        f"/banding?wilayah={PULO_GADUNG}&segmen=BPU&dengan={KENARI}%2C{PISANGAN}"
    )
    assert halaman._ke_wilayah([1], digambar, store) is halaman.dash.no_update  # not codes: a forged request


def test_the_review_shows_the_comparison_only_when_asked(minggu, tmp_path):
    from commands.metrics import main as metrics_cli
    from layouts import tinjauan as slides
    from metrics import tinjauan

    t = tanya(PULO_GADUNG, "2024-02-06")
    _, tanpa = slides.slides(tinjauan.tinjauan(t), "id")
    _, dengan = slides.slides(tinjauan.tinjauan(t, banding.dua_tanggal(t)), "id")
    assert len(dengan) == len(tanpa) + 1
    slide = dengan[1]  # after the place's own numbers
    assert slide["judul"] == "Perbandingan: 9 Jan 2024 dan 6 Feb 2024"
    tabel = next(x for x in slide["isi"] if x["jenis"] == "tabel")
    assert tabel["baris"][2]["nama"] == "Selisih"  # under 6 February: the sentence under the table says from what
    assert [c["teks"] for c in tabel["baris"][2]["sel"]] == ["+3", "0", "+15,0 poin", "-3"]
    from layouts import tinjauan_pdf

    assert tinjauan_pdf.pdf(tinjauan.tinjauan(t, banding.dua_tanggal(t)), "id").startswith(b"%PDF")  # the phone's copy
    out = tmp_path / "tinjauan.html"
    assert metrics_cli(["report", "--wilayah", PULO_GADUNG, "--dengan", KENARI, "--out", str(out)]) == 0
    html = out.read_text()
    assert "Kenari, Senen: peserta aktif 1 (-10 dibanding Pulo Gadung, Pulogadung)" in html and "-35,0 poin" in html
    csv_out = tmp_path / "banding.csv"
    assert (
        metrics_cli(["export", "banding", "--parent", PULO_GADUNG, "--banding", "2024-01-09", "--out", str(csv_out)])
        == 0
    )
    assert _csv(csv_out.read_text())[2]["peserta_aktif"] == "3"
