"""Committee reports with "Recommendation N" headings, lettered parts and progress blocks.

The layout (an MPA web page; see :mod:`recgraph.graph.reading.readers.webpage` for the frame)::

    4. Recommendation 1                       <- heading, optionally after the paper's paragraph number
    The culture and values ... This means:    <- the recommendation's own text
    (a) putting in place better governance ...  <- lettered part "1(a)"; its text runs to the first label
    Progress so far                           <- or "Progress to date"; some parts have no label
    5. New arrangements ...                   <- the paper's numbered paragraphs: the progress
    Challenges / Next steps                   <- further blocks, kept in the progress with their label

A heading may carry an owner in brackets, "Recommendation 4 [MPA responsible for implementation] A
more flexible ...": the owner applies to the recommendation and all its parts, unless a part names
its own ("(b) [MPS lead] instigating ..." or "(b) instigating ... [MPS lead]"). Headings may also be
printed "Recommendation 12.", "Recommendation 33: The MPS should ..." (text on the same line),
"Recommendation 2 (para. 4.21)" (the reference is the ``para_ref``) or, when lettered parts open
under them, "Recommendation 1 – The culture ..." (without parts that is the implementation layout).
Labelled lines "Lead: ...", "Target date: ..." and "Status: ..." give the owner, the timescale and
the status phrase. Page footers of a printed copy ("Page 2 of 4") are claimed and skipped, so a
paragraph broken by a page continues after it. A paper tracking several reports names each on a
line of its own before its first heading (see :func:`~recgraph.graph.reading.readers.webpage.find_sources`).

What the reader records
-----------------------
- one Recommendation per heading (number "N", ``heading`` "Recommendation N") and per lettered part
  (number "N(x)", parent "N");
- one ProgressUpdate per part (or per heading without parts) that has progress lines, and for a
  heading or part that names an owner. ``progress`` is the block's text with paragraph numbers and the
  "Progress so far" label left out and the other labels kept as "Challenges: ...", "Next steps: ...";
  ``paragraphs`` are the numbers of its numbered paragraphs; ``status_phrase`` is a "Status: ..."
  line or is found in the progress paragraphs (not in the unnumbered Challenges / Next steps
  questions); ``timescale`` is a "Target date: ..." line or the first target-date phrase;
- anything inside a part's block, tables included, stays in that part's progress and provenance.

Only the next letter in sequence (or a later one, with a warning) starts a part: "(a)" lines
inside a progress text, and roman "(i)", "(v)" lists, stay text. Paragraphs before the first
heading (background) and numbered paragraphs that follow the last part's unnumbered "Next steps"
(a closing statement) are the paper's own text and are claimed, not read as progress.

Length: over the ~400-line aim. This specialised reader is one state machine over its layout's
rows; issue 13 kept it beside the general segmenter (graph/reading/segment/) for what only it
reads, and its split is left to the work that folds more of it into the segmenter.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from recgraph.errors import ReadError
from recgraph.graph.model import ProgressUpdate, ReadResult, Recommendation
from recgraph.graph.reading.readers.phrases import find_status_phrase
from recgraph.graph.reading.readers.text import Coverage, Document, clean
from recgraph.graph.reading.readers.webpage import (
    FrontMatter,
    Sources,
    body_span,
    claim_frame,
    field_line,
    find_sections,
    find_sources,
    find_timescale,
    frame_paper,
    is_page_footer,
    last_text_line,
    paragraph_number,
    read_front_matter,
    title_report,
)

NAME = "committee"

HEADING = re.compile(
    r"^(?:(?P<para>\d{1,3})\.\s+(?:(?P=para)\.\s+)?)?Recommendation\s+(?P<number>\d+[a-z]?)"
    r"(?:\s*\((?P<aside>[^)]+)\))?"  # "(para. 4.21)" or "(MPS responsible)"
    r"\s*(?:\[(?P<owner>[^\]]+)\]\s*(?P<text>.*?)|(?P<dash>[:\u2013\u2014-])\s*(?P<inline>\S.*?)|[.:]?)\s*$",
    re.IGNORECASE,
)
#: "(para. 4.21)", "(paras 51 & 52)": the reference alone is the para_ref.
_PARA_REF = re.compile(
    r"^(?:para(?:graph)?s?\.?\s*)?(?P<ref>\d+(?:\.\d+)*(?:\s*(?:&|and|-|\u2013)\s*\d+(?:\.\d+)*)?)$", re.IGNORECASE
)
_OWNER_WORDS = re.compile(r"\b(?:responsib\w*|lead|owner)\b", re.IGNORECASE)
#: "(a) text" or "a) text"; an owner in brackets may open or close the line.
LETTER = re.compile(r"^\(?(?P<letter>[a-z])\)\s+(?P<text>\S.*)$")
_OWNER_FIRST = re.compile(r"^\[(?P<owner>[^\]]+)\]\s*(?P<text>.*)$")
#: A closing bracket is an owner when it follows the text's punctuation or holds several words
#: ("[MPS lead]"), not an abbreviation glued to a phrase ("Intensive Development Programme [IDP]").
_OWNER_LAST = re.compile(r"^(?P<text>.*?)(?:(?<=[.;:,])\s*|\s+(?=\[[^\]]*\s))\[(?P<owner>[^\]]+)\]$")
_PROGRESS_LABELS = (
    r"progress(?:\s+(?:so\s+far|to\s+date|update|made))?|update|current\s+(?:position|status)|position"
    r"|actions?\s+taken|(?:mp[as]\s+)?response"
)
_OTHER_LABELS = (
    r"challenges|(?:outstanding\s+)?issues|risks|risks\s+and\s+issues|issues\s+and\s+risks|next\s+steps"
    r"|(?:further|future)\s+actions?|way\s+forward"
)
#: A block label on a line of its own ("Progress so far"), or opening a line ("Next steps: To ...").
LABEL = re.compile(
    rf"^(?P<label>(?P<progress>{_PROGRESS_LABELS})|{_OTHER_LABELS})\s*(?:\.|:\s*(?P<rest>\S.*)?)?$",
    re.IGNORECASE,
)
#: Letters that may open a roman-numbered list inside a progress text: never a skipped part.
_ROMAN = set("ivxl")


def _claim_background(doc: Document, coverage: Coverage, first: int, last: int, warnings: list[str]) -> None:
    """Claim the paper's background paragraphs before the first heading, unless they hold what
    belongs under a heading (lettered parts, progress labels): then a heading was probably
    misprinted, and the text is left over, with a warning, rather than silently absorbed."""
    suspect = next(
        (n for n in range(first, last + 1) if LETTER.match(_plain(doc.line(n))) or LABEL.match(_plain(doc.line(n)))),
        None,
    )
    if suspect is None:
        coverage.claim(first, last)
        return
    warnings.append(
        f"{doc.name}:{suspect}: lettered parts or progress blocks before the first 'Recommendation N' heading; "
        "is a heading misprinted? The text is reported as not placed"
    )


def _plain(line: str) -> str:
    """A line as matched: entities decoded, outer white space (and form feeds) removed."""
    return html.unescape(line).strip()


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
    report: str = ""
    para_ref: str | None = None


@dataclass
class _Progress:
    first: int
    text: str | None
    status: str | None
    paragraphs: tuple[str, ...] = field(default=())
    owner: str | None = None
    timescale: str | None = None


def detect(doc: Document) -> float:
    """Score "Recommendation N" headings, lettered parts opening under them, progress labels and the frame.

    A heading printed "Recommendation N – text" is also the implementation layout's line; it
    counts here only when lettered parts open under it.

    >>> detect(Document.from_text("Recommendation 1\\nText:\\n(a) do it\\nProgress so far\\n5. Done."))
    0.8
    """
    headings = dashed = parts = labels = 0
    since_heading = None  # text lines since the last heading: parts open within its first few
    for line in doc.lines:
        stripped = _plain(line)
        if not stripped:
            continue
        if match := HEADING.match(stripped):
            dashed += _is_dashed(match)
            headings += not _is_dashed(match)
            since_heading = 0
            continue
        if since_heading is not None:
            since_heading += 1
            parts += bool(since_heading <= 4 and (m := LETTER.match(stripped)) and m["letter"] == "a")
        labels += bool(LABEL.match(stripped))
    headings += dashed if parts else 0
    if not headings:
        return 0.0
    score = (0.4 if headings >= 2 else 0.2) + (0.3 if parts else 0.0) + (0.3 if labels else 0.0)
    if score < 1.0 and _has_frame(doc):
        score += 0.2  # bare headings over numbered paragraphs in an MPA report's frame
    return round(min(score, 1.0), 2)


def _has_frame(doc: Document) -> bool:
    """Whether the text has the web-page report's frame: lettered sections or a dated front matter."""
    sections = find_sections(doc)
    return bool(sections) or read_front_matter(doc, sections).date is not None


