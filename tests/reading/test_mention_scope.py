"""Where a statement about cited numbers reaches (issue 13 item 3; trial on unseen papers).

Quantities are not recommendation numbers; a status belongs to a citation only when it is stated
of it; a line listing only numbers is a list of mentions that takes the status of the heading or
lead-in above it. Every paper here is written for the test in our own words.
"""

from __future__ import annotations

import pytest

from recgraph.graph.reading.mention_scope import QUANTITY, stated_before
from recgraph.graph.reading.mentions import find_mentions
from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment.reader import read


def mentions_in(text: str):
    return find_mentions(text.split("\n"), "p.txt", "p.txt", [], "rep")


def statuses(text: str) -> dict[str, str | None]:
    return {m.number: m.status_phrase for m in mentions_in(text)}


# --- 1. quantities ---------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Recommendations must be delivered within the agreed timescales (1, 3 or 6 months).",
    "Of the recommendations, progress is reported at intervals (6 and 12 weeks) to the board.",
    "The recommendations cover the 4 and 8 boroughs named, (10 to 20 per cent) of demand.",
    "Recommendations are reviewed every (2 or 3 years) by the panel.",
    "Recommendations are to be carried out within the set periods (2, 4, or 18 months).",
    "The following recommendations are complete: 14 officers have been trained.",
])
def test_numbers_followed_by_a_unit_are_quantities_not_mentions(sentence):
    assert mentions_in(f"Report: 1\n\n{sentence}") == []


@pytest.mark.parametrize("sentence", [
    "Recommendations (1, 3 and 6) are complete.",
    "The recommendations 2 and 5 are now complete.",
    "Recommendation 12 is awaiting the new contract.",
    "Recommendation 12 Action complete.",  # a table row run together: a capital opens the next cell
    "Recommendations 4 and 6 Areas of concern are now complete.",
])
def test_numbers_without_a_unit_are_still_read(sentence):
    assert mentions_in(f"Report: 1\n\n{sentence}")


def test_a_list_closed_by_comma_or_is_one_list():
    assert [m.number for m in mentions_in("Report: 1\n\nRecommendations 3, 7, or 9 remain open.")] == ["3", "7", "9"]


@pytest.mark.parametrize(("after", "quantity"), [
    (" months)", True), (" weeks", True), ("%", True), (" per cent", True), (" officers", True),
    ("-monthly", True), (" Actions complete", False), (" Members noted", False), (" are complete", False), (" and 4", False), (" staffing review", False), (")", False),
])
def test_a_unit_after_the_number_makes_a_quantity(after, quantity):
    assert bool(QUANTITY.match(after)) is quantity


# --- 2. a status stated of another subject ----------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The manual will have to be revised once the new rules on Recommendation 9 are settled.",
    "Training is complete, although Recommendation 4 itself has not been discussed.",
    "The new van fleet is delivered, and the funding for Recommendation 6 is under review by the board.",
])
def test_a_status_of_another_subject_before_the_citation_is_not_the_mentions(sentence):
    found = statuses(f"Report: 1\n\n{sentence}")
    assert list(found) and all(status is None or "revised" not in status and "complete" not in status
                               and "delivered" not in status for status in found.values()), found


def test_a_status_in_a_subordinate_clause_after_the_citation_is_not_the_mentions():
    found = statuses("Report: 1\n\nRecommendation 11 will apply once the revised guidance is delivered.")
    assert found == {"11": None}


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("Members agreed to sign off recommendations 4 and 6.", "sign off"),
    ("The following recommendations are complete: 4 and 6.", "are complete"),
    ("Recommendations 4 and 6, which concern training, are now complete.", "are now complete"),
    ("Recommendations 4 and 6 are now complete.", "are now complete"),
])
def test_a_status_stated_of_the_citation_still_reaches_it(sentence, phrase):
    found = statuses(f"Report: 1\n\n{sentence}")
    assert set(found) == {"4", "6"}
    assert all(status and phrase in status for status in found.values()), found


