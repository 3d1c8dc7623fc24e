"""The general segmenter: markers, roles, records, and what it never does (refuse, invent, crash)."""

from __future__ import annotations

import random

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading.papers import ReadOptions, read_paper
from recgraph.graph.reading.readers import committee, detect_layout, general_reader
from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment import read
from recgraph.graph.reading.segment.markers import covered, head_marker, tail_marker
from recgraph.graph.reading.segment.roles import lay_out

FRAME = """You are in:
Contents
Report 4 of the 2 March 2006 meeting of the Planning, Performance and Review Committee.
Warning: This is archived material and may be out of date.

Progress on the Example Review

Report: 4
Date: 2 March 2006
By: Commissioner

Summary

This report sets out progress on the recommendations of the Example Review.

A. Recommendations

That Members note the progress made and agree that Recommendation 2 be closed.

B. Supporting information

{body}

C. Financial implications

There are none.

F. Contact details

Report author: A Writer, MPS
MPA general: 020 7202 0202
"""


def page(body: str) -> Document:
    return Document.from_text(FRAME.format(body=body), "example.txt")


@pytest.mark.parametrize(
    "line, number, covers, text",
    [
        ("Recommendation 4 – Publish the plan", "4", (), "Publish the plan"),
        ("Rec 12 – Share the data", "12", (), "Share the data"),
        ("Rec. 61: Record every stop", "61", (), "Record every stop"),
        ("R 3 - Train the staff", "R 3", (), "Train the staff"),
        ("R.7 – Fit CCTV", "R.7", (), "Fit CCTV"),
        ("R12 Appoint a lead", "R12", (), "Appoint a lead"),
        ("Recs 3/4 – Rousing checks", "3/4", ("3", "4"), "Rousing checks"),
        ("Recommendations 3-5: time limits", "3-5", ("3", "4", "5"), "time limits"),
        ("Recommendations 5\u20139 \u2013 the receipt", "5\u20139", ("5", "6", "7", "8", "9"), "the receipt"),
        ("Recommendations 10 to 13 \u2013 further work.", "10 to 13", ("10", "11", "12", "13"), "further work."),
        ("Recommendations 5 and 6 – Publish a strategy", "5 and 6", ("5", "6"), "Publish a strategy"),
        ("3. Rec 1 – A custody manager", "1", (), "A custody manager"),
        ("Recommendation 1", "1", (), ""),
        ("\u2022 Recommendation 14 \u2013 complete.", "14", (), "complete."),
    ],
)
def test_heading_markers_give_the_number_as_printed_and_the_numbers_covered(line, number, covers, text):
    marker = head_marker(line)
    assert (marker.number, marker.covers, marker.text) == (number, covers, text)


@pytest.mark.parametrize(
    "line",
    [
        "9. Rec 13, on the visiting scheme, falls to the MPA.",
        "Recommendation 8 is awaiting the national costing model.",
        "Recommendations 3, 4 and 10 require further work.",
        "4. Recommendation 10 (customer care training) is substantially complete.",
        "R10 remains open and will be reported in March.",
        "Recommendations for this Committee",
    ],
)
def test_prose_citing_a_recommendation_is_not_a_heading(line):
    assert head_marker(line) is None


def test_a_bullet_closing_with_a_marker_is_one_grouped_record():
    marker, topic, rest = tail_marker("time limits for each stage (Recommendations 3\u20135). Work has begun.")
    assert (marker.number, marker.covers, topic, rest) == ("3\u20135", ("3", "4", "5"), "time limits for each stage", "Work has begun.")
    assert covered("8, 9 and 10") == ("8", "9", "10") and covered("R4/R5") == ("R4", "R5")


def test_a_range_heading_is_one_record_with_its_covers_and_members_items_are_never_records():
    result = read(page("Recommendations 1\u20133 \u2013 Publish the plan\n\n1. The plan was published in May. Complete.\n"))
    (rec,) = result.recommendations
    assert (rec.number, rec.covers, rec.text) == ("1\u20133", ("1", "2", "3"), "Publish the plan")
    assert result.updates[0].status_phrase == "Complete."


