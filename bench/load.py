"""HTTP load on `recgraph serve`: concurrent clients mixing saved queries and Linked Data pages.

Builds the seed store (the five papers of data/papers, no validation) in a temporary folder unless
--store names one, starts `recgraph serve` on a free 127.0.0.1 port in a process of its own (so
the clients do not share its interpreter), then runs CLIENTS threads, each with one keep-alive
connection, for SECONDS (and at most --max-requests requests in all). Each request is drawn from:

- 40 % an HTML page  GET /doc/<recommendation, paper, report or update>   (Accept: text/html)
- 15 % an IRI        GET /id/<recommendation>                           (303 See Other)
- 15 % RDF           GET /doc/<recommendation>                           (Accept: text/turtle)
- 30 % a saved query GET /sparql?query=<one of ontology/queries/*.rq>    (SPARQL JSON)

It reports requests, throughput, p50/p99 latency (overall and per kind) and errors (any status
other than the expected one, or a failed connection). `--write-docs` replaces the "HTTP load"
section of docs/benchmarks.md (other sections are kept).

Run: .venv/bin/python bench/load.py [--clients 16] [--seconds 30] [--store DIR] [--write-docs]
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox

import recgraph
from recgraph.graph.rdf.namespaces import PREFIXES, RG
from recgraph.graph.store.queries import saved_queries
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.store.database import build_store, open_store

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
SECTION = "## HTTP load"
START_TIMEOUT = 20.0
#: (kind, share of requests, expected status)
MIX = (("page", 0.40, 200), ("iri", 0.15, 303), ("rdf", 0.15, 200), ("query", 0.30, 200))
#: What the figures mean, written under them in docs/benchmarks.md.
NOTE = """Kinds: `page` an HTML page (`/doc/…`), `iri` the 303 of an IRI (`/id/…`), `rdf` a Turtle
description, `query` one of the 16 saved queries by GET `/sparql` (SPARQL JSON). The server is one
uvicorn process; the 16 client threads run in another process on the same two cores, so the
throughput is bounded by the CPU both share. Pages run in workers of their own, apart from the
query workers (4 each by default): the slowest saved query, `systems` (regular expressions over
every text, about 0.6 s alone), holds query workers for a second under this load and sets the
query p99, but no longer delays the pages (when they shared the query workers, a run at similar
machine load gave 108 requests/s and a page p99 of 0.9 s). Errors: any status other than 200 (303 for `iri`) or a failed connection;
zero expected."""
#: Saved queries that need a value to give rows, and the value.
BINDINGS = {"timeline": 'VALUES ?label { "winning-consent/22" }'}


@dataclass
class Tally:
    """Latencies (seconds) and errors by kind of request, shared by the client threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_query: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, label: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if kind == "query":
                self.by_query[label].append(seconds)
            if error:
                self.errors[kind] += 1
                if len(self.samples) < 5:
                    self.samples.append(error)


def seed_store(folder: Path) -> Path:
    outcome = read_papers([recgraph.data_path() / "papers"])
    location = folder / ".recgraph"
    build_store(outcome.results, location)
    return location


def targets(location: Path) -> dict[str, list[tuple[str, str, dict[str, str]]]]:
    """The requests of each kind: (label, path with query string, headers)."""
    store = open_store(location)
    base = "https://w3id.org/recgraph/id/"

    def local(kind: str) -> list[str]:
        found = store.quads_for_pattern(None, ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(str(kind)), None)
        return sorted({quad.subject.value[len(base):] for quad in found if quad.subject.value.startswith(base)})

    recs = local(RG.Recommendation)
    others = local(RG.Paper) + local(RG.SourceReport) + local(RG.ProgressUpdate)[:40]
    html, turtle, json = {"Accept": "text/html"}, {"Accept": "text/turtle"}, {"Accept": "application/sparql-results+json"}
    queries = {name: saved.text + "\n" + BINDINGS.get(name, "") for name, saved in saved_queries().items()}
    return {
        "page": [(rest, f"/doc/{quote(rest)}", html) for rest in recs + others],
        "iri": [(rest, f"/id/{quote(rest)}", html) for rest in recs],
        "rdf": [(rest, f"/doc/{quote(rest)}", turtle) for rest in recs],
        "query": [(name, f"/sparql?{urlencode({'query': text})}", json) for name, text in queries.items()],
    }


