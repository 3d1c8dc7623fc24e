"""Fixtures of the enrichment and linking tests: the seed papers read, enriched and linked once,
and the reading facts copied from the seed annotation (fixtures/seeds_enrichment.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.graph.enrich import enrich
from recgraph.graph.enrich.status import infer_status, status_from_phrase
from recgraph.graph.enrich.vocabulary import load_vocabulary
from recgraph.graph.linking import link
from recgraph.graph.reading.papers import read_papers

FIXTURE = Path(__file__).parent / "fixtures" / "seeds_enrichment.json"


@pytest.fixture(scope="session")
def reference() -> dict:
    """The reading facts of the reference: per recommendation its key, parent, pointers and the status
    its explicit phrase states, keyed by recgraph's source report keys (no enrichment labels)."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_results():
    outcome = read_papers([recgraph.data_path() / "papers"])
    assert not outcome.errors
    return outcome.results


@pytest.fixture(scope="session")
def seed_enrichment(seed_results):
    return enrich(seed_results)


@pytest.fixture(scope="session")
def seed_links(seed_results, seed_enrichment):
    return link(seed_results, seed_enrichment)


@pytest.fixture(scope="session")
def reference_recs(reference) -> dict[tuple[str, str], dict]:
    return {(r["source_report"], r["number"]): r for r in reference["recommendations"]}


@pytest.fixture(scope="session")
def decide_status():
    """The status a progress phrase states, as the pipeline decides it: an explicit phrase of statuses.ttl
    (or the grammar), else the inference from its wording; the concept's notation."""
    statuses = load_vocabulary("statuses")

    def decide(phrase: str) -> str:
        return (status_from_phrase(phrase, statuses) or infer_status(phrase, statuses)).notation

    return decide
