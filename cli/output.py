"""One rule for every command's output: which format, and where it goes.

The rule: ``--format`` wins; else the ``--out`` file's extension names the format; else the
command's default. An extension that names no format the command writes is an error (nothing
is written), so ``--out x.rdf`` never gets Turtle silently. ``--nl`` asks for newline-delimited
JSON (one object per line), as does an ``.ndjson`` or ``.jsonl`` extension.

Data goes to standard output (or ``--out``); progress, notes, warnings and errors go to standard
error, so that ``recgraph ... | other-tool`` gets only the data.

This module registers no command, so every command module can import it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import click

from recgraph.cli.errors import standard_output, write_out

#: The format each file extension names, for every command (a command accepts a subset).
SUFFIXES: dict[str, str] = {
    ".csv": "csv", ".tsv": "tsv",
    ".json": "json", ".ndjson": "json", ".jsonl": "json",
    ".md": "markdown", ".markdown": "markdown",
    ".xlsx": "xlsx", ".html": "html", ".htm": "html",
    ".xml": "xml", ".rdf": "rdfxml", ".owl": "rdfxml",
    ".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld",
    ".txt": "text",
}
#: Extensions that ask for one JSON object per line.
NL_SUFFIXES = (".ndjson", ".jsonl")


def format_option(formats: Iterable[str], default_help: str):
    """``--format`` with the command's formats (no default: :func:`choose_format` decides)."""
    formats = tuple(formats)
    return click.option("--format", "fmt", type=click.Choice(formats), default=None,
                        help=f"Output format (default: from the --out extension, else {default_help}).")


def out_option(command):
    """``--out FILE``: write the data to a file (its extension names the format)."""
    return click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help="Write to this file instead of standard output (its extension names the format "
                             "unless --format is given).")(command)


def nl_option(command):
    """``--nl``: newline-delimited JSON, one object per line."""
    return click.option("--nl", "nl", is_flag=True, default=False,
                        help="Newline-delimited JSON: one JSON object per line (implies --format json).")(command)


def choose_format(fmt: str | None, out: Path | None, allowed: Iterable[str], default: str,
                  *, aliases: dict[str, str] | None = None) -> str:
    """The format to write: ``fmt``, else the one ``out``'s extension names, else ``default``.

    Parameters
    ----------
    fmt : the --format given, or None.
    out : the --out file, or None.
    allowed : the formats this command writes.
    default : the format when neither is given.
    aliases : extension formats this command writes under another name (e.g. ``{"text": "summary"}``).

    Raises
    ------
    click.UsageError : the extension names no format this command writes.

    >>> choose_format(None, Path("x.json"), ("table", "csv", "json"), "table")
    'json'
    >>> choose_format("csv", Path("x.json"), ("table", "csv", "json"), "table")
    'csv'
    """
    allowed = tuple(allowed)
    if fmt is not None:
        return fmt
    if out is None:
        return default
    named = SUFFIXES.get(out.suffix.lower())
    named = (aliases or {}).get(named, named) if named else None
    if named is None or named not in allowed:
        what = f"the extension {out.suffix!r}" if out.suffix else "a file name without an extension"
        raise click.UsageError(
            f"cannot tell the format from {out.name!r}: {what} names no format this command writes; "
            f"give --format ({'|'.join(allowed)}) or an --out ending in "
            f"{', '.join(sorted(s for s, f in SUFFIXES.items() if (aliases or {}).get(f, f) in allowed))}"
        )
    return named


def wants_nl(nl: bool, fmt: str, out: Path | None) -> bool:
    """Whether to write newline-delimited JSON; --nl with another format than JSON is an error.

    Raises
    ------
    click.UsageError : --nl with a --format other than json.
    """
    if out is not None and out.suffix.lower() in NL_SUFFIXES and fmt == "json":
        return True
    if nl and fmt != "json":
        raise click.UsageError(f"--nl writes newline-delimited JSON; it cannot go with --format {fmt}")
    return nl


def nl_format(fmt: str | None, nl: bool) -> str | None:
    """``--nl`` implies --format json when no format is given."""
    return "json" if nl and fmt is None else fmt


def json_lines(items: Iterable[object]) -> str:
    """One compact JSON document per line (lists stay JSON arrays).

    >>> print(json_lines([{"a": [1, 2]}, {"a": []}]), end="")
    {"a": [1, 2]}
    {"a": []}
    """
    return "".join(json.dumps(item, ensure_ascii=False, default=str) + "\n" for item in items)


def write_text(text: str, out: Path | None) -> None:
    """Write text to ``out`` (UTF-8; a note on standard error), else to standard output."""
    write_bytes(text.encode("utf-8"), out)


def write_bytes(data: bytes, out: Path | None) -> None:
    """Write bytes to ``out`` (a note on standard error), else to standard output.

    ``out`` is written whole or not at all (:func:`recgraph.cli.errors.write_out`: a missing folder
    or a full disk is one ``Error:`` line); standard output is written whole or ends quietly when
    its reader goes away (``| head``).
    """
    if out is None:
        stdout = standard_output()
        stdout.write(data)
        stdout.flush()
        return
    write_out(out, lambda target: target.write_bytes(data))
    click.echo(f"Wrote {out}", err=True)
