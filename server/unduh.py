"""Downloads: /unduh/<jenis>.csv|xlsx?wilayah=..&snapshot=..&tingkat=..: every row, the same numbers
and filters as the page, made on the server by metrics.ekspor. Every argument is checked there;
a bad one gets a 400 with the reason, never a partial file. A place or branch outside the
account's scope gets a 403 (the scope is enforced in metrics/). Every download is audited."""

from __future__ import annotations

from flask import Response, request

from jejak import audit
from metrics import ekspor, lingkup, periode, pertanyaan
from metrics.definisi import PertanyaanTidakSah

JENIS_MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def unduh(jenis: str, akhiran: str) -> Response:
    if akhiran not in JENIS_MIME:
        return Response("Format unduhan: csv atau xlsx\n", status=404, mimetype="text/plain")
    try:
        tanya = pertanyaan.dari_teks_ketat(request.args.to_dict())
        tingkat = request.args.get("tingkat") or tanya.tempat.tingkat
        dimensi = request.args.get("dimensi") or "segmen"
        header, rows = ekspor.isi_berkas(jenis, tanya, tingkat, dimensi)
    except lingkup.TanpaAkses as e:
        audit.catat(
            "unduh_ditolak",
            lingkup.aktif().nama,
            lingkup.aktif().label,
            jenis=jenis,
            argumen=request.args.to_dict(),
            alasan=str(e),
        )
        return Response(f"Tidak bisa mengunduh: {e}\n", status=403, mimetype="text/plain")
    except (PertanyaanTidakSah, periode.BelumAdaData) as e:
        return Response(f"Tidak bisa mengunduh: {e}\n", status=400, mimetype="text/plain")
    nama = ekspor.nama_berkas(jenis, tingkat, tanya, akhiran)
    audit.catat("unduh", lingkup.aktif().nama, lingkup.aktif().label, berkas=nama, baris=len(rows))
    body = ekspor.csv_teks(header, rows).encode("utf-8") if akhiran == "csv" else ekspor.xlsx_bytes(header, rows)
    return Response(
        body,
        mimetype=JENIS_MIME[akhiran],
        headers={"Content-Disposition": f'attachment; filename="{nama}"', "Cache-Control": "no-store"},
    )


def pasang(server) -> None:
    """Register the download route on the Flask server."""
    server.add_url_rule("/unduh/<jenis>.<akhiran>", "unduh", unduh)
