"""No part exceeds its whole, on any page or export, under any filter (issue 18, item 11): each
programme, segment, source, branch and vulnerable-worker count <= peserta aktif <= peserta
terdaftar. The rollups do not cross one programme with another, so under a programme filter the
other programmes' counts are unknown (empty), never the unfiltered totals. On the weekly seed."""

import datetime as dt
import json

import pytest

from metrics import cakupan, definisi, ekspor
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya

PG = "31.75.02.1001"
PROGRAM = [f"aktif_{p.lower()}" for p in definisi.PROGRAM]
# Every level, inside the nation down to kab/kota and inside DKI Jakarta below (the seed's places;
# the other 80.000 kelurahan of the reference are zero rows, and cost the suite 10 s a filter).
TINGKAT = (("ID", "provinsi"), ("ID", "kabkota"), ("31", "kecamatan"), ("31", "kelurahan"))
DIMENSI = ("segmen", "sumber_iuran", "pekerja_rentan", "kantor_cabang")


def _filters() -> list[Filter]:
    out = [Filter()]
    out += [Filter(program=p) for p in definisi.PROGRAM]
    out += [Filter(segmen=s) for s in definisi.SEGMEN]
    out += [Filter(sumber_iuran=s) for s in definisi.SUMBER_IURAN]
    out += [Filter(pekerja_rentan=v) for v in (True, False)]
    out += [Filter(kantor_cabang=c) for c in ("Jakarta Rawamangun", "Jakarta Pulo Gadung")]
    out += [Filter(segmen="BPU", program="JHT"), Filter(program="JKM", sumber_iuran="APBD")]
    return out


def _baris(header, rows) -> list[dict]:
    return [dict(zip(header, r, strict=True)) for r in rows]


def _kurang_dari(bagian, utuh, apa):
    assert bagian is None or (utuh is not None and bagian <= utuh), apa


def test_under_a_programme_filter_other_programmes_are_unknown(minggu):
    """Pulo Gadung on 2024-02-06 (seed/README.md): JHT is held by P9-P13 (5 active); the four
    vulnerable workers P1-P4 hold JKK and JKM only, so under JHT none of them counts."""
    jht = cakupan.angka_tempat(tanya(PG, filt=Filter(program="JHT")), ["peserta_aktif", *PROGRAM, "pekerja_rentan"])
    assert [jht[p] for p in PROGRAM] == [None, None, 5, None, None]
    assert (jht["peserta_aktif"], jht["pekerja_rentan"]) == (5, 0)  # before: 11 in JKK, 4 rentan
    jkp = cakupan.angka_tempat(tanya(PG, filt=Filter(program="JKP")), ["peserta_aktif", "aktif_jkk"])
    assert (jkp["peserta_aktif"], jkp["aktif_jkk"]) == (0, None)  # no one holds JKP; was 11
    budget = cakupan.angka_tempat(
        tanya(PG, filt=Filter(program="JKM")), ["pekerja_rentan", "pekerja_rentan_aktif", "rentan_apbd"]
    )
    assert (budget["pekerja_rentan"], budget["pekerja_rentan_aktif"], budget["rentan_apbd"]) == (4, 4, 2)


