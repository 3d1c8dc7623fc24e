"""The graph in figures: records, statuses, links, and what the analyses find, in one table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.dependencies import build_dependency_graph, dependency_chains, dependency_cycles
from recgraph.graph.analyses.dependencies import DEPENDENCY_KINDS
from recgraph.graph.analyses.owners import NO_OWNER, load_by_owner
from recgraph.graph.analyses.projection import LINK_KINDS, Projection, Source, project
from recgraph.graph.analyses.repeats import chain_summary, chains_from_links

if TYPE_CHECKING:
    import pandas

_COUNTS = """
SELECT (COUNT(DISTINCT ?paper) AS ?papers) (COUNT(DISTINCT ?report) AS ?reports)
WHERE { { ?paper a rg:Paper } UNION { ?report a rg:SourceReport } }"""


def graph_stats(source: Source | Projection = None) -> pandas.DataFrame:
    """Figures about the graph: one row per measure.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).

    Returns
    -------
    pandas.DataFrame : ``measure``, ``value`` (int or float) and ``about`` (what it counts).
    """
    import pandas

    projection = project(source)
    recs = projection.recommendations(text=False)
    links = projection.links(LINK_KINDS, evidence=["reiterates"])  # the figures use no other link's evidence
    counts = projection.source.select(_COUNTS).iloc[0]
    chains = chains_from_links(links[links["kind"] == "reiterates"], recs)
    summary = chain_summary(chains)
    dependencies = build_dependency_graph(links[links["kind"].isin(DEPENDENCY_KINDS)], recs, projection.concepts())
    owners = load_by_owner(recs)
    kinds = links["kind"].value_counts()
    named = owners[owners["owner"] != NO_OWNER]
    rows = [
        ("papers", int(counts["papers"] or 0), "monitoring papers read"),
        ("source reports", int(counts["reports"] or 0), "reports that made recommendations"),
        ("recommendations", len(recs), "recommendations, lettered parts included"),
        ("lettered parts", int(recs["parent"].notna().sum()), "recommendations that are part of another"),
        ("progress updates", int(recs["updates"].sum()), "what papers say of recommendations"),
        ("open", int((~recs["closed"]).sum()), "recommendations whose status is not a closed one"),
        ("closed", int(recs["closed"].sum()), "complete, superseded or subsumed"),
        ("status unknown", int((recs["status"] == "unknown").sum()), "no status decided"),
        ("stale", int(recs["stale"].sum()), "open, and unchanged across two papers or more"),
        ("owners", len(named), "owners named by the latest updates"),
        ("without owner", int(recs["owner"].isna().sum()), "recommendations no paper gives an owner"),
        ("themes in use", int(links.loc[links["kind"] == "theme", "target"].nunique()), "themes tagging a recommendation"),
        ("systems named", int(links.loc[links["kind"] == "mentionsSystem", "target"].nunique()), "systems mentioned"),
        *((f"{kind} links", int(kinds.get(kind, 0)), f"rg:{kind} statements") for kind in LINK_KINDS),
        ("repeat chains", len(summary), "connected groups of repeat links"),
        ("longest repeat chain", int(summary["length"].max()) if len(summary) else 0, "members"),
        ("widest repeat chain", _int(summary["span_years"].max()) if len(summary) else 0, "years from first to last member"),
        ("recurring despite closure", int(chains["closed_before_repeat"].sum()) if len(chains) else 0,
         "members marked complete yet reiterated later"),
        ("dependency cycles", int(dependency_cycles(dependencies)["cycle"].nunique()), "groups waiting on each other"),
        ("longest dependency chain", _longest(dependencies), "members, the one waiting first"),
    ]
    return pandas.DataFrame(rows, columns=["measure", "value", "about"])


def _int(value: object) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _longest(graph) -> int:
    chains = dependency_chains(graph, min_length=1)
    return int(chains["length"].max()) if len(chains) else 0
