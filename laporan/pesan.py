"""The email of one weekly report: a subject with the place and the date; a body with the
headline (peserta aktif, target, capaian, shortfall, change this week, the pace achieved against
the pace needed, and every caveat the page shows beside them) that a phone's mail app shows
without opening anything, as plain text and as simple HTML (the Jinja2 template
laporan/templates/surel.html, every value escaped); the review as a PDF attached
(layouts/tinjauan_pdf.py, tens of kilobytes); and a link to the same view on the dashboard
(written by layouts/keadaan.tautan, as the pages' links are). Built with the standard library's
email package.

    buat(tj, langganan, dari, alamat_web, kepada=None, message_id=None) -> email.message.EmailMessage
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from jinja2 import Environment, PackageLoader, select_autoescape

from layouts import format as fmt
from layouts import keadaan, tinjauan, tinjauan_pdf
from layouts.teks import pick
from metrics import cakupan, wilayah
from metrics.langganan import Langganan
from metrics.tinjauan import Tinjauan

TEMPLAT = Environment(loader=PackageLoader("laporan"), autoescape=select_autoescape(default=True))

KATA = {
    "subjek": ("Tinjauan Mingguan Cakupan", "Cakupan weekly review"),
    "data_per": ("data per", "data as of"),
    "aktif": ("Peserta aktif", "Active participants"),
    "target": ("Target", "Target"),
    "target_1rw100": ("Target 1 RW 100", "1 RW 100 target"),
    "target_turunan": ("Target turunan", "Derived target"),
    "capaian": ("Capaian", "Achievement"),
    "kekurangan": ("Kekurangan", "Shortfall"),
    "minggu_ini": ("Perubahan minggu ini", "Change this week"),
    "laju": ("Laju per minggu", "Weekly pace"),
    "dibutuhkan": ("dibutuhkan", "needed"),
    "tanpa_target": ("belum ada", "none yet"),
    "belum_laju": ("belum bisa diketahui (baru satu tanggal data)", "not known yet (one snapshot so far)"),
    "lampiran": (
        "Tinjauan lengkapnya ada di lampiran (PDF). Di dasbor:",
        "The full review is attached (PDF). On the dashboard:",
    ),
    "catatan": ("Catatan", "Notes"),
    "kenapa": (
        "Anda menerima surel ini karena berlangganan laporan mingguan Cakupan (langganan {id}, akun {akun}). "
        "Berhenti berlangganan: halaman Langganan di dasbor.",
        "You receive this because of a Cakupan weekly report subscription (subscription {id}, account {akun}). "
        "To stop it: the Langganan page on the dashboard.",
    ),
}


def _k(kunci: str, b: str) -> str:
    return pick(KATA[kunci], b)


def baris_utama(tj: Tinjauan, b: str) -> list[tuple[str, str]]:
    """The headline as (label, value) pairs, in the review's words and formats."""
    m = tj.angka
    target = _k({"1rw100": "target_1rw100", "turunan": "target_turunan"}.get(m["jenis_target"], "target"), b)
    baris = [
        (_k("aktif", b), fmt.angka(m["peserta_aktif"], b)),
        (target, fmt.angka(m["target_acuan"], b) if m["target_acuan"] is not None else _k("tanpa_target", b)),
        (_k("capaian", b), fmt.persen(m["capaian_acuan"], bahasa=b)),
        *([(_k("kekurangan", b), fmt.angka(m["kekurangan_acuan"], b))] if m["kekurangan_acuan"] is not None else []),
        (_k("minggu_ini", b), fmt.tanda(m["perubahan_minggu"], b) if m["perubahan_minggu"] is not None else "-"),
    ]
    if cakupan.vonis_laju(m) == "belum":
        baris.append((_k("laju", b), _k("belum_laju", b)))
    else:
        laju = f"{fmt.desimal(m['laju_4mg'], 1, b)} ({fmt.kata_laju(tj.periode, b)})"  # the weeks behind it
        if m["laju_dibutuhkan_acuan"] is not None:
            laju += f", {fmt.desimal(m['laju_dibutuhkan_acuan'], 1, b)} ({_k('dibutuhkan', b)})"
        baris.append((_k("laju", b), laju))
    return baris


