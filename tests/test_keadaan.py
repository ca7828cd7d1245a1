"""The question in the URL (layouts/keadaan.py), parsed and checked once where a request enters:
a page ignores a bad value with a message, a server route refuses it, a place outside the
account's scope is never answered. On the weekly seed warehouse (seed/README.md)."""

import datetime as dt

import pytest

from layouts import keadaan
from metrics import cakupan, lingkup, pertanyaan
from metrics.definisi import PertanyaanTidakSah
from metrics.pembangun import Filter

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
        ({"snapshot": "2023-01-01"}, "snapshot"),
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
        assert k.tempat.kode == "36" and k.galat and "wilayah" not in k.query
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
