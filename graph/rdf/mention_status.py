"""The status a mention states, decided against statuses.ttl (see :mod:`recgraph.graph.enrich.status`)."""

from __future__ import annotations

import re

from recgraph.graph.enrich.model import StatusAssignment
from recgraph.graph.enrich.status import status_from_phrase
from recgraph.graph.enrich.vocabulary import Vocabulary, load_vocabulary

#: The statuses a mention's short phrase states when the status vocabulary's own labels and
#: patterns (written for progress cells) do not decide it, tried in order: negated and open forms
#: first ("not yet complete", "incomplete", "remain open"), then the closing ones. The keywords are
#: the survey's status wordings (docs/survey part A "Status wordings seen", part B "Status wordings").
_MENTION_STATUSES = (
    ("not_started", re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:implemented|started)\b", re.I)),
    ("awaiting_external", re.compile(r"\bawait(?:s|ing)?\b", re.I)),
    ("in_progress", re.compile(r"\bnot\s+yet\b|\bincomplete\b|\byet\s+to\s+be\b|(?<!\bno\s)further\s+(?:work|development|action)|in\s+progress|under\s+way|"
                               r"\bongoing\b|\bopen\b|outstanding|\bO/S\b|delayed|on\s+track|will\s+be\s+(?:delivered|monitored)|"
                               r"subject\s+to|cannot\s+be\s+completed", re.I)),
    ("substantially", re.compile(r"\bsubstantially\b", re.I)),
    ("partial", re.compile(r"\bpartial(?:ly)?\b", re.I)),
    ("superseded", re.compile(r"superseded|overtaken|withdrawn|transferred|subsumed", re.I)),
    # "embedded", "business as usual": the grade past "implemented" on the scale the mentions reader
    # reads them from (recgraph.graph.reading.mentions, _STATUS_WORDS), so a mention it reads with
    # that status is not left "unknown"
    ("complete", re.compile(r"complete|implemented|delivered|discharged|sign(?:ed)?[- ]off|\bclosed?\b|achieved"
                            r"|\bembedded\b|business\s+as\s+usual|\bno\s+further\s+(?:work|development|action)\b", re.I)),
)


def mention_status(phrase: str | None):
    """The status a mention's phrase states (explicit), or None when it states none we know."""
    if not phrase:
        return None
    statuses = _statuses()
    found = status_from_phrase(phrase, statuses)
    if found is not None:
        return found
    for notation, pattern in _MENTION_STATUSES:
        if pattern.search(phrase):
            concept = statuses.by_notation(notation)
            if concept is not None:
                return StatusAssignment(concept.iri, concept.notation, "explicit", f"mention pattern {pattern.pattern!r}", phrase)
    return None


_STATUSES: list[Vocabulary] = []


def _statuses() -> Vocabulary:
    if not _STATUSES:
        _STATUSES.append(load_vocabulary("statuses"))
    return _STATUSES[0]
