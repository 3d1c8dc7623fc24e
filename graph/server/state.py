"""What every request handler needs: the store, the settings, the query runner, the write lock."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pyoxigraph
from starlette.requests import Request

from recgraph.graph.server.config import ServerConfig
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.quick import QuickQueries
from recgraph.graph.server.runner import Runner


@dataclass
class ServerState:
    """Shared by the handlers of one app; reached through :func:`state_of`.

    ``write_lock`` serialises writes (updates, Graph Store Protocol) so two never interleave.
    ``quick`` remembers the queries that may run on the event loop; None when the store can
    change (a write could make a quick query slow), and then every query runs in a worker.
    """

    store: pyoxigraph.Store
    config: ServerConfig
    runner: Runner
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    quick: QuickQueries | None = None


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
