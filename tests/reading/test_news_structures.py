"""News items, summaries and analyses listing a report's recommendations (fixtures u1-y1, n7).

The rules each fixture reads by, and the look-alikes each must leave as prose: "It" as the issuer
only after a sentence naming one, bare numbers only in a run under a title naming the
recommendations, a colon lead-in set as a title but never speech, lists announced as something
else (chapters, findings), theme titles over retellings.
"""

from __future__ import annotations

from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment import read
from recgraph.graph.reading.segment.enumerators import join_bare_items
from recgraph.graph.reading.segment.roles import MAX_HEADING_WORDS
from recgraph.graph.reading.segment.retellings import retellings


def texts(page: str) -> list[str]:
    return [rec.text for rec in read(Document.from_text(page, "page.txt")).recommendations]


def test_it_is_the_issuer_only_after_a_sentence_naming_one():
    named = "A report by the commission has concluded that complaints were closed too soon."
    assert [m["text"] for m in retellings("It calls for a review of every complaint.", before=named)] == [
        "a review of every complaint."
    ]
    assert retellings("It calls for a review of every complaint.", before="The force said it had changed its policy.") == []
    assert retellings("The review found delays. It called for evidence from forces.") == []


def test_a_body_named_with_its_acronym_is_an_issuer_and_a_retelling_runs_on_over_what_it_prescribes():
    text = "The Office for Custody Standards (OCS) is calling for new guidance. Forces should adopt it by May. Two officers face meetings."
    assert [m["text"] for m in retellings(text)] == ["new guidance. Forces should adopt it by May."]


def test_bare_numbers_join_their_words_only_in_a_run_under_a_title_naming_the_recommendations():
    lines = ["Summary of Recommendations", "", "1", "", "There should be a board.", "", "2", "", "The board should meet.", "",
             "3", "", "Forces should report.", ""]
    joined: set[int] = set()
    join_bare_items(lines, joined, MAX_HEADING_WORDS)
    assert [t for t in lines if t] == ["Summary of Recommendations", "1. There should be a board.", "2. The board should meet.",
                                       "3. Forces should report."]
    assert joined == {5, 9, 13}
    untitled = ["Guide for panel members", "", "1", "", "Members should attend.", "", "2", "", "Chairs should sign.", "", "3", "",
                "Officers should report back.", ""]
    before = list(untitled)
    join_bare_items(untitled, set(), MAX_HEADING_WORDS)
    assert untitled == before  # page numbers over prescribing paragraphs, but no title naming recommendations
    short = ["Summary of Recommendations", "", "1", "", "There should be a board.", "", "2", "", "The board should meet.", ""]
    join_bare_items(short, set(), MAX_HEADING_WORDS)
    assert "1" in short  # two in a run could be page numbers


def test_speech_set_as_a_title_is_no_lead_in():
    page = (
        "Review published\n\nThe review sets out the changes it recommends for custody.\n\nWhat the minister said at the launch was:\n\n"
        "* Forces should act quickly on this.\n* We will fund the work.\n"
    )
    assert texts(page) == []


def test_a_lead_in_announcing_chapters_borrows_no_naming_from_the_sentence_before():
    page = (
        "Blog\n\nThe inquiry makes 40 recommendations, gathered in its final chapter, which we welcome.\n\n"
        "The report runs to twelve chapters, and the chapters of most interest to those of us in health care are:\n\n"
        "  • Chapter: 3 Health in custody\n  • Chapter: 7 Inquests and the role of the coroner in reviewing recommendations\n"
    )
    assert texts(page) == []


def test_an_issuer_named_by_its_kind_recommends_but_a_paper_asking_its_members_does_not():
    from recgraph.graph.reading.segment.spans import RECOMMENDS

    assert RECOMMENDS.match("The report recommends that every force should give tutors protected time.")
    assert RECOMMENDS.match("The inspection also recommends that forces publish their data.")
    assert not RECOMMENDS.match("This report recommends that Members note the progress made.")
    assert not RECOMMENDS.match("The report recommends that the Authority approves the plan.")
