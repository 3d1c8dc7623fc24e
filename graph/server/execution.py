"""Running one query on a store and writing its answer: the same code in the server and in its workers."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pyoxigraph

from recgraph.graph.server.errors import RequestError
from recgraph.graph.server.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose
from recgraph.graph.server.runner import CappedBuffer


def dataset_arguments(default: Sequence[str] | None, named: Sequence[str] | None, union: bool) -> dict:
    """The keyword arguments of ``Store.query`` for a dataset given as IRIs (None: not given).

    >>> dataset_arguments(None, None, True)
    {'use_default_graph_as_union': True}
    """
    if default is not None or named is not None:
        return {"default_graph": [pyoxigraph.NamedNode(iri) for iri in default or ()],
                "named_graphs": [pyoxigraph.NamedNode(iri) for iri in named or ()]}
    return {"use_default_graph_as_union": True} if union else {}


def answer_query(store: pyoxigraph.Store, text: str, base: str, arguments: dict, accept: str | None,
                 max_bytes: int, cancel: threading.Event) -> tuple[str, bytes]:
    """Run ``text`` on ``store`` and serialise the answer in the format ``accept`` prefers.

    Returns
    -------
    tuple[str, bytes]
        The media type and the answer.

    Raises
    ------
    RequestError
        400 for a malformed query or one that cannot run, 406 for an unacceptable ``Accept``,
        413 past ``max_bytes``, 500 when the storage (or an allowed SERVICE) fails.
    """
    try:
        results = store.query(text, base_iri=base, **arguments)
    except SyntaxError as err:
        raise RequestError(400, f"malformed query: {err}") from err
    except ValueError as err:
        raise RequestError(400, f"the query cannot be run: {err}") from err
    except (OSError, RuntimeError) as err:  # storage, or an allowed SERVICE that failed
        raise RequestError(500, f"the query failed: {err}") from err
    graph = isinstance(results, pyoxigraph.QueryTriples)
    chosen = choose(accept, GRAPH_FORMATS if graph else RESULT_FORMATS)
    buffer = CappedBuffer(max_bytes, cancel)
    results.serialize(buffer, chosen.format)
    return chosen.media_type, buffer.getvalue()
