"""Kantor Cabang in headless Debian chromium (issue 35, item 2): the ranking and a branch's page open
at 1280x720 and 390x844 with nothing wider than the screen and no cut number, and draw once;
a branch account lands on its branch's page after login. The demo (tests/test_browser.py's
server) holds a target for every branch it names."""

import pytest

from tests.test_browser import (
    CUT_JS,
    _by_id,
    _chromium,
    _errors,
    _masuk,
    _wait,
    server,  # noqa: F401  (the served demo, a fixture)
)

pytestmark = pytest.mark.browser

CUT_CABANG = (
    CUT_JS.replace("return cut;", "")
    + """
for (const el of document.querySelectorAll('#cabang-peringkat td, #cabang-peringkat th')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;  // a column a phone does not show
  if (el.scrollWidth > el.clientWidth + 1 || r.right > innerWidth + 1) cut.push(el.textContent.trim().slice(0, 40));
}
return cut;
"""
)


@pytest.fixture(scope="module", params=[(1280, 720), (390, 844)], ids=["projector", "phone"])
def layar(request, server):  # noqa: F811
    driver = _chromium(*request.param)
    _masuk(driver, server, "admin")
    yield driver, request.param
    driver.quit()


@pytest.mark.parametrize("search,element", [("", "cabang-peringkat"), ("?cabang=Jakarta+Rawamangun", "cabang-capaian")])
def test_the_page_fits_the_screen_and_draws_once(server, layar, search, element):  # noqa: F811
    driver, (width, _) = layar
    driver.get_log("browser")  # what earlier pages logged
    driver.get(server + "/cabang" + search)
    _by_id(driver, element)
    try:
        _wait(driver, lambda: driver.execute_script(CUT_CABANG) == [], seconds=10)
    except AssertionError:
        pytest.fail(f"cut at {width} px on /cabang{search}: {driver.execute_script(CUT_CABANG)}")
    if element == "cabang-capaian":  # a percent, the card's big number
        assert _by_id(driver, element).text.endswith("%")
    assert _errors(driver) == []  # a component error redraws a Dash page in a loop


def test_a_branch_account_lands_on_its_branch(server):  # noqa: F811
    from akses import pengguna
    from tests.test_browser import SANDI  # the one _masuk types

    if not pengguna.cari("kc.rawamangun"):
        pengguna.tambah("kc.rawamangun", kantor_cabang="Jakarta Rawamangun", sandi=SANDI)
    phone = _chromium(390, 844)
    try:
        _masuk(phone, server, "kc.rawamangun")
        _wait(phone, lambda: phone.current_url.endswith("/cabang"))
        _wait(phone, lambda: _by_id(phone, "cabang-judul").text == "Kantor cabang Jakarta Rawamangun")
        assert phone.execute_script("return document.documentElement.scrollWidth <= innerWidth + 1")
    finally:
        phone.quit()
