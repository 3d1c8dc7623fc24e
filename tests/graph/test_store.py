"""The on-disk store: named graphs per paper, repeatable builds, partial updates, atomic swaps."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from recgraph.errors import StoreError
from recgraph.graph.store.export import ExportFormat, export_store
from recgraph.graph.rdf.iri import Minter
from recgraph.graph.rdf.writer import enrichment_nquads
from recgraph.graph.store.database import (
    build_store,
    current_build,
    ontology_dir,
    open_store,
    read_manifest,
    store_location,
    update_store,
)
from recgraph.graph.store.validation import union_graph

BASE = "https://w3id.org/recgraph/id/"
ONTOLOGY_GRAPHS = {f"{BASE}graph/ontology/{name}" for name in ("recgraph", "themes", "statuses", "systems", "owners", "equivalents", "groups")}


@pytest.fixture(autouse=True)
def default_base(monkeypatch):
    monkeypatch.delenv("RECGRAPH_BASE", raising=False)


def quads(location: Path) -> set[ox.Quad]:
    return set(open_store(location))


def graph_quads(location: Path, graph: str) -> set[ox.Quad]:
    return set(open_store(location).quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def builds(location: Path) -> list[str]:
    return sorted(p.name for p in (location / "builds").iterdir())


def test_each_paper_gets_its_named_graph_and_each_ontology_file_its_own(tmp_path, results):
    summary = build_store(results, tmp_path / "store")
    names = {g.value for g in open_store(tmp_path / "store").named_graphs()}
    assert names == ONTOLOGY_GRAPHS | {f"{BASE}graph/a-paper", f"{BASE}graph/b-paper"}
    assert summary.live and summary.quads == len(open_store(tmp_path / "store"))
    assert [p.file for p in summary.papers] == ["a_paper.txt", "b-paper.txt"]
    assert read_manifest(tmp_path / "store")["papers"][0]["recommendations"] == 5


def test_building_twice_gives_the_same_quads(tmp_path, results):
    build_store(results, tmp_path / "one")
    build_store(results, tmp_path / "two")
    build_store(results, tmp_path / "one")  # and again in place
    assert quads(tmp_path / "one") == quads(tmp_path / "two")


def test_re_reading_a_paper_replaces_exactly_its_graph(tmp_path, paper_a, paper_b):
    build_store([paper_a, paper_b], tmp_path / "store")
    before_a = graph_quads(tmp_path / "store", f"{BASE}graph/a-paper")
    changed = replace(paper_b, recommendations=[replace(paper_b.recommendations[0], text="To civilianise more posts.")], updates=[])
    update_store([changed], tmp_path / "store")
    # an update rebuilds the enrichment and links too: it equals a full build with them
    build_store([paper_a, changed], tmp_path / "fresh", extra_nquads=enrichment_nquads([paper_a, changed], Minter()))
    assert graph_quads(tmp_path / "store", f"{BASE}graph/a-paper") == before_a
    assert graph_quads(tmp_path / "store", f"{BASE}graph/b-paper") == graph_quads(tmp_path / "fresh", f"{BASE}graph/b-paper")
    assert quads(tmp_path / "store") == quads(tmp_path / "fresh")
    assert [p["file"] for p in read_manifest(tmp_path / "store")["papers"]] == ["a_paper.txt", "b-paper.txt"]


def test_an_update_needs_a_store_built_with_the_same_base(tmp_path, paper_a):
    with pytest.raises(StoreError, match="run `recgraph build` first"):
        update_store([paper_a], tmp_path / "none")
    build_store([paper_a], tmp_path / "store")
    with pytest.raises(StoreError, match="built with base"):
        update_store([paper_a], tmp_path / "store", mint=Minter("http://example.org/"))


def test_a_store_that_does_not_exist_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match=r"no recgraph store at .*: run `recgraph build` first"):
        open_store(tmp_path / "nowhere")


def test_the_store_folder_comes_from_the_option_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RECGRAPH_STORE", str(tmp_path / "env"))
    assert store_location() == tmp_path / "env"
    assert store_location(tmp_path / "opt") == tmp_path / "opt"
    monkeypatch.delenv("RECGRAPH_STORE")
    monkeypatch.chdir(tmp_path)
    assert store_location() == tmp_path / ".recgraph"


def test_a_failed_build_leaves_the_previous_store_live_and_removes_its_folder(tmp_path, paper_a, paper_b):
    build_store([paper_a], tmp_path / "store")
    before, folders = quads(tmp_path / "store"), builds(tmp_path / "store")

    def fail(stage, done, total):
        if stage == "load":
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        build_store([paper_a, paper_b], tmp_path / "store", progress=fail)
    assert quads(tmp_path / "store") == before
    assert builds(tmp_path / "store") == folders


def test_a_build_whose_check_fails_is_discarded(tmp_path, paper_a, paper_b):
    build_store([paper_a], tmp_path / "store")
    before = quads(tmp_path / "store")
    summary = build_store([paper_a, paper_b], tmp_path / "store", check=lambda store: False)
    assert not summary.live
    assert quads(tmp_path / "store") == before


def test_the_live_build_and_the_two_before_are_kept_unless_told_otherwise(tmp_path, results, monkeypatch):
    made = [build_store(results, tmp_path / "store").build for _ in range(4)]
    assert builds(tmp_path / "store") == made[1:]
    assert current_build(tmp_path / "store").name == made[-1]
    build_store(results, tmp_path / "store", keep=1)
    assert len(builds(tmp_path / "store")) == 1
    monkeypatch.setenv("RECGRAPH_KEEP_BUILDS", "2")
    build_store(results, tmp_path / "store")
    assert len(builds(tmp_path / "store")) == 2
    monkeypatch.setenv("RECGRAPH_KEEP_BUILDS", "none")
    with pytest.raises(StoreError, match="RECGRAPH_KEEP_BUILDS='none' is not a whole number"):
        build_store(results, tmp_path / "store")


def test_a_second_build_while_one_is_writing_is_refused(tmp_path, results):
    (tmp_path / "store").mkdir()
    with (tmp_path / "store" / ".lock").open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="another build is writing"):
            build_store(results, tmp_path / "store")


def test_a_store_path_that_is_a_file_is_refused(tmp_path, results):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the store folder"):
        build_store(results, tmp_path / "file")


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation, SourceReport
    from recgraph.graph.store.database import build_store

    def paper(i):
        span = Provenance(f"p{i}.txt", 1, 1, "text")
        recs = [Recommendation("k", str(n), f"Do thing {n}.", span) for n in range(200)]
        return ReadResult(Paper(f"p{i}.txt", "table", source_reports=(SourceReport("k", "K"),)), recs)

    def stall(stage, done, total):
        if stage == "load":
            print("LOADING", flush=True)
            time.sleep(60)

    build_store([paper(i) for i in range(20)], sys.argv[1], progress=stall)
    """
)


