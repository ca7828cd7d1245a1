"""Pembagian target (issue 21): a kecamatan's target split over its kelurahan on each basis, with
the answers worked out by hand in tests/seed/README.md ("bagi_*.csv"); explicit targets win;
the split is served by the next build, labelled in the pages' rows and the export, redone and
removed."""

import csv
import io
from fractions import Fraction

import pytest

from commands.metrics import main
from etl import build
from isian.pembagian import GalatPembagian
from metrics import cakupan, lingkup, pembagian
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya
from tests.conftest import SEED, load

PG = "31.75.02"  # Pulogadung: kelurahan 1001 Pulo Gadung ... 1007 Jati
KEL = [f"{PG}.100{i}" for i in range(1, 8)]


def _target(path, rows):
    path.write_text("kode_wilayah,tahun,segmen,target\n" + "".join(f"{k},2024,{s},{t}\n" for k, s, t in rows))
    return path


@pytest.fixture
def bagi_seed(data_dir, cetakan):
    """The split case's roster and references (a copy of the session's build: splits are written here)."""
    return cetakan("bagi", _bangun_bagi, data_dir)


def _bangun_bagi() -> None:
    load([SEED / "bagi_peserta.csv"])
    for kind, name in (("target", "bagi_target.csv"), ("rw", "bagi_rw.csv"), ("pekerja", "bagi_pekerja.csv")):
        build.load_reference(kind, SEED / name)


def _hasil(u):
    return [a.target for a in u.anak]


