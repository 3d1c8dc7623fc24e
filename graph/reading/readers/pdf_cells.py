"""The cells of a flattened PDF action plan: their shapes, the rows they make and how a block is read.

A *block* is a run of id lines (``R3`` ``R4`` ``R5``, or ``3`` ``4``) and the lines after them up to
the next run: the cells of those rows column by column, in the order of the table's headings
(subjects each followed by STATUTORY / Non-statutory, leads, timescales, recommendation texts,
progress texts each closed by "Recommendation met: X"). At a page break the last row of a block
(the *carried* row) continues at the top of each column of the next block.

Cells are told apart by the count of rows in the block and by their shape (a lead is a short line
with no full stop, a timescale holds a date, a year or "Ongoing"), never by facts of one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recgraph.graph.reading.readers.dates import MONTH_NAMES
from recgraph.graph.reading.readers.pdf_header import headings_at, read_header

_ID = re.compile(r"(?P<prefix>[A-Z]?)(?P<digits>\d{1,3})(?P<part>[a-z]|\([a-z]\))?\.?")
# The scale word is matched from its first letter to the first capital so glued text
# ("moderatelyResourcing") stays out; "not yet" is the one scale of two words.
STATUS = re.compile(r"[Rr]ecommendation\s+[Mm]et\s*:\s*(?:not\s+yet|not\s+at\s+all|[A-Za-z][a-z]+)")
# The hyphen of "Non-statutory" may be a space, a hyphen or a PDF private-use glyph (U+E007).
CLASSIFICATION = re.compile(r"^(?:non[^a-z]?)?statutory$", re.IGNORECASE)
_MONTH_WORD = f"(?:{MONTH_NAMES})"
# A timescale cell opens with a plan word or holds a date ("31 March 02", "Dec 2002", "2002/2003",
# "31/03/2004", "Q3"). Month names are capitalised so that the verb "may" is not a date; a month
# alone ("May meeting") is only a weak sign, trusted while a row of the block still lacks its timescale.
TIMESCALE = re.compile(
    r"^(?i:on-?going|complete(?:d)?|immediate(?:ly)?|(?:by )?end of|within|tbc|tba|n/a|not applicable"
    r"|annual(?:ly)?|quarterly|monthly)\b"
    rf"|\b{_MONTH_WORD}\.?\s+'?\d\d(?:\d\d)?\b|\b(?:19|20)\d\d\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b"
    r"|\bQ[1-4]\b|\b(?:Spring|Summer|Autumn|Winter)\b"
)
_MONTH_ALONE = re.compile(rf"\b{_MONTH_WORD}\b")
OWNER = re.compile(r"^(?:[A-Z]{2,}[A-Za-z&]*\s*/|[A-Z]{2,}(?:\s|$)|Head of\b|Director\b|Chief\b)")
# A recommendation-cell fragment of an interleaved row ends where grammar breaks: an article
# followed by a function word ("all of the | on future") means the next word is another cell's.
_FRAGMENT_END = re.compile(
    r"\b(?:the|a|an)\b(?=\s+(?:on|to|in|of|for|at|by|with|from|the|a|an|and|or|is|are|was|were)\b)"
)
# A new cell on the same printed line: a capitalised word right after a word ending in lower case.
_CELL_START = re.compile(r"(?<=[a-z,])\s+(?=[A-Z][a-z])")
# The first word of a lead inside an interleaved row: an acronym ("ACPRS/") or a post's title.
_LEAD_TOKEN = re.compile(r"[A-Z]{2,}[A-Za-z&]*/?|Director|Head|Chief|Commander|Treasurer|Clerk")
#: A lead cell is at most this many words.
_LEAD_WORDS = 12

Item = tuple[int, str]  # (line number, stripped text)


@dataclass
class Row:
    """The cells of one table row as they are found, with the lines they came from."""

    number: str
    lines: set[int] = field(default_factory=set)
    progress_lines: set[int] = field(default_factory=set)
    heading: list[str] = field(default_factory=list)
    owner: list[str] = field(default_factory=list)
    timescale: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)
    classification: str | None = None
    status: str | None = None
    interleaved: bool = False

    def take(self, cell: list[str], line: int, text: str) -> None:
        cell.append(text)
        self.lines.add(line)

    def take_progress(self, line: int, text: str) -> None:
        self.progress.append(text)
        self.lines.add(line)
        self.progress_lines.add(line)


def row_ids(text: str) -> list[str] | None:
    """The row ids a line holds and nothing else, as printed without a full stop; None otherwise.

    >>> row_ids("R2"), row_ids("R3 R4 R5"), row_ids("12."), row_ids("3(a)"), row_ids("R2 is late")
    (['R2'], ['R3', 'R4', 'R5'], ['12'], ['3(a)'], None)
    """
    tokens = text.split()
    if not tokens or not all(_ID.fullmatch(token) for token in tokens):
        return None
    return [token.rstrip(".") for token in tokens]


def id_prefix(number: str) -> str:
    """The letter before an id's digits ("R" of "R12"), or "" for a bare number."""
    match = _ID.fullmatch(number)
    return match["prefix"] if match else ""


