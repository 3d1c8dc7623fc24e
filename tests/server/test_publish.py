"""`recgraph publish` to a real Oxigraph server, then the same saved queries there and locally.

The test starts `oxigraph serve` (from the `oxigraph` PyPI package, in the test extra) on a free
127.0.0.1 port with its default graph the union of all graphs, as recgraph's own store has it;
start-up is waited for at most 15 s and the server is killed at the end.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli
from recgraph.errors import QueryError
from recgraph.graph.store.publish import graphs_to_publish, publish
from recgraph.graph.store.remote import Credentials, RemoteError, construct, select
from recgraph.graph.server import ServerConfig, create_app
from recgraph.graph.server.background import serve_in_background
from recgraph.graph.store.database import open_store

START_TIMEOUT = 15.0


def oxigraph_command() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with {process.returncode}: {process.stderr.read()!r}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph serve did not listen on 127.0.0.1:{port} within {START_TIMEOUT} s")


@pytest.fixture()
def oxigraph(tmp_path) -> Iterator[str]:
    """The base URL of a fresh, empty Oxigraph server (GSP at /store, queries at /query)."""
    command = oxigraph_command()
    if command is None:
        pytest.skip("the oxigraph server is not installed: pip install -e '.[test]'")
    port = free_port()
    process = subprocess.Popen(
        [command, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        process.stderr.close()


@pytest.fixture(scope="module")
def seed(seed_location) -> pyoxigraph.Store:
    return open_store(seed_location)


def test_every_saved_query_gives_the_same_rows_on_the_published_copy(seed, oxigraph, published_copy):
    summary = publish(seed, f"{oxigraph}/store")
    assert len(summary.graphs) == len(graphs_to_publish(seed)) and summary.triples == len(seed)
    copy = published_copy(seed, f"{oxigraph}/query")  # exact rows: Oxigraph is recgraph's own store
    local, remote = copy.counts_per_graph()
    assert remote == local and len(local) >= 5
    differing, with_rows = copy.saved_query_answers()
    assert differing == {}
    assert with_rows >= 12  # most saved queries have rows on the seed


def test_publishing_twice_replaces_each_graph_and_leaves_the_same_triples(seed, oxigraph):
    first = publish(seed, f"{oxigraph}/store")
    second = publish(seed, f"{oxigraph}/store")
    assert {graph.status for graph in first.graphs} == {201}
    assert {graph.status for graph in second.graphs} <= {200, 204}
    count = select(f"{oxigraph}/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count == [{"n": len(seed)}]


def test_each_paper_and_ontology_graph_is_published_under_its_own_name(seed, oxigraph):
    publish(seed, f"{oxigraph}/store")
    found = select(f"{oxigraph}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    graphs = [row["g"] for row in found]
    assert "https://w3id.org/recgraph/id/graph/001-feb76c68d8c1448c" in graphs
    assert "https://w3id.org/recgraph/id/graph/ontology/recgraph" in graphs
    assert "https://w3id.org/recgraph/id/graph/ontology/themes" in graphs


def test_progress_is_reported_for_every_graph(seed, oxigraph):
    calls: list[tuple[int, int, str]] = []
    publish(seed, f"{oxigraph}/store", progress=lambda done, total, graph: calls.append((done, total, graph)))
    total = len(graphs_to_publish(seed))
    assert [done for done, _, _ in calls] == list(range(total + 1))
    assert {t for _, t, _ in calls} == {total} and calls[0][2].startswith("https://")


def test_the_cli_publishes_and_queries_the_remote_endpoint(seed_location, oxigraph):
    runner = CliRunner()
    published = runner.invoke(cli, ["publish", "--to", f"{oxigraph}/store", "--store", str(seed_location)])
    assert published.exit_code == 0, published.output
    assert f"to {oxigraph}/store" in published.stdout
    remote = runner.invoke(cli, ["query", "papers", "--format", "csv", "--endpoint", f"{oxigraph}/query"])
    local = runner.invoke(cli, ["query", "papers", "--format", "csv", "--store", str(seed_location)])
    assert remote.exit_code == local.exit_code == 0, remote.output
    assert remote.stdout == local.stdout and remote.stdout.count("\n") == 8  # a header and 7 paper-report rows


def test_construct_and_bindings_work_remotely(seed, oxigraph):
    publish(seed, f"{oxigraph}/store")
    triples = construct(f"{oxigraph}/query", "CONSTRUCT { ?p a rg:Paper } WHERE { ?p a rg:Paper }")
    assert len(triples) == 5 and all(isinstance(t, pyoxigraph.Triple) for t in triples)
    found = select(f"{oxigraph}/query", "SELECT ?label ?number WHERE { ?r rdfs:label ?label ; rg:number ?number }",
                   {"label": "race-and-faith/6(b)"})
    assert found == [{"label": "race-and-faith/6(b)", "number": "6(b)"}]


def test_a_malformed_remote_query_is_a_query_error_quoting_the_server(oxigraph):
    with pytest.raises(QueryError, match="refused the query: .*400"):
        select(f"{oxigraph}/query", "SELECT WHERE {")


def test_an_unreachable_endpoint_is_one_clean_error(seed):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(RemoteError, match=r"cannot reach .*0 of \d+ graphs were published"):
        publish(seed, url, timeout=2)
    result = CliRunner().invoke(cli, ["query", "papers", "--endpoint", url])
    assert result.exit_code == 2 and result.stderr.startswith("Error: cannot reach http://127.0.0.1:")


def test_publishing_to_a_recgraph_server_needs_its_token(seed):
    target = pyoxigraph.Store()
    app = create_app(target, ServerConfig(allow_updates=True, token="s3cret"))
    with serve_in_background(app) as url:
        with pytest.raises(RemoteError, match="answered 401") as refused:
            publish(seed, f"{url}/store", timeout=5)
        assert refused.value.status == 401
        publish(seed, f"{url}/store", credentials=Credentials(token="s3cret"), timeout=5)
    assert len(target) == len(seed)


def test_credentials_never_show_the_password():
    assert "hunter2" not in repr(Credentials(user="admin", password="hunter2"))


def test_each_graph_is_one_put_of_turtle_with_basic_credentials_sent_up_front(seed):
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlsplit

    received: list[tuple[str, str, str, int]] = []

    class GraphStore(BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802 (the http.server naming)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            graph = parse_qs(urlsplit(self.path).query)["graph"][0]
            received.append((graph, self.headers["Content-Type"], self.headers.get("Authorization", ""), len(body)))
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), GraphStore)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/data"
        publish(seed, url, credentials=Credentials(user="editor", password="pw"), timeout=5)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    expected = "Basic " + base64.b64encode(b"editor:pw").decode()
    assert [graph for graph, *_ in received] == [g.value for g in graphs_to_publish(seed)]
    assert {(kind, auth) for _, kind, auth, _ in received} == {("text/turtle; charset=utf-8", expected)}
    assert all(size > 0 for *_, size in received)


def _recording_graph_store():
    """A tiny Graph Store on 127.0.0.1 recording (graph, Authorization) of each PUT; returns (server, received)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlsplit

    received: list[tuple[str, str]] = []

    class GraphStore(BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802 (the http.server naming)
            self.rfile.read(int(self.headers["Content-Length"]))
            received.append((parse_qs(urlsplit(self.path).query)["graph"][0], self.headers.get("Authorization", "")))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), GraphStore)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server, thread, received


