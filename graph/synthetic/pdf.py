"""Writer of the ``pdf_columns`` family: an action plan table printed to PDF and flattened to text.

The page is a document-sharing site's: a title, short UI lines, a repeated notice and a truncated
preview of the body, then the body as one run of non-blank lines. The body opens with an optional
"Appendix N" line and the header paragraph (title in capitals, date, column headings); then each
page of the table is a *block*: the ids of the rows that start on it (``R3`` ``R4`` ``R5``), then
their cells column by column: subjects (with STATUTORY / Non-statutory), leads, timescales,
recommendation texts, and progress texts each closed by "Recommendation met: X".

Quirks reproduced at random: the first row interleaved into the header paragraph word group by word
group; a row cut by the page break continuing at the top of each column of the next block
(subject, lead, text and progress); status lines glued to the next row's progress
("moderatelyResourcing") or to the end of a progress line; "Recommendation met :completely"; a
page footer repeated on every page; the site's closing UI lines.

A careful reader can still tell every row apart: ids stand on lines of their own, a continued
cell starts in lower case, a lead has the "ACPRS/ Head of ..." shape, every timescale is dated, and
no short line other than the footer repeats.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from recgraph.graph.synthetic.content import Item, capitalise, compose, plan_pointers, settle_derived, split_words, truth_record
from recgraph.graph.synthetic.planning import CorpusPlan, PaperPlan, ReportPlan
from recgraph.graph.synthetic.vocabulary import MONTHS, PDF_OWNERS

_LEVELS = {"complete": ("completely",), "substantially": ("significantly",), "partial": ("moderately", "partially")}
_STATUSES = {"complete": 0.4, "substantially": 0.25, "partial": 0.35}
_FRAMES = (
    "{Vp}.",
    "Ensure that the MPS is able to {vp}.",
    "The Authority needs to ensure that the MPS is able to {vp}.",
    "The MPS should {vp}, so that improvement opportunities are realised.",
)
_COLUMNS = "No Subject Lead Timescales Recommendation Progress Update and degree to which recommendation met when action likely to be complete"
_NOTICE = "Downloading this document requires access to the library. Find out about our offers"
# A cell that starts like a timescale would be read as one: continued cells must not.
_DATED = re.compile(r"^(?:ongoing|complete|immediate|by end of|end of|within)\b|\d|\b(?:" + "|".join(MONTHS) + r")\b", re.I)
_OWNER_SHAPE = re.compile(r"^(?:[A-Z]{2,}|Head of\b|Director\b|Chief\b)")


@dataclass
class _Row:
    item: Item
    subject: str
    classification: str | None
    owner: str
    timescales: list[str]
    progress: list[str]
    status_line: str
    cut: dict[str, tuple[str, str]] = field(default_factory=dict)  # cell -> (this page, next page)


def write_pdf(paper: PaperPlan, plan: CorpusPlan, rng: random.Random) -> tuple[list[str], list[dict]]:
    """The lines of a flattened PDF action plan and the truth of its rows (one source report)."""
    report = paper.reports[0]
    items = _items(report, plan, rng)
    for attempt in range(8):  # a rare clash of short lines would look like a page footer: redo
        wrapper, body = _page(paper, report, items, rng, quirks=attempt < 6)
        if _no_false_footer(body):
            break
    return wrapper + body, [truth_record(item, paper.file, report.key, paper.layout, item.issue) for item in items]


def _items(report: ReportPlan, plan: CorpusPlan, rng: random.Random) -> list[Item]:
    def phrase_of(status: str, item: Item) -> tuple[str, str]:
        level = rng.choice(_LEVELS[status])
        phrase = f"Recommendation met :{level}" if rng.random() < 0.05 else f"Recommendation met: {level}"
        return phrase, phrase

    def text_of(vp: str, issue) -> str:
        return rng.choice(_FRAMES).format(vp=vp, Vp=capitalise(vp))

    items = [compose(plan.issues[slot.issue], slot, rng, text_of, _STATUSES, phrase_of) for slot in report.slots]
    for item in items:
        item.owner = rng.choice(PDF_OWNERS)
    plan_pointers(items, rng, ("above",))
    settle_derived(items)
    return items


def _page(paper: PaperPlan, report: ReportPlan, items: list[Item], rng: random.Random, quirks: bool) -> tuple[list[str], list[str]]:
    """The site's wrapper and the body (one run of non-blank lines, then the site's closing lines)."""
    rows = _rows(items, paper.year, rng)
    interleaved = quirks and len(rows) > 1 and rng.random() < 0.5
    blocks = _blocks(rows[1:] if interleaved else rows, rng)
    for row in rows:
        row.item.quirks = []  # this attempt's
    if quirks:
        for block in blocks[:-1]:
            _cut(block[-1], rng)
            if block[-1].cut:
                block[-1].item.quirks.append("continued")
    if interleaved:
        rows[0].item.quirks.append("interleaved")
    header = _header(report.title, paper.year, rows[0] if interleaved else None, rng)
    body = ([f"Appendix {rng.randint(1, 4)}"] if rng.random() < 0.7 else []) + [header]
    footer = f"MPA DA{rng.choice(MONTHS)} {rng.randint(1, 28)}v{rng.randint(1, 4)}" if len(blocks) >= 3 else None
    carry, opening = None, rows[0].status_line if interleaved else None
    for block in blocks:
        body += _block(block, carry, opening, rng, quirks, footer)
        carry, opening = block[-1], None
    body += ["View icon more", "", "Alternate Text"]
    return _wrapper(header, report.title, rng), body


def _rows(items: list[Item], year: int, rng: random.Random) -> list[_Row]:
    """Each item's cells; subjects differ within a paper (a short line seen three times is a footer)."""
    rows, subjects = [], set()
    for item in items:
        heading, values = item.heading or "", item.values
        candidates = (heading, f"{heading} for {values['group']}", f"{heading} in {values['borough']}", f"{heading} ({item.number})")
        subject = next(candidate for candidate in candidates if candidate not in subjects)
        subjects.add(subject)
        # The hyphen of "Non-statutory" is the PDF's private-use glyph U+E007, as in the seed.
        classification = rng.choice(("STATUTORY", "Non\ue007statutory", "Non\ue007statutory", None))
        status = item.printed_status or ""
        rows.append(_Row(item, subject, classification, item.owner or "", [_timescale(year, rng)], list(item.progress), status))
    return rows


