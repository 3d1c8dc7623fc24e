"""On a synthetic corpus no lead appears under several spellings, and no unit joins two leads.

The truth is the lead each spelling of the generator stands for, judged by reading the spellings
(fixtures/synthetic_owner_leads.json); bench/enrichment_seeds.py measures the same at 10,000.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recgraph.graph.enrich import enrich
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.synthetic import generate_corpus

LEADS = json.loads((Path(__file__).parent / "fixtures" / "synthetic_owner_leads.json").read_text(encoding="utf-8"))["leads"]


def lead_of(printed: str) -> str | None:
    """The judged lead of a spelling, or of a spelling cut short by a wrapped cell when that is unique."""
    if printed in LEADS:
        return LEADS[printed]
    leads = {lead for spelling, lead in LEADS.items() if spelling.startswith(printed)}
    assert leads, f"a spelling the truth does not know: {printed!r}"
    return leads.pop() if len(leads) == 1 else None


@pytest.fixture(scope="module")
def owners(tmp_path_factory):
    corpus = generate_corpus(tmp_path_factory.mktemp("corpus"), 400, seed=5)
    outcome = read_papers([corpus.papers_dir])
    assert not outcome.errors
    return enrich(outcome.results).owners


def test_every_spelling_of_a_lead_is_one_unit_and_every_unit_one_lead(owners):
    units_of: dict[str, set[str]] = {}
    leads_of: dict[str, set[str]] = {}
    for match in owners.values():
        lead = lead_of(match.verbatim)
        if lead is None:
            continue  # a cell cut where several spellings start alike: no truth to compare with
        units_of.setdefault(lead, set()).add(match.unit.label)
        leads_of.setdefault(match.unit.label, set()).add(lead)
    assert len(units_of) >= 10
    assert {lead: units for lead, units in units_of.items() if len(units) > 1} == {}
    assert {unit: leads for unit, leads in leads_of.items() if len(leads) > 1} == {}