def _is_dashed(match: re.Match[str]) -> bool:
    return match["dash"] not in (None, ":")


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
        if HEADING.match(_plain(line)) and not any(s.holds(n) for s in decisions)
    ]
    if not headings:
        raise ReadError("no 'Recommendation N' heading found: this is not a committee report", doc.name)
    body = body_span(doc, sections, headings[0], headings[-1])
    coverage = Coverage(doc)
    claim_frame(doc, coverage, front, sections, body)
    sources = find_sources(doc, headings, title_report(doc, front))
    first = min((headings[0], *sources.headings))
    warnings = list(front.warnings)
    if body[0] < first:
        _claim_background(doc, coverage, body[0], first - 1, warnings)
    for number in (*sources.headings, *(n for n in range(body[0], body[1] + 1) if is_page_footer(doc.line(n)))):
        coverage.claim(number)
    anchors = _find_anchors(doc, headings[0], body[1], sources, warnings)
    closing = _closing_start(doc, anchors[-1])
    if closing:
        coverage.claim(closing, anchors[-1].last)  # the paper's closing statement
        anchors[-1].last = last_text_line(doc, anchors[-1].line, closing - 1)
    result = ReadResult(paper=frame_paper(doc, front, NAME, sources.reports), warnings=warnings)
    read_anchors = [(anchor, *_split(doc, anchor)) for anchor in anchors if not anchor.skip]
    owners = {
        (a.report, a.number): a.owner or (progress.owner if progress else None)
        for a, _, progress in read_anchors if a.parent is None
    }
    with_parts = {(a.report, a.parent) for a in anchors if a.parent}
    for anchor, text_last, progress in read_anchors:
        inherited = owners.get((anchor.report, anchor.parent or anchor.number))
        has_parts = (anchor.report, anchor.number) in with_parts
        _add_records(doc, anchor, text_last, progress, has_parts, inherited, front, result, coverage)
    result.warnings.extend(doc.warnings)
    result.leftovers = coverage.leftovers()
    return result


