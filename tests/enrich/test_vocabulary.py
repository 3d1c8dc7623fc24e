"""The vocabularies are read from their Turtle, with labels, patterns and priorities."""

from __future__ import annotations

import pytest

from recgraph.graph.enrich.vocabulary import VocabularyError, load_vocabularies, load_vocabulary, parse_vocabulary

TTL = """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/done> a rg:Status ; skos:prefLabel "done"@en ; skos:notation "complete" ;
    skos:altLabel "Action complete"@en ; rg:statusPattern "\\\\bdone\\\\b" ; rg:patternPriority 50 ; rg:rank 5 ; rg:closed true .
"""


def test_a_hand_made_status_vocabulary_is_read_whole():
    (concept,) = parse_vocabulary("statuses", TTL).concepts
    assert (concept.pref_label, concept.alt_labels, concept.notation) == ("done", ("Action complete",), "complete")
    assert (concept.patterns, concept.priority, concept.rank, concept.closed) == (("\\bdone\\b",), 50, 5, True)


def test_the_shipped_vocabularies_load():
    vocab = load_vocabularies()
    assert {c.notation for c in vocab.statuses} >= {"complete", "substantially", "partial", "in_progress", "unknown"}
    assert vocab.systems.by_label("CRIS") is not None
    assert vocab.owners.by_label("Human Resources Directorate") is not None
    grouping = [c.pref_label for c in vocab.themes if c.grouping]
    assert "workforce" in grouping and "appraisal and performance management" not in grouping


def test_an_unknown_vocabulary_name_is_refused():
    with pytest.raises(VocabularyError, match="unknown vocabulary 'colours'"):
        load_vocabulary("colours")


def test_a_missing_file_is_reported_with_its_path(tmp_path):
    with pytest.raises(VocabularyError, match="not found"):
        load_vocabulary("themes", tmp_path / "none.ttl")


def test_bad_turtle_is_reported_with_the_file(tmp_path):
    bad = tmp_path / "themes.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(VocabularyError, match="themes.ttl: not valid Turtle"):
        load_vocabulary("themes", bad)
