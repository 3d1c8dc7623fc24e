"""The SPARQL validation engine: it finds what pySHACL finds, caps its results, and falls back when it must."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from recgraph.cli.main import cli
from recgraph.graph.rdf.shacl_sparql import UnsupportedShape, compile_shapes
from recgraph.graph.store.database import open_store
from recgraph.graph.store.validation import ValidationReport, shapes_path, validate_store

PREFIXES = """PREFIX rg: <https://w3id.org/recgraph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
TEST_GRAPH = "<urn:recgraph:test:broken>"


def copy_of(location) -> ox.Store:
    """An in-memory copy of a built store, safe to break."""
    store = ox.Store()
    store.extend(open_store(location))
    return store


def nodes(store: ox.Store, cls: str, count: int, where: str = "") -> list[str]:
    query = f"{PREFIXES} SELECT DISTINCT ?x WHERE {{ ?x a rg:{cls} . {where} }} ORDER BY ?x LIMIT {count}"
    return [f"<{row['x'].value}>" for row in store.query(query, use_default_graph_as_union=True)]


def replace(store: ox.Store, node: str, prop: str, value: str | None) -> None:
    """Drop every value of ``prop`` on ``node`` (in any graph) and add ``value`` if given."""
    store.update(f"{PREFIXES} DELETE {{ GRAPH ?g {{ {node} {prop} ?o }} }} WHERE {{ GRAPH ?g {{ {node} {prop} ?o }} }}")
    if value is not None:
        add(store, f"{node} {prop} {value}")


def add(store: ox.Store, triples: str) -> None:
    store.update(f"{PREFIXES} INSERT DATA {{ GRAPH {TEST_GRAPH} {{ {triples} }} }}")


def break_every_rule(store: ox.Store) -> None:
    """One focus node per kind of constraint the shapes use, each broken in its own way."""
    recs = nodes(store, "Recommendation", 6)
    paper, other_paper = nodes(store, "Paper", 2)
    spans = nodes(store, "TextSpan", 2)
    replace(store, recs[0], "rg:text", None)                                  # minCount (twice: the cap test)
    replace(store, recs[1], "rg:text", None)
    add(store, f'{recs[1]} rg:number "second" .')                             # maxCount
    add(store, f"{recs[2]} rg:heading <http://example.org/not-a-literal> .")  # datatype: IRI for a literal
    replace(store, recs[3], "rg:sourceReport", paper)                         # class
    add(store, f"{recs[4]} rg:dependsOn {paper} .")                           # or (of classes)
    other_report = nodes(store, "SourceReport", 1, f"FILTER NOT EXISTS {{ {recs[5]} rg:sourceReport ?x }}")[0]
    parent = nodes(store, "Recommendation", 1, f"?x rg:sourceReport {other_report}")[0]
    add(store, f"{recs[5]} rg:partOf {parent} .")                             # equals (a lettered part elsewhere)
    replace(store, paper, "dcterms:date", '"Sept 2002"')                      # or (of datatypes)
    replace(store, other_paper, "rg:file", '""')                              # minLength
    replace(store, nodes(store, "SourceReport", 1)[0], "rg:key", '"has space"')  # pattern
    add(store, f'{nodes(store, "ProgressUpdate", 1)[0]} rg:statusBasis "guessed" .')  # in
    replace(store, spans[0], "rg:firstLine", "10")                            # lessThanOrEquals
    replace(store, spans[0], "rg:lastLine", "5")
    replace(store, spans[1], "rg:firstLine", "0")                             # minInclusive
    replace(store, nodes(store, "Status", 1)[0], "rg:rank", '"late"^^xsd:integer')  # datatype: ill-formed literal
    xref = nodes(store, "CrossReference", 1, "?x rg:resolved true")[0]
    replace(store, xref, "rg:target", None)                                   # or (node level, with hasValue)
    add(store, f"{xref} rg:score 1.5 .")                                      # maxInclusive
    theme = nodes(store, "Theme", 1)[0]
    add(store, f'{theme} skos:prefLabel "one"@en, "two"@en .')                # uniqueLang
    add(store, "[] a rg:Owner .")                                             # nodeKind, minCount


def findings(report: ValidationReport, messages: set[str]) -> set[tuple]:
    """What both engines must agree on; default messages are each engine's own wording."""
    def term(text: str | None) -> str | None:
        return "_:blank" if text is not None and text.startswith("_:") else text

    return {(term(v.focus), v.path, v.component, term(v.value), v.message if v.message in messages else None, v.severity)
            for v in report.violations}


@pytest.fixture(scope="module")
def shape_messages() -> set[str]:
    shapes = rdflib.Graph().parse(shapes_path())
    return {str(m) for m in shapes.objects(None, rdflib.SH.message)}


@pytest.fixture(scope="module")
def broken(seed_store) -> ox.Store:
    store = copy_of(seed_store)
    break_every_rule(store)
    return store


@pytest.fixture(scope="module")
def broken_reports(broken) -> dict[str, ValidationReport]:
    return {engine: validate_store(broken, engine=engine) for engine in ("sparql", "pyshacl")}


