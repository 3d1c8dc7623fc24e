"""A role for every line of a paper, from general features of the line and where it sits.

The roles (what a careful reader of these papers sees in a line):

``blank``, ``frame``
    empty lines; the web page's furniture, description, front matter and summary;
``section``
    a lettered section heading ("B. Supporting information");
``members``
    the paper's own recommendations to Members: the whole "A. Recommendation(s)" section and, in
    any section, sentences asking Members to note, agree or approve (never tracked recommendations;
    docs/formats.md: present in 39 of 41 and 35 of 40 surveyed papers). One exception the survey
    records (020529/05): a review's own recommendations put to Members for approval, each headed
    "Recommendation N (topic): ..." inside section A; from such a marker line on, section A's lines
    take their ordinary roles (a line asking Members to decide stays ``members``);
``boilerplate``
    the paper's standard closing sections (implications, background papers, contact details) and
    their contact lines;
``marker``
    a line headed by a recommendation marker (:func:`~.markers.head_marker`);
``tail``
    a bullet whose topic closes with a bracketed marker ("... (Recommendations 3–5)");
``that``
    a numbered "That ..." paragraph outside the Members' section: a recommendation in the words of
    its author, as the that-response format prints them;
``response``
    a response label ("Response 2:", "MPS response:") opening progress;
``table``
    a row of cells (tab- or pipe-separated) or a table's header row;
``field``
    a labelled line ("Lead: ...", "Status: ...", "Target date: ...");
``numbered``, ``bullet``, ``sub_bullet``
    numbered paragraphs and bullets (a sub-bullet is indented deeper than the bullet above it);
``heading``
    a short unnumbered line without closing punctuation: a title over what follows;
``log``
    a line of a register's status log (its dated status and comment entries, :mod:`.registers`):
    the progress of the recommendation above it;
``text``
    anything else (continuations, prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.readers.text import Document, clean
from recgraph.graph.reading.readers.webpage import (
    FrontMatter,
    Section,
    field_line,
    find_sections,
    is_furniture,
    paragraph_number,
    read_front_matter,
)
from recgraph.graph.reading.segment.enumerators import join_bare_items
from recgraph.graph.reading.segment.fields import is_status_line
from recgraph.graph.reading.segment.markers import Marker, head_marker, tail_marker
from recgraph.graph.reading.segment.registers import log_lines

#: Closing sections every MPA paper prints after the supporting information (docs/formats.md,
#: "Page furniture"): never tracked recommendations.
_CLOSING_SECTION = re.compile(
    r"\b(?:implications?|impact|background\s+papers?|contact(?:\s+details)?|consultation|equalit\w*|financial|legal|risks?)\b",
    re.IGNORECASE,
)
#: Contact lines of the closing block (the same on every page of the site).
_CONTACT = re.compile(
    r"^(?:Report\s+author|For\s+more\s+information\s+contact|MPA\s+general|Media\s+enquiries|Contact)\b", re.IGNORECASE
)
#: The paper asking its Members to decide: "That Members note ...", "Members are asked to ...",
#: "Members agree that ...", "That the Committee notes ..." (survey: every form of section A seen).
_MEMBERS = re.compile(
    r"^(?:\d{1,2}[.)]\s*|\(\d{1,2}\)\s*|[\u2022\u2013\-]\s*)?(?:That\s+)?(?:the\s+)?(?:Members?|Committee|Board|Panel)\b"
    r"(?:\s+(?:are|is)\s+(?:asked|recommended|invited|requested)|\s+(?:note|notes|noted|agree|agrees|approve|approves|endorse"
    r"|consider|receive|sign|comment|be\s+asked)\b)",
    re.IGNORECASE,
)
#: A decision put in the passive ("That the report be noted", "1. That the plan be approved"): the
#: paper's own recommendation wherever it stands (survey: "That ... note/noted ..." forms of section A).
_DECISION = re.compile(
    r"^(?:\d{1,2}[.)]\s*|\(\d{1,2}\)\s*)?That\b.*\bbe\s+(?:noted|agreed|approved|endorsed|received|discharged|signed\s+off)\b",
    re.IGNORECASE,
)
#: A bullet glyph; a symbol-font bullet survives as its letter when a Word or PDF page is turned into
#: text (Wingdings "u" ◆, "l" ●, "n" ■, "q" ❏, "Ø" ➢, "ü" ✓): such a letter alone
#: before a capital is a bullet, never a word of English (the news story of fixture n4 prints its
#: lists so, as do pages copied from trade papers and PDF reports). Not "§": Hansard marks each
#: speech with it ("§ Mr. Smith ..."), a paragraph of debate, not a point of a list.
BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[\u2022\u00b7\u25aa\u25e6*o]|[-\u2013\u2014](?!\d)|[ulnq\u00d8\u00fc](?=\s+[A-Z\u201c\"']))\s+(?P<text>\S.*)$"
)
_THAT = re.compile(r"^(?:\((?P<a>\d{1,3})\)|(?P<b>\d{1,3})[.)])\s+(?P<text>That\s+.*)$")
_RESPONSE = re.compile(
    r"^(?:(?:MPS|MPA|Management|Our)\s+)?(?:Response|Progress|Update|Comment|Position)\b[^:]{0,20}:\s*", re.IGNORECASE
)
#: A number run into its text with no space ("1.In 2013 ...", "3.The MPS should ..."): the space
#: between an item's number and its words is lost when a web page or PDF is turned into text (the
#: number and the words sit in separate elements); a capital after the dot tells it from a decimal
#: ("2.5 per cent"). Docs/formats.md "Trial on unseen papers" (committee reports' conclusions).
_RUN_IN_NUMBER = re.compile(r"^(?P<number>\d{1,3}\.)(?=[A-Z])")
#: An item's enumerator alone on its line ("6.", "(6)", "6)"): a PDF's list sets the number in a
#: column of its own, and the text follows on the next lines. A bare number without a dot or
#: bracket is a page number, never an item.
_NUMBER_ALONE = re.compile(r"^(?:\d{1,3}[.)]|\(\d{1,3}\))$")
#: The marker word alone on its line, its number alone on the next ("Recommendation" / "1"): the
#: same PDF column layout for a table's label cell.
_WORD_ALONE = re.compile(r"^(?:Recommendation|Rec\.?)$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\d{1,3}[a-z]?[.)]?$")
#: A table turned into text one cell per line, its first column the row's number: the header row's
#: cells come first, a number head ("No.", "Number", "Ref") and a head naming the recommendation,
#: then each row's bare number ("1", no dot) over its cells: the flattened table rows of structure
#: (e) (tests/fixtures/structures/README.md; "Ref / Recommendation / Evidence" tables, docs/formats.md)
#: as an HTML table's first column prints its number, bare. The heads tell these numbers from a
#: PDF's page numbers, which stand alone between paragraphs too (structure (j), fixtures j1, j2, n3).
_NUMBER_HEAD = re.compile(r"^(?:No\.?|Number|Ref\.?|Reference|Rec(?:ommendation)?\s+(?:No\.?|number))$", re.IGNORECASE)
_RECOMMENDATION_HEAD = re.compile(r"^(?:Recommendations?|Rec\.?)$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^\d{1,3}$")
#: A header row has a few cells (the survey's tables have 3-5 columns); a row's cells after its
#: number run over at most this many lines before the next row's number (a wrapped cell, a reply).
MAX_HEAD_CELLS = 6
MAX_ROW_LINES = 12

#: A heading is short: the longest recommendation title among the fixtures' unnumbered headings
#: has 10 words, section titles 2-6; beyond 16 words a line is prose that lost its full stop.
MAX_HEADING_WORDS = 16


@dataclass
class Line:
    number: int
    role: str
    text: str
    depth: int = 0
    marker: Marker | None = None
    tail: tuple[Marker, str, str] | None = None
    that: str | None = None
    #: the spaces before the line's text as printed (a nested list's lines sit deeper)
    indent: int = 0


@dataclass
class Layout:
    """A paper's lines with their roles, its lettered sections and front matter."""

    lines: list[Line]
    sections: list[Section]
    front: FrontMatter

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def next_filled(self, number: int) -> Line | None:
        """The first line after line ``number`` that is not blank, or None."""
        return next((line for line in self.lines[number:] if line.role != "blank"), None)

    def previous_filled(self, number: int) -> Line | None:
        """The last line before line ``number`` that is not blank, or None."""
        return next((line for line in reversed(self.lines[: number - 1]) if line.role != "blank"), None)


