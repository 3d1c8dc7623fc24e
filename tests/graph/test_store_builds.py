"""A build goes live only whole; `recgraph builds` lists the kept builds and restores one; the server's two questions."""

from __future__ import annotations

import fcntl
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.errors import StoreError
from recgraph.graph.store.builds import build_running, database_path, list_builds, live_build, restore_build
from recgraph.graph.store.database import build_store, current_build, read_manifest

SEEDS = recgraph.data_path() / "papers"
BROKEN = "001_feb76c68d8c1448c.txt"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def recommendations(location: Path) -> int:
    return sum(paper["recommendations"] for paper in read_manifest(location)["papers"])


def quads(location: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(current_build(location) / "oxigraph"))}


@pytest.fixture
def papers(tmp_path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "papers")
    return tmp_path / "papers"


@pytest.fixture
def built(papers, tmp_path) -> Path:
    location = tmp_path / "store"
    assert run("build", papers, "--store", location, "--no-validate").exit_code == 0
    return location


def test_a_paper_that_cannot_be_read_keeps_its_previous_graph(papers, built):
    before, count = quads(built), recommendations(built)
    (papers / BROKEN).write_bytes(b"\x00\x01 not a paper any more")
    result = run("build", papers, "--store", built, "--no-validate")
    assert result.exit_code == 1
    assert f"Error: {papers / BROKEN}" in result.stderr
    assert f"Warning: {BROKEN} could not be read: its graph from the previous build is kept" in result.stderr
    assert recommendations(built) == count  # not 122 -> 72
    assert quads(built) == before  # the same graph, themes and links included
    assert list_builds(built)[-1].kept_papers == 1


def test_a_paper_the_store_never_held_is_left_out_with_its_error(papers, tmp_path):
    (papers / "new.txt").write_bytes(b"\x00\x01 binary, not a paper")
    outcome = recgraph.build([papers], store=tmp_path / "store", validate=False)
    assert outcome.summary.live and not outcome.kept and len(outcome.errors) == 1 and not outcome.ok


def test_strict_stops_the_build_when_a_paper_cannot_be_read(papers, built):
    live, before = live_build(built), quads(built)
    (papers / BROKEN).write_bytes(b"\x00\x01")
    result = run("build", papers, "--store", built, "--strict")
    assert result.exit_code == 1
    assert "--strict was given: nothing was built" in result.stderr
    assert live_build(built) == live and quads(built) == before
    assert len(list_builds(built)) == 1


def test_builds_lists_the_kept_builds_and_restore_makes_one_live(papers, built):
    first = live_build(built)
    (papers / "003_4b6427e468c57cc2.txt").unlink()
    assert run("build", papers, "--store", built).exit_code == 0
    second = live_build(built)
    listed = run("builds", "--store", built)
    assert listed.exit_code == 0
    lines = [line for line in listed.stdout.splitlines() if first in line or second in line]
    assert lines[0].startswith("    ") and "122 recs" in lines[0] and "not validated" in lines[0]
    assert lines[1].startswith("live") and "72 recs" in lines[1] and "conforms" in lines[1]
    rows = json.loads(run("builds", "--store", built, "--format", "json").stdout)
    assert [(row["id"], row["live"], row["papers"]) for row in rows] == [(first, False, 5), (second, True, 4)]

    restored = run("builds", "restore", first, "--store", built)
    assert restored.exit_code == 0 and first in restored.stdout
    assert live_build(built) == first and recommendations(built) == 122
    assert [b.id for b in list_builds(built)] == [first, second]  # the later build stays, restorable
    result = run("builds", "restore", "no-such-build", "--store", built)
    assert result.exit_code == 2 and "no such build" in result.stderr


def test_restore_is_refused_while_a_build_holds_the_store(built):
    with (built / ".lock").open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="another build is writing"):
            restore_build(built, live_build(built))


def test_builds_of_no_store_is_one_line(tmp_path):
    result = run("builds", "--store", tmp_path / "none")
    assert result.exit_code == 2 and result.stderr.startswith("Error: no recgraph store at")


def test_the_server_asks_whether_a_build_runs_and_which_is_live(built, tmp_path, results):
    assert not build_running(built) and not build_running(tmp_path / "nowhere")
    live = live_build(built)
    assert database_path(built, live) == current_build(built) / "oxigraph"
    seen = []

    def watch(stage, done, total):
        seen.append((stage, build_running(built), live_build(built)))

    summary = build_store(results, built, progress=watch)
    assert seen and all(running and old == live for _, running, old in seen if _ != "swap")
    assert seen[-1] == ("swap", True, summary.build)  # live the moment CURRENT is replaced
    assert not build_running(built) and live_build(built) == summary.build


def test_a_store_that_keeps_no_records_is_not_made_to_lose_an_unreadable_paper(papers, built):
    live = live_build(built)
    shutil.rmtree(current_build(built) / "records")  # as a build made before builds kept records
    (papers / BROKEN).write_bytes(b"\x00\x01")
    result = run("build", papers, "--store", built, "--no-validate")
    assert result.exit_code == 2
    assert "keeps no records of it" in result.stderr and BROKEN in result.stderr
    assert live_build(built) == live


def test_the_default_for_an_unreadable_paper_is_in_the_help():
    text = " ".join(run("build", "--help").stdout.split())
    assert "A paper that cannot be read keeps the graph it had in the live store" in text
    assert "With --strict such a paper stops the build instead" in text


def test_a_build_read_against_a_build_that_is_no_longer_live_writes_nothing(built, results):
    live = live_build(built)
    with pytest.raises(StoreError, match="went live while this build read its papers"):
        build_store(results, built, expect_live="20200101T000000.000000-1-abcdef")
    assert live_build(built) == live and len(list_builds(built)) == 1
