"""Lettered parts of a recommendation printed as lines of their own: "(a) ...", "(b) ...".

A recommendation's text may end in a colon and go on in lettered lines (the committee family,
seed 003 and the Morris report's "b) That ..." sub-items in docs/formats.md). Each part is a
recommendation of its own, numbered "N(a)", with the recommendation N as its parent. As in the
committee reader, the first part must open before the record's progress and each later part must
carry the next letter in sequence, so a lettered list inside a progress paragraph stays progress;
roman numerals "(i)", "(v)" never start a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.segment.roles import Layout

_PART = re.compile(r"^\(?(?P<letter>[a-z])\)\s+(?P<text>\S.*)$")
#: Roles that show the record's progress has begun (a first part must come before them).
_PROGRESS_ROLES = ("numbered", "response", "field")
#: Fewer lettered lines than this are a sentence that happens to open with "(a)".
MIN_PARTS = 2


@dataclass
class Part:
    letter: str
    first_line: int
    last_line: int
    text: str


def find_parts(layout: Layout, first: int, last: int) -> list[Part]:
    """The lettered parts inside the record spanning lines first..last (none: [])."""
    parts: list[Part] = []
    expected = "a"
    progress_started = False
    for number in range(first + 1, last + 1):
        line = layout.line(number)
        if line.role == "blank":
            continue
        match = _PART.match(line.text)
        if match and match["letter"] == expected and (parts or not progress_started):
            if parts:
                parts[-1].last_line = _before(layout, number)
            parts.append(Part(expected, number, number, match["text"]))
            expected = chr(ord(expected) + 1)
            if expected == "i":  # "(i)" opens a roman list, never part (i)
                expected = "j"
        elif line.role in _PROGRESS_ROLES:
            progress_started = True
    if len(parts) < MIN_PARTS:
        return []
    parts[-1].last_line = _before(layout, last + 1)
    return parts


def _before(layout: Layout, number: int) -> int:
    """The last non-blank line before ``number``."""
    number -= 1
    while number > 1 and layout.line(number).role == "blank":
        number -= 1
    return number
