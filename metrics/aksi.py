"""Aksi (issue 21): actions recorded on a place, checked in the recorder's scope; their effect on
the weekly pace of peserta aktif measured against similar places; and what funding N pekerja
rentan would do. The method is in docs/metrics.md ("Efek aksi"). Stored by isian/aksi.py, which
only this module and the tests import: pages and commands take its kinds (JENIS), funding sources
(SUMBER_DANA), Aksi and GalatAksi from here (.importlinter, contract isian).

    tambah(wilayah, jenis, judul, ...) -> id          impor(path) -> (ids, errors)
    untuk_tren(kode) -> [Aksi]                        efek(aksi) -> Efek
    efek_dari_deret(...) -> Efek (the arithmetic, on numbers)
    bagaimana_jika(m, n, bulan, tanggal) -> dict (the what-if, before anything is saved)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import statistics
from dataclasses import dataclass
from pathlib import Path

import kode_wilayah
from isian import aksi as simpanan
from isian.aksi import JENIS, SUMBER_DANA, Aksi, GalatAksi
from metrics import cakupan, lingkup, periode, wilayah
from metrics.definisi import IURAN_BPU, PertanyaanTidakSah
from metrics.pertanyaan import tanya

EFEK_MINGGU = 4  # weeks before and after an action's start that its pace is measured over
MINGGU_MIN = 2  # fewer weeks on either side: too few to say
PEMBANDING_MIN = 3  # fewer similar places without an action: no comparison
Z = 2  # about 95 %: the difference is said to be real past this many standard errors
# An effect that would need more than a year of weekly data after its start to tell apart is
# said to be too small, not given a wait in weeks (issue 30: "perlu sekitar 743 minggu lagi").
CAKRAWALA_MINGGU = 52


def tambah(
    wilayah_: str, jenis: str, judul: str, mulai, selesai=None, catatan: str = "", orang=None, sumber_dana=None,
    rencana: bool = False,
) -> int:  # fmt: skip
    """Record an action on a place inside the asker's scope, by the rule of every write
    (lingkup.periksa_tulis, issue 31: not by a branch account; refusals audited). Raises
    lingkup.TanpaAkses (outside it), PertanyaanTidakSah (not a region of the list) or GalatAksi
    (a field). Returns its id."""
    saya = lingkup.aktif()
    tempat = wilayah.tempat((wilayah_ or "").strip() or "ID")
    if tempat.tingkat == "rw":
        raise GalatAksi("Aksi dicatat untuk wilayah sampai kelurahan, bukan per RW.")
    lingkup.periksa_tulis(tempat.kode, "aksi_tambah")
    medan = simpanan.periksa(jenis, judul, catatan, mulai, selesai, orang, sumber_dana)
    return simpanan.tambah(tempat.kode, medan, rencana, saya.nama, saya.label)


def hapus(nomor: int) -> None:
    """Remove an action on a place inside the asker's scope, by the rule of every write
    (lingkup.periksa_tulis, issue 31: not by a branch account; refusals audited with the place)."""
    a = simpanan.ambil(nomor)
    if a is None:
        raise GalatAksi(f"Aksi {nomor} tidak ada atau sudah dihapus.")
    lingkup.periksa_tulis(a.wilayah, "aksi_hapus", id=nomor)
    saya = lingkup.aktif()
    simpanan.hapus(nomor, saya.nama, saya.label)


def daftar(kode: str) -> list[Aksi]:
    """The actions on a place and the places below it, inside the asker's scope, oldest first."""
    lingkup.periksa(kode)
    return simpanan.daftar(kode, bawah=True)


def versi() -> tuple[int, int]:
    """What a kept page depends on besides the build: the actions recorded (isian.aksi.versi)."""
    return simpanan.versi()


def untuk_tren(kode: str) -> list[Aksi]:
    """The actions a place's trend marks: its own and those of the places above it that the asker
    may see (a province's instruction bears on its kab/kota), oldest first."""
    saya = lingkup.aktif()
    kode_atas = [t.kode for t in wilayah.jejak(kode) if saya.memuat(t.kode)]
    return sorted((a for k in kode_atas for a in simpanan.daftar(k)), key=lambda a: (a.mulai, a.id))


KOLOM_IMPOR = ("kode_wilayah", "jenis", "judul", "mulai")  # required; catatan, selesai, orang, sumber_dana optional
PEMBATAS = (",", ";", "\t")


