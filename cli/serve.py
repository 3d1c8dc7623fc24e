"""``recgraph serve``: the SPARQL endpoint, the Graph Store Protocol and a query page over HTTP."""

from __future__ import annotations

import click

from recgraph.cli.errors import reports_errors
from recgraph.cli.main import cli
from recgraph.cli.store import store_option

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; the default keeps the server to this machine.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-updates", is_flag=True,
              help="Accept SPARQL Update and Graph Store Protocol writes bearing --token.")
@click.option("--token", envvar="RECGRAPH_TOKEN", default=None, metavar="T",
              help="Bearer token that writes must carry (or $RECGRAPH_TOKEN, which keeps it out of ps).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="Seconds a query may run before it is abandoned with a 503.")
@click.option("--allow-service", "allowed_services", multiple=True, metavar="URL",
              help="An endpoint that SERVICE and LOAD may call (repeatable); all others are refused.")
@reports_errors
def serve(store, host, port, allow_updates, token, timeout, allowed_services):
    """Serve the store over HTTP: SPARQL 1.1 at /sparql, graphs at /store, a query page at /query.

    Every IRI under the store's base resolves under /id/ (303 to a page for people or RDF for
    machines, by content negotiation); the views of `recgraph view` are served under /views/.

    Read-only unless --allow-updates is given together with a token. Stop with Ctrl-C.
    """
    import uvicorn

    from recgraph.graph.server import ServerConfig, create_app
    from recgraph.graph.server.pages import linked_data_routes
    from recgraph.graph.store.database import store_location

    if token and not allow_updates:
        click.echo("Warning: the token has no effect without --allow-updates; serving read-only", err=True)
    config = ServerConfig(timeout=timeout, allow_updates=allow_updates, token=token,
                          allowed_services=frozenset(allowed_services))
    location = store_location(store)
    routes = linked_data_routes(_base(location), views=location / "views")
    app = create_app(_open(location, writable=allow_updates), config, routes=routes)
    mode = "read-write for bearers of the token" if allow_updates else "read-only"
    click.echo(f"Serving {location} ({mode}) at http://{host}:{port}/sparql; query page at /query; "
               f"Linked Data pages at /id/ and /doc/", err=True)
    if host not in LOOPBACK:
        click.echo(f"Warning: listening on {host}: other machines can reach this server", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


def _base(location) -> str | None:
    # The IRIs resolve under the base the store was built with; a store without a manifest
    # (e.g. one built by hand) falls back to $RECGRAPH_BASE or the default base.
    from recgraph.errors import StoreError
    from recgraph.graph.store.database import read_manifest

    try:
        return read_manifest(location).get("base")
    except StoreError:
        return None


def _open(location, writable: bool):
    from recgraph.graph.store import database as stores

    if not writable:
        return stores.open_store(location)
    from recgraph.graph.server import open_store

    # store.open_store only opens read-only; the live build's database is the "oxigraph" folder of
    # the build CURRENT names (the layout documented in graph/store/database.py).
    return open_store(stores.current_build(location) / "oxigraph", writable=True)
