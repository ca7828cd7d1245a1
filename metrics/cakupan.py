"""The questions officials ask, answered from the rollups through the one builder.

Every function takes a `Pertanyaan` (place, period, filters, checked once where the request
entered: `pertanyaan.tanya(...)`) and returns plain Python values: the dashboard, the exports
and the reports all call these. Each re-checks the scope, the one gate no caller can skip.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass, field, replace

import settings
import warehouse
from metrics import bersama, definisi, jawaban, lingkup, pembangun, wilayah
from metrics.pembangun import Filter, Periode, PertanyaanTidakSah
from metrics.pertanyaan import Pertanyaan

SEMUA = [m.nama for m in definisi.METRIK]
UTAMA = [m for m in SEMUA if definisi.metrik(m).kelompok != "program_rw"]
URUTAN = {  # rankings: metric, and whether the biggest comes first (against the reference target)
    "capaian": ("capaian_acuan", False),
    "peserta_aktif": ("peserta_aktif", True),
    "perubahan_minggu": ("perubahan_minggu", True),
    "kekurangan": ("kekurangan_acuan", True),
    "persen_rw_tercapai": ("persen_rw_tercapai", True),
}


class TanpaData(PertanyaanTidakSah):
    """A valid place with nothing to show (an RW nobody registered and no reference lists)."""


@dataclass
class Hasil:
    """Rows of one question, with what was asked and notes a reader must see.

    Each row is a dict: kode_wilayah (None on a "Tidak diketahui" row), nama_wilayah, tingkat,
    kode_induk, nama_induk, diketahui (bool), rw (int at RW grain, else None), and one key per
    asked metric (`metrik`) holding its value in the metric's unit (definisi.Metrik.format:
    persons, a fraction for percents, rupiah, a date) or None where it does not exist."""

    baris: list[dict]
    tingkat: str
    induk: wilayah.Tempat
    periode: Periode
    filter: Filter
    metrik: list[str]
    catatan: list[tuple[str, str]] = field(default_factory=list)  # (id, en)


def _catatan(p: Periode, filt: Filter, metrik: list[str]) -> list[tuple[str, str]]:
    """What a reader must know about these numbers, as (Indonesian, English)."""
    notes = []
    if not filt.target_berlaku and {m.removesuffix("_acuan") for m in metrik} & {"target", "capaian", "kekurangan"}:
        notes.append(
            (
                "Target berlaku untuk semua program, sumber iuran, pekerja rentan dan kantor cabang: dengan filter ini "
                "target, capaian dan kekurangan tidak ditampilkan.",
                "Targets count every programme, contribution source, vulnerable worker and branch office: with this filter "
                "no target, achievement or shortfall is shown.",
            )
        )
    if any(m.startswith("aktif_") for m in metrik):
        notes += catatan_program(filt)
    if p.sebelumnya is None:
        notes.append(
            (
                "Belum ada data minggu sebelumnya: perubahan dan laju belum bisa dihitung.",
                "No earlier snapshot yet: change and pace cannot be computed.",
            )
        )
    elif p.awal and p.minggu_4mg and p.minggu_4mg < 4:
        notes.append(
            (
                f"Laju dihitung dari {p.minggu_4mg:.0f} minggu data (sejak {p.awal:%d-%m-%Y}), belum 4 minggu.",
                f"Pace from {p.minggu_4mg:.0f} weeks of data (since {p.awal:%d-%m-%Y}), not yet 4 weeks.",
            )
        )
    if p.sebelumnya is not None and not p.arus:
        notes.append(
            (
                "Peserta baru dan berhenti tidak diketahui: rincian data sebelumnya tidak disimpan lagi.",
                "New and lapsed participants are unknown: the earlier snapshot's detail is no longer kept.",
            )
        )
    if filt.program and {"baru", "berhenti"} & set(metrik):
        notes.append(
            (
                "Peserta baru dan berhenti tidak dihitung per program.",
                "New and lapsed participants are not counted per programme.",
            )
        )
    return notes


def catatan_program(filt: Filter) -> list[tuple[str, str]]:
    """The note under a programme filter, (id, en): the rollups count persons per programme
    without crossing programmes, so the other programmes' aktif_* are NULL (pembangun._tersedia)."""
    if not filt.program:
        return []
    return [
        (
            f"Dengan filter program {filt.program}, jumlah program lain tidak diketahui: data tidak "
            "menyilangkan satu program dengan program lain.",
            f"With the programme filter {filt.program}, other programmes' counts are unknown: the data "
            "does not cross one programme with another.",
        )
    ]


