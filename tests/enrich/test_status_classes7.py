"""The seventh session's wording classes of statuses.ttl and the grammar (docs/enrichment.md, "Statuses: seventh
session's classes"), each tested on phrasings written for this test: none is copied from a seed paper or from a
surveyed page, and each class has near misses that must NOT take its status.
"""

from __future__ import annotations

import re

import pytest

import recgraph

#: (phrasing, status) per wording class; each phrasing written for this test.
CLASSES: dict[str, list[tuple[str, str]]] = {
    "a register log's status value": [
        ("[on]4 March 2019 [status]no-further-action-needed[/status][/on]", "complete"),
        ("[on]2 May 2018 [status]being-progressed[/status][/on][on]9 June 2020 [status]complete[/status][/on]", "complete"),
        ("[status]awaiting-review[/status]", "unknown"),
        ("Awaiting review", "unknown"),
    ],
    "done in full with its object between": [
        ("The service has met them in full.", "complete"),
        ("Following the audit the council has achieved it in full.", "complete"),
    ],
    "embedded in business or practice": [
        ("The new checks are now embedded in core business.", "complete"),
        ("Reviews have been embedded into everyday practice.", "complete"),
    ],
    "completion confirmed or recorded": [
        ("This update confirms the completion of the estates actions.", "complete"),
        ("The panel recorded the closure of action 12 in June.", "complete"),
    ],
    "considered to be complete": [
        ("Of the 20 actions, 17 are considered to be complete.", "complete"),
        ("The remaining item was judged to have been completed.", "complete"),
    ],
    "a post filled": [
        ("Detective Superintendent Rowe appointed.", "complete"),
        ("A custody lead has been appointed for every borough.", "complete"),
        ("Duty inspectors appointed for each division", "complete"),
        ("Chief Inspector Okafor has taken over as the force lead.", "complete"),
        ("A deputy took up the post of diversity adviser in May.", "complete"),
    ],
    "a thing sent out": [
        ("The revised guidance has been circulated to all stations.", "complete"),
        ("Copies of the protocol were distributed to every custody suite.", "complete"),
    ],
    "a body set up, with what it will do next": [
        ("The panel has been set up and members will be briefed at its first sitting.", "complete"),
    ],
    "well established": [
        ("The rota is now well established across the command.", "complete"),
    ],
    "most of the recommendations done": [
        ("Most of the recommendations in the audit have now been implemented.", "substantially"),
        ("The great majority of the actions were completed on time.", "substantially"),
        ("All but two of the recommendations have been delivered.", "substantially"),
    ],
    "percentage as a noun of completion": [
        ("Each project is now at 85% completion.", "substantially"),
        ("The refurbishment is at 40% completion.", "partial"),
    ],
    "done but work goes on": [
        ("Implemented, but further development is needed.", "substantially"),
        ("The scheme is in place but still requires embedding.", "substantially"),
        ("Completed but work continues to bed it in", "substantially"),
    ],
    "set up but short of staff": [
        ("The unit was established but is short of staff by three officers.", "partial"),
        ("The team is in place but remains under-staffed.", "partial"),
    ],
    "moved to a successor plan": [
        ("These actions are now incorporated within the 2024 improvement plan.", "superseded"),
        ("The open items have been moved across from the old tracker to the new change programme.", "superseded"),
        ("The remaining points are to be progressed via the new equality scheme.", "superseded"),
        ("Outstanding actions will now be tracked under the force's people strategy.", "superseded"),
        ("The review unit has been disbanded and its functions transferred to the standards directorate.", "superseded"),
    ],
    "not progressed or deferred by decision": [
        ("This item is not being progressed this year.", "not_started"),
        ("The proposal has not been taken forward.", "not_started"),
        ("The survey was postponed on grounds of cost.", "not_started"),
        ("Phase three was deferred with the agreement of the finance committee.", "not_started"),
    ],
    "waiting on national or other bodies": [
        ("Several of these points are being considered by national working groups.", "awaiting_external"),
        ("Pay and allowances are national matters for the police staff council.", "awaiting_external"),
        ("The change can proceed only once this is agreed nationally.", "awaiting_external"),
        ("Works on the annex are pending action by the landlord.", "awaiting_external"),
        ("We have not yet received a response from the Home Office.", "awaiting_external"),
        ("Costings were requested from the supplier but have not yet been received.", "awaiting_external"),
        ("Implementation is dependant upon changes to national pay scales.", "awaiting_external"),
    ],
    "a closure proposed with the noun": [
        ("The paper proposes the closure of four scrutiny actions.", "proposed_closure"),
        ("Officers proposed the close-down of the old tracker items.", "proposed_closure"),
    ],
    "no information recorded": [
        ("No published response recorded", "unknown"),
        ("No formal management update has been received for this item.", "unknown"),
        ("The committee noted the lack of update information from two directorates.", "unknown"),
    ],
}

