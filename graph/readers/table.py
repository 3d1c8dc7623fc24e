"""Recommendation tables: one tab-separated row per item, under a header naming the columns.

The family looks like this (cells are tab-separated and may hold HTML ``<p>`` fragments)::

    **HMIC MPS Inspection 2000/2001
    Recommendation and Actions Summary**

    Rec.    Her Majesty's Inspector    Progress Update    MPA action
    5       <p>that the HR review ... (Para 4.21)</p>    <p>... Action complete</p>    To note.

    Action  Her Majesty's Inspector's comment:    Progress Update    MPA action
            <p>... continues the previous item's progress</p>

- The header row names the columns: a number column ("Rec.", "Action", "No."), the recommendation
  (or inspector's comment), the progress (or response) and the MPA action; optional owner and
  timescale columns are recognised by name. Columns are found from these names, not positions.
- Header rows repeat at page breaks. A row whose number cell is empty continues the previous item:
  each of its cells is appended to the same column of that item.
- Title lines between the tables (bold or markdown blocks, short plain lines, or a row with only
  its first cell filled) start a new source report; its title is the block's first line. The first
  title block also gives the paper's title.

Boilerplate claimed without a record: the header rows, title lines and bare page numbers.
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
from recgraph.graph.readers.text import Coverage, Document, clean, slugify

NAME = "table"

# The number column's header: "Rec.", "Action", "No.", "Recommendation No.", "Item", "Ref" ...
_NUMBER_HEADER = re.compile(
    r"(?:rec\.?|recommendation\s+(?:no\.?|number)|action(?:\s+no\.?)?|no\.?|number|ref\.?|item|#)",
    re.IGNORECASE,
)

# Roles of the other header cells, tried in order (an "MPA action" is not a recommendation).
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("mpa_action", r"\b(?:mpa|authority|committee)\b"),
        ("progress", r"progress|response|update|position"),
        ("owner", r"by whom|owner|\blead\b|responsib"),
        ("timescale", r"timescale|timetable|target date|deadline"),
        ("recommendation", r"recommend|inspector|comment|finding|\bhmi"),
    )
)

# "Heading: text": a short noun phrase before the colon; a clause ("The MPS should note: ...") is not one.
_HEADING = re.compile(r"(?P<heading>[A-Z][^:.;()?!]{1,80}?)\s*:\s+(?P<text>\S.*)", re.DOTALL)
_CLAUSE_WORD = re.compile(r"\b(?:should|must|will|would|shall|is|are|was|were|has|have|that|recommends?)\b", re.I)
_MAX_HEADING_WORDS = 8
_MAX_TITLE_WORDS = 15


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
    first_line: int
    last_line: int
    cells: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def add_row(self, line: int, cells: list[str], columns: dict[str, int]) -> None:
        """Append the row's filled cells (as printed) to the item's columns."""
        for role, index in columns.items():
            if role != "number" and clean(cells[index]):
                self.cells.setdefault(role, []).append((line, cells[index]))
        self.last_line = line

    def raw(self, role: str) -> list[str]:
        return [cell for _, cell in self.cells.get(role, [])]

    def joined(self, role: str) -> str | None:
        return " ".join(clean(cell) for cell in self.raw(role)) or None


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """The role of each column of a header row, or None when the row is not a table header.

    The first cell must name the number column and every other non-empty cell a distinct role,
    among which the recommendation and the progress.

    >>> header_columns(["Rec.", "Recommendation", "MPS response", "MPA Action"])
    {'number': 0, 'recommendation': 1, 'progress': 2, 'mpa_action': 3}
    >>> header_columns(["5", "that the HR review ...", "Over the last year ...", ""]) is None
    True
    """
    names = [clean(cell).rstrip(":").strip() for cell in cells]
    if len(names) < 3 or not _NUMBER_HEADER.fullmatch(names[0]):
        return None
    columns = {"number": 0}
    for index, name in enumerate(names[1:], start=1):
        if not name:
            continue
        role = next((role for role, pattern in _ROLES if pattern.search(name)), None)
        if role is None or role in columns:
            return None
        columns[role] = index
    return columns if {"recommendation", "progress"} <= columns.keys() else None


def split_heading(text: str) -> tuple[str | None, str]:
    """Split "Heading: text" into the heading and the text after the colon.

    >>> split_heading("Staff appraisals: Additionally, PRISM needs to rescue ...")
    ('Staff appraisals', 'Additionally, PRISM needs to rescue ...')
    >>> split_heading("that the HR review embraces ...")
    (None, 'that the HR review embraces ...')
    """
    match = _HEADING.match(text)
    if not match:
        return None, text
    heading = match["heading"].strip()
    if len(heading.split()) > _MAX_HEADING_WORDS or _CLAUSE_WORD.search(heading):
        return None, text
    return heading, match["text"]


def _is_title_row(cells: list[str]) -> bool:
    """A tab row with only its first cell filled, and that cell not a number: a table's title."""
    first = clean(cells[0])
    return bool(first) and not any(clean(cell) for cell in cells[1:]) and parse_number(first) is None


