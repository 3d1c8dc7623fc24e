"""The header paragraph of a flattened PDF action plan: title, date, source report and column order.

A table's header is printed above its first row: an optional "Appendix 1" line, the title (often
"ACTION PLAN PROGRESS SUMMARY : <source report>"), the date the progress is given at ("as at 31
March 2002", garbled by the PDF into "s t March 31 2002"), then the column headings ("No Subject
Lead Timescales Recommendation Progress Update and degree to which recommendation met ..."). The
parts may share one line or sit on lines of their own, and the first row may run on into it.

The PDF emits a table column by column in the order of its headings, so the headings say in which
order a block's cells come (subjects, leads, timescales, recommendations, progress).

A paper may hold several tables: a later header that names a report opens another table (another
source report); one that only repeats the column headings is page boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from recgraph.graph.reading.readers.dates import MONTH_NAMES, MONTHS
from recgraph.graph.reading.readers.text import Document

#: The order of the seed layout, used when a header names no columns.
DEFAULT_COLUMNS: tuple[str, ...] = ("subject", "lead", "timescale", "text", "progress")

# "stMarch": the ordinal of a garbled date may stick to the month name.
_MONTH_NAMES = rf"(?:{MONTH_NAMES})\.?"


def _month(group: str) -> str:
    return rf"(?:\b|(?<=st)|(?<=nd)|(?<=rd)|(?<=th))(?P<{group}>{_MONTH_NAMES})"


_ORDINAL = r"(?:st|nd|rd|th)?"
#: Dates as printed: "31 March 2002", "March 31 2002", "12th July 2004", "12/07/2004", "July 2004".
DATE = re.compile(
    rf"(?<![/\d])\b(?P<d1>\d{{1,2}}){_ORDINAL}\s+{_month('m1')},?\s+(?P<y1>(?:19|20)\d\d|\d\d)\b"
    rf"|{_month('m2')}\s+(?P<d2>\d{{1,2}}){_ORDINAL},?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>(?:19|20)\d\d)\b"
    rf"|{_month('m4')}\s+(?P<y4>(?:19|20)\d\d)\b"
)
# What stands between a title and its date: "as at", "Position as at", the garbled ordinal "s t".
_DATE_LEAD = re.compile(
    r"(?:\s+(?:(?i:position|progress|status|update)(?:\s+(?i:as|at|of|to))*"
    r"|(?i:as\s+at|as\s+of|at)|s\s?t|n\s?d|r\s?d|t\s?h))+\s*$"
)

#: Heading words of each column kind; the first heading (the id column) opens the run.
_COLUMN_WORDS: dict[str, str] = {
    "id": r"No\.?|Ref\.?|Number|Rec(?:ommendation)?\.?\s+No\.?",
    "subject": r"Subject|Issue|Area|Topic|Theme|Title",
    "lead": r"Lead(?:\s+officer)?|Owner|Responsibility|Responsible(?:\s+officer)?|Action\s+by",
    "timescale": r"Timescales?|Target(?:\s+date)?|Deadline|(?:Completion|Due)\s+date|Date",
    "text": r"(?:Audit\s+|HMIC?\s+|Inspection\s+)?(?:Recommendations?|Findings?)",
    "progress": r"Progress(?:\s+update)?|Response|Update|Current\s+position|Position|Comments?",
}
_COLUMN = re.compile("|".join(f"(?P<{kind}>{words})" for kind, words in _COLUMN_WORDS.items()))
# Column headings start with the id column's heading followed at once by another heading.
_HEADINGS_START = re.compile(
    rf"(?<![A-Za-z])(?:{_COLUMN_WORDS['id']})\s+(?={'|'.join(w for k, w in _COLUMN_WORDS.items() if k != 'id')})"
)
#: Words that name the paper (an action plan, a progress summary), not the report it tracks.
_PAPER_WORDS = re.compile(r"\b(?:action\s+plan|progress|summary|update|monitoring)\b", re.IGNORECASE)
#: "Appendix 1", "Annex B" before a title.
APPENDIX = re.compile(r"^(?:appendix|annex|annexe|attachment)\s+\S+\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    """What a header says: the title, the date, the source report's title and the column order.

    ``rest`` is the text after the column headings (the first row when it runs on into the header).
    """

    title: str | None
    date: str | None
    source_title: str | None
    columns: tuple[str, ...]
    rest: str


def headings_at(text: str) -> re.Match[str] | None:
    """Where column headings ("No Subject Lead ...", "Ref Recommendation ...") start in ``text``.

    >>> headings_at("SUMMARY as at 31 March 2002 No Subject Lead Timescales").start()
    28
    >>> headings_at("No further action is needed.") is None
    True
    """
    return _HEADINGS_START.search(text)


def read_header(text: str) -> Header:
    """Read a header (its lines joined by spaces) into title, date, source title and column order.

    Parameters
    ----------
    text : the header's text.

    Returns
    -------
    Header : title and source title are None when the header only names its columns.

    Examples
    --------
    >>> h = read_header("ACTION PLAN PROGRESS SUMMARY : AUDIT OF X 2001/2 s t March 31 2002 No Subject Lead Progress")
    >>> h.title, h.date, h.source_title
    ('ACTION PLAN PROGRESS SUMMARY : AUDIT OF X 2001/2', '2002-03-31', 'AUDIT OF X 2001/2')
    >>> h.columns  # "Timescales" is not printed, but a timescale cell is known by its shape
    ('subject', 'lead', 'timescale', 'text', 'progress')
    """
    start = headings_at(text)
    before = text[: start.start()] if start else text
    columns, rest = _columns(text[start.start() :]) if start else (DEFAULT_COLUMNS, "")
    title, when = _title_and_date(before)
    return Header(title, when, source_title(title) if title else None, columns, rest)


def _columns(headings: str) -> tuple[tuple[str, ...], str]:
    """The column kinds in printed order, and the text after the last heading word."""
    kinds: list[str] = []
    pos = 0
    while match := _COLUMN.match(headings, pos):
        kind = match.lastgroup or ""
        if kind != "id" and kind not in kinds:
            kinds.append(kind)
        pos = match.end()
        gap = re.match(r"\s+", headings[pos:])
        if not gap:
            break
        pos += gap.end()
    # Progress closes every row (its status line ends the row), so it is read last; a plan always
    # has recommendation texts. Timescale cells are known by their shape (a date, "Ongoing"), so
    # they are looked for even when a header does not name them, where the seed layout has them.
    kinds = [kind for kind in kinds if kind != "progress"]
    if "text" not in kinds:
        kinds.append("text")
    if "timescale" not in kinds:
        kinds.insert(kinds.index("lead") + 1 if "lead" in kinds else kinds.index("text"), "timescale")
    return (*kinds, "progress"), headings[pos:].strip()


def _title_and_date(text: str) -> tuple[str | None, str | None]:
    """The title is the text around the date, without the words that lead to the date."""
    match = DATE.search(text)
    if not match:
        return (" ".join(text.split()) or None), None
    before = _DATE_LEAD.sub("", text[: match.start()])
    title = " ".join(f"{before} {text[match.end():]}".split())
    return title or None, iso_date(match)


def iso_date(match: re.Match[str]) -> str | None:
    """The ISO date of a :data:`DATE` match; None for a month and year alone or an impossible date.

    >>> iso_date(DATE.search("as at 12/07/2004")), iso_date(DATE.search("July 2004"))
    ('2004-07-12', None)
    """
    groups = match.groupdict()
    day = groups["d1"] or groups["d2"] or groups["d3"]
    year = groups["y1"] or groups["y2"] or groups["y3"]
    if not day or not year:
        return None
    name = groups["m1"] or groups["m2"]
    month = int(groups["m3"]) if groups["m3"] else MONTHS[name.rstrip(".").lower()]
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    try:
        return date(full_year, month, int(day)).isoformat()
    except ValueError:
        return None


def source_title(title: str) -> str:
    """The tracked report's title: the part of the paper's title that does not name the paper.

    >>> source_title("Appendix 1 ACTION PLAN PROGRESS SUMMARY : DISTRICT AUDIT REPORT 2001/2")
    'DISTRICT AUDIT REPORT 2001/2'
    >>> source_title("Audit Commission review of crime recording: action plan progress summary")
    'Audit Commission review of crime recording'
    """
    parts = [part.strip() for part in re.split(r"\s*:\s*|\s+[\u2013\u2014-]\s+", APPENDIX.sub("", title))]
    parts = [part for part in parts if part]
    named = [part for part in parts if not _PAPER_WORDS.search(part)]
    return (named[-1] if named else parts[-1] if parts else title).strip()


# --- where the headers are -----------------------------------------------------------------------

#: A header line longer than this, holding neither column headings nor a date, is prose, not a title.
PROSE_WORDS = 20


def is_prose(text: str) -> bool:
    """A paragraph of prose: long, and neither column headings nor a date in it."""
    return len(text.split()) > PROSE_WORDS and not headings_at(text) and not DATE.search(text)


def _run_start(doc: Document, number: int) -> int:
    """First line of the run of non-blank lines holding ``number``: the PDF body has no blank lines."""
    while number > 1 and doc.line(number - 1).strip():
        number -= 1
    return number


def _is_head_line(text: str) -> bool:
    """A line of a table's header: column headings, a title in capitals, a date, "Appendix 2"."""
    return bool(headings_at(text) or _is_caps_title(text) or APPENDIX.fullmatch(text)
                or (DATE.search(text) and len(text.split()) <= PROSE_WORDS))


