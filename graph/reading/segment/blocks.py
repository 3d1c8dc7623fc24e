"""Numbered label blocks: "ACTION POINT 1" over the item's paragraphs, "FORCE RESPONSE 1" over the reply.

Scrutiny panels, police and crime panels and inspectorates' follow-ups print their asks as blocks
under a label line naming the item's kind and its number ("Action point 2", "Area for improvement
3", "Finding 4"), each answered by the body it is put to under a label carrying the same number
("Force response 2", "Update 2") or a bare "Response:" label. The label is no record: the block
under it, up to the reply's label, is the item's words (number N); the block under the reply's
label, up to the next item label, is its progress.

Only a *sequence* is read so: at least two item labels of the same kind numbered one after the
other (N, N+1). That is the format's convention (the items are numbered in series); one heading
"Action points" over a list, a lone "Response" heading, or minutes' "ACTION:" lines are no such
sequence. "Recommendation N" lines are the markers' (:mod:`.markers`), read as records there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.segment.enumerators import in_sequence
from recgraph.graph.reading.segment.roles import Layout

#: The item kinds the family names its asks by, other than the marker word itself: a panel's
#: "action point" or "action", an inspectorate's "area for improvement" (:mod:`.leads`), a review's
#: "finding", "issue" or "observation" (the table reader's recommendation columns, readers/table.py).
ITEM_KINDS = r"action\s+points?|actions?|areas?\s+for\s+improvement|findings?|issues?|observations?"
#: A label line: the kind (after up to two qualifying words, "Panel action point") and its number alone.
_ITEM_LABEL = re.compile(
    rf"^(?:[\w&'\u2019.]+\s+){{0,2}}?(?P<kind>{ITEM_KINDS})\s+(?:no\.?\s*)?(?P<number>\d{{1,3}})\s*[:.]?$", re.IGNORECASE
)
#: A reply's label carrying the item's number: a few words then the number alone ("Force response 2",
#: "D&C Police update 2"); the words are not checked, the matching number pairs it with its item.
_NUMBERED_REPLY = re.compile(r"^(?P<words>(?:[\w&'\u2019.]+\s+){1,4})(?P<number>\d{1,3})\s*[:.]?$")
#: An unnumbered reply label alone on its line ("Response:", "Force response", "Update").
_BARE_REPLY = re.compile(
    r"^(?:(?:[\w&'\u2019.]+\s+){0,3})(?:response|reply|update|progress)\s*:?$", re.IGNORECASE
)
#: A reply's label is a few words ("Devon and Cornwall Police response 2" has six); a longer line is a sentence.
_MAX_LABEL_WORDS = 6
_SKIP = ("blank", "members", "boilerplate", "frame", "section", "table", "region", "marker")


@dataclass(frozen=True)
class Block:
    """An item label's block: its label line, number, its reply label's line (or None), and the last
    line no other record may start on (the next label's line before it; the last block's reply label)."""

    label: int
    number: str
    reply: int | None
    last: int


def _kind(text: str) -> tuple[str, int] | None:
    match = _ITEM_LABEL.match(text.strip())
    if not match:
        return None
    kind = re.sub(r"\s+", " ", match["kind"].lower()).rstrip("s")
    return kind, int(match["number"])


def label_blocks(layout: Layout) -> list[Block]:
    """Every item block of a numbered sequence of item labels (at least two, numbered one after the other)."""
    labels = [(line.number, k) for line in layout.lines if line.role not in _SKIP and (k := _kind(line.text))]
    runs = in_sequence(labels, number=lambda entry: entry[1][1], kind=lambda entry: entry[1][0])
    blocks: list[Block] = []
    for run in (r for r in runs if len(r) >= 2):
        for index, (line, (_, number)) in enumerate(run):
            end = run[index + 1][0] - 1 if index + 1 < len(run) else len(layout.lines)
            reply = _reply(layout, line, end, number)
            if index + 1 == len(run):  # the last block ends where the reader's span ends (a heading, a section)
                end = reply or line
            blocks.append(Block(line, str(number), reply, end))
    return blocks


def is_label(text: str) -> bool:
    """Whether ``text`` is short enough to be a label line (at most :data:`_MAX_LABEL_WORDS` words)."""
    return len(text.split()) <= _MAX_LABEL_WORDS


def _reply(layout: Layout, first: int, last: int, number: int) -> int | None:
    """The reply's label line in an item's block: the same number after a few words, or a bare label."""
    for line in layout.lines[first:last]:
        text = line.text.strip()
        if not text or not is_label(text):
            continue
        numbered = _NUMBERED_REPLY.match(text)
        if (numbered and int(numbered["number"]) == number) or _BARE_REPLY.match(text):
            return line.number
    return None


__all__ = ["Block", "ITEM_KINDS", "is_label", "label_blocks"]
