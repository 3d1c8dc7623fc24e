"""Printed owners are normalised to units of owners.ttl; unknown owners become new units."""

from __future__ import annotations

import pytest

from recgraph.graph.enrich.owners import match_owner, normalise_owner
from recgraph.graph.enrich.vocabulary import load_vocabulary

OWNER = "https://w3id.org/recgraph/owner/"
# The owner strings of the seed annotation and the unit each stands for.
EXPECTED = {
    "HR Department": "hr-directorate",
    "DCC4 – Diversity Directorate": "diversity-directorate",
    "Policy Review & Standards – PRS8 Corporate Planning": "corporate-planning",
    "Policy Review & Standards PRS8 – Corporate Planning": "corporate-planning",
    "Policy Review & Standards PRS5 – Operational Policy Support Unit": "operational-policy-support-unit",
    "Policy Review & Standards PRS9 Inspectorate": "inspectorate",
    "Through Territorial Policing HQ": "territorial-policing-hq",
    "Diversity Training Branch": "diversity-training-branch",
    "ACPRS/ Head of Corporate Performance": "corporate-performance",
    "ACPRS/ Head of Corporate Planning": "corporate-planning",
    "ACPRS/ Head of Best Value group": "best-value-group",
    "ACPRS/ Head of Best Value Group": "best-value-group",
    "ACPRS/ Head of Business Change Group": "business-change-group",
    "ACPRS/ Head of the Inspection Liaison Analysis Unit": "inspection-liaison-analysis-unit",
    "ACHR": "achr",
    "MPA responsible for implementation": "mpa",
}


@pytest.fixture(scope="module")
def owners():
    return load_vocabulary("owners")


def test_normalisation_ignores_case_spacing_and_dash_style():
    assert normalise_owner("DCC4 – Diversity  Directorate") == normalise_owner("dcc4 - diversity directorate")
    assert normalise_owner(" ACPRS /Head of Best Value group. ") == "acprs/head of best value group"


@pytest.mark.parametrize("printed, unit", sorted(EXPECTED.items()))
def test_reference_owner_strings_map_to_their_unit(owners, printed, unit):
    match = match_owner(printed, owners)
    assert (match.unit.iri, match.verbatim) == (OWNER + unit, printed)


def test_a_mangled_owner_is_matched_by_the_label_it_contains(owners):
    match = match_owner("ACPRS/ Head of the Best Va lue Value group", owners)
    assert match.unit.iri == OWNER + "best-value-group" and match.rule.startswith("contains the label")


def test_an_unknown_owner_becomes_a_new_unit_and_keeps_its_text(owners):
    match = match_owner("Borough  Commander, Lambeth", owners, ("r", "1", "p.txt"))
    assert (match.unit.iri, match.unit.label, match.unit.known) == (None, "Borough Commander, Lambeth", False)
    assert (match.update, match.verbatim) == (("r", "1", "p.txt"), "Borough  Commander, Lambeth")


def test_every_seed_owner_is_normalised_to_a_known_unit(seed_enrichment, seed_results):
    printed = [u for r in seed_results for u in r.updates if u.owner]
    assert len(seed_enrichment.owners) == len(printed) > 40
    assert all(match.unit.known for match in seed_enrichment.owners.values())
    assert {m.verbatim for m in seed_enrichment.owners.values()} == {u.owner for u in printed}
