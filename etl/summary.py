"""The load summary, per file, per sheet and in total (contract: read = loaded + rejected).

Shape: {kind, as_of?, read, loaded, rejected, rejected_by_reason {code: rows}, flagged_by_kind
{code: rows}, title_rows, total_rows, note_rows, skipped_sheets, persons?, active?, files [...], advice
[sentences], words {code: words}}; each file has the same counts plus what it is (format,
encoding, delimiter, columns) and `sheets` (the same counts per sheet of a workbook).
"""

from __future__ import annotations

from collections import Counter

from etl import alasan, staging, tabular


def _source_counts(source: staging.Source, checked: Counter, flags: Counter) -> dict:
    """read = loaded + rejected for one part, with the reasons of both the reader and the SQL."""
    rejected = Counter(reason for _line, reason, _words in source.part.rejected)
    rejected.update({k: v for k, v in checked.items() if k != "dimuat"})
    return {
        **source.part.describe(),
        "loaded": checked.get("dimuat", 0),
        "rejected": sum(rejected.values()),
        "rejected_by_reason": dict(sorted(rejected.items())),
        "flagged_by_kind": dict(sorted(flags.items())),
    }


def summarise(
    kind: str,
    infos: list[tabular.FileRead],
    sources: list[staging.Source],
    checked: dict[int, Counter],
    flags: dict[int, Counter],
    extra: dict,
) -> dict:
    """The load summary: per file (and per sheet of a workbook) and in total, read = loaded +
    rejected everywhere; title rows, totals rows and skipped sheets beside; advice in words."""
    files = []
    for file_index, info in enumerate(infos):
        parts = [
            _source_counts(s, checked.get(s.index, Counter()), flags.get(s.index, Counter()))
            for s in sources
            if s.file == file_index
        ]
        entry = {**info.describe()}
        for key in ("loaded", "rejected"):
            entry[key] = sum(p[key] for p in parts)
        for key in ("rejected_by_reason", "flagged_by_kind"):
            total = Counter()
            for p in parts:
                total.update(p[key])
            entry[key] = dict(sorted(total.items()))
        entry["sheets"] = parts if any(p["sheet"] is not None for p in parts) else []
        files.append(entry)
    reasons, kinds = Counter(), Counter()
    for f in files:
        reasons.update(f["rejected_by_reason"])
        kinds.update(f["flagged_by_kind"])
    result = {
        "kind": kind,
        **{k: v for k, v in extra.items() if k == "as_of"},
        "read": sum(f["read"] for f in files),
        "loaded": sum(f["loaded"] for f in files),
        "rejected": sum(f["rejected"] for f in files),
        "rejected_by_reason": dict(sorted(reasons.items())),
        "flagged_by_kind": dict(sorted(kinds.items())),
        "title_rows": sum(f["title_rows"] for f in files),
        "total_rows": sum(f["total_rows"] for f in files),
        "note_rows": sum(f["note_rows"] for f in files),
        "skipped_sheets": [{"path": f["path"], **k} for f in files for k in f["skipped_sheets"]],
        **{k: v for k, v in extra.items() if k != "as_of"},
        "files": files,
    }
    result["advice"] = _advice(result)
    shown = [*reasons, *kinds] + [k for k in ("title_rows", "total_rows", "note_rows", "skipped_sheets") if result[k]]
    result["words"] = alasan.words_for(kind, shown)
    return result


def _advice(result: dict) -> list[str]:
    """What to do, said once per load however many rows or files it concerns."""
    advice = []
    if result["rejected_by_reason"].get("nik_angka"):
        advice.append(alasan.SARAN_NIK_ANGKA.format(n=result["rejected_by_reason"]["nik_angka"]))
    if result["flagged_by_kind"].get("wilayah_angka") or result["rejected_by_reason"].get("wilayah_angka_ambigu"):
        advice.append(
            _advice_codes(
                result["flagged_by_kind"].get("wilayah_angka", 0),
                result["rejected_by_reason"].get("wilayah_angka_ambigu", 0),
            )
        )
    formulas = sorted({c for f in result["files"] for p in (f["sheets"] or [f]) for c in p.get("unsaved_formulas", {})})
    if formulas:
        advice.append(alasan.SARAN_RUMUS.format(kolom=", ".join(formulas)))
    return advice


def _advice_codes(read: int, rejected: int) -> str:
    """One sentence for region codes that went through a number: how many were read, how many
    rejected, and what to do (contract section 1, "Region codes stored as a number")."""
    parts = [alasan.RINCIAN_WILAYAH_ANGKA[k].format(n=n) for k, n in (("dibaca", read), ("ditolak", rejected)) if n]
    return alasan.SARAN_WILAYAH_ANGKA.format(n=read + rejected, rincian=": " + ", ".join(parts))
