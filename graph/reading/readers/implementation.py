"""Implementation reports: "Recommendation N – text" lines, each followed by its progress.

The layout (an MPA web page; see :mod:`recgraph.graph.reading.readers.webpage` for the frame)::

    4. Progress on the 13 recommendations achieved to date are as follows:
    Recommendation 1 – To ensure that ...           <- number and text on one line (en/em dash or hyphen,
                                                       also as "&ndash;"; numbers such as "7a")
    Management Board is now using ...               <- progress paragraph(s), numbered or not
    The Implementation Board invites members to agree that this recommendation has been achieved.
    Recommendation 2 – To provide boroughs ...
    ...
    5. The attached costs and benefits analysis ... <- the paper's next paragraph ends the last one

What the reader records
-----------------------
- one Recommendation per "Recommendation N –" line: ``text`` is the rest of the line, run on to the
  next line only when it stops mid-sentence and that line continues it (lower case, or after a page
  footer);
- one ProgressUpdate per recommendation with progress lines: ``progress`` is all of them, the
  invitation to members included; ``status_phrase`` is a "Status: ..." line, else the sentence of
  the invitation ("... invite(s) / ask(s) members to agree ...", "Members are invited / asked to
  agree ...", "... recommends that members agree ..."), else the status sentence
  :func:`~recgraph.graph.reading.readers.phrases.find_status_phrase` finds; ``owner`` is a "Lead: ..."
  line; ``timescale`` a "Target date: ..." line or the first target-date phrase as printed ("by the
  target date of 31 December 2004", "The target date for completion of the recommendation is April
  2005", "before the next report to PPRC"); ``paragraphs`` are the numbers of numbered progress
  paragraphs (none when the recommendations sit inside one paper paragraph, as in the 2004 reports).

The source report's title is the paper title without its " – Implementation Report" suffix (for
an untitled page, the review the description names). (The summary may name the review slightly
differently, e.g. "Policing" for "Police"; the title is what the page presents as the subject and
the catalogue maps either to the same report.) A paper on several reviews names each on a line of
its own before its recommendations; numbers may then repeat, one series per review.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from recgraph.errors import ReadError
from recgraph.graph.model import ProgressUpdate, ReadResult, Recommendation, SourceReport
from recgraph.graph.reading.readers.phrases import find_status_phrase, sentences
from recgraph.graph.reading.readers.text import Coverage, Document, clean
from recgraph.graph.reading.readers.webpage import (
    FrontMatter,
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

__all__ = ["NAME", "RECOMMENDATION", "INVITATION", "detect", "read", "find_timescale"]

NAME = "implementation"

RECOMMENDATION = re.compile(
    r"^(?:\d{1,3}\.\s+)?Recommendation\s+(?P<number>\d+[A-Za-z]?)\s*[\u2013\u2014-]\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)
#: The Implementation Board's invitation to members, in the wordings these papers use.
INVITATION = re.compile(
    r"\b(?:invites?|asks?)\s+members\s+to\s+(?:agree|approve|confirm|endorse)\b"
    r"|\bmembers\s+are\s+(?:invited|asked|requested)\s+to\s+(?:agree|approve|confirm|endorse)\b"
    r"|\brecommends?\s+that\s+members\s+(?:agree|approve|confirm|endorse)\b",
    re.IGNORECASE,
)
#: A recommendation's text ends a sentence; a line without such an ending runs on to the next.
_ENDS_SENTENCE = re.compile(r"[.;:!?)\u201d\u2019\"']\s*$")


def _plain(line: str) -> str:
    """A line as matched: entities such as "&ndash;" decoded, outer white space removed."""
    return html.unescape(line).strip()


def _start(line: str) -> re.Match[str] | None:
    return RECOMMENDATION.match(_plain(line))


def detect(doc: Document) -> float:
    """Score "Recommendation N – text" lines, invitations to members and the web-page front matter.

    >>> detect(Document.from_text("Recommendation 1 – To do it.\\nDone.\\nRecommendation 2 – To do more."))
    0.6
    """
    recommendations = sum(bool(_start(line)) for line in doc.lines)
    if not recommendations:
        return 0.0
    score = 0.6 if recommendations >= 2 else 0.4
    if any(INVITATION.search(line) for line in doc.lines):
        score += 0.2
    if read_front_matter(doc, find_sections(doc)).date:
        score += 0.2
    return round(score, 2)


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
        if _start(line) and not any(s.holds(n) for s in decisions)
    ]
    if not starts:
        raise ReadError("no 'Recommendation N – text' line found: this is not an implementation report", doc.name)
    body = body_span(doc, sections, starts[0], starts[-1])
    coverage = Coverage(doc)
    claim_frame(doc, coverage, front, sections, body)
    sources = find_sources(doc, starts, title_report(doc, front))
    first = min((starts[0], *sources.headings))
    if body[0] < first:
        coverage.claim(body[0], first - 1)  # the paper's background paragraphs
    for heading in sources.headings:
        coverage.claim(heading)
    spans = _spans(doc, starts, sources.headings, body[1])
    if spans[-1][1] < body[1]:
        coverage.claim(spans[-1][1] + 1, body[1])  # the paper's paragraphs after the last one
    result = ReadResult(paper=frame_paper(doc, front, NAME, sources.reports), warnings=list(front.warnings))
    seen: set[tuple[str, str]] = set()
    for first, last in spans:
        report = sources.by_start[first]
        number = _start(doc.line(first))["number"]
        if (report.key, number) in seen:
            result.warnings.append(
                f"{doc.name}:{first}: Recommendation {number} appears twice; the second is left unread"
            )
            continue
        seen.add((report.key, number))
        _add_records(doc, first, last, report, front, result, coverage)
    result.warnings.extend(doc.warnings)
    result.leftovers = coverage.leftovers()
    return result


def _spans(doc: Document, starts: list[int], headings: tuple[int, ...], end: int) -> list[tuple[int, int]]:
    """Each recommendation's lines: up to the next one (or the next source heading).

    The last one stops at the paper's own next paragraph: the first numbered paragraph when the
    progress texts are unnumbered; when they are numbered and the other recommendations end with
    the invitation to members, the paragraphs after the last one's invitation.
    """
    stops = sorted((*starts[1:], *(h for h in headings if h > starts[0])))
    spans = []
    for first in starts:
        stop = next((s for s in stops if s > first), end + 1)
        spans.append((first, last_text_line(doc, first, stop - 1)))
    numbered_progress = any(
        paragraph_number(doc.line(n)) for first, last in spans[:-1] for n in range(first + 1, last + 1)
    )
    first, last = spans[-1]
    after = range(first + 1, last + 1)
    if not numbered_progress:
        closing = next((n for n in after if paragraph_number(doc.line(n))), None)
    elif any(INVITATION.search(doc.line(last)) for _, last in spans[:-1]):
        closing = next((n + 1 for n in after if INVITATION.search(doc.line(n))), None)
    else:
        closing = None
    if closing and closing <= last:
        spans[-1] = (first, last_text_line(doc, first, closing - 1))
    return spans


@dataclass
class _Block:
    """The lines after a recommendation's first line, sorted by what they hold."""

    text_last: int
    progress: list[tuple[int, str]]
    fields: dict[str, str]
    content_first: int | None = None


