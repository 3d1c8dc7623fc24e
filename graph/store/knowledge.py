"""The Python API over a built store: SPARQL in, pandas DataFrames out.

>>> import recgraph                                              # doctest: +SKIP
>>> graph = recgraph.open(".recgraph")                           # doctest: +SKIP
>>> graph.recommendations().groupby("report_key").size()         # doctest: +SKIP

:func:`open_graph` opens the live build read-only; :class:`KnowledgeGraph` answers SPARQL (or the
name of a saved query) with a DataFrame, and its helpers run the saved queries analysts use most.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from recgraph.errors import QueryError
from recgraph.graph.store.queries import resolve_query, result_rows, run_query, term_value
from recgraph.graph.store.database import open_store, read_manifest, store_location

if TYPE_CHECKING:
    import pandas

    from recgraph.graph.store.validation import ValidationReport


class KnowledgeGraph:
    """A read-only view of one build of the store.

    Parameters
    ----------
    store : an open pyoxigraph store.
    location : the store folder it came from (for messages and the manifest), if any.
    """

    def __init__(self, store: ox.Store, location: Path | None = None):
        self.store = store
        self.location = location

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.location or 'in memory'}: {len(self.store)} quads>"

    def __len__(self) -> int:
        return len(self.store)

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (the object cannot be queried afterwards)."""
        self.store = None  # type: ignore[assignment]

    def query(self, sparql: str, **bindings: str) -> pandas.DataFrame:
        """Run SPARQL, a saved query's name or a ``.rq`` file; one row per solution.

        Parameters
        ----------
        sparql : SPARQL text, the name of a saved query (see ``recgraph query --list``) or a path
            to a ``.rq`` file.
        **bindings : values for the query's variables (IRIs as ``<...>``, ``http...`` or
            ``prefix:name``; anything else is a string), e.g. ``label="winning-consent/22"``.

        Returns
        -------
        pandas.DataFrame : columns are the query's variables (ASK: one column ``answer``;
            CONSTRUCT/DESCRIBE: ``subject``, ``predicate``, ``object``). IRIs and text are str,
            numbers int or float, booleans bool, unbound values None.

        Raises
        ------
        QueryError : the query is unknown, does not parse, or fails.
        """
        import pandas

        if self.store is None:
            raise QueryError("this KnowledgeGraph was closed; open it again with recgraph.open()")
        label, text = resolve_query(sparql)
        result = run_query(self.store, text, bindings, label)
        if isinstance(result, ox.QueryTriples):
            rows = [[t.subject.value, t.predicate.value, term_value(t.object)] for t in result]
            return pandas.DataFrame(rows, columns=["subject", "predicate", "object"])
        columns, rows = result_rows(result)
        return pandas.DataFrame(rows, columns=columns)

    def recommendations(self) -> pandas.DataFrame:
        """One row per recommendation: report, number, parent, heading, text, latest status."""
        return self.query("recommendations")

    def papers(self) -> pandas.DataFrame:
        """One row per paper and source report it tracks, with counts."""
        return self.query("papers")

    def reports(self) -> pandas.DataFrame:
        """One row per source report, with its recommendations, lettered parts and papers."""
        return self.query("reports")

    def updates(self) -> pandas.DataFrame:
        """One row per progress update: paper, recommendation, progress, status, owner."""
        return self.query("progress-updates")

    def manifest(self) -> dict:
        """What the build holds (papers, counts, base IRI, when it was built)."""
        if self.location is None:
            return {}
        return read_manifest(self.location)

    def validate(self) -> ValidationReport:
        """Check the graph against the SHACL shapes (see :mod:`recgraph.graph.store.validation`)."""
        from recgraph.graph.store.database import verify_store
        from recgraph.graph.store.validation import validate_store

        if self.location is not None:
            verify_store(self.location)  # a damaged file fails fast, before a query can loop on it
        return validate_store(self.store)


def open_graph(path: str | Path | None = None) -> KnowledgeGraph:
    """Open the live build of a store folder read-only.

    Parameters
    ----------
    path : the store folder (default: ``$RECGRAPH_STORE`` or ``./.recgraph``).

    Raises
    ------
    StoreError : there is no store there (the message says to run ``recgraph build``).
    """
    location = store_location(path)
    return KnowledgeGraph(open_store(location), location)

