"""Data: what was loaded and when, what was rejected and flagged (masked), the downloads and
the audit trail. Rejected rows come from every region: administrators only."""

import datetime as dt
import json

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, callback, ctx, html

import settings
from layouts import format as fmt
from layouts import keadaan, kerangka
from layouts.teks import kata_status, pick, t
from metrics import data, langganan, lingkup, wilayah
from metrics.aksi import JENIS as JENIS_AKSI
from metrics.definisi import PertanyaanTidakSah
from metrics.langganan import GalatLangganan
from metrics.pembagian import DASAR

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
    "target_cabang": ("Target cabang", "Branch targets"),  # fits the kind column at 1280 px
    "rw": ("Referensi RW", "RW reference"),
    "pekerja": ("Referensi pekerja", "Workforce reference"),
    "peta": ("Peta", "Map"),
}
PERISTIWA = {  # every event the audit trail records (jejak.audit.catat's callers), in words
    "masuk": ("Masuk", "Logged in"),
    "masuk_gagal": ("Gagal masuk", "Failed login"),
    "keluar": ("Keluar", "Logged out"),
    "muat": ("Memuat data", "Loaded data"),
    "muat_gagal": ("Pemuatan gagal", "Load failed"),
    "segarkan": ("Membangun ulang gudang data", "Rebuilt the warehouse"),
    "unduh": ("Mengunduh", "Downloaded"),
    "unduh_ditolak": ("Unduhan ditolak", "Download refused"),
    "ekspor": ("Mengekspor (baris perintah)", "Exported (command line)"),
    "laporan": ("Membuat laporan", "Made a report"),
    "laporan_kirim": ("Mengirim laporan mingguan", "Sent weekly reports"),
    "laporan_sebagian": ("Laporan: sebagian alamat ditolak", "Report: some addresses refused"),
    "langganan_tambah": ("Berlangganan laporan", "Subscribed to a report"),
    "langganan_hapus": ("Menghentikan langganan", "Stopped a subscription"),
    "laporan_kirim_ulang": ("Meminta laporan dikirim ulang", "Asked for a report to be sent again"),
    "pengguna_tambah": ("Menambah akun", "Added an account"),
    "pengguna_aktifkan": ("Mengaktifkan akun", "Enabled an account"),
    "pengguna_nonaktifkan": ("Menonaktifkan akun", "Disabled an account"),
    "pengguna_ganti_sandi": ("Mengganti sandi", "Changed a password"),
    "aksi_tambah": ("Mencatat aksi", "Recorded an action"),
    "aksi_hapus": ("Menghapus aksi", "Removed an action"),
    "target_bagi": ("Membagi target", "Split a target"),
    "target_bagi_hapus": ("Menghapus pembagian target", "Removed a target split"),
    "tulis_ditolak": ("Perubahan ditolak", "Change refused"),  # metrics.lingkup.catat_tolak, issue 31
}
OLEH = {  # who did it, when no account did (akses.pengguna.pertama_kali, lingkup.NASIONAL)
    "pertama_kali": ("Cakupan, saat pertama dijalankan", "Cakupan, at its first start"),
    "operator": ("Pengelola server", "Server operator"),
}
# An event's details: the words around each value ({}), in the order they are said. "Per event"
# where a key means another thing in another event (alamat: a client's address or a count).
RINCIAN = {
    "jenis": ("{}", "{}"),
    "nama": ("akun {}", "account {}"),
    "pengguna": ("akun {}", "account {}"),
    "id": ("no. {}", "no. {}"),
    "wilayah": ("wilayah {}", "region {}"),
    "induk": ("wilayah {}", "region {}"),
    "kantor_cabang": ("kantor cabang {}", "branch office {}"),
    "admin": ("{}", "{}"),
    "tahun": ("tahun {}", "year {}"),
    "segmen": ("{}", "{}"),
    "target_induk": ("target {}", "target {}"),
    "dasar": ("menurut {}", "on {}"),
    "anak": ("ke {} wilayah", "over {} regions"),
    "menggantikan": ("menggantikan no. {}", "replacing no. {}"),
    "mulai": ("mulai {}", "from {}"),
    "rencana": ("{}", "{}"),
    "tingkat": ("per {}", "by {}"),
    "tanggal_data": ("data {}", "data of {}"),
    "tanggal": ("data {}", "data of {}"),
    "dibaca": ("{} baris dibaca", "{} rows read"),
    "dimuat": ("{} dimuat", "{} loaded"),
    "ditolak": ("{} ditolak", "{} rejected"),
    "baris": ("{} baris", "{} rows"),
    "terkirim": ("{} terkirim", "{} sent"),
    "gagal": ("{} gagal", "{} failed"),
    "dilewati": ("{} dilewati", "{} skipped"),
    "target_turunan": ("{} target turunan berlaku", "{} derived targets in force"),
    "alamat": ("dari alamat {}", "from address {}"),
    "argumen": ("diminta: {}", "asked: {}"),
    "alasan": ("{}", "{}"),
    "berkas": ("berkas {}", "file {}"),
}
RINCIAN_PERISTIWA = {
    ("pengguna_tambah", "wilayah"): ("lingkup {}", "scope {}"),
    ("langganan_tambah", "alamat"): ("{} alamat surel", "{} email addresses"),
    ("laporan_sebagian", "ditolak"): ("{} alamat ditolak", "{} addresses refused"),
}
YA_TIDAK = {  # a yes/no detail as what it says
    "admin": (("admin", "an administrator"), ("bukan admin", "not an administrator")),
    "rencana": (("rencana", "planned"), ("sudah dilakukan", "carried out")),
}
JENIS_UNDUH = {  # what was downloaded or exported (metrics.ekspor.JENIS)
    "coverage": ("tabel cakupan", "coverage table"),
    "rw": ("tabel 1 RW 100", "1 RW 100 table"),
    "budget": ("anggaran pekerja rentan", "vulnerable-worker budget"),
    "trend": ("tren", "trend"),
    "rincian": ("rincian per segmen atau program", "breakdown by segment or programme"),
    "ditolak": ("baris ditolak", "rejected rows"),
}
JENIS_MUAT = {**JENIS_BERKAS, "segarkan": ("Pembangunan ulang", "Rebuild")}
ALASAN_MUAT = {  # a failed load's exception (etl/build._diaudit records its class): what happened
    "LoadError": ("berkas tidak bisa dimuat", "a file could not be loaded"),
    "NoHeader": ("kepala kolom tidak ditemukan", "no header row found"),
    "FileNotFoundError": ("berkas tidak ditemukan", "a file was not found"),
    "PermissionError": ("berkas tidak boleh dibaca", "a file may not be read"),
}
ALASAN_LAIN = ("galat tak terduga; rinciannya di log server", "an unexpected error; the details are in the server log")


