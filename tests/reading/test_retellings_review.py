"""Look-alikes of the retelling rules found on review (segment/retellings.py), each written for this test: a
paper's own panel asking the Authority to decide is its business by every route, and a retold recommendation
does not run on over what someone else said."""

from __future__ import annotations

from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment import read
from recgraph.graph.reading.segment.retellings import retellings


def texts(page: str) -> list[str]:
    return [rec.text for rec in read(Document.from_text(page, "page.txt")).recommendations]


def test_a_panel_asking_the_authority_to_decide_is_no_retelling():
    assert texts("Finance minutes\n\nThe panel recommends that the Authority approves the budget for 2009/10.\n") == []
    assert retellings("This review recommends that Members note the progress made.") == []
    # an issuer's ask to others is still one
    assert [m["text"] for m in retellings("The review recommends that forces publish their custody data.")] == [
        "forces publish their custody data."
    ]


def test_a_retelling_does_not_run_on_over_another_speaker():
    text = "The report calls for better training of custody staff. The Mayor said the police must act quickly. Forces should report yearly."
    assert [m["text"] for m in retellings(text)] == ["better training of custody staff."]
    text = "The report calls for better training of custody staff. Trainers should be accredited."
    assert [m["text"] for m in retellings(text)] == ["better training of custody staff. Trainers should be accredited."]


def test_an_appeal_for_witnesses_or_a_word_of_caution_is_not_urged_as_a_recommendation():
    assert retellings("The Independent Police Complaints Commission (IPCC) urged witnesses to come forward.") == []
    assert retellings("The inquiry urged anyone with information to contact its team.") == []
    assert retellings("The report urges caution in reading the figures.") == []
    # an issuer urging a body to act, or urging that something be done, is one
    assert [m["text"] for m in retellings("The review urges the Home Office to fund custody nurses.")] == [
        "the Home Office to fund custody nurses."
    ]
    assert [m["text"] for m in retellings("The report urged that every suite be inspected.")] == ["that every suite be inspected."]


def test_a_publications_chapter_titles_are_no_plan_action_titles():
    page = ("Summary of the inspection report and its recommendations\n\nChapter 2: Custody\n\n"
            "Inspectors visited six custody suites over two weeks in March and spoke to staff.\n\nChapter 3: Training\n\n"
            "Most custody staff had received first aid training within the last year.\n")
    assert texts(page) == []
    # a plan's own action titles still are
    plan = ("Progress on the improvement plan\n\nCustody visiting\n\nVisits to all suites have been arranged for May.\n\n"
            "Training\n\nFirst aid training has been given to all custody staff.\n")
    assert len(texts(plan)) == 2


def test_an_outside_body_asking_the_authority_to_act_is_a_recommendation():
    # the own-business guard stops a paper asking its Authority, Committee or Board to decide (note, agree,
    # approve, ...), not an inspection asking the Authority to do something
    from recgraph.graph.reading.segment.spans import RECOMMENDS

    assert RECOMMENDS.match("The inspection recommends that the Authority reviews its oversight of custody.")
    assert [m["text"] for m in retellings("The inspection recommends that the Authority reviews its oversight of custody.")] == [
        "the Authority reviews its oversight of custody."
    ]
    assert texts("Inspection summary\n\nThe inspection recommends that the Authority reviews its oversight of custody.\n") == [
        "The inspection recommends that the Authority reviews its oversight of custody."
    ]
    for decision in ("The report recommends that the Committee notes the progress made.",
                     "The report recommends that the Board agree the revised terms of reference.",
                     "The panel recommends that the Authority endorses the plan."):
        assert not RECOMMENDS.match(decision), decision
        assert retellings(decision) == [], decision
