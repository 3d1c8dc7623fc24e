"""The theme map: themes as hubs sized by how many recommendations carry them, each surrounded by its
recommendations coloured by status; themes that share many recommendations sit close together.

Above the node budget the recommendations are aggregated: one node per theme and status, sized by
the count, so the clusters and the share still done are visible at any corpus size.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable

import networkx as nx
import numpy as np

from recgraph.visualisations.layout import (
    hub_centres,
    separate,
    sunflower,
    sunflower_radius,
)
from recgraph.visualisations.style import KIND_COLOURS, hub_size, status_colour
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

NO_THEME = "no theme recorded"
SPACING = 26.0  # pixels between neighbouring recommendation dots
FACETS = (("theme", "Theme"), ("status", "Status"), ("report", "Source report"))


def build_theme_map(graph: nx.MultiDiGraph, themes: nx.Graph | None = None, *, max_nodes: int = MAX_NODES) -> View:
    """The theme map of the analyses' recommendation graph.

    Parameters
    ----------
    graph : :func:`recgraph.graph.analyses.recommendation_graph` (recommendation nodes carry
        ``themes``, ``status``, ``report``; theme nodes give each theme its IRI).
    themes : :func:`recgraph.graph.analyses.theme_network`, for the tooltips' centralities and the
        hubs' placement; derived from ``graph`` (co-occurrence counts) when None.
    max_nodes : above this many nodes, aggregate by theme and status.

    Returns
    -------
    View : named ``themes``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("r1", kind="recommendation", label="a/1", themes=["training"], status="complete")
    >>> build_theme_map(g).node_count  # one theme, one recommendation
    2
    """
    recs = {n: a for n, a in graph.nodes(data=True) if a.get("kind") == "recommendation"}
    members = _members(recs)
    cooccurrence = themes if themes is not None else _cooccurrence(recs)
    theme_ids = _theme_ids(graph)
    total = len(members) + len(recs)
    if total > max_nodes:
        network, statuses = _aggregated(members, recs, cooccurrence, theme_ids)
        notice = (f"{plural(len(recs), 'recommendation')} are more than the {max_nodes:,} nodes a page draws "
                  f"quickly: they are aggregated by theme, one node per theme and status, sized by the count.")
    else:
        network, statuses = _detailed(members, recs, cooccurrence, theme_ids)
        notice = None
    legend = (LegendEntry("theme (size: recommendations)", KIND_COLOURS["theme"], "diamond"),
              *status_legend(statuses), *edge_legend(["theme", "cooccurs"] if notice else ["theme"]))
    return View(
        name="themes", title="Theme map", network=network, legend=legend, facets=FACETS, notice=notice,
        description=(f"{plural(len(members), 'theme')} and {plural(len(recs), 'recommendation')}, coloured by "
                     "status; themes that share recommendations sit close together."),
        stats={"recommendations": len(recs), "themes": len(members)},
    )


def _members(recs: dict[Hashable, dict]) -> dict[str, list[Hashable]]:
    """Theme label -> its recommendations, themes ordered by size (largest first)."""
    members: dict[str, list[Hashable]] = defaultdict(list)
    for iri, attrs in recs.items():
        for theme in attrs.get("themes") or [NO_THEME]:
            members[theme].append(iri)
    return dict(sorted(members.items(), key=lambda item: (-len(item[1]), item[0])))


def _cooccurrence(recs: dict[Hashable, dict]) -> nx.Graph:
    """Themes joined by the number of recommendations carrying both (as the theme network's ``weight``)."""
    network = nx.Graph()
    for attrs in recs.values():
        labels = sorted(set(attrs.get("themes") or [NO_THEME]))
        network.add_nodes_from(labels)
        for i, first in enumerate(labels):
            for second in labels[i + 1:]:
                weight = network.get_edge_data(first, second, {}).get("weight", 0)
                network.add_edge(first, second, weight=weight + 1)
    return network


def _theme_ids(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Theme label -> the theme node's IRI (label-keyed placeholders for themes without a node)."""
    return {a.get("label"): n for n, a in graph.nodes(data=True) if a.get("kind") == "theme" and a.get("label")}


def _centres(members: dict[str, list], cooccurrence: nx.Graph, radii: dict[str, float]) -> dict[str, tuple[float, float]]:
    hubs = nx.Graph()
    hubs.add_nodes_from(members)
    hubs.add_weighted_edges_from(
        (a, b, d.get("weight", 1)) for a, b, d in cooccurrence.edges(data=True) if a in members and b in members
    )
    return separate(hub_centres(hubs), radii)


def _theme_tooltip(label: str, count: int, counts: Counter, cooccurrence: nx.Graph) -> str:
    lines = [f"Theme: {label}", plural(count, "recommendation")]
    lines += [f"  {status}: {n:,}" for status, n in counts.most_common()]
    attrs = cooccurrence.nodes[label] if label in cooccurrence else {}
    for key in ("degree", "betweenness", "pagerank", "community"):
        if attrs.get(key) is not None:
            value = attrs[key]
            lines.append(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    return "\n".join(lines)


def _add_theme(network, label: str, theme_ids: dict[str, str], position, count: int, tooltip: str) -> str:
    node_id = theme_ids.get(label, f"theme:{label}")
    add_node(network, node_id, label=label, x=position[0], y=position[1], kind="theme", tooltip=tooltip,
             url=theme_ids.get(label), facets={"theme": [label]}, shape="diamond", size=hub_size(count, 16.0),
             color=KIND_COLOURS["theme"] if label != NO_THEME else "#9e9e9e", font={"size": 18, "strokeWidth": 3})
    return node_id


def _detailed(members, recs, cooccurrence, theme_ids):
    """Every recommendation around its first theme, with an edge to each of its themes."""
    primary: dict[str, list] = defaultdict(list)
    for iri, attrs in recs.items():
        primary[(attrs.get("themes") or [NO_THEME])[0]].append(iri)
    radii = {t: sunflower_radius(len(primary.get(t, [])), SPACING, hub_size(len(m), 16.0) + 30.0)
             for t, m in members.items()}
    centres = _centres(members, cooccurrence, radii)
    network = new_network(len(members) + len(recs))
    node_of: dict[str, str] = {}
    for label, iris in members.items():
        counts = Counter(recs[i].get("status") or "unknown" for i in iris)
        node_of[label] = _add_theme(network, label, theme_ids, centres[label], len(iris),
                                    _theme_tooltip(label, len(iris), counts, cooccurrence))
    statuses = []
    for label, iris in primary.items():
        cx, cy = centres[label]
        offsets = sunflower(len(iris), SPACING, hub_size(len(members[label]), 16.0) + 30.0)
        for iri, (dx, dy) in zip(sorted(iris, key=lambda i: str(recs[i].get("label") or i)), offsets):
            attrs = recs[iri]
            status = attrs.get("status") or "unknown"
            statuses.append(status)
            add_recommendation(network, iri, attrs, x=cx + dx, y=cy + dy, colour=status_colour(status),
                               facets={"theme": attrs.get("themes") or [NO_THEME], "status": [status],
                                       "report": [attrs.get("report") or "unknown"]})
            for theme in attrs.get("themes") or [NO_THEME]:
                add_edge(network, iri, node_of[theme], "theme", arrow=False)
    return network, statuses


def _aggregated(members, recs, cooccurrence, theme_ids):
    """One hub per theme and one satellite per (theme, status), joined to the theme; themes joined to
    the themes they share most recommendations with."""
    radii = {t: hub_size(len(m), 16.0) + 2.0 * hub_size(len(m) // 2) + 40.0 for t, m in members.items()}
    centres = _centres(members, cooccurrence, radii)
    network = new_network(len(members) * 4)
    node_of, statuses = {}, []
    for label, iris in members.items():
        counts = Counter(recs[i].get("status") or "unknown" for i in iris)
        node_of[label] = _add_theme(network, label, theme_ids, centres[label], len(iris),
                                    _theme_tooltip(label, len(iris), counts, cooccurrence))
        angles = np.linspace(0.0, 2.0 * np.pi, len(counts), endpoint=False) + 0.4
        ring = hub_size(len(iris), 16.0) + hub_size(max(counts.values())) + 20.0
        for angle, (status, count) in zip(angles, counts.most_common()):
            statuses.append(status)
            node_id = f"{node_of[label]}#{status}"
            add_node(network, node_id, label=f"{count:,}", kind="aggregate",
                     x=centres[label][0] + ring * np.cos(angle), y=centres[label][1] + ring * np.sin(angle),
                     tooltip=f"{label}: {plural(count, 'recommendation')} with status {status}",
                     facets={"theme": [label], "status": [status]}, shape="dot", size=hub_size(count, 6.0),
                     color=status_colour(status), font={"size": 12})
            add_edge(network, node_id, node_of[label], "theme", arrow=False)
    for a, b, data in _strongest(cooccurrence, members, per_theme=3):
        add_edge(network, node_of[a], node_of[b], "cooccurs", arrow=False, value=data.get("weight", 1),
                 tooltip=f"{a} and {b}: {plural(int(data.get('weight', 1)), 'recommendation')} share both")
    return network, statuses


def _strongest(cooccurrence: nx.Graph, members: dict, per_theme: int):
    """The ``per_theme`` heaviest co-occurrence edges of each theme (the rest would be a hairball)."""
    kept = set()
    for theme in members:
        if theme not in cooccurrence:
            continue
        ranked = sorted(cooccurrence[theme].items(), key=lambda item: -item[1].get("weight", 1))
        for other, _ in ranked[:per_theme]:
            if other in members:
                kept.add(tuple(sorted((theme, other))))
    return [(a, b, cooccurrence.edges[a, b]) for a, b in sorted(kept)]
