"""Every number Cakupan shows, declared once: what it counts, what it is compared with, how it reads.

Two kinds of declaration:
- `Ukuran` (a measure): a sum over a rollup for one snapshot or window. The builder turns these
  into `sum(...) FILTER (...)` over `ringkas_wilayah` (and `ringkas_rw` at RW grain).
- `Metrik` (a metric): what users see. Its `pembilang` (numerator) and `pembanding` (what it is
  compared with: a denominator or a target) are SQL expressions over measure names, earlier
  metrics and the builder's period parameters ($minggu_tersisa, ...). Never a user value.

The dashboard, the exports and the reports read only these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kode_wilayah import TINGKAT as TINGKAT  # the levels a region code names, nasional to rw

SEGMEN = {
    "PU": ("Penerima Upah (PU)", "Wage earners (PU)"),
    "BPU": ("Bukan Penerima Upah (BPU)", "Non-wage earners (BPU)"),
    "JAKON": ("Jasa Konstruksi (Jakon)", "Construction workers (Jakon)"),
    "PMI": ("Pekerja Migran Indonesia (PMI)", "Migrant workers (PMI)"),
    "TIDAK_DIKETAHUI": ("Segmen tidak diketahui", "Segment unknown"),
}
PROGRAM = {
    "JKK": ("Jaminan Kecelakaan Kerja", "Work accident"),
    "JKM": ("Jaminan Kematian", "Death benefit"),
    "JHT": ("Jaminan Hari Tua", "Old-age savings"),
    "JP": ("Jaminan Pensiun", "Pension"),
    "JKP": ("Jaminan Kehilangan Pekerjaan", "Job-loss benefit"),
}
SUMBER_IURAN = {
    "MANDIRI": ("Mandiri", "Self-paid"),
    "PEMBERI_KERJA": ("Pemberi kerja", "Employer"),
    "APBD": ("APBD", "Regional budget (APBD)"),
    "CSR": ("CSR", "Company CSR"),
    "LAINNYA": ("Lainnya", "Other"),
}


RENTAN = {"ya": ("Pekerja rentan", "Vulnerable workers"), "tidak": ("Bukan pekerja rentan", "Not vulnerable")}


@dataclass(frozen=True)
class Saringan:
    """One filter, declared once: the URL reader, the builder, the command line, file names, the
    controls and slide captions all read this table, so a new filter is one row here plus its
    field in `pembangun.Filter`."""

    kunci: str  # the URL key and command-line flag: ?sumber=APBD, --sumber APBD
    kolom: str  # the `Filter` field and the rollup column it narrows
    label: tuple[str, str]  # (id, en)
    semua: tuple[str, str]  # the control's empty choice
    pilihan: dict[str, tuple[str, str]] | None  # value -> words; None: the values come from the data
    nilai: dict[str, object] | None = None  # text -> the Filter's value, when it is not the text itself
    berkas: dict[object, str] | None = None  # value -> its word in a file name, when not the value
    baris: bool = True  # narrows rows (WHERE kolom = $kolom); False: the programme picks the summed columns
    di_rw: bool = False  # kept by ringkas_rw
    target_berlaku: bool = False  # targets are set per value (per segment only)
    kode_di_depan: bool = False  # controls show 'JKK · Jaminan Kecelakaan Kerja', captions the code

    def ke_nilai(self, teks: str) -> object:
        """The Filter's value of a URL or command-line text, read forgivingly where it has one
        meaning (' bpu ' and 'Bpu' are BPU, 'pemberi kerja' PEMBERI_KERJA, 'YA' ya); a branch's
        name is taken as written, spaces around it aside. PertanyaanTidakSah, naming this filter
        and the value, when unknown."""
        teks = str(teks).strip()
        if self.pilihan is None:
            return self.nilai[teks] if self.nilai else teks
        baku = {_bentuk(k): k for k in self.pilihan}.get(_bentuk(teks))
        if baku is None:
            di_alamat = f"{self.kunci}={kutip(teks)}"
            raise PertanyaanTidakSah(
                f"{self.label[0]} '{kutip(teks)}' tidak dikenal ({di_alamat}); pilih {', '.join(self.pilihan)}",
                f"{self.label[1]} '{kutip(teks)}' is not known ({di_alamat}); choose {', '.join(self.pilihan)}",
            )
        return self.nilai[baku] if self.nilai else baku

    def ke_teks(self, nilai: object) -> str:
        """The URL text of a Filter's value (the inverse of ke_nilai)."""
        if not self.nilai:
            return str(nilai)
        for teks, v in self.nilai.items():
            if v is nilai:
                return teks
        raise PertanyaanTidakSah(
            f"{self.kolom} harus {' atau '.join(self.nilai)}", f"{self.kolom} must be {' or '.join(self.nilai)}"
        )


