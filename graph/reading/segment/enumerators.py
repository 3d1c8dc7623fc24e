"""Bare item numbers set apart from their words: a summary's list with each number in a cell of its own.

A web page that reprints an inquiry's or a review's summary of recommendations from an HTML table
(or a document laid out with the number in its own column) prints each recommendation's number
alone on its line, bare ("1", no dot or bracket), then blank lines, then its words. A bare number
alone is otherwise a page number (structure (j) and the negative fixture n3), so it is taken as an
item's enumerator only in a run that cannot be page numbers: at least :data:`MIN_RUN` numbers in
sequence, each followed by a paragraph that opens a sentence and prescribes (what "should" or
"must" be done: the recommending form of the family, docs/formats.md), below a title naming the
recommendations. Each such number takes its paragraph's first line ("1" / "There should be ..." ->
"1. There should be ..."), as an enumerator alone on its line does (:mod:`.roles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: A bare number alone on its line.
_BARE = re.compile(r"^\d{1,3}$")
#: The words of a prescribing paragraph (the recommending modal verbs).
_PRESCRIBES = re.compile(r"\b(?:should|must|shall|ought\s+to)\b", re.IGNORECASE)
#: A title or heading naming the recommendations ("Summary of Recommendations").
_NAMES = re.compile(r"\brecommendations\b", re.IGNORECASE)
#: Page numbers also run in sequence; three numbered prescriptions in a row under a title naming the
#: recommendations is what a list gives (the same run length as ``item/prescribed``, :mod:`.runs`).
MIN_RUN = 3


def in_sequence(entries: list[T], number: Callable[[T], int], kind: Callable[[T], object] = lambda entry: None) -> list[list[T]]:
    """``entries`` (in order) grouped into runs whose numbers follow on (N, N+1, ...) within one kind."""
    runs: list[list[T]] = []
    for entry in entries:
        if runs and kind(runs[-1][-1]) == kind(entry) and number(entry) == number(runs[-1][-1]) + 1:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def join_bare_items(texts: list[str], joined: set[int], max_title_words: int) -> None:
    """Give each bare item number of a run the first line of its paragraph (in place).

    ``texts`` holds each line's text (index 0 is line 1); ``joined`` collects the line numbers whose
    words moved up to a number (they stay in the record's span and provenance); a title naming the
    recommendations has at most ``max_title_words`` words (a heading's limit, :mod:`.roles`).
    """
    pairs = []  # (index of the number, index of its paragraph's first line)
    for index, text in enumerate(texts):
        if not _BARE.match(text):
            continue
        following = next((i for i in range(index + 1, len(texts)) if texts[i]), None)
        if following is None or not _opens_prescription(texts, following):
            continue
        pairs.append((index, following))
    for run in (r for r in in_sequence(pairs, lambda pair: int(texts[pair[0]])) if len(r) >= MIN_RUN):
        first = run[0][0]
        if not any(_NAMES.search(t) and len(t.split()) <= max_title_words for t in texts[:first]):
            continue
        for number, words in run:
            texts[number], texts[words] = f"{texts[number]}. {texts[words]}", ""
            joined.add(words + 1)


def _opens_prescription(texts: list[str], index: int) -> bool:
    """Whether the paragraph starting at ``index`` opens a sentence and prescribes."""
    text = texts[index]
    if not text[0].isupper() or _BARE.match(text):
        return False
    paragraph = []
    for later in texts[index:]:
        if not later:
            break
        paragraph.append(later)
    return bool(_PRESCRIBES.search(" ".join(paragraph)))
