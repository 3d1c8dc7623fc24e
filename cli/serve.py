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
              help="Seconds a query may run before it is stopped with a 503.")
@click.option("--workers", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Queries that may run at once, each in a process of its own when read-only.")
@click.option("--query-memory", type=click.IntRange(min=256), default=2048, show_default=True, metavar="MIB",
              help="Memory a query's process may use (MiB); a query needing more is stopped with a 503.")
@click.option("--allow-service", "allowed_services", multiple=True, metavar="URL",
              help="An endpoint that SERVICE and LOAD may call (repeatable); all others are refused.")
@reports_errors
def serve(store, host, port, allow_updates, token, timeout, workers, query_memory, allowed_services):
    """Serve the store over HTTP: SPARQL 1.1 at /sparql, graphs at /store, a query page at /query.

    Every IRI under the store's base resolves under /id/ (303 to a page for people or RDF for
    machines, by content negotiation); the views of `recgraph view` are served under /views/.

    Each new build is served within a second of going live. Read-only unless --allow-updates is
    given together with a token. Stop with Ctrl-C or SIGTERM.
    """
    from recgraph.graph.server import ServerConfig, create_app
    from recgraph.graph.server.listening import listen, run_until_signalled
    from recgraph.graph.server.pages import linked_data_routes
    from recgraph.graph.store.database import current_build, store_location

    if token and not allow_updates:
        click.echo("Warning: the token has no effect without --allow-updates; serving read-only", err=True)
    config = ServerConfig(timeout=timeout, allow_updates=allow_updates, token=token, workers=workers,
                          query_memory_bytes=query_memory * 1024 * 1024,
                          allowed_services=frozenset(allowed_services))
    location = store_location(store)
    current_build(location)  # one clear line when there is no store
    sock = listen(host, port)  # before anything starts: a busy port is one Error: line
    try:
        routes = linked_data_routes(_base(location), views=location / "views")
        app = create_app(location, config, routes=routes)
    except BaseException:
        sock.close()
        raise
    mode = "read-write for bearers of the token" if allow_updates else "read-only"
    click.echo(f"Serving {location} ({mode}) at http://{host}:{port}/sparql; query page at /query; "
               f"Linked Data pages at /id/ and /doc/", err=True)
    if host not in LOOPBACK:
        click.echo(f"Warning: listening on {host}: other machines can reach this server", err=True)
    try:
        signal_name = run_until_signalled(app, sock)
    finally:
        app.state.recgraph.close()
        sock.close()
    click.echo(f"Stopped serving {location} ({signal_name or 'server ended'})", err=True)


def _base(location) -> str | None:
    # The IRIs resolve under the base the store was built with; a store without a manifest
    # (e.g. one built by hand) falls back to $RECGRAPH_BASE or the default base.
    from recgraph.errors import StoreError
    from recgraph.graph.store.database import read_manifest

    try:
        return read_manifest(location).get("base")
    except StoreError:
        return None
