"""Page boilerplate around a flattened PDF: the document-sharing site's page and the PDF's page footers.

- The *web page wrapper* comes before the body: the page title, very short UI lines ("icon",
  "pages", "English", "Written by", "Publié par") separated by blank lines, lines repeated as the
  page repeats its panels, sentences of the site ("Download requires access to the library",
  "Le téléchargement nécessite ...") and a truncated preview ("... In ...") of the body's first
  long line. A few short UI lines may also close the page ("Voir icon more", "Alternate Text").
- *Page footers* are mixed into the body wherever the PDF put them: a page number ("Page 3 of 8")
  or a short line repeated on every page, usually a document code with a date or version ("MPA
  DAApril 18v2", "MPA PPRC 12 May 03 v1").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher

from recgraph.graph.reading.readers.text import Coverage, Document

#: Web page UI lines are at most this many words (and characters).
SHORT_WORDS, SHORT_CHARS = 4, 40

# Sentences the site prints around a document (in the languages seen: English and French).
_SITE_TEXT = re.compile(
    r"\b(?:download|t[ée]l[ée]chargement|subscription|abonnement|biblioth[èe]que|library|"
    r"find out about our offers|tout savoir sur nos offres|sign in|log in|cookies?)\b",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s+of\s+\d{1,3}|-\s*\d{1,3}\s*-)$", re.IGNORECASE
)
# A footer names its page, version, draft or protective marking, or is a document code (two acronyms
# and a number).
_FOOTER_MARK = re.compile(
    r"(?i:\bpage\b|\bversion\b|\bdraft\b|v\d+$|\brestricted\b|\bprotectively\s+marked\b|\bconfidential\b)"
    r"|^[A-Z]{2,}\s+[A-Z]{2,}.*\d"
)

_VERSIONED = re.compile(r"^[A-Z]{2,}\s+[A-Z]{2,}.*\d.*v\d+$")


def is_short(text: str) -> bool:
    """A line short enough to be a web page's UI text ("Voir icon arrow", "Publié par")."""
    return len(text.split()) <= SHORT_WORDS and len(text) <= SHORT_CHARS


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def is_preview(text: str, body: list[str]) -> bool:
    """A truncated preview ("... In ...") of the body: its letters start the letters of a body text.

    >>> body = "ACTION PLAN PROGRESS SUMMARY : DISTRICT AUDIT REPORT ON THE POLICING PLAN 2001/2 as at 31 March 2002"
    >>> is_preview(body + " ...", [body + " No Subject"]), is_preview("Le téléchargement nécessite", [body])
    (True, False)
    """
    head = _squash(re.sub(r"(\.\.\.|…)\s*$", "", text.strip()))
    if len(head) < 80:
        return False
    return any(SequenceMatcher(None, head, _squash(line)[: len(head)]).ratio() > 0.9 for line in body)


def claim_wrapper(doc: Document, coverage: Coverage, body_start: int, warnings: list[str]) -> None:
    """Claim the web page before the body: page title, UI lines, site sentences, repeats and the preview.

    Lines before the body that are none of these are warned about and left over.
    """
    before = [(n, doc.line(n).strip()) for n in range(1, body_start) if doc.line(n).strip()]
    counts = Counter(text for _, text in before)
    body = [" ".join(line.strip() for line in doc.lines[body_start - 1 : body_start + 20])]
    for index, (number, text) in enumerate(before):
        if index == 0 or is_short(text) or counts[text] > 1 or _SITE_TEXT.search(text) or is_preview(text, body):
            coverage.claim(number)
        else:
            warnings.append(f"{doc.name}:{number}: text before the document body is not known page boilerplate")


def is_site_trailer(text: str) -> bool:
    """A line that may close the site's page after the document ("Voir icon more", "Alternate Text")."""
    return is_short(text) or bool(_SITE_TEXT.search(text))


def footer_lines(doc: Document, body_start: int, is_cell: Callable[[str], bool], numbered_ids: bool) -> list[int]:
    """Page footers in the body: page numbers, and short lines repeated on pages that are not cells.

    Parameters
    ----------
    doc : the paper.
    body_start : the first line of the body (the wrapper before it is not searched).
    is_cell : whether a line has the shape of a table cell (a lead, a timescale ...). A repeated
        line is a footer if it is marked as one (a page, a version, a document code, a protective
        marking), or if it is repeated three times, holds a number and has no cell's shape: a lead
        or a timescale can recur row after row.
    numbered_ids : rows are numbered with bare numbers, so a line holding only a number is a row id,
        never a page number.

    Returns
    -------
    list[int] : the footer lines, in order.
    """
    footers = []
    seen: dict[str, list[int]] = {}
    for number in range(body_start, len(doc.lines) + 1):
        text = doc.line(number).strip()
        if _PAGE_NUMBER.match(text) or (not numbered_ids and text.isdigit()):
            footers.append(number)
        elif text and len(text.split()) <= 8:
            seen.setdefault(re.sub(r"\d", "#", text), []).append(number)
    for numbers in seen.values():
        texts = [doc.line(n).strip() for n in numbers]
        apart = all(b - a > 1 for a, b in zip(numbers, numbers[1:]))
        marked = all(_FOOTER_MARK.search(t) for t in texts)
        if marked and _VERSIONED.search(texts[0]):  # a versioned document code, even on a single page
            footers.extend(numbers)
            continue
        stamped = len(numbers) >= 3 and any(c.isdigit() for c in texts[0]) and not any(map(is_cell, texts))
        if apart and ((len(numbers) >= 2 and marked) or stamped):
            footers.extend(numbers)
    return sorted(footers)
