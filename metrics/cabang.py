"""Kantor cabang as a place of its own (issue 35, item 2): a branch's numbers against its own
target, its ranking among the branches, and the kab/kota and kecamatan its participants live in.

What a branch's numbers cover: the participants whose roster rows name that branch
(`kantor_cabang`), wherever they live; its target is the branch target file's
(`python -m etl target-cabang`, docs/format.md). Region targets are not split by branch, so a
branch is measured against its own target only.

Who may see what (metrics/lingkup.py): a branch counts participants of every place, so its
numbers are for the national scope and for the branch's own account; a branch account sees its
own branch only (another is refused), and a place scope sees no branch (its numbers would reach
outside the place). Numbers come from the one builder (pembangun.kueri_cabang, kueri_tabel).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import warehouse
from metrics import bersama, cakupan, lingkup, pembangun, wilayah
from metrics.cakupan import TanpaData
from metrics.definisi import kutip
from metrics.pembangun import Filter
from metrics.pertanyaan import Pertanyaan

METRIK = list(pembangun.METRIK_CABANG)
PERINGKAT = ["peserta_aktif", "target", "capaian", "kekurangan", "perubahan_minggu", "laju_4mg", "laju_dibutuhkan"]
WILAYAH = ["peserta_terdaftar", "peserta_aktif", "perubahan_minggu"]  # a branch's places: no target of theirs


@dataclass
class Peringkat:
    """The branches in order (`baris`: dicts of `metrik` plus kantor_cabang, di_daftar and
    peringkat, 1 = the highest capaian) for the question's snapshot and segment."""

    baris: list[dict]
    tanya: Pertanyaan
    metrik: list[str]


def _gerbang(nama: str | None) -> str | None:
    """The branch the asker may see: a branch account's own (another refused), any for the
    national scope; a place scope none. Raises lingkup.TanpaAkses."""
    saya = lingkup.aktif()
    if saya.kantor_cabang:
        return lingkup.saring(Filter(kantor_cabang=nama)).kantor_cabang
    if not saya.nasional:
        raise lingkup.TanpaAkses(
            f"Angka kantor cabang menghitung peserta di mana pun mereka tinggal, juga di luar wilayah "
            f"akses Anda ({saya.wilayah}): hanya akun nasional dan akun kantor cabang itu sendiri yang "
            "dapat melihatnya.",
            f"A branch office's numbers count its participants wherever they live, also outside your "
            f"access scope ({saya.wilayah}): only national accounts and the branch's own account can see them.",
        )
    return nama


def _nasional(t: Pertanyaan, filt: Filter) -> Pertanyaan:
    """The question at the national level: a branch's participants live anywhere."""
    return Pertanyaan(wilayah.tempat("ID"), t.periode, filt)


def _semua(t: Pertanyaan, nama: str | None, metrik: tuple) -> list[dict]:
    """Every branch (nama None) or one, unchecked: callers pass the gate first."""
    filt = replace(t.filt, kantor_cabang=nama)
    return [dict(r) for r in _baris(*cakupan.versi(), filt, t.periode, metrik)]


@functools.lru_cache(maxsize=256)
def _baris(_path, _target_rw, filt: Filter, periode, metrik: tuple) -> tuple:
    sql, params = pembangun.kueri_cabang(filt, periode, list(metrik), ada_target=cakupan.ada(_path, "target_cabang"))
    return tuple(bersama.ambil(_path, ("cabang", sql, params), lambda: warehouse.records(sql, params)))


def urut(baris: list[dict]) -> list[dict]:
    """Branches by capaian, highest first, ties by name; those without a target last, by name;
    each numbered in `peringkat` (1, 2, ...; None without a target)."""
    dengan = sorted((b for b in baris if b["capaian"] is not None), key=lambda b: (-b["capaian"], b["kantor_cabang"]))
    tanpa = sorted((b for b in baris if b["capaian"] is None), key=lambda b: b["kantor_cabang"])
    for i, b in enumerate(dengan, start=1):
        b["peringkat"] = i
    for b in tanpa:
        b["peringkat"] = None
    return dengan + tanpa


