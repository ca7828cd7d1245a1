"""The navigation callbacks on their own (layouts/kerangka.py), with Dash's callback context set
as Dash's testing guide does: links keep the state, a click goes one level down, a changed control
goes to the same page with the new choice, and a code is checked before it is used."""

import json

import dash
import flask
import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict

from layouts import kerangka


@pytest.fixture
def permintaan(minggu):
    """A request context, as every callback has."""
    with flask.Flask("uji").test_request_context("/"):
        yield


def _pemicu(id_: dict, prop: str, value, inputs_list=None):
    context_value.set(
        AttributeDict(
            triggered_inputs=[{"prop_id": json.dumps(id_, separators=(",", ":")) + "." + prop, "value": value}],
            inputs_list=inputs_list or [],
        )
    )


def test_page_links_keep_the_state_and_speak_its_language(permintaan):
    links = kerangka._nav("?wilayah=31.75&segmen=BPU&bahasa=en&lain=x")
    n = len(kerangka.HALAMAN)
    assert links[:n] == [p + "?wilayah=31.75&segmen=BPU&bahasa=en" for p, _ in kerangka.HALAMAN]
    assert links[n] == "Overview" and links[-3] == "/tinjauan?wilayah=31.75&segmen=BPU&bahasa=en"
    assert links[-1] == "Log out"  # the logout button speaks the page's language too


def test_excel_is_offered_in_the_same_type_as_csv(permintaan):
    """Issue 30: "Unduh Excel" was in smaller type than "Unduh CSV" beside it."""
    from layouts import keadaan

    for bahasa, kata in (("id", ["Unduh CSV", "Unduh Excel"]), ("en", ["Download CSV", "Download Excel"])):
        csv, xlsx, _menu = kerangka.unduh(keadaan.dari_query({"bahasa": bahasa}), "coverage", "provinsi", "x").children
        assert [csv.children, xlsx.children] == kata
        sama = ("size", "fz", "className", "style")
        assert {k: getattr(xlsx, k, None) for k in sama} == {k: getattr(csv, k, None) for k in sama}
        assert xlsx.href.startswith("/unduh/coverage.xlsx") and xlsx.id == "unduh-x-xlsx"


def test_a_clicked_row_or_bar_goes_one_level_down(permintaan):
    _pemicu({"type": "turun", "nama": "wilayah"}, "cellClicked", {"rowId": "31.75.02"})
    assert (
        kerangka._turun([None], [None], "/wilayah", "?wilayah=31.75&bahasa=en") == "/wilayah?wilayah=31.75.02&bahasa=en"
    )
    _pemicu({"type": "turun-grafik", "nama": "ringkasan"}, "clickData", {"points": [{"customdata": ["31.71"]}]})
    assert kerangka._turun([None], [None], "/", "") == "/?wilayah=31.71"


@pytest.mark.parametrize("kode", ["99.99", "31.75'; DROP TABLE peserta; --", None])
def test_a_code_that_is_no_place_goes_nowhere(permintaan, kode):
    _pemicu({"type": "turun", "nama": "wilayah"}, "cellClicked", {"rowId": kode})
    assert kerangka._turun([None], [None], "/wilayah", "?wilayah=31.75") is dash.no_update


def test_a_changed_control_keeps_defaults_out_of_the_url(permintaan):
    def controls(**values):
        return [[{"id": {"type": "kendali", "nama": k}, "property": "value", "value": v} for k, v in values.items()]]

    now = controls(segmen="PU", bahasa="id", snapshot="2024-02-06", jahat="x")
    _pemicu({"type": "kendali", "nama": "segmen"}, "value", "PU", now)
    assert (
        kerangka._kendali(["PU", "id", "2024-02-06", "x"], "/wilayah", "?wilayah=31.75")
        == "/wilayah?wilayah=31.75&segmen=PU"
    )
    same = controls(segmen="PU")
    _pemicu({"type": "kendali", "nama": "segmen"}, "value", "PU", same)
    assert kerangka._kendali(["PU"], "/wilayah", "?wilayah=31.75&segmen=PU") is dash.no_update
    older = controls(snapshot="2024-01-30")
    _pemicu({"type": "kendali", "nama": "snapshot"}, "value", "2024-01-30", older)
    assert kerangka._kendali(["2024-01-30"], "/", "") == "/?snapshot=2024-01-30"


def _drawn(**values):
    """The controls' values as a page drew them, as Dash sends them with every control."""
    return [[{"id": {"type": "kendali", "nama": k}, "property": "value", "value": v} for k, v in values.items()]]


def test_a_page_drawn_from_a_link_leaves_the_link_as_it_is(permintaan):
    """Issue 30, item 2: the link names 7 February (no load) and 'bpu'; the page draws 6 February and
    BPU; its new controls fire this callback with those values, and the link must stay as it was
    (the notice with it), not become the newest snapshot unfiltered."""
    search = "?wilayah=31.75.02&segmen=bpu&snapshot=2024-02-07"
    drawn = dict(snapshot="2024-02-06", bahasa="id", segmen="BPU", program=None, sumber=None, rentan=None, cabang=None)
    _pemicu({"type": "kendali", "nama": "snapshot"}, "value", "2024-02-06", _drawn(**drawn))
    assert kerangka._kendali(list(drawn.values()), "/wilayah", search) is dash.no_update
    unknown = dict(drawn, segmen=None)  # an unknown value is drawn as no filter: still no navigation
    _pemicu({"type": "kendali", "nama": "segmen"}, "value", None, _drawn(**unknown))
    assert kerangka._kendali(list(unknown.values()), "/wilayah", "?segmen=XYZ&snapshot=2024-02-07") is dash.no_update


def test_a_real_change_on_such_a_page_opens_what_was_shown_with_that_change(permintaan):
    search = "?wilayah=31.75.02&segmen=bpu&snapshot=2024-02-07"
    values = dict(snapshot="2024-02-06", bahasa="en", segmen="BPU", program=None, sumber=None, rentan=None, cabang=None)
    _pemicu({"type": "kendali", "nama": "bahasa"}, "value", "en", _drawn(**values))
    assert (
        kerangka._kendali(list(values.values()), "/wilayah", search)
        == "/wilayah?wilayah=31.75.02&snapshot=2024-02-06&segmen=BPU&bahasa=en"
    )
    values = dict(values, bahasa="id", snapshot="2024-01-30")
    _pemicu({"type": "kendali", "nama": "snapshot"}, "value", "2024-01-30", _drawn(**values))
    assert (
        kerangka._kendali(list(values.values()), "/wilayah", search)
        == "/wilayah?wilayah=31.75.02&snapshot=2024-01-30&segmen=BPU"
    )
