"""The terms repeat detection compares: light stems without stop words, and pairs of adjacent terms.

A recommendation's words are cut to their *term* (:func:`term`: the light stem of
:func:`recgraph.graph.enrich.words.stem` without derivational endings, so "evaluation" and
"evaluating" meet), English stop words and :data:`DOMAIN_STOP_WORDS` are left out, and each pair
of adjacent terms is a feature too (:func:`features`): "staff appraisal", "exit interview" and
"Counter Terrorism" say more than their words apart.

A name listed in the equivalents vocabulary (ontology/equivalents.ttl) counts as the terms of its
concept's preferred label wherever it is printed (:func:`term_spans`): "Fairness at Work procedure"
has the terms of "grievance procedure", "BME officers" those of "minority ethnic officers", so that
two papers naming one object by different names share its terms.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from itertools import accumulate

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from recgraph.graph.enrich.vocabulary import Vocabulary, load_vocabulary
from recgraph.graph.enrich.words import Match, Matcher, stem

#: Words every monitoring paper uses whatever the issue: the apparatus of reports and progress
#: papers, the bodies that write them and the verbs every demand opens with. A data list: add
#: words here when they link recommendations that share nothing else.
DOMAIN_STOP_WORDS = frozenset(
    """
    recommendation recommendations recommend recommends recommended complete completed completion progress
    mps mpa metropolitan police service hm hmi hmic inspector inspectorate para paras paragraph members invited
    agree agreed update updated challenges next steps means response responses refer refers see above below
    action actions work works working continue continues continued further place undertake undertaken
    current currently year years time date new report reports reported reporting
    ensure considers consider develop review establish introduce implement improve identify examine explore
    seek provide make take put give set use need needs required require should must
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_DERIVED = ("ational", "ations", "ation", "itions", "ition", "ions", "ion", "ively", "ive", "ities", "ity", "ness", "ally", "al", "ly", "ate", "at")


@lru_cache(maxsize=262144)
def term(word: str) -> str:
    """The term a word counts as for similarity: its stem, without derivational endings.

    Coarser than :func:`~recgraph.graph.enrich.words.stem` (used for theme labels) on purpose:
    for similarity, "evaluation" and "evaluating" should meet.

    >>> term("evaluation") == term("evaluating"), term("appraisals")
    (True, 'apprais')
    """
    word = stem(word)
    for suffix in _DERIVED:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


STOP_TERMS = frozenset(term(w) for w in ENGLISH_STOP_WORDS | DOMAIN_STOP_WORDS)


#: The caches of values read from a text's terms (:func:`term_spans` and those built on it, which
#: register with :func:`reads_equivalents`): :func:`refresh_equivalents` empties them.
_READERS: list = []


def reads_equivalents(cached):
    """Register an ``lru_cache``-d function of a text whose value depends on :func:`term_spans`."""
    _READERS.append(cached)
    return cached


def terms(text: str) -> list[str]:
    """The terms of a text, stop words and words under three letters left out (see :func:`term_spans`).

    >>> terms("The MPS should ensure that staff appraisals are completed.")
    ['staff', 'apprais']
    >>> terms("Audit the Fairness at Work procedure and the PDR backlog.")
    ['audit', 'grievanc', 'procedur', 'apprais', 'backlog']
    """
    if not _names(text):  # the common case, as fast as reading words can be
        return [t for t in map(term, _WORD.findall(text)) if len(t) > 2 and t not in STOP_TERMS]
    return [found for found, _, _ in term_spans(text)]


def plain_terms(text: str) -> tuple[list[str | None], list[str]] | None:
    """Each word of a text as its term (None for a stop word or a word under three letters), and
    what is printed between each word and the next: the words :func:`term_spans` reads, without
    their offsets; None when the text names an equivalent (read by :func:`term_spans`).

    >>> plain_terms("Clear the staff-appraisal backlog.")
    (['clear', None, 'staff', 'apprais', 'backlog'], [' ', ' ', '-', ' '])
    >>> plain_terms("Clear the PDR backlog.") is None
    True
    """
    if _names(text):
        return None
    parts = _WORD_SPLIT.split(text)  # text between words, a word, text between words, ...
    found = [t if len(t) > 2 and t not in STOP_TERMS else None for t in map(term, parts[1::2])]
    return found, parts[2:-1:2]


_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


def _names_equivalents(text: str) -> bool:
    """Whether a word of the text starts as a name of the equivalents vocabulary does (a quick test
    that never misses a name the matcher would find; most texts name none)."""
    starts = _equivalents()[3]
    return starts is not None and starts.search(text) is not None


@reads_equivalents
@lru_cache(maxsize=262144)
def _names(text: str) -> tuple[Match, ...]:
    """The names of the equivalents vocabulary printed in a text (most texts: none), looked for
    once per text however many readings of it need them."""
    return tuple(_equivalents()[0].find(text)) if _names_equivalents(text) else ()