def impor(path: Path) -> tuple[list[int], list[str]]:
    """Actions from a CSV (kode_wilayah, jenis, judul, mulai[, selesai, catatan, orang, sumber_dana]),
    each checked like one entered by hand: (ids recorded, 'baris N: why' for each refused row, N the
    file's line where the row starts). Read as standard CSV (RFC 4180, what Excel writes): a quoted
    field keeps its commas, doubled quotes and line breaks; `,` `;` or tab, by the header."""
    nama = Path(path).name
    try:
        teks = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise GalatAksi(f"{nama}: tidak terbaca ({e}).") from None
    baris = csv.reader(io.StringIO(teks), delimiter=_pembatas(teks.partition("\n")[0]))
    kepala = [k.strip() for k in next(baris, [])]
    kurang = [k for k in KOLOM_IMPOR if k not in kepala]
    if kurang:
        raise GalatAksi(f"{nama}: kolom {', '.join(kurang)} tidak ada (perlu {', '.join(KOLOM_IMPOR)}).")
    ids, galat, akhir = [], [], baris.line_num
    for r in baris:
        awal, akhir = akhir + 1, baris.line_num
        if not r:
            continue  # a blank line
        if akhir > awal and len(r) != len(kepala):  # a quote left open swallowed the lines after it
            galat.append(f"baris {awal}-{akhir}: tanda kutip tidak berpasangan; periksa tanda kutip di baris {awal}.")
            continue
        medan = dict(zip(kepala, r))
        try:
            ids.append(
                tambah(
                    medan.get("kode_wilayah"),
                    medan.get("jenis"),
                    medan.get("judul"),
                    medan.get("mulai"),
                    medan.get("selesai"),
                    medan.get("catatan") or "",
                    medan.get("orang"),
                    medan.get("sumber_dana"),
                )  # fmt: skip
            )
        except (GalatAksi, PertanyaanTidakSah) as e:
            galat.append(f"baris {awal}: {e}")
    return ids, galat


def _pembatas(kepala: str) -> str:
    """The delimiter with which the header line names every required column; `,` when none does."""
    for d in PEMBATAS:
        if set(KOLOM_IMPOR) <= {k.strip() for k in next(csv.reader([kepala], delimiter=d), [])}:
            return d
    return ","


# --- effect -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Efek:
    """An action's effect on the weekly pace of peserta aktif (persons a week), against similar
    places over the same weeks; `alasan` says why there is no number when there is none:
    'belum_mulai' (the start is after the newest snapshot: `mulai`, `data_terbaru` say when),
    'minggu_kurang' (fewer than MINGGU_MIN weeks of data on a side: `minggu_sebelum` and
    `minggu_sesudah` say how many there are) or 'tanpa_pembanding'."""

    alasan: str | None  # None, 'belum_mulai', 'minggu_kurang' or 'tanpa_pembanding'
    laju_sebelum: float | None = None  # the place's pace in the weeks before the start
    laju_sesudah: float | None = None  # and after it
    perubahan_pembanding: float | None = None  # the mean change of pace among similar places
    efek: float | None = None  # the place's change of pace minus theirs
    galat_baku: float | None = None  # how much a place without an action varies (persons a week)
    pembanding: int = 0  # similar places compared with
    minggu_sebelum: float = 0
    minggu_sesudah: float = 0
    minggu_lagi: int | None = None  # about how many more weeks after the start make it clear
    terlalu_kecil: bool = False  # not clear, and clear only past CAKRAWALA_MINGGU weeks after the start
    mulai: dt.date | None = None  # the action's start ('belum_mulai')
    data_terbaru: dt.date | None = None  # the newest snapshot, before the start ('belum_mulai')

    @property
    def yakin(self) -> bool:
        return self.efek is not None and abs(self.efek) > Z * self.galat_baku


def _jendela(tanggal: list[dt.date], mulai: dt.date) -> tuple[dt.date, dt.date, dt.date] | None:
    """(the snapshot before the window, the one at the start, the last one in the window after);
    None when there is no snapshot at or before the start and one after it."""
    sebelum = [d for d in tanggal if d <= mulai]
    sesudah = [d for d in tanggal if mulai < d <= mulai + dt.timedelta(weeks=EFEK_MINGGU)]
    if not sebelum or not sesudah:
        return None
    d0 = sebelum[-1]
    awal = [d for d in tanggal if d0 - dt.timedelta(weeks=EFEK_MINGGU) <= d < d0]
    return (awal[0] if awal else d0), d0, sesudah[-1]


def _minggu(tanggal: list[dt.date], mulai: dt.date) -> tuple[float, float]:
    """(weeks of data before, after) the start that an effect would measure, where _jendela has no
    window: before, from the snapshot at or before the start back to the earliest within
    EFEK_MINGGU weeks of it (0 without one); after, from that snapshot (or, without one, the first
    after the start) to the last within EFEK_MINGGU weeks after the start (0 without one)."""
    sebelum = [d for d in tanggal if d <= mulai]
    sesudah = [d for d in tanggal if mulai < d <= mulai + dt.timedelta(weeks=EFEK_MINGGU)]
    if sebelum:
        d0 = sebelum[-1]
        w_sebelum = (d0 - min(d for d in sebelum if d >= d0 - dt.timedelta(weeks=EFEK_MINGGU))).days / 7
    else:
        d0, w_sebelum = (sesudah[0] if sesudah else None), 0
    return w_sebelum, ((sesudah[-1] - d0).days / 7 if sesudah else 0)


