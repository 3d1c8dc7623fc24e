"""Statuses come from the paper's phrase, else from the progress text, else from lettered parts."""

from __future__ import annotations

import pytest

from recgraph.graph.enrich import enrich
from recgraph.graph.enrich.model import StatusAssignment, update_key
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
        # A proposal to close is its own status until a later paper records the decision (issue 15).
        ("The Implementation Board invites members to agree that this recommendation has been achieved.", "proposed_closure"),
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


def test_every_status_phrase_printed_in_a_seed_paper_maps_by_rule(seed_results, seed_enrichment):
    # By rule, not by the annotation's judgement: a status phrase the reader found is explicit.
    phrased = [u for r in seed_results for u in r.updates if u.status_phrase]
    assert phrased
    for update in phrased:
        found = seed_enrichment.statuses[update_key(update)]
        assert (found.basis, found.phrase) == ("explicit", update.status_phrase), update.status_phrase


def test_seed_parents_are_derived_from_their_parts(seed_results, seed_enrichment):
    recs = {r.key: r for result in seed_results for r in result.recommendations}
    parents = {(r.source_report, r.parent) for r in recs.values() if r.parent and (r.source_report, r.parent) in recs}
    assert parents
    assert all(seed_enrichment.status_of(key).basis == "derived" for key in parents)


def test_a_registers_status_value_printed_as_a_slug_states_the_status_now(statuses):
    # an inspectorate's register logs its values as slugs (registers.py): the last one set is the
    # status, never one an earlier entry of its log set ("awaiting-review" then "being-progressed")
    from recgraph.graph.reading.readers.text import Document
    from recgraph.graph.reading.segment import read

    page = ("The force should answer calls within ten seconds.\n\n"
            "[on]2nd May 2014 [status]awaiting-review[/status][/on][on]4th May 2015 [status]being-progressed[/status][/on]"
            "[on]4th May 2015 [comment]\n\nThe force has hired more call handlers.\n\n[/comment][/on]\n")
    result = read(Document.from_text(page, "register.txt"))
    [update] = result.updates
    found = enrich([result]).statuses[update_key(update)]
    assert (update.status_phrase, found.notation, found.basis) == ("being-progressed", "in_progress", "explicit")
    assert status_from_phrase("no-longer-relevant", statuses).notation == "superseded"
    assert status_from_phrase("partially-implemented", statuses).notation == "partial"
