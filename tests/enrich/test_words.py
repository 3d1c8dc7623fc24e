"""Labels are matched as words, allowing for inflection, acronyms with their case, longest first."""

from __future__ import annotations

import pytest

from recgraph.graph.enrich import words
from recgraph.graph.enrich.words import Matcher, is_acronym, split_words, stem, tokens


@pytest.mark.parametrize(
    "a, b",
    [("appraisal", "appraisals"), ("recruit", "recruitment"), ("recruit", "recruiting"), ("recruit", "recruited"),
     ("policy", "policies"), ("vetting", "vetted"), ("mentor", "mentoring")],
)
def test_inflections_share_a_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [("progression", "progress"), ("postings", "post"), ("governance", "government")])
def test_words_these_papers_keep_apart_keep_different_stems(a, b):
    assert stem(a) != stem(b)


def test_tokens_split_on_punctuation_and_hyphens_and_keep_offsets():
    text = "Multi-point entry (PDR)."
    assert [(t.raw, text[t.start : t.end]) for t in tokens(text)] == [
        ("Multi", "Multi"), ("point", "point"), ("entry", "entry"), ("PDR", "PDR")
    ]


def test_acronyms_have_two_capitals():
    assert [is_acronym(w) for w in ("PDR", "MetHR", "DCC4", "Leadership", "smart")] == [True, True, True, False, False]


def test_acronym_labels_match_with_their_case_and_plural():
    matcher = Matcher([("t:pm", "SMART"), ("t:a", "PDR")])
    assert [m.words for m in matcher.find("SMART targets, smart people, two PDRs")] == ["SMART", "PDRs"]


def test_the_longest_label_wins_and_ties_tag_every_concept():
    matcher = Matcher([("t:d", "diversity"), ("t:dt", "diversity training"), ("t:x", "diversity training")])
    found = matcher.find("Diversity training for all; diversity matters.")
    assert [(m.concept, m.words) for m in found] == [
        ("t:dt", "Diversity training"), ("t:x", "Diversity training"), ("t:d", "diversity")
    ]


def test_nothing_is_found_in_empty_text():
    assert Matcher([("t:a", "appraisal")]).find(None) == []


@pytest.mark.parametrize("text", ["Multi-point entry (PDR).", "", "...", "PDRs", " two  words "])
def test_split_words_gives_the_words_of_tokens_and_pieces_that_make_up_the_text(text):
    found, pieces = split_words(text)
    assert found == [t.raw for t in tokens(text)]
    assert "".join(pieces) == text
    assert pieces[1::2] == found


def test_a_matcher_finds_the_same_after_forgetting_the_words_it_has_seen(monkeypatch):
    monkeypatch.setattr(words, "_MEMO_LIMIT", 2)
    matcher = Matcher([("t:a", "appraisal"), ("t:dt", "diversity training")])
    text = "Diversity training and staff appraisals."
    first = matcher.find(text)
    matcher.find("Many other words seen in between, more than the limit.")
    assert matcher.find(text) == first
    assert [(m.concept, m.words, text[m.start : m.end]) for m in first] == [
        ("t:dt", "Diversity training", "Diversity training"), ("t:a", "appraisals", "appraisals")
    ]
