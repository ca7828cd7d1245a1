"""The weekly report by email (issue 20), sent through a real SMTP server each test starts
(aiosmtpd) with a certificate of a test authority (trustme): STARTTLS or TLS and a login, as a
real office server asks. Numbers are the weekly seed's, worked by hand in tests/seed/README.md:
Pulo Gadung on 2024-02-06 has 11 active against a target of 20 (55 %), +2 this week, a pace of
0,75 a week against 9/47 = 0,19 needed."""

from __future__ import annotations

import datetime as dt
import email
import re
import socket
import ssl
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from akses import pengguna
from etl import build
from isian import langganan as simpanan
from metrics import langganan, lingkup
from tests.conftest import SEED
from tests.klien import baru
from tests.klien import halaman as halaman_klien

pytestmark = pytest.mark.slow  # a real SMTP server per test: left out of make test-quick

ROOT = Path(__file__).resolve().parent.parent
PULO_GADUNG = "31.75.02.1001"


class Kotak:
    """What the SMTP server received, and how: each message with its envelope and session. It
    refuses the first `tolak` messages (451) and any address starting 'tolak@' (550)."""

    def __init__(self, tolak: int = 0):
        self.pesan, self.tolak = [], tolak

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("tolak@"):
            return "550 5.1.1 Tidak ada kotak surat itu"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.tolak:
            self.tolak -= 1
            return "451 4.3.0 Kotak surat penuh, coba lagi nanti"
        self.pesan.append(
            {
                "dari": envelope.mail_from,
                "kepada": list(envelope.rcpt_tos),
                "isi": email.message_from_bytes(envelope.content, policy=policy.default),
                # STARTTLS sets session.ssl; TLS from the first byte shows on the connection itself
                "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                "masuk": session.authenticated,
            }
        )
        return "250 OK"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def ca(tmp_path):
    import trustme

    ca = trustme.CA()
    konteks = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(konteks)
    berkas = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(berkas))
    return konteks, berkas


def _mulai(kotak, konteks, keamanan: str = "starttls"):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    def masuk(server, session, envelope, mechanism, data):
        return AuthResult(success=(data.login, data.password) == (b"cakupan", b"rahasia-surel-123"))

    port = _port_bebas()
    umum = {"authenticator": masuk, "auth_required": True}
    if keamanan == "tls":  # TLS from the first byte: aiosmtpd counts only STARTTLS as TLS for AUTH
        c = Controller(kotak, hostname="127.0.0.1", port=port, ssl_context=konteks, auth_require_tls=False, **umum)
    else:
        c = Controller(kotak, hostname="127.0.0.1", port=port, tls_context=konteks, require_starttls=True, **umum)
    c.start()
    return c


def _arahkan(monkeypatch, port: int, ca_pem, **lain) -> None:
    """The mail settings pointing at a test server (STARTTLS and its login unless `lain` says)."""
    for k, v in {
        "CAKUPAN_SMTP_HOST": "127.0.0.1", "CAKUPAN_SMTP_PORT": str(port), "CAKUPAN_SMTP_PENGGUNA": "cakupan",
        "CAKUPAN_SMTP_SANDI": "rahasia-surel-123", "CAKUPAN_SMTP_CA": str(ca_pem), **lain,
    }.items():  # fmt: skip
        monkeypatch.setenv(k, v)


@pytest.fixture
def surel(data_dir, ca, monkeypatch):
    """A mail server with STARTTLS and a login, and the settings pointing at it."""
    kotak = Kotak()
    c = _mulai(kotak, ca[0])
    for k, v in {
        "CAKUPAN_SMTP_HOST": "127.0.0.1", "CAKUPAN_SMTP_PORT": str(c.port), "CAKUPAN_SMTP_PENGGUNA": "cakupan",
        "CAKUPAN_SMTP_SANDI": "rahasia-surel-123", "CAKUPAN_SMTP_CA": str(ca[1]),
        "CAKUPAN_SMTP_DARI": "cakupan@bpjs.example.id", "CAKUPAN_ALAMAT_WEB": "https://cakupan.example.id",
    }.items():  # fmt: skip
        monkeypatch.setenv(k, v)
    yield kotak
    c.stop()


@pytest.fixture
def minggu_awal(data_dir, cetakan):
    """The weekly seed's first two snapshots with targets and RWs; the third is the new one."""
    return cetakan("minggu_awal", _bangun_minggu_awal, data_dir)


