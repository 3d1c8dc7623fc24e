"""The dependency view: recommendations, the systems and programmes they wait on, and the typed links
between them (depends on, refers to, part of, subsumed into, mentions system).

Each recommendation sits in the cluster of the hub it is most tied to (the busiest system or
programme it links to); recommendations tied to no hub form clusters of their own, one per connected
group. Above the node budget the recommendations are aggregated by source report: one node per
report, joined to the hubs and to the other reports by edges whose width is the number of links.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable

import networkx as nx
import numpy as np

from recgraph.visualisations.layout import (
    hub_centres,
    rows,
    separate,
    sunflower,
    sunflower_radius,
)
from recgraph.visualisations.style import (
    KIND_COLOURS,
    KIND_SHAPES,
    hub_size,
    status_colour,
)
from recgraph.visualisations.view import (
    MAX_NODES,
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

#: Edge kinds drawn, in the legend's order.
KINDS = ("dependsOn", "mentionsSystem", "partOf", "subsumedInto", "refersTo")
HUB_KINDS = ("system", "programme")
SPACING = 30.0
FACETS = (("kind", "Kind"), ("status", "Status"), ("report", "Source report"))


def build_dependency_view(graph: nx.DiGraph | nx.MultiDiGraph, *, max_nodes: int = MAX_NODES) -> View:
    """The dependency view of the recommendation graph (or of its dependency subgraph).

    Parameters
    ----------
    graph : :func:`recgraph.graph.analyses.recommendation_graph` or
        :func:`~recgraph.graph.analyses.dependency_graph`; only edges of the kinds in :data:`KINDS`
        between recommendations, systems and programmes are drawn, and only nodes they touch.
    max_nodes : above this many nodes, aggregate the recommendations by source report.

    Returns
    -------
    View : named ``dependencies``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("s", kind="system", label="PRISM")
    >>> g.add_node("r", kind="recommendation", label="a/1", status="in progress")
    >>> _ = g.add_edge("r", "s", kind="mentionsSystem")
    >>> build_dependency_view(g).node_count
    2
    """
    links = _links(graph)
    nodes = {n for s, t, _ in links for n in (s, t)}
    hubs = sorted((n for n in nodes if graph.nodes[n].get("kind") in HUB_KINDS), key=str)
    recs = sorted((n for n in nodes if n not in set(hubs)), key=str)
    if len(nodes) > max_nodes:
        network, statuses, (shown, groups) = _aggregated(graph, links, hubs, recs, max_nodes)
        notice = (f"{plural(len(recs), 'linked recommendation')} are more than the {max_nodes:,} nodes a page "
                  "draws quickly: each system and programme shows how many recommendations are tied to it, "
                  f"by status; below, {shown:,} of the {plural(groups, 'group')} of recommendations linked to "
                  "each other (the largest that fit) are drawn whole.")
    else:
        network, statuses = _detailed(graph, links, hubs, recs)
        notice = None
    drawn = {e.get("kind") for e in network.edges}
    kinds = [k for k in (*KINDS, "aggregate", "cooccurs") if k in drawn]
    present = {graph.nodes[h].get("kind") for h in hubs}
    legend = tuple(LegendEntry(kind, KIND_COLOURS[kind], KIND_SHAPES[kind]) for kind in HUB_KINDS if kind in present)
    legend += (*status_legend(statuses), *edge_legend(kinds))
    return View(
        name="dependencies", title="Dependencies", network=network, legend=legend, facets=FACETS, notice=notice,
        stats={"recommendations": len(recs), "hubs": len(hubs), "links": len(links)},
        description=(f"{plural(len(recs), 'recommendation')} linked to each other or to "
                     f"{plural(len(hubs), 'system or programme', 'systems and programmes')}, by typed links."),
    )


def _links(graph: nx.DiGraph) -> list[tuple[Hashable, Hashable, str]]:
    """(source, target, kind) of every drawn link, once each."""
    allowed = {"recommendation", *HUB_KINDS}
    seen, links = set(), []
    for source, target, data in graph.edges(data=True):
        kind = data.get("kind")
        if kind not in KINDS or source == target:
            continue
        if graph.nodes[source].get("kind", "recommendation") not in allowed:
            continue
        if graph.nodes[target].get("kind", "recommendation") not in allowed:
            continue
        if (source, target, kind) not in seen:
            seen.add((source, target, kind))
            links.append((source, target, kind))
    return links


def _hub_tooltip(attrs: dict, dependents: list, graph) -> str:
    open_count = sum(1 for r in dependents if not graph.nodes[r].get("closed"))
    kind = (attrs.get("kind") or "hub").capitalize()
    return f"{kind}: {attrs.get('label') or ''}\n{plural(len(dependents), 'linked recommendation')}, {open_count:,} open"


def _add_hub(network, graph, hub, position, dependents) -> None:
    attrs = graph.nodes[hub]
    kind = attrs.get("kind")
    add_node(network, str(hub), label=str(attrs.get("label") or hub), x=position[0], y=position[1], kind=kind,
             tooltip=_hub_tooltip(attrs, dependents, graph), url=attrs.get("url") or str(hub),
             facets={"kind": [kind]}, shape=KIND_SHAPES[kind], color=KIND_COLOURS[kind],
             size=hub_size(len(dependents), 16.0), font={"size": 18, "strokeWidth": 3})


def _rec_facets(attrs: dict) -> dict:
    return {"kind": ["recommendation"], "status": [attrs.get("status") or "unknown"],
            "report": [attrs.get("report") or "unknown"]}


def _clusters(graph, links, hubs, recs) -> tuple[dict, list[list]]:
    """Hub -> the recommendations placed around it, and the groups of recommendations tied to no hub."""
    weight = Counter()
    ties = defaultdict(list)
    hub_set = set(hubs)
    for source, target, _ in links:
        for rec, other in ((source, target), (target, source)):
            if other in hub_set and rec not in hub_set:
                ties[rec].append(other)
                weight[other] += 1
    around = defaultdict(list)
    for rec in recs:
        if ties[rec]:
            around[max(ties[rec], key=lambda h: (weight[h], str(h)))].append(rec)
    loose = nx.Graph()
    loose.add_nodes_from(r for r in recs if not ties[r])
    loose.add_edges_from((s, t) for s, t, _ in links if s in loose and t in loose)
    groups = sorted((sorted(c, key=str) for c in nx.connected_components(loose)), key=lambda c: (-len(c), str(c[0])))
    return around, groups


def _group_offsets(graph: nx.Graph, group: list) -> np.ndarray:
    """Offsets of a loose group's members: a row for two or three, a small spring layout up to 40, else a spiral."""
    if len(group) <= 3:
        return np.array([[(i - (len(group) - 1) / 2.0) * SPACING * 2.0, 0.0] for i in range(len(group))])
    if len(group) <= 40:
        layout = nx.spring_layout(graph.subgraph(group), seed=0)
        return np.array([layout[n] for n in group]) * SPACING * math.sqrt(len(group))
    return sunflower(len(group), SPACING)


