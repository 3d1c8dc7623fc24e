"""Monitoring proformas: a six-column table per source report, rows continued across pages.

The family looks like this (cells are tab-separated)::

    #### MPA/MPS HMIC INSPECTION RECOMMENDATIONS MONITORING AND REVIEW PROFORMA
    #### HMIC REPORT: WINNING CONSENT Part I
    This proforma will be used by the MPA ... set out in the footnote below ...
    HMIC Recommendation <sup>1</sup>  Links <sup>2</sup>  MPA monitoring ... <sup>3</sup>  MPS response and progress ... <sup>4</sup>  Timetable for Action <sup>5</sup>  Action by Whom (MPA/MPS) <sup>6</sup>
    1. The MPS should ... <i>(para. 2.12)</i>         Further to ... (> page 2)         Policy Review & Standards
    <sup>1</sup> Column 1 outlines the HMIC recommendation ...
    (Rec. 1 continued)                                  (continued from page 1)
                                                        A number of the recommendations ...

- The header names the columns (recommendation, links, MPA monitoring, MPS response and progress,
  timetable, action by whom); they are found from these names, not positions. It repeats at
  page breaks.
- A numbered recommendation cell ("N. The MPS should ... (para. x.y)") starts an item; a
  "(Rec. N continued)" row or a row with an empty recommendation cell continues one.
- The owner is the "Action by Whom" cell of the item's first row (with the lines it wraps onto
  on the same page); continuation rows repeat it, in whole or in part, and are not read for it.
- The timetable cell gives the status phrase when it states a status, else the timescale.
- Headings give the paper's title; "... REPORT: <title>" names the source report.

Boilerplate claimed without a record: the header rows, the headings, the footnotes describing the
columns (lines opening with a superscript number), the preface that explains the form (prose
before the first table that mentions the proforma, its columns or footnotes), bare page numbers,
and the page-turn markers "(continued on page N)", "(continued from page N)", "(> page N)", which
are removed from the progress text but kept in the provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recgraph.errors import ReadError
from recgraph.graph.model import Paper, ProgressUpdate, ReadResult, Recommendation, SourceReport
from recgraph.graph.readers.cells import (
    closing_status_phrase,
    find_para_ref,
    heading_text,
    is_heading,
    is_page_number,
    paragraphs,
    parse_number,
    split_cells,
)
from recgraph.graph.readers.phrases import find_status_phrase
from recgraph.graph.readers.text import Coverage, Document, clean, slugify

NAME = "proforma"

# Roles of the header cells, tried in order ("MPS response and progress in achieving outcomes"
# is the progress, not the MPA's outcomes column).
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("progress", r"response|progress"),
        ("owner", r"by whom|owner|\blead\b|responsib"),
        ("timetable", r"timetable|timescale|target date|deadline"),
        ("links", r"^links?\b"),
        ("monitoring", r"monitoring|indicators|outcomes|measures"),
        ("recommendation", r"recommend"),
    )
)
_OPTIONAL_ROLES = {"links", "monitoring", "timetable", "owner"}

_SUPERSCRIPT = re.compile(r"<sup>.*?</sup>", re.IGNORECASE)
_NUMBERED = re.compile(r"(\d+[A-Za-z]?(?:\s*\([a-z]{1,3}\))?)[.)]\s+(\S.*)", re.DOTALL)
_CONTINUED = re.compile(r"\(\s*rec(?:ommendation)?\.?\s*(\S+?)\s+cont(?:inue)?d\.?\s*\)", re.IGNORECASE)
_PAGE_TURN = re.compile(r"\(\s*(?:continued\s+(?:from|on)\s+page\s+\d+|>\s*page\s+\d+)\s*\)?", re.IGNORECASE)
# A footnote opens with its superscript number, sometimes mangled to "<sup>&</sup>lt;sup>2</sup>".
_FOOTNOTE = re.compile(r"\s*<sup>\s*(?:\d+|&)\s*</sup>")
_PREFACE = re.compile(r"\b(?:proforma|footnotes?|columns?)\b", re.IGNORECASE)
_REPORT_TITLE = re.compile(r"\breport\s*:\s*(\S.*)", re.IGNORECASE)


@dataclass
class _Row:
    line: int
    cells: dict[str, str]
    kind: str  # "first", "continued" (a "(Rec. N continued)" row), "empty" (no recommendation cell)
    page: int  # how many header rows came before it: a new page starts at each


@dataclass
class _Report:
    title: str
    first_line: int
    last_line: int
    items: list[_Item] = field(default_factory=list)

    @property
    def key(self) -> str:
        return slugify(self.title)


@dataclass
class _Item:
    number: str
    parent: str | None
    report: _Report
    rows: list[_Row] = field(default_factory=list)
    extra_text: list[str] = field(default_factory=list)

    def cells(self, role: str) -> list[tuple[int, str]]:
        return [(row.line, row.cells[role]) for row in self.rows if clean(row.cells.get(role))]


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """The role of each column of a proforma header row, or None when the row is not one.

    Every non-empty cell must name a distinct role; the recommendation, the progress and at least
    two of links / MPA monitoring / timetable / action by whom are required.

    >>> header_columns(["HMIC Recommendation", "Links", "MPA monitoring", "MPS response and progress",
    ...                 "Timetable for Action", "Action by Whom (MPA/MPS)"])["owner"]
    5
    >>> header_columns(["Rec.", "Recommendation", "MPS response", "MPA Action"]) is None
    True
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = clean(_SUPERSCRIPT.sub("", cell))
        if not name:
            continue
        role = next((role for role, pattern in _ROLES if pattern.search(name)), None)
        if role is None or role in columns:
            return None
        columns[role] = index
    if not {"recommendation", "progress"} <= columns.keys() or len(_OPTIONAL_ROLES & columns.keys()) < 2:
        return None
    return columns