def _bangun_minggu_awal() -> None:
    build.load_snapshots(
        [([SEED / "minggu_1.csv"], dt.date(2024, 1, 9)), ([SEED / "minggu_4.csv"], dt.date(2024, 1, 30))]
    )
    build.load_reference("target", SEED / "target_minggu.csv")
    build.load_reference("rw", SEED / "rw_minggu.csv")
    pengguna.tambah("kota.jaktim", wilayah="31.75")
    pengguna.tambah("kota.jakpus", wilayah="31.71")


def _muat_minggu_5(capsys=None) -> int:
    from commands import etl as perintah

    return perintah.main(["load", str(SEED / "minggu_5.csv"), "--as-of", "2024-02-06"])


def _kirim(capsys) -> str:
    from commands import metrics as perintah

    capsys.readouterr()
    perintah.main(["kirim"])
    return capsys.readouterr().out


def _teks(pesan) -> str:
    return pesan.get_body(preferencelist=("plain",)).get_content()


def test_a_new_snapshot_sends_each_subscription_its_report_once(minggu_awal, surel, capsys):
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        nomor = langganan.tambah("kota.jaktim", PULO_GADUNG, "a@jaktim.example.id, b@jaktim.example.id")
    assert surel.pesan == []  # subscribing sends nothing; loads before it sent nothing
    assert _muat_minggu_5() == 0
    [m] = surel.pesan
    assert m["kepada"] == ["a@jaktim.example.id", "b@jaktim.example.id"] and m["dari"] == "cakupan@bpjs.example.id"
    assert m["tls"] and m["masuk"]  # STARTTLS, then the login
    isi = m["isi"]
    assert isi["Subject"].strip() == "Tinjauan Mingguan Cakupan: Pulo Gadung, Pulogadung, data per 6 Februari 2024"
    teks = _teks(isi)
    for baris in (
        "Peserta aktif: 11",
        "Target: 20",
        "Capaian: 55,0 %",
        "Perubahan minggu ini: +2",
        "Laju per minggu: 0,8 (4 minggu terakhir), 0,2 (dibutuhkan)",
        "https://cakupan.example.id/?wilayah=31.75.02.1001&snapshot=2024-02-06",
        f"langganan {nomor}, akun kota.jaktim",
    ):
        assert baris in teks, baris
    html = isi.get_body(preferencelist=("html",)).get_content()
    assert ">Capaian</td>" in html and ">55,0 %</td>" in html and "<script" not in html
    [lampiran] = list(isi.iter_attachments())
    pdf = lampiran.get_content()
    assert lampiran.get_filename() == "tinjauan_31.75.02.1001_2024-02-06.pdf" and pdf[:5] == b"%PDF-"
    assert len(isi.as_bytes()) < 1_000_000 and len(pdf) < 100_000
    import pypdfium2

    halaman = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "Pulo Gadung" in halaman and "11" in halaman and "55,0 %" in halaman
    # again, from the timer or by hand: nothing new
    keluar = _kirim(capsys)
    assert len(surel.pesan) == 1 and "0 terkirim" in keluar and "1 sudah terkirim atau menunggu jeda" in keluar
    assert simpanan.riwayat_kiriman()[0]["status"] == "terkirim"


def test_a_report_goes_only_inside_the_accounts_scope(minggu_awal, surel, capsys):
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.71", nama="kota.jakpus")):
        with pytest.raises(lingkup.TanpaAkses):
            langganan.tambah("kota.jakpus", PULO_GADUNG, "x@jakpus.example.id")
        with pytest.raises(lingkup.TanpaAkses):  # nor for another account
            langganan.tambah("kota.jaktim", PULO_GADUNG, "x@jakpus.example.id")
    pengguna.tambah("admin.jaktim", wilayah="31.75", admin=True)
    pengguna.tambah("kec.pulogadung", wilayah="31.75.02")
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", admin=True, nama="admin.jaktim")):
        untuk = langganan.tambah("kec.pulogadung", PULO_GADUNG, "camat@pulogadung.example.id", {"segmen": "BPU"})
        with pytest.raises(lingkup.TanpaAkses):  # an admin of Jakarta Timur manages no Jakarta Pusat account
            langganan.tambah("kota.jakpus", "31.71", "x@jakpus.example.id")
    # a row made behind the checks (or a scope changed since): never sent, said so
    diam = simpanan.tambah("kota.jakpus", PULO_GADUNG, ["x@jakpus.example.id"], {}, "id", "uji", "31.71")
    pengguna.tambah("kota.nonaktif", wilayah="31.75")
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.nonaktif")):
        mati = langganan.tambah("kota.nonaktif", "31.75", "y@jaktim.example.id")
    pengguna.atur_aktif("kota.nonaktif", False)
    assert _muat_minggu_5() == 0
    assert [m["kepada"] for m in surel.pesan] == [["camat@pulogadung.example.id"]]
    assert "Filter: Segmen: Bukan Penerima Upah (BPU)" in _teks(surel.pesan[0]["isi"])
    assert "Capaian: 75,0 %" in _teks(surel.pesan[0]["isi"])  # BPU: 6 active against the BPU target 8
    status = {k["langganan_id"]: (k["status"], k["galat"]) for k in simpanan.riwayat_kiriman()}
    assert status == {
        untuk: ("terkirim", None),
        diam: ("dilewati", "wilayah di luar lingkup akun"),
        mati: ("dilewati", "akun tidak aktif"),
    }


