"""``recgraph build``, ``validate``, ``query``, ``export`` and ``docs``: the knowledge graph commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from recgraph.cli import output
from recgraph.cli.errors import EXIT_PROBLEMS, EXIT_UNUSABLE, check_out_folder, reports_errors, standard_output, write_out
from recgraph.cli.main import cli
from recgraph.cli.read import read_options

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld")
EXPORT_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")


def store_option(command):
    """--store: where the store lives."""
    return click.option(
        "--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Store folder (default: $RECGRAPH_STORE, else ./.recgraph).",
    )(command)


def base_option(command):
    """--base: the base IRI of the data."""
    return click.option(
        "--base", default=None, metavar="IRI",
        help="Base IRI of the data (default: $RECGRAPH_BASE, else https://w3id.org/recgraph/id/).",
    )(command)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@base_option
@click.option("--update", is_flag=True,
              help="Re-read only the papers given (a given file that is gone leaves the store); the others keep "
                   "their records from the live build. The store equals a full build of the same papers.")
@click.option("--remove", "remove", multiple=True, metavar="PAPER",
              help="Take a paper (file name or path) out of the store; implies --update. Repeatable.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL validation (faster for very large builds).")
@click.option("--strict", is_flag=True,
              help="Build nothing when a paper cannot be read, and keep the previous store when the new graph "
                   "does not conform.")
@click.option("--keep", type=click.IntRange(min=1), default=None, metavar="N",
              help="Builds to keep, the live one included (default: $RECGRAPH_KEEP_BUILDS, else 3); "
                   "`recgraph builds restore ID` makes a kept one live.")
@read_options
@reports_errors
def build(paths, store, base, update, remove, no_validate, strict, keep, catalogue, no_overrides, max_size, workers):
    """Read papers (default: the data folder's papers), build the graph, validate it and store it.

    The new store replaces the old one atomically: if the build fails or is killed, the previous
    store stays as it was. A paper that cannot be read keeps the graph it had in the live store
    (its error is still printed, and the exit code is 1): a build never loses a paper it failed to
    read. With --strict such a paper stops the build instead, and nothing changes.

    Graphs written through `recgraph serve --allow-updates` (any graph no build makes, and the
    default graph) are carried over into the new build.

    Exit code 0 when every paper was read and the graph conforms to the shapes, 1 when some paper
    could not be read or the graph does not conform, 2 when nothing could be built.
    """
    from recgraph.cli.graph_render import BuildProgress, print_build_summary, print_violations
    from recgraph.cli.topics_render import print_topic_mentions
    from recgraph.graph.reading.papers import ReadOptions
    from recgraph.graph.store.pipeline import NothingToBuildError, build as build_graph

    options = ReadOptions(catalogue=catalogue, use_overrides=not no_overrides, max_bytes=int(max_size * 1048576))
    with BuildProgress() as progress:
        try:
            outcome = build_graph(
                paths, store=store, base=base, update=update, remove=remove, validate=not no_validate, strict=strict,
                options=options, workers=workers, keep=keep, progress=progress.report,
            )
        except NothingToBuildError as err:
            for error in err.errors or [err]:
                click.echo(f"Error: {error}", err=True)
            sys.exit(EXIT_UNUSABLE)
    for error in outcome.errors:
        click.echo(f"Error: {error}", err=True)
    if outcome.stopped:
        click.echo(f"Error: {outcome.stopped}", err=True)
        sys.exit(EXIT_PROBLEMS)
    for name in outcome.kept:
        click.echo(f"Warning: {name} could not be read: its graph from the previous build is kept", err=True)
    for note in outcome.warnings:
        click.echo(f"Warning: {note}", err=True)
    print_build_summary(outcome.summary, outcome.results, outcome.report)
    print_topic_mentions(outcome.topic_mentions)
    if outcome.report and not outcome.report.conforms:
        print_violations(outcome.report.violations, limit=20)
    if not outcome.ok:
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@store_option
@click.option("--engine", type=click.Choice(["sparql", "pyshacl"]), default="sparql", show_default=True,
              help="sparql: the shapes as queries on the store (fast); pyshacl: the reference engine (slow on large graphs).")
@reports_errors
def validate(store, engine):
    """Check the store's graph against the SHACL shapes; print every violation.

    First every database file of the live build is compared with what its build wrote (size and
    SHA-256), so a damaged store fails at once with the file named.

    Exit code 0 when the graph conforms, 1 when it does not, 2 when there is no store or it is damaged.
    """
    from recgraph.cli.graph_render import print_violations
    from recgraph.graph.store.database import verify_store
    from recgraph.graph.store.knowledge import open_graph
    from recgraph.graph.store.validation import validate_store

    verify_store(store)  # a damaged file fails here, before a query can loop on it
    report = validate_store(open_graph(store).store, engine=engine)
    if report.conforms:
        click.echo("The graph conforms to the shapes.")
        return
    print_violations(report.violations)
    if report.omitted:
        click.echo(f"... and {report.omitted} more past the cap of results per constraint.", err=True)
    click.echo(f"{len(report.violations) + report.omitted} violation(s): the graph does not conform to the shapes.", err=True)
    sys.exit(EXIT_PROBLEMS)


@cli.command()
@click.argument("query", required=False)
@store_option
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and the question each answers.")
@output.format_option(RESULT_FORMATS, "a table (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE)")
@output.nl_option
@click.option("--bind", "bindings", multiple=True, metavar="NAME=VALUE",
              help="Give a query variable a value (IRI as <...>, http... or prefix:name; else text). Repeatable.")
@output.out_option
@click.option("--endpoint", default=None, metavar="URL",
              help="Query this remote SPARQL endpoint instead of the store (e.g. http://127.0.0.1:7878/query).")
@reports_errors
def query(query, store, list_saved, fmt, nl, bindings, out, endpoint):
    """Run SPARQL over the store: the NAME of a saved query, a FILE.rq, or a 'SPARQL' string.

    Queries see all graphs merged and may use the prefixes rg:, skos:, prov:, dcterms: ... without
    declaring them. SELECT and ASK give a table (csv, tsv, json, xml); CONSTRUCT and DESCRIBE give
    Turtle (ntriples, jsonld, xml). The format is --format, else the --out extension.
    """
    from recgraph.cli.graph_render import print_saved_queries
    from recgraph.graph.store.knowledge import open_graph
    from recgraph.graph.store.queries import resolve_query, run_query, saved_queries

    # No default here: it depends on the kind of query (a table, or Turtle for CONSTRUCT/DESCRIBE).
    fmt = output.choose_format(output.nl_format(fmt, nl), out, RESULT_FORMATS, "",
                               aliases={"rdfxml": "xml", "text": "table"})
    nl = output.wants_nl(nl, fmt or "json", out) if fmt else False
    check_out_folder(out)
    if list_saved:
        queries = saved_queries()
        if fmt in ("", "table"):
            print_saved_queries(queries)
        elif fmt == "json":
            import json

            items = [{"name": q.name, "question": q.description} for q in queries.values()]
            output.write_text(output.json_lines(items) if nl else json.dumps(items, indent=2) + "\n", out)
        else:
            raise click.UsageError("--list writes a table or JSON (--format json, --nl)")
        return
    if not query:
        raise click.UsageError("give a saved query's name, a .rq file or SPARQL (or --list)")
    values = dict(_binding(b) for b in bindings)
    label, text = resolve_query(query)
    if endpoint:
        from recgraph.graph.store.remote import run_remote_query

        result = run_remote_query(endpoint, text, values, label)
    else:
        result = run_query(open_graph(store).store, text, values, label)
    _write_result(result, fmt, nl, out)


def _write_result(result, fmt: str, nl: bool, out: Path | None) -> None:
    """A query's result by the one output rule; CONSTRUCT and DESCRIBE default to Turtle."""
    import pyoxigraph as ox

    from recgraph.cli.graph_render import print_rows
    from recgraph.graph.store.queries import QueryError, ResultFormat, result_rows, serialize_result

    triples = isinstance(result, ox.QueryTriples)
    fmt = fmt or ("turtle" if triples else "table")
    if nl:
        if triples:
            raise QueryError("a CONSTRUCT or DESCRIBE query gives triples: --nl is for tables (use --format ntriples)")
        columns, rows = result_rows(result)
        output.write_text(output.json_lines(dict(zip(columns, row)) for row in rows), out)
        return
    if fmt == "table":
        if triples:
            raise QueryError("a CONSTRUCT or DESCRIBE query gives triples, not a table: "
                             "use --format turtle, ntriples, jsonld or xml")
        if out is None:
            print_rows(*result_rows(result))
        else:  # a table into a text file (--format table, or --out x.txt): as wide as it needs
            from rich.console import Console

            with out.open("w", encoding="utf-8") as handle:
                print_rows(*result_rows(result), console=Console(file=handle, width=200, no_color=True))
            click.echo(f"Wrote {out}", err=True)
        return
    output.write_bytes(serialize_result(result, ResultFormat(fmt)), out)


@cli.command()
@store_option
@output.format_option(EXPORT_FORMATS, "Turtle")
@click.option("--graph", "graph", default=None, metavar="IRI|PAPER",
              help="Export one named graph only: its IRI, or a paper's file name.")
@output.out_option
@reports_errors
def export(store, fmt, graph, out):
    """Write the store out as Turtle, N-Triples (all graphs merged), N-Quads, TriG or JSON-LD.

    The format is --format, else the --out extension (.ttl .nt .nq .trig .jsonld), else Turtle.
    """
    from recgraph.graph.store.export import ExportFormat, export_store
    from recgraph.graph.rdf.iri import Minter, paper_slug
    from recgraph.graph.store.knowledge import open_graph

    check_out_folder(out)
    chosen = ExportFormat(output.choose_format(fmt, out, EXPORT_FORMATS, "turtle"))
    knowledge = open_graph(store)
    if graph and not graph.startswith(("http:", "https:", "urn:")):
        graph = Minter(knowledge.manifest().get("base")).paper_graph(paper_slug(graph))
    if out:
        write_out(out, lambda target: export_store(knowledge.store, target, chosen, graph))
        click.echo(f"Wrote {out}", err=True)
    else:
        stdout = standard_output()
        export_store(knowledge.store, stdout, chosen, graph)
        stdout.flush()


@cli.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("ontology.html"), show_default=True,
              help="The HTML file to write (or a folder, which gets ontology.html); relative to the working folder.")
@reports_errors
def docs(out):
    """Write an HTML page documenting the ontology, the shapes, the vocabularies and the saved queries."""
    from recgraph.graph.store.docs import write_docs

    click.echo(f"Wrote {write_docs(out)}")


def _binding(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--bind")
    return name.strip().lstrip("?$"), value
