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

    A thin wrapper over :func:`recgraph.graph.reading.read_frame`; see there for options.

    >>> import recgraph
    >>> frame = recgraph.read(recgraph.data_path() / "papers")
    >>> int(frame["number"].eq("26").any())
    1
    """
    from recgraph.graph.reading import read_frame

    return read_frame(*paths, **options)


def open(path=None):
    """Open a built store (default: $RECGRAPH_STORE or ./.recgraph) for queries that return DataFrames.

    The object's ``.query(sparql)`` and helpers (``.recommendations()``, ``.papers()`` ...) give
    pandas DataFrames. See :func:`recgraph.graph.knowledge.open_graph`.
    """
    from recgraph.graph.knowledge import open_graph

    return open_graph(path)


def data_path():
    """The folder of the papers and catalogue that ship with recgraph."""
    from recgraph.graph.locations import packaged_data_dir

    return packaged_data_dir()


__all__ = ["RecgraphError", "ReadError", "StoreError", "read", "open", "data_path", "__version__"]
