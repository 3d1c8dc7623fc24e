"""The owner view: every owner as a hub sized by its open recommendations, which surround it coloured
by status; owners are laid out from the busiest down. Above the node budget the open recommendations
are aggregated: one node per owner and status.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable

import networkx as nx
import numpy as np
import pandas

from recgraph.visualisations.layout import rows, sunflower, sunflower_radius
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

NO_OWNER = "no owner recorded"
SPACING = 26.0
FACETS = (("owner", "Owner"), ("status", "Status"), ("report", "Source report"))


def build_owner_view(graph: nx.MultiDiGraph, load: pandas.DataFrame | None = None, *,
                     max_nodes: int = MAX_NODES) -> View:
    """The owners and their open recommendations.

    Parameters
    ----------
    graph : :func:`recgraph.graph.analyses.recommendation_graph` (recommendations carry ``owner``
        and ``closed``; owner nodes give each owner its IRI).
    load : :func:`recgraph.graph.analyses.owner_load` (owner, open, stale, total), for the tooltips;
        counted from ``graph`` (without staleness) when None.
    max_nodes : above this many nodes, aggregate by owner and status.

    Returns
    -------
    View : named ``owners``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("r1", kind="recommendation", label="a/1", owner="HR", closed=False, status="in progress")
    >>> g.add_node("r2", kind="recommendation", label="a/2", owner="HR", closed=True, status="complete")
    >>> build_owner_view(g).node_count  # the owner and its one open recommendation
    2
    """
    recs = {n: a for n, a in graph.nodes(data=True) if a.get("kind") == "recommendation"}
    open_by_owner: dict[str, list[Hashable]] = defaultdict(list)
    totals = Counter()
    for iri, attrs in sorted(recs.items(), key=lambda item: str(item[1].get("label") or item[0])):
        owner = attrs.get("owner") or NO_OWNER
        totals[owner] += 1
        if not attrs.get("closed"):
            open_by_owner[owner].append(iri)
    owners = sorted(totals, key=lambda o: (-len(open_by_owner[o]), o))
    loads = _loads(load)
    owner_ids = {a.get("label"): n for n, a in graph.nodes(data=True) if a.get("kind") == "owner" and a.get("label")}
    open_total = sum(len(v) for v in open_by_owner.values())
    if len(owners) + open_total > max_nodes:
        network, statuses = _aggregated(owners, open_by_owner, recs, totals, loads, owner_ids)
        notice = (f"{plural(open_total, 'open recommendation')} are more than the {max_nodes:,} nodes a page draws "
                  "quickly: they are aggregated by owner, one node per owner and status, sized by the count.")
    else:
        network, statuses = _detailed(owners, open_by_owner, recs, totals, loads, owner_ids)
        notice = None
    legend = (LegendEntry("owner (size: open recommendations)", KIND_COLOURS["owner"], "star"),
              *status_legend(statuses), *edge_legend(["owner"]))
    return View(
        name="owners", title="Owners and their open recommendations", network=network, legend=legend,
        facets=FACETS, notice=notice, stats={"owners": len(owners), "open": open_total},
        description=(f"{plural(len(owners), 'owner')} and their {plural(open_total, 'open recommendation')}, "
                     "coloured by status; the busiest owners first."),
    )


def _loads(load: pandas.DataFrame | None) -> dict[str, dict]:
    if load is None or load.empty:
        return {}
    return {str(row["owner"]): row for row in load.to_dict("records") if row.get("owner") is not None}


def _owner_tooltip(owner: str, open_count: int, total: int, load: dict | None) -> str:
    lines = [f"Owner: {owner}", f"{open_count:,} open of {plural(total, 'recommendation')}"]
    if load and load.get("stale") is not None:
        lines.append(f"{int(load['stale']):,} stale (no change of status across papers)")
    return "\n".join(lines)


def _add_owner(network, owner: str, owner_ids: dict, position, open_count: int, total: int, load) -> str:
    node_id = owner_ids.get(owner, f"owner:{owner}")
    add_node(network, node_id, label=owner, x=position[0], y=position[1], kind="owner",
             tooltip=_owner_tooltip(owner, open_count, total, load), url=owner_ids.get(owner),
             facets={"owner": [owner]}, shape="star", size=hub_size(open_count, 14.0),
             color=KIND_COLOURS["owner"] if owner != NO_OWNER else "#9e9e9e", font={"size": 18, "strokeWidth": 3})
    return node_id


def _place(owners: list[str], radii: dict[str, float]) -> dict[str, tuple[float, float]]:
    # A cluster is as wide as its disc or as its owner's name (18px text: ~10px a character).
    widths = [max(2.0 * radii[o], 10.0 * len(o) + 20.0) for o in owners]
    width = max(max(widths, default=0.0), float(np.sqrt(sum(w * w for w in widths)) * 1.6))
    return dict(zip(owners, rows(widths, width, gap=60.0)))


def _detailed(owners, open_by_owner, recs, totals, loads, owner_ids):
    inner = {o: hub_size(len(open_by_owner[o]), 14.0) + 30.0 for o in owners}
    radii = {o: sunflower_radius(len(open_by_owner[o]), SPACING, inner[o]) for o in owners}
    centres = _place(owners, radii)
    network = new_network(len(owners) + sum(len(v) for v in open_by_owner.values()))
    statuses = []
    for owner in owners:
        iris = open_by_owner[owner]
        hub = _add_owner(network, owner, owner_ids, centres[owner], len(iris), totals[owner], loads.get(owner))
        for iri, (dx, dy) in zip(iris, sunflower(len(iris), SPACING, inner[owner])):
            attrs = recs[iri]
            status = attrs.get("status") or "unknown"
            statuses.append(status)
            add_recommendation(network, str(iri), attrs, x=centres[owner][0] + dx, y=centres[owner][1] + dy,
                               colour=status_colour(status),
                               facets={"owner": [owner], "status": [status], "report": [attrs.get("report") or "unknown"]})
            add_edge(network, str(iri), hub, "owner", arrow=False)
    return network, statuses


def _aggregated(owners, open_by_owner, recs, totals, loads, owner_ids):
    counts = {o: Counter(recs[i].get("status") or "unknown" for i in open_by_owner[o]) for o in owners}
    radii = {o: hub_size(len(open_by_owner[o]), 14.0) + 2.0 * hub_size(max(counts[o].values(), default=0)) + 30.0
             for o in owners}
    centres = _place(owners, radii)
    network = new_network(len(owners) * 4)
    statuses = []
    for owner in owners:
        hub = _add_owner(network, owner, owner_ids, centres[owner], len(open_by_owner[owner]), totals[owner],
                         loads.get(owner))
        ring = hub_size(len(open_by_owner[owner]), 14.0) + hub_size(max(counts[owner].values(), default=0)) + 15.0
        angles = np.linspace(0.0, 2.0 * np.pi, len(counts[owner]), endpoint=False) + 0.4
        for angle, (status, count) in zip(angles, counts[owner].most_common()):
            statuses.append(status)
            node_id = f"{hub}#{status}"
            add_node(network, node_id, label=f"{count:,}", kind="aggregate",
                     x=centres[owner][0] + ring * np.cos(angle), y=centres[owner][1] + ring * np.sin(angle),
                     tooltip=f"{owner}: {plural(count, 'open recommendation')} with status {status}",
                     facets={"owner": [owner], "status": [status]}, shape="dot", size=hub_size(count, 6.0),
                     color=status_colour(status), font={"size": 12})
            add_edge(network, node_id, hub, "owner", arrow=False, value=count)
    return network, statuses
