"""Recommendation numbers: the canonical form one number has whatever way a paper prints it.

Papers of the family print one recommendation's number in several ways: "12", "R12", "R.12",
"Rec 12", "Rec. 12", "Recommendation 12" (survey part A: T10, T11, T13, T34; part B: 050317/12,
051013/08, 080306/04), and its lettered parts as "5(b)", "5 (b)" or "5b" (seed 003, T21). The
canonical form keeps the digits and the lettered parts only: "12", "5(b)". Lettered parts stay
distinct from their parent ("5(b)" is not "5"). A number that is none of these (a range heading
"1, 2 and 4", a roman "iv") is kept as printed, stripped.

>>> [canonical_number(n) for n in ("R12", "Rec. 12", "recommendation 12", "12")]
['12', '12', '12', '12']
>>> canonical_number("5 (b)"), canonical_number("R6b"), canonical_number("6(b)(ii)")
('5(b)', '6(b)', '6(b)(ii)')
>>> canonical_number("1, 2 and 4")
'1, 2 and 4'
"""

from __future__ import annotations

import re

#: Words and abbreviations that stand before a number: "Recommendation", "Recs", "Rec.", "R",
#: "R." (survey part A "Marker / numbering style", part B "numbering": R-prefixed in 2 papers).
_PREFIX = re.compile(r"^(?:recommendations?|recs?|r)\s*\.?\s*", re.IGNORECASE)
#: Digits then lettered (or roman) parts, bracketed or not: "5(b)", "5 (b)", "5b", "6(b)(ii)".
_NUMBER = re.compile(r"^(\d{1,4})((?:\s*\(\s*[a-z]{1,4}\s*\)|[a-z](?![a-z]))*)\.?$", re.IGNORECASE)


def canonical_number(printed: str) -> str:
    """The canonical form of a printed recommendation number (see the module docstring)."""
    text = " ".join(printed.split())
    if not text:
        return printed
    bare = _PREFIX.sub("", text, count=1) if re.match(r"^[A-Za-z]", text) else text
    found = _NUMBER.match(bare)
    if not found:
        return text
    parts = re.findall(r"[a-z]+", found.group(2).lower())
    return found.group(1) + "".join(f"({part})" for part in parts)


def same_number(left: str, right: str) -> bool:
    """Whether two printed numbers name the same recommendation of one report."""
    return canonical_number(left) == canonical_number(right)