def test_a_refused_send_is_retried_later_and_shown(minggu_awal, ca, monkeypatch, capsys):
    from laporan import kirim

    kotak = Kotak(tolak=1)  # the first DATA is refused: 451, try later
    c = _mulai(kotak, ca[0])
    try:
        _arahkan(monkeypatch, c.port, ca[1])
        with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
            nomor = langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id")
        assert _muat_minggu_5() == 0
        assert "0 terkirim, 1 gagal (dicoba lagi nanti)" in capsys.readouterr().out
        [k] = simpanan.riwayat_kiriman()
        assert (k["status"], k["percobaan"], k["galat"]) == ("gagal", 1, "451 4.3.0 Kotak surat penuh, coba lagi nanti")
        gagal_pada = dt.datetime.fromisoformat(k["terakhir"])
        with lingkup.berlaku(lingkup.Lingkup(admin=True, nama="pusat")):  # the Data page's list
            assert [(x["langganan_id"], x["status"]) for x in langganan.kiriman()] == [(nomor, "gagal")]
        assert dt.datetime.fromisoformat(k["berikutnya"]) - gagal_pada == dt.timedelta(minutes=5)
        assert kirim.jalankan(gagal_pada + dt.timedelta(minutes=1))["sudah"] == 1 and kotak.pesan == []
        hasil = kirim.jalankan(gagal_pada + dt.timedelta(minutes=6))
        assert hasil["terkirim"] == 1 and len(kotak.pesan) == 1
        assert kirim.jalankan(gagal_pada + dt.timedelta(hours=7))["sudah"] == 1 and len(kotak.pesan) == 1
        [k] = simpanan.riwayat_kiriman()
        assert (k["langganan_id"], k["status"], k["percobaan"], k["galat"]) == (nomor, "terkirim", 2, None)
    finally:
        c.stop()


def test_mail_down_never_breaks_the_load_and_the_reports_wait(minggu_awal, ca, monkeypatch, capsys):
    monkeypatch.setenv("CAKUPAN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CAKUPAN_SMTP_PORT", str(_port_bebas()))  # nobody listens there
    monkeypatch.setenv("CAKUPAN_SMTP_TIMEOUT", "5")
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id")
    assert _muat_minggu_5() == 0  # loaded and served
    keluar = capsys.readouterr().out
    assert "Snapshot 2024-02-06" in keluar and "Surel belum bisa dikirim: server surel 127.0.0.1:" in keluar
    [k] = simpanan.riwayat_kiriman()  # nothing claimed: the report waits, and the Data page says why
    assert k["status"] == "menunggu" and k["galat"].startswith("server surel 127.0.0.1:")
    # the server is back (TLS from the start this time): the timer's run sends it
    kotak = Kotak()
    c = _mulai(kotak, ca[0], keamanan="tls")
    try:
        for k, v in {
            "CAKUPAN_SMTP_PORT": str(c.port), "CAKUPAN_SMTP_KEAMANAN": "tls", "CAKUPAN_SMTP_PENGGUNA": "cakupan",
            "CAKUPAN_SMTP_SANDI": "rahasia-surel-123", "CAKUPAN_SMTP_CA": str(ca[1]),
        }.items():  # fmt: skip
            monkeypatch.setenv(k, v)
        assert "1 terkirim" in _kirim(capsys)
        assert len(kotak.pesan) == 1 and kotak.pesan[0]["tls"]
    finally:
        c.stop()


