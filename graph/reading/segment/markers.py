"""Recommendation markers: where a line names the recommendation(s) it is about, and their numbers.

The family writes a recommendation's number in a few general ways (docs/formats.md, "Marker /
numbering style"): the word in full or abbreviated ("Recommendation 3", "Recommendations 3-5",
"Rec 12", "Rec. 61", "Recs 3/4"), an R-number ("R1", "R.7", "R4/R5"), and several numbers
grouped by commas, "and", "to", a slash or a range dash ("8, 9 and 10", "10 to 13", "5–9").
A marker *heads* a record when it opens a line (after a paragraph number or bullet) and is
followed by a separator (dash, colon, full stop), by a capitalised title, by a bracketed aside
or by nothing; a marker followed by a comma or a verb ("Rec 13, on ...", "Recommendation 8 is
awaiting ...") is prose citing a recommendation (a mention, left to the mentions reader).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: One printed number: digits with an optional letter ("12", "6a"); R-forms carry their prefix.
_NUM = r"\d{1,3}(?:\.\d{1,2}(?=[\s:\u2013\u2014-]))?[a-z]?"  # "12", "6a", "4.2" (a report's chapter.item)
_R_NUM = r"R\.?\s?\d{1,3}[a-z]?"
#: Joiners between numbers of one marker (survey: ranges with hyphen or en dash, "to", "and",
#: commas, slashes "3/4", ampersands).
_JOIN = r"(?:\s*(?:[-\u2013\u2014/,&]|\bto\b|\band\b)\s*)+"
_WORD_LIST = rf"{_NUM}(?:{_JOIN}{_NUM}(?![\d.]))*"
_R_LIST = rf"{_R_NUM}(?:{_JOIN}(?:{_R_NUM}|{_NUM}(?![\d.])))*"

#: The word forms: in full (singular or plural) or abbreviated "Rec", "Rec.", "Recs".
_WORD = r"(?:Recommendations?|Recs?\.?)"

#: The opening of a line before a marker: a paragraph number "3." or a bullet.
_LEAD = r"(?P<lead>(?:\d{1,3}\.\s+|[\u2022\u00b7\u25aa*\-\u2013\u2014]\s*)?)"

_HEAD_WORD = re.compile(rf"^{_LEAD}(?P<marker>(?i:{_WORD})\s*(?P<numbers>{_WORD_LIST}))(?P<after>.*)$")
_HEAD_R = re.compile(rf"^{_LEAD}(?P<marker>(?P<numbers>{_R_LIST}))(?P<after>(?:[\s:.\u2013\u2014-].*)?)$")

#: What may follow a heading marker: an optional bracketed aside ("(statutory)", "(para 4.21)"),
#: then a separator and text, a capitalised title, or nothing.
_AFTER = re.compile(
    r"^\s*(?:\((?P<aside>[^)]{1,120})\))?\s*(?:\[(?P<bracket>[^\]]{1,120})\]\s*(?=\S))?"
    r"(?:(?:[:\u2013\u2014]|-(?=\s)|\.(?=\s|$))\s*(?P<text>.*)|(?P<title>[A-Z\u2018\u201c\"'].*)|)$"
)

#: A marker closing a bullet's topic: "... (Recommendations 3–5)" or "... (Recommendation 2).".
_TAIL = re.compile(rf"\((?P<marker>(?i:{_WORD})\s*(?P<numbers>{_WORD_LIST}))\)")

#: A marker anywhere at the start of a sentence, lower case allowed ("recommendation 4, on ...").
_LOOSE = re.compile(rf"^(?i:{_WORD})\s*(?P<numbers>{_WORD_LIST}|{_R_LIST})\b")

#: Markdown emphasis around a heading ("**Recommendation 1**") is not part of it.
_EMPHASIS = re.compile(r"^[*_]{1,3}|[*_]{1,3}$")

_RANGE = re.compile(r"^(?P<a>\d{1,3})\s*(?:[-\u2013\u2014]|\bto\b)\s*(?P<b>\d{1,3})$")
#: A printed range wider than this is read as two numbers, not expanded (the widest grouped
#: heading in the fixtures covers five numbers; papers cite "recommendations 1 to 12" in prose).
MAX_RANGE = 30


@dataclass(frozen=True)
class Marker:
    """A heading marker on a line: the number as printed, the numbers it covers, and the text after it."""

    number: str
    covers: tuple[str, ...]
    text: str
    aside: str | None
    bracket: str | None  # "[MPA responsible for implementation]": who is to act, as printed
    start: int  # offset of the marker in the line
    end: int  # offset just after the marker (and its aside and separator)


def number_of(numbers: str) -> str:
    """The record's number as printed, spaces folded: "R.7" stays "R.7", "3 / 4" becomes "3/4"."""
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", numbers.strip().rstrip(".,")))


def covered(numbers: str) -> tuple[str, ...]:
    """The numbers a grouped marker covers, in order; () for a single number.

    >>> covered("3-5"), covered("8, 9 and 10"), covered("R4/R5"), covered("12")
    (('3', '4', '5'), ('8', '9', '10'), ('R4', 'R5'), ())
    """
    parts = [p for p in re.split(r"\s*(?:[,/&]|\band\b)\s*", numbers.strip().rstrip(".,")) if p]
    found: list[str] = []
    for part in parts:
        match = _RANGE.match(part)
        if match and 0 < int(match["b"]) - int(match["a"]) <= MAX_RANGE:
            found.extend(str(n) for n in range(int(match["a"]), int(match["b"]) + 1))
        elif match:
            found.extend((match["a"], match["b"]))
        else:
            found.append(re.sub(r"\s+", "", part))
    return tuple(found) if len(found) > 1 else ()


def head_marker(line: str) -> Marker | None:
    """The marker heading a line, or None when the line is not headed by one.

    >>> m = head_marker("Recs 3/4 – Rousing checks: the procedure is issued.")
    >>> m.number, m.covers, m.text
    ('3/4', ('3', '4'), 'Rousing checks: the procedure is issued.')
    >>> head_marker("9. Rec 13, on the visiting scheme, falls to the MPA.") is None
    True
    >>> head_marker("R1 Appoint a lead officer").number
    'R1'
    """
    stripped = _EMPHASIS.sub("", line.strip())
    for pattern in (_HEAD_WORD, _HEAD_R):
        match = pattern.match(stripped)
        if not match:
            continue
        after = _AFTER.match(match["after"])
        if after is None:
            continue
        text = after["text"] if after["text"] is not None else (after["title"] or "")
        numbers = match["numbers"]
        return Marker(
            number_of(numbers), covered(numbers), text.strip(), after["aside"], after["bracket"], match.start("marker"),
            len(stripped) - len(text.strip()),
        )
    return None


def tail_marker(line: str) -> tuple[Marker, str, str] | None:
    """A bracketed marker after a bullet's topic: (marker, topic before it, text after it)."""
    match = _TAIL.search(line)
    if not match:
        return None
    topic = line[: match.start()].strip()
    if not topic:
        return None
    numbers = match["numbers"]
    rest = line[match.end() :].strip().lstrip(".;:,").strip()
    marker = Marker(number_of(numbers), covered(numbers), topic, None, None, match.start(), match.end())
    return marker, topic, rest


def loose_marker(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(number, covers) when ``text`` opens with a marker in any case ("recommendation 4, on ...")."""
    match = _LOOSE.match(text.strip())
    if not match:
        return None
    return number_of(match["numbers"]), covered(match["numbers"])
