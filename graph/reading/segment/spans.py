"""Record starts and spans: segmenting a paper's roled lines into recommendations.

A record starts at a line the roles mark as naming a recommendation (a marker line, a bullet
closing with a bracketed marker, a numbered "That ..." paragraph), at each sub-bullet of an
audit's nested list (a short group bullet over deeper item bullets), or, in a paper with none of
these, at each unnumbered heading followed by numbered paragraphs when at least
:data:`MIN_PLAN_HEADINGS` of them do so (the improvement-plan format: survey T19, 060424/10,
061109/05 repeat the plan's titles as headings). A *block* record (marker line, That paragraph,
plan heading) runs over the following paragraphs until the next start, a heading, a section or
the paper's own text; an *item* record (a bullet) runs over its wrapped continuation lines only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.segment.markers import loose_marker
from recgraph.graph.reading.readers.webpage import paragraph_number
from recgraph.graph.reading.segment.fields import find_status_clause
from recgraph.graph.reading.segment.roles import Layout, Line, is_heading

#: One heading followed by numbered paragraphs is a paper's sub-title ("Key issues", "Areas of
#: concern" in the fixtures of papers with no tracked recommendation); a plan repeats the pattern.
MIN_PLAN_HEADINGS = 2

#: The paper's own sub-headings, which title its narrative rather than name a plan's action
#: (survey: "Key issues" in 070517/05; "Current position", "Areas of concern", "Background" in the
#: family's reports; the standard report outline of background, issues, position, next steps).
GENERIC_HEADING = re.compile(
    r"^(?:(?:the|a)\s+)?(?:background|introduction|summary|overview|key\s+(?:issues|points|findings)|issues|current\s+(?:position|situation)"
    r"|areas?\s+of\s+concern|conclusions?|next\s+steps|way\s+forward|progress(?:\s+to\s+date)?|risks?|costs?(?:\s+and\s+benefits)?"
    r"|performance|monitoring|governance|consultation|options?|proposals?|discussion|detail|context|purpose|scope)"
    r"(?:\s+(?:to|of|on|for|and)\s+(?:the|this)\s+(?:review|report|paper|inquiry|scrutiny|inspection|plan|work))?\s*:?$",
    re.IGNORECASE,
)

#: A paper reporting on a plan says so in its opening (title, description, summary): every
#: tracking paper of the survey names the recommendations or the plan it reports on there (81 of
#: 81); a paper that does not (a project initiation document, a committee digest) has sub-headings
#: that are its own, not a plan's actions.
TRACKING = re.compile(r"\b(?:recommendations?|improvement\s+plan|action\s+plan|implementation\s+plan)\b", re.IGNORECASE)
#: Without lettered sections, the opening is this many lines (the front matter and summary).
OPENING_LINES = 40

#: Headings that label progress inside a record rather than end it ("Progress so far",
#: "Challenges", "Next steps": the committee family's block labels).
PROGRESS_LABEL = re.compile(
    r"^(?:progress(?:\s+(?:so\s+far|to\s+date|made))?|challenges?|next\s+steps?|current\s+(?:position|status)"
    r"|update|response|action(?:s)?\s+taken|comments?)\s*:?$",
    re.IGNORECASE,
)

#: A quoted recommendation: the form of papers on a single recommendation (survey part A,
#: "quoted-single": T23; T10/T11 track one recommendation of the Lawrence Inquiry).
QUOTED = re.compile(
    r"\b(?:Recommendation|Rec\.?)\s+(?P<number>\d{1,3}[a-z]?)\b[^:\"\u201c]{0,80}?\b(?:reads|states|says|is\s+as\s+follows)"
    r"\s*:?\s*[\"\u201c](?P<text>[^\"\u201d]+)",
    re.IGNORECASE,
)

#: "HM Inspector recommends that ...", "The Auditor recommends that ...": an issuer's recommendation
#: quoted as a paragraph of its own (survey part A, T23: the inspector's wording as an unnumbered
#: paragraph, the response in the numbered paragraphs after it). Present tense only: "recommended
#: that" in the past is the paper's narrative.
RECOMMENDS = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:[A-Z][\w'\u2019.]*\s+){1,5}recommends\s+that\b|^It\s+is\s+recommended\s+that\b"
)

#: What an audit's item says: what should be done ("should", "must", "to be", "recommend").
_ITEM_WORDS = re.compile(r"\b(?:should|must|recommend\w*|to\s+be|needs?\s+to)\b", re.IGNORECASE)

_STOP = {"section", "members", "boilerplate", "frame", "table", "region"}


@dataclass
class Start:
    line: int
    kind: str  # marker | tail | that | item | plan
    number: str | None
    covers: tuple[str, ...] = ()
    bullet: bool = False


def find_starts(layout: Layout, exclude: set[int] = frozenset()) -> list[Start]:
    """Every record start of the paper, in printed order (before unnumbered ones get numbers)."""
    starts: list[Start] = []
    for line in layout.lines:
        if line.role == "marker" and line.marker:
            starts.append(Start(line.number, "marker", line.marker.number, line.marker.covers, line.depth > 0))
        elif line.role == "tail" and line.tail:
            starts.append(Start(line.number, "tail", line.tail[0].number, line.tail[0].covers, True))
        elif line.role == "that" and line.that:
            starts.append(Start(line.number, "that", line.that))
        elif line.role == "numbered" and _next_role(layout, line.number) == "response":
            # a numbered recommendation answered by a response ("5. The MPS should ..." then
            # "MPS response: ..."): the that-response structure without the word "That"
            starts.append(Start(line.number, "that", paragraph_number(line.text)[0]))
    starts += _audit_items(layout, {s.line for s in starts})
    starts.sort(key=lambda s: s.line)
    if not starts:
        starts = _quoted(layout) or _recommends(layout)
    if not starts:
        starts = [s for s in _plan_headings(layout) if s.line not in exclude]
    return starts


def _audit_items(layout: Layout, taken: set[int]) -> list[Start]:
    """Sub-bullets under a group bullet: each is one recommendation of an audit's list.

    The group bullet is a title (an area or an audit, no full stop) and the sub-bullet says what
    should be done or where it stands (a modal or a status wording): a nested list of anything else
    is the paper's own text.
    """
    found: list[Start] = []
    group = False
    for line in layout.lines:
        if line.role == "bullet":
            group = is_heading(_bullet_text(line.text))
        elif line.role not in ("sub_bullet", "blank", "text"):
            group = False
        if line.role == "sub_bullet" and line.number not in taken and group and _is_item(_bullet_text(line.text)):
            found_number = loose_marker(_bullet_text(line.text))
            number, covers = found_number if found_number else (None, ())
            found.append(Start(line.number, "item", number, covers, True))
    return found


def _quoted(layout: Layout) -> list[Start]:
    """A paper on one recommendation that quotes it ("Recommendation 27 ... reads: “That ...”")."""
    found = [
        Start(line.number, "quote", match["number"])
        for line in layout.lines
        if line.role not in ("members", "boilerplate", "blank") and (match := QUOTED.search(line.text))
    ]
    return found[:1]


def _recommends(layout: Layout) -> list[Start]:
    """Paragraphs giving a recommendation in its author's words: "HM Inspector recommends that ..."."""
    return [
        Start(line.number, "recommends", None)
        for line in layout.lines
        if line.role in ("text", "heading", "numbered") and RECOMMENDS.match(line.text)
    ]


