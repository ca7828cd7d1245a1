"""The card to share (issue 35, item 5): one place's headline as a square PNG of SISI x SISI px,
for the chat groups officials pass figures around in. The numbers of Ringkasan's six cards (peserta
aktif, target, capaian, kekurangan, this week's change, the pace achieved and needed) from the same
question (metrics.cakupan.tabel_tempat with cakupan.KPI), in the same words, with the date, the
filters and the caveats the page shows beside them: what the target is (¹ the 1 RW 100 rule's,
² a derived one's origin, or why there is none) and the answer's notes (no earlier snapshot, too few
weeks for a 4-week pace, a filter without targets...).

Drawn with Pillow in DejaVu Sans, the font files matplotlib ships (as the review PDF:
layouts/tinjauan_pdf.py): nothing is fetched. Sized for a phone: shown 390 px wide the card is at
0,36 of its size, so no text is under HURUF_MIN px (11 px there) and a value is NILAI_MIN px or more
unless it is too wide for its tile. Caveats that do not fit are cut, and the card says where the
rest is (teks kartu_terpotong), never silently.

    isi(tanya, bahasa) -> Isi              the words and numbers, formatted (raises what cakupan raises)
    gambar(isi) -> (Image, [Tulisan])      the drawing and every text drawn with its box, in drawing order
    png(isi) -> bytes                      the PNG file
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from layouts import format as fmt
from layouts import grafik
from layouts.teks import pick, t
from layouts.tinjauan import kata_saringan
from layouts.tinjauan_pdf import BERKAS_HURUF, folder_huruf
from metrics import cakupan, wilayah
from metrics.pertanyaan import Pertanyaan

SISI = 1080  # px: the square WhatsApp and Telegram show whole, without cropping
TEPI = 44  # the margin around everything
JARAK = 14  # between tiles, and between the blocks
PAD = 16  # inside a tile or a box
HURUF_MIN = 30  # the smallest text, in px
NILAI_MAKS, NILAI_MIN, NILAI_SEMPIT = 80, 60, 44  # a value's size; SEMPIT only where a value is wider than its tile
BARIS = 1.22  # line height over type size
NILAI_BARIS = 1.1  # a value's line height over its size (digits, no descenders below the line)
PUTIH, HITAM, ABU, BIRU = "#ffffff", "#111111", "#444444", "#0b3d91"
MERAH, JINGGA, HIJAU = "#b00020", "#b34700", "#006b2d"  # the review's band colours (layouts/tinjauan.py)
BIRU_MUDA, PETAK, KUNING = "#d6e0f5", "#f1f3f5", "#fff4e0"


@dataclass(frozen=True)
class Petak:
    """A tile: what Ringkasan's card with the same `id` shows. `nilai`: (value, the word under it),
    one pair, or two for the pace (achieved, needed); `catatan` the line under them."""

    id: str
    label: str
    nilai: tuple[tuple[str, str], ...]
    catatan: str = ""
    warna: str = HITAM


@dataclass(frozen=True)
class Isi:
    """Everything the card says, formatted, in `bahasa`."""

    judul: str  # the place's full name (Pulo Gadung, Pulogadung)
    tanggal: str  # Data per 6 Februari 2024 · dibanding 30 Januari 2024
    saringan: str  # the filters in force, or 'semua peserta'
    petak: tuple[Petak, ...]
    catatan: tuple[str, ...]  # the caveats, as the page words them
    merek: str
    bahasa: str = "id"


@dataclass(frozen=True)
class Tulisan:
    """A text drawn: its words, its box on the card (left, top, right, bottom in px), its size in px."""

    teks: str
    kotak: tuple[int, int, int, int]
    ukuran: int


# --- what the card says ----------------------------------------------------------------------


def isi(tanya: Pertanyaan, bahasa: str = "id") -> Isi:
    """The card of a question (inside the asker's scope: cakupan checks it and raises
    lingkup.TanpaAkses; an RW with nothing to show raises cakupan.TanpaData)."""
    b, filt = bahasa, tanya.filt
    hasil = cakupan.tabel_tempat(tanya, cakupan.KPI)  # Ringkasan's own question
    m = hasil.baris[0]
    p = tanya.periode
    tanggal = f"{t('data_per', b)} {fmt.tanggal(p.tanggal, b)}"
    if p.sebelumnya:
        tanggal += f" · {t('dibanding', b)} {fmt.tanggal(p.sebelumnya, b)}"
    saringan = kata_saringan(tanya, b)  # reads only .filt, which a question has too
    return Isi(
        judul=wilayah.nama_lengkap(tanya.tempat),
        tanggal=tanggal,
        saringan=f"{t('filter', b)}: {saringan}" if saringan else t("semua_peserta", b).capitalize(),
        petak=_petak(m, tanya, b),
        catatan=tuple(_catatan(m, hasil.catatan, filt, b)),
        merek=f"Cakupan · {t('produk', b)}",
        bahasa=b,
    )


def _petak(m: dict, tanya: Pertanyaan, b: str) -> tuple[Petak, ...]:
    """Ringkasan's six cards (layouts/pages/ringkasan._kartu), their values and notes as it writes
    them; a target's long notes go to the caveats, marked as the tables mark them."""
    aktif, target, kurang = m["peserta_aktif"], m["target_acuan"], m["kekurangan_acuan"]
    aturan = m["jenis_target"] == "1rw100"
    tanda = grafik.TANDA_TARGET.get(m["jenis_target"], "") if target is not None else ""
    perubahan = fmt.rincian_perubahan(m, b) or ""
    return (
        Petak(
            "ringkasan-aktif",
            fmt.label("peserta_aktif", b),
            ((fmt.ringkas(aktif, b), ""),),
            fmt.penuh_di_depan(aktif, b)
            + f"{fmt.label('peserta_terdaftar', b).lower()} {fmt.angka(m['peserta_terdaftar'], b)}",
        ),
        Petak(
            "ringkasan-target",
            fmt.nama_target(m["jenis_target"], b) + tanda,
            ((fmt.ringkas(target, b), ""),),
            # the rule's and a derived one's words are long: the caveats say them, marked
            fmt.penuh_di_depan(target, b) + f"{t('target_tahun', b)} {tanya.tanggal.year}"
            if target and not aturan
            else "",
        ),
        Petak(
            "ringkasan-capaian",
            t("capaian_1rw100", b) if aturan else fmt.label("capaian", b),
            ((fmt.persen(m["capaian_acuan"], bahasa=b), ""),),
            fmt.cakupan_pekerja(m, b),
            grafik.warna_capaian(m["capaian_acuan"], (MERAH, JINGGA, HIJAU, HITAM)),
        ),
        Petak(
            "ringkasan-kekurangan",
            fmt.label("kekurangan", b),
            ((fmt.ringkas(kurang, b), ""),),
            t("sudah_tercapai", b) if kurang == 0 else fmt.penuh(kurang, b),
        ),
        Petak("ringkasan-perubahan", t("minggu_ini", b), ((fmt.tanda(m["perubahan_minggu"], b), ""),), perubahan),
        _laju(m, tanya, b),
    )