def is_table_row(raw: str) -> bool:
    """Cells separated by tabs or by " | " (at least three cells, as the survey's tables have)."""
    return raw.count("\t") >= 2 or raw.count("|") >= 2


#: One sentence ending and another beginning inside a line (a title is one phrase).
_SENTENCE_BREAK = re.compile(r"[a-z)][.!?]\s+[A-Z]")
#: Column heads of a row of figures that stand alone as words ("Period 2008-09 2009-10 % Change").
_FIGURE_SIGNS = frozenset("%£$€")


#: A line opening with a bullet glyph whose space after it may be lost ("\u2022the reasons ...": on a web
#: page the glyph and the words sat in separate elements).
GLYPH_LED = re.compile(r"^\s*[\u2022\u25aa\u25e6]\s*\S")


def is_point(text: str) -> bool:
    """Whether a line is a point of a list: a bullet (:data:`BULLET`) or a glyph run into its words."""
    return bool(BULLET.match(text) or GLYPH_LED.match(text))


def strip_bullet(text: str) -> str:
    """A line's text without its bullet glyph (the text as it is when it has none)."""
    bullet = BULLET.match(text)
    return bullet["text"] if bullet else text


#: A title naming the recommendations set as a sentence, closed by a full stop ("Recommendations from
#: the inspectorate's report.", "Recommendations of the review."): web pages and copies of a report's
#: list print its title so; a phrase headed by the word, with no verb, is a title, whatever its stop
#: (a sentence about them has a verb: "Recommendations from the review were accepted.").
_STOPPED_TITLE = re.compile(
    r"^(?:The\s+)?(?:Recommendations|Areas\s+for\s+improvement)\s+(?:of|from|for|in|by|to|made\s+(?:by|to|in)|arising\s+from)\b[^.;:!?]*\.$"
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|must|can|could|may|might|be|been|being|include[sd]?)\b",
    re.IGNORECASE,
)