def _bentuk(teks: str) -> str:
    """A filter value's form for matching: case, spaces, hyphens and underscores aside."""
    return re.sub(r"[\s_-]+", "_", teks.strip()).casefold()


SARINGAN = (
    Saringan(
        "segmen",
        "segmen",
        ("Segmen", "Segment"),
        ("Semua segmen", "All segments"),
        SEGMEN,
        di_rw=True,
        target_berlaku=True,
    ),
    Saringan(
        "program",
        "program",
        ("Program", "Programme"),
        ("Semua program", "All programmes"),
        PROGRAM,
        baris=False,
        di_rw=True,
        kode_di_depan=True,
    ),
    Saringan(
        "sumber",
        "sumber_iuran",
        ("Sumber iuran", "Contribution source"),
        ("Semua sumber iuran", "All contribution sources"),
        SUMBER_IURAN,
    ),
    Saringan(
        "rentan",
        "pekerja_rentan",
        ("Pekerja rentan", "Vulnerable workers"),
        ("Rentan & bukan", "Vulnerable or not"),
        RENTAN,
        nilai={"ya": True, "tidak": False},
        berkas={True: "rentan", False: "bukan-rentan"},
    ),
    Saringan(
        "cabang",
        "kantor_cabang",
        ("Kantor cabang", "Branch office"),
        ("Semua kantor cabang", "All branch offices"),
        None,
    ),
)
SARINGAN_MENURUT_KUNCI = {s.kunci: s for s in SARINGAN}


class PertanyaanTidakSah(ValueError):
    """A question the metrics cannot answer as asked (unknown level, metric, filter...).
    str() is the Indonesian message (the command lines); `teks(bahasa)` the page's language."""

    def __init__(self, pesan: str, en: str | None = None):
        super().__init__(pesan)
        self.en = en

    def teks(self, bahasa: str) -> str:
        return self.en if bahasa == "en" and self.en else str(self)


def kutip(nilai: object, panjang: int = 40) -> str:
    """A user's value quoted in a message: at most `panjang` characters, control characters as '?',
    so a 1 MB or a multi-line parameter is never echoed back whole."""
    teks = "".join("?" if (ord(c) < 32 or 127 <= ord(c) < 160) else c for c in str(nilai))
    return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"


# Bands of a capaian (active / target), one rule for every card, grid, chart and slide: under
# 70 % 'rendah' (red), under 90 % 'sedang' (orange), else 'baik' (green). The cells of the 1 RW 100
# grid read an RW against its own 100 persons: 'tercapai' at 100 %, 'dekat' from 50 %, else 'jauh'.
PITA_CAPAIAN = ((0.7, "rendah"), (0.9, "sedang"), (None, "baik"))
PITA_RW = ((0.5, "jauh"), (1.0, "dekat"), (None, "tercapai"))
# The borders a shown percent never reaches by rounding alone (issue 30, "a rounded 100"): the
# target itself and every band's border, in percent. 1.999 active of a target of 2.000 is 99,95 %:
# it reads 99,9 %, never 100,0 % beside "Kekurangan 1"; 69,996 % reads 69,9 %, as red as it is drawn.
BATAS_PERSEN = tuple(sorted({round(b * 100, 6) for b, _ in PITA_CAPAIAN + PITA_RW if b is not None} | {100.0}))

IURAN_BPU = 16_800  # rupiah per person per month: the cheapest BPU package (JKK + JKM)
JENDELA_HARI = 28  # "the last 4 weeks"


@dataclass(frozen=True)
class Ukuran:
    """A sum over a rollup. `kolom` may be {T} or {A}: the registered or active column, which a
    programme filter swaps for terdaftar_jkk / aktif_jkk and so on."""

    nama: str
    kolom: str
    kapan: str = "kini"  # kini (the snapshot), lalu (previous), awal (4 weeks back), 4mg (the window)
    syarat: str | None = None  # an extra condition on the rollup's rows (declared here only)
    di_rw: bool = True  # also summed from ringkas_rw at RW grain (else NULL there)
    arus: bool = False  # a flow (baru/berhenti): known only when the snapshot kept its persons
    program: str | None = None  # one programme's count: NULL under a filter on another programme,
    # whose persons the rollup cannot cross with this one (a part never exceeds its whole)
    jatuh_tempo: bool = False  # summed from ringkas_jatuh_tempo (region, RW, segmen, branch only)


