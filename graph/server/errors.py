"""Errors the HTTP layer turns into responses: each carries its status code and a message for people."""

from __future__ import annotations

from recgraph.errors import RecgraphError


class RequestError(RecgraphError, ValueError):
    """A request the server refuses; ``status`` is the HTTP status to answer with.

    ``headers`` are added to the response (e.g. ``WWW-Authenticate`` on 401).
    """

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class ForbiddenRemoteCall(RequestError):
    """A query or update names an endpoint the server is not allowed to call (SERVICE, LOAD)."""

    def __init__(self, message: str):
        super().__init__(403, message)


class ServerConfigError(RecgraphError, ValueError):
    """The server cannot start with these settings (e.g. updates allowed without a token)."""
