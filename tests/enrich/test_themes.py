"""Recommendations are tagged with themes from the words of their text, heading and progress."""

from __future__ import annotations

from collections import Counter

from recgraph.graph.enrich.themes import PROGRESS_MIN_HITS, tag_themes
from recgraph.graph.enrich.vocabulary import load_vocabulary, parse_vocabulary
from recgraph.graph.model import ProgressUpdate, Provenance, Recommendation

SPAN = Provenance("p.txt", 1, 1, "x")
THEMES = parse_vocabulary(
    "themes",
    """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/hr> a rg:Theme ; skos:prefLabel "People"@en ; skos:scopeNote "grouping"@en .
<http://x/appraisal> a rg:Theme ; skos:prefLabel "appraisal"@en ; skos:altLabel "PDR"@en , "staff appraisal"@en .
<http://x/recruitment> a rg:Theme ; skos:prefLabel "recruitment"@en ; skos:altLabel "recruit"@en .
<http://x/training> a rg:Theme ; skos:prefLabel "training"@en .
""",
)


def labels(text, progress=None, heading=None):
    rec = Recommendation("r", "1", text, SPAN, heading=heading)
    ups = [ProgressUpdate("r", "1", "p.txt", SPAN, progress=progress)] if progress else []
    return {t.label: [(e.field, e.words) for e in t.evidence] for t in tag_themes(rec, ups, THEMES)}


def test_inflected_words_of_the_text_tag_with_evidence():
    assert labels("Recruiting more staff; clear the appraisals.") == {
        "appraisal": [("text", "appraisals")],
        "recruitment": [("text", "Recruiting")],
    }


def test_the_heading_counts_like_the_text():
    assert labels("Clear the backlog.", heading="Staff appraisals") == {"appraisal": [("heading", "Staff appraisals")]}


def test_a_theme_seen_only_in_progress_needs_several_matches():
    few = "Training was given. " * (PROGRESS_MIN_HITS - 1)
    assert labels("Do it.", progress=few) == {}
    assert "training" in labels("Do it.", progress=few + "More training.")


def test_grouping_themes_are_never_tagged():
    assert "People" not in labels("People and more People.")


def test_an_issue_tags_its_broader_themes_with_its_evidence():
    vocab = parse_vocabulary(
        "themes",
        """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/hr> a rg:Theme ; skos:prefLabel "People"@en ; skos:scopeNote "grouping"@en .
<http://x/retention> a rg:Theme ; skos:prefLabel "retention"@en ; skos:broader <http://x/hr> .
<http://x/30plus> a rg:Theme ; skos:prefLabel "30+ scheme"@en ; skos:scopeNote "issue"@en ;
    skos:broader <http://x/retention> , <http://x/hr> ; skos:altLabel "retired officers"@en .""",
    )
    rec = Recommendation("r", "1", "Draw on retired officers.", SPAN)
    found = {t.label: [(e.field, e.words) for e in t.evidence] for t in tag_themes(rec, [], vocab)}
    assert found == {"30+ scheme": [("text", "retired officers")], "retention": [("text", "retired officers")]}


def test_a_user_can_add_a_theme_by_editing_the_turtle_alone():
    vocab = parse_vocabulary(
        "themes",
        """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/dogs> a rg:Theme ; skos:prefLabel "police dogs"@en ; skos:altLabel "dog section"@en .""",
    )
    rec = Recommendation("r", "1", "Review the Dog Sections.", SPAN)
    assert [t.label for t in tag_themes(rec, [], vocab)] == ["police dogs"]


def _micro(pairs):
    tp = sum(len(p & g) for p, g in pairs)
    fp = sum(len(p - g) for p, g in pairs)
    fn = sum(len(g - p) for p, g in pairs)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_seed_themes_agree_with_the_reference_with_micro_f1_of_at_least_0_8(seed_enrichment, reference_recs):
    # Issues are finer than the reference's themes: they are compared through the themes they imply.
    issues = {concept.iri for concept in load_vocabulary("themes") if concept.issue}
    pairs = [
        ({t.label for t in seed_enrichment.themes.get(key, ()) if t.theme not in issues}, set(ref["themes"]))
        for key, ref in reference_recs.items()
    ]
    precision, recall, f1 = _micro(pairs)
    assert f1 >= 0.8, (precision, recall, f1)


def test_every_seed_recommendation_is_read_and_every_tag_has_evidence(seed_enrichment, reference_recs):
    assert set(reference_recs) <= set(seed_enrichment.themes)
    tags = [tag for found in seed_enrichment.themes.values() for tag in found]
    assert tags and all(tag.evidence for tag in tags)
    assert Counter(t.label for t in seed_enrichment.themes[("district-audit-ppp-2001-02", "R6")]) == Counter(
        ["appraisal/performance review", "performance management"]
    )
