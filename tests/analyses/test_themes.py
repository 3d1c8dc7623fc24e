"""The theme network: co-occurrence counts, centralities and communities, computed by hand."""

from __future__ import annotations

import networkx as nx
import pandas
import pytest

from recgraph.graph.analyses import recommendation_communities, theme_network, theme_table
from recgraph.graph.analyses.themes import cooccurrence_graph, with_centrality


def test_cooccurrence_of_the_tiny_graph(tiny):
    network = theme_network(tiny)
    # rep-a/1: appraisal + HR systems; rep-b/R6 and rep-c/6(b): appraisal + performance;
    # rep-a/2: HR systems; rep-a/3: postings; rep-c/7: mentoring + postings. "unused" tags nothing.
    assert dict(network.nodes(data="count")) == {
        "HR systems": 2, "appraisal": 3, "mentoring": 1, "performance": 2, "postings": 2}
    assert {(a, b) if a < b else (b, a): w for a, b, w in network.edges(data="weight")} == {
        ("HR systems", "appraisal"): 1, ("appraisal", "performance"): 2, ("mentoring", "postings"): 1}


def test_centralities_of_the_tiny_graph(tiny):
    network = theme_network(tiny)
    # degree: neighbours / (5 - 1)
    assert dict(network.nodes(data="degree")) == pytest.approx(
        {"appraisal": 0.5, "HR systems": 0.25, "performance": 0.25, "mentoring": 0.25, "postings": 0.25})
    # appraisal lies on the one shortest path between HR systems and performance: 1 / C(4, 2)
    assert network.nodes["appraisal"]["betweenness"] == pytest.approx(1 / 6)
    assert network.nodes["postings"]["betweenness"] == 0
    assert sum(dict(network.nodes(data="pagerank")).values()) == pytest.approx(1)
    # modularity 0.375 for {appraisal, HR systems, performance} | {mentoring, postings}, the best split
    assert dict(network.nodes(data="community")) == {
        "appraisal": 1, "HR systems": 1, "performance": 1, "mentoring": 2, "postings": 2}


def test_pagerank_of_a_star_matches_the_closed_form():
    # centre c with k leaves, damping d: PR(c) = (1 + d k) / (n (1 + d)), PR(leaf) = (1 - PR(c)) / k
    star = nx.Graph([("c", leaf, {"weight": 1}) for leaf in "xyz"])
    pagerank = dict(with_centrality(star).nodes(data="pagerank"))
    centre = (1 + 0.85 * 3) / (4 * 1.85)
    assert pagerank["c"] == pytest.approx(centre, abs=1e-6)
    assert pagerank["x"] == pytest.approx((1 - centre) / 3, abs=1e-6)


def test_louvain_splits_two_triangles_joined_by_a_weak_edge():
    edges = [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")]
    graph = nx.Graph([(u, v, {"weight": 5}) for u, v in edges] + [("c", "x", {"weight": 1})])
    community = dict(with_centrality(graph).nodes(data="community"))
    assert community == {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2}


def test_counts_a_recommendation_once_per_theme():
    tags = pandas.DataFrame({"rec": ["r1", "r1", "r1"], "theme": ["a", "a", "b"]})
    graph = cooccurrence_graph(tags)
    assert graph.nodes["a"]["count"] == 1 and graph["a"]["b"]["weight"] == 1


def test_empty_network():
    assert len(with_centrality(cooccurrence_graph(pandas.DataFrame(columns=["rec", "theme"])))) == 0


def test_theme_table_is_most_central_first(tiny):
    table = theme_table(theme_network(tiny))
    assert table.iloc[0]["theme"] == "appraisal"
    assert table.set_index("theme").loc["appraisal", "neighbours"] == ["performance (2)", "HR systems (1)"]  # a list (issue 16)
    assert table.set_index("theme").loc["appraisal", "strength"] == 3


def test_recommendations_join_the_community_of_most_of_their_themes(tiny):
    communities = recommendation_communities(tiny).set_index("label")["community"].to_dict()
    assert communities == {"rep-a/1": 1, "rep-a/2": 1, "rep-b/R6": 1, "rep-c/6(b)": 1,
                           "rep-a/3": 2, "rep-c/7": 2, "rep-c/6": None}