UKURAN = (
    Ukuran("terdaftar", "{T}"),
    Ukuran("aktif", "{A}"),
    Ukuran("aktif_lalu", "{A}", "lalu"),
    Ukuran("aktif_awal", "{A}", "awal"),
    Ukuran("baru", "baru", di_rw=False, arus=True),
    Ukuran("berhenti", "berhenti", di_rw=False, arus=True),
    Ukuran("baru_4mg", "baru", "4mg", di_rw=False, arus=True),
    Ukuran("berhenti_4mg", "berhenti", "4mg", di_rw=False, arus=True),
    *(Ukuran(f"aktif_{p.lower()}", f"aktif_{p.lower()}", program=p) for p in PROGRAM),
    Ukuran("rentan", "{T}", syarat="pekerja_rentan", di_rw=False),
    Ukuran("rentan_aktif", "{A}", syarat="pekerja_rentan", di_rw=False),
    Ukuran("rentan_apbd", "{T}", syarat="pekerja_rentan AND sumber_iuran = 'APBD'", di_rw=False),
    Ukuran("rentan_csr", "{T}", syarat="pekerja_rentan AND sumber_iuran = 'CSR'", di_rw=False),
    Ukuran("jatuh_tempo", "jatuh_tempo", jatuh_tempo=True),
)


@dataclass(frozen=True)
class Metrik:
    nama: str  # the column name in exports (a percent gets the suffix _persen)
    label: tuple[str, str]  # (Indonesian, English)
    pembilang: str  # what is counted
    pembanding: str | None  # what it is compared with; the value is pembilang / pembanding
    format: str  # angka, persen, rupiah, tanggal, laju (per week), ya_tidak, teks
    definisi: tuple[str, str]  # one line shown to users (Indonesian, English)
    kelompok: str = "cakupan"  # cakupan, program, perubahan, laju, bulan_depan, program_rw, anggaran, acuan

    @property
    def kolom(self) -> str:
        return f"{self.nama}_persen" if self.format == "persen" else self.nama


def _program(kode: str, nama: tuple[str, str]) -> Metrik:
    return Metrik(
        f"aktif_{kode.lower()}",
        (f"Peserta aktif {kode}", f"Active in {kode}"),
        f"aktif_{kode.lower()}",
        None,
        "angka",
        (
            f"Peserta aktif yang ikut program {kode} ({nama[0]}); satu orang dihitung di setiap programnya.",
            f"Active participants covered by {kode} ({nama[1]}); a person counts in each programme they have.",
        ),
        "program",
    )


def _menuju(akhiran: str) -> dict[str, str]:
    """The formulas measured against a target, written once: for the region's own target
    (akhiran '') and for the reference target a page reads (akhiran '_acuan', see `_acuan`)."""
    target, kurang, laju = f"target{akhiran}", f"kekurangan{akhiran}", "laju_4mg"
    return {
        "kekurangan": f"CASE WHEN {target} IS NOT NULL THEN greatest({target} - aktif, 0) END",
        "perkiraan_tercapai": f"CASE WHEN aktif >= {target} THEN $tanggal::DATE WHEN {laju} > 0 "
        f"THEN ($tanggal::DATE + to_days(ceil({kurang} / {laju} * 7)::INTEGER))::DATE END",
        "tepat_waktu": f"CASE WHEN {target} IS NULL OR {laju} IS NULL THEN NULL WHEN aktif >= {target} THEN true "
        f"WHEN {laju} <= 0 THEN false ELSE perkiraan_tercapai{akhiran} <= $batas::DATE END",
    }


_SENDIRI, _ACUAN = _menuju(""), _menuju("_acuan")


