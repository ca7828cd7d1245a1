"""A comparison (metrics/banding.py) as texts: its rows, headings and sentences, every value
already formatted. The Bandingkan page and the review's slide draw the same rows, and the
download holds the same rows as numbers (metrics/ekspor.py, jenis 'banding')."""

from __future__ import annotations

from layouts import format as fmt
from layouts import grafik
from layouts.teks import pick, t
from metrics import wilayah
from metrics.banding import UKURAN, Banding, Sisi

SLIDE = ["peserta_aktif", "target_acuan", "capaian_acuan", "kekurangan_acuan"]  # a 1760 px slide's columns, names whole


def nama_sisi(bd: Banding, s: Sisi, b: str) -> str:
    """What heads a side's row: its date (two snapshots of one place) or its place."""
    if bd.jenis == "tanggal":
        return fmt.tanggal(s.tanya.tanggal, b)
    return wilayah.nama_lengkap(s.tanya.tempat)  # 'Pulo Gadung, Pulogadung': a kelurahan with its kecamatan


def _pendek(bd: Banding, s: Sisi, b: str) -> str:
    """A side in a difference's heading: '6 Feb 2024', or the place's name."""
    return fmt.tanggal_pendek(s.tanya.tanggal, b) if bd.jenis == "tanggal" else nama_sisi(bd, s, b)


def nilai(metrik: str, m: dict, b: str) -> str:
    """A side's value; a target that is not the place's own carries its mark (¹ 1 RW 100, ² derived)."""
    teks = fmt.nilai(metrik, m[metrik], b)
    if metrik == "target_acuan" and m[metrik] is not None:
        teks += grafik.TANDA_TARGET.get(m.get("jenis_target"), "")
    return teks


def selisih(metrik: str, v, b: str) -> str:
    """A difference with its sign: persons '+3', '-10'; capaian in percentage points '+15,0 poin';
    a pace '-0,5 / minggu'; '-' where either side has no value."""
    if v is None:
        return "-"
    if metrik.startswith("capaian"):
        return _bertanda(v * 100, b) + f" {t('banding_poin', b)}"
    if metrik == "laju_4mg":
        return _bertanda(v, b) + t("garis_per_minggu", b)
    return fmt.tanda(v, b)


def _bertanda(v: float, b: str) -> str:
    """One decimal with a sign; 0 is '0,0', with none."""
    if round(v, 1) == 0:
        return fmt.desimal(0.0, 1, b)
    return ("+" if v > 0 else "") + fmt.desimal(v, 1, b)


def kepala(kolom: list[str], b: str) -> list[str]:
    """The table's headings after the first column: each measure's plain label."""
    return [fmt.label(m, b) for m in kolom]


def baris(bd: Banding, b: str, kolom: list[str] = UKURAN, pendek: bool = False) -> list[dict]:
    """The rows, in the download's order: each side's values, and under every side after the first
    its difference from the first: [{'jenis': 'nilai' | 'selisih', 'nama', 'sel': [texts]}].
    `pendek`: a difference row headed 'Selisih' alone (a slide: the sentence under it says from what)."""
    out = []
    for i, s in enumerate(bd.sisi):
        out.append({"jenis": "nilai", "nama": nama_sisi(bd, s, b), "sel": [nilai(m, s.angka, b) for m in kolom]})
        if i:
            nama = t("banding_selisih", b).format(baru=_pendek(bd, s, b), lama=_pendek(bd, bd.acuan, b))
            nama = t("banding_selisih_pendek", b) if pendek else nama
            out.append({"jenis": "selisih", "nama": nama, "sel": [selisih(m, bd.selisih[i - 1][m], b) for m in kolom]})
    return out


def judul(bd: Banding, b: str) -> str:
    """'Pulo Gadung: 9 Januari 2024 dan 6 Februari 2024', or 'Berdampingan per 6 Februari 2024'."""
    if bd.jenis == "tanggal":
        lama, baru = bd.sisi
        return t("banding_judul_tanggal", b).format(
            tempat=wilayah.nama_lengkap(bd.tanya.tempat),
            dulu=fmt.tanggal(lama.tanya.tanggal, b),
            kini=fmt.tanggal(baru.tanya.tanggal, b),
        )
    return t("banding_judul_wilayah", b).format(tanggal=fmt.tanggal(bd.tanya.tanggal, b))


