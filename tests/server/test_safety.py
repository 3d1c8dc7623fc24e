"""Safe by default: read-only, token-guarded writes, no server-side requests, timeouts, size caps."""

from __future__ import annotations

import threading
import time

import httpx
import pyoxigraph
import pytest

from recgraph.graph.server import ServerConfig, create_app
from recgraph.graph.server.background import serve_in_background
from recgraph.graph.server.errors import ServerConfigError

ALPHA = "https://w3id.org/recgraph/id/paper/alpha"
INSERT = "INSERT DATA { GRAPH <https://w3id.org/recgraph/id/paper/gamma> { <a:s> <a:p> 'new' } }"
#: How long a test waits to be sure a refused request made no connection.
QUIET_SECONDS = 0.3


def update(url, text, token=None):
    headers = {"Content-Type": "application/sparql-update"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(f"{url}/sparql", content=text.encode(), headers=headers, timeout=10.0)


# Writes ---------------------------------------------------------------------------------------


def test_a_read_only_server_refuses_updates_and_graph_store_writes(readonly):
    refused = update(readonly, INSERT, token="anything")
    assert refused.status_code == 403
    assert "read-only" in refused.text
    form = httpx.post(f"{readonly}/sparql", data={"update": INSERT}, timeout=10.0)
    assert form.status_code == 403
    put = httpx.put(f"{readonly}/store", params={"graph": ALPHA}, content=b"<a:s> <a:p> 1 .",
                    headers={"Content-Type": "application/n-triples"}, timeout=10.0)
    assert put.status_code == 403
    assert httpx.delete(f"{readonly}/store", params={"graph": ALPHA}, timeout=10.0).status_code == 403
    still = httpx.get(f"{readonly}/sparql", params={"query": f"ASK {{ GRAPH <{ALPHA}> {{ ?s ?p ?o }} }}"}, timeout=10.0)
    assert still.json()["boolean"] is True


def test_updates_need_the_bearer_token(writable, token):
    url, store = writable
    missing = update(url, INSERT)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = update(url, INSERT, token="not-" + token)
    assert wrong.status_code == 401
    assert 'error="invalid_token"' in wrong.headers["www-authenticate"]
    assert len(store) == 10
    assert update(url, INSERT, token=token).status_code == 204
    assert len(store) == 11


def test_updates_cannot_be_allowed_without_a_token():
    with pytest.raises(ServerConfigError, match="updates need a bearer token"):
        ServerConfig(allow_updates=True)


def test_a_malformed_update_gets_400_and_changes_nothing(writable, token):
    url, store = writable
    response = update(url, "INSERT DATA { <a:s> <a:p> }", token)
    assert response.status_code == 400
    assert response.text.startswith("malformed update: error at 1:")
    assert len(store) == 10


def test_the_graph_store_protocol_reads_replaces_adds_and_deletes_graphs(writable, token):
    url, store = writable
    auth = {"Authorization": f"Bearer {token}"}
    store_url = f"{url}/store"
    gamma = {"graph": "https://w3id.org/recgraph/id/paper/gamma"}

    turtle = httpx.get(store_url, params={"graph": ALPHA}, headers={"Accept": "text/turtle"}, timeout=10.0)
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    assert len(list(pyoxigraph.parse(turtle.content, pyoxigraph.RdfFormat.TURTLE))) == 6
    assert httpx.get(store_url, params=gamma, timeout=10.0).status_code == 404

    created = httpx.put(store_url, params=gamma, content=b'<a:s> <a:p> "1" .', timeout=10.0,
                        headers={**auth, "Content-Type": "application/n-triples"})
    assert created.status_code == 201
    replaced = httpx.put(store_url, params=gamma, content=b"<a:s> <a:p> 2 .", timeout=10.0,
                         headers={**auth, "Content-Type": "text/turtle"})
    assert replaced.status_code == 204
    added = httpx.post(store_url, params=gamma, content=b'{"@id": "a:t", "a:p": 3}', timeout=10.0,
                       headers={**auth, "Content-Type": "application/ld+json"})
    assert added.status_code == 204
    graph = pyoxigraph.NamedNode(gamma["graph"])
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, graph)) == ["2", "3"]

    broken = httpx.put(store_url, params=gamma, content=b"<a:s> <a:p> .", timeout=10.0,
                       headers={**auth, "Content-Type": "text/turtle"})
    assert broken.status_code == 400 and "could not be parsed" in broken.text
    assert len(list(store.quads_for_pattern(None, None, None, graph))) == 2  # left as it was

    assert httpx.delete(store_url, params=gamma, headers=auth, timeout=10.0).status_code == 204
    assert httpx.delete(store_url, params=gamma, headers=auth, timeout=10.0).status_code == 404
    assert not store.contains_named_graph(graph)


