"""Enumerated items: the number, letter, bullet or label opening a line, and a response after one.

The enumerators the family prints before an item (docs/formats.md "Marker / numbering style"), and
the convention of an item answered by a response (:func:`answered`; see :mod:`.lists`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.segment.roles import BULLET, Layout, Line

#: The enumerators the family prints before an item (docs/formats.md "Marker / numbering style"
#: and the Morris report's "15.", "b)", "iv."): numbers, bracketed numbers, letters; a bullet glyph.
_ENUMERATOR = re.compile(
    r"^(?:(?P<num>\d{1,3})(?P<num_close>[.)])|\((?P<pnum>\d{1,3})\)|(?P<let>[a-z])(?P<let_close>[.)])|\((?P<plet>[a-z])\))\s+(?P<text>\S.*)$"
)
#: The marker word without a number, as a label: "Recommendation: The MPS should ..." (the labelled
#: form of the family's "Recommendation N" headings, for recommendations printed unnumbered).
_LABEL = re.compile(r"^(?:Recommendation|Rec\.?)\s*[:\u2013\u2014-]\s+(?P<text>\S.*)$", re.IGNORECASE)

@dataclass(frozen=True)
class Item:
    """An enumerated line: its label as printed ("5", "a", or None for a bullet), style and text."""

    label: str | None
    style: str  # "N." | "N)" | "(N)" | "a." | "a)" | "(a)" | "label" | "bullet:<depth>"
    text: str


def enumerated(line: Line) -> Item | None:
    """The enumerator opening ``line`` (number, letter or bullet), or None."""
    text = line.text
    if match := _ENUMERATOR.match(text):
        if match["num"]:
            return Item(match["num"], "N" + match["num_close"], match["text"])
        if match["pnum"]:
            return Item(match["pnum"], "(N)", match["text"])
        if match["let"]:
            return Item(match["let"], "a" + match["let_close"], match["text"])
        return Item(match["plet"], "(a)", match["text"])
    if label := _LABEL.match(text):
        return Item(None, "label", label["text"])
    if line.role in ("bullet", "sub_bullet", "tail") or (line.role == "marker" and BULLET.match(text)):
        bullet = BULLET.match(text)
        return Item(None, f"bullet:{line.depth}", bullet["text"] if bullet else text)
    return None


def answered(layout: Layout, line: Line) -> bool:
    """Whether the next non-blank line opens with a response or progress label."""
    following = layout.next_filled(line.number)
    return following is not None and following.role == "response"


__all__ = ["Item", "answered", "enumerated"]
