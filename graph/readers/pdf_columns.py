"""Action plans printed from a PDF table whose columns were flattened to text one after another.

The family (seed: 002, a District Audit action plan summary behind a document-sharing site's page):

- a *web page wrapper*: the page title, then a run of very short UI lines (``icon``, ``pages``,
  ``English`` ...) separated by blank lines, repeated lines, and a truncated preview paragraph that
  duplicates the body's first long line; a few short UI lines may also close the page;
- the *body*, one run of non-blank lines: an optional short line ("Appendix 1"), then a header
  paragraph holding the title in capitals, the date, the column headings and, often, the first
  row with its cells interleaved word-group by word-group (it cannot be fully taken apart);
- then *blocks*, each opened by one or more id lines (``R2``, or ``R3`` ``R4`` ``R5``) and holding
  the cells of those rows column by column: subjects (each followed by STATUTORY / Non-statutory),
  leads, timescales, recommendation texts, progress texts each closed by a status line
  "Recommendation met: X" (sometimes glued to the next text);
- page breaks: a page footer (a short line repeated on every page) is mixed in, and the last row of
  a block (the *carried* row) continues at the top of each column of the next block.

Rows are read by the ids of each block and by the shape of cells (an owner looks like "ACPRS/ Head
of ...", a timescale holds a month, a year or "Ongoing"), never by facts of one document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from recgraph.errors import ReadError
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, Recommendation, ReadResult, SourceReport
from recgraph.graph.readers.text import Coverage, Document, clean, slugify

NAME = "pdf_columns"

_ID_LINE = re.compile(r"^([A-Z])(\d{1,3})$")
# The scale word is matched case-sensitively so glued text ("moderatelyResourcing") stays out.
_STATUS = re.compile(r"[Rr]ecommendation\s+met\s*:\s*[a-z]+")
# The hyphen of "Non-statutory" may be a space, a hyphen or a PDF private-use glyph (U+E007).
_CLASSIFICATION = re.compile(r"^(?:non[^a-z]?)?statutory$", re.IGNORECASE)
_MONTHS = "January February March April May June July August September October November December".split()
_MONTH_WORD = "(?:" + "|".join(_MONTHS + "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()) + ")"
# A timescale cell opens with a plan word or holds a date ("31 March 02", "Dec 2002", "2002/2003").
# Month names are capitalised so that the verb "may" is not a date; a month alone ("May meeting")
# is only a weak sign, trusted while a row of the block still lacks its timescale.
_TIMESCALE = re.compile(
    r"^(?i:ongoing|complete(?:d)?|immediate(?:ly)?|(?:by )?end of|within)\b"
    rf"|\b{_MONTH_WORD}\s+'?\d\d(?:\d\d)?\b|\b(?:19|20)\d\d\b"
)
_MONTH_ALONE = re.compile(rf"\b{_MONTH_WORD}\b")
_OWNER = re.compile(r"^(?:[A-Z]{2,}[A-Za-z&]*\s*/|[A-Z]{2,}(?:\s|$)|Head of\b|Director\b|Chief\b)")
_DATE = re.compile(
    r"(?:\b(\d{1,2})(?:st|nd|rd|th)?\s+)?\b(" + "|".join(_MONTHS) + r")\s+"
    r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b"
)
# A recommendation-cell fragment of an interleaved row ends where grammar breaks: an article
# followed by a function word ("all of the | on future") means the next word is another cell's.
_FRAGMENT_END = re.compile(
    r"\b(?:the|a|an)\b(?=\s+(?:on|to|in|of|for|at|by|with|from|the|a|an|and|or|is|are|was|were)\b)"
)
# A new cell on the same printed line: a capitalised word right after a word ending in lower case.
_CELL_START = re.compile(r"(?<=[a-z,])\s+(?=[A-Z][a-z])")

#: Web page UI lines are at most this many words (and characters).
_SHORT_WORDS, _SHORT_CHARS = 4, 40


@dataclass
class _Row:
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


_Item = tuple[int, str]  # (line number, stripped text)


def detect(doc: Document) -> float:
    r"""How strongly ``doc`` looks like a flattened PDF action plan.

    Keys on "Recommendation met: X" status lines and id lines ("R2") standing alone, and on the
    absence of tab-separated tables (those belong to the table families).

    Parameters
    ----------
    doc : the paper's text.

    Returns
    -------
    float : 0 (not this family) to 1 (certainly this family).

    Examples
    --------
    >>> detect(Document.from_text("R2\nHMIC work\nRecommendation met: partially\nR3\nRecommendation met: completely"))
    0.733
    """
    nonblank = [line for line in doc.lines if line.strip()]
    if not nonblank:
        return 0.0
    tabbed = sum("\t" in line for line in nonblank) / len(nonblank)
    statuses = sum(bool(_STATUS.search(line)) for line in nonblank)
    ids = sum(bool(_ID_LINE.match(line.strip())) for line in nonblank)
    if tabbed > 0.2:
        return 0.1 if statuses else 0.0
    return round(0.45 * min(statuses, 3) / 3 + 0.35 * min(ids, 3) / 3 + 0.2, 3)


def read(doc: Document) -> ReadResult:
    """Read a flattened PDF action plan into a paper, its source report, rows and their progress.

    Boilerplate claimed without a record: the web page wrapper before the body (page title, short
    UI lines, repeated lines, the truncated preview of the header paragraph), page footers, and
    short UI lines after the last row's status. Any other line no row uses is a leftover.

    Parameters
    ----------
    doc : the paper's text.

    Returns
    -------
    ReadResult : one Recommendation and one ProgressUpdate per row id, in row order.

    Raises
    ------
    ReadError : no id line (``R2``) stands on a line of its own, so no row can be found.
    """
    id_lines = _id_lines(doc)
    if not id_lines:
        raise ReadError("no row id (such as 'R2') on a line of its own: not a flattened PDF action plan", doc.name, 1)
    coverage = Coverage(doc)
    warnings: list[str] = []
    head = _read_head(doc, id_lines, coverage, warnings)
    footers = _footer_lines(doc, head.body_start)
    for number in footers:
        coverage.claim(number)
    rows = _read_rows(doc, id_lines, footers, head, coverage, warnings)

    source = SourceReport(slugify(head.source_title), head.source_title, provenance=head.provenance)
    paper = Paper(file=doc.name, layout=NAME, title=head.title, date=head.date, source_reports=(source,),
                  provenance=head.provenance)
    result = ReadResult(paper=paper, warnings=warnings)
    seen: set[str] = set()
    for row in rows:
        if row.number in seen:
            warnings.append(f"{doc.name}:{min(row.lines)}: row {row.number} appears twice; the second is left unread")
            continue
        seen.add(row.number)
        for number in row.lines:
            coverage.claim(number)
        rec, update = _records(doc, row, source.key, head.date)
        result.recommendations.append(rec)
        result.updates.append(update)
    result.leftovers = coverage.leftovers()
    return result


@dataclass
class _Head:
    """The body's opening: the header paragraph's line, the title, the date, the source report."""

    body_start: int
    line: int | None
    text: str
    title: str | None
    source_title: str
    date: str | None
    provenance: Provenance | None


def _read_head(doc: Document, id_lines: list[int], coverage: Coverage, warnings: list[str]) -> _Head:
    """Claim the web page wrapper and read the title, source report and date from the header."""
    body_start = _run_start(doc, id_lines[0])
    header_no = _header_line(doc, body_start, id_lines[0], _prefix(doc, id_lines))
    _claim_wrapper(doc, coverage, body_start, header_no, warnings)
    if header_no is None:
        warnings.append(f"{doc.name}:{id_lines[0]}: no header paragraph before the first row; source report untitled")
        return _Head(body_start, None, "", None, "untitled", None, None)
    header = doc.line(header_no).strip()
    title_run = _title_run(header)
    before = [n for n in range(body_start, header_no) if doc.line(n).strip()]  # "Appendix 1"
    title = " ".join([doc.line(n).strip() for n in before] + [title_run]).strip() or None
    # "ACTION PLAN PROGRESS SUMMARY : <source report>": the report is named after the colon.
    source_title = title_run.rsplit(":", 1)[-1].strip() or title or "untitled"
    coverage.claim(body_start, header_no)
    provenance = doc.provenance(body_start, header_no)
    return _Head(body_start, header_no, header, title, source_title, _find_date(header[len(title_run) :]), provenance)


def _read_rows(
    doc: Document, id_lines: list[int], footers: list[int], head: _Head, coverage: Coverage, warnings: list[str]
) -> list[_Row]:
    """The rows: the interleaved first row (if the header runs into one), then each block's rows."""
    rows: list[_Row] = []
    carry = _interleaved_row(head, _prefix(doc, id_lines))
    if carry:
        rows.append(carry)
        warnings.append(
            f"{doc.name}:{head.line}: row {carry.number}'s cells are interleaved in one paragraph; its heading, "
            "owner, text and progress were reconstructed from fragments (the whole paragraph is its provenance)"
        )
    blocks = _blocks(doc, id_lines, footers)
    for index, (ids, items) in enumerate(blocks):
        new_rows = [_Row(doc.line(n).strip(), {n}) for n in ids]
        unplaced = _read_block(doc, items, new_rows, carry, warnings)
        rows.extend(new_rows)
        carry = new_rows[-1]
        for number, text in unplaced:
            if index == len(blocks) - 1 and _is_short(text):
                coverage.claim(number)  # site UI closing the page ("Voir icon more")
            else:
                warnings.append(f"{doc.name}:{number}: text after every row's status line could not be placed")
    for row in rows:
        if row.status is None:
            warnings.append(f"{doc.name}:{min(row.lines)}: row {row.number} has no 'Recommendation met' status line")
    return rows


