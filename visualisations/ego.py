"""The ego view of one recommendation: the recommendation in the middle, everything it is directly tied
to (themes, owner, systems, programmes, linked recommendations) around it, and the recommendations
further along its repeat and dependency links (earlier or later ones on the same issue).

It is the one view small enough for vis-network's physics: positions are precomputed, the page lets
the layout settle briefly and then freezes it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable

import networkx as nx

from recgraph.visualisations.style import KIND_COLOURS, KIND_SHAPES, status_colour
from recgraph.visualisations.view import (
    LegendEntry,
    View,
    add_edge,
    add_node,
    add_recommendation,
    edge_legend,
    new_network,
    plural,
    status_legend,
)

#: Links followed beyond the first ring: between recommendations, on the same issue or work.
FOLLOWED = ("reiterates", "dependsOn", "subsumedInto", "refersTo", "partOf")
#: Most nodes an ego view draws (a hub with thousands of recommendations is shown, not expanded).
EGO_LIMIT = 150
#: Let vis-network's physics settle the layout at most up to this many nodes.
PHYSICS_LIMIT = 120
FACETS = (("kind", "Kind"), ("status", "Status"))


def build_ego_view(graph: nx.MultiDiGraph, rec: str, *, depth: int = 3, limit: int = EGO_LIMIT) -> View:
    """The neighbourhood of recommendation ``rec`` (an IRI that is a node of ``graph``).

    Parameters
    ----------
    graph : :func:`recgraph.graph.analyses.recommendation_graph`.
    rec : the recommendation's IRI (resolve short forms first with
        :func:`recgraph.graph.analyses.find_recommendation`).
    depth : how many recommendation-to-recommendation links to follow from ``rec``.
    limit : at most this many nodes (the nearest first).

    Returns
    -------
    View : named ``trace-<label>``.

    Raises
    ------
    KeyError : ``rec`` is not a node of ``graph``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("r1", kind="recommendation", label="a/1")
    >>> g.add_node("r2", kind="recommendation", label="b/4")
    >>> g.add_node("t", kind="theme", label="training")
    >>> _ = g.add_edge("r2", "r1", kind="reiterates", score=0.8)
    >>> _ = g.add_edge("r1", "t", kind="theme")
    >>> build_ego_view(g, "r1").node_count
    3
    """
    if rec not in graph:
        raise KeyError(rec)
    rings = _rings(graph, rec, depth, limit)
    sub = graph.subgraph(rings)
    positions = _positions(sub, rec, rings)
    physics = len(rings) <= PHYSICS_LIMIT
    network = new_network(len(rings), physics=physics)
    network.options["physics"].update({"solver": "barnesHut", "stabilization": {"iterations": 150, "fit": True},
                                       "barnesHut": {"springLength": 140, "avoidOverlap": 0.3}})
    statuses, hubs = [], set()
    for node in rings:
        attrs = graph.nodes[node]
        x, y = positions[node]
        if _is_recommendation(graph, node):
            status = attrs.get("status") or "unknown"
            statuses.append(status)
            focus = node == rec
            add_recommendation(
                network, str(node), attrs, x=x, y=y, colour=status_colour(status), size=22 if focus else 12,
                facets={"kind": ["recommendation"], "status": [status]}, borderWidth=4 if focus else 1,
                extra=[f"{rings[node]} link(s) from {graph.nodes[rec].get('label') or rec}"] if not focus else [],
                font={"size": 18 if focus else 14, "strokeWidth": 3},
            )
        else:
            kind = attrs.get("kind")
            hubs.add(kind)
            add_node(network, str(node), label=str(attrs.get("label") or node), x=x, y=y, kind=kind,
                     tooltip=f"{str(kind).capitalize()}: {attrs.get('label') or node}",
                     url=attrs.get("url") or str(node), facets={"kind": [kind]},
                     shape=KIND_SHAPES.get(kind, "dot"), color=KIND_COLOURS.get(kind, "#9e9e9e"), size=16)
    kinds = []
    for source, target, data in sub.edges(data=True):
        kind = data.get("kind") or "link"
        kinds.append(kind)
        add_edge(network, str(source), str(target), kind, tooltip=_edge_tooltip(graph, source, target, data),
                 arrow=kind not in ("theme", "owner"))
    label = str(graph.nodes[rec].get("label") or rec)
    legend = (*(LegendEntry(k, KIND_COLOURS[k], KIND_SHAPES[k]) for k in KIND_COLOURS if k in hubs),
              *status_legend(statuses), *edge_legend(list(dict.fromkeys(kinds))))
    truncated = _reachable(graph, rec, depth) > len(rings)
    notice = (f"The neighbourhood is larger than {limit:,} nodes: the nearest {limit:,} are shown."
              if truncated else None)
    linked = sum(1 for n in rings if n != rec and _is_recommendation(graph, n))
    return View(
        name=f"trace-{_file_stem(label)}", title=f"Recommendation {label}", network=network, legend=legend,
        facets=FACETS, notice=notice, physics=physics, stats={"nodes": len(rings)},
        description=(f"{label} in the middle; around it its themes, owner, systems and "
                     f"{plural(linked, 'linked recommendation')} (up to {depth} links away)."),
    )


def _is_recommendation(graph: nx.MultiDiGraph, node: Hashable) -> bool:
    return graph.nodes[node].get("kind", "recommendation") == "recommendation"


def _neighbours(graph: nx.MultiDiGraph, node: Hashable, kinds: tuple[str, ...] | None):
    for _, other, data in graph.out_edges(node, data=True):
        if kinds is None or data.get("kind") in kinds:
            yield other
    for other, _, data in graph.in_edges(node, data=True):
        if kinds is None or data.get("kind") in kinds:
            yield other


def _rings(graph: nx.MultiDiGraph, rec: Hashable, depth: int, limit: int) -> dict[Hashable, int]:
    """Node -> links from ``rec``: every direct neighbour, then recommendations along :data:`FOLLOWED`."""
    rings = {rec: 0}
    for other in _neighbours(graph, rec, None):
        if len(rings) >= limit:
            return rings
        rings.setdefault(other, 1)
    queue = deque(n for n, d in rings.items() if d == 1 and _is_recommendation(graph, n))
    while queue:
        node = queue.popleft()
        if rings[node] >= depth:
            continue
        for other in _neighbours(graph, node, FOLLOWED):
            if other in rings:
                continue
            if len(rings) >= limit:
                return rings
            rings[other] = rings[node] + 1
            if _is_recommendation(graph, other):
                queue.append(other)  # hubs (a programme, say) are shown, never expanded
    return rings


def _reachable(graph: nx.MultiDiGraph, rec: Hashable, depth: int) -> int:
    """How many nodes :func:`_rings` would take without a limit (to say when the view cuts)."""
    return len(_rings(graph, rec, depth, limit=10**9))


def _positions(sub: nx.MultiDiGraph, rec: Hashable, rings: dict[Hashable, int]) -> dict[Hashable, tuple[float, float]]:
    """A spring layout with ``rec`` pinned in the middle, in pixels."""
    simple = nx.Graph(sub.to_undirected())
    if len(simple) == 1:
        return {rec: (0.0, 0.0)}
    start = nx.shell_layout(simple, nlist=[[n for n in rings if rings[n] == d] for d in sorted(set(rings.values()))])
    start[rec] = (0.0, 0.0)
    layout = nx.spring_layout(simple, pos=start, fixed=[rec], seed=0, iterations=60)
    scale = 90.0 * max(len(simple), 4) ** 0.5
    return {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in layout.items()}


def _edge_tooltip(graph: nx.MultiDiGraph, source: Hashable, target: Hashable, data: dict) -> str:
    def name(node):
        return graph.nodes[node].get("label") or str(node)

    lines = [f"{name(source)} {data.get('kind') or 'link'} {name(target)}"]
    if data.get("score") is not None:
        lines.append(f"score {float(data['score']):.2f}")
    if data.get("evidence"):
        lines.append(f"evidence: {data['evidence']}")
    return "\n".join(lines)


def _file_stem(label: str) -> str:
    """A file-name-safe form of a label: 'winning-consent/6(b)' -> 'winning-consent-6b'."""
    from recgraph.graph.reading.readers.text import slugify

    return slugify(label) or "recommendation"

