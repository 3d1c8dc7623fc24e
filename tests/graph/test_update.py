"""`build --update` equals a full build of the same papers, quad for quad; endpoint graphs survive builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.errors import StoreError
from recgraph.graph.store.database import current_build, read_manifest

SEEDS = recgraph.data_path() / "papers"
EDITED = "004_2d7aea74777c19f4.txt"
ADDED = "003_4b6427e468c57cc2.txt"


@pytest.fixture(autouse=True)
def default_base(monkeypatch):
    monkeypatch.delenv("RECGRAPH_BASE", raising=False)


def quads(location: Path) -> set[str]:
    return {str(quad) for quad in ox.Store.read_only(str(current_build(location) / "oxigraph"))}


def full_build(papers: Path, location: Path) -> set[str]:
    shutil.rmtree(location, ignore_errors=True)
    outcome = recgraph.build([papers], store=location, validate=False)
    assert outcome.summary.live and not outcome.errors
    return quads(location)


def drop_recommendation_and_reword(path: Path) -> None:
    """Take recommendation 7 and its progress line out of the paper and reword recommendation 2."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("Recommendation 7 "))
    del lines[at:at + 2]
    at = next(i for i, line in enumerate(lines) if line.startswith("Recommendation 2 "))
    lines[at] = lines[at].replace("To provide boroughs", "To give every borough")
    path.write_text("".join(lines), encoding="utf-8")


def test_update_after_an_edit_an_addition_and_a_removal_equals_a_full_build(tmp_path):
    papers, store, fresh = tmp_path / "papers", tmp_path / "store", tmp_path / "fresh"
    shutil.copytree(SEEDS, papers)
    shutil.move(papers / ADDED, tmp_path / ADDED)
    full_build(papers, store)
    recs_before = sum(p["recommendations"] for p in read_manifest(store)["papers"])

    drop_recommendation_and_reword(papers / EDITED)  # an edited paper, one recommendation fewer
    outcome = recgraph.build([papers / EDITED], store=store, update=True)
    assert outcome.summary.live and outcome.report.conforms  # no link to a recommendation that is gone
    assert sum(p["recommendations"] for p in read_manifest(store)["papers"]) == recs_before - 1
    assert quads(store) == full_build(papers, fresh)

    shutil.move(tmp_path / ADDED, papers / ADDED)  # an added paper
    recgraph.build([papers / ADDED], store=store, update=True, validate=False)
    assert quads(store) == full_build(papers, fresh)

    (papers / "001_feb76c68d8c1448c.txt").unlink()  # a removed paper: its file is gone
    outcome = recgraph.build([papers / "001_feb76c68d8c1448c.txt"], store=store, update=True, validate=False)
    assert outcome.summary.removed == ["001_feb76c68d8c1448c.txt"]
    assert quads(store) == full_build(papers, fresh)


def test_remove_takes_a_paper_out_and_says_so(tmp_path):
    papers, store = tmp_path / "papers", tmp_path / "store"
    shutil.copytree(SEEDS, papers)
    full_build(papers, store)
    result = CliRunner().invoke(cli, ["build", "--remove", "002_7e03182d064c882c.txt", "--store", str(store), "--no-validate"])
    assert result.exit_code == 0, result.output
    (papers / "002_7e03182d064c882c.txt").unlink()
    assert quads(store) == full_build(papers, tmp_path / "fresh")
    result = CliRunner().invoke(cli, ["build", "--remove", "nothing-such.txt", "--store", str(store)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("Error: cannot remove 'nothing-such': build ")


def test_an_update_without_a_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="run `recgraph build` first"):
        recgraph.build([SEEDS / EDITED], store=tmp_path / "none", update=True)


def write_directly(location: Path, update: str) -> None:
    """What `recgraph serve --allow-updates` does: write into the live build's database."""
    store = ox.Store(str(current_build(location) / "oxigraph"))
    store.update(update)
    del store


NOTES = "urn:example:analyst-notes"


@pytest.mark.parametrize("update", [False, True], ids=["full build", "update"])
def test_graphs_written_into_the_live_build_are_carried_over(tmp_path, update):
    papers, store = tmp_path / "papers", tmp_path / "store"
    shutil.copytree(SEEDS, papers)
    full_build(papers, store)
    paper_graph = read_manifest(store)["papers"][0]["graph"]
    write_directly(store, f"INSERT DATA {{ GRAPH <{NOTES}> {{ <urn:example:a> <urn:example:says> 'check rec 4' }} }}")
    write_directly(store, "INSERT DATA { <urn:example:b> <urn:example:says> 'in the default graph' }")
    write_directly(store, f"INSERT DATA {{ GRAPH <{paper_graph}> {{ <urn:example:c> <urn:example:says> 'edited' }} }}")
    before = quads(store)
    outcome = recgraph.build([papers / EDITED] if update else [papers], store=store, update=update, validate=False)
    after = quads(store)
    assert set(outcome.summary.user_graphs) == {NOTES, "(default graph)"}
    carried = {q for q in before if NOTES in q or "in the default graph" in q}
    assert len(carried) == 2 and carried <= after
    assert not any("'edited'" in q or '"edited"' in q for q in after)  # a build's own graph is rebuilt
    # and again: what was carried over is carried over by the next build too
    recgraph.build([papers], store=store, validate=False)
    assert carried <= quads(store)
