"""Recommendation tables: one tab-separated row per item, under a header naming the columns.

The family looks like this (cells are tab-separated and may hold HTML ``<p>`` fragments)::

    **HMIC MPS Inspection 2000/2001
    Recommendation and Actions Summary**

    Rec.    Her Majesty's Inspector    Progress Update    MPA action
    5       <p>that the HR review ... (Para 4.21)</p>    <p>... Action complete</p>    To note.

    Action  Her Majesty's Inspector's comment:    Progress Update    MPA action
            <p>... continues the previous item's progress</p>

- The header row names the columns: a number column first ("Rec.", "Action", "No.", or no name),
  the recommendation (or inspector's comment, finding), the progress (or response, update, current
  position); optional MPA action, owner ("Lead", "Responsibility"), timescale ("Target date"),
  status and paragraph columns are recognised by name, and up to two columns of other names are
  kept in the provenance only. Columns are found from these names, not positions. A table with
  an "MPA action" column may have no number column: its recommendation cells open with the number
  ("6. ACPO should ...").
- Header rows repeat at page breaks. A row continues the previous item when its number cell is
  empty, is a marker such as "R11 (continued)", or repeats that item's number right after a
  header: each of its cells is appended to the same column of that item. A number cell "(b)"
  alone is part (b) of the item above.
- Title lines between the tables (bold or markdown blocks, short plain lines, or a row with only
  its first cell filled right above a header) start a new source report; its title is the block's
  first line, without an "Appendix 1 –" label. A block repeating the current title (or
  "(continued)") keeps the current report and item. The first title block gives the paper's title.
- The paper's date is the first full date on a date line ("Updated: 12/07/2004") or on a title
  line after a block's first one, before the first table. A status written in the timescale
  column ("Complete") is the status phrase, unless there is a status column.

Boilerplate claimed without a record: the header rows, the paper's title, title lines of tables
that have items, attachment labels ("Appendix B"), date lines and bare page numbers. A short line
that titles no table is left over.

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
    is_date_line,
    is_heading,
    is_column_name,
    is_label,
    is_page_number,
    paragraphs,
    parse_continued,
    parse_number,
    parse_part,
    read_timetable,
    split_cells,
    split_numbered,
    strip_label,
)
from recgraph.graph.reading.readers.text import Coverage, Document, clean
from recgraph.graph.reading.readers.dates import parse_date

NAME = "table"

# Roles of the other header cells, tried in order ("Action by Whom (MPA/MPS)" is the owner, an "MPA
# action" is not a recommendation, a "Progress status" is the progress).
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("owner", r"by whom|owner|\blead\b|responsib|action\s+by|accountable"),
        ("mpa_action", r"\b(?:mpa|authority|committee)\b"),
        ("progress", r"progress|response|update|position|action\s+taken|\bmps\s+comments?"),
        ("timescale", r"timescale|timetable|target|deadline|due\s+date|completion\s+date|by\s+when|^date$"),
        ("status", r"^status\b|\bstatus$|\brag\b"),
        ("para_ref", r"^para(?:graph)?s?\.?(?:\s*(?:ref(?:erence)?|no)\.?)?$"),
        ("recommendation", r"recommend|inspector|comment|finding|\bhmi|issue|observation|area for improvement"),
    )
)
#: Columns of other names ("Theme", "Links") are kept in the provenance; more than this is not a header.
_MAX_OTHER_COLUMNS = 2
# The MPA's column in a table whose numbers open the recommendation cells ("MPA action", "Committee decision").
_ACTION_NAME = re.compile(r"action|decision|comment|disposal", re.IGNORECASE)
_LINKS = re.compile(r"links?\b", re.IGNORECASE)
_PARA_LABEL = re.compile(r"^para(?:graph)?s?\.?\s*", re.IGNORECASE)
# A title's page-break repeat: "HMIC MPS Inspection 2001/2002 (continued)".
_CONTINUED_TITLE = re.compile(r"\s*\(?\s*\bcont(?:inued|['\u2019]d|d|\.)?\s*\)?\s*$", re.IGNORECASE)

# "Heading: text": a short noun phrase before the colon; a clause ("The MPS should note: ...") is not one.
_HEADING = re.compile(r"(?P<heading>[A-Z][^:.;()?!]{1,80}?)\s*:\s+(?P<text>\S.*)", re.DOTALL)
_CLAUSE_WORD = re.compile(r"\b(?:should|must|will|would|shall|is|are|was|were|has|have|that|recommends?)\b", re.I)
_MAX_HEADING_WORDS = 8
_MAX_TITLE_WORDS = 15


@dataclass
class _Item:
    number: str
    parent: str | None
    report: ReportBlock
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

    def distinct(self, role: str) -> str | None:
        """The column's cells joined, each text once: continued rows often repeat the owner or date."""
        return " ".join(dict.fromkeys(clean(cell) for cell in self.raw(role))) or None


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """The role of each column of a header row, or None when the row is not a table header.

    The first cell names the number column (or is empty); the others are short names, among which
    the recommendation and the progress. A cell of another name, or naming a role twice, is kept as
    an "other" column (its text stays in the provenance only), up to two of them.

    >>> header_columns(["Rec.", "Recommendation", "MPS response", "MPA Action"])
    {'number': 0, 'recommendation': 1, 'progress': 2, 'mpa_action': 3}
    >>> header_columns(["Rec. No.", "Finding", "Current position", "Lead", "Status", "Theme"])["other5"]
    5
    >>> header_columns(["5", "that the HR review ...", "Over the last year ...", ""]) is None
    True
    """
    names = [clean(cell.replace("**", "")).rstrip(":").strip() for cell in cells]
    if len(names) < 3 or not all(is_column_name(name) for name in names if name):
        return None
    numbered = not names[0] or bool(NUMBER_HEADER.fullmatch(names[0]))
    if not names[0] and not all(name[0].isupper() for name in names if name):
        return None  # without a number header, only capitalised names tell a header from a continued row
    columns = {"number": 0} if numbered else {}
    others = 0
    for index, name in enumerate(names):
        if not name or (numbered and index == 0):
            continue
        role = next((role for role, pattern in _ROLES if pattern.search(name)), None)
        if role is None or role in columns:
            role, others = f"other{index}", others + 1
        columns[role] = index
    if not {"recommendation", "progress"} <= columns.keys() or any(_LINKS.match(name) for name in names):
        return None  # a "Links" column is the monitoring proforma's
    if not names[0]:
        return columns if others == 0 else None
    if not numbered:  # the numbers open the recommendation cells: only with an "MPA action" column
        action = columns.get("mpa_action")
        return columns if others <= 1 and action is not None and _ACTION_NAME.search(names[action]) else None
    return columns if others <= _MAX_OTHER_COLUMNS else None


