"""The ``/sparql`` endpoint: SPARQL 1.1 Protocol queries and (when allowed) updates over HTTP."""

from __future__ import annotations

import asyncio
import threading
import time

import pyoxigraph
from starlette.requests import Request
from starlette.responses import Response

from recgraph.graph.server.access import refuse_writes_while_building, require_writer
from recgraph.graph.server.description import describe_service
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.execution import answer_query, dataset_arguments
from recgraph.graph.server.guard import refuse_unlisted
from recgraph.graph.server.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose, parse_accept
from recgraph.graph.server.outline import CACHED_CHARS, Outline, outline_of
from recgraph.graph.server.page import query_page
from recgraph.graph.server.protocol import Operation, OperationKind, add_using_clauses, read_operation
from recgraph.graph.server.quick import run_remembering
from recgraph.graph.server.state import ServerState, endpoint_url, read_body, state_of
from recgraph.graph.server.workers import QueryJob

#: Answers chosen by the request's Accept header say so to caches (RFC 9110, 12.5.5).
VARY = {"Vary": "Accept"}

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
    # HEAD answers as GET does (the server sends the same headers and no body).
    method = "GET" if request.method == "HEAD" else request.method
    operation = read_operation(method, request.scope.get("query_string", b""),
                               request.headers.get("content-type"), body)
    if operation is None:
        if wants_html(request.headers.get("accept")):
            page = query_page()
            page.headers.append("Vary", "Accept")
            return page
        return _description(request, state)
    if operation.kind is OperationKind.UPDATE:
        require_writer(request.headers, state.config)
        refuse_writes_while_building(state.location)
        outline = await checked_outline(operation.text, state)
        refuse_unlisted(outline.remote_calls, state.config.allowed_services)
        await _update(operation, endpoint_url(request), state)
        return Response(status_code=204)
    outline = await checked_outline(operation.text, state)
    refuse_unlisted(outline.remote_calls, state.config.allowed_services)
    media_type, content = await _query(operation, outline, endpoint_url(request), request.headers.get("accept"),
                                       state)
    return Response(content, media_type=media_type, headers=VARY)


async def checked_outline(text: str, state: ServerState) -> Outline:
    """The outline of ``text`` once its size and shape pass the server's limits (400 otherwise).

    The size is checked before the text is read at all; a text too long to be cached is read in a
    thread, so a large one does not hold up the event loop for the others.
    """
    limits = state.config.limits
    limits.check_size(text)
    outline = outline_of(text) if len(text) <= CACHED_CHARS else await asyncio.to_thread(outline_of, text)
    limits.check_shape(outline.shape)
    return outline


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
    return Response(content, media_type=choice.media_type, headers=VARY)


def _dataset(operation: Operation, outline: Outline, state: ServerState) -> tuple:
    """``(default graph IRIs, named graph IRIs, union)``; None where the protocol gave no dataset."""
    dataset = operation.dataset
    if dataset:
        # The protocol's dataset replaces the query's own, both halves (SPARQL 1.1 Protocol, 2.1.4).
        return tuple(dataset.default), tuple(dataset.named), False
    return None, None, state.config.union_default_graph and not outline.declares_dataset


async def _query(operation: Operation, outline: Outline, base: str, accept: str | None,
                 state: ServerState) -> tuple[str, bytes]:
    form = outline.form
    # Refuse an unacceptable Accept before the query runs, when the form is known from the text.
    if form:
        choose(accept, GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS)
    default, named, union = _dataset(operation, outline, state)
    limit = state.config.max_result_bytes
    # Only a query whose cost depends on the store alone may prove quick: not one calling out.
    key = (operation.text, operation.dataset)
    quick = state.quick if not outline.remote_calls and len(operation.text) <= CACHED_CHARS else None
    store = state.store  # read once: the whole request uses the build it started with

    def job(cancel: threading.Event) -> tuple[str, bytes]:
        arguments = dataset_arguments(default, named, union)
        return answer_query(store, operation.text, base, arguments, accept, limit, cancel)

    if state.processes is None:
        if quick is None:
            return await state.runner.run(job)
        return await run_remembering(state.runner, quick, key, job)
    if quick is not None and quick.is_quick(key):
        started = time.perf_counter()
        try:
            return job(threading.Event())
        finally:
            quick.record(key, time.perf_counter() - started)
    request = QueryJob(state.database, operation.text, base, default, named, union, accept, limit)
    proven = state.proven is not None and state.proven.is_quick(key)
    media_type, content, seconds = await state.processes.run(request, proven=proven)
    if request.database == state.database:
        if quick is not None:
            quick.record(key, seconds)
        if state.proven is not None:
            state.proven.record(key, seconds)
    return media_type, content


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
