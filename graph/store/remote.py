"""The client side of recgraph over HTTP: querying a remote SPARQL endpoint, writing graphs to one.

:func:`select`, :func:`construct` and :func:`run_remote_query` send SPARQL 1.1 Protocol queries as
a POSTed form (the one way every server accepts); :func:`put_graph` replaces a graph through the
SPARQL 1.1 Graph Store Protocol. Only the standard library's ``urllib`` is used, so reading from
an endpoint needs nothing beyond recgraph's own dependencies.

Remote queries may use the prefixes of :data:`~recgraph.graph.rdf.namespaces.PREFIXES` without
declaring them, as local ones do: the declarations are sent before the query (a query's own
declarations come later and win). Whether the default graph is the union of all graphs is the
server's choice (``oxigraph serve --union-default-graph``, Fuseki's ``tdb2:unionDefaultGraph``,
Virtuoso by default); recgraph's saved queries expect it.
"""

from __future__ import annotations

import base64
import html
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message

import pyoxigraph as ox

from recgraph.errors import QueryError, RecgraphError
from recgraph.graph.rdf.namespaces import sparql_prologue
from recgraph.graph.store.queries import parse_binding, result_rows

#: Seconds to wait for a remote answer unless told otherwise.
DEFAULT_TIMEOUT = 60.0
#: What a query asks for: typed results for SELECT/ASK, N-Triples (simplest to parse) for graphs.
QUERY_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
                "application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5")
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


