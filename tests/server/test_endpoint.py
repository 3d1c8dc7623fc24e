"""The /sparql endpoint over a live read-only server: answers, formats, description, CORS, page."""

from __future__ import annotations

import json

import httpx
import pyoxigraph
import pytest

ALPHA = "https://w3id.org/recgraph/id/paper/alpha"
BETA = "https://w3id.org/recgraph/id/paper/beta"
REC_1 = "https://w3id.org/recgraph/id/report/hmic-one/rec/1"
SELECT_TITLES = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?rec ?title WHERE { ?rec dcterms:title ?title } ORDER BY ?rec"""
CONSTRUCT_REC_1 = f"CONSTRUCT {{ <{REC_1}> ?p ?o }} WHERE {{ <{REC_1}> ?p ?o }}"


def get(url, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return httpx.get(f"{url}/sparql", params={"query": query, **params}, headers=headers, timeout=10.0)


def test_a_query_sees_every_papers_graph_as_its_default_graph(readonly):
    answer = get(readonly, SELECT_TITLES).json()
    titles = [row["title"]["value"] for row in answer["results"]["bindings"]]
    assert titles == ["Publish stop and search figures", "Improve the recruitment of detectives",
                      "Review appraisal across the Metropolitan Police Service"]


def test_default_graph_uri_narrows_the_default_graph_to_one_paper(readonly):
    answer = get(readonly, SELECT_TITLES, **{"default-graph-uri": BETA}).json()
    assert [row["title"]["value"] for row in answer["results"]["bindings"]] == ["Publish stop and search figures"]


def test_named_graph_uri_limits_the_graphs_a_query_can_name(readonly):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    answer = get(readonly, query, **{"named-graph-uri": ALPHA}).json()
    assert [row["g"]["value"] for row in answer["results"]["bindings"]] == [ALPHA]


def test_from_in_the_query_is_honoured_when_the_protocol_gives_no_dataset(readonly):
    query = f"PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?title FROM <{BETA}> WHERE {{ ?r dcterms:title ?title }}"
    answer = get(readonly, query).json()
    assert [row["title"]["value"] for row in answer["results"]["bindings"]] == ["Publish stop and search figures"]


@pytest.mark.parametrize(("accept", "media_type", "results_format"), [
    ("application/sparql-results+json", "application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", pyoxigraph.QueryResultsFormat.XML),
    ("text/csv", "text/csv", None),  # lossy: pyoxigraph does not parse it back; see the next test
    ("text/tab-separated-values", "text/tab-separated-values", pyoxigraph.QueryResultsFormat.TSV),
    ("application/json", "application/json", pyoxigraph.QueryResultsFormat.JSON),
    ("*/*", "application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml",
     pyoxigraph.QueryResultsFormat.XML),
])
def test_select_results_come_in_the_negotiated_format(readonly, accept, media_type, results_format):
    response = get(readonly, SELECT_TITLES, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    if results_format is None:
        assert len(response.text.splitlines()) == 1 + 3
    else:
        assert len(list(pyoxigraph.parse_query_results(response.content, results_format))) == 3


def test_csv_results_are_plain_values(readonly):
    response = get(readonly, SELECT_TITLES, "text/csv")
    assert response.text.splitlines()[0] == "rec,title"
    assert response.text.splitlines()[1] == "https://w3id.org/recgraph/id/report/audit-two/rec/5,Publish stop and search figures"


@pytest.mark.parametrize(("accept", "media_type", "rdf_format"), [
    ("text/turtle", "text/turtle", pyoxigraph.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
    ("application/ld+json", "application/ld+json", pyoxigraph.RdfFormat.JSON_LD),
    ("application/rdf+xml", "application/rdf+xml", pyoxigraph.RdfFormat.RDF_XML),
    (None, "text/turtle", pyoxigraph.RdfFormat.TURTLE),
])
def test_construct_graphs_come_in_the_negotiated_format(readonly, accept, media_type, rdf_format):
    response = get(readonly, CONSTRUCT_REC_1, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    triples = {str(q.triple) for q in pyoxigraph.parse(response.content, rdf_format)}
    assert f'<{REC_1}> <https://w3id.org/recgraph/ontology#status> "complete"' in triples
    assert len(triples) == 4


def test_ask_answers_true_or_false(readonly):
    assert get(readonly, f"ASK {{ <{REC_1}> ?p ?o }}").json() == {"head": {}, "boolean": True}
    assert get(readonly, "ASK { <http://nowhere.example/> ?p ?o }").json()["boolean"] is False


def test_a_malformed_query_gets_400_with_the_parsers_message(readonly):
    response = get(readonly, "SELEC ?s WHERE { ?s ?p ?o }")
    assert response.status_code == 400
    assert response.text.startswith("malformed query: error at 1:")


def test_an_unacceptable_format_gets_406_listing_what_is_available(readonly):
    response = get(readonly, SELECT_TITLES, "text/turtle")
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


def test_post_form_and_direct_post_give_the_same_answer(readonly):
    by_get = get(readonly, SELECT_TITLES).json()
    by_form = httpx.post(f"{readonly}/sparql", data={"query": SELECT_TITLES}, timeout=10.0).json()
    by_direct = httpx.post(f"{readonly}/sparql", content=SELECT_TITLES.encode(),
                           headers={"Content-Type": "application/sparql-query"}, timeout=10.0).json()
    assert by_get == by_form == by_direct


def test_get_without_a_query_describes_the_service(readonly):
    response = httpx.get(f"{readonly}/sparql", timeout=10.0)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    description = pyoxigraph.Store()
    description.load(response.content, pyoxigraph.RdfFormat.TURTLE)
    ask = """PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
    PREFIX formats: <http://www.w3.org/ns/formats/>
    ASK { ?service a sd:Service ; sd:endpoint <%s/sparql> ; sd:supportedLanguage sd:SPARQL11Query ;
          sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_CSV, formats:JSON-LD ;
          sd:feature sd:UnionDefaultGraph ;
          sd:defaultDataset/sd:namedGraph/sd:name <%s>, <%s> .
          FILTER NOT EXISTS { ?service sd:supportedLanguage sd:SPARQL11Update } }""" % (readonly, ALPHA, BETA)
    assert bool(description.query(ask))


def test_the_description_is_also_available_as_json_ld(readonly):
    response = httpx.get(f"{readonly}/sparql", headers={"Accept": "application/ld+json"}, timeout=10.0)
    assert response.headers["content-type"] == "application/ld+json"
    assert isinstance(json.loads(response.text), (list, dict))


def test_a_browser_opening_the_endpoint_gets_the_query_page(readonly):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = httpx.get(f"{readonly}/sparql", headers={"Accept": browser}, timeout=10.0)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<textarea" in response.text


def test_the_query_page_works_offline_from_the_servers_own_files(readonly):
    page = httpx.get(f"{readonly}/query", timeout=10.0)
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text  # nothing fetched from elsewhere
    for asset in ("/static/query.js", "/static/query.css"):
        assert f'"{asset}"' in page.text
        assert httpx.get(readonly + asset, timeout=10.0).status_code == 200
    script = httpx.get(f"{readonly}/static/query.js", timeout=10.0).text
    assert ".innerHTML" not in script and "insertAdjacentHTML" not in script  # answers stay text


def test_the_root_leads_people_to_the_query_page(readonly):
    response = httpx.get(readonly + "/", timeout=10.0)
    assert response.status_code == 303 and response.headers["location"] == "/query"


def test_cors_lets_browser_tools_query_from_another_origin(readonly):
    origin = {"Origin": "https://yasgui.example"}
    response = httpx.get(f"{readonly}/sparql", params={"query": "ASK {}"}, headers=origin, timeout=10.0)
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(f"{readonly}/sparql", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"}, timeout=10.0)
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()


def test_errors_carry_cors_headers_so_browser_tools_can_show_them(readonly):
    response = httpx.get(f"{readonly}/sparql", params={"query": "ASK {"}, headers={"Origin": "https://a.example"},
                         timeout=10.0)
    assert response.status_code == 400
    assert response.headers["access-control-allow-origin"] == "*"


def test_other_methods_are_not_allowed_on_the_endpoint(readonly):
    assert httpx.delete(f"{readonly}/sparql", timeout=10.0).status_code == 405


def test_an_invalid_graph_iri_in_the_protocol_is_refused(readonly):
    response = get(readonly, "ASK {}", **{"default-graph-uri": "not an iri"})
    assert response.status_code == 400
    assert "not a valid absolute IRI" in response.text


def test_relative_iris_resolve_against_the_endpoint(readonly):
    answer = get(readonly, "SELECT ?x WHERE { BIND(<relative> AS ?x) }").json()
    assert answer["results"]["bindings"][0]["x"]["value"] == f"{readonly}/relative"
