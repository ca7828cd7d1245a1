"""Synthetic but realistic demo data: weekly national rosters, targets and an RW reference.

The files are written to <data dir>/demo/ and loaded through the same loader as real files,
messy rows included (bad NIK, unknown region codes, duplicates, malformed lines).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

import kode_wilayah
import settings
import warehouse
from etl import build, regions

LAST_SNAPSHOT = dt.date(2024, 2, 6)
PERSONS_PER_SCALE = 120_000
WEEKS = 6
RW_CITIES = {"31.75": 48_000, "31.71": 22_000}  # Jakarta Timur, Jakarta Pusat: dense, with RW reference

# Rough population in millions (2023), Jakarta doubled for its formal jobs.
POPULATION = {
    "11": 5.5,
    "12": 15.4,
    "13": 5.8,
    "14": 6.7,
    "15": 3.7,
    "16": 8.7,
    "17": 2.1,
    "18": 9.3,
    "19": 1.5,
    "21": 2.2,
    "31": 21.4,
    "32": 49.9,
    "33": 37.5,
    "34": 3.7,
    "35": 41.4,
    "36": 12.4,
    "51": 4.4,
    "52": 5.6,
    "53": 5.6,
    "61": 5.6,
    "62": 2.8,
    "63": 4.2,
    "64": 3.9,
    "65": 0.7,
    "71": 2.7,
    "72": 3.1,
    "73": 9.4,
    "74": 2.8,
    "75": 1.2,
    "76": 1.5,
    "81": 1.9,
    "82": 1.3,
    "91": 1.0,
    "92": 0.6,
    "93": 0.5,
    "94": 1.4,
    "95": 1.5,
    "96": 0.6,
}
SEGMENTS = (["PU", "BPU", "JAKON", "PMI"], [0.58, 0.27, 0.13, 0.02])
OCCUPATIONS = {
    "PU": [
        "Karyawan swasta",
        "Buruh pabrik",
        "Pegawai toko",
        "Staf administrasi",
        "Guru honorer",
        "Tenaga kesehatan",
        "Satpam",
        "Petugas kebersihan",
        "Penyelenggara pemilu",
        "Perangkat desa",
    ],
    "BPU": [
        "Pengemudi ojol",
        "Pengemudi ojek",
        "Sopir angkot",
        "Petani",
        "Nelayan",
        "Pedagang keliling",
        "Pengrajin batik",
        "Guru ngaji",
        "Kader Jumantik",
        "Dokter",
        "Pengacara",
        "Pedagang pasar",
    ],
    "JAKON": ["Tukang bangunan", "Mandor proyek", "Operator alat berat"],
    "PMI": ["Asisten rumah tangga", "Pekerja perkebunan", "Anak buah kapal", "Perawat lansia"],
}
FIRST = [
    "Budi",
    "Siti",
    "Agus",
    "Dewi",
    "Rina",
    "Andi",
    "Sri",
    "Joko",
    "Nur",
    "Wahyu",
    "Putri",
    "Ahmad",
    "Ani",
    "Bambang",
    "Eka",
    "Fitri",
    "Hadi",
    "Indah",
    "Yusuf",
    "Made",
    "Komang",
]
LAST = [
    "Santoso",
    "Wijaya",
    "Lestari",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Rahmawati",
    "Siregar",
    "Nasution",
    "Sitompul",
    "Pratama",
    "Setiawan",
    "Gunawan",
    "Susanti",
    "Wulandari",
]
NAMED_BRANCHES = {
    "31.71": ["Jakarta Salemba", "Jakarta Menara Jamsostek"],
    "31.75": ["Jakarta Rawamangun", "Jakarta Pulo Gadung"],
    "31.74": ["Jakarta Mampang"],
    "36.73": ["Cabang Utama Serang"],
    "36.04": ["Cabang Utama Serang"],
}


def _awalan(kode: pd.Series, tingkat: str) -> pd.Series:
    """Each code's prefix at `tingkat` (kode_wilayah's rule), worked out once per distinct code."""
    return kode.map({k: kode_wilayah.baca(k).awalan(tingkat).kode for k in kode.unique()})


def _kelurahan_pool(rng, ref: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per province: kelurahan codes and their chance, skewed across kabupaten/kota."""
    kel = ref[ref.tingkat == 4].assign(
        kab=lambda d: _awalan(d.kode, "kabkota"), prov=lambda d: _awalan(d.kode, "provinsi")
    )
    pools = {}
    for prov, group in kel.groupby("prov"):
        kabs = group.kab.unique()
        weight = {k: 1 / (i + 1) ** 0.6 for i, k in enumerate(rng.permutation(kabs))}
        sizes = group.kab.map(group.kab.value_counts())
        p = group.kab.map(weight).to_numpy() / sizes.to_numpy()
        pools[prov] = (group.kode.to_numpy(), p / p.sum())
    return pools


