"""The SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/): from HTTP to an operation.

Pure functions over the parts of a request (method, query string, content type, body), so the
protocol's rules are tested without a server:

- queries by GET (``?query=``), by POST of a URL-encoded form, or by POST of
  ``application/sparql-query``; updates only by POST (form ``update=`` or ``application/sparql-update``);
- exactly one ``query`` or ``update``; bodies in UTF-8;
- the dataset from ``default-graph-uri``/``named-graph-uri`` (queries) or
  ``using-graph-uri``/``using-named-graph-uri`` (updates), which overrides the one in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from urllib.parse import parse_qsl

import pyoxigraph

from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.lexer import Kind as TokenKind, tokenize
from recgraph.graph.server.negotiation import media_type_of

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
#: A form with more fields than this is not a SPARQL request (and parsing it would cost).
MAX_FIELDS = 1000
#: GET query strings up to this long are remembered with the operation they carry: decoding a saved
#: query's percent-encoding takes about 0.1 ms, as long as a small query takes to run, and clients
#: send the same URLs again and again. An operation is immutable and depends on the string alone.
CACHED_QUERY_STRING_BYTES = 16 * 1024
#: Distinct query strings remembered (so at most a few MiB).
CACHED_QUERY_STRINGS = 256


class OperationKind(Enum):
    """Whether an operation reads (query) or writes (update)."""

    QUERY = "query"
    UPDATE = "update"


#: The parameters that give the dataset: (default graph, named graphs) for each kind of operation.
DATASET_PARAMETERS = {
    OperationKind.QUERY: ("default-graph-uri", "named-graph-uri"),
    OperationKind.UPDATE: ("using-graph-uri", "using-named-graph-uri"),
}


@dataclass(frozen=True)
class Dataset:
    """Graph IRIs given by the protocol: the default graph's parts and the named graphs."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


@dataclass(frozen=True)
class Operation:
    """One query or update to run, with the dataset the protocol gave for it."""

    kind: OperationKind
    text: str
    dataset: Dataset = Dataset()


def read_operation(method: str, query_string: bytes, content_type: str | None, body: bytes) -> Operation | None:
    """Read the SPARQL operation an HTTP request carries.

    Parameters
    ----------
    method : str
        ``GET`` or ``POST`` (other methods never reach this function).
    query_string : bytes
        The raw query string of the URL.
    content_type : str or None
        The request's ``Content-Type``.
    body : bytes
        The request body (already size-capped).

    Returns
    -------
    Operation or None
        None when a GET carries no query: the caller answers with the service description.

    Raises
    ------
    RequestError
        400 for a malformed request, 415 for a body of the wrong media type.

    Examples
    --------
    >>> read_operation("GET", b"query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fe.org%2Fg", None, b"")
    Operation(kind=<OperationKind.QUERY: 'query'>, text='ASK {}', dataset=Dataset(default=('http://e.org/g',), named=()))
    >>> read_operation("GET", b"update=CLEAR%20ALL", None, b"")
    Traceback (most recent call last):
    ...
    recgraph.graph.server.errors.RequestError: updates must be sent by POST, ...
    """
    if method == "GET":
        if len(query_string) <= CACHED_QUERY_STRING_BYTES:
            return _read_get_cached(query_string)
        return _read_get(query_string)
    url_params = parse_params(query_string, "the URL's query string")
    media, parameters = media_type_of(content_type)
    if media == FORM:
        form = parse_params(body, "the form body")
        kinds = [kind for kind in OperationKind if kind.value in form]
        if len(kinds) != 1:
            raise RequestError(400, "a form must carry exactly one 'query' or one 'update' field")
        merged = {**url_params, **{name: values for name, values in form.items() if name not in ("query", "update")}}
        return _operation(kinds[0], _single(form, kinds[0].value), merged)
    direct = {QUERY_TYPE: OperationKind.QUERY, UPDATE_TYPE: OperationKind.UPDATE}.get(media)
    if direct is None:
        shown = media or "no Content-Type"
        raise RequestError(
            415, f"a POST to the SPARQL endpoint must be {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}, not {shown}"
        )
    if "query" in url_params or "update" in url_params:
        raise RequestError(400, f"a {media} request carries its {direct.value} in the body, not also in the URL")
    return _operation(direct, _decode(body, parameters.get("charset")), url_params)