def test_largest_remainder_adds_up_and_breaks_ties_by_code():
    assert pembagian.bagi(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    assert pembagian.bagi(7, {"b": 1, "a": 1}) == {"a": 4, "b": 3}
    assert pembagian.bagi(10, {"x": 0, "y": 3}) == {"x": 0, "y": 10}
    with pytest.raises(GalatPembagian, match="0 untuk semua"):
        pembagian.bagi(10, {"x": 0})


def test_a_split_on_each_basis_is_the_hand_worked_one(bagi_seed):
    q = tanya(PG)
    rata = pembagian.usulan(q, "rata")  # 100 / 7 = 14 r 2: the first two codes get 15
    assert _hasil(rata) == [15, 15, 14, 14, 14, 14, 14] and rata.dibagi == 100 and rata.sendiri == 0
    rw = pembagian.usulan(q, "rw")  # RWs 8, 6, 5, 4, 3, 2, 2 of 30
    assert [a.nilai_dasar for a in rw.anak] == [8, 6, 5, 4, 3, 2, 2]
    assert _hasil(rw) == [27, 20, 17, 13, 10, 7, 6] and rw.anak[0].bagian == Fraction(8, 30)
    pekerja = pembagian.usulan(q, "pekerja")  # workforce 300, 200, 100 x 5 of 1.000: exact
    assert _hasil(pekerja) == [30, 20, 10, 10, 10, 10, 10]
    terdaftar = pembagian.usulan(q, "terdaftar")  # registered 5, 3, 2, 0, 1, 0, 1 of 12
    assert _hasil(terdaftar) == [42, 25, 17, None, 8, None, 8]
    assert [a.nama for a in terdaftar.tanpa_bagian] == ["Jatinegara Kaum", "Kayu Putih"]
    bpu = pembagian.usulan(tanya(PG, filt=Filter(segmen="BPU")), "terdaftar")  # BPU 10 over 3, 2, 1, 0, 1, 0, 1
    assert bpu.segmen == "BPU" and _hasil(bpu) == [4, 3, 1, None, 1, None, 1]
    for u in (rata, rw, pekerja, terdaftar, bpu):
        assert sum(a.target or 0 for a in u.anak) == u.target_induk


def test_a_childs_own_target_is_kept_and_the_rest_is_split(bagi_seed, tmp_path):
    build.load_reference("target", _target(tmp_path / "t.csv", [(KEL[1], "", 40)]))
    u = pembagian.usulan(tanya(PG), "pekerja")  # 60 over 300, 100 x 5 of 800: 22,5 and 7,5 each
    assert u.sendiri == 40 and u.dibagi == 60
    assert [(a.target_sendiri, a.target) for a in u.anak] == [
        (None, 23), (40, None), (None, 8), (None, 8), (None, 7), (None, 7), (None, 7),
    ]  # fmt: skip


def test_saved_split_is_served_labelled_and_exported(bagi_seed, capsys):
    q = tanya(PG)
    nomor = pembagian.simpan(q, "rw")
    assert pembagian.keadaan(q).berlaku is False  # saved; served from the next build
    assert build.refresh() == 7
    k = pembagian.keadaan(q)
    assert k.berlaku and not k.perlu_diulang and k.pembagian.id == nomor and k.pembagian.oleh == "operator"
    rows = cakupan.anak(q, ["target", "jenis_target", "dasar_target", "target_dibagi_oleh", "capaian"]).baris
    known = [r for r in rows if r["diketahui"]]
    assert [r["target"] for r in known] == [27, 20, 17, 13, 10, 7, 6]
    assert {(r["jenis_target"], r["dasar_target"], r["target_dibagi_oleh"]) for r in known} == {
        ("turunan", "rw", "operator")
    }
    assert known[0]["capaian"] == pytest.approx(5 / 27)  # 5 active in Pulo Gadung
    parent = cakupan.angka_tempat(q, ["target", "jenis_target", "dasar_target"])
    assert (parent["target"], parent["jenis_target"], parent["dasar_target"]) == (100, "wilayah", None)
    assert main(["export", "coverage", "--level", "kelurahan", "--parent", PG, "--out", "-"]) == 0
    out = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    jati = next(r for r in out if r["kode_wilayah"] == KEL[6])
    assert (jati["target"], jati["jenis_target"], jati["dasar_target"], jati["target_dibagi_oleh"]) == (
        "6", "turunan", "rw", "operator",
    )  # fmt: skip
    # A roster load later keeps the split: every build copies the active splits.
    load([SEED / "bagi_peserta.csv"])
    assert cakupan.anak(q, ["target"]).baris[0]["target"] == 27


def test_an_own_target_loaded_later_wins_and_the_split_says_it_is_stale(bagi_seed, tmp_path):
    q = tanya(PG)
    pembagian.simpan(q, "rata")
    build.refresh()
    build.load_reference("target", _target(tmp_path / "t.csv", [(KEL[0], "", 50)]))
    rows = cakupan.anak(q, ["target", "jenis_target"]).baris
    assert (rows[0]["target"], rows[0]["jenis_target"]) == (50, "wilayah")
    assert (rows[1]["target"], rows[1]["jenis_target"]) == (15, "turunan")
    k = pembagian.keadaan(q)
    assert k.kini_sendiri == ("Pulo Gadung",) and k.perlu_diulang
    # the parent's target changes: stale too; a redo splits the new rest and replaces the old split
    build.load_reference("target", _target(tmp_path / "t2.csv", [(PG, "", 120)]))
    assert pembagian.keadaan(q).target_induk_kini == 120
    baru = pembagian.simpan(q, "rata")  # 120 - 50 = 70 over 6: 11 r 4, to the first four codes
    build.refresh()
    k = pembagian.keadaan(q)
    assert k.pembagian.id == baru and not k.perlu_diulang and k.pembagian.dibagi == 70
    assert [r["target"] for r in cakupan.anak(q, ["target"]).baris if r["diketahui"]] == [50, 12, 12, 12, 12, 11, 11]


def test_removing_a_split_leaves_only_own_targets(bagi_seed):
    q = tanya(PG)
    nomor = pembagian.simpan(q, "rw")
    build.refresh()
    pembagian.hapus(nomor)
    assert pembagian.keadaan(q) is None and pembagian.disajikan(q) == {nomor}  # until the next build
    build.refresh()
    assert pembagian.disajikan(q) == set()
    assert {r["target"] for r in cakupan.anak(q, ["target"]).baris} == {None}
    with pytest.raises(GalatPembagian, match="sudah dihapus"):
        pembagian.hapus(nomor)


def test_refusals_say_why(bagi_seed):
    with pytest.raises(GalatPembagian, match="belum punya target 2024"):
        pembagian.usulan(tanya("31.75"), "rata")
    with pytest.raises(GalatPembagian, match="tidak dibagi ke RW"):
        pembagian.usulan(tanya(KEL[0]), "rata")
    with pytest.raises(GalatPembagian, match="per segmen saja"):
        pembagian.usulan(tanya(PG, filt=Filter(program="JKM")), "rata")
    with pytest.raises(GalatPembagian, match="tidak dikenal"):
        pembagian.usulan(tanya(PG), "penduduk")
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.71", nama="jakpus")):
        for langkah in (pembagian.usulan, pembagian.simpan):
            with pytest.raises(lingkup.TanpaAkses):
                langkah(_q_lain(), "rata")


def _q_lain():
    """A question about Pulogadung made outside the gate, as a forged request would be."""
    from metrics import periode, wilayah
    from metrics.pertanyaan import Pertanyaan

    return Pertanyaan(wilayah.tempat(PG), periode.periode(), Filter())


def test_a_split_without_workforce_names_the_places(data_dir):
    load([SEED / "bagi_peserta.csv"])
    build.load_reference("target", SEED / "bagi_target.csv")
    with pytest.raises(GalatPembagian, match="Penduduk bekerja belum ada untuk Pulo Gadung, Pisangan Timur") as e:
        pembagian.usulan(tanya(PG), "pekerja")
    assert str(e.value).endswith(": minta admin Cakupan memuat data penduduk bekerja, atau pilih dasar lain.")
    assert e.value.teks("en").endswith(
        ": ask your Cakupan administrator to load the working population, or pick another basis."
    )


# --- the page, over HTTP as any script could post it ---------------------------------------

from tests.klien import masuk as _klien  # noqa: E402


def _kirim(client, body):
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.text[:300]
    return r.text


def _simpan(client, search, dasar="rata", hapus=False):
    """Click save, or confirm removal (the confirmation's submit_n_clicks), as the browser posts it."""
    klik = ("target-hapus", "submit_n_clicks") if hapus else ("target-simpan", "n_clicks")
    return _kirim(
        client,
        {
            "output": "..target-pesan.children...target-keadaan.children...target-tunggu.disabled..."
            "target-simpan.children...target-hapus-tombol.disabled..",
            "outputs": [
                {"id": "target-pesan", "property": "children"},
                {"id": "target-keadaan", "property": "children"},
                {"id": "target-tunggu", "property": "disabled"},
                {"id": "target-simpan", "property": "children"},
                {"id": "target-hapus-tombol", "property": "disabled"},
            ],
            "inputs": [
                {"id": "target-simpan", "property": "n_clicks", "value": None if hapus else 1},
                {"id": "target-hapus", "property": "submit_n_clicks", "value": 1 if hapus else None},
                {"id": "target-tunggu", "property": "n_intervals", "value": None},
            ],
            "state": [
                {"id": "target-dasar", "property": "value", "value": dasar},
                {"id": "_pages_location", "property": "search", "value": search},
            ],
            "changedPropIds": [".".join(klik)],
        },
    )


def _pilih(client, search, dasar):
    return _kirim(
        client,
        {
            "output": "..target-usulan.children...target-simpan.disabled..",
            "outputs": [
                {"id": "target-usulan", "property": "children"},
                {"id": "target-simpan", "property": "disabled"},
            ],
            "inputs": [{"id": "target-dasar", "property": "value", "value": dasar}],
            "state": [{"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["target-dasar.value"],
        },
    )


def test_the_page_splits_in_scope_and_refuses_outside(bagi_seed, dash_app, monkeypatch):
    dijalankan = []
    monkeypatch.setattr(pembagian, "terapkan", lambda: dijalankan.append(build.refresh()))
    with lingkup.berlaku(None):
        jaktim = _klien(dash_app, "kota.jaktim", "31.75")
        usulan = _pilih(jaktim, f"?wilayah={PG}", "rw")
        assert "Jumlah RW (1 RW 100)" in usulan and '"27"' in usulan and "tepat 100" in usulan
        jawab = _simpan(jaktim, f"?wilayah={PG}", "rw")
        assert "Pembagian 1 disimpan" in jawab and "kota.jaktim" in jawab and dijalankan == [7]
        assert "Ulangi dengan dasar ini" in jawab  # the button now redoes
        assert "di luar lingkup" in _simpan(jaktim, "?wilayah=31.71", "rw")  # a forged URL: refused
        assert "di luar lingkup" in _pilih(jaktim, "?wilayah=31.71", "rw")
        assert "tidak dikenal" in _simpan(jaktim, f"?wilayah={PG}", "'; DROP TABLE target --")
        assert "Pembagian 1 dihapus" in _simpan(jaktim, f"?wilayah={PG}", hapus=True)
    assert pembagian.keadaan(tanya(PG)) is None and dijalankan == [7, 0]


@pytest.mark.slow
def test_terapkan_serves_the_split_from_a_process_of_its_own(bagi_seed):
    import time

    q = tanya(PG)
    nomor = pembagian.simpan(q, "rata")
    pembagian.terapkan()
    batas = time.monotonic() + 300  # a condition, not a time: the build finishes when it finishes
    while nomor not in pembagian.disajikan(q):
        assert time.monotonic() < batas, (bagi_seed / "segarkan.log").read_text()
        time.sleep(0.2)
    assert [r["target"] for r in cakupan.anak(q, ["target"]).baris if r["diketahui"]] == [15, 15, 14, 14, 14, 14, 14]
    assert "7 target turunan berlaku" in (bagi_seed / "segarkan.log").read_text()


def test_a_derived_target_is_named_on_the_page_the_review_and_the_email(bagi_seed, dash_app):
    import json

    import dash
    import plotly

    from laporan import pesan
    from layouts import tinjauan as slaid
    from metrics import tinjauan

    pembagian.simpan(tanya(PG), "rw")
    build.refresh()
    ringkasan = next(p["layout"] for p in dash.page_registry.values() if p["path"] == "/")
    teks = json.dumps(ringkasan(wilayah=KEL[0]), cls=plotly.utils.PlotlyJSONEncoder)
    assert "Target turunan" in teks and "Dibagi dari target Pulogadung menurut jumlah RW, oleh operator" in teks
    induk = json.dumps(ringkasan(wilayah=PG), cls=plotly.utils.PlotlyJSONEncoder)
    assert "Pulo Gadung \\u00b2" in induk and "peringkat-turunan" in induk  # the bars mark it, the note says it
    tj = tinjauan.tinjauan(tanya(KEL[0]))
    assert ("Target turunan", "27") in pesan.baris_utama(tj, "id")
    judul, daftar = slaid.slides(tinjauan.tinjauan(tanya(PG)), "id")
    teks_slaid = json.dumps(daftar, default=str)
    assert "Target turunan: bagian dari target wilayah induk" in teks_slaid and "Pulo Gadung" in teks_slaid


@pytest.mark.slow
def test_the_command_line_shows_saves_and_removes_a_split(bagi_seed, capsys):
    assert main(["bagi", PG, "--dasar", "rw"]) == 0
    out = capsys.readouterr().out
    assert "dibagi 100, dasar: Jumlah RW (1 RW 100)" in out and "Belum disimpan" in out
    assert "31.75.02.1001   Pulo Gadung" in out and "26,7 %" in out and out.count("\n") == 10
    assert pembagian.keadaan(tanya(PG)) is None
    assert main(["bagi", PG, "--dasar", "rata", "--simpan"]) == 0
    assert "7 target turunan berlaku" in capsys.readouterr().out
    assert cakupan.anak(tanya(PG), ["target"]).baris[0]["target"] == 15
    assert main(["bagi", PG, "--hapus"]) == 0 and "0 target turunan berlaku" in capsys.readouterr().out
    assert main(["bagi", "31.75", "--dasar", "rata"]) == 2
    assert "belum punya target 2024" in capsys.readouterr().err


def test_a_branch_account_changes_no_split_and_filters_raise_no_false_alarm(bagi_seed, dash_app, monkeypatch):
    """From a fresh-clone check: a branch account could remove any split (only the place was
    checked), and a programme filter in the URL read the parent's target as none ('kini -')."""
    monkeypatch.setattr(pembagian, "terapkan", lambda: build.refresh())
    q = tanya(PG)
    nomor = pembagian.simpan(q, "rata")
    build.refresh()
    cabang = lingkup.Lingkup(wilayah="ID", kantor_cabang="Jakarta Rawamangun", nama="kc.rawamangun")
    with lingkup.berlaku(cabang):
        with pytest.raises(lingkup.TanpaAkses, match="kantor cabang tidak membagi target"):  # the write rule
            pembagian.hapus(nomor)
        with pytest.raises(lingkup.TanpaAkses, match="kantor cabang"):
            pembagian.simpan(_q_lain(), "rw")
    k = pembagian.keadaan(tanya(PG, filt=Filter(program="JKM")))
    assert k.target_induk_kini == 100 and not k.perlu_diulang and k.jumlah_anak_kini == 100
    with lingkup.berlaku(None):
        from akses import pengguna

        pengguna.tambah("kc.rawamangun", kantor_cabang="Jakarta Rawamangun", sandi="kuda-laut-biru-terbang-7")
        kc = _klien(dash_app, "kc.rawamangun", "ID")
        assert "kantor cabang tidak membagi target" in _simpan(kc, f"?wilayah={PG}", hapus=True)
    assert pembagian.keadaan(q).pembagian.id == nomor  # still there
    with pytest.raises(GalatPembagian) as e:
        pembagian.usulan(tanya("31.75"), "rata")
    assert e.value.teks("en").startswith("Kota Administrasi Jakarta Timur has no 2024 target")


@pytest.mark.slow
def test_saves_in_a_burst_start_one_build(bagi_seed, monkeypatch):
    """At most one refresh waits: while a started one has not yet read the splits, another save
    starts none (a helper's 8 parallel saves queued 8 builds, 2,3 GB of waiting processes)."""
    import os
    import subprocess

    import warehouse

    dimulai = []
    monkeypatch.setattr(
        subprocess,
        "Popen",
        lambda *a, **k: dimulai.append(a) or type("P", (), {"pid": os.getpid(), "poll": lambda s: None})(),
    )
    pembagian._anak.clear()
    assert pembagian.terapkan() and not pembagian.terapkan() and not pembagian.terapkan()
    assert len(dimulai) == 1 and warehouse.refresh_marker().read_text() == str(os.getpid())
    build.refresh()  # the queued build starts reading: the marker goes
    assert not warehouse.refresh_marker().exists() and pembagian.terapkan() and len(dimulai) == 2
    warehouse.refresh_marker().write_text("999999999")  # a refresh that died before reading: replaced
    assert pembagian.terapkan() and len(dimulai) == 3
    pembagian._anak.clear()


@pytest.mark.slow
def test_a_split_saved_on_the_command_line_keeps_the_stored_answers(bagi_seed, monkeypatch, capsys):
    """Found in review: the command's rebuild ran without the finisher, so the build it served had
    no stored answers and every page fell back to the builder until the next load."""
    import warehouse
    from metrics import jawaban

    monkeypatch.setattr(warehouse, "_finishers", [])
    monkeypatch.setattr(jawaban, "SNAPSHOT_TERBARU", 1)
    assert main(["bagi", PG, "--dasar", "rata", "--simpan"]) == 0
    assert warehouse.rows("SELECT count(*) FROM jawaban WHERE kode_wilayah = $k", {"k": KEL[0]})[0][0] > 0
    assert warehouse.rows("SELECT target FROM jawaban WHERE kode_wilayah = $k", {"k": KEL[0]})[0][0] == 15
