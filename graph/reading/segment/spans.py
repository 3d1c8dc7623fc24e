"""Record starts and spans: segmenting a paper's roled lines into recommendations.

A record starts where one of three general rules holds (:data:`RULES`): a line naming its
recommendation by a *marker*; an enumerated *item* in a recommendations context (answered by a
response, a "That ..." proposal, a sub-item of an audit's titles, an item of a list a lead-in
introduces as the recommendations: :mod:`.lists`); a *heading* over the paragraphs reporting on it
(a marker title, or in a paper with nothing else a run of at least :data:`~.plans.MIN_PLAN_HEADINGS`
plan titles: survey T19, 060424/10, 061109/05); in a paper with nothing else, a recommendation retold
in prose (:mod:`.retellings`) or labelled by the marker word alone. Every cue that holds on a line is kept with its start,
so that measuring with one cue switched off (:mod:`.switches`) shows what the others read. A
*block* record (marker line, That paragraph, title) runs over the following paragraphs until the
next start, a heading, a section or the paper's own text; an *item* record (a bullet) runs over its
wrapped continuation lines only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from recgraph.graph.reading.segment.blocks import is_label, label_blocks
from recgraph.graph.reading.segment.conclusions import referenced_conclusions, replies
from recgraph.graph.reading.segment.markers import loose_marker, tail_marker
from recgraph.graph.reading.segment.fields import find_status_clause
from recgraph.graph.reading.segment.lists import answered, enumerated, introduced
from recgraph.graph.reading.segment.plans import plan_titles
from recgraph.graph.reading.segment.registers import logged_items
from recgraph.graph.reading.segment.retellings import OWN_BUSINESS, first_retelling, named_issuers, text_before
from recgraph.graph.reading.segment.runs import prescribed_runs, siblings, slashed_rows
from recgraph.graph.reading.segment.switches import is_on
from recgraph.graph.reading.segment.roles import Layout, Line, is_heading, strip_bullet

#: Headings that label progress inside a record rather than end it ("Progress so far",
#: "Challenges", "Next steps": the committee family's block labels).
#: A register or a response document labels the blocks of an entry too: the marker word alone over
#: the recommendation's words ("Recommendation"), and the responder's reply ("Government response",
#: "Government response summary": the Government's reply to a select committee's recommendations).
PROGRESS_LABEL = re.compile(
    r"^(?:progress(?:\s+(?:so\s+far|to\s+date|made))?|challenges?|next\s+steps?|current\s+(?:position|status)"
    r"|update|(?:(?:government|MPS|force)\s+)?response(?:\s+summary)?|action(?:s)?\s+taken|comments?|recommendation)\s*:?$",
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
#: The author's own voice counts too: an inquiry's or a committee's report prints each of its
#: recommendations as a paragraph "We recommend that ..." in its running text (UK inquiry and
#: select-committee reports; the trial's Morris Inquiry pages), never "we recommended" (narrative)
#: nor "We do not recommend"; a that-clause for the paper's own Members, Committee or Board, or asking
#: the Authority to note, agree or approve, is the paper's own business.
RECOMMENDS = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:[A-Z][\w'\u2019.]*\s+){1,5}recommends\s+that\b|^(?:\d{1,3}\.\s+)?It\s+is\s+recommended\s+that\b"
    # the issuer named by its kind, as news items and abstracts name it ("The report recommends that
    # ...", "The inspection also recommends that ..."): the same issuer's present-tense paragraph
    r"|^(?:The|This|Its)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:report|review|inquiry|inspection|inspectorate|audit|panel|investigation)"
    r"\s+(?:also\s+|further\s+)?recommends\s+that\b" + OWN_BUSINESS +
    r"|^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?We\s+(?:(?:therefore|also|further|strongly|firmly)\s+)?recommend\s+that\b"
    + OWN_BUSINESS
)

#: What an audit's item says: what should be done ("should", "must", "to be", "recommend").
_ITEM_WORDS = re.compile(r"\b(?:should|must|recommend\w*|to\s+be|needs?\s+to)\b", re.IGNORECASE)

_STOP = {"section", "members", "boilerplate", "frame", "table", "region"}


@dataclass
class Start:
    line: int
    kind: str  # how the record's words and progress are split: marker | tail | that | item | plan | ...
    number: str | None
    covers: tuple[str, ...] = ()
    bullet: bool = False
    #: the evidence for this start, "rule/cue" (see :data:`RULES`); every cue that holds is kept
    cues: tuple[str, ...] = ()
    #: the line its own words end on, where the paper prints it (a referenced conclusion's reference)
    last: int | None = None
    #: the label line over its reply in a numbered label block ("Force response 2", :mod:`.blocks`)
    reply: int | None = None

    @property
    def rule(self) -> str:
        return self.cues[0].split("/", 1)[0] if self.cues else self.kind


#: The general start rules and their cues, in order of precedence (the first cue that holds on a
#: line decides how its record is split):
#:
#: ``marker``  a line that names its recommendation by a marker: at its head, closing its topic
#:             ("... (Recommendations 3-5)"), or quoting it ("Recommendation 27 ... reads: ...");
#: ``item``    an enumerated item in a recommendations context: answered by a response label, a
#:             "That ..." proposal, a sub-item under an audit's title items, a committee's numbered
#:             conclusion closed by "(paragraph N)" (:mod:`.conclusions`), an item of a list a
#:             lead-in introduces as the recommendations (:mod:`.lists`), the paragraph a register's
#:             status log follows (:mod:`.registers`), an issuer's "... recommends that ..." paragraph;
#: ``heading`` a title line over the paragraphs reporting on it, in a run of sibling titles: marked
#:             ("Recommendation 3" alone or with its title) or unmarked (a plan's action titles).
RULES = (
    "marker/head", "marker/tail", "item/answered", "item/that", "item/nested", "item/referenced", "item/introduced", "item/logged",
    "item/row", "item/sibling", "heading/marked", "marker/quote", "item/prescribed", "item/recommends", "item/paraphrase",
    "item/labelled", "item/block", "heading/unmarked",
)
#: Cues tried only in a paper where none of the others holds (a single quoted recommendation; a
#: plan's unnumbered titles, which elsewhere are a paper's own sub-headings).
_FALLBACK = ("marker/quote", "item/recommends", "item/paraphrase", "item/prescribed", "item/labelled")
_LAST_RESORT = ("heading/unmarked",)
#: Lines that are never an answered item: the paper's own, its frame and closing sections.
_NOT_ITEMS = ("members", "marker", "tail", "boilerplate", "frame", "section", "table", "region", "blank")


def find_starts(layout: Layout, exclude: set[int] = frozenset()) -> list[Start]:
    """Every record start of the paper, in printed order (before unnumbered ones get numbers)."""
    found: dict[int, list[Start]] = {}
    for start in _candidates(layout, exclude):
        found.setdefault(start.line, []).append(start)
    groups = [tuple(c for c in RULES if c not in _FALLBACK + _LAST_RESORT), _FALLBACK]
    if not exclude:  # a paper whose tables hold its records has no plan titles to read
        groups.append(_LAST_RESORT)
    blocks = [s for starts in found.values() for s in starts if s.cues == ("item/block",) and is_on("item/block")]
    for group in groups:
        starts = _resolve(found, group)
        if starts:
            # the lines of a numbered label block are its item's words and reply, never a record of their own
            return [s for s in starts if not any(b.line < s.line <= (b.last or b.line) for b in blocks)]
    return []


def _resolve(found: dict[int, list[Start]], group: tuple[str, ...]) -> list[Start]:
    """One start per line whose cues include an active cue of ``group``; all its active cues kept."""
    starts: list[Start] = []
    for line in sorted(found):
        active = sorted((s for s in found[line] if is_on(s.cues[0])), key=lambda s: RULES.index(s.cues[0]))
        deciding = [s for s in active if s.cues[0] in group]
        if not deciding:
            continue
        cues = deciding[0].cues + tuple(c for s in active if s is not deciding[0] for c in s.cues)
        starts.append(replace(deciding[0], cues=tuple(dict.fromkeys(cues))))
    if group == _FALLBACK:
        quotes = [s for s in starts if s.cues[0] == "marker/quote"]
        return quotes[:1] or starts
    return starts


def _candidates(layout: Layout, exclude: set[int]) -> list[Start]:
    """Every (line, cue) that holds, one :class:`Start` each."""
    found: list[Start] = []
    names = named_issuers(line.text for line in layout.lines)
    for line in layout.lines:
        if line.role == "marker" and line.marker and not _number_list(layout, line):
            found.append(Start(line.number, "marker", line.marker.number, line.marker.covers, line.depth > 0, ("marker/head",)))
            if line.depth == 0 and _titles(layout, line):
                found.append(Start(line.number, "marker", line.marker.number, line.marker.covers, False, ("heading/marked",)))
        elif line.role == "tail" and line.tail:
            found.append(Start(line.number, "tail", line.tail[0].number, line.tail[0].covers, True, ("marker/tail",)))
        if line.role == "that" and line.that:
            found.append(Start(line.number, "that", line.that, cues=("item/that",)))
        if line.role not in _NOT_ITEMS and (item := enumerated(line)) and answered(layout, line):
            # a recommendation answered by a response ("5. The MPS should ..." then "MPS response:
            # ..."), whatever its enumerator: the that-response structure with or without "That"
            found.append(Start(line.number, "that", item.label, cues=("item/answered",)))
        if line.role in ("text", "heading", "numbered") and RECOMMENDS.match(line.text):
            # the author's own "We recommend that ..." is one paragraph of its report's narrative;
            # an issuer's quoted recommendation runs on over the response paragraphs after it
            kind = "own" if OWN_VOICE.match(line.text) else "recommends"
            found.append(Start(line.number, kind, None, cues=("item/recommends",)))
        if line.role in ("text", "numbered") and first_retelling(line.text, names, text_before(layout, line.number)) and not RECOMMENDS.match(line.text):
            found.append(Start(line.number, "paraphrase", None, cues=("item/paraphrase",)))
        if line.role not in ("members", "boilerplate", "blank") and (match := QUOTED.search(line.text)):
            found.append(Start(line.number, "quote", match["number"], cues=("marker/quote",)))
    found += [Start(n, "own", None, cues=("item/labelled",)) for n in labelled_paragraphs(layout)]
    found += [Start(b.label, "block", b.number, cues=("item/block",), last=b.last, reply=b.reply) for b in label_blocks(layout)]
    found += _audit_items(layout)
    conclusions = referenced_conclusions(layout) if is_on("item/referenced") else []
    found += [Start(c.first_line, "referenced", c.number, cues=("item/referenced",), last=c.last_line) for c in conclusions]
    replied = replies(layout, conclusions)
    for line, item, leads in introduced(layout):
        if line.role in ("members", "boilerplate"):
            continue
        if line.number in replied and item is not None and item.style == "N.":
            # a numbered paragraph replying to a committee's referenced conclusion (the Government's
            # response between them and after the last, :func:`.conclusions.replies`) is its
            # progress, not an item of the list
            continue
        cues = ("item/introduced", *sorted(leads))
        if item is None:
            found.append(Start(line.number, "paragraph", None, cues=cues))
        elif item.style.startswith("bullet"):
            tail = tail_marker(item.text)
            number, covers = loose_marker(item.text) or ((tail[0].number, tail[0].covers) if tail else (None, ()))
            found.append(Start(line.number, "item", number, covers, True, cues))
        else:
            found.append(Start(line.number, "that", item.label, cues=cues))
    found += [Start(line, kind, number, bullet=bullet, cues=("item/logged",)) for line, kind, number, bullet in logged_items(layout)]
    found += [Start(n, "plan", None, cues=("heading/unmarked",)) for n in plan_titles(layout) if n not in exclude]
    found += [Start(line, "that", label, cues=(cue,)) for line, label, cue in prescribed_runs(layout) + slashed_rows(layout)]
    that_lines = {s.line for s in found if "item/that" in s.cues}
    found += [Start(line, "that", label, cues=(cue,)) for line, label, cue in siblings(layout, that_lines)]
    return found


#: The marker word alone as the label of a block, over the recommendation's words on the next line:
#: how a tracker's or a register's page on one recommendation prints it (inquiry trackers and
#: accountability indexes: a title, then "Recommendation" or "Inquiry recommendation" over the
#: words, then labelled blocks for the response and the evidence; a register's entry: "Recommendation"
#: then "Government Response Summary"). The word may be led by a glyph ("●") and qualified by
#: the kind of issuer ("Inquiry", "Report", "Committee", ...) or as the "original" or "full" one.
LABEL_WORD = re.compile(
    r"^(?:(?:the|original|full|inquiry|report|review|committee|panel|inspection|inspectorate|audit|tribunal)\s+)?"
    r"recommendation(?:\s+(?:text|wording|in\s+full))?\s*:?$",
    re.IGNORECASE,
)
#: The words under the label are a paragraph: a sentence of at least this many words (the labels
#: and values of a page's metadata, "Recommendation" / "Accepted", are one or two words; the
#: shortest recommendation of the seeds and fixtures has nine).
MIN_LABELLED_WORDS = 8
_GLYPHS = re.compile(r"^[^\w\"'(\u201c\u2018]+")


def labelled_paragraphs(layout: Layout) -> list[int]:
    """The first line of each paragraph a label line ("Recommendation") stands over (cue ``item/labelled``)."""
    found = []
    for line in layout.lines:
        if line.role in ("blank", "members", "boilerplate", "frame", "section", "table", "region"):
            continue
        if not LABEL_WORD.match(_GLYPHS.sub("", line.text).strip()):
            continue
        following = layout.next_filled(line.number)
        if (following is not None and following.role in ("text", "numbered", "that")
                and len(following.text.split()) >= MIN_LABELLED_WORDS and not LABEL_WORD.match(following.text.strip())):
            found.append(following.number)
    return found


def _number_list(layout: Layout, line: Line) -> bool:
    """A bare list of numbers on a line ("Recommendation 2, 5, 9, 14") with no words of its own after it.

    Papers group recommendation numbers by status under a heading or a sentence saying the status
    (issue 13: "lists of numbers grouped by status"; survey T5, T34): such a list cites the
    recommendations (mentions), it does not print one. A list is told from a grouped heading
    ("Recommendations 8, 9 and 10" over its text) by what follows: a heading, a section, or a
    paragraph about another recommendation.
    """
    marker = line.marker
    if marker is None or marker.text or len(marker.covers) < 2 or not re.search(r",|\band\b", marker.number):
        return False
    following = layout.next_filled(line.number)
    return following is None or following.role in ("heading", "section", "marker", "members", "boilerplate") or bool(
        loose_marker(_paragraph_text(following.text))
    )


def _paragraph_text(text: str) -> str:
    return re.sub(r"^\d{1,3}\.\s+", "", text)


def _titles(layout: Layout, line: Line) -> bool:
    """A marker line that is a title over paragraphs: the marker alone or with a short title."""
    marker = line.marker
    return bool(marker) and (not marker.text or is_heading(marker.text)) and _next_role(layout, line.number) in (
        "numbered", "text", "that",
    )


def _audit_items(layout: Layout) -> list[Start]:
    """Sub-bullets under a group bullet: each is one recommendation of an audit's list.

    The group bullet is a title (an area or an audit, no full stop) and the sub-bullet says what
    should be done or where it stands (a modal or a status wording): a nested list of anything else
    is the paper's own text.
    """
    found: list[Start] = []
    group = False
    for line in layout.lines:
        if line.role == "bullet":
            group = is_heading(strip_bullet(line.text))
        elif line.role not in ("sub_bullet", "blank", "text"):
            group = False
        if line.role == "sub_bullet" and group and _is_item(strip_bullet(line.text)):
            found_number = loose_marker(strip_bullet(line.text))
            number, covers = found_number if found_number else (None, ())
            found.append(Start(line.number, "item", number, covers, True, ("item/nested",)))
    return found


OWN_VOICE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?We\s+(?:(?:therefore|also|further|strongly|firmly)\s+)?recommend\b")


def quoted_text(text: str) -> str | None:
    match = QUOTED.search(text)
    return match["text"].strip() if match else None


def _is_item(text: str) -> bool:
    return bool(_ITEM_WORDS.search(text) or find_status_clause(text))


def _next_role(layout: Layout, number: int) -> str | None:
    following = layout.next_filled(number)
    return following.role if following else None


def span_end(layout: Layout, start: Start, next_start: int | None, exclude: set[int] = frozenset()) -> int:
    """The last line of the record opening at ``start``."""
    limit = (next_start - 1) if next_start else len(layout.lines)
    last = start.line
    if start.kind == "quote":
        return _body_end(layout, start.line)
    if start.kind == "block":
        # a numbered label block: to the next label; the last one on past its reply's label
        last = start.reply or start.line
        limit = min(limit, start.last) if start.last > last else limit
    elif start.last is not None:
        # its own words run to the line the paper closes them on, whatever roles the wrapped
        # lines took; the block (the reply after it) goes on from there
        last = start.last
        if next_start is not None and next_start <= last:
            return next_start - 1
    # a bullet, or a paragraph that is a record on its own (the author's "We recommend that ...", a
    # recommendation told in a paragraph of prose): the next paragraph is the paper's text again
    item = start.bullet or start.kind in ("tail", "item", "own", "paraphrase")
    for line in layout.lines[last : limit]:
        if line.number in exclude:
            break
        if line.role == "blank":
            if item:
                break
            continue
        if start.kind == "block" and line.role == "heading" and not is_label(line.text):
            # a reply's paragraphs laid out as a title (a wrapped line with no full stop): a block's
            # paragraphs end at the next label, never at a line too long to be one
            last = line.number
            continue
        if line.role in _STOP or _ends_block(line, item):
            break
        last = line.number
    if "item/logged" in start.cues:  # a register's status log after it, past a blank: its progress
        for line in layout.lines[last:limit]:
            if line.number in exclude or line.role not in ("blank", "log"):
                break
            last = line.number if line.role == "log" else last
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
