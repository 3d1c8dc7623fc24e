"""Content negotiation: from an ``Accept`` header to one of the formats pyoxigraph writes.

Results of SELECT and ASK come as SPARQL JSON, XML, CSV or TSV; graphs (CONSTRUCT, DESCRIBE, the
service description, the Graph Store Protocol) as Turtle, N-Triples, JSON-LD or RDF/XML. Each
table lists the media types in the server's order of preference: the first wins ties and answers
``*/*`` or a missing header.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import pyoxigraph

from recgraph.graph.server.errors import RequestError

F = TypeVar("F")


@dataclass(frozen=True)
class Choice(Generic[F]):
    """A media type the server sends and the pyoxigraph format that writes it."""

    media_type: str
    format: F


RESULT_FORMATS: tuple[Choice[pyoxigraph.QueryResultsFormat], ...] = (
    Choice("application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
    Choice("application/sparql-results+xml", pyoxigraph.QueryResultsFormat.XML),
    Choice("text/csv", pyoxigraph.QueryResultsFormat.CSV),
    Choice("text/tab-separated-values", pyoxigraph.QueryResultsFormat.TSV),
    Choice("application/json", pyoxigraph.QueryResultsFormat.JSON),
    Choice("application/xml", pyoxigraph.QueryResultsFormat.XML),
    Choice("text/xml", pyoxigraph.QueryResultsFormat.XML),
)

GRAPH_FORMATS: tuple[Choice[pyoxigraph.RdfFormat], ...] = (
    Choice("text/turtle", pyoxigraph.RdfFormat.TURTLE),
    Choice("application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
    Choice("application/ld+json", pyoxigraph.RdfFormat.JSON_LD),
    Choice("application/rdf+xml", pyoxigraph.RdfFormat.RDF_XML),
    Choice("application/x-turtle", pyoxigraph.RdfFormat.TURTLE),
    Choice("text/plain", pyoxigraph.RdfFormat.N_TRIPLES),
    Choice("application/json", pyoxigraph.RdfFormat.JSON_LD),
    Choice("application/xml", pyoxigraph.RdfFormat.RDF_XML),
)

#: Media types a Graph Store Protocol upload may use, and the parser for each.
UPLOAD_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/x-turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Parse an ``Accept`` header into ``(media range, q)`` pairs; a missing header accepts anything.

    Malformed ``q`` values count as 1, as lenient clients expect.

    >>> parse_accept("text/turtle;q=0.5, application/ld+json")
    [('text/turtle', 0.5), ('application/ld+json', 1.0)]
    >>> parse_accept(None)
    [('*/*', 1.0)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        ranges.append((media.lower(), q))
    return ranges or [("*/*", 1.0)]


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    # The most specific range that matches decides (RFC 9110, 12.5.1).
    kind = media_type.split("/")[0]
    best, specificity = 0.0, -1
    for media, q in ranges:
        level = 2 if media == media_type else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def choose(accept: str | None, offers: tuple[Choice[F], ...]) -> Choice[F]:
    """Pick the offer the client prefers; the server's order breaks ties.

    Parameters
    ----------
    accept : str or None
        The request's ``Accept`` header.
    offers : tuple[Choice, ...]
        :data:`RESULT_FORMATS` or :data:`GRAPH_FORMATS`.

    Returns
    -------
    Choice
        The media type to send and the format to write it with.

    Raises
    ------
    RequestError
        406 when nothing offered is acceptable; the message lists what is.

    Examples
    --------
    >>> choose("text/csv, */*;q=0.1", RESULT_FORMATS).media_type
    'text/csv'
    >>> choose("*/*", GRAPH_FORMATS).media_type
    'text/turtle'
    >>> choose("application/json", GRAPH_FORMATS).media_type
    'application/json'
    """
    ranges = parse_accept(accept)
    best: Choice[F] | None = None
    best_q = 0.0
    for offer in offers:
        q = _quality(offer.media_type, ranges)
        if q > best_q:
            best, best_q = offer, q
    if best is None:
        names = ", ".join(dict.fromkeys(o.media_type for o in offers))
        raise RequestError(406, f"none of the media types in Accept: {accept} can be sent here; available: {names}")
    return best


def media_type_of(content_type: str | None) -> tuple[str, dict[str, str]]:
    """Split a ``Content-Type`` header into its lower-cased media type and parameters.

    >>> media_type_of("application/sparql-query; charset=UTF-8")
    ('application/sparql-query', {'charset': 'UTF-8'})
    """
    if not content_type:
        return "", {}
    media, *params = (piece.strip() for piece in content_type.split(";"))
    parsed = {}
    for param in params:
        name, _, value = param.partition("=")
        parsed[name.strip().lower()] = value.strip().strip('"')
    return media.lower(), parsed
