"""The fourth survey of status phrases: measured once, held out, then used (not a test).

A helper who read neither the lexicon, the grammar nor the earlier surveys took 122 status phrases from 76
real pages none of the earlier surveys, fixtures or seeds used (two thirds from the MPA archive, one third
from other UK oversight bodies), judged each before anything was run, and marked each a ``label`` (a status
cell or field) or a ``sentence``. The phrases stay outside the repository (third-party text); the record
keeps counts only.

Run: .venv/bin/python bench/status_survey4.py PHRASES.tsv [--survey 4|5|6] [--record STAGE]
``--record`` keeps the current figures under STAGE in docs/survey/status-heldout-N.json (N the survey, 4 unless
given); the record's stages, in order, are what docs/enrichment.md shows (:func:`doc_section`,
:func:`later_sections`). The fifth survey, taken the same way (111 phrases of 91 pages), was measured once held
out by the lead and is development data since (docs/enrichment.md, "Statuses: the fifth survey"); the sixth (48
phrases of 37 pages, explicit status wordings only) measured the classes drawn from the fifth, held out.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from status_phrases_heldout import decide  # noqa: E402  (this folder: the pipeline's reading of a phrase)

RECORD = Path(__file__).resolve().parent.parent / "docs/survey/status-heldout-4.json"
#: The record of each survey this bench measures.
RECORDS = {4: RECORD, 5: RECORD.with_name("status-heldout-5.json"), 6: RECORD.with_name("status-heldout-6.json")}
#: Addresses of the family (the MPA archive, its later site, and a copy of one of its papers).
FAMILY = ("policeauthority.org", "mpa.gov.uk", "docstoc")


def read_rows(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 4:
            raise SystemExit(f"Error: {path}:{number}: expected address, phrase, status and kind, tab-separated")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip()))
    return rows


def measure(rows) -> dict:
    from recgraph.graph.enrich.vocabulary import load_vocabulary

    statuses = load_vocabulary("statuses")
    parts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: Counter = Counter()
    for address, phrase, judged, kind in rows:
        got, _ = decide(phrase, statuses)
        family = "MPA archive" if any(site in address for site in FAMILY) else "other bodies"
        for part in ("all", f"kind: {kind}", family, f"judged {judged}"):
            parts[part][0] += got == judged
            parts[part][1] += 1
        if got != judged:
            misses[f"{judged} -> {got}"] += 1
    return {"parts": {name: {"right": r, "phrases": n} for name, (r, n) in sorted(parts.items())},
            "misses": dict(misses.most_common()), "pages": len({row[0] for row in rows})}


def doc_section() -> list[str]:
    """The fourth survey's part of docs/enrichment.md, from the record (counts only)."""
    if not RECORD.is_file():
        return []
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    stages = record["stages"]
    first = stages[0]["figures"]
    names = ["all", "kind: label", "kind: sentence", "MPA archive", "other bodies"]
    names += sorted((n for n in first["parts"] if n.startswith("judged")), key=lambda n: -first["parts"][n]["phrases"])
    header = "| part | " + " | ".join(stage["name"] for stage in stages) + " |"
    lines = [header, "| --- |" + " ---: |" * len(stages)]
    for name in names:
        cells = []
        for stage in stages:
            part = stage["figures"]["parts"].get(name, {"right": 0, "phrases": 0})
            share = f" ({part['right'] / part['phrases']:.0%})" if part["phrases"] else ""
            cells.append(f"{part['right']}/{part['phrases']}{share}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    intro = textwrap.fill(record["intro"].format(phrases=first["parts"]["all"]["phrases"], pages=first["pages"]), 110)
    after = textwrap.fill(record["findings"], 110)
    return ["#### A fourth survey, held out", "", intro, "", *lines, "", after, "", *_session_section(record)]


def _session_section(record: dict) -> list[str]:
    """A later session's classes, as the record keeps them (prose and a table of counts)."""
    session = record.get("seventh_session")
    if not session:
        return []
    lines = [f"#### {session['title']}", ""]
    for paragraph in session["paragraphs"]:
        lines += [textwrap.fill(paragraph, 110, break_on_hyphens=False), ""]
    return lines[:-1] + ["", "Figures (counts of right phrases; surveys 1-3 by bench/status_phrases_heldout.py):", "",
                         *session["table"], ""]


def _stage_table(stages: list[dict]) -> list[str]:
    first = stages[0]["figures"]
    names = ["all", "kind: label", "kind: sentence", "MPA archive", "other bodies"]
    names += sorted((n for n in first["parts"] if n.startswith("judged")), key=lambda n: -first["parts"][n]["phrases"])
    lines = ["| part | " + " | ".join(stage["name"] for stage in stages) + " |", "| --- |" + " ---: |" * len(stages)]
    for name in names:
        cells = []
        for stage in stages:
            part = stage["figures"]["parts"].get(name, {"right": 0, "phrases": 0})
            share = f" ({part['right'] / part['phrases']:.0%})" if part["phrases"] else ""
            cells.append(f"{part['right']}/{part['phrases']}{share}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def later_section(survey: int) -> list[str]:
    """A later survey's part of docs/enrichment.md, from its record (counts only): its title and prose, the
    survey's stages (under the record's ``caption``), and the record's ``table`` of all surveys when it has one."""
    path = RECORDS[survey]
    if not path.is_file():
        return []
    record = json.loads(path.read_text(encoding="utf-8"))
    lines = [f"#### {record['title']}", ""]
    for paragraph in record["paragraphs"]:
        lines += [textwrap.fill(paragraph, 110, break_on_hyphens=False), ""]
    lines += [record["caption"], "", *_stage_table(record["stages"]), ""]
    if record.get("table"):
        lines += [record["table_caption"], "", *record["table"], ""]
    return lines


def later_sections() -> list[str]:
    """The fifth and later surveys' parts of docs/enrichment.md, in order."""
    return [line for survey in sorted(RECORDS) if survey > 4 for line in later_section(survey)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phrases", type=Path)
    parser.add_argument("--record", metavar="STAGE", help="keep the figures under this stage name")
    parser.add_argument("--survey", type=int, choices=sorted(RECORDS), default=4, help="which survey's record (4 unless given)")
    args = parser.parse_args(argv)
    figures = measure(read_rows(args.phrases))
    for name, part in figures["parts"].items():
        print(f"{name:28} {part['right']:3}/{part['phrases']}")
    print("misses:", figures["misses"])
    if args.record:
        path = RECORDS[args.survey]
        record = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"stages": []}
        record["stages"] = [s for s in record["stages"] if s["name"] != args.record] + [{"name": args.record, "figures": figures}]
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"recorded in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
