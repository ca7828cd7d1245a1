"""Data: what was loaded and when, what was rejected and flagged (masked), the downloads and
the audit trail. Rejected rows come from every region: administrators only."""

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc

from layouts import kerangka
from layouts.teks import t
from metrics import data, lingkup

dash.register_page(__name__, path="/data", name="Data", title="Cakupan · Data")


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
        return {"flex": 2, "minWidth": 200}
    return {"flex": 2, "minWidth": 110}


def _tabel(id_, rows, kolom, bahasa):
    if not rows:
        return dmc.Text(t("tidak_ada", bahasa), id=id_)
    rows = [
        {
            k: (
                v.isoformat(sep=" ", timespec="seconds")
                if hasattr(v, "hour")
                else v.isoformat()
                if hasattr(v, "isoformat")
                else v
            )
            for k, v in r.items()
        }
        for r in rows
    ]
    cols = [
        {
            "field": f,
            "headerName": h,
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
        bagian = [dmc.Alert(t("admin_wilayah", b), color="blue", id="data-admin-wilayah"), *_ditolak(k), *_audit(b)]
        return dmc.Stack(bagian, gap="md")
    return dmc.Stack([*_muat(b), *_ditolak(k), *_ditandai(b), *_audit(b)], gap="md")


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
                ("alasan", "Kode"),
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
                ("arti", "Jenis"),
                ("jenis", "Kode"),
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
                ("waktu", "Waktu (UTC)"),
                ("oleh", "Oleh"),
                ("peristiwa", "Peristiwa"),
                ("lingkup", "Lingkup"),
                ("rincian", "Rincian"),
            ],
            b,
        ),
    ]
