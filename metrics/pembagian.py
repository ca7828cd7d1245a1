"""Pembagian target (issue 21): a place's target split over the places one level below, only
when an official asks, on a basis they choose and see first. The method and a worked example are
in docs/metrics.md ("Pembagian target"); the rows are kept by isian/pembagian.py and served by
every build from then on (etl/sql/target_turunan.sql: a region's own target always wins). Only
this module, etl/build.py and the tests import that store: pages take DASAR and GalatPembagian
from here (.importlinter, contract isian).

    usulan(q, dasar) -> Usulan          the split worked out, nothing saved
    simpan(q, dasar) -> id              worked out again on the server and saved (a redo replaces)
    hapus(id)                           removed; the children keep only targets of their own
    keadaan(q) -> Keadaan | None        the active split of the place and whether it is served or stale
    terapkan()                          start the build that serves what was saved

Shares: a child's basis over the sum of the children's bases, times what is split (the parent's
target minus the children's own targets). Rounded to whole persons by the largest remainder: each
child gets the whole part of its share, and the persons left over go one each to the largest
fractions, ties by code; so the derived targets add up to what was split exactly.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import settings
import warehouse
from isian import pembagian as simpanan
from isian.pembagian import DASAR, GalatPembagian, Pembagian
from metrics import cakupan, lingkup, wilayah
from metrics.pembangun import Filter
from metrics.pertanyaan import Pertanyaan

TINGKAT_INDUK = ("nasional", "provinsi", "kabkota", "kecamatan")  # a kelurahan's RWs have the 1 RW 100 rule
METRIK_DASAR = {"pekerja": "pekerja", "terdaftar": "peserta_terdaftar", "rw": "rw_diketahui", "rata": None}


@dataclass(frozen=True)
class Anak:
    """One child of a split: its basis (persons, RWs or 1), its own target (kept: it wins) and the
    derived target it would get (None when it keeps its own or its share is 0)."""

    kode: str
    nama: str
    nilai_dasar: int
    target_sendiri: int | None
    target: int | None
    bagian: Fraction  # its share of what is split (0 for a child keeping its own target)


@dataclass(frozen=True)
class Usulan:
    """A split worked out, before anything is saved. Numbers in persons."""

    kode_induk: str
    tahun: int
    segmen: str  # SEMUA or a segment
    dasar: str
    target_induk: int
    sendiri: int  # the children's own targets, kept
    dibagi: int  # target_induk - sendiri: what the derived targets add up to
    tanggal_dasar: dt.date
    anak: tuple[Anak, ...]

    @property
    def jumlah_dasar(self) -> int:
        """The bases of the places split over, added up (a place keeping its own target is not)."""
        return sum(a.nilai_dasar for a in self.anak if a.target_sendiri is None)

    @property
    def tanpa_bagian(self) -> list[Anak]:
        """Children with no target of their own whose basis is 0: they get no target."""
        return [a for a in self.anak if a.target_sendiri is None and a.target is None]


@dataclass(frozen=True)
class Keadaan:
    """The active split of a place's target, as the served build has it."""

    pembagian: Pembagian
    berlaku: bool  # the served build serves this split's targets
    target_induk_kini: int | None  # the parent's target now (changed: the split is stale)
    kini_sendiri: tuple[str, ...]  # children that got a target of their own since (it wins)
    jumlah_anak_kini: int  # the children's targets that apply now, added up (persons)

    @property
    def perlu_diulang(self) -> bool:
        return self.target_induk_kini != self.pembagian.target_induk or bool(self.kini_sendiri)


@dataclass(frozen=True)
class Status:
    """A place's splits for a year and segment: the active one, and the removed or replaced ones
    the served build still serves (until the next build)."""

    aktif: Keadaan | None
    lama: frozenset[int]

    @property
    def menunggu(self) -> bool:
        """What is saved differs from what is served: a build is pending."""
        return (self.aktif is not None and not self.aktif.berlaku) or bool(self.lama)


