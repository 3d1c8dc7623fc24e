"""Stage 6, analyses: takes a store or SPARQL endpoint and gives DataFrames and networkx graphs.

Repeat chains, the theme network, owner load, system hubs, dependencies, figures, and the
auditor's trace of one recommendation.

Every analysis takes a ``source``: a store folder, ``None`` (``$RECGRAPH_STORE`` or
``./.recgraph``), an open pyoxigraph store or :class:`~recgraph.graph.store.knowledge.KnowledgeGraph`,
the URL of a SPARQL endpoint, or a :class:`Projection` (to share the queries between analyses).
The graph is projected through targeted SPARQL SELECT queries (never every triple) onto pandas
tables and small networkx graphs; the analyses proper are pure functions of those, tested on tiny
hand-made inputs.

>>> from recgraph.graph import analyses                                  # doctest: +SKIP
>>> analyses.repeat_chains(".recgraph")                                  # doctest: +SKIP
>>> analyses.system_hubs("http://localhost:8000/sparql").head()          # doctest: +SKIP
>>> analyses.trace(".recgraph", "winning-consent/22").related            # doctest: +SKIP
"""

from recgraph.graph.analyses.dependencies import (
    dependency_chains,
    dependency_cycles,
    dependency_graph,
    dependency_order,
)
from recgraph.graph.analyses.owners import owner_load
from recgraph.graph.analyses.network import recommendation_graph
from recgraph.graph.analyses.projection import Projection, project
from recgraph.graph.analyses.repeats import chain_summary, link_table, repeat_chains
from recgraph.graph.analyses.source import EndpointSource, LocalSource, connect
from recgraph.graph.analyses.stats import graph_stats
from recgraph.graph.analyses.systems import system_hubs
from recgraph.graph.analyses.themes import recommendation_communities, theme_network, theme_table
from recgraph.graph.analyses.lookup import RecommendationLookupError, find_recommendation
from recgraph.graph.analyses.trace import Trace, trace
from recgraph.graph.analyses.trace_report import trace_html, trace_markdown

__all__ = [
    "EndpointSource",
    "LocalSource",
    "Projection",
    "RecommendationLookupError",
    "Trace",
    "chain_summary",
    "connect",
    "dependency_chains",
    "dependency_cycles",
    "dependency_graph",
    "dependency_order",
    "find_recommendation",
    "graph_stats",
    "owner_load",
    "project",
    "recommendation_communities",
    "recommendation_graph",
    "link_table",
    "repeat_chains",
    "system_hubs",
    "theme_network",
    "theme_table",
    "trace",
    "trace_html",
    "trace_markdown",
]