def _gerbang(t: Pertanyaan) -> Pertanyaan:
    """The scope gate: a question built outside `tanya` still gets only the asker's places and branch."""
    lingkup.periksa(t.kode)
    filt = lingkup.saring(t.filt)
    return t if filt == t.filt else Pertanyaan(t.tempat, t.periode, filt)


def versi() -> tuple:
    """What every answer depends on besides its question: the served build and the per-RW target.
    A cache of anything drawn from answers keys on it."""
    return warehouse.current_path(), settings.rw_target()


def tabel(tingkat: str, t: Pertanyaan, metrik: list[str] | None = None) -> Hasil:
    """Every place at `tingkat` inside the question's place, with unknown-region rows so the rows
    add up. Only inside the asker's scope: every question below comes through here or checks the same."""
    t = _gerbang(t)
    hasil = _tabel(*versi(), tingkat, t, tuple(metrik or UTAMA))
    # A copy: callers may reorder or cut what the cache keeps.
    return replace(hasil, baris=[dict(b) for b in hasil.baris], metrik=list(hasil.metrik), catatan=list(hasil.catatan))


@functools.lru_cache(maxsize=512)
def _tabel(_path, target_rw: int, tingkat: str, t: Pertanyaan, metrik: tuple) -> Hasil:
    """Cached per served warehouse file: a served file never changes, a load serves a new one."""
    # Built even when the stored answers hold the rows: building checks the question (its level).
    sql, params = pembangun.kueri_tabel(
        tingkat,
        t.kode,
        t.filt,
        t.periode,
        list(metrik),
        target_rw=target_rw,
        turunan=_turunan(_path),
        tempo=_tempo(_path),
    )
    baris = jawaban.baca(_path, tingkat, t.kode, t.periode, metrik, target_rw) if t.filt.kosong else None
    if baris is None:  # filtered, an older snapshot, or a build without stored answers
        baris = bersama.ambil(_path, ("tabel", sql, params), lambda: warehouse.records(sql, params))
    return Hasil(baris, tingkat, t.tempat, t.periode, t.filt, list(metrik), _catatan(t.periode, t.filt, metrik))


@functools.lru_cache(maxsize=32)
def ada(_path, nama: str) -> bool:
    """Whether the served build (`_path`, the cache key) has table or view `nama`: a build made before a
    feature lacks it (target_berlaku: issue 21; ringkas_jatuh_tempo, target_cabang: issue 35)."""
    return bool(warehouse.rows(pembangun.ADA_SQL, {"nama": nama})[0][0])


def _tempo(_path) -> bool:
    """Whether the served build has ringkas_jatuh_tempo (a build from before issue 35 has not)."""
    return ada(_path, "ringkas_jatuh_tempo")


def ada_turunan() -> bool:
    """Whether the served build has derived targets (target_berlaku); one from before issue 21 has not."""
    return _turunan(warehouse.current_path())


def _turunan(_path) -> bool:
    """Whether the served build has derived targets (a build from before issue 21 has not)."""
    return ada(_path, "target_berlaku")


def kosongkan_cache() -> None:
    """Forget every answer this process kept, the ones kept for all workers (bersama) and the
    place names: what a place asked for the first time costs (benchmarks). What a build holds in
    general (its snapshots, branches, which answers it stores) is read once per build and kept."""
    bersama.kosongkan()
    for cached in (_tabel, _tren, _rincian, wilayah._cari):
        cached.cache_clear()


def tabel_tempat(t: Pertanyaan, metrik: list[str] | None = None) -> Hasil:
    """The question's place alone: one row, with the notes a reader must see. Raises TanpaData
    for an RW that is neither in the RW reference nor has participants."""
    hasil = tabel(t.tempat.tingkat, t, metrik)
    if not hasil.baris:
        nama = f"{t.tempat.nama}, {wilayah.tempat(t.tempat.kode_induk).nama}"
        raise TanpaData(
            f"{nama} belum punya peserta pada tanggal data ini dan tidak ada di referensi RW.",
            f"{nama} has no participants in this snapshot and is not in the RW reference.",
        )
    return hasil


def angka_tempat(t: Pertanyaan, metrik: list[str] | None = None) -> dict:
    """One place's own numbers: {metric name: value, plus kode_wilayah, nama_wilayah, ...}.
    Raises TanpaData (see tabel_tempat)."""
    return tabel_tempat(t, metrik).baris[0]