def _laju(m: dict, tanya: Pertanyaan, b: str) -> Petak:
    """The pace tile: achieved (named by the weeks of data behind it) and needed, and the verdict
    in the words of Ringkasan's pace card (cakupan.vonis_laju)."""
    nilai = [(fmt.laju(m["laju_4mg"], b), fmt.kata_laju(tanya.periode, b))]
    if m["laju_dibutuhkan_acuan"] is not None:
        nilai.append((fmt.laju(m["laju_dibutuhkan_acuan"], b), t("dibutuhkan", b)))
    vonis = cakupan.vonis_laju(m)
    if vonis == "belum":
        kata = t("laju_belum", b)
    elif vonis == "tanpa_target":
        kata = fmt.catatan_target(m, b, tanya.filt)
    elif vonis in ("sudah_tercapai", "tidak_tercapai"):
        kata = t(vonis, b)
    else:
        kata = f"{t('tercapai_pada', b)} {fmt.tanggal(m['perkiraan_tercapai_acuan'], b)}"
    tepat = m["tepat_waktu_acuan"]
    warna = HITAM if tepat is None or vonis == "belum" else (HIJAU if tepat else MERAH)
    return Petak("ringkasan-laju", t("laju", b), tuple(nilai), kata, warna)


def _catatan(m: dict, catatan: list[tuple[str, str]], filt, b: str) -> list[str]:
    """The caveats: what the target is (the rule's or a derived one's origin, marked ¹ and ² as the
    tables mark them; why there is none), then the answer's notes (metrics.cakupan._catatan). Under
    a filter that has no targets the answer's own note says why, so it is not said twice."""
    baris = []
    if m["target_acuan"] is not None:
        if kata := fmt.catatan_target(m, b):
            baris.append(f"{grafik.TANDA_TARGET.get(m['jenis_target'], '').strip()} {kata}".strip())
    elif filt.target_berlaku:
        baris.append(fmt.catatan_target(m, b, filt))
    return baris + [pick(c, b) for c in catatan]


