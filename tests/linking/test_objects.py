"""The object of a recommendation's ask (graph/linking/objects.py) and the reiterates rule decided
on it (``RepeatOptions(objects=True)``). Every phrasing here is our own, written for the rule; none
is a seed's. The figures on the judged pairs are in docs/enrichment.md (bench/repeats.py --judged)."""

from __future__ import annotations

import pytest

from recgraph.graph.linking.dates import Made
from recgraph.graph.linking.objects import ask_objects, chunk, object_pairs, same_object
from recgraph.graph.linking.repeats import Item, RepeatOptions, detect_repeats
from recgraph.graph.linking.terms import terms

OBJECTS = RepeatOptions(objects=True)


def _objects(text: str, heading: str = "") -> list[tuple[str, ...]]:
    return [c.terms for c in ask_objects(text, heading)]


@pytest.mark.parametrize("text, expected", [
    # a directive verb, any inflection, "that" skipped
    ("Ensure that the vehicle maintenance contract is retendered.", "vehicle maintenance contract"),
    # the subjunctive "that the MPS <verb>" form, whatever the verb
    ("It is recommended that the MPS overhaul its witness care leaflets.", "witness care leaflets"),
    # modal + verb + particle
    ("The Authority should set up a custody visiting panel in each borough.", "custody visiting panel"),
    # a list item opened by a gerund, modifiers separated by commas
    ("introducing a single, searchable, exhibits register", "single searchable exhibits register"),
    # "To <verb> ..." form
    ("To speed up interpreter bookings at custody suites.", "interpreter bookings"),
    # the subject of a modal passive
    ("The firearms licensing backlog must be cleared within a year.", "firearms licensing backlog"),
    # a review of X: the object is X
    ("Commission a review of the dog handling kennels.", "dog handling kennels"),
    # a bare noun phrase names the object, as a heading does
    ("Replacement of the radio handsets", "radio handsets"),
    # a problem noun: what there is a shortage of
    ("There is a shortage of qualified interpreters.", "qualified interpreters"),
])
def test_the_object_of_the_ask_is_the_noun_phrase_it_governs(text, expected):
    assert tuple(terms(expected)) in _objects(text)


def test_the_context_of_an_ask_is_not_its_object():
    # a purpose, an owner and a framing phrase are context: only the demanded noun phrase is the object
    found = _objects("In the light of national guidance, the Authority should publish a hate crime leaflet "
                     "so that victims know where to go.")
    assert found == [tuple(terms("hate crime leaflet"))]


def test_the_heading_names_an_object_and_a_bracketed_acronym_does_not_break_the_phrase():
    assert tuple(terms("stolen bicycles")) in _objects("Too few are returned to owners.", heading="Stolen bicycles")
    assert tuple(terms("overall recruitment targets")) in _objects("setting overall (BME) recruitment targets.")


def test_a_phrase_of_generic_words_alone_names_no_object():
    # "corporate guidance" about costing and about a role are two objects: generic words alone never pair
    assert object_pairs("The MPS should develop corporate guidance on costing.") == frozenset()
    assert object_pairs("Develop a corporate strategic framework.") == frozenset()


def test_objects_that_differ_in_what_they_are_of_are_two_objects():
    assert not same_object("Cleanse the sickness records of special constables.", "",
                           "Cleanse the sickness records of traffic wardens.", "")
    assert same_object("Cleanse the sickness records of special constables.", "",
                       "The sickness records should be cleansed.", "")


def test_chunk_stops_at_function_words_adverbs_and_modals():
    assert chunk("the interpreter booking line plainly fails".split(), 0).terms == tuple(terms("interpreter booking line"))
    assert chunk("the exhibits store should move".split(), 0).terms == tuple(terms("exhibits store"))
    assert chunk("the".split(), 0) is None


def _item(report, number, text, year, themes=()):
    return Item((report, number), text, themes, (), Made((year, year), None))


def test_the_same_object_reiterates_whatever_the_score_and_context_wording_does_not():
    old = _item("inspection", "4", "The MPS should introduce a witness care leaflet for court users.", 2002)
    new = _item("inquiry", "9", "Revise the witness care leaflet so that it names a contact.", 2008)
    framing = _item("audit", "2", "In the light of witness care standards, develop a training plan for ushers.", 2009)
    found = {frozenset((r.source, r.target)): r for r in detect_repeats([old, new, framing], OBJECTS)}
    link = found[frozenset((new.key, old.key))]
    assert link.relation == "reiterates" and link.quotes and link.score < 0.26
    # "witness care" is shared with the framing phrase too, but it is not the object of that ask
    for other in (old.key, new.key):
        pair = found.get(frozenset((framing.key, other)))
        assert pair is None or pair.relation == "relatedTo"


def test_a_shared_theme_or_system_alone_never_makes_a_reiterates_under_the_object_rule():
    a = Item(("x", "1"), "Review the grievance procedure.", ("t:grievances",), ("s:hr-system",), Made((2000, 2000), None))
    b = Item(("y", "1"), "Learn lessons from employment tribunals.", ("t:grievances",), ("s:hr-system",), Made((2005, 2005), None))
    (repeat,) = detect_repeats([a, b], RepeatOptions(threshold=0.0, objects=True))
    assert repeat.relation == "relatedTo" and not repeat.quotes


def test_the_object_rule_is_off_by_default():
    assert RepeatOptions().objects is False


def test_the_evidence_of_a_link_decided_on_objects_names_the_object_first():
    old = _item("inspection", "4", "In the light of the victims code, the MPS should introduce a witness care leaflet.", 2002)
    new = _item("inquiry", "9", "Under the victims code, revise the witness care leaflet so that it names a contact.", 2008)
    (link,) = [r for r in detect_repeats([old, new], OBJECTS) if r.relation == "reiterates"]
    assert link.quotes[0].object and "witness care leaflet" in link.quotes[0].later
    assert link.evidence().split("aligned wording: ")[1].startswith("object: “")
    assert not any(q.object for r in detect_repeats([old, new]) for q in r.quotes)