@reads_equivalents
@lru_cache(maxsize=65536)
def term_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """The terms of a text in order, each with the character offsets of the words it stands for.

    A word counts as its :func:`term` (stop words and words under three letters left out). A name of
    the equivalents vocabulary (matched as theme labels are, :class:`~recgraph.graph.enrich.words.Matcher`)
    counts as the terms of its concept's preferred label, each spanning the whole name as printed
    ("PDR" is ``apprais``, "Fairness at Work" ``grievanc``).
    """
    names = _names(text)
    if not names:
        return tuple(_word_terms(text, 0, len(text)))
    preferred = _equivalents()[1]
    found: list[tuple[str, int, int]] = []
    at = 0
    for match in names:
        found += _word_terms(text, at, match.start)
        found += [(t, match.start, match.end) for t in preferred[match.concept]]
        at = match.end
    found += _word_terms(text, at, len(text))
    return tuple(found)


def _word_terms(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The terms of the words of ``text[start:end]``, each with its offsets in ``text``."""
    parts = _WORD_SPLIT.split(text[start:end])  # text between words, a word, text between words, ...
    at = list(accumulate(map(len, parts), initial=start))  # parts[k] is text[at[k]:at[k + 1]]
    return [(key, at[k], at[k + 1]) for k, key in zip(range(1, len(parts), 2), map(term, parts[1::2]))
            if len(key) > 2 and key not in STOP_TERMS]


def refresh_equivalents() -> None:
    """Read the equivalents vocabulary again if its file changed since it was read, and forget the
    terms read with the old one (a user's edit of ontology/equivalents.ttl in a running process takes
    effect at the next detection, as an edit of the other vocabularies does). Called once per
    detection, not per text: a check costs a ``stat``."""
    if _equivalents.cache_info().currsize and _equivalents()[2] != load_vocabulary("equivalents"):
        _equivalents.cache_clear()
        for cached in _READERS:
            cached.cache_clear()


@lru_cache(maxsize=1)
def _equivalents() -> tuple[Matcher, dict[str, tuple[str, ...]], Vocabulary, re.Pattern | None]:
    """A matcher of the other names of each concept of the equivalents vocabulary, the terms of
    each concept's preferred label, the vocabulary they were read from, and a pattern of how the
    names' first words start (see :func:`_name_starts`)."""
    vocabulary = load_vocabulary("equivalents")
    preferred = {concept.iri: tuple(t for t, _, _ in _word_terms(concept.pref_label, 0, len(concept.pref_label)))
                 for concept in vocabulary}
    # a preferred label without a term ("IT": words under three letters and stop words are no terms)
    # would make its other names vanish from every text: those names are read as their own words
    names = [(concept.iri, label) for concept in vocabulary for label in concept.alt_labels if preferred[concept.iri]]
    return Matcher(names), preferred, vocabulary, _name_starts(label for _, label in names)


def _name_starts(names) -> re.Pattern | None:
    """A pattern finding a word that starts as one of the names' first words starts: an acronym as
    printed (the matcher keeps their case), another word by its first letters in any case, as many
    as its light stem keeps unchanged (at most four), so that every inflection the matcher allows
    ("PDRs", "Ethnic minorities", "policies" for "policy") still starts the same way.

    >>> bool(_name_starts(["fairness at work", "PDR"]).search("the Fairness-at-work policy"))
    True
    >>> bool(_name_starts(["fairness at work", "PDR"]).search("a fine pdr"))
    False
    """
    starts = set()
    for name in names:
        first = next(iter(_WORD.findall(name)), None) or next(iter(re.findall(r"[A-Za-z]+", name)), None)
        if not first:
            continue
        if sum(c.isupper() for c in first) >= 2:
            starts.add(re.escape(first))
        else:
            kept = len(os.path.commonprefix([first.lower(), stem(first)]))
            starts.add("(?i:" + re.escape(first.lower()[: max(1, min(4, kept))]) + ")")
    if not starts:
        return None
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(sorted(starts)) + ")")


def features(text: str) -> list[str]:
    """The terms of a text and each pair of adjacent terms (joined by a space).

    >>> features("Clear the staff appraisal backlog.")
    ['clear', 'staff', 'apprais', 'backlog', 'clear staff', 'staff apprais', 'apprais backlog']
    """
    found = terms(text)
    return found + [f"{a} {b}" for a, b in zip(found, found[1:])]


def surface_counts(text: str) -> dict[str, tuple[int, str]]:
    """Term -> (occurrences, first words printed for it) of a text, for the evidence of a link.

    The terms are those :func:`term_spans` reads, so that a name of the equivalents vocabulary is
    counted as the terms it stands for and shown as printed:

    >>> surface_counts("Audit the Fairness at Work procedure.")["grievanc"]
    (1, 'Fairness at Work')
    """
    found: dict[str, tuple[int, str]] = {}
    for key, start, end in term_spans(text):
        count, surface = found.get(key, (0, text[start:end]))
        found[key] = (count + 1, surface)
    return found


def shared_terms(first: str | dict, second: str | dict, limit: int = 8) -> tuple[str, ...]:
    """Words the two texts share (as printed in the first), most frequent in both first.

    >>> shared_terms("Staff appraisals are late; appraisal backlog.", "The appraisal of staff.")
    ('appraisals', 'staff')
    """
    a = first if isinstance(first, dict) else surface_counts(first)
    b = second if isinstance(second, dict) else surface_counts(second)
    common = sorted(set(a) & set(b), key=lambda t: (-min(a[t][0], b[t][0]), -(a[t][0] + b[t][0]), t))
    # each once: the terms of one printed name ("black and minority ethnic") share its words
    return tuple(dict.fromkeys(a[t][1] if a[t][1].isupper() else a[t][1].lower() for t in common))[:limit]
