"""Accounts: a login name, a scope (one place, or one kantor cabang), an admin flag, and a
password kept only as a strong hash (werkzeug's scrypt, compared in constant time)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

from jejak import audit, simpan

NAMA = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
KODE = re.compile(r"^(ID|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$")
SANDI_MIN = 10
SANDI_SKOR = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"
GAGAL_MAKS, GAGAL_MENIT = 5, 15  # failed logins of one account from one address, in minutes
GAGAL_ALAMAT_MAKS = 20  # failed logins from one address over any accounts (password spraying)
# A hash to check against when the account does not exist, so both answers take as long.
_HASH_KOSONG = generate_password_hash(secrets.token_hex(16))


class GalatPengguna(ValueError):
    """An account change that cannot be made as asked."""


@dataclass(frozen=True)
class Pengguna:
    nama: str
    wilayah: str = "ID"
    kantor_cabang: str | None = None
    admin: bool = False
    aktif: bool = True

    @property
    def lingkup(self) -> str:
        return f"cabang:{self.kantor_cabang}" if self.kantor_cabang else self.wilayah


def dari_baris(r) -> Pengguna:
    """An account from a row of the pengguna table."""
    return Pengguna(r["nama"], r["wilayah"], r["kantor_cabang"], bool(r["admin"]), bool(r["aktif"]))


def sandi_acak() -> str:
    return secrets.token_urlsafe(12)


def periksa_kekuatan(sandi: str, nama: str = "") -> None:
    """Refuse a password shorter than SANDI_MIN or one zxcvbn (Dropbox's estimator: dictionaries,
    keyboard walks, repeats, the account's own name) scores under SANDI_SKOR of 4, with its reason."""
    if not sandi:
        raise GalatPengguna("Kata sandi kosong.")
    if len(sandi) < SANDI_MIN:
        raise GalatPengguna(f"Kata sandi minimal {SANDI_MIN} karakter.")
    hasil = zxcvbn(sandi[:100], user_inputs=[nama, *re.split(r"[._-]", nama)])
    if hasil["score"] < SANDI_SKOR:
        alasan = " ".join([hasil["feedback"]["warning"], *hasil["feedback"]["suggestions"]]).strip()
        raise GalatPengguna(
            f"Kata sandi terlalu mudah ditebak (skor {hasil['score']} dari 4, perlu {SANDI_SKOR})"
            + (f": {alasan}" if alasan else "")
            + " Pakai 3-4 kata yang tidak umum, atau biarkan dibuat acak."
        )


def _hash(sandi: str, nama: str = "") -> str:
    periksa_kekuatan(sandi, nama)
    return generate_password_hash(sandi, method="scrypt")


def tambah(
    nama: str,
    wilayah: str = "ID",
    kantor_cabang: str | None = None,
    admin: bool = False,
    sandi: str | None = None,
    oleh: str = "operator",
) -> str:
    """Add an account; returns its password (a random one when none is given)."""
    nama = nama.strip().lower()
    if not NAMA.match(nama):
        raise GalatPengguna("Nama pengguna 3-40 karakter: huruf kecil, angka, titik, garis bawah atau strip.")
    if not KODE.match(wilayah):
        raise GalatPengguna(f"Lingkup '{wilayah}' bukan kode wilayah (ID, 36, 36.01, 36.01.01, 36.01.01.2001).")
    if kantor_cabang is not None and (wilayah != "ID" or not kantor_cabang.strip()):
        raise GalatPengguna("Lingkup kantor cabang berlaku untuk seluruh wilayah: jangan digabung dengan kode wilayah.")
    sandi = sandi or sandi_acak()
    waktu = simpan.sekarang().isoformat()
    with simpan.buka() as con:
        if con.execute("SELECT 1 FROM pengguna WHERE nama = ?", (nama,)).fetchone():
            raise GalatPengguna(f"Pengguna {nama} sudah ada.")
        con.execute(
            "INSERT INTO pengguna VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            (nama, _hash(sandi, nama), wilayah, kantor_cabang and kantor_cabang.strip(), int(admin), waktu, waktu),
        )
    audit.catat("pengguna_tambah", oleh, nama=nama, wilayah=wilayah, kantor_cabang=kantor_cabang, admin=admin)
    return sandi


def daftar() -> list[Pengguna]:
    with simpan.buka() as con:
        return [dari_baris(r) for r in con.execute("SELECT * FROM pengguna ORDER BY nama")]


def cari(nama: str) -> Pengguna | None:
    with simpan.buka() as con:
        r = con.execute("SELECT * FROM pengguna WHERE nama = ?", (nama.strip().lower(),)).fetchone()
    return dari_baris(r) if r else None


def _ada(con, nama: str) -> None:
    if not con.execute("SELECT 1 FROM pengguna WHERE nama = ?", (nama,)).fetchone():
        raise GalatPengguna(f"Pengguna {nama} tidak ada.")


def _tutup_sesi(con, nama: str) -> None:
    con.execute("UPDATE sesi SET ditutup = ? WHERE nama = ? AND ditutup IS NULL", (simpan.sekarang().isoformat(), nama))


def atur_aktif(nama: str, aktif: bool, oleh: str = "operator") -> None:
    """Disable (its sessions end at once) or enable an account."""
    nama = nama.strip().lower()
    with simpan.buka() as con:
        _ada(con, nama)
        con.execute("UPDATE pengguna SET aktif = ? WHERE nama = ?", (int(aktif), nama))
        if not aktif:
            _tutup_sesi(con, nama)
    audit.catat("pengguna_aktifkan" if aktif else "pengguna_nonaktifkan", oleh, nama=nama)


def ganti_sandi(nama: str, sandi: str | None = None, oleh: str = "operator") -> str:
    """Set a new password (random when none is given); the account's sessions end."""
    nama = nama.strip().lower()
    sandi = sandi or sandi_acak()
    with simpan.buka() as con:
        _ada(con, nama)
        con.execute(
            "UPDATE pengguna SET hash_sandi = ?, sandi_diganti = ? WHERE nama = ?",
            (_hash(sandi, nama), simpan.sekarang().isoformat(), nama),
        )
        _tutup_sesi(con, nama)
    audit.catat("pengguna_ganti_sandi", oleh, nama=nama)
    return sandi


class TerlaluBanyakGagal(Exception):
    """Too many failed logins lately: wait before trying again."""


def periksa_sandi(nama: str, sandi: str, alamat: str = "-") -> Pengguna | None:
    """The active account with this name and password, or None. Failed tries are counted per
    account and client address (`alamat`), so a stranger elsewhere cannot lock the real user out,
    and per address over all accounts. A name that is no account is kept only as a keyed hash
    (it is often a password typed in the wrong box). Raises TerlaluBanyakGagal."""
    nama = (nama or "").strip().lower()[:40]
    with simpan.buka() as con:
        r = con.execute("SELECT * FROM pengguna WHERE nama = ?", (nama,)).fetchone() if NAMA.match(nama) else None
    oleh = nama if r else audit.nama_samaran(nama)
    sejak = (simpan.sekarang() - dt.timedelta(minutes=GAGAL_MENIT)).isoformat()
    akun_gagal, alamat_gagal = audit.gagal_baru_baru_ini(oleh, alamat, sejak)
    if akun_gagal >= GAGAL_MAKS or alamat_gagal >= GAGAL_ALAMAT_MAKS:
        raise TerlaluBanyakGagal(f"Terlalu banyak percobaan gagal. Coba lagi dalam {GAGAL_MENIT} menit.")
    cocok = check_password_hash(r["hash_sandi"] if r else _HASH_KOSONG, sandi or "")
    if r and cocok and r["aktif"]:
        return dari_baris(r)
    audit.catat("masuk_gagal", oleh, alamat=alamat)
    return None


def pertama_kali() -> str | None:
    """With no account yet, make 'admin' (national, admin) and return its password, once."""
    with simpan.buka() as con:
        (n,) = con.execute("SELECT count(*) FROM pengguna").fetchone()
    if n:
        return None
    return tambah("admin", admin=True, oleh="pertama_kali")
