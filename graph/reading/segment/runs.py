"""Runs of numbered items read as lists of recommendations by what their items say.

Three cues of the ``item`` rule (:data:`~.spans.RULES`) that look at a whole run of consecutively
numbered items rather than at a lead-in or a marker: rows of a table flattened with " / " under a
header naming a recommendation column (``item/row``); the other prescribing items of a run of
"That ..." proposals (``item/sibling``); and, in a paper where nothing else holds, a run most of
whose items prescribe on a page in the recommending voice (``item/prescribed``). Each gives
(line, printed number, cue) for :mod:`.spans` to start a record at.
"""

from __future__ import annotations

import re

from recgraph.graph.reading.segment.lists import enumerated, numbered_runs, own_numbering
from recgraph.graph.reading.segment.roles import Layout

#: What a recommendation says: what should be done ("should", "must", "will need to", "It is
#: recommended that"), or a proposal "That ..." (the family's and the inquiries' wording of a
#: recommendation; docs/formats.md "Recommendation wording").
PRESCRIBES = re.compile(
    r"\b(?:should|must|ought\s+to|needs?\s+to|will\s+need\s+to|(?:is|are)\s+recommended\s+that)\b|^(?:\d{1,3}[.)]\s+)?That\s",
    re.IGNORECASE,
)
#: A run of numbered items reads as a list of recommendations (in a paper where nothing else holds)
#: when it has at least this many items ...
MIN_PRESCRIBED_RUN = 3
#: ... and at least this share of them say what should be done: a paper's narrative paragraphs
#: seldom do, a list of recommendations nearly always does (counted on tests/fixtures/: of 45 runs
#: of 3+ numbered paragraphs in lettered sections, 44 prescribe in at most a third of their items, the
#: other is an appendix's list of "That ..." proposals; lists of recommendations alone: every item).
PRESCRIBED_SHARE = 2 / 3

#: A page of recommendations says what it is (as every tracking paper of the survey names what it
#: tracks, 81 of 81, :data:`~.plans.TRACKING`): a title or heading naming them, or an item in the recommending
#: voice ("It is recommended that", "recommends that"); the noun in passing inside a rule
#: ("Recommendations in committee papers are voted on ...") does not.
_NAMES_RECOMMENDING = re.compile(r"\brecommendations?\b", re.IGNORECASE)
_RECOMMENDING = re.compile(r"\brecommend(?:s|ed)?\s+that\b", re.IGNORECASE)

#: A table's header flattened to one line with " / " between its cells, naming a recommendation
#: column ("Recommendation / Force update / Grading"): the forces' returns on inspection
#: recommendations (the trial's action plan), whose rows read "1. / recommendation / update".
_SLASHED_HEADER = re.compile(r"\brecommendations?\b[^/]*\s/\s.*\s/\s|\s/\s.*\brecommendations?\b", re.IGNORECASE)


def slashed_rows(layout: Layout) -> list[tuple[int, str, str]]:
    """Numbered rows whose cells are joined by " / " ("1. / text / update") under such a header."""
    found: list[tuple[int, str, str]] = []
    header = False
    for line in layout.lines:
        if line.role in ("section", "members", "boilerplate"):
            header = False
        elif _SLASHED_HEADER.search(line.text) and enumerated(line) is None:
            header = True
        elif header and (item := enumerated(line)) and item.style in ("N.", "N)") and item.text.startswith("/ "):
            found.append((line.number, item.label, "item/row"))
    return found


#: A list of recommendations in their author's words mixes "That ..." proposals with items worded
#: otherwise ("2. The process ... should include ..."; the Macpherson list's style): at least this
#: share of a numbered run's items are "That ..." proposals for the run to be such a list.
SIBLING_SHARE = 1 / 2


def siblings(layout: Layout, that_lines: set[int]) -> list[tuple[int, str, str]]:
    """The other items of a numbered run most of whose items are "That ..." proposals (their lines
    ``that_lines``), when they say what should be done: siblings in one list of recommendations."""
    extra: list[tuple[int, str, str]] = []
    for run in numbered_runs(layout):
        thats = [line for line, _ in run if line.number in that_lines]
        if not thats or len(thats) < SIBLING_SHARE * len(run) or own_numbering(layout, run[0][0]):
            continue
        extra += [
            (line.number, item.label, "item/sibling")
            for line, item in run
            if line.number not in that_lines and PRESCRIBES.search(item.text)
        ]
    return extra


def _recommending(layout: Layout) -> bool:
    return any(
        _RECOMMENDING.search(line.text) or (line.role in ("heading", "section") and _NAMES_RECOMMENDING.search(line.text))
        for line in layout.lines
    )


def prescribed_runs(layout: Layout) -> list[tuple[int, str, str]]:
    """Each item saying what should be done, in a run of numbered items most of which do.

    A page of an inquiry's or a guideline's recommendations printed without a heading on the page
    (a PDF page cut from the middle of the list) is a numbered list whose items prescribe; never
    the paper's own numbered paragraphs (in an MPA paper's lettered sections).
    """
    if not _recommending(layout):
        return []  # rules, codes and guidance print numbered "should"s too; a recommendations page says what it is
    found: list[tuple[int, str, str]] = []
    for run in numbered_runs(layout):
        prescribing = [(line, item) for line, item in run if PRESCRIBES.search(item.text)]
        if len(run) < MIN_PRESCRIBED_RUN or len(prescribing) < PRESCRIBED_SHARE * len(run) or own_numbering(layout, run[0][0]):
            continue
        found += [(line.number, item.label, "item/prescribed") for line, item in prescribing]
    return found