def test_roles_of_the_frame_members_and_closing_sections():
    layout = lay_out(page("Recommendation 1 – Publish the plan\n\n1. Done. Complete.\n"))
    roles = {line.text: line.role for line in layout.lines if line.text}
    assert roles["That Members note the progress made and agree that Recommendation 2 be closed."] == "members"
    assert roles["There are none."] == "boilerplate"
    assert roles["Warning: This is archived material and may be out of date."] == "frame"
    assert roles["Recommendation 1 – Publish the plan"] == "marker"
    assert roles["1. Done. Complete."] == "numbered"


def test_a_bare_heading_takes_the_next_paragraph_as_text_and_the_rest_as_progress():
    body = (
        "Recommendation 2\n\n3. The MPS should log every enquiry.\n\n"
        "4. The lead for this recommendation is Commander Reid.\n\n5. A module has been scoped. Awaiting national specification.\n"
    )
    (rec,) = read(page(body)).recommendations
    update = read(page(body)).updates[0]
    assert rec.text == "The MPS should log every enquiry."
    assert (update.owner, update.status_phrase) == ("Commander Reid", "Awaiting national specification.")


def test_that_recommendations_with_responses():
    body = "(1) That the MPS checks every briefing.\n\nResponse (1): Accepted. Lead: DCI Voss.\n\n(2) That the MPS names a contact.\n\nResponse (2): Not accepted.\n"
    result = read(page(body))
    assert [(r.number, r.text) for r in result.recommendations] == [
        ("1", "That the MPS checks every briefing."), ("2", "That the MPS names a contact.")
    ]
    assert [u.status_phrase for u in result.updates] == ["Accepted.", "Not accepted."]


def test_unnumbered_plan_headings_and_audit_sub_bullets_get_printed_order_numbers():
    plan = "Appointment of a lead\n\n1. A lead was appointed. Achieved.\n\nA central store\n\n2. The lease is signed.\n"
    assert [r.number for r in read(page(plan)).recommendations] == ["u1", "u2"]
    audit = "1. Progress by area:\n  \u2022 Payroll\n    \u2013 The payroll should be reconciled. Complete.\n    \u2013 recommendation 4, on access rights, is now implemented.\n"
    result = read(page(audit))
    assert [r.number for r in result.recommendations] == ["u1", "4"]


def test_one_generic_sub_heading_is_not_a_plan():
    body = "Key issues\n\n1. Of the ten recommendations, five are complete.\n\nCurrent position\n\n2. Two remain open.\n"
    assert read(page(body)).recommendations == []


def test_lettered_part_lines_are_parts_of_their_recommendation():
    body = "Recommendation 3 – The MPS should:\n(a) publish the plan;\n(b) review it yearly.\n\n1. Both are done. Complete.\n"
    assert [(r.number, r.parent) for r in read(page(body)).recommendations] == [("3", None), ("3(a)", "3"), ("3(b)", "3")]


def test_a_table_region_inside_a_web_page_is_read_by_the_table_reader():
    seed = (recgraph.data_path() / "papers" / "000_e465e3dd12847c8c.txt").read_text(encoding="utf-8")
    result = read(page("1. The table below sets out progress.\n\n" + seed))
    assert len(result.recommendations) == 17
    assert any(report.key == "hmic-mps-inspection-2000-2001" for report in result.paper.source_reports)


def test_unplaced_text_is_left_over_never_dropped():
    result = read(page("1. The review reported in 2005.\n\nRecommendation 1 – Publish the plan\n\n2. Done. Complete.\n"))
    assert [left.text for left in result.leftovers] == ["1. The review reported in 2005."]


def test_specialisations_keep_the_papers_they_claim():
    seed = recgraph.data_path() / "papers" / "003_4b6427e468c57cc2.txt"
    assert detect_layout(Document.from_text(seed.read_text(encoding="utf-8"))) is committee
    assert detect_layout(Document.from_text("Minutes of the meeting.")) is general_reader()


