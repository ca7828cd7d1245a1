"""Data: what was loaded and when, what was rejected and flagged (masked), the downloads and
the audit trail. Rejected rows come from every region: administrators only."""

import datetime as dt
import json

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc

import settings
from layouts import format as fmt
from layouts import kerangka
from layouts.teks import kata_status, pick, t
from metrics import data, langganan, lingkup

dash.register_page(__name__, path="/data", name="Data", title=kerangka.judul_tab("data"))


def layout(**query):
    return kerangka.halaman(query, "/data", _isi, simpan=False)  # the audit trail moves without a new build


NUMBERS = ("dibaca", "dimuat", "ditolak", "jumlah", "baris_judul", "baris_jumlah")
WORDS = ("berkas", "catatan", "arti", "rincian")  # long text: wraps, never cut


def _lebar(field: str) -> dict:
    """Numbers narrow, long words wide and wrapped, so nothing is cut at 1280 px."""
    if field in NUMBERS:
        return {"flex": 1, "minWidth": 120 if field.startswith("baris_") else 90}
    if field in WORDS:
        return {"flex": 3, "minWidth": 180, "wrapText": True, "autoHeight": True}
    if field in ("waktu_mulai", "waktu"):
        return {"flex": 2, "minWidth": 200, "wrapText": True, "autoHeight": True}
    return {"flex": 2, "minWidth": 110}


# Column headings, (id, en): every word on the page in the chosen language.
JUDUL = {
    "langganan_id": ("Langganan", "Subscription"),
    "pengguna": ("Akun", "Account"),
    "status": ("Status", "Status"),
    "percobaan": ("Percobaan", "Tries"),
    "terakhir": ("Terakhir", "Last try"),
    "berikutnya": ("Coba lagi", "Next try"),
    "galat": ("Sebab", "Cause"),
    "jenis": ("Jenis", "Kind"),
    "jenis_berkas": ("Jenis", "Kind"),
    "tanggal_data": ("Tanggal data", "Data date"),
    "waktu_mulai": ("Waktu muat", "Loaded at"),
    "waktu": ("Waktu", "Time"),
    "oleh": ("Oleh", "By"),
    "dibaca": ("Dibaca", "Read"),
    "dimuat": ("Dimuat", "Loaded"),
    "ditolak": ("Ditolak", "Rejected"),
    "berkas": ("Berkas", "File"),
    "lembar": ("Lembar", "Sheet"),
    "baris_judul": ("Baris judul", "Title rows"),
    "baris_jumlah": ("Baris jumlah", "Totals rows"),
    "catatan": ("Catatan", "Notes"),
    "arti": ("Alasan", "Reason"),
    "jumlah": ("Jumlah", "Rows"),
    "peristiwa": ("Peristiwa", "Event"),
    "lingkup": ("Lingkup", "Scope"),
    "rincian": ("Rincian", "Details"),
}
JENIS_BERKAS = {
    "peserta": ("Daftar peserta", "Roster"),
    "target": ("Target", "Targets"),
    "rw": ("Referensi RW", "RW reference"),
    "pekerja": ("Referensi pekerja", "Workforce reference"),
    "peta": ("Peta", "Map"),
}
PERISTIWA = {  # the audit trail's events (jejak/audit.catat) in words
    "masuk": ("Masuk", "Logged in"),
    "masuk_gagal": ("Gagal masuk", "Failed login"),
    "keluar": ("Keluar", "Logged out"),
    "muat": ("Memuat data", "Loaded data"),
    "muat_gagal": ("Pemuatan gagal", "Load failed"),
    "unduh": ("Mengunduh", "Downloaded"),
    "unduh_ditolak": ("Unduhan ditolak", "Download refused"),
    "ekspor": ("Mengekspor (baris perintah)", "Exported (command line)"),
    "laporan": ("Membuat laporan", "Made a report"),
    "laporan_kirim": ("Mengirim laporan mingguan", "Sent weekly reports"),
    "laporan_sebagian": ("Laporan: sebagian alamat ditolak", "Report: some addresses refused"),
    "langganan_tambah": ("Berlangganan laporan", "Subscribed to a report"),
    "langganan_hapus": ("Menghentikan langganan", "Stopped a subscription"),
    "pengguna_tambah": ("Menambah akun", "Added an account"),
    "pengguna_aktifkan": ("Mengaktifkan akun", "Enabled an account"),
    "pengguna_nonaktifkan": ("Menonaktifkan akun", "Disabled an account"),
    "pengguna_ganti_sandi": ("Mengganti sandi", "Changed a password"),
}
KATA_RINCIAN = {  # the keys of an event's details
    "berkas": ("berkas", "file"),
    "baris": ("baris", "rows"),
    "alamat": ("alamat", "address"),
    "alasan": ("alasan", "reason"),
    "jenis": ("jenis", "kind"),
    "argumen": ("permintaan", "request"),
    "tanggal_data": ("tanggal data", "data date"),
    "wilayah": ("wilayah", "region"),
    "pengguna": ("akun", "account"),
}


