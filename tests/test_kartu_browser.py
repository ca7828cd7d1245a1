"""The card to share in headless Debian chromium (issue 35, item 5): Ringkasan's link downloads
the place's card as a 1080 x 1080 PNG, in the page's language, for the place on screen."""

import pytest

from tests.test_browser import (
    _by_id,
    _chromium,
    _masuk,
    _wait,
    server,  # noqa: F401  (the served demo, a fixture)
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unduhan(tmp_path_factory):
    """Where the browser saves downloads (Chromium asks nothing: the folder is set by DevTools)."""
    return tmp_path_factory.mktemp("unduhan")


@pytest.fixture(scope="module")
def ponsel(server, unduhan):  # noqa: F811
    driver = _chromium(390, 844)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(unduhan)})
    _masuk(driver, server, "admin")
    yield driver
    driver.quit()


def test_the_link_downloads_the_card_of_the_place_on_screen(server, ponsel, unduhan):  # noqa: F811
    from PIL import Image

    ponsel.get(server + "/?wilayah=31.75&bahasa=en")
    _by_id(ponsel, "ringkasan-aktif")
    link = _by_id(ponsel, "kartu-unduh")
    assert link.text == "Download the headline as an image (PNG)"
    assert link.get_attribute("href").endswith("/unduh/kartu.png?wilayah=31.75&bahasa=en")
    ponsel.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    nama = "cakupan_kartu_kabkota_31.75_2024-02-06.png"
    berkas = _wait(ponsel, lambda: (unduhan / nama).exists() and unduhan / nama, seconds=30)
    _wait(ponsel, lambda: not list(unduhan.glob("*.crdownload")))  # written whole
    with Image.open(berkas) as gambar:
        assert (gambar.format, gambar.size) == ("PNG", (1080, 1080))
    assert ponsel.current_url.endswith("/?wilayah=31.75&bahasa=en")  # the page stays where it was
