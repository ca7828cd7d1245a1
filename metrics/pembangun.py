"""The one place that writes metric SQL: a level, a parent place, filters and a period go in,
(sql, params) comes out. User values (place codes, filter values) only ever travel as named
parameters; the SQL text is assembled from the declarations in `definisi` and fixed fragments.

The grain of every table query: one row per region (or RW) at the asked level inside the
parent, all of them whether or not they have participants, plus one row per nearest known
ancestor for participants whose region is not known that deep ("Tidak diketahui"), so the
rows always add up to the parent.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import kode_wilayah
from kode_wilayah import KodeWilayah
from metrics import definisi
from metrics.definisi import METRIK, SARINGAN, TINGKAT, UKURAN, PertanyaanTidakSah, kutip

RW_TANPA_FILTER = (  # ringkas_rw keeps segment and programme only (warehouse.md)
    "Angka RW (dan program 1 RW 100) hanya bisa disaring menurut segmen dan program: sumber iuran, "
    "pekerja rentan dan kantor cabang tidak disimpan per RW. Hapus filter itu untuk melihat angka RW.",
    "RW numbers (and the 1 RW 100 programme) can be filtered by segment and programme only: contribution "
    "source, vulnerable workers and branch office are not kept per RW. Remove that filter to see RW numbers.",
)
KOLOM_TINGKAT = {1: "kode_provinsi", 2: "kode_kabkota", 3: "kode_kecamatan", 4: "kode_kelurahan"}


def baca_kode(kode: str) -> KodeWilayah:
    """The region code `kode` names (kode_wilayah.KodeWilayah: 'ID', '31', ..., '31.75.02.1001.05',
    an RW). Raises PertanyaanTidakSah, with the type's words, for a code of another shape."""
    try:
        return kode_wilayah.baca(kode)
    except kode_wilayah.KodeTidakSah as e:
        raise PertanyaanTidakSah(str(e), e.en) from e


def tingkat_kode(kode: str) -> str:
    """The level a code names by its shape (one of TINGKAT); PertanyaanTidakSah for another shape."""
    return baca_kode(kode).tingkat


def periksa_tingkat(tingkat: str) -> None:
    """Refuse a level that is not one of TINGKAT (a table's rows, an export's file name)."""
    if tingkat not in TINGKAT:
        raise PertanyaanTidakSah(
            f"Tingkat '{kutip(tingkat)}' tidak dikenal; pilih tingkat {', '.join(TINGKAT)}",
            f"Level '{kutip(tingkat)}' is not known; choose tingkat {', '.join(TINGKAT)}",
        )


@dataclass(frozen=True)
class Filter:
    """The filters of a question, one field per row of `definisi.SARINGAN` (its `kolom`)."""

    segmen: str | None = None
    program: str | None = None
    sumber_iuran: str | None = None
    pekerja_rentan: bool | None = None
    kantor_cabang: str | None = None

    def __post_init__(self):
        for s, nilai in self.terpasang():
            # the table's own check: PertanyaanTidakSah for a value it does not know; and a value is
            # held as the table spells it ('BPU', not 'bpu'), for a query compares it as is
            baku = s.ke_nilai(s.ke_teks(nilai))
            if baku != nilai:
                raise PertanyaanTidakSah(
                    f"{s.kolom} '{kutip(nilai)}' ditulis {baku}", f"{s.kolom} '{kutip(nilai)}' is spelt {baku}"
                )

    @classmethod
    def dari_teks(cls, teks: dict[str, str]) -> Filter:
        """Filters from URL or command-line texts keyed by `Saringan.kunci` ({'rentan': 'ya'});
        empty texts are no filter; PertanyaanTidakSah names the first unknown value."""
        return cls(**{s.kolom: s.ke_nilai(teks[s.kunci]) for s in SARINGAN if teks.get(s.kunci) not in (None, "")})

    def terpasang(self) -> list[tuple[definisi.Saringan, object]]:
        """The filters set, in the table's order, with their values."""
        return [(s, getattr(self, s.kolom)) for s in SARINGAN if getattr(self, s.kolom) is not None]

    def teks(self) -> dict[str, str]:
        """The URL texts of the filters set: the inverse of dari_teks."""
        return {s.kunci: s.ke_teks(v) for s, v in self.terpasang()}

    @property
    def kosong(self) -> bool:
        return self == Filter()

    @property
    def target_berlaku(self) -> bool:
        """Targets count persons of all programmes, sources and branches: only a segment filter keeps them."""
        return all(s.target_berlaku for s, _ in self.terpasang())

    @property
    def kolom(self) -> tuple[str, str]:
        """The registered and active columns to sum: a programme filter counts its own columns."""
        if self.program:
            return f"terdaftar_{self.program.lower()}", f"aktif_{self.program.lower()}"
        return "terdaftar", "aktif"

    @property
    def di_rw(self) -> bool:
        """ringkas_rw keeps segment and programme only."""
        return all(s.di_rw for s, _ in self.terpasang())

    def params(self) -> dict:
        """The row filters as named parameters ({'sumber_iuran': 'APBD'})."""
        return {s.kolom: v for s, v in self.terpasang() if s.baris}