def _people(rng, n: int, ref: pd.DataFrame, weeks: int) -> pd.DataFrame:
    """One row per synthetic person, with a fixed region, segment and life over the weeks."""
    pools = _kelurahan_pool(rng, ref)
    provs = np.array(list(POPULATION))
    share = np.array(list(POPULATION.values()))
    prov = rng.choice(provs, size=n, p=share / share.sum())
    kode = np.empty(n, dtype=object)
    for p in provs:
        idx = np.flatnonzero(prov == p)
        codes, chance = pools[p]
        kode[idx] = rng.choice(codes, size=len(idx), p=chance)
    kel = ref[ref.tingkat == 4]
    for city, count in RW_CITIES.items():
        codes = kel.kode[_awalan(kel.kode, "kabkota") == city].to_numpy()
        extra = int(count * n / PERSONS_PER_SCALE)
        kode = np.concatenate([kode, rng.choice(codes, size=extra)])
    n = len(kode)
    segmen = rng.choice(SEGMENTS[0], size=n, p=SEGMENTS[1])
    people = pd.DataFrame({"kode_wilayah": kode, "segmen": segmen})
    people["pekerjaan"] = [OCCUPATIONS[s][i % len(OCCUPATIONS[s])] for s, i in zip(segmen, rng.zipf(1.6, n))]
    people["perempuan"] = rng.random(n) < 0.45
    people["lahir"] = pd.to_datetime("1960-01-01") + pd.to_timedelta(rng.integers(0, 16000, n), unit="D")
    # Registered before the first snapshot, or during the weeks (about 0,8 % a week).
    people["minggu_daftar"] = np.where(rng.random(n) < 0.95, -1, rng.integers(0, weeks, n))
    people["tanggal_daftar"] = pd.to_datetime("2015-01-01") + pd.to_timedelta(rng.integers(0, 3300, n), unit="D")
    # About 68 % pay; some who pay now lapse during the weeks.
    pays = rng.random(n) < 0.70
    people["minggu_berhenti"] = np.where(
        pays, np.where(rng.random(n) < 0.03, rng.integers(1, weeks + 1, n), 10**6), -10
    )
    rentan = (segmen == "BPU") & (rng.random(n) < 0.3)
    people["pekerja_rentan"] = np.where(rentan, "Y", "N")
    people["sumber_iuran"] = np.select(
        [rentan & (rng.random(n) < 0.75), rentan, segmen == "PU", segmen == "JAKON"],
        ["APBD", "CSR", "PEMBERI_KERJA", "PEMBERI_KERJA"],
        default="MANDIRI",
    )
    people["program"] = _programs(rng, segmen)
    people["rw"] = _rw_numbers(rng, people.kode_wilayah.to_numpy())
    people["rt"] = rng.integers(1, 13, n)
    people["kantor_cabang"] = _branches(ref, people.kode_wilayah)
    people["nik"] = _niks(people)
    people["nama"] = [
        f"{FIRST[a]} {LAST[b]}" for a, b in zip(rng.integers(0, len(FIRST), n), rng.integers(0, len(LAST), n))
    ]
    people["kpj"] = [f"{24000000000 + i:011d}" for i in range(n)]
    return people


def _programs(rng, segmen: np.ndarray) -> np.ndarray:
    r = rng.random(len(segmen))
    pu = np.where(r < 0.5, "JKK, JKM, JHT, JP, JKP", np.where(r < 0.8, "JKK, JKM, JHT, JP", "JKK, JKM, JHT"))
    bpu = np.where(r < 0.8, "JKK+JKM", "JKK+JKM+JHT")
    return np.select([segmen == "PU", segmen == "BPU", segmen == "JAKON"], [pu, bpu, "JKK;JKM"], default="JKK/JKM/JHT")


def _rw_numbers(rng, kode: np.ndarray) -> np.ndarray:
    """RW within the kelurahan; in the RW cities, some RWs draw far more people than others."""
    rw = np.zeros(len(kode), dtype=np.int64)
    for code, count in rw_counts(kode).items():
        idx = np.flatnonzero(kode == code)
        pull = rng.gamma(2.0, 1.0, count)
        rw[idx] = rng.choice(np.arange(1, count + 1), size=len(idx), p=pull / pull.sum())
    other = rw == 0
    rw[other] = rng.integers(1, 16, other.sum())
    return rw