# --- finding the parts of the page ---------------------------------------------------------------


def _id_lines(doc: Document) -> list[int]:
    """Lines holding only a row id, with the most common id letter ("R")."""
    found = [(n, m.group(1)) for n, line in enumerate(doc.lines, 1) if (m := _ID_LINE.match(line.strip()))]
    if not found:
        return []
    letter = Counter(letter for _, letter in found).most_common(1)[0][0]
    return [n for n, l in found if l == letter]


def _prefix(doc: Document, id_lines: list[int]) -> str:
    return doc.line(id_lines[0]).strip()[0]


def _run_start(doc: Document, number: int) -> int:
    """First line of the run of non-blank lines holding ``number``: the PDF body has no blank lines."""
    while number > 1 and doc.line(number - 1).strip():
        number -= 1
    return number


def _header_line(doc: Document, body_start: int, first_id: int, prefix: str) -> int | None:
    """The header paragraph: the body line before the first block holding an embedded id, else the last one."""
    candidates = [n for n in range(body_start, first_id) if doc.line(n).strip()]
    for number in candidates:
        if _embedded_id(doc.line(number), prefix):
            return number
    return candidates[-1] if candidates else None


def _embedded_id(text: str, prefix: str) -> re.Match[str] | None:
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(prefix)}\d{{1,3}}(?![0-9a-z])", text)


