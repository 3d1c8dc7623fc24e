"""``recgraph trace``, ``repeats``, ``themes``, ``owners``, ``systems``, ``dependencies`` and ``stats``.

Each reads the local store (``--store``) or a SPARQL endpoint (``--endpoint URL``), runs one
analysis of :mod:`recgraph.graph.analyses`, and writes a table (default), CSV, JSON, Markdown or
XLSX (``--format``, ``--out``; the format follows the --out extension when not given).
"""

from __future__ import annotations

import datetime

import click

from recgraph.cli.analyses_render import TRACE_FORMATS, choose_format, output_options, write_frames, write_text
from recgraph.cli.analyses_render import write_listing as _write
from recgraph.cli.errors import reports_errors
from recgraph.cli.main import cli
from recgraph.cli.sources import open_source, source_options


@cli.command()
@click.argument("rec")
@source_options
@output_options(TRACE_FORMATS, listing=False)
@reports_errors
def trace(rec, store, endpoint, fmt, out):
    """Trace one recommendation: its text, every progress update, every related recommendation.

    REC is an IRI or a short form: winning-consent/22, race-and-faith/6(b), hmic-mps-2000-01/26.
    An unknown or ambiguous REC gets the close matches (exit code 2). --out trace.md or
    trace.html writes a report to attach to a working paper.
    """
    from recgraph.cli.analyses_render import print_trace
    from recgraph.graph.analyses import trace as trace_recommendation
    from recgraph.graph.analyses import trace_html, trace_markdown

    chosen = choose_format(fmt, out, TRACE_FORMATS)
    found = trace_recommendation(open_source(store, endpoint), rec)
    made = f"on {datetime.date.today().isoformat()}"
    if chosen == "table":
        print_trace(found)
    elif chosen == "markdown":
        write_text(trace_markdown(found, made), out)
    elif chosen == "html":
        write_text(trace_html(found, made), out)
    elif chosen == "json":
        import json

        write_text(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n", out)
    else:
        write_frames({"updates": found.updates_frame(), "related": found.related_frame()}, chosen, out)


@cli.command()
@source_options
@output_options()
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="Ignore repeat links scored below this.")
@click.option("--summary", is_flag=True, help="One row per chain (length, years spanned, recurring despite closure).")
@reports_errors
def repeats(store, endpoint, fmt, nl, out, min_score, summary):
    """Repeat chains: recommendations that raise the same issue again, report after report, earliest first."""
    from recgraph.graph.analyses import chain_summary, repeat_chains

    chains = repeat_chains(open_source(store, endpoint), min_score)
    if summary:
        _write({"chains": chain_summary(chains)}, fmt, out, nl)
        return
    columns = ["chain", "position", "label", "year", "date", "status", "score", "reiterates", "closed_before_repeat", "decision"]
    _write({"repeats": chains}, fmt, out, nl, {"repeats": columns})


@cli.command()
@source_options
@output_options()
@click.option("--communities", is_flag=True, help="List each recommendation's community instead of the themes.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the Louvain method.")
@click.option("--resolution", type=float, default=1.0, show_default=True,
              help="Louvain resolution (above 1: smaller communities).")
@reports_errors
def themes(store, endpoint, fmt, nl, out, communities, seed, resolution):
    """The theme network: co-occurrence, centrality (degree, betweenness, PageRank), Louvain communities."""
    from recgraph.graph.analyses import recommendation_communities, theme_network, theme_table

    projection = open_source(store, endpoint)
    network = theme_network(projection, seed, resolution)
    if communities:
        frame = recommendation_communities(projection, network)
        _write({"communities": frame}, fmt, out, nl, {"communities": ["community", "label", "themes"]})
        return
    _write({"themes": theme_table(network)}, fmt, out, nl)


@cli.command()
@source_options
@output_options()
@reports_errors
def owners(store, endpoint, fmt, nl, out):
    """Owner load: open and stale recommendations per owner (stale: status unchanged across papers)."""
    from recgraph.graph.analyses import owner_load

    _write({"owners": owner_load(open_source(store, endpoint))}, fmt, out, nl)


@cli.command()
@source_options
@output_options()
@reports_errors
def systems(store, endpoint, fmt, nl, out):
    """System hubs: the IT systems on which most open recommendations depend."""
    from recgraph.graph.analyses import system_hubs

    columns = ["system", "open_dependents", "dependents", "direct_dependents", "open_mentions", "mentions",
               "open_recommendations"]
    _write({"systems": system_hubs(open_source(store, endpoint))}, fmt, out, nl, {"systems": columns})


@cli.command()
@source_options
@output_options()
@click.option("--show", type=click.Choice(["chains", "cycles", "order"]), default="chains", show_default=True,
              help="Chains of waiting links, cycles of recommendations waiting on each other, or a topological order.")
@reports_errors
def dependencies(store, endpoint, fmt, nl, out, show):
    """The dependency graph: what recommendations wait on (systems, programmes, other recommendations)."""
    from recgraph.graph.analyses import dependency_chains, dependency_cycles, dependency_graph, dependency_order

    graph = dependency_graph(open_source(store, endpoint))
    analysis = {"chains": dependency_chains, "cycles": dependency_cycles, "order": dependency_order}[show]
    frame = analysis(graph)
    _write({show: frame}, fmt, out, nl, {show: [c for c in frame.columns if c != "iri"]})


@cli.command()
@source_options
@output_options()
@reports_errors
def stats(store, endpoint, fmt, nl, out):
    """The graph in figures: records, statuses, owners, links, chains and cycles."""
    from recgraph.graph.analyses import graph_stats

    _write({"stats": graph_stats(open_source(store, endpoint))}, fmt, out, nl)
