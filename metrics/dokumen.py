"""docs/metrics.md, written from the declarations so the list and the definitions users see
never drift apart (`python -m metrics docs`; a test checks the file is current)."""

from __future__ import annotations

from metrics import definisi, ekspor

KELOMPOK = {
    "cakupan": "Coverage and target",
    "program": "Programmes",
    "perubahan": "Change",
    "laju": "Pace",
    "bulan_depan": "The month ahead",
    "program_rw": "1 RW 100 peserta",
    "anggaran": "Budget for pekerja rentan",
    "acuan": "What the pages measure against",
}
FORMAT = {
    "angka": "count",
    "persen": "percent",
    "rupiah": "rupiah",
    "tanggal": "date",
    "laju": "per week",
    "ya_tidak": "yes/no",
    "teks": "text",
}

PENGANTAR = """# Metrics: what every number means

Written by `python -m metrics docs` from `metrics/definisi.py`, where each metric is declared
once: its name, labels, what it counts (*pembilang*), what it is compared with (*pembanding*:
a denominator or a target), its format and the one-line definition the dashboard shows.
`metrics/pembangun.py` is the one place that turns a metric, a level, a place and filters into
SQL over the rollups, with every user value passed as a parameter. The pages' unfiltered
questions about the newest snapshot are read from the builder's own rows, asked once for the
whole nation when the data is loaded (`metrics/jawaban.py`, tested row for row against asking
the builder).

## How the numbers are counted

- **Who**: persons (distinct NIK), not accounts; *aktif* means paying (data contract, section 1).
- **Where**: levels nasional, provinsi, kabkota, kecamatan, kelurahan and rw. A table of a level
  inside a place lists every region of that level, also those with no participants (at 0), plus
  a row "Tidak diketahui" for participants whose region is known only above that level (and, at
  RW level, "RW tidak diketahui" per kelurahan). So the rows always add up to the place.
- **RW**: RWs 1 to the reference's `jumlah_rw`, plus any other RW number in the roster; an RW is
  coded `<kelurahan>.<rw>`, the number with at least two digits: `31.75.02.1001.05`, `31.75.02.1001.123`.
- **Codes**: a place is named by its Kemendagri code (`ID`, `31`, `31.75`, `31.75.02`,
  `31.75.02.1001`, an RW `31.75.02.1001.05`), read only through the type `kode_wilayah.KodeWilayah`
  (its level, parent, prefix at a level, RW part; `mencakup` for "this place or below", and
  `sql_mencakup` for the same over a column, the place bound as a parameter). A code of another
  shape, or RW 0 or 1000, is refused with words in both languages ("Kode wilayah '31.7' tidak
  dikenal: ...").
- **When**: a snapshot (as-of date). *Previous* is the snapshot before it. *4 weeks back* is the
  newest snapshot at least 28 days earlier, or else the oldest earlier one (the dashboard then
  says how many weeks the pace covers). The target year is the snapshot's year; its deadline is
  31 December.
- **Targets** are the region's own (data contract, section 2), or a *derived target* where a
  user split the parent's target on the Pembagian target page ("Pembagian target" below): never
  split automatically, and a region's own target always wins. A place without either shows no
  target, capaian or kekurangan. With a segment filter, the
  segment's target is used; with a programme, source, pekerja rentan or kantor cabang filter,
  no target applies (a target counts persons of all programmes, sources and branches). At RW
  level the target is the per-RW target (`CAKUPAN_RW_TARGET`, 100).
- **The reference target** (`*_acuan`, what the pages measure against): the region's own
  target; where a kecamatan or kelurahan has none and has an RW reference, unfiltered, the
  1 RW 100 rule target (RWs known x the per-RW target), labelled "Target 1 RW 100" wherever it
  shows. `jenis_target` says which (`wilayah`, `turunan` or `1rw100`). Exports keep `target`,
  `capaian` and `kekurangan` for the region's target (its own or a derived one, never the rule's)
  and carry the reference target beside them (`jenis_target`, `target_acuan`,
  `capaian_acuan_persen`), and for a derived target its basis and who split it (`dasar_target`,
  `target_dibagi_oleh`).
- **Workforce**: the working population of the newest year in the workforce reference up to
  the snapshot's year, shown without filters only.
- **Flows** (*baru*, *berhenti*) compare persons between snapshots, so they exist only while the
  previous snapshot's person rows are kept, and not per programme or at RW level. Net change is
  the difference of active counts, which always exists; *pindah (neto)* is the part of it that
  is neither new nor lapsed: participants who moved region or segment.
- **Filters**: segmen, program (counts persons in that programme), sumber iuran, pekerja
  rentan, kantor cabang. At RW level only segmen and program exist (the RW rollup keeps no more).
  Under a programme filter every count is of that programme's persons: registered, active,
  pekerja rentan and the budget. The other programmes' `aktif_*` are empty, not the unfiltered
  totals: the rollups count each programme's persons without crossing programmes, so "active in
  JKK among those in JKP" is not known. No part ever exceeds its whole (tests/test_bagian.py).
- **Percentages** are never capped at 100 %, and where shown (a card, a cell, a bar, a map square,
  a slide, the PDF, the email) never rounded up onto a border the value has not reached: 100 %
  and the colour bands' borders (70 % and 90 %; 50 % for an RW) (`definisi.BATAS_PERSEN`). 1.999
  active of a target of 2.000 reads 99,9 % beside "Kekurangan 1", never 100,0 %; 69,996 % reads
  69,9 %, as red as it is drawn. Other values round as usual (87,46 % is 87,5 %); exports keep
  the value itself (`capaian_persen` 99.95).
- **Pace over fewer than 4 weeks.** Until the data reaches 4 weeks back, `laju_4mg` is the gain
  per week since the oldest snapshot, and every output names the weeks behind it ("3 minggu
  terakhir") and says so in its notes.
- **Places below on another basis.** When a place has a target of its own (or a derived one) and
  places below it have only the 1 RW 100 rule's, their colours measure another target, which
  need not add up to the parent's (Jakarta Timur: 38.738 of its own, 64.000 by the rule). The
  table, bars and map, and the review's map and laggards, say so there, with the total, and offer
  the split of the parent's target (`cakupan.dasar_berbeda`).

## Exports

`python -m metrics export {coverage,rw,budget,trend} --level L [--parent CODE] [--as-of DATE]
[--segmen S] [--program P] [--sumber S] [--rentan ya|tidak] [--cabang NAME] --out FILE.csv|FILE.xlsx|-`

Every export starts with `tanggal_data, kode_wilayah, nama_wilayah, tingkat, kode_induk,
nama_induk`; a percentage column ends in `_persen` and holds percent points with 2 decimals
(`87.38`); a rate has 2 decimals; a date is `YYYY-MM-DD`; yes/no is `ya`/`tidak`; a value that
does not exist is an empty cell. "Tidak diketahui" rows have an empty `kode_wilayah` and their
nearest known region in `kode_induk`. Text that a spreadsheet would run as a formula (starting
with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`.
"""


