"""Cells of tab-separated tables, shared by the table and proforma readers.

Both families print one table row per line with cells separated by tabs, HTML fragments inside the
cells, and headings as markdown (``#``) or bold (``**``) lines between the tables. This module holds
what they read the same way: splitting rows, recognising headings, dates, recommendation numbers,
continuation markers and paragraph references, and the source reports met along the way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from recgraph.errors import ReadError
from recgraph.graph.model import ProgressUpdate, Recommendation, SourceReport
from recgraph.graph.reading.readers.phrases import find_status_phrase
from recgraph.graph.reading.readers.text import Document, clean, slugify

# "(Para 4.21)", "(Paras. 51& 52)", "( para. 4.58 )", "(page 12, para 3.4)": the reference alone is
# captured. The opening "(" must be followed by "para" (after an optional page number), so a
# pointer such as "(See also item 3, para. 2.14)" is not taken for the item's own reference.
_PARA_REF = re.compile(
    r"\(\s*(?:p(?:age|p?\.)\s*\d+\s*[,;]\s*)?para(?:graph)?s?\.?\s*"
    r"(\d+(?:\.\d+)*(?:\s*(?:&|and|,|-|\u2013|to)\s*\d+(?:\.\d+)*)*)\s*\.?\s*\)",
    re.IGNORECASE,
)

# A label before the number is not part of it: "Rec 12", "Action 3", "Recommendation No. 4".
_NUMBER_LABEL = re.compile(r"(?:rec(?:ommendation)?|action|item)\.?\s*(?:no\.?\s*)?|no\.\s*", re.IGNORECASE)
# "5", "6.", "R6", "110", "2.1", "3a", "6(b)", "6 (b).", "3)"; a letter after the number makes a part.
_NUMBER = re.compile(r"([A-Z]{0,3}\d+(?:\.\d+)*)([A-Za-z]?)(?:\s*\(([a-z]{1,4})\))?[.)]?")
# A part printed without its number, under the item it belongs to: "(b)", "b)".
_PART = re.compile(r"\(?([a-z]{1,4})\)")
# "(Rec. 6 continued)", "R11 (continued)", "(Rec 5 cont'd)", "(continued)": a row carrying on an item.
_CONTINUED = re.compile(
    r"\(?\s*(?:(?:rec(?:ommendation)?|action|item)\.?\s*)?(?P<number>[A-Z]{0,3}\d+[A-Za-z]?(?:\s*\([a-z]{1,4}\))?)?"
    r"\s*\(?\s*cont(?:inued|['\u2019]d|d|\.)?(?:\s+(?:from|on)\s+(?:page|p\.)\s*\d+)?\s*\)?",
    re.IGNORECASE,
)

# A cell opening with its number: "12. text", "15(a). text", "Rec 3. text", "Recommendation 5: text",
# "R7 The MPS ...", "4 – text". A bare space after the number needs a capital after it ("2 years" is text).
_NUMBERED = re.compile(
    r"(?i:rec(?:ommendation)?\.?\s*(?:no\.?\s*)?)?"
    r"(?P<number>R?\d{1,3}(?:\.\d{1,2})?[A-Za-z]?(?:\s*\([a-z]{1,4}\))?)"
    r"(?:\s*[.):]\s+|\s+[-\u2013\u2014]\s+|\s+(?=[A-Z\"'\u2018\u201c]))(?P<text>\S.*)",
    re.DOTALL,
)

#: The number column's header: "Rec.", "Rec. No.", "Action", "No.", "Recommendation No.", "Item", "Ref", "#".
NUMBER_HEADER = re.compile(
    r"rec\.?(?:\s*(?:no\.?|number))?|recommendation\s+(?:no\.?|number)|(?:action|item|ref(?:erence)?)\.?(?:\s*no\.?)?"
    r"|no\.?|number|#",
    re.IGNORECASE,
)
# Header cells are names, not sentences: a cell longer than this is data, not a header.
_HEADER_MAX_WORDS = 10
# A full stop after a word longer than an abbreviation ("Rec.", "No.", "Para.") ends a sentence.
_SENTENCE_END = re.compile(r"\w{5,}\.$")


def is_column_name(text: str) -> bool:
    """Whether a header cell's text reads as a column name rather than as a sentence of data.

    >>> is_column_name("Rec. No."), is_column_name("Action by Whom (MPA/MPS)"), is_column_name("Action complete.")
    (True, True, False)
    """
    return len(text.split()) <= _HEADER_MAX_WORDS and not _SENTENCE_END.search(text)

_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*$", re.IGNORECASE)


def split_cells(line: str) -> list[str]:
    """The cells of one table row (a line without a tab is a single cell).

    >>> split_cells("5\\t<p>text</p>\\t\\t")
    ['5', '<p>text</p>', '', '']
    """
    return line.split("\t")


def is_blank_row(cells: list[str]) -> bool:
    """Whether no cell of a row holds any text once markup is removed."""
    return not any(clean(cell) for cell in cells)


def find_para_ref(text: str) -> str | None:
    """The last paragraph reference of a recommendation text, without "Para", or None.

    The last one wins because the reference closes the recommendation; earlier ones are pointers.

    >>> find_para_ref("... (See also item 3, para. 2.14) One way ... (Para 4.8)")
    '4.8'
    >>> find_para_ref(clean("... training. ( <i>para. 4.58</i> )"))
    '4.58'
    >>> find_para_ref("(Paras. 51& 52)")
    '51& 52'
    """
    found = _PARA_REF.findall(clean(text))
    return found[-1] if found else None


def parse_number(cell: str) -> tuple[str, str | None] | None:
    """A recommendation number as printed (no label, no trailing full stop) and its parent, or None.

    >>> parse_number("6.")
    ('6', None)
    >>> parse_number("6 (b)")
    ('6(b)', '6')
    >>> parse_number("Rec 12"), parse_number("3a"), parse_number("R6")
    (('12', None), ('3a', '3'), ('R6', None))
    >>> parse_number("Action") is None
    True
    """
    text = clean(cell.replace("**", ""))
    label = _NUMBER_LABEL.match(text)
    match = _NUMBER.fullmatch(text[label.end() :] if label and label.end() < len(text) else text)
    if not match:
        return None
    base, letter, part = match.groups()
    if part:
        return f"{base}{letter}({part})", f"{base}{letter}"
    return (f"{base}{letter}", base) if letter else (base, None)


def split_numbered(text: str) -> tuple[str, str] | None:
    """A cell opening with a recommendation number: the number as printed and the text after it.

    >>> split_numbered("15(a). Forces should ..."), split_numbered("Rec 3. The MPS ...")
    (('15(a)', 'Forces should ...'), ('3', 'The MPS ...'))
    >>> split_numbered("2003 saw a new approach.") is None
    True
    """
    match = _NUMBERED.fullmatch(text)
    return (match["number"], match["text"]) if match else None


def parse_part(cell: str, parent: str) -> tuple[str, str] | None:
    """A part printed without its number ("(b)") as the number under ``parent``, or None.

    >>> parse_part("(b)", "4"), parse_part("5", "4")
    (('4(b)', '4'), None)
    """
    match = _PART.fullmatch(clean(cell))
    return (f"{parent}({match[1]})", parent) if match else None


def parse_continued(text: str) -> tuple[str | None, str] | None:
    """A continuation marker at the start of a cell: the number it names (or None) and the text after it.

    The marker is the whole cell, or a bracketed marker opening it; None when there is no marker.

    >>> parse_continued("(Rec. 6 continued)"), parse_continued("R11 (continued)")
    (('6', ''), ('R11', ''))
    >>> parse_continued("(Rec 5 cont'd) the rest of the text"), parse_continued("Work continued.")
    (('5', 'the rest of the text'), None)
    >>> parse_continued("(Recommendation 8 continued from page 7)")
    ('8', '')
    """
    text = clean(text)
    match = _CONTINUED.match(text)
    if not match or (match.end() < len(text) and not match[0].endswith(")")):
        return None
    parsed = parse_number(match["number"]) if match["number"] else None
    return (parsed[0] if parsed else match["number"]), text[match.end() :].strip()


def is_heading(line: str) -> bool:
    """Whether a line is a markdown heading or opens or closes a bold block."""
    stripped = line.strip()
    return bool(_MARKDOWN_HEADING.match(stripped)) or stripped.startswith("**") or stripped.endswith("**")


def heading_text(line: str) -> str:
    """A heading line as plain text: markdown hashes, bold markers and HTML removed.

    >>> heading_text("#### HMIC REPORT: <b>WINNING CONSENT</b> Part I")
    'HMIC REPORT: WINNING CONSENT Part I'
    """
    return clean(_MARKDOWN_HEADING.sub("", line).replace("**", ""))


def is_page_number(line: str) -> bool:
    """Whether a line is only page furniture such as "12" or "Page 3 of 10"."""
    return bool(_PAGE_NUMBER.match(line))


# A cell's paragraphs: HTML paragraph, list item and line-break boundaries.
_PARAGRAPH_BREAK = re.compile(r"</p>|</li>|<br\s*/?>|<p>|<li>", re.IGNORECASE)
# A clause that only qualifies the status ("..., but would welcome ...") is not part of the phrase.
_QUALIFYING_CLAUSE = re.compile(r"(?:,\s*(?:but|however|although|though|while)\b|;\s).*$", re.IGNORECASE | re.DOTALL)


def paragraphs(cells: list[str]) -> list[str]:
    """The plain-text paragraphs of some cells, in order, without the empty ones.

    >>> paragraphs(["<p>Work continues</p> <p>Action complete.</p>", "More."])
    ['Work continues', 'Action complete.', 'More.']
    """
    found = []
    for cell in cells:
        found.extend(text for text in map(clean, _PARAGRAPH_BREAK.split(cell)) if text)
    return found


def closing_status_phrase(texts: list[str]) -> str | None:
    """The status sentence of the last paragraph that states one, without a qualifying clause.

    An update closes with its status ("... Action complete."), so the last paragraph stating one
    wins over an earlier sentence that happens to match ("... has been implemented."); paragraphs
    keep a status on its own line from being glued to the sentence before it.

    >>> closing_status_phrase(["Stage 3 has been implemented.", "Action complete."])
    'Action complete.'
    >>> closing_status_phrase(["The MPS awaits national developments, but would welcome it."])
    'The MPS awaits national developments'
    """
    for text in reversed(texts):
        phrase = find_status_phrase(text)
        if phrase:
            head = _QUALIFYING_CLAUSE.sub("", phrase)
            return head if find_status_phrase(head) else phrase
    return None


# A cell that is a status on its own ("Complete", "Action completed.", "In progress"); "Ongoing" is
# left out because in a timetable column it is the timescale.
_STATUS_WORD = re.compile(
    r"(?:action\s+)?(?:(?:fully|partially|substantially)\s+)?(?:complete[d]?|achieved|discharged|implemented|closed)"
    r"|in\s+progress|not\s+(?:yet\s+)?started|outstanding|superseded|withdrawn",
    re.IGNORECASE,
)


def is_status_word(cell: str) -> bool:
    """Whether a whole cell is a status word rather than a date or a timescale.

    >>> is_status_word("Complete"), is_status_word("Action completed."), is_status_word("March 2003")
    (True, True, False)
    """
    return bool(_STATUS_WORD.fullmatch(clean(cell).rstrip(".")))


def read_timetable(cells: list[str]) -> tuple[str | None, str | None]:
    """A timetable column's cells as (the first status it states, the timescales joined once each).

    Clerks write the status where the timetable goes ("The MPS considers action to be complete.",
    "Complete"); such a cell is the status, not a timescale.

    >>> read_timetable(["March 2003", "Complete", "March 2003"])
    ('Complete', 'March 2003')
    """
    statuses, timescales = [], []
    for text in map(clean, cells):
        phrase = find_status_phrase(text) or (text if is_status_word(text) else None)
        (statuses if phrase else timescales).append(phrase or text)
    return (statuses[0] if statuses else None), " ".join(dict.fromkeys(t for t in timescales if t)) or None


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "Date: 12 July 2004", "Updated 12/07/2004", "Position as at 31st March 2003", "July 2004".
_DATE_LINE = re.compile(
    r"(?:(?:date[d]?|(?:last\s+)?updated?|revised|(?:(?:position|progress|status)\s+)?as\s+(?:at|of)"
    r"|(?:position|progress|status)\s+(?:at|on))\s*:?\s*)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH},?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})\.?",
    re.IGNORECASE,
)
# "Appendix B", "Annex 1": a line that only labels an attachment.
_LABEL = re.compile(r"(?:appendix|annexe?|attachment|enclosure|schedule)\s+[A-Z0-9]{1,3}\.?", re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """Whether a line only states a date, with at most a short label such as "Updated:".

    >>> is_date_line("Position as at 31st March 2003"), is_date_line("Updated: 12/07/2004")
    (True, True)
    >>> is_date_line("HMIC Inspection - Open all Hours 2001")
    False
    """
    return bool(_DATE_LINE.fullmatch(clean(line.replace("**", "")).lstrip("# ")))


_LABEL_PREFIX = re.compile(r"(?:appendix|annexe?)\s+[A-Z0-9]{1,3}\s*[-\u2013\u2014:.]\s+(?=\S)", re.IGNORECASE)


def strip_label(title: str) -> str:
    """A title without the attachment label opening it.

    >>> strip_label("Appendix 1 \u2013 HMIC Inspection 2001/02 recommendations")
    'HMIC Inspection 2001/02 recommendations'
    """
    return _LABEL_PREFIX.sub("", title, count=1)


def is_label(line: str) -> bool:
    """Whether a line only labels an attachment ("Appendix B"), which is not a title.

    >>> is_label("# Appendix B"), is_label("Annex 1"), is_label("Appendix B: HMIC actions")
    (True, True, False)
    """
    return bool(_LABEL.fullmatch(heading_text(line)))


@dataclass
class ReportBlock:
    """A source report as a reader meets it: its title as printed, its title lines and its items."""

    title: str
    first_line: int
    last_line: int
    prefixed: bool = False  # titled after "REPORT:", which a plain sub-heading does not replace
    items: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return slugify(self.title)


def check_width(document: Document, line: int, cells: list[str], width: int) -> None:
    """Refuse a row with filled cells beyond its header's width.

    Raises
    ------
    ReadError : the row has more filled cells than the header, so its columns cannot be trusted.
    """
    if any(clean(cell) for cell in cells[width:]):
        raise ReadError(
            f"table row has {len(cells)} cells but its header has {width}: cannot tell "
            "which column the extra text belongs to (check the tabs in this row)",
            document.name,
            line,
        )


def collect(
    document: Document, reports: list[ReportBlock], read_item: Callable[[object], tuple[Recommendation, ProgressUpdate]]
) -> tuple[list[SourceReport], list[Recommendation], list[ProgressUpdate]]:
    """The source reports that have items, and each item's records, in document order."""
    sources, recommendations, updates = [], [], []
    for report in reports:
        if not report.items:
            continue
        provenance = document.provenance(report.first_line, report.last_line)
        sources.append(SourceReport(report.key, report.title, provenance=provenance))
        for item in report.items:
            recommendation, update = read_item(item)
            recommendations.append(recommendation)
            updates.append(update)
    return sources, recommendations, updates
