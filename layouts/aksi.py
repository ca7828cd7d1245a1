"""Actions in words (issue 21): an effect as docs/metrics.md defines it ("Efek aksi"), and the
what-if of funding; for the Aksi page and anything else that says them."""

from __future__ import annotations

from layouts import format as fmt
from layouts.teks import pick
from metrics import aksi


def efek(e: aksi.Efek, b: str) -> str:
    """An effect in plain words, as docs/metrics.md defines it; no number where there is none."""
    if e.alasan == "minggu_kurang":
        return pick(
            (
                f"Belum bisa diukur: perlu minimal {aksi.MINGGU_MIN} minggu data sebelum dan sesudah mulai "
                f"(kini {fmt.desimal(e.minggu_sebelum, 0, b)} dan {fmt.desimal(e.minggu_sesudah, 0, b)}).",
                f"Cannot be measured yet: it needs at least {aksi.MINGGU_MIN} weeks of data before and after the "
                f"start (now {fmt.desimal(e.minggu_sebelum, 0, b)} and {fmt.desimal(e.minggu_sesudah, 0, b)}).",
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
    if e.yakin:
        return pick(
            (
                f"{nilai} per minggu dibanding {e.pembanding} wilayah serupa (± {pm}).",
                f"{nilai} a week against {e.pembanding} similar regions (± {pm}).",
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
