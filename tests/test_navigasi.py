"""The navigation callbacks on their own (layouts/kerangka.py), with Dash's callback context set
as Dash's testing guide does: links keep the state, a click goes one level down, a changed control
goes to the same page with the new choice (a rule the browser runs: assets/navigasi.js, here in
node), and a code is checked before it is used."""

import json
import shutil
import subprocess
from pathlib import Path

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
        kerangka._turun([None], [None], [], "/wilayah", "?wilayah=31.75&bahasa=en")
        == "/wilayah?wilayah=31.75.02&bahasa=en"
    )
    _pemicu({"type": "turun-grafik", "nama": "ringkasan"}, "clickData", {"points": [{"customdata": ["31.71"]}]})
    assert kerangka._turun([None], [None], [], "/", "") == "/?wilayah=31.71"


@pytest.mark.parametrize("kode", ["99.99", "31.75'; DROP TABLE peserta; --", None])
def test_a_code_that_is_no_place_goes_nowhere(permintaan, kode):
    _pemicu({"type": "turun", "nama": "wilayah"}, "cellClicked", {"rowId": kode})
    assert kerangka._turun([None], [None], [], "/wilayah", "?wilayah=31.75") is dash.no_update


NODE = shutil.which("node")
NAVIGASI_JS = Path(__file__).resolve().parents[1] / "assets" / "navigasi.js"


def tautan_kendali(kendali: list[dict], data: dict) -> str | None:
    """The link the browser builds for the controls [{nama, nilai}] of a page whose store holds
    `data` (assets/navigasi.js, run in node); None: no navigation."""
    if not NODE:
        pytest.fail("The navigation rule runs in the browser; its tests need node (apt install nodejs; .ci/run does).")
    script = (
        "globalThis.window = {}; const m = require(process.argv[1]);"
        "const [k, d] = [JSON.parse(process.argv[2]), JSON.parse(process.argv[3])];"
        "process.stdout.write(JSON.stringify(m.cakupanTautanKendali(k, d)));"
    )
    keluar = subprocess.run(
        [NODE, "-e", script, str(NAVIGASI_JS), json.dumps(kendali), json.dumps(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(keluar.stdout)


def _kendali(values: dict, path: str, search: str) -> str | None:
    """The link a changed control opens on the page drawn for `path` and `search` (Keadaan.navigasi)."""
    from layouts import keadaan

    k = keadaan.dari_query(keadaan.dari_search(search))
    return tautan_kendali([{"nama": n, "nilai": v} for n, v in values.items()], k.navigasi(path))


def test_a_changed_control_keeps_defaults_out_of_the_url(permintaan):
    assert (
        _kendali(dict(segmen="PU", bahasa="id", snapshot="2024-02-06", jahat="x"), "/wilayah", "?wilayah=31.75")
        == "/wilayah?wilayah=31.75&segmen=PU"
    )
    assert _kendali(dict(segmen="PU"), "/wilayah", "?wilayah=31.75&segmen=PU") is None
    assert _kendali(dict(snapshot="2024-01-30"), "/", "") == "/?snapshot=2024-01-30"


def test_a_value_that_is_no_text_is_ignored_and_a_space_is_encoded_as_python_does(permintaan):
    """A hand-made value (a number, a list) changes nothing; a branch's name is form-encoded
    ('Jakarta Salemba' -> Jakarta+Salemba, "'" -> %27) as keadaan.tautan writes it."""
    assert (
        _kendali(dict(segmen=7, program=["PU"], sumber={"a": 1}, rentan=True, cabang=1.5), "/", "?wilayah=31.75")
        is None
    )
    assert _kendali(dict(cabang="Jakarta Salemba"), "/", "") == "/?cabang=Jakarta+Salemba"
    assert _kendali(dict(cabang="O'Brien (x)*"), "/", "") == "/?cabang=O%27Brien+%28x%29%2A"
    from layouts import keadaan

    assert keadaan.tautan("/", {"cabang": "O'Brien (x)*"}) == "/?cabang=O%27Brien+%28x%29%2A"


def test_a_page_drawn_from_a_link_leaves_the_link_as_it_is(permintaan):
    """Issue 30, item 2: the link names 7 February (no load) and 'bpu'; the page draws 6 February and
    BPU; its new controls fire this callback with those values, and the link must stay as it was
    (the notice with it), not become the newest snapshot unfiltered."""
    search = "?wilayah=31.75.02&segmen=bpu&snapshot=2024-02-07"
    drawn = dict(snapshot="2024-02-06", bahasa="id", segmen="BPU", program=None, sumber=None, rentan=None, cabang=None)
    assert _kendali(drawn, "/wilayah", search) is None
    unknown = dict(drawn, segmen=None)  # an unknown value is drawn as no filter: still no navigation
    assert _kendali(unknown, "/wilayah", "?segmen=XYZ&snapshot=2024-02-07") is None


def test_a_real_change_on_such_a_page_opens_what_was_shown_with_that_change(permintaan):
    search = "?wilayah=31.75.02&segmen=bpu&snapshot=2024-02-07"
    values = dict(snapshot="2024-02-06", bahasa="en", segmen="BPU", program=None, sumber=None, rentan=None, cabang=None)
    assert _kendali(values, "/wilayah", search) == "/wilayah?wilayah=31.75.02&snapshot=2024-02-06&segmen=BPU&bahasa=en"
    values = dict(values, bahasa="id", snapshot="2024-01-30")
    assert _kendali(values, "/wilayah", search) == "/wilayah?wilayah=31.75.02&snapshot=2024-01-30&segmen=BPU"