def anak(t: Pertanyaan, metrik: list[str] | None = None) -> Hasil:
    """The places one level below the question's place (for a kelurahan: its RWs)."""
    if t.tempat.tingkat_anak is None:
        raise PertanyaanTidakSah(
            "RW adalah tingkat terbawah: tidak ada wilayah di bawahnya",
            "An RW is the lowest level: nothing is below it",
        )
    return tabel(t.tempat.tingkat_anak, t, metrik)


def peringkat(t: Pertanyaan, menurut: str = "capaian", metrik: list[str] | None = None) -> Hasil:
    """The known children of a place ordered by `urut` (capaian lowest first; peserta_aktif,
    weekly gain or kekurangan biggest first)."""
    if menurut not in URUTAN:
        raise PertanyaanTidakSah(f"Urutan '{menurut}' tidak dikenal; pilih {', '.join(URUTAN)}")
    hasil = anak(t, list(dict.fromkeys([*(metrik or UTAMA), URUTAN[menurut][0]])))
    hasil.baris = urut([b for b in hasil.baris if b["diketahui"]], menurut)
    return hasil


def urut(baris: list[dict], menurut: str, batas: int | None = None) -> list[dict]:
    """Rows in the order of URUTAN[menurut], ties by code; rows without a value last; cut to `batas`."""
    kolom, terbesar_dulu = URUTAN[menurut]
    with_value = sorted(
        (b for b in baris if b[kolom] is not None),
        key=lambda b: (-b[kolom] if terbesar_dulu else b[kolom], b["kode_wilayah"] or ""),
    )
    return (with_value + [b for b in baris if b[kolom] is None])[:batas]


def dasar_berbeda(induk: dict, anak: list[dict]) -> dict | None:
    """The places below measured on another basis than their parent (issue 30, "red everywhere under
    a city at 87 %"): the parent has a target of its own or a derived one, while some places below
    have only the 1 RW 100 rule's (RWs known x the per-RW target), which need not add up to the
    parent's. `induk` is the parent's KPI row, `anak` the children's rows (jenis_target,
    target_acuan). Returns {'anak_1rw100': places on the rule, 'anak_target': places with any target,
    'target_1rw100': their rule targets summed (persons), 'target_induk': the parent's (persons)},
    or None when every place below is measured as its parent is."""
    if induk.get("jenis_target") not in ("wilayah", "turunan") or induk.get("target_acuan") is None:
        return None
    aturan = [r for r in anak if r.get("kode_wilayah") and r.get("jenis_target") == "1rw100"]
    if not aturan:
        return None
    return {
        "anak_1rw100": len(aturan),
        "anak_target": sum(1 for r in anak if r.get("kode_wilayah") and r.get("target_acuan") is not None),
        "target_1rw100": sum(r["target_acuan"] for r in aturan),
        "target_induk": induk["target_acuan"],
    }


def batas_pita_rw(target_rw: int) -> dict[str, tuple[int, int | None]]:
    """Active persons an RW holds in each band of definisi.PITA_RW for a per-RW target:
    {'jauh': (0, 49), 'dekat': (50, 99), 'tercapai': (100, None)} for 100 (the grid's legend)."""
    (jauh, _), (dekat, _), _ = definisi.PITA_RW
    a, b = math.ceil(jauh * target_rw), math.ceil(dekat * target_rw)
    return {"jauh": (0, a - 1), "dekat": (a, b - 1), "tercapai": (b, None)}


def pita(capaian: float | None, bands: tuple = definisi.PITA_CAPAIAN) -> str | None:
    """The band of a capaian (a fraction): 'rendah', 'sedang' or 'baik' by definisi.PITA_CAPAIAN
    (or 'jauh', 'dekat', 'tercapai' with PITA_RW); None without a target."""
    if capaian is None:
        return None
    return next(nama for batas, nama in bands if batas is None or capaian < batas)


