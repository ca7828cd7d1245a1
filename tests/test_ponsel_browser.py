"""Every page on a phone, 390x844 in headless Debian chromium (issue 35, item 3): nothing wider
than the screen, no number cut or off to the side, charts' labels whole and readable with the
legend off the bars, the menu behind a burger, the filters folded behind "Saring", and the weekly
review's slides at a readable size, not letterboxed."""

import pytest

from tests.test_browser import (
    _by_id,
    _chromium,
    _errors,
    _masuk,
    _wait,
    server,  # noqa: F401  (the served demo, a fixture)
)

pytestmark = pytest.mark.browser

LEBAR, TINGGI = 390, 844

# Every page of the dashboard, with an element that says it has drawn (the review is its own page).
HALAMAN = [
    ("/", "ringkasan-aktif"),
    ("/?wilayah=31.75", "ringkasan-aktif"),
    ("/?wilayah=31.75.02.1001", "ringkasan-aktif"),  # a 1 RW 100 reference target
    ("/wilayah", "jejak"),
    ("/wilayah?wilayah=31.75", "jejak"),
    ("/wilayah?wilayah=31.75.02.1001", "jejak"),  # its RWs
    ("/rw100?wilayah=31.75", "rw100-rw_diketahui"),
    ("/rw100?wilayah=31.75.02", "rw100-sel"),
    ("/segmen", "segmen-segmen"),
    ("/segmen?wilayah=31.75", "segmen-segmen"),
    ("/anggaran", "anggaran-sumber"),
    ("/anggaran?wilayah=31", "anggaran-sumber"),
    ("/banding?wilayah=31.75", "banding-judul"),
    ("/banding?wilayah=31.75&dengan=31.73,31.71", "banding-judul"),
    ("/aksi?wilayah=31.75", "aksi-daftar"),
    ("/langganan?wilayah=31.75", "langganan-alamat"),
    ("/target?wilayah=31.75", "target-tabel"),
    ("/data", "data-riwayat"),
    ("/?bahasa=en&wilayah=31.75", "ringkasan-aktif"),
]

# What a phone must not do: the page wider than the screen; a number (digits with at most a unit:
# '74,3 %', 'Rp16.800', '1,2 juta') cut by its box or off to the side; a chart whose text runs past
# its edge or is under 11 px, whose legend lies on its bars, or whose bars have under a third of
# its width (Segmen's were 64 px of 285 beside their names; Ringkasan's ranking keeps 113).
PONSEL_JS = r"""
const salah = [];
const W = innerWidth;
if (document.documentElement.scrollWidth > W) salah.push('page ' + document.documentElement.scrollWidth + ' > ' + W);
const ANGKA = /^[-+−]?\s*(Rp\s?)?[-+−]?\d[\d.,]*\s*(%|pp|juta|ribu|miliar|triliun|million|thousand|billion|trillion|jt|rb)?$/i;
const ruang = document.querySelector('.slide.aktif') || document.body;
for (const el of ruang.querySelectorAll('*')) {
  if (el.children.length || el.closest('svg')) continue;
  const teks = (el.textContent || '').trim();
  if (!ANGKA.test(teks)) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
  let kotak = el;  // an inline element has no width of its own: its block's
  while (kotak.parentElement && getComputedStyle(kotak).display === 'inline') kotak = kotak.parentElement;
  if (kotak.scrollWidth > kotak.clientWidth + 1) salah.push('cut: ' + teks);
  else if (r.right > W + 1 || r.left < -1) salah.push('off screen: ' + teks + ' at ' + Math.round(r.left));
}
for (const vp of document.querySelectorAll('.ag-center-cols-viewport')) {
  const r = vp.getBoundingClientRect();
  if (r.width && vp.scrollWidth > vp.clientWidth + 2) salah.push('columns behind a scroll: ' + vp.scrollWidth);
}
for (const gd of ruang.querySelectorAll('.js-plotly-plot')) {
  const svg = gd.querySelector('.main-svg');
  if (!svg) continue;
  const kotak = svg.getBoundingClientRect();
  if (kotak.width === 0) continue;
  const nama = gd.id || gd.parentElement.id || 'chart';
  if (kotak.right > W + 1) salah.push(nama + ': wider than the screen');
  for (const t of gd.querySelectorAll('text')) {
    const r = t.getBoundingClientRect();
    if (r.width === 0 || !(t.textContent || '').trim()) continue;
    if (r.left < kotak.left - 1 || r.right > kotak.right + 1) salah.push(nama + ': text past the edge: ' + t.textContent);
    const huruf = parseFloat(getComputedStyle(t).fontSize) * (r.height ? 1 : 0);
    if (huruf && huruf < 11 && !t.closest('.geolayer, .scattergeolayer')) salah.push(nama + ': ' + huruf + ' px text: ' + t.textContent);
  }
  const fl = gd._fullLayout, legenda = gd.querySelector('.legend');
  if (fl && fl._size && legenda && gd.querySelector('.bars')) {  // the plot area: the figure less its margins
    const a = legenda.getBoundingClientRect(), z = fl._size;
    const b = {left: kotak.left + z.l, right: kotak.left + z.l + z.w, top: kotak.top + z.t, bottom: kotak.top + z.t + z.h};
    const tumpang = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (a.width && tumpang > 2 && Math.min(a.right, b.right) > Math.max(a.left, b.left)) salah.push(nama + ': legend on the bars');
  }
  if (fl && fl.xaxis && gd.querySelector('.bars') && fl.xaxis._length < fl.width / 3)
    salah.push(nama + ': bars ' + Math.round(fl.xaxis._length) + ' px of ' + fl.width);
}
return salah;
"""


