"""Two structures real pages showed the reader missing (tests/fixtures/structures/README.md, (i), (j)).

(i) a select committee's numbered conclusions, each closed by "(paragraph N)", reprinted in the
Government's response with its numbered replies between them; (j) a table flattened one cell per
line whose first column holds bare row numbers under a number head and a recommendation head.
Each rule is checked with its look-alikes, which must stay prose.
"""

from __future__ import annotations

import pytest

from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment import read
from recgraph.graph.reading.segment.conclusions import BACK_REFERENCE, referenced_conclusions
from recgraph.graph.reading.segment.roles import lay_out
from recgraph.graph.reading.segment.switches import switched_off


def records(text: str) -> list[tuple[str, str]]:
    return [(rec.number, rec.text) for rec in read(Document.from_text(text, "page.txt")).recommendations]


def progress(text: str) -> dict[str, str | None]:
    result = read(Document.from_text(text, "page.txt"))
    return {u.recommendation: u.progress for u in result.updates}


RESPONSE = (
    "Special Report\n\nVictims\n\n"
    "12. Victims are not told when a suspect is bailed. Forces should tell them within a day (paragraph 40).\n\n"
    "13. The Government accepts this. Guidance will be issued in May.\n\n"
    "14. We welcome the new code for victims. It should be reviewed after a year (paragraphs 44 and 45).\n"
)


def test_a_conclusion_closed_by_its_paragraph_reference_is_a_record_and_the_reply_its_progress():
    assert records(RESPONSE) == [
        ("12", "Victims are not told when a suspect is bailed. Forces should tell them within a day (paragraph 40)."),
        ("14", "We welcome the new code for victims. It should be reviewed after a year (paragraphs 44 and 45)."),
    ]
    assert progress(RESPONSE)["12"] == "The Government accepts this. Guidance will be issued in May."


def test_a_reply_between_conclusions_is_no_item_even_under_a_heading_naming_the_list():
    text = RESPONSE.replace("Victims\n", "Conclusions and recommendations\n")
    assert [number for number, _ in records(text)] == ["12", "14"]


def test_a_hard_wrapped_conclusion_runs_to_its_reference_over_a_line_taken_for_a_heading():
    text = (
        "Recruitment\n"
        "21. Too few officers come from the\n"
        "communities they serve. This is not acceptable.\n"
        "We support the targets set for all forces\n"
        "to raise the share (paragraph 186).\n"
        "22. The Government agrees.\n"
    )
    assert records(text) == [
        ("21", "Too few officers come from the communities they serve. This is not acceptable. "
               "We support the targets set for all forces to raise the share (paragraph 186)."),
    ]


def test_cross_references_of_a_papers_own_narrative_are_not_back_references():
    for ending in ("(see paragraph 4).", "(paragraph 5.2).", "(paragraphs 3.1 to 3.4 refer).", "(see paragraph 2 above)."):
        assert not BACK_REFERENCE.search(f"The centre opened in March {ending}"), ending
    for ending in ("(paragraph 72).", "(Paragraph 14)", "(paragraphs 86 and 87)", "(paras 12-14).", "(paragraphs 3, 5 and 9)"):
        assert BACK_REFERENCE.search(f"Forces should act {ending}"), ending
    text = "Review\n\n1. The centre opened in March (see paragraph 4).\n\nThe risks are unchanged (paragraph 7).\n"
    assert referenced_conclusions(lay_out(Document.from_text(text, "p.txt"))) == []
    assert records(text) == []


def test_the_referenced_cue_can_be_switched_off():
    with switched_off({"item/referenced"}):
        assert records(RESPONSE) == []


TABLE = "Recommendations:\n\n{head}\n\nRecommendation\n\n1\n\nForces should publish the data.\n\n2\n\nForces should consult.\n"


def test_bare_row_numbers_under_a_number_head_and_a_recommendation_head_number_their_rows():
    for head in ("No.", "Number", "Ref"):
        assert records(TABLE.format(head=head)) == [("1", "Forces should publish the data."), ("2", "Forces should consult.")], head


def test_a_second_cell_of_a_numbered_row_is_its_progress():
    text = "No.\nRecommendation\nResponse\n1\nStores should keep a register.\nA register is kept.\n2\nStaff should be named.\nDone.\n"
    assert progress(text) == {"1": "A register is kept.", "2": "Done."}


def test_bare_numbers_without_the_heads_stay_page_numbers():
    no_recommendation_head = TABLE.format(head="No.").replace("\nRecommendation\n", "\nItem\n")
    assert [line.text for line in lay_out(Document.from_text(no_recommendation_head, "p.txt")).lines if line.text][2:4] == [
        "Item", "1",
    ]
    pages = "A guide\n\nPanels should meet four times a year.\n\n4\n\nMembers should tell the chair.\n\n5\n\nThe chair signs off.\n\n6\n"
    assert [line.role for line in lay_out(Document.from_text(pages, "p.txt")).lines if line.text == "5"] == ["text"]


def test_an_mpa_papers_own_numbered_paragraph_citing_a_paragraph_stays_its_narrative():
    text = (
        "Report: 4\nDate: 1 May 2004\nBy: Clerk\n\nSummary\n\nThis report sets out the inspection.\n\n"
        "A. Recommendation\n\nThat Members note the report.\n\nB. Supporting information\n\n"
        "1. The inspectors found that forces should record each search (paragraph 12).\n\n"
        "2. The MPS has begun to do so.\n\nC. Financial implications\n\nThere are none.\n"
    )
    layout = lay_out(Document.from_text(text, "p.txt"))
    assert [line.role for line in layout.lines if line.text.startswith("1. The inspectors")] == ["numbered"]
    assert referenced_conclusions(layout) == []


def test_the_reply_after_the_last_conclusion_is_its_progress_not_a_record():
    text = RESPONSE.replace("Victims\n", "Conclusions and recommendations\n") + "\n15. The Government agrees and will review the code next year.\n"
    assert [number for number, _ in records(text)] == ["12", "14"]
    assert progress(text)["14"] == "The Government agrees and will review the code next year."


def test_after_a_list_of_conclusions_without_replies_a_paragraph_cut_from_its_reference_stays_an_item():
    text = (
        "Conclusions and recommendations\n\n"
        "1. Forces should publish their custody data (paragraph 10).\n\n"
        "2. Forces should consult their visitors every year (paragraph 12).\n\n"
        "3. Forces should train every detention officer in first aid and\n"
    )
    assert [number for number, _ in records(text)] == ["1", "2", "3"]


def test_a_reply_in_the_responders_voice_after_a_lone_conclusion_is_its_progress():
    text = (
        "Conclusions and recommendations\n\n"
        "7. Forces should publish their custody data every quarter (paragraph 10).\n\n"
        "8. The Government accepts this recommendation and will ask forces to do so from April.\n"
    )
    assert [number for number, _ in records(text)] == ["7"]
    assert progress(text)["7"].startswith("The Government accepts this recommendation")


@pytest.mark.parametrize("opening", [
    "The Government should publish its custody data every quarter.",  # a conclusion about the Government
    "The Government has failed to publish its custody data.",
    "The Home Office needs to publish its custody data.",
])
def test_a_paragraph_about_the_government_after_a_conclusion_stays_an_item(opening):
    text = (
        "Conclusions and recommendations\n\n"
        "7. Forces should publish their custody data every quarter (paragraph 10).\n\n"
        f"8. {opening}\n"
    )
    assert [number for number, _ in records(text)] == ["7", "8"]
