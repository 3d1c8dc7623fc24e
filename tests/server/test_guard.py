"""The SERVICE/LOAD guard: every way of naming an endpoint is found; words in text are not."""

from __future__ import annotations

import pytest

from recgraph.graph.server.errors import ForbiddenRemoteCall
from recgraph.graph.server.guard import check_remote_calls, remote_calls
from recgraph.graph.server.lexer import Kind, tokenize

INTERNAL = "http://127.0.0.1:9999/sparql"


@pytest.mark.parametrize("query", [
    f"SELECT * WHERE {{ SERVICE <{INTERNAL}> {{ ?s ?p ?o }} }}",
    f"select * where {{ service <{INTERNAL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SERVICE SILENT <{INTERNAL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SeRvIcE<{INTERNAL}>{{?s ?p ?o}} }}",
    "PREFIX in: <http://127.0.0.1:9999/> SELECT * WHERE { SERVICE in:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <http\\u003A//127.0.0.1:9999/sparql> { ?s ?p ?o } }",
    f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{INTERNAL}> {{ ?s ?q ?r }} }} }}",
    f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{INTERNAL}> {{ ?s ?p ?o }} }} }} }}",
    f"SELECT * WHERE {{ ?s ?p 'text' . SERVICE <{INTERNAL}> {{ ?s ?p ?o }} }} # trailing comment",
    f'SELECT * WHERE {{ ?s ?p """long "quoted" text""" . SERVICE <{INTERNAL}> {{ ?s ?p ?o }} }}',
    f"SELECT * WHERE {{ ?s ?p 'it\\'s' . SERVICE <{INTERNAL}> {{ ?s ?p ?o }} }}",
    f"LOAD <{INTERNAL}>",
    f"LOAD SILENT <{INTERNAL}> INTO GRAPH <http://e.org/g>",
    f"INSERT DATA {{ <a:b> <a:c> 1 }} ; LOAD <{INTERNAL}>",
    f"DELETE {{ ?s ?p ?o }} WHERE {{ SERVICE <{INTERNAL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ \\u0053ERVICE <{INTERNAL}> {{ ?s ?p ?o }} }}",  # escaped keyword: scanned both ways
], ids=lambda q: q[:60])
def test_every_way_of_naming_an_endpoint_is_refused(query):
    with pytest.raises(ForbiddenRemoteCall) as refusal:
        check_remote_calls(query, allowed=set())
    assert refusal.value.status == 403
    assert INTERNAL in str(refusal.value)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <relative/endpoint> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE undeclared:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE }",
    "SELECT * WHERE { ?s ?p 'unterminated SERVICE <http://x.example/> { ?s ?p ?o } }",
])
def test_endpoints_that_cannot_be_checked_are_refused(query):
    with pytest.raises(ForbiddenRemoteCall):
        check_remote_calls(query, allowed={"http://x.example/"} if "unterminated" not in query else set())


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "the Metropolitan Police Service" }',
    "SELECT * WHERE { ?s ?p 'LOAD the SERVICE' }",
    'SELECT * WHERE { ?s ?p """SERVICE <http://127.0.0.1/> { }""" }',
    "SELECT * WHERE { ?s <http://e.org/SERVICE> ?o } # SERVICE <http://127.0.0.1/> { }",
    "PREFIX service: <http://e.org/> SELECT ?service WHERE { ?service service:load ex:SERVICE }",
    "SELECT * WHERE { ?s ex:a\\#SERVICE ?o }",
    "SELECT ?load WHERE { ?s ?p ?load . FILTER(CONTAINS(?load, 'LOAD')) }",
    "SELECT * WHERE { ?s ?p ?o }",
])
def test_words_inside_strings_comments_iris_and_names_are_not_calls(query):
    assert remote_calls(query) == []
    check_remote_calls(query, allowed=set())


def test_an_endpoint_on_the_allow_list_may_be_called():
    query = "PREFIX w: <https://query.wikidata.org/> SELECT * WHERE { SERVICE w:sparql { ?s ?p ?o } }"
    assert remote_calls(query) == [("SERVICE", "https://query.wikidata.org/sparql")]
    check_remote_calls(query, allowed={"https://query.wikidata.org/sparql"})
    with pytest.raises(ForbiddenRemoteCall):
        check_remote_calls(query, allowed={"https://query.wikidata.org/sparql/"})  # exact match only


def test_a_redefined_prefix_is_resolved_where_it_is_used():
    update = ("PREFIX e: <https://ok.example/> LOAD e:data ; "
              "PREFIX e: <http://127.0.0.1/> LOAD e:data")
    assert remote_calls(update) == [("LOAD", "https://ok.example/data"), ("LOAD", "http://127.0.0.1/data")]


def test_the_lexer_keeps_escaped_hashes_in_names_and_drops_comments():
    tokens = list(tokenize("ASK { ?s ex:a\\#b 'x#y' } # gone"))
    assert [(t.kind, t.text) for t in tokens] == [
        (Kind.WORD, "ASK"), (Kind.PUNCT, "{"), (Kind.VAR, "?s"), (Kind.WORD, "ex:a\\#b"),
        (Kind.STRING, "'x#y'"), (Kind.PUNCT, "}")]


def test_the_lexer_reports_offsets_in_the_original_text():
    text = "INSERT { ?s a ?c } WHERE { ?s a ?c }"
    where = next(t for t in tokenize(text) if t.is_keyword("WHERE"))
    assert text[where.start:where.start + 5] == "WHERE"
