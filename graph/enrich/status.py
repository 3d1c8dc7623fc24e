"""Statuses of progress updates and recommendations, decided against statuses.ttl.

Three ways, each recorded as the assignment's ``basis`` with the ``rule`` that fired:

explicit
    The paper's status phrase equals a label of a status (ignoring case, spacing and surrounding
    punctuation), or matches one of its patterns; when patterns of several statuses match, the
    status with the highest ``rg:patternPriority`` wins. A phrase no pattern matches is read by the
    grammar of status statements (:mod:`recgraph.graph.enrich.statements`: "was introduced in 2009",
    "Forensic review completed"), which also overrides a work-goes-on pattern with a hedged completion
    ("partially implemented / ongoing"). Progress narratives are not read by the grammar: a step done
    along the way is not the recommendation done.
inferred
    No phrase: the patterns are tried on every sentence of the progress text. Within a sentence
    the highest priority wins; across sentences the last sentence that states a status wins,
    since progress narratives tell what happened first and where things stand last. Progress
    that matches no pattern is taken to be in progress (work is being reported); no progress at
    all is unknown.
derived
    A parent recommendation's status comes from its lettered parts (:func:`derive_parent_status`);
    a progress that only points to another item ("Response to Recommendation 17 refers") takes
    that item's status (see :func:`recgraph.graph.enrich.enrich`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from recgraph.graph.enrich.model import StatusAssignment
from recgraph.graph.enrich.statements import Statement, grammar_status, overrides
from recgraph.graph.enrich.vocabulary import Concept, Vocabulary, VocabularyError
from recgraph.graph.reading.readers.phrases import sentences
from recgraph.graph.reading.segment.registers import logged_status

#: Notations of the statuses the rules below produce; statuses.ttl must define them.
COMPLETE, SUBSTANTIALLY, PARTIAL, IN_PROGRESS, UNKNOWN = "complete", "substantially", "partial", "in_progress", "unknown"
_EDGES = re.compile(r"^[\s.,;:!\-–—()]+|[\s.,;:!\-–—()]+$")


def _normalise(text: str) -> str:
    return _EDGES.sub("", re.sub(r"\s+", " ", text.casefold()))


@lru_cache(maxsize=8)
def _compiled(statuses: Vocabulary) -> tuple[dict[str, Concept], list[tuple[Concept, re.Pattern[str]]]]:
    labels = {_normalise(label): c for c in statuses for label in c.labels}
    patterns = []
    for concept in sorted(statuses, key=lambda c: -c.priority):
        for pattern in concept.patterns:
            try:
                patterns.append((concept, re.compile(pattern, re.IGNORECASE)))
            except re.error as err:
                raise VocabularyError(f"status {concept.iri}: bad rg:statusPattern {pattern!r} ({err})") from err
    return labels, patterns


@lru_cache(maxsize=8)
def _any_pattern(statuses: Vocabulary) -> re.Pattern[str] | None:
    """One pattern matching where any status pattern matches, or None when they cannot be joined.

    Most sentences state no status: one search of the joined patterns rules them out, where trying
    every pattern in turn costs several times more. Patterns with groups are not joined (the numbers
    of their groups, and so their backreferences, would shift), nor are ones that do not compile
    once joined (a global flag such as ``(?i)`` is allowed only at the start of a pattern).
    """
    _, patterns = _compiled(statuses)
    if not patterns or any(pattern.groups for _, pattern in patterns):
        return None
    try:
        return join_patterns(pattern.pattern for _, pattern in patterns)
    except re.error:
        return None


def join_patterns(patterns) -> re.Pattern[str]:
    """One case-insensitive pattern matching where any of ``patterns`` matches.

    Those that open with a word boundary share one: the joined pattern then tries its alternatives
    only where a word starts, not at every character (several times faster on prose).

    >>> join_patterns([r"\\bdone\\b", r"^ok"]).search("well done").group()
    'done'
    """
    bounded, other = [], []
    for pattern in patterns:
        (bounded if pattern.startswith("\\b") else other).append(pattern)
    parts = [f"\\b(?:{'|'.join(f'(?:{p[2:]})' for p in bounded)})"] if bounded else []
    parts += [f"(?:{p})" for p in other]
    return re.compile("|".join(parts), re.IGNORECASE)


def _by_notation(statuses: Vocabulary, notation: str) -> Concept:
    concept = statuses.by_notation(notation)
    if concept is None:
        raise VocabularyError(f"the status vocabulary has no status with skos:notation {notation!r}")
    return concept


#: A status printed as a code: words joined by hyphens or underscores and nothing else ("being-progressed",
#: "no-further-action-needed", "not_started"), as registers and trackers exported from a database print
#: their status field (docs/formats.md, register logs).
_SLUG = re.compile(r"\W*([A-Za-z]+(?:[-_][A-Za-z]+)+)\W*")


def _unslugged(phrase: str) -> str:
    """A status code read as its words; a register's status log read as its last status value (its markup,
    ``[on]date [status]value[/status][/on]``, docs/extraction.md and :mod:`registers
    <recgraph.graph.reading.segment.registers>`: the reader takes the same value); any other phrase as printed.

    >>> _unslugged("no-further-action-needed"), _unslugged("[status]being-progressed"), _unslugged("Multi-agency work continues")
    ('no further action needed', '[status]being-progressed', 'Multi-agency work continues')
    >>> _unslugged("[on]9 May 2017 [status]no-further-action-needed[/status][/on]")
    'no further action needed'
    """
    logged = logged_status(phrase)
    value = logged if logged is not None else phrase
    match = _SLUG.fullmatch(value)
    return re.sub(r"[-_]", " ", match.group(1)) if match else value


def _assignment(concept: Concept, basis: str, rule: str, phrase: str | None = None) -> StatusAssignment:
    return StatusAssignment(concept.iri, concept.notation, basis, rule, phrase)


def status_from_phrase(phrase: str | None, statuses: Vocabulary, without: Iterable[str] = ()) -> StatusAssignment | None:
    """The status a verbatim status phrase states, or None when neither the vocabulary nor the grammar of
    status statements finds one.

    Parameters
    ----------
    phrase : the status phrase as printed.
    statuses : the status vocabulary.
    without : names of grammar rules (:data:`recgraph.graph.enrich.statements.FEATURES`) to leave out;
        for measuring them (bench/status_grammar_loso.py).

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import load_vocabulary
    >>> statuses = load_vocabulary("statuses")
    >>> found = status_from_phrase("Recommendation met :completely", statuses)
    >>> found.notation, found.basis
    ('complete', 'explicit')
    >>> status_from_phrase("Action complete.", statuses).rule
    "label 'Action complete'"
    """
    if not phrase:
        return None
    labels, patterns = _compiled(statuses)
    said = _unslugged(phrase)  # a status code ("being-progressed") read as its words; the phrase stays as printed
    readings = (phrase,) if said is phrase else (phrase, said)
    key = next((k for k in map(_normalise, readings) if k in labels), None)
    if key is not None:
        concept = labels[key]
        label = next(label for label in concept.labels if _normalise(label) == key)
        return _assignment(concept, "explicit", f"label {label!r}", phrase)
    hit = next(((c, p) for c, p in patterns if any(p.search(text) for text in readings)), None)
    decided = _with_grammar(hit, grammar_status(said, without), statuses, without)
    if decided is None:
        return None
    return _assignment(decided[0], "explicit", decided[1], phrase)


def _with_grammar(hit: tuple[Concept, re.Pattern[str]] | None, statement: Statement | None,
                  statuses: Vocabulary, without: Iterable[str]) -> tuple[Concept, str] | None:
    """A text's status from the pattern that matched it and the status its grammar states, with the rule:
    the pattern's, unless none matched or the grammar overrides it (:func:`statements.overrides`)."""
    if statement is not None and (hit is None or overrides(hit[0].notation, statement, without)):
        return _by_notation(statuses, statement.notation), f"grammar: {statement.rule}"
    if hit is None:
        return None
    return hit[0], f"pattern {hit[1].pattern!r}"


