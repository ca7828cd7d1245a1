"""Numbers and dates as Indonesians write them: 36,7 juta, 1.234.567, 87,4 %, 6 Februari 2024."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id_ID"


def angka(value: int | float | None) -> str:
    """1.234.567; '-' when there is no value."""
    return "-" if value is None else format_decimal(value, locale=LOCALE, decimal_quantization=False)


def persen(ratio: float | None, digits: int = 1) -> str:
    """0.874 -> '87,4 %'. Never capped at 100 %."""
    if ratio is None:
        return "-"
    return format_decimal(round(ratio * 100, digits), format=f"#,##0.{'0' * digits}", locale=LOCALE) + " %"


def ringkas(value: int | float | None) -> str:
    """36.700.000 -> '36,7 juta'; 129.109 -> '129,1 ribu'; small numbers in full."""
    if value is None:
        return "-"
    # (from, unit, word): "ribu" only from 10 ribu on; below that the full number reads better.
    units = ((1e12, 1e12, "triliun"), (1e9, 1e9, "miliar"), (1e6, 1e6, "juta"), (1e4, 1e3, "ribu"))
    for start, unit, word in units:
        if abs(value) >= start:
            return format_decimal(round(value / unit, 1), format="#,##0.#", locale=LOCALE) + f" {word}"
    return angka(value)


def tanggal(day: dt.date | None) -> str:
    """6 Februari 2024."""
    return "-" if day is None else format_date(day, format="d MMMM y", locale=LOCALE)
