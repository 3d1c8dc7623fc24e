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
  timetable, action by whom, and optionally a status); they are found from these names, not
  positions, and one column of another name is kept in the provenance only. It repeats at page
  breaks. A header whose first column is a number ("Rec.", "No.") belongs to the table family,
  unless it has the form's Links column: then the numbers are in that first column.
- A numbered recommendation cell ("N. The MPS should ... (para. x.y)", "Rec 3. ...", "15(a). ...")
  starts an item; a "(Rec. N continued)" row or a row with an empty recommendation cell continues
  one, and an unnumbered recommendation cell runs on the current item's text.
- The owner is the "Action by Whom" cell of the item's first row (with the lines it wraps onto
  on the same page); continuation rows repeat it, in whole or in part, and are not read for it.
- The status column gives the status phrase; else the timetable cell when it states a status
  ("The MPS considers action to be complete.", "Complete"), which is then not a timescale; else
  the closing status sentence of the progress.
- Headings (markdown, bold, or short plain lines before the first table) give the paper's title;
  each new heading that does not name the form itself starts a source report, titled by what
  follows "REPORT:" (or "Inspection:", "Review:") when it has such a prefix. A heading repeated at
  a page top changes nothing. The paper's date is the first full date on a date line before the
  first table ("Progress as at 14 October 2002").

Boilerplate claimed without a record: the header rows, the headings, date lines, attachment
labels, the footnotes describing the columns (lines opening with a superscript number, or "N
Column N"), the preface that explains the form (prose before the first table that mentions the
proforma, its columns or footnotes), bare page numbers, and the page-turn markers "(continued on
page N)", "(continued from page N)", "(> page N)", "(continued overleaf)", which are removed from
the texts but kept in the provenance.

Length: over the ~400-line aim. This specialised reader is one state machine over its layout's
rows; issue 13 kept it beside the general segmenter (graph/reading/segment/) for what only it
reads, and its split is left to the work that folds more of it into the segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recgraph.graph.model import Paper, ProgressUpdate, ReadResult, Recommendation
from recgraph.graph.reading.readers.cells import (
    NUMBER_HEADER,
    ReportBlock,
    check_width,
    closing_status_phrase,
    collect,
    find_para_ref,
    heading_text,
    is_column_name,
    is_date_line,
    is_heading,
    is_label,
    is_page_number,
    paragraphs,
    parse_continued,
    parse_number,
    read_timetable,
    split_cells,
    split_numbered,
    strip_label,
)
from recgraph.graph.reading.readers.text import Coverage, Document, clean
from recgraph.graph.reading.readers.dates import parse_date

NAME = "proforma"

# Roles of the header cells, tried in order ("MPS response and progress in achieving outcomes"
# is the progress, not the MPA's outcomes column).
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("progress", r"response|progress|update|current\s+position|action\s+taken"),
        ("owner", r"by whom|owner|\blead\b|responsib|action\s+by|accountable"),
        ("timetable", r"timetable|timescale|target|deadline|due\s+date|completion\s+date|by\s+when"),
        ("status", r"^status\b|\bstatus$"),
        ("links", r"^links?\b"),
        ("monitoring", r"monitoring|indicators|outcomes|measures"),
        ("recommendation", r"recommend|finding"),
    )
)
_OPTIONAL_ROLES = {"links", "monitoring", "timetable", "owner", "status"}

# footnote markers hold no markup; [^<]* keeps the match linear on a line of unclosed <sup> tags
_SUPERSCRIPT = re.compile(r"<sup>[^<]*</sup>", re.IGNORECASE)
_PAGE_TURN = re.compile(
    r"\(\s*(?:cont(?:inued|['\u2019]d|d|\.)?\s+(?:from|on)\s+(?:page|p\.?)\s*\d+|>\s*page\s+\d+)\s*\)?"
    r"|\(\s*(?:(?:continued|cont['\u2019]?d)\s+overleaf|see\s+next\s+page)\s*\)",
    re.IGNORECASE,
)
# A footnote opens with its superscript number, sometimes mangled to "<sup>&</sup>lt;sup>2</sup>",
# or printed as a plain number before "Column N" once the superscript is lost.
_FOOTNOTE = re.compile(
    r"\s*(?:<sup>\s*(?:\d+|&)\s*</sup>|[\u00b9\u00b2\u00b3\u2074-\u2079]|\d{1,2}\s+(?:\*\*)?column\s+\d)", re.IGNORECASE
)
_PREFACE = re.compile(r"\b(?:proforma|footnotes?|columns?)\b", re.IGNORECASE)
# "HMIC REPORT: X", "HMIC Thematic Inspection: X": the source report is X.
_REPORT_TITLE = re.compile(r"^[^:]*\b(?:report|inspection|review|thematic)\s*:\s*(\S.*)", re.IGNORECASE)
# A heading naming the form itself, not a source report.
_FORM_TITLE = re.compile(r"\bproforma\b|\bmonitoring\s+and\s+review\b", re.IGNORECASE)
_MAX_TITLE_WORDS = 20