def waktu(nilai, bahasa: str) -> str:
    """A stored UTC time as an official reads it: '6 Feb 2024 17.05 WIB' (settings.zona)."""
    if nilai is None or nilai == "":
        return ""
    w = nilai if isinstance(nilai, dt.datetime) else dt.datetime.fromisoformat(str(nilai))
    if w.tzinfo is None:
        w = w.replace(tzinfo=dt.timezone.utc)
    w = w.astimezone(settings.zona())
    return f"{fmt.tanggal_pendek(w.date(), bahasa)} {w:%H.%M} {w.tzname() or ''}".rstrip()


def rincian_kata(teks: str | None, bahasa: str) -> str:
    """An event's details (stored as JSON) as 'file roster.csv · rows 12': names, never paths."""
    if not teks:
        return ""
    try:
        isi = json.loads(teks)
    except ValueError:
        return str(teks)
    bagian = []
    if isinstance(isi, dict) and "alasan_en" in isi:  # a reason recorded in both languages
        isi = {**isi, "alasan": isi["alasan_en"]} if bahasa == "en" else isi
        isi = {k: v for k, v in isi.items() if k != "alasan_en"}
    for k, v in isi.items() if isinstance(isi, dict) else []:
        if v is None:
            continue  # nothing to say
        if isinstance(v, bool):
            v = pick(("ya", "yes") if v else ("tidak", "no"), bahasa)
        elif isinstance(v, int):
            v = fmt.angka(v, bahasa)
        elif isinstance(v, dict):
            v = ", ".join(f"{a}={b}" for a, b in v.items())
        elif isinstance(v, list):
            v = ", ".join(str(x).rsplit("/", 1)[-1] for x in v)
        elif isinstance(v, str) and "/" in v and k in ("berkas", "path"):
            v = v.rsplit("/", 1)[-1]
        bagian.append(f"{pick(KATA_RINCIAN.get(k, (k, k)), bahasa)} {v}")
    return " · ".join(bagian)


def _sel(kolom: str, v, bahasa: str):
    if kolom in ("waktu", "waktu_mulai", "terakhir") or (kolom == "berikutnya" and v and v[:1].isdigit()):
        return waktu(v, bahasa)
    if kolom == "peristiwa":
        return pick(PERISTIWA.get(v, (v, v)), bahasa)
    if kolom in ("jenis", "jenis_berkas") and v in JENIS_BERKAS:
        return pick(JENIS_BERKAS[v], bahasa)
    if kolom == "rincian":
        return rincian_kata(v, bahasa)
    if kolom == "berkas" and isinstance(v, str):  # a name, not a server path; it breaks at ', ', not at a hyphen
        return ", ".join(x.strip().rsplit("/", 1)[-1].replace("-", "\u2011") for x in v.split(", "))
    if isinstance(v, dt.date):
        return fmt.tanggal_pendek(v, bahasa)
    return v


def _tabel(id_, rows, kolom, bahasa):
    if not rows:
        return dmc.Text(t("tidak_ada", bahasa), id=id_)
    rows = [{k: _sel(k, v, bahasa) for k, v in r.items()} for r in rows]
    cols = [
        {
            "field": f,
            "headerName": pick(h if isinstance(h, tuple) else JUDUL.get(f, (h, h)), bahasa),
            **_lebar(f),
            **(
                {"valueFormatter": {"function": f"cakupanAngka(params.value, '{bahasa}')"}, "type": "rightAligned"}
                if f in NUMBERS
                else {}
            ),
        }
        for f, h in kolom
    ]
    return dag.AgGrid(
        id=id_,
        rowData=rows,
        columnDefs=cols,
        defaultColDef={"sortable": True, "resizable": True},
        dashGridOptions={"domLayout": "autoHeight" if len(rows) <= 15 else "normal"},
        className="ag-theme-quartz cakupan-grid",
        style={} if len(rows) <= 15 else {"height": "480px"},
    )


