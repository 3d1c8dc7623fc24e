"""Reading in worker processes gives exactly what reading in one process gives, and fails by name."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading import papers as reading
from recgraph.graph.reading.papers import ReadOutcome, read_papers
from recgraph.graph.synthetic import generate_corpus

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the crash tests patch the reader before forking"
)


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> list[Path]:
    """The seed papers, a small synthetic corpus, a paper with a stray line, two files that cannot be read
    and a paper tracking no recommendation (read with a warning: issue 13)."""
    root = tmp_path_factory.mktemp("parallel")
    seed = recgraph.data_path() / "papers" / "000_e465e3dd12847c8c.txt"
    stray = root / "stray" / "table.txt"
    stray.parent.mkdir()
    stray.write_text(seed.read_text(encoding="utf-8") + "\nZZ stray words of no known kind\n", encoding="utf-8")
    generate_corpus(root / "synthetic", 400, seed=3)
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    (bad / "prose.txt").write_text("Minutes of a meeting.\n\nNothing was recommended.\n", encoding="utf-8")
    return [recgraph.data_path() / "papers", bad, stray, root / "synthetic" / "papers"]


def comparable(outcome: ReadOutcome) -> tuple[list, list]:
    errors = [(type(e), str(e), e.file, e.line, e.reason) for e in outcome.errors]
    return outcome.results, errors


def test_two_workers_read_the_same_results_errors_and_warnings_in_the_same_order(papers):
    alone = read_papers(papers, workers=1)
    side_by_side = read_papers(papers, workers=2)

    assert comparable(side_by_side) == comparable(alone)
    assert len(alone.results) >= 10 and len(alone.errors) == 2
    assert any("no tracked recommendation" in w for r in alone.results for w in r.warnings)
    assert any(r.warnings for r in alone.results) and any(r.leftovers for r in alone.results)


def test_progress_names_every_file_in_order_with_workers(papers):
    seen: list[Path] = []
    read_papers(papers, progress=seen.append, workers=2)
    assert seen == reading.expand_paths(papers)


def test_a_small_read_stays_in_this_process_unless_asked(papers, monkeypatch):
    monkeypatch.delenv("RECGRAPH_WORKERS", raising=False)
    seeds = reading.expand_paths(papers[:1])
    assert reading._worker_count(seeds, None) == 1
    assert reading._worker_count(seeds, 2) == 2
    monkeypatch.setenv("RECGRAPH_WORKERS", "3")
    assert reading._worker_count(seeds, None) == 3
    assert reading._worker_count(seeds, 1) == 1


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_a_bad_workers_variable_is_named(papers, monkeypatch, value):
    monkeypatch.setenv("RECGRAPH_WORKERS", value)
    with pytest.raises(ReadError, match="RECGRAPH_WORKERS must be a whole number"):
        read_papers(papers[:1])


@needs_fork
def test_an_unexpected_failure_in_a_worker_names_the_paper(papers, monkeypatch):
    victim = reading.expand_paths(papers)[6]
    real = reading.read_paper

    def exhausted(path, options=None):
        if path == victim:
            raise MemoryError("no room")
        return real(path, options)

    monkeypatch.setattr(reading, "read_paper", exhausted)
    with pytest.raises(ReadError, match="MemoryError: no room") as caught:
        read_papers(papers, workers=2)
    assert caught.value.file == str(victim)


@needs_fork
def test_a_killed_worker_names_the_papers_being_read(papers, monkeypatch):
    victim = reading.expand_paths(papers)[0]
    real = reading.read_paper

    def killed(path, options=None):
        if path == victim:
            os._exit(9)
        return real(path, options)

    monkeypatch.setattr(reading, "read_paper", killed)
    with pytest.raises(ReadError, match="stopped abruptly") as caught:
        read_papers(papers, workers=2)
    assert str(victim) in str(caught.value)