def peringkat(t: Pertanyaan, metrik: list[str] | None = None) -> Peringkat:
    """Every branch against its target at the question's snapshot and segment (the question's
    place is not used: a branch counts everywhere), ranked by `urut`. Only for the national
    scope: a branch account sees its own place in the ranking through `angka`. Raises
    lingkup.TanpaAkses for any other scope."""
    if lingkup.aktif().kantor_cabang:
        raise lingkup.TanpaAkses(
            "Peringkat semua kantor cabang hanya untuk akun nasional; akun kantor cabang melihat "
            "peringkat cabangnya sendiri di halaman cabangnya.",
            "The ranking of all branch offices is for national accounts; a branch account sees its own "
            "branch's place in the ranking on its branch's page.",
        )
    _gerbang(None)
    metrik = list(dict.fromkeys([*(metrik or PERINGKAT), "capaian"]))
    return Peringkat(urut(_semua(t, None, tuple(metrik))), t, metrik)


def angka(t: Pertanyaan) -> dict:
    """One branch's numbers (the question's filt.kantor_cabang; a branch account's own): every
    metric of METRIK plus kantor_cabang, di_daftar (named in the period's rosters), vonis (the
    pace verdict, cakupan.vonis_laju), peringkat (its place among the branches with a target,
    None without one) and jumlah_peringkat (how many have one). Raises lingkup.TanpaAkses
    outside the scope, TanpaData for a branch neither the rosters nor the targets name."""
    nama = _gerbang(t.filt.kantor_cabang)
    if nama is None:
        raise pembangun.PertanyaanTidakSah("Pilih satu kantor cabang", "Choose a branch office")
    baris = _semua(t, nama, tuple(METRIK))
    if not baris:
        raise TanpaData(
            f"Kantor cabang '{kutip(nama)}' tidak disebut daftar peserta dan tidak punya target pada tanggal data ini.",
            f"Branch office '{kutip(nama)}' is named by no roster row and has no target at this snapshot.",
        )
    m = baris[0]
    m["vonis"] = cakupan.vonis_laju(
        {
            "target_acuan": m["target"],
            "kekurangan_acuan": m["kekurangan"],
            "laju_4mg": m["laju_4mg"],
            "perkiraan_tercapai_acuan": m["perkiraan_tercapai"],
            "tepat_waktu_acuan": m["tepat_waktu"],
        }
    )
    semua = urut(_semua(t, None, ("capaian",)))  # the place only: no other branch's numbers leave here
    m["peringkat"] = next(b["peringkat"] for b in semua if b["kantor_cabang"] == nama)
    m["jumlah_peringkat"] = sum(1 for b in semua if b["peringkat"] is not None)
    return m


def wilayah_cabang(t: Pertanyaan, tingkat: str) -> cakupan.Hasil:
    """The places at `tingkat` (kabkota or kecamatan) the branch's participants live in: the rows of
    cakupan.tabel for the branch with anyone registered there in the snapshot (and the "Tidak
    diketahui" rows of those whose region is not known that deep), most active first, then by
    code. No target per row: region targets count every branch. Raises as `angka`."""
    nama = _gerbang(t.filt.kantor_cabang)
    if nama is None:
        raise pembangun.PertanyaanTidakSah("Pilih satu kantor cabang", "Choose a branch office")
    hasil = cakupan.tabel(tingkat, _nasional(t, replace(t.filt, kantor_cabang=nama)), WILAYAH)
    hasil.baris = sorted(
        (b for b in hasil.baris if b["peserta_terdaftar"]),
        key=lambda b: (not b["diketahui"], -b["peserta_aktif"], b["kode_wilayah"] or b["kode_induk"] or ""),
    )
    return hasil
