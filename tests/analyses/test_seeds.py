"""The analyses on the five seed papers, built as `recgraph build` builds them (enrichment included).

The repeat checked is one we judged by reading both texts (tests/linking/judged_pairs.json): HMIC
MPS Inspection 2000/01 #26 (staff appraisals, to be handled in MetHR) and District Audit R6 (the
appraisal process supporting performance management) raise the same problem about the same object.
(Race and Faith Inquiry 6(b), the PDR as an early warning of dissatisfaction, is in the same area
but a different problem: related, not a repeat; issue 15.) The IT systems the seeds'
recommendations wait on are PRISM and MetHR.
"""

from __future__ import annotations

import csv
import io
import re

from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.analyses import trace

HMIC_26 = "https://w3id.org/recgraph/id/report/hmic-mps-2000-01/rec/26"
APPRAISAL_CHAIN = ["hmic-mps-2000-01/26", "district-audit-ppp-2001-02/6"]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    """A store of the seed papers, built the way `recgraph build` builds it."""
    from recgraph.graph.rdf.iri import Minter
    from recgraph.graph.rdf.writer import enrichment_nquads
    from recgraph.graph.reading.papers import ReadOptions, read_papers
    from recgraph.graph.store.database import build_store

    mint = Minter("https://w3id.org/recgraph/id/")
    results = read_papers([recgraph.data_path() / "papers"], ReadOptions()).results
    location = tmp_path_factory.mktemp("seeds") / "store"
    build_store(results, location, mint=mint, extra_nquads=enrichment_nquads(results, mint))
    return location


def run(*args) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_trace_of_hmic_26_shows_its_progress_and_the_later_appraisal_recommendations(seeds):
    out = run("trace", HMIC_26, "--store", seeds)
    assert "Staff appraisals" in out
    assert "It is anticipated that MetHR will include specific recording of appraisals" in out
    assert "2002-09" in out and "000_e465e3dd12847c8c.txt:27" in out
    # The later appraisal recommendation is related, with the aligned wording quoted as evidence.
    later = out.split("Later recommendations", 1)[1]
    for label in APPRAISAL_CHAIN[1:]:
        assert re.search(rf"{re.escape(label)}  \((?:reiterated by|same repeat chain); score 0\.\d+", later), label
    flat = " ".join(later.split())  # the table wraps long lines
    assert "aligned wording: “Staff appraisal" in flat and "score 0." in flat


def test_trace_of_hmic_26_by_short_form_as_a_report(seeds, tmp_path):
    run("trace", "hmic-mps-2000-01/26", "--store", seeds, "--out", tmp_path / "trace.md")
    text = (tmp_path / "trace.md").read_text(encoding="utf-8")
    later = text.split("### Later recommendations", 1)[1]
    assert "#### district-audit-ppp-2001-02/6" in later
    assert "Evidence:" in later and "appraisal" in later


def test_the_trace_api_relates_both_with_evidence(seeds):
    found = trace(seeds, "hmic-mps-2000-01/26")
    related = {r.label: r for r in found.related}
    for label in APPRAISAL_CHAIN[1:]:
        assert related[label].direction == "later" and related[label].score > 0 and related[label].evidence
    # Which systems it waits on is the enrichment's finding, not the annotation's: by rule, each is
    # named in a sentence of its progress with a dependency cue.
    assert found.waits_on and all(w.label for w in found.waits_on)


def test_repeats_lists_the_appraisal_chain_in_order(seeds):
    lines = run("repeats", "--store", seeds, "--format", "csv").splitlines()
    rows = [line.split(",") for line in lines[1:] if line[:1].isdigit()]
    chain = {row[0] for row in rows if row[3] == "hmic-mps-2000-01/26"}.pop()
    members = [row[3] for row in rows if row[0] == chain]
    # The chain may hold more members; the appraisal recommendations come in date order within it.
    assert [m for m in members if m in APPRAISAL_CHAIN] == APPRAISAL_CHAIN


def test_systems_are_ranked_by_their_open_dependents(seeds):
    # The ranking rule, not the annotation's systems: open dependents, then dependents, then mentions.
    header, *rows = [row for row in csv.reader(io.StringIO(run("systems", "--store", seeds, "--format", "csv"))) if row]
    assert rows
    keys = [(int(r[header.index("open_dependents")]), int(r[header.index("dependents")]), int(r[header.index("open_mentions")]))
            for r in rows]
    assert keys == sorted(keys, reverse=True)


def test_stats_of_the_seeds(seeds):
    lines = dict(line.split(",", 2)[:2] for line in run("stats", "--store", seeds, "--format", "csv").splitlines()[1:])
    assert lines["papers"] == "5" and int(lines["recommendations"]) >= 122
    assert int(lines["repeat chains"]) >= 1
