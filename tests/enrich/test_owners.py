"""Printed owners are recognised by their form and merged by normalisation; unknown owners become units.

The strings below are written for the test in the forms the survey records (docs/survey: unit,
post, rank and name, group); none is copied from a seed paper.
"""

from __future__ import annotations

import pytest

from recgraph.graph.enrich.owners import match_owner, match_owners, normalise_owner, read_lead
from recgraph.graph.enrich.vocabulary import load_vocabulary, parse_vocabulary

OWNER = "https://w3id.org/recgraph/owner/"
# A vocabulary with one unit and its acronym, so that the rules are tested apart from owners.ttl.
SMALL = parse_vocabulary(
    "owners",
    """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/it> a rg:Owner ; skos:prefLabel "Information Technology Directorate"@en ; skos:altLabel "IT"@en .""",
)


@pytest.fixture(scope="module")
def owners():
    return load_vocabulary("owners")


def units(printed, vocab=SMALL):
    found = match_owners(printed, vocab)
    return {p: unit.label for p, (unit, _) in found.items()}


def test_normalisation_ignores_case_spacing_and_dash_style():
    assert normalise_owner("XYZ9 – Estates  Branch") == normalise_owner("xyz9 - estates branch")
    assert normalise_owner(" AC /Head of Fleet group. ") == "ac/head of fleet group"


@pytest.mark.parametrize(
    "spellings",
    [
        # case, punctuation, articles, "&"
        ["Estates Strategy Team", "estates strategy team", "the Estates Strategy Team.", "ESTATES STRATEGY TEAM"],
        ["Planning & Performance Unit", "Planning and Performance Unit", "Planning, and Performance Unit"],
        # dash position and branch codes
        ["Resources XR7 – Fleet Services", "Resources – XR7 Fleet Services", "XR7 – Fleet Services", "XR7", "Fleet Services"],
        # acronym and expansion, printed in the corpus
        ["Criminal Justice Support Unit (CJSU)", "CJSU", "Head of the Criminal Justice Support Unit"],
        # a unit's type word, its title and its head
        ["Directorate of Corporate Communications", "Director of Corporate Communications", "Corporate Communications Directorate", "DCC"],
        ["IT Dept", "Information Technology Department", "Director of IT", "Information Technology Directorate"],
        # wrapping words and a chief officer over the lead
        ["Through the Custody Policy Unit", "Custody Policy Unit responsible for implementation", "AC Ops/ Head of Custody Policy Unit"],
    ],
)
def test_spellings_of_one_lead_are_one_unit(spellings):
    assert len(set(units(spellings).values())) == 1, units(spellings)


def test_the_initials_of_one_printed_unit_expand_its_acronym_but_not_when_ambiguous():
    assert len(set(units(["Victim Care Unit", "VCU"]).values())) == 1
    assert len(set(units(["Victim Care Unit", "Vehicle Crime Unit", "VCU"]).values())) == 3


def test_people_with_a_rank_are_leads_of_their_own_and_their_unit_leads_when_printed():
    found = units(["Commander Okafor", "Chief Superintendent Dee Brown (Custody Policy Unit)", "Custody Policy Unit",
                   "Detective Superintendent Lee, Homicide Command", "Homicide Command", "Commander, Homicide"])
    assert found["Commander Okafor"] == "Commander Okafor"
    assert found["Chief Superintendent Dee Brown (Custody Policy Unit)"] == found["Custody Policy Unit"]
    assert found["Detective Superintendent Lee, Homicide Command"] == found["Homicide Command"] == found["Commander, Homicide"]


def test_different_bodies_stay_apart():
    found = units(["HR Board", "Human Resources Directorate", "Fleet Services", "Fleet Steering Group", "Commander Fleet"])
    assert len(set(found.values())) >= 4
    assert found["HR Board"] != found["Human Resources Directorate"]


def test_read_lead_keeps_the_operational_lead():
    assert read_lead("AC Ops/ Head of Fleet Group")[0] == "Head of Fleet Group"
    assert read_lead("Fleet Services (FS)") == ("Fleet Services", (("FS", "Fleet Services"),))


def test_general_facts_of_owners_ttl_expand_published_acronyms(owners):
    for printed, unit in [("ACTP", "territorial-policing"), ("AC Territorial Policing", "territorial-policing"),
                          ("Director of HR", "human-resources"), ("HR Dept", "human-resources"),
                          ("DPS", "professional-standards"), ("Director of Information", "directorate-of-information")]:
        assert match_owner(printed, owners).unit.iri == OWNER + unit, printed


def test_an_unknown_owner_becomes_a_new_unit_and_keeps_its_text(owners):
    match = match_owner("Borough  Commander, Lambeth", owners, ("r", "1", "p.txt"))
    assert (match.unit.iri, match.unit.known) == (None, False)
    assert (match.update, match.verbatim) == (("r", "1", "p.txt"), "Borough  Commander, Lambeth")


def test_owners_ttl_holds_no_seed_owner_string(owners, seed_results):
    printed = {normalise_owner(u.owner) for r in seed_results for u in r.updates if u.owner}
    labels = {normalise_owner(label) for concept in owners for label in concept.labels}
    assert not {p for p in printed if " " in p} & labels


def test_every_seed_owner_is_kept_verbatim(seed_enrichment, seed_results):
    printed = [u for r in seed_results for u in r.updates if u.owner]
    assert len(seed_enrichment.owners) == len(printed)
    assert {m.verbatim for m in seed_enrichment.owners.values()} == {u.owner for u in printed}