@pytest.fixture(scope="module")
def ponsel(server):  # noqa: F811
    driver = _chromium(LEBAR, TINGGI)
    _masuk(driver, server, "admin")
    yield driver
    driver.quit()


def _buka(driver, server, path):  # noqa: F811
    driver.get(server + path)
    if "/masuk" in driver.current_url:  # another module's test logged the admin out
        _masuk(driver, server, "admin")
        driver.get(server + path)


@pytest.mark.parametrize("path,element", HALAMAN)
def test_every_page_fits_a_phone(server, ponsel, path, element):  # noqa: F811
    """No page wider than 390 px, no number cut or off to the side, charts whole and readable."""
    ponsel.get_log("browser")
    _buka(ponsel, server, path)
    _by_id(ponsel, element)
    try:  # grids and charts size themselves after they draw: wait for the layout to settle
        _wait(ponsel, lambda: ponsel.execute_script(PONSEL_JS) == [], seconds=10)
    except AssertionError:
        pytest.fail(f"{path} at {LEBAR}x{TINGGI}: {ponsel.execute_script(PONSEL_JS)}")
    assert _errors(ponsel) == []


def test_the_review_is_readable_on_a_phone(server, ponsel):  # noqa: F811
    """Every slide of Jakarta Timur's review fits the width, with its body text at 13 px or more on
    the screen (it was 30 px on a 1920 px slide scaled to 390: 6 px; a table's 28 px on the 800 px
    page zoomed to 390 reads 13,65 px) and its title at 24 px or more;
    nothing cut, and the next slide at the top of the screen after a tap."""
    from selenium.webdriver.common.by import By

    _buka(ponsel, server, "/tinjauan?wilayah=31.75")
    slides = _wait(ponsel, lambda: ponsel.find_elements(By.CSS_SELECTOR, ".slide"))
    assert len(slides) >= 5
    for i, slide in enumerate(slides):
        _wait(ponsel, lambda s=slide: "aktif" in s.get_attribute("class"))
        ukuran = ponsel.execute_script(
            """const s = arguments[0], r = s.getBoundingClientRect();
            const px = (el) => el.getBoundingClientRect().height / el.getClientRects().length;
            const isi = [...s.querySelectorAll('.isi p, .isi td, .isi li, .angka .label')].filter(e => e.getBoundingClientRect().height);
            return {left: r.left, right: r.right, judul: px(s.querySelector('h2')),
                    isi: isi.length ? Math.min(...isi.map(e => parseFloat(getComputedStyle(e).fontSize) * r.width / s.offsetWidth)) : null,
                    atas: window.scrollY};""",
            slide,
        )
        assert ukuran["left"] >= 0 and ukuran["right"] <= LEBAR + 1, (i, ukuran)
        assert ukuran["judul"] >= 24, (i, ukuran)
        assert ukuran["isi"] is None or ukuran["isi"] >= 13, (i, ukuran)
        assert ukuran["atas"] == 0, (i, ukuran)
        try:
            _wait(ponsel, lambda: ponsel.execute_script(PONSEL_JS) == [], seconds=10)
        except AssertionError:
            pytest.fail(f"slide {i + 1}: {ponsel.execute_script(PONSEL_JS)}")
        ponsel.execute_script("window.scrollTo(0, 200)")  # read down the slide, then tap for the next
        slide.click()