#: (phrasing, status it must NOT take): near misses of the classes above.
NEAR_MISSES: list[tuple[str, str]] = [
    # a post filled or a thing sent that is a step, or not done
    ("A project manager has been appointed to take this work forward.", "complete"),
    ("A new lead will be appointed in the spring.", "complete"),
    ("An interim chair was appointed in order to review the arrangements.", "complete"),
    ("A questionnaire has been sent to all boroughs.", "complete"),
    ("The draft code was circulated for comment.", "complete"),
    ("Letters have been sent asking partners for their data.", "complete"),
    ("The guidance should have been circulated by now.", "complete"),
    ("A chief inspector will take over as lead next month.", "complete"),
    ("Consultants have been appointed.", "complete"),
    ("A new head of training has been appointed and is reviewing the courses.", "complete"),
    ("The guidance was circulated to stations and further briefings will follow.", "complete"),
    ("The training pack has been distributed to trainers and roll-out begins in June.", "complete"),
    ("The unit was set up in April and is recruiting staff.", "complete"),
    # not done in full, not considered complete
    ("The board has not achieved it in full.", "complete"),
    ("The targets are to be met in full by 2026.", "complete"),
    ("These are expected to be complete by the summer.", "complete"),
    ("The force needs to confirm the completion of the audit.", "complete"),
    # most of, not done
    ("Most of the recommendations have not been implemented.", "substantially"),
    ("We intend to accept most of the recommendations.", "substantially"),
    ("The majority of open actions are progressing well.", "substantially"),
    # done but ... not a qualification of work going on
    ("Accepted but not yet implemented.", "substantially"),
    ("Not implemented, but work continues.", "substantially"),
    ("The policy will be introduced but further work is needed first.", "substantially"),
    ("Implemented, but the benefits are not yet measured.", "partial"),
    ("A working group has been set up, but further work is needed.", "substantially"),
    ("A review team was established but is short of staff.", "partial"),
    # successor plans: work under way through a programme is in progress
    ("The actions are being progressed through the change programme.", "superseded"),
    ("This is being taken forward as part of the wider review.", "superseded"),
    ("The unit has been disbanded as recommended.", "superseded"),
    ("This will be taken forward through the new estates strategy.", "superseded"),
    # not progressed as a degree or a refusal; a bare deferral
    ("The work has not been progressed as quickly as planned.", "not_started"),
    ("The proposal will not be taken forward.", "not_started"),
    ("Deferred", "not_started"),
    # waits on the organisation itself
    ("This is being progressed by the department and we await an update.", "awaiting_external"),
    ("Awaiting an update from the action owner", "awaiting_external"),
    ("We are working with national partners to deliver the changes.", "awaiting_external"),
    ("Work is being taken forward in conjunction with the national agency.", "awaiting_external"),
    # a decision on a proposed closure
    ("The board agreed the proposed closure of action 5.", "proposed_closure"),
    # information held
    ("A formal response has been received and recorded.", "unknown"),
    ("Awaiting review by the Home Office", "unknown"),
]

CASES = [(name, phrase, status) for name, rows in CLASSES.items() for phrase, status in rows]


@pytest.mark.parametrize("name, phrase, status", CASES)
def test_a_wording_class_maps_to_its_status(decide_status, name, phrase, status):
    assert decide_status(phrase) == status, name


@pytest.mark.parametrize("phrase, status", NEAR_MISSES)
def test_near_misses_do_not_take_the_class_status(decide_status, phrase, status):
    assert decide_status(phrase) != status


def test_a_working_group_set_up_to_take_work_forward_stays_in_progress(decide_status):
    # the in-progress wording that the completion classes must leave alone
    for phrase in ("A working group has been established to take this forward.",
                   "A steering group was set up to oversee delivery.",
                   "An officer has been appointed to lead the review."):
        assert decide_status(phrase) == "in_progress", phrase


def test_every_class_has_phrasings_and_none_is_in_a_seed_paper():
    assert all(len(rows) >= 1 for rows in CLASSES.values()) and sum(len(r) >= 2 for r in CLASSES.values()) >= 12
    text = " ".join(
        re.sub(r"\s+", " ", path.read_text(encoding="utf-8", errors="replace")).casefold()
        for path in (recgraph.data_path() / "papers").iterdir()
        if path.is_file()
    )
    phrases = [phrase for _, phrase, _ in CASES] + [phrase for phrase, _ in NEAR_MISSES]
    assert not [p for p in phrases if len(p.split()) >= 3 and p.casefold().rstrip(".") in text]