def strip_page_turns(text: str) -> str:
    """Progress text without the page-turn markers.

    >>> strip_page_turns("(continued from page 6) Finally, as an umbrella (> page 2)")
    'Finally, as an umbrella'
    """
    return " ".join(_PAGE_TURN.sub(" ", text).split())


def _source_title(heading: str) -> str:
    """The source report's title in a heading: what follows "REPORT:", else the whole heading."""
    match = _REPORT_TITLE.search(heading)
    return match[1].strip() if match else heading


def detect(document: Document) -> float:
    """How strongly the text looks like a monitoring proforma (0 to 1).

    A header row with the proforma's columns is required; numbered recommendation cells under it
    and "(Rec. N continued)" rows make it certain.
    """
    columns = None
    numbered = continued = 0
    for line in document.lines:
        cells = split_cells(line)
        if len(cells) < 3:
            continue
        columns = header_columns(cells) or columns
        if columns is None or len(cells) <= columns["recommendation"]:
            continue
        first = clean(cells[columns["recommendation"]])
        numbered += bool(_NUMBERED.fullmatch(first))
        continued += bool(_CONTINUED.fullmatch(first))
    if columns is None:
        return 0.0
    return round(0.6 + (0.3 if numbered else 0.0) + (0.1 if continued else 0.0), 2)