def bagi(jumlah: int, bobot: dict[str, int]) -> dict[str, int]:
    """`jumlah` persons over the keys in proportion to `bobot` (non-negative), in whole persons
    adding up to `jumlah`: largest remainder, ties by key. Raises GalatPembagian when every weight is 0."""
    total = sum(bobot.values())
    if total <= 0:
        raise GalatPembagian("Dasar pembagian bernilai 0 untuk semua wilayah: pilih dasar lain.")
    kuota = {k: Fraction(jumlah * w, total) for k, w in bobot.items()}
    hasil = {k: int(q) for k, q in kuota.items()}  # floor: the quotas are non-negative
    sisa = jumlah - sum(hasil.values())
    for k in sorted(kuota, key=lambda k: (-(kuota[k] - hasil[k]), k))[:sisa]:
        hasil[k] += 1
    return hasil


def boleh(kode: str) -> None:
    """Whether the asker may split or remove the split of place `kode`, by the rule of every write
    (lingkup.alasan_tulis, issue 31): inside its scope, and not a branch account (targets are per
    region, not per branch). Raises lingkup.TanpaAkses; records nothing (a page asks it to draw
    the form; simpan and hapus ask lingkup.periksa_tulis, which audits a refusal)."""
    e = lingkup.alasan_tulis(kode, "target_bagi")
    if e is not None:
        raise e


def _periksa(q: Pertanyaan, dasar: str) -> None:
    boleh(q.kode)
    if dasar not in DASAR:
        raise GalatPembagian(
            f"Dasar pembagian '{str(dasar)[:20]}' tidak dikenal: pakai {', '.join(DASAR)}.",
            f"Split basis '{str(dasar)[:20]}' is not known: use {', '.join(DASAR)}.",
        )
    if q.tempat.tingkat not in TINGKAT_INDUK:
        raise GalatPembagian(
            "Target kelurahan tidak dibagi ke RW: setiap RW memakai target aturan 1 RW 100 (CAKUPAN_RW_TARGET).",
            "A kelurahan's target is not split over its RWs: each RW has the 1 RW 100 rule's target "
            "(CAKUPAN_RW_TARGET).",
        )
    if q.filt != Filter(segmen=q.filt.segmen):
        raise GalatPembagian(
            "Target ditetapkan per segmen saja: hapus filter program, sumber iuran atau rentan.",
            "Targets are set per segment only: remove the programme, source or vulnerable-worker filter.",
        )


def usulan(q: Pertanyaan, dasar: str) -> Usulan:
    """The split of the question's place's target (its year: the snapshot's; its segment: the
    filter's) over its children on `dasar` (DASAR), worked out and not saved. Raises
    lingkup.TanpaAkses (outside the asker's scope) or GalatPembagian (no target, a filter other
    than segment, a kelurahan, nothing left to split, a basis missing or 0 everywhere)."""
    _periksa(q, dasar)
    induk = cakupan.angka_tempat(q, ["target", "jenis_target"])
    nama_induk = wilayah.nama_lengkap(q.tempat)
    if induk["target"] is None:
        raise GalatPembagian(
            f"{nama_induk} belum punya target {q.tanggal.year}{_segmen_kata(q.filt)}: minta admin Cakupan "
            "memuat targetnya dulu, lalu bagi.",
            f"{nama_induk} has no {q.tanggal.year} target{_segmen_kata(q.filt, 'en')}: ask your Cakupan "
            "administrator to load it first, then split.",
        )
    anak = [r for r in cakupan.anak(q, ["target", "jenis_target", "peserta_terdaftar"]).baris if r["diketahui"]]
    dasar_anak = _dasar(q, dasar, anak)
    sendiri = {r["kode_wilayah"]: r["target"] for r in anak if r["jenis_target"] == "wilayah"}
    dibagi = induk["target"] - sum(sendiri.values())
    if dibagi <= 0:
        sudah, target = (f"{v:,}".replace(",", ".") for v in (sum(sendiri.values()), induk["target"]))
        raise GalatPembagian(
            f"Target sendiri wilayah di bawah {nama_induk} sudah {sudah} orang, tidak kurang dari target induk "
            f"{target}: tidak ada yang bisa dibagi.",
            f"The own targets of the regions in {nama_induk} are already {sudah} persons, no less than its "
            f"target of {target}: nothing is left to split.",
        )
    bobot = {r["kode_wilayah"]: dasar_anak[r["kode_wilayah"]] for r in anak if r["kode_wilayah"] not in sendiri}
    if not bobot:
        raise GalatPembagian(
            f"Semua wilayah di bawah {nama_induk} punya target sendiri: tidak ada yang dibagi.",
            f"Every region in {nama_induk} has a target of its own: nothing is split.",
        )
    hasil = bagi(dibagi, bobot)
    total = sum(bobot.values())
    return Usulan(
        q.kode, q.tanggal.year, q.filt.segmen or "SEMUA", dasar, induk["target"], sum(sendiri.values()), dibagi,
        q.tanggal,
        tuple(
            Anak(
                r["kode_wilayah"], r["nama_wilayah"], dasar_anak[r["kode_wilayah"]], sendiri.get(r["kode_wilayah"]),
                hasil.get(r["kode_wilayah"]) or None,
                Fraction(bobot[r["kode_wilayah"]], total) if r["kode_wilayah"] in bobot else Fraction(0),
            )
            for r in anak
        ),
    )  # fmt: skip


