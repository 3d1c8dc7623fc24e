"""The pairs we judged by reading both texts (judged_pairs.json): each with its reason and a quote that
matches its fixture paper, and the reiterates links measured against them. The figures are reported
in docs/enrichment.md (bench/repeats.py --judged); the tests check what holds by rule."""

from __future__ import annotations

import re
from pathlib import Path

import recgraph
from recgraph.graph.enrich import enrich
from recgraph.graph.linking import link
from recgraph.graph.linking.evaluation import is_development, judge, judged_results
from recgraph.graph.reading.papers import read_papers

ROOT = Path(__file__).resolve().parents[2]
JUDGEMENTS = {"reiterates", "related", "unrelated"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_every_pair_has_a_judgement_and_a_reason_and_the_later_is_not_the_earlier(judged):
    assert len(judged) >= 80
    for pair in judged:
        assert pair["judgement"] in JUDGEMENTS and len(pair["reason"]) > 20, pair
        assert pair["later"]["rec"] != pair["earlier"]["rec"]
    held_out = [p for p in judged if not is_development(p)]
    assert held_out and {p["judgement"] for p in held_out} == JUDGEMENTS


def test_each_quoted_text_is_printed_at_its_lines_of_its_fixture_paper(judged):
    for pair in judged:
        for side in (pair["later"], pair["earlier"]):
            if "text" not in side:
                continue
            first, last = side["lines"]
            printed = (ROOT / side["source"]).read_text(encoding="utf-8").splitlines()[first - 1 : last]
            assert " ".join(_words(side["text"])) in " ".join(_words(" ".join(printed))), side


def test_seed_texts_named_by_the_pairs_exist(judged, linking_seed_results):
    labels = {f"{r.source_report}/{r.number}" for result in linking_seed_results for r in result.recommendations}
    for pair in judged:
        for side in (pair["later"], pair["earlier"]):
            if "text" not in side:
                assert side["rec"] in labels, side


def test_reiterates_links_on_the_judged_corpus_all_quote_aligned_wording(judged, linking_seed_results):
    results = judged_results(judged, linking_seed_results)
    found = link(results, enrich(results)).repeats
    scores = judge(found, judged)
    assert scores.predicted_reiterates and scores.true_positives
    for repeat in found:
        if repeat.relation == "reiterates":
            assert repeat.quotes and repeat.aligned > 0
    # A pair whose texts share no aligned wording is never a reiterates, whatever themes they share.
    for repeat in found:
        if not repeat.quotes:
            assert repeat.relation == "relatedTo"
