"""One meaning per word: open, closed and stale are counted alike everywhere (issue 16 item 4).

docs/analyses.md defines them once; the analyses (owners, stats, the projection's columns), the
saved queries (open-by-owner, recommendation-states) and the owner view must agree on the seed
papers and on a synthetic corpus, and on a hand-made graph where mentions carry statuses.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import recgraph
from recgraph.graph.analyses import graph_stats, owner_load
from recgraph.graph.analyses.network import recommendation_graph
from recgraph.graph.analyses.projection import Projection
from recgraph.graph.store.queries import resolve_query, run_query


def build(papers: Path, location: Path) -> Path:
    from recgraph.graph.rdf.iri import Minter
    from recgraph.graph.rdf.writer import enrichment_nquads
    from recgraph.graph.reading.papers import ReadOptions, read_papers
    from recgraph.graph.store.database import build_store

    mint = Minter("https://w3id.org/recgraph/id/")
    results = read_papers([papers], ReadOptions()).results
    build_store(results, location, mint=mint, extra_nquads=enrichment_nquads(results, mint))
    return location


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return build(recgraph.data_path() / "papers", tmp_path_factory.mktemp("seeds") / "store")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    from recgraph.graph.synthetic import generate_corpus

    folder = tmp_path_factory.mktemp("synthetic")
    generate_corpus(folder, 120, seed=3)
    return build(folder / "papers", folder / "store")


def saved(store: ox.Store, name: str) -> list[dict]:
    _, sparql = resolve_query(name)
    solutions = run_query(store, sparql, label=name)
    names = [v.value for v in solutions.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in solutions]


def counts(location) -> dict:
    """Open, closed and stale as each analysis, query and view counts them."""
    from recgraph.graph.store.database import open_store
    from recgraph.visualisations.owners import build_owner_view

    projection = Projection(location, keep=False)
    recs = projection.recommendations(text=False)
    stats = graph_stats(projection).set_index("measure")["value"]
    owners = owner_load(projection)
    store = open_store(location) if not isinstance(location, ox.Store) else location
    by_owner = saved(store, "open-by-owner")
    states = saved(store, "recommendation-states")
    view = build_owner_view(recommendation_graph(projection))
    return {
        "projection": (int((~recs["closed"]).sum()), int(recs["closed"].sum()), int(recs["stale"].sum())),
        "stats": (int(stats["open"]), int(stats["closed"]), int(stats["stale"])),
        "owners": (int(owners["open"].sum()), int(owners["closed"].sum()), int(owners["stale"].sum())),
        "open-by-owner": (sum(int(r["open"]) for r in by_owner), None, None),
        "recommendation-states": (sum(r["state"] == "open" for r in states), sum(r["state"] == "closed" for r in states),
                                  sum(r["stale"] == "true" for r in states)),
        "owner view": (view.stats["open"], None, None),
        "open labels": (sorted(recs.loc[~recs["closed"], "label"]),
                        sorted(label for r in by_owner for label in r["recommendations"].split(", ") if label),
                        sorted(r["recommendation"] for r in states if r["state"] == "open")),
        "owners of the open": (sorted((r["owner"], int(r["open"])) for r in by_owner),
                               sorted((o, int(n)) for o, n in zip(owners["owner"], owners["open"]) if n)),
    }


def assert_agree(found: dict) -> tuple[int, int, int]:
    expected = found["projection"]
    for name in ("stats", "owners", "open-by-owner", "recommendation-states", "owner view"):
        got = found[name]
        assert all(g is None or g == e for g, e in zip(got, expected)), f"{name} counts {got}, the projection {expected}"
    by_projection, by_owner, by_states = found["open labels"]
    assert by_projection == by_owner == by_states
    assert found["owners of the open"][0] == found["owners of the open"][1]
    return expected


def test_open_closed_and_stale_agree_on_the_seeds(seeds):
    open_, closed, stale = assert_agree(counts(seeds))
    assert open_ > 0 and closed > 0  # development data: both kinds are there to be counted


def test_open_closed_and_stale_agree_on_a_synthetic_corpus(synthetic):
    open_, closed, stale = assert_agree(counts(synthetic))
    assert open_ > 0 and closed > 0


TINY = """
@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .

