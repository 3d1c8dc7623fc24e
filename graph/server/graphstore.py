"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (https://www.w3.org/TR/sparql11-http-rdf-update/).

``?graph=IRI`` names a graph, ``?default`` the default graph. GET (and HEAD) read a graph as
Turtle, N-Triples, JSON-LD or RDF/XML by content negotiation; PUT replaces it, POST adds to it and
DELETE removes it, only on a server that allows updates and for requests bearing its token.
"""

from __future__ import annotations

import threading

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, Quad
from starlette.requests import Request
from starlette.responses import Response

from recgraph.graph.server.access import refuse_writes_while_building, require_writer
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.negotiation import GRAPH_FORMATS, UPLOAD_FORMATS, choose, media_type_of
from recgraph.graph.server.protocol import parse_params
from recgraph.graph.server.runner import CappedBuffer
from recgraph.graph.server.state import ServerState, endpoint_url, read_body, state_of

Target = NamedNode | DefaultGraph


def graph_target(query_string: bytes) -> Target:
    """The graph a Graph Store request addresses: exactly one of ``?graph=IRI`` or ``?default``.

    >>> graph_target(b"graph=http%3A%2F%2Fe.org%2Fg")
    <NamedNode value=http://e.org/g>
    >>> graph_target(b"default")
    <DefaultGraph>
    """
    params = parse_params(query_string, "the URL's query string")
    graphs, default = params.get("graph", []), "default" in params
    if default == bool(graphs) or len(graphs) > 1:
        raise RequestError(400, "name exactly one graph: ?graph=<absolute IRI> or ?default")
    if default:
        return DefaultGraph()
    try:
        return NamedNode(graphs[0])
    except ValueError as err:
        raise RequestError(400, f"?graph= must be an absolute IRI: {err}") from err


async def graph_store(request: Request) -> Response:
    """Answer a Graph Store Protocol request on ``/store``."""
    state = state_of(request)
    target = graph_target(request.scope.get("query_string", b""))
    if request.method in ("GET", "HEAD"):
        media_type, content = await _read(target, request.headers.get("accept"), state)
        return Response(content, media_type=media_type, headers={"Vary": "Accept"})
    require_writer(request.headers, state.config)
    refuse_writes_while_building(state.location)
    if request.method == "DELETE":
        await state.runner.run(lambda cancel: _delete(target, state), abandon=False)
        return Response(status_code=204)
    media, _ = media_type_of(request.headers.get("content-type"))
    if media not in UPLOAD_FORMATS:
        raise RequestError(415, f"send the graph as one of {', '.join(UPLOAD_FORMATS)}, not {media or 'no Content-Type'}")
    body = await read_body(request, state.config.max_request_bytes)
    base = target.value if isinstance(target, NamedNode) else endpoint_url(request)

    def job(cancel: threading.Event) -> bool:
        return _write(target, body, UPLOAD_FORMATS[media], base, replace=request.method == "PUT", state=state)

    created = await state.runner.run(job, abandon=False)
    return Response(status_code=201 if created else 204)


def _exists(target: Target, store: pyoxigraph.Store) -> bool:
    return isinstance(target, DefaultGraph) or store.contains_named_graph(target)


async def _read(target: Target, accept: str | None, state: ServerState) -> tuple[str, bytes]:
    choice = choose(accept, GRAPH_FORMATS)

    def job(cancel: threading.Event) -> bytes:
        if not _exists(target, state.store):
            raise RequestError(404, f"the store has no graph {target}")
        triples = (quad.triple for quad in state.store.quads_for_pattern(None, None, None, target))
        buffer = CappedBuffer(state.config.max_result_bytes, cancel)
        pyoxigraph.serialize(triples, buffer, choice.format)
        return buffer.getvalue()

    return choice.media_type, await state.runner.run(job)


def _write(target: Target, body: bytes, rdf_format: pyoxigraph.RdfFormat, base: str, *, replace: bool,
           state: ServerState) -> bool:
    # Parse everything first: a syntax error must leave the graph as it was.
    try:
        quads = [Quad(q.subject, q.predicate, q.object, target)
                 for q in pyoxigraph.parse(body, rdf_format, base_iri=base, rename_blank_nodes=True)]
    except SyntaxError as err:
        raise RequestError(400, f"the graph could not be parsed: {err}") from err
    with state.write_lock:
        existed = _exists(target, state.store)
        if replace and existed:
            if isinstance(target, DefaultGraph):
                state.store.clear_graph(target)
            else:
                state.store.remove_graph(target)
        if isinstance(target, NamedNode):
            state.store.add_graph(target)
        state.store.extend(quads)
    return not existed


def _delete(target: Target, state: ServerState) -> None:
    with state.write_lock:
        if not _exists(target, state.store):
            raise RequestError(404, f"the store has no graph {target}")
        if isinstance(target, DefaultGraph):
            state.store.clear_graph(target)
        else:
            state.store.remove_graph(target)
