"""Query worker processes: a query that overruns is killed, its memory freed, its slot returned.

pyoxigraph cannot cancel a query, so a thread that runs one can only be abandoned: it keeps its
CPU and memory until the query ends (an ORDER BY over a cross product grew to 10 GB in a minute),
and a few such queries held every worker. A server that serves a store folder read-only
therefore runs queries in worker *processes*, each with the live build open read-only:

- a query runs in an idle worker; the request waits for its answer up to the timeout (waiting for
  a free worker included);
- at the timeout the worker is killed (SIGKILL): the memory is the kernel's to free, the slot is
  returned at once and a new worker is started in its place;
- each worker's address space is capped (``RLIMIT_AS``): a query that allocates past it ends
  its worker (Rust aborts on a failed allocation), and the client gets a 503 that says so (a
  worker allocates from one malloc arena, so the cap bounds what queries allocate rather than
  what glibc reserves per thread: :mod:`recgraph.graph.server.worker`);
- a crash of the parser or the planner (a segmentation fault) ends the worker, not the server;
- one worker is kept for queries that have *proved* ordinary (they ran to the end within
  :data:`PROVEN_SECONDS` before): queries nobody has seen finish share the others, so queries that
  overrun, however many, never hold every worker, and the saved queries of the pages and the
  analyses are still answered while they run;
- workers end with the server however it ends (:mod:`recgraph.lifeline`); they are started from
  one long-lived thread, which the kernel's parent-death signal follows.

Workers open the database a job names and keep it until a job names another: when a new build
goes live, :meth:`QueryProcesses.retire_stale` has idle workers close the old build and open the
new one, and a busy one does so when its job ends, so the old build's files are released.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from recgraph.graph.server.errors import RequestError

log = logging.getLogger(__name__)

#: Seconds to wait for a worker to start before a request is answered 503.
START_SECONDS = 30.0
#: A query that ran to the end within this many seconds counts as proven: it may use the kept worker.
PROVEN_SECONDS = 2.0
#: Seconds a worker may take to close one build's database and open the next.
SWITCH_SECONDS = 10.0


@dataclass(frozen=True)
class QueryJob:
    """One query for a worker: plain values only, as it is pickled to the worker's pipe."""

    database: str
    text: str
    base: str
    default_graph: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    union: bool
    accept: str | None
    max_bytes: int


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: object
    database: str | None = None


