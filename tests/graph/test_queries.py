"""Saved queries, running SPARQL, result formats and the Python API (DataFrames)."""

from __future__ import annotations

import json
from importlib import resources

import pandas
import pytest
import rdflib

from recgraph.errors import QueryError
from recgraph.graph.rdf.iri import Minter
from recgraph.graph.store.knowledge import open_graph
from recgraph.graph.rdf.namespaces import OWNER, RG, STATUS, SYSTEM, THEME
from recgraph.graph.rdf.writer import enrichment_nquads as enrichment_nquads_of
from recgraph.graph.store.queries import ResultFormat, resolve_query, result_rows, run_query, saved_queries, serialize_result
from recgraph.graph.store.database import build_store, open_store
from recgraph.graph.store.validation import validate_store

SAVED = sorted(saved_queries())
PAPER_000, PAPER_001 = "000-e465e3dd12847c8c", "001-feb76c68d8c1448c"


def enrichment_nquads() -> list[str]:
    """A few links of the kinds the enrichment makes, between seed recommendations (hand-made)."""
    mint = Minter("https://w3id.org/recgraph/id/")
    graph = f"<{mint.enrichment_graph('links')}> .\n"
    appraisal_2000 = mint.recommendation("hmic-mps-2000-01", "26")
    appraisal_2002 = mint.recommendation("district-audit-ppp-2001-02", "R6")
    repeat, dependency, related = mint.link("repeat", "x"), mint.link("dependency", "y"), mint.link("related", "v")
    mentoring_2000, mentoring_2010 = mint.recommendation("winning-consent", "24"), mint.recommendation("race-and-faith", "7(c)")
    tag, mention = mint.link("theme-tag", "z"), mint.link("system-mention", "w")
    facts = [
        (repeat, RDF_TYPE, RG.Repeat), (repeat, RDF_TYPE, RG.Link), (repeat, RG.source, appraisal_2002),
        (repeat, RG.target, appraisal_2000), (repeat, RG.score, '"0.62"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        (repeat, RG.evidence, '"shared: appraisal, backlog"'), (repeat, RG.sharedTerm, '"appraisal"'),
        (repeat, RG.sharedTheme, THEME.appraisal), (repeat, RG.recurringDespiteClosure, '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'),
        (appraisal_2002, RG.reiterates, appraisal_2000),
        (related, RDF_TYPE, RG.Related), (related, RG.source, mentoring_2010), (related, RG.target, mentoring_2000),
        (related, RG.score, '"0.3"^^<http://www.w3.org/2001/XMLSchema#decimal>'), (related, RG.evidence, '"same area"'),
        (mentoring_2010, RG.relatedTo, mentoring_2000),
        (mint.update(PAPER_000, "hmic-mps-2000-01", "26"), RG.status, STATUS.complete),
        (mint.update(PAPER_001, "winning-consent", "2"), RG.owner, OWNER["human-resources"]),
        (dependency, RDF_TYPE, RG.Dependency), (dependency, RG.source, appraisal_2000), (dependency, RG.target, SYSTEM.cris),
        (dependency, RG.phrase, '"Appraisals will be recorded on CRIS"'), (appraisal_2000, RG.dependsOn, SYSTEM.cris),
        (tag, RDF_TYPE, RG.ThemeTag), (tag, RG.source, appraisal_2000), (tag, RG.target, THEME.appraisal),
        (tag, RG.evidence, '"appraisals"'), (appraisal_2000, RG.theme, THEME.appraisal),
        (mention, RDF_TYPE, RG.SystemMention), (mention, RG.source, appraisal_2000), (mention, RG.target, SYSTEM.cris),
        (mention, RG.evidence, '"CRIS"'), (appraisal_2000, RG.mentionsSystem, SYSTEM.cris),
    ]
    return [f"<{s}> <{p}> {o if str(o).startswith(chr(34)) else f'<{o}>'} {graph}" for s, p, o in facts]


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SKOS_PREF = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")


def ontology_graph(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(str(resources.files("recgraph.ontology") / f"{name}.ttl"))


@pytest.fixture(scope="module")
def enriched_store(tmp_path_factory, seed_results):
    location = tmp_path_factory.mktemp("enriched") / ".recgraph"
    build_store(seed_results, location, extra_nquads=enrichment_nquads())
    return open_store(location)


@pytest.fixture(scope="module")
def fully_enriched_store(tmp_path_factory, seed_results):
    """The seed papers with the enrichment and links ``recgraph build`` writes."""
    location = tmp_path_factory.mktemp("fully-enriched") / ".recgraph"
    build_store(seed_results, location, extra_nquads=enrichment_nquads_of(seed_results, Minter()))
    return open_store(location)


def rows(store, name, **bindings):
    label, text = resolve_query(name)
    columns, values = result_rows(run_query(store, text, bindings, label))
    return [dict(zip(columns, row)) for row in values]


def test_there_are_at_least_twelve_saved_queries_each_saying_what_it_answers():
    queries = saved_queries()
    assert len(queries) >= 12
    for query in queries.values():
        assert query.description[0].isupper() and len(query.description) > 30, query.name


@pytest.mark.parametrize("name", SAVED)
def test_every_saved_query_runs_on_the_seed_graph_and_returns_rows(enriched_store, name):
    assert rows(enriched_store, name), f"{name} returned no rows"


def test_the_enriched_seed_graph_still_conforms(enriched_store):
    report = validate_store(enriched_store)
    assert report.conforms, "\n".join(map(str, report.violations))


def test_recommendations_per_source_report_match_the_reference(seed_store, seed_facts):
    found = {r["key"]: {"recommendations": r["recommendations"], "lettered_parts": r["lettered_parts"]}
             for r in rows(open_store(seed_store), "reports")}
    assert found == seed_facts["report_counts"]


def test_reports_count_the_whole_recommendations_and_parts_the_reader_read(seed_store, seed_results):
    read: dict[str, tuple[set, set]] = {}
    for result in seed_results:
        for rec in result.recommendations:
            whole, parts = read.setdefault(rec.source_report, (set(), set()))
            (parts if rec.parent else whole).add(rec.number)
    found = {r["key"]: (r["recommendations"], r["lettered_parts"]) for r in rows(open_store(seed_store), "reports")}
    assert found == {key: (len(whole), len(parts)) for key, (whole, parts) in read.items()}


def test_the_eight_cross_references_of_the_reference_are_resolved(seed_store, seed_facts):
    found = sorted([r["from"], r["to"]] for r in rows(open_store(seed_store), "cross-references"))
    assert found == seed_facts["cross_references"]


def test_systems_are_found_by_name_before_any_enrichment(seed_store):
    # Without the enrichment the query finds the register's names (systems.ttl) in the text, as words.
    found = rows(open_store(seed_store), "systems")
    register = {str(label) for label in ontology_graph("systems").objects(None, SKOS_PREF)}
    assert found and {r["how"] for r in found} == {"named in the text"}
    assert {r["system"] for r in found} <= register
    assert all(r["evidence_found"] for r in found)


def test_on_an_enriched_store_systems_come_from_the_enrichment_and_cover_every_name_in_the_text(
    fully_enriched_store,
):
    found = rows(fully_enriched_store, "systems")
    assert {r["how"] for r in found} == {"depends on", "mentions"}  # no text search when the enrichment ran
    depends = [r for r in found if r["how"] == "depends on"]
    assert depends and all(r["evidence_found"] for r in found)
    # a dependency is a mention too, with the words of the sentence that says so
    assert {(r["system"], r["label"]) for r in depends} <= {(r["system"], r["label"]) for r in found if r["how"] == "mentions"}


def test_repeats_list_what_each_link_shares(enriched_store, fully_enriched_store):
    assert [(r["later"], r["earlier"], r["score"], r["despite_closure"], r["shared_terms"], r["shared_themes"],
             r["shared_systems"]) for r in rows(enriched_store, "repeats")] == [
        ("district-audit-ppp-2001-02/6", "hmic-mps-2000-01/26", 0.62, True, "appraisal", "appraisal and performance management", None)]
    shared = rows(fully_enriched_store, "SELECT ?later ?earlier ?what ?value WHERE { ?link a rg:Repeat ; "
                  "rg:source/rdfs:label ?later ; rg:target/rdfs:label ?earlier . { ?link rg:sharedTerm ?value "
                  "BIND ('terms' AS ?what) } UNION { ?link rg:sharedTheme/skos:prefLabel ?value BIND ('themes' AS ?what) } "
                  "UNION { ?link rg:sharedSystem/skos:prefLabel ?value BIND ('systems' AS ?what) } }")
    expected: dict[tuple, set[str]] = {}
    for r in shared:
        expected.setdefault((r["later"], r["earlier"], r["what"]), set()).add(r["value"])
    found = rows(fully_enriched_store, "repeats")
    assert len(found) == len({(r["later"], r["earlier"]) for r in shared}) > 0  # issue 15: reiterates only
    for r in found:
        for what in ("terms", "themes", "systems"):
            listed = set(r[f"shared_{what}"].split(", ")) if r[f"shared_{what}"] else set()
            assert listed == expected.get((r["later"], r["earlier"], what), set()), (r["later"], r["earlier"], what)


def test_papers_and_the_reports_they_track(seed_store):
    found = rows(open_store(seed_store), "papers")
    assert len({r["file"] for r in found}) == 5
    assert sorted(r["report"].rsplit("/", 1)[1] for r in found if r["file"].startswith("000")) == [
        "hmic-mps-2000-01", "open-all-hours", "winning-consent-carried-forward"]


def test_recurring_despite_closure_finds_the_appraisal_backlog(enriched_store):
    assert [(r["earlier"], r["later"], r["closed_status"]) for r in rows(enriched_store, "recurring-despite-closure")] == [
        ("hmic-mps-2000-01/26", "district-audit-ppp-2001-02/6", "complete")]


def test_a_saved_query_takes_bound_variables(seed_store):
    found = rows(open_store(seed_store), "timeline", label="winning-consent/22")
    assert [r["label"] for r in found] == ["winning-consent/22"]
    assert found[0]["status_phrase"] == "The MPS considers action to be complete."


def test_a_query_is_a_saved_name_a_file_or_sparql(tmp_path):
    assert resolve_query("papers")[1] == saved_queries()["papers"].text
    (tmp_path / "mine.rq").write_text("# Mine?\nSELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert resolve_query(str(tmp_path / "mine.rq")) == (str(tmp_path / "mine.rq"), "# Mine?\nSELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert resolve_query("ASK { ?s ?p ?o }") == ("query", "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="'nonsense' is not a saved query.*recgraph query --list"):
        resolve_query("nonsense")
    with pytest.raises(QueryError, match="cannot read the query file"):
        resolve_query(str(tmp_path / "missing.rq"))


def test_a_syntax_error_names_the_query_and_the_position(seed_store):
    with pytest.raises(QueryError, match=r"mine: SPARQL syntax error at line 1, column 16: "):
        run_query(open_store(seed_store), "SELECT WHERE { ?s ?p ?o }", label="mine")


def test_results_are_serialised_by_pyoxigraph_in_standard_formats(seed_store):
    store = open_store(seed_store)
    select = "SELECT ?key WHERE { ?r a rg:SourceReport ; rg:key ?key } ORDER BY ?key"
    csv = serialize_result(run_query(store, select), ResultFormat.CSV).decode()
    assert csv.splitlines()[:2] == ["key", "district-audit-ppp-2001-02"]
    data = json.loads(serialize_result(run_query(store, select), ResultFormat.JSON))
    assert len(data["results"]["bindings"]) == 7
    construct = "CONSTRUCT { ?r rg:key ?key } WHERE { ?r a rg:SourceReport ; rg:key ?key }"
    turtle = serialize_result(run_query(store, construct), ResultFormat.TURTLE)
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 7
    with pytest.raises(QueryError, match="gives triples"):
        serialize_result(run_query(store, construct), ResultFormat.CSV)
    with pytest.raises(QueryError, match="gives a table"):
        serialize_result(run_query(store, select), ResultFormat.TURTLE)


def test_the_python_api_answers_with_dataframes(seed_store):
    with open_graph(seed_store) as graph:
        recommendations = graph.recommendations()
        assert isinstance(recommendations, pandas.DataFrame)
        assert len(recommendations) == 122
        assert set(recommendations.columns) >= {"rec", "report_key", "number", "parent_number", "text", "latest_status_phrase"}
        assert len(graph.papers()) == 7 and len(graph.reports()) == 7 and len(graph.updates()) == 114
        counts = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?r a rg:Recommendation }")
        assert counts["n"].tolist() == [122]
        assert graph.query("ASK { ?r rg:printedNumber ?n }", n="R6")["answer"].tolist() == [True]
        triples = graph.query("CONSTRUCT { ?r rg:key ?k } WHERE { ?r rg:key ?k }")
        assert list(triples.columns) == ["subject", "predicate", "object"] and len(triples) == 7
        assert graph.manifest()["papers"][0]["file"] == "000_e465e3dd12847c8c.txt"
    with pytest.raises(QueryError, match="closed"):
        graph.query("papers")
