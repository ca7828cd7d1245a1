"""The month ahead in headless Debian chromium (issue 35, item 4): Ringkasan's card at 1280x720 and
390x844 shows the builder's numbers, nothing cut and nothing wider than the screen; the 1 RW 100
grid marks the RWs with participants due."""

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


@pytest.fixture(scope="module", params=[(1280, 720), (390, 844)], ids=["projector", "phone"])
def layar(request, server):  # noqa: F811
    driver = _chromium(*request.param)
    _masuk(driver, server, "admin")
    yield driver, request.param
    driver.quit()


def test_the_card_shows_the_builders_numbers_and_fits(server, layar):  # noqa: F811
    from layouts import format as fmt
    from metrics import cakupan
    from metrics.pertanyaan import tanya

    driver, (width, _) = layar
    m = cakupan.angka_tempat(tanya("31.75"), cakupan.BULAN_DEPAN)
    assert m["jatuh_tempo"] > 0  # the demo's rosters have paid months: some are due
    driver.get_log("browser")
    driver.get(server + "/?wilayah=31.75")
    kartu = _by_id(driver, "ringkasan-bulan")
    teks = _wait(driver, lambda: kartu.text)
    for nilai in (fmt.angka(m["jatuh_tempo"]), fmt.persen(m["capaian_bila_tak_bayar"])):
        assert nilai in teks, (nilai, teks)
    assert fmt.persen(m["capaian_bila_semua_bayar"]) in teks
    _by_id(driver, "ringkasan-unduh-tempo")  # an admin gets the list to follow up
    driver.execute_script("document.getElementById('ringkasan-bulan').scrollIntoView()")
    try:
        _wait(driver, lambda: driver.execute_script(CUT_JS) == [], seconds=10)
    except AssertionError:
        pytest.fail(f"cut at {width} px: {driver.execute_script(CUT_JS)}")
    assert _errors(driver) == []


def test_the_rw_grid_marks_those_due(server, layar):  # noqa: F811
    from selenium.webdriver.common.by import By

    from metrics import cakupan
    from metrics.pertanyaan import tanya

    driver, _ = layar
    rows = cakupan.tabel("rw", tanya("31.75.02"), cakupan.RW_BARIS).baris
    due = sorted(r["jatuh_tempo"] for r in rows if r["rw"] is not None and r["jatuh_tempo"])
    driver.get(server + "/rw100?wilayah=31.75.02")
    _by_id(driver, "rw100-sel")

    def tanda() -> list[int]:
        """The grid's "↓n" marks as numbers, read in one go (a redrawn grid leaves stale elements)."""
        marks = driver.find_elements(By.CSS_SELECTOR, "#rw100-sel .rw-tempo")
        return sorted(int(e.get_attribute("textContent").lstrip("↓").replace(".", "")) for e in marks)

    _wait(driver, lambda: tanda() == due, seconds=30)  # a stale element raises inside the wait: read again
    assert tanda() == due
    assert _errors(driver) == []
