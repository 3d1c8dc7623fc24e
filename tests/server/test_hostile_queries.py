"""No query can take the endpoint down or hold it (issue 14, item 4).

The corpus: queries generated below (too deep, too long, too many patterns: each past one of the
server's limits, refused with a 400 that names it before the parser sees the text) and the files
of tests/server/hostile/ (cross products with ORDER BY, COUNT or GROUP_CONCAT, regular expression
bombs, closures: they parse, and must be stopped at the timeout or by the memory cap). Each is sent
to a real `recgraph serve` process (conftest ``guarded_server``: 3 s timeout, 768 MiB per query,
two query workers), which must answer every one and stay up.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from recgraph.graph.server.limits import QueryLimits

pytestmark = pytest.mark.slow

HOSTILE = Path(__file__).parent / "hostile"
P = "<http://e.org/p>"

#: name -> (query, the limit its 400 must name). The first four are the issue's own reports:
#: 2,500 nested groups (5 KB), 10,000 '!', a 184 KB UNION, a 10,000-step path.
GENERATED = {
    "nested-groups-2500": ("SELECT * WHERE " + "{" * 2500 + " ?s ?p ?o " + "}" * 2500, "max_depth"),
    "negations-10000": ("SELECT * WHERE { ?s " + "!" * 10000 + P + " ?o }", "max_path_operators"),
    "union-184kb": ("SELECT * WHERE { " + " UNION ".join(["{ ?s <http://e.org/p> ?o }"] * 5700) + " }", "max_chars"),
    "path-10000-steps": ("SELECT * WHERE { ?s " + "/".join(["a"] * 10000) + " ?o }", "max_path_operators"),
    "nested-parentheses-10000": ("ASK { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }", "max_depth"),
    "nested-subqueries-100": ("SELECT * WHERE " + "{ SELECT * WHERE " * 100 + "{}" + "}" * 100, "max_depth"),
    "minus-3000": ("SELECT * WHERE { ?s ?p ?o " + " MINUS { ?s ?p ?o }" * 3000 + " }", "max_groups"),
    "optional-300": ("SELECT * WHERE { ?s ?p ?o " + f" OPTIONAL {{ ?s {P} ?o }}" * 300 + " }", "max_groups"),
    "triple-patterns-2000": ("SELECT * WHERE { " + " ".join(f"?s{i} {P} ?o{i} ." for i in range(2000)) + " }",
                             "max_separators"),
    "alternatives-3000": ("SELECT * WHERE { ?s " + "|".join([P] * 3000) + " ?o }", "max_path_operators"),
}

#: The files of the corpus that parse: each must come back (answer, 400 or 503) within the bound.
FILES = sorted(HOSTILE.glob("*.rq"))
#: The timeout is 3 s; killing a worker and answering takes a little more on a loaded machine.
BOUND_SECONDS = 30.0


def post(url: str, query: str, timeout: float = BOUND_SECONDS) -> httpx.Response:
    return httpx.post(f"{url}/sparql", data={"query": query}, timeout=timeout)


def answers_again(url: str, seconds: float = BOUND_SECONDS) -> bool:
    """The server answers an ordinary query again within ``seconds`` (workers that were killed are
    replaced by new processes, which take a few seconds to start on a loaded machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = post(url, "ASK { ?s ?p ?o }")
        if response.status_code == 200:
            return response.json()["boolean"] is True
        time.sleep(0.5)
    return False


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_a_query_past_a_limit_is_refused_with_a_400_naming_it(guarded_server, name):
    query, limit = GENERATED[name]
    response = post(guarded_server.url, query)
    assert response.status_code == 400, response.text
    assert limit in response.text and "limit" in response.text
    assert guarded_server.process.poll() is None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_hostile_query_is_answered_or_stopped_and_the_server_stays_up(guarded_server, path):
    started = time.monotonic()
    response = post(guarded_server.url, path.read_text(encoding="utf-8"))
    assert response.status_code in (200, 400, 503), response.text
    assert time.monotonic() - started < BOUND_SECONDS
    assert guarded_server.process.poll() is None
    assert answers_again(guarded_server.url)


def test_a_timed_out_query_is_really_stopped_and_its_slot_returned(guarded_server):
    # The count needs little memory however long it runs (no rows are kept): only the timeout
    # can stop it, and the worker's address space stays far below the cap while it runs (it was
    # 460 to 660 MiB of a 768 MiB cap when glibc gave each thread an arena: see server.worker).
    count = (HOSTILE / "cross-product-count.rq").read_text(encoding="utf-8")
    before = set(guarded_server.children())
    # Twice as many as there are workers, one after the other: each slot comes back.
    for attempt in range(4):
        sizes: list[float] = []
        response = _post_sampling(guarded_server, count, sizes) if attempt == 0 else post(guarded_server.url, count)
        assert response.status_code == 503 and "was stopped" in response.text, response.text
        assert max(sizes, default=0) < _memory_cap_mib(guarded_server) / 2, sizes
    time.sleep(1.0)
    after = set(guarded_server.children())
    assert before - after, "the workers that ran the stopped queries are gone"
    assert answers_again(guarded_server.url)


def test_a_query_past_the_memory_cap_ends_its_worker_not_the_server(guarded_server):
    response = post(guarded_server.url, (HOSTILE / "cross-product-order-by.rq").read_text(encoding="utf-8"))
    assert response.status_code == 503
    assert "memory" in response.text or "was stopped" in response.text
    rss = [_rss_mib(pid) for pid in guarded_server.children()]
    assert max(rss) < 768, rss  # every worker left is within its cap
    assert answers_again(guarded_server.url)


def test_a_worker_under_the_smallest_memory_cap_answers(tmp_path, build_writer, serve_process):
    # 256 MiB is the least --query-memory accepts; below about 450 MiB every query's worker used
    # to die (RocksDB could not start a thread) while the query needed some 50 MiB.
    location = tmp_path / ".recgraph"
    build_writer(location, 300)
    server = serve_process(location, "--query-memory", "256", "--workers", "1", "--timeout", "10")
    response = post(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }")
    assert response.status_code == 200 and '"value":"90000"' in response.text, response.text


def test_ordinary_queries_are_answered_while_hostile_ones_run(guarded_server):
    # A small lookup (proves quick: then runs in the server process) and a count over 3,000 pairs
    # (may be slower: proves ordinary, and may then use the worker kept for queries that finished).
    ordinary = {f"SELECT ?o WHERE {{ <http://e.org/s7> {P} ?o }}": '"value":"7"',
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STRLEN(?c) = 1) }": '"value":"3000"'}
    assert answers_again(guarded_server.url)
    for _ in range(5):  # each runs to the end a few times before the attack
        for query in ordinary:
            assert post(guarded_server.url, query).status_code == 200
    hostile = (HOSTILE / "cross-product-count.rq").read_text(encoding="utf-8")
    stop, statuses = threading.Event(), []

    def attack() -> None:
        for _ in range(5):  # bounded in count, and in time by ``stop``
            if stop.is_set():
                return
            statuses.append(post(guarded_server.url, hostile).status_code)

    attackers = [threading.Thread(target=attack, daemon=True) for _ in range(3)]
    for thread in attackers:
        thread.start()
    time.sleep(0.5)
    latencies = []
    try:
        for _ in range(10):
            for query, expected in ordinary.items():
                started = time.monotonic()
                response = post(guarded_server.url, query, timeout=10)
                latencies.append(time.monotonic() - started)
                assert response.status_code == 200 and expected in response.text, response.text
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in attackers:
            thread.join(BOUND_SECONDS * 5)
    assert statuses and set(statuses) <= {503}
    assert sorted(latencies)[len(latencies) // 2] < 1.0, latencies  # generous: well under 0.1 s unloaded


def test_the_default_limits_admit_every_saved_query():
    from recgraph.graph.server.outline import read_outline
    from recgraph.graph.store.queries import saved_queries

    limits = QueryLimits()
    for name, query in saved_queries().items():
        text = getattr(query, "text", query)
        limits.check_size(text)
        limits.check_shape(read_outline(text).shape)


def _post_sampling(server, query: str, sizes: list[float]) -> httpx.Response:
    """Post ``query`` and meanwhile append the largest address space of the server's children
    (MiB) to ``sizes`` every 0.1 s."""
    answer: list[httpx.Response] = []
    thread = threading.Thread(target=lambda: answer.append(post(server.url, query)), daemon=True)
    thread.start()
    while thread.is_alive():  # bounded: the post gives up after BOUND_SECONDS
        sizes.append(max((_status_mib(pid, "VmSize") for pid in server.children()), default=0.0))
        thread.join(0.1)
    return answer[0]


def _memory_cap_mib(server) -> int:
    return int(server.options[server.options.index("--query-memory") + 1])


def _rss_mib(pid: int) -> float:
    return _status_mib(pid, "VmRSS")


def _status_mib(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