@dataclass(frozen=True)
class Periode:
    """The snapshot asked for and the ones it is compared with (all dates from the warehouse)."""

    tanggal: dt.date
    sebelumnya: dt.date | None = None  # the previous snapshot
    awal: dt.date | None = None  # 4 weeks back: the newest snapshot on or before tanggal - 28 days,
    arus: bool = False  # else the oldest earlier one; baru/berhenti known for tanggal
    arus_4mg: bool = False  # ... and for every snapshot after awal

    @property
    def batas(self) -> dt.date:
        return dt.date(self.tanggal.year, 12, 31)

    @property
    def minggu_4mg(self) -> float | None:
        return (self.tanggal - self.awal).days / 7 if self.awal else None

    @property
    def minggu_tersisa(self) -> float | None:
        days = (self.batas - self.tanggal).days
        return days / 7 if days > 0 else None

    @property
    def bulan_tersisa(self) -> int:
        return 13 - self.tanggal.month

    def params(self) -> dict:
        return {
            "tanggal": self.tanggal,
            "sebelumnya": self.sebelumnya,
            "awal": self.awal,
            "dari": self.awal or self.sebelumnya or self.tanggal,
            "tahun": self.tanggal.year,
            "batas": self.batas,
            "minggu_4mg": self.minggu_4mg,
            "minggu_tersisa": self.minggu_tersisa,
            "bulan_tersisa": self.bulan_tersisa,
        }

    def diketahui(self, u: definisi.Ukuran) -> bool:
        """Whether a measure has a value for this period (else NULL, not 0)."""
        kapan = {
            "kini": True,
            "lalu": self.sebelumnya is not None,
            "awal": self.awal is not None,
            "4mg": self.awal is not None,
        }[u.kapan]
        if u.arus:
            kapan = kapan and (self.arus if u.kapan == "kini" else self.arus_4mg)
        return kapan


_KAPAN = {
    "kini": "tanggal_data = $tanggal",
    "lalu": "tanggal_data = $sebelumnya",
    "awal": "tanggal_data = $awal",
    "4mg": "tanggal_data > $awal AND tanggal_data <= $tanggal",
}


def _tersedia(u: definisi.Ukuran, filt: Filter, sumber: str) -> bool:
    """ringkas_rw has no flows or vulnerable-worker columns; flows are not kept per programme; under
    a programme filter another programme's count is unknown (the rollup does not cross programmes);
    ringkas_jatuh_tempo keeps region, RW, segmen and branch only."""
    lain_program = filt.program and u.program and u.program != filt.program
    tempo = u.jatuh_tempo and not _tempo_tersedia(filt)
    return not ((sumber == "rw" and not u.di_rw) or (u.arus and filt.program) or lain_program or tempo)


def _tempo_tersedia(filt: Filter) -> bool:
    """Whether ringkas_jatuh_tempo answers under these filters (segment and branch only)."""
    return not (filt.program or filt.sumber_iuran is not None or filt.pekerja_rentan is not None)


def _pakai_tempo(ukuran: list[definisi.Ukuran], filt: Filter) -> bool:
    """Whether a question sums ringkas_jatuh_tempo: a due measure asked, under filters it keeps."""
    return _tempo_tersedia(filt) and any(u.jatuh_tempo for u in ukuran)


# Grain of each: one row. Whether the snapshot has due counts at all (a snapshot whose persons
# were gone before the table existed has none: its due counts are NULL, not 0); a build from
# before the table has no view of it, and reads this empty stand-in instead.
TEMPO_ADA = """tempo_ada AS (
    SELECT count(*) > 0 AS ada FROM (SELECT 1 FROM ringkas_jatuh_tempo WHERE tanggal_data = $tanggal LIMIT 1)
)"""
TEMPO_KOSONG = """ringkas_jatuh_tempo AS (
    SELECT * FROM (VALUES (NULL::DATE, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR,
        NULL::VARCHAR, NULL::SMALLINT, NULL::VARCHAR, NULL::VARCHAR, NULL::BIGINT, NULL::BIGINT))
        t(tanggal_data, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan, rw, segmen,
          kantor_cabang, aktif_dicek, jatuh_tempo) WHERE false
)"""
# Grain: one row per build: whether it has table or view $nama in main. What a build made before a
# feature lacks: target_berlaku (issue 21), ringkas_jatuh_tempo and target_cabang (issue 35).
ADA_SQL = (
    "SELECT count(*) > 0 FROM (SELECT schema_name, view_name AS nama FROM duckdb_views() "
    "UNION ALL SELECT schema_name, table_name FROM duckdb_tables()) WHERE schema_name = 'main' "
    "AND nama = $nama"
)
# The rollups a due measure is summed with: the due rows beside the others', by name (the other
# measures' columns are NULL on them, so their sums do not change).
_TEMPO_WILAYAH = (
    "(FROM ringkas_wilayah UNION ALL BY NAME SELECT tanggal_data, kode_wilayah, kode_provinsi, kode_kabkota, "
    "kode_kecamatan, kode_kelurahan, segmen, kantor_cabang, jatuh_tempo FROM ringkas_jatuh_tempo)"
)
_TEMPO_RW = (
    "(FROM ringkas_rw UNION ALL BY NAME SELECT tanggal_data, kode_kelurahan, rw, segmen, jatuh_tempo "
    "FROM ringkas_jatuh_tempo WHERE kode_kelurahan IS NOT NULL)"
)


def _kebutuhan(metrik: list[str]) -> tuple[list[definisi.Metrik], list[definisi.Ukuran]]:
    """The metrics asked for plus every metric they name, and the measures those need, in
    declaration order: a question computes only what it shows."""
    perlu, antre, ukuran = set(metrik), list(metrik), set()
    while antre:
        m = definisi.metrik(antre.pop())
        for kata in re.findall(r"\b[a-z][a-z_0-9]*", f"{m.pembilang} {m.pembanding or ''}"):
            if kata in definisi.UKURAN_MENURUT_NAMA:
                ukuran.add(kata)
            if kata in definisi.METRIK_MENURUT_NAMA and kata not in perlu:
                perlu.add(kata)
                antre.append(kata)
    return [m for m in METRIK if m.nama in perlu], [u for u in UKURAN if u.nama in ukuran]


