"""Stage 7, serving: takes a store and gives it over HTTP (SPARQL 1.1, Graph Store, Linked Data).

recgraph over HTTP: a SPARQL 1.1 endpoint, the Graph Store Protocol, a query page, Linked Data.

Build the ASGI app with :func:`create_app` (``routes=linked_data_routes(base)`` adds the pages of
every IRI) and serve it with uvicorn (``recgraph serve`` does).
Safe by default: read-only, no federated SERVICE or LOAD, queries time out, sizes are capped.
"""

from __future__ import annotations

from recgraph.graph.server.app import create_app, open_store
from recgraph.graph.server.config import ServerConfig
from recgraph.graph.server.pages import linked_data_routes

__all__ = ["ServerConfig", "create_app", "linked_data_routes", "open_store"]