def test_the_menu_opens_from_the_burger_and_the_filters_from_saring(server, ponsel):  # noqa: F811
    """The header is one row (the title and the burger); the burger opens every page link and
    'Keluar', a followed link closes it again. The filters are hidden until 'Saring' is pressed,
    and 'Saring · 1' says one is set."""
    from selenium.webdriver.common.by import By

    _buka(ponsel, server, "/?wilayah=31.75")
    _by_id(ponsel, "ringkasan-aktif")
    kepala = ponsel.execute_script(
        "return document.querySelector('.mantine-AppShell-header').getBoundingClientRect().height"
    )
    assert kepala <= 64
    assert not _by_id(ponsel, "nav-wilayah").is_displayed() and not _by_id(ponsel, "keluar").is_displayed()
    _by_id(ponsel, "menu-burger").click()
    for nama in ("ringkasan", "wilayah", "rw100", "segmen", "anggaran", "banding", "data", "tinjauan"):
        link = _wait(ponsel, lambda n=nama: _by_id(ponsel, f"nav-{n}").is_displayed() and _by_id(ponsel, f"nav-{n}"))
        r = ponsel.execute_script("return arguments[0].getBoundingClientRect().toJSON()", link)
        assert r["left"] >= 0 and r["right"] <= LEBAR and r["bottom"] <= TINGGI, (nama, r)
    assert _by_id(ponsel, "keluar").is_displayed()
    _by_id(ponsel, "nav-segmen").click()
    _wait(ponsel, lambda: "/segmen?wilayah=31.75" in ponsel.current_url and _by_id(ponsel, "segmen-segmen"))
    _wait(ponsel, lambda: not _by_id(ponsel, "nav-wilayah").is_displayed())  # closed on the new page

    pilih = ponsel.find_elements(By.CSS_SELECTOR, "#saringan input:not([type=hidden])")
    assert pilih and not any(p.is_displayed() for p in pilih)
    assert _by_id(ponsel, "saring-buka").text.startswith("Saring")
    _by_id(ponsel, "saring-buka").click()
    _wait(
        ponsel,
        lambda: all(
            p.is_displayed() for p in ponsel.find_elements(By.CSS_SELECTOR, "#saringan input:not([type=hidden])")
        ),
    )
    _buka(ponsel, server, "/?wilayah=31.75&segmen=BPU")
    _wait(ponsel, lambda: _by_id(ponsel, "saring-buka").text.startswith("Saring · 1"))


def test_a_tapped_card_goes_one_level_down(server, ponsel):  # noqa: F811
    """Wilayah on a phone: each kecamatan of Jakarta Timur is a card with its numbers; a tap on
    one opens it, as a click on its row does on a laptop."""
    from selenium.webdriver.common.by import By

    _buka(ponsel, server, "/wilayah?wilayah=31.75")
    kartu = _wait(
        ponsel,
        lambda: [k for k in ponsel.find_elements(By.CSS_SELECTOR, "#wilayah-kartu .kartu-turun") if k.is_displayed()],
    )
    assert not _by_id(ponsel, "wilayah-kartu").find_elements(By.XPATH, "..")[0].get_attribute("hidden")
    teks = kartu[0].text
    assert "Capaian" in teks and "%" in teks, teks
    ponsel.execute_script("arguments[0].scrollIntoView({block: 'center'})", kartu[0])
    kartu[0].click()
    _wait(ponsel, lambda: "wilayah=31.75." in ponsel.current_url)
