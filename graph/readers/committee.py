"""Committee reports with "Recommendation N" headings, lettered parts and progress blocks.

The layout (an MPA web page; see :mod:`recgraph.graph.readers.webpage` for the frame)::

    4. Recommendation 1                       <- heading, optionally after the paper's paragraph number
    The culture and values ... This means:    <- the recommendation's own text
    (a) putting in place better governance ...  <- lettered part "1(a)"; its text runs to the first label
    Progress so far                           <- or "Progress to date"; some parts have no label
    5. New arrangements ...                   <- the paper's numbered paragraphs: the progress
    Challenges / Next steps                   <- further blocks, kept in the progress with their label

A heading may carry an owner in brackets, "Recommendation 4 [MPA responsible for implementation] A
more flexible ...": the owner applies to the recommendation and all its parts.

What the reader records
-----------------------
- one Recommendation per heading (number "N", ``heading`` "Recommendation N") and per lettered part
  (number "N(x)", parent "N");
- one ProgressUpdate per part (or per heading without parts) that has progress lines, and for a
  heading that names an owner. ``progress`` is the block's text with paragraph numbers and the
  "Progress so far" label left out and the other labels kept as "Challenges: ...", "Next steps: ...";
  ``paragraphs`` are the numbers of its numbered paragraphs; ``status_phrase`` is found in the
  progress paragraphs (not in the unnumbered Challenges / Next steps questions);
- anything inside a part's block, tables included, stays in that part's progress and provenance.

Only the next letter in sequence (or a later one, with a warning) starts a part: "(a)" lines
inside a progress text, and roman "(i)", "(v)" lists, stay text. Paragraphs before the first
heading (background) and numbered paragraphs that follow the last part's unnumbered "Next steps"
(a closing statement) are the paper's own text and are claimed, not read as progress.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recgraph.errors import ReadError
from recgraph.graph.model import ProgressUpdate, ReadResult, Recommendation
from recgraph.graph.readers.phrases import find_status_phrase
from recgraph.graph.readers.text import Coverage, Document, clean
from recgraph.graph.readers.webpage import (
    FrontMatter,
    body_span,
    claim_frame,
    find_sections,
    frame_paper,
    last_text_line,
    paragraph_number,
    read_front_matter,
    source_title,
)

NAME = "committee"

HEADING = re.compile(
    r"^(?:(?P<para>\d{1,3})\.\s+)?Recommendation\s+(?P<number>\d+)"
    r"\s*(?:\[(?P<owner>[^\]]+)\]\s*(?P<text>.*?)|[.:]?)\s*$",
    re.IGNORECASE,
)
LETTER = re.compile(r"^\((?P<letter>[a-z])\)\s+(?P<text>\S.*)$")
LABEL = re.compile(
    r"^(?P<label>progress(?:\s+(?:so\s+far|to\s+date))?|challenges|issues|risks|next\s+steps)\s*[.:]?$",
    re.IGNORECASE,
)
#: Letters that may open a roman-numbered list inside a progress text: never a skipped part.
_ROMAN = set("ivxl")


@dataclass
class _Anchor:
    """A line that opens a record: a heading or a lettered part, with the lines it owns."""

    line: int
    number: str
    parent: str | None
    text: str
    owner: str | None
    heading: str | None = None
    last: int = 0
    skip: bool = False


@dataclass
class _Progress:
    first: int
    text: str
    status: str | None
    paragraphs: tuple[str, ...] = field(default=())


def detect(doc: Document) -> float:
    """Score "Recommendation N" headings, lettered "(a)" lines and progress labels.

    >>> detect(Document.from_text("Recommendation 1\\nText:\\n(a) do it\\nProgress so far\\n5. Done."))
    0.8
    """
    headings = letters = labels = 0
    for line in doc.lines:
        stripped = line.strip()
        headings += bool(HEADING.match(stripped))
        letters += bool(LETTER.match(stripped))
        labels += bool(LABEL.match(stripped))
    if not headings:
        return 0.0
    return round((0.4 if headings >= 2 else 0.2) + (0.3 if letters else 0.0) + (0.3 if labels else 0.0), 2)


def read(doc: Document) -> ReadResult:
    """Read a committee report into its paper, recommendations and progress updates.

    Raises
    ------
    ReadError : the text has no "Recommendation N" heading outside the committee's decisions.
    """
    sections = find_sections(doc)
    front = read_front_matter(doc, sections)
    decisions = [s for s in sections if s.is_decisions]
    headings = [
        n for n, line in enumerate(doc.lines, start=1)
        if HEADING.match(line.strip()) and not any(s.holds(n) for s in decisions)
    ]
    if not headings:
        raise ReadError("no 'Recommendation N' heading found: this is not a committee report", doc.name)
    body = body_span(doc, sections, headings[0], headings[-1])
    coverage = Coverage(doc)
    claim_frame(doc, coverage, front, sections, body)
    if body[0] < headings[0]:
        coverage.claim(body[0], headings[0] - 1)  # the paper's background paragraphs
    warnings = list(front.warnings)
    anchors = _find_anchors(doc, headings[0], body[1], warnings)
    closing = _closing_start(doc, anchors[-1])
    if closing:
        coverage.claim(closing, anchors[-1].last)  # the paper's closing statement
        anchors[-1].last = last_text_line(doc, anchors[-1].line, closing - 1)
    paper = frame_paper(doc, front, NAME)
    report = paper.source_reports[0]
    result = ReadResult(paper=paper, warnings=warnings)
    owners = {a.number: a.owner for a in anchors if a.parent is None and not a.skip}
    with_parts = {a.parent for a in anchors if a.parent}
    for anchor in anchors:
        if anchor.skip:
            continue
        owner = owners.get(anchor.parent or anchor.number)
        _add_records(doc, anchor, anchor.number in with_parts, owner, report.key, front, result, coverage)
    result.warnings.extend(doc.warnings)
    result.leftovers = coverage.leftovers()
    return result


def _find_anchors(doc: Document, first: int, last: int, warnings: list[str]) -> list[_Anchor]:
    """Headings and lettered parts in order, each owning the lines up to the next one."""
    anchors: list[_Anchor] = []
    seen: set[str] = set()
    current: _Anchor | None = None
    expected = "a"
    for number in range(first, last + 1):
        stripped = doc.line(number).strip()
        if match := HEADING.match(stripped):
            current = _Anchor(
                number, match["number"], None, match["text"] or "", _owner(match), f"Recommendation {match['number']}"
            )
            if current.number in seen:
                current.skip = True
                warnings.append(
                    f"{doc.name}:{number}: Recommendation {current.number} appears twice; the second is left unread"
                )
            seen.add(current.number)
            anchors.append(current)
            expected = "a"
        elif current and (match := LETTER.match(stripped)) and _opens_part(match["letter"], expected):
            letter = match["letter"]
            if letter != expected:
                warnings.append(
                    f"{doc.name}:{number}: part ({letter}) follows a missing ({expected}) "
                    f"in Recommendation {current.number}"
                )
            part = f"{current.number}({letter})"
            anchors.append(_Anchor(number, part, current.number, match["text"], None, skip=current.skip))
            expected = chr(ord(match["letter"]) + 1)
    for anchor, following in zip(anchors, anchors[1:] + [None]):
        anchor.last = last_text_line(doc, anchor.line, (following.line - 1) if following else last)
    return anchors


def _owner(match: re.Match[str]) -> str | None:
    return clean(match["owner"]) or None


def _opens_part(letter: str, expected: str) -> bool:
    return letter == expected or (letter > expected and letter not in _ROMAN)


def _closing_start(doc: Document, anchor: _Anchor) -> int | None:
    """The first numbered paragraph after unnumbered Challenges / Next steps text in the last block.

    In the middle of the body such a paragraph still belongs to its part (numbered "Next steps"
    paragraphs are common); after the last part it is the paper's closing statement.
    """
    under_label = unnumbered = False
    for number in range(anchor.line + 1, anchor.last + 1):
        stripped = doc.line(number).strip()
        if not stripped:
            continue
        if match := LABEL.match(stripped):
            under_label, unnumbered = not match["label"].lower().startswith("progress"), False
        elif paragraph_number(stripped):
            if under_label and unnumbered:
                return number
        elif under_label:
            unnumbered = True
    return None


def _add_records(
    doc: Document,
    anchor: _Anchor,
    has_parts: bool,
    owner: str | None,
    report: str,
    front: FrontMatter,
    result: ReadResult,
    coverage: Coverage,
) -> None:
    """The Recommendation of one anchor and its ProgressUpdate, claiming the lines they use.

    A heading printed without text whose content is its lettered parts keeps the heading as its text.
    """
    text_last, progress = _split(doc, anchor)
    parts = [anchor.text] + [doc.line(n).strip() for n in range(anchor.line + 1, text_last + 1)]
    text = clean(" ".join(parts)) or (anchor.heading if has_parts else "")
    if not text and progress is None:
        result.warnings.append(
            f"{doc.name}:{anchor.line}: Recommendation {anchor.number} has no text; it is left unread"
        )
        return
    last = anchor.last if progress else text_last
    coverage.claim(anchor.line, last)
    provenance = doc.provenance(anchor.line, last)
    result.recommendations.append(
        Recommendation(report, anchor.number, text, provenance, parent=anchor.parent, heading=anchor.heading)
    )
    if progress is None and owner is None:
        return
    if progress is None:  # a heading's owner: the update says only who is responsible
        update = ProgressUpdate(
            report, anchor.number, doc.name, doc.provenance(anchor.line, anchor.line), front.date, owner=owner
        )
    else:
        update = ProgressUpdate(
            report, anchor.number, doc.name, doc.provenance(progress.first, anchor.last), front.date,
            progress=progress.text, status_phrase=progress.status, owner=owner, paragraphs=progress.paragraphs,
        )
    result.updates.append(update)


def _split(doc: Document, anchor: _Anchor) -> tuple[int, _Progress | None]:
    """Where the anchor's text ends (its last line) and the progress read from the lines after it."""
    for number in range(anchor.line + 1, anchor.last + 1):
        stripped = doc.line(number).strip()
        if LABEL.match(stripped) or paragraph_number(stripped):
            return last_text_line(doc, anchor.line, number - 1), _read_progress(doc, number, anchor.last)
    return anchor.last, None


def _read_progress(doc: Document, first: int, last: int) -> _Progress:
    """Progress text, paragraph numbers and status phrase of lines first..last.

    The status phrase is looked for in the numbered paragraphs and the text under a progress
    label, not in the unnumbered Challenges / Next steps text (questions and plans, not status).
    """
    pieces: list[str] = []
    status_text: list[str] = []
    paragraphs: list[str] = []
    counted = True
    for number in range(first, last + 1):
        stripped = doc.line(number).strip()
        if not stripped:
            continue
        if match := LABEL.match(stripped):
            counted = match["label"].lower().startswith("progress")
            if not counted:
                pieces.append(match["label"] + ":")
            continue
        if numbered := paragraph_number(stripped):
            paragraphs.append(numbered[0])
            stripped, counted = numbered[1], True
        pieces.append(stripped)
        if counted:
            status_text.append(stripped)
    status = find_status_phrase(clean(" ".join(status_text)))
    return _Progress(first, clean(" ".join(pieces)), status, tuple(dict.fromkeys(paragraphs)))