@pytest.mark.parametrize(("params", "content_type", "status"), [
    ({}, "text/turtle", 400),
    ({"graph": "relative"}, "text/turtle", 400),
    ({"graph": ALPHA, "default": ""}, "text/turtle", 400),
    ({"graph": ALPHA}, "application/pdf", 415),
])
def test_graph_store_requests_that_name_no_graph_or_no_format_are_refused(writable, token, params, content_type,
                                                                          status):
    url, store = writable
    response = httpx.put(f"{url}/store", params=params, content=b"", timeout=10.0,
                         headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    assert response.status_code == status
    assert len(store) == 10


# Requests the server must not make ------------------------------------------------------------


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "PREFIX in: <http://127.0.0.1:{port}/> SELECT * WHERE {{ ?x ?y ?z . SERVICE in:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <http://127.0.0.1:{port}/> }} SERVICE ?e {{ ?s ?p ?o }} }}",
])
def test_a_federated_query_to_an_internal_address_is_refused_without_any_request(readonly, listener, template):
    with listener() as (port, received):
        response = httpx.get(f"{readonly}/sparql", params={"query": template.format(port=port)}, timeout=10.0)
        time.sleep(QUIET_SECONDS)
    assert response.status_code == 403
    assert "refused" in response.text and "--allow-service" in response.text or "variable" in response.text
    assert received == []


def test_load_from_an_internal_address_is_refused_even_with_the_token(writable, token, listener):
    url, store = writable
    with listener() as (port, received):
        response = update(url, f"LOAD <http://127.0.0.1:{port}/data.ttl>", token)
        time.sleep(QUIET_SECONDS)
    assert response.status_code == 403
    assert received == []
    assert len(store) == 10


def test_a_json_ld_upload_cannot_make_the_server_fetch_its_context(writable, token, listener):
    url, _ = writable
    with listener() as (port, received):
        body = f'{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "a:s", "name": "x"}}'.encode()
        response = httpx.put(f"{url}/store", params={"graph": "a:g"}, content=body, timeout=10.0,
                             headers={"Authorization": f"Bearer {token}", "Content-Type": "application/ld+json"})
        time.sleep(QUIET_SECONDS)
    assert response.status_code == 400
    assert received == []


def test_an_allowed_endpoint_is_called_which_shows_the_guard_is_what_stops_the_others(sample_store, listener):
    with listener() as (port, received):
        endpoint = f"http://127.0.0.1:{port}/sparql"
        with serve_in_background(create_app(sample_store, ServerConfig(allowed_services={endpoint}))) as url:
            query = f"SELECT * WHERE {{ SERVICE SILENT <{endpoint}> {{ ?s ?p ?o }} }}"
            response = httpx.get(f"{url}/sparql", params={"query": query}, timeout=10.0)
        deadline = time.monotonic() + 5.0
        while not received and time.monotonic() < deadline:
            time.sleep(0.05)
    assert response.status_code == 200
    assert received and received[0].startswith(b"POST /sparql")


# Timeouts and caps ----------------------------------------------------------------------------


def crossable_store(size: int = 200) -> pyoxigraph.Store:
    """A store whose three-way self-join has size**3 rows (about a second to count at 200)."""
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://e.org/s{i}"), pyoxigraph.NamedNode("http://e.org/p"),
                                 pyoxigraph.Literal(i)) for i in range(size))
    return store


COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
SELECT_CROSS = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def wait_until_idle(app, seconds: float = 30.0) -> float:
    runner = app.state.recgraph.runner
    started = time.monotonic()
    while runner.running and time.monotonic() - started < seconds:
        time.sleep(0.02)
    assert runner.running == 0
    return time.monotonic() - started


def test_a_pathological_query_times_out_while_other_requests_are_answered():
    app = create_app(crossable_store(), ServerConfig(timeout=0.25, workers=2))
    with serve_in_background(app) as url:
        slow: dict[str, httpx.Response] = {}
        thread = threading.Thread(target=lambda: slow.update(
            response=httpx.get(f"{url}/sparql", params={"query": COUNT_CROSS}, timeout=10.0)))
        thread.start()
        time.sleep(0.1)  # the slow query is running
        started = time.monotonic()
        quick = httpx.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10.0)
        quick_seconds = time.monotonic() - started
        thread.join(10.0)
        wait_until_idle(app)
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert quick_seconds < 1.0
    assert slow["response"].status_code == 503
    assert "did not finish within 0.25 s" in slow["response"].text


