"""Where the analyses read the graph from: the local store, or a remote SPARQL endpoint.

Every analysis asks the graph only SPARQL SELECT queries, through :meth:`GraphSource.select`, so the
same code runs on an open pyoxigraph store and on any SPARQL 1.1 endpoint (e.g. ``recgraph serve``).
Results come back as DataFrames of plain Python values: IRIs and text as ``str``, numbers as ``int``
or ``float``, booleans as ``bool``, unbound values as ``None`` (the same as
:func:`recgraph.graph.store.queries.term_value`).
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Union

import pyoxigraph as ox

from recgraph.errors import QueryError, StoreError
from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.store.queries import result_rows, run_query

if TYPE_CHECKING:
    import pandas

    from recgraph.graph.store.knowledge import KnowledgeGraph

_XSD = PREFIXES["xsd"]
_INTEGERS = frozenset({"integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"})
_FLOATS = frozenset({"decimal", "double", "float"})
_JSON = "application/sparql-results+json"
_DECLARED = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


class GraphSource(Protocol):
    """Anything that answers a SPARQL SELECT with a DataFrame."""

    name: str

    def select(self, sparql: str, typed: bool = True) -> pandas.DataFrame: ...


class LocalSource:
    """An open pyoxigraph store; queries see the union of its graphs.

    Parameters
    ----------
    store : the store.
    name : how messages and reports name it (e.g. its folder).
    build : the build folder the store was opened from, if any: its projected tables may then be
        kept beside it (see :mod:`~recgraph.graph.analyses.cache`).
    """

    def __init__(self, store: ox.Store, name: str = "local store", build: Path | None = None):
        self.store = store
        self.name = name
        self.build = build

    def __repr__(self) -> str:
        return f"<LocalSource {self.name}>"

    def select(self, sparql: str, typed: bool = True) -> pandas.DataFrame:
        """The solutions of a SELECT, one row each (see the module docstring for the values).

        Parameters
        ----------
        sparql : the query.
        typed : give numbers and booleans as such; with ``typed=False`` every value is its text
            (faster on large answers: pyoxigraph writes CSV and pandas reads it, no Python object
            per value; an empty string reads as None).

        Raises
        ------
        QueryError : the query does not parse or fails.
        """
        import pandas

        result = run_query(self.store, sparql, label="analysis")
        if typed:
            columns, rows = result_rows(result)
            return pandas.DataFrame(rows, columns=columns)
        columns = [variable.value for variable in result.variables]
        try:
            return csv_frame(result.serialize(format=ox.QueryResultsFormat.CSV), columns)
        except MalformedCSV:  # an IRI holding a comma, which Oxigraph's CSV leaves unquoted: ask again, term by term
            result = run_query(self.store, sparql, label="analysis")
            rows = [[_term_text(solution[column]) for column in columns] for solution in result]
            frame = pandas.DataFrame(rows, columns=columns, dtype=object)
            return frame.where(frame.notna(), None)


class EndpointSource:
    """A SPARQL 1.1 endpoint spoken to over HTTP (the SPARQL protocol, JSON results).

    The prefixes of :data:`~recgraph.graph.rdf.namespaces.PREFIXES` are declared in every query, so
    any endpoint understands them. Answers whose values are wanted as text are asked for as CSV
    (read by pandas, no Python object per value), else as JSON, which every endpoint writes. The endpoint should use the union of its graphs as the default
    graph, as ``recgraph serve`` does.

    Parameters
    ----------
    url : the endpoint, e.g. ``http://localhost:8000/sparql``.
    timeout : seconds to wait for one answer.
    """

    def __init__(self, url: str, timeout: float = 120.0):
        self.url = url
        self.name = url
        self.timeout = timeout
        self._union_checked = False

    def check_union_default_graph(self) -> None:
        """Raise unless the endpoint's default graph shows what its named graphs hold.

        recgraph keeps each paper in a named graph, and the analyses read the default graph: on an
        endpoint whose default graph is only its own (Oxigraph without ``--union-default-graph``,
        Fuseki without ``tdb2:unionDefaultGraph``) every count would be zero. One small query finds
        out: a triple of some named graph that the default graph lacks. Asked once per source.

        Raises
        ------
        StoreError : the endpoint's default graph is not the union of its named graphs.
        """
        if self._union_checked:
            return
        self._union_checked = True
        kind, data = self._post(_UNION_PROBE, _JSON)
        try:
            missing = json.loads(data.decode("utf-8")).get("boolean") is True
        except (ValueError, AttributeError):
            return  # an endpoint that cannot answer the probe: let the analyses' own queries speak
        if missing:
            raise StoreError(
                f"{self.url} does not use the union of its named graphs as its default graph, so every analysis "
                "would count zero: recgraph keeps each paper in a named graph. Start the endpoint with its union "
                "default graph (recgraph serve does; oxigraph serve --union-default-graph; Fuseki "
                "tdb2:unionDefaultGraph true)"
            )

    def __repr__(self) -> str:
        return f"<EndpointSource {self.url}>"

    def select(self, sparql: str, typed: bool = True) -> pandas.DataFrame:
        """The solutions of a SELECT sent to the endpoint, one row each (``typed=False``: every value as text).

        Raises
        ------
        QueryError : the endpoint refused the query (the message quotes its answer).
        StoreError : the endpoint cannot be reached.
        """
        import pandas

        self.check_union_default_graph()
        if not typed:
            kind, data = self._post(_DECLARED + sparql, f"text/csv, {_JSON};q=0.5")
            if kind == "text/csv":
                try:
                    return csv_frame(data)
                except MalformedCSV:  # e.g. an unquoted IRI holding a comma (Oxigraph server): ask for JSON
                    kind, data = self._post(_DECLARED + sparql, _JSON)
        else:
            kind, data = self._post(_DECLARED + sparql, _JSON)
        try:
            answer = json.loads(data.decode("utf-8"))
        except ValueError as err:
            raise QueryError(f"{self.url}: no usable answer ({err})") from err
        try:
            columns = answer["head"]["vars"]
            bindings = answer["results"]["bindings"]
        except (KeyError, TypeError) as err:
            raise QueryError(f"{self.url} did not answer with SPARQL JSON results (no {err})") from err
        value = json_value if typed else _text_value
        rows = [[value(binding.get(column)) for column in columns] for binding in bindings]
        return pandas.DataFrame(rows, columns=columns)

    def _post(self, sparql: str, accept: str) -> tuple[str, bytes]:
        """The media type and the body of the endpoint's answer."""
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=body, method="POST",
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            raise QueryError(f"{self.url} answered HTTP {err.code}: {detail[0] if detail else err.reason}") from err
        except urllib.error.URLError as err:
            raise StoreError(f"cannot reach the SPARQL endpoint {self.url}: {err.reason}") from err
        except (TimeoutError, ValueError) as err:  # a slow endpoint
            raise QueryError(f"{self.url}: no usable answer ({err})") from err


