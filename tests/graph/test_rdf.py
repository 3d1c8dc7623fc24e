"""Records to RDF: each paper's named graph, compared as graphs (isomorphism), never as text."""

from __future__ import annotations

import io
from dataclasses import replace

import pyoxigraph
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from recgraph.errors import ReadError
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation
from recgraph.graph.rdf.namespaces import RG
from recgraph.graph.rdf.writer import date_literal, paper_nquads, write_nquads

BASE = "http://example.org/"
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
XSD = "http://www.w3.org/2001/XMLSchema#"

EXPECTED_B = """
@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <http://example.org/> .

<paper/b-paper> a rg:Paper ; rg:file "b-paper.txt" ; rg:layout "webpage" ;
    dcterms:title "Implementation report" ; dcterms:date "2004-07-12"^^xsd:date ;
    rg:tracks <report/rep-three> .
<report/rep-three> a rg:SourceReport ; rg:key "rep-three" ; dcterms:title "Review Three" ;
    rg:issuer "MPS" ; rg:year "2003" ; rg:reportKind "review" .
<report/rep-three/rec/9> a rg:Recommendation ; rdfs:label "rep-three/9" ; rg:number "9" ;
    rg:sourceReport <report/rep-three> ; rg:listedIn <paper/b-paper> ; rg:text "To civilianise posts." ;
    prov:wasDerivedFrom <span/b-paper/20-21> .
<update/b-paper/rep-three/9> a rg:ProgressUpdate ; rg:reportsOn <report/rep-three/rec/9> ;
    rg:inPaper <paper/b-paper> ; dcterms:date "2004-07-12"^^xsd:date ; rg:progress "Posts moved." ;
    rg:statusPhrase "The Implementation Board invites members to agree that this recommendation has been achieved." ;
    prov:wasDerivedFrom <span/b-paper/22-23> .
<span/b-paper/20-21> a rg:TextSpan ; rg:file "b-paper.txt" ; rg:firstLine 20 ; rg:lastLine 21 ;
    rg:inPaper <paper/b-paper> ; rg:verbatim "Recommendation 9 – To civilianise posts." .
<span/b-paper/22-23> a rg:TextSpan ; rg:file "b-paper.txt" ; rg:firstLine 22 ; rg:lastLine 23 ;
    rg:inPaper <paper/b-paper> ; rg:verbatim "Members are invited to agree ..." .
"""