def parent_of(number: str) -> str | None:
    """The parent of a lettered part: "R3" of "R3a", "6" of "6(b)"; None for a whole row.

    >>> parent_of("R3a"), parent_of("6(b)"), parent_of("R3")
    ('R3', '6', None)
    """
    match = _ID.fullmatch(number)
    return f"{match['prefix']}{match['digits']}" if match and match["part"] else None


def is_cell(text: str) -> bool:
    """Whether a short line has the shape of a table cell that can recur: an id, a status, a label,
    a timescale or a lead."""
    return bool(
        row_ids(text) or STATUS.search(text) or CLASSIFICATION.match(text) or TIMESCALE.search(text)
        or OWNER.match(text) or "/" in text or "Head of" in text
    )


def _continues(text: str) -> bool:
    """A cell continued from the previous page starts in lower case ("outcomes.", "arrangements ...")."""
    return text[:1].islower()


def _open(carry: Row | None) -> bool:
    """Whether a carried row can take continued cells (an interleaved row's cells are not split by pages)."""
    return carry is not None and not carry.interleaved


def _strong_owner(text: str) -> bool:
    """An owner beyond doubt: an acronym with a slash, "Head of ...", or one acronym alone."""
    words = text.split()
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) > 1
    return "/" in " ".join(words[:2]) or "Head of" in text or acronym


def _lead_shaped(text: str) -> bool:
    """A line that can be a lead cell: short, no date, and an owner's shape or no full stop at the end."""
    if len(text.split()) > _LEAD_WORDS or TIMESCALE.search(text) or STATUS.search(text) or CLASSIFICATION.match(text):
        return False
    return bool(OWNER.match(text)) or not re.search(r"[.;:!?]$", text)


# --- the columns of a block ------------------------------------------------------------------------


def read_subjects(items: list[Item], pos: int, rows: list[Row], carry: Row | None) -> tuple[int, int]:
    """Subjects in row order, each optionally followed by its classification; a lower-case line or a
    classification before the first subject continues the carried row, a lower-case line after a
    subject continues that subject."""
    current: Row | None = None
    read = 0
    while pos < len(items):
        number, text = items[pos]
        if CLASSIFICATION.match(text):
            target = current if current is not None else carry
            if target is None or target.classification:
                break
            target.classification = text
            target.lines.add(number)
        elif read == len(rows) or _strong_owner(text) or STATUS.search(text):
            break
        elif current is None and _open(carry) and _continues(text):
            carry.take(carry.heading, number, text)
        elif current is not None and current.classification is None and _continues(text):
            current.take(current.heading, number, text)  # a subject printed on two lines
        else:
            current = rows[read]
            read += 1
            current.take(current.heading, number, text)
        pos += 1
    return pos, read


