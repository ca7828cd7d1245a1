"""Kantor Cabang: a branch office as a place of its own (issue 35, item 2). Without a branch
chosen, the ranking of every branch against its own target (national accounts); with one (the
`cabang` filter, a branch account's own), its numbers, its pace, its place in the ranking and
the kab/kota and kecamatan its participants live in. The page says what a branch's numbers cover."""

import dash
import dash_mantine_components as dmc

from layouts import format as fmt
from layouts import grafik, kerangka
from layouts.teks import pick, t
from metrics import cabang, lingkup, wilayah

dash.register_page(__name__, path="/cabang", name="Kantor Cabang", title=kerangka.judul_tab("cabang"))


def layout(**query):
    return kerangka.halaman(query, "/cabang", _isi)


def _isi(k):
    parts = []
    if k.tempat.kode != "ID":  # a branch counts everywhere: the chosen place is not used, and said so
        tempat = wilayah.nama_lengkap(k.tempat)
        parts.append(dmc.Alert(t("cabang_wilayah_diabaikan", k.bahasa).format(tempat=tempat), color="blue"))
    parts += _satu(k) if k.tanya.filt.kantor_cabang else _peringkat(k)
    return dmc.Stack(parts, gap="lg")


# --- one branch ------------------------------------------------------------------------


def _satu(k) -> list:
    b = k.bahasa
    m = cabang.angka(k.tanya)
    nama = m["kantor_cabang"]
    judul = dmc.Group(
        [
            dmc.Title(t("cabang_judul", b).format(nama=nama), order=2, id="cabang-judul"),
            kerangka.unduh(k, "cabang", "nasional", nama="cabang"),
        ],
        justify="space-between",
    )
    parts = [judul, dmc.Text(t("cabang_cakupan", b).format(nama=nama), size="lg", id="cabang-cakupan")]
    if not m["di_daftar"]:
        parts.append(dmc.Alert(t("cabang_tidak_di_daftar", b), color="yellow", id="cabang-tidak-di-daftar"))
    parts.append(dmc.SimpleGrid(_kartu(m, k), cols={"base": 1, "sm": 2, "lg": 3}, spacing="lg"))
    parts.append(_tempat_peringkat(k, m))
    for tingkat in ("kabkota", "kecamatan"):
        parts += _wilayah(k, nama, tingkat)
    return parts


def _kartu(m: dict, k) -> list:
    b, tahun = k.bahasa, k.snapshot.year
    if m["target"] is None:
        target_note = t("cabang_tanpa_target", b).format(tahun=tahun)
    elif k.tanya.filt.segmen:
        target_note = t("cabang_target_segmen", b).format(tahun=tahun, segmen=k.tanya.filt.segmen)
    else:
        target_note = t("cabang_target_isi", b).format(tahun=tahun)
    kurang = m["kekurangan"]
    return [
        kerangka.kartu(
            fmt.label("peserta_aktif", b),
            fmt.ringkas(m["peserta_aktif"], b),
            f"{fmt.label('peserta_terdaftar', b).lower()} {fmt.angka(m['peserta_terdaftar'], b)}",
            "cabang-aktif",
            penuh=fmt.angka(m["peserta_aktif"], b),
        ),
        kerangka.kartu(
            fmt.label("target", b),
            fmt.ringkas(m["target"], b),
            target_note,
            "cabang-target",
            penuh=fmt.angka(m["target"], b),
        ),
        kerangka.kartu(
            fmt.label("capaian", b),
            fmt.persen(m["capaian"], bahasa=b),
            fmt.definisi_metrik("capaian", b),
            "cabang-capaian",
            grafik.warna_capaian(m["capaian"]) if m["capaian"] is not None else None,
        ),
        kerangka.kartu(
            fmt.label("kekurangan", b),
            fmt.ringkas(kurang, b),
            t("sudah_tercapai", b) if kurang == 0 else fmt.definisi_metrik("kekurangan", b),
            "cabang-kekurangan",
            penuh=fmt.angka(kurang, b),
        ),
        kerangka.kartu(
            t("minggu_ini", b),
            fmt.tanda(m["perubahan_minggu"], b),
            fmt.definisi_metrik("perubahan_minggu", b),
            "cabang-perubahan",
        ),
        _kartu_laju(m, k),
    ]


def _kartu_laju(m: dict, k) -> dmc.Card:
    """The pace achieved and needed, and the verdict in Ringkasan's words (cakupan.vonis_laju)."""
    b, vonis = k.bahasa, m["vonis"]
    nilai = [(fmt.kata_laju(k.tanya.periode, b), fmt.laju(m["laju_4mg"], b))]
    if m["laju_dibutuhkan"] is not None:
        nilai.append((t("dibutuhkan", b), fmt.laju(m["laju_dibutuhkan"], b)))
    if vonis == "belum":
        note = t("laju_belum", b)
    elif vonis == "tanpa_target":
        note = t("cabang_tanpa_target", b).format(tahun=k.snapshot.year)
    elif vonis in ("sudah_tercapai", "tidak_tercapai"):
        note = t(vonis, b)
    else:
        note = f"{t('tercapai_pada', b)} {fmt.tanggal(m['perkiraan_tercapai'], b)}"
    tepat = m["tepat_waktu"]
    warna = None if tepat is None or vonis == "belum" else ("green" if tepat else "red")
    return kerangka.kartu_dua(t("laju", b), nilai, note, "cabang-laju", warna)


