"""recgraph over HTTP: a SPARQL 1.1 endpoint, the Graph Store Protocol and a query page.

Build the ASGI app with :func:`create_app` and serve it with uvicorn (``recgraph serve`` does).
Safe by default: read-only, no federated SERVICE or LOAD, queries time out, sizes are capped.
"""

from __future__ import annotations

from recgraph.graph.server.app import create_app, open_store
from recgraph.graph.server.config import ServerConfig

__all__ = ["ServerConfig", "create_app", "open_store"]
