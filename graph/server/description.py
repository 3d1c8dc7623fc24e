"""The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/).

Answered on a GET of the endpoint without a query, so tools can learn what the server speaks:
languages, result formats, features and the graphs it holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from recgraph.graph.server.config import ServerConfig

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS_TITLE = NamedNode("http://purl.org/dc/terms/title")

#: W3C format IRIs of everything the endpoint writes.
RESULT_FORMAT_NAMES = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                       "Turtle", "N-Triples", "JSON-LD", "RDF_XML")
#: Named graphs listed at most (a description is not an export).
MAX_LISTED_GRAPHS = 1000


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def describe_service(endpoint: str, config: ServerConfig, store: pyoxigraph.Store) -> list[Triple]:
    """The triples of the service description of the endpoint at ``endpoint``.

    Parameters
    ----------
    endpoint : str
        The endpoint's absolute URL, as the client reached it.
    config : ServerConfig
        Tells whether updates and federation are on and how the default graph is built.
    store : pyoxigraph.Store
        Its named graphs are listed (up to :data:`MAX_LISTED_GRAPHS`).

    Returns
    -------
    list[Triple]

    Examples
    --------
    >>> triples = describe_service("http://127.0.0.1:8000/sparql", ServerConfig(), pyoxigraph.Store())
    >>> Triple(BlankNode("service"), _sd("supportedLanguage"), _sd("SPARQL11Update")) in triples
    False
    >>> any(t.object == _sd("UnionDefaultGraph") for t in triples)
    True
    """
    service = BlankNode("service")
    triples = [
        Triple(service, RDF_TYPE, _sd("Service")),
        Triple(service, _sd("endpoint"), NamedNode(endpoint)),
        Triple(service, DCTERMS_TITLE, Literal("recgraph SPARQL endpoint")),
        Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
    ]
    if config.allow_updates:
        triples.append(Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    triples += [Triple(service, _sd("resultFormat"), NamedNode(FORMATS + name)) for name in RESULT_FORMAT_NAMES]
    if config.union_default_graph:
        triples.append(Triple(service, _sd("feature"), _sd("UnionDefaultGraph")))
    if config.allowed_services:
        triples.append(Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    triples += list(_dataset(service, store))
    return triples


def _dataset(service: BlankNode, store: pyoxigraph.Store) -> Iterator[Triple]:
    dataset, default = BlankNode("dataset"), BlankNode("default")
    yield Triple(service, _sd("defaultDataset"), dataset)
    yield Triple(dataset, RDF_TYPE, _sd("Dataset"))
    yield Triple(dataset, _sd("defaultGraph"), default)
    names = sorted((g for g in islice(store.named_graphs(), MAX_LISTED_GRAPHS) if isinstance(g, NamedNode)),
                   key=lambda g: g.value)
    nodes = [BlankNode(f"graph{index}") for index in range(len(names))]
    # All of the dataset's statements first, so Turtle writers group them under one subject.
    yield from (Triple(dataset, _sd("namedGraph"), node) for node in nodes)
    yield Triple(default, RDF_TYPE, _sd("Graph"))
    for node, name in zip(nodes, names):
        yield Triple(node, RDF_TYPE, _sd("NamedGraph"))
        yield Triple(node, _sd("name"), name)