def _ukuran_sql(ukuran: list[definisi.Ukuran], filt: Filter, sumber: str) -> list[str]:
    """The measures as aggregates over one rollup ('wilayah' or 'rw'). CASE, not FILTER: in
    DuckDB 2.0 each FILTER clause costs about twice as much per query."""
    t, a = filt.kolom
    out = []
    for u in ukuran:
        if not _tersedia(u, filt, sumber):
            out.append(f"NULL::BIGINT AS {u.nama}")
            continue
        kondisi = _KAPAN[u.kapan] + (f" AND {u.syarat}" if u.syarat else "")
        out.append(f"sum(CASE WHEN {kondisi} THEN {u.kolom.format(T=t, A=a)} END)::BIGINT AS {u.nama}")
    return out or ["NULL::BIGINT AS tanpa_ukuran"]


def _ukuran_luar(ukuran: list[definisi.Ukuran], periode: Periode, filt: Filter, sumber: str, alias: str) -> str:
    """Measures of a joined row: 0 where a known measure has no rollup rows, NULL where unknown."""

    def luar(u: definisi.Ukuran) -> str:
        if not (periode.diketahui(u) and _tersedia(u, filt, sumber)):
            return f"NULL::BIGINT AS {u.nama}"
        if u.jatuh_tempo:  # known only where the snapshot has due counts (TEMPO_ADA)
            return f"CASE WHEN (SELECT ada FROM tempo_ada) THEN coalesce({alias}.{u.nama}, 0) END AS {u.nama}"
        return f"coalesce({alias}.{u.nama}, 0) AS {u.nama}"

    return ", ".join(luar(u) for u in ukuran) or "NULL::BIGINT AS tanpa_ukuran"


def _filter_sql(filt: Filter) -> str:
    return "".join(f" AND {kolom} = ${kolom}" for kolom in filt.params())


def _dalam_induk(kolom: str, induk_tingkat: int) -> str:
    """Rows of a code column inside the parent place ($induk); every row for the nation."""
    if induk_tingkat == 0:
        return "true"
    return kode_wilayah.sql_mencakup(kolom, "$induk")


def _dasar_wilayah(ukuran: list, tingkat: int, induk_tingkat: int, filt: Filter) -> str:
    """Grain: one row per region at `tingkat` inside the parent, plus one per nearest known
    ancestor of participants not known that deep (kode NULL)."""
    if tingkat == 0:
        kunci = "'ID' AS kode, NULL::VARCHAR AS induk_tak_diketahui"
    else:
        kol = KOLOM_TINGKAT[tingkat]
        kunci = f"{kol} AS kode, CASE WHEN {kol} IS NULL THEN coalesce(kode_wilayah, 'ID') END AS induk_tak_diketahui"
    induk = f" AND {KOLOM_TINGKAT[induk_tingkat]} = $induk" if induk_tingkat else ""
    sumber = _TEMPO_WILAYAH if _pakai_tempo(ukuran, filt) else "ringkas_wilayah"
    return (
        f"SELECT {kunci},\n        "
        + ",\n        ".join(_ukuran_sql(ukuran, filt, "wilayah"))
        + f"\n    FROM {sumber}\n    WHERE tanggal_data BETWEEN $dari AND $tanggal{induk}{_filter_sql(filt)}"
        "\n    GROUP BY ALL"
    )


_KOSONG_RW = "NULL::INTEGER AS rw_diketahui, NULL::INTEGER AS rw_tercapai, NULL::INTEGER AS kelurahan_referensi_rw"


def _baris_wilayah(ukuran: list, tingkat: int, induk_tingkat: int, filt: Filter, periode: Periode) -> str:
    anak = (
        "SELECT 'ID' AS kode, 'Indonesia' AS nama, NULL::VARCHAR AS kode_induk"
        if tingkat == 0
        else f"SELECT kode, nama, coalesce(kode_induk, 'ID') AS kode_induk FROM wilayah "
        f"WHERE tingkat = {tingkat} AND {_dalam_induk('kode', induk_tingkat)}"
    )
    luar = _ukuran_luar(ukuran, periode, filt, "wilayah", "d")
    return f"""anak AS (
    {anak}
),
baris AS (
    SELECT w.kode AS kode_wilayah, w.nama AS nama_wilayah, w.kode_induk, true AS diketahui,
           NULL::SMALLINT AS rw, {_KOSONG_RW}, {luar}
    FROM anak w LEFT JOIN dasar d ON d.kode = w.kode
    UNION ALL
    SELECT NULL, 'Tidak diketahui', d.induk_tak_diketahui, false, NULL, NULL, NULL, NULL, {luar}
    FROM dasar d WHERE d.kode IS NULL
)"""


