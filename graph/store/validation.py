"""Checking the graph against the SHACL shapes.

A finding about the data is a result (:class:`ValidationReport`), not an exception: exceptions mean
validation could not run. The data validated is the union of the store's graphs (papers, ontology,
vocabularies, enrichment), so ``sh:class`` sees the ontology's subclasses.

Two engines. ``"sparql"`` (the default for stores) compiles the shapes into SPARQL queries
(:mod:`recgraph.graph.rdf.shacl_sparql`) and runs them on the Oxigraph store itself: no copy of the data,
seconds at 100,000 recommendations. ``"pyshacl"`` copies the store into rdflib and runs pySHACL: the
reference, slow and memory-hungry on large graphs. When the shapes use a feature the compiler does not
support, the SPARQL engine falls back to pySHACL for the whole validation and says why in the report.
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from recgraph.errors import StoreError
from recgraph.graph.rdf.shacl_sparql import Check, UnsupportedShape, compile_shapes, repeats_finder, subclass_finder
from recgraph.graph.store.database import ontology_dir

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"  # run with the default graph as the union

Engine = Literal["sparql", "pyshacl"]
ENGINES: tuple[str, ...] = ("sparql", "pyshacl")
#: Results kept per (shape, constraint): a badly broken graph must not yield millions of rows.
RESULTS_PER_CHECK = 1000
#: Checks run at the same time by the SPARQL engine (the target machine has two cores).
CHECKS_AT_ONCE = 2


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, the message, the offending value."""

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    shape: str | None = None
    component: str | None = None  # e.g. "MinCountConstraintComponent"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """Whether the data conforms, every violation (up to the cap per check), and a text report.

    ``omitted`` counts the results past :data:`RESULTS_PER_CHECK` of each check (SPARQL engine only);
    ``engine`` says which engine produced the report.
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""
    omitted: int = 0
    engine: str = "pyshacl"


def shapes_path(folder: Path | None = None) -> Path:
    return (folder or ontology_dir()) / "shapes.ttl"


def validate_graph(data: rdflib.Graph, shapes: Path | None = None, engine: Engine = "pyshacl") -> ValidationReport:
    """Validate an rdflib graph (which should include the ontology) against the shapes.

    Parameters
    ----------
    data : the data graph; the ontology's subclass axioms must be in it for sh:class to see them.
    shapes : the shapes file (default: the packaged ``shapes.ttl``).
    engine : ``"pyshacl"`` (default here) or ``"sparql"`` (copies the graph into an in-memory Oxigraph store).

    Returns
    -------
    ValidationReport
    """
    if engine == "sparql":
        store = ox.Store()
        store.load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return validate_store(store, shapes, engine="sparql")
    return _pyshacl(data, _read_shapes(shapes))


