"""The dependency graph: chains, cycles and a topological order of the waiting links."""

from __future__ import annotations

import networkx as nx

from recgraph.graph.analyses import dependency_chains, dependency_cycles, dependency_graph, dependency_order

METHR = "http://example.org/system/methr"
PROGRAMME = "http://example.org/id/programme-careers"


def test_dependency_graph_of_the_tiny_graph(tiny, rec):
    graph = dependency_graph(tiny)
    assert set(graph.edges) == {
        (rec["a1"], METHR), (rec["a2"], "http://example.org/system/prism"), (rec["a3"], rec["a1"]),
        (rec["b6"], PROGRAMME), (rec["c6b"], rec["c6"]),
    }
    assert graph.edges[rec["a3"], rec["a1"]]["kind"] == "refersTo"
    assert graph.edges[rec["a3"], rec["a1"]]["evidence"] == "“See recommendation 1 above.”"
    assert graph.edges[rec["c6b"], rec["c6"]]["kind"] == "partOf"
    assert graph.nodes[PROGRAMME]["kind"] == "programme" and graph.nodes[PROGRAMME]["label"] == "Career Pathways"
    assert graph.nodes[METHR]["kind"] == "system" and graph.nodes[rec["a1"]]["status"] == "not started"


def test_chains_follow_waiting_links_not_lettered_parts(tiny):
    chains = dependency_chains(dependency_graph(tiny))
    assert chains[["chain", "position", "label"]].values.tolist() == [
        [1, 0, "rep-a/3"], [1, 1, "rep-a/1"], [1, 2, "MetHR"],
        [2, 0, "rep-a/2"], [2, 1, "PRISM"],
        [3, 0, "rep-b/R6"], [3, 1, "Career Pathways"],
    ]


def test_order_puts_what_waits_on_nothing_first(tiny):
    order = dependency_order(dependency_graph(tiny))
    assert order[["level", "label"]].values.tolist() == [
        [0, "Career Pathways"], [0, "MetHR"], [0, "PRISM"],
        [1, "rep-a/1"], [1, "rep-a/2"], [1, "rep-b/R6"],
        [2, "rep-a/3"],
    ]
    assert not order["in_cycle"].any() and dependency_cycles(dependency_graph(tiny)).empty


def cyclic() -> nx.DiGraph:
    graph = nx.DiGraph()
    for a, b, kind in [("a", "b", "dependsOn"), ("b", "c", "refersTo"), ("c", "a", "dependsOn"),
                       ("c", "s", "dependsOn"), ("d", "a", "refersTo"), ("e", "f", "partOf"), ("f", "e", "partOf")]:
        graph.add_edge(a, b, kind=kind, kinds=[kind])
    for node in graph:
        graph.nodes[node]["label"] = f"x/{node}"
    return graph


def test_cycles_are_found_once_each_and_lettered_parts_make_none():
    cycles = dependency_cycles(cyclic())
    assert cycles[["cycle", "size", "position", "label"]].values.tolist() == [
        [1, 3, 0, "x/a"], [1, 3, 1, "x/b"], [1, 3, 2, "x/c"]]


def test_members_of_a_cycle_share_a_level_and_a_chain_step():
    order = dependency_order(cyclic()).set_index("label")
    assert order.loc[["x/s", "x/a", "x/b", "x/c", "x/d"], "level"].tolist() == [0, 1, 1, 1, 2]
    assert order.loc["x/a", "in_cycle"] and not order.loc["x/d", "in_cycle"]
    chains = dependency_chains(cyclic())
    assert chains["label"].tolist() == ["x/d", "x/a + x/b + x/c", "x/s"]
    assert chains["in_cycle"].tolist() == [False, True, False]
