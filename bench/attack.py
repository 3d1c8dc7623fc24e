"""Latency of ordinary queries while hostile ones attack `recgraph serve` (issue 14, item 4).

Builds the seed store (the five papers of data/papers) in a temporary folder unless --store names
one, starts `recgraph serve` (default settings: 4 query workers, a 10 s timeout unless --timeout,
2 GiB per query) on a free 127.0.0.1 port in a process of its own, then:

1. calm: sends the 16 saved queries round-robin, one at a time, ROUNDS times, and times each;
2. attack: ATTACKERS threads send the hostile queries of tests/server/hostile/ (cross products,
   closures, regular expressions) and the generated ones over the limits, round-robin, while the
   same saved queries are sent and timed again; bounded by --seconds and by request counts.

It reports p50/p99 latency and failures of the saved queries, calm and under attack, what the
hostile queries got (status counts), and the largest resident memory of any server process
sampled during the attack. `--write-docs` replaces the "Latency under attack" section of
docs/benchmarks.md (the other sections are kept).

Run: .venv/bin/python bench/attack.py [--attackers 4] [--seconds 60] [--write-docs]
"""

from __future__ import annotations

import argparse
import collections
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

import recgraph
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.store.database import build_store
from recgraph.graph.store.queries import saved_queries

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Latency under attack"
HOSTILE = ROOT / "tests" / "server" / "hostile"
#: Bindings the saved queries need to give rows.
BINDINGS = {"timeline": "winning-consent/22"}


def hostile_queries() -> dict[str, str]:
    queries = {path.stem: path.read_text(encoding="utf-8") for path in sorted(HOSTILE.glob("*.rq"))}
    queries["nested-groups-2500"] = "SELECT * WHERE " + "{" * 2500 + " ?s ?p ?o " + "}" * 2500
    queries["negations-10000"] = "SELECT * WHERE { ?s " + "!" * 10000 + "<http://e.org/p> ?o }"
    queries["union-184kb"] = "SELECT * WHERE { " + " UNION ".join(["{ ?s <http://e.org/p> ?o }"] * 5700) + " }"
    return queries


def ordinary_queries() -> list[tuple[str, str]]:
    from recgraph.graph.store.remote import with_bindings
    from recgraph.graph.rdf.namespaces import sparql_prologue

    found = []
    for name, query in saved_queries().items():
        bindings = {"label": BINDINGS[name]} if name in BINDINGS else None
        found.append((name, sparql_prologue() + with_bindings(query.text, bindings)))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pids: list[int]) -> float:
    best = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    best = max(best, int(line.split()[1]) / 1024)
        except OSError:
            continue
    return best


def family(pid: int) -> list[int]:
    found = [pid]
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                found.append(int(status.parent.name))
        except OSError:
            continue
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def time_ordinary(url: str, queries: list[tuple[str, str]], rounds: int, stop: threading.Event | None = None,
                  deadline: float | None = None) -> tuple[list[float], list[str]]:
    latencies, failures = [], []
    with httpx.Client(timeout=120) as client:
        for _ in range(rounds):
            for name, text in queries:
                if (stop is not None and stop.is_set()) or (deadline is not None and time.monotonic() > deadline):
                    return latencies, failures
                started = time.monotonic()
                response = client.post(f"{url}/sparql", data={"query": text})
                latencies.append(time.monotonic() - started)
                if response.status_code != 200:
                    failures.append(f"{name}: {response.status_code}")
    return latencies, failures


