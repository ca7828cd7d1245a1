"""Downloads: /unduh/<jenis>.csv|xlsx?wilayah=..&snapshot=..&tingkat=..: every row, the same numbers
and filters as the page, made on the server by metrics.ekspor (jatuh_tempo: the place's participants
due at the end of the month, for branch accounts and admins); /unduh/kartu.png?wilayah=..: the
card to share, Ringkasan's headline as a square image (layouts/kartu_png.py). Every argument is checked there;
a bad one gets a 400 with the reason, never a partial file. A place or branch outside the
account's scope gets a 403 (the scope is enforced in metrics/). Every download is audited."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import time

from flask import Response, request, send_file

import settings
import warehouse
from jejak import audit
from layouts import kartu_png
from layouts.keadaan import bahasa_dari
from metrics import banding, ekspor, lingkup, periode, pertanyaan
from metrics.definisi import PertanyaanTidakSah, kutip
from server.tolak import tolak

GAGAL = ("Tidak bisa mengunduh", "Cannot download")

JENIS_MIME = {
    "csv": "text/csv",  # Flask adds "; charset=utf-8" to text types
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",  # the card to share only (KARTU)
}
KARTU = ("kartu", "png")  # the one image: Ringkasan's headline (layouts/kartu_png.py)


def unduh(jenis: str, akhiran: str) -> Response:
    bahasa = bahasa_dari(request.args)
    if akhiran not in JENIS_MIME or (akhiran == "png") != ((jenis, akhiran) == KARTU):
        salah = PertanyaanTidakSah(
            "format unduhan: csv atau xlsx (gambar ringkasan: kartu.png)",
            "download format: csv or xlsx (the headline image: kartu.png)",
        )
        return tolak(404, GAGAL, salah, bahasa)
    try:
        tanya = pertanyaan.dari_teks_ketat(request.args.to_dict())
        if (jenis, akhiran) == KARTU:
            return _kartu(tanya, bahasa)
        tingkat = request.args.get("tingkat") or tanya.tempat.tingkat
        dimensi = request.args.get("dimensi") or "segmen"
        excel_id = _excel_id(akhiran)
        lain = {k: request.args[k] for k in banding.KUNCI if k in request.args}  # a comparison's (jenis banding)
        nama = ekspor.nama_berkas(jenis, tingkat, tanya, akhiran, excel_id, lain)
        body, baris = _berkas(jenis, akhiran, tanya, tingkat, dimensi, excel_id, bahasa, lain)
    except lingkup.TanpaAkses as e:
        argumen = {kutip(k, 20): kutip(v) for k, v in list(request.args.items())[:20]}
        audit.catat(
            "unduh_ditolak",
            lingkup.aktif().nama,
            lingkup.aktif().label,
            jenis=kutip(jenis),
            argumen=argumen,
            alasan=str(e),
            alasan_en=e.teks("en"),  # the Data page shows the reader's language
        )
        return tolak(403, GAGAL, e, bahasa)
    except (PertanyaanTidakSah, periode.BelumAdaData) as e:
        return tolak(400, GAGAL, e, bahasa)
    # Flask writes the name as RFC 6266/5987 (an ASCII filename= and a UTF-8 filename*=), so a
    # branch named outside ASCII downloads under every server; audited once the file exists.
    response = send_file(body, mimetype=JENIS_MIME[akhiran], as_attachment=True, download_name=nama)
    response.headers["Cache-Control"] = "no-store"
    audit.catat("unduh", lingkup.aktif().nama, lingkup.aktif().label, berkas=nama, baris=baris)
    return response


def _kartu(tanya, bahasa: str) -> Response:
    """The card to share of the question (its place checked against the scope by cakupan, as every
    answer: lingkup.TanpaAkses is refused by the caller); made each time (about 0,1 s), never kept,
    audited like every file."""
    nama = ekspor.nama_berkas("kartu", tanya.tempat.tingkat, tanya, "png")
    body = kartu_png.png(kartu_png.isi(tanya, bahasa))
    response = send_file(io.BytesIO(body), mimetype=JENIS_MIME["png"], as_attachment=True, download_name=nama)
    response.headers["Cache-Control"] = "no-store"
    audit.catat("unduh", lingkup.aktif().nama, lingkup.aktif().label, berkas=nama, baris=1)
    return response


def _excel_id(akhiran: str) -> bool:
    """?excel=id: the CSV flavour for Excel set to Indonesian (data contract, section 4)."""
    nilai = request.args.get("excel", "")
    if nilai not in ("", "id") or (nilai and akhiran != "csv"):
        raise PertanyaanTidakSah(
            "excel=id hanya untuk unduhan .csv (untuk Excel berbahasa Indonesia)",
            "excel=id is for .csv downloads only (for Excel set to Indonesian)",
        )
    return nilai == "id"


SIMPAN_DETIK = 0.5  # files that took longer to make are kept for the next ask


def _berkas(jenis: str, akhiran: str, tanya, tingkat: str, dimensi: str, excel_id: bool, bahasa: str, lain: dict):
    """The export as (a file path or bytes, rows). A file that took long to make (the national
    kelurahan table, a workbook) is kept beside the served build and sent from disk the next time
    anyone with the same scope asks for it, from any worker; a new build starts with none
    (warehouse.SIDECARS). The key holds the asker's scope and the RW target. Rejected-row files are
    never kept: they depend on who asks. `lain`: a comparison's other date or places."""
    a = lingkup.aktif()
    kunci = repr(
        (jenis, akhiran, excel_id, bahasa if akhiran == "xlsx" else "", tingkat, dimensi, tanya, sorted(lain.items()))
        + (a.wilayah, a.kantor_cabang, a.admin, settings.rw_target())
    )
    folder = warehouse.current_path().with_suffix(".unduh")
    path = folder / f"{hashlib.sha256(kunci.encode()).hexdigest()[:32]}.{akhiran}"
    if path.exists():
        return path, int(path.with_suffix(".baris").read_text())
    mulai = time.perf_counter()
    header, rows = ekspor.isi_berkas(jenis, tanya, tingkat, dimensi, lain)
    if akhiran == "csv":
        body = ekspor.csv_teks(header, rows, excel_id).encode("utf-8")
    else:
        body = ekspor.xlsx_bytes(header, rows, bahasa=bahasa)
    # never kept: rejected rows depend on who asks; a follow-up list names participants (KPJ)
    if jenis not in ("ditolak", "jatuh_tempo") and time.perf_counter() - mulai >= SIMPAN_DETIK:
        folder.mkdir(exist_ok=True)
        # The row count first, then the file, each written whole under a name of this request's
        # own and renamed into place: a reader finds both, complete, or neither.
        _tulis_utuh(path.with_suffix(".baris"), str(len(rows)).encode())
        _tulis_utuh(path, body)
    return io.BytesIO(body), len(rows)


def _tulis_utuh(path, isi: bytes) -> None:
    sementara = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    sementara.write_bytes(isi)
    os.replace(sementara, path)


def pasang(server) -> None:
    """Register the download route on the Flask server."""
    server.add_url_rule("/unduh/<jenis>.<akhiran>", "unduh", unduh)
