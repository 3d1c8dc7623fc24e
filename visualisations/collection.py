"""Building the views of one graph: runs the analyses they need (once each) and the builders.

This is the one place the views meet the analyses; the builders themselves are pure functions of
analysis results and know nothing of stores or endpoints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from recgraph.visualisations.dependencies import build_dependency_view
from recgraph.visualisations.ego import build_ego_view
from recgraph.visualisations.owners import build_owner_view
from recgraph.visualisations.themes import build_theme_map
from recgraph.visualisations.timeline import build_repeat_timeline
from recgraph.visualisations.view import MAX_NODES, View

#: The views ``recgraph view`` writes by default, in the index's order.
VIEW_NAMES = ("themes", "repeats", "dependencies", "owners")


def build_views(source, names: Iterable[str] = VIEW_NAMES, *, max_nodes: int = MAX_NODES,
                progress: Callable[[str], None] | None = None) -> list[View]:
    """The named views of the graph at ``source``.

    Parameters
    ----------
    source : a store folder, an open store, a SPARQL endpoint URL or a
        :class:`~recgraph.graph.analyses.Projection` (see :mod:`recgraph.graph.analyses`).
    names : which of :data:`VIEW_NAMES`.
    max_nodes : the node budget of each page (above it a view aggregates or filters).
    progress : called with each view's name before it is built.

    Returns
    -------
    list of View, in the order of ``names``.

    Raises
    ------
    ValueError : a name is not one of :data:`VIEW_NAMES`.
    recgraph.errors.StoreError, recgraph.errors.QueryError : the graph cannot be read.
    """
    from recgraph.graph import analyses

    names = list(names)
    unknown = [n for n in names if n not in VIEW_NAMES]
    if unknown:
        raise ValueError(f"unknown view {', '.join(unknown)}; the views are {', '.join(VIEW_NAMES)} and trace")
    projection = analyses.project(source)
    graph = analyses.recommendation_graph(projection)
    builders: dict[str, Callable[[], View]] = {
        "themes": lambda: build_theme_map(graph, analyses.theme_network(projection), max_nodes=max_nodes),
        "repeats": lambda: build_repeat_timeline(analyses.repeat_chains(projection), graph, max_nodes=max_nodes),
        "dependencies": lambda: build_dependency_view(graph, max_nodes=max_nodes),
        "owners": lambda: build_owner_view(graph, analyses.owner_load(projection), max_nodes=max_nodes),
    }
    views = []
    for name in names:
        if progress:
            progress(name)
        views.append(builders[name]())
    return views


def build_trace_view(source, rec: str) -> View:
    """The ego view of one recommendation: ``rec`` is its IRI or short form (``winning-consent/22``).

    Raises
    ------
    recgraph.graph.analyses.RecommendationLookupError : no recommendation, or several, fit ``rec``.
    """
    from recgraph.graph import analyses

    projection = analyses.project(source)
    iri = analyses.find_recommendation(projection, rec)
    return build_ego_view(analyses.recommendation_graph(projection), iri)