def run(location: Path, attackers: int, seconds: float, rounds: int, timeout: float) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-c", "from recgraph.cli.main import cli; cli()", "serve", "--store", str(location),
               "--port", str(port), "--timeout", str(timeout)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.1)
        queries = ordinary_queries()
        time_ordinary(url, queries, 2)  # warm: each query runs once or twice and may prove quick
        calm, calm_failures = time_ordinary(url, queries, rounds)
        hostile = list(hostile_queries().items())
        statuses: collections.Counter = collections.Counter()
        stop = threading.Event()
        memory = [0.0]

        def attack(offset: int) -> None:
            with httpx.Client(timeout=timeout * 4 + 30) as client:
                for index in range(offset, offset + 1000):  # bounded in count, and in time by ``stop``
                    if stop.is_set():
                        return
                    name, text = hostile[index % len(hostile)]
                    try:
                        statuses[client.post(f"{url}/sparql", data={"query": text}).status_code] += 1
                    except httpx.HTTPError as err:
                        statuses[type(err).__name__] += 1

        def sample() -> None:
            while not stop.wait(0.5):
                memory[0] = max(memory[0], rss_mib(family(server.pid)))

        threads = [threading.Thread(target=attack, args=(i,), daemon=True) for i in range(attackers)]
        threads.append(threading.Thread(target=sample, daemon=True))
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        under, under_failures = time_ordinary(url, queries, 1000, stop, time.monotonic() + seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout * 4 + 60)
        alive = server.poll() is None
        return {"calm": calm, "calm_failures": calm_failures, "under": under, "under_failures": under_failures,
                "statuses": statuses, "memory": memory[0], "alive": alive, "attackers": attackers,
                "seconds": seconds, "timeout": timeout}
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def report(outcome: dict) -> str:
    def row(label: str, values: list[float], failures: list[str]) -> str:
        return (f"| {label} | {len(values):,} | {percentile(values, 0.5) * 1000:.1f} ms | "
                f"{percentile(values, 0.99) * 1000:.1f} ms | {len(failures)} |")

    statuses = ", ".join(f"{count} × {status}" for status, count in sorted(outcome["statuses"].items(), key=str))
    failures = collections.Counter(f.split(":")[0] for f in outcome["under_failures"])
    failed = ", ".join(f"{name} {count}" for name, count in failures.most_common()) or "none"
    return "\n".join([
        f"`bench/attack.py` (seed store; `recgraph serve` with its defaults: 4 query worker processes, "
        f"2 GiB each, timeout {outcome['timeout']:g} s; server and clients on 127.0.0.1, 2 cores, Python "
        f"{platform.python_version()}; the machine is shared with other jobs, so figures vary between runs).",
        "",
        f"{outcome['attackers']} attackers sent hostile queries for {outcome['seconds']:g} s ({statuses}); the "
        f"server {'stayed up' if outcome['alive'] else 'DIED'}, its largest process at "
        f"{outcome['memory']:.0f} MiB resident. Meanwhile one client sent the 16 saved queries in turn:",
        "",
        "| saved queries | requests | p50 | p99 | failed |",
        "|---|---:|---:|---:|---:|",
        row("calm", outcome["calm"], outcome["calm_failures"]),
        row("under attack", outcome["under"], outcome["under_failures"]),
        "",
        f"Failed under attack, by query: {failed}.",
        "",
        NOTE,
    ])


NOTE = """Hostile queries: the files of tests/server/hostile/ (cross products with ORDER BY, COUNT and
GROUP_CONCAT, a closure, regular expressions) and three generated ones the limits refuse (2,500
nested groups, 10,000 `!`, a 184 KB UNION: 400 at once). A query that proved quick (a run within
25 ms) runs in the server process without waiting for a worker, so small saved queries keep their
speed while every worker is held; a slower one waits for a worker, which the attackers hold until
the timeout kills their query, and past the timeout gets a 503 ("busy")."""


def write_docs(text: str) -> None:
    content = DOCS.read_text(encoding="utf-8")
    block = f"{SECTION}\n\n{text}\n"
    if SECTION in content:
        start = content.index(SECTION)
        following = content.find("\n## ", start + len(SECTION))
        content = content[:start] + block + (content[following:] if following != -1 else "")
    else:
        content = content.rstrip("\n") + "\n\n" + block
    DOCS.write_text(content, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--attackers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        location = args.store
        if location is None:
            location = Path(scratch) / ".recgraph"
            outcome = read_papers([recgraph.data_path() / "papers"])
            build_store(outcome.results, location)
        text = report(run(location, args.attackers, args.seconds, args.rounds, args.timeout))
    print(text)
    if args.write_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
