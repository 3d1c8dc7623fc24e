"""The theme network: which themes are recommended together, which are central, which cluster.

Two themes co-occur when one recommendation is tagged with both; the edge weight counts such
recommendations. The network is small (one node per theme in use) however many recommendations
there are, so centrality and Louvain communities stay fast at any scale; recommendations then
join the community most of their themes belong to.

Centralities:

* ``degree``: the share of the other themes a theme co-occurs with (networkx ``degree_centrality``);
* ``betweenness``: how often a theme lies on the shortest paths between two others, where strongly
  co-occurring themes are close (distance = 1 / weight), normalised;
* ``pagerank``: PageRank over the weighted co-occurrences (damping 0.85);
* ``community``: Louvain communities over the weights, numbered 1, 2 ... from the largest (ties:
  by the first theme's label); a fixed seed makes them reproducible.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

from recgraph.graph.analyses.projection import Projection, Source, project

if TYPE_CHECKING:
    import networkx
    import pandas

THEME_COLUMNS = ["theme", "count", "degree", "betweenness", "pagerank", "community", "strength", "neighbours"]
#: The seed of the Louvain method (communities must not change from run to run).
SEED = 0


def theme_tags(source: Source | Projection = None) -> pandas.DataFrame:
    """One row per recommendation and theme it is tagged with: rec (IRI), theme (label)."""
    projection = project(source)
    edges = projection.edges(["theme"])
    labels = projection.concepts()["label"]
    return edges.assign(rec=edges["source"], theme=edges["target"].map(lambda t: labels.get(t, t)))[["rec", "theme"]]


def cooccurrence_graph(tags: pandas.DataFrame) -> networkx.Graph:
    """Themes as nodes (``count``: recommendations tagged), co-occurrences as weighted edges.

    Parameters
    ----------
    tags : rows of rec and theme.

    Examples
    --------
    >>> import pandas
    >>> tags = pandas.DataFrame({"rec": ["r1", "r1", "r2", "r2", "r3"], "theme": ["a", "b", "a", "b", "a"]})
    >>> g = cooccurrence_graph(tags)
    >>> g.nodes["a"]["count"], g["a"]["b"]["weight"]
    (3, 2)
    """
    import networkx as nx

    graph = nx.Graph()
    pairs: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    for themes in tags.drop_duplicates().groupby("rec")["theme"].agg(sorted):
        counts.update(themes)
        pairs.update(combinations(themes, 2))
    for theme, count in sorted(counts.items()):
        graph.add_node(theme, count=count)
    for (a, b), weight in sorted(pairs.items()):
        graph.add_edge(a, b, weight=weight, distance=1.0 / weight)
    return graph


def with_centrality(graph: networkx.Graph, seed: int = SEED, resolution: float = 1.0) -> networkx.Graph:
    """A copy of a co-occurrence graph with degree, betweenness, PageRank and community on each node.

    Parameters
    ----------
    graph : from :func:`cooccurrence_graph` (edges carry ``weight``).
    seed : seed of the Louvain method.
    resolution : Louvain resolution (above 1: smaller communities).

    Examples
    --------
    A path a - b - c: b lies between the two others.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1})])
    >>> with_centrality(g).nodes["b"]["betweenness"]
    1.0
    """
    import networkx as nx

    out = graph.copy()
    if not len(out):
        return out
    for a, b, data in out.edges(data=True):
        data.setdefault("weight", 1)
        data["distance"] = 1.0 / data["weight"]
    degree = nx.degree_centrality(out) if len(out) > 1 else {n: 0.0 for n in out}
    betweenness = nx.betweenness_centrality(out, weight="distance", normalized=True)
    pagerank = nx.pagerank(out, weight="weight")
    communities = nx.community.louvain_communities(out, weight="weight", seed=seed, resolution=resolution)
    numbered = sorted(communities, key=lambda members: (-len(members), min(members)))
    community = {node: number for number, members in enumerate(numbered, start=1) for node in members}
    for node, data in out.nodes(data=True):
        data.update(degree=degree[node], betweenness=betweenness[node], pagerank=pagerank[node],
                    community=community[node])
    return out


def theme_network(source: Source | Projection = None, seed: int = SEED, resolution: float = 1.0) -> networkx.Graph:
    """The co-occurrence network of the themes in use, with centralities and communities.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).
    seed, resolution : of the Louvain method.

    Returns
    -------
    networkx.Graph : nodes = theme labels with ``count``, ``degree``, ``betweenness``,
        ``pagerank``, ``community``; edges with ``weight`` (recommendations tagged with both).
    """
    return with_centrality(cooccurrence_graph(theme_tags(source)), seed, resolution)


def theme_table(network: networkx.Graph) -> pandas.DataFrame:
    """The theme network as a table, most central (PageRank) first.

    Returns
    -------
    pandas.DataFrame : theme, count, degree, betweenness, pagerank, community, strength (sum of
        co-occurrence weights), neighbours (the co-occurring themes, strongest first).
    """
    import pandas

    rows = []
    for theme, data in network.nodes(data=True):
        near = sorted(network[theme].items(), key=lambda item: (-item[1]["weight"], item[0]))
        rows.append({
            "theme": theme, "count": data.get("count", 0), "degree": data.get("degree"),
            "betweenness": data.get("betweenness"), "pagerank": data.get("pagerank"),
            "community": data.get("community"), "strength": sum(d["weight"] for _, d in near),
            "neighbours": [f"{name} ({d['weight']})" for name, d in near],
        })
    frame = pandas.DataFrame(rows, columns=THEME_COLUMNS)
    return frame.sort_values(["pagerank", "theme"], ascending=[False, True], ignore_index=True)


def recommendation_communities(
    source: Source | Projection = None, network: networkx.Graph | None = None
) -> pandas.DataFrame:
    """Each recommendation's community: the Louvain community most of its themes belong to.

    Ties go to the larger community (the lower number). Recommendations without a theme get None.

    Parameters
    ----------
    source : where the graph is.
    network : the theme network, if already computed (see :func:`theme_network`).

    Returns
    -------
    pandas.DataFrame : iri, label, report, community, themes (labels, comma-separated).
    """
    import pandas

    projection = project(source)
    tags = theme_tags(projection)
    network = network if network is not None else with_centrality(cooccurrence_graph(tags))
    community = dict(network.nodes(data="community"))
    recs = projection.labels()
    by_rec = tags.groupby("rec")["theme"].agg(sorted)
    rows = []
    for iri, label, report in zip(recs.index, recs["label"], recs["report"]):
        themes = by_rec.get(iri, [])
        votes = Counter(community[t] for t in themes if community.get(t) is not None)
        chosen = min(votes, key=lambda c: (-votes[c], c)) if votes else None
        rows.append({"iri": iri, "label": label, "report": report, "community": chosen, "themes": list(themes)})
    frame = pandas.DataFrame(rows, columns=["iri", "label", "report", "community", "themes"], dtype=object)
    order = frame["community"].map(lambda c: c if c is not None else 10**9).astype(int)
    by = frame.assign(_order=order).sort_values(["_order", "label"], kind="stable")  # no community last
    return by.drop(columns="_order").reset_index(drop=True)
