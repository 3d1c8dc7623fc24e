"""Fixtures of the HTTP tests: a tiny two-paper store, servers over it on 127.0.0.1, a listener.

Every server binds the loopback interface only, on a port the system picks; start-up and
shutdown waits are bounded (see recgraph.graph.server.background).
"""

from __future__ import annotations

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