#: True when some named graph holds a triple the default graph does not: no union default graph.
_UNION_PROBE = ("ASK { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1 } "
                "FILTER NOT EXISTS { ?s ?p ?o } }")


def csv_frame(data: bytes, columns: list[str] | None = None) -> pandas.DataFrame:
    """SPARQL CSV results as a DataFrame of text (an empty value, i.e. an unbound one, as None).

    Parameters
    ----------
    data : the CSV, its first line naming the variables.
    columns : the variables, when known (an answer with no solution may lack even the header).

    >>> csv_frame(b"s,o\\r\\nhttp://e/a,\\r\\n").values.tolist()
    [['http://e/a', None]]
    """
    import pandas

    if not data.strip():
        return pandas.DataFrame(columns=columns or [])
    try:
        frame = pandas.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_values=[""],
                                names=columns, header=0 if columns else "infer")
    except pandas.errors.ParserError as err:
        raise MalformedCSV(str(err)) from err
    if not isinstance(frame.index, pandas.RangeIndex):  # rows with more fields than the header: pandas made them an index
        raise MalformedCSV("a row has more fields than the header names")
    frame = frame.astype(object)
    return frame.where(frame.notna(), None)


class MalformedCSV(ValueError):
    """CSV results whose rows do not have the header's fields (a writer that left a comma unquoted)."""


