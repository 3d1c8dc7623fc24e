"""Fixtures of the HTTP tests: a tiny two-paper store, servers over it on 127.0.0.1, a listener.

Every server binds the loopback interface only, on a port the system picks; start-up and
shutdown waits are bounded (see recgraph.graph.server.background).
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pyoxigraph
import pytest

from recgraph.graph.server import ServerConfig, create_app
from recgraph.graph.server.background import serve_in_background

TOKEN = "test-token-5f2a"

#: Two papers' graphs, as recgraph stores them: one named graph per paper.
SAMPLE_TRIG = """
@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@base <https://w3id.org/recgraph/id/> .

<paper/alpha> {
    <report/hmic-one/rec/1> a rg:Recommendation ;
        dcterms:identifier "1" ;
        dcterms:title "Improve the recruitment of detectives" .
    <report/hmic-one/rec/2> a rg:Recommendation ;
        dcterms:identifier "2" ;
        dcterms:title "Review appraisal across the Metropolitan Police Service" .
}

<paper/beta> {
    <report/hmic-one/rec/1> rg:status "complete" .
    <report/audit-two/rec/5> a rg:Recommendation ;
        dcterms:identifier "5" ;
        dcterms:title "Publish stop and search figures"@en .
}
"""


def fill(store: pyoxigraph.Store) -> pyoxigraph.Store:
    store.load(SAMPLE_TRIG.encode(), pyoxigraph.RdfFormat.TRIG)
    return store


@pytest.fixture()
def sample_store() -> pyoxigraph.Store:
    """A fresh in-memory store holding the two sample papers (10 quads)."""
    return fill(pyoxigraph.Store())


@pytest.fixture(scope="module")
def readonly() -> Iterator[str]:
    """The base URL of a read-only server with default settings over the sample store."""
    with serve_in_background(create_app(fill(pyoxigraph.Store()))) as url:
        yield url


@pytest.fixture()
def token() -> str:
    return TOKEN


@pytest.fixture()
def writable(sample_store) -> Iterator[tuple[str, pyoxigraph.Store]]:
    """A server accepting writes that bear :data:`TOKEN`, and the store behind it."""
    with serve_in_background(create_app(sample_store, ServerConfig(allow_updates=True, token=TOKEN))) as url:
        yield url, sample_store


@contextmanager
def _listener() -> Iterator[tuple[int, list[bytes]]]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.1)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = sock.accept()
            except OSError:  # includes the accept timeout that lets the loop see `stop`
                continue
            with connection:
                connection.settimeout(1.0)
                try:
                    received.append(connection.recv(4096))
                except OSError:
                    received.append(b"")

    thread = threading.Thread(target=accept, daemon=True, name="test-listener")
    thread.start()
    try:
        yield sock.getsockname()[1], received
    finally:
        stop.set()
        thread.join(2.0)
        sock.close()


@pytest.fixture()
def listener() -> Callable:
    """A context manager: a TCP listener on 127.0.0.1 yielding (port, connections it received)."""
    return _listener


# ---------------------------------------------------------------------------------------------
# A published copy compared with the local store: triples per graph and saved-query answers
# (tests/server/test_publish.py against Oxigraph, tests/server/test_virtuoso.py against Virtuoso).

#: Saved queries that need a binding to give rows.
SAVED_QUERY_BINDINGS = {"timeline": {"label": "winning-consent/22"}}
COUNTS_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


class PublishedCopy:
    """What a remote copy of ``store`` answers at ``query_url``, next to what the store answers.

    Rows are compared as multisets of values (:func:`~recgraph.graph.store.queries.term_value`,
    so xsd:int and xsd:integer are both ints): a query's ORDER BY may tie, and ties come in any
    order. ``portable=True`` also allows the one difference docs/publish.md lists as the server's
    own choice: the order of the parts of a ``GROUP_CONCAT`` (SPARQL leaves it to the server), so
    they are compared as sorted lists; and one of Virtuoso's: a boolean computed in a query (BIND of
    a comparison) comes back as the integer 0 or 1, so booleans are compared as 0 and 1.
    """

    def __init__(self, store: pyoxigraph.Store, query_url: str, *, portable: bool = False):
        self.store, self.query_url, self.portable = store, query_url, portable

    def counts_per_graph(self) -> tuple[dict[str, int], dict[str, int | None]]:
        """Triples per named graph here and there (for the local graphs; None where missing)."""
        from recgraph.graph.store.remote import select

        local = {graph.value: sum(1 for _ in self.store.quads_for_pattern(None, None, None, graph))
                 for graph in self.store.named_graphs()}
        remote = {str(row["g"]): int(row["n"]) for row in select(self.query_url, COUNTS_PER_GRAPH)}
        return local, {graph: remote.get(graph) for graph in local}

    def saved_query_answers(self) -> tuple[dict[str, tuple[list, list]], int]:
        """The saved queries whose answers differ (name: (local rows, remote rows)), and how many
        saved queries had rows locally."""
        from recgraph.graph.store.queries import run_query, saved_queries
        from recgraph.graph.store.remote import run_remote_query

        differing, with_rows = {}, 0
        for name, saved in saved_queries().items():
            bindings = SAVED_QUERY_BINDINGS.get(name)
            local = self._rows(run_query(self.store, saved.text, bindings, name), saved.text)
            remote = self._rows(run_remote_query(self.query_url, saved.text, bindings, name), saved.text)
            if remote != local:
                differing[name] = (local, remote)
            with_rows += bool(local)
        return differing, with_rows

    def _rows(self, result, text: str) -> list[tuple]:
        from recgraph.graph.store.queries import result_rows

        columns, found = result_rows(result)
        # The columns a GROUP_CONCAT makes, and its separator: "(GROUP_CONCAT(... separator=", ") AS ?x)".
        concatenated = {column: separator for separator, column in re.findall(
            r'GROUP_CONCAT\([^()]*?separator\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)', text, flags=re.IGNORECASE)}
        return sorted(tuple(repr(self._parts(value, concatenated.get(column))) for column, value in zip(columns, row))
                      for row in found)

    def _parts(self, value: object, separator: str | None) -> object:
        if self.portable and separator and isinstance(value, str):
            return sorted(value.split(separator))
        if self.portable and isinstance(value, bool):
            return int(value)  # Virtuoso answers a computed xsd:boolean as the integer 0 or 1
        return value


@pytest.fixture()
def published_copy() -> type[PublishedCopy]:
    """:class:`PublishedCopy`, to compare a server's copy of a store with the store."""
    return PublishedCopy


