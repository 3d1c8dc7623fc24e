"""Finding the verbatim status sentence in a progress text.

Papers state progress in many ways ("Action complete", "The MPS considers action to be complete.",
"Recommendation met: significantly", "The Implementation Board invites members to agree that this
recommendation has been achieved."). Readers keep the sentence exactly as printed; what it *means*
(complete, partial, awaiting external action ...) is decided later against the status vocabulary.
"""

from __future__ import annotations

import re

#: Sentences that state a status. Order matters only for readability: the earliest match wins.
STATUS_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\brecommendation\s+met\s*:\s*(?-i:not\s+yet|[A-Za-z][a-z]+)",  # "met: moderatelyResourcing" is two cells glued
        r"\bconsiders?\s+(?:the\s+)?action\s+to\s+be\s+complete",
        r"\baction\s+complete(?:d)?\b",
        r"\bawaits\s+national\s+developments",
        r"\binvites?\s+members\s+to\s+agree\b",
        r"\bmembers\s+are\s+invited\s+to\s+agree\b",
        r"\bhas\s+not\s+been\s+implemented\b",
        r"\bon\s+schedule\s+to\s+be\s+delivered\b",
        r"\bis\s+subsumed\s+into\b",
        r"\bhas\s+been\s+(?:fully\s+)?implemented\b",
        r"\bno\s+further\s+action\b",
    )
)

# A sentence ends at . ! or ? followed by space or end; "e.g." and "para." do not end one.
_SENTENCE = re.compile(r"(?:\b(?:e\.g|i\.e|para|paras|no|etc)\.|\.(?=\d)|[^.!?])+(?:[.!?]+|$)", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Split text into sentences, keeping each one's final punctuation.

    >>> sentences("Work has begun. It is hoped (e.g. by May) to finish. Action complete")
    ['Work has begun.', 'It is hoped (e.g. by May) to finish.', 'Action complete']
    """
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The offsets of each sentence of :func:`sentences` in ``text`` (start, end; spaces trimmed).

    >>> text = "Work has begun. It is hoped to finish."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Work has begun.', 'It is hoped to finish.']
    """
    spans = []
    for match in _SENTENCE.finditer(text):
        piece = match.group()
        if piece.strip():
            start = match.start() + len(piece) - len(piece.lstrip())
            spans.append((start, match.end() - (len(piece) - len(piece.rstrip()))))
    return spans


def find_status_phrase(text: str | None) -> str | None:
    """The first sentence of ``text`` that states a status, verbatim, or None.

    A status sentence that merely *opens* a longer statement ("Action completed - A new Head of
    ...") is cut at the dash, so the phrase is the statement of status alone.

    >>> find_status_phrase("The HR review has addressed it. Action complete.")
    'Action complete.'
    >>> find_status_phrase("Action completed - A new Head of Equalities took up post.")
    'Action completed'
    >>> find_status_phrase("Work continues.") is None
    True
    """
    if not text:
        return None
    for sentence in sentences(text):
        for pattern in STATUS_PATTERNS:
            if pattern.search(sentence):
                head = re.split(r"\s+[-\u2013\u2014]\s+", sentence, maxsplit=1)[0]
                return head if pattern.search(head) else sentence
    return None
