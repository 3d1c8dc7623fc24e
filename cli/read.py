"""``recgraph read`` and ``recgraph corrections``: papers to records, and analysts' fixes back in."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import click

from recgraph.cli import output
from recgraph.cli.errors import EXIT_PROBLEMS, EXIT_UNUSABLE, check_out_folder, reports_errors
from recgraph.cli.main import cli

FORMATS = ("summary", "json", "csv", "xlsx")


def read_options(command):
    """Options shared by the commands that read papers."""
    command = click.option("--catalogue", type=click.Path(dir_okay=False, path_type=Path), default=None,
                           help="Catalogue file (default: catalogue.toml beside the papers or one folder up).")(command)
    command = click.option("--no-overrides", is_flag=True, help="Ignore analysts' corrections (overrides.csv).")(command)
    command = click.option("--max-size", type=click.FloatRange(min=0.001), default=20.0, show_default=True,
                           help="Refuse files larger than this many MB.")(command)
    command = click.option("--workers", type=click.IntRange(min=1), default=None,
                           help="Processes reading papers side by side (default: RECGRAPH_WORKERS, else one per CPU "
                                "for a large read; 1: one process).")(command)
    return command


def _options(catalogue, no_overrides, max_size):
    from recgraph.graph.reading.papers import ReadOptions

    return ReadOptions(catalogue=catalogue, use_overrides=not no_overrides, max_bytes=int(max_size * 1048576))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@output.format_option(FORMATS, "summary (counts, warnings and leftovers); json/csv/xlsx: one row per recommendation")
@output.nl_option
@output.out_option
@click.option("--per-paper", "per_paper", is_flag=True, default=False,
              help="JSON (implies --format json): one object per paper, with the reports it tracks, its record "
                   "and mention counts per report and its unplaced spans, instead of one row per record.")
@read_options
@reports_errors
def read(paths, fmt, nl, out, per_paper, catalogue, no_overrides, max_size, workers):
    """Read papers (files or folders; default: the data folder's papers) into recommendation records.

    Exit code 0 when every paper was read, 1 when some could not be, 2 when none could.
    """
    from recgraph.graph.reading.locations import papers_dir
    from recgraph.graph.reading.papers import read_papers
    from recgraph.graph.reading.records import rows_from_results, rows_to_csv, rows_to_json, rows_to_xlsx

    fmt = output.choose_format(output.nl_format(fmt or ("json" if per_paper else None), nl), out, FORMATS, "summary",
                               aliases={"text": "summary"})
    if per_paper and fmt != "json":
        raise click.UsageError(f"--per-paper writes JSON; it cannot go with --format {fmt}")
    nl = output.wants_nl(nl, fmt, out)
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx writes a file: give --out FILE.xlsx")
    check_out_folder(out)
    outcome = read_papers(paths or [papers_dir()], _options(catalogue, no_overrides, max_size), workers=workers)
    for message in dict.fromkeys(map(str, outcome.errors)):  # a broken catalogue fails every paper alike
        click.echo(f"Error: {message}", err=True)
    if not outcome.results:
        if not outcome.errors:
            click.echo("Error: no paper found to read", err=True)
        sys.exit(EXIT_UNUSABLE)
    if fmt == "summary":
        from recgraph.cli.render import print_read_summary
        from recgraph.cli.topics_render import print_topic_mentions

        # Mentions by topic are resolved here when only reading (a build resolves them as it links);
        # the linking stage takes ~1.5 s to import, so only when some paper cites by topic.
        topics = ()
        if any(m.number is None and m.topic for r in outcome.results for m in r.mentions):
            from recgraph.graph.linking.topics import resolve_topics

            topics = resolve_topics(outcome.results)
        if out is None:
            print_read_summary(outcome.results)
            print_papers(outcome.results)
            print_topic_mentions(topics)
        else:
            from rich.console import Console

            summary = io.StringIO()
            console = Console(file=summary, width=120, no_color=True)
            print_read_summary(outcome.results, console)
            print_papers(outcome.results, console)
            print_topic_mentions(topics, console)
            output.write_text(summary.getvalue(), out)
    else:
        for result in outcome.results:
            for warning in dict.fromkeys(result.warnings):  # the document's own may come twice
                click.echo(f"Warning: {warning}", err=True)
        if per_paper:
            from recgraph.graph.reading.records import paper_summaries

            papers = paper_summaries(outcome.results)
            text = output.json_lines(papers) if nl else json.dumps(papers, indent=1, ensure_ascii=False) + "\n"
            output.write_text(text, out)
            sys.exit(EXIT_PROBLEMS if outcome.errors else 0)
        rows = rows_from_results(outcome.results)
        if fmt == "xlsx":
            workbook = io.BytesIO()  # made in memory: a full disk then fails one plain write, not a zip half-closed
            rows_to_xlsx(rows, workbook)
            output.write_bytes(workbook.getvalue(), out)
        elif nl:
            from dataclasses import asdict

            output.write_text(output.json_lines(asdict(row) for row in rows), out)
        else:
            text = rows_to_json(rows) if fmt == "json" else rows_to_csv(rows)
            output.write_text(text if text.endswith("\n") else text + "\n", out)
    if outcome.errors:
        sys.exit(EXIT_PROBLEMS)


def print_papers(results, console=None) -> None:
    """One line per paper: its records, mentions, unplaced spans and the report(s) it tracks."""
    from recgraph.cli.render import make_console

    console = console or make_console()
    for result in results:
        reports = ", ".join(f"{r.title} ({r.key})" for r in result.paper.source_reports) or "no report identified"
        console.print(
            f"{Path(result.paper.file).name}: {len(result.recommendations)} record(s), {len(result.mentions)} mention(s), "
            f"{len(result.leftovers)} unplaced span(s); tracks {reports}",
            highlight=False, markup=False, soft_wrap=True,
        )


@cli.group()
def corrections():
    """Analysts' corrections: import a corrected CSV/XLSX; list what is kept; remove one."""


@corrections.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The data folder whose papers are corrected (default: $RECGRAPH_DATA, else ./data; with no papers there, the seed papers, corrected into ./data).")
@reports_errors
def import_corrections_command(file, data_dir):
    """Import FILE (CSV or XLSX with the columns of `recgraph read --format csv`).

    Only the cells that differ from what the readers extract are kept, in DATA/overrides.csv, with
    who made them ($RECGRAPH_USER, else your login name) and when; they win over extraction on
    every later read. An empty cell, or the extraction's own value, removes the correction of
    that field. A corrected status phrase must match a status of the vocabulary.
    """
    from recgraph.graph.enrich.corrections import status_phrase_check
    from recgraph.graph.reading.corrections_import import import_corrections

    report = import_corrections(file, data_dir, check_phrase=status_phrase_check())
    for note in report.ignored:
        click.echo(f"Note: {note}", err=True)
    click.echo(
        f"{len(report.corrected)} corrected field(s) kept in {report.path}; "
        f"{report.unchanged_rows} row(s) matched the extraction already."
        + (f" {len(report.removed)} earlier correction(s) undone." if report.removed else "")
    )


@corrections.command("remove")
@click.argument("rec")
@click.argument("field", required=False)
@click.option("--paper", default=None, help="Only the correction made in this paper (file name).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@reports_errors
def remove_corrections_command(rec, field, paper, data_dir):
    """Undo the correction of FIELD of recommendation REC (report-key/number); without FIELD, all
    of its corrections. The next read gives the value the readers extract."""
    from recgraph.graph.reading.corrections_import import remove_corrections

    removed, path = remove_corrections(rec, field, data_dir, paper)
    for o in removed:
        click.echo(f"Removed {o.paper} {o.source_report_key}/{o.number} {o.field} = {o.value!r}")
    click.echo(f"{len(removed)} correction(s) removed from {path}.", err=True)


@corrections.command("list")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@reports_errors
def list_corrections(data_dir):
    """List the corrections kept in the data folder's overrides.csv."""
    from recgraph.graph.reading.corrections import load_overrides
    from recgraph.graph.reading.locations import default_data_dir, overrides_for

    path = overrides_for(data_dir or default_data_dir())
    overrides = load_overrides(path)
    if not overrides:
        click.echo(f"No corrections in {path}.")
    for o in overrides:
        made = ", ".join(part for part in (o.who and f"by {o.who}", o.when and f"on {o.when}", o.origin and f"from {o.origin}") if part)
        click.echo(f"{o.paper} {o.source_report_key}/{o.number} {o.field} = {o.value!r}{f' ({made})' if made else ''}")