def _sort_lines(doc: Document, first: int, last: int) -> _Block:
    """The recommendation's own text lines, its labelled fields and its progress lines.

    The text runs on past its first line only when that line ends mid-sentence and the next
    text line continues it (it starts in lower case, or a page break came between).
    """
    text_last = first
    progress: list[tuple[int, str]] = []
    fields: dict[str, str] = {}
    content_first = None
    broken = False
    for number in range(first + 1, last + 1):
        line = doc.line(number).strip()
        if not line:
            continue
        if is_page_footer(line):
            broken = True
            continue
        if not progress and not fields and not _ENDS_SENTENCE.search(_plain(doc.line(text_last))):
            if broken or line[:1].islower():
                text_last, broken = number, False
                continue
        content_first = content_first or number
        if (found := field_line(line)) and not progress:
            fields.setdefault(*found)
            if found[0] == "status":
                progress.append((number, line))
            continue
        progress.append((number, line))
    return _Block(text_last, progress, fields, content_first)


def _add_records(
    doc: Document, first: int, last: int, report: SourceReport, front: FrontMatter, result: ReadResult,
    coverage: Coverage,
) -> None:
    """The Recommendation starting on line ``first`` and its ProgressUpdate from the lines after it."""
    coverage.claim(first, last)
    block = _sort_lines(doc, first, last)
    number = _start(doc.line(first))["number"]
    pieces = [_start(doc.line(first))["text"]]
    pieces += [doc.line(n) for n in range(first + 1, block.text_last + 1) if not is_page_footer(doc.line(n))]
    result.recommendations.append(
        Recommendation(report.key, number, clean(" ".join(pieces)), doc.provenance(first, last))
    )
    if block.content_first is None:
        return
    texts, paragraphs = [], []
    for _, line in block.progress:
        numbered = paragraph_number(line)
        if numbered:
            paragraphs.append(numbered[0])
        texts.append(numbered[1] if numbered else line)
    progress = clean(" ".join(texts)) or None
    invitation = next((s for s in sentences(clean(" ".join(texts))) if INVITATION.search(s)), None)
    status = block.fields.get("status") or invitation or find_status_phrase(progress)
    result.updates.append(
        ProgressUpdate(
            report.key, number, doc.name, doc.provenance(block.content_first, last), paper_date=front.date,
            progress=progress, status_phrase=status, owner=block.fields.get("owner"),
            timescale=block.fields.get("timescale") or find_timescale(progress), paragraphs=tuple(paragraphs),
        )
    )
