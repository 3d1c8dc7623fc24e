"""`recgraph build | validate | query | export | docs`: exit codes, messages and outputs."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.store.queries import saved_queries
from recgraph.graph.store.database import build_store, open_store
from recgraph.graph.store.validation import union_graph

PAPERS = recgraph.data_path() / "papers"


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed papers built through the command line, once for this module."""
    location = tmp_path_factory.mktemp("cli") / ".recgraph"
    result = run("build", PAPERS, "--store", location)
    assert result.exit_code == 0, result.output
    return location, result


def test_build_reads_builds_validates_and_stores_the_seed_papers(built):
    location, result = built
    assert "Graph built" in result.stdout
    assert "The graph conforms to the shapes." in result.stdout
    for name in ("000_e465e3dd12847c8c.txt", "004_2d7aea74777c19f4.txt"):
        assert name[:6] in result.stdout
    assert (location / "CURRENT").is_file()


def test_build_reports_a_paper_it_cannot_read_and_builds_the_rest(tmp_path):
    (tmp_path / "papers").mkdir()
    shutil.copy(PAPERS / "004_2d7aea74777c19f4.txt", tmp_path / "papers")
    (tmp_path / "papers" / "empty.txt").write_text("")
    result = run("build", tmp_path / "papers", "--store", tmp_path / "store", "--no-validate")
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'papers' / 'empty.txt'}: is empty: there is nothing to read" in result.stderr
    assert "Validation skipped" in result.stdout
    assert len(open_store(tmp_path / "store")) > 0


def test_build_with_nothing_readable_stops_with_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("build", tmp_path / "empty.txt", "--store", tmp_path / "store")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert not (tmp_path / "store").exists()


def test_build_takes_the_base_from_the_option_or_the_environment(tmp_path):
    paper = PAPERS / "004_2d7aea74777c19f4.txt"
    assert run("build", paper, "--store", tmp_path / "a", "--base", "http://example.org/kg", "--no-validate").exit_code == 0
    assert run("build", paper, "--store", tmp_path / "b", "--no-validate", env={"RECGRAPH_BASE": "http://example.org/env/"}).exit_code == 0
    for location, base in ((tmp_path / "a", "http://example.org/kg/"), (tmp_path / "b", "http://example.org/env/")):
        subjects = {q.subject.value for q in open_store(location) if q.subject.value.startswith("http://example.org/")}
        assert f"{base}report/operational-support-review/rec/11" in subjects


def test_a_bad_base_is_one_error_line_and_exit_2(tmp_path):
    result = run("build", PAPERS / "004_2d7aea74777c19f4.txt", "--store", tmp_path / "s", "--base", "not an iri")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("Error: base IRI 'not an iri' (from --base) is not an absolute IRI")


def test_validate_says_the_seed_graph_conforms(built):
    result = run("validate", "--store", built[0])
    assert result.exit_code == 0
    assert result.stdout.strip() == "The graph conforms to the shapes."


def test_validate_prints_each_violation_and_exits_1(tmp_path, paper_a):
    from dataclasses import replace

    paper_a.paper = replace(paper_a.paper, date="Sept 2002")
    build_store([paper_a], tmp_path / "store")
    result = run("validate", "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert ("Violation: https://w3id.org/recgraph/id/paper/a-paper dcterms:date: A paper's date must be an xsd:date, "
            "xsd:gYearMonth or xsd:gYear (yyyy-mm-dd, yyyy-mm or yyyy). (value: Sept 2002)") in result.stdout.replace("\n", " ")
    assert "1 violation(s): the graph does not conform to the shapes." in result.stderr


def test_a_missing_store_is_one_error_line_and_exit_2(tmp_path):
    for command in (["validate"], ["query", "papers"], ["export"]):
        result = run(*command, "--store", tmp_path / "none")
        assert result.exit_code == 2
        assert result.stderr.startswith(f"Error: no recgraph store at {tmp_path / 'none'}: run `recgraph build` first")


def test_query_list_names_every_saved_query_with_its_question():
    result = run("query", "--list")
    assert result.exit_code == 0
    for name in saved_queries():
        assert name in result.stdout


def test_query_by_name_as_csv(built):
    result = run("query", "reports", "--store", built[0], "--format", "csv")
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["key"]: int(row["recommendations"]) for row in table}["winning-consent"] == 29


def test_query_sparql_text_as_a_table_with_a_bound_variable(built):
    sparql = "SELECT ?label ?text WHERE { ?r rdfs:label ?label ; rg:text ?text }"
    result = run("query", sparql, "--store", built[0], "--bind", "label=district-audit-ppp-2001-02/6")
    assert result.exit_code == 0, result.output
    assert "1 row(s)" in result.stdout
    unprojected = run("query", "SELECT ?text WHERE { ?r rdfs:label ?label ; rg:text ?text }", "--store", built[0],
                      "--bind", "label=x")
    assert unprojected.exit_code == 2
    assert "a bound variable must be one the query selects" in unprojected.stderr


def test_query_construct_as_turtle_to_a_file(built, tmp_path):
    out = tmp_path / "keys.ttl"
    sparql = "CONSTRUCT { ?r rg:key ?k } WHERE { ?r rg:key ?k }"
    assert run("query", sparql, "--store", built[0], "--format", "turtle", "--out", out).exit_code == 0
    assert len(rdflib.Graph().parse(out, format="turtle")) == 7


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT WHERE {", "Error: query: SPARQL syntax error at line 1, column "),
        ("no-such-query", "Error: 'no-such-query' is not a saved query, a .rq file or SPARQL"),
    ],
)
def test_a_bad_query_is_one_error_line_and_exit_2(built, query, message):
    result = run("query", query, "--store", built[0])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_export_to_turtle_reloads_isomorphic_to_the_store(built, tmp_path):
    out = tmp_path / "graph.ttl"
    assert run("export", "--store", built[0], "--out", out).exit_code == 0
    assert isomorphic(rdflib.Graph().parse(out, format="turtle"), union_graph(open_store(built[0])))


def test_export_one_paper_graph_as_n_quads(built):
    result = run("export", "--store", built[0], "--graph", "004_2d7aea74777c19f4.txt", "--format", "nquads")
    assert result.exit_code == 0
    graphs = {line.rsplit(" ", 2)[-2] for line in result.stdout.splitlines() if line}
    assert graphs == {"<https://w3id.org/recgraph/id/graph/004-2d7aea74777c19f4>"}


def test_docs_writes_a_page_of_classes_properties_vocabularies_and_queries(tmp_path):
    result = run("docs", "--out", tmp_path / "site")
    assert result.exit_code == 0
    page = (tmp_path / "site" / "ontology.html").read_text()
    for expected in ("id='Recommendation'", "id='reiterates'", "awaiting external action", "PRISM", "open-by-owner"):
        assert expected in page