def rw_counts(kode: np.ndarray) -> dict[str, int]:
    """How many RWs each kelurahan of the RW cities has (stable for a code)."""
    codes = sorted({c for c in kode if kode_wilayah.baca(c).awalan("kabkota").kode in RW_CITIES})
    return {c: 6 + int(kode_wilayah.baca(c).digit) % 1000 % 9 for c in codes}  # its last three digits


def _branches(ref: pd.DataFrame, kode: pd.Series) -> np.ndarray:
    """Kantor cabang by kelurahan: named branches where reports name them, else the city's name."""
    names = dict(zip(ref.kode, ref.nama))

    def branch(code: str) -> str:
        k = kode_wilayah.baca(code)
        kota = k.awalan("kabkota").kode
        named = NAMED_BRANCHES.get(kota)
        if named:  # branch areas do not follow borders: split a city between its branches (by the last digit)
            return named[int(k.digit) % 10 % len(named)]
        name = names.get(kota, "")
        return name.replace("Kabupaten ", "").replace("Kota Administrasi ", "").replace("Kota ", "")

    return kode.map(branch).to_numpy()


def _niks(people: pd.DataFrame) -> pd.Series:
    """Structurally plausible NIK: kecamatan code, birth date (+40 for women), serial."""
    day = people.lahir.dt.day + np.where(people.perempuan, 40, 0)
    stem = (
        _awalan(people.kode_wilayah, "kecamatan").map(lambda k: kode_wilayah.baca(k).digit)
        + day.astype(str).str.zfill(2)
        + people.lahir.dt.strftime("%m%y")
    )
    serial = people.groupby(stem).cumcount() + 1
    return stem + serial.astype(str).str.zfill(4)


def _snapshot_rows(rng, people: pd.DataFrame, week: int, as_of: dt.date) -> pd.DataFrame:
    """The roster extract of one week: registered people, with their contribution month."""
    here = people[people.minggu_daftar <= week].copy()
    month = pd.Timestamp(as_of).to_period("M")
    paying = here.minggu_berhenti > week
    late = rng.random(len(here)) < 0.15
    lapsed_months = rng.integers(2, 14, len(here))
    months = np.where(
        paying,
        np.where(late, (month - 1).strftime("%Y-%m"), month.strftime("%Y-%m")),
        [(month - int(k)).strftime("%Y-%m") for k in lapsed_months],
    )
    here["bulan_iuran_terakhir"] = months
    here["status"] = np.where(paying, "AKTIF", "NONAKTIF")
    here["tanggal_lahir"] = here.lahir.dt.strftime("%d/%m/%Y")
    here["jenis_kelamin"] = np.where(here.perempuan, "P", "L")
    here["tanggal_daftar"] = np.where(
        here.minggu_daftar >= 0, pd.Timestamp(as_of).strftime("%Y-%m-%d"), here.tanggal_daftar.dt.strftime("%Y-%m-%d")
    )
    # Some extracts carry neither contribution month nor status.
    unknown = rng.random(len(here)) < 0.002
    here.loc[unknown, ["bulan_iuran_terakhir", "status"]] = ""
    return here


def _messy(rng, rows: pd.DataFrame) -> pd.DataFrame:
    """Rows a real extract has: bad NIK, unknown codes, duplicate accounts, odd values."""
    n = len(rows)
    pick = lambda share: rows.sample(max(1, int(n * share)), random_state=int(rng.integers(1 << 30))).copy()
    bad_nik = pick(0.003)
    bad_nik["nik"] = bad_nik.nik.str[:12]
    bad_nik.loc[bad_nik.index[::3], "nik"] = "NIK-TIDAK-ADA"
    unknown_code = pick(0.002)
    # a kecamatan's code with a malformed tail, '33.19.01..9999': read down to its kecamatan, flagged
    unknown_code["kode_wilayah"] = _awalan(unknown_code.kode_wilayah, "kecamatan") + "..9999"
    unknown_code.loc[unknown_code.index[::4], "kode_wilayah"] = "99.99"
    duplicate = pick(0.005)
    duplicate["status"] = "NONAKTIF"
    duplicate["bulan_iuran_terakhir"] = "2021-06"
    duplicate["kpj"] = "LAMA-" + duplicate.kpj
    duplicate["tanggal_daftar"] = "2012-03-01"
    odd = pick(0.002)
    odd["segmen"] = "Informal"
    odd["sumber_iuran"] = "Hibah"
    return pd.concat([rows, bad_nik, unknown_code, duplicate, odd]).sample(
        frac=1, random_state=int(rng.integers(1 << 30))
    )