# ---------------------------------------------------------------------------------------------
# The seed store, for the Linked Data pages, content negotiation and publishing tests.

ID = "https://w3id.org/recgraph/id/"
RG_NS = "https://w3id.org/recgraph/ontology#"

#: Links the enrichment would add, written by hand so the tests do not depend on it: a repeat
#: with its evidence and shared terms, themes and systems; a dependency; and hostile text (a
#: script in a recommendation's text and evidence, a javascript: IRI) that pages must escape.
HAND_MADE_LINKS = f"""
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RG_NS}Link> <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RG_NS}Repeat> <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}source> <{ID}report/hmic-mps-2000-01/rec/22> <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}target> <{ID}report/winning-consent/rec/22> <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}score> "0.83"^^<http://www.w3.org/2001/XMLSchema#decimal> <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}evidence> "shared terms: career, postings <b>policy</b>" <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}sharedTerm> "postings" <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}sharedTheme> <https://w3id.org/recgraph/theme/hand-made-theme> <{ID}graph/enrichment/test> .
<{ID}link/repeat/hmic-mps-2000-01/22/winning-consent/22> <{RG_NS}recurringDespiteClosure> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> <{ID}graph/enrichment/test> .
<https://w3id.org/recgraph/theme/hand-made-theme> <http://www.w3.org/2004/02/skos/core#prefLabel> "Hand-made theme" <{ID}graph/enrichment/test> .
<{ID}link/dependency/winning-consent/22/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RG_NS}Link> <{ID}graph/enrichment/test> .
<{ID}link/dependency/winning-consent/22/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RG_NS}Dependency> <{ID}graph/enrichment/test> .
<{ID}link/dependency/winning-consent/22/1> <{RG_NS}source> <{ID}report/winning-consent/rec/22> <{ID}graph/enrichment/test> .
<{ID}link/dependency/winning-consent/22/1> <{RG_NS}target> <{ID}report/winning-consent/rec/21> <{ID}graph/enrichment/test> .
<{ID}link/dependency/winning-consent/22/1> <{RG_NS}phrase> "once the postings policy is agreed" <{ID}graph/enrichment/test> .
<{ID}report/hostile/rec/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RG_NS}Recommendation> <{ID}graph/enrichment/test> .
<{ID}report/hostile/rec/1> <{RG_NS}number> "1" <{ID}graph/enrichment/test> .
<{ID}report/hostile/rec/1> <{RG_NS}text> "Stop <script>alert('x')</script> & \\"quote\\"" <{ID}graph/enrichment/test> .
<{ID}report/hostile/rec/1> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> <{ID}graph/enrichment/test> .
"""


