"""The enrichment and links become quads of the ontology's terms, and the graph conforms."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from recgraph.graph.enrich.model import (
    Dependency,
    Enrichment,
    Evidence,
    OwnerMatch,
    OwnerUnit,
    StatusAssignment,
    ThemeTag,
)
from recgraph.graph.rdf.enrichment import enrichment_quads
from recgraph.graph.rdf.iri import Minter
from recgraph.graph.linking import Links
from recgraph.graph.rdf.writer import write_nquads
from recgraph.graph.store.database import ontology_files
from recgraph.graph.store.validation import validate_store

RG = "https://w3id.org/recgraph/ontology#"
MINT = Minter("http://example.org/")
GRAPH = MINT.enrichment_graph("links")


def triples(quads):
    """(subject, predicate, object) values; ontology predicates by their local name."""
    return {(q.subject.value, q.predicate.value.removeprefix(RG), q.object.value) for q in quads}


def test_a_theme_tag_is_a_link_with_evidence_and_a_direct_statement():
    tag = ThemeTag(("r", "1"), "https://w3id.org/recgraph/theme/appraisal", "appraisal", (Evidence("text", "appraisal", "appraisals"),))
    quads = enrichment_quads(Enrichment(themes={("r", "1"): (tag,)}), Links(), GRAPH, MINT)
    got = triples(quads)
    link = "http://example.org/link/theme-tag/r/1/appraisal"
    rec = "http://example.org/report/r/rec/1"
    assert {
        (link, "source", rec),
        (link, "target", "https://w3id.org/recgraph/theme/appraisal"),
        (link, "evidence", "text: 'appraisals' (appraisal)"),
        (rec, "theme", "https://w3id.org/recgraph/theme/appraisal"),
    } <= got
    assert all(q.graph_name.value == GRAPH for q in quads)


def test_an_unknown_owner_becomes_an_owner_unit_with_its_printed_name():
    match = OwnerMatch(("r", "1", "p.txt"), "Borough Commander", OwnerUnit("Borough Commander"), "no label matches: new unit")
    status = StatusAssignment("https://w3id.org/recgraph/status/complete", "complete", "explicit", "label 'Action complete'")
    got = triples(enrichment_quads(Enrichment(owners={match.update: match}, statuses={match.update: status}), Links(), GRAPH, MINT))
    update, unit = "http://example.org/update/p/r/1", "http://example.org/owner/borough-commander"
    assert {
        (update, "owner", unit),
        (unit, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", RG + "Owner"),
        (unit, "http://www.w3.org/2004/02/skos/core#prefLabel", "Borough Commander"),
        (update, "status", "https://w3id.org/recgraph/status/complete"),
        (update, "statusBasis", "explicit"),
        (update, "statusRule", "label 'Action complete'"),
    } <= got


def test_a_programme_dependency_names_the_programme_and_states_subsumed_into():
    dep = Dependency(("r", "11"), "programme", "MPS Career Pathways Programme", "It is subsumed into the MPS Career Pathways Programme.", "subsumed into")
    got = triples(enrichment_quads(Enrichment(), Links(dependencies=(dep,)), GRAPH, MINT))
    programme = "http://example.org/programme/mps-career-pathways-programme"
    assert {
        ("http://example.org/report/r/rec/11", "subsumedInto", programme),
        (programme, "http://www.w3.org/2000/01/rdf-schema#label", "MPS Career Pathways Programme"),
        ("http://example.org/link/dependency/r/11/1", "phrase", "It is subsumed into the MPS Career Pathways Programme."),
    } <= got


@pytest.mark.filterwarnings("ignore")
def test_the_seed_graph_with_its_enrichment_conforms_to_the_shapes(seed_results, seed_enrichment, seed_links):
    mint = Minter()
    store = ox.Store()
    for name, path in ontology_files().items():
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(mint.ontology_graph(name)))
    papers = io.StringIO()
    write_nquads(seed_results, mint, papers)
    store.bulk_load(input=papers.getvalue().encode(), format=ox.RdfFormat.N_QUADS)
    quads = enrichment_quads(seed_enrichment, seed_links, mint.enrichment_graph("links"), mint)
    store.extend(quads)
    report = validate_store(store)
    assert report.conforms, report.violations[:5]
    kinds = {q.object.value.rsplit("#", 1)[-1] for q in quads if q.predicate.value.endswith("#type")}
    assert {"Repeat", "Dependency", "ThemeTag", "SystemMention", "Programme"} <= kinds
