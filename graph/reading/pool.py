"""Reading many papers in worker processes, in order, with crashes named by file.

Only the per-file work runs in the workers; :mod:`recgraph.graph.reading.papers` decides when a pool pays
and gathers the outcome exactly as the sequential loop does. Chunks are submitted a few at a time,
so the parent holds at most a handful of unread results and, when a worker dies, knows which
files were being read.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recgraph.errors import ReadError
from recgraph.lifeline import end_with_parent

#: Environment variable that sets the number of reading processes (1: read in this process).
WORKERS_VARIABLE = "RECGRAPH_WORKERS"

#: Never more processes than this, whatever the machine: the gain flattens and memory grows.
MAX_WORKERS = 8

#: How many file names an error about a dead worker lists before "and N more".
_NAMES_SHOWN = 8


@dataclass(frozen=True)
class _Failure:
    """An unexpected exception in a worker, carried back as text (it may not pickle)."""

    kind: str
    message: str
    trace: str


def available_cpus() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers_from_environment() -> int | None:
    """The number of processes asked for in ``RECGRAPH_WORKERS``, or None when it is unset.

    Raises
    ------
    ReadError : the variable is set to something other than a whole number >= 1.
    """
    raw = os.environ.get(WORKERS_VARIABLE, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ReadError(f"{WORKERS_VARIABLE} must be a whole number of processes >= 1, not {raw!r}")
    return int(raw)


def read_in_pool(
    files: Sequence[Path], read_one: Callable[[Path], Any], workers: int, chunk_size: int
) -> Iterator[tuple[Path, Any]]:
    """Yield ``(file, read_one(file))`` for every file, in order, computed by ``workers`` processes.

    ``read_one`` must be picklable (a module-level function, or a partial of one) and should return
    expected failures as values; anything it raises stops the reading.

    Raises
    ------
    ReadError : a worker raised an unexpected exception (the file is named), or a worker process
        died (killed, out of memory); the files that were being read are named.
    """
    chunks = [list(files[i:i + chunk_size]) for i in range(0, len(files), chunk_size)]
    pending: deque[tuple[list[Path], Future]] = deque()
    # Twice as many chunks as workers keeps every worker busy while the parent takes results in order.
    window = 2 * workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=end_with_parent,
                             initargs=(os.getpid(),)) as pool:
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_read_chunk, read_one, chunk)))
                if len(pending) >= window:
                    yield from _finish(*pending[0])
                    pending.popleft()
            while pending:
                yield from _finish(*pending[0])
                pending.popleft()
        except BrokenProcessPool as err:
            raise _died([path for chunk, _ in pending for path in chunk]) from err
        finally:
            for _, future in pending:
                future.cancel()


def _finish(chunk: list[Path], future: Future) -> Iterator[tuple[Path, Any]]:
    for path, value in zip(chunk, future.result()):
        if isinstance(value, _Failure):
            error = ReadError(
                f"reading stopped on this paper: {value.kind}: {value.message} (in a worker process; "
                f"set {WORKERS_VARIABLE}=1 to read in one process and see where)",
                str(path),
            )
            error.add_note(value.trace)
            raise error
        yield path, value


def _read_chunk(read_one: Callable[[Path], Any], chunk: list[Path]) -> list[Any]:
    """Run in a worker: read each file, turning an unexpected exception into a :class:`_Failure`."""
    values: list[Any] = []
    for path in chunk:
        try:
            values.append(read_one(path))
        except Exception as err:  # noqa: BLE001 - carried back to the parent, which raises it named
            values.append(_Failure(type(err).__name__, str(err), traceback.format_exc()))
            break
    return values


def _died(paths: list[Path]) -> ReadError:
    names = ", ".join(str(p) for p in paths[:_NAMES_SHOWN])
    if len(paths) > _NAMES_SHOWN:
        names += f" and {len(paths) - _NAMES_SHOWN} more"
    return ReadError(
        f"a reading process stopped abruptly (killed, or out of memory) while reading one of: {names}; "
        f"free some memory or set {WORKERS_VARIABLE}=1 to read in one process"
    )


def _context() -> multiprocessing.context.BaseContext:
    # fork where there is one: spawn and forkserver re-run the caller's main script in every worker,
    # which breaks a script that calls recgraph.read() without an ``if __name__ == "__main__"``
    # guard. Workers only read files and return values, so they touch no lock that a thread of the
    # parent (the CLI's progress display) may hold at the fork.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
