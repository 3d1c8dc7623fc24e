"""Table regions inside a paper: cell rows under a header, and tables flattened to spaces.

Two shapes seen in the survey (docs/formats.md, status-table: "table flattened (spaces, pipes,
or both copies stored)" in 5 of 41 papers):

- *cell rows*: tab- or pipe-separated rows under a header row naming the columns. The columns are
  found by their names (number: "No.", "Rec", "Ref"; the recommendation or its action; owner: "Lead", "Owner";
  timescale: "Deadline", "Target date"; progress: "Progress", "Update"; "Status"), never by
  position. A repeated header (a page break) is skipped; a row whose number cell is empty
  continues the row above.
- *flattened rows*: the cells run together with single spaces, one row a line, under a header
  line naming a "Recommendation" and a "Status" column; each row carries an R-number ("R2"). The
  words before it name the audit (the row's source report), the words after it are the
  recommendation, and its status is the tail of the row that opens with a status wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.model import ProgressUpdate, Recommendation, SourceReport
from recgraph.graph.reading.readers.text import Document, clean, slugify
from recgraph.graph.reading.segment.fields import _STATUS_OPENING, find_status
from recgraph.graph.reading.segment.markers import covered, number_of
from recgraph.graph.reading.segment.roles import Layout
from recgraph.graph.reading.segment.switches import is_on

_COLUMNS = (
    # the number column may be named for the body that numbered the rows ("MPS numbering", "HMICFRS
    # ref": a tracking body's own numbering of another's recommendations, as gov.uk annexes print it)
    ("number", re.compile(
        r"^(?:(?:[A-Z]{2,8}\s+)?(?:no\.?|number(?:ing)?|ref(?:erence)?\.?)|rec(?:ommendation)?\.?\s*(?:no\.?|ref\.?)?|#)$", re.I)),
    # the recommendation, or the action an action plan turns it into (survey part B: improvement
    # and action plans keep one action per recommendation); "action by" names the owner
    ("text", re.compile(r"\b(?:recommendations?|findings?|actions?(?!\s+(?:by|taken|owner)))\b", re.I)),
    ("owner", re.compile(r"\b(?:lead|owner|responsib\w*|action\s+by)\b", re.I)),
    ("timescale", re.compile(r"\b(?:deadline|target|timescale|date)\b", re.I)),
    ("status", re.compile(r"\bstatus\b", re.I)),  # "Status", "Current status", "RAG status"
    # a reviewer's judgement on each recommendation ("Observations", "Assessment"): the Morris
    # Inquiry's table of earlier recommendations (Recommendation / Evidence / Observations; the
    # trial's reading failures), audit follow-ups' "Assessment"; its status sentence is the status
    ("assessment", re.compile(r"\b(?:observations?|assessment|verdict)\b", re.I)),
    ("progress", re.compile(r"\b(?:progress|update|position|response|comments?|evidence)\b", re.I)),
)
_ROW_NUMBER = re.compile(r"^(?:R\.?\s?)?\d{1,3}[a-z]?(?:\s*(?:[-\u2013/]|and|to)\s*\d{1,3})?\.?$")
_FLAT_HEADER = re.compile(r"\bRecommendation\b.*\bStatus\b")
_FLAT_ROW = re.compile(r"^(?:(?P<row>\d{1,3})\s+)?(?P<group>.*?)\s*\b(?P<ref>R\d{1,3})\s+(?P<rest>\S.*)$")
_MONTH_YEAR = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+\d{4}\b")
#: The shortest recommendation a flattened row holds before its status (words).
MIN_TEXT_WORDS = 3


@dataclass
class TableRecord:
    first_line: int
    last_line: int
    recommendation: Recommendation
    update: ProgressUpdate | None
    report: SourceReport


def read_tables(doc: Document, layout: Layout, default: SourceReport) -> list[TableRecord]:
    """Records of the paper's cell tables and flattened tables (rules "table/cells", "table/flat")."""
    cells = _cell_tables(doc, layout, default) if is_on("table/cells") else []
    return cells + (_flat_tables(doc, layout) if is_on("table/flat") else [])


def _cells(raw: str) -> list[str]:
    separator = "\t" if raw.count("\t") >= 2 else "|"
    cells = [clean(c) for c in raw.split(separator)]
    if separator == "|" and cells and not cells[0] and not raw.startswith(" "):
        cells = cells[1:]
    return cells


