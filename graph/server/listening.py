"""Listening and stopping for ``recgraph serve``: a busy port is one error, SIGTERM a clean stop.

uvicorn binds its own socket and, on a busy port, logs and exits with 1; after a signal it raises
the signal again once it has stopped, so the process ends killed by it. The server binds its
socket first (:func:`listen` raises one clear error) and runs uvicorn without re-raising
(:func:`run_until_signalled`), so SIGTERM and Ctrl-C end it with exit code 0.
"""

from __future__ import annotations

import copy
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from recgraph.errors import RecgraphError


class ListenError(RecgraphError):
    """The server cannot listen on the address asked for (busy port, unknown host, no permission)."""


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening.

    Raises
    ------
    ListenError
        Naming the address and why (e.g. "address already in use: stop the other server or pick
        another --port").
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise ListenError(f"cannot listen on {host}:{port}: unknown host ({err.strerror})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as err:
        sock.close()
        hint = ": stop the other server or pick another --port" if err.errno == 98 else ""
        raise ListenError(f"cannot listen on {host}:{port}: {err.strerror or err}{hint}") from None
    sock.set_inheritable(True)
    return sock


class _Server(uvicorn.Server):
    """uvicorn's server, stopping on SIGINT or SIGTERM without raising the signal again."""

    received: str | None = None

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def stop(number, frame) -> None:
            self.received = signal.Signals(number).name
            if self.should_exit and number == signal.SIGINT:
                self.force_exit = True
            self.should_exit = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def run_until_signalled(app, sock: socket.socket) -> str | None:
    """Serve ``app`` on ``sock`` until SIGINT or SIGTERM; return the signal's name (None otherwise).

    Requests are logged one line each (uvicorn's access log); uvicorn's start and stop messages
    are not (the command prints its own).
    """
    logging_config = copy.deepcopy(LOGGING_CONFIG)
    logging_config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    logging_config["loggers"]["uvicorn.access"]["level"] = "INFO"
    server = _Server(uvicorn.Config(app, log_config=logging_config, log_level=None, lifespan="off"))
    server.run(sockets=[sock])
    return server.received