def _acuan() -> tuple[Metrik, ...]:
    """What the pages measure against: the region's own target, or where it has none, below
    kab/kota, the 1 RW 100 rule target (RWs known x the per-RW target; issue 18). Exports keep
    `target` for the region's own target only (data contract, section 2) and add these beside it.
    `target_aturan` is the builder's column: the rule target of a kecamatan or kelurahan with an
    RW reference, unfiltered, else NULL."""
    jenis = ("Jenis target", "Target kind")
    return (
        Metrik(
            "jenis_target",
            jenis,
            "CASE WHEN target IS NOT NULL AND $tingkat <> 'rw' THEN coalesce(asal_target, 'wilayah') "
            "WHEN coalesce(target, target_aturan) IS NOT NULL THEN '1rw100' END",
            None,
            "teks",
            (
                "'wilayah': target wilayah sendiri; 'turunan': bagian dari target wilayah induk, dibagi atas "
                "permintaan pengguna (dasar_target, target_dibagi_oleh); '1rw100': target aturan 1 RW 100 "
                "(RW diketahui x 100), dipakai di kecamatan dan kelurahan yang punya referensi RW tetapi tanpa "
                "target sendiri, dan target per RW.",
                "'wilayah': the region's own target; 'turunan': a share of the parent region's target, split "
                "when a user asked (dasar_target, target_dibagi_oleh); '1rw100': the 1 RW 100 rule target (RWs "
                "known x 100), used for a kecamatan or kelurahan with an RW reference and no target of its own, "
                "and the per-RW target.",
            ),
            "acuan",
        ),
        Metrik(
            "dasar_target",
            ("Dasar target turunan", "Basis of the derived target"),
            "dasar_pembagian",
            None,
            "teks",
            (
                "Untuk target turunan: dasar pembagiannya, 'pekerja' (penduduk bekerja), 'terdaftar' (peserta "
                "terdaftar), 'rw' (jumlah RW) atau 'rata' (sama rata); kosong untuk target lain.",
                "For a derived target: what it was split on, 'pekerja' (working population), 'terdaftar' "
                "(registered participants), 'rw' (number of RWs) or 'rata' (equal); empty for other targets.",
            ),
            "acuan",
        ),
        Metrik(
            "target_dibagi_oleh",
            ("Target dibagi oleh", "Target split by"),
            "pembagi",
            None,
            "teks",
            (
                "Untuk target turunan: akun yang membagi target induknya; kosong untuk target lain.",
                "For a derived target: the account that split the parent's target; empty for other targets.",
            ),
            "acuan",
        ),
        Metrik(
            "target_acuan",
            ("Target acuan", "Reference target"),
            "coalesce(target, target_aturan)",
            None,
            "angka",
            (
                "Target wilayah sendiri, atau bila tidak ada (kecamatan, kelurahan) target 1 RW 100.",
                "The region's own target or, where it has none (kecamatan, kelurahan), the 1 RW 100 target.",
            ),
            "acuan",
        ),
        Metrik(
            "capaian_acuan",
            ("Capaian terhadap target acuan", "Achievement against the reference target"),
            "aktif",
            "target_acuan",
            "persen",
            ("Peserta aktif dibagi target acuan.", "Active participants divided by the reference target."),
            "acuan",
        ),
        Metrik(
            "kekurangan_acuan",
            ("Kekurangan terhadap target acuan", "Shortfall against the reference target"),
            _ACUAN["kekurangan"],
            None,
            "angka",
            (
                "Target acuan dikurangi peserta aktif; 0 bila tercapai.",
                "Reference target minus active; 0 once reached.",
            ),
            "acuan",
        ),
        Metrik(
            "laju_dibutuhkan_acuan",
            ("Laju dibutuhkan, target acuan (per minggu)", "Pace needed, reference target (per week)"),
            "kekurangan_acuan",
            "$minggu_tersisa",
            "laju",
            (
                "Pertambahan bersih per minggu agar target acuan tercapai pada 31 Desember.",
                "Net gain per week needed to reach the reference target by 31 December.",
            ),
            "acuan",
        ),
        Metrik(
            "perkiraan_tercapai_acuan",
            ("Perkiraan target acuan tercapai", "Reference target reached on"),
            _ACUAN["perkiraan_tercapai"],
            None,
            "tanggal",
            (
                "Tanggal target acuan tercapai bila laju 4 minggu terakhir berlanjut.",
                "The date the reference target is reached if the last 4 weeks' pace continues.",
            ),
            "acuan",
        ),
        Metrik(
            "tepat_waktu_acuan",
            ("Target acuan tercapai sebelum batas", "Reference target reached by the deadline"),
            _ACUAN["tepat_waktu"],
            None,
            "ya_tidak",
            (
                "Ya bila pada laju 4 minggu terakhir target acuan tercapai paling lambat 31 Desember.",
                "Yes when at the last 4 weeks' pace the reference target is reached by 31 December.",
            ),
            "acuan",
        ),
    )


_RENTAN_SUMBER = {
    "apbd": ("APBD", "APBD"),
    "csr": ("CSR", "CSR"),
    "lain": ("belum didanai APBD/CSR", "not funded by APBD/CSR"),
}