def _timescale(year: int, rng: random.Random) -> str:
    short = f"{(year + 1) % 100:02d}"
    return rng.choice((
        f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {short}", f"{rng.choice(MONTHS)} {short}", f"{rng.choice(MONTHS)[:3]} {year + 1}",
        "Ongoing", f"End of {year}/{year + 1}", "Complete", f"Process in place by end of {year + 1}", f"{rng.choice(MONTHS)} {year}",
    ))


def _blocks(rows: list[_Row], rng: random.Random) -> list[list[_Row]]:
    blocks, start = [], 0
    while start < len(rows):
        size = rng.choice((1, 1, 2, 2, 3, 4))
        blocks.append(rows[start : start + size])
        start += size
    return blocks


def _cut(row: _Row, rng: random.Random) -> None:
    """Decide which cells of a block's last row continue on the next page."""
    if rng.random() < 0.6:
        if len(row.progress) > 1 and rng.random() < 0.5:
            cut = rng.randint(1, len(row.progress) - 1)
            row.cut["progress"] = ("\n".join(row.progress[:cut]), "\n".join(row.progress[cut:]))
        else:
            halves = split_words(row.progress[-1], rng)
            if halves:
                row.cut["progress"] = ("\n".join([*row.progress[:-1], halves[0]]), halves[1])
    if rng.random() < 0.3:
        halves = split_words(row.item.text, rng, lower_start=True)
        if halves and not _DATED.search(halves[1]):
            row.cut["text"] = halves
    if rng.random() < 0.3:
        words = row.subject.split(" ")
        # The part left on this page must still read as a subject, not as a lead ("HR" alone).
        cuts = [i for i in range(1, len(words)) if words[i][:1].islower() and not _OWNER_SHAPE.match(" ".join(words[:i]))]
        if cuts:
            at = rng.choice(cuts)
            rest = " ".join(words[at:])
            if not _DATED.search(rest):
                row.cut["subject"] = (" ".join(words[:at]), rest)
    if rng.random() < 0.3:
        words = row.owner.split(" ")
        for at in range(len(words) - 1, 2, -1):
            rest = " ".join(words[at:])
            if len(rest) <= 40 and at >= len(words) - 4 and not _OWNER_SHAPE.match(rest) and not _DATED.search(rest):
                row.cut["owner"] = (" ".join(words[:at]), rest)
                break


