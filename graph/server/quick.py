"""Remembering which queries proved quick, so they can run on the event loop without a thread hop.

Handing a query to a worker thread and its answer back costs two thread wake-ups: 0.7 to 2.5 ms
per request on a busy 2-core machine, more than a small query takes to run. A query may skip
the hop only once it has *proved* quick: it ran, in a worker under the full timeout, within
:data:`INLINE_SECONDS`. Every later run is timed again and a run over the budget forgets the query,
so its next run goes back to a worker. The server only does this when its store cannot change
(read-only) and for queries that call no remote endpoint, so a query's cost is its cost on the
same data: a slow query never runs on the event loop, and the timeout holds for it as before.
(A program that hands ``create_app`` a store and writes to it behind the server's back can make
a remembered query slower: its next run then holds up the event loop once and is forgotten.)
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from recgraph.graph.server.runner import Runner

T = TypeVar("T")

#: The most a remembered query's last run may have taken: about as long as an inline run holds up
#: other requests. A hop costs little next to a query longer than this.
INLINE_SECONDS = 0.025
#: Queries remembered; the least recently used is forgotten first. Callers key them by texts of
#: at most :data:`recgraph.graph.server.outline.CACHED_CHARS`, so the memory stays a few MiB.
REMEMBERED = 256


class QuickQueries:
    """A bounded memory of queries whose last run took at most ``budget`` seconds.

    Parameters
    ----------
    budget : float
        Seconds a run may take for its query to count as quick.
    size : int
        Queries remembered at most.

    Examples
    --------
    >>> quick = QuickQueries(budget=0.01)
    >>> quick.record("ASK {}", 0.002)
    >>> quick.is_quick("ASK {}")
    True
    >>> quick.record("ASK {}", 0.5)  # slower this time: forgotten
    >>> quick.is_quick("ASK {}")
    False
    """

    def __init__(self, budget: float = INLINE_SECONDS, size: int = REMEMBERED):
        self.budget = budget
        self.size = size
        self._seen: OrderedDict[Hashable, None] = OrderedDict()
        self._lock = threading.Lock()  # workers record from their own threads

    def is_quick(self, key: Hashable) -> bool:
        """True when the last run of ``key`` took at most the budget."""
        with self._lock:
            if key not in self._seen:
                return False
            self._seen.move_to_end(key)
            return True

    def record(self, key: Hashable, seconds: float) -> None:
        """Remember ``key`` when ``seconds`` is within the budget, forget it otherwise."""
        with self._lock:
            if seconds > self.budget:
                self._seen.pop(key, None)
                return
            self._seen[key] = None
            self._seen.move_to_end(key)
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)

    def clear(self) -> None:
        """Forget every query (the store changed: each must prove quick again)."""
        with self._lock:
            self._seen.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._seen)


async def run_remembering(runner: Runner, quick: QuickQueries, key: Hashable,
                          job: Callable[[threading.Event], T]) -> T:
    """Run ``job`` on the event loop when ``key`` proved quick, else in a worker of ``runner``.

    Either way the run is timed (inside the worker, so the hop does not count) and ``quick``
    remembers or forgets ``key`` by it.

    Parameters
    ----------
    runner : Runner
        Runs the job under the timeout when it has not proved quick.
    quick : QuickQueries
        The memory consulted and updated.
    key : hashable
        What identifies the query (its text and dataset).
    job : callable
        As for :meth:`Runner.run`; run inline, its cancel event is never set.

    Raises
    ------
    RequestError
        As :meth:`Runner.run` raises, or as ``job`` raises.
    """
    if quick.is_quick(key):
        return _timed(job, threading.Event(), quick, key)
    return await runner.run(lambda cancel: _timed(job, cancel, quick, key))


def _timed(job: Callable[[threading.Event], T], cancel: threading.Event, quick: QuickQueries, key: Hashable) -> T:
    started = time.perf_counter()
    try:
        return job(cancel)
    finally:
        quick.record(key, time.perf_counter() - started)
