"""``recgraph builds``: list the kept builds of the store; ``recgraph builds restore ID`` makes one live."""

from __future__ import annotations

import json

import click

from recgraph.cli.errors import reports_errors
from recgraph.cli.main import cli
from recgraph.cli.store import store_option


@cli.group(invoke_without_command=True)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
@reports_errors
def builds(ctx, store, fmt):
    """List the kept builds: id, when, papers, recommendations, quads, validation; the live one marked.

    A build keeps the live build and the two before it (`recgraph build --keep N` or
    $RECGRAPH_KEEP_BUILDS to change); `recgraph builds restore ID` makes a kept one live again.
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = store
        return
    from dataclasses import asdict

    from recgraph.cli.graph_render import print_builds
    from recgraph.errors import StoreError
    from recgraph.graph.store.builds import list_builds
    from recgraph.graph.store.database import store_location

    location = store_location(store)
    found = list_builds(location)
    if not found:
        raise StoreError(f"no recgraph store at {location}: run `recgraph build` first, or point --store at one")
    if fmt == "json":
        click.echo(json.dumps([asdict(info) for info in found], indent=2))
    else:
        print_builds(found, location)


@builds.command()
@click.argument("build_id", metavar="ID")
@store_option
@click.pass_context
@reports_errors
def restore(ctx, build_id, store):
    """Make the kept build ID live again (atomically; the builds stay on disk)."""
    from recgraph.graph.store.builds import restore_build
    from recgraph.graph.store.database import store_location

    location = store_location(store or ctx.obj)
    info = restore_build(location, build_id)
    click.echo(f"Build {info.id} of {location} is live ({info.papers} papers, {info.recommendations} recommendations).")
