"""Numbers and dates as Indonesians write them."""

import datetime as dt

from layouts import format as fmt


def test_numbers():
    assert fmt.angka(1234567) == "1.234.567"
    assert fmt.angka(None) == "-"
    assert fmt.persen(36.7 / 42) == "87,4 %"  # 36,7 juta of 42 juta
    assert fmt.persen(36.7 / 42, 2) == "87,38 %"
    assert fmt.persen(1.234) == "123,4 %"  # never capped at 100 %
    assert fmt.ringkas(36_700_000) == "36,7 juta"
    assert fmt.ringkas(129_109) == "129,1 ribu"
    assert fmt.ringkas(9_876) == "9.876"


def test_dates():
    assert fmt.tanggal(dt.date(2024, 2, 6)) == "6 Februari 2024"


def test_whole_numbers_are_grouped_as_babel_groups_them():
    from babel.numbers import format_decimal

    assert fmt.angka(1234567) == "1.234.567" and fmt.angka(1234567, "en") == "1,234,567"
    assert fmt.angka(-1000) == "-1.000" and fmt.angka(0) == "0" and fmt.angka(999) == "999"
    for bahasa in ("id", "en"):
        for value in (0, 7, -7, 999, 1000, -1001, 129109, 36_700_000, 42_000_000_000, -(10**15)):
            assert fmt.angka(value, bahasa) == format_decimal(value, locale=fmt.LOCALE[bahasa]), value
    assert fmt.angka(1234.5) == "1.234,5"  # not whole: Babel


def test_money_on_a_card_is_short_and_whole_beside_it():
    assert fmt.rupiah_ringkas(102_211_200_000, "id") == "Rp102,2 miliar"
    assert fmt.rupiah_ringkas(739_200, "en") == "Rp739.2 thousand"
    assert fmt.rupiah_ringkas(None) == "-"