def test_runaway_queries_fill_their_workers_and_the_server_says_it_is_busy():
    # A short timeout, so the abandoned count (about a second here) still runs when the next query waits.
    app = create_app(crossable_store(), ServerConfig(timeout=0.1, workers=1))
    with serve_in_background(app) as url:
        first = httpx.get(f"{url}/sparql", params={"query": COUNT_CROSS}, timeout=10.0)
        busy = httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=10.0)
        description = httpx.get(f"{url}/sparql", timeout=10.0)  # needs no worker
        wait_until_idle(app)
        later = httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=10.0)
    assert first.status_code == 503
    assert busy.status_code == 503 and "busy" in busy.text and busy.headers["retry-after"]
    assert description.status_code == 200
    assert later.status_code == 200


def test_an_abandoned_query_that_streams_its_answer_stops_at_once():
    app = create_app(crossable_store(), ServerConfig(timeout=0.25, max_result_bytes=2**40))
    with serve_in_background(app) as url:
        response = httpx.get(f"{url}/sparql", params={"query": SELECT_CROSS}, timeout=10.0)
        stopped_after = wait_until_idle(app, seconds=5.0)
    assert response.status_code == 503
    assert stopped_after < 1.0  # serialising all 8 million rows would take far longer


def test_an_update_slower_than_the_timeout_is_waited_for_not_abandoned(token):
    store = crossable_store()
    app = create_app(store, ServerConfig(timeout=0.25, allow_updates=True, token=token))
    counting = "INSERT { <a:cross> <a:size> ?n } WHERE { { " + COUNT_CROSS + " } }"
    with serve_in_background(app) as url:
        response = update(url, counting, token)
    assert response.status_code == 204
    assert [q.object.value for q in store.quads_for_pattern(pyoxigraph.NamedNode("a:cross"), None, None)] == ["8000000"]


def test_an_answer_larger_than_the_cap_is_refused(sample_store):
    with serve_in_background(create_app(sample_store, ServerConfig(max_result_bytes=500))) as url:
        small = httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=10.0)
        large = httpx.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=10.0)
    assert small.status_code == 200
    assert large.status_code == 413
    assert "larger than 500 bytes" in large.text and "LIMIT" in large.text


def test_a_request_body_larger_than_the_cap_is_refused_even_when_streamed(sample_store):
    query = "ASK { ?s ?p ?o }" + " " * 2000
    with serve_in_background(create_app(sample_store, ServerConfig(max_request_bytes=1000))) as url:
        declared = httpx.post(f"{url}/sparql", content=query.encode(), timeout=10.0,
                              headers={"Content-Type": "application/sparql-query"})
        chunked = httpx.post(f"{url}/sparql", content=iter([query.encode()[:900], query.encode()[900:]]),
                             headers={"Content-Type": "application/sparql-query"}, timeout=10.0)
        fits = httpx.post(f"{url}/sparql", content=b"ASK {}", timeout=10.0,
                          headers={"Content-Type": "application/sparql-query"})
    assert declared.status_code == 413 and "larger than 1000 bytes" in declared.text
    assert chunked.status_code == 413
    assert fits.status_code == 200


def test_writes_are_refused_while_a_build_holds_the_store(tmp_path, build_writer, token):
    import fcntl

    from recgraph.graph.server.access import _build_running

    if _build_running is None:
        pytest.skip("graph/store/builds.py has no build_running probe yet")
    location = tmp_path / ".recgraph"
    build_writer(location, 3)
    app = create_app(location, ServerConfig(allow_updates=True, token=token))
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/sparql-update"}
    update = "INSERT DATA { GRAPH <http://e.org/w> { <http://e.org/a> <http://e.org/b> 1 } }"
    try:
        with serve_in_background(app) as url, (location / ".lock").open("a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # as a build holds it
            refused = httpx.post(f"{url}/sparql", content=update, headers=headers, timeout=10)
            put = httpx.put(f"{url}/store", params={"graph": "http://e.org/w"}, content=b"<urn:a> <urn:b> 1 .",
                            headers={**headers, "Content-Type": "text/turtle"}, timeout=10)
            fcntl.flock(lock, fcntl.LOCK_UN)
            accepted = httpx.post(f"{url}/sparql", content=update, headers=headers, timeout=10)
    finally:
        app.state.recgraph.close()
    assert refused.status_code == 503 and "build" in refused.text and refused.headers["retry-after"]
    assert put.status_code == 503
    assert accepted.status_code == 204