class RemoteError(RecgraphError, OSError):
    """A remote endpoint could not be reached, refused the request, or answered with nothing usable.

    ``status`` is the HTTP status when the server answered (else None).
    """

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Credentials:
    """How to authenticate to a remote server: a bearer token, or a user and password.

    ``digest`` selects HTTP Digest (Virtuoso's ``/sparql-graph-crud-auth``) instead of Basic
    (Fuseki's ``--auth=basic``, most reverse proxies). The password is never shown in ``repr``.
    """

    token: str | None = None
    user: str | None = None
    password: str | None = None
    digest: bool = False

    def __repr__(self) -> str:
        scheme = "bearer" if self.token else "digest" if self.digest else "basic" if self.user else "none"
        return f"Credentials({scheme}{', user=' + repr(self.user) if self.user else ''})"


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, media type (lower-cased, without parameters) and body."""

    status: int
    media_type: str
    body: bytes


def http_request(method: str, url: str, *, data: bytes | None = None, headers: Mapping[str, str] | None = None,
                 credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> Answer:
    """Send one HTTP request; raise unless the answer is 2xx.

    Parameters
    ----------
    method, url : str
        E.g. ``"PUT"``, ``"http://127.0.0.1:7878/store?graph=..."``; only http and https URLs.
    data : bytes, optional
        The request body.
    headers : mapping, optional
        More request headers.
    credentials : Credentials, optional
    timeout : float
        Seconds to wait for the connection and for each read.

    Returns
    -------
    Answer

    Raises
    ------
    RemoteError
        The URL is not http(s), the server cannot be reached, or it answered with a status other
        than 2xx (the message quotes the start of its answer).
    """
    url, credentials = split_credentials(url, credentials)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise RemoteError(f"{url!r} is not an http or https URL")
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    opener = _opener(url, credentials, request)
    try:
        _sign_before_sending(opener, request, timeout)
        with opener.open(request, timeout=timeout) as response:
            return Answer(response.status, _media_type(response.headers), response.read())
    except urllib.error.HTTPError as err:
        detail = _one_line(err.read(2000).decode("utf-8", "replace"))
        raise RemoteError(f"{method} {_shown(url)} answered {err.code} {err.reason}: {detail[:300] or '(no detail)'}",
                          err.code) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise RemoteError(f"cannot reach {_shown(url)}: {reason}") from err


def split_credentials(url: str, credentials: Credentials | None = None) -> tuple[str, Credentials]:
    """The URL without its user and password, and the credentials to send.

    A user and password written in the URL (``http://user:pw@host/...``, percent-encoded as RFC
    3986 says) are used when ``credentials`` names no token and no user of its own; its ``digest``
    choice is kept. urllib would take them for part of the host name.

    >>> url, found = split_credentials("http://editor:p%40ss@127.0.0.1:8890/crud")
    >>> url, found.user, found.password
    ('http://127.0.0.1:8890/crud', 'editor', 'p@ss')
    """
    given = credentials or Credentials()
    try:
        parts = urllib.parse.urlsplit(url)
        user, password = parts.username, parts.password
    except ValueError:
        return url, given
    if user is None and password is None:
        return url, given
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    bare = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    if given.token or given.user:
        return bare, given
    return bare, Credentials(user=urllib.parse.unquote(user or ""), password=urllib.parse.unquote(password or ""),
                             digest=given.digest)


def shown_url(url: str) -> str:
    """The URL as it may be shown: a password written in it replaced by ``***``.

    >>> shown_url("http://editor:secret@host/data")
    'http://editor:***@host/data'
    """
    return _shown(url)


def _opener(url: str, credentials: Credentials, request: urllib.request.Request) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if credentials.token:
        request.add_header("Authorization", f"Bearer {credentials.token}")
    elif credentials.user and credentials.digest:
        # Digest needs the server's challenge first; urllib answers it and resends the request.
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, credentials.user, credentials.password or "")
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    elif credentials.user:
        # Basic credentials are sent up front: a large PUT is not sent twice to meet a challenge.
        pair = f"{credentials.user}:{credentials.password or ''}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(pair).decode("ascii"))
    return urllib.request.build_opener(*handlers)


def _sign_before_sending(opener: urllib.request.OpenerDirector, request: urllib.request.Request,
                         timeout: float) -> None:
    """With Digest, fetch the challenge by a bodiless HEAD and sign a request that has a body.

    Otherwise the body goes out twice, and a server that refuses it unread (Virtuoso closes the
    connection after its 401) resets a large PUT midway. A HEAD that is not challenged (or any
    failure) leaves the request as it was: urllib still answers a challenge to the request itself.
    """
    digest = next((h for h in opener.handlers if isinstance(h, urllib.request.HTTPDigestAuthHandler)), None)
    if digest is None or not request.data:
        return
    try:
        with urllib.request.build_opener().open(urllib.request.Request(request.full_url, method="HEAD"),
                                                timeout=timeout):
            return
    except urllib.error.HTTPError as err:
        challenge = err.headers.get("WWW-Authenticate", "") if err.code == 401 else ""
    except (urllib.error.URLError, OSError):
        return
    scheme, _, parameters = challenge.partition(" ")
    if scheme.lower() != "digest":
        return
    fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(parameters)))
    authorization = digest.get_authorization(request, fields)
    if authorization:
        request.add_unredirected_header("Authorization", f"Digest {authorization}")


def _one_line(detail: str) -> str:
    """A server's error page as one line of text: tags dropped, entities decoded, spaces collapsed.

    Errors are one ``Error:`` line; Virtuoso, for one, explains a refusal in a multi-line HTML page.

    >>> _one_line("<html><h1>403 Forbidden</h1>\\n<xmp>Permission denied &amp; more</xmp></html>")
    '403 Forbidden Permission denied & more'
    """
    text = re.sub(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", " ", detail, flags=re.IGNORECASE | re.DOTALL)
    return " ".join(html.unescape(text).split())


def _media_type(headers: Message) -> str:
    return (headers.get_content_type() or "").lower() if headers.get("Content-Type") else ""


def _shown(url: str) -> str:
    # Never echo a password given in the URL.
    try:
        parts = urllib.parse.urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:
        return url.split("@", 1)[-1] if "@" in url else url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def with_bindings(sparql: str, bindings: Mapping[str, str] | None) -> str:
    """The query with a trailing ``VALUES`` clause giving each bound variable its value.

    A remote endpoint has no way to receive bindings besides the text. The trailing clause joins
    after grouping and before projection and ordering (SPARQL 1.1, 18.2.4.3), so, as with local
    bindings, a bound variable must be one the query selects or groups by.

    >>> with_bindings("SELECT ?label WHERE { ?r rdfs:label ?label }", {"label": "winning-consent/22"})
    'SELECT ?label WHERE { ?r rdfs:label ?label }\\nVALUES (?label) { ("winning-consent/22") }\\n'
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(parse_binding(value)) for value in bindings.values())
    return f"{sparql.rstrip()}\nVALUES ({names}) {{ ({values}) }}\n"


