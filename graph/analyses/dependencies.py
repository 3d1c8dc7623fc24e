"""The dependency graph: what each recommendation waits on, and in what order work can be done.

The graph holds the ``rg:dependsOn``, ``rg:subsumedInto``, ``rg:refersTo`` and ``rg:partOf`` links
as they are stated: an edge ``a -> b`` says that *a* waits on, is delivered through, points to, or
is a part of *b*. Chains, cycles and the order of work use the *waiting* links only (dependsOn,
subsumedInto, refersTo): a lettered part belonging to its parent is structure, not waiting.

* a **chain** is the longest run of waiting links in one connected part of the graph, from the
  recommendation that waits to what it finally waits on (often a system);
* a **cycle** is a set of recommendations that wait on each other (a strongly connected component),
  shown with one cycle through it;
* the **order** puts what waits on nothing first (level 0), then what waits only on level 0, and so
  on; the members of a cycle share a level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.projection import Projection, Source, project
from recgraph.graph.analyses.tables import edge_evidence, node_attributes

if TYPE_CHECKING:
    import networkx
    import pandas

#: The links of the dependency graph, strongest meaning first (an edge stated twice keeps the first).
DEPENDENCY_KINDS = ("dependsOn", "subsumedInto", "refersTo", "partOf")
#: The links that mean "waits on".
WAITING_KINDS = ("dependsOn", "subsumedInto", "refersTo")


def dependency_graph(source: Source | Projection = None) -> networkx.DiGraph:
    """The dependsOn / subsumedInto / refersTo / partOf links as a directed graph.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).

    Returns
    -------
    networkx.DiGraph : node key = IRI, with the attributes of
        :func:`~recgraph.graph.analyses.projection.recommendation_graph` (``kind``, ``label``,
        ``title``, ``status``, ``closed`` ...). Edge attributes: ``kind`` (the strongest kind
        stated between the two), ``kinds`` (every kind stated), ``score``, ``evidence``.
    """
    projection = project(source)
    links = projection.links(DEPENDENCY_KINDS)
    nodes = set(links["source"]) | set(links["target"])  # few, or the whole table is projected once
    return build_dependency_graph(links, projection.some_recommendations(nodes), projection.concepts())


def build_dependency_graph(
    links: pandas.DataFrame, recs: pandas.DataFrame, concepts: pandas.DataFrame | None = None
) -> networkx.DiGraph:
    """The dependency graph of a table of links (pure: tables in, graph out).

    Parameters
    ----------
    links : rows of source, target, kind, and optionally score, evidence, phrase.
    recs : recommendations indexed by IRI (label, title, status, closed ... as
        :meth:`Projection.recommendations`).
    concepts : systems and programmes indexed by IRI, with kind and label.

    Examples
    --------
    >>> import pandas
    >>> links = pandas.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "kind": ["refersTo", "dependsOn"]})
    >>> g = build_dependency_graph(links, pandas.DataFrame(index=["a", "b"]))
    >>> g.edges["a", "b"]["kind"], g.edges["a", "b"]["kinds"]
    ('dependsOn', ['dependsOn', 'refersTo'])
    """
    import networkx as nx

    graph = nx.DiGraph()
    rank = {kind: place for place, kind in enumerate(DEPENDENCY_KINDS)}
    rows = links[links["kind"].isin(DEPENDENCY_KINDS)].to_dict("records")
    for row in sorted(rows, key=lambda r: rank[r["kind"]]):
        source, target = row["source"], row["target"]
        evidence = edge_evidence(row.get("phrase"), row.get("evidence"))
        if graph.has_edge(source, target):
            data = graph.edges[source, target]
            data["kinds"] = sorted({*data["kinds"], row["kind"]}, key=rank.get)
            data["score"] = _max(data["score"], row.get("score"))
            data["evidence"] = data["evidence"] or evidence
        else:
            graph.add_edge(source, target, kind=row["kind"], kinds=[row["kind"]], score=row.get("score"),
                           evidence=evidence)
    info = recs[recs.index.isin(list(graph.nodes))].to_dict("index")
    known = concepts[concepts.index.isin(list(graph.nodes))].to_dict("index") if concepts is not None else {}
    for node, data in graph.nodes(data=True):
        data.update(node_attributes(node, info.get(node), known.get(node)))
    return graph


def _max(a: float | None, b: float | None) -> float | None:
    values = [v for v in (a, b) if v is not None]
    return max(values) if values else None


def waiting_graph(graph: networkx.DiGraph, kinds: tuple[str, ...] = WAITING_KINDS) -> networkx.DiGraph:
    """The subgraph of edges that state one of ``kinds`` (by default: the waiting links)."""
    keep = [(a, b) for a, b, data in graph.edges(data=True) if set(data.get("kinds", [data.get("kind")])) & set(kinds)]
    return graph.edge_subgraph(keep).copy()


def _label(graph: networkx.DiGraph, node: str) -> str:
    return graph.nodes[node].get("label") or node


def dependency_cycles(graph: networkx.DiGraph) -> pandas.DataFrame:
    """Recommendations that wait on each other: one row per member of each cycle.

    Parameters
    ----------
    graph : a dependency graph (see :func:`dependency_graph`).

    Returns
    -------
    pandas.DataFrame : cycle (1, 2 ...), size (members of the strongly connected component),
        position (along one cycle through the component), iri, label.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.DiGraph([("a", "b", {"kind": "dependsOn"}), ("b", "a", {"kind": "refersTo"}), ("b", "c", {"kind": "dependsOn"})])
    >>> dependency_cycles(g)[["cycle", "position", "iri"]].values.tolist()
    [[1, 0, 'a'], [1, 1, 'b']]
    """
    import networkx as nx
    import pandas

    waiting = waiting_graph(graph)
    knots = [c for c in nx.strongly_connected_components(waiting)
             if len(c) > 1 or any(waiting.has_edge(n, n) for n in c)]
    knots.sort(key=lambda c: (-len(c), min(_label(graph, n) for n in c)))
    rows = []
    for number, members in enumerate(knots, start=1):
        start = min(members, key=lambda n: _label(graph, n))
        cycle = [a for a, _ in nx.find_cycle(waiting.subgraph(members), source=start)]
        for position, node in enumerate(cycle):
            rows.append({"cycle": number, "size": len(members), "position": position, "iri": node,
                         "label": _label(graph, node)})
    return pandas.DataFrame(rows, columns=["cycle", "size", "position", "iri", "label"])


def dependency_order(graph: networkx.DiGraph) -> pandas.DataFrame:
    """A topological order of the waiting links: what waits on nothing first.

    Parameters
    ----------
    graph : a dependency graph (see :func:`dependency_graph`).

    Returns
    -------
    pandas.DataFrame : order (0, 1 ...), level (0 = waits on nothing; members of a cycle share
        one), iri, label, kind, waits_on (how many it waits on directly), in_cycle.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.DiGraph([("r1", "r2", {"kind": "refersTo"}), ("r2", "sys", {"kind": "dependsOn"})])
    >>> dependency_order(g)[["iri", "level"]].values.tolist()
    [['sys', 0], ['r2', 1], ['r1', 2]]
    """
    import networkx as nx
    import pandas

    waiting = waiting_graph(graph)
    condensed = nx.condensation(waiting)
    rows = []
    for level, generation in enumerate(nx.topological_generations(condensed.reverse(copy=False))):
        members = [node for scc in generation for node in condensed.nodes[scc]["members"]]
        for node in sorted(members, key=lambda n: _label(graph, n)):
            in_cycle = len(condensed.nodes[condensed.graph["mapping"][node]]["members"]) > 1
            rows.append({"level": level, "iri": node, "label": _label(graph, node),
                         "kind": graph.nodes[node].get("kind"), "waits_on": waiting.out_degree(node),
                         "in_cycle": in_cycle or waiting.has_edge(node, node)})
    frame = pandas.DataFrame(rows, columns=["level", "iri", "label", "kind", "waits_on", "in_cycle"])
    frame.insert(0, "order", range(len(frame)))
    return frame


def dependency_chains(graph: networkx.DiGraph, min_length: int = 2) -> pandas.DataFrame:
    """The longest chain of waiting links in each connected part of the graph.

    Parameters
    ----------
    graph : a dependency graph (see :func:`dependency_graph`).
    min_length : leave out chains of fewer members.

    Returns
    -------
    pandas.DataFrame : chain (1 = the longest), length, position (0 = the one that waits), iri,
        label, kind, status, in_cycle (the step is a cycle of several members, listed in label).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.DiGraph([("r1", "r2", {"kind": "refersTo"}), ("r2", "sys", {"kind": "dependsOn"}),
    ...                 ("r3", "sys", {"kind": "dependsOn"})])
    >>> dependency_chains(g)["iri"].tolist()
    ['r1', 'r2', 'sys']
    """
    import networkx as nx
    import pandas

    waiting = waiting_graph(graph)
    condensed = nx.condensation(waiting)
    members = {scc: sorted(data["members"], key=lambda n: _label(graph, n)) for scc, data in condensed.nodes(data=True)}
    name = {scc: " + ".join(_label(graph, n) for n in nodes) for scc, nodes in members.items()}
    longest: dict[int, int] = {}
    following: dict[int, int | None] = {}
    for scc in reversed(list(nx.topological_sort(condensed))):
        after = sorted(condensed.successors(scc), key=lambda s: (-longest[s], name[s]))
        longest[scc] = 1 + (longest[after[0]] if after else 0)
        following[scc] = after[0] if after else None
    chains = []
    for part in nx.weakly_connected_components(condensed):
        start = min(part, key=lambda s: (-longest[s], name[s]))
        path, step = [], start
        while step is not None:
            path.append(step)
            step = following[step]
        if len(path) >= min_length:
            chains.append(path)
    chains.sort(key=lambda path: (-len(path), name[path[0]]))
    rows = []
    for number, path in enumerate(chains, start=1):
        for position, scc in enumerate(path):
            node = members[scc][0]
            data = graph.nodes[node]
            rows.append({"chain": number, "length": len(path), "position": position, "iri": node,
                         "label": name[scc], "kind": data.get("kind"), "status": data.get("status"),
                         "in_cycle": len(members[scc]) > 1})
    return pandas.DataFrame(rows, columns=["chain", "length", "position", "iri", "label", "kind", "status", "in_cycle"])