def waktu(nilai, bahasa: str) -> str:
    """A stored UTC time as an official reads it: '6 Feb 2024 17.05 WIB' (settings.zona)."""
    if nilai is None or nilai == "":
        return ""
    w = nilai if isinstance(nilai, dt.datetime) else dt.datetime.fromisoformat(str(nilai))
    if w.tzinfo is None:
        w = w.replace(tzinfo=dt.timezone.utc)
    w = w.astimezone(settings.zona())
    return f"{fmt.tanggal_pendek(w.date(), bahasa)} {w:%H.%M} {w.tzname() or ''}".rstrip()


def rincian_kata(teks: str | None, bahasa: str, peristiwa: str | None = None) -> str:
    """An event's details (stored as JSON) as words, e.g. 'tabel cakupan · per kecamatan · 10
    baris · berkas x.csv': every key jejak.audit.catat's callers write (RINCIAN), names never
    paths, yes/no as what it means ('bukan admin'), codes as their words."""
    if not teks:
        return ""
    try:
        isi = json.loads(teks)
    except ValueError:
        return str(teks)
    if not isinstance(isi, dict):
        return str(isi)
    if "alasan_en" in isi:  # a reason recorded in both languages
        isi = {**isi, "alasan": isi["alasan_en"]} if bahasa == "en" else isi
        isi = {k: v for k, v in isi.items() if k != "alasan_en"}
    urutan = {k: i for i, k in enumerate(RINCIAN)}
    bagian = []
    for k, v in sorted(isi.items(), key=lambda kv: urutan.get(kv[0], len(urutan))):
        if v is None or v == []:
            continue  # nothing to say
        nilai = _nilai_rincian(peristiwa, k, v, bahasa)
        bentuk = RINCIAN_PERISTIWA.get((peristiwa, k)) or RINCIAN.get(k, (f"{k} {{}}", f"{k} {{}}"))
        if k == "berkas" and v == "-":
            bentuk = ("ditulis ke layar", "written to the screen")  # an export to stdout: no file
        bagian.append(pick(bentuk, bahasa).format(nilai))
    return " · ".join(bagian)


