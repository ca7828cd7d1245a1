"""Accounts, passwords, sessions and the audit trail (akses/), and the account command line."""

import sqlite3

import pytest

from akses import pengguna, sesi
from commands import akses as cli
from jejak import audit, simpan


def test_passwords_are_kept_only_as_scrypt_hashes(data_dir):
    sandi = pengguna.tambah("kab.pandeglang", "36.01")
    assert len(sandi) >= 16  # random, 12 bytes urlsafe
    (stored,) = sqlite3.connect(simpan.path()).execute("SELECT hash_sandi FROM pengguna").fetchone()
    assert stored.startswith("scrypt:") and sandi not in stored
    assert pengguna.periksa_sandi("kab.pandeglang", sandi) == pengguna.Pengguna("kab.pandeglang", "36.01")
    assert pengguna.periksa_sandi("KAB.Pandeglang ", sandi) is not None  # names are case-insensitive
    assert pengguna.periksa_sandi("kab.pandeglang", sandi + "x") is None
    assert pengguna.periksa_sandi("tidak.ada", sandi) is None
    assert oct(simpan.path().stat().st_mode)[-3:] == "600"


@pytest.mark.parametrize(
    "nama, wilayah, cabang, sandi, pesan",
    [
        ("ab", "ID", None, None, "3-40 karakter"),
        ("Kab Serang", "ID", None, None, "3-40 karakter"),
        ("serang", "36.1", None, None, "bukan kode wilayah"),
        ("serang", "36.04.01.2001.05", None, None, "bukan kode wilayah"),  # an RW is not a scope
        ("serang", "36", "Serang", None, "kantor cabang"),
        ("serang", "ID", None, "pendek", "minimal 10"),
    ],
)
def test_bad_accounts_are_refused(data_dir, nama, wilayah, cabang, sandi, pesan):
    with pytest.raises(pengguna.GalatPengguna, match=pesan):
        pengguna.tambah(nama, wilayah, cabang, sandi=sandi)
    assert pengguna.daftar() == []


def test_first_start_makes_one_admin_once(data_dir):
    sandi = pengguna.pertama_kali()
    assert pengguna.periksa_sandi("admin", sandi) == pengguna.Pengguna("admin", admin=True)
    assert pengguna.pertama_kali() is None


def test_a_password_reset_ends_the_sessions(data_dir):
    pengguna.tambah("analis", sandi="sandi-lama-sekali")
    token = sesi.buka(pengguna.cari("analis"))
    assert sesi.pengguna(token).nama == "analis"
    pengguna.ganti_sandi("analis", "sandi-baru-sekali")
    assert sesi.pengguna(token) is None
    assert pengguna.periksa_sandi("analis", "sandi-lama-sekali") is None
    assert pengguna.periksa_sandi("analis", "sandi-baru-sekali") is not None
    assert sesi.pengguna("token-palsu") is None and sesi.pengguna(None) is None


def test_only_the_token_hash_is_kept(data_dir):
    pengguna.tambah("analis", sandi="sandi-lama-sekali")
    token = sesi.buka(pengguna.cari("analis"))
    (kept,) = sqlite3.connect(simpan.path()).execute("SELECT hash_token FROM sesi").fetchone()
    assert token not in kept and len(kept) == 64


