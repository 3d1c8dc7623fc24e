"""The builders turn analysis results into pyvis networks: what each view draws, counted by hand on
the tiny graph of conftest.py (six recommendations, three themes, one owner, two systems, one
programme, two repeat chains)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from recgraph.visualisations.dependencies import build_dependency_view
from recgraph.visualisations.ego import build_ego_view
from recgraph.visualisations.layout import separate
from recgraph.visualisations.owners import NO_OWNER, build_owner_view
from recgraph.visualisations.style import status_colour
from recgraph.visualisations.themes import build_theme_map
from recgraph.visualisations.timeline import GAP, ROW, SLOT, build_repeat_timeline


def nodes(view) -> dict[str, dict]:
    return {n["id"]: n for n in view.network.nodes}


def edge_kinds(view) -> list[str]:
    return sorted(e["kind"] for e in view.network.edges)


# ---------------------------------------------------------------- theme map


def test_the_theme_map_draws_every_theme_and_recommendation(graph, rec, hub):
    view = build_theme_map(graph)
    drawn = nodes(view)
    assert view.name == "themes" and view.notice is None
    assert len(drawn) == 3 + 6
    # appraisal: a1, b6, c6b; HR systems: a1, a2; postings: a3, c7. a1 carries two themes.
    assert edge_kinds(view) == ["theme"] * 7
    assert drawn[hub["appraisal"]]["size"] > drawn[hub["postings"]]["size"] == drawn[hub["HR systems"]]["size"]
    assert drawn[rec["a2"]]["color"] == status_colour("complete")
    assert drawn[rec["a1"]]["facets"] == {"theme": ["appraisal", "HR systems"], "status": ["not started"],
                                          "report": ["rep-a"]}


def test_theme_map_tooltips_hold_the_verbatim_text_unescaped_and_nodes_link_to_their_iri(graph, rec, hostile):
    a1 = nodes(build_theme_map(graph))[rec["a1"]]
    assert hostile in a1["title"]  # as it is: the page shows it as text (see test_page, test_browser)
    assert a1["url"] == rec["a1"] and a1["label"] == "rep-a/1"


def test_the_theme_map_aggregates_by_theme_and_status_above_the_budget(graph, hub):
    view = build_theme_map(graph, max_nodes=5)
    drawn = nodes(view)
    assert "aggregated by theme" in view.notice and "6 recommendations" in view.notice
    # Satellites: appraisal {not started, substantially complete, in progress}, HR systems {not started,
    # complete}, postings {in progress, not started}: 7, plus the 3 themes.
    satellites = {i: n for i, n in drawn.items() if n["kind"] == "aggregate"}
    assert len(drawn) == 3 + 7 and len(satellites) == 7
    assert satellites[hub["appraisal"] + "#in progress"]["label"] == "1"
    # one satellite edge each, and the one pair of themes sharing a recommendation (a1).
    assert edge_kinds(view) == ["cooccurs"] + ["theme"] * 7


def test_a_recommendation_without_themes_goes_under_a_hub_of_its_own(graph, rec):
    graph.nodes[rec["a3"]]["themes"] = []
    drawn = nodes(build_theme_map(graph))
    assert drawn["theme:no theme recorded"]["label"] == "no theme recorded"


# ---------------------------------------------------------------- repeat timeline


def test_the_timeline_puts_each_chain_on_a_row_and_each_member_in_its_year_column(graph, chains, rec):
    view = build_repeat_timeline(chains, graph)
    drawn = nodes(view)
    assert len(drawn) == 5 and edge_kinds(view) == ["reiterates"] * 3
    column = {2000: 0.0, 2001: SLOT + GAP, 2010: 2 * (SLOT + GAP)}
    assert [(drawn[rec[n]]["x"], drawn[rec[n]]["y"]) for n in ("a1", "b6", "c6b")] == [
        (column[2000], 0.0), (column[2001], 0.0), (column[2010], 0.0)]
    assert [(drawn[rec[n]]["x"], drawn[rec[n]]["y"]) for n in ("a2", "c7")] == [(column[2000], ROW), (column[2010], ROW)]
    assert view.axis == ((0.0, "2000"), (column[2001], "2001"), (column[2010], "2010"))
    scores = sorted(e["label"] for e in view.network.edges)
    assert scores == ["0.25", "0.30", "0.40"]


def test_the_timeline_colours_by_report_and_marks_members_closed_yet_repeated(graph, chains, rec):
    view = build_repeat_timeline(chains, graph)
    drawn = nodes(view)
    assert drawn[rec["a1"]]["color"]["background"] == drawn[rec["a2"]]["color"]["background"]  # both rep-a
    assert drawn[rec["a1"]]["color"]["background"] != drawn[rec["b6"]]["color"]["background"]
    # rep-a/2 was complete, then rep-c/7 recommended it again.
    assert drawn[rec["a2"]]["borderWidth"] == 4 and drawn[rec["a2"]]["color"]["border"] == "#000000"
    assert "yet recommended again later" in drawn[rec["a2"]]["title"]
    assert drawn[rec["c7"]]["borderWidth"] == 2
    assert drawn[rec["a2"]]["facets"]["recurring"] == ["yes"] and drawn[rec["a1"]]["facets"]["recurring"] == ["no"]
    assert [e.label for e in view.legend[:3]] == ["Report A", "Report B", "Report C"]


def test_above_the_budget_the_timeline_keeps_the_longest_chains_that_fit_and_says_so(graph, chains, rec):
    three = build_repeat_timeline(chains, graph, max_nodes=3)
    assert set(nodes(three)) == {rec["a1"], rec["b6"], rec["c6b"]}
    assert "showing the 1 longest chain" in three.notice and "1 shorter chain" in three.notice
    two = build_repeat_timeline(chains, graph, max_nodes=2)
    assert set(nodes(two)) == {rec["a2"], rec["c7"]}  # the longest chain does not fit: the next one does


def test_a_member_without_a_year_takes_it_from_its_date_or_goes_to_an_undated_column(chains):
    chains["year"] = chains["year"].astype(object)
    chains.loc[0, ["year", "date"]] = [None, "1999-05"]
    chains.loc[1, ["year", "date"]] = [None, None]
    view = build_repeat_timeline(chains)
    assert [label for _, label in view.axis] == ["undated", "1999", "2000", "2010"]


# ---------------------------------------------------------------- dependencies


def test_the_dependency_view_draws_recommendations_systems_and_programmes_with_typed_links(graph, rec, hub):
    view = build_dependency_view(graph)
    drawn = nodes(view)
    # a1 -> MetHR (dependsOn and mentionsSystem), a2 -> PRISM, c7 -> PRISM, b6 -> Career Pathways,
    # a3 -> a1: reiterates, theme and owner edges are not dependencies.
    assert set(drawn) == {rec[n] for n in ("a1", "a2", "a3", "b6", "c7")} | {hub["MetHR"], hub["PRISM"], hub["Career Pathways"]}
    assert edge_kinds(view) == ["dependsOn", "mentionsSystem", "mentionsSystem", "mentionsSystem", "refersTo", "subsumedInto"]
    assert drawn[hub["PRISM"]]["shape"] == "square" and drawn[hub["Career Pathways"]]["shape"] == "triangle"
    assert drawn[hub["PRISM"]]["size"] > drawn[hub["MetHR"]]["size"]  # two recommendations against one
    assert [e.label for e in view.legend[:2]] == ["system", "programme"]


def test_the_dependency_view_takes_the_analyses_dependency_digraph_too(graph, rec, hub):
    digraph = nx.DiGraph()
    digraph.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        if data["kind"] in ("dependsOn", "refersTo", "subsumedInto", "partOf"):
            digraph.add_edge(source, target, **data)
    # A DiGraph keeps one edge a pair: a3 -> a1, a1 -> MetHR, b6 -> Career Pathways.
    assert set(nodes(build_dependency_view(digraph))) == {rec["a1"], rec["a3"], rec["b6"], hub["MetHR"], hub["Career Pathways"]}


def test_above_the_budget_the_dependency_view_counts_by_hub_and_status(graph):
    view = build_dependency_view(graph, max_nodes=6)
    drawn = nodes(view)
    # Satellites: MetHR {not started}, PRISM {complete, not started}, Career Pathways {substantially
    # complete}: 4 + 3 hubs = 7 > 6, so the one group of linked recommendations (a3 -> a1) does not fit.
    assert sum(1 for n in drawn.values() if n["kind"] == "aggregate") == 4
    assert len(drawn) == 7
    assert "0 of the 1 group" in view.notice
    assert build_dependency_view(graph, max_nodes=8).notice is None  # the 8 nodes fit


# ---------------------------------------------------------------- owners


def test_the_owner_view_shows_owners_and_only_their_open_recommendations(graph, chains, rec, hub):
    view = build_owner_view(graph)
    drawn = nodes(view)
    open_recs = {rec[n] for n in ("a1", "a3", "b6", "c6b", "c7")}  # a2 is complete
    assert set(drawn) == open_recs | {hub["HR Directorate"], f"owner:{NO_OWNER}"}
    assert edge_kinds(view) == ["owner"] * 5
    assert "1 open of 2 recommendations" in drawn[hub["HR Directorate"]]["title"]


def test_owner_load_adds_staleness_to_the_owners_tooltip(graph, hub):
    import pandas

    load = pandas.DataFrame([{"owner": "HR Directorate", "open": 1, "stale": 1, "total": 2}])
    drawn = nodes(build_owner_view(graph, load))
    assert "1 stale" in drawn[hub["HR Directorate"]]["title"]


def test_above_the_budget_the_owner_view_counts_by_owner_and_status(graph):
    view = build_owner_view(graph, max_nodes=4)
    # HR Directorate {not started}; no owner {in progress x2, substantially complete, not started}: 1 + 3.
    assert sum(1 for n in view.network.nodes if n["kind"] == "aggregate") == 4
    assert "aggregated by owner" in view.notice


# ---------------------------------------------------------------- ego view


def test_the_ego_view_shows_direct_neighbours_and_follows_links_between_recommendations(graph, rec, hub):
    view = build_ego_view(graph, rec["a1"])
    drawn = nodes(view)
    # Direct: b6 (repeat), a3 (refers to), MetHR, appraisal, HR systems, HR Directorate; then from b6:
    # c6b (repeat) and Career Pathways (subsumed into; a hub, shown but not expanded).
    expected = {rec[n] for n in ("a1", "b6", "a3", "c6b")} | {hub[h] for h in (
        "MetHR", "appraisal", "HR systems", "HR Directorate", "Career Pathways")}
    assert set(drawn) == expected
    assert view.physics and view.name == "trace-rep-a-1" and view.title == "Recommendation rep-a/1"
    assert drawn[rec["a1"]]["size"] > drawn[rec["b6"]]["size"]
    assert drawn[rec["a1"]]["x"] == 0.0 and drawn[rec["a1"]]["y"] == 0.0
    repeat = next(e for e in view.network.edges if e["from"] == rec["b6"] and e["to"] == rec["a1"])
    assert repeat["title"] == "rep-b/R6 reiterates rep-a/1\nscore 0.40\nevidence: shared terms"


def test_the_ego_view_stops_at_depth_and_at_its_limit(graph, rec):
    assert rec["c6b"] not in nodes(build_ego_view(graph, rec["a1"], depth=1))
    small = build_ego_view(graph, rec["a1"], limit=4)
    assert len(small.network.nodes) == 4 and "nearest 4" in small.notice


def test_the_ego_view_of_an_unknown_node_raises(graph):
    with pytest.raises(KeyError):
        build_ego_view(graph, EX_UNKNOWN)


EX_UNKNOWN = "http://example.org/id/report/none/rec/1"


# ---------------------------------------------------------------- layout


def test_separate_leaves_no_two_discs_overlapping():
    rng = np.random.default_rng(3)
    centres = {i: rng.normal(size=2) * 0.01 for i in range(30)}
    radii = {i: float(rng.uniform(10, 80)) for i in range(30)}
    placed = separate(centres, radii, gap=5.0)
    for a in placed:
        for b in placed:
            if a < b:
                distance = np.hypot(placed[a][0] - placed[b][0], placed[a][1] - placed[b][1])
                assert distance >= radii[a] + radii[b] + 5.0 - 1e-6
