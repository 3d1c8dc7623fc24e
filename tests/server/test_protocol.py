"""The protocol rules as pure functions: reading operations, USING clauses, content negotiation."""

from __future__ import annotations

import pyoxigraph
import pytest

from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose
from recgraph.graph.server.protocol import Dataset, OperationKind, add_using_clauses, read_operation

G1, G2 = "http://e.org/g1", "http://e.org/g2"


def test_a_form_post_may_carry_the_dataset_in_the_body_or_the_url():
    operation = read_operation("POST", b"named-graph-uri=http%3A%2F%2Fe.org%2Fg2", "application/x-www-form-urlencoded",
                               b"query=ASK+%7B%7D&default-graph-uri=http%3A%2F%2Fe.org%2Fg1")
    assert operation.kind is OperationKind.QUERY and operation.text == "ASK {}"
    assert operation.dataset == Dataset(default=(G1,), named=(G2,))


def test_an_update_takes_its_dataset_from_the_using_parameters():
    operation = read_operation("POST", b"using-graph-uri=http%3A%2F%2Fe.org%2Fg1&default-graph-uri=http%3A%2F%2Fx.org",
                               "application/sparql-update; charset=utf-8", b"CLEAR ALL")
    assert operation.kind is OperationKind.UPDATE
    assert operation.dataset == Dataset(default=(G1,))


@pytest.mark.parametrize(("method", "query_string", "content_type", "body", "status", "message"), [
    ("GET", b"query=ASK%7B%7D&query=ASK%7B%7D", None, b"", 400, "exactly one 'query' parameter is allowed, 2"),
    ("GET", b"update=CLEAR%20ALL", None, b"", 400, "updates must be sent by POST"),
    ("GET", b"query=", None, b"", 400, "the query is empty"),
    ("GET", b"query=%FF", None, b"", 400, "is not UTF-8"),
    ("POST", b"", "application/x-www-form-urlencoded", b"query=ASK%7B%7D&update=CLEAR+ALL", 400,
     "exactly one 'query' or one 'update'"),
    ("POST", b"", "application/x-www-form-urlencoded", b"default-graph-uri=x", 400, "exactly one 'query' or one"),
    ("POST", b"", None, b"ASK {}", 415, "not no Content-Type"),
    ("POST", b"", "text/plain", b"ASK {}", 415, "not text/plain"),
    ("POST", b"", "application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16"), 400, "not UTF-16"),
    ("POST", b"", "application/sparql-query", b"ASK {} \xff", 400, "the body is not UTF-8 (byte 7)"),
    ("POST", b"query=ASK%7B%7D", "application/sparql-query", b"ASK {}", 400, "not also in the URL"),
    ("GET", b"query=ASK%7B%7D&named-graph-uri=not%20an%20iri", None, b"", 400, "is not a valid absolute IRI"),
])
def test_malformed_requests_are_refused_with_a_reason(method, query_string, content_type, body, status, message):
    with pytest.raises(RequestError) as refusal:
        read_operation(method, query_string, content_type, body)
    assert refusal.value.status == status
    assert message in str(refusal.value)


def test_a_get_without_a_query_asks_for_the_service_description():
    assert read_operation("GET", b"", None, b"") is None


def test_using_clauses_go_before_each_modify_where_and_nowhere_else():
    update = ("INSERT DATA { <a:s> <a:p> 1 } ;\n"
              "DELETE WHERE { ?s <a:gone> ?o } ;\n"
              "INSERT { ?s a <a:C> } WHERE { ?s ?p ?o FILTER EXISTS { SELECT ?s WHERE { ?s ?p 1 } } } ;\n"
              "DELETE { ?s ?p 'WHERE' } INSERT { ?s ?p 2 } WHERE { ?s ?p 1 }")
    rewritten = add_using_clauses(update, Dataset(default=(G1,), named=(G2,)))
    clause = f"USING <{G1}> USING NAMED <{G2}> WHERE"
    assert rewritten.count(clause) == 2
    assert "DELETE WHERE { ?s <a:gone>" in rewritten
    assert "SELECT ?s WHERE { ?s ?p 1 }" in rewritten
    pyoxigraph.Store().update(rewritten)  # still valid SPARQL


@pytest.mark.parametrize("clause", ["WITH <http://e.org/addresses>", "USING <http://e.org/g>"])
def test_using_parameters_conflict_with_the_updates_own_dataset(clause):
    before_where = clause.startswith("USING")
    update = (f"DELETE {{ ?s ?p ?o }} {clause} WHERE {{ ?s ?p ?o }}" if before_where
              else f"{clause} DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}")
    with pytest.raises(RequestError) as refusal:
        add_using_clauses(update, Dataset(named=(G1,)))
    assert refusal.value.status == 400


def test_using_is_applied_as_the_dataset_of_the_where_clause():
    store = pyoxigraph.Store()
    store.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <a:s> a <a:Doc> }} GRAPH <{G2}> {{ <a:t> a <a:Doc> }} }}")
    store.update(add_using_clauses("INSERT { GRAPH <a:out> { ?s a <a:Seen> } } WHERE { ?s a <a:Doc> }",
                                   Dataset(default=(G1,))))
    seen = [str(row[0]) for row in store.query("SELECT ?s WHERE { GRAPH <a:out> { ?s ?p ?o } }")]
    assert seen == ["<a:s>"]


@pytest.mark.parametrize(("accept", "offers", "media_type"), [
    (None, RESULT_FORMATS, "application/sparql-results+json"),
    ("application/sparql-results+xml", RESULT_FORMATS, "application/sparql-results+xml"),
    ("text/*", RESULT_FORMATS, "text/csv"),
    ("text/tab-separated-values;q=0.9, text/csv;q=0.8", RESULT_FORMATS, "text/tab-separated-values"),
    ("application/sparql-results+json;q=0, */*", RESULT_FORMATS, "application/sparql-results+xml"),
    ("application/rdf+xml, text/turtle;q=0.5", GRAPH_FORMATS, "application/rdf+xml"),
    ("text/plain", GRAPH_FORMATS, "text/plain"),
    ("application/ld+json", GRAPH_FORMATS, "application/ld+json"),
])
def test_negotiation_picks_the_clients_preference(accept, offers, media_type):
    assert choose(accept, offers).media_type == media_type


def test_nothing_acceptable_is_a_406():
    with pytest.raises(RequestError) as refusal:
        choose("image/png", GRAPH_FORMATS)
    assert refusal.value.status == 406
    assert "text/turtle" in str(refusal.value)
