"""Fixtures of the linking tests: the seed papers read, enriched and linked once (with no analyst's
decision), and the pairs we judged by reading both texts (judged_pairs.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.graph.enrich import enrich
from recgraph.graph.linking import link
from recgraph.graph.reading.papers import read_papers

JUDGED = Path(__file__).parent / "judged_pairs.json"


@pytest.fixture(scope="session")
def linking_seed_results():
    outcome = read_papers([recgraph.data_path() / "papers"])
    assert not outcome.errors
    return outcome.results


@pytest.fixture(scope="session")
def linking_seed_enrichment(linking_seed_results):
    return enrich(linking_seed_results)


@pytest.fixture(scope="session")
def seed_links(linking_seed_results, linking_seed_enrichment):
    return link(linking_seed_results, linking_seed_enrichment)


@pytest.fixture(scope="session")
def judged() -> list[dict]:
    return json.loads(JUDGED.read_text(encoding="utf-8"))["pairs"]
