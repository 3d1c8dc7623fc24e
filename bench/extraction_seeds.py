"""Per-field precision and recall of the readers on the five seed papers.

Compares `recgraph read` records with the facts copied from the reference annotation into
tests/fixtures/seeds_expected.json, and writes the seed section of docs/extraction.md. Run: .venv/bin/python bench/extraction_seeds.py

A field agrees when the reference's opening words (first 30 characters, HTML removed, whitespace,
quotes and dashes folded) appear in the extracted value; text agrees on its first 40 characters,
heading included. Precision: of the values extracted, the share that agree with a reference value;
recall: of the reference values, the share extracted and agreeing.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import recgraph
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.reading.records import rows_from_results

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "tests/fixtures/seeds_expected.json").read_text(encoding="utf-8"))
FIELDS = ("text", "para_ref", "progress", "status_phrase", "owner", "mpa_action", "timescale", "parent", "source_report", "refers_to")


def fold(text) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\ue007", "-")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip().lower()


def expected_value(item: dict, field: str):
    return {"text": item["text_starts"], "progress": item.get("progress_starts"), "source_report": item["source_report"]}.get(field, item.get(field))


def extracted_value(row, field: str):
    if field == "text":
        return f"{row.heading or ''} {row.text or ''}".strip()
    if field == "source_report":
        return row.source_report_key
    return getattr(row, field)


def agree(field: str, want, got, item: dict) -> bool:
    if field in ("parent", "source_report"):
        return want == got
    if field == "text":  # the reference's text may open with the heading the reader split off
        heading = fold(item.get("heading"))
        return fold(want)[:40] in fold(got) or (bool(heading) and fold(want).replace(heading, "").strip(" :-")[:40] in fold(got))
    return fold(want)[:30].replace(" ", "") in fold(got).replace(" ", "")


def measure():
    outcome = read_papers([recgraph.data_path() / "papers"])
    rows = {(Path(r.paper).name, r.number): r for r in rows_from_results(outcome.results)}
    table = {}
    for field in FIELDS:
        extracted = expected = agreeing = 0
        for paper in EXPECTED["papers"]:
            for item in paper["recommendations"]:
                row = rows.get((paper["file"], item["number"]))
                if field == "refers_to":
                    want, got = set(item["refers_to"]), set(row.refers_to if row else [])
                    expected, extracted, agreeing = expected + len(want), extracted + len(got), agreeing + len(want & got)
                    continue
                want, got = expected_value(item, field), extracted_value(row, field) if row else None
                expected += bool(want)
                extracted += bool(got)
                agreeing += bool(want) and bool(got) and agree(field, want, got, item)
        table[field] = (agreeing, extracted, expected)
    found = sum((p["file"], i["number"]) in rows for p in EXPECTED["papers"] for i in p["recommendations"])
    total = sum(len(p["recommendations"]) for p in EXPECTED["papers"])
    return found, total, len(rows), table


SECTION = "## Seed papers (development data)"


def replace_section(path: Path, heading: str, body: str) -> None:
    """Replace the section titled ``heading`` (up to the next "## ") in ``path``, or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Extraction\n"
    start = text.find(heading + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + body
    else:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + body + (text[end + 1 :] if end >= 0 else "")
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    found, total, records, table = measure()
    lines = [
        SECTION,
        "",
        "The seeds are development data: the readers were built on them, so these figures are not a",
        "measure on unseen papers. Written by `bench/extraction_seeds.py` from",
        "`tests/fixtures/seeds_expected.json` (facts copied from the reference annotation). Precision: of the",
        "values extracted, the share that agree with the reference; recall: of the reference values, the share",
        "extracted and agreeing.",
        "",
        f"Recommendations found: {found}/{total}; records not in the reference: {records - found}.",
        "",
        "| field | agree | extracted | in reference | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    for field, (ok, got, want) in table.items():
        precision = f"{ok / got:.2f}" if got else "–"
        recall = f"{ok / want:.2f}" if want else "–"
        lines.append(f"| {field} | {ok} | {got} | {want} | {precision} | {recall} |")
    text = "\n".join(lines) + "\n"
    (ROOT / "docs").mkdir(exist_ok=True)
    replace_section(ROOT / "docs/extraction.md", SECTION, text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