def _find_anchors(doc: Document, first: int, last: int, sources: Sources, warnings: list[str]) -> list[_Anchor]:
    """Headings and lettered parts in order, each owning the lines up to the next one.

    A source heading ends the block before it; a number read twice in one source report is warned
    about and its anchors are skipped (their lines are left over).
    """
    anchors: list[_Anchor] = []
    seen: set[tuple[str, str]] = set()
    current: _Anchor | None = None
    expected = "a"
    progress_begun = False  # "(a)" after a heading's own progress is a list in it, not a part
    for number in range(first, last + 1):
        stripped = _plain(doc.line(number))
        if expected == "a" and (LABEL.match(stripped) or paragraph_number(stripped)):
            progress_begun = True
        if number in sources.by_start and (match := HEADING.match(stripped)):
            current = _heading_anchor(number, match, sources.by_start[number].key)
            if (current.report, current.number) in seen:
                current.skip = True
                warnings.append(
                    f"{doc.name}:{number}: Recommendation {current.number} appears twice; the second is left unread"
                )
            seen.add((current.report, current.number))
            anchors.append(current)
            expected, progress_begun = "a", False
        elif (
            current
            and (match := LETTER.match(stripped))
            and _opens_part(match["letter"], expected)
            and not (expected == "a" and progress_begun)
        ):
            letter = match["letter"]
            if letter != expected:
                warnings.append(
                    f"{doc.name}:{number}: part ({letter}) follows a missing ({expected}) "
                    f"in Recommendation {current.number}"
                )
            text, owner = _part_owner(match["text"])
            part = _Anchor(number, f"{current.number}({letter})", current.number, text, owner, skip=current.skip)
            part.report = current.report
            anchors.append(part)
            expected = chr(ord(letter) + 1)
    stops = sorted((*(a.line for a in anchors[1:]), *(h for h in sources.headings if h > first)))
    for anchor in anchors:
        stop = next((s for s in stops if s > anchor.line), last + 1)
        anchor.last = last_text_line(doc, anchor.line, stop - 1)
    return anchors


def _heading_anchor(line: int, match: re.Match[str], report: str) -> _Anchor:
    """The anchor of a heading: its text on the same line, its owner and a paragraph reference in brackets."""
    owner, para_ref = clean(match["owner"]) or None, None
    if aside := clean(match["aside"]):
        if ref := _PARA_REF.match(aside):
            para_ref = ref["ref"]
        elif _OWNER_WORDS.search(aside):
            owner = owner or aside
    text = match["text"] or match["inline"] or ""
    anchor = _Anchor(line, match["number"], None, text, owner, f"Recommendation {match['number']}", para_ref=para_ref)
    anchor.report = report
    return anchor


