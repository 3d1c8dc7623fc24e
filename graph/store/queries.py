"""SPARQL over the store: saved queries, running a query, and its results as rows or serialised.

Saved queries are the ``.rq`` files of ``ontology/queries``; each opens with a ``#`` comment line
saying what question it answers (:func:`saved_queries` reads it as the description). A query is
named by a saved query's name, a path to a ``.rq`` file, or given as SPARQL text
(:func:`resolve_query`). Queries see the union of all graphs as their default graph, and may use
the prefixes of :data:`~recgraph.graph.rdf.namespaces.PREFIXES` without declaring them.

Results are serialised by pyoxigraph (CSV, TSV, JSON, XML for SELECT and ASK; Turtle, N-Triples,
JSON-LD ... for CONSTRUCT and DESCRIBE), or turned into Python rows for tables and DataFrames.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pyoxigraph as ox

from recgraph.errors import QueryError
from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.store.database import ontology_dir

_XSD = PREFIXES["xsd"]
_KEYWORDS = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)


class ResultFormat(Enum):
    """How query results are written. ``TABLE`` is for people; the rest are standard formats."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"


_RESULTS_FORMATS = {
    ResultFormat.CSV: ox.QueryResultsFormat.CSV,
    ResultFormat.TSV: ox.QueryResultsFormat.TSV,
    ResultFormat.JSON: ox.QueryResultsFormat.JSON,
    ResultFormat.XML: ox.QueryResultsFormat.XML,
}
_GRAPH_FORMATS = {
    ResultFormat.TURTLE: ox.RdfFormat.TURTLE,
    ResultFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    ResultFormat.JSONLD: ox.RdfFormat.JSON_LD,
    ResultFormat.XML: ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its name (the file stem), file, one-line description and text."""

    name: str
    path: Path
    description: str
    text: str


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def saved_queries(folder: Path | None = None) -> dict[str, SavedQuery]:
    """The saved queries by name, sorted by name.

    Raises
    ------
    QueryError : a saved query does not open with a ``#`` comment saying what it answers.
    """
    found: dict[str, SavedQuery] = {}
    for path in sorted((folder or queries_dir()).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        if not first.startswith("#"):
            raise QueryError(f"{path}:1: a saved query must open with a '# ...' line saying what question it answers")
        found[path.stem] = SavedQuery(path.stem, path, first.lstrip("#").strip(), text)
    return found


def resolve_query(spec: str, folder: Path | None = None) -> tuple[str, str]:
    """The label and SPARQL text named by ``spec``: a saved query's name, a .rq file, or SPARQL.

    Raises
    ------
    QueryError : ``spec`` is none of these (the message lists how to see the saved queries).
    """
    if spec.endswith(".rq") or Path(spec).suffix == ".rq":
        path = Path(spec)
        try:
            return str(path), path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"cannot read the query file {path}: {err.strerror or err}") from err
    saved = saved_queries(folder)
    if spec in saved:
        return spec, saved[spec].text
    if _KEYWORDS.search(spec):
        return "query", spec
    close = difflib.get_close_matches(spec, list(saved), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise QueryError(
        f"{spec!r} is not a saved query, a .rq file or SPARQL; {hint}`recgraph query --list` lists the saved queries"
    )


def parse_binding(value: str) -> ox.NamedNode | ox.Literal:
    """A value given on the command line: an IRI (``<...>``, ``http...``, ``prefix:name``) or a string.

    >>> parse_binding("rg:Paper").value
    'https://w3id.org/recgraph/ontology#Paper'
    >>> parse_binding("winning-consent/22")
    <Literal value=winning-consent/22 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if re.match(r"^(https?|urn|file):", value):
        return ox.NamedNode(value)
    prefix, _, local = value.partition(":")
    if local and prefix in PREFIXES and " " not in local:
        return ox.NamedNode(PREFIXES[prefix] + local)
    return ox.Literal(value)


def run_query(
    store: ox.Store,
    sparql: str,
    bindings: Mapping[str, str] | None = None,
    label: str = "query",
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run SPARQL over the union of the store's graphs.

    Parameters
    ----------
    store : an open store.
    sparql : the query (the prefixes of PREFIXES need not be declared).
    bindings : values for variables, e.g. ``{"label": "winning-consent/22"}`` (see :func:`parse_binding`).
    label : names the query in error messages.

    Raises
    ------
    QueryError : the query does not parse (with line and column), binds a variable it does not
        select, or fails while running.
    """
    substitutions = {ox.Variable(name): parse_binding(value) for name, value in (bindings or {}).items()}
    try:
        return store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions)
    except SyntaxError as err:
        raise QueryError(f"{label}: {explain_syntax_error(err, sparql)}") from err
    except RuntimeError as err:  # e.g. a bound variable the SELECT does not project
        raise QueryError(f"{label}: {err} (a bound variable must be one the query selects)") from err
    except OSError as err:
        raise QueryError(f"{label}: the query failed: {err}") from err


_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
#: Text that cannot hold a prefixed name: IRIs, strings and comments.
_NOT_NAMES = re.compile(r"<[^<>\s]*>|\"\"\".*?\"\"\"|'\'\'.*?\'\'\'|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*",
                        re.S)
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$)")
#: How many of the parser's expected alternatives a message names.
_ALTERNATIVES = 6


def explain_syntax_error(err: SyntaxError, sparql: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """A SPARQL syntax error for people: line, column, a short reason, the line itself.

    pyoxigraph says ``error at L:C: expected one of ...`` with every character class it would
    have taken; this keeps the position, names an undeclared prefix when that is the cause, and
    shortens the list of what was expected.

    >>> explain_syntax_error(SyntaxError("error at 1:27: expected one of Prefix not found, ['%']"),
    ...                      "SELECT * WHERE { ?s foo:bar ?o }")
    "SPARQL syntax error at line 1, column 27: the prefix 'foo:' is not declared (add PREFIX foo: <...>; declared without it: rg:, rdf:, rdfs:, owl: ...); near 'SELECT * WHERE { ?s foo:bar ?o }'"
    """
    message = str(err)
    found = _POSITION.match(message)
    if not found:
        return f"SPARQL syntax error: {' '.join(message.split())[:200]}"
    line, column, reason = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = sparql.splitlines() or [""]
    near = " ".join(lines[line - 1].split()) if 0 < line <= len(lines) else ""
    undeclared = _undeclared_prefixes(sparql, prefixes)
    if "Prefix not found" in reason or (undeclared and "expected" in reason and line == _line_of(sparql, undeclared[0])):
        name = undeclared[0] if undeclared else "?"
        known = ", ".join(f"{p}:" for p in list(prefixes)[:4])
        reason = f"the prefix '{name}:' is not declared (add PREFIX {name}: <...>; declared without it: {known} ...)"
    else:
        reason = _short(reason)
    where = f"SPARQL syntax error at line {line}, column {column}"
    return f"{where}: {reason}" + (f"; near {near[:80]!r}" if near else "")


def _undeclared_prefixes(sparql: str, prefixes: Mapping[str, str]) -> list[str]:
    declared = {name or "" for name in _DECLARED.findall(sparql)} | set(prefixes)
    text = _NOT_NAMES.sub(" ", sparql)
    text = _DECLARED.sub(" ", text)
    return list(dict.fromkeys(name for name in _PREFIXED.findall(text) if name and name not in declared))


def _line_of(sparql: str, prefix: str) -> int:
    for number, line in enumerate(sparql.splitlines(), 1):
        if re.search(rf"(?<![\w?$:.-]){re.escape(prefix)}:", line):
            return number
    return 0


def _short(reason: str) -> str:
    """``expected one of A, B, [class], ...`` cut to the first few readable alternatives."""
    reason = " ".join(reason.split())
    if not reason.startswith("expected one of "):
        return reason[:160]
    options = [o.strip() for o in re.split(r",\s(?![^\[]*\])", reason[len("expected one of "):])]
    words = [o for o in options if o and not o.startswith("[")]
    shown = words[:_ALTERNATIVES] or ["something else"]
    more = " ..." if len(words) > _ALTERNATIVES or len(words) < len(options) else ""
    return "expected " + (shown[0] if len(shown) == 1 and not more else "one of " + ", ".join(shown) + more)


def serialize_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: ResultFormat) -> bytes:
    """Serialise results with pyoxigraph in ``fmt`` (not TABLE).

    Raises
    ------
    QueryError : the format does not suit the kind of query (e.g. Turtle for a SELECT).
    """
    if isinstance(result, ox.QueryTriples):
        if fmt not in _GRAPH_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE query gives triples: use --format {_names(_GRAPH_FORMATS)}")
        return ox.serialize(result, format=_GRAPH_FORMATS[fmt], prefixes=PREFIXES)
    if fmt not in _RESULTS_FORMATS:
        raise QueryError(f"a SELECT or ASK query gives a table: use --format table or {_names(_RESULTS_FORMATS)}")
    return result.serialize(format=_RESULTS_FORMATS[fmt])


def _names(formats: Mapping[ResultFormat, object]) -> str:
    return ", ".join(fmt.value for fmt in formats)


def result_rows(result: ox.QuerySolutions | ox.QueryBoolean) -> tuple[list[str], list[list[object]]]:
    """Column names and rows of Python values (see :func:`term_value`) of a SELECT or ASK."""
    if isinstance(result, ox.QueryBoolean):
        return ["answer"], [[bool(result)]]
    if isinstance(result, ox.QueryTriples):
        raise QueryError("a CONSTRUCT or DESCRIBE query gives triples, not rows")
    columns = [variable.value for variable in result.variables]
    return columns, [[term_value(term) for term in solution] for solution in result]


def term_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """A term as a Python value: IRIs as strings, numbers and booleans typed, else text.

    Dates stay ISO text: papers give them as precise as they know (2002, 2002-09, 2002-09-25).

    >>> term_value(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    3
    """
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value[len(_XSD) :] if term.datatype.value.startswith(_XSD) else ""
    try:
        if datatype in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
            return int(term.value)
        if datatype in ("decimal", "double", "float"):
            return float(term.value)
        if datatype == "boolean":
            return term.value in ("true", "1")
    except ValueError:  # an ill-typed literal stays text; the shapes report it
        return term.value
    return term.value