def _nilai_rincian(peristiwa: str | None, k: str, v, b: str) -> str:
    """One detail's value in words: a code by its name, a date as a date, a count with its dots."""
    if isinstance(v, bool):
        ya, tidak = YA_TIDAK.get(k, (("ya", "yes"), ("tidak", "no")))
        return pick(ya if v else tidak, b)
    if k == "jenis":
        kamus = {"aksi_tambah": JENIS_AKSI, "muat": JENIS_MUAT, "muat_gagal": JENIS_MUAT}
        kamus["tulis_ditolak"] = PERISTIWA  # a refused write names what it would have been
        kamus = kamus.get(peristiwa, JENIS_UNDUH)
        return pick(kamus[v], b) if v in kamus else str(v)
    if k == "alasan" and peristiwa == "muat_gagal":
        return pick(ALASAN_MUAT.get(v, ALASAN_LAIN), b)
    if k in ("wilayah", "induk"):
        return _wilayah(str(v), b)
    if k == "segmen":
        return pick(("semua segmen", "all segments"), b) if v == "SEMUA" else f"{pick(('segmen', 'segment'), b)} {v}"
    if k == "dasar" and v in DASAR:
        kata = pick(DASAR[v], b)
        return kata[:1].lower() + kata[1:]
    if k == "tingkat":
        return pick(kerangka.TINGKAT_KATA.get(v, (v, v)), b)
    if k in ("tanggal_data", "tanggal", "mulai"):
        try:
            return fmt.tanggal_pendek(dt.date.fromisoformat(str(v)[:10]), b)
        except ValueError:
            return str(v)
    if k in ("id", "tahun", "menggantikan"):  # numbers that name, not counts: no thousands dot
        return ", ".join(map(str, v)) if isinstance(v, list) else str(v)
    if isinstance(v, int):
        return fmt.angka(v, b)
    if isinstance(v, dict):
        return ", ".join(f"{a} {c}" for a, c in v.items())
    if isinstance(v, list):
        return ", ".join(str(x).rsplit("/", 1)[-1] for x in v)
    if isinstance(v, str) and "/" in v and k in ("berkas", "path"):
        return v.rsplit("/", 1)[-1]
    return str(v)


def _wilayah(kode: str, b: str) -> str:
    """A place by its name and code ('Jakarta Timur (31.75)'); the whole country as Indonesia."""
    if kode == "ID":
        return "Indonesia"
    try:
        return f"{wilayah.tempat(kode).nama} ({kode})"
    except (PertanyaanTidakSah, ValueError):  # a code no longer in the reference: the code
        return kode


def oleh_kata(oleh: str | None, bahasa: str) -> str:
    """Who did it: an account or system user by name; the first start, the server's own runs and a
    login name that is no account (kept as '?' and a keyed hash, jejak.audit.nama_samaran) in words."""
    if not oleh:
        return ""
    if oleh in OLEH:
        return pick(OLEH[oleh], bahasa)
    if oleh.startswith("?"):
        return f"{pick(('nama tak dikenal', 'unknown name'), bahasa)} #{oleh[1:]}"
    return oleh


def lingkup_kata(nilai: str | None, bahasa: str) -> str:
    """An event's scope: the whole country and a branch in words, a place by its code."""
    if not nilai:
        return ""
    if nilai == "ID":
        return pick(("Nasional", "National"), bahasa)
    if nilai.startswith("cabang:"):
        return f"{pick(('Kantor cabang', 'Branch office'), bahasa)} {nilai.removeprefix('cabang:')}"
    return nilai


def _sel(kolom: str, v, bahasa: str, baris: dict):
    if kolom == "rincian":
        return rincian_kata(v, bahasa, baris.get("peristiwa"))
    if kolom == "oleh" and "peristiwa" in baris:  # the audit trail's; a load's is its system user
        return oleh_kata(v, bahasa)
    if kolom == "lingkup":
        return lingkup_kata(v, bahasa)
    if kolom in ("waktu", "waktu_mulai", "terakhir") or (kolom == "berikutnya" and v and v[:1].isdigit()):
        return waktu(v, bahasa)
    if kolom == "peristiwa":
        return pick(PERISTIWA.get(v, (v, v)), bahasa)
    if kolom in ("jenis", "jenis_berkas") and v in JENIS_BERKAS:
        return pick(JENIS_BERKAS[v], bahasa)
    if kolom == "berkas" and isinstance(v, str):  # a name, not a server path; it breaks at ', ', not at a hyphen
        return ", ".join(x.strip().rsplit("/", 1)[-1].replace("-", "\u2011") for x in v.split(", "))
    if isinstance(v, dt.date):
        return fmt.tanggal_pendek(v, bahasa)
    return v


def _tabel(id_, rows, kolom, bahasa):
    if not rows:
        return dmc.Text(t("tidak_ada", bahasa), id=id_)
    rows = [{k: _sel(k, v, bahasa, r) for k, v in r.items()} for r in rows]
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
    tabel = dag.AgGrid(
        id=id_,
        rowData=rows,
        columnDefs=cols,
        defaultColDef={"sortable": True, "resizable": True},
        dashGridOptions={"domLayout": "autoHeight" if len(rows) <= 15 else "normal"},
        className="ag-theme-quartz cakupan-grid",
        style={} if len(rows) <= 15 else {"height": "480px"},
    )
    # on a phone a row is a card, every column named with its value: nothing behind a sideways scroll
    return html.Div([dmc.Box(tabel, visibleFrom="sm"), dmc.Box(_kartu(id_, rows, cols, bahasa), hiddenFrom="sm")])


