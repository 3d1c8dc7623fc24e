"""Running an app under uvicorn in a background thread: for tests, benchmarks and notebooks.

The server binds the given host (loopback by default) on a port the system picks, so callers
never race for a port; start-up and shutdown waits are bounded.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from recgraph.errors import RecgraphError


@contextmanager
def serve_in_background(app, host: str = "127.0.0.1", start_timeout: float = 10.0,
                        stop_timeout: float = 10.0) -> Iterator[str]:
    """Serve ``app`` on a free port of ``host`` while the ``with`` block runs; yield the base URL.

    Parameters
    ----------
    app : ASGI application
        E.g. from :func:`recgraph.graph.server.create_app`.
    host : str
        Interface to bind; keep the loopback default unless others must reach the server.
    start_timeout, stop_timeout : float
        Seconds to wait for the server to start and to stop.

    Raises
    ------
    RecgraphError
        When the server has not started within ``start_timeout``.

    Examples
    --------
    >>> import httpx, pyoxigraph
    >>> from recgraph.graph.server import create_app
    >>> with serve_in_background(create_app(pyoxigraph.Store())) as url:
    ...     httpx.get(f"{url}/sparql", params={"query": "ASK {}"}).json()["boolean"]
    True
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="recgraph-uvicorn")
    thread.start()
    try:
        deadline = time.monotonic() + start_timeout
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RecgraphError(f"the server on {host}:{port} did not start within {start_timeout:g} s")
            time.sleep(0.02)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(stop_timeout)
        sock.close()