PEMBAGIAN_TARGET = """
## Pembagian target: what share of the target is mine? (issue 21, metrics/pembagian.py)

Only when an official asks, on the Pembagian target page (`/target?wilayah=KODE`, linked from
Ringkasan's ranking), the target of a place (nasional to kecamatan; a kelurahan's RWs have the
1 RW 100 rule) for the snapshot's year and segment is split over the places one level below.

1. **Kept first.** A place below with a target of its own keeps it. What is split is the parent's
   target minus those: `dibagi = target_induk - sum(own targets below)`. Nothing left: refused.
2. **Basis** (`dasar_target`), chosen and seen before saving: `pekerja`, the working population
   of the newest workforce year up to the target's (every place below needs a figure, else the
   page names those without); `terdaftar`, peserta terdaftar in the snapshot and segment; `rw`,
   RWs known (the RW reference, plus RWs seen in the roster), the basis of 1 RW 100; `rata`,
   equal shares.
3. **Share** of a place = its basis / the sum of the bases of the places that are split over;
   its quota = dibagi x share, in persons.
4. **Rounding, largest remainder**: each place gets the whole part of its quota; the persons left
   (dibagi minus the sum of the whole parts) go one each to the largest fractional parts, ties by
   code. So the derived targets add up to `dibagi` exactly, and with the own targets to the
   parent's. A place whose basis is 0 gets no target (and is named).
5. **Kept and served.** A saved split is kept in the access store with its basis, author and
   date; every build copies the active splits into `target_turunan`, and `target_berlaku` takes a
   region's own target where it has one, else the derived one. Saving starts that build
   (`python -m etl segarkan`) in its own process; the page follows it until the split is served.
   A redo replaces the split; a removal leaves the places below with their own targets only.
   When the parent's target changes, or a place below gets its own target later, the page says
   the split no longer adds up and offers the redo; nothing changes by itself.
6. **Labelled** as "Target turunan" on the cards, with where it comes from ("Dibagi dari target
   Pulogadung menurut jumlah RW, oleh ani"), ² in tables, bars and slides, and `jenis_target =
   turunan`, `dasar_target`, `target_dibagi_oleh` in exports.

**Worked example** (tests/test_pembagian.py, tests/seed/README.md "bagi_*.csv"): Pulogadung's
2024 target 100 over its 7 kelurahan.
- `rata`: 100 / 7 = 14 r 2, all fractions 2/7: the first two codes get one more:
  **15, 15, 14, 14, 14, 14, 14**.
- `rw` (8, 6, 5, 4, 3, 2, 2 RWs of 30): quotas 26,67, 20, 16,67, 13,33, 10, 6,67, 6,67; whole
  parts add to 97; the 3 left go to the fractions 2/3 of Pulo Gadung, Cipinang and Kayu Putih
  (Jati, also 2/3, comes last by code): **27, 20, 17, 13, 10, 7, 6**.
- `pekerja` (300, 200, 100 x 5 of 1.000): exact, **30, 20, 10, 10, 10, 10, 10**. With Pisangan
  Timur's own target of 40 kept, 60 is split over 300 and 100 x 5 of 800: 22,5 and 7,5 each,
  whole parts 57, the 3 left to the first codes of the equal fractions: **23, (40), 8, 8, 7, 7, 7**.
- `terdaftar` (5, 3, 2, 0, 1, 0, 1 of 12): quotas 41,67, 25, 16,67, 0, 8,33, 0, 8,33; 2 left to
  the fractions 2/3: **42, 25, 17, -, 8, -, 8**: Jatinegara Kaum and Kayu Putih, with nobody
  registered, get none.
"""


