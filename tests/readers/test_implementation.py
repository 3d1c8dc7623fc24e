"""The implementation reader: "Recommendation N – text" lines, progress, invitations to members.

Facts about the seed paper 004 (PPRC Report 19, 12 July 2004, Operational Support Policing Service
Improvement Review) are copied from the hand-made reference annotation into
``fixtures/implementation_004.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading.readers import implementation
from recgraph.graph.reading.readers.text import Document, load_document

PAPERS = recgraph.data_path() / "papers"
SEED = "004_2d7aea74777c19f4.txt"
GOLD = json.loads((Path(__file__).parent / "fixtures" / "implementation_004.json").read_text(encoding="utf-8"))
REPORT = "operational-support-police-service-improvement-review"


@pytest.fixture(scope="module")
def seed():
    return implementation.read(load_document(PAPERS / SEED))


@pytest.fixture(scope="module")
def records(seed):
    return {rec.number: rec for rec in seed.recommendations}


@pytest.fixture(scope="module")
def updates(seed):
    return {update.recommendation: update for update in seed.updates}


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in PAPERS.glob("*.txt")))
def test_detect_scores_only_the_implementation_layout_as_a_match(name):
    score = implementation.detect(load_document(PAPERS / name))
    assert (score >= 0.5) == (name == SEED), score


# --- the seed paper ------------------------------------------------------------------------------


def test_the_paper_is_named_dated_and_tracks_the_review(seed):
    paper = seed.paper
    assert paper.layout == "implementation"
    assert paper.title == "Operational Support Police Service Improvement Review – Implementation Report"
    assert paper.date == "2004-07-12"
    assert paper.body == "Planning, Performance & Review Committee"
    assert paper.provenance.lines == (5, 8)
    (report,) = paper.source_reports
    assert (report.key, report.title) == (REPORT, "Operational Support Police Service Improvement Review")


def test_thirteen_recommendations_are_found_in_order(seed):
    assert [rec.number for rec in seed.recommendations] == [item["id"] for item in GOLD]
    assert {rec.source_report for rec in seed.recommendations} == {REPORT}
    assert all(rec.parent is None and rec.para_ref is None for rec in seed.recommendations)


@pytest.mark.parametrize("item", GOLD, ids=[item["id"] for item in GOLD])
def test_each_recommendation_agrees_with_the_reference(item, records, updates):
    assert records[item["id"]].text.startswith(item["text_starts"])
    update = updates[item["id"]]
    assert update.progress.startswith(item["progress_starts"])
    assert update.timescale == item["timescale"]
    assert update.owner is None and update.mpa_action is None
    if item["id"] == "10":
        # find_status_phrase keeps the whole sentence; the reference keeps its second clause
        assert item["status_phrase"] in update.status_phrase
    else:
        assert update.status_phrase == item["status_phrase"]


def test_line_spans_and_progress_keep_the_invitation(records, updates):
    assert records["1"].provenance.lines == (21, 23)
    assert updates["1"].provenance.lines == (22, 23)
    assert updates["1"].progress.endswith("invites members to agree that this recommendation has been achieved.")
    assert records["13"].provenance.lines == (52, 53)  # paragraph 5 after it is the paper's own
    assert all(update.paragraphs == () for update in updates.values())


def test_decisions_background_and_other_sections_are_not_recommendations(seed):
    read = " ".join([rec.text for rec in seed.recommendations] + [u.progress for u in seed.updates])
    for outside in (
        "be approved as completed",  # A. Recommendations: the committee's decisions
        "Commander Broadhurst",  # B.3 background
        "The attached costs and benefits analysis",  # B.5 after the last recommendation
        "Positive comments were received about Recommendation 11",  # C. race and equality impact
        "Appendix 1 [Microsoft Excel]",  # site furniture
    ):
        assert outside not in read


def test_nothing_is_left_over_and_nothing_warned_on_the_seed(seed):
    assert seed.leftovers == []
    assert seed.warnings == []


# --- the layout in general: a hand-made variant -------------------------------------------------

VARIANT = """\
Contents
Report 7 of the 3 Feb 05 meeting of the Metropolitan Police Authority Finance Committee and a review.
Custody Review - first implementation report
Report: 7
Date: 3 February 2005
By: Commissioner
A. Recommendations
1. that Recommendation 21 be approved as completed.
B. Supporting information
1. The review made two recommendations.
Recommendation 21 - To reduce waiting times in custody suites.
The new booking process is live.
The Implementation Board invites members to agree that this recommendation has been achieved.
Recommendation 22 – To audit custody records.
Work has begun but the recommendation has not been implemented at this stage.
It is hoped to finish before the next report to the Finance Committee.
2. Costs are set out in Appendix 2.
C. Contact details
MPA general: 020 7202 0202
"""


def test_variant_with_hyphens_and_other_numbers():
    result = implementation.read(Document.from_text(VARIANT, "variant.txt"))
    assert result.paper.date == "2005-02-03"
    assert result.paper.body == "Metropolitan Police Authority Finance Committee"
    assert result.paper.source_reports[0].key == "custody-review"
    assert [(r.number, r.text) for r in result.recommendations] == [
        ("21", "To reduce waiting times in custody suites."),
        ("22", "To audit custody records."),
    ]
    updates = {u.recommendation: u for u in result.updates}
    assert updates["21"].status_phrase.startswith("The Implementation Board invites members")
    assert updates["22"].status_phrase == (
        "Work has begun but the recommendation has not been implemented at this stage."
    )
    assert updates["22"].timescale == "before the next report to the Finance Committee"
    assert updates["22"].provenance.lines == (15, 16)
    assert result.leftovers == [] and result.warnings == []
    assert implementation.detect(Document.from_text(VARIANT)) >= 0.5


def test_numbered_progress_paragraphs_are_recorded_and_kept_to_the_end():
    text = "Recommendation 1 – Do it.\n6. Done.\nRecommendation 2 – Do more.\n7. Started.\n8. Continuing.\n"
    result = implementation.read(Document.from_text(text, "numbered.txt"))
    assert [u.paragraphs for u in result.updates] == [("6",), ("7", "8")]
    assert result.updates[1].progress == "Started. Continuing."


def test_find_timescale_prefers_the_earliest_phrase():
    text = "The target date for completion is April 2005, not by the target date of 1 May 2004."
    assert implementation.find_timescale(text) == "The target date for completion is April 2005"
    assert implementation.find_timescale("Members will be updated in the next report.") is None


# --- bad input -------------------------------------------------------------------------------------


def test_no_recommendation_line_is_a_read_error():
    with pytest.raises(ReadError) as caught:
        implementation.read(Document.from_text("Recommendation 1\n(a) a committee layout\n", "none.txt"))
    assert caught.value.file == "none.txt"
    assert caught.value.line is None


def test_a_repeated_recommendation_is_warned_and_left_over():
    text = "Recommendation 1 – Do it.\nDone.\nRecommendation 1 – Do it again.\nDone again.\n"
    result = implementation.read(Document.from_text(text, "dup.txt"))
    assert [r.number for r in result.recommendations] == ["1"]
    assert result.warnings == ["dup.txt:3: Recommendation 1 appears twice; the second is left unread"]
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(3, 4)]