def _detailed(graph, links, hubs, recs):
    around, groups = _clusters(graph, links, hubs, recs)
    hub_set = set(hubs)
    dependents, tied = defaultdict(set), defaultdict(set)
    for source, target, _ in links:
        for hub, rec in ((target, source), (source, target)):
            if hub in hub_set and rec not in hub_set:
                dependents[hub].add(rec)
                tied[rec].add(hub)
    hub_graph = nx.Graph()
    hub_graph.add_nodes_from(hubs)
    shared = Counter()
    for rec_hubs in tied.values():
        ordered = sorted(rec_hubs, key=str)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared[a, b] += 1
    hub_graph.add_weighted_edges_from((a, b, w) for (a, b), w in shared.items())
    inner = {h: hub_size(len(dependents[h]), 16.0) + 30.0 for h in hubs}
    radii = {h: sunflower_radius(len(around[h]), SPACING, inner[h]) for h in hubs}
    centres = separate(hub_centres(hub_graph), radii)
    network = new_network(len(hubs) + len(recs))
    statuses = []
    for hub in hubs:
        _add_hub(network, graph, hub, centres[hub], sorted(dependents[hub], key=str))
        for rec, (dx, dy) in zip(around[hub], sunflower(len(around[hub]), SPACING, inner[hub])):
            statuses.append(_add_rec(network, graph, rec, centres[hub][0] + dx, centres[hub][1] + dy))
    loose_graph = nx.Graph((s, t) for s, t, _ in links)
    placed = _below(centres, radii, [_group_offsets(loose_graph, g) for g in groups])
    for group, offsets, (gx, gy) in zip(groups, *placed):
        for rec, (dx, dy) in zip(group, offsets):
            statuses.append(_add_rec(network, graph, rec, gx + dx, gy + dy))
    for source, target, kind in links:
        add_edge(network, str(source), str(target), kind, tooltip=_edge_tooltip(graph, source, target, kind))
    return network, statuses


def _below(centres: dict, radii: dict, offsets: list[np.ndarray]) -> tuple[list[np.ndarray], list[tuple[float, float]]]:
    """Place the loose groups in rows under the hub clusters: each group's offsets and its centre."""
    if not offsets:
        return [], []
    widths = [float(np.ptp(o, axis=0).max()) + SPACING * 2.0 if len(o) > 1 else SPACING * 2.0 for o in offsets]
    if centres:
        left = min(x - radii[h] for h, (x, _) in centres.items())
        right = max(x + radii[h] for h, (x, _) in centres.items())
        top = max(y + radii[h] for h, (_, y) in centres.items()) + 120.0
    else:
        left, top = 0.0, 0.0
        right = max(800.0, math.sqrt(sum(w * w for w in widths)) * 1.5)
    spots = rows(widths, max(right - left, max(widths)), gap=SPACING)
    centred = [o - (o.min(axis=0) + o.max(axis=0)) / 2.0 for o in offsets]
    return centred, [(left + x, top + y) for x, y in spots]


