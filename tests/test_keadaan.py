"""The question in the URL (layouts/keadaan.py), parsed and checked once where a request enters:
a page ignores a bad value with a message, a server route refuses it, a place outside the
account's scope is never answered. On the weekly seed warehouse (seed/README.md)."""

import datetime as dt
from urllib.parse import parse_qsl

import pytest

from layouts import keadaan
from metrics import cakupan, lingkup, pertanyaan
from metrics.definisi import PertanyaanTidakSah
from metrics.pembangun import Filter
from tests.klien import halaman as halaman_klien

BANTEN = lingkup.Lingkup(wilayah="36", nama="kab.uji")


def test_an_empty_query_is_the_nation_at_the_newest_snapshot(minggu):
    k = keadaan.dari_query({})
    assert (k.tempat.kode, k.snapshot, k.filt, k.bahasa, k.galat, k.query) == (
        "ID",
        dt.date(2024, 2, 6),
        Filter(),
        "id",
        [],
        {},
    )


def test_every_key_is_read_and_unknown_keys_are_dropped(minggu):
    k = keadaan.dari_query(
        {
            "wilayah": "31.75",
            "snapshot": "2024-01-30",
            "segmen": "BPU",
            "rentan": "ya",
            "bahasa": "en",
            "lain": "x",
            "program": "",
        }
    )
    assert (k.tempat.kode, k.snapshot, k.bahasa, k.galat) == ("31.75", dt.date(2024, 1, 30), "en", [])
    assert (k.filt.segmen, k.filt.pekerja_rentan, k.filt.program) == ("BPU", True, None)
    assert k.query == {"wilayah": "31.75", "snapshot": "2024-01-30", "segmen": "BPU", "rentan": "ya", "bahasa": "en"}
    assert (
        k.href("/wilayah", wilayah="31", segmen=None) == "/wilayah?wilayah=31&snapshot=2024-01-30&rentan=ya&bahasa=en"
    )


@pytest.mark.parametrize(
    "query,dropped",
    [
        ({"wilayah": "99.99"}, "wilayah"),
        ({"wilayah": "31.75'; DROP TABLE x"}, "wilayah"),
        ({"snapshot": "2024-13-01"}, "snapshot"),
        ({"segmen": "XYZ"}, "segmen"),
    ],
)
def test_a_page_ignores_a_bad_value_and_says_so(minggu, query, dropped):
    k = keadaan.dari_query(query)
    assert k.galat and dropped not in k.query
    assert (k.tempat.kode, k.snapshot) == ("ID", dt.date(2024, 2, 6))


def test_a_place_outside_the_scope_opens_the_accounts_own(minggu):
    with lingkup.berlaku(BANTEN):
        k = keadaan.dari_query({"wilayah": "31.75"})
        assert k.tempat.kode == "36" and k.ganti and "wilayah" not in k.query
        assert keadaan.dari_query({"wilayah": "36.01"}).tempat.kode == "36.01"


def test_a_server_route_refuses_instead_of_ignoring(minggu):
    with pytest.raises(PertanyaanTidakSah):
        pertanyaan.dari_teks_ketat({"segmen": "XYZ"})
    with lingkup.berlaku(BANTEN), pytest.raises(lingkup.TanpaAkses):
        pertanyaan.dari_teks_ketat({"wilayah": "31.75"})
    assert pertanyaan.dari_teks_ketat({"wilayah": "31.75", "bahasa": "en"}).kode == "31.75"


def test_a_question_built_by_hand_still_meets_the_scope_gate(minggu):
    """cakupan re-checks the scope of a Pertanyaan it did not see built (tanya is not the only door)."""
    luar = pertanyaan.tanya("31.75")  # built as national
    with lingkup.berlaku(BANTEN), pytest.raises(lingkup.TanpaAkses):
        cakupan.angka_tempat(luar)
    with lingkup.berlaku(lingkup.Lingkup(kantor_cabang="Jakarta Rawamangun")):
        semua = pertanyaan.Pertanyaan(luar.tempat, luar.periode, Filter())
        assert cakupan.angka_tempat(semua)["peserta_aktif"] == 3  # the branch's own P1-P3, not the city's 11