EFEK_AKSI = """
## Efek aksi: did what we did work? (issue 21, metrics/aksi.py)

An action (aksi) is recorded on a place with its start date. Its effect is the change in that
place's weekly pace of peserta aktif across the start, minus the same change in similar places
that had no action in those weeks: a difference of differences, in persons a week.

1. **Window.** s0 is the newest snapshot on or before the start; the window reaches back to the
   oldest snapshot at most 4 weeks before s0 (s-) and forward to the newest at most 4 weeks after
   the start (s+). Fewer than 2 weeks on either side: *too few weeks*, no number; the words name
   the weeks of data before and after the start. A start after the newest snapshot: *not yet
   started*, no number; the words name the start and the date 2 weeks after it, from when the
   effect can be measured.
2. **Pace.** before = (aktif(s0) - aktif(s-)) / weeks before; after = (aktif(s+) - aktif(s0)) /
   weeks after; the change is after - before. Unfiltered counts of the whole place.
3. **Similar places.** Those of the same level in the same province (other provinces for a
   province) with no action whose dates touch [s-, s+]. Fewer than 3: *no comparison*, no number.
   They are counted only as a mean and a spread, never shown one by one.
4. **Effect** = the place's change - the mean change of the similar places. **Standard error** =
   the similar places' changes' standard deviation x sqrt(1 + 1/n): how far one more place without
   an action falls from their mean. The effect is said to be real when it is more than 2 standard
   errors (about 95 %); otherwise the words say it is not yet apart from the usual ups and downs,
   and about how many more weeks would tell: a pace measured over w weeks varies about as
   1/sqrt(w), so w x (2 x error / effect)^2 weeks in all, rounded up to whole weeks.
5. **Too small.** Where that is more than a year (52 weeks of data after the start,
   `CAKRAWALA_MINGGU`), or the effect is exactly 0, no wait is named: the words say the effect is
   too small to tell apart from the usual ups and downs ("efeknya terlalu kecil untuk dibedakan
   dari naik-turun biasa (perlu lebih dari setahun data sesudah aksi dimulai)"). A year, not the
   rest of the target year: an action started in December would otherwise never get a wait.

**Worked example** (tests/test_aksi.py): weekly snapshots from 2 January; the action starts on
30 January. The place had 100, 110, 120, 130, 140 active, then 180, 220, 260, 300: 10 a week
before, 40 after, a change of +30. Four similar places gained 10 a week before and 12, 8, 11 and 9
after: changes +2, -2, +1, -1, mean 0, standard deviation sqrt(10/3) = 1,826, standard error
1,826 x sqrt(1,25) = 2,041. Effect +30 - 0 = **+30 a week (± 4,1)**: past 2 x 2,041, so said as
real: "+30,0 per minggu dibanding 4 wilayah serupa (± 4,1): laju jelas lebih cepat daripada
wilayah serupa". Had the place gone from 10 to 13 a
week, the effect +3 would be under 4,08: "belum beda dari naik-turun biasa; perlu sekitar 4
minggu lagi untuk yakin" (4 x (4,08 / 3)^2 = 7,4 weeks in all, 4 measured). The boundary
(tests/test_aksi.py): similar places' changes -11,5, 0,5, 4,5 and 6,5 (2 x error = 18,03): an
effect of 5 needs 4 x (18,03 / 5)^2 = 52 weeks in all, "perlu sekitar 48 minggu lagi untuk
yakin"; one of 4,75 needs 57,6, past a year: "efeknya terlalu kecil untuk dibedakan".

**What-if of funding** (metrics.aksi.bagaimana_jika): funding N pekerja rentan from the first of
month M costs N x Rp16.800 x the months from M to December; they are active from M, so the
projection at 31 December grows by N, and the date the target is reached is the same rule as
perkiraan_tercapai (the shortfall over the 4-week pace, in days, rounded up) with the N counted
from M. Pulo Gadung on 2024-02-06 (11 active, target 20, 0,75 a week): 5 from March cost
5 x 16.800 x 10 = Rp840.000, the projection goes from 46 to 51 (255 %), and the target is
reached on 15 March instead of 30 April (ceil(4 / 0,75 x 7) = 38 days after 6 February).
"""