@pytest.fixture(scope="session")
def seed_location(tmp_path_factory):
    """A store built from the five seed papers plus :data:`HAND_MADE_LINKS` (read-only for tests)."""
    import recgraph
    from recgraph.graph.reading.papers import read_papers
    from recgraph.graph.store.database import build_store

    outcome = read_papers([recgraph.data_path() / "papers"])
    assert not outcome.errors and len(outcome.results) == 5
    location = tmp_path_factory.mktemp("served") / ".recgraph"
    build_store(outcome.results, location, extra_nquads=[HAND_MADE_LINKS])
    return location


@pytest.fixture(scope="session")
def views_folder(tmp_path_factory):
    """A views folder holding one page, as `recgraph view` writes them."""
    folder = tmp_path_factory.mktemp("views")
    (folder / "network.html").write_text("<html><body>a network</body></html>", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def linked(seed_location, views_folder) -> Iterator[str]:
    """The base URL of a read-only server over the seed store with the Linked Data routes."""
    from recgraph.graph.server.pages import linked_data_routes
    from recgraph.graph.store.database import open_store

    app = create_app(open_store(seed_location), routes=linked_data_routes(ID, views=views_folder))
    with serve_in_background(app) as url:
        yield url


# ---------------------------------------------------------------------------------------------
# Store folders written build by build, and `recgraph serve` in a process of its own.

EX = "http://e.org/"


def write_build(location, triples: int, graph: str = f"{EX}g") -> str:
    """Write a build of ``triples`` triples ``<s_i> <p> "i"`` into ``location`` and make it live.

    Uses the store's own build steps (new folder, atomic swap of CURRENT, pruning), without
    reading papers, so a test can make builds in milliseconds. Returns the build's id.
    """
    import json

    from recgraph.graph.store.builds import MANIFEST, new_build_folder, prune, swap

    build_id, folder = new_build_folder(location)
    store = pyoxigraph.Store(str(folder / "oxigraph"))
    store.extend(pyoxigraph.Quad(pyoxigraph.NamedNode(f"{EX}s{i}"), pyoxigraph.NamedNode(f"{EX}p"),
                                 pyoxigraph.Literal(str(i)), pyoxigraph.NamedNode(graph)) for i in range(triples))
    store.flush()
    del store
    (folder / MANIFEST).write_text(json.dumps({"base": ID, "papers": []}), encoding="utf-8")
    swap(location, build_id)
    prune(location)
    return build_id


@pytest.fixture()
def build_writer() -> Callable:
    """:func:`write_build`, for tests that make store folders build by build."""
    return write_build


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServeProcess:
    """`recgraph serve` started in a process of its own on a free 127.0.0.1 port; stopped on exit."""

    def __init__(self, store, *options: str, start_timeout: float = 60.0):
        import subprocess
        import sys
        import time

        import httpx

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.options = options
        command = [sys.executable, "-c", "from recgraph.cli.main import cli; cli()", "serve", "--store", str(store),
                   "--port", str(self.port), *options]
        import tempfile

        # A file, not a pipe: a pipe nobody reads fills up and blocks the server's logging.
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self._stderr, text=True)
        deadline = time.monotonic() + start_timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve ended at start: {self.stop()[1]}")
            try:
                if httpx.get(f"{self.url}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"serve did not start within {start_timeout:g} s")
            time.sleep(0.1)

    @property
    def pid(self) -> int:
        return self.process.pid

    def children(self) -> list[int]:
        """Process ids of the server's child processes (Linux /proc)."""
        from pathlib import Path

        found = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if f"\nPPid:\t{self.pid}\n" in text:
                found.append(int(status.parent.name))
        return found

    def stop(self) -> tuple[int, str]:
        """SIGTERM, wait (bounded); returns the exit code and what the server wrote to stderr."""
        import subprocess

        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if not self._stderr.closed:
            self._stderr.seek(0)
            self._err = self._stderr.read()
            self._stderr.close()
        return self.process.returncode, self._err


@pytest.fixture()
def serve_process() -> Iterator[Callable]:
    """Start `recgraph serve` processes (``serve_process(store, *options)``); all are stopped after."""
    started: list[ServeProcess] = []

    def start(store, *options: str) -> ServeProcess:
        server = ServeProcess(store, *options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


#: Settings of the server the hostile queries are sent to: a short timeout, a small memory cap.
GUARDED_OPTIONS = ("--timeout", "3", "--query-memory", "768", "--workers", "2")


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory) -> Iterator[ServeProcess]:
    """`recgraph serve` over a 300-triple store with :data:`GUARDED_OPTIONS` (cross products of it are huge)."""
    location = tmp_path_factory.mktemp("guarded") / ".recgraph"
    write_build(location, 300)
    server = ServeProcess(location, *GUARDED_OPTIONS)
    try:
        yield server
    finally:
        server.stop()