def row_number(cells: list[str], columns: dict[str, int]) -> tuple[str, list[str]]:
    """A row's number cell as text, and its cells; without a number column, the number (or the
    "(Rec. N continued)" marker) opening the recommendation cell, taken out of that cell.

    >>> row_number(["6.", "ACPO should act.", "Done."], {"number": 0, "recommendation": 1})
    ('6.', ['6.', 'ACPO should act.', 'Done.'])
    >>> row_number(["<p>6. ACPO should act.</p>", "Done."], {"recommendation": 0})
    ('6', ['ACPO should act.', 'Done.'])
    """
    if "number" in columns:
        return clean(cells[columns["number"]]), cells
    index = columns["recommendation"]
    text = clean(cells[index])
    marker = parse_continued(text)
    numbered = split_numbered(text) if marker is None else None
    if marker is None and numbered is None:
        return "", cells
    number, rest = (f"{marker[0] or ''} (continued)".strip(), marker[1]) if marker else numbered
    return number, [*cells[:index], rest, *cells[index + 1 :]]


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


def _is_title_row(cells: list[str], next_line: str) -> bool:
    """A tab row with only its first cell filled, a title rather than a number, right above a header.

    A row with one cell filled may also be a recommendation running on; only a table's title is
    followed by the table's header.
    """
    first = clean(cells[0])
    if not first or any(clean(cell) for cell in cells[1:]) or parse_number(first) is not None:
        return False
    return _is_plain_title(first) and header_columns(split_cells(next_line)) is not None


def _is_plain_title(line: str) -> bool:
    """A short line that does not read as a sentence (no full stop at the end)."""
    text = clean(line)
    return bool(text) and len(text.split()) <= _MAX_TITLE_WORDS and not text.endswith((".", ";", ","))


