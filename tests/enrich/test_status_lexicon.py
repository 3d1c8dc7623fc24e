"""The status lexicon of statuses.ttl on wordings written for the test, none of them in a seed paper.

Each wording concept (complete, implemented, achieved, closed, discharged, fully / substantially /
partially met, not accepted, superseded, ongoing, on track, delayed, not started, awaiting others,
proposed closure) has at least five phrasings: short status cells as tables print them, and
sentences as progress narratives write them. The phrasings follow the conventions of the family
(docs/survey), not the words of any one paper; a guard checks that no seed paper contains any
phrasing of three words or more (single words such as "Complete" are the family's own).
"""

from __future__ import annotations

import re

import pytest

import recgraph
from recgraph.graph.enrich.status import infer_status, status_from_phrase
from recgraph.graph.enrich.vocabulary import load_vocabulary

PHRASINGS: dict[str, dict[str, list[str]]] = {
    "complete": {
        "complete": ["Complete", "COMPLETE.", "Completed in full.", "Complete (see appendix B)",
                     "Complete for the third year running", "Status: complete"],
        "implemented": ["Implemented.", "Fully implemented", "Implemented in March 2007.",
                        "The new procedure is now implemented across all boroughs.",
                        "These measures have all been implemented."],
        "achieved": ["Achieved", "Achieved.", "Fully achieved", "The target was achieved in 2006/07.",
                     "The panel regards this action as achieved."],
        "closed": ["Closed.", "Closed", "Action closed", "This item was closed by the Audit Panel in June.",
                   "The recommendation is now closed."],
        "discharged": ["Discharged.", "Discharged", "This recommendation was discharged by the Committee in 2005.",
                       "The action has been discharged.", "Discharged by the Finance Committee in May."],
        "fully met": ["Fully met", "Met in full.", "Recommendation met: fully", "The requirement is fully met.",
                      "Delivered in full"],
        "no further action": ["No further action required.", "No further action", "NFA - no further action needed",
                              "The Service considers this recommendation complete.", "Action now complete."],
    },
    "substantially": {
        "substantially met": ["Substantially met", "Largely implemented", "Substantially complete.",
                              "The scheme is largely complete; two boroughs remain.", "Nearing completion.",
                              "Mostly achieved", "Implemented, subject to verification by internal audit."],
    },
    "partial": {
        "partially met": ["Partially met", "Partly met.", "Part implemented", "Implemented in part.",
                          "Partially achieved - phase two outstanding", "Recommendation met: partly"],
    },
    "not_accepted": {
        "not accepted": ["Not accepted.", "Not accepted", "Rejected", "Rej.", "Declined by the Management Board.",
                         "The Service does not accept this recommendation.",
                         "This recommendation will not be taken forward."],
    },
    "superseded": {
        "superseded": ["Superseded", "Superseded by the 2008 Estates Strategy.", "Subsumed within the People Programme.",
                       "The action has been overtaken by national changes.", "Withdrawn",
                       "This recommendation has been withdrawn.", "No longer relevant."],
    },
    "in_progress": {
        "ongoing": ["Ongoing", "On-going", "On going.", "Work is ongoing with the boroughs.", "In progress.",
                    "Still in progress", "Under way", "Work in hand."],
        "on track": ["On track", "On track for completion in 2009.", "On target.",
                     "The project remains on schedule.", "Progressing well and on course for March."],
        "delayed": ["Delayed", "Delayed to Q3.", "Slipped", "The roll-out has slipped to next year.",
                    "Some slippage against the plan.", "Behind schedule.", "Revised timescales agreed."],
        "open": ["O/S", "Outstanding", "Open", "This action remains open.", "Not yet complete.",
                 "Further work required.", "Incomplete"],
        "accepted": ["Accepted.", "Accepted in principle", "Accepted - work under way", "Status: accepted"],
    },
    "not_started": {
        "not started": ["Not started", "Not yet started.", "Not begun", "Work has not yet commenced.",
                        "No action has yet been taken.", "Yet to start", "No progress to report."],
    },
    "awaiting_external": {
        "awaiting others": ["Awaiting Home Office decision", "Awaiting national guidance.",
                            "Awaiting the outcome of the ACPO review.", "Pending the decision of the Home Secretary.",
                            "Progress depends on national developments.", "The change awaits legislation.",
                            "Outside the Service's control."],
    },
    "proposed_closure": {
        "proposed closure": ["Members are invited to agree that this action has been achieved.",
                             "Recommended for discharge.", "Proposed for closure",
                             "The Board is asked to confirm that the recommendation is complete.",
                             "It is proposed that this recommendation be closed.",
                             "This item can now be signed off.", "Agreement is sought that the action is complete.",
                             "Ready for sign-off."],
    },
}
CASES = [(notation, wording, phrase) for notation, wordings in PHRASINGS.items()
         for wording, phrases in wordings.items() for phrase in phrases]


@pytest.fixture(scope="module")
def statuses():
    return load_vocabulary("statuses")


@pytest.mark.parametrize("notation, wording, phrase", CASES)
def test_a_status_phrase_maps_to_its_status(statuses, notation, wording, phrase):
    found = status_from_phrase(phrase, statuses)
    assert found is not None and (found.notation, found.basis) == (notation, "explicit"), (wording, found)


@pytest.mark.parametrize("notation", sorted(PHRASINGS))
def test_every_status_has_at_least_five_phrasings(notation):
    assert sum(len(phrases) for phrases in PHRASINGS[notation].values()) >= 5
    assert all(len(phrases) >= 4 for phrases in PHRASINGS[notation].values())


def test_no_seed_paper_contains_a_test_phrasing():
    text = " ".join(
        re.sub(r"\s+", " ", path.read_text(encoding="utf-8", errors="replace")).casefold()
        for path in (recgraph.data_path() / "papers").iterdir()
        if path.is_file()
    )
    long = [phrase for _, _, phrase in CASES if len(phrase.split()) >= 3]
    assert long and not [phrase for phrase in long if phrase.casefold().rstrip(".") in text]


@pytest.mark.parametrize(
    "progress, notation",
    [
        ("A working group was set up in May. The new policy is now implemented.", "complete"),
        ("The policy was drafted. Roll-out has slipped to the autumn.", "in_progress"),
        ("The guidance was issued to boroughs. Members are invited to agree that it has been achieved.", "proposed_closure"),
        ("Scoping has been done. Further work awaits the national framework.", "awaiting_external"),
        ("Complete the review of the estate by March.", "in_progress"),  # an instruction, not a status
    ],
)
def test_the_last_status_stated_in_a_narrative_wins(statuses, progress, notation):
    assert infer_status(progress, statuses).notation == notation


def test_instructions_and_descriptions_do_not_state_a_status(statuses):
    for text in ("Complete the review of the estate by March.", "Close the gap in detection rates.",
                 "Appraisals that remain outstanding must be cleared.", "Implement the new policy."):
        assert status_from_phrase(text, statuses) is None, text