BANDING = """
## Banding: how does this place compare? (issue 35, metrics/banding.py)

The Bandingkan page (`/banding`) puts **one place at two data dates** (`banding=DATE`; without
one, 4 weeks back as the pace counts it: the newest snapshot at least 28 days earlier, else the
oldest) or **two to four places at one data date** (`dengan=CODE,CODE`, up to three beside the
URL's place) side by side.

1. **The same question on every side.** Each side is the URL's question with only its date or its
   place changed: the same filters, the same measures (peserta terdaftar, peserta aktif, target,
   capaian, kekurangan, change since the previous snapshot, the 4-week pace), each answered by the
   builder as on Ringkasan. Nothing is added up or split for the comparison.
2. **Each place against its own target**: the reference target of that place (its own, a derived
   one, or the 1 RW 100 rule's, marked ¹ and ² as everywhere); a place without one shows none, and
   its capaian difference is empty rather than measured against another place's target.
3. **The difference** (*selisih*) of a side is its value minus the first side's, in the measure's
   unit: for two dates, the newer minus the older (whichever the URL names first); for places,
   that place minus the URL's place. Counts, target and kekurangan in persons, the pace in persons
   a week, and capaian in **percentage points** (55 % against 40 % is +15 points, not +37,5 %).
   Where either side has no value (no earlier snapshot, no target) the difference is empty.
   A kekurangan that falls is progress: -3 means three persons less to go.
4. **Scope.** Every place is checked against the asker's scope: a page leaves one outside it out
   and says so; the download, the review and the command line refuse (403 over HTTP, on the audit
   trail).

The download (`/unduh/banding.csv|xlsx?...&banding=DATE` or `&dengan=CODES`, and
`python -m metrics export banding --parent CODE [--as-of DATE] --banding DATE | --dengan CODES`)
holds the page's rows: `jenis_baris` `nilai` for a side's own numbers and `selisih` under each side
after the first, then `tanggal_data, kode_wilayah, nama_wilayah, tingkat`, the measures
(`capaian_acuan_persen` in percent, and in percentage points on a `selisih` row), `jenis_target`,
and on a `selisih` row what it is the difference from (`tanggal_acuan`, `kode_acuan`).

**Worked example** (tests/test_banding.py, tests/seed/README.md "minggu_*.csv"):
- Pulo Gadung on 6 February 2024 against 9 January 2024 (4 weeks back): registered 9 → 12 (+3:
  P9-P13 came, P7 moved to Kenari, P8 stays registered), active 8 → 11 (+3), target 20 both
  times (0), capaian 8/20 = 40 % → 11/20 = 55 % (**+15,0 points**), kekurangan 12 → 9 (-3); the
  weekly change and the pace have no value on 9 January (the first snapshot), so no difference.
- Kenari beside Pulo Gadung on 6 February 2024: active 1 against 11 (-10), target 5 against 20
  (-15), capaian 1/5 = 20 % against 55 % (**-35,0 points**), kekurangan 4 against 9 (-5), change
  +1 against +2 (-1), pace 0,25 against 0,75 a week (-0,5). With the BPU filter Pulo Gadung has
  6 active against its BPU target 8 (75 %) and Kenari 1 with no BPU target: the capaian
  difference is empty.
"""