# The headline numbers of one place (Ringkasan's cards, the review's first slides) and the
# columns of its children ranked under it; declared once here. Pages measure against the
# reference target (definisi._acuan): the region's own, or below kab/kota the 1 RW 100 one.
KPI = [
    "peserta_terdaftar",
    "peserta_aktif",
    "jenis_target",
    "target_acuan",
    "capaian_acuan",
    "kekurangan_acuan",
    "baru",
    "berhenti",
    "perubahan_minggu",
    "pindah_neto",
    "laju_4mg",
    "laju_dibutuhkan_acuan",
    "perkiraan_tercapai_acuan",
    "tepat_waktu_acuan",
    "proyeksi_akhir_tahun",
    "pekerja",
    "cakupan_pekerja",
    "dasar_target",
    "target_dibagi_oleh",
]
# The month ahead (issue 35, item 4): beside the pace on Ringkasan, in the review and on the RW grid.
BULAN_DEPAN = ["jatuh_tempo", "aktif_bila_tak_bayar", "capaian_bila_tak_bayar", "capaian_bila_semua_bayar"]
KPI += BULAN_DEPAN
ANAK = ["peserta_aktif", "jenis_target", "target_acuan", "capaian_acuan", "kekurangan_acuan", "perubahan_minggu"]


def akhir_tahun(tanggal: dt.date) -> dt.date:
    """The date a projection runs to from snapshot `tanggal` (a date): 31 December of its year,
    where proyeksi_akhir_tahun and laju_dibutuhkan are measured (pembangun.Periode.batas)."""
    return Periode(tanggal).batas


def vonis_laju(m: dict) -> str:
    """The pace verdict of a place's KPI row against its reference target (the one rule Ringkasan
    and the review show): 'belum' (one snapshot: the pace cannot be known yet), 'tanpa_target', 'sudah_tercapai', 'tidak_tercapai' (the 4-week
    pace never reaches the target), 'tepat_waktu' or 'terlambat' (reached by the deadline or after)."""
    if m["target_acuan"] is None:
        return "tanpa_target" if m["laju_4mg"] is not None else "belum"
    if m["kekurangan_acuan"] == 0:
        return "sudah_tercapai"
    if m["laju_4mg"] is None:
        return "belum"
    if m["perkiraan_tercapai_acuan"] is None:
        return "tidak_tercapai"
    return "tepat_waktu" if m["tepat_waktu_acuan"] else "terlambat"


# 1 RW 100: every metric of the programme (its declared group), and the five a summary shows.
PROGRAM_RW = [m.nama for m in definisi.METRIK if m.kelompok == "program_rw"]
RW_RINGKAS = ["rw_diketahui", "rw_tercapai", "persen_rw_tercapai", "target_program_rw", "capaian_program_rw"]
RW_BARIS = ["peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan", "jatuh_tempo"]


def rw_terjauh(t: Pertanyaan, batas: int = 15) -> list[dict]:
    """The RWs of a kecamatan or kelurahan furthest from their target: biggest shortfall first,
    then by code; RWs at target and the "RW unknown" rows left out."""
    rows = tabel("rw", t, RW_BARIS).baris
    jauh = sorted(
        (r for r in rows if r["rw"] is not None and r["kekurangan"]),
        key=lambda r: (-r["kekurangan"], r["kode_wilayah"]),
    )
    return jauh[:batas]


def tren(t: Pertanyaan) -> list[dict]:
    """A place's numbers at every snapshot up to the question's, oldest first."""
    t = _gerbang(t)
    return [dict(r) for r in _tren(*versi(), t.kode, t.filt, t.tanggal)]


@functools.lru_cache(maxsize=256)
def _tren(_path, target_rw: int, kode: str, filt: Filter, tanggal) -> tuple:
    """Cached per served warehouse file, like _tabel."""
    sql, params = pembangun.tren(kode, filt, tanggal, target_rw=target_rw, turunan=_turunan(_path))  # checks it
    baris = jawaban.tren(_path, kode, tanggal, target_rw) if filt.kosong else None
    if baris is None:  # filtered, below kab/kota, or not stored
        baris = bersama.ambil(_path, ("tren", sql, params), lambda: warehouse.records(sql, params))
    return tuple(baris)


def rincian(t: Pertanyaan, dimensi: str) -> list[dict]:
    """A place's persons by segmen, sumber_iuran, pekerja_rentan, kantor_cabang or pekerjaan:
    [{'nilai', 'peserta_terdaftar', 'peserta_aktif'}]."""
    t = _gerbang(t)
    return [dict(r) for r in _rincian(warehouse.current_path(), t.kode, dimensi, t.tanggal, t.filt)]


PEKERJAAN_TERATAS = 15  # occupations a chart can name legibly


