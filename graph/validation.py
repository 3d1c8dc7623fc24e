"""Checking the graph against the SHACL shapes with pySHACL.

A finding about the data is a result (:class:`ValidationReport`), not an exception: exceptions mean
validation could not run. The data validated is the union of the store's graphs (papers, ontology,
vocabularies, enrichment), so ``sh:class`` sees the ontology's subclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from recgraph.errors import StoreError
from recgraph.graph.store import ontology_dir

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"  # run with the default graph as the union


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, the message, the offending value."""

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    shape: str | None = None

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """Whether the data conforms, every violation, and pySHACL's own text report."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""


def shapes_path(folder: Path | None = None) -> Path:
    return (folder or ontology_dir()) / "shapes.ttl"


def validate_graph(data: rdflib.Graph, shapes: Path | None = None) -> ValidationReport:
    """Validate an rdflib graph (which should include the ontology) against the shapes.

    Parameters
    ----------
    data : the data graph; the ontology's subclass axioms must be in it for sh:class to see them.
    shapes : the shapes file (default: the packaged ``shapes.ttl``).

    Returns
    -------
    ValidationReport
    """
    from pyshacl import validate

    shapes_graph = rdflib.Graph().parse(shapes or shapes_path(), format="turtle")
    conforms, results, text = validate(data, shacl_graph=shapes_graph, inference="none", allow_warnings=True)
    return ValidationReport(bool(conforms), _violations(results), text)


def validate_store(store: ox.Store, shapes: Path | None = None) -> ValidationReport:
    """Validate the union of every graph of a store.

    Raises
    ------
    StoreError : the store cannot be read.
    """
    return validate_graph(union_graph(store), shapes)


def union_graph(store: ox.Store) -> rdflib.Graph:
    """All triples of all graphs of a store, merged into one rdflib graph."""
    try:
        data = ox.serialize(store.query(_UNION, use_default_graph_as_union=True), format=ox.RdfFormat.N_TRIPLES)
    except OSError as err:
        raise StoreError(f"cannot read the store: {err}") from err
    return rdflib.Graph().parse(data=data, format="nt")


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
                focus=str(results.value(result, SH.focusNode)),
                path=_path_text(results, path),
                message=str(results.value(result, SH.resultMessage) or "does not conform"),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                value=None if value is None else str(value),
                shape=str(results.value(result, SH.sourceShape) or "") or None,
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))
