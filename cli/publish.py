"""``recgraph publish``: push the store's graphs to a SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

import click

from recgraph.cli.errors import reports_errors
from recgraph.cli.main import cli
from recgraph.cli.store import store_option


@cli.command()
@store_option
@click.option("--to", "endpoint", required=True, metavar="URL",
              help="The Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph), "
                   "http://host:3030/ds/data (Fuseki), http://host:8890/sparql-graph-crud-auth (Virtuoso).")
@click.option("--token", envvar="RECGRAPH_REMOTE_TOKEN", default=None, metavar="T",
              help="Bearer token for the endpoint (or $RECGRAPH_REMOTE_TOKEN, which keeps it out of ps).")
@click.option("--user", default=None, metavar="NAME",
              help="User for HTTP authentication; the password comes from $RECGRAPH_REMOTE_PASSWORD or a prompt.")
@click.option("--digest", is_flag=True, help="Use HTTP Digest authentication (Virtuoso) instead of Basic.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Seconds to wait for the endpoint's answer to each graph.")
@reports_errors
def publish(store, endpoint, token, user, digest, timeout):
    """Replace each graph of the store on a remote triplestore: one HTTP PUT per graph (?graph=IRI).

    Sends every paper's named graph, the ontology's and the vocabularies' graphs (and the
    enrichment's). Publishing again is safe: each PUT replaces its graph.
    """
    import os

    from recgraph.cli.publish_render import PublishProgress, print_publish_summary
    from recgraph.graph.store.publish import publish as publish_store
    from recgraph.graph.store.remote import Credentials
    from recgraph.graph.store.database import open_store, store_location

    if token and user:
        raise click.UsageError("give either --token or --user, not both")
    password = None
    if user:
        password = os.environ.get("RECGRAPH_REMOTE_PASSWORD") or click.prompt(f"Password for {user}", hide_input=True,
                                                                              err=True)
    credentials = Credentials(token=token, user=user, password=password, digest=digest)
    source = open_store(store_location(store))
    with PublishProgress() as progress:
        summary = publish_store(source, endpoint, credentials=credentials, timeout=timeout, progress=progress.update)
    print_publish_summary(summary)
