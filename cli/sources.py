"""Where a command reads the graph from: the --store and --endpoint options, shared by the commands
that run analyses (recgraph.cli.analyses) and draw views (recgraph.cli.views).

This module registers no command, so any command module can import it without import cycles.
"""

from __future__ import annotations

from pathlib import Path

import click


def source_options(command):
    """--store and --endpoint: where the graph is read from."""
    command = click.option(
        "--endpoint", metavar="URL", default=None,
        help="Read from this SPARQL endpoint (e.g. http://localhost:8000/sparql) instead of the local store.",
    )(command)
    return click.option(
        "--store", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Store folder (default: $RECGRAPH_STORE, else ./.recgraph).",
    )(command)


def open_source(store: Path | None, endpoint: str | None):
    """The graph named by --store or --endpoint, as a :class:`~recgraph.graph.analyses.Projection`.

    Raises
    ------
    click.UsageError : both are given.
    click.BadParameter : the endpoint is not an http(s) URL.
    """
    from recgraph.graph.analyses import project

    if store and endpoint:
        raise click.UsageError("give --store or --endpoint, not both")
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise click.BadParameter(f"{endpoint!r} is not an http(s) URL", param_hint="--endpoint")
    return project(endpoint or store)
