"""Requests sent again: what the server remembers to answer them faster never weakens a guard.

The server caches the reading of a query's text (form, FROM, SERVICE/LOAD targets), the operation
a GET URL carries, and which queries proved quick enough to run without a thread hop; it keeps its
worker threads between queries. Each must refuse, time out and cap exactly as before.
"""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pyoxigraph
import pytest

from recgraph.graph.server import ServerConfig, create_app
from recgraph.graph.server import runner as runner_module
from recgraph.graph.server.background import serve_in_background
from recgraph.graph.server.errors import ForbiddenRemoteCall, RequestError
from recgraph.graph.server.guard import refuse_unlisted
from recgraph.graph.server.outline import CACHED_CHARS, outline_of, read_outline
from recgraph.graph.server.protocol import read_operation
from recgraph.graph.server.quick import QuickQueries, run_remembering
from recgraph.graph.server.runner import Runner

COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def crossable_store(size: int = 150) -> pyoxigraph.Store:
    """A store whose three-way self-join has size**3 rows (about half a second to count at 150)."""
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://e.org/s{i}"), pyoxigraph.NamedNode("http://e.org/p"),
                                 pyoxigraph.Literal(i)) for i in range(size))
    return store


def wait_until_idle(app, seconds: float = 30.0) -> None:
    runner = app.state.recgraph.runner
    deadline = time.monotonic() + seconds
    while runner.running and time.monotonic() < deadline:
        time.sleep(0.02)
    assert runner.running == 0


# The reading of a query's text ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "SELECT * { SERVICE <http://e.org/q> { ?s ?p ?o } }",
    r"SELECT * { \u0053ERVICE <http://e.org/q> { ?s ?p ?o } }",
    'PREFIX e: <http://e.org/> SELECT * FROM e:g { ?s ?p "SERVICE <http://x.org/>" }',
    "CONSTRUCT WHERE { ?s ?p ?o }",
])
def test_a_cached_reading_equals_a_fresh_one(text):
    assert outline_of(text) == read_outline(text)
    assert outline_of(text) is outline_of(text)  # the second comes from the cache


def test_a_text_too_long_to_cache_is_read_afresh_each_time():
    text = "ASK { SERVICE <http://e.org/q> { ?s ?p ?o } }" + " " * CACHED_CHARS
    assert outline_of(text) is not outline_of(text)
    assert outline_of(text).remote_calls == (("SERVICE", "http://e.org/q"),)


def test_a_cached_reading_is_still_checked_against_the_allow_list_each_time():
    calls = outline_of(r"SELECT * { \u0053ERVICE <http://e.org/q> { ?s ?p ?o } }").remote_calls
    refuse_unlisted(calls, {"http://e.org/q"})
    for _ in range(2):
        with pytest.raises(ForbiddenRemoteCall, match="SERVICE <http://e.org/q> is refused"):
            refuse_unlisted(outline_of(r"SELECT * { \u0053ERVICE <http://e.org/q> { ?s ?p ?o } }").remote_calls, set())


def test_a_get_url_is_refused_again_when_sent_again():
    for _ in range(2):
        with pytest.raises(RequestError, match="updates must be sent by POST"):
            read_operation("GET", b"update=CLEAR%20ALL", None, b"")
    assert read_operation("GET", b"query=ASK%20%7B%7D", None, b"") == read_operation("GET", b"query=ASK%20%7B%7D",
                                                                                      None, b"")


def test_a_federated_query_is_refused_each_time_it_is_sent(readonly, listener):
    with listener() as (port, received):
        query = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        statuses = [httpx.get(f"{readonly}/sparql", params={"query": query}, timeout=10.0).status_code
                    for _ in range(3)]
        time.sleep(0.3)
    assert statuses == [403, 403, 403]
    assert received == []


def test_a_text_one_server_may_call_out_with_is_still_refused_by_another(sample_store, listener):
    with listener() as (port, received):
        endpoint = f"http://127.0.0.1:{port}/sparql"
        query = f"SELECT * WHERE {{ SERVICE SILENT <{endpoint}> {{ ?s ?p ?o }} }}"
        with serve_in_background(create_app(sample_store, ServerConfig(allowed_services={endpoint}))) as allowing:
            allowed = httpx.get(f"{allowing}/sparql", params={"query": query}, timeout=10.0)
        with serve_in_background(create_app(sample_store)) as strict:
            refused = httpx.get(f"{strict}/sparql", params={"query": query}, timeout=10.0)
    assert allowed.status_code == 200
    assert refused.status_code == 403 and "--allow-service" in refused.text


