"""How fast records become a stored graph, compared with a raw pyoxigraph bulk load of the same quads.

Makes N synthetic recommendations (default 100,000) spread over papers of 1,000, each with a
progress update, then times: records -> N-Quads text; ``build_store`` (ontology + papers, no
validation); a raw ``Store.bulk_load`` of the very same N-Quads into an empty store; a Turtle
export of the union graph; and one aggregate query. The target (issue 3): the store load within
2x of the raw bulk load.

Run: .venv/bin/python bench/store_load.py [N]
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from recgraph.graph.store.export import ExportFormat, export_store
from recgraph.graph.rdf.iri import Minter
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation, SourceReport
from recgraph.graph.store.queries import run_query
from recgraph.graph.rdf.writer import write_nquads
from recgraph.graph.store.database import build_store, open_store

WORDS = "appraisal backlog recruitment retention personnel data postings panel mentoring scheme civilianisation".split()


def synthetic_papers(count: int, per_paper: int = 1000) -> list[ReadResult]:
    papers = []
    for first in range(0, count, per_paper):
        name = f"paper_{first // per_paper:05d}.txt"
        key = f"report-{first // per_paper:05d}"
        recs, updates = [], []
        for n in range(first, min(first + per_paper, count)):
            line = 3 * (n - first) + 1
            text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(40))
            recs.append(Recommendation(key, str(n), f"The MPS should {text}.", Provenance(name, line, line + 1, text), para_ref="4.2"))
            updates.append(ProgressUpdate(key, str(n), name, Provenance(name, line + 2, line + 2, text), "2002-09",
                                          f"Progress: {text}.", "Action complete", owner="HR Department"))
        report = SourceReport(key, f"Report {key}", "HMIC", "2001", "inspection")
        papers.append(ReadResult(Paper(name, "table", f"Paper {name}", date="2002-09", source_reports=(report,)), recs, updates))
    return papers


def timed(label: str, action):
    started = time.perf_counter()
    value = action()
    print(f"{label:<42} {time.perf_counter() - started:7.2f} s")
    return value


def main(count: int) -> None:
    papers = timed(f"make {count:,} synthetic recommendations", lambda: synthetic_papers(count))
    mint = Minter()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        quads_file = folder / "papers.nq"
        with quads_file.open("w", encoding="utf-8") as out:
            lines = sum(timed("records -> N-Quads text", lambda: write_nquads(papers, mint, out)))
        print(f"{'':<42} {lines:,} quads")
        timed("raw pyoxigraph bulk_load of those N-Quads", lambda: ox.Store(str(folder / "raw")).bulk_load(
            path=str(quads_file), format=ox.RdfFormat.N_QUADS))
        summary = timed("build_store (records -> stored graph)", lambda: build_store(papers, folder / "store", mint=mint))
        print(f"{'':<42} {summary.quads:,} quads in the store")
        store = open_store(folder / "store")
        timed("export Turtle (union of graphs)", lambda: export_store(store, io.BytesIO(), ExportFormat.TURTLE))
        query = "SELECT ?key (COUNT(?r) AS ?n) WHERE { ?r rg:sourceReport/rg:key ?key } GROUP BY ?key"
        timed("query: recommendations per report", lambda: list(run_query(store, query)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
