"""The lists a paper introduces as its recommendations, and the items answered by a response.

Two conventions of the family (docs/formats.md) that hold whatever the marker style (the enumerators
themselves are read by :mod:`.items`, the lead-ins by :mod:`.leads`):

- *An item answered by a response.* A recommendation printed as an enumerated item (a number
  "5.", "(5)", "5)", a letter "a)", "(a)", or a bullet) whose next line opens with a response or
  progress label ("Response 5:", "MPS response:", "Progress:") is a recommendation followed by its
  response: the that-response format, the committee family's "Progress so far" blocks, and the
  Morris report's "15. That ..." / "b) That ..." numbering (part A, "Format ids").
- *A list introduced as the recommendations.* A paper that quotes or lists the recommendations it
  tracks introduces them with a lead-in that names them and announces what follows ("makes the
  following recommendation:", "The four recommendations are set out below", "Position on the
  recommendations, grouped by theme:", an audit list after "the auditor's key recommendations ...
  summarised below"). Each item of the list that follows is one recommendation, whatever its
  marker; a list of titles with sub-items (an audit's areas over its recommendations) has its
  sub-items as the recommendations; a lead-in closing with a colon followed by plain paragraphs
  introduces those paragraphs (a quoted single recommendation, part A T23).
"""

from __future__ import annotations

import re

from recgraph.graph.reading.segment.items import Item, answered, enumerated
from recgraph.graph.reading.segment.leads import EXAMPLES, appendix_lead_in, is_lead_in
from recgraph.graph.reading.segment.roles import Layout, Line, is_heading
from recgraph.graph.reading.segment.switches import is_on

#: An item citing a list of numbers in brackets ("(2,5,9,14)", "(6, 7 & 8)") is a group of
#: mentions, not a recommendation in its words.
_NUMBER_LIST = re.compile(r"\(\s*\d{1,3}\s*(?:[,&]|and)\s*\d{1,3}")

#: A web page's pointer to its documents or links ("see documents below", "click here", "download
#: the full report"): page navigation closing what the page says, never an item of a list (committee
#: and assembly web pages end a report's summary so, before the documents they attach).
POINTER = re.compile(
    r"\bsee\s+(?:the\s+)?(?:documents?|attachments?|links?|downloads?|files?)\s+below\b|\bclick\s+here\b"
    r"|\bdownload\s+(?:the|our)\s+(?:full\s+)?(?:report|document|response)",
    re.IGNORECASE,
)

#: The wording of an ask: what should, must or needs to be done, or is recommended.
_ASKS = re.compile(r"\b(?:should|must|needs?\s+to|ought\s+to|recommend\w*)\b", re.IGNORECASE)

_OPEN_ROLES = ("text", "numbered", "heading", "that", "marker", "tail")
_STOP_ROLES = ("section", "members", "boilerplate", "frame", "table", "region")


def introduced(layout: Layout) -> list[tuple[Line, Item | None, frozenset[str]]]:
    """Every item of every list a lead-in introduces: (line, its enumerator or None for a plain
    paragraph, the lead-in cues that introduced it)."""
    found: list[tuple[Line, Item | None, frozenset[str]]] = []
    taken: set[int] = set()
    for line in layout.lines:
        if line.number in taken:
            continue
        items: list[tuple[Line, Item | None]] = []
        cues: frozenset[str] = frozenset()
        if appendix := appendix_lead_in(layout, line):
            items, cues = _list_after(layout, appendix, restarts=True), frozenset({"lead/appendix"})
        elif cues := is_lead_in(layout, line):
            items = _list_after(layout, line)
        items = [(l, it) for l, it in items if not _NUMBER_LIST.search(l.text) and l.number not in taken]
        if items and not cues & _TITLED and not _asks_in(layout, items):
            continue  # "... meet the recommendations of the plan." then "Its members include:" and a list of names
        found += [(l, it, cues) for l, it in items]
        taken |= {l.number for l, _ in items}
    return found