def test_a_question_reads_back_as_the_same_url_texts(minggu):
    teks = {"wilayah": "31.75", "snapshot": "2024-01-30", "segmen": "BPU", "rentan": "tidak", "program": "JHT"}
    tanya, diterima, galat = pertanyaan.dari_teks(teks)
    assert galat == [] and diterima == teks
    assert tanya.filt == Filter(segmen="BPU", program="JHT", pekerja_rentan=False)
    assert tanya.teks() == {**teks}


@pytest.mark.parametrize("query,bahasa", [({}, "id"), ({"bahasa": "en"}, "en"), ({"bahasa": "fr"}, "id")])
def test_the_language(query, bahasa):
    assert keadaan.bahasa_dari(query) == bahasa


# --- a shared link shows what it names, or says what it shows instead (issue 30, item 2) -------
# The weekly seed has snapshots on 9 January, 30 January and 6 February 2024.


def test_the_issues_link_shows_the_snapshot_before_the_date_and_the_bpu_filter(minggu):
    k = keadaan.dari_query({"wilayah": "31.75.02", "segmen": "bpu", "snapshot": "2024-02-07"})
    assert (k.tempat.kode, k.snapshot, k.filt) == ("31.75.02", dt.date(2024, 2, 6), Filter(segmen="BPU"))
    assert k.galat == []  # nothing in the link is unknown
    assert k.ganti == ["Data 6 Februari 2024 ditampilkan: tidak ada data pada 7 Februari 2024"]
    assert k.query == {"wilayah": "31.75.02", "snapshot": "2024-02-06", "segmen": "BPU"}  # links name what is shown
    en = keadaan.dari_query({"wilayah": "31.75.02", "segmen": "bpu", "snapshot": "2024-02-07", "bahasa": "en"})
    assert en.ganti == ["Data of 6 February 2024 shown: there is no data on 7 February 2024"]


@pytest.mark.parametrize(
    "tanggal,tampil,kata",
    [
        ("2024-01-29", dt.date(2024, 1, 9), "Data 9 Januari 2024 ditampilkan: tidak ada data pada 29 Januari 2024"),
        ("2024-01-31", dt.date(2024, 1, 30), "Data 30 Januari 2024 ditampilkan: tidak ada data pada 31 Januari 2024"),
        ("2024-03-01", dt.date(2024, 2, 6), "Data 6 Februari 2024 ditampilkan: tidak ada data pada 1 Maret 2024"),
        (
            "2023-01-01",
            dt.date(2024, 1, 9),
            "Data 9 Januari 2024 ditampilkan: tidak ada data pada 1 Januari 2023, sebelum data pertama",
        ),
    ],
)
def test_a_date_without_a_load_shows_the_snapshot_before_it_and_names_it(minggu, tanggal, tampil, kata):
    """Before the first load there is no snapshot before: the first, the load nearest the date."""
    k = keadaan.dari_query({"snapshot": tanggal})
    assert (k.snapshot, k.ganti, k.galat, k.query) == (tampil, [kata], [], {"snapshot": tampil.isoformat()})


@pytest.mark.parametrize(
    "query,filt,query_baku",
    [
        ({"segmen": " bpu "}, Filter(segmen="BPU"), {"segmen": "BPU"}),
        ({"segmen": "Bpu"}, Filter(segmen="BPU"), {"segmen": "BPU"}),
        ({"segmen": "tidak diketahui"}, Filter(segmen="TIDAK_DIKETAHUI"), {"segmen": "TIDAK_DIKETAHUI"}),
        ({"program": "jhT"}, Filter(program="JHT"), {"program": "JHT"}),
        ({"sumber": "pemberi kerja"}, Filter(sumber_iuran="PEMBERI_KERJA"), {"sumber": "PEMBERI_KERJA"}),
        ({"sumber": "Pemberi-Kerja"}, Filter(sumber_iuran="PEMBERI_KERJA"), {"sumber": "PEMBERI_KERJA"}),
        ({"rentan": "YA"}, Filter(pekerja_rentan=True), {"rentan": "ya"}),
        (
            {"cabang": " Jakarta Rawamangun "},
            Filter(kantor_cabang="Jakarta Rawamangun"),
            {"cabang": "Jakarta Rawamangun"},
        ),
        ({"wilayah": " 31.75 ", "snapshot": " 2024-01-30 "}, Filter(), {"wilayah": "31.75", "snapshot": "2024-01-30"}),
    ],
)
def test_a_value_with_one_meaning_is_read_as_it(minggu, query, filt, query_baku):
    k = keadaan.dari_query(query)
    assert (k.filt, k.query, k.galat, k.ganti) == (filt, query_baku, [], [])


