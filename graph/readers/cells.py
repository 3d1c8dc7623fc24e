"""Cells of tab-separated tables, shared by the table and proforma readers.

Both families print one table row per line with cells separated by tabs, HTML fragments inside the
cells, and headings as markdown (``#``) or bold (``**``) lines between the tables. This module holds
what they read the same way: splitting rows, recognising headings, recommendation numbers and
paragraph references.
"""

from __future__ import annotations

import re

from recgraph.graph.readers.phrases import find_status_phrase
from recgraph.graph.readers.text import clean

# "(Para 4.21)", "(Paras. 51& 52)", "( para. 4.58 )", "(page 12, para 3.4)": the reference alone is
# captured. The opening "(" must be followed by "para" (after an optional page number), so a
# pointer such as "(See also item 3, para. 2.14)" is not taken for the item's own reference.
_PARA_REF = re.compile(
    r"\(\s*(?:p(?:age|p?\.)\s*\d+\s*[,;]\s*)?paras?\.?\s*"
    r"(\d+(?:\.\d+)*(?:\s*(?:&|and|,|-|\u2013|to)\s*\d+(?:\.\d+)*)*)\s*\.?\s*\)",
    re.IGNORECASE,
)

# "5", "6.", "R6", "110", "2.1", "6(b)", "6 (b)."; the letter in brackets makes a lettered part.
_NUMBER = re.compile(r"([A-Z]{0,3}\d+(?:\.\d+)*[a-z]?)(?:\s*\(([a-z]{1,3})\))?\.?")

_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*$", re.IGNORECASE)


def split_cells(line: str) -> list[str]:
    """The cells of one table row (a line without a tab is a single cell).

    >>> split_cells("5\\t<p>text</p>\\t\\t")
    ['5', '<p>text</p>', '', '']
    """
    return line.split("\t")


def is_blank_row(cells: list[str]) -> bool:
    """Whether no cell of a row holds any text once markup is removed."""
    return not any(clean(cell) for cell in cells)


def find_para_ref(text: str) -> str | None:
    """The last paragraph reference of a recommendation text, without "Para", or None.

    The last one wins because the reference closes the recommendation; earlier ones are pointers.

    >>> find_para_ref("... (See also item 3, para. 2.14) One way ... (Para 4.8)")
    '4.8'
    >>> find_para_ref(clean("... training. ( <i>para. 4.58</i> )"))
    '4.58'
    >>> find_para_ref("(Paras. 51& 52)")
    '51& 52'
    """
    found = _PARA_REF.findall(clean(text))
    return found[-1] if found else None


def parse_number(cell: str) -> tuple[str, str | None] | None:
    """A recommendation number as printed (no trailing full stop) and its parent, or None.

    >>> parse_number("6.")
    ('6', None)
    >>> parse_number("6 (b)")
    ('6(b)', '6')
    >>> parse_number("Action") is None
    True
    """
    match = _NUMBER.fullmatch(clean(cell))
    if not match:
        return None
    base, letter = match.groups()
    return (f"{base}({letter})", base) if letter else (base, None)


def is_heading(line: str) -> bool:
    """Whether a line is a markdown heading or opens or closes a bold block."""
    stripped = line.strip()
    return bool(_MARKDOWN_HEADING.match(stripped)) or stripped.startswith("**") or stripped.endswith("**")


def heading_text(line: str) -> str:
    """A heading line as plain text: markdown hashes, bold markers and HTML removed.

    >>> heading_text("#### HMIC REPORT: <b>WINNING CONSENT</b> Part I")
    'HMIC REPORT: WINNING CONSENT Part I'
    """
    return clean(_MARKDOWN_HEADING.sub("", line).replace("**", ""))


def is_page_number(line: str) -> bool:
    """Whether a line is only page furniture such as "12" or "Page 3 of 10"."""
    return bool(_PAGE_NUMBER.match(line))


# A cell's paragraphs: HTML paragraph, list item and line-break boundaries.
_PARAGRAPH_BREAK = re.compile(r"</p>|</li>|<br\s*/?>|<p>|<li>", re.IGNORECASE)
# A clause that only qualifies the status ("..., but would welcome ...") is not part of the phrase.
_QUALIFYING_CLAUSE = re.compile(r"(?:,\s*(?:but|however|although|though|while)\b|;\s).*$", re.IGNORECASE | re.DOTALL)


def paragraphs(cells: list[str]) -> list[str]:
    """The plain-text paragraphs of some cells, in order, without the empty ones.

    >>> paragraphs(["<p>Work continues</p> <p>Action complete.</p>", "More."])
    ['Work continues', 'Action complete.', 'More.']
    """
    found = []
    for cell in cells:
        found.extend(text for text in map(clean, _PARAGRAPH_BREAK.split(cell)) if text)
    return found


def closing_status_phrase(texts: list[str]) -> str | None:
    """The status sentence of the last paragraph that states one, without a qualifying clause.

    An update closes with its status ("... Action complete."), so the last paragraph stating one
    wins over an earlier sentence that happens to match ("... has been implemented."); paragraphs
    keep a status on its own line from being glued to the sentence before it.

    >>> closing_status_phrase(["Stage 3 has been implemented.", "Action complete."])
    'Action complete.'
    >>> closing_status_phrase(["The MPS awaits national developments, but would welcome it."])
    'The MPS awaits national developments'
    """
    for text in reversed(texts):
        phrase = find_status_phrase(text)
        if phrase:
            head = _QUALIFYING_CLAUSE.sub("", phrase)
            return head if find_status_phrase(head) else phrase
    return None
