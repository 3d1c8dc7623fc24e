"""Who may write: nobody on a read-only server; bearers of the configured token otherwise."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from recgraph.graph.server.config import ServerConfig
from recgraph.graph.server.errors import RequestError

try:  # the probe of graph/store/builds.py (a shared lock taken for an instant, never blocking)
    from recgraph.graph.store.builds import build_running as _build_running
except ImportError:  # a store without the probe: writes are not held back
    _build_running = None

CHALLENGE = 'Bearer realm="recgraph"'


def refuse_writes_while_building(location) -> None:
    """Raise 503 while a build writes the store folder ``location`` (None: not a store folder).

    A build copies the graphs written through the endpoint out of the live build before it goes
    live; a write made after that copy would be lost, so writes wait until the build is over.

    Raises
    ------
    RequestError
        503 with ``Retry-After`` while a build (or a restore) holds the store's lock.
    """
    if location is None or _build_running is None:
        return
    if _build_running(location):
        raise RequestError(503, "a build is writing the store: writes are refused until it goes live; try again shortly",
                           {"Retry-After": "5"})


def require_writer(headers: Mapping[str, str], config: ServerConfig) -> None:
    """Raise unless the request may change the store.

    Parameters
    ----------
    headers : Mapping[str, str]
        The request headers (case-insensitive mapping, as Starlette gives them).
    config : ServerConfig

    Raises
    ------
    RequestError
        403 when the server is read-only; 401 (with a ``WWW-Authenticate`` challenge, RFC 6750)
        when the bearer token is missing or wrong.

    Examples
    --------
    >>> require_writer({"authorization": "Bearer s3cret"}, ServerConfig(allow_updates=True, token="s3cret"))
    >>> require_writer({}, ServerConfig())
    Traceback (most recent call last):
    ...
    recgraph.graph.server.errors.RequestError: this server is read-only: ...
    """
    if not config.allow_updates or not config.token:
        raise RequestError(403, "this server is read-only: start it with --allow-updates and --token to accept writes")
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise RequestError(401, "writes need the header Authorization: Bearer <token>", {"WWW-Authenticate": CHALLENGE})
    if not hmac.compare_digest(token.strip().encode(), config.token.encode()):
        raise RequestError(401, "the bearer token is not the one this server was started with",
                           {"WWW-Authenticate": f'{CHALLENGE}, error="invalid_token"'})