COLUMNS = [
    "nik",
    "nama",
    "kpj",
    "tanggal_lahir",
    "jenis_kelamin",
    "segmen",
    "program",
    "pekerjaan",
    "kode_wilayah",
    "rw",
    "rt",
    "kantor_cabang",
    "tanggal_daftar",
    "status",
    "bulan_iuran_terakhir",
    "sumber_iuran",
    "pekerja_rentan",
]


def _write_week(rows: pd.DataFrame, folder: Path, as_of: dt.date) -> list[Path]:
    """A national extract in two parts: Java (';', Indonesian headers) and the rest (',', gzip)."""
    rows = rows[COLUMNS].astype(str)
    # Java's provinces are 31-36; read on the text, for _messy made some codes malformed on purpose
    java = rows.kode_wilayah.str.startswith("3")
    first = folder / f"peserta_{as_of}_jawa.csv"
    second = folder / f"peserta_{as_of}_luar_jawa.csv.gz"
    headers = [
        "No. NIK",
        "Nama Peserta",
        "No KPJ",
        "Tgl Lahir",
        "JK",
        "Segmen Kepesertaan",
        "Program",
        "Jenis Pekerjaan",
        "Kode Wilayah",
        "RW",
        "RT",
        "Kantor Cabang",
        "Tgl Daftar",
        "Status",
        "Bulan Iuran Terakhir",
        "Sumber Iuran",
        "Pekerja Rentan",
    ]
    part = rows[java].copy()
    part.columns = headers
    pacsv.write_csv(
        pa.Table.from_pandas(part, preserve_index=False),
        first,
        pacsv.WriteOptions(delimiter=";", quoting_style="needed"),
    )
    with open(first, "a", encoding="utf-8") as f:  # two lines a careless export leaves behind
        f.write("3175020101900001;Baris Terpotong;24099999999\n")
        f.write("\n")
    with pa.CompressedOutputStream(str(second), "gzip") as out:
        pacsv.write_csv(pa.Table.from_pandas(rows[~java], preserve_index=False), out)
    return [first, second]


def _targets(people_last: pd.DataFrame, year: int, rng) -> pd.DataFrame:
    """National near 87 % reached, provinces between about 70 % and 110 %, kabupaten/kota in DKI and Banten."""
    active = people_last[people_last.status == "AKTIF"]
    rows = [("", year, "", round(len(active) / 0.874))]
    bpu = (active.segmen == "BPU").sum()
    rows.append(("", year, "BPU", round(bpu / 0.62)))
    for prov, count in _awalan(active.kode_wilayah, "provinsi").value_counts().items():
        rows.append((prov, year, "", round(count / rng.uniform(0.70, 1.10))))
    kab = _awalan(active.kode_wilayah, "kabkota")
    for code, count in kab[_awalan(kab, "provinsi").isin(["31", "36"])].value_counts().items():
        rows.append((code, year, "", round(count / rng.uniform(0.65, 1.08))))
    return pd.DataFrame(rows, columns=["kode_wilayah", "tahun", "segmen", "target"])


def _targets_cabang(people_last: pd.DataFrame, year: int, rng) -> pd.DataFrame:
    """Every branch office of the last week with a target it has reached 70-110 % of (issue 35)."""
    active = people_last[people_last.status == "AKTIF"].kantor_cabang.dropna()
    rows = [(k, year, "", round(n / rng.uniform(0.70, 1.10))) for k, n in sorted(active.value_counts().items())]
    return pd.DataFrame(rows, columns=["kantor_cabang", "tahun", "segmen", "target"])