def _tempat_peringkat(k, m: dict) -> dmc.Group:
    """Its place among the branches with a target; the whole ranking is for national accounts."""
    b = k.bahasa
    isi = []
    if m["peringkat"] is not None:
        kata = t("cabang_peringkat_ke", b).format(n=m["peringkat"], dari=m["jumlah_peringkat"])
        isi.append(dmc.Text(kata, size="lg", fw=600, id="cabang-peringkat-ke"))
    if not lingkup.aktif().kantor_cabang:
        isi.append(dmc.Anchor(t("cabang_peringkat_lihat", b), href=k.href("/cabang", cabang=None), size="lg"))
    return dmc.Group(isi, gap="lg")


def _wilayah(k, nama: str, tingkat: str) -> list:
    b = k.bahasa
    hasil = cabang.wilayah_cabang(k.tanya, tingkat)
    head = dmc.TableThead(
        dmc.TableTr(
            [dmc.TableTh(t("wilayah", b)), dmc.TableTh(t("kode", b), visibleFrom="sm")]
            + [dmc.TableTh(fmt.label(m, b), ta="right", **_lebar(i)) for i, m in enumerate(cabang.WILAYAH)]
        )
    )
    rows = []
    for r in hasil.baris:
        if r["diketahui"]:
            nama_tempat = [dmc.Text(r["nama_wilayah"], inherit=True), dmc.Text(r["nama_induk"], size="sm", c="dimmed")]
        else:
            nama_tempat = [dmc.Text(f"{t('tidak_diketahui', b)} ({r['nama_induk']})", inherit=True)]
        sel = [dmc.TableTd(_sel(m, r[m], b), ta="right", **_lebar(i)) for i, m in enumerate(cabang.WILAYAH)]
        rows.append(
            dmc.TableTr([dmc.TableTd(nama_tempat), dmc.TableTd(r["kode_wilayah"] or "", visibleFrom="sm")] + sel)
        )
    return [
        dmc.Group(
            [
                dmc.Title(t(f"cabang_{tingkat}", b).format(nama=nama), order=3),
                kerangka.unduh(k, "cabang", tingkat, nama=f"cabang-{tingkat}"),
            ],
            justify="space-between",
        ),
        dmc.Table(
            [head, dmc.TableTbody(rows)],
            fz={"base": "md", "sm": "lg"},
            striped=True,
            withTableBorder=True,
            id=f"cabang-{tingkat}",
        ),
        dmc.Text(t("cabang_wilayah_isi", b), c="dimmed"),
        *kerangka.catatan(hasil.catatan, b),
    ]


# --- the ranking -----------------------------------------------------------------------


KOLOM = ["capaian", "peserta_aktif", "target", "kekurangan", "perubahan_minggu", "laju_4mg", "laju_dibutuhkan"]
PONSEL = 2  # measures a phone shows (capaian and peserta aktif; a place's terdaftar and aktif); the rest from 576 px
_FORMAT = {"capaian": "persen", "perubahan_minggu": "tanda", "laju_4mg": "laju", "laju_dibutuhkan": "laju"}


def _sel(nama: str, v, b: str) -> str:
    jenis = _FORMAT.get(nama)
    if jenis == "persen":
        return fmt.persen(v, bahasa=b)
    if jenis == "tanda":
        return fmt.tanda(v, b)
    if jenis == "laju":
        return fmt.laju(v, b)
    return fmt.angka(v, b)


def _peringkat(k) -> list:
    b = k.bahasa
    pr = cabang.peringkat(k.tanya, KOLOM)
    parts = [
        dmc.Group(
            [
                dmc.Title(t("cabang_peringkat_judul", b), order=2, id="cabang-judul"),
                kerangka.unduh(k, "cabang", "nasional", nama="cabang-peringkat"),
            ],
            justify="space-between",
        ),
        dmc.Text(t("cabang_peringkat_isi", b), size="lg", id="cabang-cakupan"),
    ]
    if not pr.baris:
        return parts + [dmc.Alert(t("cabang_kosong", b), color="yellow", id="cabang-kosong")]
    if all(r["target"] is None for r in pr.baris):
        parts.append(
            dmc.Alert(
                t("cabang_belum_ada_target", b).format(tahun=k.snapshot.year), color="yellow", id="cabang-tanpa-target"
            )
        )
    head = dmc.TableThead(
        dmc.TableTr(
            [dmc.TableTh(t("cabang_no", b)), dmc.TableTh(pick(("Kantor cabang", "Branch office"), b))]
            + [dmc.TableTh(fmt.label(m, b), ta="right", **_lebar(i)) for i, m in enumerate(KOLOM)]
        )
    )
    rows = []
    for r in pr.baris:
        nama = [dmc.Anchor(r["kantor_cabang"], href=k.href("/cabang", cabang=r["kantor_cabang"]))]
        if not r["di_daftar"]:
            nama.append(dmc.Text(t("cabang_tidak_di_daftar_pendek", b), size="sm", c="dimmed"))
        sel = []
        for i, m in enumerate(KOLOM):
            warna = {"c": grafik.warna_capaian(r[m]), "fw": 600} if m == "capaian" and r[m] is not None else {}
            sel.append(dmc.TableTd(_sel(m, r[m], b), ta="right", **warna, **_lebar(i)))
        nomor = "-" if r["peringkat"] is None else str(r["peringkat"])
        rows.append(dmc.TableTr([dmc.TableTd(nomor), dmc.TableTd(nama)] + sel))
    tabel = dmc.Table(
        [head, dmc.TableTbody(rows)],
        fz={"base": "md", "sm": "lg"},
        striped=True,
        withTableBorder=True,
        id="cabang-peringkat",
    )
    return parts + [tabel]


def _lebar(i: int) -> dict:
    """A phone shows the first PONSEL measures; the others from Mantine's sm (576 px) up."""
    return {} if i < PONSEL else {"visibleFrom": "sm"}