def _baris_rw(ukuran_: list, induk_tingkat: int, filt: Filter, periode: Periode, program_rw: bool) -> str:
    """Grain: one row per RW known inside the parent (reference RWs 1..jumlah_rw and RWs in the
    rosters of the period), one per kelurahan for participants without an RW, and the unknown rows above."""
    satu_rw = " AND rw = $rw" if induk_tingkat == 5 else ""
    dalam = _dalam_induk("kode_kelurahan", min(induk_tingkat, 4))
    segmen = " AND segmen = $segmen" if filt.segmen else ""
    ukuran = ",\n        ".join(_ukuran_sql(ukuran_, filt, "rw"))
    luar = _ukuran_luar(ukuran_, periode, filt, "rw", "d")
    tercapai = "(coalesce(d.aktif, 0) >= $target_rw)::INTEGER" if program_rw else "NULL::INTEGER"
    tak_diketahui = (
        ""
        if induk_tingkat >= 4
        else f"""
    UNION ALL
    SELECT NULL, 'Tidak diketahui', d.induk_tak_diketahui, false, NULL, NULL, NULL, NULL, {luar}
    FROM dasar d WHERE d.kode IS NULL"""
    )
    rw_tak_diketahui = (
        ""
        if induk_tingkat == 5
        else f"""
    UNION ALL
    SELECT NULL, 'RW tidak diketahui', d.kode_kelurahan, false, NULL, NULL, NULL, NULL, {luar}
    FROM rw_dasar d WHERE d.rw IS NULL"""
    )
    sumber = _TEMPO_RW if _pakai_tempo(ukuran_, filt) else "ringkas_rw"
    return f"""rw_dasar AS (
    SELECT kode_kelurahan, rw,
        {ukuran}
    FROM {sumber}
    WHERE tanggal_data BETWEEN $dari AND $tanggal AND {dalam}{segmen}{satu_rw}
    GROUP BY ALL
),
anak AS (
    SELECT * FROM (
        SELECT kode_kelurahan, unnest(range(1, jumlah_rw + 1))::SMALLINT AS rw FROM referensi_rw WHERE {dalam}
        UNION
        SELECT DISTINCT kode_kelurahan, rw FROM ringkas_rw  -- also RWs emptied since the window began
        WHERE tanggal_data BETWEEN $dari AND $tanggal AND rw IS NOT NULL AND {dalam}
    ) WHERE true{satu_rw}
),
baris AS (
    SELECT {kode_wilayah.sql_kode_rw("a.kode_kelurahan", "a.rw")} AS kode_wilayah,
           'RW ' || printf('%02d', a.rw) AS nama_wilayah, a.kode_kelurahan AS kode_induk, true AS diketahui,
           a.rw, 1 AS rw_diketahui, {tercapai} AS rw_tercapai, NULL::INTEGER AS kelurahan_referensi_rw, {luar}
    FROM anak a LEFT JOIN rw_dasar d USING (kode_kelurahan, rw){rw_tak_diketahui}{tak_diketahui}
)"""


def _program_rw(tingkat: int, induk_tingkat: int, filt: Filter) -> str:
    """Grain: one row per region at `tingkat` with RWs known: how many, how many at target."""
    dalam = _dalam_induk("kode_kelurahan", induk_tingkat)
    kunci = "'ID'" if tingkat == 0 else kode_wilayah.sql_awalan("kode_kelurahan", TINGKAT[tingkat])
    segmen = " AND segmen = $segmen" if filt.segmen else ""
    return f"""rw_aktif AS (
    SELECT kode_kelurahan, rw, sum({filt.kolom[1]}) FILTER (WHERE true{segmen}) AS aktif
    FROM ringkas_rw
    WHERE tanggal_data = $tanggal AND rw IS NOT NULL AND {dalam}
    GROUP BY ALL
),
rw_semua AS (
    SELECT kode_kelurahan, rw, bool_or(referensi) AS referensi
    FROM (
        SELECT kode_kelurahan, unnest(range(1, jumlah_rw + 1))::SMALLINT AS rw, true AS referensi
        FROM referensi_rw WHERE {dalam}
        UNION ALL
        SELECT kode_kelurahan, rw, false FROM rw_aktif
    )
    GROUP BY ALL
),
rw_program AS (
    SELECT {kunci} AS kode,
           count(*)::INTEGER AS rw_diketahui,
           count(*) FILTER (WHERE coalesce(a.aktif, 0) >= $target_rw)::INTEGER AS rw_tercapai,
           count(DISTINCT s.kode_kelurahan) FILTER (WHERE s.referensi)::INTEGER AS kelurahan_referensi_rw
    FROM rw_semua s LEFT JOIN rw_aktif a USING (kode_kelurahan, rw)
    GROUP BY ALL
)"""


def _metrik_sql(metrik: list[definisi.Metrik]) -> str:
    """Metrics in declaration order; a later one may name an earlier one (DuckDB reuses aliases)."""
    out = []
    for m in metrik:
        nilai = m.pembilang if m.pembanding is None else f"({m.pembilang}) / nullif({m.pembanding}, 0)"
        out.append(f"{nilai} AS {m.nama}")
    return ",\n        ".join(out)


# A table question's columns before its metrics, and its row order (metrics/jawaban.py keeps both).
KOLOM_TABEL = (
    "kode_wilayah",
    "nama_wilayah",
    "tingkat",
    "kode_induk",
    "nama_induk",
    "diketahui",
    "rw",
    "tahun_pekerja",
)
URUT_TABEL = ("diketahui DESC", "kode_induk", "rw", "kode_wilayah")


# Grain: one row: whether a build has target_berlaku (made by every build since issue 21).


def _sumber_target(turunan: bool) -> str:
    """The targets that apply: a region's own, else a derived one from a split the user asked for
    (etl/sql/target_turunan.sql); a build from before splits has its own targets only."""
    if turunan:
        return "target_berlaku"
    return "(SELECT *, 'wilayah' AS asal, NULL::VARCHAR AS dasar, NULL::VARCHAR AS oleh FROM target)"


# The 1 RW 100 rule target: RWs known x the per-RW target, for a place with an RW reference.
ATURAN = "CASE WHEN rp.kelurahan_referensi_rw > 0 THEN rp.rw_diketahui * $target_rw END"