def _add_rec(network, graph, rec, x: float, y: float) -> str:
    attrs = graph.nodes[rec]
    status = attrs.get("status") or "unknown"
    add_recommendation(network, str(rec), attrs, x=x, y=y, colour=status_colour(status), facets=_rec_facets(attrs))
    return status


def _edge_tooltip(graph, source, target, kind: str) -> str:
    data = graph.get_edge_data(source, target) or {}
    # A MultiDiGraph gives {key: attrs}; a DiGraph gives attrs.
    candidates = list(data.values()) if data and all(isinstance(v, dict) for v in data.values()) else [data]
    attrs = next((d for d in candidates if d.get("kind") == kind), {})
    head = f"{graph.nodes[source].get('label') or source} {kind} {graph.nodes[target].get('label') or target}"
    parts = [head]
    if attrs.get("score") is not None:
        parts.append(f"score {float(attrs['score']):.2f}")
    if attrs.get("evidence"):
        parts.append(f"evidence: {attrs['evidence']}")
    return "\n".join(parts)


def _aggregated(graph, links, hubs, recs, max_nodes: int):
    """Each hub with one satellite per status counting the recommendations tied to it, hubs joined by the
    recommendations they share; then the largest groups of recommendations linked to each other, whole,
    as many as the node budget allows. Returns the network, the statuses drawn and the groups (shown, all)."""
    hub_set = set(hubs)
    dependents = defaultdict(set)
    for source, target, _ in links:
        if target in hub_set and source not in hub_set:
            dependents[target].add(source)
        if source in hub_set and target not in hub_set:
            dependents[source].add(target)
    counts = {h: Counter(graph.nodes[r].get("status") or "unknown" for r in dependents[h]) for h in hubs}
    shared = Counter()
    tied = defaultdict(list)
    for hub in hubs:
        for rec in dependents[hub]:
            tied[rec].append(hub)
    for rec_hubs in tied.values():
        ordered = sorted(rec_hubs, key=str)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared[a, b] += 1
    hub_graph = nx.Graph()
    hub_graph.add_nodes_from(hubs)
    hub_graph.add_weighted_edges_from((a, b, w) for (a, b), w in shared.items())
    radii = {h: hub_size(len(dependents[h]), 16.0) + 2.0 * hub_size(max(counts[h].values(), default=0)) + 30.0
             for h in hubs}
    centres = separate(hub_centres(hub_graph), radii)
    network = new_network(max_nodes)
    statuses = []
    for hub in hubs:
        _add_hub(network, graph, hub, centres[hub], sorted(dependents[hub], key=str))
        ring = hub_size(len(dependents[hub]), 16.0) + hub_size(max(counts[hub].values(), default=0)) + 15.0
        angles = np.linspace(0.0, 2.0 * np.pi, len(counts[hub]), endpoint=False) + 0.4
        name = graph.nodes[hub].get("label") or hub
        for angle, (status, count) in zip(angles, counts[hub].most_common()):
            statuses.append(status)
            node_id = f"{hub}#{status}"
            add_node(network, node_id, label=f"{count:,}", kind="aggregate",
                     x=centres[hub][0] + ring * np.cos(angle), y=centres[hub][1] + ring * np.sin(angle),
                     tooltip=f"{name}: {plural(count, 'linked recommendation')} with status {status}",
                     facets={"status": [status]}, shape="dot", size=hub_size(count, 6.0),
                     color=status_colour(status), font={"size": 12})
            add_edge(network, node_id, str(hub), "aggregate", arrow=False, value=count)
    for (a, b), weight in sorted(shared.items(), key=lambda item: (-item[1], str(item[0])))[: 3 * len(hubs)]:
        add_edge(network, str(a), str(b), "cooccurs", arrow=False, value=weight,
                 tooltip=f"{plural(weight, 'recommendation')} tied to both")
    linked = nx.Graph()
    linked.add_edges_from((s, t) for s, t, _ in links if s not in hub_set and t not in hub_set)
    groups = sorted((sorted(c, key=str) for c in nx.connected_components(linked)), key=lambda c: (-len(c), str(c[0])))
    budget = max_nodes - len(network.nodes)
    shown = []
    for group in groups:
        if len(group) <= budget:
            shown.append(group)
            budget -= len(group)
    placed = _below(centres, radii, [_group_offsets(linked, g) for g in shown])
    for group, offsets, (gx, gy) in zip(shown, *placed):
        for rec, (dx, dy) in zip(group, offsets):
            statuses.append(_add_rec(network, graph, rec, gx + dx, gy + dy))
    members = {r for g in shown for r in g}
    for source, target, kind in links:
        if source in members and target in members:
            add_edge(network, str(source), str(target), kind, tooltip=_edge_tooltip(graph, source, target, kind))
    return network, statuses, (len(shown), len(groups))