def _part_owner(text: str) -> tuple[str, str | None]:
    """A lettered part's text and the owner bracketed before or after it."""
    match = _OWNER_FIRST.match(text) or _OWNER_LAST.match(text)
    if not match or not match["text"].strip():
        return text, None
    return match["text"].strip(), clean(match["owner"]) or None


def _opens_part(letter: str, expected: str) -> bool:
    return letter == expected or (letter > expected and letter not in _ROMAN)


def _closing_start(doc: Document, anchor: _Anchor) -> int | None:
    """The first numbered paragraph after unnumbered Challenges / Next steps text in the last block.

    In the middle of the body such a paragraph still belongs to its part (numbered "Next steps"
    paragraphs are common); after the last part it is the paper's closing statement.
    """
    under_label = unnumbered = False
    for number in range(anchor.line + 1, anchor.last + 1):
        stripped = _plain(doc.line(number))
        if not stripped or is_page_footer(stripped):
            continue
        if match := LABEL.match(stripped):
            under_label, unnumbered = not match["progress"], bool(match["rest"])
        elif paragraph_number(stripped):
            if under_label and unnumbered:
                return number
        elif under_label:
            unnumbered = True
    return None


def _add_records(
    doc: Document,
    anchor: _Anchor,
    text_last: int,
    progress: _Progress | None,
    has_parts: bool,
    inherited: str | None,
    front: FrontMatter,
    result: ReadResult,
    coverage: Coverage,
) -> None:
    """The Recommendation of one anchor and its ProgressUpdate, claiming the lines they use.

    A heading printed without text whose content is its lettered parts keeps the heading as its text.
    """
    lines = (doc.line(n) for n in range(anchor.line + 1, text_last + 1))
    parts = [anchor.text, *(line for line in lines if not is_page_footer(line))]
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
        Recommendation(
            anchor.report, anchor.number, text, provenance, parent=anchor.parent, heading=anchor.heading,
            para_ref=anchor.para_ref,
        )
    )
    owner = anchor.owner or (progress.owner if progress else None) or inherited
    if progress is None and owner is None:
        return
    if progress is None:  # an owner alone: the update says only who is responsible
        update = ProgressUpdate(
            anchor.report, anchor.number, doc.name, doc.provenance(anchor.line, anchor.line), front.date, owner=owner
        )
    else:
        update = ProgressUpdate(
            anchor.report, anchor.number, doc.name, doc.provenance(progress.first, anchor.last), front.date,
            progress=progress.text, status_phrase=progress.status, owner=owner, timescale=progress.timescale,
            paragraphs=progress.paragraphs,
        )
    result.updates.append(update)


def _split(doc: Document, anchor: _Anchor) -> tuple[int, _Progress | None]:
    """Where the anchor's text ends (its last line) and the progress read from the lines after it."""
    for number in range(anchor.line + 1, anchor.last + 1):
        stripped = _plain(doc.line(number))
        if LABEL.match(stripped) or paragraph_number(stripped) or field_line(stripped):
            return last_text_line(doc, anchor.line, number - 1), _read_progress(doc, number, anchor.last)
    return anchor.last, None


def _read_progress(doc: Document, first: int, last: int) -> _Progress:
    """Progress text, paragraph numbers, status phrase, owner and timescale of lines first..last.

    The status phrase is looked for in the numbered paragraphs and the text under a progress
    label, not in the unnumbered Challenges / Next steps text (questions and plans, not status).
    "Lead:" and "Target date:" lines are fields, not progress text.
    """
    pieces: list[str] = []
    status_text: list[str] = []
    paragraphs: list[str] = []
    fields: dict[str, str] = {}
    counted = True
    for number in range(first, last + 1):
        stripped = _plain(doc.line(number))
        if not stripped or is_page_footer(stripped):
            continue
        if match := LABEL.match(stripped):
            counted = bool(match["progress"])
            if not counted:
                pieces.append(match["label"] + ":")
            if not match["rest"]:
                continue
            stripped = match["rest"]
        elif found := field_line(stripped):
            fields.setdefault(*found)
            if found[0] != "status":
                continue
        if numbered := paragraph_number(stripped):
            paragraphs.append(numbered[0])
            stripped, counted = numbered[1], True
        pieces.append(stripped)
        if counted:
            status_text.append(stripped)
    text = clean(" ".join(pieces)) or None
    status = fields.get("status") or find_status_phrase(clean(" ".join(status_text)))
    timescale = fields.get("timescale") or find_timescale(text)
    return _Progress(first, text, status, tuple(dict.fromkeys(paragraphs)), fields.get("owner"), timescale)
