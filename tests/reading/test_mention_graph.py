"""Mentions in the graph and in the trace (issue 13, items 3 and 5): a mention is a dated event of
the recommendation it cites, in its paper's named graph; papers share the node of one report key
and canonical number; a recommendation only cited still has a node that `trace` finds."""

from __future__ import annotations

import pytest

from recgraph.graph.analyses import find_recommendation, trace
from recgraph.graph.model import Mention, Paper, ProgressUpdate, Provenance, ReadResult, Recommendation, SourceReport
from recgraph.graph.rdf.iri import Minter
from recgraph.graph.rdf.writer import paper_nquads
from recgraph.graph.store.database import build_store
from recgraph.graph.store.validation import validate_store

REPORT = SourceReport("lanterns", "MPA Lantern Scrutiny", issuer="MPA", year="2004")


def _papers() -> list[ReadResult]:
    span = Provenance("2005.txt", 10, 11, "R12 – Light every lantern.")
    listed = ReadResult(
        Paper("2005.txt", "any", "Lanterns 2005", date="2005-05-01", source_reports=(REPORT,)),
        [Recommendation("lanterns", "R12", "Light every lantern.", span)],
        [ProgressUpdate("lanterns", "R12", "2005.txt", Provenance("2005.txt", 12, 12, "Work has begun."), progress="Work has begun.")],
    )
    sentence = "Recommendations 12 and 15 are now complete."
    cited = ReadResult(Paper("2007.txt", "any", "Lanterns 2007", date="2007-03-01", source_reports=(REPORT,)))
    cited.mentions = [
        Mention("lanterns", number, "2007.txt", "Recommendations 12 and 15", sentence, Provenance("2007.txt", 20, 20, sentence),
                status_phrase="are now complete", paper_date="2007-03-01")
        for number in ("12", "15")
    ]
    return [listed, cited]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = tmp_path_factory.mktemp("mentions") / "store"
    build_store(_papers(), location)
    return location


def test_papers_printing_a_number_differently_share_one_node():
    mint = Minter("http://example.org/")
    listed, cited = (paper_nquads(result, mint) for result in _papers())
    node = "<http://example.org/report/lanterns/rec/12>"
    assert any(line.startswith(node) for line in listed)
    assert any(f"<https://w3id.org/recgraph/ontology#cites> {node}" in line for line in cited)
    assert all(line.endswith("<http://example.org/graph/2007> .\n") for line in cited)


def test_a_graph_with_mentions_conforms(store):
    from recgraph.graph.store.database import open_store

    report = validate_store(open_store(store))
    assert report.conforms, report.text


def test_trace_shows_each_mention_as_a_dated_update_with_its_paper_status_and_closed(store):
    found = trace(store, "lanterns/R12")
    assert found.iri == find_recommendation(store, "lanterns/12")
    kinds = [(u.kind, u.paper, u.date and str(u.date)[:4], u.status_phrase) for u in found.updates]
    assert kinds == [("update", "2005.txt", "2005", None), ("mention", "2007.txt", "2007", "are now complete")]
    mention = found.updates[1]
    assert (mention.status, mention.closed, mention.sentence) == ("complete", True, "Recommendations 12 and 15 are now complete.")
    assert found.to_dict()["updates"][1]["kind"] == "mention"


def test_a_recommendation_only_cited_has_a_node_trace_finds(store):
    found = trace(store, "lanterns/15")
    assert (found.number, found.text) == ("15", None)
    assert [(u.kind, u.paper) for u in found.updates] == [("mention", "2007.txt")]
