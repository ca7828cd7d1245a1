"""The month ahead (issue 35, item 4) as a card: Ringkasan shows it beside the pace, 1 RW 100 above
its grid. The numbers are metrics.cakupan.BULAN_DEPAN's; this only words them."""

import dash_mantine_components as dmc

from layouts import format as fmt
from layouts import keadaan, kerangka
from layouts.teks import t
from metrics import cakupan


def kartu(m, k, halaman: str = "ringkasan") -> dmc.Card:
    """The month ahead beside the pace (issue 35, item 4): how many active participants lapse at
    the end of this month unless they pay, next month's capaian if none of them pays and if all do
    (without a target: next month's active if none pays); the rule in words under them, and for a
    branch account or an admin the follow-up list. A whole row of Ringkasan's grid: three values.
    `m`: the place's row with cakupan.BULAN_DEPAN; `k`: the page's state; ids start with `halaman`."""
    b = k.bahasa
    if m["jatuh_tempo"] is None:
        nilai, note = [(t("jatuh_tempo", b), "-")], t("tempo_tak_diketahui", b)
    else:
        nilai = [(t("jatuh_tempo", b), fmt.angka(m["jatuh_tempo"], b))]
        if m["capaian_bila_tak_bayar"] is not None:
            nilai.append((t("bila_tak_bayar", b), fmt.persen(m["capaian_bila_tak_bayar"], bahasa=b)))
            nilai.append((t("bila_semua_bayar", b), fmt.persen(m["capaian_bila_semua_bayar"], bahasa=b)))
        else:  # no target (a branch's, or none set): the count next month
            nilai.append((t("aktif_tak_bayar", b), fmt.angka(m["aktif_bila_tak_bayar"], b)))
        note = t("tempo_cara", b).format(bulan=fmt.bulan(cakupan.bulan_jatuh_tempo(k.snapshot), b))
    isi = kerangka.kartu_dua(t("bulan_depan", b), nilai, note, f"{halaman}-bulan")
    isi.style = {"gridColumn": "1 / -1"}  # a row of its own in a grid of cards
    if m["jatuh_tempo"] and cakupan.boleh_daftar_jatuh_tempo():
        href = keadaan.tautan("/unduh/jatuh_tempo.csv", {kunci: v for kunci, v in k.query.items() if kunci != "bahasa"})
        isi.children.append(dmc.Anchor(t("tempo_unduh", b), href=href, refresh=True, id=f"{halaman}-unduh-tempo"))
    return isi
