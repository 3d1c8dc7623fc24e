"""How long every analysis takes on a synthetic graph of N recommendations (default 10,000 and 100,000).

The graph is written directly as N-Quads (no reading, no enrichment), shaped like a built one:
source reports of 100 recommendations over 2000-2015, one or two progress updates each (status,
owner, date, text, a text span), lettered parts, 1-4 themes out of 40 (skewed), system mentions
and dependencies on 15 systems, pointers and dependencies between recommendations (a few
cycles), programmes, and repeat links from a fifth of the recommendations to earlier ones, each
link with its resource (score, evidence) as the enrichment writes it. It is bulk-loaded into a
store folder laid out as `recgraph build` lays one out, then each analysis is timed from a fresh
Projection that keeps no tables (so each pays for its own SPARQL projection, as the first analysis
of a build does), `stats` (all of them on one projection) with the build's cache empty (so it
also writes the tables), and each analysis again reading the tables that cache kept.

Run: .venv/bin/python bench/analyses.py [N ...] [--endpoint] [--store DIR]
(--endpoint also times a few analyses through a SPARQL endpoint served in the background;
--store times a store folder already built instead, e.g. a copy of a real build: its build's
cache of tables, builds/<id>/analyses, is removed first and written by the run.)
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from recgraph.graph import analyses
from recgraph.graph.rdf.namespaces import PREFIXES

RG = PREFIXES["rg"]
BASE = "https://w3id.org/recgraph/id/"
GRAPH = f"<{BASE}graph/synthetic>"
STATUSES = [("complete", True), ("substantially", False), ("partial", False), ("in-progress", False),
            ("not-started", False), ("awaiting-external", False), ("superseded", True)]
WORDS = ("appraisal backlog recruitment retention personnel data postings panel mentoring scheme "
         "civilianisation training grievance promotion leadership diversity performance").split()


def iri(path: str) -> str:
    return f"<{BASE}{path}>"


def lit(text: str, datatype: str | None = None) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"^^<{PREFIXES["xsd"]}{datatype}>' if datatype else f'"{text}"'


def synthetic_nquads(count: int, out, seed: int = 5) -> int:
    """Write the N-Quads of ``count`` synthetic recommendations to ``out``; return the quads written."""
    rng = random.Random(seed)
    written = 0

    def q(s: str, p: str, o: str) -> None:
        nonlocal written
        out.write(f"{s} {p} {o} {GRAPH} .\n")
        written += 1

    a, label, pref = f"<{PREFIXES['rdf']}type>", f"<{PREFIXES['rdfs']}label>", f"<{PREFIXES['skos']}prefLabel>"
    rg = lambda name: f"<{RG}{name}>"  # noqa: E731
    for name, closed in STATUSES:
        q(f"<https://w3id.org/recgraph/status/{name}>", a, rg("Status"))
        q(f"<https://w3id.org/recgraph/status/{name}>", pref, lit(name))
        q(f"<https://w3id.org/recgraph/status/{name}>", rg("closed"), lit(str(closed).lower(), "boolean"))
    themes = [f"<https://w3id.org/recgraph/theme/t{n}>" for n in range(40)]
    systems = [f"<https://w3id.org/recgraph/system/s{n}>" for n in range(15)]
    owners = [iri(f"owner/o{n}") for n in range(60)]
    for group, kind in ((themes, "Theme"), (systems, "System"), (owners, "Owner")):
        for n, node in enumerate(group):
            q(node, a, rg(kind))
            q(node, pref, lit(f"{kind.lower()} {n}"))
    programmes = [iri(f"programme/p{n}") for n in range(20)]
    for n, node in enumerate(programmes):
        q(node, a, rg("Programme"))
        q(node, label, lit(f"Programme {n}"))
    reports = (count + 99) // 100
    recs: list[tuple[str, int, int]] = []  # (iri, report, year)
    for r in range(reports):
        year = 2000 + r * 16 // max(reports, 1)
        report, paper, later_paper = iri(f"report/rep-{r}"), iri(f"paper/pa-{r}"), iri(f"paper/pb-{r}")
        q(report, a, rg("SourceReport"))
        q(report, rg("key"), lit(f"rep-{r}"))
        q(report, rg("year"), lit(f"{year}/{(year + 1) % 100:02d}"))
        q(report, f"<{PREFIXES['dcterms']}title>", lit(f"Inspection report {r}"))
        for p, when in ((paper, f"{year + 1}-09"), (later_paper, f"{year + 2}-03")):
            q(p, a, rg("Paper"))
            q(p, rg("file"), lit(f"{p[-8:-1]}.txt"))
            q(p, f"<{PREFIXES['dcterms']}date>", lit(when))
        for n in range(min(100, count - r * 100)):
            rec = iri(f"report/rep-{r}/rec/{n}")
            text = " ".join(rng.choice(WORDS) for _ in range(30))
            q(rec, a, rg("Recommendation"))
            q(rec, label, lit(f"rep-{r}/{n}"))
            q(rec, rg("number"), lit(str(n)))
            q(rec, rg("sourceReport"), report)
            q(rec, rg("text"), lit(f"The MPS should {text}."))
            q(rec, rg("listedIn"), paper)
            span = iri(f"span/pa-{r}/{3 * n + 1}-{3 * n + 2}")
            q(rec, f"<{PREFIXES['prov']}wasDerivedFrom>", span)
            q(span, rg("file"), lit(f"pa-{r}.txt"))
            q(span, rg("firstLine"), lit(str(3 * n + 1), "integer"))
            q(span, rg("lastLine"), lit(str(3 * n + 2), "integer"))
            q(span, rg("verbatim"), lit(f"{n}\tThe MPS should {text}."))
            if n % 10 and rng.random() < 0.1:
                q(rec, rg("partOf"), iri(f"report/rep-{r}/rec/{n - 1}"))
            status = rng.choice(STATUSES)[0]
            owner = rng.choice(owners)
            for p, when in ((paper, f"{year + 1}-09"), (later_paper, f"{year + 2}-03"))[: 1 + (rng.random() < 0.3)]:
                update = iri(f"update/{p[-8:-1]}/rep-{r}/{n}")
                q(update, a, rg("ProgressUpdate"))
                q(update, rg("reportsOn"), rec)
                q(update, rg("inPaper"), p)
                q(update, f"<{PREFIXES['dcterms']}date>", lit(when))
                q(update, rg("progress"), lit(" ".join(rng.choice(WORDS) for _ in range(25))))
                q(update, rg("status"), f"<https://w3id.org/recgraph/status/{status}>")
                if rng.random() < 0.8:
                    q(update, rg("owner"), owner)
                q(update, rg("ownerText"), lit("Owner as printed"))
                if rng.random() < 0.5:  # the status changes in the later paper half of the time
                    status = rng.choice(STATUSES)[0]
            for theme in {themes[min(int(rng.paretovariate(1.2)) - 1, 39)] for _ in range(rng.randint(1, 4))}:
                q(rec, rg("theme"), theme)
                link = iri(f"link/theme-tag/rep-{r}/{n}/{theme[-4:-1]}")
                q(link, a, rg("ThemeTag"))
                q(link, rg("source"), rec)
                q(link, rg("target"), theme)
                q(link, rg("evidence"), lit("text: 'appraisal'"))
            if rng.random() < 0.1:
                system = rng.choice(systems)
                q(rec, rg("mentionsSystem"), system)
                if rng.random() < 0.5:
                    q(rec, rg("dependsOn"), system)
                    link = iri(f"link/dependency/rep-{r}/{n}/1")
                    q(link, a, rg("Dependency"))
                    q(link, rg("source"), rec)
                    q(link, rg("target"), system)
                    q(link, rg("phrase"), lit("awaits the new system"))
            if n and rng.random() < 0.05:  # a pointer to another recommendation of the same report
                other = iri(f"report/rep-{r}/rec/{rng.randrange(100 if r * 100 + 100 <= count else n)}")
                q(rec, rg("refersTo" if rng.random() < 0.5 else "dependsOn"), other)
            if rng.random() < 0.01:
                q(rec, rg("subsumedInto"), rng.choice(programmes))
            if recs and rng.random() < 0.2:  # repeats of earlier recommendations of other reports
                for _ in range(rng.randint(1, 2)):
                    earlier, other_report, _ = recs[rng.randrange(len(recs))]
                    if other_report == r:
                        continue
                    q(rec, rg("reiterates"), earlier)
                    link = iri(f"link/repeat/rep-{r}/{n}/{earlier[len(BASE) + 8:-1].replace('/', '-')}")
                    q(link, a, rg("Repeat"))
                    q(link, rg("source"), rec)
                    q(link, rg("target"), earlier)
                    q(link, rg("score"), lit(f"{rng.uniform(0.21, 0.6):.4f}", "decimal"))
                    q(link, rg("evidence"), lit("score = 0.7*words + 0.2*themes + 0.1*systems; shared terms: appraisal"))
                    q(link, rg("recurringDespiteClosure"), lit("false", "boolean"))
            recs.append((rec, r, year))
    return written


def timed(label: str, action, results: list) -> object:
    """Run ``action``; print and keep its wall-clock and CPU seconds (the CPU time of this process,
    which the other jobs of a shared machine disturb less than the wall-clock time)."""
    started, cpu = time.perf_counter(), time.process_time()
    value = action()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    results.append((label, seconds, cpu))
    print(f"  {label:<52} {seconds:8.2f} s wall {cpu:8.2f} s CPU", flush=True)
    return value


def run_analyses(source, middle: str, keep: bool = False, results: list | None = None) -> list[tuple[str, float, float]]:
    """Time each analysis on its own fresh projection (``keep``: one that reads and writes the
    build's cache of tables), then all of them on one shared projection."""
    results = [] if results is None else results
    fresh = lambda: analyses.Projection(source, keep=keep)  # noqa: E731
    timed("repeat chains (+ summary)", lambda: analyses.chain_summary(analyses.repeat_chains(fresh())), results)
    timed("theme network (co-occurrence, centrality, Louvain)", lambda: analyses.theme_network(fresh()), results)
    timed("recommendation communities", lambda: analyses.recommendation_communities(fresh()), results)
    timed("owner load", lambda: analyses.owner_load(fresh()), results)
    timed("system hubs", lambda: analyses.system_hubs(fresh()), results)
    graph = timed("dependency graph", lambda: analyses.dependency_graph(fresh()), results)
    timed("  dependency chains", lambda: analyses.dependency_chains(graph), results)
    timed("  dependency cycles", lambda: analyses.dependency_cycles(graph), results)
    timed("  dependency order", lambda: analyses.dependency_order(graph), results)
    timed(f"trace of one recommendation ({middle})", lambda: analyses.trace(source, middle), results)
    timed("recommendation graph (for the views)", lambda: analyses.recommendation_graph(fresh()), results)
    timed("stats (all of the above on one projection)", lambda: analyses.graph_stats(fresh()), results)
    return results


def run_all(location: Path, middle: str) -> None:
    """The analyses of a store folder: without the cache, then filling it, then reading it."""
    from recgraph.graph.analyses.cache import FOLDER
    from recgraph.graph.store.database import current_build

    shutil.rmtree(current_build(location) / FOLDER, ignore_errors=True)
    print("  each analysis on its own, no tables kept (the first analysis of a build):")
    run_analyses(location, middle)
    print("  stats with the build's cache empty (it writes the tables):")
    timed("stats, writing the cache", lambda: analyses.graph_stats(analyses.Projection(location)), [])
    print("  each analysis again, reading the tables the cache kept:")
    run_analyses(location, middle, keep=True)


def store_folder(folder: Path, count: int) -> Path:
    """A store folder of ``count`` synthetic recommendations, laid out as `recgraph build` does."""
    build = folder / "store" / "builds" / "synthetic"
    build.mkdir(parents=True)
    path = folder / "synthetic.nq"
    started = time.perf_counter()
    with path.open("w", encoding="utf-8") as out:
        quads = synthetic_nquads(count, out)
    store = ox.Store(str(build / "oxigraph"))
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    del store  # closed: the analyses open it read-only, as they open a build
    path.unlink()
    (build / "manifest.json").write_text(f'{{"quads": {quads}}}', encoding="utf-8")
    (folder / "store" / "CURRENT").write_text("synthetic\n", encoding="utf-8")
    print(f"{count:,} recommendations: {quads:,} quads written and loaded in "
          f"{time.perf_counter() - started:.1f} s", flush=True)
    return folder / "store"


def main(counts: list[int], endpoint: bool, location: Path | None) -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if location is not None:
        labels = analyses.Projection(location, keep=False).labels()["label"].sort_values()
        run_all(location, labels.iloc[len(labels) // 2])
    for count in counts if location is None else []:
        with tempfile.TemporaryDirectory() as folder:
            store = store_folder(Path(folder), count)
            middle = f"rep-{count // 200}/{50}"
            run_all(store, middle)
            if endpoint:
                from recgraph.graph.server import ServerConfig, create_app
                from recgraph.graph.server.background import serve_in_background
                from recgraph.graph.store.database import current_build

                config = ServerConfig(timeout=300, max_result_bytes=2**31)
                with serve_in_background(create_app(current_build(store) / "oxigraph", config)) as url:
                    print(f"  through the SPARQL endpoint {url}/sparql:")
                    results: list = []
                    timed("repeat chains", lambda: analyses.repeat_chains(f"{url}/sparql"), results)
                    timed("system hubs", lambda: analyses.system_hubs(f"{url}/sparql"), results)
                    timed("trace of one recommendation", lambda: analyses.trace(f"{url}/sparql", middle), results)
                    timed("stats", lambda: analyses.graph_stats(f"{url}/sparql"), results)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="bench/analyses.py", description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, help="recommendations (default: 10000 100000)")
    parser.add_argument("--endpoint", action="store_true", help="also time analyses through a SPARQL endpoint")
    parser.add_argument("--store", type=Path, help="time this store folder (a copy: its cache is rewritten)")
    args = parser.parse_args()
    main(args.sizes or [10_000, 100_000], args.endpoint, args.store)