def _is_short(text: str) -> bool:
    return len(text.split()) <= _SHORT_WORDS and len(text) <= _SHORT_CHARS


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _is_preview(text: str, body: list[str]) -> bool:
    """A truncated preview ("... In ...") of a body line: its letters start that line's letters."""
    head = _squash(re.sub(r"(\.\.\.|…)\s*$", "", text.strip()))
    if len(head) < 80:
        return False
    return any(SequenceMatcher(None, head, _squash(line)[: len(head)]).ratio() > 0.95 for line in body)


def _claim_wrapper(
    doc: Document, coverage: Coverage, body_start: int, header_no: int | None, warnings: list[str]
) -> None:
    """Claim the web page before the body: title, short UI lines, repeated lines and the preview."""
    before = [(n, doc.line(n).strip()) for n in range(1, body_start) if doc.line(n).strip()]
    counts = Counter(text for _, text in before)
    body = [doc.line(header_no)] if header_no else []
    for index, (number, text) in enumerate(before):
        if index == 0 or _is_short(text) or counts[text] > 1 or _is_preview(text, body):
            coverage.claim(number)
        else:
            warnings.append(f"{doc.name}:{number}: text before the document body is not known page boilerplate")


def _footer_lines(doc: Document, body_start: int) -> list[int]:
    """Page footers: a short line (digits ignored) repeated 3 times or more, never on adjacent lines.

    Lines of a cell's shape (id, status, classification, timescale, owner with a slash) are not
    footers even when repeated: a lead can recur row after row.
    """
    seen: dict[str, list[int]] = {}
    for number in range(body_start, len(doc.lines) + 1):
        text = doc.line(number).strip()
        if not text or len(text.split()) > 6 or _ID_LINE.match(text) or _STATUS.search(text):
            continue
        if _CLASSIFICATION.match(text) or _TIMESCALE.search(text) or "/" in text or "Head of" in text:
            continue
        seen.setdefault(re.sub(r"\d", "#", text), []).append(number)
    footers = []
    for numbers in seen.values():
        if len(numbers) >= 3 and all(b - a > 1 for a, b in zip(numbers, numbers[1:])):
            footers.extend(numbers)
    return sorted(footers)