#: Lead-ins that title a list (a heading or an appendix naming the recommendations) rather than
#: announce it in a sentence.
_TITLED = frozenset({"lead/heading", "lead/appendix"})
#: What a recommendation or its progress says in this family: an ask (a modal, "to" + verb, a
#: recommending or directive verb) or a status. A list a sentence announces whose items hold none of
#: these (names of bodies, places or people) is not a list of recommendations.
_ASK = re.compile(
    r"\b(?:should|must|shall|will|would|need\w*|to\s+[a-z]+|recommend\w*|ensur\w+|review\w*|develop\w*|introduc\w+"
    r"|establish\w*|consider\w*|improv\w+|provid\w+|implement\w*|complet\w+|achiev\w+|agreed|ongoing|progress\w*)\b",
    re.IGNORECASE,
)


_THAT = re.compile(r"[\"'‘“]?that\b", re.IGNORECASE)  # "That the MPS names a contact ...": the family's recommending form


def _asks_in(layout: Layout, items: list[tuple[Line, Item | None]]) -> bool:
    """Whether any item of a list (its line and the lines wrapped under it) says what should be done
    or where it stands."""
    for line, item in items:
        following = layout.next_filled(line.number)
        text = line.text + (" " + following.text if following is not None and following.role == "text" else "")
        opening = (item.text if item is not None else line.text).lstrip()
        if _ASK.search(text) or _THAT.match(opening) or line.role == "that" or answered(layout, line):
            return True
    return False


def numbered_runs(layout: Layout) -> list[list[tuple[Line, Item]]]:
    """Runs of numbered items whose numbers follow on (4., 5., 6., ...), whatever lies between them
    (their wrapped text, sub-lists, theme headings); a run ends at a section or the paper's own text,
    or where the numbering breaks."""
    runs: list[list[tuple[Line, Item]]] = []
    current: list[tuple[Line, Item]] = []
    for line in layout.lines:
        if line.role in _STOP_ROLES:
            current = _flush(runs, current)
            continue
        item = enumerated(line) if line.role in ("numbered", "that") else None
        if item is None or item.style not in ("N.", "N)") or not item.label:
            continue
        if current and item.label == str(int(current[-1][1].label) + 1):
            current.append((line, item))
        else:
            current = _flush(runs, current)
            current.append((line, item))
    _flush(runs, current)
    return runs


def own_numbering(layout: Layout, first: Line) -> bool:
    """Whether a run of numbered items starting at ``first`` is the paper's own paragraph numbering:
    in a lettered section (an MPA paper's body), unless it restarts at 1 after numbered paragraphs
    of that section (a list of its own)."""
    section = next((s for s in reversed(layout.sections) if s.first_line < first.number), None)
    if section is None:
        return False
    above = layout.lines[section.first_line : first.number - 1]
    item = enumerated(first)
    return not (item and item.label == "1" and any(line.role in ("numbered", "that") for line in above))


def _flush(runs: list, current: list) -> list:
    if current:
        runs.append(current)
    return []