def test_a_paper_without_tracked_recommendations_is_read_with_a_warning_and_empty_files_stay_errors(tmp_path):
    prose = tmp_path / "minutes.txt"
    prose.write_text("Minutes\n\nThe chair welcomed members.\n", encoding="utf-8")
    result = read_paper(prose, ReadOptions(use_overrides=False))
    assert result.recommendations == [] and result.warnings == [f"{prose}: no tracked recommendation found (2 unplaced span(s))"]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ReadError):
        read_paper(empty)


def test_no_traceback_on_scrambled_papers():
    rng = random.Random(13)
    pieces = FRAME.format(body="Recs 3/4 \u2013 x\n(a) y\n\tNo.\tRecommendation\tStatus\n1\tA\tDone\n").splitlines()
    pieces += ["\u2022 (Recommendation 2)", "R1", "That", "(1) That", "Response:", "| | |", "    \u2013 recommendation 4,"]
    for _ in range(200):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        read(Document.from_text(text, "scrambled.txt"))


def test_markdown_emphasis_and_chapter_numbers_in_markers():
    assert head_marker("**Recommendation 1**").number == "1"
    assert (head_marker("Recommendation 4.2 – Train staff").number, head_marker("Recommendation 3. The MPS").number) == ("4.2", "3")


def test_a_hard_wrapped_line_continues_its_paragraph_rather_than_titling_a_plan_item():
    body = (
        "Appointment of a lead\n\n1. A lead was appointed in May and the\nBoard Secretariat supports the lead. Achieved.\n\n"
        "A central store\n\n2. The lease is signed.\n"
    )
    assert [r.text for r in read(page(body)).recommendations] == ["Appointment of a lead", "A central store"]


def test_a_decision_in_the_passive_is_the_papers_own_even_outside_section_a():
    text = "Progress report\n\n1. That the report be noted.\n\n2. That the MPS publishes the plan.\n\nResponse 2: Accepted.\n"
    result = read(Document.from_text(text, "plain.txt"))
    assert [(r.number, r.text) for r in result.recommendations] == [("2", "That the MPS publishes the plan.")]


def test_a_numbered_recommendation_answered_by_a_response_is_read_without_the_word_that():
    body = "5. The MPS should remind officers of the duty.\n\nMPS response: Training now covers it. Complete.\n\n6. Background follows.\n"
    result = read(page(body))
    assert [(r.number, r.text) for r in result.recommendations] == [("5", "The MPS should remind officers of the duty.")]
    assert result.updates[0].status_phrase == "Complete."


def test_sub_headings_of_a_paper_that_tracks_nothing_are_not_plan_items():
    text = FRAME.format(body="Project management\n\n1. A board meets monthly.\n\nStaffing\n\n2. Two analysts join.\n")
    text = text.replace("This report sets out progress on the recommendations of the Example Review.", "This report outlines a project.")
    text = text.replace("Progress on the Example Review", "Example project initiation document")
    assert read(Document.from_text(text, "pid.txt")).recommendations == []
    assert [r.number for r in read(page("Project management\n\n1. A board.\n\nStaffing\n\n2. Two join.\n")).recommendations] == ["u1", "u2"]


def test_a_row_of_column_heads_and_figures_is_not_a_title():
    from recgraph.graph.reading.segment.roles import is_heading

    assert not is_heading("Quarter 2005-06 2006-07 % Change")
    assert not is_heading("Budget £ 2004 2005")
    assert is_heading("Recommendation 3 \u2013 Training")
    assert is_heading("Victim care and follow-up")


def test_a_line_of_two_sentences_is_not_a_title():
    from recgraph.graph.reading.segment.roles import is_heading

    assert not is_heading("The board asked for two papers on lighting. These are:")
    assert is_heading("Lighting standards: the two papers")
