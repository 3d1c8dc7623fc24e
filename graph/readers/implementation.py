"""Implementation reports: "Recommendation N – text" lines, each followed by its progress.

The layout (an MPA web page; see :mod:`recgraph.graph.readers.webpage` for the frame)::

    4. Progress on the 13 recommendations achieved to date are as follows:
    Recommendation 1 – To ensure that ...           <- number and text on one line (en dash or hyphen)
    Management Board is now using ...               <- progress paragraph(s)
    The Implementation Board invites members to agree that this recommendation has been achieved.
    Recommendation 2 – To provide boroughs ...
    ...
    5. The attached costs and benefits analysis ... <- the paper's next paragraph ends the last one

What the reader records
-----------------------
- one Recommendation per "Recommendation N –" line: ``text`` is the rest of the line;
- one ProgressUpdate per recommendation with progress lines: ``progress`` is all of them, the
  invitation to members included; ``status_phrase`` is the invitation ("... invite(s) members to
  agree ...", "Members are invited to agree ...") or else the status sentence
  :func:`~recgraph.graph.readers.phrases.find_status_phrase` finds; ``timescale`` is the first
  target-date phrase as printed ("by the target date of 31 December 2004", "The target date for
  completion of the recommendation is April 2005", "before the next report to PPRC");
  ``paragraphs`` are the numbers of numbered progress paragraphs (none when the recommendations
  sit inside one paper paragraph, as in the 2004 reports).

The source report's title is the paper title without its " – Implementation Report" suffix. (The
summary may name the review slightly differently, e.g. "Policing" for "Police"; the title is what
the page presents as the subject and the catalogue maps either to the same report.)
"""

from __future__ import annotations

import re

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

NAME = "implementation"

RECOMMENDATION = re.compile(
    r"^(?:\d{1,3}\.\s+)?Recommendation\s+(?P<number>\d+[A-Za-z]?)\s*[\u2013\u2014-]\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)
INVITATION = re.compile(r"\binvites?\s+members\s+to\s+agree\b|\bmembers\s+are\s+invited\s+to\s+agree\b", re.IGNORECASE)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: Target dates as printed; the first one in the progress is the recommendation's timescale.
TIMESCALES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\bby\s+the\s+target\s+date\s+of\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+\d{{4}}",
        rf"\bthe\s+target\s+date\s+for\s+[^.]*?\s+is\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+\d{{4}}",
        r"\bbefore\s+the\s+next\s+(?:implementation\s+)?report(?:\s+to\s+[^.,;]+)?",
    )
)


def detect(doc: Document) -> float:
    """Score "Recommendation N – text" lines, invitations to members and the web-page front matter.

    >>> detect(Document.from_text("Recommendation 1 – To do it.\\nDone.\\nRecommendation 2 – To do more."))
    0.6
    """
    recommendations = sum(bool(RECOMMENDATION.match(line.strip())) for line in doc.lines)
    if not recommendations:
        return 0.0
    score = 0.6 if recommendations >= 2 else 0.4
    if any(INVITATION.search(line) for line in doc.lines):
        score += 0.2
    if read_front_matter(doc, find_sections(doc)).date:
        score += 0.2
    return round(score, 2)


def find_timescale(text: str | None) -> str | None:
    """The first target-date phrase in ``text``, verbatim, or None.

    >>> find_timescale("This should be completed by the target date of 31 December 2004.")
    'by the target date of 31 December 2004'
    """
    if not text:
        return None
    found = [m for m in (p.search(text) for p in TIMESCALES) if m]
    return min(found, key=lambda m: m.start()).group(0) if found else None


def read(doc: Document) -> ReadResult:
    """Read an implementation report into its paper, recommendations and progress updates.

    Raises
    ------
    ReadError : the text has no "Recommendation N – text" line outside the committee's decisions.
    """
    sections = find_sections(doc)
    front = read_front_matter(doc, sections)
    decisions = [s for s in sections if s.is_decisions]
    starts = [
        n for n, line in enumerate(doc.lines, start=1)
        if RECOMMENDATION.match(line.strip()) and not any(s.holds(n) for s in decisions)
    ]
    if not starts:
        raise ReadError("no 'Recommendation N – text' line found: this is not an implementation report", doc.name)
    body = body_span(doc, sections, starts[0], starts[-1])
    coverage = Coverage(doc)
    claim_frame(doc, coverage, front, sections, body)
    if body[0] < starts[0]:
        coverage.claim(body[0], starts[0] - 1)  # the paper's background paragraphs
    spans = _spans(doc, starts, body[1])
    if spans[-1][1] < body[1]:
        coverage.claim(spans[-1][1] + 1, body[1])  # the paper's paragraphs after the last one
    paper = frame_paper(doc, front, NAME)
    report = paper.source_reports[0]
    result = ReadResult(paper=paper, warnings=list(front.warnings))
    seen: set[str] = set()
    for first, last in spans:
        number = RECOMMENDATION.match(doc.line(first).strip())["number"]
        if number in seen:
            result.warnings.append(
                f"{doc.name}:{first}: Recommendation {number} appears twice; the second is left unread"
            )
            continue
        seen.add(number)
        _add_records(doc, first, last, report.key, front, result, coverage)
    result.warnings.extend(doc.warnings)
    result.leftovers = coverage.leftovers()
    return result


def _spans(doc: Document, starts: list[int], end: int) -> list[tuple[int, int]]:
    """Each recommendation's lines: up to the next one; the last stops at the paper's next paragraph.

    Numbered paragraphs inside earlier progress texts mean the progress itself is numbered, and
    then the last one keeps its numbered paragraphs too.
    """
    ends = [start - 1 for start in starts[1:]] + [end]
    spans = [(first, last_text_line(doc, first, last)) for first, last in zip(starts, ends)]
    numbered_progress = any(
        paragraph_number(doc.line(n)) for first, last in spans[:-1] for n in range(first + 1, last + 1)
    )
    first, last = spans[-1]
    if not numbered_progress:
        closing = next((n for n in range(first + 1, last + 1) if paragraph_number(doc.line(n))), None)
        if closing:
            spans[-1] = (first, last_text_line(doc, first, closing - 1))
    return spans


def _add_records(
    doc: Document, first: int, last: int, report: str, front: FrontMatter, result: ReadResult, coverage: Coverage
) -> None:
    """The Recommendation on line ``first`` and its ProgressUpdate from the lines after it."""
    match = RECOMMENDATION.match(doc.line(first).strip())
    coverage.claim(first, last)
    number = match["number"]
    result.recommendations.append(Recommendation(report, number, clean(match["text"]), doc.provenance(first, last)))
    lines = [(n, doc.line(n).strip()) for n in range(first + 1, last + 1) if doc.line(n).strip()]
    if not lines:
        return
    pieces, paragraphs = [], []
    for _, line in lines:
        numbered = paragraph_number(line)
        if numbered:
            paragraphs.append(numbered[0])
        pieces.append(numbered[1] if numbered else line)
    progress = clean(" ".join(pieces))
    invitation = next((clean(text) for _, text in lines if INVITATION.search(text)), None)
    result.updates.append(
        ProgressUpdate(
            report, number, doc.name, doc.provenance(lines[0][0], last), paper_date=front.date, progress=progress,
            status_phrase=invitation or find_status_phrase(progress), timescale=find_timescale(progress),
            paragraphs=tuple(paragraphs),
        )
    )
