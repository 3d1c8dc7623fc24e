"""The shape a paper meets: it tracks a source report, or, tracking and citing nothing (a paper of
the family that is not a tracking paper), keeps its text as unplaced spans (issue 13)."""

from __future__ import annotations

import rdflib

from recgraph.graph.store.validation import validate_graph


def test_a_paper_tracking_nothing_conforms_only_by_keeping_its_text_as_unplaced_spans():
    base = """@prefix rg: <https://w3id.org/recgraph/ontology#> .
    <http://example.org/paper/p> a rg:Paper ; rg:file "p.txt" ; rg:layout "general" {extra} ."""
    message = ("A paper must track at least one source report (or, tracking none, keep its text as unplaced spans "
               "or say why in a warning).")
    for engine in ("sparql", "pyshacl"):
        bare = validate_graph(rdflib.Graph().parse(data=base.format(extra=""), format="turtle"), engine=engine)
        assert [v.focus for v in bare.violations if v.message == message] == ["http://example.org/paper/p"]
        kept = rdflib.Graph().parse(data=base.format(extra="; rg:hasLeftover <http://example.org/left/1>"), format="turtle")
        assert not [v for v in validate_graph(kept, engine=engine).violations if v.message == message]
        said = rdflib.Graph().parse(data=base.format(extra='; rg:warning "p.txt: no tracked recommendation found"'), format="turtle")
        assert not [v for v in validate_graph(said, engine=engine).violations if v.message == message]


def test_a_paper_of_only_its_own_recommendations_to_members_builds(tmp_path):
    import recgraph

    paper = tmp_path / "terms-2006.txt"
    paper.write_text("Terms of reference\n\nReport: 5\nDate: 3 March 2006\nBy: Chief Executive\n\nSummary\n\n"
                     "This paper asks members to agree the terms of reference.\n\nA. Recommendation\n\n"
                     "That members agree the terms of reference.\n")
    outcome = recgraph.build([paper], store=tmp_path / "store")
    assert outcome.ok and outcome.summary.live
