"""System hubs: systems ranked by the open recommendations that depend on them."""

from __future__ import annotations

import pandas

from recgraph.graph.analyses import system_hubs
from recgraph.graph.analyses.systems import hubs_from_links


def test_system_hubs_of_the_tiny_graph(tiny):
    hubs = system_hubs(tiny)
    # MetHR: rep-a/1 depends on it (open), rep-a/3 refers to rep-a/1 (complete): 2 dependents, 1 open.
    # PRISM: rep-a/2 depends on it (complete); rep-a/2 and rep-c/7 (open, unknown) mention it.
    # CRIS: nothing depends on it or mentions it, so it is not listed.
    assert hubs[["system", "open_dependents", "dependents", "direct_dependents", "open_mentions", "mentions"]].values.tolist() == [
        ["MetHR", 1, 2, 1, 1, 1],
        ["PRISM", 0, 1, 1, 1, 2],
    ]
    assert hubs.iloc[0]["open_recommendations"] == ["rep-a/1"]  # a list (issue 16: JSON arrays)


def test_dependents_through_a_cycle_are_counted_once():
    links = pandas.DataFrame({"source": ["r1", "r2", "r1"], "target": ["r2", "r1", "s"],
                              "kind": ["refersTo", "dependsOn", "dependsOn"]})
    recs = pandas.DataFrame({"label": ["a/1", "a/2"], "closed": [False, False]}, index=["r1", "r2"])
    concepts = pandas.DataFrame({"kind": ["system"], "label": ["S"]}, index=["s"])
    assert hubs_from_links(links, recs, concepts)[["open_dependents", "direct_dependents"]].values.tolist() == [[2, 1]]