@dataclass
class _Row:
    line: int
    cells: dict[str, str]
    kind: str  # "first", "continued" (a "(Rec. N continued)" row), "empty" (no recommendation cell)
    page: int  # how many header rows came before it: a new page starts at each


@dataclass
class _Item:
    number: str
    parent: str | None
    report: ReportBlock
    rows: list[_Row] = field(default_factory=list)
    extra_text: list[str] = field(default_factory=list)

    def cells(self, role: str) -> list[tuple[int, str]]:
        return [(row.line, row.cells[role]) for row in self.rows if clean(row.cells.get(role))]


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """The role of each column of a proforma header row, or None when the row is not one.

    Every non-empty cell is a short name; the recommendation, the progress and at least two of
    links / MPA monitoring / timetable / action by whom / status are required. One cell of another
    name is kept as an "other" column. A first cell naming a number column ("No.") belongs to the
    table family, unless the form's Links column says it is the proforma with its items numbered.

    >>> header_columns(["HMIC Recommendation", "Links", "MPA monitoring", "MPS response and progress",
    ...                 "Timetable for Action", "Action by Whom (MPA/MPS)"])["owner"]
    5
    >>> header_columns(["Rec.", "Recommendation", "MPS response", "MPA Action"]) is None
    True
    """
    names = [clean(_SUPERSCRIPT.sub("", cell.replace("**", ""))) for cell in cells]
    filled = [name for name in names if name]
    if not filled or not all(map(is_column_name, filled)):
        return None
    numbered = bool(NUMBER_HEADER.fullmatch(names[0]))
    columns: dict[str, int] = {"number": 0} if numbered else {}
    for index, name in enumerate(names):
        if not name or (numbered and index == 0):
            continue
        role = next((role for role, pattern in _ROLES if pattern.search(name)), None)
        if role is None or role in columns:
            role = f"other{index}"
        columns[role] = index
    others = sum(role.startswith("other") for role in columns)
    if others > 1 or not {"recommendation", "progress"} <= columns.keys() or len(_OPTIONAL_ROLES & columns.keys()) < 2:
        return None
    return None if numbered and "links" not in columns else columns


def strip_page_turns(text: str) -> str:
    """Text without the page-turn markers.

    >>> strip_page_turns("(continued from page 6) Finally, as an umbrella (> page 2)")
    'Finally, as an umbrella'
    """
    return " ".join(_PAGE_TURN.sub(" ", text).split())


def source_title(heading: str) -> tuple[str, bool] | None:
    """The source report a heading names and whether it had a "REPORT:" prefix; None for the form's title.

    >>> source_title("HMIC REPORT: WINNING CONSENT Part I"), source_title("HMIC Thematic: Open All Hours")
    (('WINNING CONSENT Part I', True), ('Open All Hours', True))
    >>> source_title("MPA/MPS HMIC INSPECTION RECOMMENDATIONS MONITORING AND REVIEW PROFORMA") is None
    True
    """
    if _FORM_TITLE.search(heading):
        return None
    match = _REPORT_TITLE.search(heading)
    return (match[1].strip(), True) if match else (strip_label(heading), False)


def _is_plain_heading(text: str, before_tables: bool) -> bool:
    """A line without markup read as a heading: a short title before the tables, or a "REPORT:" line."""
    if not text or len(text.split()) > _MAX_TITLE_WORDS or text.endswith((".", ";", ",")):
        return False
    return before_tables or bool(_REPORT_TITLE.search(text) or _FORM_TITLE.search(text)) or text.isupper()