def client(port: int, work: dict, deadline: float, budget: list[int], tally: Tally, seed: int) -> None:
    chooser = random.Random(seed)
    kinds = [kind for kind, _, _ in MIX]
    weights = [share for _, share, _ in MIX]
    expected = {kind: status for kind, _, status in MIX}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < deadline:
        with tally.lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        kind = chooser.choices(kinds, weights)[0]
        label, path, headers = chooser.choice(work[kind])
        started = time.perf_counter()
        error = None
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != expected[kind]:
                error = f"{kind} {path[:80]}: {response.status}"
        except (OSError, http.client.HTTPException) as err:
            error = f"{kind} {path[:80]}: {err!r}"
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        tally.record(kind, label, time.perf_counter() - started, error)
    connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(location: Path, port: int) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("recgraph")), "serve", "--store", str(location), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"recgraph serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"recgraph serve did not listen within {START_TIMEOUT:g} s")


def run(location: Path, clients: int, seconds: float, max_requests: int) -> tuple[Tally, float]:
    work = targets(location)
    port = free_port()
    server = start_server(location, port)
    try:
        tally, budget = Tally(), [max_requests]
        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(port, work, started + seconds, budget, tally, n), daemon=True)
                   for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(seconds + 60)
        return tally, time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def report(tally: Tally, elapsed: float, clients: int) -> str:
    everything = [seconds for values in tally.latencies.values() for seconds in values]
    rows = ["| requests | kind | share | p50 | p99 | errors |", "|---:|---|---:|---:|---:|---:|"]
    for kind, _, _ in MIX:
        values = tally.latencies.get(kind, [])
        rows.append(f"| {len(values):,} | {kind} | {len(values) / max(len(everything), 1):.0%} | "
                    f"{percentile(values, 0.5) * 1000:.1f} ms | {percentile(values, 0.99) * 1000:.1f} ms | "
                    f"{tally.errors.get(kind, 0)} |")
    rows.append(f"| **{len(everything):,}** | **all** | 100% | **{percentile(everything, 0.5) * 1000:.1f} ms** | "
                f"**{percentile(everything, 0.99) * 1000:.1f} ms** | **{sum(tally.errors.values())}** |")
    summary = (f"{clients} clients for {elapsed:.1f} s: **{len(everything) / elapsed:,.0f} requests/s**, "
               f"p50 {percentile(everything, 0.5) * 1000:.1f} ms, p99 {percentile(everything, 0.99) * 1000:.1f} ms, "
               f"{sum(tally.errors.values())} errors.")
    slowest = sorted(tally.by_query.items(), key=lambda item: -percentile(item[1], 0.5))[:3]
    queries = ", ".join(f"{name} {percentile(values, 0.5) * 1000:.0f} ms" for name, values in slowest)
    return f"{summary}\n\n" + "\n".join(rows) + f"\n\nSlowest saved queries (p50 under this load): {queries}."


def write_docs(text: str) -> None:
    """Replace (or add) the HTTP load section of docs/benchmarks.md, keeping every other section."""
    existing = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    before, found, after = existing.partition(SECTION)
    rest = ""
    if found:
        following = after.find("\n## ")
        rest = after[following:] if following >= 0 else ""
    section = f"{SECTION}\n\n{text.strip()}\n"
    DOCS.write_text(f"{before.rstrip()}\n\n{section}{rest}" if found else f"{existing.rstrip()}\n\n{section}",
                    encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="Stop after this many requests in all.")
    parser.add_argument("--store", type=Path, help="Serve this store (default: the seed papers, built afresh).")
    parser.add_argument("--write-docs", action="store_true", help="Write the figures to docs/benchmarks.md.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        location = options.store or seed_store(Path(folder))
        tally, elapsed = run(location, options.clients, options.seconds, options.max_requests)
    text = report(tally, elapsed, options.clients)
    print(text)
    for sample in tally.samples:
        print("error:", sample)
    if options.write_docs:
        machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
        write_docs(f"`bench/load.py` (seed store; server and clients on 127.0.0.1, {machine} after the run; the "
                   f"machine is shared with other jobs, so figures vary by about a third between runs).\n\n{text}\n\n{NOTE}")


if __name__ == "__main__":
    main()