def read_leads(items: list[Item], pos: int, rows: list[Row], carry: Row | None) -> tuple[int, int]:
    """Leads in row order. A first line continues the carried row's lead (cut by the page break, as
    "Value group") when it starts in lower case or when there is one lead line more than rows."""
    run = []
    while pos + len(run) < len(items) and len(run) <= len(rows) and _lead_shaped(items[pos + len(run)][1]):
        run.append(items[pos + len(run)])
    if run and _open(carry) and (_continues(run[0][1]) or len(run) > len(rows)):
        number, text = run.pop(0)
        carry.take(carry.owner, number, text)
        pos += 1
    run = run[: len(rows)]
    for row, (number, text) in zip(rows, run):
        row.take(row.owner, number, text)
    return pos + len(run), len(run)


def read_timescales(
    items: list[Item], pos: int, rows: list[Row], carry: Row | None, extend: bool = True
) -> tuple[int, int]:
    """Timescale cells in row order; dated lines beyond one per row extend the last row's cell.

    A cell of two lines ("Guidance to be agreed in April 2002." "Compliance checking ... in June
    2002") is only trusted when its second line is no finished sentence and, with ``extend`` false
    (progress comes next), not at all: a dated progress sentence is not a timescale.
    """
    read = 0
    while pos < len(items):
        number, text = items[pos]
        dated = bool(TIMESCALE.search(text)) or (read < len(rows) and bool(_MONTH_ALONE.search(text)))
        extra = read >= len(rows) and (not extend or text.endswith("."))
        if len(text.split()) > 15 or not dated or extra or STATUS.search(text):
            break
        row = rows[min(read, len(rows) - 1)]
        row.take(row.timescale, number, text)
        read += 1
        pos += 1
    return pos, read


def read_texts(items: list[Item], pos: int, rows: list[Row], carry: Row | None) -> tuple[int, int]:
    """One recommendation text per row; a lower-case line before the first continues the carried row,
    one between two texts the text before it (after the last text, it is progress continued)."""
    read = 0
    while pos < len(items) and read < len(rows):
        number, text = items[pos]
        if STATUS.match(text):
            break
        if read == 0 and _open(carry) and carry.text and _continues(text):
            carry.take(carry.text, number, text)
        elif read > 0 and _continues(text):
            rows[read - 1].take(rows[read - 1].text, number, text)
        else:
            rows[read].take(rows[read].text, number, text)
            read += 1
        pos += 1
    return pos, read


_COLUMN_READERS = {"subject": read_subjects, "lead": read_leads, "text": read_texts}


def read_block(
    items: list[Item], rows: list[Row], carry: Row | None, columns: tuple[str, ...]
) -> tuple[list[Item], dict[str, int]]:
    """Place a block's lines column by column, the carried row's continuations first.

    Parameters
    ----------
    items : the block's lines after its id lines (footers left out).
    rows : the block's rows, in id order.
    carry : the last row of the block before, which may continue at the top of each column.
    columns : the column kinds in printed order, progress last (see :func:`~.pdf_header.read_header`).

    Returns
    -------
    tuple : the lines left after every row's status line, and the count of cells read per column.
    """
    pos, counts = 0, {}
    for index, kind in enumerate(columns[:-1]):  # progress, the last column, closes each row with its status
        if kind == "timescale":
            pos, counts[kind] = read_timescales(items, pos, rows, carry, extend=columns[index + 1] != "progress")
        else:
            pos, counts[kind] = _COLUMN_READERS[kind](items, pos, rows, carry)
    return read_progress(items, pos, rows, carry), counts


def read_progress(items: list[Item], pos: int, rows: list[Row], carry: Row | None) -> list[Item]:
    """Progress texts in row order, each closed by its status line; an open carried row comes first.

    Returns the text left after every row's status line.
    """
    targets = ([carry] if carry is not None and carry.status is None else []) + rows
    if _status_column(items[pos:], len(targets)):
        return _read_status_column(items[pos:], targets)
    current = 0
    unplaced: list[Item] = []
    for number, text in items[pos:]:
        rest = text
        while rest:
            if current >= len(targets):
                unplaced.append((number, rest))
                break
            row = targets[current]
            status = STATUS.search(rest)
            piece = rest[: status.start()].strip() if status else rest
            if piece:
                row.take_progress(number, piece)
            if not status:
                break
            row.status = status.group()
            row.take_progress(number, row.status)
            current += 1
            rest = rest[status.end() :].strip()
    return unplaced