def kueri_tabel(
    tingkat: str,
    induk: str,
    filt: Filter,
    periode: Periode,
    metrik: list[str],
    target_rw: int = 100,
    iuran: int = definisi.IURAN_BPU,
    turunan: bool = True,
    tempo: bool = True,
) -> tuple[str, dict]:
    """SQL and parameters for `metrik` of every place at `tingkat` inside `induk` (a place code).
    turunan False: the build is from before target splits (no target_berlaku); own targets only.
    tempo False: the build is from before ringkas_jatuh_tempo (ADA_SQL); due counts NULL."""
    periksa_tingkat(tingkat)
    for nama in metrik:
        definisi.metrik(nama)
    n, p = TINGKAT.index(tingkat), TINGKAT.index(tingkat_kode(induk))
    if n < p:
        raise PertanyaanTidakSah(
            f"Tingkat {tingkat} ada di atas wilayah {induk}; pilih tingkat yang sama atau di bawahnya"
        )
    if n == 5 and not filt.di_rw:
        raise PertanyaanTidakSah(*RW_TANPA_FILTER)
    dihitung, ukuran = _kebutuhan(metrik)
    if not any(u.nama == "aktif" for u in ukuran):  # RW rows at target are judged on it
        ukuran = [u for u in UKURAN if u.nama == "aktif" or u in ukuran]
    program_rw = any(m.kelompok == "program_rw" for m in dihitung)
    if program_rw and not filt.di_rw:
        raise PertanyaanTidakSah(*RW_TANPA_FILTER)

    ctes = [f"dasar AS (\n    {_dasar_wilayah(ukuran, min(n, 4), min(p, 4), filt)}\n)"]
    if _pakai_tempo(ukuran, filt):
        ctes[:0] = [TEMPO_ADA] if tempo else [TEMPO_KOSONG, TEMPO_ADA]
    if n == 5:
        ctes.append(_baris_rw(ukuran, p, filt, periode, program_rw))
    else:
        ctes.append(_baris_wilayah(ukuran, n, p, filt, periode))
    # The 1 RW 100 rule target of a kecamatan or kelurahan, where a metric asks (definisi._acuan)
    aturan = 3 <= n <= 4 and filt.kosong and any("target_aturan" in m.pembilang for m in dihitung)
    if (program_rw or aturan) and n < 5:
        ctes.append(_program_rw(n, p, filt))
    if filt.kosong:
        ctes.append(
            "pkj AS (\n    SELECT kode_wilayah, arg_max(pekerja, tahun) AS pekerja, max(tahun) AS tahun_pekerja\n"
            "    FROM referensi_pekerja WHERE tahun <= $tahun GROUP BY ALL\n)"
        )

    asal = "NULL::VARCHAR AS asal_target, NULL::VARCHAR AS dasar_pembagian, NULL::VARCHAR AS pembagi"
    if not filt.target_berlaku:
        target = "NULL::BIGINT"
    elif n == 5:
        target = "CASE WHEN b.diketahui THEN $target_rw END" if filt.kosong else "NULL::BIGINT"
    else:
        target = "t.target"
        asal = "t.asal AS asal_target, t.dasar AS dasar_pembagian, t.oleh AS pembagi"
    joins = []
    if filt.target_berlaku and n < 5:
        joins.append(
            f"LEFT JOIN {_sumber_target(turunan)} t ON t.kode_wilayah = b.kode_wilayah AND t.tahun = $tahun "
            "AND t.segmen = $segmen_target"
        )
    joins.append(
        "LEFT JOIN pkj ON pkj.kode_wilayah = b.kode_wilayah"
        if filt.kosong
        else "LEFT JOIN (SELECT NULL::VARCHAR AS kode_wilayah, NULL::BIGINT AS pekerja, "
        "NULL::SMALLINT AS tahun_pekerja) pkj ON false"
    )
    rw_kolom = "b.rw_diketahui, b.rw_tercapai, b.kelurahan_referensi_rw"
    if (program_rw or aturan) and n < 5:
        joins.append("LEFT JOIN rw_program rp ON rp.kode = b.kode_wilayah")
    if program_rw and n < 5:
        rw_kolom = (
            "coalesce(rp.rw_diketahui, 0) AS rw_diketahui, coalesce(rp.rw_tercapai, 0) AS rw_tercapai, "
            "coalesce(rp.kelurahan_referensi_rw, 0) AS kelurahan_referensi_rw"
        )
    kolom_ukuran = ", ".join(f"b.{u.nama}" for u in ukuran)
    dipilih = ", ".join(definisi.metrik(m).nama for m in metrik)

    sql = f"""-- Grain: one row per place at level {tingkat} inside the parent, plus rows for participants not known that deep.
WITH {("," + chr(10)).join(ctes)},
hitung AS (
    SELECT b.kode_wilayah, b.nama_wilayah, b.kode_induk, b.diketahui, b.rw, pkj.tahun_pekerja,
        {kolom_ukuran}, {rw_kolom},
        {target} AS target, {asal}, {ATURAN if aturan else "NULL::BIGINT"} AS target_aturan, pkj.pekerja
    FROM baris b
    {(chr(10) + "    ").join(joins)}
),
metrik AS (
    SELECT kode_wilayah, nama_wilayah, kode_induk, diketahui, rw, tahun_pekerja,
        {_metrik_sql(dihitung)}
    FROM hitung
)
SELECT m.kode_wilayah, m.nama_wilayah, $tingkat AS tingkat,
       m.kode_induk, CASE WHEN m.kode_induk = 'ID' THEN 'Indonesia' ELSE i.nama END AS nama_induk,
       m.diketahui, m.rw, m.tahun_pekerja, {dipilih}
FROM metrik m
LEFT JOIN wilayah i ON i.kode = m.kode_induk
ORDER BY {", ".join("m." + k for k in URUT_TABEL)}"""

    params = {
        **periode.params(),
        **filt.params(),
        "tingkat": tingkat,
        "target_rw": target_rw,
        "iuran": iuran,
        "segmen_target": filt.segmen or "SEMUA",
    }
    return sql, _dipakai(sql, {**params, **_params_tempat(induk)})


