"""The one exception hierarchy of recgraph.

Every error recgraph raises on purpose derives from :class:`RecgraphError`; the leaves also
subclass the matching built-in so callers that only know Python's exceptions still catch them.
Messages say what went wrong, where (file:line when there is one) and how to fix it. The CLI
prints them as a single ``Error: ...`` line, never a traceback.
"""

from __future__ import annotations


class RecgraphError(Exception):
    """Root of every error recgraph raises on purpose."""


class ReadError(RecgraphError, ValueError):
    """A paper could not be read: empty, binary, too large, or of no known layout.

    ``file`` and ``line`` (1-based, or None) say where; ``str()`` includes them.
    """

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        self.file = file
        self.line = line
        self.reason = message
        where = file or ""
        if file and line:
            where = f"{file}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class UnknownLayoutError(ReadError):
    """The text matches none of the layout families recgraph can read."""


class CorrectionsError(ReadError):
    """An analyst's corrections file (CSV or XLSX) is malformed."""


class CatalogueError(ReadError):
    """The paper catalogue (data/catalogue.toml) is malformed."""


class IRIError(RecgraphError, ValueError):
    """A base IRI or an IRI segment is unusable (not absolute, empty)."""


class StoreError(RecgraphError, OSError):
    """The RDF store could not be opened, built or written."""


class QueryError(RecgraphError, ValueError):
    """A SPARQL query could not be parsed or run."""


class RecommendationLookupError(QueryError):
    """No recommendation, or more than one, answers to what was asked; ``candidates`` lists close matches."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()):
        self.candidates = candidates
        super().__init__(message)


class UnsupportedShape(RecgraphError, ValueError):
    """A SHACL shape uses a feature the SPARQL validation engine does not implement."""
