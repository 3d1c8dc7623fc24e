"""The terms repeat detection compares: light stems without stop words, and pairs of adjacent terms.

A recommendation's words are cut to their *term* (:func:`term`: the light stem of
:func:`recgraph.graph.enrich.words.stem` without derivational endings, so "evaluation" and
"evaluating" meet), English stop words and :data:`DOMAIN_STOP_WORDS` are left out, and each pair
of adjacent terms is a feature too (:func:`features`): "staff appraisal", "exit interview" and
"Counter Terrorism" say more than their words apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from recgraph.graph.enrich.words import stem

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


def terms(text: str) -> list[str]:
    """The terms of a text, stop words and words under three letters left out.

    >>> terms("The MPS should ensure that staff appraisals are completed.")
    ['staff', 'apprais']
    """
    return [t for t in map(term, _WORD.findall(text)) if len(t) > 2 and t not in STOP_TERMS]


def features(text: str) -> list[str]:
    """The terms of a text and each pair of adjacent terms (joined by a space).

    >>> features("Clear the staff appraisal backlog.")
    ['clear', 'staff', 'apprais', 'backlog', 'clear staff', 'staff apprais', 'apprais backlog']
    """
    found = terms(text)
    return found + [f"{a} {b}" for a, b in zip(found, found[1:])]


def surface_counts(text: str) -> dict[str, tuple[int, str]]:
    """Term -> (occurrences, first word printed for it) of a text, for the evidence of a link."""
    found: dict[str, tuple[int, str]] = {}
    for word in _WORD.findall(text):
        key = term(word)
        if len(key) > 2 and key not in STOP_TERMS:
            count, surface = found.get(key, (0, word))
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
    return tuple(a[t][1] if a[t][1].isupper() else a[t][1].lower() for t in common[:limit])
