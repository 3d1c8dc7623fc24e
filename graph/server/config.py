"""The settings of a recgraph SPARQL server: safe by default (read-only, no federation)."""

from __future__ import annotations

from dataclasses import dataclass, field

from recgraph.graph.server.errors import ServerConfigError
from recgraph.graph.server.limits import QueryLimits

MIB = 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """How a server built by :func:`recgraph.graph.server.create_app` behaves.

    Parameters
    ----------
    timeout : float
        Seconds a query may run before the client gets a 503 and the query is abandoned.
    allow_updates : bool
        Accept SPARQL Update and Graph Store Protocol writes (only with ``token``).
    token : str or None
        The bearer token writes must carry; required when ``allow_updates`` is set.
    allowed_services : frozenset[str]
        Endpoint IRIs that SERVICE and LOAD may name; everything else is refused.
    union_default_graph : bool
        Queries without a dataset (no FROM, no ``default-graph-uri``) see the union of all graphs
        as their default graph: recgraph keeps each paper in a named graph of its own.
    max_request_bytes, max_result_bytes : int
        Caps on request bodies and on serialised answers (413 beyond them).
    workers : int
        Queries that may run at once (503 beyond). On a read-only server of a store folder each
        runs in a worker process, killed at the timeout; otherwise in a thread, abandoned at it.
    query_memory_bytes : int or None
        The memory (address space) of each query worker process; None for no cap.
    limits : QueryLimits
        The most a query's text may hold (size, nesting, path operators, groups, patterns).
    processes : bool
        Run queries in worker processes when the server serves a store folder read-only.

    Raises
    ------
    ServerConfigError
        When the settings contradict each other or are out of range.

    Examples
    --------
    >>> ServerConfig().allow_updates
    False
    >>> ServerConfig(allow_updates=True)
    Traceback (most recent call last):
    ...
    recgraph.graph.server.errors.ServerConfigError: updates need a bearer token: ...
    """

    timeout: float = 10.0
    allow_updates: bool = False
    token: str | None = None
    allowed_services: frozenset[str] = field(default_factory=frozenset)
    union_default_graph: bool = True
    max_request_bytes: int = 16 * MIB
    max_result_bytes: int = 64 * MIB
    workers: int = 4
    query_memory_bytes: int | None = 2048 * MIB
    limits: QueryLimits = field(default_factory=QueryLimits)
    processes: bool = True

    def __post_init__(self) -> None:
        if self.allow_updates and not (self.token and self.token.strip()):
            raise ServerConfigError("updates need a bearer token: pass --token T (or token=...) with --allow-updates")
        if self.timeout <= 0:
            raise ServerConfigError(f"the query timeout must be positive, not {self.timeout}")
        if self.workers < 1:
            raise ServerConfigError(f"at least one query worker is needed, not {self.workers}")
        if self.query_memory_bytes is not None and self.query_memory_bytes < 256 * MIB:
            raise ServerConfigError("a query worker needs at least 256 MiB of memory to start")
        if self.max_request_bytes < 1 or self.max_result_bytes < 1:
            raise ServerConfigError("size caps must be positive")
        object.__setattr__(self, "allowed_services", frozenset(self.allowed_services))
