"""Delivering the weekly reports: each active subscription gets the report of the served
warehouse's newest snapshot once (metrics.langganan.klaim), built in the subscribing account's
own scope (an account disabled, or a place no longer in its scope, is skipped and recorded),
and sent over SMTP with STARTTLS, TLS or neither and a login (settings.smtp; the standard
library's smtplib). A refused or failed send is recorded with its reason and tried again by a
later run (isian.langganan.jeda); nothing else waits on mail: a load has switched and is served
before this runs, and its exit code does not depend on it.

Issue 31: each address gets one place's, filters', language's and snapshot's report once, whatever
the subscriptions (metrics.langganan.ambil_alamat), with a Message-ID derived from the delivery's
key (id_pesan); only addresses in the allowed domains (settings.surel_domain) are mailed, here
as at subscribing (a setting narrowed since); a delivery a dead run left half-done is marked
'mungkin' at the next run (tandai_mungkin) and sent again only when an admin asks (minta_ulang).

    jalankan(sekarang=None) -> {"tanggal", "terkirim", "gagal", "dilewati", "menunggu", "sudah",
                                "mungkin", "galat"}

Run after every roster load (commands/etl.py) and by `python -m metrics kirim` from cron or a
systemd timer (README), which also retries what failed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import smtplib
import socket
import ssl
from contextlib import contextmanager

import settings
import warehouse
from akses import pengguna as akun_mod
from jejak import audit
from laporan import pesan
from metrics import langganan, lingkup, periode
from metrics import tinjauan as tinjauan_mod
from metrics.definisi import PertanyaanTidakSah

BATAS_UKURAN = 1_000_000  # bytes: a message with its attachment stays under a megabyte


class GalatSurel(Exception):
    """The mail server could not be reached or refused the message; the text says which."""


def jalankan(sekarang: dt.datetime | None = None) -> dict:
    """Send each subscription's report of the newest snapshot that has not gone yet (and retry
    failed ones whose wait is over). Returns the counts of this run; 'galat' names why mail is
    not configured or the server was unreachable (then every due report waits for the next run)."""
    sekarang = sekarang or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    hasil = {
        "tanggal": None, "terkirim": 0, "gagal": 0, "dilewati": 0, "menunggu": 0, "sudah": 0, "mungkin": 0, "galat": None,
    }  # fmt: skip
    if warehouse.current_path() is None:
        hasil["galat"] = f"belum ada data di {warehouse.builds_dir()} (CAKUPAN_DATA_DIR benar?)"
        return hasil
    with lingkup.berlaku(lingkup.NASIONAL):
        snapshot = periode.daftar()
    if not snapshot:
        hasil["galat"] = f"belum ada data di {warehouse.builds_dir()} (CAKUPAN_DATA_DIR benar?)"
        return hasil
    tanggal = max(snapshot)
    hasil["tanggal"] = tanggal
    try:
        smtp = settings.smtp()
    except ValueError as e:
        smtp, hasil["galat"] = None, str(e)
    with _sendiri():
        hasil["mungkin"] = langganan.tandai_mungkin(sekarang)  # a dead run's half-done deliveries
        koneksi = None
        aktif = {lg.id: lg for lg in langganan.untuk_dikirim()}
        ulang = [(aktif[n], t) for n, t in langganan.diminta_ulang() if n in aktif and t != tanggal]
        try:
            for lg, tgl in [*ulang, *((lg, tanggal) for lg in aktif.values())]:  # an older one an admin asked for too
                status = _satu(lg, tgl, sekarang, smtp, koneksi, hasil["galat"])
                if status == "sambung":  # first report due: connect now, once for the run
                    try:
                        koneksi = _sambung(smtp)
                    except GalatSurel as e:
                        hasil["galat"] = str(e)
                        smtp = None  # the server is down: the rest wait for the next run
                    status = _satu(lg, tgl, sekarang, smtp, koneksi, hasil["galat"])
                hasil[status] += 1
            if hasil["menunggu"] and not hasil["galat"]:
                hasil["galat"] = "CAKUPAN_SMTP_HOST belum diatur (README, 'Laporan lewat surel')"
        finally:
            if koneksi is not None:
                try:
                    koneksi.quit()
                except (smtplib.SMTPException, OSError):
                    pass
    if hasil["terkirim"] or hasil["gagal"]:
        audit.catat(
            "laporan_kirim",
            "operator",
            "ID",
            tanggal_data=tanggal,
            **{k: hasil[k] for k in ("terkirim", "gagal", "dilewati")},
        )
    return hasil


def kalimat(hasil: dict) -> str:
    """A run in words, for the command lines."""
    if hasil["tanggal"] is None:
        return f"Laporan mingguan: {hasil['galat'] or 'belum ada data.'}"
    teks = (
        f"Laporan mingguan data per {hasil['tanggal'].isoformat()}: {hasil['terkirim']} terkirim, "
        f"{hasil['gagal']} gagal (dicoba lagi nanti), {hasil['dilewati']} dilewati, {hasil['menunggu']} menunggu, "
        f"{hasil['sudah']} sudah terkirim atau menunggu jeda"
    )
    teks += f". Surel belum bisa dikirim: {hasil['galat']}" if hasil["galat"] else "."
    if hasil.get("mungkin"):
        teks += (
            f" {hasil['mungkin']} kiriman terputus di tengah jalan (mungkin belum sampai): tidak dikirim lagi "
            "kecuali admin memintanya (halaman Data, atau python -m metrics kirim --ulang NOMOR_LANGGANAN)."
        )
    if hasil["terkirim"] and not os.environ.get("CAKUPAN_ALAMAT_WEB"):
        teks += f" CAKUPAN_ALAMAT_WEB belum diatur: tautan di surel memakai {settings.alamat_web()}."
    return teks


def _satu(lg, tanggal: dt.date, sekarang: dt.datetime, smtp, koneksi, alasan: str | None = None) -> str:
    """One subscription's report of `tanggal`: 'terkirim', 'gagal', 'dilewati', 'sudah' (sent
    already, being sent, or a failed one's wait not over), 'menunggu' (due, no mail server), or
    'sambung' (due, and no connection yet)."""
    akun = akun_mod.cari(lg.pengguna)
    if akun is None or not akun.aktif:
        langganan.lewati(lg.id, tanggal, sekarang, "akun tidak aktif")
        return "dilewati"
    with langganan.sebagai(akun):
        if not lingkup.aktif().memuat(lg.wilayah):  # the scope changed since it was made
            langganan.lewati(lg.id, tanggal, sekarang, "wilayah di luar lingkup akun")
            return "dilewati"
    boleh = [a for a in lg.kepada if langganan.domain_boleh(a)]  # the setting may have narrowed since
    if not boleh:
        langganan.lewati(lg.id, tanggal, sekarang, "semua alamat di luar domain yang diizinkan")
        return "dilewati"
    langganan.gantikan(lg.id, tanggal, sekarang)  # older reports not sent: this one goes instead
    if not langganan.jatuh_tempo(lg.id, tanggal, sekarang):
        return "sudah"
    if smtp is None:
        langganan.menunggu(lg.id, tanggal, sekarang, alasan or "surel belum diatur (CAKUPAN_SMTP_HOST)")
        return "menunggu"
    if koneksi is None:
        return "sambung"
    if not langganan.klaim(lg.id, tanggal, sekarang):
        return "sudah"
    kunci, kepada = langganan.kunci_kiriman(lg, akun.kantor_cabang, tanggal), []
    luar = [a for a in lg.kepada if a not in boleh]
    try:
        with langganan.sebagai(akun):
            tj = tinjauan_mod.tinjauan(langganan.pertanyaan_dari(lg, tanggal))
            kepada, mid = langganan.ambil_alamat(kunci, lg.id, tanggal, boleh, sekarang, smtp.dari.rsplit("@", 1)[-1])
            if not kepada:  # every address had this report through another subscription
                langganan.selesai(lg.id, tanggal, sekarang, None, None, "sudah diterima lewat langganan lain")
                return "sudah"
            surel = pesan.buat(tj, lg, smtp.dari, settings.alamat_web(), kepada, mid)
        data = surel.as_bytes()
        if len(data) > BATAS_UKURAN:
            raise GalatSurel(f"surel {len(data)} byte, lebih dari {BATAS_UKURAN}")
        ditolak = koneksi.send_message(surel)
        langganan.alamat_selesai(kunci, kepada, True, ditolak)
        catatan = "; ".join(  # the others got it: sent, with who did not
            [
                *(["alamat ditolak: " + ", ".join(f"{a} ({k})" for a, (k, _) in ditolak.items())] if ditolak else []),
                *([f"{len(luar)} alamat di luar domain yang diizinkan"] if luar else []),
            ]
        )
        langganan.selesai(lg.id, tanggal, sekarang, None, len(data), catatan or None)
        if ditolak:
            audit.catat("laporan_sebagian", "operator", "ID", id=lg.id, ditolak=len(ditolak))
        return "terkirim"
    except (lingkup.TanpaAkses, PertanyaanTidakSah) as e:  # the place or a filter is no longer valid
        langganan.alamat_selesai(kunci, kepada, False)
        langganan.selesai(lg.id, tanggal, sekarang, f"langganan tidak sah lagi: {e}")
        return "gagal"
    except (smtplib.SMTPException, OSError, GalatSurel) as e:
        langganan.alamat_selesai(kunci, kepada, False)  # refused: a later try sends them
        langganan.selesai(lg.id, tanggal, sekarang, _kata(e))
        return "gagal"


def _sambung(smtp: settings.Smtp) -> smtplib.SMTP:
    """A logged-in connection to the mail server; GalatSurel with the reason when there is none."""
    konteks = ssl.create_default_context(cafile=smtp.ca)
    try:
        if smtp.keamanan == "tls":
            koneksi = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=konteks)
        else:
            koneksi = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
            if smtp.keamanan == "starttls":
                koneksi.starttls(context=konteks)
        if smtp.pengguna:
            koneksi.login(smtp.pengguna, smtp.sandi or "")
        return koneksi
    except (smtplib.SMTPException, OSError, ssl.SSLError) as e:
        raise GalatSurel(f"server surel {smtp.host}:{smtp.port}: {_kata(e)}") from None


def _kata(e: Exception) -> str:
    """A send's failure in a line: the server's code and words, or the network's."""
    if isinstance(e, smtplib.SMTPResponseException):
        teks = e.smtp_error.decode("utf-8", "replace") if isinstance(e.smtp_error, bytes) else str(e.smtp_error)
        return f"{e.smtp_code} {teks}"[:300]
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        return "semua alamat ditolak: " + ", ".join(f"{a} ({k})" for a, (k, _) in e.recipients.items())[:280]
    if isinstance(e, socket.timeout):
        return "waktu habis menunggu server surel"
    return f"{type(e).__name__}: {e}"[:300]


@contextmanager
def _sendiri():
    """One delivery run at a time on this machine (the load's and the timer's may meet)."""
    with open(warehouse.builds_dir() / "kirim.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