def write_demo_files(
    scale: float = 1.0, weeks: int = WEEKS, seed: int = 2024, say=lambda text: None
) -> tuple[list, dict[str, Path]]:
    """Write the demo files, saying each week written (about 3 s a week at scale 1); returns
    ([(files, as_of)], {reference kind: CSV})."""
    rng = np.random.default_rng(seed)
    folder = settings.data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    ref = regions.reference_table().to_pandas()
    people = _people(rng, int(PERSONS_PER_SCALE * scale), ref, weeks)
    snapshots = []
    for week in range(weeks):
        as_of = LAST_SNAPSHOT - dt.timedelta(weeks=weeks - 1 - week)
        rows = _snapshot_rows(rng, people, week, as_of)
        snapshots.append((_write_week(_messy(rng, rows), folder, as_of), as_of))
        say(f"  {week + 1}/{weeks} berkas data per {as_of.isoformat()} ditulis")
    targets = folder / "target.csv"
    _targets(rows, LAST_SNAPSHOT.year, rng).to_csv(targets, index=False)
    targets_cabang = folder / "target_cabang.csv"
    _targets_cabang(rows, LAST_SNAPSHOT.year, rng).to_csv(targets_cabang, index=False)
    rw = folder / "referensi_rw.csv"
    sizes = rw_counts(people.kode_wilayah.to_numpy())
    pd.DataFrame({"kode_wilayah": list(sizes), "jumlah_rw": list(sizes.values())}).to_csv(rw, index=False)
    workforce = folder / "pekerja.csv"
    _workforce(rows, LAST_SNAPSHOT.year - 1, rng).to_csv(workforce, index=False)
    return snapshots, {"target": targets, "target_cabang": targets_cabang, "rw": rw, "pekerja": workforce}


def _workforce(rows: pd.DataFrame, year: int, rng) -> pd.DataFrame:
    """Working population per province (active participants are 20-45 % of it) and the nation."""
    active = _awalan(rows[rows.status == "AKTIF"].kode_wilayah, "provinsi")
    active = active[active.isin(list(POPULATION))].value_counts()
    pekerja = {prov: round(count / rng.uniform(0.20, 0.45)) for prov, count in active.items()}
    out = [("ID", year, sum(pekerja.values()))] + [(k, year, v) for k, v in sorted(pekerja.items())]
    return pd.DataFrame(out, columns=["kode_wilayah", "tahun", "jumlah_pekerja"])


def build_demo(scale: float = 1.0, weeks: int = WEEKS, seed: int = 2024, progress: bool = False) -> list[dict]:
    """Write and load the demo in one build: the weekly snapshots' summaries, then those of the
    targets, branch targets, RW reference and workforce reference. One build makes the stored answers once
    (metrics/jawaban.py), where a build per reference made them four times."""
    say = (lambda text: print(text, file=sys.stderr, flush=True)) if progress else (lambda text: None)
    say(f"Membuat data demo (skala {scale}, {weeks} minggu)...")
    snapshots, references = write_demo_files(scale, weeks, seed, say)
    say("Memuat snapshot mingguan, target, referensi RW dan referensi pekerja...")
    return build.load_snapshots(snapshots, progress=progress, references=list(references.items()))


def ensure_demo() -> bool:
    """On the very first start of the app, build the demo warehouse so there is something to see;
    True when it was built now (the caller then adds the demo's actions, commands/demo.py).

    A demo warehouse from an older schema is rebuilt; real data of schema 2 moves its history into
    partitions in one build (etl/build._history_to_partitions); real data of an older schema is
    left alone and the app stops with what to do.
    """
    version = build.served_version()
    if version is None:
        print("Belum ada gudang data: membuat data demo (sekali saja, 1-2 menit)...", flush=True)
    elif version == build.SCHEMA_VERSION:
        return False
    elif version == 2 and not only_demo_loaded():
        print("Gudang data dari versi sebelumnya: memindahkan riwayat ke berkas partisi (sekali saja)...", flush=True)
        build.refresh()
        return False
    elif only_demo_loaded():
        print("Data demo dari versi lama: membuat ulang data demo...", flush=True)
        warehouse.close_readers()
        shutil.rmtree(warehouse.builds_dir())
    else:
        raise SystemExit(build.outdated_message(version))
    build_demo(progress=True)
    print("Data demo siap.", flush=True)
    return True


def only_demo_loaded() -> bool:
    """True when every load in the served warehouse (none too) read the demo's own files (data/demo)."""
    return all(f["path"].startswith(_folder()) for s in _summaries() for f in s["files"])


def demo_served() -> bool:
    """True when the served warehouse holds the demo and nothing else: loads, all of the demo's files."""
    return bool(_summaries()) and only_demo_loaded()


def _folder() -> str:
    return str(settings.data_dir() / "demo")


def _summaries() -> list[dict]:
    return [json.loads(s) for (s,) in warehouse.rows("SELECT ringkasan FROM riwayat_muat")]