def infer_status(progress: str | None, statuses: Vocabulary) -> StatusAssignment:
    """The status a progress text implies, with the pattern and sentence that decided it.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import load_vocabulary
    >>> statuses = load_vocabulary("statuses")
    >>> infer_status("Stage 2 is ongoing. Work has begun on stage 3.", statuses).notation
    'in_progress'
    >>> infer_status("The new system has been fully implemented.", statuses).notation
    'complete'
    >>> infer_status("", statuses).notation
    'unknown'
    """
    if not progress or not progress.strip():
        return _assignment(_by_notation(statuses, UNKNOWN), "inferred", "no progress text")
    _, patterns = _compiled(statuses)
    any_pattern = _any_pattern(statuses)
    best: tuple[Concept, re.Pattern[str], str] | None = None
    for sentence in sentences(progress):
        if any_pattern is not None and not any_pattern.search(sentence):
            continue
        # Patterns are in priority order, so the first hit is this sentence's status; a later
        # sentence that states a status overrides an earlier one (narratives end with the news).
        hit = next(((c, p) for c, p in patterns if p.search(sentence)), None)
        if hit:
            best = (*hit, sentence)
    if best is None:
        return _assignment(_by_notation(statuses, IN_PROGRESS), "inferred", "default: progress reported, no status stated")
    concept, pattern, sentence = best
    return _assignment(concept, "inferred", f"pattern {pattern.pattern!r} in {sentence!r}")


def derive_parent_status(parts: Sequence[StatusAssignment], statuses: Vocabulary) -> StatusAssignment:
    """A parent's status from its lettered parts' statuses.

    All complete: complete; all complete or substantially complete: substantially complete; some
    (substantially) complete: partially complete; none: in progress. Parts of unknown status are
    left out; with none left the parent is unknown.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import load_vocabulary
    >>> statuses = load_vocabulary("statuses")
    >>> def of(*notations):
    ...     parts = [StatusAssignment(n, n, "explicit", "test") for n in notations]
    ...     return derive_parent_status(parts, statuses).notation
    >>> of("complete", "complete"), of("complete", "substantially"), of("complete", "in_progress"), of("in_progress")
    ('complete', 'substantially', 'partial', 'in_progress')
    """
    known = [part.notation for part in parts if part.notation != UNKNOWN]
    done = {COMPLETE, SUBSTANTIALLY}
    if not known:
        result, reason = UNKNOWN, "no part has a known status"
    elif all(n == COMPLETE for n in known):
        result, reason = COMPLETE, "all parts complete"
    elif all(n in done for n in known):
        result, reason = SUBSTANTIALLY, "all parts complete or substantially complete"
    elif any(n in done for n in known):
        result, reason = PARTIAL, "some parts (substantially) complete, others not"
    else:
        result, reason = IN_PROGRESS, "no part complete"
    counts = ", ".join(f"{n}: {known.count(n)}" for n in dict.fromkeys(known))
    return _assignment(_by_notation(statuses, result), "derived", f"from {len(parts)} lettered parts ({counts}): {reason}")
