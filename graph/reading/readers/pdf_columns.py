"""Action plans printed from a PDF table whose columns were flattened to text one after another.

The family (seed: 002, a District Audit action plan summary behind a document-sharing site's page):

- a *web page wrapper* may come first (see :mod:`~recgraph.graph.reading.readers.pdf_wrapper`);
- the *body*, one run of non-blank lines: one or more *tables*, each opened by a header ("Appendix
  1", the title, the date, the column headings; see :mod:`~recgraph.graph.reading.readers.pdf_header`)
  that may run on into its first row, the cells interleaved word-group by word-group;
- then *blocks*, each opened by one or more id lines (``R2``; ``R3`` ``R4`` ``R5``; ``3``) and
  holding the cells of those rows column by column, each row closed by a status line
  "Recommendation met: X" (see :mod:`~recgraph.graph.reading.readers.pdf_cells`);
- page footers mixed in, and rows continued from one block into the next at page breaks.

A table whose header names another report starts another source report; a header that only
repeats the column headings is boilerplate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from recgraph.errors import ReadError
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, Recommendation, ReadResult, SourceReport
from recgraph.graph.reading.readers.pdf_cells import (
    STATUS,
    Item,
    Row,
    header_rows,
    id_prefix,
    is_cell,
    parent_of,
    read_block,
    row_ids,
)
from recgraph.graph.reading.readers.pdf_header import (
    DEFAULT_COLUMNS,
    Header,
    Section,
    body_start,
    headings_at,
    is_prose,
    read_header,
    sections,
)
from recgraph.graph.reading.readers.pdf_wrapper import claim_wrapper, footer_lines, is_site_trailer
from recgraph.graph.reading.readers.text import Coverage, Document, clean, slugify

NAME = "pdf_columns"


def detect(doc: Document) -> float:
    r"""How strongly ``doc`` looks like a flattened PDF action plan.

    Keys on "Recommendation met: X" status lines, then on id lines ("R2", "3") standing alone, and
    on the absence of tab-separated tables (those belong to the table families).

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
    statuses = sum(bool(STATUS.search(line)) for line in nonblank)
    if tabbed > 0.2:
        return 0.1 if statuses else 0.0
    if not statuses:
        return 0.2
    ids = len(_id_lines(doc))
    return round(0.2 + 0.45 * min(statuses, 3) / 3 + 0.35 * min(ids, 3) / 3, 3)


def read(doc: Document) -> ReadResult:
    """Read a flattened PDF action plan into a paper, its source reports, rows and their progress.

    Boilerplate claimed without a record: the web page wrapper before the body, page footers,
    repeated column headings, and short UI lines after the last row's status. Any other line no row
    or header uses is a leftover.

    Parameters
    ----------
    doc : the paper's text.

    Returns
    -------
    ReadResult : one Recommendation and one ProgressUpdate per row id, in row order.

    Raises
    ------
    ReadError : no row id (``R2``, ``3``) stands on a line of its own, so no row can be found.
    """
    ids = _id_lines(doc)
    if not ids:
        raise ReadError("no row id (such as 'R2') on a line of its own: not a flattened PDF action plan", doc.name, 1)
    coverage = Coverage(doc)
    warnings: list[str] = []
    start = body_start(doc, min(ids))
    claim_wrapper(doc, coverage, start, warnings)
    numbered = id_prefix(ids[min(ids)][0]) == ""
    skip = set(footer_lines(doc, start, is_cell, numbered))
    tables_at, repeated = sections(doc, ids, skip, start)
    skip |= set(repeated)  # column headings repeated on a later page
    for number in skip:
        coverage.claim(number)

    tables = [_read_table(doc, section, ids, skip, coverage, warnings) for section in tables_at]
    for table in tables[:-1]:
        _place_trailing(doc, table, warnings)
    _place_trailing(doc, tables[-1], warnings, coverage)
    heads = [table.head for table in tables if table.head is not None]
    sources: dict[str, SourceReport] = {}
    for table in tables:
        sources.setdefault(table.source.key, table.source)
    title = next((head.title for head in heads if head.title), None) or _page_title(doc, start)
    date = next((head.date for head in heads if head.date), None)
    paper = Paper(file=doc.name, layout=NAME, title=title, date=date, source_reports=tuple(sources.values()),
                  provenance=tables[0].provenance)
    result = ReadResult(paper=paper, warnings=warnings)
    for table in tables:
        _add_records(doc, table, date, coverage, result)
    result.leftovers = coverage.leftovers()
    return result


