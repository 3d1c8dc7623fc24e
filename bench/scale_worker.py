"""The parts of `bench/run` that run in child processes: ``scale_worker.py ROLE CONFIG-JSON``.

Roles (each prints ``@@ {json}`` event lines, read by :mod:`scale_watch`):

``pipeline``  generate the corpus; read; enrich and link; RDF build and store load (one
              ``build_store`` call, as ``recgraph build`` makes it, split at its "load" progress
              mark); score the planted repeats; then, for the baselines, dump the store to
              N-Quads and bulk-load that file raw into an empty pyoxigraph store.
``validate``  the SHACL validation of the built store (``validate_store``, as ``recgraph validate``).
``graph``     the analyses on one shared projection (as ``recgraph stats``), then the views (as
              ``recgraph view``: their own projection, built and written).
``queries``   each saved query run in-process (``run_query``, every term of every row fetched) and
              over HTTP (``create_app`` served by uvicorn on 127.0.0.1 as ``recgraph serve`` does,
              SPARQL JSON, the body read, one kept-alive connection per query).
``rdflib``    the baseline: the dumped quads parsed into an rdflib ``Dataset`` (default graph =
              union) answering the same query texts.

Stages report their wall time and their own peak resident memory: the kernel's high-water mark
(VmHWM) is reset before each stage through /proc/self/clear_refs (Linux; elsewhere the figure
is the process's peak so far, which can only over-state a stage).

Length: over the ~400-line aim on purpose: each role runs as ``python scale_worker.py ROLE``
in a fresh child process, and keeping the roles with the shared timing helpers in one script
means a child imports nothing of bench/ but this file.
"""

from __future__ import annotations

import gc
import http.client
import json
import re
import resource
import signal
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

EVENT = "@@ "
#: Queries that need a value to answer something small: the VALUES clause added to their text.
BINDINGS = {"timeline": "label"}
VIEWS = ("themes", "repeats", "dependencies", "owners")


def emit(event: str, **fields) -> None:
    print(EVENT + json.dumps({"event": event, **fields}, default=str), flush=True)


# --- memory ---------------------------------------------------------------------------------------


def reset_peak() -> None:
    """Start a new high-water mark of resident memory (Linux >= 4.0; a no-op elsewhere)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass


def peak_mib() -> float:
    """Peak resident memory (MiB) since the last :func:`reset_peak`, else of the whole process."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            found = re.search(r"^VmHWM:\s+(\d+)", status.read(), re.MULTILINE)
        if found:
            return int(found.group(1)) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def stage(name: str, budget: float) -> Iterator[dict]:
    """Time a stage and take its peak memory; the caller adds details to the yielded dict."""
    emit("begin", stage=name, budget=budget)
    gc.collect()
    reset_peak()
    started = time.perf_counter()
    details: dict = {}
    yield details
    emit("stage", stage=name, seconds=time.perf_counter() - started, peak_mib=peak_mib(), **details)


@contextmanager
def calls_timed(module, name: str) -> Iterator[list[float]]:
    """Record the duration of every call to ``module.name`` made while the block runs.

    ``link`` does not report its parts; timing its repeat finder where ``link`` calls it measures
    repeat detection inside the real run instead of running it a second time.
    """
    original = getattr(module, name, None)
    seconds: list[float] = []
    if original is None:
        yield seconds
        return

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - started)

    setattr(module, name, timed)
    try:
        yield seconds
    finally:
        setattr(module, name, original)


# --- pipeline -------------------------------------------------------------------------------------