def quoted_text(text: str) -> str | None:
    match = QUOTED.search(text)
    return match["text"].strip() if match else None


def _is_item(text: str) -> bool:
    return bool(_ITEM_WORDS.search(text) or find_status_clause(text))


def _plan_headings(layout: Layout) -> list[Start]:
    if not _speaks_of_tracking(layout):
        return []
    starts = [
        Start(line.number, "plan", None)
        for line in layout.lines
        if line.role == "heading"
        and not PROGRESS_LABEL.match(line.text)
        and not GENERIC_HEADING.match(line.text)
        and not names_a_group(line.text)
        and _next_role(layout, line.number) == "numbered"
    ]
    return starts if len(starts) >= MIN_PLAN_HEADINGS else []


#: A heading naming recommendations in the plural titles a group of them ("Embedded
#: recommendations", "Other recommendations", "Table 2: Outstanding high-risk recommendations"):
#: 8 such headings in the fixtures and seeds, none the title of one plan action.
GROUP_HEADING = re.compile(r"\brecommendations\b", re.IGNORECASE)


def names_a_group(text: str) -> bool:
    """Whether a heading titles a group of recommendations (a status group, a table) rather than one."""
    return bool(GROUP_HEADING.search(text))


def _speaks_of_tracking(layout: Layout) -> bool:
    """Whether the paper's opening (before its first lettered section) says it tracks something."""
    end = layout.sections[0].first_line - 1 if layout.sections else min(len(layout.lines), OPENING_LINES)
    return any(TRACKING.search(line.text) for line in layout.lines[:end])


def _next_role(layout: Layout, number: int) -> str | None:
    for line in layout.lines[number:]:
        if line.role != "blank":
            return line.role
    return None


def _bullet_text(text: str) -> str:
    return re.sub(r"^[\u2022\u00b7\u25aa\u25e6*o\-\u2013\u2014]\s+", "", text)


def span_end(layout: Layout, start: Start, next_start: int | None, exclude: set[int] = frozenset()) -> int:
    """The last line of the record opening at ``start``."""
    limit = (next_start - 1) if next_start else len(layout.lines)
    last = start.line
    if start.kind == "quote":
        return _body_end(layout, start.line)
    item = start.bullet or start.kind in ("tail", "item")
    for line in layout.lines[start.line : limit]:
        if line.number in exclude:
            break
        if line.role == "blank":
            if item:
                break
            continue
        if line.role in _STOP or _ends_block(line, item):
            break
        last = line.number
    return last


def _ends_block(line: Line, item: bool) -> bool:
    if item:
        return line.role != "text"
    return line.role == "heading" and not PROGRESS_LABEL.match(line.text)


def _body_end(layout: Layout, first: int) -> int:
    """The last line of the paper's body after ``first`` (before its closing sections)."""
    last = first
    for line in layout.lines[first:]:
        if line.role in ("boilerplate",):
            break
        if line.role not in ("blank", "frame", "section", "members"):
            last = line.number
    return last