def _dasar(q: Pertanyaan, dasar: str, anak: list[dict]) -> dict[str, int]:
    """Each child's basis. Workforce and RWs are not kept per segment: read unfiltered; registered
    participants in the target's segment. Raises GalatPembagian naming children without a figure."""
    if dasar == "rata":
        return {r["kode_wilayah"]: 1 for r in anak}
    if dasar == "terdaftar":
        return {r["kode_wilayah"]: r["peserta_terdaftar"] or 0 for r in anak}
    metrik = METRIK_DASAR[dasar]
    semua = Pertanyaan(q.tempat, q.periode, Filter())
    nilai = {r["kode_wilayah"]: r[metrik] for r in cakupan.anak(semua, [metrik]).baris if r["diketahui"]}
    tanpa = [r["nama_wilayah"] for r in anak if nilai.get(r["kode_wilayah"]) is None]
    if tanpa:
        contoh = ", ".join(tanpa[:5])
        lain = (f" dan {len(tanpa) - 5} lainnya", f" and {len(tanpa) - 5} more") if len(tanpa) > 5 else ("", "")
        raise GalatPembagian(
            f"{DASAR[dasar][0]} belum ada untuk {contoh}{lain[0]}: minta admin Cakupan memuat data penduduk "
            "bekerja, atau pilih dasar lain.",
            f"{DASAR[dasar][1]} is not known for {contoh}{lain[1]}: ask your Cakupan administrator to load the "
            "working population, or pick another basis.",
        )
    return {k: int(v) for k, v in nilai.items()}


def _segmen_kata(filt: Filter, bahasa: str = "id") -> str:
    if not filt.segmen:
        return ""
    return f" segmen {filt.segmen}" if bahasa == "id" else f" for segment {filt.segmen}"


def dasar_awal(q: Pertanyaan, st: Status | None = None) -> str:
    """The basis offered first: the active split's, else the working population where every place
    below has a figure, else registered participants (always known). `st`: status(q), if known."""
    k = (st or status(q)).aktif
    if k is not None:
        return k.pembagian.dasar
    try:
        usulan(q, "pekerja")
        return "pekerja"
    except (GalatPembagian, lingkup.TanpaAkses):
        return "terdaftar"


def simpan(q: Pertanyaan, dasar: str) -> int:
    """Work the split out again here (the browser's copy is not trusted) and save it, replacing
    the active split of the same place, year and segment. Raises as usulan. Returns its id; the
    targets are served from the next build (terapkan)."""
    lingkup.periksa_tulis(q.kode, "target_bagi")
    u = usulan(q, dasar)
    saya = lingkup.aktif()
    baris = [(a.kode, a.nilai_dasar, a.target) for a in u.anak if a.target]
    return simpanan.simpan_baru(
        u.kode_induk, u.tahun, u.segmen, u.dasar, u.target_induk, u.dibagi, u.tanggal_dasar, baris, saya.nama,
        saya.label,
    )  # fmt: skip


def hapus(nomor: int) -> None:
    """Remove a split of a place inside the asker's scope. Raises GalatPembagian or lingkup.TanpaAkses."""
    p = simpanan.ambil(nomor)
    if p is None:
        raise GalatPembagian(
            f"Pembagian {nomor} tidak ada atau sudah dihapus.", f"Split {nomor} does not exist or was removed."
        )
    lingkup.periksa_tulis(p.kode_induk, "target_bagi_hapus", id=nomor)
    saya = lingkup.aktif()
    simpanan.hapus(nomor, saya.nama, saya.label)


