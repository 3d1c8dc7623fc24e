"""Analysts' corrections seen by the enrichment: a corrected status phrase is mapped like a printed one.

A status phrase an analyst types goes through the status vocabulary (``ontology/statuses.ttl``)
exactly as one read from a paper does. One that matches no status would leave the status to be
inferred from the progress text, silently: it is refused when imported
(:func:`status_phrase_check`, given to ``import_corrections``) and, should an overrides file be
edited by hand, when the graph is built (:func:`check_corrected_statuses`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from recgraph.errors import CorrectionsError
from recgraph.graph.enrich.status import status_from_phrase
from recgraph.graph.enrich.vocabulary import Vocabulary, load_vocabulary
from recgraph.graph.model import ReadResult


def status_phrase_check(statuses: Vocabulary | None = None) -> Callable[[str], bool]:
    """Whether a status phrase maps to a status of the vocabulary (default: the shipped one).

    >>> check = status_phrase_check()
    >>> check("Action complete"), check("Blue sky")
    (True, False)
    """
    vocabulary = statuses or load_vocabulary("statuses")
    return lambda phrase: status_from_phrase(phrase, vocabulary) is not None


def check_corrected_statuses(results: Iterable[ReadResult], statuses: Vocabulary) -> None:
    """Raise when a corrected status phrase matches no status.

    Raises
    ------
    CorrectionsError : naming the overrides file and line of the first such correction.
    """
    for result in results:
        for correction in result.corrections:
            if correction.field == "status_phrase" and correction.value and status_from_phrase(correction.value, statuses) is None:
                raise CorrectionsError(
                    f"recommendation {correction.source_report}/{correction.recommendation}: corrected status phrase "
                    f"{correction.value!r} matches no status of the status vocabulary; correct it to one of its labels",
                    correction.file, correction.row)