# Quick queries ----------------------------------------------------------------------------------


def test_quick_queries_are_remembered_within_the_budget_and_forgotten_past_it():
    quick = QuickQueries(budget=0.01, size=2)
    quick.record("a", 0.001)
    quick.record("b", 0.02)
    assert quick.is_quick("a") and not quick.is_quick("b")
    quick.record("a", 0.5)
    assert not quick.is_quick("a")


def test_the_memory_of_quick_queries_is_bounded_and_forgets_the_least_recently_used_first():
    quick = QuickQueries(budget=1.0, size=2)
    for key in ("a", "b"):
        quick.record(key, 0.0)
    quick.is_quick("a")  # used lately
    quick.record("c", 0.0)
    assert len(quick) == 2 and quick.is_quick("a") and quick.is_quick("c") and not quick.is_quick("b")


def test_a_query_runs_in_a_worker_until_it_proved_quick_and_goes_back_when_it_is_slow():
    runner, quick = Runner(workers=1, timeout=10.0), QuickQueries(budget=0.05)
    delays = iter([0.0, 0.1, 0.0])  # quick, then slow once, then quick again

    def job(cancel: threading.Event) -> str:
        time.sleep(next(delays))
        return threading.current_thread().name

    async def three_runs() -> list[str]:
        return [await run_remembering(runner, quick, "q", job) for _ in range(3)]

    caller = threading.current_thread().name
    assert asyncio.run(three_runs()) == ["recgraph-query", caller, "recgraph-query"]


def test_a_query_that_proved_quick_is_answered_even_while_every_worker_is_busy():
    app = create_app(crossable_store(), ServerConfig(timeout=0.1, workers=1))
    app.state.recgraph.quick = QuickQueries(budget=0.5)  # generous, so a busy machine cannot make it flaky
    with serve_in_background(app) as url:
        proved = httpx.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10.0)
        runaway = httpx.get(f"{url}/sparql", params={"query": COUNT_CROSS}, timeout=10.0)  # holds the worker
        again = httpx.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10.0)
        unproved = httpx.get(f"{url}/sparql", params={"query": "ASK { ?a ?b ?c }"}, timeout=10.0)
        wait_until_idle(app)
    assert proved.status_code == 200 and again.status_code == 200
    assert runaway.status_code == 503 and unproved.status_code == 503 and "busy" in unproved.text


def test_a_slow_query_is_never_run_inline_so_it_times_out_every_time():
    app = create_app(crossable_store(), ServerConfig(timeout=0.1, workers=2))
    with serve_in_background(app) as url:
        responses = [httpx.get(f"{url}/sparql", params={"query": COUNT_CROSS}, timeout=10.0) for _ in range(2)]
        wait_until_idle(app)
    assert [r.status_code for r in responses] == [503, 503]
    assert all("did not finish within 0.1 s" in r.text for r in responses)
    assert len(app.state.recgraph.quick) == 0


def test_a_server_whose_store_can_change_runs_every_query_in_a_worker(token):
    app = create_app(pyoxigraph.Store(), ServerConfig(allow_updates=True, token=token))
    assert app.state.recgraph.quick is None


# Worker threads ---------------------------------------------------------------------------------


def test_worker_threads_are_reused_between_jobs_and_end_when_idle(monkeypatch):
    # Long enough that a loaded machine still hands the second job to the waiting thread; short
    # enough that the test sees the thread end.
    monkeypatch.setattr(runner_module, "IDLE_SECONDS", 3.0)  # 1 s failed at a load of 7 on two cores
    runner = Runner(workers=2, timeout=10.0)

    async def two_jobs() -> list[threading.Thread]:
        return [await runner.run(lambda cancel: threading.current_thread()) for _ in range(2)]

    first, second = asyncio.run(two_jobs())
    assert first is second
    first.join(15.0)
    assert not first.is_alive()