def paper_graph(result: ReadResult) -> rdflib.Graph:
    """The triples of one paper's N-Quads, checked to be all in that paper's graph."""
    lines = paper_nquads(result, Minter(BASE))
    quads = list(pyoxigraph.parse("".join(lines).encode(), pyoxigraph.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {f"{BASE}graph/{paper_slug(result.paper.file)}"}
    triples = pyoxigraph.serialize((q.triple for q in quads), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=triples, format="nt")


def test_a_paper_becomes_exactly_the_expected_graph(paper_b):
    expected = rdflib.Graph().parse(data=EXPECTED_B, format="turtle")
    assert isomorphic(paper_graph(paper_b), expected)


def test_all_quads_of_a_paper_are_in_its_named_graph(paper_a):
    lines = paper_nquads(paper_a, Minter(BASE))
    assert all(line.endswith(f"<{BASE}graph/a-paper> .\n") for line in lines)


def test_lettered_parts_point_to_their_parent(paper_a):
    graph = paper_graph(paper_a)
    part, parent = rdflib.URIRef(f"{BASE}report/rep-one/rec/6(b)"), rdflib.URIRef(f"{BASE}report/rep-one/rec/6")
    assert (part, RG.partOf, parent) in graph
    assert (parent, RDF.type, RG.Recommendation) in graph


def test_every_record_is_derived_from_a_span_with_file_and_lines(paper_a):
    graph = paper_graph(paper_a)
    for cls in (RG.Recommendation, RG.ProgressUpdate, RG.CrossReference):
        for record in graph.subjects(RDF.type, cls):
            span = graph.value(record, PROV.wasDerivedFrom)
            assert span is not None, record
            assert graph.value(span, RG.file) == rdflib.Literal("a_paper.txt")
            assert int(graph.value(span, RG.firstLine)) <= int(graph.value(span, RG.lastLine))


def test_a_span_shared_by_records_keeps_one_reading_when_one_contains_the_other(paper_a):
    # rec 2 (the whole line) and its pointer (one sentence of that line) share line 5
    graph = paper_graph(paper_a)
    readings = list(graph.objects(rdflib.URIRef(f"{BASE}span/a-paper/5-5"), RG.verbatim))
    assert [str(r) for r in readings] == ['2\tAppraisals: clear the "backlog".\tSee recommendation 1 above.']


def test_resolved_pointers_link_records_and_unresolved_ones_are_kept_and_flagged(paper_a):
    graph = paper_graph(paper_a)
    resolved = rdflib.URIRef(f"{BASE}xref/a-paper/rep-one/2/1")
    unresolved = rdflib.URIRef(f"{BASE}xref/a-paper/rep-one/6(b)/1")
    one, two = (rdflib.URIRef(f"{BASE}report/rep-one/rec/{n}") for n in ("1", "2"))
    assert graph.value(resolved, RG.target) == one
    assert graph.value(resolved, RG.resolved).toPython() is True
    assert (two, RG.refersTo, one) in graph
    assert graph.value(unresolved, RG.resolved).toPython() is False
    assert graph.value(unresolved, RG.target) is None
    assert str(graph.value(unresolved, RG.phrase)) == "As paragraph 99"


def test_leftovers_and_warnings_are_kept_on_the_paper(paper_a):
    graph = paper_graph(paper_a)
    paper = rdflib.URIRef(f"{BASE}paper/a-paper")
    leftover = graph.value(paper, RG.hasLeftover)
    assert {RG.Leftover, RG.TextSpan} <= set(graph.objects(leftover, RDF.type))
    assert str(graph.value(leftover, RG.verbatim)) == "Page 3 of 9"
    assert str(graph.value(paper, RG.warning)) == "papers/a_paper.txt:12: page footer not recognised"


@pytest.mark.parametrize(
    ("written", "datatype"), [("2002-09-25", "date"), ("2002-09", "gYearMonth"), ("2002", "gYear"), ("Sept 2002", "string")]
)
def test_dates_are_typed_as_precisely_as_they_are_written(written, datatype):
    term = pyoxigraph.parse(f"<http://x/s> <http://x/p> {date_literal(written)} .".encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    literal = next(iter(term)).object
    assert literal.value == written
    assert literal.datatype.value == XSD + datatype


@given(text=st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_any_text_survives_the_trip_through_n_quads(text):
    rec = Recommendation("r", "1", text, Provenance("p.txt", 1, 1, text))
    lines = paper_nquads(ReadResult(Paper("p.txt", "table"), [rec]), Minter(BASE))
    quads = list(pyoxigraph.parse("".join(lines).encode(), pyoxigraph.RdfFormat.N_QUADS))
    texts = {q.object.value for q in quads if q.predicate.value == str(RG.text)}
    assert texts == {text}


def test_building_the_same_records_twice_gives_the_same_lines(results):
    first = [paper_nquads(r, Minter(BASE)) for r in results]
    second = [paper_nquads(r, Minter(BASE)) for r in results]
    assert first == second


def test_two_papers_with_the_same_slug_are_refused(paper_b):
    twin = ReadResult(replace(paper_b.paper, file="elsewhere/b_paper.txt"), paper_b.recommendations)
    with pytest.raises(ReadError, match="same IRI slug 'b-paper'") as caught:
        write_nquads([paper_b, twin], Minter(BASE), io.StringIO())
    assert caught.value.file == "elsewhere/b_paper.txt"