KARTU = """
## Kartu: the headline as an image to share (issue 35, item 5, layouts/kartu_png.py)

Ringkasan's link "Unduh gambar ringkasan (PNG)" (`/unduh/kartu.png?wilayah=..&snapshot=..&filters`)
draws the place's headline as a square PNG of 1080 x 1080 px for chat groups. It computes nothing
of its own: its question is the page's (the URL's place, date and filters, read by the same
`pertanyaan.dari_teks_ketat` as every download) and its numbers are the page's six cards,
answered by the same call (`cakupan.tabel_tempat` with `cakupan.KPI`) and written in the same words:
peserta aktif (registered beside it), target (named by its kind, marked ¹ for the 1 RW 100 rule's and ²
for a derived one), capaian (coloured by the same bands), kekurangan, the change since the previous
snapshot (new, lapsed, moved), and the pace of the last 4 weeks beside the pace needed, with the
verdict (`cakupan.vonis_laju`). Under them, the page's caveats: what the target is (the rule's, a
derived one's origin, or why there is none) and the answer's notes (no earlier snapshot, fewer than
4 weeks behind the pace, a filter without targets). The header names the place with its parent,
the data date and the date compared with, and the filters in force ("Semua peserta" without).
Every text is at least 30 px (about 11 px when a phone shows the card 390 px wide); values are
60-80 px. What does not fit gives way in a fixed order, the tiles' notes first, then the caveats'
last lines, and a cut is said on the card ("… selengkapnya di halaman Ringkasan"). The scope is
checked as for every download (403 outside it), and the download is on the audit trail.

**Worked example** (tests/test_kartu.py, tests/seed/README.md "minggu_*.csv"): Pulo Gadung on
6 February 2024 reads *Peserta aktif 11* (peserta terdaftar 12), *Target 20* (target tahun 2024),
*Capaian 55,0 %* in red (under 70 %; Cakupan pekerja 25,0 % dari 44 penduduk bekerja), *Kekurangan 9*,
*Perubahan minggu ini +2* (+3 baru, -0 berhenti, -1 pindah), *Laju per minggu 0,8* (4 minggu
terakhir) beside *0,2* (dibutuhkan: 9 / 47 weeks), "tercapai pada 30 April 2024", and no caveat.
Kecamatan Pulogadung has no target of its own: *Target 1 RW 100 ¹ 30* (10 RWs x 3, the seed's
per-RW target) with the caveat "¹ Tanpa target sendiri: RW diketahui x 100 (aturan 1 RW 100)".
"""