def _title_run(header: str) -> str:
    """The leading words in capitals (digits and ':' or '/' allowed): the printed title."""
    words = []
    for word in header.split():
        if re.search(r"[a-z]", word):
            break
        words.append(word)
    if words and re.fullmatch(r"\d{1,2}", words[-1]):  # a day number that belongs to the date
        words.pop()
    return " ".join(words)


def _find_date(text: str) -> str | None:
    """The first date written with a month name ("31 March 2002", "March 31 2002") as ISO."""
    match = _DATE.search(text)
    if not match:
        return None
    day = match.group(1) or match.group(3)
    if not day:
        return None
    month = _MONTHS.index(match.group(2)) + 1
    return f"{match.group(4)}-{month:02d}-{int(day):02d}"


def _blocks(doc: Document, id_lines: list[int], footers: list[int]) -> list[tuple[list[int], list[_Item]]]:
    """Split the body into blocks: a run of consecutive id lines and the lines up to the next run."""
    skip = set(footers)
    blocks: list[tuple[list[int], list[_Item]]] = []
    ids = set(id_lines)
    number = id_lines[0]
    while number <= len(doc.lines):
        run = []
        while number in ids:
            run.append(number)
            number += 1
        items = []
        while number <= len(doc.lines) and number not in ids:
            text = doc.line(number).strip()
            if text and number not in skip:
                items.append((number, text))
            number += 1
        blocks.append((run, items))
    return blocks


# --- the interleaved first row -------------------------------------------------------------------


def _interleaved_row(head: _Head, prefix: str) -> _Row | None:
    """Take what can be placed from a header paragraph that runs into the first row.

    Cells of the row alternate word-group by word-group, so only fragments are placed: the
    subject's first words (between the id and the owner's first token), the owner's first token,
    the recommendation's first fragment and the progress's first fragment (the last cell of the
    printed line above the id). The whole paragraph is kept as the row's provenance.
    """
    header = head.text
    match = _embedded_id(header, prefix)
    if head.line is None or not match:
        return None
    row = _Row(match.group(), {head.line}, {head.line}, interleaved=True)
    start = len(_title_run(header))
    date = _DATE.search(header, start)
    above = header[date.end() if date else start : match.start()].strip()
    cells = _CELL_START.split(above) if above else []
    if len(cells) > 1:  # the first cell is the column headings
        row.progress.append(cells[-1])
    words = header[match.end() :].split()
    owner_at = next((i for i, w in enumerate(words) if re.fullmatch(r"[A-Z]{2,}[A-Za-z&]*/?", w)), None)
    if owner_at is None:
        return row
    row.heading.append(" ".join(words[:owner_at]))
    label = re.search(r"(?<![A-Za-z])(?:STATUTORY|Non[^a-z]?statutory)", header[match.end() :])
    row.classification = label.group() if label else None
    row.owner.append(words[owner_at])
    rest = " ".join(words[owner_at + 1 :])
    end = _FRAGMENT_END.search(rest)
    row.text.append(rest[: end.end()] if end else rest.split(". ")[0])
    status = _STATUS.search(header, match.end())
    if status:  # a status inside the paragraph closes the row; otherwise the next block's first one does
        row.status = status.group()
        row.progress.append(row.status)
    return row


# --- the blocks ----------------------------------------------------------------------------------


def _continues(text: str) -> bool:
    """A cell continued from the previous page starts in lower case ("outcomes.", "arrangements ...")."""
    return text[:1].islower()


def _open(carry: _Row | None) -> bool:
    """Whether a carried row can take continued cells (an interleaved row's cells are not split by pages)."""
    return carry is not None and not carry.interleaved


def _strong_owner(text: str) -> bool:
    """An owner beyond doubt: an acronym with a slash, "Head of ...", or one acronym alone."""
    words = text.split()
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) > 1
    return "/" in " ".join(words[:2]) or "Head of" in text or acronym


def _read_block(
    doc: Document, items: list[_Item], rows: list[_Row], carry: _Row | None, warnings: list[str]
) -> list[_Item]:
    """Place a block's lines in its rows (and the carried row's continuations); return what is left."""
    where = f"{doc.name}:{min(rows[0].lines)}"
    pos = _read_subjects(items, 0, rows, carry)
    pos = _read_leads(items, pos, rows, carry)
    pos, timescales = _read_timescales(items, pos, rows)
    pos, texts = _read_texts(items, pos, rows, carry)
    ids = " ".join(row.number for row in rows)
    if timescales and timescales < len(rows):
        warnings.append(f"{where}: {timescales} timescale cells for rows {ids}; given to the first rows in order")
    if texts < len(rows):
        warnings.append(f"{where}: {texts} recommendation texts for rows {ids}")
    return _read_progress(items, pos, rows, carry)