def is_stopped_title(text: str) -> bool:
    """A title naming the recommendations that ends in a full stop (see :data:`_STOPPED_TITLE`)."""
    return bool(_STOPPED_TITLE.match(text)) and not _VERB.search(text) and len(text.split()) <= MAX_HEADING_WORDS


def is_heading(text: str) -> bool:
    """A short title line: capitalised, not ending in sentence punctuation, not a paragraph."""
    words = text.split()
    figures = sum(1 for word in words if any(ch.isdigit() for ch in word) or word in _FIGURE_SIGNS)
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and figures * 2 < len(words)  # a row of figures ("Stops 402 388 415") is a table, not a title
        and (text[0].isupper() or text[0] in "\u2018\u201c'\"")
        and text.rstrip("\u201d\u2019\"'")[-1:] not in ".,;!?"  # a quoted sentence ends inside its quotes
        and paragraph_number(text) is None
        and not _SENTENCE_BREAK.search(text)  # "... asked for three papers. These are:" is prose, not a title
    )


def lay_out(doc: Document) -> Layout:
    """Give each line of ``doc`` its role."""
    sections = find_sections(doc)
    front = read_front_matter(doc, sections)
    zone = _zones(doc, sections, front)
    lines: list[Line] = []
    previous_bullet_depth: int | None = None
    marker_seen = False  # in the Members' section, the review's own recommendations put for approval
    texts, joined = _joined_texts(doc)
    logged = log_lines(texts)
    for number, raw in enumerate(doc.lines, start=1):
        text = texts[number - 1]
        line = Line(number, "text", text, indent=len(raw) - len(raw.lstrip()))
        if number in joined:  # its words went to the line above: a continuation of it
            line.role = zone[number] or "text"
            lines.append(line)
            continue
        if zone[number] != "members" or not text:
            marker_seen = marker_seen and zone[number] in ("members", "")
        elif head_marker(text) and not _MEMBERS.match(text):
            marker_seen = True
        if not text:
            line.role = "blank"
        elif number in logged:
            line.role = "log"
        elif zone[number] == "members" and marker_seen and not _MEMBERS.match(text):
            _classify(line, raw)
        elif zone[number]:
            line.role = zone[number]
        elif is_furniture(raw):
            line.role = "frame"
        elif _CONTACT.match(text):
            line.role = "boilerplate"
        elif is_table_row(raw):
            line.role = "table"
        elif _MEMBERS.match(text) or _DECISION.match(text):
            line.role = "members"
        else:
            _classify(line, raw)
            if line.role == "heading" and lines and _runs_on(_before_joined(lines)):
                line.role = "text"  # a hard-wrapped paragraph's next line, not a title
        if line.role in ("bullet", "sub_bullet", "tail") or (line.role == "marker" and BULLET.match(raw)):
            depth = len(raw) - len(raw.lstrip())
            if previous_bullet_depth is not None and depth > previous_bullet_depth:
                line.depth = 1
                if line.role == "bullet":
                    line.role = "sub_bullet"
            else:
                previous_bullet_depth = depth
        elif line.role not in ("blank", "text"):
            previous_bullet_depth = None
        lines.append(line)
    return Layout(lines, sections, front)


def _joined_texts(doc: Document) -> tuple[list[str], set[int]]:
    """Each line's cleaned text, with an item's number put back before its words.

    A number run into its text gets its space ("1.In" -> "1. In"); an enumerator alone on its line
    takes the next line's words ("6." / "Police services ..." -> "6. Police services ..."), and the
    line it took them from is left empty of text (it stays in the record's span and provenance);
    the marker word alone over its number alone ("Recommendation" / "1") becomes one marker line.
    """
    texts = [_RUN_IN_NUMBER.sub(r"\g<number> ", clean(raw)) for raw in doc.lines]
    joined: set[int] = set()
    for index, text in enumerate(texts[:-1]):
        following = texts[index + 1]
        if not following or not texts[index]:
            continue
        if _NUMBER_ALONE.match(text) and (following[0].isupper() or following[0] in "\u2018\u201c'\"") and not _NUMBER_ALONE.match(following):
            texts[index], texts[index + 1] = f"{text} {following}", ""
            joined.add(index + 2)
        elif _WORD_ALONE.match(text) and _BARE_NUMBER.match(following):
            texts[index], texts[index + 1] = f"{text} {following.rstrip('.)')}", ""
            joined.add(index + 2)
    _join_numbered_rows(texts, joined)
    join_bare_items(texts, joined, MAX_HEADING_WORDS)
    return texts, joined