def body_start(doc: Document, first_id: int) -> int:
    """The body's first line: where the header of the first table begins.

    The body is the run of non-blank lines holding the first id line; when the header stands apart
    (a blank line between it and the rows), the runs of header lines before are taken too, up to the
    title. A preview of the site's page (ending in "...") never is.

    Parameters
    ----------
    doc : the paper.
    first_id : the first line holding a row id.

    Returns
    -------
    int : the 1-based line number.
    """
    start = _run_start(doc, first_id)
    while not read_header(" ".join(doc.line(n).strip() for n in range(start, first_id))).title:
        above = start - 1
        while above >= 1 and not doc.line(above).strip():
            above -= 1
        if above < 1:
            break
        run = [doc.line(n).strip() for n in range(_run_start(doc, above), above + 1)]
        if not any(map(_is_head_line, run)) or any(re.search(r"(\.\.\.|…)$", text) for text in run):
            break
        start = _run_start(doc, above)
    return start


def _is_caps_title(text: str) -> bool:
    """A title printed in capitals: three words or more, nearly all letters upper case."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 3 and len(letters) >= 15 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@dataclass
class Section:
    """One table: its first line (the header's), its first id line and its last line."""

    start: int
    first_id: int | None
    end: int


def sections(
    doc: Document, ids: dict[int, list[str]], skip: set[int], start: int
) -> tuple[list[Section], list[int]]:
    """Split the body into tables at headers that name a report.

    Parameters
    ----------
    doc : the paper.
    ids : the lines holding row ids (line number -> ids).
    skip : lines known as boilerplate (page footers).
    start : the body's first line (see :func:`body_start`).

    Returns
    -------
    tuple : the tables in order, and the lines that only repeat column headings (boilerplate).
    """
    starts, repeated = [start], []
    for number in range(min(ids) + 1, len(doc.lines) + 1):
        text = doc.line(number).strip()
        if not text or number in ids or number in skip:
            continue
        if headings_at(text):
            if read_header(text).title:
                starts.append(_appendix_before(doc, number))
            else:
                repeated.append(number)
        elif _is_caps_title(text) and _opens_table(doc, number, ids, skip):
            starts.append(_appendix_before(doc, number))
    ends = [first - 1 for first in starts[1:]] + [len(doc.lines)]
    id_lines = sorted(ids)
    return [Section(a, next((n for n in id_lines if a <= n <= b), None), b) for a, b in zip(starts, ends)], repeated


def _opens_table(doc: Document, number: int, ids: dict[int, list[str]], skip: set[int]) -> bool:
    """Whether only header lines (a date, column headings) stand between ``number`` and an id line."""
    for below in range(number + 1, len(doc.lines) + 1):
        text = doc.line(below).strip()
        if below in ids:
            return True
        if text and below not in skip and not _is_head_line(text):
            return False
    return False


def _appendix_before(doc: Document, number: int) -> int:
    """A header starts at the "Appendix 2" line printed just above its title."""
    return number - 1 if number > 1 and APPENDIX.fullmatch(doc.line(number - 1).strip()) else number