def _block(
    rows: list[_Row], carry: _Row | None, opening: str | None, rng: random.Random, quirks: bool, footer: str | None
) -> list[str]:
    """One page: the ids, then the cells column by column, a carried row's continuations first."""
    ids = [row.item.number for row in rows]
    cells: list[str] = []
    before = carry.cut if carry else {}
    if "subject" in before:
        cells.append(before["subject"][1])
        if carry.classification:
            cells.append(carry.classification)
    for row in rows:
        if "subject" in row.cut:
            cells.append(row.cut["subject"][0])
        else:
            cells.append(row.subject)
            if row.classification:
                cells.append(row.classification)
    if "owner" in before:
        cells.append(before["owner"][1])
    cells += [row.cut["owner"][0] if "owner" in row.cut else row.owner for row in rows]
    for row in rows:
        cells += row.timescales
    if quirks and rng.random() < 0.2:
        cells.append(f"Compliance checking timetable to be agreed by {rng.choice(MONTHS)} {rng.randint(1996, 2026)}")
    if "text" in before:
        cells.append(before["text"][1])
    cells += [row.cut["text"][0] if "text" in row.cut else row.item.text for row in rows]
    progress: list[str] = []
    if carry is not None and "progress" in before:
        progress += before["progress"][1].split("\n") + [carry.status_line]
    elif opening:
        progress.append(opening)  # the status of the row interleaved into the header
    for row in rows:
        if "progress" in row.cut:
            progress += row.cut["progress"][0].split("\n")
        else:
            progress += row.progress + [row.status_line]
    cells += _glue(progress, rng) if quirks else progress
    if footer:
        cells.insert(rng.randint(1, len(cells) - 1), footer)
    return ids + cells


def _glue(lines: list[str], rng: random.Random) -> list[str]:
    """Status lines sometimes run into the next text ("moderatelyResourcing") or end a text line."""
    out: list[str] = []
    for line in lines:
        status, last_status = line.startswith("Recommendation met"), bool(out) and out[-1].startswith("Recommendation met")
        if out and last_status and not status and line[:1].isupper() and rng.random() < 0.12:
            out[-1] += line
        elif out and status and not last_status and rng.random() < 0.12:
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _header(title: str, year: int, first: _Row | None, rng: random.Random) -> str:
    """The header paragraph: title in capitals, date, column headings, maybe the first row interleaved."""
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    # "s t" is the ordinal of "1st" / "21st" that the PDF printed apart from its number.
    date = rng.choice((f"{day} {month} {year}", f"as at {day} {month} {year}", f"s t {month} {rng.choice((1, 21))} {year}"))
    header = f"ACTION PLAN PROGRESS SUMMARY : {title.upper()} {date} {_COLUMNS}"
    if first is None:
        return header
    return f"{header} {_interleave(first)}"


def _interleave(row: _Row) -> str:
    """A row printed over several lines with its cells side by side, read line by line."""

    def chunks(text: str, width: int) -> list[str]:
        words = text.split()
        return [" ".join(words[i : i + width]) for i in range(0, len(words), width)]

    progress = chunks(" ".join(row.progress), 8)
    columns = [chunks(row.subject, 2), chunks(row.owner, 2), chunks(row.timescales[0], 2), chunks(row.item.text, 6), progress[1:]]
    printed = [progress[0], row.item.number]
    for line in range(max(map(len, columns))):
        printed += [column[line] for column in columns if line < len(column)]
    return " ".join(printed)


def _wrapper(header: str, title: str, rng: random.Random) -> list[str]:
    """The document-sharing site around the body: UI lines, a notice twice, a preview of the body."""
    pages = str(rng.randint(2, 40))
    ui = ["icon", pages, "pages", "icon", "English", "icon", "Documents"]
    preview = header[: rng.randint(150, 400)].rstrip() + " ..."
    lines = [f"Appendix to item {rng.randint(2, 12)} {title}", *ui, "Written by", "Published by", _NOTICE, *ui, _NOTICE]
    lines = [part for line in lines for part in (line, "")]
    return lines + [preview, "View icon arrow", "", "Published by", "", "Language", "", "English", ""]


def _no_false_footer(body: list[str], footer_marks: tuple[str, ...] = ("MPA DA",)) -> bool:
    """Whether no short body line but the footer appears three times (it would read as a footer)."""
    counts = Counter(
        re.sub(r"\d", "#", text)
        for text in (line.strip() for line in body)
        if text and len(text.split()) <= 6 and not text.startswith(footer_marks) and not _EXEMPT.search(text)
    )
    return all(count < 3 for count in counts.values())


# Lines the footer finder never takes: ids, status lines, classifications, timescales, leads.
_EXEMPT = re.compile(
    r"^R\d+$|Recommendation met|^(?:STATUTORY|Non\ue007statutory)$|/|Head of|^(?:Ongoing|Complete)$|\b(?:19|20)\d\d\b|"
    r"\b(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\s+\d\d\b"
)