def pekerjaan_bpu(t: Pertanyaan, batas: int = PEKERJAAN_TERATAS) -> list[dict] | None:
    """The occupations of a place's BPU participants, most registered first, cut to `batas`;
    None when the question's filters exclude BPU or narrow beyond a segment (ringkas_pekerjaan
    keeps the segment only, so those numbers would not be the ones asked)."""
    if t.filt.segmen not in (None, "BPU") or Filter(segmen=t.filt.segmen) != t.filt:
        return None
    return rincian(Pertanyaan(t.tempat, t.periode, Filter(segmen="BPU")), "pekerjaan")[:batas]


@functools.lru_cache(maxsize=256)
def _rincian(_path, kode, dimensi, tanggal, filt) -> tuple:
    sql, params = pembangun.rincian(kode, dimensi, filt, tanggal)  # checks the question
    baris = jawaban.rincian(_path, kode, dimensi, tanggal, filt)
    if baris is None:  # filtered, below kab/kota, a place nobody is in, or not stored
        baris = bersama.ambil(_path, ("rincian", sql, params), lambda: warehouse.records(sql, params))
    return tuple(baris)


def bulan_jatuh_tempo(tanggal: dt.date) -> dt.date:
    """The last paid month (its first day) of the participants due at the end of `tanggal`'s month:
    the oldest month still counted active, the as-of month minus CAKUPAN_GRACE_MONTHS
    (etl/sql/roster_1_baris.sql); 2024-01-01 for 2024-02-06 with the default grace of 1."""
    bulan = tanggal.year * 12 + tanggal.month - 1 - settings.grace_months()
    return dt.date(bulan // 12, bulan % 12 + 1, 1)


def boleh_daftar_jatuh_tempo() -> bool:
    """Whether the asker may download a follow-up list (daftar_jatuh_tempo): branch accounts and admins."""
    akun = lingkup.aktif()
    return bool(akun.admin or akun.kantor_cabang)


class TanpaRincian(PertanyaanTidakSah):
    """A question about persons of a snapshot whose person rows are no longer kept."""


# Grain: one row: whether a snapshot's person rows are kept.
ADA_RINCIAN_SQL = "SELECT coalesce(max(ada_rincian::INTEGER), 0) = 1 FROM snapshot WHERE tanggal_data = $t"


def daftar_jatuh_tempo(t: Pertanyaan) -> list[dict]:
    """The follow-up list of the question's place (issue 35, item 4): its active participants due
    at the end of the as-of month, [{'kpj', 'kode_wilayah', 'nama_wilayah', 'rw',
    'bulan_iuran_terakhir' ('2024-01'), 'segmen', 'kantor_cabang'}], read from the snapshot's person
    rows. For a branch account (its own branch only) and administrators (their place): raises
    lingkup.TanpaAkses for another account or outside the scope, TanpaRincian when the snapshot's
    persons are no longer kept (CAKUPAN_DETAIL_SNAPSHOTS)."""
    t = _gerbang(t)
    if not boleh_daftar_jatuh_tempo():
        raise lingkup.TanpaAkses(
            "Daftar peserta jatuh tempo hanya untuk akun kantor cabang dan admin.",
            "The list of participants due is for branch office accounts and administrators only.",
        )
    if not warehouse.rows(ADA_RINCIAN_SQL, {"t": t.tanggal})[0][0]:
        raise TanpaRincian(
            f"Rincian peserta per {t.tanggal.isoformat()} tidak disimpan lagi: daftar hanya untuk tanggal data terbaru.",
            f"Participants as of {t.tanggal.isoformat()} are no longer kept: the list is for the newest data dates.",
        )
    sql, params = pembangun.daftar_jatuh_tempo(t.kode, t.filt, t.tanggal, settings.grace_months())
    return warehouse.records(sql, params)


# Grain: one row per branch office named in the newest snapshot.
KANTOR_CABANG_SQL = """
SELECT DISTINCT kantor_cabang FROM ringkas_wilayah
WHERE tanggal_data = (SELECT max(tanggal_data) FROM snapshot) AND kantor_cabang IS NOT NULL ORDER BY 1
"""


def kantor_cabang() -> list[str]:
    """Branch offices, for the filter: a branch scope has its own only."""
    if lingkup.aktif().kantor_cabang:
        return [lingkup.aktif().kantor_cabang]
    return [k for (k,) in _kantor_cabang(warehouse.current_path())]


@functools.lru_cache(maxsize=8)
def _kantor_cabang(_path) -> tuple:
    return tuple(warehouse.rows(KANTOR_CABANG_SQL))