# --- the drawing -------------------------------------------------------------------------------


WARNA_PNG = 64  # a palette this size keeps the type's smoothing: 30-40 KB, against 100 KB in RGB


def png(isi_: Isi) -> bytes:
    """The card as a PNG file of WARNA_PNG colours (about 0,15 s)."""
    kanvas, _ = gambar(isi_)
    keluar = io.BytesIO()
    kanvas.quantize(WARNA_PNG, method=Image.Quantize.MEDIANCUT).save(keluar, "PNG", optimize=True)
    return keluar.getvalue()


def gambar(isi_: Isi) -> tuple[Image.Image, list[Tulisan]]:
    """The card drawn: a blue band with the place, date and filters; three rows of two tiles; the
    caveats in a box at the foot. What does not fit at NILAI_MIN px values gives way in this order:
    the tiles' notes to one line, the caveats' last lines (cut with the words kartu_terpotong, never
    silently), the tiles' notes (Ringkasan has them all)."""
    kanvas = Image.new("RGB", (SISI, SISI), PUTIH)
    pena = _Pena(kanvas)
    lebar = SISI - 2 * TEPI
    kepala = _kepala(isi_, lebar - 2 * PAD)
    tinggi_kepala = TEPI + sum(h for _, _, _, h in kepala) + PAD
    kolom = (lebar - JARAK) // 2
    baris_catatan = [_bungkus(c, HURUF_MIN, False, lebar - 2 * PAD - 8) for c in isi_.catatan]
    semua = sum(len(x) for x in baris_catatan)
    for simpan, catatan_petak in _urutan_muat(semua):
        catatan = _potong_catatan(baris_catatan, simpan, isi_.bahasa, lebar - 2 * PAD - 8)
        tinggi_catatan = _tinggi_catatan(catatan)
        ruang = SISI - TEPI - tinggi_kepala - JARAK - (tinggi_catatan + JARAK if catatan else 0)
        ukuran = next(
            (u for u in range(NILAI_MAKS, NILAI_MIN - 1, -4) if _tinggi_petak(isi_, u, kolom, catatan_petak) <= ruang),
            None,
        )
        if ukuran is not None:
            break
    else:  # the band alone would leave no room: never with a name cut at two lines (tested)
        raise ValueError("kartu: kepala terlalu tinggi")
    pena.d.rectangle((0, 0, SISI, tinggi_kepala - PAD // 2), fill=BIRU)
    y = TEPI
    for teks, huruf, warna, h in kepala:
        pena.tulis(teks, TEPI + PAD, y, *huruf, warna)
        y += h
    y = tinggi_kepala + JARAK // 2
    tinggi_baris = _tinggi_baris(isi_, ukuran, kolom, catatan_petak)
    sisa = (ruang - sum(tinggi_baris) - 2 * JARAK) // 3  # the tiles share what the caveats leave
    for r in range(3):
        h = tinggi_baris[r] + sisa
        for c in range(2):
            p = isi_.petak[2 * r + c]
            _gambar_petak(pena, p, TEPI + c * (kolom + JARAK), y, kolom, h, ukuran, catatan_petak)
        y += h + JARAK
    if catatan:
        atas = SISI - TEPI - tinggi_catatan
        pena.d.rectangle((TEPI, atas, SISI - TEPI, SISI - TEPI), fill=KUNING)
        pena.d.rectangle((TEPI, atas, TEPI + 6, SISI - TEPI), fill=JINGGA)
        y = atas + PAD
        for paragraf in catatan:
            for baris in paragraf:
                pena.tulis(baris, TEPI + PAD + 8, y, HURUF_MIN, False, HITAM)
                y += _tinggi(HURUF_MIN)
            y += 6
    return kanvas, pena.tulisan


def _urutan_muat(semua: int) -> list[tuple[int, int]]:
    """(caveat lines kept, lines of a tile's note) to try, the fullest card first: every caveat with
    two-line notes, then one-line notes, then fewer caveat lines (the last one kept says where the
    rest is), and last the tiles without notes under the one line that says so."""
    kurang = [(s, 1) for s in range(semua - 1, 0, -1)]
    return [(semua, 2), (semua, 1), *kurang, (min(semua, 1), 0)]


def _kepala(isi_: Isi, lebar: int) -> list[tuple[str, tuple[int, bool], str, int]]:
    """The band's lines as (text, (size, bold), colour, height): brand, the place (bold, up to two
    lines, smaller before it is cut), the date, the filters (up to two lines)."""
    u_judul = next(u for u in (52, 44, 38) if u == 38 or len(_bungkus(isi_.judul, u, True, lebar)) <= 2)
    judul = _bungkus(isi_.judul, u_judul, True, lebar, 2)
    baris = [(isi_.merek, (HURUF_MIN, False), BIRU_MUDA, _tinggi(HURUF_MIN) + 4)]
    baris += [(x, (u_judul, True), PUTIH, _tinggi(u_judul)) for x in judul]
    baris += [(x, (32, False), PUTIH, _tinggi(32)) for x in _bungkus(isi_.tanggal, 32, False, lebar, 2)]
    baris += [
        (x, (HURUF_MIN, False), BIRU_MUDA, _tinggi(HURUF_MIN))
        for x in _bungkus(isi_.saringan, HURUF_MIN, False, lebar, 2)
    ]
    return baris


def _isi_petak(p: Petak, ukuran: int, kolom: int, catatan: int) -> tuple[list[str], int, list[list[str]], list[str]]:
    """A tile's lines at value size `ukuran`: its label (one line), the value size that fits its
    column, the words under each value (up to two lines, one without notes), and its note (up to
    `catatan` lines)."""
    dalam = kolom - 2 * PAD
    lebar_nilai = (dalam - JARAK * (len(p.nilai) - 1)) // len(p.nilai)
    u = ukuran
    while u > NILAI_SEMPIT and any(_huruf(u, True).getlength(v) > lebar_nilai for v, _ in p.nilai):
        u -= 2
    kata = [_bungkus(w, HURUF_MIN, False, lebar_nilai, max(1, catatan)) if w else [] for _, w in p.nilai]
    bawah = _bungkus(p.catatan, HURUF_MIN, False, dalam, catatan) if catatan else []
    return _bungkus(p.label, HURUF_MIN, True, dalam, 1), u, kata, bawah


def _tinggi_satu(p: Petak, ukuran: int, kolom: int, catatan_petak: int) -> int:
    label, u, kata, catatan = _isi_petak(p, ukuran, kolom, catatan_petak)
    bawah = max((len(k) for k in kata), default=0)
    return 2 * PAD + _tinggi(HURUF_MIN) + round(ukuran * NILAI_BARIS) + (bawah + len(catatan)) * _tinggi(HURUF_MIN)


def _tinggi_baris(isi_: Isi, ukuran: int, kolom: int, catatan: int) -> list[int]:
    return [max(_tinggi_satu(isi_.petak[2 * r + c], ukuran, kolom, catatan) for c in range(2)) for r in range(3)]


def _tinggi_petak(isi_: Isi, ukuran: int, kolom: int, catatan: int) -> int:
    return sum(_tinggi_baris(isi_, ukuran, kolom, catatan)) + 2 * JARAK


def _gambar_petak(
    pena: _Pena, p: Petak, x: int, y: int, lebar: int, tinggi: int, ukuran: int, catatan_petak: int
) -> None:
    label, u, kata, catatan = _isi_petak(p, ukuran, lebar, catatan_petak)
    pena.d.rounded_rectangle((x, y, x + lebar, y + tinggi), radius=14, fill=PETAK)
    x, y = x + PAD, y + PAD
    for baris in label:
        pena.tulis(baris, x, y, HURUF_MIN, True, ABU)
    y += _tinggi(HURUF_MIN)
    lebar_nilai = (lebar - 2 * PAD - JARAK * (len(p.nilai) - 1)) // len(p.nilai)
    for i, ((v, _), bawah) in enumerate(zip(p.nilai, kata, strict=True)):
        kiri = x + i * (lebar_nilai + JARAK)
        # the value sits on the line a full-size one would (a narrowed one lower, not higher)
        pena.tulis(v, kiri, y + round((ukuran - u) * 0.9), u, True, p.warna if i == 0 else HITAM)
        for j, baris in enumerate(bawah):
            pena.tulis(baris, kiri, y + round(ukuran * NILAI_BARIS) + j * _tinggi(HURUF_MIN), HURUF_MIN, False, ABU)
    y += round(ukuran * NILAI_BARIS) + max((len(k) for k in kata), default=0) * _tinggi(HURUF_MIN)
    for baris in catatan:
        pena.tulis(baris, x, y, HURUF_MIN, False, p.warna if p.warna != HITAM and p.id == "ringkasan-laju" else ABU)
        y += _tinggi(HURUF_MIN)


def _potong_catatan(paragraf: list[list[str]], simpan: int, bahasa: str, lebar: int) -> list[list[str]]:
    """The caveats' first `simpan` lines; when some are left out, the last kept line is followed by
    where the rest is (teks kartu_terpotong), so a cut never passes silently."""
    semua = sum(len(p) for p in paragraf)
    if simpan >= semua:
        return paragraf
    if simpan == 0:
        return []
    keluar, sisa = [], simpan - 1  # one line for the words that say the rest is elsewhere
    for p in paragraf:
        if sisa <= 0:
            break
        keluar.append(p[:sisa])
        sisa -= len(keluar[-1])
    return keluar + [[_pas(t("kartu_terpotong", bahasa), HURUF_MIN, False, lebar)]]


def _tinggi_catatan(paragraf: list[list[str]]) -> int:
    return 2 * PAD + sum(len(p) for p in paragraf) * _tinggi(HURUF_MIN) + 6 * max(0, len(paragraf) - 1)


def _tinggi(ukuran: int) -> int:
    return round(ukuran * BARIS)


@functools.lru_cache(maxsize=32)
def _huruf(ukuran: int, tebal: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(folder_huruf() / BERKAS_HURUF["B" if tebal else ""]), ukuran)


def _bungkus(teks: str, ukuran: int, tebal: bool, lebar: int, maks: int | None = None) -> list[str]:
    """`teks` in lines no wider than `lebar` px (a word wider than a line is broken); past `maks`
    lines the last kept one ends in '…'."""
    huruf, baris, kini = _huruf(ukuran, tebal), [], ""
    for kata in teks.split():
        coba = f"{kini} {kata}".strip()
        if huruf.getlength(coba) <= lebar:
            kini = coba
            continue
        if kini:
            baris.append(kini)
        while huruf.getlength(kata) > lebar:
            n = max(1, max(i for i in range(1, len(kata) + 1) if huruf.getlength(kata[:i]) <= lebar or i == 1))
            baris.append(kata[:n])
            kata = kata[n:]
        kini = kata
    if kini:
        baris.append(kini)
    if maks is not None and len(baris) > maks >= 1:
        baris = baris[: maks - 1] + [_pas(baris[maks - 1] + " " + baris[maks] + "…", ukuran, tebal, lebar)]
    return baris


def _pas(teks: str, ukuran: int, tebal: bool, lebar: int) -> str:
    """`teks` cut to `lebar` px, ending in '…' when cut."""
    huruf = _huruf(ukuran, tebal)
    if huruf.getlength(teks) <= lebar:
        return teks
    while teks and huruf.getlength(teks.rstrip(" …") + "…") > lebar:
        teks = teks[:-1]
    return teks.rstrip(" …") + "…"


class _Pena:
    """Draws text on the card and keeps what it drew (Tulisan), for the tests to read back."""

    def __init__(self, kanvas: Image.Image):
        self.d = ImageDraw.Draw(kanvas)
        self.tulisan: list[Tulisan] = []

    def tulis(self, teks: str, x: int, y: int, ukuran: int, tebal: bool, warna: str) -> None:
        huruf = _huruf(ukuran, tebal)
        self.d.text((x, y), teks, font=huruf, fill=warna)
        self.tulisan.append(Tulisan(teks, tuple(round(v) for v in self.d.textbbox((x, y), teks, font=huruf)), ukuran))
