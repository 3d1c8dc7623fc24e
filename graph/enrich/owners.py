"""Normalising printed owners ("Action by whom", "Lead") to the units of owners.ttl.

A printed owner is compared with every label of every owner after normalisation (case, spacing,
dash style, spaces around "/" and "&" ignored). When no label equals it, the owner whose longest
label of two or more words appears within it, in order, wins (so a mangled "ACPRS/ Head of Best
V lue Value group" is still the Best Value Group). An owner that matches nothing becomes a new
unit labelled with the printed string: it is never dropped, and the printed string is always kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from recgraph.graph.enrich.model import OwnerMatch, OwnerUnit, UpdateKey
from recgraph.graph.enrich.vocabulary import Vocabulary

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SPACED_PUNCT = re.compile(r"\s*([/&])\s*")
_EDGE_PUNCT = re.compile(r"^[\s.,;:()\[\]]+|[\s.,;:()\[\]]+$")


def normalise_owner(text: str) -> str:
    """The form owners are compared in.

    >>> normalise_owner("DCC4 – Diversity Directorate ") == normalise_owner("dcc4 - diversity  directorate")
    True
    >>> normalise_owner("ACPRS/ Head of Best Value group")
    'acprs/head of best value group'
    """
    text = _DASHES.sub(" - ", text.casefold())
    text = _SPACED_PUNCT.sub(r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return _EDGE_PUNCT.sub("", text)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", normalise_owner(text)))


@lru_cache(maxsize=8)
def _labels(owners: Vocabulary) -> tuple[dict[str, tuple[str, str]], list[tuple[tuple[str, ...], str, str]]]:
    exact: dict[str, tuple[str, str]] = {}
    phrases: list[tuple[tuple[str, ...], str, str]] = []
    for concept in owners:
        for label in concept.labels:
            exact.setdefault(normalise_owner(label), (concept.iri, label))
            words = _words(label)
            if len(words) >= 2:
                phrases.append((words, concept.iri, label))
    phrases.sort(key=lambda item: -len(item[0]))
    return exact, phrases


def _in_order(needle: tuple[str, ...], haystack: tuple[str, ...]) -> bool:
    remaining = iter(haystack)
    return all(word in remaining for word in needle)


def match_owner(verbatim: str, owners: Vocabulary, update: UpdateKey = ("", "", "")) -> OwnerMatch:
    """The unit a printed owner stands for, with the rule that decided it.

    Parameters
    ----------
    verbatim : the owner exactly as printed.
    owners : the owner vocabulary.
    update : the key of the progress update the owner was printed on.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("owners", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/hr> a rg:Owner ; skos:prefLabel "Human Resources Directorate"@en ; skos:altLabel "HR Department"@en .''')
    >>> match_owner("HR  department", vocab).unit
    OwnerUnit(label='Human Resources Directorate', iri='http://x/hr')
    >>> match_owner("Head of Human Resources Directorate (HRD)", vocab).rule
    "contains the label 'Human Resources Directorate'"
    >>> match_owner("Borough Commander", vocab).unit
    OwnerUnit(label='Borough Commander', iri=None)
    """
    exact, phrases = _labels(owners)
    key = normalise_owner(verbatim)
    labels = {c.iri: c.pref_label for c in owners}
    if key in exact:
        iri, label = exact[key]
        return OwnerMatch(update, verbatim, OwnerUnit(labels[iri], iri), f"label {label!r}")
    words = _words(verbatim)
    for phrase, iri, label in phrases:
        if _in_order(phrase, words):
            return OwnerMatch(update, verbatim, OwnerUnit(labels[iri], iri), f"contains the label {label!r}")
    return OwnerMatch(update, verbatim, OwnerUnit(re.sub(r"\s+", " ", verbatim).strip()), "no label matches: new unit")
