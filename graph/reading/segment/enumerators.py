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

#: A bare number alone on its line.
_BARE = re.compile(r"^\d{1,3}$")
#: The words of a prescribing paragraph (the recommending modal verbs).
_PRESCRIBES = re.compile(r"\b(?:should|must|shall|ought\s+to)\b", re.IGNORECASE)
#: A title or heading naming the recommendations ("Summary of Recommendations").
_NAMES = re.compile(r"\brecommendations\b", re.IGNORECASE)
#: Page numbers also run in sequence; three numbered prescriptions in a row under a title naming the
#: recommendations is what a list gives (the same run length as ``item/prescribed``, :mod:`.runs`).
MIN_RUN = 3
#: A title is short (the headings' limit of :mod:`.roles`).
MAX_TITLE_WORDS = 16


def join_bare_items(texts: list[str], joined: set[int]) -> None:
    """Give each bare item number of a run the first line of its paragraph (in place).

    ``texts`` holds each line's text (index 0 is line 1); ``joined`` collects the line numbers whose
    words moved up to a number (they stay in the record's span and provenance).
    """
    pairs = []  # (index of the number, index of its paragraph's first line)
    for index, text in enumerate(texts):
        if not _BARE.match(text):
            continue
        following = next((i for i in range(index + 1, len(texts)) if texts[i]), None)
        if following is None or not _opens_prescription(texts, following):
            continue
        pairs.append((index, following))
    for run in _runs(texts, pairs):
        first = run[0][0]
        if not any(_NAMES.search(t) and len(t.split()) <= MAX_TITLE_WORDS for t in texts[:first]):
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


def _runs(texts: list[str], pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of at least :data:`MIN_RUN` numbers in sequence (1, 2, 3, ...)."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for pair in pairs:
        if current and int(texts[pair[0]]) == int(texts[current[-1][0]]) + 1:
            current.append(pair)
            continue
        if len(current) >= MIN_RUN:
            runs.append(current)
        current = [pair]
    if len(current) >= MIN_RUN:
        runs.append(current)
    return runs