def tren(kode: str, filt: Filter, sampai: dt.date, target_rw: int = 100, turunan: bool = True) -> tuple[str, dict]:
    """SQL and parameters for a place's numbers at every snapshot up to `sampai` (turunan: as in
    kueri_tabel). Grain: one row per snapshot."""
    p = TINGKAT.index(tingkat_kode(kode))
    t, a = filt.kolom
    if p == 5:
        if not filt.di_rw:
            raise PertanyaanTidakSah(*RW_TANPA_FILTER)
        sumber = "ringkas_rw"
        syarat = "kode_kelurahan = $induk AND rw = $rw" + (" AND segmen = $segmen" if filt.segmen else "")
        arus = "NULL::BIGINT AS baru, NULL::BIGINT AS berhenti"
    else:
        sumber = "ringkas_wilayah"
        syarat = (f"{KOLOM_TINGKAT[p]} = $induk" if p else "true") + _filter_sql(filt)
        arus = (
            "NULL::BIGINT AS baru, NULL::BIGINT AS berhenti"
            if filt.program
            else "CASE WHEN s.ada_arus THEN coalesce(sum(r.baru), 0) END::BIGINT AS baru, "
            "CASE WHEN s.ada_arus THEN coalesce(sum(r.berhenti), 0) END::BIGINT AS berhenti"
        )
    target = (
        "t.target" if filt.target_berlaku and p < 5 else ("$target_rw" if p == 5 and filt.kosong else "NULL::BIGINT")
    )
    jenis = (
        "CASE WHEN t.target IS NOT NULL THEN t.asal END"
        if filt.target_berlaku and p < 5
        else ("'1rw100'" if p == 5 and filt.kosong else "NULL::VARCHAR")
    )
    target_join = (
        (
            f"LEFT JOIN {_sumber_target(turunan)} t ON t.kode_wilayah = $kode AND t.tahun = year(p.tanggal_data) "
            "AND t.segmen = $segmen_target"
        )
        if filt.target_berlaku and p < 5
        else ""
    )
    # capaian, kekurangan and the change since the previous snapshot from their declarations,
    # over this query's per-snapshot columns (perubahan is perubahan_minggu along the trend)
    kolom = {
        "aktif": "p.peserta_aktif",
        "terdaftar": "p.peserta_terdaftar",
        "target": target,
        "aktif_lalu": "lag(p.peserta_aktif) OVER (ORDER BY p.tanggal_data)",
    }
    sql = f"""-- Grain: one row per snapshot up to $sampai, for one place.
WITH per_snapshot AS (
    SELECT s.tanggal_data,
           coalesce(sum(r.{t}), 0)::BIGINT AS peserta_terdaftar,
           coalesce(sum(r.{a}), 0)::BIGINT AS peserta_aktif,
           {arus}
    FROM snapshot s
    LEFT JOIN {sumber} r ON r.tanggal_data = s.tanggal_data AND {syarat}
    WHERE s.tanggal_data <= $sampai
    GROUP BY s.tanggal_data, s.ada_arus
)
SELECT p.*, {target} AS target, {jenis} AS jenis_target,
       {_rumus("capaian", kolom)} AS capaian,
       {_rumus("kekurangan", kolom)} AS kekurangan,
       {_rumus("perubahan_minggu", kolom)} AS perubahan
FROM per_snapshot p {target_join}
ORDER BY p.tanggal_data"""
    params = {
        "sampai": sampai,
        "kode": kode,
        "segmen_target": filt.segmen or "SEMUA",
        "target_rw": target_rw,
        **filt.params(),
    }
    return sql, _dipakai(sql, {**params, **_params_tempat(kode)})


def tren_semua(
    tingkat: str, tempat: list[str], sampai: dt.date, target_rw: int = 100, turunan: bool = True
) -> tuple[str, dict]:
    """The unfiltered trend of every place in `tempat` (codes at `tingkat`, provinsi to kelurahan)
    at once, for the trends stored at load (metrics/jawaban.py): each place's rows are
    tren(place, Filter(), ...)'s, in its order, from the same sums, join and declared formulas.
    Grain: one row per (place, snapshot up to $sampai); column kode first. PertanyaanTidakSah
    for a level outside provinsi..kelurahan."""
    p = TINGKAT.index(tingkat)
    if not 0 < p < 5:
        raise PertanyaanTidakSah(f"Tren per tempat tidak ada untuk tingkat {tingkat}")
    kolom = {
        "aktif": "p.peserta_aktif",
        "terdaftar": "p.peserta_terdaftar",
        "target": "t.target",
        "aktif_lalu": "lag(p.peserta_aktif) OVER (PARTITION BY p.kode ORDER BY p.tanggal_data)",
    }
    sql = f"""-- Grain: one row per (place at level {tingkat} in $tempat, snapshot up to $sampai).
WITH tempat AS (
    SELECT unnest($tempat::VARCHAR[]) AS kode
),
per_snapshot AS (
    SELECT k.kode, s.tanggal_data,
           coalesce(sum(r.terdaftar), 0)::BIGINT AS peserta_terdaftar,
           coalesce(sum(r.aktif), 0)::BIGINT AS peserta_aktif,
           CASE WHEN s.ada_arus THEN coalesce(sum(r.baru), 0) END::BIGINT AS baru,
           CASE WHEN s.ada_arus THEN coalesce(sum(r.berhenti), 0) END::BIGINT AS berhenti
    FROM tempat k
    CROSS JOIN snapshot s
    LEFT JOIN ringkas_wilayah r ON r.tanggal_data = s.tanggal_data AND r.{KOLOM_TINGKAT[p]} = k.kode
    WHERE s.tanggal_data <= $sampai
    GROUP BY k.kode, s.tanggal_data, s.ada_arus
)
SELECT p.*, t.target AS target, CASE WHEN t.target IS NOT NULL THEN t.asal END AS jenis_target,
       {_rumus("capaian", kolom)} AS capaian,
       {_rumus("kekurangan", kolom)} AS kekurangan,
       {_rumus("perubahan_minggu", kolom)} AS perubahan
FROM per_snapshot p
LEFT JOIN {_sumber_target(turunan)} t ON t.kode_wilayah = p.kode AND t.tahun = year(p.tanggal_data) AND t.segmen = 'SEMUA'
ORDER BY p.kode, p.tanggal_data"""
    return sql, _dipakai(sql, {"sampai": sampai, "tempat": list(tempat), "target_rw": target_rw})


