"""What every request handler needs: the store, the settings, the query runner, the write lock."""

from __future__ import annotations

import threading

import pyoxigraph
from starlette.requests import Request

from recgraph.graph.server.config import ServerConfig
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.quick import QuickQueries
from recgraph.graph.server.live import LiveStore
from recgraph.graph.server.runner import Runner
from recgraph.graph.server.workers import PROVEN_SECONDS, QueryProcesses


class ServerState:
    """Shared by the handlers of one app; reached through :func:`state_of`.

    ``store`` is the store requests read: a fixed one, or the live build of a followed store
    folder (``live``), read once per request so a request keeps the build it started with.
    ``write_lock`` serialises writes (updates, Graph Store Protocol) so two never interleave.
    ``quick`` remembers the queries that may run on the event loop; None when the store can
    change (a write could make a quick query slow), and then every query runs in a worker.
    ``processes`` runs queries in worker processes (a read-only server of a store folder); None
    when queries run in the threads of ``runner``.
    """

    def __init__(self, store: pyoxigraph.Store | None, config: ServerConfig, runner: Runner, *,
                 quick: QuickQueries | None = None, live: LiveStore | None = None,
                 processes: QueryProcesses | None = None, location=None):
        self._store = store
        self.config = config
        self.runner = runner
        self.quick = quick
        self.live = live
        self.processes = processes
        #: Queries that ran to the end within PROVEN_SECONDS: they may use the kept worker.
        self.proven = QuickQueries(budget=PROVEN_SECONDS) if processes is not None else None
        self.location = location
        self.write_lock = threading.Lock()
        self._generation = 0

    @property
    def store(self) -> pyoxigraph.Store:
        """The store to read now: the live build when a store folder is followed."""
        if self.live is None:
            return self._store
        if self.live.generation != self._generation:  # a new build: queries must prove quick again
            self._generation = self.live.generation
            if self.quick is not None:
                self.quick.clear()
        return self.live.store

    @property
    def database(self) -> str | None:
        """The path of the live build's database, when a store folder is followed."""
        return self.live.database if self.live is not None else None

    def close(self) -> None:
        """Stop the query processes and the follower (the server calls it when it stops)."""
        if self.processes is not None:
            self.processes.close()
        if self.live is not None:
            self.live.close()


def state_of(request: Request) -> ServerState:
    """The :class:`ServerState` of the app serving ``request``."""
    return request.app.state.recgraph


async def read_body(request: Request, limit: int) -> bytes:
    """Read the request body, refusing more than ``limit`` bytes (413) before reading them all.

    Raises
    ------
    RequestError
        413 when ``Content-Length`` announces, or the stream delivers, more than ``limit`` bytes.
    """
    message = f"the request body is larger than {limit} bytes, this server's cap"
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestError(413, message)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, message)
        chunks.append(chunk)
    return b"".join(chunks)


def endpoint_url(request: Request) -> str:
    """The URL the client used for this resource, without query or fragment (the base IRI)."""
    return str(request.url.replace(query="", fragment=""))