def validate_store(store: ox.Store, shapes: Path | None = None, engine: Engine = "sparql",
                   limit: int = RESULTS_PER_CHECK) -> ValidationReport:
    """Validate the union of every graph of a store.

    Parameters
    ----------
    store : the Oxigraph store (read-only is fine).
    shapes : the shapes file (default: the packaged ``shapes.ttl``).
    engine : ``"sparql"`` (default: queries on the store itself; falls back to pySHACL, with a note in
        ``report.text``, when the shapes use a feature it does not support) or ``"pyshacl"``.
    limit : results kept per (shape, constraint) by the SPARQL engine; the rest are counted in ``omitted``.

    Returns
    -------
    ValidationReport

    Raises
    ------
    StoreError : the store cannot be read.
    ValueError : an unknown engine.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}: use one of {', '.join(ENGINES)}")
    shapes_graph = _read_shapes(shapes)
    note = ""
    if engine == "sparql":
        try:
            select = functools.partial(_column, store)
            checks = compile_shapes(shapes_graph, subclass_finder(select), repeats_finder(select))
        except UnsupportedShape as err:
            note = f"Validated with pySHACL: the SPARQL engine does not support a shape feature: {err}.\n"
        else:
            return _run_checks(store, checks, limit)
    report = _pyshacl(union_graph(store), shapes_graph)
    report.text = note + report.text
    return report


def union_graph(store: ox.Store) -> rdflib.Graph:
    """All triples of all graphs of a store, merged into one rdflib graph."""
    try:
        data = ox.serialize(store.query(_UNION, use_default_graph_as_union=True), format=ox.RdfFormat.N_TRIPLES)
    except (OSError, RuntimeError) as err:  # RuntimeError: RocksDB's "Corruption: ..."
        raise StoreError(f"cannot read the store: {err}") from err
    return rdflib.Graph().parse(data=data, format="nt")


def _read_shapes(shapes: Path | None) -> rdflib.Graph:
    return rdflib.Graph().parse(shapes or shapes_path(), format="turtle")


def _pyshacl(data: rdflib.Graph, shapes_graph: rdflib.Graph) -> ValidationReport:
    from pyshacl import validate

    conforms, results, text = validate(data, shacl_graph=shapes_graph, inference="none", allow_warnings=True)
    return ValidationReport(bool(conforms), _violations(results), text, engine="pyshacl")


def _run_checks(store: ox.Store, checks: list[Check], limit: int) -> ValidationReport:
    """Run each compiled check, keeping up to ``limit`` results and counting the rest."""
    # Oxigraph releases the GIL while it evaluates a query, so two checks run on the two cores;
    # map keeps the checks' order, so the report does not depend on which finishes first
    with ThreadPoolExecutor(max_workers=CHECKS_AT_ONCE) as pool:
        outcomes = list(pool.map(lambda check: _run_check(store, check, limit), checks))
    violations = [v for found, _, _ in outcomes for v in found]
    omitted = sum(count for _, count, _ in outcomes)
    notes = [note for _, _, note in outcomes if note]
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    conforms = not any(v.severity == "Violation" for v in violations)
    text = "\n".join([f"Validation Report (SPARQL engine, {len(checks)} checks)", f"Conforms: {conforms}",
                      f"Results ({len(violations) + omitted}):", *map(str, violations), *notes])
    return ValidationReport(conforms, violations, text, omitted, engine="sparql")


def _run_check(store: ox.Store, check: Check, limit: int) -> tuple[list[Violation], int, str]:
    """One check's violations (up to ``limit``), how many more it found, and a note when it found more."""
    rows = list(_select(store, f"{check.query} LIMIT {limit + 1}"))
    found = [_violation(check, row["focus"], row["value"] if check.reports_value else None) for row in rows[:limit]]
    if len(rows) <= limit:
        return found, 0, ""
    total = _count(store, check.query)
    return found, total - limit, f"{check.component} of {check.shape}: {total} results, the first {limit} kept."


def _select(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    # the rows are read here, inside the try: a damaged database fails while they are iterated
    try:
        return list(store.query(query, use_default_graph_as_union=True))
    except (OSError, RuntimeError) as err:  # RuntimeError: RocksDB's "Corruption: ..."
        raise StoreError(f"cannot read the store: {' '.join(str(err).split())[:300]}") from err


def _column(store: ox.Store, query: str) -> list[str]:
    return [row[0].value for row in _select(store, query)]


def _count(store: ox.Store, query: str) -> int:
    rows = list(_select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ {query} }} }}"))
    return int(rows[0]["n"].value)


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A term as the reports show it: an IRI or a literal's lexical form, a blank node as ``_:id``."""
    return str(term) if isinstance(term, ox.BlankNode) else term.value


def _violation(check: Check, focus: ox.NamedNode | ox.BlankNode, value: object | None) -> Violation:
    return Violation(
        focus=_text(focus),
        path=check.path,
        message=check.message,
        severity=check.severity,
        value=None if value is None else _text(value),
        shape=check.shape,
        component=check.component,
    )


def _path_text(results: rdflib.Graph, path: rdflib.term.Node | None) -> str | None:
    """A property path as text: an IRI, or a sequence of IRIs joined by ' / '."""
    if path is None or isinstance(path, rdflib.URIRef):
        return None if path is None else str(path)
    steps = list(Collection(results, path))
    if steps and all(isinstance(step, rdflib.URIRef) for step in steps):
        return " / ".join(map(str, steps))
    return "(complex path)"  # alternative, inverse ... paths, which recgraph's shapes do not use


def _violations(results: rdflib.Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        found.append(
            Violation(
                focus=_rdflib_text(results.value(result, SH.focusNode)),
                path=_path_text(results, path),
                message=str(results.value(result, SH.resultMessage) or "does not conform"),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                value=None if value is None else _rdflib_text(value),
                shape=str(results.value(result, SH.sourceShape) or "") or None,
                component=_local_name(results.value(result, SH.sourceConstraintComponent)),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def _local_name(term: rdflib.term.Node | None) -> str | None:
    return None if term is None else str(term).rsplit("#", 1)[-1]


def _rdflib_text(term: rdflib.term.Node) -> str:
    return term.n3() if isinstance(term, rdflib.BNode) else str(term)
