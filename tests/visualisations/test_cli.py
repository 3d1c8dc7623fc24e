"""``recgraph view`` through CliRunner, on a store of three recommendations (one quoting markup)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli

GRAPH = """
@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ex: <http://example.org/id/> .

ex:done a rg:Status ; skos:prefLabel "complete" ; rg:closed true .
ex:going a rg:Status ; skos:prefLabel "in progress" ; rg:closed false .
ex:training a rg:Theme ; skos:prefLabel "training" .
ex:prism a rg:System ; skos:prefLabel "PRISM" .
ex:report-a a rg:SourceReport ; rg:key "rep-a" ; dcterms:title "Report A" ; rg:year "2000" .
ex:report-b a rg:SourceReport ; rg:key "rep-b" ; dcterms:title "Report B" ; rg:year "2004" .

ex:a1 a rg:Recommendation ; rdfs:label "rep-a/1" ; rg:number "1" ; rg:sourceReport ex:report-a ;
    rg:text "Train staff <script>alert(1)</script>." ; rg:theme ex:training ; rg:mentionsSystem ex:prism .
ex:a2 a rg:Recommendation ; rdfs:label "rep-a/2" ; rg:number "2" ; rg:sourceReport ex:report-a ;
    rg:text "Keep data on PRISM." ; rg:dependsOn ex:prism .
ex:b1 a rg:Recommendation ; rdfs:label "rep-b/1" ; rg:number "1" ; rg:sourceReport ex:report-b ;
    rg:text "Train all staff." ; rg:theme ex:training ; rg:reiterates ex:a1 .
ex:u1 a rg:ProgressUpdate ; rg:reportsOn ex:a1 ; dcterms:date "2001-01" ; rg:status ex:done .
ex:u2 a rg:ProgressUpdate ; rg:reportsOn ex:b1 ; dcterms:date "2005-01" ; rg:status ex:going .
ex:link a rg:Repeat ; rg:source ex:b1 ; rg:target ex:a1 ; rg:score 0.7 ; rg:evidence "shared terms: train, staff" .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from recgraph.graph.store.database import build_store

    memory = ox.Store()
    memory.load(GRAPH.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    quads = ox.serialize(memory, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    location = tmp_path_factory.mktemp("views") / "store"
    build_store([], location, extra_nquads=quads.splitlines(keepends=True))
    return location


def run(*args: str):
    return CliRunner().invoke(cli, ["view", *args])


def test_view_writes_the_four_views_and_an_index_and_prints_the_index_path(store, tmp_path):
    result = run("--store", str(store), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "index.html")
    assert sorted(p.name for p in tmp_path.glob("*.html")) == [
        "dependencies.html", "index.html", "owners.html", "repeats.html", "themes.html"]
    assert "Wrote repeats.html: 2 nodes" in result.stderr
    assert "<script>alert(1)" not in (tmp_path / "themes.html").read_text(encoding="utf-8")


def test_view_name_writes_one_view_and_keeps_the_others_in_the_index(store, tmp_path):
    run("--store", str(store), "--out", str(tmp_path), "themes")
    result = run("repeats", "--store", str(store), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "repeats.html")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="themes.html"' in index and 'href="repeats.html"' in index


def test_view_trace_writes_the_ego_view_of_one_recommendation(store, tmp_path):
    result = run("trace", "rep-b/1", "--store", str(store), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "trace-rep-b-1.html")
    page = (tmp_path / "trace-rep-b-1.html").read_text(encoding="utf-8")
    assert "Recommendation rep-b/1" in page and "rep-a/1" in page  # the recommendation it repeats
    assert 'href="trace-rep-b-1.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_the_default_folder_is_views_in_the_store_folder(store):
    result = run("owners", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(store / "views" / "owners.html")


def test_an_unknown_recommendation_is_one_error_line_with_exit_code_2(store, tmp_path):
    result = run("trace", "rep-a/9", "--store", str(store), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no recommendation 'rep-a/9' in the graph")


@pytest.mark.parametrize("args, message", [
    (["trace"], "give the recommendation to trace"),
    (["themes", "rep-a/1"], "only `view trace` takes a recommendation"),
    (["sideways"], "'sideways' is not one of"),
])
def test_bad_usage_exits_2(store, args, message):
    result = run(*args, "--store", str(store))
    assert result.exit_code == 2 and message in result.stderr


def test_a_missing_store_is_one_error_line(tmp_path):
    result = run("--store", str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
