"""Subscriptions to the weekly report (issue 20), checked as a question is: the place and the
filters must make a question the subscribing account may ask (its own scope, not the scope of
whoever sets it up), and only the account itself or an admin whose scope holds the account's
may add or end one. Stored by isian/langganan.py; delivered by laporan/kirim.py.

The one route to that store (.importlinter, contract isian): pages, the mailer and the command
lines import this module, never the store. The mailer's bookkeeping of deliveries (klaim, selesai,
lewati, ...; isian/langganan.py says what each does) is re-exported unchanged: the mailer acts for
the operator and checks each account's scope itself (sebagai), so there is nothing to add here.
"""

from __future__ import annotations

from akses import pengguna as akun_mod
from isian import langganan as simpanan
from isian.langganan import (
    GalatLangganan,
    Langganan,
    alamat_selesai,
    ambil_alamat,
    diminta_ulang,
    domain_boleh,
    gantikan,
    jatuh_tempo,
    klaim,
    kunci_kiriman,
    lewati,
    menunggu,
    selesai,
    tandai_mungkin,
    terakhir,
)
from metrics import lingkup, pertanyaan
from metrics.definisi import SARINGAN, PertanyaanTidakSah

KUNCI_SARINGAN = tuple(s.kunci for s in SARINGAN)  # segmen, program, sumber, rentan, cabang


def lingkup_akun(akun: akun_mod.Pengguna) -> lingkup.Lingkup:
    """The scope an account's questions are asked in (as its login would set it)."""
    return lingkup.Lingkup(wilayah=akun.wilayah, kantor_cabang=akun.kantor_cabang, admin=akun.admin, nama=akun.nama)


def sebagai(akun: akun_mod.Pengguna):
    """Ask questions in an account's scope for the block (a delivery, a check), then restore."""
    return lingkup.berlaku(lingkup_akun(akun))


def pertanyaan_dari(lg: Langganan, tanggal=None) -> pertanyaan.Pertanyaan:
    """The question a subscription asks (of the newest snapshot, or `tanggal`), in the active scope.
    Raises lingkup.TanpaAkses (outside the scope) or PertanyaanTidakSah."""
    teks = {"wilayah": lg.wilayah, **lg.saringan}
    if tanggal is not None:
        teks["snapshot"] = tanggal.isoformat()
    return pertanyaan.dari_teks_ketat(teks)


def _boleh_mengatur(nama_akun: str) -> akun_mod.Pengguna:
    """The account named, if the one asking may manage its subscriptions: itself, or an admin
    whose scope holds the account's place (and branch). Raises GalatLangganan otherwise."""
    saya = lingkup.aktif()
    akun = akun_mod.cari(nama_akun)
    if akun is None or not akun.aktif:
        raise GalatLangganan(
            f"Akun {nama_akun} tidak ada atau tidak aktif.", f"Account {nama_akun} does not exist or is disabled."
        )
    if akun.nama == saya.nama:
        return akun
    if saya.admin and saya.memuat(akun.wilayah) and saya.kantor_cabang in (None, akun.kantor_cabang):
        return akun
    raise lingkup.TanpaAkses(
        f"Langganan akun {akun.nama} hanya bisa diatur akun itu sendiri atau admin lingkupnya.",
        f"Account {akun.nama}'s subscriptions are managed by itself or an admin of its scope.",
    )


def tambah(nama_akun: str, wilayah: str, kepada, saringan: dict | None = None, bahasa: str = "id") -> int:
    """Subscribe account `nama_akun` to the weekly report of `wilayah` with `saringan` (the URL's
    filter texts), in `bahasa`, to the addresses `kepada` (text or list). Checked in that account's
    scope: raises lingkup.TanpaAkses (place or branch outside it, or the asker may not manage the
    account), PertanyaanTidakSah (an unknown place or filter value) or GalatLangganan (addresses).
    Returns the subscription's id. A refusal of scope is audited with the place
    (lingkup.catat_tolak, issue 31); the place is then checked in the asker's scope too, by the
    rule of every write (lingkup.periksa_tulis): a branch account subscribes itself, to its own
    branch's numbers, which is no write on a place."""
    saya = lingkup.aktif()
    try:
        akun = _boleh_mengatur(nama_akun)
        saringan = {k: str(v) for k, v in (saringan or {}).items() if k in KUNCI_SARINGAN and v not in (None, "")}
        calon = Langganan(0, akun.nama, (wilayah or "ID").strip(), saringan, bahasa, (), True, "", saya.nama)
        with sebagai(akun):
            q = pertanyaan_dari(calon)  # the account's own scope decides
    except lingkup.TanpaAkses as e:
        lingkup.catat_tolak("langganan_tambah", wilayah, e, pengguna=str(nama_akun)[:40])
        raise
    lingkup.periksa_tulis(q.tempat.kode, "langganan_tambah", pengguna=akun.nama)
    saringan = {k: v for k, v in saringan.items() if not (k == "cabang" and akun.kantor_cabang)}  # forced anyway
    return simpanan.tambah(akun.nama, q.tempat.kode, kepada, saringan, bahasa, saya.nama, saya.label)


