"""Turning library errors into one clean line for the user, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import click

from recgraph.errors import RecgraphError

F = TypeVar("F", bound=Callable)

#: Exit codes: 0 ok, 1 ran but found problems, 2 could not run (bad input or usage).
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


def fail(message: str, code: int = EXIT_UNUSABLE) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(code)


def reports_errors(command: F) -> F:
    """Decorate a command so a RecgraphError prints ``Error: ...`` and exits 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except RecgraphError as err:
            fail(str(err))
        except RuntimeError as err:
            # pyoxigraph reports a damaged database (RocksDB's "Corruption: ...", a file gone) as a
            # RuntimeError, possibly while results are being written: one line naming the file
            if not _store_fault(err):
                raise
            from recgraph.graph.store.integrity import damaged

            fail(str(damaged(err, None)))

    return wrapper  # type: ignore[return-value]


def _store_fault(err: RuntimeError) -> bool:
    text = str(err)
    return text.startswith(("Corruption", "IO error")) or "sstable" in text or ".sst" in text