CABANG = """
## Kantor cabang: a branch office against its own target (issue 35, item 2; metrics/cabang.py)

1. **What a branch's numbers cover.** The participants whose roster rows name that branch
   (`kantor_cabang`), **wherever they live**: a participant living in another province still
   counts for the branch that registered them, and one living next door to the office but
   registered with another branch does not. The counts are the rollup's, summed by branch
   (`pembangun.kueri_cabang`, one row per branch), with the same declared formulas as a place:
   peserta terdaftar and aktif, capaian = aktif / target, kekurangan, the change since the previous
   snapshot, the 4-week pace, the pace needed, the date the target is reached, the projection.
2. **Its target is its own.** Region targets count every branch together and are not split by
   branch, so a branch is measured against the branch target file only
   (`python -m etl target-cabang`, docs/format.md 4.1), for the snapshot's year and the segment
   filter (else all segments). Under a programme, contribution-source or pekerja rentan filter
   there is no target, as for places. A branch with no target has no capaian.
3. **The ranking** orders the branches by capaian, highest first, ties by name; branches without a
   target last and unnumbered. A branch with a target but no roster row in the period (a new
   branch, or a misspelt name: flagged `cabang_tidak_dikenal` at load) is listed with 0
   participants. Participants whose roster names no branch belong to none and are left out.
4. **Its places.** The kab/kota and kecamatan its participants live in (the place table with the
   branch filter, places with anyone registered), with registered, active and change; no target
   per place. They add up to the branch: a "Tidak diketahui" row holds those whose region is not
   known that deep.
5. **Scope.** A branch counts every place, so branch numbers are for national accounts and for
   the branch's own account (its own branch only; the full ranking is for national accounts, the
   branch sees its own place in it). A place account is refused: the numbers would reach outside
   its place. The page, the download and the command line check the same gate.

The download (`/unduh/cabang.csv|xlsx`, `python -m metrics export cabang`): at `tingkat` nasional
without a branch the ranking (`tanggal_data, peringkat, kantor_cabang`, then peserta_terdaftar,
peserta_aktif, tingkat_aktif_persen, target, capaian_persen, kekurangan, perubahan_minggu,
laju_4mg, laju_dibutuhkan, perkiraan_tercapai, tepat_waktu, proyeksi_akhir_tahun); with a branch
its own row in the same columns; at kabkota or kecamatan its places (`tanggal_data,
kantor_cabang, kode_wilayah, nama_wilayah, tingkat, kode_induk, nama_induk, peserta_terdaftar,
peserta_aktif, perubahan_minggu`).

**Worked example** (tests/test_cabang.py, tests/seed/target_cabang_minggu.csv on the weekly seed,
6 February 2024, 47 weeks to 31 December):
- Jakarta Pulo Gadung: its rows name P4-P6, P8-P15 (11 registered; P8 and P14 inactive), 9 active;
  target 12: capaian 9/12 = **75 %**, kekurangan 3; active 7 on 30 January (+2 this week) and 7 on
  9 January: pace (9-7)/4 = 0,5 a week, needed 3/47 = 0,06; reached after ceil(3/0,5 x 7) = 42 days,
  on 19 March 2024, in time; projection 9 + 0,5 x 47 = 32,5 -> 33. Its places: Jakarta Timur
  (kecamatan Pulogadung) 10 registered, 8 active, and P15 of unknown region 1 and 1.
- Jakarta Rawamangun: 3 active of its target 5 (60 %), pace 0: not reached at this pace; with the
  BPU filter its BPU target 4: 75 %. Jakarta Salemba (P7, moved to Kenari): 1 of 1, 100 %.
  Jakarta Kemayoran: no roster row, target 50: 0 %.
- Ranking: 1 Salemba 100 %, 2 Pulo Gadung 75 %, 3 Rawamangun 60 %, 4 Kemayoran 0 %.
"""


