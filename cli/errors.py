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

    return wrapper  # type: ignore[return-value]
