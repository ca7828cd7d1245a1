"""A phone's table of places (issue 35, item 3): the grid's rows as cards, each metric's label
over its value formatted as the grid formats it, the known places tappable one level down."""

from html.parser import HTMLParser

from dash import dcc

from layouts import kerangka


class _Teks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.teks: list[str] = []

    def handle_data(self, data):
        if data.strip():
            self.teks.append(data)


def _teks(komponen) -> list[str]:
    """Every text in a component tree, in order; the text of HTML a dcc.Markdown draws too."""
    if isinstance(komponen, dcc.Markdown):
        baca = _Teks()
        baca.feed(komponen.children)
        return baca.teks
    if isinstance(komponen, str):
        return [komponen]
    anak = getattr(komponen, "children", None)
    if anak is None:
        return []
    return [x for a in (anak if isinstance(anak, list) else [anak]) for x in _teks(a)]


def test_a_grid_s_rows_are_cards_with_their_numbers_and_the_parent_last():
    """Cakung: 3.622 active of a 7.000 target is 51,7 % (3.622 / 7.000 = 0,51743); an unknown
    kecamatan has no code and is no link; Jakarta Timur's own row comes last, no link either."""
    rows = [
        {"nama_wilayah": "Cakung", "kode_wilayah": "31.75.06", "id_baris": "31.75.06",
         "peserta_aktif": 3_622, "target_acuan": 7_000, "capaian_acuan": 3_622 / 7_000},
        {"nama_wilayah": "Tidak diketahui (Jakarta Timur)", "kode_wilayah": None, "id_baris": "?31.75",
         "peserta_aktif": 5, "target_acuan": None, "capaian_acuan": None},
    ]  # fmt: skip
    jumlah = [{"nama_wilayah": "Seluruh Jakarta Timur", "kode_wilayah": "", "id_baris": "jumlah",
               "peserta_aktif": 33_651, "target_acuan": 38_738, "capaian_acuan": 33_651 / 38_738}]  # fmt: skip
    tumpuk = kerangka.kartu_baris(
        "wilayah", rows, ["peserta_aktif", "target_acuan", "capaian_acuan"], "id", True, jumlah
    )
    assert tumpuk.id == "wilayah-kartu"
    cakung, tidak_tahu, seluruh = tumpuk.children
    assert _teks(cakung) == ["Cakung", "Peserta aktif", "3.622", "Target", "7.000", "Capaian", "51,7 %"]
    assert cakung.id == {"type": "turun-kartu", "nama": "wilayah", "kode": "31.75.06"}
    assert _teks(tidak_tahu)[1:] == ["Peserta aktif", "5", "Target", "-", "Capaian", "-"]
    assert getattr(tidak_tahu, "id", None) is None and getattr(seluruh, "id", None) is None
    # 33.651 / 38.738 = 0,86868: 86,9 %, as the grid's pinned row
    assert _teks(seluruh) == [
        "Seluruh Jakarta Timur",
        "Peserta aktif",
        "33.651",
        "Target",
        "38.738",
        "Capaian",
        "86,9 %",
    ]
    lain = kerangka.kartu_baris("rw100", rows[:1], ["peserta_aktif"], "en", turun=False)
    assert getattr(lain.children[0], "id", None) is None and _teks(lain)[1:] == ["Active participants", "3,622"]