@pytest.mark.parametrize("filt", _filters(), ids=lambda f: "-".join(f.teks().values()) or "semua")
def test_no_part_exceeds_its_whole(minggu, filt):
    for induk, tingkat in TINGKAT:
        t = tanya(induk, filt=filt)
        cov = _baris(*ekspor.isi_berkas("coverage", t, tingkat))
        bud = {r["kode_wilayah"]: r for r in _baris(*ekspor.isi_berkas("budget", t, tingkat))}
        rw = {r["kode_wilayah"]: r for r in _baris(*ekspor.isi_berkas("rw", t, tingkat))} if filt.di_rw else {}
        assert cov, tingkat
        for r in cov:
            apa = f"{tingkat} {r['kode_wilayah']} {filt}"
            _kurang_dari(r["peserta_aktif"], r["peserta_terdaftar"], apa)
            for p in PROGRAM:
                _kurang_dari(r[p], r["peserta_aktif"], f"{p} {apa}")
            b = bud[r["kode_wilayah"]]
            _kurang_dari(b["pekerja_rentan_aktif"], r["peserta_aktif"], f"rentan aktif {apa}")
            _kurang_dari(b["pekerja_rentan"], r["peserta_terdaftar"], f"rentan {apa}")
            assert b["rentan_apbd"] + b["rentan_csr"] + b["rentan_lain"] == b["pekerja_rentan"], apa
            if r["kode_wilayah"] in rw:
                assert rw[r["kode_wilayah"]]["peserta_aktif"] == r["peserta_aktif"], apa
    for kode in ("ID", "31", "31.75", "31.75.02", PG):
        tk = tanya(kode, filt=filt)
        utuh = cakupan.angka_tempat(tk, ["peserta_terdaftar", "peserta_aktif", *PROGRAM])
        for p in PROGRAM:  # the Segmen page's programme chart
            _kurang_dari(utuh[p], utuh["peserta_aktif"], f"{p} {kode} {filt}")
        for dimensi in DIMENSI:  # the Segmen page's charts and the breakdown exports
            bagian = _baris(*ekspor.isi_berkas("rincian", tk, dimensi=dimensi))
            assert sum(r["peserta_aktif"] for r in bagian) == utuh["peserta_aktif"], (dimensi, kode, filt)
            assert sum(r["peserta_terdaftar"] for r in bagian) == utuh["peserta_terdaftar"], (dimensi, kode, filt)
            for r in bagian:
                _kurang_dari(r["peserta_aktif"], r["peserta_terdaftar"], f"{dimensi} {kode} {filt}")
        for r in _baris(*ekspor.isi_berkas("trend", tk)):
            _kurang_dari(r["peserta_aktif"], r["peserta_terdaftar"], f"tren {r['tanggal_data']} {kode} {filt}")
    if filt.di_rw:
        rws = _baris(*ekspor.isi_berkas("rw", tanya(PG, filt=filt), "rw"))
        pg = cakupan.angka_tempat(tanya(PG, filt=filt), ["peserta_aktif"])
        assert sum(r["peserta_aktif"] for r in rws) == pg["peserta_aktif"]


def test_an_older_snapshot_holds_too(minggu):
    t = tanya("31.75.02", dt.date(2024, 1, 30), Filter(program="JP"))
    (r,) = _baris(*ekspor.isi_berkas("coverage", t, "kelurahan"))[:1]
    assert (r["peserta_aktif"], r["aktif_jp"], r["aktif_jkk"]) == (2, 2, None)  # P9, P10 in Pulo Gadung


def _grafik(komponen, id_):
    """The figure of the dcc.Graph with id `id_` inside a page's layout."""
    if getattr(komponen, "id", None) == id_:
        return komponen.figure
    anak = getattr(komponen, "children", None)
    for c in anak if isinstance(anak, list) else [anak] if anak is not None else []:
        if hasattr(c, "children") or hasattr(c, "figure"):
            found = _grafik(c, id_)
            if found is not None:
                return found
    return None


def test_the_segmen_page_shows_only_the_filtered_programme(minggu, dash_app):
    import dash
    import plotly

    layout = next(p["layout"] for p in dash.page_registry.values() if p["path"] == "/segmen")
    page = layout(wilayah=PG, program="JHT")
    fig = _grafik(page, "segmen-program")
    (bar,) = fig["data"]
    assert (list(bar["y"]), list(bar["x"])) == (["JHT · Jaminan Hari Tua"], [5])  # horizontal bars
    assert "jumlah program lain tidak diketahui" in json.dumps(page, cls=plotly.utils.PlotlyJSONEncoder)
    semua = _grafik(layout(wilayah=PG), "segmen-program")
    assert list(semua["data"][0]["x"]) == [11, 11, 5, 5, 0]  # JKK JKM JHT JP JKP (seed/README.md)