def pipeline(config: dict) -> None:
    import pyoxigraph as ox

    from recgraph.graph import linking
    from recgraph.graph.enrich import enrich
    from recgraph.graph.rdf.enrichment import enrichment_lines
    from recgraph.graph.rdf.iri import Minter
    from recgraph.graph.reading.papers import read_papers
    from recgraph.graph.store.database import build_store, open_store
    from recgraph.graph.synthetic import generate_corpus

    root, budget = Path(config["folder"]), config["stage_timeout"]
    with stage("generate", budget) as info:
        corpus = generate_corpus(root / "corpus", config["size"], config["seed"])
        info.update(papers=corpus.papers, recommendations=corpus.recommendations,
                    repeat_groups=corpus.repeat_groups, layouts=corpus.layouts)
    with stage("read", budget) as info:
        outcome = read_papers([corpus.papers_dir])
        results = outcome.results
        info.update(papers=len(results), errors=len(outcome.errors),
                    recommendations=sum(len(r.recommendations) for r in results),
                    updates=sum(len(r.updates) for r in results),
                    leftovers=sum(len(r.leftovers) for r in results))
    with stage("enrich and link", budget) as info:
        started = time.perf_counter()
        enrichment = enrich(results)
        info["enrich_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        with calls_timed(linking, "find_repeats") as repeat_seconds:
            links = linking.link(results, enrichment)
        info.update(link_seconds=time.perf_counter() - started, repeats=len(links.repeats),
                    dependencies=len(links.dependencies), repeat_seconds=sum(repeat_seconds) if repeat_seconds else None)
    if not repeat_seconds:  # link() no longer calls find_repeats by that name: time it apart
        with stage("repeat detection (again, alone)", budget) as info:
            from recgraph.graph.linking.repeats import find_repeats

            info["repeats"] = len(find_repeats(results, enrichment))
    emit("repeats", **planted_scores(links.repeats, corpus.truth))

    mint = Minter()
    location = root / "store"
    marks: dict[str, float] = {}

    def progress(step: str, done: int, total: int) -> None:
        if step == "load" and done == 0:  # the N-Quads are written; the bulk load starts
            marks["load"], marks["rdf_peak"] = time.perf_counter(), peak_mib()
            reset_peak()
        if step == "optimize" and done == 0:  # loaded; the compaction starts
            marks["optimize"] = time.perf_counter()

    emit("begin", stage="RDF build and store load", budget=budget)
    gc.collect()
    reset_peak()
    started = time.perf_counter()
    # What rdf.enrichment_nquads does, on the enrichment and links made above (not made twice):
    # the lines are streamed to the build's N-Quads file, counted on the way.
    written = [0]

    def counted(lines):
        for line in lines:
            written[0] += 1
            yield line

    extra = counted(enrichment_lines(enrichment, links, mint.enrichment_graph("links"), mint))
    summary = build_store(results, location, mint=mint, extra_nquads=extra, progress=progress)
    ended = time.perf_counter()
    emit("stage", stage="RDF build", seconds=marks["load"] - started, peak_mib=marks["rdf_peak"],
         enrichment_quads=written[0])
    emit("stage", stage="store load", seconds=ended - marks["load"], peak_mib=peak_mib(), quads=summary.quads,
         optimize_seconds=ended - marks.get("optimize", ended))
    del extra, results, enrichment, links, outcome

    store = open_store(location)
    emit("sample", label=sample_label(store), store=str(location))
    dump = root / "graph.nq"
    with stage("dump to N-Quads (baseline input)", budget):
        store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    del store
    with stage("raw bulk load (baseline)", budget):
        raw = ox.Store(str(root / "raw"))
        raw.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        raw.flush()
    emit("baseline", dump=str(dump), quads=len(raw))


def planted_scores(repeats, truth_path: Path) -> dict:
    """Precision and recall of the repeat links against the planted groups of truth.json.

    The synthetic truth is complete (every pair raising one issue is planted), so the strict
    precision (over every predicted pair) is the one the target is about; the precision over
    pairs whose both ends are planted members is given too, as the seed evaluation reports it.
    """
    from recgraph.graph.linking.evaluation import score_pairs

    truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    groups = [[(report, number) for _paper, report, number in group] for group in truth["repeat_groups"]]
    scores = score_pairs({frozenset((r.source, r.target)) for r in repeats}, groups)
    return {"predicted": scores.predicted, "judged": scores.judged, "true_positives": scores.true_positives,
            "planted": scores.reference, "precision": scores.strict_precision,
            "judged_precision": scores.precision, "recall": scores.recall}


def sample_label(store) -> str | None:
    """The label of a recommendation with progress, to bind the one-recommendation queries to."""
    from recgraph.graph.store.queries import run_query

    rows = list(run_query(store, "SELECT ?label WHERE { ?u rg:reportsOn ?r . ?r rdfs:label ?label } "
                                 "ORDER BY ?label LIMIT 1"))
    return rows[0]["label"].value if rows else None


# --- validation, analyses, views ------------------------------------------------------------------


def validate(config: dict) -> None:
    from recgraph.graph.store.database import open_store
    from recgraph.graph.store.validation import validate_store

    store = open_store(config["store"])
    with stage("validate", config["stage_timeout"]) as info:
        report = validate_store(store)
        info.update(conforms=report.conforms, violations=len(report.violations))


def graph(config: dict) -> None:
    from recgraph.graph.store.database import open_store

    store = open_store(config["store"])
    with stage("analyses", config["stage_timeout"]) as info:
        info["parts"] = run_analyses(store)
    if config.get("skip_views"):
        return
    from recgraph.visualisations.collection import build_views
    from recgraph.visualisations.page import write_views

    with stage("views", config["stage_timeout"]) as info:
        started = time.perf_counter()
        views = build_views(store, VIEWS)
        info["build_seconds"] = time.perf_counter() - started
        write_views(views, Path(config["folder"]) / "views")
        info["nodes"] = {view.name: view.node_count for view in views}


def run_analyses(store) -> dict[str, float | str]:
    """Each analysis on one shared projection (its first user pays for a table): seconds each."""
    try:
        from recgraph.graph import analyses
    except ImportError as err:
        return {"analyses": f"not importable: {err}"}
    projection = analyses.Projection(store)
    steps: dict[str, Callable[[], object]] = {
        "repeat chains": lambda: analyses.chain_summary(analyses.repeat_chains(projection)),
        "theme network": lambda: analyses.theme_network(projection),
        "owner load": lambda: analyses.owner_load(projection),
        "system hubs": lambda: analyses.system_hubs(projection),
        "dependency graph": lambda: analyses.dependency_graph(projection),
    }
    parts: dict[str, float | str] = {}
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        parts[name] = time.perf_counter() - started
    return parts


# --- saved queries --------------------------------------------------------------------------------


def query_texts(label: str | None) -> dict[str, str]:
    """The text of every saved query; those needing a value get a VALUES clause binding it."""
    from recgraph.graph.store.queries import saved_queries

    texts = {}
    for name, saved in saved_queries().items():
        text = saved.text
        if name in BINDINGS and label is not None:
            # First in the WHERE block, where Oxigraph starts from it (0.8 ms at 10k); a VALUES
            # after the query, or run_query's bindings (recgraph query --bind), are joined after
            # the whole timeline is made (about 120 ms at 10k).
            values = f"VALUES ?{BINDINGS[name]} {{ {json.dumps(label)} }}"
            text = re.sub(r"\bWHERE\s*\{", lambda found: f"{found.group(0)}\n  {values}", text, count=1)
        texts[name] = text
    return texts


def repeat_runs(action: Callable[[], object], runs: int, spend: float,
                before: Callable[[int], None] = lambda run: None) -> tuple[list[float], object]:
    """Up to ``runs`` timed runs, fewer once ``spend`` seconds are used (at least one).

    ``before`` is called with the run's index before each run (to tell the watcher a run starts).
    """
    times, value = [], None
    while len(times) < runs and (not times or sum(times) < spend):
        before(len(times))
        started = time.perf_counter()
        value = action()
        times.append(time.perf_counter() - started)
    return times, value


def queries(config: dict) -> None:
    from recgraph.errors import QueryError
    from recgraph.graph.store.queries import run_query
    from recgraph.graph.server import ServerConfig, create_app
    from recgraph.graph.store.database import open_store

    store = open_store(config["store"])
    texts = query_texts(config["label"])
    cap, runs, spend = config["query_timeout"], config["runs"], config["spend"]

    def in_process(text: str) -> int:
        rows = 0
        for solution in run_query(store, text):
            for _term in solution:  # every term fetched, as a caller using the answer would
                pass
            rows += 1
        return rows

    # The watcher kills a run past the cap; the server must not abandon the query first.
    server_config = ServerConfig(timeout=cap * 10, max_result_bytes=2**31 - 1)
    with serve_like_recgraph_serve(create_app(store, server_config)) as port:
        for name in config["queries"]:
            text = texts[name]
            try:
                times, rows = repeat_runs(lambda: in_process(text), runs, spend, announce(name, "in-process", cap))
            except QueryError as err:
                emit("query", query=name, mode="in-process", error=str(err))
                continue
            emit("query", query=name, mode="in-process", runs=times, median=statistics.median(times), rows=rows)
            # A connection per query, kept alive across its runs: the server closes connections
            # idle for 5 s, as the in-process runs may have left this one.
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=cap * 10)
            try:
                times, (status, size) = repeat_runs(lambda: over_http(connection, text), runs, spend,
                                                    announce(name, "HTTP", cap))
            except (OSError, http.client.HTTPException) as err:
                emit("query", query=name, mode="HTTP", error=f"{type(err).__name__}: {err}")
                continue
            finally:
                connection.close()
            if status != 200:
                emit("query", query=name, mode="HTTP", error=f"HTTP status {status}")
                continue
            emit("query", query=name, mode="HTTP", runs=times, median=statistics.median(times), status=status, bytes=size)


