"""Dates as papers print them ("26 May 2011", "12 Jul 04", "3rd of March, 2011", "25/03/2005"), to ISO."""

from __future__ import annotations

import re
from datetime import date

#: Month names and their usual abbreviations, lower case, to month numbers.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: A regular-expression alternation of the month names as printed (capitalised; "May" the month, not the verb).
MONTH_NAMES = "|".join(sorted((name.capitalize() for name in MONTHS), key=len, reverse=True))

_WORD_DATE = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?(?:\s+|-)(?P<month>[A-Za-z]+)\.?,?(?:\s+|-)(?P<year>\d{4}|\d{2})\b"
)
_SLASH_DATE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO yyyy-mm-dd, or None when there is none.

    Parameters
    ----------
    text : a phrase such as "26 May 2011", "12 Jul 04", "1st March 2004" or "25/03/2005".

    Returns
    -------
    str or None : the ISO date; None for a month and year alone or an impossible date.

    Examples
    --------
    >>> parse_date("Date:12 July 2004"), parse_date("12 Jul 04"), parse_date("31/11/2011")
    ('2004-07-12', '2004-07-12', None)
    >>> parse_date("Thursday 3rd of March, 2011"), parse_date("3-Mar-11"), parse_date("March 2011")
    ('2011-03-03', '2011-03-03', None)
    """
    match = _word_date(text)
    if match:
        month = MONTHS[match["month"].lower()]
    else:
        match = _SLASH_DATE.search(text)
        if not match:
            return None
        month = int(match["month"])
    year = int(match["year"])
    if year < 100:  # two-digit years in these papers are 19xx or 20xx around the millennium
        year += 2000 if year < 50 else 1900
    try:
        return date(year, month, int(match["day"])).isoformat()
    except ValueError:
        return None


def _word_date(text: str) -> re.Match[str] | None:
    """The first "day month year" whose month is a month: "Report 3 of the 09 Feb 06" starts falsely."""
    position = 0
    while match := _WORD_DATE.search(text, position):
        if match["month"].lower() in MONTHS:
            return match
        position = match.start() + 1
    return None