def _anggaran(sumber: str | None, bulan: str, periode: str, label: tuple[str, str]) -> Metrik:
    siapa = _RENTAN_SUMBER[sumber] if sumber else ("semua", "all")
    orang = f"rentan_{sumber}" if sumber else "rentan"
    return Metrik(
        f"anggaran_{periode}" + (f"_{sumber}" if sumber else ""),
        (f"Anggaran {label[0]} ({siapa[0]})", f"Budget, {label[1]} ({siapa[1]})"),
        f"{orang} * $iuran * {bulan}",
        None,
        "rupiah",
        (
            f"Pekerja rentan terdaftar ({siapa[0]}) x Rp16.800 x bulan ({label[0]}).",
            f"Registered vulnerable workers ({siapa[1]}) x Rp16,800 x months ({label[1]}).",
        ),
        "anggaran",
    )


METRIK = (
    # Who is covered.
    Metrik(
        "peserta_terdaftar",
        ("Peserta terdaftar", "Registered participants"),
        "terdaftar",
        None,
        "angka",
        (
            "Orang (NIK unik) yang terdaftar pada tanggal data ini, aktif atau tidak.",
            "Persons (distinct NIK) registered in this snapshot, paying or not.",
        ),
    ),
    Metrik(
        "peserta_aktif",
        ("Peserta aktif", "Active participants"),
        "aktif",
        None,
        "angka",
        (
            "Orang yang aktif membayar iuran: iuran terakhir bulan data atau sebulan sebelumnya.",
            "Persons actively paying: last contribution in the as-of month or the month before.",
        ),
    ),
    Metrik(
        "tingkat_aktif",
        ("Tingkat keaktifan", "Active rate"),
        "aktif",
        "terdaftar",
        "persen",
        ("Peserta aktif dibagi peserta terdaftar.", "Active participants divided by registered participants."),
    ),
    *(_program(kode, nama) for kode, nama in PROGRAM.items()),
    # Against the target.
    Metrik(
        "target",
        ("Target", "Target"),
        "target",
        None,
        "angka",
        (
            "Target peserta aktif wilayah ini untuk tahun data: targetnya sendiri, atau target turunan bila "
            "pengguna membagi target induknya (jenis_target); kosong bila tidak ada.",
            "This region's target of active participants for the snapshot's year: its own, or a derived one when "
            "a user split the parent's target (jenis_target); empty when it has none.",
        ),
    ),
    Metrik(
        "capaian",
        ("Capaian", "Achievement"),
        "aktif",
        "target",
        "persen",
        (
            "Peserta aktif dibagi target; bisa lebih dari 100 %.",
            "Active participants divided by the target; may exceed 100 %.",
        ),
    ),
    Metrik(
        "kekurangan",
        ("Kekurangan", "Shortfall"),
        _SENDIRI["kekurangan"],
        None,
        "angka",
        (
            "Target dikurangi peserta aktif; 0 bila target tercapai.",
            "Target minus active participants; 0 once the target is reached.",
        ),
    ),
    Metrik(
        "pekerja",
        ("Penduduk bekerja", "Working population"),
        "pekerja",
        None,
        "angka",
        (
            "Jumlah penduduk bekerja dari referensi pekerja (tahun terbaru sampai tahun data).",
            "Working population from the workforce reference (latest year up to the snapshot's year).",
        ),
    ),
    Metrik(
        "cakupan_pekerja",
        ("Cakupan pekerja", "Workforce coverage"),
        "aktif",
        "pekerja",
        "persen",
        ("Peserta aktif dibagi penduduk bekerja.", "Active participants divided by the working population."),
    ),
    # Change.
    Metrik(
        "baru",
        ("Peserta baru", "New participants"),
        "baru",
        None,
        "angka",
        (
            "Aktif pada tanggal data ini, tidak aktif atau belum ada pada tanggal data sebelumnya.",
            "Active in this snapshot, not active or absent in the previous one.",
        ),
        "perubahan",
    ),
    Metrik(
        "berhenti",
        ("Berhenti aktif", "Lapsed participants"),
        "berhenti",
        None,
        "angka",
        (
            "Aktif pada tanggal data sebelumnya, kini tidak aktif atau hilang dari daftar.",
            "Active in the previous snapshot, now not active or gone from the roster.",
        ),
        "perubahan",
    ),
    Metrik(
        "perubahan_minggu",
        ("Perubahan sejak data sebelumnya", "Net change since last snapshot"),
        "aktif - aktif_lalu",
        None,
        "angka",
        (
            "Peserta aktif kini dikurangi peserta aktif pada tanggal data sebelumnya.",
            "Active participants now minus active participants in the previous snapshot.",
        ),
        "perubahan",
    ),
    Metrik(
        "pindah_neto",
        ("Pindah masuk (neto)", "Moved in (net)"),
        "perubahan_minggu - (baru - berhenti)",
        None,
        "angka",
        (
            "Perubahan yang bukan peserta baru atau berhenti: peserta yang pindah wilayah atau segmen.",
            "Change that is neither new nor lapsed: participants who moved region or segment.",
        ),
        "perubahan",
    ),
    Metrik(
        "baru_4mg",
        ("Peserta baru 4 minggu", "New participants, 4 weeks"),
        "baru_4mg",
        None,
        "angka",
        (
            "Jumlah peserta baru di setiap tanggal data dalam 4 minggu terakhir.",
            "New participants summed over the snapshots of the last 4 weeks.",
        ),
        "perubahan",
    ),
    Metrik(
        "berhenti_4mg",
        ("Berhenti aktif 4 minggu", "Lapsed, 4 weeks"),
        "berhenti_4mg",
        None,
        "angka",
        (
            "Jumlah yang berhenti aktif di setiap tanggal data dalam 4 minggu terakhir.",
            "Lapsed participants summed over the snapshots of the last 4 weeks.",
        ),
        "perubahan",
    ),
    Metrik(
        "perubahan_4mg",
        ("Perubahan 4 minggu", "Net change, 4 weeks"),
        "aktif - aktif_awal",
        None,
        "angka",
        (
            "Peserta aktif kini dikurangi peserta aktif 4 minggu lalu (atau data tertua bila belum ada).",
            "Active now minus active 4 weeks earlier (or the oldest snapshot when there is none).",
        ),
        "perubahan",
    ),
    # Pace.
    Metrik(
        "laju_4mg",
        ("Laju 4 minggu terakhir (per minggu)", "Pace of the last 4 weeks (per week)"),
        "aktif - aktif_awal",
        "$minggu_4mg",
        "laju",
        (
            "Pertambahan bersih peserta aktif per minggu selama 4 minggu terakhir.",
            "Net gain of active participants per week over the last 4 weeks.",
        ),
        "laju",
    ),
    Metrik(
        "laju_dibutuhkan",
        ("Laju dibutuhkan (per minggu)", "Pace needed (per week)"),
        "kekurangan",
        "$minggu_tersisa",
        "laju",
        (
            "Pertambahan bersih per minggu agar target tercapai pada 31 Desember tahun target.",
            "Net gain per week needed to reach the target by 31 December of the target year.",
        ),
        "laju",
    ),
    Metrik(
        "perkiraan_tercapai",
        ("Perkiraan target tercapai", "Target reached on"),
        _SENDIRI["perkiraan_tercapai"],
        None,
        "tanggal",
        (
            "Tanggal target tercapai bila laju 4 minggu terakhir berlanjut; kosong bila tidak tercapai pada laju ini.",
            "The date the target is reached if the last 4 weeks' pace continues; empty when not at this pace.",
        ),
        "laju",
    ),
    Metrik(
        "tepat_waktu",
        ("Tercapai sebelum batas", "Reached by the deadline"),
        _SENDIRI["tepat_waktu"],
        None,
        "ya_tidak",
        (
            "Ya bila pada laju 4 minggu terakhir target tercapai paling lambat 31 Desember.",
            "Yes when at the last 4 weeks' pace the target is reached by 31 December.",
        ),
        "laju",
    ),
    Metrik(
        "proyeksi_akhir_tahun",
        ("Proyeksi 31 Desember", "Projection for 31 December"),
        "round(aktif + laju_4mg * $minggu_tersisa)",
        None,
        "angka",
        (
            "Peserta aktif pada 31 Desember bila laju 4 minggu terakhir berlanjut.",
            "Active participants on 31 December if the last 4 weeks' pace continues.",
        ),
        "laju",
    ),
    # 1 RW 100 peserta.
    Metrik(
        "rw_diketahui",
        ("RW diketahui", "RWs known"),
        "rw_diketahui",
        None,
        "angka",
        (
            "RW 1 sampai jumlah RW di referensi, ditambah RW lain yang muncul di daftar peserta.",
            "RWs 1 to the reference's count, plus any other RW that appears in the roster.",
        ),
        "program_rw",
    ),
    Metrik(
        "kelurahan_referensi_rw",
        ("Kelurahan dengan referensi RW", "Villages with an RW reference"),
        "kelurahan_referensi_rw",
        None,
        "angka",
        (
            "Kelurahan yang jumlah RW-nya diketahui dari referensi; di kelurahan lain hanya RW yang muncul di daftar.",
            "Villages whose RW count comes from the reference; elsewhere only RWs that appear in the roster.",
        ),
        "program_rw",
    ),
    Metrik(
        "rw_tercapai",
        ("RW mencapai target", "RWs at target"),
        "rw_tercapai",
        None,
        "angka",
        (
            "RW dengan peserta aktif sebanyak target per RW (100) atau lebih.",
            "RWs with at least the per-RW target (100) of active participants.",
        ),
        "program_rw",
    ),
    Metrik(
        "persen_rw_tercapai",
        ("Bagian RW tercapai", "Share of RWs at target"),
        "rw_tercapai",
        "rw_diketahui",
        "persen",
        ("RW mencapai target dibagi RW diketahui.", "RWs at target divided by RWs known."),
        "program_rw",
    ),
    Metrik(
        "target_program_rw",
        ("Target 1 RW 100", "1 RW 100 target"),
        "rw_diketahui * $target_rw",
        None,
        "angka",
        ("RW diketahui dikali target per RW (100).", "RWs known times the per-RW target (100)."),
        "program_rw",
    ),
    Metrik(
        "capaian_program_rw",
        ("Capaian 1 RW 100", "1 RW 100 achievement"),
        "aktif",
        "target_program_rw",
        "persen",
        (
            "Peserta aktif wilayah dibagi target 1 RW 100.",
            "Active participants of the area divided by the 1 RW 100 target.",
        ),
        "program_rw",
    ),
    Metrik(
        "program_rw_berhasil",
        ("Syarat berhasil 1 RW 100", "1 RW 100 success bar"),
        "CASE WHEN rw_diketahui > 0 THEN rw_tercapai * 2 >= rw_diketahui END",
        None,
        "ya_tidak",
        (
            "Ya bila paling sedikit separuh RW mencapai target per RW.",
            "Yes when at least half of the RWs reach the per-RW target.",
        ),
        "program_rw",
    ),
    # Budget for pekerja rentan.
    Metrik(
        "pekerja_rentan",
        ("Pekerja rentan terdaftar", "Vulnerable workers registered"),
        "rentan",
        None,
        "angka",
        ("Peserta terdaftar yang ditandai pekerja rentan.", "Registered participants marked as vulnerable workers."),
        "anggaran",
    ),
    Metrik(
        "pekerja_rentan_aktif",
        ("Pekerja rentan aktif", "Vulnerable workers active"),
        "rentan_aktif",
        None,
        "angka",
        ("Pekerja rentan yang aktif membayar iuran.", "Vulnerable workers actively paying."),
        "anggaran",
    ),
    Metrik(
        "rentan_apbd",
        ("Didanai APBD", "Funded by APBD"),
        "rentan_apbd",
        None,
        "angka",
        (
            "Pekerja rentan terdaftar dengan sumber iuran APBD.",
            "Vulnerable workers whose contributions come from APBD.",
        ),
        "anggaran",
    ),
    Metrik(
        "rentan_csr",
        ("Didanai CSR", "Funded by CSR"),
        "rentan_csr",
        None,
        "angka",
        ("Pekerja rentan terdaftar dengan sumber iuran CSR.", "Vulnerable workers whose contributions come from CSR."),
        "anggaran",
    ),
    Metrik(
        "rentan_lain",
        ("Belum didanai APBD/CSR", "Not funded by APBD/CSR"),
        "rentan - rentan_apbd - rentan_csr",
        None,
        "angka",
        (
            "Pekerja rentan terdaftar dengan sumber iuran lain (mandiri, pemberi kerja, lainnya).",
            "Vulnerable workers paid from another source (self, employer, other).",
        ),
        "anggaran",
    ),
    Metrik(
        "iuran_per_bulan",
        ("Iuran per orang per bulan", "Contribution per person per month"),
        "$iuran",
        None,
        "rupiah",
        ("Iuran paket BPU termurah (JKK + JKM).", "The cheapest BPU package (JKK + JKM)."),
        "anggaran",
    ),
    Metrik(
        "bulan_tersisa",
        ("Bulan tersisa", "Months left"),
        "$bulan_tersisa",
        None,
        "angka",
        (
            "Bulan dari bulan data sampai Desember, termasuk bulan data.",
            "Months from the as-of month to December, the as-of month included.",
        ),
        "anggaran",
    ),
    *(
        _anggaran(s, "$bulan_tersisa", "sisa_tahun", ("sisa tahun", "rest of the year"))
        for s in (None, "apbd", "csr", "lain")
    ),
    *(_anggaran(s, "12", "setahun", ("setahun", "a full year")) for s in (None, "apbd", "csr", "lain")),
    *_acuan(),
    # The month ahead (issue 35, item 4): from the roster alone, who lapses at the end of this month;
    # after _acuan, whose target_acuan it is measured against.
    Metrik(
        "jatuh_tempo",
        ("Jatuh tempo akhir bulan", "Due at the end of the month"),
        "jatuh_tempo",
        None,
        "angka",
        (
            "Peserta aktif yang iuran terakhirnya bulan tertua yang masih dihitung aktif (bulan data dikurangi masa "
            "tenggang): tidak aktif lagi di akhir bulan data bila tidak membayar. Peserta aktif tanpa bulan iuran "
            "(aktif menurut status) tidak dihitung.",
            "Active participants whose last paid month is the oldest still counted active (the as-of month minus "
            "the grace months): inactive at the end of the as-of month unless they pay. Active participants "
            "without a paid month (active by status) are not counted.",
        ),
        "bulan_depan",
    ),
    Metrik(
        "aktif_bila_tak_bayar",
        ("Aktif bulan depan bila tak ada yang membayar", "Active next month if none of them pays"),
        "aktif - jatuh_tempo",
        None,
        "angka",
        (
            "Peserta aktif dikurangi yang jatuh tempo: peserta aktif bulan depan bila tak satu pun dari mereka membayar.",
            "Active participants minus those due: next month's active if none of them pays.",
        ),
        "bulan_depan",
    ),
    Metrik(
        "capaian_bila_tak_bayar",
        ("Capaian bulan depan bila tak ada yang membayar", "Next month's achievement if none pays"),
        "aktif_bila_tak_bayar",
        "target_acuan",
        "persen",
        (
            "Peserta aktif dikurangi yang jatuh tempo, dibagi target acuan.",
            "Active participants minus those due, divided by the reference target.",
        ),
        "bulan_depan",
    ),
    Metrik(
        "capaian_bila_semua_bayar",
        ("Capaian bulan depan bila semua membayar", "Next month's achievement if all pay"),
        "aktif",
        "target_acuan",
        "persen",
        (
            "Peserta aktif dibagi target acuan: bila semua yang jatuh tempo membayar, tak ada yang berhenti.",
            "Active participants divided by the reference target: if everyone due pays, nobody lapses.",
        ),
        "bulan_depan",
    ),
)

