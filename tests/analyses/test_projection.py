"""Projecting the graph: targeted SELECTs onto tables, and the recommendation multigraph."""

from __future__ import annotations

import pandas
import pytest

from recgraph.graph.analyses import Projection, recommendation_graph, repeat_chains
from recgraph.graph.analyses.tables import recommendation_table, short_title, year_of
from recgraph.graph.analyses.source import LocalSource


class Spy(LocalSource):
    """A local source that remembers how many rows each query returned."""

    def __init__(self, store):
        super().__init__(store, "spy")
        self.rows: list[int] = []

    def select(self, sparql, typed=True):
        frame = super().select(sparql, typed)
        self.rows.append(len(frame))
        return frame


def test_recommendation_status_is_the_latest_updates_then_its_own_then_unknown(tiny, rec):
    recs = Projection(tiny).recommendations()
    assert recs.at[rec["a3"], "status"] == "complete"  # in progress in p1 (2002-09), complete in p2 (2003-01)
    assert recs.at[rec["a3"], "closed"]
    assert recs.at[rec["c6"], "status"] == "partially complete"  # no update: its own, derived status
    assert recs.at[rec["c7"], "status"] == "unknown" and not recs.at[rec["c7"], "closed"]


def test_owner_is_the_latest_named_one_with_its_own_iri(tiny, rec):
    recs = Projection(tiny).recommendations()
    assert recs.at[rec["a1"], "owner"] == "HR Directorate"
    assert recs.at[rec["a1"], "owner_iri"] == "http://example.org/id/owner-hr"
    # p1 names the HR unit, the later p2 prints "Postings Unit" with no unit: the later one counts
    assert recs.at[rec["a3"], "owner"] == "Postings Unit" and recs.at[rec["a3"], "owner_iri"] is None
    assert recs.at[rec["b6"], "owner"] == "AC HR"


def test_stale_means_open_and_unchanged_across_two_papers(tiny, rec):
    recs = Projection(tiny).recommendations()
    assert recs["stale"].to_dict() == {iri: iri == rec["a1"] for iri in recs.index}
    assert recs.at[rec["a1"], "papers"] == 2 and recs.at[rec["a1"], "first_date"] == "2002-09"


def test_year_title_and_label():
    assert year_of("2000/2001") == 2000 and year_of(None) is None
    assert short_title("Staff appraisals", "Any text") == "Staff appraisals"
    assert short_title(None, "word " * 40, 20) == "word word word word…"


def test_recommendation_table_without_updates_or_concepts():
    recs = pandas.DataFrame([{"rec": "r", "label": None, "number": "4", "report": "http://e/rep", "key": "rep",
                              "report_title": None, "report_year": None, "heading": None, "text": "T",
                              "parent": None, "own_status": None}])
    updates = pandas.DataFrame(columns=["rec", "paper", "date", "status", "owner", "owner_text"])
    concepts = pandas.DataFrame(columns=["kind", "label", "key", "closed", "rank"])
    row = recommendation_table(recs, updates, concepts).loc["r"]
    assert (row["label"], row["status"], row["closed"], row["updates"], row["owner"]) == ("rep/4", "unknown", False, 0, None)


def test_links_carry_score_evidence_and_phrase(tiny, rec):
    links = Projection(tiny).links().set_index(["source", "target", "kind"])
    repeat = links.loc[(rec["b6"], rec["a1"], "reiterates")]
    assert repeat["score"] == pytest.approx(0.4)
    assert repeat["evidence"] == "shared terms: appraisal, backlog" and repeat["despite_closure"] is False
    pointer = links.loc[(rec["a3"], rec["a1"], "refersTo")]
    assert pointer["phrase"] == ("See recommendation 1 above.",)
    assert links.loc[(rec["c6b"], rec["c6"], "partOf")]["score"] is None


def test_the_projection_fetches_what_it_needs_not_every_triple(tiny):
    spy = Spy(tiny)
    repeat_chains(Projection(spy))
    # 1,037 triples, 800 of them filler: the chains fetch fewer rows than the 237 others
    assert len(tiny) == 1037 and sum(spy.rows) < 237, spy.rows


def test_each_table_is_fetched_once(tiny):
    spy = Spy(tiny)
    projection = Projection(spy)
    projection.recommendations()
    asked = len(spy.rows)
    projection.recommendations()
    projection.updates()
    assert len(spy.rows) == asked


def test_recommendation_graph_nodes_and_edges(tiny, rec):
    graph = recommendation_graph(tiny)
    a1 = graph.nodes[rec["a1"]]
    assert a1["kind"] == "recommendation" and a1["label"] == "rep-a/1" and a1["title"] == "Appraisals"
    assert a1["text"] == "Clear the appraisal backlog <script>alert(1)</script> now."
    assert (a1["report"], a1["report_title"], a1["year"], a1["status"], a1["closed"]) == (
        "rep-a", "Report A", 2000, "not started", False)
    assert a1["themes"] == ["HR systems", "appraisal"] and a1["owner"] == "HR Directorate" and a1["url"] == rec["a1"]
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert kinds == {"recommendation", "system", "programme", "report", "theme", "owner"}
    assert graph.nodes["http://example.org/system/methr"]["label"] == "MetHR"
    edge = graph.edges[rec["b6"], rec["a1"], "reiterates"]
    assert edge["score"] == pytest.approx(0.4) and edge["evidence"] == "shared terms: appraisal, backlog"
    assert graph.edges[rec["a3"], rec["a1"], "refersTo"]["evidence"] == "“See recommendation 1 above.”"
    assert graph.edges[rec["a1"], "http://example.org/id/owner-hr", "owner"]["kind"] == "owner"
    edge_kinds = {data["kind"] for *_, data in graph.edges(data=True)}
    assert edge_kinds == {"reiterates", "dependsOn", "refersTo", "partOf", "subsumedInto", "mentionsSystem", "theme", "owner"}