class _ProformaReader:
    """One pass over the lines, keeping the current header, source report and item."""

    def __init__(self, document: Document):
        self.doc = document
        self.coverage = Coverage(document)
        self.warnings: list[str] = list(document.warnings)
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.page = 0
        self.headings: list[tuple[int, str]] = []
        self.reports: list[_Report] = []
        self.item: _Item | None = None

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.doc.name}:{line}: {message}")

    def run(self) -> None:
        for number, raw in enumerate(self.doc.lines, start=1):
            if not raw.strip():
                continue
            cells = split_cells(raw)
            if len(cells) > 1:
                self.read_row(number, cells)
            else:
                self.read_text_line(number, raw)

    def read_text_line(self, number: int, raw: str) -> None:
        if _FOOTNOTE.match(raw) or is_page_number(raw):
            self.coverage.claim(number)
        elif is_heading(raw):
            self.read_heading(number, heading_text(raw))
        elif self.columns is None and _PREFACE.search(raw):
            self.coverage.claim(number)
        # any other prose is left for the leftovers

    def read_heading(self, number: int, text: str) -> None:
        """Headings before the first table title the paper; "REPORT: X" or a later heading starts a source report."""
        self.coverage.claim(number)
        if not text:
            return
        if self.columns is None:
            self.headings.append((number, text))
        if self.columns is not None or _REPORT_TITLE.search(text):
            self.reports.append(_Report(_source_title(text), number, number))
            self.item = None

    def read_row(self, number: int, cells: list[str]) -> None:
        columns = header_columns(cells)
        if columns is not None:
            self.columns, self.width = columns, len(cells)
            self.page += 1
            self.coverage.claim(number)
            return
        if self.columns is None:
            self.warn(number, "table row before any header row naming the columns; left unread")
            return
        named = self.name_cells(number, cells)
        first = clean(named["recommendation"])
        numbered = _NUMBERED.fullmatch(first)
        continued = _CONTINUED.fullmatch(first)
        if numbered:
            self.start_item(number, numbered[1], numbered[2], named)
        elif continued:
            self.continue_item(number, continued[1], named)
        elif first:
            self.add_text(number, first, named)
        elif self.item is not None:
            self.add_row(number, named, "empty")
        else:
            self.warn(number, "row with an empty recommendation cell but no item before it to continue; left unread")

    def name_cells(self, number: int, cells: list[str]) -> dict[str, str]:
        """The row's cells by role; a short row's missing cells read as empty, a long one is refused.

        Raises
        ------
        ReadError : the row has filled cells beyond the header's width.
        """
        if any(clean(cell) for cell in cells[self.width :]):
            raise ReadError(
                f"table row has {len(cells)} cells but its header has {self.width}: cannot tell "
                "which column the extra text belongs to (check the tabs in this row)",
                self.doc.name,
                number,
            )
        assert self.columns is not None
        named = {role: cells[index] if index < len(cells) else "" for role, index in self.columns.items()}
        if len(cells) < self.width and clean(named["recommendation"]):  # continuation rows may be short
            self.warn(number, f"row has {len(cells)} cells but its header has {self.width}; missing cells read as empty")
        return named

    def add_row(self, number: int, named: dict[str, str], kind: str) -> None:
        assert self.item is not None
        self.item.rows.append(_Row(number, named, kind, self.page))
        self.coverage.claim(number)
        if clean(named.get("links")):
            self.warn(number, f"Links cell of recommendation {self.item.number} is kept only in the provenance")

    def start_item(self, number: int, printed: str, text: str, named: dict[str, str]) -> None:
        label, parent = parse_number(printed) or (printed, None)
        if not self.reports:
            title = self.headings[-1][1] if self.headings else "Untitled proforma"
            self.warn(number, f"no 'REPORT:' heading names the source report; using {title!r}")
            self.reports.append(_Report(title, self.headings[-1][0] if self.headings else number, number))
        report = self.reports[-1]
        clash = next((item for item in report.items if item.number == label), None)
        if clash is not None:
            self.item = None
            self.warn(
                number,
                f"recommendation {label} appears twice in source report {report.title!r} "
                f"(first on line {clash.rows[0].line}); this row is left unread",
            )
            return
        self.item = _Item(label, parent, report)
        report.items.append(self.item)
        self.add_row(number, {**named, "recommendation": text}, "first")

    def continue_item(self, number: int, label: str, named: dict[str, str]) -> None:
        report = self.reports[-1] if self.reports else None
        target = next((item for item in report.items if item.number == label), None) if report else None
        if target is None:
            self.item = None
            self.warn(number, f"'(Rec. {label} continued)' but recommendation {label} was not read before; left unread")
            return
        self.item = target
        self.add_row(number, named, "continued")

    def add_text(self, number: int, text: str, named: dict[str, str]) -> None:
        """An unnumbered recommendation cell: the current recommendation's text running on."""
        if self.item is None:
            self.warn(number, f"recommendation cell {text[:40]!r} has no number and no item before it; left unread")
            return
        self.warn(number, f"unnumbered recommendation cell read as more text of recommendation {self.item.number}")
        self.item.extra_text.append(text)
        self.add_row(number, {**named, "recommendation": ""}, "empty")


