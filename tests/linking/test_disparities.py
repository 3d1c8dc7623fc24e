"""A reiterates may rest on a disparity both texts raise: the same group of the workforce
(ontology/groups.ttl) named with the same stage of employment (recruitment, retention, promotion and
career) in one phrase, in whatever other words and with whatever remedy (graph/linking/disparities.py).
The texts are our own."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from recgraph.graph.enrich.vocabulary import load_vocabulary, vocabulary_path
from recgraph.graph.linking.dates import Made
from recgraph.graph.linking.disparities import GAP, disparities, disparity_keys
from recgraph.graph.linking.repeats import Item, RepeatOptions, detect_repeats

THEME = "https://w3id.org/recgraph/theme/"
GROUP = "https://w3id.org/recgraph/group/"


def item(report, number, text, year, themes=()):
    return Item((report, number), text, themes, (), Made((year, year), None))


def filler(count, year=2005):
    """Recommendations on other matters, so that the corpus is not only the pair under test."""
    topics = ["vehicle fleet replacement", "estate disposal plan", "firearms licensing checks", "custody cell cleaning",
              "call handling targets", "budget forecasting accuracy", "payroll system upgrade", "crime recording audit"]
    return [item(f"other-{i}", "1", f"Improve the {topics[i % len(topics)]} within the year.", year) for i in range(count)]


def reiterates(found, a, b):
    return [r for r in found if {r.source, r.target} == {a.key, b.key} and r.relation == "reiterates"]


def test_a_group_and_a_stage_named_in_one_phrase_make_a_disparity():
    keys = disparity_keys("Set targets for the recruitment of qualified minority ethnic officers.")
    assert keys == {(GROUP + "minority-ethnic", THEME + "recruitment")}
    # a name and its abbreviation in brackets, then the stage, are one phrase
    assert disparity_keys("Black and minority ethnic (BME) resignation rates are too high.") == {
        (GROUP + "minority-ethnic", THEME + "retention")}
    # one stage and two groups
    assert disparity_keys("The resignation rates of women and BME staff are too high.") == {
        (GROUP + "women", THEME + "retention"), (GROUP + "minority-ethnic", THEME + "retention")}
    # a list of stages before one group: each stage with the group
    assert {stage for _, stage in disparity_keys("Publish the recruitment, progression and retention of disabled staff.")} == {
        THEME + "recruitment", THEME + "retention", THEME + "promotion"}
    (found,) = disparities("Few female recruits complete their probation.")
    assert found.words == "female recruits"


def test_a_group_or_a_stage_alone_is_no_disparity():
    assert disparities("Extend diversity training on race and faith to all supervisors.") == ()
    assert disparities("Review the recruitment of special constables and the retention of detectives.") == ()


def test_a_stage_word_in_another_sense_or_another_clause_is_no_disparity():
    # "promotion" and "retention" of things, and names of a subject rather than of people
    assert disparities("Improve the promotion of disability equality across the force.") == ()
    assert disparities("Extend the retention of exhibits of gay victims.") == ()
    assert disparities("Data retention for the faith communities must be reviewed.") == ()
    # a conjunction joining two things, not a list of stages or groups
    assert disparities("Speak to black residents and the recruitment of informants should be reviewed.") == ()
    # while a list of groups, or of stages, stays one phrase
    assert disparity_keys("Publish the promotion rates of women and Muslim officers.") == {
        (GROUP + "women", THEME + "promotion"), (GROUP + "faith", THEME + "promotion")}


def test_a_group_and_a_stage_apart_are_no_disparity():
    # in two sentences
    assert disparities("Consult the women's network. Then review the recruitment process.") == ()
    # more words between them than a noun phrase holds
    words = " ".join(["word"] * (GAP + 1))
    assert disparities(f"Improve recruitment {words} women.") == ()
    assert disparities(f"Improve recruitment {' '.join(['word'] * GAP)} women.") != ()
    # a clause between them
    assert disparities("Speed up recruitment; the women's network should be consulted.") == ()


def test_two_reports_raising_one_disparity_in_other_words_reiterate():
    old = item("inspection", "12", "The force is not meeting its targets for the recruitment of ethnic minority officers.", 2001)
    new = item("inquiry", "4", "Develop outreach with community groups to increase the number of qualified BME recruits.", 2009)
    found = detect_repeats([old, new, *filler(12)])
    (repeat,) = reiterates(found, old, new)
    assert repeat.source == new.key and repeat.score < 0.26  # the score alone would not link them
    quote = repeat.quotes[0]
    assert quote.disparity and quote.terms == ("minority-ethnic", "recruitment")
    assert (quote.later, quote.earlier) == ("BME recruits", "recruitment of ethnic minority")
    assert "group and stage: “BME recruits” ~ “recruitment of ethnic minority”" in repeat.evidence()
    # the aligned wording that finds the same words is not quoted a second time
    assert [(q.later, q.earlier) for q in repeat.quotes].count(("BME recruits", "recruitment of ethnic minority")) == 1
    assert repeat.evidence().count("“BME recruits”") == 1
    # the rule can be turned off
    assert not reiterates(detect_repeats([old, new, *filler(12)], RepeatOptions(disparities=False)), old, new)


def test_another_stage_or_another_group_is_another_problem():
    old = item("inspection", "12", "Improve the retention of women officers in specialist units.", 2001)
    other_stage = item("inquiry", "4", "Increase the recruitment of women officers through open days.", 2009)
    other_group = item("review", "8", "Improve the retention of minority ethnic officers in specialist units by mentoring.", 2010)
    found = detect_repeats([old, other_stage, *filler(12)])
    assert not reiterates(found, old, other_stage)
    found = detect_repeats([old, other_group, *filler(12)])
    # the wording is alike, so the pair may be related or reiterate by its wording; not by a disparity
    for repeat in reiterates(found, old, other_group):
        assert not any(quote.disparity for quote in repeat.quotes)


def test_two_recommendations_of_one_report_never_reiterate():
    a = item("inquiry", "4", "Increase the recruitment of women officers.", 2009)
    b = item("inquiry", "5", "Few female recruits join the firearms units.", 2009)
    assert not reiterates(detect_repeats([a, b, *filler(12)]), a, b)


def test_every_group_is_sourced_and_the_scheme_says_where_the_stages_come_from():
    graph = Graph().parse(vocabulary_path("groups"), format="turtle")
    scheme = URIRef("https://w3id.org/recgraph/groups")
    assert len(list(graph.objects(scheme, DCTERMS.source))) >= 2 and graph.value(scheme, SKOS.note)
    groups = load_vocabulary("groups")
    assert {c.notation for c in groups} >= {"race", "sex", "disability", "sexual-orientation"}
    for concept in groups:
        assert (URIRef(concept.iri), RDF.type, URIRef("https://w3id.org/recgraph/ontology#Group")) in graph
        assert concept.alt_labels, concept.iri


def test_the_graph_states_the_group_and_the_stage_of_the_quoted_disparity():
    from recgraph.graph.enrich.model import Enrichment
    from recgraph.graph.linking import Links
    from recgraph.graph.rdf.enrichment import enrichment_quads
    from recgraph.graph.rdf.iri import Minter

    old = item("inspection", "12", "The force is not meeting its targets for the recruitment of ethnic minority officers.", 2001)
    new = item("inquiry", "4", "Develop outreach with community groups to increase the number of qualified BME recruits.", 2009)
    repeats = tuple(r for r in detect_repeats([old, new, *filler(12)]) if r.relation == "reiterates")
    mint = Minter("http://example.org/")
    quads = enrichment_quads(Enrichment(), Links(repeats=repeats), mint.enrichment_graph("links"), mint)
    rg = "https://w3id.org/recgraph/ontology#"
    phrase = "http://example.org/link/repeat/inquiry/4/inspection/12/phrase/1"
    got = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    assert (phrase, rg + "group", GROUP + "minority-ethnic") in got
    assert (phrase, rg + "stage", THEME + "recruitment") in got
    assert (phrase, rg + "laterWords", "BME recruits") in got


def test_a_stage_joined_to_another_noun_before_the_group_is_one_phrase():
    # two heads share one complement: the progression (and the development) of minority ethnic officers
    assert disparity_keys("Strengthen the progression and development of minority ethnic officers.") == {
        (GROUP + "minority-ethnic", THEME + "promotion")}
    assert disparity_keys("Review the recruitment or deployment of female detectives.") == {
        (GROUP + "women", THEME + "recruitment")}
    # near misses: a determiner opens another phrase; a longer phrase; the group first
    assert disparities("Review the recruitment and the vetting of women.") == ()
    assert disparities("Review the recruitment and firearms licensing of women.") == ()
    assert disparities("Consult BME officers and staff in recruitment.") == ()


def test_a_lead_in_that_states_a_disparity_reiterates_it_whatever_its_parts_remedy():
    # a lead-in states the problem, its lettered parts the remedies: the problem is what a repeat raises again
    lead = Item(("inquiry", "6"), "Disproportionately high black and minority ethnic resignation rates must reduce. "
                "This means:", (), (), Made((2011, 2011), None), lead=True)
    part = Item(("inquiry", "6(a)"), "running exit interviews with every leaver.", (), (), Made((2011, 2011), None))
    old = item("inspection", "3", "Forces should continue to attract ethnic minority recruits and do more to retain "
               "minority ethnic officers.", 1997)
    found = detect_repeats([lead, part, old, *filler(12)])
    (repeat,) = reiterates(found, lead, old)
    assert repeat.source == lead.key
    quote = repeat.quotes[0]
    assert quote.disparity and quote.terms == ("minority-ethnic", "retention")
    assert quote.later == "black and minority ethnic resignation"
    assert len(repeat.quotes) == 1 and not repeat.words_counted  # the lead-in's other wording is still not compared
    # a lead-in that names no disparity reiterates nothing by this rule
    plain = Item(lead.key, "The culture of the service must change. This means:", (), (), lead.made, lead=True)
    assert not reiterates(detect_repeats([plain, part, old, *filler(12)]), plain, old)
