"""Named systems are found with evidence; wording that the work waits on one makes a dependency."""

from __future__ import annotations

from recgraph.graph.enrich.systems import find_system_dependencies, find_systems
from recgraph.graph.enrich.vocabulary import load_vocabulary, parse_vocabulary
from recgraph.graph.model import ProgressUpdate, Provenance, Recommendation

SPAN = Provenance("p.txt", 1, 1, "x")
SYSTEMS = parse_vocabulary(
    "systems",
    """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/prism> a rg:System ; skos:prefLabel "PRISM"@en .
<http://x/duties> a rg:System ; skos:prefLabel "Met Duties 2"@en ; skos:altLabel "Met Duties"@en .""",
)


def found(text, progress=None):
    rec = Recommendation("r", "1", text, SPAN)
    ups = [ProgressUpdate("r", "1", "p.txt", SPAN, progress=progress)] if progress else []
    return rec, ups


def test_mentions_carry_the_words_and_the_field():
    rec, ups = found("Personnel data must improve.", "The new PRISM system and Met Duties 2 will help.")
    assert [(m.label, [(e.field, e.words) for e in m.evidence]) for m in find_systems(rec, ups, SYSTEMS)] == [
        ("Met Duties 2", [("progress", "Met Duties 2")]),
        ("PRISM", [("progress", "PRISM")]),
    ]


def test_a_lower_case_word_is_not_an_acronym_system():
    rec, ups = found("Seen through a prism of fairness.")
    assert find_systems(rec, ups, SYSTEMS) == ()


def test_waiting_wording_makes_a_dependency_and_a_bare_mention_does_not():
    rec, ups = found("The PRISM team met.", "Subject to the timescales of Met Duties 2, this will be completed.")
    assert [(d.target, d.cue) for d in find_system_dependencies(rec, ups, SYSTEMS)] == [("http://x/duties", "Subject to")]


def test_a_cue_sentence_without_a_name_refers_to_the_system_of_the_sentence_before():
    rec, ups = found("Appraisals.", "PRISM will include appraisals. It is not within the build and awaits specification.")
    assert [d.cue for d in find_system_dependencies(rec, ups, SYSTEMS)] == ["will include", "awaits specification"]


def test_all_reference_systems_are_found_on_the_seeds_and_no_others(seed_enrichment, reference_recs):
    systems = load_vocabulary("systems")
    for key, ref in reference_recs.items():
        got = {m.label for m in seed_enrichment.systems.get(key, ())}
        assert got == set(ref["systems"]), key
    assert {c.pref_label for c in systems} >= {s for r in reference_recs.values() for s in r["systems"]}


def test_seed_dependencies_on_systems_quote_the_wording(seed_enrichment):
    deps = {(d.source, d.target.rsplit("/", 1)[-1], d.cue) for d in seed_enrichment.dependencies}
    assert (("hmic-mps-2000-01", "26"), "prism", "needs to rescue") in deps
    assert (("hmic-mps-2000-01", "26"), "methr", "awaits specification") in deps
    assert (("winning-consent", "11"), "prism", "will be collated") in deps
    assert (("operational-support-review", "7"), "met-duties-2", "Subject to") in deps