def _isi(k):
    b = k.bahasa
    akun = lingkup.aktif()
    if not akun.admin:
        return dmc.Alert(t("hanya_admin", b), color="blue", id="data-hanya-admin")
    if not akun.nasional:  # a regional admin: its region's rejects and audit, no national file counts
        bagian = [
            dmc.Alert(t("admin_wilayah", b), color="blue", id="data-admin-wilayah"),
            *_ditolak(k),
            *_kiriman(b),
            *_audit(b),
        ]
        return dmc.Stack(bagian, gap="md")
    return dmc.Stack([*_muat(b), *_ditolak(k), *_ditandai(b), *_kiriman(b), *_audit(b)], gap="md")


def _kiriman(b: str) -> list:
    """The weekly reports sent by email (issue 20): failed ones first, with why and when they are
    tried again; and whether mail is set up at all."""
    rows = langganan.kiriman()
    for r in rows:
        r["status"] = kata_status(r["status"], b)
        if r["berikutnya"] is None and r["status"] in ("gagal", "failed"):
            r["berikutnya"] = pick(("tidak lagi", "given up"), b)
    # whether mail is set up is the sending process's business (the timer's environment, not the
    # dashboard's): a waiting report says why it waits in its row
    return [
        dmc.Title(t("kiriman", b), order=3),
        dmc.Text(t("kiriman_isi", b), c="dimmed", id="data-kiriman-isi"),
        _tabel(
            "data-kiriman",
            rows,
            [
                ("langganan_id", "Langganan"),
                ("pengguna", "Akun"),
                ("wilayah", "Wilayah"),
                ("tanggal_data", "Tanggal data"),
                ("status", "Status"),
                ("percobaan", "Percobaan"),
                ("terakhir", "Terakhir"),
                ("berikutnya", "Coba lagi"),
                ("galat", "Sebab"),
            ],
            b,
        ),
    ]


def _muat(b: str) -> list:
    return [
        dmc.Title(t("riwayat", b), order=3),
        _tabel(
            "data-riwayat",
            data.riwayat(),
            [
                ("jenis", "Jenis"),
                ("tanggal_data", "Tanggal data"),
                ("waktu_mulai", "Waktu muat"),
                ("oleh", "Oleh"),
                ("dibaca", "Dibaca"),
                ("dimuat", "Dimuat"),
                ("ditolak", "Ditolak"),
                ("berkas", "Berkas"),
            ],
            b,
        ),
        dmc.Title(t("rincian_muat", b), order=3),
        dmc.Text(t("rincian_muat_isi", b), c="dimmed"),
        _tabel(
            "data-rincian",
            data.rincian_muat(b),
            [
                ("tanggal_data", "Tanggal data"),
                ("berkas", "Berkas"),
                ("lembar", "Lembar"),
                ("dibaca", "Dibaca"),
                ("dimuat", "Dimuat"),
                ("ditolak", "Ditolak"),
                ("baris_judul", "Baris judul"),
                ("baris_jumlah", "Baris jumlah"),
                ("catatan", "Catatan"),
            ],
            b,
        ),
    ]


def _ditolak(k) -> list:
    b = k.bahasa
    return [
        dmc.Group(
            [dmc.Title(t("ditolak", b), order=3), kerangka.unduh(k, "ditolak", nama="ditolak")],
            justify="space-between",
        ),
        dmc.Text(t("ditolak_unduh", b), c="dimmed"),
        _tabel(
            "data-ditolak",
            data.ditolak_per_alasan(b),
            [
                ("jenis_berkas", "Jenis"),
                ("tanggal_data", "Tanggal data"),
                ("berkas", "Berkas"),
                ("arti", "Alasan"),
                ("jumlah", "Jumlah"),
            ],
            b,
        ),
    ]


def _ditandai(b: str) -> list:
    return [
        dmc.Title(t("ditandai", b), order=3),
        _tabel(
            "data-ditandai",
            data.ditandai(b),
            [
                ("tanggal_data", "Tanggal data"),
                ("berkas", "Berkas"),
                ("arti", ("Tanda", "Flag")),
                ("jumlah", "Jumlah"),
            ],
            b,
        ),
    ]


def _audit(b: str) -> list:
    return [
        dmc.Title(t("jejak_audit", b), order=3),
        _tabel(
            "data-audit",
            data.jejak_audit(),
            [
                ("waktu", "Waktu"),
                ("oleh", "Oleh"),
                ("peristiwa", "Peristiwa"),
                ("lingkup", "Lingkup"),
                ("rincian", "Rincian"),
            ],
            b,
        ),
    ]