def test_stated_before_reads_the_clause_of_the_status():
    text = "The policy will need to be revised when the rules on Recommendation 3 are agreed."
    start = text.index("Recommendation")
    s = text.index("will")
    assert not stated_before(text, s, text.index(" when"), start)
    text = "These recommendations are complete: Recommendation 3."
    assert stated_before(text, text.index("are"), text.index(":"), text.index("Recommendation"))


# --- 3 and 4. lists of numbers under a status heading or lead-in ------------------------------

PAPER = """Custody review progress

Report: 7
Date: 3 March 2009
By: Commissioner

A. Recommendation

That Members note the report.

B. Supporting information

1. Progress is reported below by status.

Recommendations signed off

2. The following recommendations were signed off as complete by the steering group.

Recommendations 1, 4, 8

Recommendations still open

3. The following recommendations remain in progress.

Recommendation 2 and 6

Withdrawn recommendations

Recommendations 3, 10

C. Financial implications

None.
"""


def _document(text: str) -> Document:
    return Document.from_text(text, "p.txt")


def test_a_line_of_several_numbers_only_is_a_list_of_citations_not_a_record():
    # the segmenter's rule (segment/spans.py _number_list) and the mentions reader agree
    assert read(_document(PAPER)).recommendations == []
    lines = {m.provenance.first_line for m in mentions_in(PAPER)}
    assert lines == {19, 25, 29}


def test_each_number_of_the_list_takes_the_status_of_its_lead_in_or_heading():
    found = {(m.number, m.provenance.first_line): m.status_phrase for m in mentions_in(PAPER)}
    assert set(found) == {("1", 19), ("4", 19), ("8", 19), ("2", 25), ("6", 25), ("3", 29), ("10", 29)}
    assert {found[n, 19] for n in ("1", "4", "8")} == {"as complete by the steering group"}
    assert {found[n, 25] for n in ("2", "6")} == {"remain in progress"}
    assert {found[n, 29] for n in ("3", "10")} == {"Withdrawn"}


def test_a_list_under_prose_that_announces_nothing_gets_no_status():
    text = "Report: 1\n\n4. The new custody system is now complete.\n\nRecommendations 2, 3\n"
    assert statuses(text) == {"2": None, "3": None}


def test_a_line_of_bare_numbers_under_a_lead_in_announcing_recommendations_is_a_list_of_mentions():
    text = ("Report: 1\n\nB. Supporting information\n\n5. The following recommendations are now embedded in routine practice:\n\n"
            "3, 8 and 11\n\n6. The custody budget for 2009 is set out in the table.\n\n2004, 2005\n")
    found = {(m.number, m.provenance.first_line): m.status_phrase for m in mentions_in(text)}
    assert found == {("3", 7): "are now embedded in routine practice", ("8", 7): "are now embedded in routine practice",
                     ("11", 7): "are now embedded in routine practice"}


def test_numbers_written_as_words_are_cited():
    assert statuses("Report: 1\n\nRecommendations Two and Five, on street lighting, have been completed.") == {
        "2": "have been completed", "5": "have been completed"}
    assert [m.number for m in mentions_in("Report: 1\n\nThe panel discussed Recommendation Eleven in June.")] == ["11"]
    assert mentions_in("Report: 1\n\nThe recommendations one by one were agreed.") == []
    assert mentions_in("Report: 1\n\nRecommendations one or more of the panels made are late.") == []


def test_how_a_recommendation_was_received_is_not_its_topic():
    assert [(m.number, m.topic) for m in mentions_in(
        "Report: 1\n\nThe most widely reported recommendation was Recommendation One, on card fraud.")] == [("1", None)]


def test_a_count_word_after_the_word_recommendation_is_the_cited_one_s_own():
    assert statuses("Report: 1\n\nRecommendation 9 staff training is complete.") == {"9": "is complete"}
    assert mentions_in("Report: 1\n\nRecommendations 1 to 3 months after the review are due.") == []
