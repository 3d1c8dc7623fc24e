"""Repeat chains: components of the repeat links, earliest first, with their summary."""

from __future__ import annotations

import pandas
import pytest

from recgraph.graph.analyses import chain_summary, repeat_chains
from recgraph.graph.analyses.repeats import chains_from_links


def test_chains_of_the_tiny_graph(tiny):
    chains = repeat_chains(tiny)
    # rep-b/R6 -> rep-a/1 and rep-c/6(b) -> rep-b/R6 make one chain of three, the longest: number 1
    assert chains[["chain", "position", "label"]].values.tolist() == [
        [1, 0, "rep-a/1"], [1, 1, "rep-b/R6"], [1, 2, "rep-c/6(b)"],
        [2, 0, "rep-a/2"], [2, 1, "rep-c/7"],
    ]
    first, second, third = chains.iloc[0], chains.iloc[1], chains.iloc[2]
    assert first["score"] is None and first["reiterates"] == []  # lists, as JSON arrays (issue 16)
    assert second["score"] == pytest.approx(0.4) and second["reiterates"] == ["rep-a/1"]
    assert second["evidence"] == "shared terms: appraisal, backlog"
    assert third["score"] == pytest.approx(0.3) and third["year"] == 2010 and third["date"] == "2011-05-26"
    assert first["status"] == "not started" and not first["closed"]


def test_summary_counts_length_years_and_recurrence_despite_closure(tiny):
    summary = chain_summary(repeat_chains(tiny))
    assert summary[["chain", "length", "span_years", "closed_before_repeat", "first", "last", "reports"]].values.tolist() == [
        [1, 3, 10, 0, "rep-a/1", "rep-c/6(b)", 3],
        [2, 2, 10, 1, "rep-a/2", "rep-c/7", 2],  # rep-a/2 complete in 2002, reiterated in 2010
    ]


def test_min_score_breaks_weak_links(tiny):
    chains = repeat_chains(tiny, min_score=0.35)
    assert chains["label"].tolist() == ["rep-a/1", "rep-b/R6"]


def recs(rows: dict[str, tuple]) -> pandas.DataFrame:
    return pandas.DataFrame.from_dict(
        {iri: dict(zip(("label", "year", "first_date", "status", "closed"), values)) for iri, values in rows.items()},
        orient="index")


def test_order_follows_the_links_before_the_years():
    # c reiterates b reiterates a, although a's report has no year and b's is later than c's
    links = pandas.DataFrame({"source": ["b", "c"], "target": ["a", "b"], "score": [0.5, 0.6]})
    table = recs({"a": ("r/a", None, None, "complete", True), "b": ("r/b", 2005, None, "unknown", False),
                  "c": ("r/c", 2001, None, "unknown", False)})
    chains = chains_from_links(links, table)
    assert chains["label"].tolist() == ["r/a", "r/b", "r/c"]
    # no flag on the link: a closed member reiterated later counts as recurring despite closure
    assert chains["closed_before_repeat"].tolist() == [True, False, False]


def test_links_both_ways_fall_back_on_years():
    links = pandas.DataFrame({"source": ["a", "b"], "target": ["b", "a"], "score": [0.5, 0.5]})
    table = recs({"a": ("r/a", 2003, None, "unknown", False), "b": ("r/b", 2001, None, "unknown", False)})
    assert chains_from_links(links, table)["label"].tolist() == ["r/b", "r/a"]


def test_no_repeat_links_gives_empty_tables():
    empty = chains_from_links(pandas.DataFrame(columns=["source", "target", "score"]), recs({}))
    assert empty.empty and chain_summary(empty).empty
    assert list(chain_summary(empty).columns)[:4] == ["chain", "length", "span_years", "closed_before_repeat"]
