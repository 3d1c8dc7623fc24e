"""Statuses come from the paper's phrase, else from the progress text, else from lettered parts."""

from __future__ import annotations

import pytest

from recgraph.graph.enrich import enrich
from recgraph.graph.enrich.model import StatusAssignment
from recgraph.graph.enrich.status import derive_parent_status, infer_status, status_from_phrase
from recgraph.graph.enrich.vocabulary import load_vocabulary
from recgraph.graph.model import CrossReference, Paper, ProgressUpdate, Provenance, ReadResult, Recommendation


@pytest.fixture(scope="module")
def statuses():
    return load_vocabulary("statuses")


@pytest.mark.parametrize(
    "phrase, notation",
    [
        ("Action complete.", "complete"),
        ("The MPS considers action to be complete.", "complete"),
        ("Recommendation met :completely", "complete"),
        ("Recommendation met: significantly", "substantially"),
        ("Recommendation met: moderately", "partial"),
        ("The MPS awaits national developments.", "awaiting_external"),
        ("Work has begun but the recommendation has not been implemented at this stage.", "in_progress"),
        ("The Implementation Board invites members to agree that this recommendation has been achieved.", "complete"),
    ],
)
def test_phrases_map_through_the_vocabulary(statuses, phrase, notation):
    found = status_from_phrase(phrase, statuses)
    assert (found.notation, found.basis, found.phrase) == (notation, "explicit", phrase)


def test_a_phrase_the_vocabulary_does_not_know_maps_to_nothing(statuses):
    assert status_from_phrase("Members noted the report.", statuses) is None


def test_inference_records_the_rule_and_the_last_stated_status_wins(statuses):
    found = infer_status("Stage 1 has been fully implemented. Stage 2 is ongoing.", statuses)
    assert (found.notation, found.basis) == ("in_progress", "inferred")
    assert "Stage 2 is ongoing." in found.rule


def test_progress_without_a_status_is_in_progress_and_no_progress_is_unknown(statuses):
    assert infer_status("A working group met twice.", statuses).rule.startswith("default")
    assert infer_status(None, statuses).notation == "unknown"


@pytest.mark.parametrize(
    "parts, expected",
    [
        (["complete", "complete"], "complete"),
        (["complete", "substantially"], "substantially"),
        (["complete", "in_progress", "in_progress"], "partial"),
        (["substantially", "in_progress"], "partial"),
        (["in_progress", "not_started"], "in_progress"),
        (["unknown"], "unknown"),
    ],
)
def test_a_parent_status_is_derived_from_its_parts(statuses, parts, expected):
    found = derive_parent_status([StatusAssignment(n, n, "explicit", "t") for n in parts], statuses)
    assert (found.notation, found.basis) == (expected, "derived")


def test_a_pointer_only_progress_takes_the_status_of_its_target():
    span = Provenance("p.txt", 1, 1, "x")
    recs = [Recommendation("r", "1", "Do a.", span), Recommendation("r", "2", "Do b.", span)]
    ups = [
        ProgressUpdate("r", "1", "p.txt", span, progress="Done.", status_phrase="Action complete."),
        ProgressUpdate("r", "2", "p.txt", span, progress="Response to Recommendation 1 refers."),
    ]
    pointer = CrossReference("r", "2", "recommendation 1", "Response to Recommendation 1 refers.", span, "1", "r")
    found = enrich([ReadResult(Paper("p.txt", "t"), recs, ups, [pointer])]).statuses[("r", "2", "p.txt")]
    assert (found.notation, found.basis) == ("complete", "derived")


def test_at_least_90_percent_of_seed_statuses_agree_with_the_reference(seed_enrichment, reference_recs):
    agree = [seed_enrichment.status_of(key).notation == ref["status"] for key, ref in reference_recs.items()]
    assert sum(agree) / len(agree) >= 0.9, sum(agree)


def test_seed_parents_are_derived_from_their_parts(seed_enrichment, reference_recs):
    parents = [key for key, ref in reference_recs.items() if ref["is_parent"]]
    assert len(parents) == 9
    assert all(seed_enrichment.status_of(key).basis == "derived" for key in parents)
    assert seed_enrichment.status_of(("race-and-faith", "2")).notation == "partial"
