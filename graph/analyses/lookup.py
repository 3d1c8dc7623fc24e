"""Finding a recommendation from what a person types: an IRI, or a short form such as ``winning-consent/22``.

An unknown or ambiguous answer raises :class:`RecommendationLookupError`, whose message lists
the close matches (or the candidates) so that the person can choose.
"""

from __future__ import annotations

import difflib
import re

from recgraph.errors import RecommendationLookupError
from recgraph.graph.analyses.projection import Projection, Source, project
from recgraph.graph.analyses.source import iri_values, string_literal
from recgraph.graph.reading.numbers import canonical_number

#: How many close matches an unknown recommendation's message lists.
CLOSE_MATCHES = 8


_ALL_LABELS = "SELECT ?rec ?label WHERE { ?rec a rg:Recommendation ; rdfs:label ?label }"


def find_recommendation(source: Source | Projection, rec: str) -> str:
    """The IRI of the recommendation ``rec`` names.

    Parameters
    ----------
    source : where the graph is.
    rec : an IRI (``https://...`` or ``<https://...>``), or a short form ``report-key/number``
        (``winning-consent/22``, ``race-and-faith/6(b)``; case does not matter, ``/rec/`` may be
        written; the number as any paper prints it, ``district-audit-ppp-2001-02/R6`` or ``/6``). A bare number, or a number after part of a report key (``hmic/26``), is accepted
        when only one recommendation fits.

    Raises
    ------
    RecommendationLookupError : nothing fits (the message lists close matches), or several do
        (the message lists them).
    """
    projection = project(source)
    wanted = rec.strip()
    if wanted.startswith("<") and wanted.endswith(">"):
        wanted = wanted[1:-1]
    if re.match(r"^https?://", wanted):
        found = projection.source.select(
            f"SELECT ?rec WHERE {{ VALUES ?rec {{ {iri_values([wanted])} }} ?rec a rg:Recommendation }}")
        if len(found):
            return wanted
        short = re.sub(r"^.*/report/", "", wanted).replace("/rec/", "/")
        return _by_label(projection, short, shown=wanted)
    return _by_label(projection, wanted.replace("/rec/", "/"), shown=wanted)


def _by_label(projection: Projection, wanted: str, shown: str) -> str:
    # A number may be typed as any paper prints it ("R6", "Rec 6", "recommendation 6"): labels
    # hold the canonical number, so the canonical form is tried when the typed one is not a label.
    report, slash, number = wanted.rpartition("/")
    canonical = f"{report}/{canonical_number(number)}" if slash else canonical_number(wanted)
    if canonical != wanted:
        found = projection.source.select(
            f"SELECT ?rec WHERE {{ ?rec a rg:Recommendation ; rdfs:label {string_literal(wanted)} }}")
        if not len(found):
            found = projection.source.select(
                f"SELECT ?rec WHERE {{ ?rec a rg:Recommendation ; rdfs:label {string_literal(canonical)} }}")
            if len(found) == 1:
                return found["rec"].iloc[0]
    exact = projection.source.select(
        f"SELECT ?rec WHERE {{ ?rec a rg:Recommendation ; rdfs:label {string_literal(wanted)} }}")
    if len(exact) == 1:
        return exact["rec"].iloc[0]
    labels = projection.source.select(_ALL_LABELS).drop_duplicates("rec")
    by_label = dict(zip(labels["label"], labels["rec"]))
    folded = [label for label in by_label if label.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return by_label[folded[0]]
    report, _, number = wanted.rpartition("/")
    fits = sorted(label for label in by_label
                  if label.rpartition("/")[2].casefold() == number.casefold()
                  and report.casefold() in label.rpartition("/")[0].casefold())
    if not fits:  # the number as another paper prints it ("R6" for a recommendation labelled "6")
        fits = sorted(label for label in by_label
                      if canonical_number(label.rpartition("/")[2]) == canonical_number(number)
                      and report.casefold() in label.rpartition("/")[0].casefold())
    if len(fits) == 1:
        return by_label[fits[0]]
    if len(fits) > 1 or len(folded) > 1 or len(exact) > 1:
        several = tuple(fits or folded or sorted(exact["rec"]))
        raise RecommendationLookupError(
            f"{shown!r} fits {len(several)} recommendations: {', '.join(several[:20])}; give one of them", several)
    close = tuple(difflib.get_close_matches(wanted, list(by_label), n=CLOSE_MATCHES, cutoff=0.5))
    hint = f"; close matches: {', '.join(close)}" if close else "; `recgraph query recommendations` lists them all"
    raise RecommendationLookupError(f"no recommendation {shown!r} in the graph{hint}", close)
