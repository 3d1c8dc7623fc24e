"""Named IT systems in recommendations and their progress, and the work that depends on them.

Every label of a system of systems.ttl found as words (see :mod:`.words`) in a recommendation's
heading, text or progress is a mention, with the words as evidence. A mention becomes a
*dependency* when its sentence says the work waits on, depends on or will be delivered through
the system (:data:`DEPENDENCY_CUES`): "PRISM needs to rescue ...", "will be collated centrally on
the new HRIS system – PRISM", "Subject to the timescales of the implementation of Met Duties 2".
A sentence with a cue but no system name ("It ... awaits specification.") refers to the system
of the sentence before it.

The cues are wording rules, not a mapping of words to concepts, so they live here; the names of
the systems live in the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from recgraph.graph.enrich.model import Dependency, Evidence, SystemMention
from recgraph.graph.enrich.vocabulary import Vocabulary
from recgraph.graph.enrich.words import Match, Matcher
from recgraph.graph.model import ProgressUpdate, Provenance, Recommendation
from recgraph.graph.reading.readers.phrases import sentences

#: Wording that makes a sentence naming a system a dependency on it.
DEPENDENCY_CUES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(cue, re.IGNORECASE)
    for cue in (
        r"\bdepend(?:s|ent|ing)?\s+(?:up)?on\b",
        r"\bwait(?:s|ing)?\s+(?:for|on)\b",
        r"\bawait(?:s|ing)?\s+(?:the\s+)?specification\b",
        r"\bsubject\s+to\b",
        r"\bneeds?\s+to\s+(?:rescue|address|deliver|provide|support|include)\b",
        r"\bwill\s+be\s+(?:delivered|collated|recorded|held|handled|processed|addressed|managed)\b",
        r"\bdelivered\s+(?:through|via|by)\b",
        r"\b(?:be|been|being)\s+addressed\s+by\b",
        r"\bwill\s+(?:further\s+)?(?:include|enable|provide|deliver|allow|assist|support)\b",
        r"\b(?:is|are)\s+being\s+(?:developed|built)\s+(?:in|on|within)\b",
        r"\bnot\s+(?:currently\s+)?within\s+the\s+build\b",
    )
)
# Whether any cue occurs at all, in one search: most texts have none, and then the cues need not be
# tried one by one (a sentence is a piece of its text, so a text without a cue has no cue sentence).
_ANY_CUE = re.compile("|".join(f"(?:{cue.pattern})" for cue in DEPENDENCY_CUES), re.IGNORECASE)
# A cue sentence without a system name refers back ("It ...", "This ...") to the sentence before.
_ANAPHOR = re.compile(r"^\s*(?:it|this|these|they|the\s+system)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def system_matcher(systems: Vocabulary) -> Matcher:
    """A matcher over the labels of every system."""
    return Matcher((c.iri, label) for c in systems for label in c.labels)


def _fields(rec: Recommendation, updates: Sequence[ProgressUpdate]) -> list[tuple[str, str, Provenance]]:
    fields = [("heading", rec.heading or "", rec.provenance), ("text", rec.text, rec.provenance)]
    fields += [("progress", u.progress or "", u.provenance) for u in updates]
    return [(name, text, provenance) for name, text, provenance in fields if text]


def find_systems(
    rec: Recommendation, updates: Sequence[ProgressUpdate], systems: Vocabulary
) -> tuple[SystemMention, ...]:
    """The systems a recommendation or its progress names, with the matched words.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("systems", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/prism> a rg:System ; skos:prefLabel "PRISM"@en .''')
    >>> rec = Recommendation("r", "1", "PRISM needs to rescue the appraisals.", Provenance("p", 1, 1, "x"))
    >>> [(m.label, m.evidence[0].words) for m in find_systems(rec, [], vocab)]
    [('PRISM', 'PRISM')]
    """
    matcher = system_matcher(systems)
    evidence: dict[str, list[Evidence]] = {}
    for name, text, _ in _fields(rec, updates):
        for match in matcher.find(text):
            evidence.setdefault(match.concept, []).append(Evidence.of(name, match))
    return tuple(
        SystemMention(rec.key, c.iri, c.pref_label, tuple(dict.fromkeys(evidence[c.iri])))
        for c in systems
        if c.iri in evidence
    )


def find_system_dependencies(
    rec: Recommendation, updates: Sequence[ProgressUpdate], systems: Vocabulary
) -> tuple[Dependency, ...]:
    """Dependencies of a recommendation on systems, each with its sentence and cue.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("systems", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/methr> a rg:System ; skos:prefLabel "MetHR"@en .''')
    >>> span = Provenance("p", 1, 1, "x")
    >>> rec = Recommendation("r", "1", "Clear the appraisal backlog.", span)
    >>> update = ProgressUpdate("r", "1", "p", span, progress="MetHR will include appraisals. It awaits specification.")
    >>> [(d.target, d.cue) for d in find_system_dependencies(rec, [update], vocab)]
    [('http://x/methr', 'will include'), ('http://x/methr', 'awaits specification')]
    """
    matcher = system_matcher(systems)
    found: dict[tuple[str, str], Dependency] = {}
    for _, text, provenance in _fields(rec, updates):
        if not _ANY_CUE.search(text):
            continue
        previous: list[Match] = []
        for sentence in sentences(text):
            named = matcher.find(sentence)
            cue = _cue(sentence)
            targets = named or (previous if _ANAPHOR.match(sentence) else [])
            if cue:
                for match in targets:
                    key = (match.concept, sentence)
                    found.setdefault(key, Dependency(rec.key, "system", match.concept, sentence, cue, provenance=provenance))
            previous = named or previous
    return tuple(found.values())


def _cue(sentence: str) -> str | None:
    if not _ANY_CUE.search(sentence):
        return None
    for cue in DEPENDENCY_CUES:  # the first cue of the list wins, not the first in the sentence
        match = cue.search(sentence)
        if match:
            return match.group()
    return None
