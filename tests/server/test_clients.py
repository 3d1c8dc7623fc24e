"""Real SPARQL clients against a live server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from urllib.error import HTTPError

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

REC_1 = "https://w3id.org/recgraph/id/report/hmic-one/rec/1"
TITLES = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?rec ?title WHERE { ?rec dcterms:title ?title } ORDER BY ?title"""


def wrapper(url: str, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(10)
    if method:
        client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [None, POST], ids=["GET", "POST"])
def test_sparqlwrapper_selects_as_json(readonly, method):
    answer = wrapper(readonly, TITLES, JSON, method).queryAndConvert()
    assert [row["title"]["value"] for row in answer["results"]["bindings"]] == [
        "Improve the recruitment of detectives", "Publish stop and search figures",
        "Review appraisal across the Metropolitan Police Service"]


def test_sparqlwrapper_reads_xml_and_csv_results(readonly):
    document = wrapper(readonly, TITLES, XML).queryAndConvert()
    assert len(document.getElementsByTagName("result")) == 3
    csv = wrapper(readonly, TITLES, CSV).queryAndConvert().decode()
    assert csv.splitlines()[0] == "rec,title"


def test_sparqlwrapper_constructs_a_graph(readonly):
    query = f"CONSTRUCT {{ <{REC_1}> ?p ?o }} WHERE {{ <{REC_1}> ?p ?o }}"
    graph = wrapper(readonly, query, TURTLE).queryAndConvert()
    turtle = graph if isinstance(graph, bytes) else graph.serialize(format="turtle").encode()
    parsed = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(parsed) == 4


def test_sparqlwrapper_reports_a_malformed_query(readonly):
    with pytest.raises(QueryBadFormed) as error:
        wrapper(readonly, "SELECT ?s WHERE {").queryAndConvert()
    assert "malformed query" in str(error.value)


def test_rdflib_sparqlstore_queries_the_endpoint(readonly):
    graph = rdflib.Graph(store=SPARQLStore(f"{readonly}/sparql", returnFormat="json"))
    titles = sorted(str(row.title) for row in graph.query(TITLES))
    assert titles[0] == "Improve the recruitment of detectives"
    assert len(titles) == 3
    assert graph.query(f"ASK {{ <{REC_1}> ?p ?o }}").askAnswer is True
    assert len(graph) == 10  # rdflib counts with its own COUNT query over the union default graph


def test_rdflib_sparqlstore_reads_triples_by_pattern(readonly):
    graph = rdflib.Graph(store=SPARQLStore(f"{readonly}/sparql"))
    status = list(graph.objects(rdflib.URIRef(REC_1), rdflib.URIRef("https://w3id.org/recgraph/ontology#status")))
    assert status == [rdflib.Literal("complete")]


def test_rdflib_sparqlupdatestore_writes_with_the_token(writable, token):
    url, store = writable
    update_store = SPARQLUpdateStore(f"{url}/sparql", f"{url}/sparql", auth=None,
                                     headers={"Authorization": f"Bearer {token}"})
    update_store.update("INSERT DATA { <urn:recgraph:test> <urn:recgraph:p> 'added by rdflib' }")
    assert len(store) == 11
    anonymous = SPARQLUpdateStore(f"{url}/sparql", f"{url}/sparql")
    with pytest.raises(HTTPError, match="401"):
        anonymous.update("INSERT DATA { <urn:recgraph:test> <urn:recgraph:p> 'refused' }")
    assert len(store) == 11
