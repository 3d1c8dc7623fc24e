"""Structures of the third set of real pages (tests/fixtures/structures/README.md, (k)-(o)).

Small papers in our own words check each general rule and its near misses: a register's status
log after a recommendation (the paragraph before it is the record, the log its progress and status);
an item closing with a colon over its points; a title naming the recommendations closed by a full
stop; a numbered lead-in paragraph under a title naming the list; the marker word alone labelling a
recommendation's words; and the plan-title fallback refusing a page's title, a lead-in closing
with a colon, and a label over a bare value.
"""

from __future__ import annotations

from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment import read
from recgraph.graph.reading.segment.registers import log_lines, logged_status, without_tags
from recgraph.graph.reading.segment.roles import is_stopped_title, lay_out


def records(text: str) -> list[tuple[str, str]]:
    return [(rec.number, rec.text) for rec in read(Document.from_text(text, "page.txt")).recommendations]


def updates(text: str) -> list[tuple[str, str | None, str | None]]:
    result = read(Document.from_text(text, "page.txt"))
    return [(u.recommendation, u.status_phrase, u.progress) for u in result.updates]


ENTRY = (
    "Eastmoor Police: Call Handling inspection 2014 (3301)\n\n"
    "The force should answer emergency calls within ten seconds.\n\n"
    "[on]2nd May 2014 [status]awaiting-review[/status][/on][on]4th May 2015 [comment]\n\n"
    "New recommendation\n\n"
    "The team sent the update below:\n\n"
    '"Done. Calls are answered in eight seconds."\n\n'
    "[/comment][/on][on]9th June 2015 [status]complete[/status][/on]\n"
)


def test_the_lines_of_a_status_log_are_its_tags_and_the_comment_between_them():
    texts = ENTRY.splitlines()
    assert sorted(log_lines(texts)) == [5, 7, 9, 11, 13]
    # a page cut inside a comment: the comment runs to its end
    assert log_lines(["[on]1 May 2015 [comment]", "", "Work goes on.", "A name"]) == {1, 3, 4}
    assert log_lines(["The force should act.", "Status: complete"]) == set()


def test_the_status_now_is_the_last_value_the_log_sets_and_the_markup_is_no_progress():
    log = "[on]1 May 2014 [status]awaiting-review[/status][/on][on]2 May 2016 [status]being-progressed[/status][/on]"
    assert logged_status(log) == "being-progressed"
    assert logged_status("Complete.") is None
    assert without_tags("[/comment][/on][on]9 June 2015 [comment] Done.") == "9 June 2015 Done."


def test_the_paragraph_before_a_status_log_is_the_recommendation_it_tracks():
    assert records(ENTRY) == [("u1", "The force should answer emergency calls within ten seconds.")]
    [(number, status, progress)] = updates(ENTRY)
    assert status == "complete" and "[" not in progress and "Calls are answered" in progress
    # the same page without its log: a title and a sentence, nothing tracked
    assert records("Eastmoor Police: Call Handling inspection 2014 (3301)\n\nThe force should answer calls.\n") == []


def test_a_log_line_never_opens_a_list_or_a_title():
    roles = [line.role for line in lay_out(Document.from_text(ENTRY, "page.txt")).lines if line.text]
    assert roles[2:] == ["log"] * 5


def test_an_item_closing_with_a_colon_takes_its_points_but_not_progress_after_a_full_stop():
    text = (
        "The inspectorate recommends that:\n\n1. Forces should monitor their data to understand:\n\n"
        "\u2022the reasons for any gap; and \u2022how it changes over time.\n\n"
        "2. Forces should publish the data.\n\n\u2022 Published in May by every force.\n"
    )
    assert records(text) == [
        ("1", "Forces should monitor their data to understand: \u2022the reasons for any gap; and \u2022how it changes over time."),
        ("2", "Forces should publish the data."),
    ]


def test_a_title_naming_the_recommendations_may_close_with_a_full_stop_but_a_sentence_is_no_title():
    assert is_stopped_title("Recommendations from the March 2020 inspectorate report.")
    assert is_stopped_title("Recommendations of the review.")
    assert not is_stopped_title("Recommendations from the review were welcomed by the minister.")
    assert not is_stopped_title("Recommendations.")  # nothing to tell it from a stray word
    listed = "Recommendations from the 2019 report.\n\n1. Forces should count stops.\n\n2. Forces should publish counts.\n"
    assert [n for n, _ in records(listed)] == ["1", "2"]
    told = "Recommendations from the review were welcomed.\n\n1. The minister spoke first.\n\n2. A reply will follow.\n"
    assert records(told) == []


def test_a_numbered_lead_in_under_a_title_introduces_the_list_and_is_not_one_of_its_items():
    text = (
        "Summary of conclusions and recommendations\n"
        "40. Our conclusions and recommendations are as follows:\n"
        "Keeping victims informed\n"
        "1. Every force should name an officer for each victim (paragraph 12).\n"
        "2. We recommend that forces publish their times (paragraph 18).\n"
    )
    assert [n for n, _ in records(text)] == ["1", "2"]
    # a numbered paragraph under such a title that introduces nothing is an item of the list
    assert [n for n, _ in records("Recommendations\n7. Forces should keep a list.\n8. Forces should review it.\n")] == ["7", "8"]


def test_the_marker_word_alone_labels_the_recommendations_words_and_the_governments_reply_is_progress():
    text = (
        "Recommendation 9\n\nOfficers lack training on the new powers.\n\nRecommendation\n"
        "Every officer should be trained on the powers within a year.\n"
        "Government Response Summary\nThe Home Office agrees and will fund the training.\n"
    )
    [(number, words)] = records(text)
    assert number == "9" and words == "Officers lack training on the new powers. Every officer should be trained on the powers within a year."
    [(_, _, progress)] = updates(text)
    assert "will fund the training" in progress


def test_plan_titles_are_never_the_pages_title_a_lead_in_or_a_label_over_a_value():
    page = (
        "Report on the review of patrols\n\nThe review made recommendations on patrols.\n\n"
        "Reference number\n40213\n\nIt was extended to include:\n\nSeveral more boroughs joined the review in May.\n\n"
        "Night patrols\n\nPatrols at night now cover every ward and the review's target is met.\n"
    )
    assert records(page) == []
    plan = (
        "Report on the review of patrols\n\nProgress on the recommendations of the patrol review.\n\n"
        "Night patrols\n\nPatrols at night now cover every ward.\n\nSchool visits\n\nEvery school now has a named officer.\n"
    )
    assert [words for _, words in records(plan)] == ["Night patrols", "School visits"]


def test_points_indented_right_under_an_item_with_a_colon_are_its_words_but_progress_is_not():
    text = (
        "Recommendations from the 2020 review.\n\n  1. Forces should: record every stop.\n    publish the figures each month.\n\n"
        "  2. Forces should: train all staff.\n  Training began in May. Complete.\n\n    Every borough took part.\n"
    )
    assert records(text) == [
        ("1", "Forces should: record every stop. publish the figures each month."),
        ("2", "Forces should: train all staff."),
    ]
    assert updates(text) == [("2", "Complete.", "Training began in May. Complete. Every borough took part.")]