def over_http(connection: http.client.HTTPConnection, text: str) -> tuple[int, int]:
    connection.request("GET", f"/sparql?{urlencode({'query': text})}",
                       headers={"Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    return response.status, len(response.read())


@contextmanager
def serve_like_recgraph_serve(app, start_timeout: float = 20.0) -> Iterator[int]:
    """Serve ``app`` on 127.0.0.1 as ``recgraph serve`` does (uvicorn binding the port); yield the port.

    Not ``serve_in_background``: it hands uvicorn a socket it bound itself, and the connections
    accepted on such a socket keep Nagle's algorithm on (TCP_NODELAY is 0), so every request on a
    kept-alive connection after the first waits ~40 ms for the client's delayed ACK. Connections
    of ``recgraph serve`` (uvicorn.run with host and port) have TCP_NODELAY set and do not.
    """
    import threading

    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True, name="bench-uvicorn")
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the server did not start within {start_timeout:g} s")
        time.sleep(0.02)
    try:
        yield server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(10)


def announce(name: str, mode: str, budget: float) -> Callable[[int], None]:
    """Tell the watcher, before each run, that a run of ``name`` may take ``budget`` seconds."""
    return lambda run: emit("begin", query=name, mode=mode, run=run, budget=budget)


# --- rdflib baseline ------------------------------------------------------------------------------


class Overtime(BaseException):
    """Raised by the alarm inside rdflib (a BaseException, so rdflib's handlers do not swallow it)."""


def _alarm(signum, frame):
    raise Overtime()


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def rdflib_baseline(config: dict) -> None:
    import rdflib

    signal.signal(signal.SIGALRM, _alarm)
    load_cap, cap = config["load_timeout"], config["query_timeout"]
    emit("begin", stage="rdflib load", budget=load_cap + 60)
    reset_peak()
    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    try:
        with alarm(load_cap):
            dataset.parse(config["dump"], format="nquads")
    except Overtime:
        emit("rdflib-load", over=load_cap)
        return
    emit("rdflib-load", seconds=time.perf_counter() - started, peak_mib=peak_mib(), triples=len(dataset))
    texts = query_texts(config["label"])

    def answer(text: str) -> int:
        with alarm(cap):
            return sum(1 for row in dataset.query(text) for _term in row)

    for name in config["queries"]:
        try:
            times, _ = repeat_runs(lambda: answer(texts[name]), config["runs"], config["spend"],
                                   announce(name, "rdflib", cap + 60))
        except Overtime:
            emit("query", query=name, mode="rdflib", over=cap)
            continue
        except Exception as err:  # rdflib's own failures (e.g. an unbound GROUP_CONCAT) are results here
            emit("query", query=name, mode="rdflib", error=f"{type(err).__name__}: {err}"[:200])
            continue
        emit("query", query=name, mode="rdflib", runs=times, median=statistics.median(times))


ROLES = {"pipeline": pipeline, "validate": validate, "graph": graph, "queries": queries, "rdflib": rdflib_baseline}

if __name__ == "__main__":
    ROLES[sys.argv[1]](json.loads(sys.argv[2]))
