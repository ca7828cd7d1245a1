"""Numbers and dates as Indonesians write them: 36,7 juta, 1.234.567, 87,4 %, Rp16.800,
6 Februari 2024; English (36.7 million, 1,234,567, 87.4 %) when the user asks for it."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from layouts.teks import pick, t
from metrics import definisi
from metrics.pembagian import DASAR

# Parsed once: Babel given a locale name parses it on every call (41 against 17 us a number,
# and a 1 RW 100 grid formats 300 of them).
LOCALE = {"id": Locale.parse("id_ID"), "en": Locale.parse("en_US")}
UNITS = {"id": ("triliun", "miliar", "juta", "ribu"), "en": ("trillion", "billion", "million", "thousand")}


PEMISAH_RIBUAN = {b: LOCALE[b].number_symbols["latn"]["group"] for b in LOCALE}


def angka(value: int | float | None, bahasa: str = "id") -> str:
    """1.234.567; '-' when there is no value."""
    if value is None:
        return "-"
    if type(value) is int:  # whole counts, most numbers on a page: Babel's grouping in 1 us, not 17
        return f"{value:,}".replace(",", PEMISAH_RIBUAN[bahasa])
    return format_decimal(value, locale=LOCALE[bahasa], decimal_quantization=False)


def desimal(value: float | None, digits: int = 1, bahasa: str = "id") -> str:
    """0,75 -> '0,8' with one digit."""
    if value is None:
        return "-"
    return format_decimal(round(value, digits), format=f"#,##0.{'0' * digits}", locale=LOCALE[bahasa])


def persen(ratio: float | None, digits: int = 1, bahasa: str = "id") -> str:
    """0.874 -> '87,4 %'. Never capped at 100 %, and never rounded up onto a border the value has
    not reached (definisi.BATAS_PERSEN: 100 % and the colour bands' borders): 0.9995 -> '99,9 %',
    not '100,0 %' (a place below its target never reads as having reached it); 1.0 -> '100,0 %'.
    The grid's cells round by the same rule (assets/dashAgGridFunctions.js, cakupanPersen)."""
    if ratio is None:
        return "-"
    return desimal(persen_tampil(ratio, digits), digits, bahasa) + " %"


def persen_tampil(ratio: float, digits: int = 1) -> float:
    """The percent shown for a ratio, rounded to `digits` but kept below the first border of
    definisi.BATAS_PERSEN above the ratio: 0.99951 -> 99.9, 0.874 -> 87.4, 1.2 -> 120.0."""
    nilai = round(ratio * 100, digits)
    batas = next((b for b in definisi.BATAS_PERSEN if ratio < b / 100), None)  # as the bands compare
    if batas is not None and nilai >= batas:
        return round(batas - 10**-digits, digits)
    return nilai


def ringkas(value: int | float | None, bahasa: str = "id") -> str:
    """36.700.000 -> '36,7 juta'; 129.109 -> '129,1 ribu'; small numbers in full."""
    if value is None:
        return "-"
    # (from, unit): "ribu" only from 10 ribu on; below that the full number reads better.
    for (start, unit), word in zip(((1e12, 1e12), (1e9, 1e9), (1e6, 1e6), (1e4, 1e3)), UNITS[bahasa]):
        if abs(value) >= start:
            return format_decimal(round(value / unit, 1), format="#,##0.#", locale=LOCALE[bahasa]) + f" {word}"
    return angka(value, bahasa)


def rupiah(value: int | float | None, bahasa: str = "id") -> str:
    """16800 -> 'Rp16.800'."""
    return "-" if value is None else "Rp" + angka(round(value), bahasa)


def rupiah_ringkas(value: int | float | None, bahasa: str = "id") -> str:
    """102.211.200.000 -> 'Rp102,2 miliar': a card's money, the full figure beside it."""
    return "-" if value is None else "Rp" + ringkas(value, bahasa)


def tanggal(day: dt.date | None, bahasa: str = "id") -> str:
    """6 Februari 2024."""
    return "-" if day is None else format_date(day, format="d MMMM y", locale=LOCALE[bahasa])


def bulan(day: dt.date, bahasa: str = "id") -> str:
    """Maret 2024."""
    return format_date(day, format="LLLL y", locale=LOCALE[bahasa])


def tanggal_pendek(day: dt.date | None, bahasa: str = "id") -> str:
    """6 Feb 2024."""
    return "-" if day is None else format_date(day, format="d MMM y", locale=LOCALE[bahasa])


def tanggal_sumbu(hari: list[dt.date], bahasa: str = "id") -> list[str]:
    """An axis's dates, the year named only where it starts or changes: 6 Feb 2024, 1 Mei, 31 Des."""
    return [
        format_date(d, format="d MMM" if i and d.year == hari[i - 1].year else "d MMM y", locale=LOCALE[bahasa])
        for i, d in enumerate(hari)
    ]


def tanda(value: int | float | None, bahasa: str = "id") -> str:
    """A change with its sign: +1.234, -56, 0."""
    if value is None:
        return "-"
    return ("+" if value > 0 else "") + angka(value, bahasa)


def nilai(metrik: str, value, bahasa: str = "id") -> str:
    """Any declared metric's value, in its declared format."""
    fmt = definisi.metrik(metrik).format
    if value is None:
        return "-"
    if fmt == "persen":
        return persen(value, bahasa=bahasa)
    if fmt == "rupiah":
        return rupiah(value, bahasa)
    if fmt == "tanggal":
        return tanggal(value, bahasa)
    if fmt == "laju":
        return desimal(value, 1, bahasa) + t("garis_per_minggu", bahasa)
    if fmt == "ya_tidak":
        return {("id", True): "Ya", ("id", False): "Tidak", ("en", True): "Yes", ("en", False): "No"}[
            bahasa, bool(value)
        ]
    return angka(value, bahasa)


def label(metrik: str, bahasa: str = "id") -> str:
    """A metric's label; a reference-target metric (`*_acuan`) reads as its plain one on a page
    (Target, Capaian), the page saying whose target it is."""
    dasar = definisi.METRIK_MENURUT_NAMA.get(metrik.removesuffix("_acuan"))
    return pick((dasar or definisi.metrik(metrik)).label, bahasa)


def definisi_metrik(metrik: str, bahasa: str = "id") -> str:
    return pick(definisi.metrik(metrik).definisi, bahasa)


def nama_target(jenis: str | None, bahasa: str = "id") -> str:
    """What a target is called where it is shown, by its kind (definisi: jenis_target): the 1 RW 100
    rule's, a derived one (a share of the parent's, split when asked: issue 21), or the region's own."""
    if jenis == "1rw100":
        return t("target_1rw100", bahasa)
    if jenis == "turunan":
        return t("target_turunan", bahasa)
    return "Target"


def kata_laju(periode, bahasa: str = "id") -> str:
    """What a pace is measured over, in words: 'laju 4 minggu terakhir', or the weeks of data there
    really are when the 4-week window is not yet filled ('1 minggu terakhir' with two snapshots a
    week apart: metrics.pembangun.Periode.minggu_4mg). One label for card, slide, PDF and email."""
    minggu = periode.minggu_4mg
    if minggu is None or round(minggu) == 4:
        return t("tercapai_laju", bahasa)
    n = max(1, round(minggu))
    return "last week" if (bahasa, n) == ("en", 1) else t("tercapai_laju_n", bahasa).format(n=n)


def rincian_perubahan(m: dict, bahasa: str = "id") -> str | None:
    """This week's change in its parts, as every output writes it under the change: "+357 baru,
    -219 berhenti, +5 pindah" (a KPI row: baru, berhenti, pindah_neto; moved persons named only
    when some moved, so the parts always add up to perubahan_minggu). None when new and lapsed
    persons are not known (the previous snapshot's persons are no longer kept)."""
    if m["baru"] is None:
        return None
    teks = f"+{angka(m['baru'], bahasa)} {t('baru', bahasa)}, -{angka(m['berhenti'], bahasa)} {t('berhenti', bahasa)}"
    if m["pindah_neto"]:
        teks += f", {tanda(m['pindah_neto'], bahasa)} {t('pindah', bahasa)}"
    return teks


def catatan_target(m: dict, bahasa: str = "id", filt=None) -> str:
    """What a place's target is, beside its number (a KPI row: jenis_target, target_acuan and, for a
    derived one, nama_induk, dasar_target, target_dibagi_oleh): why there is none (none yet; none for
    the segment filtered; under a branch, or a programme, source or pekerja rentan filter (`filt`, a
    metrics.pembangun.Filter): targets count everyone, so none is shown), the 1 RW 100 rule's, a derived one's origin; '' for
    the region's own target. Card, slides, PDF and email all say it in these words (issue 30)."""
    if m.get("target_acuan") is None:
        if filt is not None and filt.kantor_cabang:
            return t("tanpa_target_cabang", bahasa)
        if filt is not None and not filt.target_berlaku:
            return t("tanpa_target_saringan", bahasa)
        if filt is not None and filt.segmen:  # a target per segment: this one has none, the place may
            return t("tanpa_target_segmen", bahasa).format(segmen=filt.segmen)
        return t("tanpa_target", bahasa)
    if m.get("jenis_target") == "1rw100":
        return t("target_1rw100_isi", bahasa)
    return asal_target(m, bahasa)


def asal_target(m: dict, bahasa: str = "id") -> str:
    """Where a derived target comes from, in words ('Dibagi dari target Pulogadung menurut jumlah RW,
    oleh ani'); '' for any other target. `m` holds nama_induk, dasar_target and target_dibagi_oleh."""
    if m.get("jenis_target") != "turunan":
        return ""
    dasar = t(f"dasar_{m['dasar_target']}", bahasa) if m.get("dasar_target") in DASAR else "-"
    return t("target_turunan_isi", bahasa).format(
        induk=m.get("nama_induk") or "-", dasar=dasar, oleh=m.get("target_dibagi_oleh") or "-"
    )


def penuh(nilai, bahasa: str = "id") -> str:
    """The full figure when a card shows a short one (129.109 beside 129,1 ribu), else ''."""
    return "" if nilai is None or ringkas(nilai, bahasa) == angka(nilai, bahasa) else angka(nilai, bahasa)


def penuh_di_depan(nilai, bahasa: str = "id") -> str:
    """penuh() followed by ' · ' to lead a card's note, or '' when the card shows the full figure."""
    teks = penuh(nilai, bahasa)
    return f"{teks} · " if teks else ""


def cakupan_pekerja(m: dict, bahasa: str = "id") -> str:
    """'Cakupan pekerja 25,0 % dari 44 penduduk bekerja' where a workforce reference exists, else ''
    (a KPI row: cakupan_pekerja, pekerja)."""
    if m["cakupan_pekerja"] is None:
        return ""
    return (
        f"{label('cakupan_pekerja', bahasa)} {persen(m['cakupan_pekerja'], bahasa=bahasa)} "
        f"{t('dari', bahasa)} {ringkas(m['pekerja'], bahasa)} {label('pekerja', bahasa).lower()}"
    )


def laju(v, bahasa: str = "id") -> str:
    """A weekly pace (persons a week): one decimal under 10 a week (1,5 is not 2), whole above (492)."""
    return "-" if v is None else desimal(v, 1 if abs(v) < 10 else 0, bahasa)