def test_a_build_killed_with_sigkill_leaves_the_previous_store_intact(tmp_path, results):
    location = tmp_path / "store"
    build_store(results, location)
    before = quads(location)
    child = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(location)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "LOADING"  # the new build is half written
        assert len(builds(location)) == 2
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert quads(location) == before  # the previous build is still live and opens
    build_store(results, location)  # the lock died with the child; its half-written build is cleared
    assert quads(location) == before
    assert len(builds(location)) == 2  # the live build and the one before (the killed one was cleared)


def test_export_to_turtle_and_back_is_isomorphic_to_the_store(tmp_path, results):
    build_store(results, tmp_path / "store")
    store = open_store(tmp_path / "store")
    export_store(store, tmp_path / "all.ttl", ExportFormat.TURTLE)
    reloaded = rdflib.Graph().parse(tmp_path / "all.ttl", format="turtle")
    assert isomorphic(reloaded, union_graph(store))


@pytest.mark.parametrize("fmt", [ExportFormat.NQUADS, ExportFormat.TRIG, ExportFormat.JSONLD])
def test_dataset_exports_keep_every_named_graph(tmp_path, results, fmt):
    build_store(results, tmp_path / "store")
    store = open_store(tmp_path / "store")
    out = tmp_path / f"all.{fmt.rdf_format.file_extension}"
    export_store(store, out, fmt)
    reloaded = ox.Store()
    reloaded.load(path=str(out), format=fmt.rdf_format)
    assert set(reloaded) == set(store)


def test_one_graph_can_be_exported_alone(tmp_path, results):
    build_store(results, tmp_path / "store")
    store = open_store(tmp_path / "store")
    export_store(store, tmp_path / "b.nt", ExportFormat.NTRIPLES, graph=f"{BASE}graph/b-paper")
    triples = {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(f"{BASE}graph/b-paper"))}
    assert {q.triple for q in ox.parse(path=str(tmp_path / "b.nt"))} == triples
    with pytest.raises(StoreError, match="has no graph"):
        export_store(store, tmp_path / "x.nt", ExportFormat.NTRIPLES, graph=f"{BASE}graph/nothing")


def test_a_vocabulary_that_is_not_valid_turtle_is_named_and_the_store_kept(tmp_path, results):
    build_store(results, tmp_path / "store")
    before = quads(tmp_path / "store")
    ontology = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), ontology)
    (ontology / "themes.ttl").write_text("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:prefLabel \"x .\n")
    with pytest.raises(StoreError, match=r"themes.ttl is not valid Turtle: Parser error at line 2"):
        build_store(results, tmp_path / "store", ontology=ontology)
    assert quads(tmp_path / "store") == before