def daftar() -> list[Langganan]:
    """The active subscriptions the asker may see: its own, and for an admin those of the
    accounts inside its scope."""
    saya = lingkup.aktif()
    akun = {a.nama: a for a in akun_mod.daftar()} if saya.admin else {}  # one read, not one per subscription
    return [
        lg
        for lg in simpanan.daftar()
        if lg.pengguna == saya.nama
        or (
            (a := akun.get(lg.pengguna)) is not None
            and saya.memuat(a.wilayah)
            and saya.kantor_cabang in (None, a.kantor_cabang)
        )
    ]


def untuk_dikirim() -> list[Langganan]:
    """Every active subscription, whoever asks: the mailer's list (laporan/kirim.py), which checks
    each one in its own account's scope before it builds the report."""
    return simpanan.daftar()


def kiriman(batas: int = 200) -> list[dict]:
    """The deliveries of the subscriptions the asker may see (isian.langganan.riwayat_kiriman's
    rows), failed ones first: the Data page's list."""
    boleh = {lg.id for lg in daftar()}
    return [k for k in simpanan.riwayat_kiriman(batas * 4) if k["langganan_id"] in boleh][:batas]


def hapus(nomor: int) -> None:
    """End a subscription the asker may manage (the account's, not the place's: an account whose
    scope moved still stops its old ones). Raises GalatLangganan or lingkup.TanpaAkses; a refusal
    is audited with the subscription's place (lingkup.catat_tolak, issue 31)."""
    lg = simpanan.ambil(nomor)
    if lg is None or not lg.aktif:
        raise GalatLangganan(
            f"Langganan {nomor} tidak ada atau sudah dihentikan.",
            f"Subscription {nomor} does not exist or was stopped.",
        )
    try:
        _boleh_mengatur(lg.pengguna)
    except lingkup.TanpaAkses as e:
        lingkup.catat_tolak("langganan_hapus", lg.wilayah, e, id=nomor, pengguna=lg.pengguna)
        raise
    saya = lingkup.aktif()
    simpanan.hapus(nomor, saya.nama, saya.label)


def kirim_ulang(nomor: int) -> str:
    """An admin asks for subscription `nomor`'s delivery that may not have arrived ('mungkin') to be
    sent again (isian.langganan.minta_ulang: the next run sends it with the same Message-ID).
    Only an admin who may manage the subscription's account (issue 31: a resend is a write,
    audited as laporan_kirim_ulang). Returns the snapshot date; raises GalatLangganan or
    lingkup.TanpaAkses (audited with the place)."""
    saya = lingkup.aktif()
    lg = simpanan.ambil(nomor)
    if lg is None:
        raise GalatLangganan(f"Langganan {nomor} tidak ada.", f"Subscription {nomor} does not exist.")
    try:
        if not saya.admin:
            raise lingkup.TanpaAkses(
                "Hanya admin yang dapat mengirim ulang laporan.", "Only an admin can resend a report."
            )
        _boleh_mengatur(lg.pengguna)
    except lingkup.TanpaAkses as e:
        lingkup.catat_tolak("laporan_kirim_ulang", lg.wilayah, e, id=nomor, pengguna=lg.pengguna)
        raise
    return simpanan.minta_ulang(nomor, saya.nama, saya.label)


__all__ = [
    "GalatLangganan",
    "Langganan",
    "PertanyaanTidakSah",
    "alamat_selesai",
    "ambil_alamat",
    "daftar",
    "diminta_ulang",
    "domain_boleh",
    "gantikan",
    "hapus",
    "jatuh_tempo",
    "kiriman",
    "kirim_ulang",
    "klaim",
    "kunci_kiriman",
    "lewati",
    "menunggu",
    "pertanyaan_dari",
    "sebagai",
    "selesai",
    "tambah",
    "tandai_mungkin",
    "terakhir",
    "untuk_dikirim",
]