# Grain: one row per split whose derived targets the served build holds, for one parent.
DISAJIKAN_SQL = """
SELECT DISTINCT pembagian FROM target_turunan
WHERE kode_induk = $kode AND tahun = $tahun AND segmen = $segmen
"""


def disajikan(q: Pertanyaan) -> set[int]:
    """The ids of the splits of the question's place whose targets the served build serves."""
    lingkup.periksa(q.kode)
    if not cakupan.ada_turunan():
        return set()
    segmen = q.filt.segmen or "SEMUA"
    return {r[0] for r in warehouse.rows(DISAJIKAN_SQL, {"kode": q.kode, "tahun": q.tanggal.year, "segmen": segmen})}


def keadaan(q: Pertanyaan) -> Keadaan | None:
    """The active split of the question's place (its year and segment), or None."""
    return status(q).aktif


def status(q: Pertanyaan) -> Status:
    """The splits of the question's place for its year and segment, as saved and as served, read once."""
    sajian = disajikan(q)
    p = simpanan.aktif(q.kode, q.tanggal.year, q.filt.segmen or "SEMUA")
    aktif = None if p is None else _keadaan(q, p, sajian)
    return Status(aktif, frozenset(sajian - ({p.id} if p else set())))


def _keadaan(q: Pertanyaan, p: Pembagian, sajian: set[int]) -> Keadaan:
    """Split `p` against the targets that apply now, read without the question's other filters
    (under them no target applies)."""
    q = Pertanyaan(q.tempat, q.periode, Filter(segmen=q.filt.segmen))
    induk = cakupan.angka_tempat(q, ["target", "jenis_target"])
    anak = [r for r in cakupan.anak(q, ["target", "jenis_target"]).baris if r["diketahui"]]
    turunan = {k for k, _nilai, _t in p.baris}
    kini = tuple(r["nama_wilayah"] for r in anak if r["kode_wilayah"] in turunan and r["jenis_target"] == "wilayah")
    jumlah = sum(r["target"] or 0 for r in anak)
    return Keadaan(p, p.id in sajian, induk["target"], kini, jumlah)


def terapkan() -> bool:
    """Start the build that serves the splits saved (`python -m etl segarkan`) in a process of its
    own: it takes 13 s on the demo and 36 s at 5 juta rows (docs/performance.md), longer than a web
    request may last, and must outlive the worker that asked. At most one waits: while a started
    one has not yet read the splits (warehouse.refresh_marker), it will read this save too, and no
    other is started (saves in a burst cost one build, not one each). Returns whether one was
    started. Its output goes to segarkan.log in the data folder."""
    _anak[:] = [p for p in _anak if p.poll() is None]  # reap the finished ones: no zombies left behind
    tanda = warehouse.refresh_marker()
    if not _pesan_tempat(tanda):
        return False
    akar = Path(__file__).resolve().parents[1]
    with open(settings.data_dir() / "segarkan.log", "ab") as log:
        proses = subprocess.Popen(
            [sys.executable, "-m", "etl", "segarkan"], cwd=akar, stdout=log, stderr=log, stdin=subprocess.DEVNULL,
            start_new_session=True, env=os.environ.copy(),
        )  # fmt: skip
    _anak.append(proses)
    tanda.write_text(str(proses.pid))
    return True


_anak: list[subprocess.Popen] = []  # the refreshes this process started, reaped at the next start


def _pesan_tempat(tanda: Path) -> bool:
    """Take the queue's one place: True if no started refresh is still waiting (none, or its
    process is gone), False if one is."""
    for _ in range(3):  # the file may vanish between two looks: its build just started reading
        try:
            os.close(os.open(tanda, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return True
        except FileExistsError:
            try:
                isi, umur = tanda.read_text().strip(), time.time() - tanda.stat().st_mtime
            except FileNotFoundError:
                continue
            if _hidup(isi, umur):
                return False
            tanda.unlink(missing_ok=True)  # its process died before reading: take its place
    return True


def _hidup(isi: str, umur: float) -> bool:
    """Whether the refresh a marker names still runs; an empty marker is one being started."""
    if not isi.isdigit():
        return umur < 60
    try:
        keadaan_proses = Path(f"/proc/{int(isi)}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return keadaan_proses != "Z"  # a zombie has finished: its parent has not reaped it yet
