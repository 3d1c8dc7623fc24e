"""Assembling the ASGI app: routes, CORS, error responses and the shared server state."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from recgraph.errors import StoreError
from recgraph.graph.store.builds import BUILDS, CURRENT
from recgraph.graph.server.config import ServerConfig
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.graphstore import graph_store
from recgraph.graph.server.live import LiveStore
from recgraph.graph.server.page import STATIC, query_page
from recgraph.graph.server.quick import QuickQueries
from recgraph.graph.server.runner import Runner
from recgraph.graph.server.sparql import sparql_endpoint
from recgraph.graph.server.state import ServerState
from recgraph.graph.server.workers import QueryProcesses

#: Browser tools (YASGUI and the like) may query from any origin. Writes need a bearer token that
#: a page must be given explicitly (no cookies are involved), so allowing every origin opens nothing.
CORS = Middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
    allow_headers=["Accept", "Authorization", "Content-Type"],
    expose_headers=["Content-Type", "Retry-After", "WWW-Authenticate"],
    max_age=600,
)


def open_store(path: str | os.PathLike, writable: bool = False) -> pyoxigraph.Store:
    """Open an on-disk pyoxigraph store, read-only unless ``writable``.

    Raises
    ------
    StoreError
        When the folder holds no store or cannot be read (the message names the path).
    """
    try:
        return pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the store ({err}); build it first or check --store") from err


def create_app(store: pyoxigraph.Store | str | os.PathLike, config: ServerConfig | None = None, *,
               routes: Sequence[BaseRoute] = ()) -> Starlette:
    """Build the ASGI app that serves a store over HTTP.

    Parameters
    ----------
    store : pyoxigraph.Store or path
        The store to serve. A store folder (one with ``CURRENT``, as ``recgraph build`` makes) is
        followed: each new build is served within a second of going live. Read-only, its queries
        run in worker processes (killed at the timeout, memory capped; ``config.processes``).
        Another path is opened as a pyoxigraph database, read-only or writable when
        ``config.allow_updates``. Call ``app.state.recgraph.close()`` when done with the app.
    config : ServerConfig, optional
        Defaults to a read-only server with a 10 s query timeout and no federation.
    routes : sequence of starlette routes, optional
        More routes (e.g. Linked Data pages under ``/id/``), tried before the catch-all ones.
        Their handlers reach the store through ``request.app.state.recgraph``
        (:class:`~recgraph.graph.server.state.ServerState`).

    Returns
    -------
    starlette.applications.Starlette
        Serve it with uvicorn: ``uvicorn.run(app, host="127.0.0.1", port=8000)``.

    Raises
    ------
    StoreError
        When a store path cannot be opened.

    Examples
    --------
    >>> app = create_app(pyoxigraph.Store())
    >>> [route.path for route in app.routes]
    ['/sparql', '/store', '/query', '/', '/static']
    >>> app.state.recgraph.config.allow_updates
    False
    """
    config = config or ServerConfig()
    live = processes = location = None
    if not isinstance(store, pyoxigraph.Store):
        # A store folder has CURRENT and builds/ (a RocksDB folder has a CURRENT file of its own).
        if (Path(store) / CURRENT).is_file() and (Path(store) / BUILDS).is_dir():
            location = Path(store)
            if config.processes and not config.allow_updates:
                processes = QueryProcesses(config.workers, config.timeout, config.query_memory_bytes)
            try:
                live = LiveStore(location, writable=config.allow_updates,
                                 on_switch=processes.retire_stale if processes else None)
            except BaseException:
                if processes is not None:
                    processes.close()
                raise
            if processes is not None:
                processes.retire_stale(live.database)
            store = None
        else:
            store = open_store(store, writable=config.allow_updates)
    app = Starlette(
        routes=[
            *routes,
            Route("/sparql", sparql_endpoint, methods=["GET", "HEAD", "POST"]),
            Route("/store", graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
            Route("/query", _page, methods=["GET"]),
            Route("/", _home, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[CORS],
        exception_handlers={RequestError: _refusal},
    )
    quick = None if config.allow_updates else QuickQueries()
    app.state.recgraph = ServerState(store, config, Runner(config.workers, config.timeout), quick=quick, live=live,
                                     processes=processes, location=location)
    return app


async def _refusal(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestError)
    return PlainTextResponse(f"{error}\n", status_code=error.status, headers=error.headers)


async def _page(request: Request) -> Response:
    return query_page()


async def _home(request: Request) -> Response:
    # The Linked Data home page will live here; until then people land on the query page.
    return RedirectResponse("/query", status_code=303)