def judul_pendek(bd: Banding, b: str) -> str:
    """A slide's title (its footer names the place): 'Perbandingan: 9 Jan 2024 dan 6 Feb 2024'."""
    if bd.jenis == "tanggal":
        lama, baru = (fmt.tanggal_pendek(s.tanya.tanggal, b) for s in bd.sisi)
        return f"{t('banding_slide', b)}: {lama} {t('dan', b)} {baru}"
    return f"{t('banding_slide', b)}: {t('banding_mode_wilayah', b).lower()}"


def penjelasan(bd: Banding, b: str) -> str:
    """What the differences mean, under the title."""
    if bd.jenis == "tanggal":
        return t("banding_isi_tanggal", b)
    return t("banding_isi_wilayah", b).format(acuan=nama_sisi(bd, bd.acuan, b))


def kalimat(bd: Banding, b: str) -> list[str]:
    """The comparison in an official's words: what moved from the older date to the newer, or
    where each place stands against the first; capaian and kekurangan only where there is a target."""
    if bd.jenis == "tanggal":
        (lama, baru), (d,) = bd.sisi, bd.selisih
        a, z = lama.angka, baru.angka
        teks = t("banding_kalimat_tanggal", b).format(
            dulu=fmt.tanggal(lama.tanya.tanggal, b),
            kini=fmt.tanggal(baru.tanya.tanggal, b),
            a_dulu=fmt.angka(a["peserta_aktif"], b),
            a_kini=fmt.angka(z["peserta_aktif"], b),
            a_beda=selisih("peserta_aktif", d["peserta_aktif"], b),
        )
        if d["capaian_acuan"] is not None:
            teks += t("banding_kalimat_capaian_tanggal", b).format(
                c_dulu=fmt.persen(a["capaian_acuan"], bahasa=b),
                c_kini=fmt.persen(z["capaian_acuan"], bahasa=b),
                c_beda=selisih("capaian_acuan", d["capaian_acuan"], b),
                k_dulu=fmt.angka(a["kekurangan_acuan"], b),
                k_kini=fmt.angka(z["kekurangan_acuan"], b),
            )
        return [teks + "."]
    acuan = nama_sisi(bd, bd.acuan, b)
    out = []
    for s, d in zip(bd.sisi[1:], bd.selisih, strict=True):
        teks = t("banding_kalimat_wilayah", b).format(
            nama=nama_sisi(bd, s, b),
            aktif=fmt.angka(s.angka["peserta_aktif"], b),
            a_beda=selisih("peserta_aktif", d["peserta_aktif"], b),
            acuan=acuan,
        )
        if s.angka["capaian_acuan"] is not None:
            teks += t("banding_kalimat_capaian_wilayah", b).format(
                capaian=fmt.persen(s.angka["capaian_acuan"], bahasa=b),
                c_beda=selisih("capaian_acuan", d["capaian_acuan"], b),
            )
        out.append(teks + ".")
    return out


def galat(e, b: str) -> str:
    """A refusal the page shows above the comparison: a place outside the scope by its name."""
    if getattr(e, "kunci", None) != "wilayah":
        return e.teks(b)
    minta = wilayah.nama_lengkap(e.diminta) if isinstance(e.diminta, wilayah.Tempat) else e.diminta
    return t("banding_luar", b).format(minta=minta, tampil=wilayah.nama_lengkap(e.ditampilkan))


def tanda_target(bd: Banding, b: str) -> list[str]:
    """What the marks in the target column mean, for the marks used (¹ 1 RW 100, ² derived)."""
    jenis = {s.angka.get("jenis_target") for s in bd.sisi}
    return [t(kunci, b) for j, kunci in (("1rw100", "tanda_1rw100"), ("turunan", "tanda_turunan")) if j in jenis]


def catatan(bd: Banding, b: str) -> list[str]:
    """The notes a reader must see: those of every side once, then a side's own named by it
    ('9 Januari 2024: Laju dihitung dari 1 minggu data ...')."""
    out = [pick(c, b) for c in bd.catatan]
    for s in bd.sisi:
        out += [f"{nama_sisi(bd, s, b)}: {pick(c, b)}" for c in s.catatan if c not in bd.catatan]
    return out