class QueryProcesses:
    """A pool of ``size`` worker processes that run queries under a timeout and a memory cap.

    Parameters
    ----------
    size : int
        Worker processes, and so queries that may run at once.
    timeout : float
        Seconds a query may take, waiting for a worker included, before its worker is killed.
    memory_bytes : int or None
        The address-space cap of each worker; None for none.
    """

    def __init__(self, size: int, timeout: float, memory_bytes: int | None):
        self.size = size
        self.timeout = timeout
        self.memory_bytes = memory_bytes
        self.current: str | None = None  # the database of the live build; older ones are retired
        self._context = multiprocessing.get_context("spawn")
        # With two workers or more, one is kept for proven queries (see the module's notes).
        self.kept = 1 if size >= 2 else 0
        self._slots = threading.BoundedSemaphore(size - self.kept)
        self._kept_slots = threading.BoundedSemaphore(self.kept) if self.kept else None
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._waiters = ThreadPoolExecutor(size, thread_name_prefix="recgraph-query-wait")
        self._starts: queue.SimpleQueue = queue.SimpleQueue()
        self._spawner = threading.Thread(target=self._spawn_loop, daemon=True, name="recgraph-query-spawner")
        self._spawner.start()
        for _ in range(size):
            self._starts.put(True)

    # -- running ----------------------------------------------------------------------------

    async def run(self, job: QueryJob, proven: bool = False) -> tuple[str, bytes, float]:
        """Run ``job`` in a worker; return the media type, the answer and the seconds it took there.

        ``proven`` lets the job use the worker kept for queries that finished before (it is tried
        after the shared ones).

        Raises
        ------
        RequestError
            As the query raises (400, 406, 413, 500); 503 when no worker frees up, the query
            overruns the timeout (its worker is killed) or its worker dies (memory cap, crash).
        """
        deadline = time.monotonic() + self.timeout
        choices = [self._slots] + ([self._kept_slots] if proven and self._kept_slots is not None else [])
        slot = await _acquire_any(choices, deadline)
        if slot is None:
            raise RequestError(503, f"the server is busy: {self.size} queries are running; try again later",
                               {"Retry-After": str(max(1, round(self.timeout)))})
        try:
            worker = await self._take(deadline)
            loop = asyncio.get_running_loop()
            answer = await loop.run_in_executor(self._waiters, self._exchange, worker, job, deadline)
        finally:
            slot.release()
        if answer[0] == "error":
            raise RequestError(answer[1], answer[2], answer[3] if len(answer) > 3 else None)
        return answer[1], answer[2], answer[3]

    async def _take(self, deadline: float) -> _Worker:
        while True:
            with self._lock:
                if self._idle:
                    return self._idle.pop()
            if time.monotonic() >= deadline:
                raise RequestError(503, "no query process could be started in time; try again later",
                                   {"Retry-After": "1"})
            await asyncio.sleep(0.01)

    def _exchange(self, worker: _Worker, job: QueryJob, deadline: float) -> tuple:
        started = time.monotonic()
        try:
            worker.connection.send(job)
            ready = worker.connection.poll(max(deadline - time.monotonic(), 0.0))
            answer = worker.connection.recv() if ready else None
        except (EOFError, OSError):
            return self._died(worker)
        if answer is None:
            self._stop(worker)
            self._starts.put(True)
            log.warning("query stopped after %.1f s (its process was killed)", time.monotonic() - started)
            return ("error", 503, f"the query did not finish within {self.timeout:g} s and was stopped: "
                                  "narrow it or add a LIMIT")
        worker.database = job.database
        self._give_back(worker)
        return answer

    def _died(self, worker: _Worker) -> tuple:
        worker.process.join(5)
        code = worker.process.exitcode
        self._stop(worker)
        self._starts.put(True)
        cap = f" (its memory cap is {self.memory_bytes // (1024 * 1024)} MiB)" if self.memory_bytes else ""
        log.warning("a query process ended with code %s", code)
        return ("error", 503, f"the query's process ended abruptly{cap}: the query needs more memory than "
                              "this server gives one query, or broke the query engine; narrow it")

    def _give_back(self, worker: _Worker) -> None:
        current = self.current
        if current is not None and worker.database not in (None, current) and not self._switch(worker, current):
            return
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
        self._retire(worker)

    # -- builds ---------------------------------------------------------------------------

    def retire_stale(self, current: str) -> None:
        """Note ``current`` as the live database; idle workers holding another one switch to it.

        Each closes the old build's database and opens the new one (milliseconds; a worker that
        does not manage it within :data:`SWITCH_SECONDS` is replaced). Busy workers switch when
        their query ends.
        """
        with self._lock:
            self.current = current
            stale = [w for w in self._idle if w.database is not None and w.database != current]
            self._idle = [w for w in self._idle if w not in stale]
        for worker in stale:
            if self._switch(worker, current):
                with self._lock:
                    if not self._closed:
                        self._idle.append(worker)
                        continue
                self._retire(worker)

    def _switch(self, worker: _Worker, database: str) -> bool:
        # True when the worker now holds ``database``; otherwise it was replaced by a new one.
        try:
            worker.connection.send(database)
            if worker.connection.poll(SWITCH_SECONDS) and worker.connection.recv()[0] == "ok":
                worker.database = database
                return True
        except (EOFError, OSError):
            pass
        self._stop(worker)
        if not self._closed:
            self._starts.put(True)
        return False

    # -- processes --------------------------------------------------------------------------

    def _spawn_loop(self) -> None:
        # Every worker is started from this thread: the parent-death signal follows the thread
        # that started a child, and this one lives as long as the pool.
        while True:
            request = self._starts.get()
            if request is None or self._closed:
                return
            try:
                worker = self._start()
            except OSError as err:  # out of processes or memory: try again shortly
                log.warning("cannot start a query process: %s", err)
                time.sleep(1.0)
                self._starts.put(True)
                continue
            with self._lock:
                if self._closed:
                    closing = True
                else:
                    closing = False
                    self._idle.append(worker)
            if closing:
                self._stop(worker)

    def _start(self) -> _Worker:
        from recgraph.graph.server.worker import serve_queries

        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=serve_queries, args=(theirs, os.getpid(), self.memory_bytes),
                                        daemon=True, name="recgraph-query")
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _retire(self, worker: _Worker) -> None:
        try:
            worker.connection.send(None)  # asks it to close its database and exit
        except OSError:
            pass
        worker.process.join(2)
        self._stop(worker)

    @staticmethod
    def _stop(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(5)
        worker.connection.close()

    @property
    def pids(self) -> list[int]:
        """The process ids of the idle workers (for tests and diagnostics)."""
        with self._lock:
            return [w.process.pid for w in self._idle]

    def close(self) -> None:
        """Stop every worker and the thread that starts them."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        self._starts.put(None)
        for worker in idle:
            self._retire(worker)
        self._spawner.join(START_SECONDS)
        self._waiters.shutdown(wait=False, cancel_futures=True)


async def _acquire_any(choices: list[threading.BoundedSemaphore], deadline: float
                       ) -> threading.BoundedSemaphore | None:
    # The first of ``choices`` with a free slot, polled (slots are released by waiting threads as
    # well as by the event loop); None at the deadline.
    while True:
        for slots in choices:
            if slots.acquire(blocking=False):
                return slots
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(0.01)
