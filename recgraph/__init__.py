"""recgraph: a knowledge graph linking oversight recommendations across reports and years.

The public Python API lives here; the command line (``recgraph``) is a thin layer over it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from recgraph.errors import RecgraphError, ReadError, StoreError

try:
    __version__ = version("recgraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"


def read(*paths, **options):
    """Read papers and return one row per recommendation as a pandas DataFrame.

    A thin wrapper over :func:`recgraph.graph.reading.papers.read_frame`; see there for options.

    >>> import recgraph
    >>> frame = recgraph.read(recgraph.data_path() / "papers")
    >>> int(frame["number"].eq("26").any())
    1
    """
    from recgraph.graph.reading.papers import read_frame

    return read_frame(*paths, **options)


def open(path=None):
    """Open a built store (default: $RECGRAPH_STORE or ./.recgraph) for queries that return DataFrames.

    The object's ``.query(sparql)`` and helpers (``.recommendations()``, ``.papers()`` ...) give
    pandas DataFrames. See :func:`recgraph.graph.store.knowledge.open_graph`.
    """
    from recgraph.graph.store.knowledge import open_graph

    return open_graph(path)


def build(paths=None, **options):
    """Build the knowledge graph from papers into a store and make it live; return the outcome.

    A thin wrapper over :func:`recgraph.graph.store.pipeline.build` (options: ``store``, ``base``,
    ``update``, ``validate``, ``strict``, ``options``, ``workers``, ``progress``); ``recgraph build``
    runs the same function.

    >>> import recgraph, tempfile
    >>> outcome = recgraph.build(store=tempfile.mkdtemp(), validate=False)
    >>> outcome.summary.live, len(outcome.summary.papers) > 0
    (True, True)
    """
    from recgraph.graph.store.pipeline import build as build_graph

    return build_graph(paths, **options)


def data_path():
    """The folder of the papers and catalogue that ship with recgraph."""
    from recgraph.graph.reading.locations import packaged_data_dir

    return packaged_data_dir()


__all__ = ["RecgraphError", "ReadError", "StoreError", "read", "open", "build", "data_path", "__version__"]