def test_publish_takes_the_user_and_password_from_the_url_and_never_prints_them(seed_location, monkeypatch):
    import base64

    monkeypatch.delenv("RECGRAPH_REMOTE_PASSWORD", raising=False)
    server, thread, received = _recording_graph_store()
    try:
        url = f"http://editor:s3cr%40t@127.0.0.1:{server.server_address[1]}/data"
        result = CliRunner().invoke(cli, ["publish", "--store", str(seed_location), "--to", url])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert result.exit_code == 0, result.output
    assert "s3cr" not in result.output and "Password" not in result.output
    expected = "Basic " + base64.b64encode(b"editor:s3cr@t").decode()
    assert received and {auth for _, auth in received} == {expected}


def test_an_unreachable_url_with_a_password_is_one_error_without_it(seed):
    with pytest.raises(RemoteError) as failure:
        publish(seed, f"http://editor:hunter2@127.0.0.1:{free_port()}/data", timeout=2)
    assert "hunter2" not in str(failure.value)


def test_analyses_against_an_endpoint_without_a_union_default_graph_say_so(seed):
    from recgraph.errors import StoreError
    from recgraph.graph.analyses.source import EndpointSource

    app = create_app(seed, ServerConfig(union_default_graph=False))
    with serve_in_background(app) as url:
        with pytest.raises(StoreError, match="union of its named graphs"):
            EndpointSource(f"{url}/sparql").select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with serve_in_background(create_app(seed)) as url:  # recgraph serve's own setting: no complaint
        frame = EndpointSource(f"{url}/sparql").select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert frame["n"][0] > 0
