"""A register page: each recommendation followed by its dated status history.

An inspectorate's public register of recommendations (HMICFRS publishes every recommendation it
makes to a force with the history of its status, page by page and theme by theme; this is that
register's shape, seen on its pages of several themes and years) prints an entry as the report's title, the
recommendation in its words, then a *status log*: dated entries, each a status value or a
reviewer's comment. Saved as text, the log keeps the register's markup: ``[on]<date>
[status]<value>[/status][/on]`` for a status set on a date, and ``[on]<date> [comment]`` ...
``[/comment][/on]`` around a comment of one or more paragraphs. The lines of the log (the tag
lines and the comment paragraphs between them) are the recommendation's progress, never a record
of their own (a comment quoting "the below update:" introduces no recommendation), and the
paragraph right before a log is the recommendation it tracks (cue ``item/logged``). The status now
is the last status value the log sets, as printed ("complete", "being-progressed").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # roles reads the log's lines with this module: no import back at run time
    from recgraph.graph.reading.segment.roles import Layout, Line

#: A tag of the log's markup: an entry's date, a status value, a comment.
LOG_TAG = re.compile(r"\[/?(?:on|status|comment)\]", re.IGNORECASE)
_OPENS_COMMENT = re.compile(r"\[comment\]", re.IGNORECASE)
_CLOSES_COMMENT = re.compile(r"\[/comment\]", re.IGNORECASE)
_STATUS_VALUE = re.compile(r"\[status\]\s*(?P<value>[^\[\]]+?)\s*\[/status\]", re.IGNORECASE)


def log_lines(texts: list[str]) -> set[int]:
    """The 1-based numbers of the lines of every status log: lines carrying its tags, and the
    lines of a comment between its opening tag and the one closing it (to the end when the page is
    cut inside one). Blank lines inside a comment are left out (they stay blank)."""
    found: set[int] = set()
    in_comment = False
    for number, text in enumerate(texts, start=1):
        if LOG_TAG.search(text):
            found.add(number)
            opens = [m.end() for m in _OPENS_COMMENT.finditer(text)]
            closes = [m.end() for m in _CLOSES_COMMENT.finditer(text)]
            if opens or closes:
                in_comment = bool(opens) and (not closes or max(opens) > max(closes))
        elif in_comment and text.strip():
            found.add(number)
    return found


def logged_status(text: str | None) -> str | None:
    """The last status value a log sets in ``text``, as printed, or None.

    >>> logged_status("[on]9 May 2017 [status]awaiting-review[/status][/on][on]1 June 2018 [status]complete[/status][/on]")
    'complete'
    """
    values = _STATUS_VALUE.findall(text or "")
    return values[-1] if values else None


def without_tags(text: str) -> str:
    """``text`` without the log's markup; a status value keeps its words.

    >>> without_tags("[on]9 May 2017 [status]complete[/status][/on][on]9 May 2017 [comment] Done.")
    '9 May 2017 complete 9 May 2017 Done.'
    """
    return re.sub(r"\s{2,}", " ", LOG_TAG.sub(" ", text)).strip()


#: What a register's entry can print before its status log: the recommendation's paragraph or item.
_LOGGED_ROLES = ("text", "numbered", "that", "bullet", "sub_bullet")
#: A numbered item's number ("3.", "3)", "(3)").
_NUMBER = re.compile(r"^(?:(?P<a>\d{1,3})[.)]|\((?P<b>\d{1,3})\))\s")


def logged_items(layout: Layout) -> list[tuple[int, str, str | None, bool]]:
    """The paragraph right before each status log, the recommendation the log tracks: (its first
    line, how its record is split, its number or None, whether it is a bullet).

    A paragraph is its first line after a blank (its wrapped lines go with it); the points of an
    item closing with a colon go with that item; a title, a section, the paper's own text are never
    one.
    """
    from recgraph.graph.reading.segment.roles import is_point  # roles reads the log's lines with this module

    found: list[tuple[int, str, str | None, bool]] = []
    for line in layout.lines:
        if line.role != "log":
            continue
        before = layout.previous_filled(line.number)
        point, lead_in = before, False
        while point is not None and is_point(point.text) and (above := layout.previous_filled(point.number)):
            if above.text.rstrip().endswith(":"):
                # the points of an item closing with a colon ("... it should:" / "\u2022hold ..."); a
                # short one is laid out as a title ("The force should:"), which a colon never closes.
                # A lead-in naming the recommendations ("... recommends that:") has them as its items.
                if not _introduces(layout, above):
                    before, lead_in = above, above.role == "heading"
                break
            point = above  # up its points, one line each or one paragraph
        if before is None or before.role not in _LOGGED_ROLES and not lead_in:
            continue
        first = before
        while first.role == "text" and first.number > 1 and layout.line(first.number - 1).role in _LOGGED_ROLES:
            first = layout.line(first.number - 1)  # up a hard-wrapped paragraph to its first line
        if _marked_above(layout, first):
            continue  # the entry's recommendation is headed by its marker: the log tracks that record
        numbered = _NUMBER.match(first.text) if first.role in ("numbered", "that") else None
        number = (numbered["a"] or numbered["b"]) if numbered else None
        found.append((first.number, "that" if number else "paragraph", number, first.role in ("bullet", "sub_bullet")))
    return found


def _marked_above(layout: Layout, first: Line) -> bool:
    """Whether a marker line ("Recommendation 2") heads the entry above ``first``, since the last log.

    A register's page on one recommendation prints its marker, its words over a few paragraphs, then
    the log: the paragraph right before the log is the end of that recommendation, not another.
    """
    for line in reversed(layout.lines[: first.number - 1]):
        if line.role == "log":
            return False
        if line.role == "marker":
            return True
    return False


def _introduces(layout: Layout, line: Line) -> bool:
    """Whether ``line`` is a lead-in naming the recommendations listed after it (:mod:`.lists`)."""
    from recgraph.graph.reading.segment.lists import is_lead_in  # lists reads roles, which reads this module

    return bool(is_lead_in(layout, line))