def _row_start(cell: str, number_cell: str = "") -> tuple[str, str | None, str] | None:
    """How a row opens: ("numbered", number, text), ("continued", number or None, text after the
    marker) or ("text", None, text); None for an empty cell. The number and marker are read from
    the number cell when the form has one, else from the opening of the recommendation cell."""
    text = strip_page_turns(clean(cell))
    number = clean(number_cell)
    if number:
        marker = parse_continued(number)
        if marker is not None:
            return "continued", marker[0], text
        return ("numbered", number, text) if parse_number(number) else ("text", None, f"{number} {text}")
    if not text:
        return None
    marker = parse_continued(text)
    if marker is not None:
        return "continued", marker[0], marker[1]
    numbered = split_numbered(text)
    if numbered:
        return "numbered", *numbered
    return "text", None, text


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
        number_cell = cells[columns["number"]] if "number" in columns else ""
        start = _row_start(cells[columns["recommendation"]], number_cell)
        numbered += bool(start and start[0] == "numbered")
        continued += bool(start and start[0] == "continued" and start[1])
    if columns is None:
        return 0.0
    return round(0.6 + (0.3 if numbered else 0.0) + (0.1 if continued else 0.0), 2)


class _ProformaReader:
    """One pass over the lines, keeping the current header, source report and item."""

    def __init__(self, document: Document):
        self.doc = document
        self.coverage = Coverage(document)
        self.warnings: list[str] = []  # the document's own warnings are added once, by read_paper
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.page = 0
        self.after_header = False  # the last table row was a header: a page has just turned
        self.headings: list[tuple[int, str]] = []  # before the first table: the paper's title
        self.seen: set[str] = set()
        self.reports: list[ReportBlock] = []
        self.report: ReportBlock | None = None
        self.item: _Item | None = None
        self.date: str | None = None

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
        text = heading_text(raw)
        if _FOOTNOTE.match(raw) or is_page_number(raw) or is_label(raw):
            self.coverage.claim(number)
        elif is_date_line(text):
            self.coverage.claim(number)
            if self.date is None and self.columns is None:
                self.date = parse_date(text)
        elif is_heading(raw) or _is_plain_heading(text, self.columns is None):
            self.read_heading(number, text)
        elif self.columns is None and _PREFACE.search(raw):
            self.coverage.claim(number)
        # any other prose is left for the leftovers

    def read_heading(self, number: int, text: str) -> None:
        """Headings before the first table title the paper; a new one naming a report starts a source report."""
        self.coverage.claim(number)
        if not text:
            return
        if self.columns is None:
            self.headings.append((number, text))
        if text in self.seen:
            return  # repeated at the top of a page
        self.seen.add(text)
        if self.date is None and self.columns is None and _FORM_TITLE.search(text):
            self.date = parse_date(text)  # "Monitoring and review proforma – 12 July 2004"
        named = source_title(text)
        if named is None:
            return
        title, prefixed = named
        if self.report is not None and self.report.prefixed and not prefixed and not self.report.items:
            return  # a sub-heading under "REPORT: X" before its table
        known = next((report for report in self.reports if report.title == title), None)
        self.report = known or ReportBlock(title, number, number, prefixed)
        if known is None:
            self.reports.append(self.report)
        self.item = None

    def read_row(self, number: int, cells: list[str]) -> None:
        columns = header_columns(cells)
        if columns is not None:
            self.columns, self.width = columns, max(columns.values()) + 1  # a stray trailing tab does not widen it
            self.page += 1
            self.after_header = True
            self.coverage.claim(number)
            return
        if not any(clean(cell) for cell in cells[1:]) and (
            self.columns is None or _is_plain_heading(heading_text(cells[0]), before_tables=False)
        ):
            self.read_text_line(number, cells[0])  # a heading or the preface printed as a one-cell row
            return
        after_header, self.after_header = self.after_header, False
        if self.columns is None:
            self.warn(number, "table row before any header row naming the columns; left unread")
            return
        named = self.name_cells(number, cells)
        start = _row_start(named["recommendation"], named.get("number", ""))
        if start is None:
            if self.item is None:
                self.warn(number, "row with an empty recommendation cell but no item before it to continue; left unread")
            else:
                self.add_row(number, named, "empty")
        elif start[0] == "numbered":
            self.start_item(number, start[1], start[2], named)
        elif start[0] == "continued":
            self.continue_item(number, start[1], start[2], named)
        else:
            self.add_text(number, start[2], named, quietly=after_header or start[2][0].islower())

    def name_cells(self, number: int, cells: list[str]) -> dict[str, str]:
        """The row's cells by role; a short row's missing cells read as empty, a long one is refused.

        Raises
        ------
        ReadError : the row has filled cells beyond the header's width.
        """
        check_width(self.doc, number, cells, self.width)
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
        if self.report is None:
            title = self.headings[-1][1] if self.headings else "Untitled proforma"
            self.warn(number, f"no heading names the source report; using {title!r}")
            self.report = ReportBlock(title, self.headings[-1][0] if self.headings else number, number)
            self.reports.append(self.report)
        clash = next((item for item in self.report.items if item.number == label), None)
        if clash is not None:
            self.item = None
            self.warn(
                number,
                f"recommendation {label} appears twice in source report {self.report.title!r} "
                f"(first on line {clash.rows[0].line}); this row is left unread",
            )
            return
        self.item = _Item(label, parent, self.report)
        self.report.items.append(self.item)
        self.add_row(number, {**named, "recommendation": text}, "first")

    def continue_item(self, number: int, label: str | None, text: str, named: dict[str, str]) -> None:
        """A "(Rec. N continued)" row; text after the marker runs on the recommendation's text."""
        target = self.item
        if label is not None and (target is None or target.number != label):
            items = self.report.items if self.report else []
            target = next((item for item in items if item.number == label), None)
        if target is None:
            self.item = None
            self.warn(number, f"'(Rec. {label} continued)' but recommendation {label} was not read before; left unread")
            return
        self.item = target
        if text:
            target.extra_text.append(text)
        self.add_row(number, {**named, "recommendation": ""}, "continued")

    def add_text(self, number: int, text: str, named: dict[str, str], quietly: bool) -> None:
        """An unnumbered recommendation cell: the current recommendation's text running on.

        It is expected after a page break or when it opens mid-sentence; otherwise it may be an
        item whose number was not recognised, so a warning says where.
        """
        if self.item is None:
            self.warn(number, f"recommendation cell {text[:40]!r} has no number and no item before it; left unread")
            return
        if not quietly:
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