BULAN_DEPAN = """
## The month ahead: who lapses at the end of this month (issue 35, item 4)

From the roster alone. A participant is active while their last paid month
(`bulan_iuran_terakhir`) is on or after the as-of month minus the grace months
(`CAKUPAN_GRACE_MONTHS`, 1 by default; etl/sql/roster_1_baris.sql), or, without a month, when their
status says AKTIF. So an active participant whose last paid month is **exactly** the as-of month
minus the grace is in the last month they are counted: unless they pay, they are inactive at the
end of the as-of month. Those are **jatuh tempo** (due).

1. **Due** (`jatuh_tempo`): active participants whose last paid month is the as-of month minus the
   grace months. Participants **without a paid month** (active by status alone) are never counted
   as due: nothing in the roster says when their cover ends.
2. **Next month if none of them pays** (`aktif_bila_tak_bayar` = peserta aktif - jatuh tempo), and
   its capaian against the reference target (`capaian_bila_tak_bayar`).
3. **Next month if all of them pay** (`capaian_bila_semua_bayar`): peserta aktif against the
   reference target, unchanged: nobody lapses.
Both assume no one joins and no one else stops (every other active participant paid later than the
due month, so stays active through next month); both use this year's target, also when next month
is January.

Stored per snapshot in the history table `ringkas_jatuh_tempo` (one row per snapshot x region x RW
x segmen x kantor cabang, active participants only), written by the build from the snapshot's
persons; the builder sums it beside the other rollups. It keeps region, RW, segment and branch:
under a programme, contribution-source or vulnerable-worker filter the due count is empty, not 0.
A snapshot whose persons were gone before the table existed has no due count (empty). A branch
account (its own branch) and administrators (their place) download the **follow-up list**
(`/unduh/jatuh_tempo.csv|xlsx?wilayah=...`, from the kept person rows of that snapshot: KPJ,
place, RW, last paid month, segment, branch; never a NIK or a name; in the audit trail).

**Worked example** (tests/test_bulan.py): as of 6 February 2024, grace 1, the oldest month still
active is January 2024. In Pulo Gadung (target 8): J01 paid up to January 2024 (due: inactive at
the end of February unless they pay), J02 paid February (not due), J03 has no month and status
AKTIF (active, not due), J04 paid December 2023 (already inactive), J05 paid January (due), J06
paid January with no RW (due). Active 5, due 3: next month 5 - 3 = 2 active if none pays, capaian
2/8 = **25,0 %**; if all do, 5/8 = **62,5 %** (today's capaian). Per RW with the per-RW target 2:
RW 01 has 2 active and 1 due (50 % if none pays, 100 % if all do), RW 02 the same (J03, J05), and
the RW-unknown row 1 active and 1 due.
"""


def teks() -> str:
    out = [PENGANTAR]
    for kelompok, judul in KELOMPOK.items():
        out.append(f"\n## {judul}\n")
        out.append("| column | label (id) | label (en) | format | counts | compared with | definition |")
        out.append("|---|---|---|---|---|---|---|")
        for m in definisi.METRIK:
            if m.kelompok != kelompok:
                continue
            banding = f"`{m.pembanding}`" if m.pembanding else ""
            out.append(
                f"| `{m.kolom}` | {m.label[0]} | {m.label[1]} | {FORMAT[m.format]} | "
                f"`{m.pembilang.replace('|', '/')}` | {banding} | {m.definisi[0]} |"
            )
    out.append("\n## Export columns\n")
    for jenis, metrik in definisi.EKSPOR.items():
        kolom = ", ".join(definisi.metrik(m).kolom for m in metrik)
        out.append(f"- `{jenis}`: {kolom}")
    out.append(f"- `rw` at level rw: {', '.join(definisi.metrik(m).kolom for m in ekspor.RW_PER_RW)}")
    out.append(
        "- `trend` (one row per snapshot of one place): tanggal_data, kode_wilayah, nama_wilayah, tingkat, "
        + ", ".join(definisi.metrik(m).kolom if m in definisi.METRIK_MENURUT_NAMA else m for m in ekspor.TREN)
    )
    out.append(PEMBAGIAN_TARGET)
    out.append(EFEK_AKSI)
    out.append(BANDING)
    out.append(KARTU)
    out.append(CABANG)
    out.append(BULAN_DEPAN)
    return "\n".join(out) + "\n"