def find_owner(rows: list[_Row]) -> str | None:
    """The "Action by Whom" of an item: its first filled owner cell and the lines it wraps onto.

    A wrapped cell continues in the rows right below it on the same page (rows with an empty
    recommendation cell); the repeats on "(Rec. N continued)" rows are not read.
    """
    for start, row in enumerate(rows):
        if not clean(row.cells.get("owner")):
            continue
        parts = [clean(row.cells["owner"])]
        for below in rows[start + 1 :]:
            if below.kind != "empty" or below.page != row.page or not clean(below.cells.get("owner")):
                break
            parts.append(clean(below.cells["owner"]))
        return " ".join(parts)
    return None


def _records(doc: Document, item: _Item) -> tuple[Recommendation, ProgressUpdate]:
    key = item.report.key
    text = " ".join([clean(item.rows[0].cells["recommendation"]), *item.extra_text]).strip()
    progress_cells = item.cells("progress")
    pieces = [strip_page_turns(clean(cell)) for _, cell in progress_cells]
    progress = " ".join(piece for piece in pieces if piece) or None
    statuses, timescales = [], []
    for _, cell in item.cells("timetable"):
        phrase = find_status_phrase(clean(cell))
        (statuses if phrase else timescales).append(phrase or clean(cell))
    status = statuses[0] if statuses else closing_status_phrase(
        [strip_page_turns(p) for p in paragraphs([cell for _, cell in progress_cells])]
    )
    lines = [line for line, _ in progress_cells] or [item.rows[0].line]
    first_line, last_line = item.rows[0].line, max(row.line for row in item.rows)
    recommendation = Recommendation(
        source_report=key,
        number=item.number,
        text=text,
        provenance=doc.provenance(first_line, last_line),
        parent=item.parent,
        para_ref=find_para_ref(text),
    )
    update = ProgressUpdate(
        source_report=key,
        recommendation=item.number,
        paper=doc.name,
        provenance=doc.provenance(min(lines), max(lines)),
        progress=progress,
        status_phrase=status,
        owner=find_owner(item.rows),
        mpa_action=" ".join(clean(cell) for _, cell in item.cells("monitoring")) or None,
        timescale=" ".join(dict.fromkeys(timescales)) or None,
    )
    return recommendation, update


def read(document: Document) -> ReadResult:
    """Read a monitoring proforma into records.

    Parameters
    ----------
    document : the paper's numbered lines.

    Returns
    -------
    ReadResult : the paper (titled by its headings), one source report per "REPORT:" heading,
        a Recommendation and a ProgressUpdate per numbered recommendation (continuation rows
        merged), the leftovers and warnings ("file:line: message") for rows that could not be placed.

    Raises
    ------
    ReadError : a row has more filled cells than its header, so its columns cannot be trusted.
    """
    reader = _ProformaReader(document)
    reader.run()
    sources, recommendations, updates = [], [], []
    for report in reader.reports:
        if not report.items:
            continue
        sources.append(SourceReport(report.key, report.title, provenance=document.provenance(report.first_line, report.last_line)))
        for item in report.items:
            recommendation, update = _records(document, item)
            recommendations.append(recommendation)
            updates.append(update)
    headings = reader.headings
    paper = Paper(
        file=document.name,
        layout=NAME,
        title=" \u2013 ".join(text for _, text in headings) or None,
        source_reports=tuple(sources),
        provenance=document.provenance(headings[0][0], headings[-1][0]) if headings else None,
    )
    return ReadResult(
        paper=paper,
        recommendations=recommendations,
        updates=updates,
        leftovers=reader.coverage.leftovers(),
        warnings=reader.warnings,
    )
