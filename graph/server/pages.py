"""Linked Data: every IRI under the data base resolves on the server, for people and for machines.

Following the W3C note *Cool URIs for the Semantic Web* (section 4.3, "303 URIs forwarding to one
generic document"): an IRI names a thing (a recommendation, a paper), not a web page, so

- ``GET /id/X`` for the IRI ``<base>X`` answers **303 See Other** to ``/doc/X``, the document
  about it (404 when the store knows nothing of the IRI);
- ``GET /doc/X`` negotiates on ``Accept``: an HTML page for browsers (and ``*/*``), Turtle,
  JSON-LD, N-Triples or RDF/XML for RDF clients, with ``Vary: Accept`` and a
  ``Content-Location`` naming the fixed-format variant, ``/doc/X.html``, ``/doc/X.ttl``,
  ``/doc/X.jsonld``, ``/doc/X.nt`` or ``/doc/X.rdf``;
- ``GET /doc?iri=IRI`` does the same for any other IRI the store mentions (the ontology's terms,
  the themes, statuses, systems and owners of the vocabularies).

``<base>`` is the base the store was built with (its manifest), so when a store is built with
``--base http://HOST:PORT/id/`` and served there, its IRIs dereference as they are; with the
default ``https://w3id.org/recgraph/id/``, a w3id.org redirect of ``/recgraph/id/*`` to the
server's ``/id/*`` does the same. The views folder (``recgraph view``) is served under ``/views/``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from recgraph.errors import IRIError
from recgraph.graph.rdf.iri import decode_segment, encode_segment, resolve_base
from recgraph.graph.rdf.namespaces import PREFIXES, RG
from recgraph.graph.server.describe import RDF_TYPE, describe, exists, label, triples
from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.markup import document, join, tag
from recgraph.graph.server.negotiation import GRAPH_FORMATS, Choice, choose
from recgraph.graph.server.render import Linker, short
from recgraph.graph.server.runner import CappedBuffer, Runner
from recgraph.graph.server.sections import natural, page
from recgraph.graph.server.state import ServerState, state_of

#: Pages load nothing but this server's stylesheet, and run no script at all.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
HTML = Choice("text/html", None)
#: What /doc/ offers: HTML first (browsers, */*), then the RDF formats of the SPARQL endpoint.
DOCUMENT_FORMATS: tuple[Choice, ...] = (HTML, Choice("application/xhtml+xml", None), *GRAPH_FORMATS)
#: Fixed-format documents: extension -> what is sent.
EXTENSIONS: dict[str, Choice] = {
    "html": HTML,
    "ttl": Choice("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": Choice("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": Choice("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdf": Choice("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
_EXTENSION_OF = {choice.format: extension for extension, choice in EXTENSIONS.items() if choice.format}
#: At most this many reports and papers are listed on the home page.
HOME_LIMIT = 500


@dataclass(frozen=True)
class LinkedData:
    """The settings of the Linked Data routes: the data base IRI and the views folder."""

    base: str
    views: Path | None = None


def linked_data_routes(base: str | None = None, views: str | Path | None = None) -> list[BaseRoute]:
    """The routes to give :func:`~recgraph.graph.server.create_app` (``routes=``) for Linked Data.

    Parameters
    ----------
    base : str, optional
        The base the store's IRIs were minted under (its manifest's ``base``); default as
        :func:`recgraph.graph.rdf.iri.resolve_base`.
    views : path, optional
        A folder of HTML views to serve under ``/views/`` (it may be created later).

    Examples
    --------
    >>> [getattr(route, "path", None) for route in linked_data_routes("http://e.org/id/")]
    ['/id/{path:path}', '/doc/{path:path}', '/doc', '/']
    """
    settings = LinkedData(resolve_base(base), Path(views) if views else None)
    routes: list[BaseRoute] = [
        Route("/id/{path:path}", _bound(_thing, settings), methods=["GET"]),
        Route("/doc/{path:path}", _bound(_document_at_path, settings), methods=["GET"]),
        Route("/doc", _bound(_document_of_iri, settings), methods=["GET"]),
        Route("/", _bound(_home, settings), methods=["GET"]),
    ]
    if settings.views:
        routes += [Route("/views/", _bound(_views_index, settings), methods=["GET"]),
                   Mount("/views", StaticFiles(directory=str(settings.views), html=True, check_dir=False))]
    return routes


def _bound(handler: Callable, settings: LinkedData) -> Callable:
    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request, settings)
        except RequestError as error:
            return _error(request, error)

    endpoint.__name__ = handler.__name__.lstrip("_")
    return endpoint


def iri_from_path(raw_path: str, base: str) -> str | None:
    """The IRI a path under ``/id/`` or ``/doc/`` names: each segment decoded, then encoded as minted.

    Clients may percent-encode more than recgraph does (``6%28b%29`` for ``6(b)``) and must encode
    non-ASCII characters, so segments are compared in the minted form. None when a segment is
    empty or not UTF-8.

    >>> iri_from_path("report/race-and-faith/rec/6%28b%29", "https://w3id.org/recgraph/id/")
    'https://w3id.org/recgraph/id/report/race-and-faith/rec/6(b)'
    >>> iri_from_path("report/a%2Fb", "http://e.org/")
    'http://e.org/report/a%2Fb'
    """
    try:
        return base + "/".join(encode_segment(decode_segment(segment)) for segment in raw_path.split("/"))
    except (IRIError, UnicodeDecodeError):
        return None


def _raw_rest(request: Request, prefix: str) -> str:
    # The undecoded path: "/" inside a segment arrives as %2F and must not split it.
    raw = request.scope.get("raw_path") or request.scope["path"].encode()
    path = raw.decode("latin-1").split("?", 1)[0]
    root = request.scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root):]
    return path[len(prefix):]


def _runner(request: Request) -> Runner:
    """The pages' own workers, apart from the queries' (same count and timeout): a slow query
    holding every query worker does not hold up the pages."""
    runner = getattr(request.app.state, "pages_runner", None)
    if runner is None:
        config = state_of(request).config
        runner = request.app.state.pages_runner = Runner(config.workers, config.timeout)
    return runner


def _linker(request: Request, settings: LinkedData) -> Linker:
    return Linker(settings.base, request.scope.get("root_path", ""))


async def _thing(request: Request, settings: LinkedData) -> Response:
    state = state_of(request)
    rest = _raw_rest(request, "/id/")
    iri = iri_from_path(rest, settings.base)
    if iri is None or not await _runner(request).run(lambda cancel: _known(state.store, iri)):
        raise RequestError(404, f"nothing is known of <{iri or settings.base + rest}> here")
    return RedirectResponse(_linker(request, settings).document(iri), status_code=303)


def _known(store: ox.Store, iri: str) -> bool:
    try:
        return exists(store, iri)
    except ValueError:  # not a valid IRI
        return False


async def _document_at_path(request: Request, settings: LinkedData) -> Response:
    state = state_of(request)
    rest = _raw_rest(request, "/doc/")
    iri = iri_from_path(rest, settings.base)
    chosen = None
    stem, dot, extension = rest.rpartition(".")
    known = iri is not None and await _runner(request).run(lambda cancel: _known(state.store, iri))
    if dot and extension in EXTENSIONS and not known:
        iri, chosen = iri_from_path(stem, settings.base), EXTENSIONS[extension]
    return await _document(request, settings, iri or settings.base + rest, chosen)


async def _document_of_iri(request: Request, settings: LinkedData) -> Response:
    values = request.query_params.getlist("iri")
    if len(values) != 1:
        raise RequestError(400, "name exactly one resource: /doc?iri=<absolute IRI>")
    extension = request.query_params.get("format")
    if extension is not None and extension not in EXTENSIONS:
        raise RequestError(400, f"format must be one of {', '.join(EXTENSIONS)}, not {extension!r}")
    return await _document(request, settings, values[0], EXTENSIONS[extension] if extension else None)


async def _document(request: Request, settings: LinkedData, iri: str, chosen: Choice | None) -> Response:
    state = state_of(request)
    negotiated = chosen is None
    choice = chosen or choose(request.headers.get("accept"), DOCUMENT_FORMATS)
    linker = _linker(request, settings)

    def job(cancel: threading.Event) -> bytes | None:
        if not _known(state.store, iri):
            return None
        if choice.format is None:
            return page(describe(state.store, iri), linker).encode("utf-8")
        buffer = CappedBuffer(state.config.max_result_bytes, cancel)
        ox.serialize(triples(state.store, iri), buffer, choice.format, prefixes=PREFIXES)
        return buffer.getvalue()

    content = await _runner(request).run(job)
    if content is None:
        raise RequestError(404, f"nothing is known of <{iri}> here")
    headers = {"Vary": "Accept"} if negotiated else {}
    if negotiated:
        headers["Content-Location"] = linker.document(iri, _EXTENSION_OF.get(choice.format, "html"))
    if choice.format is None:
        headers.update(PAGE_HEADERS)
        return Response(content, media_type="text/html; charset=utf-8", headers=headers)
    return Response(content, media_type=choice.media_type, headers=headers)


async def _home(request: Request, settings: LinkedData) -> Response:
    state = state_of(request)
    linker = _linker(request, settings)
    body = await _runner(request).run(lambda cancel: _home_page(state, linker, settings))
    return HTMLResponse(body, headers=PAGE_HEADERS)


def _home_page(state: ServerState, linker: Linker, settings: LinkedData) -> str:
    store = state.store
    sections = []
    for kind, heading in ((RG.SourceReport, "Source reports"), (RG.Paper, "Papers")):
        found = []
        for quad in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(str(kind)), None):
            if isinstance(quad.subject, ox.NamedNode) and quad.subject.value not in found:
                found.append(quad.subject.value)
        named = sorted(((label(store, iri) or short(iri, linker), iri) for iri in found[:HOME_LIMIT]),
                       key=lambda pair: natural(pair[0].lower()))
        items = [tag("li", tag("a", name, href=linker.href(iri))) for name, iri in named]
        listed = tag("ul", items) if items else tag("p", "None.")
        sections.append(join([tag("h2", f"{heading} ({len(found)})"), listed]))
    views = settings.views is not None and settings.views.is_dir()
    intro = tag("p", "Every recommendation, paper, source report, progress update and span has an IRI under ",
                tag("code", settings.base), " that resolves here under ", tag("code", "/id/"), ". Query everything at ",
                tag("a", "/query", href=f"{linker.root}/query"), " (SPARQL endpoint: ",
                tag("code", f"{linker.root}/sparql"), ")",
                join([", views at ", tag("a", "/views/", href=f"{linker.root}/views/")]) if views else None, ".")
    return document("recgraph", join([tag("h1", "recgraph"), intro, *sections]), root=linker.root)


async def _views_index(request: Request, settings: LinkedData) -> Response:
    folder = settings.views
    if folder is None or not folder.is_dir():
        raise RequestError(404, "no views have been written yet: run `recgraph view`")
    if (folder / "index.html").is_file():
        return RedirectResponse(f"{request.scope.get('root_path', '')}/views/index.html", status_code=303)
    names = sorted(path.name for path in folder.glob("*.html"))
    items = [tag("li", tag("a", name, href=quote(name))) for name in names]
    body = join([tag("h1", "Views"), tag("ul", items) if items else tag("p", "None yet: run `recgraph view`.")])
    page = document("Views · recgraph", body, root=request.scope.get("root_path", ""))
    return HTMLResponse(page, headers=PAGE_HEADERS)


def _error(request: Request, error: RequestError) -> Response:
    # People get a page, programs the message as text.
    try:
        wants_page = choose(request.headers.get("accept"), DOCUMENT_FORMATS).format is None
    except RequestError:
        wants_page = False
    if not wants_page:
        return PlainTextResponse(f"{error}\n", status_code=error.status, headers=error.headers)
    root = request.scope.get("root_path", "")
    body = join([tag("h1", "Not found" if error.status == 404 else f"Error {error.status}"), tag("p", str(error)),
                 tag("p", tag("a", "Home", href=f"{root}/"), " · ", tag("a", "Query", href=f"{root}/query"))])
    return HTMLResponse(document("recgraph", body, root=root), status_code=error.status,
                        headers={**PAGE_HEADERS, **error.headers})

