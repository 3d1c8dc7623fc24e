"""When a recommendation was made, for ordering repeats in time.

A recommendation is dated by its source report's year as written ("2000/2001", "2001/02",
"2010"), then by the earliest date of a paper that lists it. Years name financial or academic
years, so "2000/2001" is later than "2000" and earlier than "2001".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"(?<!\d)(\d{4})(?:\s*[/\-–]\s*(\d{1,4}))?(?!\d)")


def parse_year(text: str | None) -> tuple[int, int] | None:
    """The first and last calendar year a report year names, or None when it names none.

    >>> parse_year("2000/2001"), parse_year("2001/02"), parse_year("2001/2"), parse_year("2010")
    ((2000, 2001), (2001, 2002), (2001, 2002), (2010, 2010))
    >>> parse_year("n.d.") is None
    True
    """
    if not text:
        return None
    match = _YEAR.search(text)
    if not match:
        return None
    first = int(match.group(1))
    tail = match.group(2)
    if not tail:
        return (first, first)
    # "01" or "2" complete the first year's digits: 2001/02 -> 2002, 2001/2 -> 2002.
    last = int(str(first)[: 4 - len(tail)] + tail) if len(tail) < 4 else int(tail)
    return (first, last if last >= first else first)


@dataclass(frozen=True, order=True)
class Made:
    """The sort key of when a recommendation was made: report years, then earliest paper date."""

    years: tuple[int, int] | None
    paper_date: str | None

    def sort_key(self) -> tuple[int, int, str]:
        first, last = self.years or (9999, 9999)
        return (first, last, self.paper_date or "9999")

    def describe(self) -> str:
        if self.years:
            first, last = self.years
            return str(first) if first == last else f"{first}/{last}"
        return f"listed {self.paper_date}" if self.paper_date else "undated"