def efek_dari_deret(deret: dict[dt.date, int], pembanding: dict[str, dict[dt.date, int]], mulai: dt.date) -> Efek:
    """The arithmetic of docs/metrics.md ("Efek aksi") on numbers: `deret` the place's peserta aktif
    per snapshot, `pembanding` each similar place's, `mulai` the action's start.

    pace before = (aktif at the start's snapshot - aktif EFEK_MINGGU weeks earlier) / weeks, after
    likewise up to EFEK_MINGGU weeks on; change = after - before; efek = the place's change minus
    the mean change of the similar places; galat_baku = their changes' standard deviation x
    sqrt(1 + 1/n) (how far one more place without an action would fall from their mean).
    A start after the newest snapshot is 'belum_mulai' (not yet started), whatever the weeks before."""
    tanggal = sorted(deret)
    if tanggal and mulai > tanggal[-1]:
        return Efek("belum_mulai", mulai=mulai, data_terbaru=tanggal[-1])
    jendela = _jendela(tanggal, mulai)
    if jendela is None:
        w_sebelum, w_sesudah = _minggu(tanggal, mulai)
        return Efek("minggu_kurang", minggu_sebelum=w_sebelum, minggu_sesudah=w_sesudah)
    d_awal, d0, d_akhir = jendela
    w_sebelum, w_sesudah = (d0 - d_awal).days / 7, (d_akhir - d0).days / 7
    if w_sebelum < MINGGU_MIN or w_sesudah < MINGGU_MIN:
        return Efek("minggu_kurang", minggu_sebelum=w_sebelum, minggu_sesudah=w_sesudah)

    def perubahan(d: dict) -> tuple[float, float] | None:
        if any(x not in d or d[x] is None for x in (d_awal, d0, d_akhir)):
            return None
        return (d[d0] - d[d_awal]) / w_sebelum, (d[d_akhir] - d[d0]) / w_sesudah

    sendiri = perubahan(deret)
    lain = [p[1] - p[0] for p in map(perubahan, pembanding.values()) if p is not None]
    if sendiri is None or len(lain) < PEMBANDING_MIN:
        return Efek("tanpa_pembanding", pembanding=len(lain), minggu_sebelum=w_sebelum, minggu_sesudah=w_sesudah)
    rata = statistics.fmean(lain)
    galat = statistics.stdev(lain) * math.sqrt(1 + 1 / len(lain))
    nilai = (sendiri[1] - sendiri[0]) - rata
    lagi, kecil = _tunggu(nilai, galat, w_sesudah)
    return Efek(
        None, sendiri[0], sendiri[1], rata, nilai, galat, len(lain), w_sebelum, w_sesudah, lagi, kecil,
    )  # fmt: skip


def _tunggu(nilai: float, galat: float, w_sesudah: float) -> tuple[int | None, bool]:
    """(about how many more weeks would make an effect that is not clear clear, whether that is
    beyond the horizon): the spread shrinks about as 1/sqrt(weeks) of pace measured, so
    w x (Z x galat / effect)^2 weeks in all; past CAKRAWALA_MINGGU in all, too small (no wait).
    (None, False) for a clear effect; (None, True) for an effect of exactly 0."""
    if nilai and abs(nilai) > Z * galat:
        return None, False
    if not nilai:
        return None, True
    semua = round(w_sesudah * (Z * galat / abs(nilai)) ** 2, 9)  # 52,000000001 of float noise is 52
    lagi = max(1, math.ceil(round(semua - w_sesudah, 9)))
    return (None, True) if w_sesudah + lagi > CAKRAWALA_MINGGU else (lagi, False)


def efek(a: Aksi, semua: list[Aksi] | None = None) -> Efek:
    """An action's effect (efek_dari_deret) on the served data: the place's peserta aktif at every
    snapshot, and those of the places of the same level in the same province (other provinces for
    a province) with no action whose dates touch the window. Unfiltered; in the asker's scope,
    which must hold the action's place (the similar places are counted, never shown). `semua`:
    every active action (isian.aksi.daftar()), when a caller measuring several has read it once."""
    lingkup.periksa(a.wilayah)
    tempat = wilayah.tempat(a.wilayah)
    induk = (
        "ID" if tempat.tingkat in ("nasional", "provinsi") else kode_wilayah.baca(tempat.kode).awalan("provinsi").kode
    )
    tingkat_anak = tempat.tingkat
    with lingkup.berlaku(lingkup.Lingkup(admin=True, nama=lingkup.aktif().nama)):  # the comparison's counts only
        deret = _deret(a.wilayah)
        jendela = _jendela(sorted(deret), a.mulai)
        awal, akhir = (jendela[0], jendela[2]) if jendela else (a.mulai, a.mulai)
        semua = simpanan.daftar() if semua is None else semua
        sibuk = {b.wilayah for b in semua if b.mulai <= akhir and (b.selesai or b.mulai) >= awal}
        saudara = [k for k in _sesama(induk, tingkat_anak) if k != a.wilayah and k not in sibuk]
        return efek_dari_deret(deret, {k: _deret(k) for k in saudara}, a.mulai)


