"""Bandingkan in headless Debian chromium (issue 35, item 1): the page opens at 1280x720 and
390x844 with nothing wider than the screen and no cut number, draws once (no error, no redraw),
and a picked date or a changed language keeps the comparison in the URL."""

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

CUT_BANDING = (
    CUT_JS.replace("return cut;", "")
    + """
for (const el of document.querySelectorAll('#banding-tabel td, #banding-tabel th, #banding-kartu p')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;  // the layout for the other screen width
  if (el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent.trim().slice(0, 40));
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


def _rows_shown(driver, width) -> list[str]:
    """The sides' names as drawn: the table's first cells, or on a phone the cards' titles."""
    from selenium.webdriver.common.by import By

    css = "#banding-tabel tbody tr td:first-child" if width >= 576 else "#banding-kartu .banding-kartu > p:first-child"
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


@pytest.mark.parametrize(
    "search,rows",
    [
        ("?wilayah=31.75&dengan=31.73,31.71", 5),  # three places: three sides, two differences
        ("?wilayah=31.75", 3),  # two dates: two sides, one difference
    ],
)
def test_the_page_fits_the_screen_and_draws_once(server, layar, search, rows):  # noqa: F811
    driver, (width, _) = layar
    driver.get_log("browser")  # what earlier pages logged
    driver.get(server + "/banding" + search)
    _by_id(driver, "banding-judul")
    shown = _wait(driver, lambda: _rows_shown(driver, width))
    assert len(shown) == (rows if width >= 576 else (rows + 1) // 2)  # a phone: a card a side
    try:
        _wait(driver, lambda: driver.execute_script(CUT_BANDING) == [], seconds=10)
    except AssertionError:
        pytest.fail(f"cut at {width} px on {search}: {driver.execute_script(CUT_BANDING)}")
    assert _errors(driver) == []  # a component error redraws a Dash page in a loop


def test_a_picked_date_and_a_changed_language_keep_the_comparison(server, layar):  # noqa: F811
    from selenium.webdriver.common.by import By

    driver, (width, _) = layar
    driver.get(server + "/banding?wilayah=31.75")
    _by_id(driver, "banding-tanggal").click()
    pilihan = _wait(  # the dates not drawn (4 weeks back, or the oldest, is)
        driver,
        lambda: [
            e
            for e in driver.find_elements(By.CSS_SELECTOR, "[role=option]")
            if e.is_displayed() and e.get_attribute("aria-selected") != "true"
        ],
    )
    tanggal, teks = pilihan[0].get_attribute("value"), pilihan[0].text  # 'Data per ...'
    pilihan[0].click()
    _wait(driver, lambda: f"banding={tanggal}" in driver.current_url)  # the page's own link, from the server
    _wait(driver, lambda: _by_id(driver, "banding-tanggal").get_attribute("value") == teks)
    assert driver.current_url.endswith(f"/banding?wilayah=31.75&banding={tanggal}")
    driver.get(server + "/banding?wilayah=31.75&dengan=31.73")
    _by_id(driver, "banding-judul")
    driver.find_element(By.XPATH, "//label[normalize-space()='English']").click()
    _wait(driver, lambda: "bahasa=en" in driver.current_url and "dengan=31.73" in driver.current_url)
    _wait(driver, lambda: "Side by side" in _by_id(driver, "banding-judul").text)
