"""Recommendations a paper cites without their wording still get their nodes, and the graph of any
paper conforms: a heading that groups a range covers nodes of its own; IRIs holding a comma read
back whole (Oxigraph's CSV results leave them unquoted)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import recgraph
from recgraph.graph.analyses.source import LocalSource, MalformedCSV, csv_frame
from recgraph.graph.analyses.trace import trace

FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"

# Own words: a range heading whose recommendations no paper prints one by one.
GROUPED = """\
Progress on the recommendations of the Fleet Management Review

Recommendations 3-5: vehicle booking
The booking system for pool vehicles has been replaced and the new rules are in force.
Status: complete.

Recommendation 6
Drivers should be assessed every two years.
Progress: the assessment scheme started in April.
"""


def _violations(outcome) -> list[str]:
    return [str(v) for v in outcome.report.violations] if outcome.report else []


def test_a_range_heading_covers_nodes_that_conform_and_trace(tmp_path):
    paper = tmp_path / "fleet-2006.txt"
    paper.write_text(GROUPED)
    outcome = recgraph.build([paper], store=tmp_path / "store")
    assert outcome.report is not None and outcome.report.conforms, _violations(outcome)
    group = next(r for r in outcome.results[0].recommendations if r.covers)
    key = group.source_report
    covered = trace(tmp_path / "store", f"{key}/4")
    assert covered.text is None
    assert [(r.label, r.relations) for r in covered.related] == [(f"{key}/{group.number}", ("covered by",))]
    assert {r.label for r in trace(tmp_path / "store", f"{key}/{group.number}").related} >= {f"{key}/3", f"{key}/4", f"{key}/5"}


@pytest.mark.slow
def test_every_format_fixture_builds_a_conforming_graph_with_the_seeds(tmp_path):
    papers = sorted(FORMATS.glob("*/*.txt"))
    assert len(papers) > 20
    outcome = recgraph.build([recgraph.data_path() / "papers", *papers], store=tmp_path / "store")
    assert not outcome.errors
    assert outcome.report is not None and outcome.report.conforms, _violations(outcome)[:5]


def test_csv_with_an_unquoted_comma_is_refused_not_misread():
    assert csv_frame(b"s,o\r\nhttp://e/a,x\r\n").values.tolist() == [["http://e/a", "x"]]
    with pytest.raises(MalformedCSV):
        csv_frame(b"s\r\nhttp://e/a,b\r\n", ["s"])


def test_local_select_reads_iris_holding_commas_whole():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/rec/2,%205"), ox.NamedNode("http://e/p"), ox.Literal("x, \"y\"")))
    store.add(ox.Quad(ox.NamedNode("http://e/rec/7"), ox.NamedNode("http://e/p"), ox.Literal("")))
    frame = LocalSource(store).select("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s", typed=False)
    assert frame.values.tolist() == [["http://e/rec/2,%205", 'x, "y"'], ["http://e/rec/7", None]]