ex:done a rg:Status ; skos:prefLabel "complete" ; rg:closed true .
ex:doing a rg:Status ; skos:prefLabel "in progress" ; rg:closed false .
ex:p1 a rg:Paper . ex:p2 a rg:Paper . ex:p3 a rg:Paper .

# 1: in progress in 2001 and 2002: open and stale; then a 2003 mention says complete: closed
ex:r1 a rg:Recommendation ; rdfs:label "r/1" .
ex:u11 rg:reportsOn ex:r1 ; rg:inPaper ex:p1 ; dcterms:date "2001"^^xsd:gYear ; rg:status ex:doing .
ex:u12 rg:reportsOn ex:r1 ; rg:inPaper ex:p2 ; dcterms:date "2002"^^xsd:gYear ; rg:status ex:doing .
ex:m13 a rg:Mention ; rg:cites ex:r1 ; rg:inPaper ex:p3 ; dcterms:date "2003"^^xsd:gYear ; rg:status ex:done .
# 2: complete in 2001, reported in progress again in 2002 (the latest dated event wins): open
ex:r2 a rg:Recommendation ; rdfs:label "r/2" .
ex:u21 rg:reportsOn ex:r2 ; rg:inPaper ex:p2 ; dcterms:date "2002"^^xsd:gYear ; rg:status ex:doing ; rg:ownerText "HR" .
ex:u22 rg:reportsOn ex:r2 ; rg:inPaper ex:p1 ; dcterms:date "2001"^^xsd:gYear ; rg:status ex:done .
# 3: no status at all: open, not stale; 4: in progress twice, then a mention without status: stale
ex:r3 a rg:Recommendation ; rdfs:label "r/3" .
ex:r4 a rg:Recommendation ; rdfs:label "r/4" .
ex:u41 rg:reportsOn ex:r4 ; rg:inPaper ex:p1 ; dcterms:date "2001"^^xsd:gYear ; rg:status ex:doing .
ex:u42 rg:reportsOn ex:r4 ; rg:inPaper ex:p2 ; dcterms:date "2002"^^xsd:gYear ; rg:status ex:doing ; rg:ownerText "HR" .
ex:m43 a rg:Mention ; rg:cites ex:r4 ; rg:inPaper ex:p3 ; dcterms:date "2003"^^xsd:gYear .
"""


def test_the_definitions_on_a_graph_worked_out_by_hand():
    store = ox.Store()
    store.load(TINY.encode(), format=ox.RdfFormat.TURTLE)
    recs = Projection(store, keep=False).recommendations(text=False).set_index("label")
    assert recs["closed"].to_dict() == {"r/1": True, "r/2": False, "r/3": False, "r/4": False}
    assert recs["stale"].to_dict() == {"r/1": False, "r/2": False, "r/3": False, "r/4": True}
    assert_agree(counts(store))
    assert sorted((r["owner"], int(r["open"])) for r in saved(store, "open-by-owner")) == [("(no owner stated)", 1), ("HR", 2)]


def test_the_trace_of_a_seed_record_rebuilt_from_fragments_says_so(seeds):
    """The honesty of item 2 on development data: the District Audit row the reader rebuilt."""
    from recgraph.graph.analyses import trace
    from recgraph.graph.analyses.trace_report import trace_markdown

    projection = Projection(seeds, keep=False)
    recs = projection.recommendations(text=False)
    with_caveats = [iri for iri, notes in projection.notes().items() if notes["caveats"]]
    assert with_caveats, "the seeds hold a row rebuilt from fragments"
    found = trace(projection, with_caveats[0])
    assert any("fragments" in caveat or "cells" in caveat for caveat in found.caveats)
    assert "Reading caveats" in trace_markdown(found)
    [[rec]] = [[row["rec"]] for row in projection.source.select(
        "SELECT ?rec WHERE { ?u rg:reportsOn ?rec ; rg:inPaper/rg:dateSource 'catalogue' } LIMIT 1").to_dict("records")]
    catalogued = trace(projection, rec)
    assert "catalogue" in {u.date_source for u in catalogued.updates}
    assert "(from the catalogue, not printed)" in trace_markdown(catalogued)
    assert rec in recs.index