def test_the_command_line_adds_lists_disables_and_resets(seed_loaded, capsys, monkeypatch):
    assert cli.main(["tambah", "kota.jaktim", "--lingkup", "31.75"]) == 0
    sandi = capsys.readouterr().out.split("kata sandi ")[1].split()[0]
    assert pengguna.periksa_sandi("kota.jaktim", sandi) is not None
    assert cli.main(["tambah", "kc.rawamangun", "--cabang", "Jakarta Rawamangun"]) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("sandi-dari-stdin\n"))
    assert cli.main(["tambah", "pusat", "--lingkup", "ID", "--admin", "--sandi-stdin"]) == 0
    assert "sandi-dari-stdin" not in capsys.readouterr().out
    assert cli.main(["daftar"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in listing[1:]] == [
        ["kc.rawamangun", "cabang:Jakarta", "Rawamangun"],
        ["kota.jaktim", "31.75", "-"],
        ["pusat", "ID", "ya"],
    ]
    assert cli.main(["nonaktifkan", "kota.jaktim"]) == 0
    assert pengguna.periksa_sandi("kota.jaktim", sandi) is None
    assert cli.main(["aktifkan", "kota.jaktim"]) == 0 and cli.main(["sandi", "kota.jaktim"]) == 0
    baru = capsys.readouterr().out.split("kata sandi ")[1].split()[0]
    assert pengguna.periksa_sandi("kota.jaktim", baru) is not None and baru != sandi
    assert cli.main(["nonaktifkan", "tidak.ada"]) == 2
    assert cli.main(["tambah", "kota.jaktim", "--lingkup", "31.75"]) == 2
    assert "sudah ada" in capsys.readouterr().err
    kinds = [e["peristiwa"] for e in audit.jejak()]
    assert kinds.count("pengguna_tambah") == 3 and "pengguna_nonaktifkan" in kinds and "pengguna_ganti_sandi" in kinds
    assert all(sandi not in str(e) and baru not in str(e) for e in audit.jejak())


def test_a_scope_must_be_a_known_region(seed_loaded, capsys):
    assert cli.main(["tambah", "salah", "--lingkup", "31.99"]) == 2
    assert "31.99" in capsys.readouterr().err
    assert cli.main(["tambah", "benar", "--lingkup", "31.75.02"]) == 0


def test_a_scope_is_a_choice_never_a_default(seed_loaded, capsys):
    """No --lingkup and no --cabang is refused by the parser (exit 2), not made national."""
    with pytest.raises(SystemExit) as keluar:
        cli.main(["tambah", "lupa.lingkup"])
    assert keluar.value.code == 2 and "--lingkup" in capsys.readouterr().err
    assert pengguna.cari("lupa.lingkup") is None
    assert cli.main(["tambah", "nasional", "--lingkup", "ID"]) == 0
    assert pengguna.cari("nasional").wilayah == "ID"


def test_a_branch_must_be_one_in_the_data(seed_loaded, capsys):
    assert cli.main(["tambah", "kc.salah", "--cabang", "Jakarta Rawamangunn"]) == 2
    assert "tidak ada di data" in capsys.readouterr().err and pengguna.cari("kc.salah") is None
    assert cli.main(["tambah", "kc.huruf", "--cabang", "jakarta rawamangun"]) == 2
    assert "Maksudnya Jakarta Rawamangun?" in capsys.readouterr().err
    assert cli.main(["tambah", "kc.benar", "--cabang", " Jakarta  Rawamangun "]) == 0
    assert pengguna.cari("kc.benar").kantor_cabang == "Jakarta Rawamangun"


def test_an_empty_stdin_password_is_refused(seed_loaded, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("\n"))
    assert cli.main(["tambah", "tanpa.sandi", "--lingkup", "36", "--sandi-stdin"]) == 2
    assert "stdin" in capsys.readouterr().err and pengguna.cari("tanpa.sandi") is None


@pytest.mark.parametrize("sandi", ["aaaaaaaaaa", "password123", "1234567890", "qwertyuiop", "kab.serang1"])
def test_weak_passwords_are_refused_with_the_reason(data_dir, sandi):
    with pytest.raises(pengguna.GalatPengguna, match="mudah ditebak"):
        pengguna.tambah("kab.serang", "36.04", sandi=sandi)
    assert pengguna.cari("kab.serang") is None
    pengguna.tambah("kab.serang", "36.04", sandi="lumbung-padi-serang-timur")  # four uncommon words
    with pytest.raises(pengguna.GalatPengguna, match="mudah ditebak"):
        pengguna.ganti_sandi("kab.serang", sandi)