def _is_plain_title(line: str) -> bool:
    """A short line that does not read as a sentence (no full stop at the end)."""
    text = clean(line)
    return bool(text) and len(text.split()) <= _MAX_TITLE_WORDS and not text.endswith((".", ";", ","))


def detect(document: Document) -> float:
    """How strongly the text looks like a recommendation table (0 to 1).

    A header row naming a number column, the recommendation and the progress is required; rows
    numbered under it, and an MPA action column, make it certain.
    """
    headers = 0
    numbered = 0
    mpa_column = False
    for line in document.lines:
        cells = split_cells(line)
        if len(cells) < 3:
            continue
        columns = header_columns(cells)
        if columns is not None:
            headers += 1
            mpa_column = mpa_column or "mpa_action" in columns
        elif headers and parse_number(cells[0]) is not None:
            numbered += 1
    if not headers:
        return 0.0
    if not numbered:
        return 0.4
    return min(1.0, 0.6 + 0.1 * min(numbered, 3) + (0.1 if mpa_column else 0.0))


class _TableReader:
    """One pass over the lines, keeping the current header, source report and item."""

    def __init__(self, document: Document):
        self.doc = document
        self.coverage = Coverage(document)
        self.warnings: list[str] = list(document.warnings)
        self.reports: list[_Report] = []
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.report: _Report | None = None
        self.item: _Item | None = None
        self.block: list[tuple[int, str]] = []
        self.in_bold = False
        self.paper_title: str | None = None
        self.paper_lines: tuple[int, int] | None = None

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.doc.name}:{line}: {message}")

    def run(self) -> None:
        for number, raw in enumerate(self.doc.lines, start=1):
            self.read_line(number, raw)
        self.close_block()

    def read_line(self, number: int, raw: str) -> None:
        if not raw.strip():
            if not self.in_bold:
                self.close_block()
            return
        cells = split_cells(raw)
        if len(cells) > 1:
            self.in_bold = False  # an unclosed bold title must not swallow the table
            self.read_row(number, cells)
        elif is_page_number(raw) and not self.in_bold:
            self.coverage.claim(number)
        elif self.in_bold or is_heading(raw) or _is_plain_title(raw):
            self.add_title_line(number, raw)
        else:
            self.close_block()  # prose: left for the leftovers

    def add_title_line(self, number: int, raw: str) -> None:
        stripped = raw.strip()
        if self.in_bold:
            self.in_bold = not stripped.endswith("**")
        elif stripped.startswith("**"):
            self.in_bold = not stripped[2:].endswith("**")
        text = heading_text(raw)
        if text:
            self.block.append((number, text))
        self.coverage.claim(number)

    def close_block(self) -> None:
        """A finished block of title lines starts a new source report."""
        if not self.block:
            return
        first, last = self.block[0][0], self.block[-1][0]
        joined = " ".join(text for _, text in self.block)
        if self.paper_title is None:
            self.paper_title, self.paper_lines = joined, (first, last)
        self.report = _Report(self.block[0][1], first, last)
        self.reports.append(self.report)
        self.item = None
        self.block = []

    def read_row(self, number: int, cells: list[str]) -> None:
        columns = header_columns(cells)
        if columns is not None:
            self.close_block()
            self.columns, self.width = columns, len(cells)
            self.coverage.claim(number)
            return
        if _is_title_row(cells):
            self.add_title_line(number, cells[0])
            return
        self.close_block()
        if self.columns is None:
            self.warn(number, "table row before any header row naming the columns; left unread")
            return
        cells = self.fit_row(number, cells)
        number_cell = clean(cells[self.columns["number"]])
        if number_cell:
            self.start_item(number, number_cell, cells)
        elif self.item is not None:
            self.item.add_row(number, cells, self.columns)
            self.coverage.claim(number)
        else:
            self.warn(number, "row with an empty number cell but no item before it to continue; left unread")

    def fit_row(self, number: int, cells: list[str]) -> list[str]:
        """The row with as many cells as the header; missing trailing cells read as empty."""
        extra = [cell for cell in cells[self.width :] if clean(cell)]
        if extra:
            raise ReadError(
                f"table row has {len(cells)} cells but its header has {self.width}: cannot tell "
                "which column the extra text belongs to (check the tabs in this row)",
                self.doc.name,
                number,
            )
        if len(cells) < self.width and self.columns and clean(cells[self.columns["number"]]):
            self.warn(number, f"row has {len(cells)} cells but its header has {self.width}; missing cells read as empty")
        return cells[: self.width] + [""] * (self.width - len(cells))

    def start_item(self, number: int, number_cell: str, cells: list[str]) -> None:
        parsed = parse_number(number_cell)
        if parsed is None:
            self.item = None
            self.warn(number, f"first cell {number_cell!r} is not a recommendation number; row left unread")
            return
        if self.report is None:
            self.warn(number, "table has no title line; its items are filed under an untitled source report")
            self.report = _Report("Untitled table", number, number)
            self.reports.append(self.report)
        label, parent = parsed
        clash = next((item for item in self.report.items if item.number == label), None)
        if clash is not None:
            self.item = None
            self.warn(
                number,
                f"recommendation {label} appears twice in source report {self.report.title!r} "
                f"(first on line {clash.first_line}); this row is left unread",
            )
            return
        self.item = _Item(label, parent, self.report, number, number)
        self.item.add_row(number, cells, self.columns or {})
        self.report.items.append(self.item)
        self.coverage.claim(number)