def _read_subjects(items: list[_Item], pos: int, rows: list[_Row], carry: _Row | None) -> int:
    """Subjects in row order, each optionally followed by its classification; a lower-case line or a
    classification before the first subject continues the carried row."""
    current: _Row | None = None
    read = 0
    while pos < len(items):
        number, text = items[pos]
        if _CLASSIFICATION.match(text):
            target = current if current is not None else carry
            if target is None or target.classification:
                break
            target.classification = text
            target.lines.add(number)
        elif read == len(rows) or _strong_owner(text) or _STATUS.search(text):
            break
        elif current is None and _open(carry) and _continues(text):
            carry.take(carry.heading, number, text)
        else:
            current = rows[read]
            read += 1
            current.take(current.heading, number, text)
        pos += 1
    return pos


def _read_leads(items: list[_Item], pos: int, rows: list[_Row], carry: _Row | None) -> int:
    """Owners in row order; a short line of no owner shape before the first continues the carried row."""
    read = 0
    while pos < len(items) and read < len(rows):
        number, text = items[pos]
        if _OWNER.match(text) and len(text.split()) <= 12:
            rows[read].take(rows[read].owner, number, text)
            read += 1
        elif read == 0 and _open(carry) and _is_short(text) and not _TIMESCALE.search(text):
            carry.take(carry.owner, number, text)  # an owner cut by the page break ("Value group")
        else:
            break
        pos += 1
    return pos


def _read_timescales(items: list[_Item], pos: int, rows: list[_Row]) -> tuple[int, int]:
    """Timescale cells in row order; dated lines beyond one per row extend the last row's cell."""
    read = 0
    while pos < len(items):
        number, text = items[pos]
        dated = bool(_TIMESCALE.search(text)) or (read < len(rows) and bool(_MONTH_ALONE.search(text)))
        if len(text.split()) > 15 or not dated or _STATUS.search(text):
            break
        row = rows[min(read, len(rows) - 1)]
        row.take(row.timescale, number, text)
        read += 1
        pos += 1
    return pos, read


def _read_texts(items: list[_Item], pos: int, rows: list[_Row], carry: _Row | None) -> tuple[int, int]:
    """One recommendation text per row; a lower-case line before the first continues the carried row."""
    read = 0
    while pos < len(items) and read < len(rows):
        number, text = items[pos]
        if _STATUS.match(text):
            break
        if read == 0 and _open(carry) and carry.text and _continues(text):
            carry.take(carry.text, number, text)
        else:
            rows[read].take(rows[read].text, number, text)
            read += 1
        pos += 1
    return pos, read


def _read_progress(items: list[_Item], pos: int, rows: list[_Row], carry: _Row | None) -> list[_Item]:
    """Progress texts in row order, each closed by its status phrase; an open carried row comes first."""
    targets = ([carry] if carry is not None and carry.status is None else []) + rows
    current = 0
    unplaced: list[_Item] = []
    for number, text in items[pos:]:
        rest = text
        while rest:
            if current >= len(targets):
                unplaced.append((number, rest))
                break
            row = targets[current]
            status = _STATUS.search(rest)
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


# --- records -------------------------------------------------------------------------------------


def _joined(cell: list[str]) -> str | None:
    return clean(" ".join(cell)) or None


def _provenance(doc: Document, lines: set[int]) -> Provenance:
    """The row's lines verbatim; a row split across blocks is the lines it uses, not the span between."""
    first, last = min(lines), max(lines)
    return doc.provenance(first, last, "\n".join(doc.line(n) for n in sorted(lines)))


def _records(doc: Document, row: _Row, source: str, date: str | None) -> tuple[Recommendation, ProgressUpdate]:
    """The row as a recommendation and its progress update (cells joined and cleaned, verbatim otherwise)."""
    rec = Recommendation(
        source_report=source,
        number=row.number,
        text=_joined(row.text) or "",
        provenance=_provenance(doc, row.lines),
        heading=_joined(row.heading),
        classification=row.classification,
    )
    update = ProgressUpdate(
        source_report=source,
        recommendation=row.number,
        paper=doc.name,
        provenance=_provenance(doc, row.progress_lines or row.lines),
        paper_date=date,
        progress=_joined(row.progress),
        status_phrase=row.status,
        owner=_joined(row.owner),
        timescale=_joined(row.timescale),
    )
    return rec, update