def test_a_failed_load_sends_nothing(minggu_awal, surel, tmp_path, capsys):
    from commands import etl as perintah

    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id")
    rusak = tmp_path / "rusak.csv"
    rusak.write_text("<html><body>Bukan daftar peserta</body></html>\n")
    assert perintah.main(["load", str(rusak), "--as-of", "2024-02-06"]) == 2
    assert surel.pesan == [] and simpanan.riwayat_kiriman() == []


def test_the_timer_unit_runs_the_command_that_sends(minggu_awal, surel):
    """deploy/systemd: the timer starts the service, whose command is the one the README gives;
    run here as the unit would run it (its own process, the environment file's settings)."""
    import configparser

    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(ROOT / "deploy" / "systemd" / "cakupan-laporan.service")
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read(ROOT / "deploy" / "systemd" / "cakupan-laporan.timer")
    assert timer["Timer"]["Unit"] == "cakupan-laporan.service" and timer["Timer"]["OnCalendar"]
    assert timer["Install"]["WantedBy"] == "timers.target"
    perintah = unit["Service"]["ExecStart"].split()
    assert perintah[1:] == ["-m", "metrics", "kirim"] and unit["Service"]["Type"] == "oneshot"
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id")
    build.load_snapshots([([SEED / "minggu_5.csv"], dt.date(2024, 2, 6))])  # a load with no delivery of its own
    hasil = subprocess.run([sys.executable, *perintah[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert "1 terkirim" in hasil.stdout and len(surel.pesan) == 1


# --- the Langganan page (layouts/pages/langganan.py), over HTTP as any script could post it ------

SANDI = "kuda-laut-biru-terbang-7"


def _klien(app, nama):
    import re

    pengguna.ganti_sandi(nama, SANDI)
    client = baru(app.server)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    client.post("/masuk", data={"nama": nama, "sandi": SANDI, "csrf": csrf, "lanjut": "/"})
    return client


def _ubah(client, search, alamat="a@jaktim.example.id", akun=None, hapus=None):
    body = {
        "output": "..langganan-pesan.children...langganan-daftar.children...langganan-alamat.value..",
        "outputs": [
            {"id": "langganan-pesan", "property": "children"},
            {"id": "langganan-daftar", "property": "children"},
            {"id": "langganan-alamat", "property": "value"},
        ],
        "inputs": [
            {"id": "langganan-tambah", "property": "n_clicks", "value": None if hapus else 1},
            [{"id": {"type": "langganan-hapus", "id": hapus}, "property": "n_clicks", "value": 1}] if hapus else [],
        ],
        "state": [
            {"id": "langganan-alamat", "property": "value", "value": alamat},
            {"id": "langganan-bahasa", "property": "value", "value": "id"},
            {"id": "langganan-akun", "property": "value", "value": akun},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": [
            f'{{"id":{hapus},"type":"langganan-hapus"}}.n_clicks' if hapus else "langganan-tambah.n_clicks"
        ],
    }
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.text[:300]
    return r.text


def test_the_page_subscribes_this_view_and_the_server_checks_everything(minggu_awal, dash_app):
    with lingkup.berlaku(None):
        jaktim, jakpus = _klien(dash_app, "kota.jaktim"), _klien(dash_app, "kota.jakpus")
        halaman = halaman_klien(jaktim, "/langganan", "?wilayah=31.75.02.1001&segmen=BPU").text
        assert "Laporan mingguan lewat surel" in halaman
        assert "(Pulo Gadung, Pulogadung; Segmen: Bukan Penerima Upah (BPU))" in halaman
        jawab = _ubah(jaktim, "?wilayah=31.75.02.1001&segmen=BPU")
        assert "Langganan 1 dibuat" in jawab and "a@jaktim.example.id" in jawab
        assert '"langganan-alamat":{"value":""}' in jawab.replace(" ", "")  # emptied: a second click makes no twin
        assert "Bahasa Indonesia" in jawab and '"children":"id"' not in jawab.replace(" ", "")  # the language named
        assert "Langganan yang sama sudah ada (langganan 1)" in _ubah(jaktim, "?wilayah=31.75.02.1001&segmen=BPU")
        [lg] = simpanan.daftar()
        assert (lg.pengguna, lg.wilayah, lg.saringan, lg.kepada) == (
            "kota.jaktim",
            PULO_GADUNG,
            {"segmen": "BPU"},
            ("a@jaktim.example.id",),
        )
        # what the browser could change is checked on the server: the place, the account, the addresses
        assert "di luar lingkup" in _ubah(jaktim, "?wilayah=31.71")
        assert "hanya bisa diatur akun itu sendiri" in _ubah(jaktim, "?wilayah=31.75", akun="kota.jakpus")
        assert "bukan alamat email" in _ubah(jaktim, "?wilayah=31.75", alamat="kepala desa")
        assert "hanya bisa diatur akun itu sendiri" in _ubah(jakpus, "", hapus=1)  # not Jakarta Pusat's to stop
        assert len(simpanan.daftar()) == 1
        assert "Langganan 1 dihentikan" in _ubah(jaktim, "", hapus=1) and simpanan.daftar() == []


def test_the_page_promises_what_the_next_send_does(minggu_awal, surel, dash_app, capsys):
    """Issue 30: subscribing promised the report "saat data baru dimuat", and the next send
    delivered the newest data's report at once. The page says that: the newest data's report
    (30 January, the seed's newest here) at the next send, then one per load; the send does it."""
    with lingkup.berlaku(None):
        jaktim = _klien(dash_app, "kota.jaktim")
        halaman = halaman_klien(jaktim, "/langganan", "?wilayah=31.75&bahasa=en").text
        assert (
            "is sent to the addresses below: the newest data's report at the next scheduled send, then one report "
            "each time new data is loaded." in halaman
        )
        assert (
            "Langganan 1 dibuat. Laporan data terbaru (30 Januari 2024) dikirim pada pengiriman terjadwal "
            "berikutnya, lalu satu laporan setiap kali data baru dimuat." in _ubah(jaktim, "?wilayah=31.75")
        )
        assert (
            "Subscription 2 made. The report of the newest data (30 January 2024) goes out at the next scheduled "
            "send, then one report each time new data is loaded."
            in _ubah(jaktim, "?wilayah=31.75&bahasa=en", alamat="b@jaktim.example.id")
        )
    assert surel.pesan == []  # subscribing sends nothing itself
    _kirim(capsys)  # the next send: the newest data's report, at once, to each
    assert [(m["kepada"], m["isi"]["Subject"].strip()[-15:]) for m in surel.pesan] == [
        (["a@jaktim.example.id"], "30 Januari 2024"),
        (["b@jaktim.example.id"], "30 Januari 2024"),
    ]


def test_a_newer_report_replaces_one_not_sent_and_refused_addresses_are_recorded(minggu_awal, ca, monkeypatch, capsys):
    """The 2024-01-30 report fails (451) and waits; the 2024-02-06 load sends its own instead:
    the old one is marked replaced, never sent late. An address the server refuses is recorded
    beside the delivery the others got. The same subscription twice is refused."""
    from laporan import kirim

    kotak = Kotak(tolak=1)
    c = _mulai(kotak, ca[0])
    try:
        _arahkan(monkeypatch, c.port, ca[1])
        with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
            nomor = langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id, tolak@jaktim.example.id")
            with pytest.raises(simpanan.GalatLangganan, match=f"sudah ada \\(langganan {nomor}\\)"):
                langganan.tambah("kota.jaktim", "31.75", "tolak@jaktim.example.id a@jaktim.example.id")
        assert kirim.jalankan()["gagal"] == 1  # 2024-01-30 refused
        assert _muat_minggu_5() == 0
        [m] = kotak.pesan
        assert m["kepada"] == ["a@jaktim.example.id"] and "6 Februari 2024" in m["isi"]["Subject"]
        rows = {k["tanggal_data"]: (k["status"], k["galat"]) for k in simpanan.riwayat_kiriman()}
        assert rows == {
            "2024-01-30": ("digantikan", "diganti laporan 2024-02-06"),
            "2024-02-06": ("terkirim", "alamat ditolak: tolak@jaktim.example.id (550)"),
        }
        assert simpanan.terakhir()[nomor]["tanggal_data"] == "2024-02-06"  # the newest, not the newest failure
        assert kirim.jalankan()["terkirim"] == 0 and len(kotak.pesan) == 1
    finally:
        c.stop()


# --- issue 31: mail only where allowed, one report per address, a crash never sends twice ------


def test_outside_addresses_and_too_many_subscriptions_are_refused_with_the_reason(
    minggu_awal, surel, dash_app, monkeypatch, capsys
):
    """Item 2: an address outside the allowed domains (a look-alike too), more than 10 addresses,
    an 11th subscription of one account: refused, with the reason in both languages, on the page
    and the command line. No setting: the From address's domain; neither: no address at all. A
    setting narrowed after subscribing: the sender mails only the addresses still allowed."""
    from commands import akses as perintah

    jaktim = lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")
    with lingkup.berlaku(jaktim):
        for alamat, kata in (
            ("x@gmail.com", "'x@gmail.com' di luar domain yang diizinkan (example.id)"),
            ("a@jaktim.example.id, x@badexample.id", "'x@badexample.id' di luar domain"),  # ends alike: not under it
            (
                ", ".join(f"a{i}@jaktim.example.id" for i in range(11)),
                "Paling banyak 10 alamat per langganan (11 diisi)",
            ),
        ):
            with pytest.raises(simpanan.GalatLangganan, match=re.escape(kata)) as e:
                langganan.tambah("kota.jaktim", "31.75", alamat)
        assert "outside the allowed domains" in simpanan.GalatLangganan.teks(
            _tolak(lambda: langganan.tambah("kota.jaktim", "31.75", "x@gmail.com")), "en"
        )
        monkeypatch.delenv("CAKUPAN_SUREL_DOMAIN")  # no setting: the From address's domain (bpjs.example.id)
        assert langganan.tambah("kota.jaktim", "31.75", "kepala@kantor.bpjs.example.id") == 1
        assert "di luar domain yang diizinkan (bpjs.example.id)" in str(
            _tolak(lambda: langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id"))
        )
        monkeypatch.delenv("CAKUPAN_SMTP_DARI")  # nor a From address: no mail anywhere
        e = _tolak(lambda: langganan.tambah("kota.jaktim", "31.75", "kepala@kantor.bpjs.example.id"))
        assert "belum boleh dikirim ke domain surel mana pun" in str(e) and "may not be mailed to any" in e.teks("en")
        monkeypatch.setenv("CAKUPAN_SUREL_DOMAIN", "example.id")
        monkeypatch.setenv("CAKUPAN_SMTP_DARI", "cakupan@bpjs.example.id")
        for i in range(2, 11):
            langganan.tambah("kota.jaktim", "31.75", f"a{i}@jaktim.example.id, b{i}@lain.example.id")
        e = _tolak(lambda: langganan.tambah("kota.jaktim", "31.75", "a11@jaktim.example.id"))
        assert str(e) == "Akun kota.jaktim sudah punya 10 langganan, batasnya 10: hentikan satu dulu."
        assert e.teks("en") == "Account kota.jaktim already has 10 subscriptions, the limit is 10: stop one first."
    assert len(simpanan.daftar("kota.jaktim")) == 10
    # the command line: the reason, exit 2
    capsys.readouterr()
    assert (
        perintah.main(["langganan", "tambah", "kota.jaktim", "--wilayah", "31.75", "--kepada", "a11@jaktim.example.id"])
        == 2
    )
    assert "Gagal: Akun kota.jaktim sudah punya 10 langganan, batasnya 10" in capsys.readouterr().err
    assert perintah.main(["langganan", "tambah", "kota.jakpus", "--wilayah", "31.71", "--kepada", "x@gmail.com"]) == 2
    assert "Gagal: 'x@gmail.com' di luar domain yang diizinkan (example.id)" in capsys.readouterr().err
    # the page: the reason in its language
    with lingkup.berlaku(None):
        jakpus = _klien(dash_app, "kota.jakpus")
        assert "di luar domain yang diizinkan (example.id)" in _ubah(jakpus, "?wilayah=31.71", alamat="x@gmail.com")
        assert "is outside the allowed domains (example.id): reports go to the organisation" in _ubah(
            jakpus, "?wilayah=31.71&bahasa=en", alamat="x@gmail.com"
        )
        assert "At most 10 addresses per subscription (12 given)" in _ubah(
            jakpus, "?wilayah=31.71&bahasa=en", alamat=" ".join(f"a{i}@jakpus.example.id" for i in range(12))
        )
    assert simpanan.daftar("kota.jakpus") == []
    # narrowed after subscribing: the sender leaves out what is no longer allowed, and says so
    monkeypatch.setenv("CAKUPAN_SUREL_DOMAIN", "jaktim.example.id, kantor.bpjs.example.id")
    assert "10 terkirim" in _kirim(capsys)
    penerima = sorted(a for m in surel.pesan for a in m["kepada"])
    assert penerima == sorted(["kepala@kantor.bpjs.example.id", *(f"a{i}@jaktim.example.id" for i in range(2, 11))])
    catatan = {k["langganan_id"]: k["galat"] for k in simpanan.riwayat_kiriman()}
    assert catatan[2] == "1 alamat di luar domain yang diizinkan" and catatan[1] is None


def _tolak(fungsi) -> simpanan.GalatLangganan:
    with pytest.raises(simpanan.GalatLangganan) as e:
        fungsi()
    return e.value


def test_overlapping_subscriptions_send_one_mail_per_address(minggu_awal, surel, capsys):
    """Item 3: one delivery per address, place, filters, language and snapshot, whatever the
    subscriptions: {a, b} and {a} of the same view send one mail, to a and b; {a, c} then mails c
    alone; another account's same view adds nothing; another language is another report."""
    pengguna.tambah("admin.jaktim", wilayah="31.75", admin=True)
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        satu = langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id, b@jaktim.example.id")
        dua = langganan.tambah("kota.jaktim", "31.75", "A@jaktim.example.id")  # the same address, another case
        tiga = langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id, c@jaktim.example.id")
        inggris = langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id", bahasa="en")
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", admin=True, nama="admin.jaktim")):
        lain = langganan.tambah("admin.jaktim", "31.75", "b@jaktim.example.id")
    assert _muat_minggu_5() == 0
    kiriman = [(m["kepada"], m["isi"]["Subject"].strip()[:9]) for m in surel.pesan]
    assert kiriman == [
        (["a@jaktim.example.id", "b@jaktim.example.id"], "Tinjauan "),
        (["c@jaktim.example.id"], "Tinjauan "),
        (["a@jaktim.example.id"], "Cakupan w"),
    ]
    assert len({m["isi"]["Message-ID"] for m in surel.pesan}) == 3
    status = {k["langganan_id"]: (k["status"], k["galat"]) for k in simpanan.riwayat_kiriman()}
    assert status[satu] == status[tiga] == status[inggris] == ("terkirim", None)
    assert status[dua] == status[lain] == ("terkirim", "sudah diterima lewat langganan lain")
    assert "0 terkirim" in _kirim(capsys) and len(surel.pesan) == 3


def _ulang(client, nomor: int, search: str = "") -> str:
    """The Data page's 'Kirim ulang' button of subscription `nomor`, as any script could post it."""
    body = {
        "output": "data-ulang-pesan.children",
        "outputs": {"id": "data-ulang-pesan", "property": "children"},
        "inputs": [[{"id": {"type": "data-kirim-ulang", "id": nomor}, "property": "n_clicks", "value": 1}]],
        "state": [{"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": [f'{{"id":{nomor},"type":"data-kirim-ulang"}}.n_clicks'],
    }
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.text[:300]
    return r.text


class Mati(BaseException):
    """The sender killed: nothing in it catches this, as nothing runs after a kill -9."""


def test_a_crash_inside_the_smtp_exchange_is_never_sent_twice_and_an_admin_resends_it(
    minggu_awal, surel, dash_app, monkeypatch, capsys
):
    """Item 3: the sender dies after the server took the message's DATA (the server has it, the
    run never heard): the next runs send nothing; the Data page says it may not have arrived;
    a non-admin's forged click is refused; the admin's click (audited) has the next run send it
    once, to the same address with the same Message-ID."""
    import smtplib

    from jejak import audit
    from laporan import kirim

    pengguna.tambah("admin.pusat", wilayah="ID", admin=True)
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        nomor = langganan.tambah("kota.jaktim", "31.75", "a@jaktim.example.id")
    data_asli = smtplib.SMTP.data

    def data_lalu_mati(self, msg):
        data_asli(self, msg)  # the server has it ...
        raise Mati  # ... and the sender is gone before it records anything

    monkeypatch.setattr(smtplib.SMTP, "data", data_lalu_mati)
    with pytest.raises(Mati):
        kirim.jalankan()
    monkeypatch.setattr(smtplib.SMTP, "data", data_asli)
    [pertama] = surel.pesan
    assert simpanan.riwayat_kiriman()[0]["status"] == "mengirim"
    keluar = _kirim(capsys)
    assert "1 kiriman terputus di tengah jalan (mungkin belum sampai)" in keluar and "0 terkirim" in keluar
    assert "0 terkirim" in _kirim(capsys) and len(surel.pesan) == 1  # and again: nothing twice
    [k] = simpanan.riwayat_kiriman()
    assert (k["status"], k["galat"]) == (
        "mungkin",
        "pengiriman terputus di tengah jalan: mungkin sudah sampai, mungkin belum",
    )
    with lingkup.berlaku(None):
        admin, jaktim = _klien(dash_app, "admin.pusat"), _klien(dash_app, "kota.jaktim")
        halaman = halaman_klien(admin, "/data", "").text
        assert "mungkin belum sampai" in halaman and "Kirim ulang" in halaman
        assert (
            f"Laporan langganan {nomor} (Kota Administrasi Jakarta Timur, data 30 Januari 2024) terputus di tengah "
            "pengiriman: mungkin sudah sampai, mungkin belum." in halaman
        )
        assert "may not have arrived" in halaman_klien(admin, "/data", "?bahasa=en").text
        assert "Hanya admin yang dapat mengirim ulang laporan." in _ulang(jaktim, nomor)  # a forged click
        assert simpanan.riwayat_kiriman()[0]["status"] == "mungkin"
        jawab = _ulang(admin, nomor, "?bahasa=en")
        assert f"Subscription {nomor}'s report (data of 30 January 2024) goes again at the next scheduled send" in jawab
        assert "tidak punya kiriman yang mungkin belum sampai" in _ulang(admin, nomor)  # asked once
    assert [e["peristiwa"] for e in audit.jejak(50) if e["peristiwa"] == "laporan_kirim_ulang"] == [
        "laporan_kirim_ulang"
    ]
    assert "1 terkirim" in _kirim(capsys)
    [_, kedua] = surel.pesan
    assert kedua["kepada"] == pertama["kepada"] == ["a@jaktim.example.id"]
    assert kedua["isi"]["Message-ID"] == pertama["isi"]["Message-ID"]
    assert "0 terkirim" in _kirim(capsys) and len(surel.pesan) == 2
    assert simpanan.riwayat_kiriman()[0]["status"] == "terkirim"
    # the command line's resend: nothing is left to resend, said so
    from commands import metrics as perintah

    assert perintah.main(["kirim", "--ulang", str(nomor)]) == 2
    assert f"Langganan {nomor} tidak punya kiriman yang mungkin belum sampai" in capsys.readouterr().err


def test_the_emails_html_comes_from_its_template_with_every_value_escaped(monkeypatch):
    """Issue 32, item 6: the HTML part is laporan/templates/surel.html (Jinja2, autoescape on): a
    name or caveat with markup reads as text, the link's '&' as '&amp;', and it is the one line
    the f-strings wrote (a phone's mail app shows no stray spaces)."""
    from types import SimpleNamespace

    from laporan import pesan

    monkeypatch.setattr(pesan, "wilayah", SimpleNamespace(nama_lengkap=lambda tempat: tempat))
    monkeypatch.setattr(pesan, "fmt", SimpleNamespace(tanggal=lambda tanggal, b: "6 Februari 2024"))
    tj = SimpleNamespace(tempat="Pulo <b>Gadung</b>", periode=SimpleNamespace(tanggal=dt.date(2024, 2, 6)))
    link = "https://cakupan.example.id/?wilayah=31.75.02&segmen=BPU"
    html = pesan._html(tj, [("Capaian", "55,0 %")], ["<script>x</script>"], link, "kenapa", "id")
    assert "\n" not in html and "<script" not in html and "<b>" not in html
    assert '<h1 style="font-size:22px;margin:0 0 4px">Pulo &lt;b&gt;Gadung&lt;/b&gt;</h1>' in html
    assert '>Capaian</td><td style="padding:6px 0;font-size:20px;font-weight:700;color:#111">55,0 %</td></tr>' in html
    assert "<li>&lt;script&gt;x&lt;/script&gt;</li></ul>" in html
    assert '<a href="https://cakupan.example.id/?wilayah=31.75.02&amp;segmen=BPU">' in html
    assert "<ul" not in pesan._html(tj, [], [], link, "kenapa", "id")  # no caveats: no list