def _list_after(layout: Layout, lead: Line, restarts: bool = False) -> list[tuple[Line, Item | None]]:
    """The list right after ``lead``; ``restarts``: an appendix, whose numbering starts afresh."""
    first = layout.next_filled(lead.number)
    past_titles = False
    if first is not None and first.role == "heading" and (lead.role in ("heading", "section") or lead.text.rstrip().endswith(":")):
        # a heading naming the recommendations, or a lead-in closing with a colon, over theme
        # sub-headings, each over its items ("Conclusions and recommendations" / "Demand on the
        # police" / "1. ..."; "Our conclusions and recommendations are as follows:" / a theme / "1. ...")
        first = _past_headings(layout, first)
        past_titles = lead.role not in ("heading", "section")
    if first is None or first.role in _STOP_ROLES or first.role == "heading":
        return []
    if lead.role in ("heading", "section") and first.role in ("text", "numbered") and is_lead_in(layout, first) - {"lead/spread"}:
        # the paragraph under the title is itself the lead-in of the list ("List of conclusions and
        # recommendations" / "185. Our conclusions and recommendations are as follows:" / "1. ..."):
        # a select committee numbers it in its report's own paragraphs, and it introduces the list
        return []
    item = enumerated(first)
    if item is None and past_titles:
        return []  # a colon's plain paragraphs follow it at once; under a title they are a section's prose
    if item is None:
        return _paragraphs_after(layout, lead, first) if lead.text.rstrip().endswith(":") else []
    if not restarts and item.style in ("N.", "N)") and not _own_list(layout, lead, item):
        # the paper's own paragraph numbering running on: never a recommendation number
        # (docs/formats.md: paragraph numbering runs on across recommendations); a list of its own
        # restarts at 1 right after a colon, or under a heading naming the recommendations
        return []
    if item.style.startswith("bullet") and is_heading(item.text) and _has_sub_items(layout, first):
        return [(line, sub) for line, sub in _run(layout, first, item.style) if line.role == "sub_bullet"]
    return [(line, it) for line, it in _run(layout, first, item.style) if it.style == item.style]


def _run(layout: Layout, first: Line, style: str) -> list[tuple[Line, Item]]:
    """The enumerated lines from ``first`` to where the list ends, with their enumerators."""
    found: list[tuple[Line, Item]] = []
    gap = False
    for line in layout.lines[first.number - 1 :]:
        if line.role == "blank":
            gap = True
            continue
        if line.role in _STOP_ROLES:
            break
        item = enumerated(line) if line.role != "heading" else None
        if item is None:
            if found and line.role == "response" and line.text.rstrip().endswith(":") and EXAMPLES.match(line.text):
                break  # "Progress so far includes:": the points after it are progress, not the list's items
            if line.role in ("response", "field") or (line.role == "text" and not gap):
                continue  # a response, a labelled field or a wrapped line belongs to the item above
            if found and style.startswith("bullet") and _comment_between(layout, line, style):
                # a paragraph commenting on the bullet above, the next bullet right after it: a
                # report's list printing each recommendation followed by its discussion
                continue
            if found and _continues(found[-1][1], _next_item(layout, line)):
                # theme headings, or the other cells of a flattened table (evidence, observations),
                # inside a numbered list whose numbering runs on after them
                continue
            break
        if found and _sub_item(found[-1][1], item):
            continue  # "i.", "(a)" under a numbered item, "(i)" under a lettered one: part of the item above
        if item.style != style and not (style.startswith("bullet") and item.style.startswith("bullet")):
            break
        found.append((line, item))
        gap = False
    return found


_NUMBER_STYLES = ("N.", "N)", "(N)")
_LETTER_STYLES = ("a.", "a)", "(a)")


def _sub_item(above: Item, item: Item) -> bool:
    """Whether ``item`` is a sub-item of the list item ``above`` rather than the list's next item.

    The family nests lists as numbers, then letters, then roman numerals (the Morris report's
    "15." / "b)" / "iv."; tribunal judgments' "2" / "(a)" / "(i)"): a letter under a number is a
    sub-item; under a letter, "i" (or "v", "x") that is not the letter after the one above is a
    roman numeral opening a sub-list.
    """
    if above.style in _NUMBER_STYLES:
        return item.style in _LETTER_STYLES
    if above.style in _LETTER_STYLES and item.style in _LETTER_STYLES and above.label and item.label:
        return item.label in "ivx" and ord(item.label) != ord(above.label) + 1
    return False


def _past_headings(layout: Layout, line: Line) -> Line | None:
    """The first line after a run of headings starting at ``line`` (blank lines skipped)."""
    current: Line | None = line
    while current is not None and current.role == "heading":
        current = layout.next_filled(current.number)
    return current


