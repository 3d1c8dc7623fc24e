"""A reiterates may rest on the object named alike: a compound printed in both texts ("grievance
procedure"), in a shared theme, with one more shared term, whatever the score; and names the papers
use for one thing ("Fairness at Work", "PDR", "BME") count as the same terms (ontology/equivalents.ttl)."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from recgraph.graph.enrich.vocabulary import load_vocabulary, vocabulary_path
from recgraph.graph.linking.alignment import align, compound_pairs, content_tokens
from recgraph.graph.linking.dates import Made
from recgraph.graph.linking.repeats import Item, RepeatOptions, detect_repeats
from recgraph.graph.linking.terms import shared_terms, term, term_spans, terms

GRIEVANCE = ("t:discipline",)


def item(report, number, text, year, themes=GRIEVANCE):
    return Item((report, number), text, themes, (), Made((year, year), None))


def filler(count, themes=GRIEVANCE, year=2005):
    """Recommendations on other matters in the same area, so that the area is as common as in a real
    corpus (a theme carried by a couple of recommendations would make the score high on its own)."""
    topics = ["vehicle fleet replacement", "estate disposal plan", "firearms licensing checks", "custody cell cleaning",
              "call handling targets", "budget forecasting accuracy", "payroll system upgrade", "crime recording audit"]
    return [item(f"other-{i}", "1", f"Improve the {topics[i % len(topics)]} within the year.", year, themes)
            for i in range(count)]


def test_compounds_are_content_words_printed_side_by_side():
    assert compound_pairs("the multi-point entry scheme") == {("multi", "point"), ("entry", "point"), ("entry", "schem")}
    # a stop word or a comma between two words breaks the compound
    assert compound_pairs("courses are designed and delivered") == frozenset()
    assert compound_pairs("training, custody") == frozenset()


def test_a_one_line_ask_on_the_same_named_object_reiterates_whatever_the_score():
    old = item("review", "23", "Conduct a review of the grievance procedure to make it more effective for staff at all levels.", 2000)
    new = item("inquiry", "7", "Ensure that all staff, whatever their background, have confidence in the grievance procedures.", 2004)
    found = detect_repeats([old, new, *filler(12)])
    (repeat,) = [r for r in found if {r.source, r.target} == {old.key, new.key}]
    assert repeat.relation == "reiterates" and repeat.score < 0.26
    assert repeat.quotes[0].later == "grievance procedures" and repeat.quotes[0].earlier == "grievance procedure"
    # the rule can be turned off: the score gate alone then decides
    assert not [r for r in detect_repeats([old, new, *filler(12)], RepeatOptions(compounds=False))
                if r.relation == "reiterates"]


def test_the_same_compound_in_two_areas_is_not_one_object():
    old = item("audit", "3", "Introduce barcode tracking for every exhibit held in the property stores.", 2002, ("t:property",))
    new = item("records", "9", "Introduce barcode tracking for every closed case file held in the archive stores.", 2007, ("t:records",))
    assert not [r for r in detect_repeats([old, new, *filler(12, ("t:property",)), *filler(12, ("t:records",))])
                if r.relation == "reiterates"]


def test_a_compound_with_nothing_else_shared_is_a_different_problem():
    old = item("audit", "1", "Budget holders should forecast their outturn monthly.", 2003, ("t:finance",))
    new = item("plan", "9", "Train budget holders in the new financial regulations.", 2010, ("t:finance",))
    assert not [r for r in detect_repeats([old, new, *filler(12, ("t:finance",))]) if r.relation == "reiterates"]


def test_a_compound_many_recommendations_hold_is_common_wording_not_an_object():
    asks = ["the time of each rousing check", "the name of the officer who booked them in", "every meal offered",
            "when a solicitor was called", "each visit by a doctor", "the reason for any strip search",
            "every item of property taken", "when an interpreter was sought", "the time of each review of detention",
            "any injury seen on arrival", "every call to a relative", "the decision on bail"]
    many = [item(f"r{i}", "1", f"The custody records must show {ask} for every detainee.", 2000 + i % 9, ("t:custody",))
            for i, ask in enumerate(asks)]
    assert not [r for r in detect_repeats(many) if r.relation == "reiterates"]
    few = [item(f"r{i}", "1", f"The custody records must show {ask} for every detainee.", 2000 + i % 9, ("t:custody",))
           for i, ask in enumerate(asks[:3])] + [item(f"o{i}", "1", f"Improve the cell {ask}.", 2005, ("t:custody",))
                                                  for i, ask in enumerate(asks[3:])]
    assert [r for r in detect_repeats(few) if r.relation == "reiterates"]


def test_equivalent_names_count_as_the_same_terms_and_quotes_keep_the_printed_words():
    assert terms("Review the Fairness at Work procedure") == terms("Review the grievance procedure")
    assert terms("PDRs are outstanding") == terms("appraisals are outstanding")
    assert terms("BME officers") == terms("black and minority ethnic officers") == terms("minority ethnic officers")
    assert terms("bme officers") != terms("BME officers")  # an acronym is matched with its case
    tokens = content_tokens("the PDR process")
    assert [(t.term, "the PDR process"[t.start:t.end]) for t in tokens] == [("apprais", "PDR"), ("process", "process")]
    (phrase,) = align("Audit the Fairness at Work procedure now.", "Review the grievance procedure.")
    assert phrase.quote("Audit the Fairness at Work procedure now.", "Review the grievance procedure.") == (
        "Fairness at Work procedure", "grievance procedure")


def test_an_equivalent_name_links_what_the_common_name_would():
    old = item("review", "23", "Conduct a review of the grievance procedure to make it more effective for staff at all levels.", 2000)
    new = item("tribunal", "2", "Appoint an independent person to review complaints that staff raised through the Fairness at Work procedure.", 2014)
    found = [r for r in detect_repeats([old, new, *filler(12)]) if {r.source, r.target} == {old.key, new.key}]
    assert [r.relation for r in found] == ["reiterates"]


def test_every_equivalent_concept_has_its_sources_and_a_note():
    vocabulary = load_vocabulary("equivalents")
    assert len(vocabulary) >= 4
    graph = Graph().parse(vocabulary_path("equivalents"), format="turtle")
    for concept in vocabulary:
        subject = URIRef(concept.iri)
        assert (subject, RDF.type, URIRef("https://w3id.org/recgraph/ontology#Equivalent")) in graph
        assert list(graph.objects(subject, DCTERMS.source)), concept.iri
        assert list(graph.objects(subject, SKOS.note)), concept.iri
        assert concept.alt_labels, concept.iri


def test_the_evidence_lists_a_term_shared_through_an_equivalent_name():
    # "grievance" and "Fairness at Work" are one term: the shared terms the evidence lists must hold
    # it, as printed, as the count of shared terms does
    old = item("review", "23", "Conduct a review of the grievance procedure to make it more effective for staff at all levels.", 2000)
    new = item("tribunal", "2", "Appoint an independent person to review complaints that staff raised through the Fairness at Work procedure.", 2014)
    (repeat,) = [r for r in detect_repeats([old, new, *filler(12)]) if {r.source, r.target} == {old.key, new.key}]
    assert "grievance" in repeat.shared_terms
    assert len(repeat.shared_terms) == repeat.shared_term_count
    assert shared_terms(new.text, old.text) == ("fairness at work", "procedure", "staff")
    assert shared_terms("black and minority ethnic officers", "minority ethnic officers") == ("black and minority ethnic", "officers")


def test_an_edited_equivalents_file_is_read_again_at_the_next_detection(tmp_path, monkeypatch):
    import os

    import recgraph.graph.enrich.vocabulary as vocabularies
    from recgraph.graph.linking.terms import refresh_equivalents

    head = ('@prefix rg: <https://w3id.org/recgraph/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
            '<http://x/grievance> a rg:Equivalent ; skos:prefLabel "grievance"@en ; skos:altLabel "Fairness at Work"@en')
    path = tmp_path / "equivalents.ttl"
    path.write_text(head + " .\n")
    monkeypatch.setattr(vocabularies, "vocabulary_path", lambda name: path)
    try:
        refresh_equivalents()
        assert terms("the Dignity at Work policy") == ["dign", "policy"]
        path.write_text(head + ' , "Dignity at Work"@en .\n')
        os.utime(path, (1, 1))  # a later edit within the file system's time resolution
        old = item("review", "23", "Conduct a review of the grievance procedure to make it more effective for staff at all levels.", 2000)
        new = item("tribunal", "2", "Appoint an independent person to review complaints that staff raised through the Dignity at Work procedure.", 2014)
        found = [r for r in detect_repeats([old, new, *filler(12)]) if {r.source, r.target} == {old.key, new.key}]
        assert [r.relation for r in found] == ["reiterates"]
        assert terms("the Dignity at Work policy") == ["grievanc", "policy"]
        assert compound_pairs("the Dignity at Work policy") == {("grievanc", "policy")}
    finally:
        monkeypatch.undo()
        refresh_equivalents()
    assert "grievanc" not in terms("the Dignity at Work policy")


def test_an_equivalent_name_makes_the_compound_its_preferred_label_makes():
    assert compound_pairs("BME officers") == compound_pairs("minority ethnic officers") == {("ethnic", "minor"), ("ethnic", "officer")}
    assert compound_pairs("black and minority ethnic officers") == compound_pairs("minority ethnic officers")


def test_names_of_a_concept_whose_preferred_label_has_no_term_keep_their_own_words(tmp_path, monkeypatch):
    import recgraph.graph.enrich.vocabulary as vocabularies
    from recgraph.graph.linking.terms import refresh_equivalents

    path = tmp_path / "equivalents.ttl"
    path.write_text('@prefix rg: <https://w3id.org/recgraph/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                    '<http://x/it> a rg:Equivalent ; skos:prefLabel "IT"@en ; skos:altLabel "information technology"@en .\n')
    monkeypatch.setattr(vocabularies, "vocabulary_path", lambda name: path)
    try:
        refresh_equivalents()
        text = "Replace the information technology of custody suites"
        assert terms(text) == [term(w) for w in ("replace", "information", "technology", "custody", "suites")]
    finally:
        monkeypatch.undo()
        refresh_equivalents()


def test_the_quick_test_for_equivalent_names_never_misses_a_name_the_matcher_finds():
    from recgraph.graph.linking.terms import _equivalents, _names_equivalents

    matcher = _equivalents()[0]
    for concept in load_vocabulary("equivalents"):
        for label in concept.alt_labels:
            for printed in {label, label + "s", label.upper(), label.title(), label.capitalize(), f"the {label}-led work"}:
                if matcher.find(printed):
                    assert _names_equivalents(printed), printed
    assert not _names_equivalents("The MPS should clear the staff appraisal backlog.")
    # the fast path and the one through names give the same terms on a text that names none
    text = "Review the custody records and the call handling targets."
    assert terms(text) == [t for t, _, _ in term_spans(text)] == ["custody", "record", "handl", "target"]
