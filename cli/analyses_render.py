"""Writing the analyses' tables and traces: rich tables for people, CSV, JSON, Markdown, XLSX files.

Nothing here computes anything: it takes DataFrames and traces made by
:mod:`recgraph.graph.analyses` and writes them in the format asked for.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from recgraph.cli import output
from recgraph.cli.tables import cell_text, make_console, print_table

if TYPE_CHECKING:
    import pandas

    from recgraph.graph.analyses.trace import Trace

TABLE_FORMATS = ("table", "csv", "json", "markdown", "xlsx")
TRACE_FORMATS = (*TABLE_FORMATS, "html")
#: Characters a spreadsheet cell cannot hold (XML 1.0 control characters).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def choose_format(fmt: str | None, out: Path | None, allowed: tuple[str, ...] = TABLE_FORMATS) -> str:
    """The format asked for, else the one the --out file's extension names, else a table
    (the rule of :func:`recgraph.cli.output.choose_format`).

    Raises
    ------
    click.UsageError : XLSX without --out, or an extension that names no format allowed.
    """
    fmt = output.choose_format(fmt, out, allowed, "table")
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx writes a file: give --out FILE.xlsx")
    return fmt


def frame_markdown(frame: pandas.DataFrame) -> str:
    """A DataFrame as a Markdown table (pipes and line breaks in cells escaped).

    >>> import pandas
    >>> print(frame_markdown(pandas.DataFrame({"a": ["x|y"], "b": [None]})))
    | a | b |
    |---|---|
    | x\\|y |  |
    """
    def cell(value: object) -> str:
        if value is None or (isinstance(value, float) and value != value):
            return ""
        text = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")

    lines = ["| " + " | ".join(map(cell, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def _joined(frame: pandas.DataFrame) -> pandas.DataFrame:
    """List cells as text, items separated by ", " (for CSV)."""
    import pandas

    def joined(value: object) -> object:
        return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value

    # cell by cell into object columns: .map would turn a column of years with a gap into floats (2000.0)
    return pandas.DataFrame({name: pandas.Series([joined(v) for v in frame[name]], index=frame.index, dtype=object)
                             for name in frame.columns}, index=frame.index, columns=frame.columns)


def _xlsx_safe(frame: pandas.DataFrame) -> pandas.DataFrame:
    def clean(value: object) -> object:
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        return _ILLEGAL_XLSX.sub("", value) if isinstance(value, str) else value

    return frame.apply(lambda column: column.map(clean))


def write_frames(frames: dict[str, pandas.DataFrame], fmt: str, out: Path | None,
                 table_columns: dict[str, list[str]] | None = None, console: Console | None = None,
                 nl: bool = False) -> None:
    """Write one or more named tables in ``fmt`` to ``out`` (or standard output).

    A table for people shows ``table_columns`` (default: all), fitted to the terminal; the files
    hold every column in full, list fields as JSON arrays. Several tables go to the sheets of one
    XLSX workbook, to one JSON object keyed by name, or one after the other (CSV, Markdown) under
    their names. ``nl``: newline-delimited JSON, one row per line (with a ``table`` field naming its
    table when there are several).
    """
    if fmt == "table":
        console = console or make_console()
        for name, frame in frames.items():
            columns = (table_columns or {}).get(name) or list(frame.columns)
            print_frame(frame[[c for c in columns if c in frame.columns]], name if len(frames) > 1 else None, console)
        return
    if fmt == "xlsx":
        import pandas

        with pandas.ExcelWriter(out, engine="openpyxl") as writer:
            for name, frame in frames.items():
                _xlsx_safe(frame).to_excel(writer, sheet_name=name[:31], index=False)
        click.echo(f"Wrote {out}", err=True)
        return
    if fmt == "json":
        data = {name: json.loads(frame.to_json(orient="records", force_ascii=False)) for name, frame in frames.items()}
        if nl:
            rows = [({"table": name} if len(frames) > 1 else {}) | row for name, rows in data.items() for row in rows]
            text = output.json_lines(rows)
        else:
            text = json.dumps(data if len(frames) > 1 else next(iter(data.values())), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "markdown":
        parts = [(f"## {name}\n\n" if len(frames) > 1 else "") + frame_markdown(frame) for name, frame in frames.items()]
        text = "\n\n".join(parts) + "\n"
    else:  # csv: list fields as one cell, items separated by ", "
        parts = [(f"# {name}\n" if len(frames) > 1 else "") + _joined(frame).to_csv(index=False)
                 for name, frame in frames.items()]
        text = "\n".join(parts)
    write_text(text, out)


def write_text(text: str, out: Path | None) -> None:
    """Write text to ``out`` (UTF-8), or to standard output."""
    output.write_text(text, out)


def print_frame(frame: pandas.DataFrame, title: str | None = None, console: Console | None = None) -> None:
    """A DataFrame as a table fitted to the terminal (see :mod:`recgraph.cli.tables`)."""
    from pandas.api.types import is_numeric_dtype

    rows = [[cell_text(value) for value in row] for row in frame.itertuples(index=False)]
    numeric = [str(c) for c in frame.columns if is_numeric_dtype(frame[c]) and frame[c].dtype != bool]
    print_table([str(c) for c in frame.columns], rows, console or make_console(), title=title, numeric=numeric)


def print_trace(trace: Trace, console: Console | None = None) -> None:
    """The trace for people: the recommendation, its progress, related recommendations with evidence."""
    from recgraph.graph.analyses.trace_notes import date_note
    from recgraph.graph.analyses.trace_report import DIRECTIONS

    console = console or make_console()
    say = lambda text="", style=None: console.print(text, style=style, markup=False, highlight=False, emoji=False)  # noqa: E731
    console.rule(f"[bold]{escape(trace.label)}[/bold]")
    facts = Table(show_header=False, box=None)
    report = f"{trace.report_title or ''} ({trace.report}{', ' + str(trace.year) if trace.year else ''})"
    for key, value in (("report", report), ("number", trace.number), ("para", trace.para_ref),
                       ("heading", trace.heading), ("status", f"{trace.status} ({'closed' if trace.closed else 'open'})"),
                       ("owner", trace.owner), ("themes", ", ".join(trace.themes)), ("systems", ", ".join(trace.systems)),
                       ("read from", "; ".join(s.where() for s in trace.sources))):
        facts.add_row(f"[dim]{key}[/dim]", escape(str(value or "—")))
    console.print(facts)
    for note in (*(c.note() for c in trace.corrections), *(f"caveat: {c}" for c in trace.caveats)):
        say(f"  ! {note}")
    say(f"“{trace.text}”" if trace.text else "No paper read gives its wording: it is only cited (see below).")
    say()
    console.print(f"[bold]Progress[/bold] ({len(trace.updates)} update(s), oldest first)")
    for update in trace.updates:
        fixed = any(c.field == "status_phrase" for c in update.corrections)
        printed = f"; {'corrected' if fixed else 'printed'} “{update.status_phrase}”" if update.status_phrase else ""
        where = "; ".join(s.where() for s in update.sources)
        date = date_note(update.date, update.date_source) if update.date else "undated"
        say(f"  {date}  {update.status}{printed}  [read from {where or update.paper or '?'}]")
        if update.owner or update.owner_text:
            say(f"    owner: {update.owner or update.owner_text}")
        for correction in update.corrections:
            say(f"    ! {correction.note()}")
        if update.kind == "mention":  # a citation: its sentence is what the paper says of it
            if update.topic:
                say(f"    cited by topic “{update.topic}” ({update.matched_by or 'matched'})")
            say(f"    “{update.sentence or update.printed or ''}”")
        else:
            say(f"    “{update.progress or ''}”")
    if not trace.updates:
        say("  No paper reports progress on this recommendation.")
    say()
    console.print(f"[bold]Related recommendations[/bold] ({len(trace.related)})")
    for direction, title in DIRECTIONS:
        items = [item for item in trace.related if item.direction == direction]
        if not items:
            continue
        console.print(f"[italic]{escape(title)}[/italic]")
        for item in items:
            score = "—" if item.score is None else f"{item.score:.3f}"
            say(f"  {item.label}  ({', '.join(item.relations)}; score {score}; {item.status})")
            say(f"    “{item.text}”" if item.text else "    (no paper read gives its wording)")
            for line in (item.evidence or "").splitlines():
                say(f"    evidence: {line}")
    if not trace.related:
        say("  The graph links no other recommendation to this one.")
    if trace.waits_on:
        say()
        console.print("[bold]Waits on[/bold]")
        for item in trace.waits_on:
            say(f"  {item.label} ({item.kind}, {', '.join(item.relations)}): {item.evidence or ''}")


def output_options(formats: tuple[str, ...] = TABLE_FORMATS, listing: bool = True):
    """--format, --out and (for listings) --nl: the rule of :mod:`recgraph.cli.output`."""
    def decorate(command):
        command = output.out_option(command)
        if listing:
            command = output.nl_option(command)
        return output.format_option(formats, "a table")(command)
    return decorate


def write_listing(frames: dict, fmt: str | None, out: Path | None, nl: bool, columns: dict | None = None) -> None:
    """Write a listing's tables by the one rule: --format, else the --out extension, else a table.

    Here rather than in :mod:`recgraph.cli.analyses` so that other command modules (``links``) use it
    without importing that module, which imports :mod:`recgraph.cli.main` and, through it, them."""
    chosen = choose_format(output.nl_format(fmt, nl), out)
    write_frames(frames, chosen, out, columns, nl=output.wants_nl(nl, chosen, out))