def _kartu(id_: str, rows: list[dict], cols: list[dict], bahasa: str) -> dmc.Stack:
    """`_tabel`'s rows for a phone: a card a row, each column's name over its value, two to a row."""
    kartu = [
        dmc.Card(
            dmc.SimpleGrid(
                [
                    dmc.Stack(
                        [
                            dmc.Text(c["headerName"], size="sm", c="dimmed", lh=1.2),
                            dmc.Text(
                                fmt.angka(r.get(c["field"]), bahasa)
                                if c["field"] in NUMBERS and isinstance(r.get(c["field"]), (int, float))
                                else str(r.get(c["field"]) if r.get(c["field"]) is not None else "-"),
                                fw=600,
                                style={"overflowWrap": "anywhere"},
                            ),
                        ],
                        gap=0,
                    )
                    for c in cols
                ],
                cols=2,
                spacing="xs",
            ),
            withBorder=True,
            padding="sm",
        )
        for r in rows
    ]
    return dmc.Stack(kartu, gap="xs", id=f"{id_}-kartu")


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
    mungkin = [dict(r) for r in rows if r["status"] == "mungkin"]  # before the words replace the codes
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
        *_mungkin(mungkin, b),
        html.Div(id="data-ulang-pesan"),
    ]


ULANG = {
    "isi": (
        "Laporan langganan {id} ({wilayah}, data {tanggal}) terputus di tengah pengiriman: mungkin sudah sampai, "
        "mungkin belum. Laporan ini tidak dikirim lagi dengan sendirinya.",
        "Subscription {id}'s report ({wilayah}, data of {tanggal}) was cut off while being sent: it may or may not "
        "have arrived. It is not sent again by itself.",
    ),
    "tombol": ("Kirim ulang", "Send again"),
    "berhasil": (
        "Laporan langganan {id} (data {tanggal}) dikirim ulang pada pengiriman terjadwal berikutnya, ke alamat "
        "yang sama dan dengan pengenal surel yang sama (penerima yang sudah menerimanya melihat satu surel).",
        "Subscription {id}'s report (data of {tanggal}) goes again at the next scheduled send, to the same addresses "
        "with the same message id (a recipient who had it sees one email).",
    ),
    "gagal": ("Tidak bisa", "Cannot"),
}


def _mungkin(rows: list[dict], b: str) -> list:
    """Deliveries a run left half-done (issue 31): each said in words, with a button that asks the
    next run to send it again (metrics.langganan.kirim_ulang: admins who manage the account, audited)."""
    return [
        dmc.Alert(
            dmc.Group(
                [
                    dmc.Text(
                        pick(ULANG["isi"], b).format(
                            id=r["langganan_id"],
                            wilayah=_nama_tempat(r["wilayah"]),
                            tanggal=fmt.tanggal(dt.date.fromisoformat(r["tanggal_data"]), b),
                        )
                    ),
                    html.Button(
                        pick(ULANG["tombol"], b),
                        id={"type": "data-kirim-ulang", "id": r["langganan_id"]},
                        className="tombol-unduh",
                    ),
                ],
                justify="space-between",
                wrap="wrap",
            ),
            color="orange",
            id=f"data-mungkin-{r['langganan_id']}",
        )
        for r in rows
    ]


def _nama_tempat(kode: str) -> str:
    try:
        return wilayah.nama_lengkap(wilayah.tempat(kode))
    except PertanyaanTidakSah:
        return kode


@callback(
    Output("data-ulang-pesan", "children"),
    Input({"type": "data-kirim-ulang", "id": ALL}, "n_clicks"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _kirim_ulang(klik, search):
    """An admin asks for a delivery that may not have arrived to go again: checked and audited in
    metrics.langganan.kirim_ulang (the id from the button is trusted for nothing else)."""
    b = keadaan.bahasa_dari(keadaan.dari_search(search))
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not any(isinstance(n, int) and n for n in klik or []):
        return dash.no_update
    nomor = trigger.get("id")
    if not isinstance(nomor, int) or isinstance(nomor, bool):
        return dash.no_update
    try:
        tanggal = langganan.kirim_ulang(nomor)
    except (GalatLangganan, PertanyaanTidakSah) as e:  # TanpaAkses is one
        return dmc.Alert(e.teks(b), title=pick(ULANG["gagal"], b), color="red", id="data-ulang-hasil")
    teks = pick(ULANG["berhasil"], b).format(id=nomor, tanggal=fmt.tanggal(dt.date.fromisoformat(tanggal), b))
    return dmc.Alert(teks, color="green", id="data-ulang-hasil")


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