METRIK_MENURUT_NAMA = {m.nama: m for m in METRIK}
UKURAN_MENURUT_NAMA = {u.nama: u for u in UKURAN}

# What each export holds, in order.
EKSPOR = {
    "coverage": [
        "peserta_terdaftar",
        "peserta_aktif",
        "target",
        "capaian",
        "kekurangan",
        "tingkat_aktif",
        "pekerja",
        "cakupan_pekerja",
        *(f"aktif_{p.lower()}" for p in PROGRAM),
        "baru",
        "berhenti",
        "perubahan_minggu",
        "pindah_neto",
        "perubahan_4mg",
        "laju_4mg",
        "laju_dibutuhkan",
        "perkiraan_tercapai",
        "tepat_waktu",
        # what the pages measure against (appended: columns analysts already read keep their place)
        "jenis_target",
        "target_acuan",
        "capaian_acuan",
        "dasar_target",  # a derived target's basis and who split it (issue 21)
        "target_dibagi_oleh",
    ],
    "rw": [
        "peserta_aktif",
        "kelurahan_referensi_rw",
        "rw_diketahui",
        "rw_tercapai",
        "persen_rw_tercapai",
        "target_program_rw",
        "capaian_program_rw",
        "program_rw_berhasil",
    ],
    "budget": [
        "pekerja_rentan",
        "pekerja_rentan_aktif",
        "rentan_apbd",
        "rentan_csr",
        "rentan_lain",
        "iuran_per_bulan",
        "bulan_tersisa",
        *(m.nama for m in METRIK if m.nama.startswith("anggaran_")),
    ],
}


def metrik(nama: str) -> Metrik:
    try:
        return METRIK_MENURUT_NAMA[nama]
    except KeyError:
        raise PertanyaanTidakSah(
            f"Metrik '{nama}' tidak dikenal; pilih salah satu dari: {', '.join(METRIK_MENURUT_NAMA)}"
        ) from None
