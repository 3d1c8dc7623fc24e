"""The loop of one query worker process (see :mod:`recgraph.graph.server.workers`).

Kept apart from the pool so a worker imports what answering needs and nothing of the server.

The memory cap is a cap on address space (``RLIMIT_AS``), which counts what is reserved, not only
what is used. glibc's allocator gives each thread that allocates an arena of its own and reserves
64 MiB of address space for each (128 MiB for a moment while it makes one); a worker has five
threads (its own, the parent watch, RocksDB's), so an idle worker reserved 460 to 660 MiB while
using about 50 MiB, how much depending on which threads happened to allocate first. A cap of
768 MiB then stopped a query that used almost nothing, on some runs and not others, and a cap
under about 450 MiB stopped every query (RocksDB could not start a thread). A worker therefore
allocates from one arena (:func:`limit_arenas`, before any thread starts): its reserved space is
then about 150 MiB and the cap bounds what queries allocate. Queries run one at a time in a
worker, so the threads hardly contend for that arena.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import resource
import sys
import threading
import time

#: glibc's malloc.h: the mallopt parameter that bounds the number of arenas.
M_ARENA_MAX = -8


def serve_queries(connection, parent_pid: int, memory_bytes: int | None) -> None:
    """Answer :class:`~recgraph.graph.server.workers.QueryJob` s from ``connection`` until told to stop.

    A job may also be a database path alone: the worker closes the one it has and opens that one
    (a new build went live). None ends the worker. Each answer is ``("ok", media type, bytes, seconds)`` or ``("error", status, message, headers)``.
    """
    from recgraph.lifeline import end_with_parent

    limit_arenas()  # before the first thread (the parent watch, RocksDB's) is started
    end_with_parent(parent_pid)
    if memory_bytes:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ValueError, OSError):  # a system that does not enforce it (e.g. macOS): timeout only
            pass
    import pyoxigraph

    from recgraph.graph.server.errors import RequestError
    from recgraph.graph.server.execution import answer_query, dataset_arguments

    store, opened = None, None
    never = threading.Event()
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            store = None  # closes the database before the process ends
            return
        started = time.perf_counter()
        database = job if isinstance(job, str) else job.database
        try:
            if database != opened:
                store, opened = None, None  # the previous build's database is closed first
                try:
                    store, opened = pyoxigraph.Store.read_only(database), database
                except OSError as err:
                    raise RequestError(500, f"the store cannot be opened: {err}") from err
            if isinstance(job, str):  # told to switch to a new build: nothing to answer but that
                connection.send(("ok", "", b"", 0.0))
                continue
            started = time.perf_counter()  # the query's own time, not the opening of a build
            arguments = dataset_arguments(job.default_graph, job.named_graphs, job.union)
            media_type, content = answer_query(store, job.text, job.base, arguments, job.accept, job.max_bytes,
                                               never)
            answer = ("ok", media_type, content, time.perf_counter() - started)
        except RequestError as err:
            answer = ("error", err.status, str(err), err.headers)
        except MemoryError:
            answer = ("error", 503, "the query needs more memory than this server gives one query; narrow it", {})
        connection.send(answer)


def limit_arenas() -> bool:
    """Make glibc's allocator use one arena for every thread of this process (see the module's notes).

    Returns whether it was done: False where the C library is not glibc (nothing to limit there,
    or no way to), e.g. on macOS or musl.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.gnu_get_libc_version and libc.mallopt(M_ARENA_MAX, 1))
    except (OSError, AttributeError):  # not glibc: no gnu_get_libc_version, or no mallopt
        return False