def _rumus(nama: str, kolom: dict[str, str]) -> str:
    """A declared metric (definisi) as SQL over other columns: every word of its numerator and
    denominator that `kolom` names is replaced by that column, the rest kept as written."""
    m = definisi.metrik(nama)

    def ganti(teks: str) -> str:
        return re.sub(r"\b[a-z][a-z_0-9]*\b", lambda w: kolom.get(w.group(0), w.group(0)), teks)

    nilai = ganti(m.pembilang)
    return nilai if m.pembanding is None else f"({nilai}) / nullif({ganti(m.pembanding)}, 0)"


def _params_tempat(kode: str) -> dict:
    """$induk (the place, or an RW's kelurahan) and $rw (an RW's number); nothing for the nation."""
    k = baca_kode(kode)
    if k.nasional:
        return {}
    if k.rw is not None:
        return {"induk": k.induk.kode, "rw": k.rw}
    return {"induk": kode}


def _dipakai(sql: str, params: dict) -> dict:
    """Only the parameters the statement names (DuckDB refuses unused ones)."""
    return {k: v for k, v in params.items() if re.search(rf"\${k}\b", sql)}


def daftar_jatuh_tempo(kode: str, filt: Filter, tanggal: dt.date, grace: int) -> tuple[str, dict]:
    """SQL and parameters for the follow-up list of one place: its active participants due at the
    end of the as-of month (the rule of etl/sql/ringkas_jatuh_tempo.sql, `grace` months:
    CAKUPAN_GRACE_MONTHS), from the person rows of snapshot `tanggal`. KPJ, place, RW, last paid
    month (YYYY-MM), segment and branch: never a NIK hash or a name (names are never stored).
    Grain: one row per due participant, by place, RW and KPJ."""
    k = baca_kode(kode)
    p = TINGKAT.index(k.tingkat)
    if p == 5:
        tempat = " AND p.kode_kelurahan = $induk AND p.rw = $rw"
    else:
        tempat = f" AND p.{KOLOM_TINGKAT[p]} = $induk" if p else ""
    program = f" AND p.{filt.program.lower()}" if filt.program else ""
    saring = "".join(f" AND p.{kolom} = ${kolom}" for kolom in filt.params())
    sql = f"""-- Grain: one row per active participant of one place due at the end of the as-of month.
SELECT p.kpj, p.kode_wilayah, w.nama AS nama_wilayah, p.rw,
       strftime(p.bulan_iuran_terakhir, '%Y-%m') AS bulan_iuran_terakhir, p.segmen, p.kantor_cabang
FROM peserta p
LEFT JOIN wilayah w ON w.kode = p.kode_wilayah
WHERE p.tanggal_data = $tanggal AND p.aktif
  AND p.bulan_iuran_terakhir = date_trunc('month', $tanggal::DATE) - to_months($grace::INTEGER){tempat}{program}{saring}
ORDER BY p.kode_wilayah NULLS LAST, p.rw NULLS LAST, p.kpj NULLS LAST"""
    params = {"tanggal": tanggal, "grace": grace, **filt.params(), **_params_tempat(kode)}
    return sql, _dipakai(sql, params)


RINCIAN = {  # breakdowns of one place: the rollup and column each reads
    "segmen": ("ringkas_wilayah", "segmen"),
    "sumber_iuran": ("ringkas_wilayah", "coalesce(sumber_iuran, 'LAINNYA')"),
    "pekerja_rentan": ("ringkas_wilayah", "coalesce(pekerja_rentan, false)"),
    "kantor_cabang": ("ringkas_wilayah", "coalesce(kantor_cabang, 'Tidak diisi')"),
    "pekerjaan": ("ringkas_pekerjaan", "pekerjaan"),
}


def rincian(kode: str, dimensi: str, filt: Filter, tanggal: dt.date) -> tuple[str, dict]:
    """SQL and parameters for one place's registered and active persons by one dimension.
    Grain: one row per value of the dimension."""
    p = TINGKAT.index(tingkat_kode(kode))
    if p == 5:
        raise PertanyaanTidakSah("Rincian tidak tersedia untuk satu RW", "No breakdown for a single RW")
    return _rincian_sql(dimensi, filt, tanggal, p, kode)


def rincian_semua(tingkat: str, dimensi: str, filt: Filter, tanggal: dt.date) -> tuple[str, dict]:
    """The same breakdown for every place at `tingkat` (provinsi to kelurahan) at once, for the
    answers stored at load (metrics/jawaban.py): each place's rows are rincian(place)'s, in its
    order. Grain: one row per (place, value of the dimension); column kode first."""
    p = TINGKAT.index(tingkat)
    if not 0 < p < 5:
        raise PertanyaanTidakSah(f"Rincian per tempat tidak ada untuk tingkat {tingkat}")
    return _rincian_sql(dimensi, filt, tanggal, p, None)


