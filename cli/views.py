"""``recgraph view``: interactive views of the graph as self-contained HTML pages."""

from __future__ import annotations

from pathlib import Path

import click

from recgraph.cli.errors import reports_errors
from recgraph.cli.main import cli
from recgraph.cli.sources import open_source, source_options

#: The names ``recgraph view`` accepts (recgraph.visualisations.collection.VIEW_NAMES, plus trace);
#: spelled out here so that ``--help`` does not import pyvis.
VIEWS = ("themes", "repeats", "dependencies", "owners")
#: Where the pages go with --endpoint and no --out (there is no store folder to put them under).
ENDPOINT_FOLDER = Path("recgraph-views")


@cli.command()
@click.argument("name", required=False, type=click.Choice([*VIEWS, "trace"]))
@click.argument("rec", required=False)
@source_options
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write into (default: views/ in the store folder).")
@click.option("--max-nodes", type=click.IntRange(min=10), default=2000, show_default=True,
              help="Above this many nodes a view aggregates or shows the largest parts (and says so).")
@reports_errors
def view(name, rec, store, endpoint, out, max_nodes):
    """Write interactive views and an index.html linking them; print the path of the page to open.

    NAME is themes, repeats, dependencies or owners (default: all four); `recgraph view trace REC`
    writes the neighbourhood of one recommendation (REC: an IRI or a short form such as
    winning-consent/22). The pages load nothing from the network: open them from disk.
    """
    from recgraph.graph.store.database import store_location
    from recgraph.visualisations.collection import build_trace_view, build_views
    from recgraph.visualisations.page import write_index, write_view, write_views

    if name == "trace" and not rec:
        raise click.UsageError("give the recommendation to trace: recgraph view trace REC")
    if rec and name != "trace":
        raise click.UsageError(f"unexpected argument {rec!r}: only `view trace` takes a recommendation")
    source = open_source(store, endpoint)
    folder = out or (ENDPOINT_FOLDER if endpoint else store_location(store) / "views")
    if name == "trace":
        traced = build_trace_view(source, rec)
        page = write_view(traced, folder)
        write_index(folder, [traced])
        click.echo(page)
        return
    views = build_views(source, [name] if name else VIEWS, max_nodes=max_nodes,
                        progress=lambda n: click.echo(f"Building the {n} view…", err=True))
    index = write_views(views, folder, progress=lambda v, p: click.echo(_written(v, p), err=True))
    click.echo(folder / f"{name}.html" if name else index)


def _written(view, path: Path) -> str:
    note = " (aggregated or filtered: see the page)" if view.notice else ""
    return f"Wrote {path.name}: {view.node_count:,} nodes{note}"
