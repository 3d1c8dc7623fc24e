"""Writing the store out: the whole dataset (N-Quads, TriG, JSON-LD) or one merged graph (Turtle, N-Triples).

Serialisation is pyoxigraph's, which is fast enough for very large graphs. Triple formats cannot
hold named graphs, so they get the union of the graphs (or the one graph asked for); dataset
formats keep every named graph.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from recgraph.errors import StoreError
from recgraph.graph.rdf.namespaces import PREFIXES


class ExportFormat(Enum):
    """The formats :func:`export_store` writes, by the name the CLI uses."""

    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "jsonld"

    @property
    def rdf_format(self) -> ox.RdfFormat:
        return {
            "turtle": ox.RdfFormat.TURTLE,
            "ntriples": ox.RdfFormat.N_TRIPLES,
            "nquads": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG,
            "jsonld": ox.RdfFormat.JSON_LD,
        }[self.value]

    @classmethod
    def from_path(cls, path: str | Path) -> ExportFormat | None:
        """The format a file name's extension implies (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``)."""
        suffix = Path(path).suffix.lower().lstrip(".")
        by_suffix = {"ttl": cls.TURTLE, "nt": cls.NTRIPLES, "nq": cls.NQUADS, "trig": cls.TRIG, "jsonld": cls.JSONLD}
        return by_suffix.get(suffix)


_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"  # run with the default graph as the union


def export_store(store: ox.Store, output: BinaryIO | str | Path, fmt: ExportFormat, graph: str | None = None) -> None:
    """Write the store (or one named graph of it) to ``output`` in ``fmt``.

    Parameters
    ----------
    store : an open store.
    output : a binary file object or a path.
    fmt : the format; Turtle and N-Triples get the union of all graphs when ``graph`` is None.
    graph : the IRI of one named graph to write instead of everything.

    Raises
    ------
    StoreError : the graph does not exist, or writing failed.
    """
    target = str(output) if isinstance(output, Path) else output
    try:
        if graph is not None:
            node = ox.NamedNode(graph)
            if not store.contains_named_graph(node):
                raise StoreError(f"the store has no graph {graph}; `recgraph query` can list them")
            quads = store.quads_for_pattern(None, None, None, node)
            if fmt.rdf_format.supports_datasets:
                ox.serialize(quads, target, fmt.rdf_format, prefixes=PREFIXES)
            else:
                ox.serialize((quad.triple for quad in quads), target, fmt.rdf_format, prefixes=PREFIXES)
        elif fmt.rdf_format.supports_datasets:
            store.dump(target, fmt.rdf_format, prefixes=PREFIXES)
        else:
            ox.serialize(store.query(_UNION, use_default_graph_as_union=True), target, fmt.rdf_format, prefixes=PREFIXES)
    except OSError as err:
        raise StoreError(f"cannot write the export to {output}: {err}") from err
