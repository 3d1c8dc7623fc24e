"""The committee reader: "Recommendation N" headings, lettered parts, Progress/Challenges/Next steps.

Facts about the seed paper 003 (MPA Full Authority, Report 6a, 26 May 2011, Race and Faith Inquiry)
are copied from the hand-made reference annotation into ``fixtures/committee_003.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading.readers import committee
from recgraph.graph.reading.readers.text import Document, load_document

PAPERS = recgraph.data_path() / "papers"
SEED = "003_4b6427e468c57cc2.txt"
GOLD = json.loads((Path(__file__).parent / "fixtures" / "committee_003.json").read_text(encoding="utf-8"))
REPORT = "race-and-faith-inquiry"


@pytest.fixture(scope="module")
def seed():
    return committee.read(load_document(PAPERS / SEED))


@pytest.fixture(scope="module")
def records(seed):
    return {rec.number: rec for rec in seed.recommendations}


@pytest.fixture(scope="module")
def updates(seed):
    return {update.recommendation: update for update in seed.updates}


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in PAPERS.glob("*.txt")))
def test_detect_scores_only_the_committee_layout_as_a_match(name):
    score = committee.detect(load_document(PAPERS / name))
    assert (score >= 0.5) == (name == SEED), score


# --- the seed paper ------------------------------------------------------------------------------


def test_the_paper_is_named_dated_and_tracks_the_inquiry(seed):
    paper = seed.paper
    assert paper.layout == "committee"
    assert paper.title == "Race and Faith Inquiry – update on the recommendations"
    assert paper.date == "2011-05-26"
    assert paper.body == "MPA Full Authority"
    assert paper.provenance.lines == (11, 15)
    (report,) = paper.source_reports
    assert (report.key, report.title) == (REPORT, "Race and Faith Inquiry")
    assert report.provenance.lines == (11, 11)


def test_nine_recommendations_and_their_41_lettered_parts_are_found_in_order(seed):
    numbers = [rec.number for rec in seed.recommendations]
    assert numbers == [item["id"] for item in GOLD]
    assert sum(rec.parent is None for rec in seed.recommendations) == 9
    assert sum(rec.parent is not None for rec in seed.recommendations) == 41
    assert {rec.source_report for rec in seed.recommendations} == {REPORT}


@pytest.mark.parametrize("item", GOLD, ids=[item["id"] for item in GOLD])
def test_each_item_agrees_with_the_reference(item, records, updates):
    rec = records[item["id"]]
    assert rec.parent == item["parent"]
    assert rec.text.startswith(item["text_starts"])
    assert rec.para_ref is None
    update = updates.get(item["id"])
    progress = update.progress if update else None
    if item["progress_starts"] is None:
        assert progress is None
    else:
        assert progress.startswith(item["progress_starts"])
        assert update.paragraphs == tuple(item["progress_paras"])
    assert (update.status_phrase if update else None) == item["status_phrase"]
    assert (update.owner if update else None) == item["owner"]


def test_parents_carry_their_heading_and_the_sentence_after_it(records):
    rec = records["1"]
    assert rec.heading == "Recommendation 1"
    assert rec.text.endswith("This means:")
    assert rec.provenance.lines == (40, 41)  # "4. Recommendation 1": paragraph 4 is not part of the number


def test_the_bracketed_owner_is_not_part_of_the_text_and_applies_to_every_part(records, updates):
    assert records["4"].text.startswith("A more flexible approach")
    assert "[" not in records["4"].text
    assert updates["4"].progress is None and updates["4"].provenance.lines == (236, 236)
    assert {updates[n].owner for n in ("4", "4(a)", "4(b)", "4(c)")} == {"MPA responsible for implementation"}


def test_line_spans_of_a_part_and_of_its_progress(records, updates):
    assert records["1(a)"].provenance.lines == (43, 69)
    assert updates["1(a)"].provenance.lines == (45, 69)
    assert records["2(a)"].provenance.lines == (145, 147)


def test_challenges_and_next_steps_stay_in_the_progress_with_their_labels(updates):
    progress = updates["1(b)"].progress
    assert "Challenges: To maintain positive working arrangements" in progress
    assert progress.endswith("Next steps: As described under ‘progress so far’.")


def test_paragraph_printed_twice_is_one_paragraph(updates):
    assert updates["1(c)"].paragraphs == ("10", "11", "12", "13", "14", "15", "16", "17")
    assert "12." not in updates["1(c)"].progress


def test_trailing_lines_of_a_part_belong_to_its_text(records):
    text = records["2(d)"].text
    assert "Its remit should encompass two key functions: To promote and promulgate best practice; and" in text
    assert text.endswith("To investigate those parts of the organization which give rise to concerns.")


def test_the_promotions_table_is_data_of_5b_not_recommendations(seed, records, updates):
    assert records["5(b)"].provenance.lines == (267, 304)
    assert "T/Rank Business Group Start Date" in updates["5(b)"].progress
    assert "DCI SCD 02/06/2009 01/12/2011 Male White-British" in updates["5(b)"].progress
    assert not any("T/Rank" in rec.text for rec in seed.recommendations)


def test_the_closing_paragraph_is_not_progress_of_the_last_part(records, updates):
    assert records["9(h)"].provenance.lines == (618, 630)
    assert "catalyst" not in updates["9(h)"].progress


def test_decisions_background_and_other_sections_are_not_recommendations(seed):
    read = " ".join([rec.text for rec in seed.recommendations] + [u.progress or "" for u in seed.updates])
    for outside in (
        "That Members note the approach",  # A. Recommendations: the committee's decision
        "Line managers should no longer have the right to veto",  # B.3's bullets restate items
        "There are enormous equalities and diversity impacts",  # C. implications
        "Race and Faith Inquiry report, Full Authority",  # D. background papers
        "MPA general: 020 7202 0202",  # E. contact details
    ):
        assert outside not in read


def test_nothing_is_left_over_and_nothing_warned_on_the_seed(seed):
    assert seed.leftovers == []
    assert seed.warnings == []


# --- the layout in general: a hand-made variant -------------------------------------------------

VARIANT = """\
You are in:
Contents
Morris Inquiry – progress report
Report: 11
Date: 3rd March 2009
By: Clerk
Summary
An update on progress.
A. Recommendations
That Members note this report.
B. Supporting information
1. The Inquiry made recommendations.
Recommendation 12
The MPS should do better. This means:
(a) reviewing the policy;
Progress:
2. The policy was reviewed (i) quickly and
(i) thoroughly.
3. Action completed.
(b) training staff
Next steps
4. Training starts in May.
Recommendation 14 [MPS HR responsible]
Appraisal must improve.
Progress to date
5. Work continues.
Challenges
Resources are short.
Next steps
To keep going.
6. We will continue to report to members.
C. Financial implications
None.
Feedback
"""


@pytest.fixture(scope="module")
def variant():
    return committee.read(Document.from_text(VARIANT, "variant.txt"))


def test_variant_numbers_parts_and_owner(variant):
    assert variant.paper.title == "Morris Inquiry – progress report"
    assert variant.paper.date == "2009-03-03"
    assert variant.paper.source_reports[0].key == "morris-inquiry"
    assert [(r.number, r.parent) for r in variant.recommendations] == [
        ("12", None), ("12(a)", "12"), ("12(b)", "12"), ("14", None)
    ]
    updates = {u.recommendation: u for u in variant.updates}
    assert updates["12(a)"].paragraphs == ("2", "3")
    assert updates["12(a)"].status_phrase == "Action completed."
    assert "(i) thoroughly." in updates["12(a)"].progress  # a roman list is text, not a part
    assert updates["12(b)"].progress == "Next steps: Training starts in May."
    assert updates["14"].owner == "MPS HR responsible"
    assert updates["14"].progress == "Work continues. Challenges: Resources are short. Next steps: To keep going."
    assert updates["14"].provenance.lines == (25, 30)  # "6." after the unnumbered Next steps closes the paper


def test_variant_frame_and_closing_are_claimed(variant):
    assert variant.leftovers == []
    assert variant.warnings == []
    assert committee.detect(Document.from_text(VARIANT)) >= 0.5


# --- bad input -------------------------------------------------------------------------------------


def test_no_heading_is_a_read_error():
    with pytest.raises(ReadError) as caught:
        committee.read(Document.from_text("Report: 1\nDate: 1 May 2010\n(a) a lettered line\n", "none.txt"))
    assert caught.value.file == "none.txt"
    assert caught.value.line is None


def test_a_repeated_recommendation_is_warned_and_left_over():
    text = "Recommendation 1\nDo it.\n(a) part\n5. Done.\nRecommendation 1\nAgain.\n(a) part again\n"
    result = committee.read(Document.from_text(text, "dup.txt"))
    assert [r.number for r in result.recommendations] == ["1", "1(a)"]
    assert result.warnings == ["dup.txt:5: Recommendation 1 appears twice; the second is left unread"]
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(5, 7)]


def test_a_skipped_letter_is_warned_but_read():
    text = "Recommendation 2\nDo it.\n(a) first\n1. Done.\n(c) third\n2. Done.\n"
    result = committee.read(Document.from_text(text, "skip.txt"))
    assert [r.number for r in result.recommendations] == ["2", "2(a)", "2(c)"]
    assert result.warnings == ["skip.txt:5: part (c) follows a missing (b) in Recommendation 2"]


def test_an_empty_heading_is_warned_and_left_over():
    text = "Recommendation 1\nRecommendation 2\nDo it.\n(a) part\n"
    result = committee.read(Document.from_text(text, "empty.txt"))
    assert [r.number for r in result.recommendations] == ["2", "2(a)"]
    assert result.warnings == ["empty.txt:1: Recommendation 1 has no text; it is left unread"]
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(1, 1)]


def test_a_heading_whose_content_is_its_parts_keeps_the_heading_as_text():
    result = committee.read(Document.from_text("Recommendation 3\n(a) part\n1. Done.\n", "bare.txt"))
    assert [(r.number, r.text) for r in result.recommendations] == [("3", "Recommendation 3"), ("3(a)", "part")]
    assert result.warnings == [] and result.leftovers == []


def test_without_sections_unplaced_text_in_the_body_is_still_left_over():
    text = (
        "Title – update\nDate: 1 May 2010\nSummary\nAn update.\n"
        "Recommendation 1\n(a) part\nRecommendation 1\nAgain.\n"
    )
    result = committee.read(Document.from_text(text, "flat.txt"))
    assert [r.number for r in result.recommendations] == ["1", "1(a)"]
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(7, 8)]  # not hidden by the summary


def test_an_unreadable_date_is_warned_and_left_empty():
    text = "Race Inquiry – update\nReport: 3\nDate: sometime soon\nRecommendation 1\nDo it.\n"
    result = committee.read(Document.from_text(text, "date.txt"))
    assert result.paper.date is None
    assert result.warnings == ["date.txt:3: cannot read the date 'sometime soon'; the paper's date is left empty"]