# --- finding the parts of the page ---------------------------------------------------------------


def _id_lines(doc: Document) -> dict[int, list[str]]:
    """Lines holding only row ids with the most common prefix ("R", or none).

    An id line is followed by a cell: a number standing between blank lines is the web page's ("8"
    pages), unless every line of the text stands between blank lines.
    """
    found = {n: ids for n, line in enumerate(doc.lines[:-1], 1) if (ids := row_ids(line.strip()))}
    followed = {n: ids for n, ids in found.items() if doc.line(n + 1).strip()}
    found = followed or found
    if not found:
        return {}
    prefix = Counter(id_prefix(ids[0]) for ids in found.values()).most_common(1)[0][0]
    return {n: ids for n, ids in found.items() if all(id_prefix(i) == prefix for i in ids)}


def _page_title(doc: Document, body_start: int) -> str | None:
    """The web page's title (its first line) when the paper has a wrapper but prints no title."""
    if body_start == 1:
        return None
    return next((line.strip() for line in doc.lines[: body_start - 1] if line.strip()), None)


# --- one table -----------------------------------------------------------------------------------


@dataclass
class _Table:
    """One table read: its header, source report, rows and the text found after the last status."""

    head: Header | None
    source: SourceReport
    provenance: Provenance | None
    rows: list[Row]
    trailing: list[Item]


def _read_table(
    doc: Document, section: Section, ids: dict[int, list[str]], skip: set[int], coverage: Coverage, warnings: list[str]
) -> _Table:
    """Read one table: its header, then the rows interleaved with it and the blocks."""
    last_head = section.first_id - 1 if section.first_id else section.end
    lines = [n for n in range(section.start, last_head + 1) if doc.line(n).strip() and n not in skip]
    at = next((i for i, n in enumerate(lines) if headings_at(doc.line(n))), len(lines) - 1)
    head, provenance = _read_head(doc, lines[: at + 1], coverage, warnings)
    title = head.source_title if head and head.source_title else "untitled"
    if title == "untitled":
        where = section.first_id or section.start
        warnings.append(f"{doc.name}:{where}: no title before the first row; source report untitled")
    source = SourceReport(slugify(title), title, provenance=provenance)
    table = _Table(head, source, provenance, [], [])
    if section.first_id is None:
        warnings.append(f"{doc.name}:{section.start}: a table header with no rows after it")
        return table
    blocks = _blocks(doc, ids, skip, section)
    table.rows = _header_rows(doc, lines[at:], ids[blocks[0][0][0]][0], warnings) if lines else []
    carry = table.rows[-1] if table.rows else None
    for index, (run, items) in enumerate(blocks):
        rows = [Row(number, {line}) for line in run for number in ids[line]]
        table.trailing, counts = read_block(items, rows, carry, head.columns if head else DEFAULT_COLUMNS)
        _warn_counts(doc, rows, counts, warnings)
        table.rows.extend(rows)
        carry = rows[-1]
        if index < len(blocks) - 1:
            _place_trailing(doc, table, warnings)
    for row in table.rows:
        if row.status is None:
            warnings.append(f"{doc.name}:{min(row.lines)}: row {row.number} has no 'Recommendation met' status line")
    return table


def _header_rows(doc: Document, lines: list[int], first_number: str, warnings: list[str]) -> list[Row]:
    """Rows run on into the header after its column headings (the headings line and any after it).

    Lines after the headings line that hold no row are warned about and left over.
    """
    rows = header_rows([(n, doc.line(n).strip()) for n in lines], first_number)
    for row in rows:
        warnings.append(
            f"{doc.name}:{min(row.lines)}: row {row.number}'s cells are interleaved in one paragraph; its heading, "
            "owner, text and progress were reconstructed from fragments (the whole paragraph is its provenance)"
        )
    if not rows:
        for number in lines[1:]:
            warnings.append(f"{doc.name}:{number}: text between the column headings and the first row holds no row id")
    return rows


