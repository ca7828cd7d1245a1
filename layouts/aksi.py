"""Actions in words (issue 21): an effect as docs/metrics.md defines it ("Efek aksi"), and the
what-if of funding; for the Aksi page and anything else that says them."""

from __future__ import annotations

import datetime as dt
import math

from layouts import format as fmt
from layouts.teks import pick
from metrics import aksi


def _minggu(w: float, b: str) -> str:
    """Weeks of data in words: whole weeks as such ('4 minggu', '1 week'), else rounded down to a
    tenth, never up onto the minimum it has not reached (13 days: '1,8 minggu', not '2')."""
    n = math.floor(round(w, 9) * 10) / 10
    angka = fmt.desimal(n, 0 if n == int(n) else 1, b)
    return f"{angka} {pick(('minggu', 'week' if n == 1 else 'weeks'), b)}"


def efek(e: aksi.Efek, b: str) -> str:
    """An effect in plain words, as docs/metrics.md defines it; no number where there is none. An
    action not yet started says when it starts and from when its effect can be measured (MINGGU_MIN
    weeks after); too few weeks name the weeks of data before and after the start."""
    if e.alasan == "belum_mulai":
        bisa = e.mulai + dt.timedelta(weeks=aksi.MINGGU_MIN)
        mulai, terbaru, bisa = (fmt.tanggal_pendek(d, b) for d in (e.mulai, e.data_terbaru, bisa))
        return pick(
            (
                f"Belum dimulai: aksi ini mulai {mulai}, sesudah data terbaru ({terbaru}); efeknya bisa diukur "
                f"dari {aksi.MINGGU_MIN} minggu sesudah mulai ({bisa}).",
                f"Not started yet: this action starts on {mulai}, after the newest data ({terbaru}); its effect "
                f"can be measured from {aksi.MINGGU_MIN} weeks after the start ({bisa}).",
            ),
            b,
        )
    if e.alasan == "minggu_kurang":
        n = aksi.MINGGU_MIN
        sebelum, sesudah = _minggu(e.minggu_sebelum, b), _minggu(e.minggu_sesudah, b)
        return pick(
            (
                f"Belum bisa diukur: ada {sebelum} data sebelum dan {sesudah} sesudah mulai; perlu minimal {n} dan {n}.",
                f"Cannot be measured yet: {sebelum} of data before the start and {sesudah} after; "
                f"it needs at least {n} and {n}.",
            ),
            b,
        )
    if e.alasan == "tanpa_pembanding":
        return pick(
            (
                f"Belum bisa diukur: kurang dari {aksi.PEMBANDING_MIN} wilayah serupa tanpa aksi pada minggu yang sama.",
                f"Cannot be measured: fewer than {aksi.PEMBANDING_MIN} similar regions without an action in those weeks.",
            ),
            b,
        )
    nilai = f"{'+' if e.efek > 0 else ''}{fmt.desimal(e.efek, 1, b)}"
    pm = fmt.desimal(aksi.Z * e.galat_baku, 1, b)
    if e.yakin:  # clear: say which way in words, as the unclear ones say they are not yet
        arah = ("lebih cepat", "faster") if e.efek > 0 else ("lebih lambat", "slower")
        return pick(
            (
                f"{nilai} per minggu dibanding {e.pembanding} wilayah serupa (± {pm}): laju jelas {arah[0]} "
                "daripada wilayah serupa.",
                f"{nilai} a week against {e.pembanding} similar regions (± {pm}): the pace is clearly {arah[1]} "
                "than in similar regions.",
            ),
            b,
        )
    if e.terlalu_kecil:  # clear only after more than a year of data: say what that means, not the wait
        return pick(
            (
                f"{nilai} per minggu dibanding {e.pembanding} wilayah serupa (± {pm}): efeknya terlalu kecil untuk "
                "dibedakan dari naik-turun biasa (perlu lebih dari setahun data sesudah aksi dimulai).",
                f"{nilai} a week against {e.pembanding} similar regions (± {pm}): the effect is too small to tell "
                "apart from the usual ups and downs (it would take more than a year of data after the start).",
            ),
            b,
        )
    lagi = f"; perlu sekitar {e.minggu_lagi} minggu lagi untuk yakin" if e.minggu_lagi else ""
    lagi_en = f"; about {e.minggu_lagi} more weeks to be sure" if e.minggu_lagi else ""
    return pick(
        (
            f"{nilai} per minggu dibanding {e.pembanding} wilayah serupa (± {pm}): belum beda dari naik-turun biasa{lagi}.",
            f"{nilai} a week against {e.pembanding} similar regions (± {pm}): not yet apart from the usual ups and downs{lagi_en}.",
        ),
        b,
    )


def jika(m: dict, j: dict, b: str) -> str:
    """The what-if in words: the cost, the projection at 31 December and when the target is reached."""
    biaya = fmt.rupiah(j["biaya"], b)
    if j["capaian_akhir_tahun"] is None:
        return f"{biaya} ({j['bulan_dibayar']} {pick(('bulan', 'months'), b)}). {pick(('Wilayah ini belum punya target: capaian tidak bisa dihitung.', 'This region has no target yet.'), b)}"
    tanpa = j["capaian_akhir_tahun_tanpa"]
    sebelum = fmt.persen(tanpa, bahasa=b) if tanpa is not None else "-"  # worked out in metrics.aksi
    kapan = fmt.tanggal(j["tercapai"], b) if j["tercapai"] else pick(("tidak pada laju ini", "not at this pace"), b)
    kapan_tanpa = fmt.tanggal(j["tercapai_tanpa"], b) if j["tercapai_tanpa"] else pick(("tidak", "never"), b)
    return pick(
        (
            f"Biaya {biaya} untuk {j['bulan_dibayar']} bulan. Proyeksi 31 Desember {fmt.angka(j['proyeksi_akhir_tahun'], b)} "
            f"peserta aktif: capaian {fmt.persen(j['capaian_akhir_tahun'], bahasa=b)} (tanpa ini {sebelum}). "
            f"Target tercapai {kapan} (tanpa ini: {kapan_tanpa}).",
            f"Cost {biaya} for {j['bulan_dibayar']} months. Projection at 31 December {fmt.angka(j['proyeksi_akhir_tahun'], b)} "
            f"active: achievement {fmt.persen(j['capaian_akhir_tahun'], bahasa=b)} (without it {sebelum}). "
            f"Target reached {kapan} (without it: {kapan_tanpa}).",
        ),
        b,
    )
