"""The shape a paper meets: it tracks a source report, or, tracking and citing nothing (a paper of
the family that is not a tracking paper), keeps its text as unplaced spans (issue 13)."""

from __future__ import annotations

import rdflib

from recgraph.graph.store.validation import validate_graph


def test_a_paper_tracking_nothing_conforms_only_by_keeping_its_text_as_unplaced_spans():
    base = """@prefix rg: <https://w3id.org/recgraph/ontology#> .
    <http://example.org/paper/p> a rg:Paper ; rg:file "p.txt" ; rg:layout "general" {extra} ."""
    message = "A paper must track at least one source report (or, tracking none, keep its text as unplaced spans)."
    for engine in ("sparql", "pyshacl"):
        bare = validate_graph(rdflib.Graph().parse(data=base.format(extra=""), format="turtle"), engine=engine)
        assert [v.focus for v in bare.violations if v.message == message] == ["http://example.org/paper/p"]
        kept = rdflib.Graph().parse(data=base.format(extra="; rg:hasLeftover <http://example.org/left/1>"), format="turtle")
        assert not [v for v in validate_graph(kept, engine=engine).violations if v.message == message]
