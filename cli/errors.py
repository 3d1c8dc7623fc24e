"""Turning library errors into one clean line for the user, never a traceback.

``recgraph ... | head`` closes the pipe the output goes to: that ends the command quietly with exit
code 1 (the output was not all delivered), never with an error or a traceback.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
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
    """Decorate a command so a RecgraphError or an OSError prints ``Error: ...`` and exits 2.

    A broken pipe (the reader of the output went away) ends the command quietly with exit code 1.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except RuntimeError as err:
            # pyoxigraph reports a damaged database (RocksDB's "Corruption: ...", a file gone) as a
            # RuntimeError, possibly while results are being written: one line naming the file
            if not _store_fault(err):
                raise
            from recgraph.graph.store.integrity import damaged

            fail(str(damaged(err, None)))
        except (RecgraphError, OSError) as err:
            if _broken_pipe(err):
                _end_quietly()
            if isinstance(err, RecgraphError):
                fail(str(err))
            fail(describe_os_error(err))

    return wrapper  # type: ignore[return-value]


def _store_fault(err: RuntimeError) -> bool:
    text = str(err)
    return text.startswith(("Corruption", "IO error")) or "sstable" in text or ".sst" in text


def describe_os_error(err: OSError) -> str:
    """One line for an OSError: the file, what went wrong, in the system's words."""
    reason = err.strerror or str(err) or type(err).__name__
    return f"{err.filename}: {reason}" if err.filename else reason


def _broken_pipe(err: BaseException | None) -> bool:
    while err is not None:
        if isinstance(err, OSError) and err.errno == errno.EPIPE:
            return True
        err = err.__cause__ or err.__context__
    return False


def _end_quietly() -> None:
    # Point standard output at /dev/null, or Python complains when it flushes it on the way out.
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(EXIT_PROBLEMS)


class WholeWriter:
    """A binary stream whose ``write`` writes everything or raises.

    A pipe whose reader goes away (``| head``) first takes a short write, which a plain buffered
    stream reports only as a count: the rest of the output would be lost without an error.
    """

    def __init__(self, stream):
        self.stream = stream

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        while view:
            written = self.stream.write(view)
            if not written:
                raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
            view = view[written:]
        return len(data)

    def flush(self) -> None:
        self.stream.flush()


def standard_output() -> WholeWriter:
    """Standard output as a :class:`WholeWriter` (binary)."""
    return WholeWriter(sys.stdout.buffer)


def check_out_folder(path: Path | None) -> None:
    """Refuse an ``--out`` file whose folder does not exist, before any work is done."""
    if path is not None and not path.parent.is_dir():
        fail(f"{path}: cannot be written: the folder {path.parent} does not exist")


def write_out(path: Path, write: Callable[[Path], None]) -> None:
    """Write an ``--out`` file whole or not at all; a failure (disk full ...) is one ``Error:`` line.

    ``write(target)`` writes the file at ``target``: a hidden file beside ``path`` that replaces it
    once complete, or ``path`` itself when it exists and is not a regular file (a device, a FIFO).
    """
    check_out_folder(path)
    try:
        direct = not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        direct = False  # absent (or unreadable): written beside, then moved in
    target = path if direct else path.with_name(f".{path.name}.partial")
    try:
        write(target)
        if not direct:
            os.replace(target, path)
    except OSError as err:
        if not direct:
            with suppress(OSError):
                target.unlink()
        if _broken_pipe(err):
            raise
        outcome = "what was written is incomplete" if direct else "nothing was written"
        if isinstance(err, RecgraphError):  # its message names the file already
            fail(f"{err}; {outcome}")
        fail(f"{path}: cannot be written ({err.strerror or err}); {outcome}")
