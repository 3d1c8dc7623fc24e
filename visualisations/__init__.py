"""recgraph.visualisations: pure builders from analysis results to pyvis networks, written separately.

Builders (each returns a :class:`View`: a pyvis network with precomputed positions plus its page's
title, legend and filter menus): :func:`build_theme_map`, :func:`build_repeat_timeline`,
:func:`build_dependency_view`, :func:`build_owner_view`, :func:`build_ego_view`. Writing:
:func:`write_view`, :func:`write_views` (pages and an index; every page self-contained, nothing
loaded from the network). From a store or endpoint in one call: :func:`build_views`,
:func:`build_trace_view`.

>>> from recgraph.visualisations import build_theme_map, write_views     # doctest: +SKIP
>>> write_views([build_theme_map(graph)], "views/")                       # doctest: +SKIP
"""

from recgraph.visualisations.collection import VIEW_NAMES, build_trace_view, build_views
from recgraph.visualisations.dependencies import build_dependency_view
from recgraph.visualisations.ego import build_ego_view
from recgraph.visualisations.owners import build_owner_view
from recgraph.visualisations.page import render_view, write_index, write_view, write_views
from recgraph.visualisations.themes import build_theme_map
from recgraph.visualisations.timeline import build_repeat_timeline
from recgraph.visualisations.view import MAX_NODES, LegendEntry, View

__all__ = [
    "MAX_NODES",
    "VIEW_NAMES",
    "LegendEntry",
    "View",
    "build_dependency_view",
    "build_ego_view",
    "build_owner_view",
    "build_repeat_timeline",
    "build_theme_map",
    "build_trace_view",
    "build_views",
    "render_view",
    "write_index",
    "write_view",
    "write_views",
]
