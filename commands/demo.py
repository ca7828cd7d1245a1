"""The demo's actions and subscription: a few dated actions in Jakarta Timur and Jakarta Pusat and
the demo admin's weekly report, so the Aksi page, Ringkasan's numbered actions and the
subscriptions page show something on the first `make run` (issue 32, item 7).

Written through the public routes (metrics.aksi, metrics.langganan), checked as an official's
entry is. The warehouse is built by etl/demo.py, which may not import metrics (.importlinter):
app.py and `python -m etl demo` call isi() after it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os

from akses import pengguna
from metrics import aksi, langganan, lingkup

# The demo's snapshots are weekly, 2 January to 6 February 2024 (etl/demo.py). An effect is read
# with 2 weeks of data on each side (metrics/aksi.py: MINGGU_MIN), so a start from 16 to 29
# January is measured; 8 January has one week before (too few, said so); March is a plan.
# (wilayah, jenis, judul, mulai, selesai, catatan, orang, sumber_dana, rencana)
AKSI_DEMO = [
    ("31.75.01", "sosialisasi", "Sosialisasi BPU di kantor Kecamatan Matraman", dt.date(2024, 1, 8), None,
     "Bersama camat dan lurah se-Kecamatan Matraman.", None, None, False),
    ("31.75.02.1005", "jemput_bola", "Jemput bola pendaftaran BPU di Pasar Rawamangun", dt.date(2024, 1, 17),
     dt.date(2024, 1, 19), "Petugas KC Jakarta Rawamangun; pedagang pasar dan pengemudi ojol.", None, None, False),
    ("31.75", "instruksi", "Instruksi Wali Kota: Gerakan 1 RW 100 Peserta", dt.date(2024, 1, 22), None,
     "Setiap RW mendaftarkan paling sedikit 100 pekerja.", None, None, False),
    ("31.75.06", "sosialisasi", "Sosialisasi BPU bersama kader PKK se-Kecamatan Cakung", dt.date(2024, 1, 24),
     dt.date(2024, 1, 26), "", None, None, False),
    ("31.71.04", "jemput_bola", "Jemput bola di Pasar Senen", dt.date(2024, 1, 25), dt.date(2024, 1, 27),
     "Petugas KC Jakarta Salemba; pedagang dan buruh angkut.", None, None, False),
    ("31.75", "pendanaan", "Pendanaan 500 pekerja rentan (APBD)", dt.date(2024, 3, 1), dt.date(2024, 12, 31),
     "", 500, "APBD", True),
]  # fmt: skip
AKUN_DEMO = "admin"  # the first account (akses.pengguna.pertama_kali)
LANGGANAN_DEMO = ("31.75", "admin@cakupan.example")  # (place, address) of the admin's weekly report
# RFC 2606 reserves .example: no mail reaches it. The operator's domain rule (CAKUPAN_SUREL_DOMAIN)
# allows it only for this write; a delivery checks the rule again and skips the address.
DOMAIN_DEMO = "cakupan.example"


def isi() -> dict[str, int]:
    """Add the demo's actions and the admin's subscription that are not there yet (same place,
    title and start; same account and place), so a second call adds nothing. Recorded as the
    demo admin when that account exists, else as the operator (lingkup.NASIONAL), and then
    without the subscription (the next `make run`, which makes the account, adds it).
    Returns {"aksi": actions added, "langganan": subscriptions added}."""
    akun = pengguna.cari(AKUN_DEMO)
    akun = akun if akun is not None and akun.aktif and akun.admin and akun.wilayah == "ID" else None
    with langganan.sebagai(akun) if akun else lingkup.berlaku(lingkup.NASIONAL):
        ada = {(a.wilayah, a.judul, a.mulai) for a in aksi.daftar("ID")}
        baru = [a for a in AKSI_DEMO if (a[0], a[2], a[3]) not in ada]
        for wilayah, jenis, judul, mulai, selesai, catatan, orang, sumber_dana, rencana in baru:
            aksi.tambah(wilayah, jenis, judul, mulai, selesai, catatan, orang, sumber_dana, rencana=rencana)
        tambah_langganan = akun is not None and not any(
            lg.pengguna == AKUN_DEMO and lg.wilayah == LANGGANAN_DEMO[0] for lg in langganan.daftar()
        )
        if tambah_langganan:
            with _domain_demo():
                langganan.tambah(AKUN_DEMO, *LANGGANAN_DEMO)
    return {"aksi": len(baru), "langganan": int(tambah_langganan)}


@contextlib.contextmanager
def _domain_demo():
    """The allowed mail domains with the demo's reserved one added, for one write, then as before."""
    lama = os.environ.get("CAKUPAN_SUREL_DOMAIN")
    os.environ["CAKUPAN_SUREL_DOMAIN"] = ",".join(d for d in (lama, DOMAIN_DEMO) if d)
    try:
        yield
    finally:
        if lama is None:
            os.environ.pop("CAKUPAN_SUREL_DOMAIN", None)
        else:
            os.environ["CAKUPAN_SUREL_DOMAIN"] = lama