def _term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    """A term's text as the CSV results would give it (an unbound or empty value as None)."""
    if term is None or term.value == "":
        return None
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _text_value(term: dict | None) -> str | None:
    if term is None or term.get("value") == "":
        return None
    return f"_:{term['value']}" if term.get("type") == "bnode" else term.get("value")


def json_value(term: dict | None) -> object:
    """A term of SPARQL JSON results as a Python value, typed like the local store's.

    >>> json_value({"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"})
    3
    >>> json_value({"type": "uri", "value": "http://example.org/a"})
    'http://example.org/a'
    >>> json_value(None) is None
    True
    """
    if term is None:
        return None
    value = term.get("value")
    if term.get("type") == "bnode":
        return f"_:{value}"
    datatype = term.get("datatype", "")
    local = datatype[len(_XSD):] if datatype.startswith(_XSD) else ""
    try:
        if local in _INTEGERS:
            return int(value)
        if local in _FLOATS:
            return float(value)
        if local == "boolean":
            return value in ("true", "1")
    except ValueError:  # an ill-typed literal stays text, as in the local store
        return value
    return value


#: What the analyses accept as a source of the graph.
Source = Union[GraphSource, "KnowledgeGraph", ox.Store, str, Path, None]


def connect(source: Source = None) -> GraphSource:
    """The graph source named by ``source``.

    Parameters
    ----------
    source : an http(s) URL (a SPARQL endpoint); a store folder (``str`` or ``Path``); ``None``
        (``$RECGRAPH_STORE`` or ``./.recgraph``); an open pyoxigraph ``Store``; a
        :class:`~recgraph.graph.store.knowledge.KnowledgeGraph`; or a source already connected.

    Raises
    ------
    StoreError : there is no store at that folder.

    Examples
    --------
    >>> connect("http://localhost:8000/sparql")
    <EndpointSource http://localhost:8000/sparql>
    >>> connect(ox.Store())
    <LocalSource in-memory store>
    """
    from recgraph.graph.store.knowledge import KnowledgeGraph
    from recgraph.graph.store.database import current_build, open_store, store_location

    if isinstance(source, (LocalSource, EndpointSource)) or hasattr(source, "select"):
        return source  # type: ignore[return-value]
    if isinstance(source, KnowledgeGraph):
        return LocalSource(source.store, str(source.location or "in-memory store"))
    if isinstance(source, ox.Store):
        return LocalSource(source, "in-memory store")
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        return EndpointSource(source)
    location = store_location(source)
    build = current_build(location)
    store = open_store(location)
    # a build that went live between the two calls: read it, but keep no tables for it
    return LocalSource(store, str(location), build if current_build(location) == build else None)


def iri_values(iris: list[str] | tuple[str, ...] | set[str]) -> str:
    """A SPARQL ``VALUES`` body of IRIs (angle brackets; characters IRIs forbid are refused).

    >>> iri_values(["http://example.org/a"])
    '<http://example.org/a>'

    Raises
    ------
    QueryError : an IRI holds a character that cannot appear between angle brackets.
    """
    bad = set('<>"{}|^`\\ ')
    for iri in iris:
        if any(char in bad or ord(char) < 0x21 for char in iri):
            raise QueryError(f"{iri!r} is not an IRI that can be written in SPARQL")
    return " ".join(f"<{iri}>" for iri in sorted(iris))


def string_literal(text: str) -> str:
    """A SPARQL string literal for ``text`` (quotes, backslashes and line breaks escaped).

    >>> string_literal('say "hi"')
    '"say \\\\"hi\\\\""'
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'