def run_remote_query(endpoint: str, sparql: str, bindings: Mapping[str, str] | None = None, label: str = "query", *,
                     credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT,
                     ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run SPARQL on a remote endpoint; answer with the types :func:`~recgraph.graph.store.queries.run_query` gives.

    So everything that renders local results (tables, serialisations, DataFrames) renders remote
    ones too.

    Parameters
    ----------
    endpoint : str
        The SPARQL endpoint's URL, e.g. ``http://127.0.0.1:7878/query`` (Oxigraph),
        ``http://host:3030/ds/sparql`` (Fuseki), ``http://host:8890/sparql`` (Virtuoso).
    sparql : str
        The query; the prefixes of ``PREFIXES`` need not be declared.
    bindings : mapping, optional
        Values for variables (see :func:`with_bindings`).
    label : str
        Names the query in error messages.
    credentials : Credentials, optional
    timeout : float

    Raises
    ------
    QueryError
        The endpoint rejected the query (400: its message is quoted).
    RemoteError
        The endpoint cannot be reached, failed, or answered in a format recgraph cannot read.
    """
    text = sparql_prologue() + with_bindings(sparql, bindings)
    answer = _post_query(endpoint, text, label, credentials, timeout)
    if answer.media_type in _RESULT_TYPES:
        try:
            return ox.parse_query_results(answer.body, _RESULT_TYPES[answer.media_type])
        except SyntaxError as err:
            raise RemoteError(f"{label}: {endpoint} sent unreadable results: {err}") from err
    if answer.media_type in _GRAPH_TYPES:
        # Triples parsed from the answer are handed back as pyoxigraph QueryTriples, the type a
        # local CONSTRUCT gives, by a CONSTRUCT over a scratch in-memory store holding them.
        scratch = ox.Store()
        scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in _parse_triples(answer, endpoint, label))
        return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    raise RemoteError(f"{label}: {endpoint} answered {answer.media_type or 'without a Content-Type'}, "
                      "which is neither SPARQL results nor RDF")


def _post_query(endpoint: str, text: str, label: str, credentials: Credentials | None, timeout: float) -> Answer:
    body = urllib.parse.urlencode({"query": text}).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": QUERY_ACCEPT}
    try:
        return http_request("POST", endpoint, data=body, headers=headers, credentials=credentials, timeout=timeout)
    except RemoteError as err:
        if err.status == 400:
            raise QueryError(f"{label}: the endpoint refused the query: {err}") from err
        raise


def _parse_triples(answer: Answer, endpoint: str, label: str) -> list[ox.Triple]:
    try:
        return [q.triple for q in ox.parse(answer.body, _GRAPH_TYPES[answer.media_type])]
    except SyntaxError as err:
        raise RemoteError(f"{label}: {endpoint} sent unreadable RDF: {err}") from err


def select(endpoint: str, sparql: str, bindings: Mapping[str, str] | None = None, *,
           credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> list[dict[str, object]]:
    """Rows of a remote SELECT (or ASK), one dict per solution, values as local rows give them.

    IRIs and text are ``str``, numbers ``int``/``float``, booleans ``bool``, unbound values None
    (:func:`~recgraph.graph.store.queries.term_value`); an ASK gives ``[{"answer": bool}]``.

    Raises
    ------
    QueryError
        The query is not a SELECT or ASK, or the endpoint refused it.
    RemoteError
        See :func:`run_remote_query`.
    """
    result = run_remote_query(endpoint, sparql, bindings, credentials=credentials, timeout=timeout)
    if isinstance(result, ox.QueryTriples):
        raise QueryError("select() needs a SELECT or ASK query; use construct() for CONSTRUCT and DESCRIBE")
    columns, rows = result_rows(result)
    return [dict(zip(columns, row)) for row in rows]


def construct(endpoint: str, sparql: str, bindings: Mapping[str, str] | None = None, *,
              credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT) -> list[ox.Triple]:
    """The triples of a remote CONSTRUCT or DESCRIBE, as pyoxigraph triples.

    Raises
    ------
    QueryError
        The query is not a CONSTRUCT or DESCRIBE, or the endpoint refused it.
    RemoteError
        See :func:`run_remote_query`.
    """
    result = run_remote_query(endpoint, sparql, bindings, credentials=credentials, timeout=timeout)
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("construct() needs a CONSTRUCT or DESCRIBE query; use select() for SELECT and ASK")
    return list(result)


def put_graph(endpoint: str, graph: str | None, turtle: bytes, *, credentials: Credentials | None = None,
              timeout: float = DEFAULT_TIMEOUT) -> int:
    """Replace one graph on a Graph Store Protocol endpoint (HTTP PUT): idempotent.

    Parameters
    ----------
    endpoint : str
        The Graph Store endpoint, e.g. ``http://127.0.0.1:7878/store`` (Oxigraph),
        ``http://host:3030/ds/data`` (Fuseki), ``http://host:8890/sparql-graph-crud-auth`` (Virtuoso).
    graph : str or None
        The graph's IRI (sent as ``?graph=``); None for the default graph (``?default``).
    turtle : bytes
        The graph as Turtle.

    Returns
    -------
    int
        The status: 201 when the graph was created, 200 or 204 when it was replaced.

    Raises
    ------
    RemoteError
        See :func:`http_request`.
    """
    target = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    url = f"{endpoint}{'&' if urllib.parse.urlsplit(endpoint).query else '?'}{target}"
    headers = {"Content-Type": "text/turtle; charset=utf-8"}
    return http_request("PUT", url, data=turtle, headers=headers, credentials=credentials, timeout=timeout).status

