"""A select committee's numbered conclusions, each closed by a reference to its report paragraph.

The House of Commons select committees end a report with "Conclusions and recommendations": a
numbered list whose every item sums up a passage of the report and closes with a reference to the
paragraph it comes from, "(Paragraph 14)", "(paragraphs 86 and 87)". The Government's response
(a Special Report of the committee, or a Command paper) reprints each item, back-reference
included, followed by the Government's reply in numbered paragraphs of the same sequence; the
response is published cut into pages, and a page after the first carries no heading naming the
list (docs/repeats-real-papers.md, "Reading failures on the second set"; structure (i) of
tests/fixtures/structures/README.md, fixtures i1, i2).

So a numbered paragraph closed by such a reference is one of the committee's conclusions and
recommendations, wherever it sits, and a numbered paragraph without one between them is the reply
(its progress). The reference is strict, a whole-number paragraph alone in its brackets at the very
end of the paragraph: a paper's own cross-references say "see paragraph 4", "paragraph 5.2",
"paragraphs 3.1 to 3.4 refer" (look-alikes in n2) and stay prose; so does an MPA paper's own
numbered paragraph in its lettered sections, whatever it cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.segment.lists import enumerated, own_numbering
from recgraph.graph.reading.segment.roles import Layout

#: "(paragraph 72)", "(Paragraph 14)", "(paragraphs 86 and 87)", "(paras 12-14)", "(paragraphs 3, 5
#: and 9)" closing the paragraph (a full stop after the bracket or none).
BACK_REFERENCE = re.compile(
    r"\((?:paragraphs?|paras?\.?)\s+\d{1,3}(?:\s*(?:[,\u2013-]|and|to)\s*\d{1,3})*\)\.?\s*$", re.IGNORECASE
)
#: A reply opens in the responder's voice: "The Government agrees with the Committee's conclusion",
#: "The Home Office accepts this recommendation", "The Government does not accept ...": the wording
#: Government responses to select committees give each reply (Command papers and Special Reports);
#: the verbs are those of answering, never "should", "must" or "has failed", which a conclusion
#: about the Government uses.
REPLY = re.compile(
    r"^(?:\d{1,3}\.\s+)?The\s+(?:Government|Home\s+Office|Department|Ministry|Home\s+Secretary)\s+"
    r"(?:(?:therefore|also|fully|partly|partially|broadly|warmly)\s+)?"
    r"(?:agrees|accepts|welcomes|notes|shares|recognises|recognizes|acknowledges|supports|endorses|rejects"
    r"|does\s+not\s+(?:agree|accept|support)|is\s+grateful)\b",
    re.IGNORECASE,
)
#: A paragraph wrapped over lines runs on to its reference within this many lines (the longest
#: hard-wrapped conclusion of the fixtures takes 7; 25 leaves room without joining a page).
MAX_WRAPPED_LINES = 25
#: Lines a wrapped paragraph runs over: its own text, or a wrapped line the layout took for a
#: heading because it lost its full stop at the break.
_WRAPPED_ROLES = ("text", "heading")


@dataclass(frozen=True)
class Conclusion:
    """A referenced numbered paragraph: its first and last line and its number as printed."""

    first_line: int
    last_line: int
    number: str


def _numbered_paragraphs(layout: Layout):
    """The paragraphs numbered "N." that may be a committee's (not an MPA paper's own), with their items."""
    for line in layout.lines:
        if line.role not in ("numbered", "that", "text") or not (item := enumerated(line)) or item.style != "N.":
            continue
        if own_numbering(layout, line):
            # an MPA paper's own numbered paragraphs in its lettered sections, citing another
            # document's paragraph at the end of one, are its narrative, not a committee's list
            continue
        yield line, item


def referenced_conclusions(layout: Layout) -> list[Conclusion]:
    """Every numbered paragraph of the paper closed by a back-reference to a report paragraph."""
    found: list[Conclusion] = []
    for line, item in _numbered_paragraphs(layout):
        last = _reference_line(layout, line.number)
        if last is not None:
            found.append(Conclusion(line.number, last, item.label))
    return found


def replies(layout: Layout, conclusions: list[Conclusion]) -> set[int]:
    """The first lines of the numbered paragraphs that reply to the conclusions.

    A numbered paragraph without a reference between two conclusions is a reply. When there is one
    (the paper is a response printing a reply after each conclusion), the numbered paragraph right
    after the last conclusion is the reply to it too. Where conclusions follow each other with no
    reply between (the committee's own list), a numbered paragraph after the last one may be a
    conclusion whose reference was cut off with its page, and is not taken for a reply.
    """
    referenced = {c.first_line for c in conclusions}
    if not referenced:
        return set()
    others = [line.number for line, _ in _numbered_paragraphs(layout) if line.number not in referenced]
    found = {number for number in others if between(number, referenced)}
    # a paragraph after the last one in the responder's own voice is its reply, even with no reply
    # between (a cut page holding one conclusion and its reply)
    found |= {number for number in others if number > min(referenced) and REPLY.match(layout.line(number).text)}
    after = [number for number in others if number > max(referenced)]
    if found and after:
        found.add(after[0])
    return found


def _reference_line(layout: Layout, first: int) -> int | None:
    """The line closing the paragraph that opens at ``first`` with a back-reference, or None."""
    if BACK_REFERENCE.search(layout.line(first).text):
        return first
    for line in layout.lines[first : first + MAX_WRAPPED_LINES]:
        if line.role == "blank":
            return None
        if not line.text:  # a line whose words an enumerator alone took (roles._joined_texts)
            continue
        if line.role not in _WRAPPED_ROLES:
            return None
        if BACK_REFERENCE.search(line.text):
            return line.number
    return None


def between(number: int, referenced: set[int]) -> bool:
    """Whether line ``number`` is none of the ``referenced`` conclusions' first lines but lies between two of them."""
    return number not in referenced and any(r < number for r in referenced) and any(r > number for r in referenced)


__all__ = ["BACK_REFERENCE", "Conclusion", "between", "referenced_conclusions", "replies"]
