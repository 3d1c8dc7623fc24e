"""Aligned wording: phrases two texts share, found in both with their offsets (phrasings of our own)."""

from recgraph.graph.linking.alignment import align, content_tokens, phrase_features


def test_terms_close_together_make_linked_pairs_in_either_order():
    assert "book~vehicl" in phrase_features("a vehicle booking line")
    assert set(phrase_features("vehicles for booking")) == set(phrase_features("booking vehicles"))


def test_terms_more_than_one_content_word_apart_do_not_pair():
    assert "book~vehicl" not in phrase_features("booking of spare wheels and tyres for vehicles")


def test_a_single_shared_word_is_no_aligned_wording():
    assert align("Review the grievance procedure.", "Appoint a lead for grievances.") == []


def test_the_phrase_is_quoted_from_each_text_as_printed():
    first = "Custody staff should receive refresher training in first aid every year."
    second = "Train custody staff in first aid."
    quotes = [phrase.quote(first, second) for phrase in align(first, second)]
    assert ("Custody staff", "custody staff") in quotes


def test_offsets_point_into_the_texts():
    first, second = "The estates strategy must be agreed.", "Publish a London-wide estates strategy"
    (phrase,) = align(first, second)
    assert first[slice(*phrase.first)] == "estates strategy" and second[slice(*phrase.second)] == "estates strategy"


def test_stop_words_and_short_words_are_not_content():
    assert [t.term for t in content_tokens("It is to be painted by the MPS.")] == ["paint"]
