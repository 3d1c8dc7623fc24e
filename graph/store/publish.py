"""Publishing the store to a shared triplestore through the SPARQL 1.1 Graph Store Protocol.

Every named graph of the store (each paper's, the ontology's and each vocabulary's, the
enrichment's) is sent by one HTTP PUT to ``<endpoint>?graph=<iri>``, which replaces that graph on
the server: publishing again after a rebuild is safe and leaves the server holding exactly the
new graphs of those IRIs. Graphs go one at a time, as Turtle, so memory holds one graph at once.
Any server implementing the protocol will do: Oxigraph (``/store``), Apache Jena Fuseki
(``/<dataset>/data``), Virtuoso (``/sparql-graph-crud-auth``), recgraph's own (``/store``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.store.remote import DEFAULT_TIMEOUT, Credentials, RemoteError, put_graph, shown_url

#: progress(done, total, graph): called before each graph is sent (done graphs so far) and at the end.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PublishedGraph:
    """One graph sent: its IRI (None for the default graph), triples, bytes and the server's status."""

    iri: str | None
    triples: int
    size: int
    status: int


@dataclass
class PublishSummary:
    """What :func:`publish` sent where."""

    endpoint: str
    graphs: list[PublishedGraph] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(graph.triples for graph in self.graphs)


def graphs_to_publish(store: ox.Store) -> list[ox.NamedNode | ox.DefaultGraph]:
    """The store's named graphs sorted by IRI, then the default graph if it holds anything.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://e.org/s"), ox.NamedNode("http://e.org/p"), ox.Literal("o"),
    ...                   ox.NamedNode("http://e.org/g")))
    >>> graphs_to_publish(store)
    [<NamedNode value=http://e.org/g>]
    """
    graphs: list[ox.NamedNode | ox.DefaultGraph] = sorted(store.named_graphs(), key=lambda graph: graph.value)
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    return graphs


def publish(store: ox.Store, endpoint: str, *, credentials: Credentials | None = None,
            timeout: float = DEFAULT_TIMEOUT, progress: Progress | None = None) -> PublishSummary:
    """Replace each of the store's graphs on a Graph Store Protocol endpoint, one PUT per graph.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store to publish (e.g. ``recgraph.graph.store.database.open_store(location)``).
    endpoint : str
        The Graph Store endpoint's URL, e.g. ``http://127.0.0.1:7878/store``. A user and password
        may be written in it (``http://user:pw@host/...``); the summary shows it without the password.
    credentials : Credentials, optional
        A bearer token, or a user and password (Basic, or Digest for Virtuoso).
    timeout : float
        Seconds to wait for each answer.
    progress : callable, optional
        ``progress(done, total, graph_iri)``, see :data:`Progress`.

    Returns
    -------
    PublishSummary

    Raises
    ------
    RemoteError
        A PUT failed; the message names the graph and says how many were sent before it. Nothing
        is rolled back (each graph is replaced on its own), and publishing again is safe.
    """
    started = time.perf_counter()
    summary = PublishSummary(shown_url(endpoint))
    graphs = graphs_to_publish(store)
    for done, graph in enumerate(graphs):
        iri = graph.value if isinstance(graph, ox.NamedNode) else None
        if progress:
            progress(done, len(graphs), iri or "default graph")
        triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)]
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        try:
            status = put_graph(endpoint, iri, turtle, credentials=credentials, timeout=timeout)
        except RemoteError as err:
            raise RemoteError(
                f"graph {iri or 'default'}: {err} ({done} of {len(graphs)} graphs were published before it; "
                "publishing again is safe, each PUT replaces its graph)", err.status,
            ) from err
        summary.graphs.append(PublishedGraph(iri, len(triples), len(turtle), status))
    if progress:
        progress(len(graphs), len(graphs), "")
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
