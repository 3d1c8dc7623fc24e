"""The frame shared by the MPA's archived web-page reports: furniture, front matter and sections.

Whatever layout holds the recommendations, an archived MPA committee report comes in one frame:

- site furniture: "You are in:", "Contents", the archive warning, "See the MOPC website ...", and at
  the end "Supporting material", attachment links ("- Appendix 1 [Microsoft Excel]"), "Send an
  e-mail linking to this page", "Feedback";
- a one-line page description, "Report 6a of the 26 May 2011 meeting of the MPA Full Authority ...";
- the front matter: the paper's title on its own line, then "Report: 6a", "Date: 26 May 2011",
  "By: Chief Executive", then a "Summary";
- lettered sections: "A. Recommendations" (what the committee is asked to decide, never a tracked
  recommendation), "B. Supporting information" (where the tracked recommendations are), then the
  paper's own implications, background papers and contact details.

Papers of either layout may also carry, and this module recognises for both readers:

- page footers of a printed copy ("Page 2 of 4"), which can fall inside a recommendation;
- several source reports, each named on a line of its own ("Custody Service Improvement Review")
  just before its first recommendation (:func:`find_sources`); without such lines the page's
  title (or, for an untitled page, its description or summary) names the one source report;
- labelled lines "Lead: ...", "Target date: ...", "Status: ..." (:func:`field_line`) and
  target-date phrases in the progress (:func:`find_timescale`).

The committee and implementation readers use this module for the frame and keep only their own
layout of the recommendations.

Length: over the ~400-line aim. This specialised reader is one state machine over its layout's
rows; issue 13 kept it beside the general segmenter (graph/reading/segment/) for what only it
reads, and its split is left to the work that folds more of it into the segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recgraph.graph.model import Paper, SourceReport
from recgraph.graph.reading.readers.dates import parse_date
from recgraph.graph.reading.readers.text import Coverage, Document, clean, slugify

#: Whole lines that are the web site's navigation and links, never the paper's content.
FURNITURE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"You are in:?",
        r"Contents",
        r"Warning: This is archived material\b.*",
        r"See the \w+ website for further information\.?",
        r"Send an e-mail linking to this page",
        r"Feedback",
        r"Supporting material",
        r"-?\s*.+\[(?:Microsoft (?:Excel|Word|PowerPoint)|PDF)\]",
        r".+\((?:Excel Spreadsheet|Word Document|PDF(?: document)?)\)",
    )
)

#: A printed copy's page footer ("Page 2 of 4", "- 3 -"); unlike the site furniture it can fall
#: inside a recommendation's text or progress, which then continues after it.
PAGE_FOOTER = re.compile(r"(?:Page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-)", re.IGNORECASE)

#: The page description; the committee is lazily matched up to a body noun that ends it.
DESCRIPTION = re.compile(
    r"^Report \S+ of the .+? meeting of the "
    r"(?P<body>.+?\b(?:Committee|Authority|Board|Panel|Group|Council))(?=[,.;]|\s+(?:and|with|to|on)\b|$)"
)

_REPORT = re.compile(r"^Report\s*:\s*\S", re.IGNORECASE)
_DATE = re.compile(r"^Date\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_BY = re.compile(r"^By\s*:\s*\S", re.IGNORECASE)
_SUMMARY = re.compile(r"^Summary\s*:?$", re.IGNORECASE)
_SECTION = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<title>[A-Z][^.]*?)\s*$")
_DECISIONS = re.compile(r"^Recommendations?$", re.IGNORECASE)
_STANDARD_SECTION = re.compile(
    r"\b(?:implications?|impacts?|background|contact|supporting|consultation|appendi(?:x|ces))\b", re.IGNORECASE
)

#: "5. text"; a number printed twice ("12. 12. text") is one paragraph.
_NUMBERED = re.compile(r"^(?P<number>\d{1,3})\.\s+(?:(?P=number)\.\s+)?(?P<text>\S.*)$")

#: " – update on the recommendations", ": progress report", " - six-monthly update": what the paper
#: is, not the source; up to three words (ordinals, "six-monthly") may come before the noun.
_TITLE_SUFFIX = re.compile(
    r"(?:\s*:|\s+[\u2013\u2014-])\s+(?:[\w-]+\s+){0,3}?"
    r"(?:update|progress|implementation|monitoring|report)\b.*$",
    re.IGNORECASE,
)
_TITLE_PREFIX = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:first|second|third|final|interim|annual|further)\s+)?"
    r"(?:update|progress(?:\s+report)?|implementation|monitoring)\s+(?:on|of)\s+(?:the\s+)?"
    r"(?:(?:implementation\s+of\s+)?(?:the\s+)?recommendations\s+(?:of|from|made\s+by)\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
#: "... the recommendations of the Stephen Lawrence Inquiry which ...": the subject named in a page
#: description or summary, for pages printed without a title.
_SUBJECT = re.compile(
    r"\brecommendations\s+(?:made\s+by|of|from)\s+(?:the\s+)?"
    r"(?P<title>[A-Z][^,.;:()]*?)(?=\s+(?:which|that|and|was|were|as|published|approved)\b|[,.;:()]|$)"
)


def is_furniture(line: str) -> bool:
    """Whether a whole line is web-site navigation, a link or a page footer, not the paper's text.

    >>> is_furniture("Send an e-mail linking to this page"), is_furniture("Action completed.")
    (True, False)
    """
    stripped = line.strip()
    return is_page_footer(stripped) or any(pattern.fullmatch(stripped) for pattern in FURNITURE)


def is_page_footer(line: str) -> bool:
    """Whether a line is a printed page's footer (form feeds around it are ignored).

    >>> is_page_footer("\\fPage 2 of 4"), is_page_footer("Page 2 sets out the costs.")
    (True, False)
    """
    return bool(PAGE_FOOTER.fullmatch(line.strip()))


def paragraph_number(line: str) -> tuple[str, str] | None:
    """The paper's paragraph number and the text after it, or None for an unnumbered line.

    >>> paragraph_number("12. 12. Your Views Count"), paragraph_number("Action completed.")
    (('12', 'Your Views Count'), None)
    """
    match = _NUMBERED.match(line.strip())
    return (match["number"], match["text"]) if match else None


def source_title(paper_title: str) -> str:
    """The source report's title inside a paper title such as "X – update on the recommendations".

    >>> source_title("Race and Faith Inquiry – update on the recommendations")
    'Race and Faith Inquiry'
    >>> source_title("Update on the recommendations of the Morris Inquiry")
    'Morris Inquiry'
    >>> source_title("Morris Inquiry: six-monthly progress report")
    'Morris Inquiry'
    """
    title = _TITLE_SUFFIX.sub("", paper_title.strip())
    title = _TITLE_PREFIX.sub("", title)
    title = re.sub(r"\s+recommendations$", "", title, flags=re.IGNORECASE)
    return title.strip() or paper_title.strip()


def subject_of(text: str) -> str | None:
    """The report whose recommendations a description or summary says the paper follows up.

    >>> subject_of("Report 9 of the 12 Jul 07 meeting, on the recommendations of the Morris Inquiry.")
    'Morris Inquiry'
    >>> subject_of("an update on the recommendations of two reviews.") is None
    True
    """
    match = _SUBJECT.search(clean(text))
    return match["title"].strip() if match else None


@dataclass(frozen=True)
class Section:
    """A lettered section ("B. Supporting information") and its inclusive line span."""

    letter: str
    title: str
    first_line: int
    last_line: int

    @property
    def is_decisions(self) -> bool:
        """"A. Recommendations": what the committee is asked to decide, not tracked recommendations."""
        return bool(_DECISIONS.match(self.title))

    def holds(self, number: int) -> bool:
        return self.first_line <= number <= self.last_line


def find_sections(doc: Document) -> list[Section]:
    """The lettered sections in order; letters must run on (A, B, C ...) to count as sections.

    "B. Smith" inside a paragraph is not a section: only the next letter in sequence is, or a
    letter or two further on when the title is one of the standard section names (a clerk's
    mis-lettering, "D. Financial implications" after "B. Supporting information").
    """
    starts: list[tuple[int, str, str]] = []
    for number, line in enumerate(doc.lines, start=1):
        match = _SECTION.match(line.strip())
        if not match:
            continue
        letter = match["letter"]
        step = ord(letter) - ord(starts[-1][1]) if starts else None
        standard = bool(_STANDARD_SECTION.search(match["title"]))
        if (not starts and letter == "A") or step == 1 or (step in (2, 3) and standard):
            starts.append((number, letter, match["title"]))
    ends = [start for start, _, _ in starts[1:]] + [len(doc.lines) + 1]
    return [Section(letter, title, start, end - 1) for (start, letter, title), end in zip(starts, ends)]


@dataclass(frozen=True)
class FrontMatter:
    """What the page says about the paper: title, date, committee, and the lines saying it."""

    title: str | None = None
    title_line: int | None = None
    date: str | None = None
    body: str | None = None
    first_line: int | None = None
    last_line: int | None = None
    description_line: int | None = None
    summary: tuple[int, int] | None = None
    warnings: tuple[str, ...] = field(default=())


def read_front_matter(doc: Document, sections: list[Section]) -> FrontMatter:
    """Title, date and committee from the lines before the first section.

    The title is the last line before the "Report:" / "Date:" / "By:" block (or, without one,
    before the "Summary") that is neither furniture nor the page description. The date is the
    "Date:" line's, else the meeting's in the page description; a "Date:" that cannot be read gives
    a warning, not an error.
    """
    limit = sections[0].first_line - 1 if sections else len(doc.lines)
    head = [(n, doc.line(n).strip()) for n in range(1, limit + 1)]
    body, description_line, meeting = None, None, None
    for number, line in head:
        if match := DESCRIPTION.match(clean(line)):
            body, description_line, meeting = match["body"], number, parse_date(match.group(0))
            break
    block = [n for n, line in head if _REPORT.match(line) or _DATE.match(line) or _BY.match(line)]
    if block:
        first, last = block[0], _block_end(head, block[0])
    else:
        first = last = next((n for n, line in head if _SUMMARY.match(line)), 0)
        if not first:
            return FrontMatter(date=meeting, body=body, description_line=description_line)
        last = first - 1  # the Summary itself is claimed as the summary, below
    title, title_line = _title_before(head, first, description_line)
    iso, warnings = None, []
    for number in range(first, last + 1):
        if match := _DATE.match(doc.line(number).strip()):
            iso = parse_date(match["value"])
            if iso is None:
                fallback = f"the meeting date {meeting} is used" if meeting else "the paper's date is left empty"
                warnings.append(f"{doc.name}:{number}: cannot read the date {match['value']!r}; {fallback}")
    summary = _summary_span(head, last, limit)
    span_first = title_line or first
    span_last = max(last, span_first)
    return FrontMatter(
        title, title_line, iso or meeting, body, span_first, span_last, description_line, summary, tuple(warnings)
    )


def _block_end(head: list[tuple[int, str]], first: int) -> int:
    """The last line of the contiguous Report/Date/By block (blank lines may separate them)."""
    last = first
    for number, line in head:
        if number <= first or not line:
            continue
        if _REPORT.match(line) or _DATE.match(line) or _BY.match(line):
            last = number
        else:
            break
    return last


def _title_before(
    head: list[tuple[int, str]], first: int, description_line: int | None
) -> tuple[str | None, int | None]:
    for number, line in reversed(head[: first - 1]):
        if line and not is_furniture(line) and number != description_line:
            return clean(line), number
    return None, None


def _summary_span(head: list[tuple[int, str]], after: int, limit: int) -> tuple[int, int] | None:
    for number, line in head:
        if number > after and _SUMMARY.match(line):
            return (number, limit)
    return None


def last_text_line(doc: Document, first: int, last: int) -> int:
    """``last`` moved up past blank lines and page footers, but never above ``first``."""
    while last > first and (not doc.line(last).strip() or is_page_footer(doc.line(last))):
        last -= 1
    return last


def body_span(doc: Document, sections: list[Section], first: int, last: int) -> tuple[int, int]:
    """The lines that hold the tracked recommendations found between lines first and last.

    The span runs from the start of the section holding ``first`` to the end of the section
    holding ``last`` (the whole text after the front matter when there are no sections), with
    trailing furniture and blank lines cut off.
    """
    start = next((s.first_line + 1 for s in sections if s.holds(first)), None)
    end = next((s.last_line for s in sections if s.holds(last)), len(doc.lines))
    if start is None:
        start = max((s.last_line + 1 for s in sections if s.last_line < first), default=1)
    while end > last and (not doc.line(end).strip() or is_furniture(doc.line(end))):
        end -= 1
    return start, end


def claim_frame(
    doc: Document, coverage: Coverage, front: FrontMatter, sections: list[Section], body: tuple[int, int]
) -> None:
    """Claim what is the page's frame rather than a tracked recommendation.

    Claimed: furniture lines and the page description outside the body; the title, Report/Date/By
    block and Summary (the paper's own front matter); every section other than the body's (the
    committee's decisions, implications, background papers, contact details); the heading of the
    body's section. The body's own background and closing paragraphs are claimed by the readers.
    """
    first, last = body
    for number in range(1, len(doc.lines) + 1):
        if first <= number <= last:
            continue
        if is_furniture(doc.line(number)) or number == front.description_line:
            coverage.claim(number)
    if front.first_line is not None and front.last_line is not None:
        coverage.claim(front.first_line, front.last_line)
    if front.summary and front.summary[0] < first:
        # without sections the summary has no end of its own: it stops where the body starts
        coverage.claim(front.summary[0], min(front.summary[1], first - 1))
    for section in sections:
        if section.last_line < first or section.first_line > last:
            coverage.claim(section.first_line, section.last_line)
        elif section.first_line < first:
            coverage.claim(section.first_line)


def frame_paper(doc: Document, front: FrontMatter, layout: str, reports: tuple[SourceReport, ...]) -> Paper:
    """The paper as the page presents it, tracking ``reports``."""
    provenance = None
    if front.first_line is not None and front.last_line is not None:
        provenance = doc.provenance(front.first_line, front.last_line)
    return Paper(doc.name, layout, front.title, front.body, front.date, source_reports=reports, provenance=provenance)


def title_report(doc: Document, front: FrontMatter) -> SourceReport:
    """The source report the page's title names, or its description or summary when it has none.

    Without either the source report is named after the file, so that two untitled papers never
    share a source report by accident.
    """
    if front.title is not None and front.title_line is not None:
        title = source_title(front.title)
        return SourceReport(slugify(title), title, provenance=doc.provenance(front.title_line, front.title_line))
    lines = [front.description_line] if front.description_line else []
    if front.summary:
        lines += range(front.summary[0] + 1, front.summary[1] + 1)
    for number in lines:
        if subject := subject_of(doc.line(number)):
            return SourceReport(slugify(subject), subject, provenance=doc.provenance(number, number))
    title = f"Source report of {doc.name.rsplit('/', 1)[-1]}"
    return SourceReport(slugify(title), title)


#: A report's own name ends in one of these nouns ("Custody Service Improvement Review").
_REPORT_NOUN = re.compile(r"\b(?:Review|Inquiry|Inspection|Audit|Investigation|Scrutiny|Study|Report)s?\b")


def is_source_heading(line: str) -> bool:
    """Whether a line is a source report's name standing alone, as a heading over its recommendations.

    >>> is_source_heading("Property Service Improvement Review"), is_source_heading("As challenges")
    (True, False)
    """
    text = clean(line)
    return (
        0 < len(text.split()) <= 15
        and text[0].isupper()
        and text[-1] not in ".,;:?!"
        and paragraph_number(text) is None
        and _REPORT_NOUN.search(text) is not None
    )


@dataclass(frozen=True)
class Sources:
    """Which source report each recommendation belongs to, and the heading lines that said so."""

    by_start: dict[int, SourceReport]
    headings: tuple[int, ...]

    @property
    def reports(self) -> tuple[SourceReport, ...]:
        return tuple({report.key: report for report in self.by_start.values()}.values())


def find_sources(doc: Document, starts: list[int], default: SourceReport) -> Sources:
    """The source report of each recommendation starting on a line of ``starts``.

    A paper tracking several reports names each one on a line of its own just before its first
    recommendation; recommendations before any such heading belong to ``default``.
    """
    by_start: dict[int, SourceReport] = {}
    headings: list[int] = []
    current = default
    for start in starts:
        above = start - 1
        while above > 0 and (not doc.line(above).strip() or is_page_footer(doc.line(above))):
            above -= 1
        if above > 0 and above not in starts and is_source_heading(doc.line(above)):
            title = clean(doc.line(above))
            current = SourceReport(slugify(title), title, provenance=doc.provenance(above, above))
            headings.append(above)
        by_start[start] = current
    return Sources(by_start, tuple(headings))


#: "Lead: Director of HR", "Target date: 31 July 2005", "Status: Complete" on a line of their own.
_FIELD = re.compile(
    r"^(?P<label>lead(?:\s+officer)?|owner|responsib(?:le|ility)(?:\s+officer)?|action\s+by(?:\s+whom)?"
    r"|target\s+date|timescale|deadline|completion\s+date|status)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)


def field_line(line: str) -> tuple[str, str] | None:
    """("owner" | "timescale" | "status", value) for a labelled line, or None.

    >>> field_line("Lead officer: Director of HR"), field_line("Target date: 31 July 2005")
    (('owner', 'Director of HR'), ('timescale', '31 July 2005'))
    >>> field_line("Status: Complete"), field_line("Lead times are falling.")
    (('status', 'Status: Complete'), None)
    """
    match = _FIELD.match(clean(line))
    if not match:
        return None
    label = match["label"].lower()
    if label == "status":
        return "status", match.group(0)  # verbatim, like "Recommendation met: significantly"
    kind = "timescale" if label.startswith(("target", "timescale", "deadline", "completion")) else "owner"
    return kind, match["value"]


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


def find_timescale(text: str | None) -> str | None:
    """The first target-date phrase in ``text``, verbatim, or None.

    >>> find_timescale("This should be completed by the target date of 31 December 2004.")
    'by the target date of 31 December 2004'
    """
    if not text:
        return None
    found = [m for m in (p.search(text) for p in TIMESCALES) if m]
    return min(found, key=lambda m: m.start()).group(0) if found else None
