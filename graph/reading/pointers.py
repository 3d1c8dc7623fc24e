"""Explicit pointers from one recommendation to another inside a paper, found and resolved.

Papers point at other items in many ways: "See recommendation 5 above", "(See also item 3, para.
2.14)", "Response to Recommendation 17 refers", "As already mentioned under Recommendation 1",
"See next recommendation", "As paragraph 53", "detailed at recommendation 3(a)". Each pointer
becomes a :class:`CrossReference` with its phrase; ``resolved`` names the recommendation it points
to, or stays None (the pointer is kept and flagged) when the paper holds no such item.
"""

from __future__ import annotations

import re

from recgraph.graph.model import CrossReference, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.readers.phrases import sentences

# A sentence must carry one of these cues for a number in it to count as a pointer; a bare
# "Recommendation 11 is subsumed into ..." is a statement about that item, not a pointer.
_CUE = re.compile(
    r"\b(?:see|refers?|under|detailed\s+at|as\s+already|as\s+per|as\s+in|as\s+paragraph|response\s+to|also)\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(
    r"\b(?P<kind>recommendations?|recs?\.?|items?|actions?)\s+(?P<number>R?\d+(?:\s*\([a-z]\))?)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:see\s+)?(?P<which>next|previous|following|preceding)\s+recommendation\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\bas\s+(?:in\s+)?paragraph\s+(?P<number>\d+)\b", re.IGNORECASE)


def find_cross_references(result: ReadResult) -> list[CrossReference]:
    """Every pointer in the recommendations' text and progress, resolved within the paper.

    >>> from recgraph.graph.model import Paper, ProgressUpdate
    >>> span = Provenance("p.txt", 1, 1, "x")
    >>> recs = [Recommendation("r", "1", "Do a.", span), Recommendation("r", "2", "Do b.", span)]
    >>> ups = [ProgressUpdate("r", "2", "p.txt", span, progress="Response to Recommendation 1 refers.")]
    >>> [(x.recommendation, x.resolved) for x in find_cross_references(ReadResult(Paper("p.txt", "t"), recs, ups))]
    [('2', '1')]
    """
    order = [rec.key for rec in result.recommendations]
    found: list[CrossReference] = []
    for rec in result.recommendations:
        update = result.update_for(rec)
        texts = [(rec.text, rec.provenance)]
        if update is not None and update.progress:
            texts.append((update.progress, update.provenance))
        seen: set[str] = set()
        for text, provenance in texts:
            for sentence in sentences(text):
                for target, phrase in _pointers(sentence):
                    resolved = _resolve(target, rec, result, order)
                    if resolved == rec.number or (resolved or target) in seen:
                        continue
                    seen.add(resolved or target)
                    found.append(
                        CrossReference(
                            source_report=rec.source_report,
                            recommendation=rec.number,
                            target=target,
                            phrase=phrase,
                            provenance=_narrow(provenance, phrase),
                            resolved=resolved,
                            target_report=_report_of(resolved, rec, result) if resolved else None,
                        )
                    )
    return found


def _pointers(sentence: str) -> list[tuple[str, str]]:
    """(target as printed, phrase) pairs for the pointers in one sentence."""
    pointers = []
    for match in _RELATIVE.finditer(sentence):
        pointers.append((f"{match.group('which').lower()} recommendation", sentence))
    for match in _PARAGRAPH.finditer(sentence):
        pointers.append((f"paragraph {match.group('number')}", sentence))
    if _CUE.search(sentence):
        for match in _NUMBERED.finditer(sentence):
            number = re.sub(r"\s+", "", match.group("number"))
            pointers.append((f"{match.group('kind').rstrip('s.').lower()} {number}", sentence))
    return pointers


def _resolve(target: str, rec: Recommendation, result: ReadResult, order: list[tuple[str, str]]) -> str | None:
    value = target.rpartition(" ")[2]
    if target.endswith(" recommendation"):
        step = 1 if target.split()[0] in ("next", "following") else -1
        index = order.index(rec.key) + step
        return order[index][1] if 0 <= index < len(order) else None
    if target.startswith("paragraph "):
        for update in result.updates:
            if value in update.paragraphs:
                return update.recommendation
        return None
    numbers = {r.number for r in result.recommendations if r.source_report == rec.source_report}
    if value in numbers:
        return value
    elsewhere = {r.number for r in result.recommendations}
    return value if value in elsewhere else None


def _report_of(number: str, rec: Recommendation, result: ReadResult) -> str:
    same = [r for r in result.recommendations if r.number == number and r.source_report == rec.source_report]
    if same:
        return rec.source_report
    return next(r.source_report for r in result.recommendations if r.number == number)


def _narrow(provenance: Provenance, phrase: str) -> Provenance:
    """The provenance of the line(s) of a record that hold the phrase (the whole record if unsure)."""
    lines = provenance.text.split("\n")
    probe = re.sub(r"\s+", " ", phrase)[:40]
    for offset, line in enumerate(lines):
        if probe and probe in re.sub(r"<[^<>]+>", "", re.sub(r"\s+", " ", line)):
            number = provenance.first_line + offset
            return Provenance(provenance.file, number, number, line)
    return provenance