def _records(doc: Document, item: _Item) -> tuple[Recommendation, ProgressUpdate]:
    key = item.report.key
    full_text = item.joined("recommendation") or ""
    heading, text = split_heading(full_text)
    progress = item.joined("progress")
    progress_lines = [line for line, _ in item.cells.get("progress", [])]
    first, last = (min(progress_lines), max(progress_lines)) if progress_lines else (item.first_line, item.last_line)
    recommendation = Recommendation(
        source_report=key,
        number=item.number,
        text=text,
        provenance=doc.provenance(item.first_line, item.last_line),
        parent=item.parent,
        heading=heading,
        para_ref=find_para_ref(full_text),
    )
    update = ProgressUpdate(
        source_report=key,
        recommendation=item.number,
        paper=doc.name,
        provenance=doc.provenance(first, last),
        progress=progress,
        status_phrase=closing_status_phrase(paragraphs(item.raw("progress"))),
        owner=item.joined("owner"),
        mpa_action=item.joined("mpa_action"),
        timescale=item.joined("timescale"),
    )
    return recommendation, update


def read(document: Document) -> ReadResult:
    """Read a recommendation table paper into records.

    Parameters
    ----------
    document : the paper's numbered lines.

    Returns
    -------
    ReadResult : the paper with one source report per titled table that has items, a
        Recommendation and a ProgressUpdate per numbered row (continuation rows merged), the
        leftovers and warnings ("file:line: message") for rows that could not be placed.

    Raises
    ------
    ReadError : a row has more filled cells than its header, so its columns cannot be trusted.
    """
    reader = _TableReader(document)
    reader.run()
    sources = []
    recommendations: list[Recommendation] = []
    updates: list[ProgressUpdate] = []
    for report in reader.reports:
        if not report.items:
            continue
        sources.append(
            SourceReport(
                key=report.key,
                title=report.title,
                provenance=document.provenance(report.first_line, report.last_line),
            )
        )
        for item in report.items:
            recommendation, update = _records(document, item)
            recommendations.append(recommendation)
            updates.append(update)
    paper = Paper(
        file=document.name,
        layout=NAME,
        title=reader.paper_title,
        source_reports=tuple(sources),
        provenance=document.provenance(*reader.paper_lines) if reader.paper_lines else None,
    )
    return ReadResult(
        paper=paper,
        recommendations=recommendations,
        updates=updates,
        leftovers=reader.coverage.leftovers(),
        warnings=reader.warnings,
    )