def _join_numbered_rows(texts: list[str], joined: set[int]) -> None:
    """Give each bare row number of a flattened numbered table its row's first cell ("1" / "Be ..." -> "1. Be ...").

    The header row's cells become one line, "No. / Recommendation", a heading over the rows.
    """
    filled = [index for index, text in enumerate(texts) if text]
    for position, index in enumerate(filled):
        if not _NUMBER_HEAD.match(texts[index]):
            continue
        heads = []
        for later in filled[position + 1 : position + 1 + MAX_HEAD_CELLS]:
            if _ROW_NUMBER.match(texts[later]):
                break
            heads.append(texts[later])
        else:
            continue
        if not any(_RECOMMENDATION_HEAD.match(head) for head in heads):
            continue
        # the header row on one line, its cells kept apart by " / " (as a flattened row prints them)
        texts[index] = " / ".join([texts[index], *heads])
        for later in filled[position + 1 : position + 1 + len(heads)]:
            texts[later] = ""  # its words are on the header line now: a blank between the cells
        _join_rows(texts, joined, filled[position + 1 + len(heads) :])


def _join_rows(texts: list[str], joined: set[int], rest: list[int]) -> None:
    """Join the rows numbered in sequence from the first bare number of ``rest``."""
    expected = int(texts[rest[0]])
    since = None
    for position, index in enumerate(rest):
        if texts[index] == str(expected) and position + 1 < len(rest) and not _ROW_NUMBER.match(texts[rest[position + 1]]):
            cell = rest[position + 1]
            texts[index], texts[cell] = f"{expected}. {texts[cell]}", ""
            joined.add(cell + 1)
            expected, since = expected + 1, position
        elif since is not None and position - since > MAX_ROW_LINES:
            return


def _before_joined(lines: list[Line]) -> Line:
    """The last line, or the one whose words a joined line (empty, not blank) gave up."""
    if len(lines) > 1 and not lines[-1].text and lines[-1].role != "blank":
        return lines[-2]
    return lines[-1]


def _runs_on(previous: Line) -> bool:
    """Whether the line before is a paragraph broken mid-sentence (the next line continues it)."""
    return previous.role in ("text", "numbered", "marker", "that", "bullet", "sub_bullet", "tail", "response") and (
        previous.text[-1] not in ".:;!?)\u201d\"'"
    )


def _classify(line: Line, raw: str) -> None:
    text = line.text
    if marker := head_marker(text):
        line.role, line.marker = "marker", marker
        return
    bullet = BULLET.match(raw)
    if bullet and (tail := tail_marker(clean(bullet["text"]))):
        line.role, line.tail = "tail", tail
        return
    if that := _THAT.match(text):
        line.role, line.that = "that", that["a"] or that["b"]
        return
    if _RESPONSE.match(text):
        line.role = "response"
    elif field_line(text) or is_status_line(text):  # a status alone on its line is a field of the item above
        line.role = "field"
    elif bullet:
        line.role = "bullet"
    elif paragraph_number(text):
        line.role = "numbered"
    elif is_heading(text) or is_stopped_title(text):
        line.role = "heading"


def _zones(doc: Document, sections: list[Section], front: FrontMatter) -> list[str]:
    """The role every line takes from where it sits (frame, members, boilerplate), or ""."""
    zone = [""] * (len(doc.lines) + 1)
    first_body = sections[0].first_line if sections else 1
    if front.first_line is not None:
        for number in range(min(front.first_line, first_body), (front.last_line or front.first_line) + 1):
            zone[number] = "frame"
    if front.description_line:
        zone[front.description_line] = "frame"
    if front.summary:
        end = min(front.summary[1], first_body - 1) if sections else front.summary[0]
        for number in range(front.summary[0], end + 1):
            zone[number] = "frame"
    if sections:
        for number in range(1, sections[0].first_line):
            if zone[number] == "" and (is_furniture(doc.line(number)) or number < (front.first_line or 0)):
                zone[number] = "frame"
    for section in sections:
        zone[section.first_line] = "section"
        role = "members" if section.is_decisions else "boilerplate" if _CLOSING_SECTION.search(section.title) else ""
        if role:
            for number in range(section.first_line + 1, section.last_line + 1):
                zone[number] = role
    return zone