def _next_item(layout: Layout, line: Line) -> Line | None:
    """The next enumerated line from ``line`` on, before any section or the paper's own text."""
    for following in layout.lines[line.number - 1 :]:
        if following.role in _STOP_ROLES:
            return None
        if following.role != "heading" and enumerated(following):
            return following
    return None


def _comment_between(layout: Layout, line: Line, style: str) -> bool:
    """Whether ``line`` is a plain paragraph between two bullets of one list: the next paragraph is a
    bullet of the same style, and ``line`` announces nothing (no lead-in of another list: "Progress
    so far includes:" before bullets of progress)."""
    if line.role != "text" or line.text.rstrip().endswith((":", ";")) or is_lead_in(layout, line) or EXAMPLES.match(line.text):
        return False
    following = layout.next_filled(line.number)
    while following is not None and following.role == "text" and not enumerated(following):
        if following.text.rstrip().endswith((":", ";")):
            return False
        following = layout.next_filled(following.number)
    item = enumerated(following) if following is not None and following.role != "heading" else None
    # past prose, the list goes on only to an item worded as a recommendation (what should be done),
    # not to bullets of findings or facts the paragraph introduces
    return item is not None and item.style == style and bool(_ASKS.search(item.text))


def _continues(item: Item, line: Line | None) -> bool:
    """Whether ``line`` is the next item of a numbered list whose last item is ``item`` (5. then 6.)."""
    if line is None or item.label is None or not item.label.isdigit():
        return False
    following = enumerated(line)
    return bool(following and following.style == item.style and following.label == str(int(item.label) + 1))


def _own_list(layout: Layout, lead: Line, item: Item) -> bool:
    """Whether a numbered list right after ``lead``, opening with ``item``, is a list of its own.

    Numbered from 1 after a colon it is (the survey's quoted lists). After a heading naming the
    recommendations it is when the paper has no lettered sections, so no paragraph numbering of its
    own, whatever number it opens with (a report's "Conclusions and recommendations" page, or a
    page cut from the middle of that list); in a lettered section when numbered from 1 after the
    section's own numbering was under way above the heading (it restarts); never right under a
    section's title, where "1." opens the section's own paragraphs.
    """
    if lead.text.rstrip().endswith(":"):
        return item.label == "1"
    if lead.role != "heading":
        return False
    if not layout.sections:
        return True
    if item.label != "1":
        return False
    section = next((s for s in reversed(layout.sections) if s.first_line < lead.number), None)
    above = layout.lines[(section.first_line if section else 0) : lead.number - 1]
    return any(line.role in ("numbered", "that") for line in above)


def _paragraphs_after(layout: Layout, lead: Line, first: Line) -> list[tuple[Line, Item | None]]:
    """A colon's plain paragraphs: the one after it, and more when the lead-in names several."""
    # several: "the recommendations", or the asks by a plural noun of the issuer's ("The steps we are
    # recommending ... are designed to ensure:", "the measures it recommends are:")
    plural = bool(re.search(r"\b(?:recommendations|(?:steps|measures|actions|changes|proposals)\b.*\brecommend\w*)\b", lead.text, re.IGNORECASE))
    found: list[tuple[Line, Item | None]] = []
    line: Line | None = first
    while line is not None and line.role in ("text",) and enumerated(line) is None:
        if POINTER.search(line.text):
            break  # the page's pointer to its documents ends the list
        found.append((line, None))
        if not plural:
            break
        line = _next_paragraph(layout, line.number)
    return found


def _has_sub_items(layout: Layout, line: Line) -> bool:
    following = layout.next_filled(line.number)
    return following is not None and following.role == "sub_bullet"


def _next_paragraph(layout: Layout, number: int) -> Line | None:
    """The first line of the next paragraph (after a blank line), or None."""
    seen_blank = False
    for line in layout.lines[number:]:
        if line.role == "blank":
            seen_blank = True
        elif seen_blank:
            return line
    return None


__all__ = ["POINTER", "Item", "answered", "enumerated", "introduced", "is_lead_in", "numbered_runs", "own_numbering"]
