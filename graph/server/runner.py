"""Running queries off the event loop, with a timeout, a size cap and a bound on runaway work.

pyoxigraph cannot cancel a query that is running (Oxigraph has no cancellation hook), but it
releases the GIL while it evaluates. So each query runs in a daemon worker thread and the event
loop keeps serving other requests (queries that proved quick skip the hop: see
:mod:`recgraph.graph.server.quick`). When the timeout passes, the client gets a 503 at once
and the query is *abandoned*:

- a cancel flag is raised that the output writer checks on every buffer pyoxigraph writes
  (about 8 KiB), so any query that is streaming its answer stops within one buffer;
- a query still computing before its first row (a big ORDER BY, GROUP BY or COUNT) cannot be
  stopped and runs on, holding its worker slot. At most ``workers`` queries run at once, abandoned
  ones included: once all slots are held, further queries wait up to the timeout and then get
  a 503 "busy" answer, while every request that needs no query worker (pages, the service
  description) is still served. Slots come back as abandoned queries end.

A pool of processes could kill runaway queries outright, but it cannot share an in-memory store,
sees a read-only snapshot of an on-disk one (updates would be invisible to it) and would ship
every answer between processes; threads keep one store and one truth for reads and writes.
Threads are daemons so a runaway query never blocks the server's exit.

Worker threads are kept between jobs (starting one and waiting for it to run costs 0.5 to 3 ms
on a busy machine, more than a small query) and end after :data:`IDLE_SECONDS` without work, so
a runner nobody uses any more (e.g. of an app a test made) leaves no threads behind.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from typing import TypeVar

from recgraph.graph.server.errors import RequestError

T = TypeVar("T")

log = logging.getLogger(__name__)

#: Seconds a worker thread waits for a job before it ends.
IDLE_SECONDS = 30.0


class Cancelled(Exception):
    """Raised inside a worker when the request it serves has been abandoned."""


class ResultTooLarge(RequestError):
    """The serialised answer passed the configured cap."""

    def __init__(self, limit: int):
        super().__init__(413, f"the answer is larger than {limit} bytes, this server's cap: add a LIMIT or select fewer variables")


class CappedBuffer:
    """A binary file-like object for pyoxigraph's ``serialize``: stops on cancel or past a size cap.

    >>> buffer = CappedBuffer(limit=4, cancel=threading.Event())
    >>> buffer.write(b"abcd")
    4
    >>> buffer.write(b"e")
    Traceback (most recent call last):
    ...
    recgraph.graph.server.runner.ResultTooLarge: the answer is larger than 4 bytes, ...
    """

    def __init__(self, limit: int, cancel: threading.Event):
        self._parts: list[bytes] = []
        self._size = 0
        self._limit = limit
        self._cancel = cancel

    def write(self, data: bytes) -> int:
        if self._cancel.is_set():
            raise Cancelled()
        self._size += len(data)
        if self._size > self._limit:
            raise ResultTooLarge(self._limit)
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the parts stay in memory until :meth:`getvalue`."""

    def getvalue(self) -> bytes:
        return b"".join(self._parts)


class Runner:
    """Run blocking jobs in daemon threads, at most ``workers`` at a time, with a timeout.

    Parameters
    ----------
    workers : int
        Jobs that may run at once, abandoned ones included.
    timeout : float
        Seconds a job may take, waiting for a slot included, before the caller gets a 503.
    """

    def __init__(self, workers: int, timeout: float):
        self.workers = workers
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(workers)
        self._running = 0
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._idle = 0  # waiting threads no job has been handed to yet

    @property
    def running(self) -> int:
        """Jobs running now, abandoned ones included."""
        with self._lock:
            return self._running

    async def run(self, job: Callable[[threading.Event], T], *, abandon: bool = True) -> T:
        """Run ``job(cancel)`` in a worker thread and return what it returns.

        Parameters
        ----------
        job : callable
            Receives a :class:`threading.Event` set when the caller gives up; long jobs should
            check it (e.g. through :class:`CappedBuffer`).
        abandon : bool
            Give up on the job at the timeout (queries). With False the caller waits for the job
            to end (updates: one abandoned would still apply after the client was told it failed);
            waiting for a free slot is bounded by the timeout either way.

        Raises
        ------
        RequestError
            503 when no slot frees up, or the job does not finish, within the timeout. Exceptions
            the job raises are raised here unchanged.
        """
        deadline = time.monotonic() + self.timeout
        if not await self._acquire(deadline):
            raise RequestError(
                503,
                f"the server is busy: {self.workers} queries are still running (some may have timed out "
                "and not finished yet); try again later",
                {"Retry-After": str(max(1, round(self.timeout)))},
            )
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        cancel = threading.Event()
        with self._lock:
            self._running += 1
        self._hand_over((job, cancel, loop, future))
        if not abandon:
            return await asyncio.shield(future)
        try:
            return await asyncio.wait_for(asyncio.shield(future), max(deadline - time.monotonic(), 0.0))
        except TimeoutError:
            cancel.set()
            future.add_done_callback(_discard)  # nobody will read the abandoned job's outcome
            log.warning("query abandoned after %.1f s; %d of %d workers busy", self.timeout, self.running,
                        self.workers)
            raise RequestError(
                503,
                f"the query did not finish within {self.timeout:g} s and was abandoned: narrow it or add a LIMIT",
            ) from None

    async def _acquire(self, deadline: float) -> bool:
        # A threading semaphore, polled: slots are released by worker threads, even after the
        # event loop that started them stopped waiting.
        while not self._slots.acquire(blocking=False):
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.02)
        return True

    def _hand_over(self, task: tuple) -> None:
        # A waiting thread takes the job; when none is free (there are never more than ``workers``
        # jobs, as each holds a slot) a new one starts.
        with self._lock:
            start = self._idle == 0
            if not start:
                self._idle -= 1
        self._jobs.put(task)
        if start:
            threading.Thread(target=self._serve, daemon=True, name="recgraph-query").start()

    def _serve(self) -> None:
        while True:
            try:
                task = self._jobs.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    # With no free thread counted, a job was handed to this one as it timed out.
                    if self._idle > 0:
                        self._idle -= 1
                        return
                continue
            self._work(*task)
            del task  # the job's closure and result must not outlive it in this frame
            with self._lock:
                self._idle += 1

    def _work(self, job, cancel, loop, future) -> None:
        try:
            result, error = job(cancel), None
        except BaseException as err:  # handed to the waiting request, whatever it is
            result, error = None, err
            _release_frames(err)
        finally:
            with self._lock:
                self._running -= 1
            self._slots.release()
        try:
            loop.call_soon_threadsafe(_settle, future, result, error)
        except RuntimeError:  # the event loop is closed: nobody is waiting any more
            pass


def _release_frames(error: BaseException) -> None:
    # pyoxigraph's result iterators must be dropped by the thread that made them; a traceback
    # would carry them, in its frames' locals, to the event loop's thread. Clear them here.
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


def _discard(future: asyncio.Future) -> None:
    if not future.cancelled():
        future.exception()


def _settle(future: asyncio.Future, result, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