def _header(cells: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        for name, pattern in _COLUMNS:
            if name not in columns and pattern.search(cell):
                columns[name] = index
                break
    return columns if "text" in columns and len(columns) >= 2 else None


def _cell_tables(doc: Document, layout: Layout, default: SourceReport) -> list[TableRecord]:
    rows: list[dict] = []
    columns: dict[str, int] | None = None
    for line in layout.lines:
        if line.role != "table":
            if line.role != "blank":
                columns = None if line.role in ("section", "heading", "numbered") else columns
            continue
        cells = _cells(doc.line(line.number))
        if (found := _header(cells)) is not None:
            columns = found
            continue
        if columns is None:
            continue
        first = cells[columns.get("number", 0)] if cells else ""
        if _ROW_NUMBER.match(first) and columns.get("number", 0) < len(cells):
            rows.append({"first": line.number, "last": line.number, "cells": {k: [_cell(cells, i)] for k, i in columns.items()}})
        elif rows and rows[-1]["last"] >= line.number - 2:
            rows[-1]["last"] = line.number
            for key, index in columns.items():
                if key not in ("number", "text") and _cell(cells, index):
                    rows[-1]["cells"][key].append(_cell(cells, index))
            if all(not _cell(cells, i) for i in columns.values()):
                extra = " ".join(c for c in cells if c)
                rows[-1]["cells"].setdefault("progress", []).append(extra)
    return [_table_record(doc, row, default) for row in rows]


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _table_record(doc: Document, row: dict, default: SourceReport) -> TableRecord:
    cells = row["cells"]
    get = lambda key: " ".join(c for c in cells.get(key, []) if c) or None  # noqa: E731
    printed = number_of(get("number") or "")
    rec = Recommendation(
        default.key, printed, get("text") or "", doc.provenance(row["first"], row["last"]), covers=covered(printed)
    )
    assessment = get("assessment")
    status = get("status") or find_status(assessment)
    progress = " ".join(p for p in (get("progress"), assessment) if p) or None
    update = ProgressUpdate(
        default.key, printed, doc.name, rec.provenance, progress=progress, status_phrase=status,
        owner=get("owner"), timescale=get("timescale"),
    )
    return TableRecord(row["first"], row["last"], rec, update, default)


def _flat_tables(doc: Document, layout: Layout) -> list[TableRecord]:
    found: list[TableRecord] = []
    in_table = False
    for line in layout.lines:
        if line.role in ("blank",):
            continue
        if line.role in ("section", "members", "boilerplate", "numbered", "region"):
            in_table = False
            continue
        if _FLAT_HEADER.search(line.text) and line.role in ("heading", "text") and "\t" not in doc.line(line.number):
            in_table = True
            continue
        if not in_table:
            continue
        match = _FLAT_ROW.match(line.text)
        if match and (record := _flat_record(doc, line.number, match)):
            found.append(record)
        elif found and found[-1].last_line >= line.number - 1 and _STATUS_OPENING.match(line.text):
            found[-1] = _with_status(doc, found[-1], line.number, line.text)
        else:
            in_table = False
    return found


def _split_status(rest: str) -> tuple[str, str | None]:
    words = rest.split(" ")
    for index in range(MIN_TEXT_WORDS, len(words)):
        if words[index][:1].isupper() and _STATUS_OPENING.match(" ".join(words[index:])):
            return " ".join(words[:index]), " ".join(words[index:])
    return rest, None


def _flat_record(doc: Document, number: int, match: re.Match[str]) -> TableRecord | None:
    text, status = _split_status(match["rest"])
    when = _MONTH_YEAR.findall(text)
    group = match["group"].strip()
    report = SourceReport(slugify(group), group) if group else SourceReport(slugify(doc.name), doc.name)
    rec = Recommendation(report.key, match["ref"], text, doc.provenance(number, number))
    update = ProgressUpdate(
        report.key, rec.number, doc.name, rec.provenance, status_phrase=status, timescale=when[-1] if when else None
    )
    return TableRecord(number, number, rec, update, report)


def _with_status(doc: Document, record: TableRecord, number: int, status: str) -> TableRecord:
    rec = record.recommendation
    provenance = doc.provenance(rec.provenance.first_line, number)
    rec = Recommendation(rec.source_report, rec.number, rec.text, provenance, covers=rec.covers)
    old = record.update
    update = ProgressUpdate(
        rec.source_report, rec.number, doc.name, provenance, status_phrase=status, timescale=old.timescale if old else None
    )
    return TableRecord(record.first_line, number, rec, update, record.report)
