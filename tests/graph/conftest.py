"""Fixtures of the knowledge-graph tests: tiny hand-made records and the five seed papers.

The hand-made records are two papers, three source reports, a lettered part, a resolved and an
unresolved pointer, a leftover and a warning: small enough to check every quad by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.graph.model import (
    CrossReference,
    Leftover,
    Paper,
    ProgressUpdate,
    Provenance,
    ReadResult,
    Recommendation,
    SourceReport,
)
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.store.database import build_store


def span(file: str, first: int, last: int, text: str) -> Provenance:
    return Provenance(file, first, last, text)


def make_paper_a() -> ReadResult:
    """A table paper tracking two reports; rec 6 has a lettered part; 2 points at 1."""
    f = "papers/a_paper.txt"
    reports = (
        SourceReport("rep-one", "Report One 2001", "HMIC", "2001", "inspection"),
        SourceReport("rep-two", "Report Two", "District Audit", "2001/02", "audit"),
    )
    recs = [
        Recommendation("rep-one", "1", "The force should count things.", span(f, 3, 4, "1\tThe force should count things.\tDone."), para_ref="2.1"),
        Recommendation("rep-one", "2", "Appraisals: clear the \"backlog\".", span(f, 5, 5, "2\tAppraisals: clear the \"backlog\".\tSee recommendation 1 above."), heading="Appraisals"),
        Recommendation("rep-one", "6", "Staff should be supported. This means:", span(f, 6, 6, "6 Staff should be supported. This means:")),
        Recommendation("rep-one", "6(b)", "using the PDR\nas a warning", span(f, 7, 8, "(b) using the PDR\nas a warning"), parent="6"),
        Recommendation("rep-two", "R6", "Ensure appraisal supports performance management.", span(f, 10, 10, "R6 Ensure appraisal ..."), classification="STATUTORY"),
    ]
    updates = [
        ProgressUpdate("rep-one", "1", f, span(f, 3, 4, "1\tThe force should count things.\tDone."), "2002-09", "Done. Action complete", "Action complete", owner="HR Department", mpa_action="To note and discharge."),
        ProgressUpdate("rep-one", "2", f, span(f, 5, 5, "2\tAppraisals: clear the \"backlog\".\tSee recommendation 1 above."), "2002-09", "See recommendation 1 above."),
        ProgressUpdate("rep-one", "6(b)", f, span(f, 9, 9, "Progress so far: work continues."), "2002-09", "Work continues.", paragraphs=("12", "13")),
        ProgressUpdate("rep-two", "R6", f, span(f, 11, 11, "Recommendation met: significantly"), "2002-09", "New PDR.", "Recommendation met: significantly", timescale="Ongoing"),
    ]
    pointers = [
        CrossReference("rep-one", "2", "recommendation 1", "See recommendation 1 above", span(f, 5, 5, "See recommendation 1 above."), resolved="1"),
        CrossReference("rep-one", "6(b)", "paragraph 99", "As paragraph 99", span(f, 9, 9, "As paragraph 99")),
    ]
    paper = Paper(f, "table", "Progress on Reports One and Two", body="Authority", date="2002-09", source_reports=reports)
    return ReadResult(
        paper, recs, updates, pointers, leftovers=[Leftover(f, 12, 12, "Page 3 of 9")], warnings=[f"{f}:12: page footer not recognised"]
    )


def make_paper_b() -> ReadResult:
    """A web page paper with a full date tracking one report."""
    f = "papers/b-paper.txt"
    report = SourceReport("rep-three", "Review Three", "MPS", "2003", "review")
    recs = [Recommendation("rep-three", "9", "To civilianise posts.", span(f, 20, 21, "Recommendation 9 – To civilianise posts."))]
    updates = [
        ProgressUpdate("rep-three", "9", f, span(f, 22, 23, "Members are invited to agree ..."), "2004-07-12", "Posts moved.",
                       "The Implementation Board invites members to agree that this recommendation has been achieved."),
    ]
    return ReadResult(Paper(f, "webpage", "Implementation report", date="2004-07-12", source_reports=(report,)), recs, updates)


@pytest.fixture
def paper_a() -> ReadResult:
    return make_paper_a()


@pytest.fixture
def paper_b() -> ReadResult:
    return make_paper_b()


@pytest.fixture
def results() -> list[ReadResult]:
    """Both hand-made papers, fresh for each test (tests may change them)."""
    return [make_paper_a(), make_paper_b()]


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_facts() -> dict:
    """Facts about the five seed papers copied from the reference annotation."""
    return json.loads((FIXTURES / "seed_facts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_results() -> list[ReadResult]:
    """The five seed papers read by recgraph's readers (every one must read)."""
    outcome = read_papers([recgraph.data_path() / "papers"])
    assert not outcome.errors, [str(e) for e in outcome.errors]
    assert len(outcome.results) == 5
    return outcome.results


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seed_results) -> Path:
    """A store built from the seed papers (built once per test session; do not write to it)."""
    location = tmp_path_factory.mktemp("seed") / ".recgraph"
    build_store(seed_results, location)
    return location