def test_the_sparql_engine_is_the_default_and_finds_the_seed_graph_conforms(seed_store):
    sparql = validate_store(open_store(seed_store))
    assert (sparql.engine, sparql.conforms, sparql.violations) == ("sparql", True, [])


def test_both_engines_find_the_same_violations_in_a_broken_graph(broken_reports, shape_messages):
    sparql, pyshacl = broken_reports["sparql"], broken_reports["pyshacl"]
    assert not sparql.conforms and not pyshacl.conforms
    assert findings(sparql, shape_messages) == findings(pyshacl, shape_messages)


def test_the_broken_graph_breaks_every_kind_of_constraint_the_shapes_use(broken_reports):
    used = {check.component for check in compile_shapes(rdflib.Graph().parse(shapes_path()))}
    found = {v.component for v in broken_reports["sparql"].violations}
    assert found == used


def test_results_past_the_cap_are_counted_not_kept(broken):
    full = validate_store(broken)
    capped = validate_store(broken, limit=1)
    kept = Counter((v.path, v.component, v.message) for v in capped.violations)
    assert set(kept) == {(v.path, v.component, v.message) for v in full.violations}
    assert max(kept.values()) <= 2  # one per check; sh:equals is checked in its two directions apart
    assert capped.omitted == len(full.violations) - len(capped.violations) > 0
    assert "results, the first 1 kept" in capped.text


CLOSED_SHAPE = """
rgsh:ClosedPaperShape a sh:NodeShape ; sh:targetClass rg:Paper ; sh:closed true .
"""
INVERSE_PATH_SHAPE = """
rgsh:ReportedShape a sh:NodeShape ; sh:targetClass rg:SourceReport ;
    sh:property [ sh:path [ sh:inversePath rg:tracks ] ; sh:minCount 1 ] .
"""


@pytest.mark.parametrize(("extra", "feature"), [(CLOSED_SHAPE, "sh:closed"), (INVERSE_PATH_SHAPE, "path other than")])
def test_a_shape_the_compiler_cannot_handle_is_named(extra, feature):
    shapes = rdflib.Graph().parse(data=shapes_path().read_text(encoding="utf-8") + extra, format="turtle")
    with pytest.raises(UnsupportedShape, match=feature):
        compile_shapes(shapes)


def test_unsupported_shapes_fall_back_to_pyshacl_and_say_why(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rg: <https://w3id.org/recgraph/ontology#> .
        @prefix rgsh: <https://w3id.org/recgraph/shapes#> .""" + CLOSED_SHAPE, encoding="utf-8")
    store = ox.Store()
    add(store, "<urn:p> a rg:Paper ; rg:file \"a.txt\" .")
    report = validate_store(store, shapes)
    assert report.engine == "pyshacl"
    assert report.text.startswith("Validated with pySHACL: the SPARQL engine does not support")
    assert "sh:closed" in report.text.splitlines()[0]
    assert {(v.focus, v.path, v.component) for v in report.violations} == {
        ("urn:p", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "ClosedConstraintComponent"),
        ("urn:p", "https://w3id.org/recgraph/ontology#file", "ClosedConstraintComponent")}


def test_an_unknown_engine_is_a_value_error(seed_store):
    with pytest.raises(ValueError, match="unknown validation engine 'jena'"):
        validate_store(open_store(seed_store), engine="jena")


def test_recgraph_validate_engine_pyshacl_runs_the_reference_engine(seed_store):
    result = CliRunner().invoke(cli, ["validate", "--store", str(seed_store), "--engine", "pyshacl"])
    assert (result.exit_code, result.output.strip()) == (0, "The graph conforms to the shapes.")


SHARED_VALUES_SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix rgsh: <https://w3id.org/recgraph/shapes#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
rgsh:HeadingShape a sh:NodeShape ; sh:targetClass rg:Recommendation ;
    sh:property [ sh:path rg:heading ; sh:datatype xsd:string ; sh:maxCount 1 ] ,
                [ sh:path rg:sourceReport ; sh:class rg:SourceReport ] .
"""


def test_a_bad_value_shared_by_several_nodes_is_reported_for_each_targeted_node_only(tmp_path):
    # the engine tests each distinct value once, then joins the failures back to their focus nodes
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHARED_VALUES_SHAPE, encoding="utf-8")
    store = ox.Store()
    add(store, """<urn:a> a rg:Recommendation ; rg:heading <urn:iri>, "also" ; rg:sourceReport <urn:report> .
        <urn:b> a rg:Recommendation ; rg:heading <urn:iri> ; rg:sourceReport <urn:c> .
        <urn:c> rg:heading <urn:iri>, "two", "three" ; rg:sourceReport <urn:c> .
        <urn:report> a rg:SourceReport .""")
    found = {(v.focus, v.component, v.value) for v in validate_store(store, shapes).violations}
    assert found == {("urn:a", "DatatypeConstraintComponent", "urn:iri"),
                     ("urn:b", "DatatypeConstraintComponent", "urn:iri"),
                     ("urn:a", "MaxCountConstraintComponent", None),
                     ("urn:b", "ClassConstraintComponent", "urn:c")}
