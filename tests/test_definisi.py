"""Invariants of the declarations (metrics/definisi.py): every metric names only what is declared,
is labelled and defined in both languages, and has a format the pages know how to show."""

import datetime as dt
import re

from metrics import definisi
from metrics.pembangun import Periode

SQL_WORDS = {
    "case",
    "when",
    "then",
    "else",
    "end",
    "and",
    "or",
    "not",
    "is",
    "null",
    "true",
    "false",
    "greatest",
    "least",
    "round",
    "ceil",
    "to_days",
    "nullif",
    "coalesce",
}
BUILDER_PARAMS = {"iuran", "target_rw", "tingkat"}  # given by the builder besides the period's own
BUILDER_COLUMNS = {"target_aturan", "asal_target", "dasar_pembagian", "pembagi"}  # the builder's own columns
# besides measures (pembangun.ATURAN, and where a target comes from: target_berlaku)
FORMATS = {"angka", "persen", "rupiah", "tanggal", "laju", "ya_tidak", "teks"}
GROUPS = {"cakupan", "program", "perubahan", "laju", "bulan_depan", "program_rw", "anggaran", "acuan"}


def _words(m: definisi.Metrik) -> tuple[set[str], set[str]]:
    """(names, $parameters) used by a metric's numerator and denominator."""
    text = re.sub(r"'[^']*'", " ", f"{m.pembilang} {m.pembanding or ''}")  # SQL string literals are values
    params = set(re.findall(r"\$([a-z_0-9]+)", text))
    names = set(re.findall(r"(?<![$\w])[a-z][a-z_0-9]*", re.sub(r"\$[a-z_0-9]+", " ", text)))
    return names, params


def test_metrics_name_only_declared_measures_metrics_and_parameters():
    period = set(Periode(dt.date(2024, 2, 6)).params())
    declared = set(definisi.UKURAN_MENURUT_NAMA) | set(definisi.METRIK_MENURUT_NAMA)
    for m in definisi.METRIK:
        names, params = _words(m)
        assert names <= declared | SQL_WORDS | BUILDER_COLUMNS, (m.nama, names - declared - SQL_WORDS)
        assert params <= period | BUILDER_PARAMS, (m.nama, params - period - BUILDER_PARAMS)


def test_names_are_unique_and_every_metric_is_shown_in_both_languages():
    names = [m.nama for m in definisi.METRIK] + [u.nama for u in definisi.UKURAN]
    assert len(names) == len(set(m.nama for m in definisi.METRIK)) + len(set(u.nama for u in definisi.UKURAN))
    for m in definisi.METRIK:
        assert m.format in FORMATS and m.kelompok in GROUPS, m.nama
        assert all(m.label) and all(m.definisi) and len(m.label) == len(m.definisi) == 2, m.nama
        assert m.kolom == (f"{m.nama}_persen" if m.format == "persen" else m.nama)


def test_a_metric_refers_only_to_metrics_declared_before_it():
    """Declared in dependency order: the builder computes them in this order."""
    seen = set()
    for m in definisi.METRIK:
        names, _ = _words(m)
        # a metric named like its own column (target, pekerja) reads that column, not itself
        later = (names & set(definisi.METRIK_MENURUT_NAMA)) - set(definisi.UKURAN_MENURUT_NAMA) - seen - {m.nama}
        assert not later, (m.nama, later)
        seen.add(m.nama)


def test_every_filter_is_declared_once_and_read_by_every_door():
    """definisi.SARINGAN and pembangun.Filter name the same filters; the URL key, the command
    line flag and the file-name word all come from the table."""
    import dataclasses

    from commands import metrics as cli
    from metrics.pembangun import Filter

    assert [s.kolom for s in definisi.SARINGAN] == [f.name for f in dataclasses.fields(Filter)]
    flags = {a.dest for a in cli.parser()._subparsers._group_actions[0].choices["export"]._actions}
    assert {s.kunci for s in definisi.SARINGAN} <= flags
    for s in definisi.SARINGAN:
        assert s.label[0] and s.label[1] and s.semua[0] and s.semua[1]
        for teks in s.pilihan or {}:
            assert s.ke_teks(s.ke_nilai(teks)) == teks


def test_filter_texts_round_trip_and_unknown_values_are_named():
    import pytest

    from metrics.pembangun import Filter

    f = Filter.dari_teks({"rentan": "tidak", "sumber": "APBD", "cabang": "Jakarta Rawamangun", "segmen": ""})
    assert f == Filter(sumber_iuran="APBD", pekerja_rentan=False, kantor_cabang="Jakarta Rawamangun")
    assert f.teks() == {"sumber": "APBD", "rentan": "tidak", "cabang": "Jakarta Rawamangun"}
    assert f.params() == {"sumber_iuran": "APBD", "pekerja_rentan": False, "kantor_cabang": "Jakarta Rawamangun"}
    assert not f.di_rw and not f.target_berlaku
    assert Filter(segmen="BPU", program="JHT").di_rw and Filter(segmen="BPU").target_berlaku
    with pytest.raises(
        definisi.PertanyaanTidakSah,
        match="Pekerja rentan 'mungkin' tidak dikenal \\(rentan=mungkin\\); pilih ya, tidak",
    ):
        Filter.dari_teks({"rentan": "mungkin"})
    with pytest.raises(definisi.PertanyaanTidakSah, match="pekerja_rentan harus ya atau tidak"):
        Filter(pekerja_rentan="ya")