def tautan(lg: Langganan, tj: Tinjauan, alamat_web: str) -> str:
    """The dashboard's view of the report: the place, the snapshot, the filters, the language, at
    `alamat_web` (settings.alamat_web: the address officials open, with no trailing '/')."""
    q = {"wilayah": tj.tempat.kode, "snapshot": tj.periode.tanggal.isoformat(), **lg.saringan}
    return keadaan.tautan(f"{alamat_web}/", {**q, "bahasa": None if lg.bahasa == "id" else lg.bahasa})


def subjek(tj: Tinjauan, b: str) -> str:
    return f"{_k('subjek', b)}: {wilayah.nama_lengkap(tj.tempat)}, {_k('data_per', b)} {fmt.tanggal(tj.periode.tanggal, b)}"


def buat(
    tj: Tinjauan,
    lg: Langganan,
    dari: str,
    alamat_web: str,
    kepada: list[str] | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """The message for subscription `lg` (its language and filters) of review `tj`, to `kepada`
    (default the subscription's addresses) with `message_id` (the delivery's stable id,
    isian.langganan.id_pesan; default a new one)."""
    b = lg.bahasa
    pesan = EmailMessage()
    pesan["Subject"] = subjek(tj, b)
    pesan["From"] = dari
    pesan["To"] = ", ".join(kepada or lg.kepada)
    pesan["Date"] = formatdate(localtime=False)
    pesan["Message-ID"] = message_id or make_msgid(domain=dari.rsplit("@", 1)[-1])
    pesan["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to this
    utama = baris_utama(tj, b)
    link = tautan(lg, tj, alamat_web)
    catatan = catatan_surel(tj, b)
    kenapa = _k("kenapa", b).format(id=lg.id, akun=lg.pengguna)
    teks = [wilayah.nama_lengkap(tj.tempat), f"{_k('data_per', b)} {fmt.tanggal(tj.periode.tanggal, b)}", ""]
    teks += [f"{label}: {nilai}" for label, nilai in utama]
    if catatan:
        teks += ["", f"{_k('catatan', b)}:", *(f"- {c}" for c in catatan)]
    teks += ["", _k("lampiran", b), link, "", kenapa]
    pesan.set_content("\n".join(teks) + "\n")
    pesan.add_alternative(_html(tj, utama, catatan, link, kenapa, b), subtype="html")
    nama = f"tinjauan_{tj.tempat.kode}_{tj.periode.tanggal.isoformat()}.pdf"
    pesan.add_attachment(tinjauan_pdf.pdf(tj, b), maintype="application", subtype="pdf", filename=nama)
    return pesan


def catatan_surel(tj: Tinjauan, b: str) -> list[str]:
    """The caveats beside the headline, the first slide's (layouts/tinjauan.catatan_utama: the
    target's kind, the weeks of data behind the pace, the filters...), and a place without a target
    said in words (the slide says it under the numbers)."""
    # a filter targets do not follow says so among the answer's notes already (metrics.cakupan)
    ada = tj.angka["target_acuan"] is not None or not tj.filt.target_berlaku
    tanpa = [] if ada else [fmt.catatan_target(tj.angka, b, tj.filt)]
    return tanpa + tinjauan.catatan_utama(tj, b)


def _html(tj: Tinjauan, utama, catatan: list[str], link: str, kenapa: str, b: str) -> str:
    """Simple HTML for a phone's mail app (templates/surel.html): one column, big numbers, no
    images, no scripts; Jinja2 escapes every value."""
    return TEMPLAT.get_template("surel.html").render(
        judul=wilayah.nama_lengkap(tj.tempat),
        data_per=_k("data_per", b),
        tanggal=fmt.tanggal(tj.periode.tanggal, b),
        utama=utama,
        judul_catatan=_k("catatan", b),
        catatan=catatan,
        lampiran=_k("lampiran", b),
        link=link,
        kenapa=kenapa,
    )