def _rincian_sql(dimensi: str, filt: Filter, tanggal: dt.date, p: int, kode: str | None) -> tuple[str, dict]:
    """One place (`kode`) or, with kode None, every place at level p, grouped by its code."""
    if dimensi not in RINCIAN:
        raise PertanyaanTidakSah(f"Rincian '{dimensi}' tidak dikenal; pilih {', '.join(RINCIAN)}")
    tabel_, kolom = RINCIAN[dimensi]
    if tabel_ == "ringkas_pekerjaan" and not Filter(segmen=filt.segmen) == filt:
        raise PertanyaanTidakSah(
            "Rincian pekerjaan hanya bisa disaring menurut segmen", "Occupations can be filtered by segment only"
        )
    t, a = filt.kolom
    if kode is None:
        tempat, induk, urut = f"{KOLOM_TINGKAT[p]} AS kode, ", f" AND {KOLOM_TINGKAT[p]} IS NOT NULL", "kode, "
        grain = f"(place at level {TINGKAT[p]}, {dimensi})"
    else:
        tempat, induk, urut = "", f" AND {KOLOM_TINGKAT[p]} = $induk" if p else "", ""
        grain = f"{dimensi} of one place"
    sql = f"""-- Grain: one row per {grain} in one snapshot.
SELECT {tempat}{kolom} AS nilai, sum({t})::BIGINT AS peserta_terdaftar, sum({a})::BIGINT AS peserta_aktif
FROM {tabel_}
WHERE tanggal_data = $tanggal{induk}{_filter_sql(filt)}
GROUP BY ALL
ORDER BY {urut}peserta_aktif DESC, peserta_terdaftar DESC, nilai"""
    params = {"tanggal": tanggal, "induk": kode, **filt.params()}
    return sql, _dipakai(sql, params)


# --- kantor cabang (issue 35, item 2) ------------------------------------------------------
# A branch's numbers are its participants' (the roster rows naming it), wherever they live; its
# target is the branch target file's (etl/sql/target_cabang.sql). These metrics need nothing a
# branch lacks (no workforce, RW reference or region target).
METRIK_CABANG = (
    "peserta_terdaftar",
    "peserta_aktif",
    "tingkat_aktif",
    "target",
    "capaian",
    "kekurangan",
    "perubahan_minggu",
    "laju_4mg",
    "laju_dibutuhkan",
    "perkiraan_tercapai",
    "tepat_waktu",
    "proyeksi_akhir_tahun",
)

# Grain: one row: whether a build has branch targets (made by every build since issue 35).


def kueri_cabang(filt: Filter, periode: Periode, metrik: list[str], ada_target: bool = True) -> tuple[str, dict]:
    """SQL and parameters for `metrik` (of METRIK_CABANG) of every kantor cabang: those the
    period's rosters name and those with a target for the snapshot's year; with
    filt.kantor_cabang, that branch alone. The target is the branch's for the filter's segment
    (else 'SEMUA'); none under a programme, source or vulnerable-worker filter (targets count
    every one of those). ada_target False: a build from before branch targets. Rows without a
    branch (kantor_cabang empty in the roster) are no branch and left out. PertanyaanTidakSah
    for a metric outside METRIK_CABANG. Grain: one row per kantor cabang."""
    for nama in metrik:
        if nama not in METRIK_CABANG:
            raise PertanyaanTidakSah(
                f"Metrik '{kutip(nama)}' tidak ada untuk kantor cabang; pilih {', '.join(METRIK_CABANG)}",
                f"Metric '{kutip(nama)}' does not exist for a branch office; choose {', '.join(METRIK_CABANG)}",
            )
    dihitung, ukuran = _kebutuhan(metrik)
    ada_target = ada_target and replace(filt, kantor_cabang=None).target_berlaku
    satu = " AND kantor_cabang = $kantor_cabang" if filt.kantor_cabang else ""
    target = (
        f"SELECT kantor_cabang AS kode, target FROM target_cabang WHERE tahun = $tahun AND segmen = $segmen_target{satu}"
        if ada_target
        else "SELECT NULL::VARCHAR AS kode, NULL::BIGINT AS target WHERE false"
    )
    dasar = ",\n        ".join(_ukuran_sql(ukuran, filt, "wilayah"))
    luar = _ukuran_luar(ukuran, periode, filt, "wilayah", "d")
    sql = f"""-- Grain: one row per kantor cabang (named in the period's rosters or with a target for the year).
WITH dasar AS (
    SELECT kantor_cabang AS kode,
        {dasar}
    FROM ringkas_wilayah
    WHERE tanggal_data BETWEEN $dari AND $tanggal AND kantor_cabang IS NOT NULL{_filter_sql(filt)}
    GROUP BY ALL
),
tc AS (
    {target}
),
hitung AS (
    SELECT coalesce(d.kode, tc.kode) AS kantor_cabang, d.kode IS NOT NULL AS di_daftar, {luar}, tc.target
    FROM dasar d FULL JOIN tc ON tc.kode = d.kode
),
metrik AS (
    SELECT kantor_cabang, di_daftar,
        {_metrik_sql(dihitung)}
    FROM hitung
)
SELECT kantor_cabang, di_daftar, {", ".join(metrik)}
FROM metrik
ORDER BY kantor_cabang"""
    params = {**periode.params(), **filt.params(), "segmen_target": filt.segmen or "SEMUA"}
    return sql, _dipakai(sql, params)
