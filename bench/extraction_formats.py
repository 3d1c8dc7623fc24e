"""Recall and precision of `recgraph read` on the format fixtures, per format of the survey.

Reads every tests/fixtures/formats/<format>/*.txt with its *.expected.json and writes the
"Formats" section of docs/extraction.md. Run: .venv/bin/python bench/extraction_formats.py

Matching (the same rules as tests/reading/test_formats.py, which loads this module):
- an expected numbered recommendation is found when a record has the same number (printed forms
  folded: "R.7", "Rec 7", "(7)" and "7" are one number) and the expected opening words (first 40
  characters, folded) appear in the record's text or on its first printed line;
- an unnumbered one is found when a record's text or first line holds its opening words;
- a status agrees when one of the extracted and expected status phrases holds the other (folded);
- a record matching no expected recommendation is an extra (precision); a record holding one of
  the paper's own recommendations to Members ("not_records") is counted apart as invented.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/formats"
DOC = ROOT / "docs/extraction.md"
SECTION = "## Formats"


def fold(text) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


def fold_number(number) -> str:
    """'R.7', 'Rec 7', '(7)', '7' -> '7'; 'R4/R5' -> '4/5'; '3–5' -> '3-5'."""
    text = fold(number)
    text = re.sub(r"\b(?:recommendations?|recs?\.?)\s*", "", text)
    text = re.sub(r"\br\.?\s?(?=\d)", "", text)
    return re.sub(r"[\s()]", "", text).strip(".")


def fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.txt"))


def expected_for(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@dataclass
class Score:
    """What one fixture (or a sum of them) scored."""

    numbered: int = 0
    numbered_found: int = 0
    unnumbered: int = 0
    unnumbered_found: int = 0
    statuses: int = 0
    statuses_agree: int = 0
    records: int = 0
    extras: int = 0
    invented: int = 0
    covers_wrong: int = 0
    missed: list[str] = field(default_factory=list)
    status_misses: list[str] = field(default_factory=list)
    extra_records: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("numbered", "numbered_found", "unnumbered", "unnumbered_found", "statuses", "statuses_agree",
                     "records", "extras", "invented", "covers_wrong"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _opening_in(rec, opening: str) -> bool:
    want = fold(opening)[:40]
    first_line = fold(rec.provenance.text.splitlines()[0] if rec.provenance.text else "")
    return bool(want) and (want in fold(rec.text) or want in first_line)


def score_result(result, expected: dict) -> Score:
    """Score one ReadResult against its fixture's expected records."""
    score = Score()
    recs = list(result.recommendations)
    updates = {(u.source_report, u.recommendation): u for u in result.updates}
    matched: set[int] = set()
    for item in expected["records"]:
        if item["kind"] != "recommendation":
            continue
        numbered = item.get("number") is not None
        if numbered:
            score.numbered += 1
        else:
            score.unnumbered += 1
        found = None
        for index, rec in enumerate(recs):
            if index in matched:
                continue
            if numbered and fold_number(rec.number) != fold_number(item["number"]):
                continue
            if _opening_in(rec, item.get("opening") or ""):
                found = index
                break
        label = f"{item.get('number')} {item.get('opening', '')[:40]!r}"
        if found is None:
            score.missed.append(label)
            continue
        matched.add(found)
        rec = recs[found]
        if numbered:
            score.numbered_found += 1
        else:
            score.unnumbered_found += 1
        covers = expected.get("covers", {}).get(item.get("number"))
        if covers and [fold_number(c) for c in rec.covers] != [fold_number(c) for c in covers]:
            score.covers_wrong += 1
        if item.get("status_phrase"):
            score.statuses += 1
            update = updates.get(rec.key)
            got, want = fold(update.status_phrase if update else ""), fold(item["status_phrase"]).rstrip(".")
            if got and (want in got or got.rstrip(".") in want):
                score.statuses_agree += 1
            else:
                score.status_misses.append(f"{label}: got {got!r}, want {want!r}")
    own = [fold(text)[:40] for text in expected.get("not_records", [])]
    for index, rec in enumerate(recs):
        score.records += 1
        if index in matched:
            continue
        score.extras += 1
        score.extra_records.append(f"{rec.number} {rec.text[:50]!r} (line {rec.provenance.first_line})")
        first = fold(rec.provenance.text.splitlines()[0] if rec.provenance.text else "")
        if any(o and (o in fold(rec.text) or o in first) for o in own):
            score.invented += 1
    return score


def read_fixture(path: Path):
    from recgraph.graph.reading.papers import ReadOptions, read_paper

    return read_paper(path, ReadOptions(use_overrides=False))


def scores_by_format(paths: list[Path] | None = None) -> dict[str, Score]:
    totals: dict[str, Score] = {}
    for path in paths or fixtures():
        score = score_result(read_fixture(path), expected_for(path))
        totals.setdefault(path.parent.name, Score()).add(score)
    return totals


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "–"


def table(totals: dict[str, Score]) -> list[str]:
    rows = [
        "| format | numbered recall | unnumbered recall | precision | statuses agreeing | invented from own recs |",
        "|---|---|---|---|---|---|",
    ]
    overall = Score()
    for name, score in sorted(totals.items()):
        overall.add(score)
        rows.append(_row(name, score))
    rows.append(_row("**all**", overall))
    return rows


def _row(name: str, s: Score) -> str:
    found = s.numbered_found + s.unnumbered_found
    return (
        f"| {name} | {pct(s.numbered_found, s.numbered)} | {pct(s.unnumbered_found, s.unnumbered)} | "
        f"{pct(found, s.records)} | {pct(s.statuses_agree, s.statuses)} | {s.invented} |"
    )


def main() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    totals = scores_by_format()
    lines = table(totals)
    print("\n".join(lines))
    for path in fixtures():
        score = score_result(read_fixture(path), expected_for(path))
        for what, items in (("missed", score.missed), ("status", score.status_misses), ("extra", score.extra_records)):
            for item in items:
                print(f"{path.parent.name}/{path.name}: {what}: {item}")


if __name__ == "__main__":
    main()