def detect(document: Document) -> float:
    """How strongly the text looks like a recommendation table (0 to 1).

    A header row naming the recommendation and the progress is required; rows numbered under it,
    a number column and an MPA action column make it certain. Without a number column the table
    is less certain (a proforma with an MPA column would look the same), so it scores at most 0.7.
    """
    columns: dict[str, int] | None = None
    numbered = 0
    mpa_column = number_column = False
    for line in document.lines:
        cells = split_cells(line)
        if len(cells) < 3:
            continue
        header = header_columns(cells)
        if header is not None:
            columns = header
            mpa_column = mpa_column or "mpa_action" in header
            number_column = number_column or "number" in header
        elif columns is not None and len(cells) > max(columns.values()):
            numbered += parse_number(row_number(cells, columns)[0]) is not None
    if columns is None:
        return 0.0
    if not numbered:
        return 0.4
    score = 0.6 + 0.1 * min(numbered, 3) + (0.1 if mpa_column else 0.0)
    return min(1.0 if number_column else 0.7, score)


class _TableReader:
    """One pass over the lines, keeping the current header, source report and item."""

    def __init__(self, document: Document):
        self.doc = document
        self.coverage = Coverage(document)
        self.warnings: list[str] = []  # the document's own warnings are added once, by read_paper
        self.reports: list[ReportBlock] = []
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.names: list[str] = []  # the header's column names as printed
        self.report: ReportBlock | None = None
        self.item: _Item | None = None
        self.after_header = False  # the last table row was a header: a page has just turned
        self.block: list[tuple[int, str]] = []
        self.in_bold = False
        self.paper_title: str | None = None
        self.paper_lines: tuple[int, int] | None = None
        self.date: str | None = None
        self.unread_columns: set[str] = set()  # names of "other" columns already warned about

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.doc.name}:{line}: {message}")

    def next_line(self, number: int) -> str:
        """The first non-blank line after line ``number`` ("" at the end)."""
        return next((line for line in self.doc.lines[number:] if line.strip()), "")

    def run(self) -> None:
        for number, raw in enumerate(self.doc.lines, start=1):
            self.read_line(number, raw)
        self.close_block()
        for report in self.reports:  # a title over no table is left over, not claimed
            if report.items:
                self.coverage.claim(report.first_line, report.last_line)

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
        elif self.in_bold or is_heading(raw) or _is_plain_title(raw) or is_date_line(raw):
            self.add_title_line(number, raw)
        else:
            self.close_block()  # prose: left for the leftovers

    def add_title_line(self, number: int, raw: str) -> None:
        """A title line joins the block; a date line gives the date and an "Appendix B" label nothing."""
        stripped = raw.strip()
        if self.in_bold:
            self.in_bold = not stripped.endswith("**")
        elif stripped.startswith("**"):
            self.in_bold = not stripped[2:].endswith("**")
        text = heading_text(raw)
        if text and not is_date_line(text) and not is_label(text):
            self.block.append((number, text))  # claimed once it titles the paper or a table
            return
        self.coverage.claim(number)
        self.note_date(text)

    def note_date(self, text: str) -> None:
        """The paper's date: the first full date printed before the first table."""
        if self.date is None and self.columns is None:
            self.date = parse_date(text)

    def close_block(self) -> None:
        """A finished block of title lines starts a source report, or resumes one it repeats."""
        if not self.block:
            return
        block, self.block = self.block, []
        first, last = block[0][0], block[-1][0]
        title = strip_label(_CONTINUED_TITLE.sub("", block[0][1]).strip())
        for _, text in block[1:]:
            self.note_date(text)
        if self.paper_title is None and not _CONTINUED_TITLE.search(block[0][1]):
            self.paper_title, self.paper_lines = " ".join(text for _, text in block), (first, last)
            self.coverage.claim(first, last)
        if not title or (self.report is not None and title == self.report.title):
            self.coverage.claim(first, last)
            return  # the title repeated at a page break: the current item carries on
        known = next((report for report in self.reports if report.title == title), None)
        if known is not None:
            self.coverage.claim(first, last)
        self.report = known or ReportBlock(title, first, last)
        if known is None:
            self.reports.append(self.report)
        self.item = None

    def read_row(self, number: int, cells: list[str]) -> None:
        columns = header_columns(cells)
        if columns is not None:
            self.close_block()
            # Trailing empty header cells (a stray tab) do not widen the table.
            self.columns, self.width, self.names = columns, max(columns.values()) + 1, [clean(cell) for cell in cells]
            self.after_header = True
            self.coverage.claim(number)
            return
        if _is_title_row(cells, self.next_line(number)):
            self.add_title_line(number, cells[0])
            return
        self.close_block()
        after_header, self.after_header = self.after_header, False
        if self.columns is None:
            self.warn(number, "table row before any header row naming the columns; left unread")
            return
        number_cell, cells = row_number(self.fit_row(number, cells), self.columns)
        marker = parse_continued(number_cell) if number_cell else (None, "")
        parsed = parse_number(number_cell) if number_cell else None
        if marker is not None and not marker[1]:
            self.continue_item(number, marker[0], cells)
        elif after_header and parsed and self.item is not None and parsed[0] == self.item.number:
            self.continue_item(number, None, cells)  # the number printed again on the new page
        else:
            self.start_item(number, number_cell, cells)

    def fit_row(self, number: int, cells: list[str]) -> list[str]:
        """The row with as many cells as the header; missing trailing cells read as empty."""
        check_width(self.doc, number, cells, self.width)
        if len(cells) < self.width and self.columns and clean(cells[self.columns.get("number", 0)]):
            self.warn(number, f"row has {len(cells)} cells but its header has {self.width}; missing cells read as empty")
        return cells[: self.width] + [""] * (self.width - len(cells))

    def continue_item(self, number: int, label: str | None, cells: list[str]) -> None:
        """A row carrying on the current item, or the item its marker names ("R11 (continued)")."""
        target = self.item
        if label is not None and (target is None or target.number != label):
            items = self.report.items if self.report else []
            target = next((item for item in items if item.number == label), None)
        if target is None and label is None:
            self.warn(number, "row with an empty number cell or a continuation marker but no item before it; left unread")
            return
        if target is None:
            self.warn(number, f"row continues recommendation {label} but it was not read before; left unread")
            return
        self.item = target
        self.add_row(number, cells)

    def add_row(self, number: int, cells: list[str]) -> None:
        """The row's cells go to the current item; a column of another name is only in the provenance."""
        assert self.item is not None and self.columns is not None
        self.item.add_row(number, cells, self.columns)
        self.coverage.claim(number)
        for role, index in self.columns.items():
            name = self.names[index]
            if role.startswith("other") and clean(cells[index]) and name not in self.unread_columns:
                self.unread_columns.add(name)
                self.warn(number, f"column {name!r} is not read into any field; its text is kept in the provenance only")

    def start_item(self, number: int, number_cell: str, cells: list[str]) -> None:
        parsed = parse_number(number_cell)
        if parsed is None and self.item is not None:
            parsed = parse_part(number_cell, self.item.parent or self.item.number)
        if parsed is None:
            self.item = None
            self.warn(number, f"first cell {number_cell!r} is not a recommendation number; row left unread")
            return
        if self.report is None:
            self.warn(number, "table has no title line; its items are filed under an untitled source report")
            self.report = ReportBlock("Untitled table", number, number)
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
        self.report.items.append(self.item)
        self.add_row(number, cells)


def _records(doc: Document, item: _Item) -> tuple[Recommendation, ProgressUpdate]:
    key = item.report.key
    full_text = item.joined("recommendation") or ""
    heading, text = split_heading(full_text)
    para_column = item.distinct("para_ref")
    status, timescale = read_timetable(item.raw("timescale"))
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
        para_ref=_PARA_LABEL.sub("", para_column) if para_column else find_para_ref(full_text),
    )
    update = ProgressUpdate(
        source_report=key,
        recommendation=item.number,
        paper=doc.name,
        provenance=doc.provenance(first, last),
        progress=progress,
        status_phrase=item.distinct("status") or status or closing_status_phrase(paragraphs(item.raw("progress"))),
        owner=item.distinct("owner"),
        mpa_action=item.joined("mpa_action"),
        timescale=timescale,
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
    sources, recommendations, updates = collect(document, reader.reports, lambda item: _records(document, item))
    paper = Paper(
        file=document.name,
        layout=NAME,
        title=reader.paper_title,
        date=reader.date,
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