def _warn_counts(doc: Document, rows: list[Row], counts: dict[str, int], warnings: list[str]) -> None:
    """Warn when a block has fewer timescale or recommendation cells than rows."""
    where = f"{doc.name}:{min(rows[0].lines)}"
    numbers = " ".join(row.number for row in rows)
    if 0 < counts.get("timescale", 0) < len(rows):
        warnings.append(
            f"{where}: {counts['timescale']} timescale cells for rows {numbers}; given to the first rows in order"
        )
    if counts.get("text", 0) < len(rows):
        warnings.append(f"{where}: {counts.get('text', 0)} recommendation texts for rows {numbers}")


def _place_trailing(doc: Document, table: _Table, warnings: list[str], coverage: Coverage | None = None) -> None:
    """Text after a block's last status that no later block takes is warned and left over; after the
    paper's last row (``coverage`` given), short site UI closing the page is boilerplate."""
    for number, text in table.trailing:
        if coverage is not None and is_site_trailer(text):
            coverage.claim(number)  # "Voir icon more", "Alternate Text"
        else:
            warnings.append(f"{doc.name}:{number}: text after every row's status line could not be placed")
    table.trailing = []


def _read_head(
    doc: Document, lines: list[int], coverage: Coverage, warnings: list[str]
) -> tuple[Header | None, Provenance | None]:
    """Read and claim a table's header lines; prose in them (no headings, no date) is left over."""
    head = [n for n in lines if not is_prose(doc.line(n).strip())]
    for number in lines:
        if number in head:
            coverage.claim(number)
        else:
            warnings.append(f"{doc.name}:{number}: prose before the first row is not part of the table's header")
    if not head:
        return None, None
    header = read_header(" ".join(doc.line(n).strip() for n in head))
    return header, doc.provenance(head[0], head[-1])


def _blocks(
    doc: Document, ids: dict[int, list[str]], skip: set[int], section: Section
) -> list[tuple[list[int], list[Item]]]:
    """Split a table into blocks: a run of consecutive id lines and the lines up to the next run."""
    blocks: list[tuple[list[int], list[Item]]] = []
    number = section.first_id or section.end + 1
    while number <= section.end:
        run = []
        while number <= section.end and (number in ids or (run and not doc.line(number).strip())):
            if number in ids:
                run.append(number)
            number += 1
        items = []
        while number <= section.end and number not in ids:
            text = doc.line(number).strip()
            if text and number not in skip:
                items.append((number, text))
            number += 1
        blocks.append((run, items))
    return blocks


# --- records -------------------------------------------------------------------------------------


def _add_records(doc: Document, table: _Table, date: str | None, coverage: Coverage, result: ReadResult) -> None:
    """One recommendation and progress update per row; a number printed twice in a table is warned."""
    seen: set[str] = set()
    for row in table.rows:
        if row.number in seen:
            where = f"{doc.name}:{min(row.lines)}"
            result.warnings.append(f"{where}: row {row.number} appears twice; the second is left unread")
            continue
        seen.add(row.number)
        for number in row.lines:
            coverage.claim(number)
        result.recommendations.append(_recommendation(doc, row, table.source.key))
        result.updates.append(_update(doc, row, table.source.key, date))


def _joined(cell: list[str]) -> str | None:
    return clean(" ".join(cell)) or None


def _provenance(doc: Document, lines: set[int]) -> Provenance:
    """The row's lines verbatim; a row split across blocks is the lines it uses, not the span between."""
    first, last = min(lines), max(lines)
    return doc.provenance(first, last, "\n".join(doc.line(n) for n in sorted(lines)))


def _recommendation(doc: Document, row: Row, source: str) -> Recommendation:
    return Recommendation(
        source_report=source,
        number=row.number,
        text=_joined(row.text) or "",
        provenance=_provenance(doc, row.lines),
        parent=parent_of(row.number),
        heading=_joined(row.heading),
        classification=row.classification,
    )


def _update(doc: Document, row: Row, source: str, date: str | None) -> ProgressUpdate:
    """The row's progress (cells joined and cleaned; the status phrase verbatim)."""
    return ProgressUpdate(
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