def _status_and_timescale(item: _Item, progress_cells: list[str]) -> tuple[str | None, str | None]:
    """The status phrase (status column, else a status in the timetable, else the progress) and the timescale."""
    status, timescale = read_timetable([cell for _, cell in item.cells("timetable")])
    column = " ".join(dict.fromkeys(clean(cell) for _, cell in item.cells("status")))
    status = column or status or closing_status_phrase([strip_page_turns(p) for p in paragraphs(progress_cells)])
    return status, timescale


def _records(doc: Document, item: _Item) -> tuple[Recommendation, ProgressUpdate]:
    key = item.report.key
    text = " ".join([clean(item.rows[0].cells["recommendation"]), *item.extra_text]).strip()
    progress_cells = item.cells("progress")
    pieces = [strip_page_turns(clean(cell)) for _, cell in progress_cells]
    status, timescale = _status_and_timescale(item, [cell for _, cell in progress_cells])
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
        progress=" ".join(piece for piece in pieces if piece) or None,
        status_phrase=status,
        owner=find_owner(item.rows),
        mpa_action=" ".join(clean(cell) for _, cell in item.cells("monitoring")) or None,
        timescale=timescale,
    )
    return recommendation, update


def read(document: Document) -> ReadResult:
    """Read a monitoring proforma into records.

    Parameters
    ----------
    document : the paper's numbered lines.

    Returns
    -------
    ReadResult : the paper (titled by its headings, dated by its date line), one source report per
        heading naming a report, a Recommendation and a ProgressUpdate per numbered recommendation
        (continuation rows merged), the leftovers and warnings ("file:line: message") for rows
        that could not be placed.

    Raises
    ------
    ReadError : a row has more filled cells than its header, so its columns cannot be trusted.
    """
    reader = _ProformaReader(document)
    reader.run()
    sources, recommendations, updates = collect(document, reader.reports, lambda item: _records(document, item))
    headings = reader.headings
    paper = Paper(
        file=document.name,
        layout=NAME,
        title=" \u2013 ".join(text for _, text in headings) or None,
        date=reader.date,
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