def _status_column(items: list[Item], rows: int) -> bool:
    """Whether the statuses form a column of their own after the progress texts: one text line per
    row, then one status line per row (a header "Progress | Degree to which recommendation met")."""
    texts, statuses = items[:rows], items[rows : 2 * rows]
    return (
        rows > 1 and len(items) == 2 * rows
        and not any(STATUS.search(text) for _, text in texts)
        and all(STATUS.fullmatch(text) for _, text in statuses)
    )


def _read_status_column(items: list[Item], rows: list[Row]) -> list[Item]:
    for row, (number, text), (status_line, status) in zip(rows, items, items[len(rows) :]):
        row.take_progress(number, text)
        row.status = status
        row.take_progress(status_line, status)
    return []


# --- rows interleaved with the header ------------------------------------------------------------


def header_rows(lines: list[Item], first_number: str) -> list[Row]:
    """Rows whose cells run on into a header after its column headings (see :func:`interleaved_rows`).

    ``lines`` are the header line holding the column headings and the header lines after it;
    ``first_number`` is the first id of the first block: ids of its prefix ("R") are looked for, a
    bare number only as the row just before it.
    """
    if not lines or not headings_at(lines[0][1]):
        return []
    rest = " ".join([read_header(lines[0][1]).rest] + [text for _, text in lines[1:]])
    prefix = id_prefix(first_number)
    if prefix:
        pattern = rf"(?<![A-Za-z0-9]){prefix}\d{{1,3}}(?![0-9a-z])"
    else:
        before = int(re.match(r"\d+", first_number).group()) - 1
        pattern = rf"(?<![\w/.,:%-]){before}(?=\s+[A-Z]|[A-Z])" if before > 0 else r"(?!)"
    return interleaved_rows(rest, {number for number, _ in lines}, list(re.finditer(pattern, rest)))


def interleaved_rows(rest: str, lines: set[int], ids: list[re.Match[str]]) -> list[Row]:
    """Take what can be placed from rows whose cells are interleaved in the header paragraph.

    ``rest`` is the header's text after its column headings and ``ids`` the row ids found in it.
    Cells alternate word-group by word-group, so only fragments are placed: the subject's first
    words (between the id and the lead's first token), the lead's first token, the
    recommendation's first fragment and the progress's first fragment (the last cell of the printed
    line above the first id). The whole paragraph (``lines``) is each row's provenance.
    """
    rows = []
    for index, match in enumerate(ids):
        end = ids[index + 1].start() if index + 1 < len(ids) else len(rest)
        row = Row(match.group(), set(lines), set(lines), interleaved=True)
        if index == 0:
            cells = _CELL_START.split(rest[: match.start()].strip())
            if len(cells) > 1:  # the first cell is what is left of the column headings
                row.progress.append(cells[-1])
        _place_fragments(row, rest[match.end() : end])
        rows.append(row)
    return rows


def _place_fragments(row: Row, segment: str) -> None:
    words = segment.split()
    owner_at = next((i for i, w in enumerate(words) if _LEAD_TOKEN.fullmatch(w)), None)
    if owner_at is not None:
        row.heading.append(" ".join(words[:owner_at]))
        label = re.search(r"(?<![A-Za-z])(?:STATUTORY|Non[^a-z]?statutory)", segment)
        row.classification = label.group() if label else None
        row.owner.append(words[owner_at])
        after = " ".join(words[owner_at + 1 :])
        end = _FRAGMENT_END.search(after)
        row.text.append(after[: end.end()] if end else after.split(". ")[0])
    status = STATUS.search(segment)
    if status:  # a status inside the paragraph closes the row; otherwise the next block's first one does
        row.status = status.group()
        row.progress.append(row.status)