def test_an_unknown_value_is_named_and_the_others_stay(minggu):
    k = keadaan.dari_query({"segmen": "XYZ", "rentan": "ya", "snapshot": "kemarin", "sumber": "xyz"})
    assert (k.snapshot, k.filt, k.query, k.ganti) == (
        dt.date(2024, 2, 6),
        Filter(pekerja_rentan=True),
        {"rentan": "ya"},
        [],
    )
    assert k.galat == [
        "Tanggal data 'kemarin' tidak terbaca: tulis tahun-bulan-hari, misalnya 2024-02-06 (snapshot=kemarin)",
        "Segmen 'XYZ' tidak dikenal (segmen=XYZ); pilih PU, BPU, JAKON, PMI, TIDAK_DIKETAHUI",
        "Sumber iuran 'xyz' tidak dikenal (sumber=xyz); pilih MANDIRI, PEMBERI_KERJA, APBD, CSR, LAINNYA",
    ]
    en = keadaan.dari_query({"segmen": "XYZ", "bahasa": "en"})
    assert en.galat == ["Segment 'XYZ' is not known (segmen=XYZ); choose PU, BPU, JAKON, PMI, TIDAK_DIKETAHUI"]


def test_a_place_outside_the_scope_is_told_so_not_unknown(minggu):
    with lingkup.berlaku(BANTEN):
        k = keadaan.dari_query({"wilayah": "31.75", "segmen": "bpu"})
        assert (k.tempat.kode, k.filt, k.galat, k.tempat_ditolak) == ("36", Filter(segmen="BPU"), [], True)
        assert k.ganti == ["Kota Administrasi Jakarta Timur di luar lingkup akses Anda (wilayah akun Anda: Banten)"]
        assert keadaan.dari_query({"wilayah": "99.99"}).ganti == [
            "Wilayah 99.99 di luar lingkup akses Anda (wilayah akun Anda: Banten)"
        ]
        assert keadaan.dari_query({"wilayah": "31.75", "bahasa": "en"}).ganti == [
            "Kota Administrasi Jakarta Timur is outside your access scope (your account's region: Banten)"
        ]
    with lingkup.berlaku(lingkup.Lingkup(kantor_cabang="Jakarta Rawamangun", nama="kc.uji")):
        k = keadaan.dari_query({"cabang": "Jakarta Salemba", "segmen": "PU"})
        assert (k.filt, k.query, k.galat) == (
            Filter(segmen="PU", kantor_cabang="Jakarta Rawamangun"),
            {"segmen": "PU"},
            [],
        )
        assert k.ganti == [
            "Kantor cabang Jakarta Salemba di luar lingkup akses Anda (kantor cabang akun Anda: Jakarta Rawamangun)"
        ]


def test_a_server_route_refuses_a_date_without_a_load_and_reads_bpu(minggu):
    """A file is named for its date: a download asked for a date without a load is refused, as before."""
    with pytest.raises(PertanyaanTidakSah, match="Tidak ada snapshot per 2024-02-07"):
        pertanyaan.dari_teks_ketat({"snapshot": "2024-02-07"})
    assert pertanyaan.dari_teks_ketat({"segmen": "bpu"}).filt == Filter(segmen="BPU")
    with pytest.raises(PertanyaanTidakSah, match="segmen 'bpu' ditulis BPU"):
        Filter(segmen="bpu")  # built by hand: held only as the table spells it, for the query compares it as is