def efek_semua(daftar: list[Aksi]) -> dict[int, Efek]:
    """{id: efek} of several actions, with the list of all actions read once (a page's list)."""
    semua = simpanan.daftar()
    return {a.id: efek(a, semua) for a in daftar}


def _deret(kode: str) -> dict[dt.date, int]:
    newest = periode.daftar()[0]
    return {r["tanggal_data"]: r["peserta_aktif"] for r in cakupan.tren(tanya(kode, newest))}


def _sesama(induk: str, tingkat: str) -> list[str]:
    """The places of level `tingkat` under `induk` (a province, or ID for the provinces)."""
    kode = [induk]
    while kode and wilayah.tempat(kode[0]).tingkat != tingkat:
        kode = [
            r["kode_wilayah"]
            for k in kode
            for r in cakupan.anak(tanya(k), ["peserta_aktif"]).baris
            if r["kode_wilayah"]
        ]
    return kode


# --- what-if --------------------------------------------------------------------------


def bagaimana_jika(m: dict, n: int, bulan: int, tanggal: dt.date) -> dict:
    """Fund `n` pekerja rentan from the first of month `bulan` of the snapshot's year (APBD or CSR
    paying Rp16.800 a person a month, definisi.IURAN_BPU), for a place whose KPIs are `m`
    (peserta_aktif, target_acuan, laju_4mg, proyeksi_akhir_tahun) on snapshot `tanggal`:
    {biaya (rupiah, to 31 December), bulan_dibayar, proyeksi_akhir_tahun, capaian_akhir_tahun (ratio) and
    capaian_akhir_tahun_tanpa (without the funding),
    tercapai (date or None), tercapai_tanpa (the date without it)}. Reached: the same rule as
    perkiraan_tercapai (ceil of the shortfall over the 4-week pace, in days), with the funded
    persons active from their first month. GalatAksi for a month before the snapshot's or a bad n."""
    if not isinstance(n, int) or not 0 < n <= 10_000_000:
        raise GalatAksi("Jumlah pekerja yang didanai 1 sampai 10 juta.")
    if not isinstance(bulan, int) or not tanggal.month <= bulan <= 12:
        raise GalatAksi(f"Bulan mulai {tanggal.month}-12 (tahun data {tanggal.year}).")
    awal = dt.date(tanggal.year, bulan, 1)
    dibayar = 12 - bulan + 1
    aktif, target, laju = m["peserta_aktif"], m.get("target_acuan"), m.get("laju_4mg")
    proyeksi = (m["proyeksi_akhir_tahun"] + n) if m.get("proyeksi_akhir_tahun") is not None else None
    return {
        "biaya": n * IURAN_BPU * dibayar,
        "bulan_dibayar": dibayar,
        "mulai": awal,
        "proyeksi_akhir_tahun": proyeksi,
        "capaian_akhir_tahun": proyeksi / target if proyeksi is not None and target else None,
        "capaian_akhir_tahun_tanpa": (
            m["proyeksi_akhir_tahun"] / target if m.get("proyeksi_akhir_tahun") is not None and target else None
        ),
        "tercapai_tanpa": _tercapai(aktif, target, laju, tanggal, 0, awal),
        "tercapai": _tercapai(aktif, target, laju, tanggal, n, max(awal, tanggal)),
    }


def _tercapai(aktif, target, laju, tanggal: dt.date, n: int, awal: dt.date) -> dt.date | None:
    if not target:
        return None
    if aktif >= target:
        return tanggal

    def hari(kurang: float) -> dt.date | None:
        return tanggal + dt.timedelta(days=math.ceil(kurang / laju * 7)) if laju and laju > 0 else None

    tanpa = hari(target - aktif)
    if n == 0 or (tanpa is not None and tanpa < awal):
        return tanpa
    if aktif + n + (laju or 0) * (awal - tanggal).days / 7 >= target:
        return awal  # the funded persons reach it on their first day
    return hari(target - aktif - n)


__all__ = [
    "JENIS",
    "SUMBER_DANA",
    "Aksi",
    "Efek",
    "GalatAksi",
    "bagaimana_jika",
    "daftar",
    "efek",
    "efek_dari_deret",
    "tambah",
    "untuk_tren",
]
