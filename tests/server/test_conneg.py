"""Content negotiation for IRIs: the same description as HTML, Turtle, JSON-LD, N-Triples or RDF/XML.

RDF answers are compared as graphs (isomorphism), never as text.
"""

from __future__ import annotations

import httpx
import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from recgraph.graph.store.database import open_store

DOC = "/doc/report/winning-consent/rec/22"
IRI = "https://w3id.org/recgraph/id/report/winning-consent/rec/22"
RDF_TYPES = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
}


@pytest.fixture(scope="module")
def client(linked):
    with httpx.Client(base_url=linked, timeout=10) as c:
        yield c


@pytest.fixture(scope="module")
def expected(seed_location) -> rdflib.Graph:
    """What the store says of recommendation 22, and what points at it, as an rdflib graph."""
    store = open_store(seed_location)
    node = pyoxigraph.NamedNode(IRI)
    triples = {q.triple for q in store.quads_for_pattern(node, None, None, None)}
    triples |= {q.triple for q in store.quads_for_pattern(None, None, node, None)}
    return as_graph(triples)


def as_graph(triples) -> rdflib.Graph:
    return rdflib.Graph().parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")


def parsed(response: httpx.Response, syntax: pyoxigraph.RdfFormat) -> rdflib.Graph:
    """The answer parsed by pyoxigraph (each syntax by its own parser), as an rdflib graph."""
    return as_graph([quad.triple for quad in pyoxigraph.parse(response.content, syntax)])


@pytest.mark.parametrize("media_type", list(RDF_TYPES))
def test_each_rdf_format_carries_the_same_description(client, expected, media_type):
    response = client.get(DOC, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in response.headers["vary"]
    assert isomorphic(parsed(response, RDF_TYPES[media_type]), expected)


def test_the_description_holds_what_points_at_the_resource(expected):
    # The progress update that reports on recommendation 22 points at it.
    update = rdflib.URIRef("https://w3id.org/recgraph/id/update/001-feb76c68d8c1448c/winning-consent/22")
    assert (update, rdflib.URIRef("https://w3id.org/recgraph/ontology#reportsOn"), rdflib.URIRef(IRI)) in expected


@pytest.mark.parametrize(("accept", "sent"), [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),  # a browser
    ("*/*", "text/html"),
    (None, "text/html"),
    ("text/html;q=0.5, text/turtle", "text/turtle"),
    ("application/rdf+xml;q=0.9, application/ld+json", "application/ld+json"),
    ("text/*", "text/html"),
])
def test_the_client_s_preferences_choose_the_format(client, accept, sent):
    headers = {"Accept": accept} if accept else {}
    request = client.build_request("GET", DOC, headers=headers)
    if accept is None:
        del request.headers["accept"]
    response = client.send(request)
    assert response.headers["content-type"].split(";")[0] == sent


def test_the_negotiated_document_names_its_fixed_format_variant(client):
    for accept, extension in (("text/turtle", "ttl"), ("application/ld+json", "jsonld"), ("text/html", "html")):
        response = client.get(DOC, headers={"Accept": accept})
        assert response.headers["content-location"] == f"{DOC}.{extension}"
        fixed = client.get(f"{DOC}.{extension}", headers={"Accept": "image/png"})
        assert fixed.status_code == 200 and fixed.content == response.content and "Accept" not in fixed.headers.get("vary", "")


def test_nothing_acceptable_is_406_listing_what_is(client):
    response = client.get(DOC, headers={"Accept": "image/png"})
    assert response.status_code == 406 and "text/turtle" in response.text


def test_the_iri_itself_redirects_before_negotiating(client):
    response = client.get("/id/report/winning-consent/rec/22", headers={"Accept": "text/turtle"})
    assert response.status_code == 303 and response.headers["location"] == DOC


def test_rdflib_dereferences_the_iri_like_any_linked_data_client(linked, expected):
    graph = rdflib.Graph().parse(f"{linked}/id/report/winning-consent/rec/22")  # follows the 303, asks for RDF
    assert isomorphic(graph, expected)


def test_a_named_graph_s_iri_gives_the_graph_itself(client):
    graph_iri = "https://w3id.org/recgraph/id/graph/001-feb76c68d8c1448c"
    via_page = client.get("/doc/graph/001-feb76c68d8c1448c", headers={"Accept": "application/n-triples"})
    via_store = client.get("/store", params={"graph": graph_iri}, headers={"Accept": "application/n-triples"})
    assert via_store.status_code == 200
    assert isomorphic(parsed(via_page, pyoxigraph.RdfFormat.N_TRIPLES), parsed(via_store, pyoxigraph.RdfFormat.N_TRIPLES))


def test_a_vocabulary_concept_is_described_through_doc_iri(client):
    response = client.get("/doc", params={"iri": "https://w3id.org/recgraph/ontology#Recommendation", "format": "ttl"})
    graph = parsed(response, pyoxigraph.RdfFormat.TURTLE)
    label = graph.value(rdflib.URIRef("https://w3id.org/recgraph/ontology#Recommendation"), rdflib.RDFS.label)
    assert str(label) == "recommendation"


@pytest.mark.parametrize("params", [{}, {"iri": ["http://a.example/", "http://b.example/"]},
                                    {"iri": "http://a.example/", "format": "exe"}])
def test_a_malformed_doc_request_is_400(client, params):
    assert client.get("/doc", params=params, headers={"Accept": "text/plain"}).status_code == 400