# --- over HTTP, as the browser asks: the page for the link, then its controls' first callback ----


@pytest.fixture
def minggu_akun(data_dir, cetakan):
    """The weekly seed's three snapshots in a data directory of its own (accounts are written there)."""
    from tests.conftest import bangun_minggu_target

    return cetakan("minggu_target", bangun_minggu_target, data_dir)


def _halaman(client, path, search):
    r = halaman_klien(client, path, search)
    assert r.status_code == 200, r.text[:300]
    return r.json


def _cari(tree, id_):
    """The props of the component with this id in a callback response."""
    if isinstance(tree, dict):
        if tree.get("props", {}).get("id") == id_:
            return tree["props"]
        tree = list(tree.values())
    for item in tree if isinstance(tree, list) else []:
        if (found := _cari(item, id_)) is not None:
            return found
    return None


def _teks(tree) -> str:
    import json

    return json.dumps(tree, ensure_ascii=False)


def _kendali_pertama(path, page):
    """The controls' callback as the browser fires it when the page is drawn: every control with
    the value the page drew it with, against the page's own store (assets/navigasi.js, in node).
    Returns the URL it navigates to; None: none."""
    from tests.test_navigasi import tautan_kendali

    kendali = [
        {"nama": k, "nilai": _cari(page, {"type": "kendali", "nama": k})["value"]}
        for k in ("snapshot", "bahasa", "segmen", "program", "sumber", "rentan", "cabang")
    ]
    data = _cari(page, "navigasi-keadaan")["data"]
    assert data["path"] == path
    return tautan_kendali(kendali, data)


def test_the_served_page_for_the_issues_link_holds_its_snapshot_and_filter_and_keeps_its_url(minggu_akun, dash_app):
    from tests.klien import masuk

    search = "?wilayah=31.75.02&segmen=bpu&snapshot=2024-02-07"
    with lingkup.berlaku(None):
        client = masuk(dash_app, "pusat.tautan", "ID")
        page = _halaman(client, "/wilayah", search)
        assert _cari(page, {"type": "kendali", "nama": "snapshot"})["value"] == "2024-02-06"
        assert _cari(page, {"type": "kendali", "nama": "segmen"})["value"] == "BPU"
        assert (
            _teks(_cari(page, "alamat-ganti")["children"]).count(
                "Data 6 Februari 2024 ditampilkan: tidak ada data pada 7 Februari 2024"
            )
            == 1
        )
        assert _cari(page, "alamat-tidak-dikenal") is None and "tidak dikenal" not in _teks(page)
        assert _kendali_pertama("/wilayah", page) is None  # the link is not rewritten
        baris = {r["kode_wilayah"]: r for r in _cari(page, {"type": "turun", "nama": "wilayah"})["rowData"]}
        assert baris["31.75.02.1001"]["peserta_aktif"] == 6  # BPU on 6 February: P1-P6 (11 unfiltered; 7 on 30 Jan)
        unduh = _cari(page, "unduh-wilayah")["href"]  # its file: what is shown
        assert dict(parse_qsl(unduh.split("?")[1])) == {
            "wilayah": "31.75.02",
            "segmen": "BPU",
            "snapshot": "2024-02-06",
            "tingkat": "kelurahan",
        }


def test_an_account_opening_a_place_outside_its_scope_is_told_so_over_http(minggu_akun, dash_app):
    from tests.klien import masuk

    with lingkup.berlaku(None):
        client = masuk(dash_app, "kota.tautan", "31.75")
        page = _halaman(client, "/wilayah", "?wilayah=31.71")
        assert (
            _teks(_cari(page, "alamat-ganti")["children"]).count(
                "Kota Administrasi Jakarta Pusat di luar lingkup akses Anda (wilayah akun Anda: Kota Administrasi Jakarta Timur)"
            )
            == 1
        )
        assert "tidak dikenal" not in _teks(page)
        assert _cari(page, "jejak")["children"][-1]["props"]["children"] == "Kota Administrasi Jakarta Timur"
        assert _kendali_pertama("/wilayah", page) is None
