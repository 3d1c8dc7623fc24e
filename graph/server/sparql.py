"""The ``/sparql`` endpoint: SPARQL 1.1 Protocol queries and (when allowed) updates over HTTP."""

from __future__ import annotations

import threading

import pyoxigraph
from starlette.requests import Request
from starlette.responses import Response

from recgraph.graph.server.access import require_writer
from recgraph.graph.server.description import describe_service
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.guard import check_remote_calls, refuse_unlisted
from recgraph.graph.server.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose, parse_accept
from recgraph.graph.server.outline import CACHED_CHARS, Outline, outline_of
from recgraph.graph.server.page import query_page
from recgraph.graph.server.protocol import Operation, OperationKind, add_using_clauses, read_operation
from recgraph.graph.server.quick import run_remembering
from recgraph.graph.server.runner import CappedBuffer
from recgraph.graph.server.state import ServerState, endpoint_url, read_body, state_of

#: Prefixes that make the service description readable.
DESCRIPTION_PREFIXES = {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "formats": "http://www.w3.org/ns/formats/",
    "dcterms": "http://purl.org/dc/terms/",
}


async def sparql_endpoint(request: Request) -> Response:
    """Answer a SPARQL Protocol request: a query, an update, or a GET without one (the description)."""
    state = state_of(request)
    body = await read_body(request, state.config.max_request_bytes) if request.method == "POST" else b""
    operation = read_operation(request.method, request.scope.get("query_string", b""),
                               request.headers.get("content-type"), body)
    if operation is None:
        if wants_html(request.headers.get("accept")):
            return query_page()
        return _description(request, state)
    if operation.kind is OperationKind.UPDATE:
        require_writer(request.headers, state.config)
        check_remote_calls(operation.text, state.config.allowed_services)
        await _update(operation, endpoint_url(request), state)
        return Response(status_code=204)
    outline = outline_of(operation.text)
    refuse_unlisted(outline.remote_calls, state.config.allowed_services)
    media_type, content = await _query(operation, outline, endpoint_url(request), request.headers.get("accept"),
                                       state)
    return Response(content, media_type=media_type)


def wants_html(accept: str | None) -> bool:
    """True when a browser asks: ``text/html`` named outright and preferred to any RDF type.

    >>> wants_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> wants_html("*/*")
    False
    """
    ranges = dict(parse_accept(accept))
    html = ranges.get("text/html", 0.0)
    # Browsers also list application/xml; only an RDF type named outright counts against HTML.
    rdf = max(ranges.get(c.media_type, 0.0) for c in GRAPH_FORMATS if c.media_type != "application/xml")
    return html > rdf


def _description(request: Request, state: ServerState) -> Response:
    choice = choose(request.headers.get("accept"), GRAPH_FORMATS)
    triples = describe_service(endpoint_url(request), state.config, state.store)
    content = pyoxigraph.serialize(triples, format=choice.format, prefixes=DESCRIPTION_PREFIXES)
    return Response(content, media_type=choice.media_type)


def _dataset_arguments(operation: Operation, outline: Outline, state: ServerState) -> dict:
    dataset = operation.dataset
    if dataset:
        # The protocol's dataset replaces the query's own, both halves (SPARQL 1.1 Protocol, 2.1.4).
        return {"default_graph": [pyoxigraph.NamedNode(iri) for iri in dataset.default],
                "named_graphs": [pyoxigraph.NamedNode(iri) for iri in dataset.named]}
    if state.config.union_default_graph and not outline.declares_dataset:
        return {"use_default_graph_as_union": True}
    return {}


async def _query(operation: Operation, outline: Outline, base: str, accept: str | None,
                 state: ServerState) -> tuple[str, bytes]:
    form = outline.form
    # Refuse an unacceptable Accept before the query runs, when the form is known from the text.
    choice = choose(accept, GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS) if form else None
    arguments = _dataset_arguments(operation, outline, state)

    def job(cancel: threading.Event) -> tuple[str, bytes]:
        try:
            results = state.store.query(operation.text, base_iri=base, **arguments)
        except SyntaxError as err:
            raise RequestError(400, f"malformed query: {err}") from err
        except ValueError as err:
            raise RequestError(400, f"the query cannot be run: {err}") from err
        except (OSError, RuntimeError) as err:  # storage, or an allowed SERVICE that failed
            raise RequestError(500, f"the query failed: {err}") from err
        graph = isinstance(results, pyoxigraph.QueryTriples)
        chosen = choice or choose(accept, GRAPH_FORMATS if graph else RESULT_FORMATS)
        buffer = CappedBuffer(state.config.max_result_bytes, cancel)
        results.serialize(buffer, chosen.format)
        return chosen.media_type, buffer.getvalue()

    # Only a query whose cost depends on the store alone may prove quick: not one calling out.
    if state.quick is None or outline.remote_calls or len(operation.text) > CACHED_CHARS:
        return await state.runner.run(job)
    return await run_remembering(state.runner, state.quick, (operation.text, operation.dataset), job)


async def _update(operation: Operation, base: str, state: ServerState) -> None:
    text = add_using_clauses(operation.text, operation.dataset)

    def job(cancel: threading.Event) -> None:
        with state.write_lock:
            try:
                state.store.update(text, base_iri=base)
            except SyntaxError as err:
                raise RequestError(400, f"malformed update: {err}") from err
            except ValueError as err:
                raise RequestError(400, f"the update cannot be run: {err}") from err
            except RuntimeError as err:  # e.g. CLEAR GRAPH of a graph the store does not have
                raise RequestError(400, f"the update failed and changed nothing: {err}") from err
            except OSError as err:
                raise RequestError(500, f"the update failed and changed nothing: {err}") from err

    # An update is never abandoned: it would still apply after the client was told it failed.
    await state.runner.run(job, abandon=False)