def _read_get(query_string: bytes) -> Operation | None:
    url_params = parse_params(query_string, "the URL's query string")
    if "update" in url_params:
        raise RequestError(400, f"updates must be sent by POST, as a form field or as {UPDATE_TYPE}")
    if "query" not in url_params:
        return None
    return _operation(OperationKind.QUERY, _single(url_params, "query"), url_params)


# Refusals are not cached (lru_cache keeps only results), so a bad URL is read and refused each time.
_read_get_cached = lru_cache(maxsize=CACHED_QUERY_STRINGS)(_read_get)


def _operation(kind: OperationKind, text: str, params: dict[str, list[str]]) -> Operation:
    default, named = DATASET_PARAMETERS[kind]
    dataset = Dataset(tuple(params.get(default, ())), tuple(params.get(named, ())))
    if not text.strip():
        raise RequestError(400, f"the {kind.value} is empty")
    for iri in (*dataset.default, *dataset.named):
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError as err:
            raise RequestError(400, f"the graph IRI {iri!r} is not a valid absolute IRI: {err}") from err
    return Operation(kind, text, dataset)


def _single(params: dict[str, list[str]], name: str) -> str:
    values = params[name]
    if len(values) != 1:
        raise RequestError(400, f"exactly one '{name}' parameter is allowed, {len(values)} were given")
    return values[0]


def parse_params(raw: bytes, where: str) -> dict[str, list[str]]:
    """Parse a query string or URL-encoded form strictly (percent-encoded UTF-8), keeping repeats.

    >>> parse_params(b"a=1&b=&a=%C3%A9", "the URL")
    {'a': ['1', 'é'], 'b': ['']}
    """
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict",
                          max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError as err:
        raise RequestError(400, f"{where} is not UTF-8: {err.reason}") from err
    except ValueError as err:
        raise RequestError(400, f"{where} is malformed: {err}") from err
    params: dict[str, list[str]] = {}
    for name, value in pairs:
        params.setdefault(name, []).append(value)
    return params


def _decode(body: bytes, charset: str | None) -> str:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise RequestError(400, f"SPARQL text must be sent as UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise RequestError(400, f"the body is not UTF-8 (byte {err.start}): send SPARQL text as UTF-8") from err


def add_using_clauses(update: str, dataset: Dataset) -> str:
    """Apply the protocol's ``using-graph-uri``/``using-named-graph-uri`` to an update's operations.

    The protocol's dataset means what ``USING``/``USING NAMED`` clauses would mean on each
    ``INSERT``/``DELETE ... WHERE`` operation (pyoxigraph takes no dataset for updates), so the
    clauses are written into the text before each such ``WHERE``.

    Raises
    ------
    RequestError
        400 when the update has its own ``USING`` or ``WITH`` clauses as well (the protocol forbids it).

    Examples
    --------
    >>> add_using_clauses("INSERT { ?s a <http://e.org/C> } WHERE { ?s ?p ?o }", Dataset(("http://e.org/g",)))
    'INSERT { ?s a <http://e.org/C> } USING <http://e.org/g> WHERE { ?s ?p ?o }'
    """
    if not dataset:
        return update
    clause = " ".join([*(f"USING <{iri}>" for iri in dataset.default),
                       *(f"USING NAMED <{iri}>" for iri in dataset.named)]) + " "
    depth, previous, positions = 0, None, []
    for token in tokenize(update):
        if token.kind is TokenKind.PUNCT and token.text in "{}":
            depth += 1 if token.text == "{" else -1
        elif depth == 0 and token.is_keyword("USING", "WITH"):
            raise RequestError(
                400, f"the update has its own {token.text.upper()} clause: drop it or the using-graph-uri/"
                     "using-named-graph-uri parameters"
            )
        elif depth == 0 and token.is_keyword("WHERE") and not (previous and previous.is_keyword("DELETE")):
            positions.append(token.start)
        if depth == 0:
            previous = token
    for position in reversed(positions):
        update = update[:position] + clause + update[position:]
    return update
