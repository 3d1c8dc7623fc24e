"""Owner load: open and stale recommendations per owner."""

from __future__ import annotations

import pandas

from recgraph.graph.analyses import owner_load
from recgraph.graph.analyses.owners import NO_OWNER, load_by_owner


def test_owner_load_of_the_tiny_graph(tiny):
    load = owner_load(tiny)
    # HR Directorate: rep-a/1 (open, not started in p1 and p2: stale) and rep-a/2 (complete);
    # AC HR: rep-b/R6 (open); Postings Unit: rep-a/3 (complete in p2); no owner: rep-c/6, 6(b), 7
    assert load[["owner", "open", "stale", "closed", "total"]].values.tolist() == [
        ["HR Directorate", 1, 1, 1, 2],
        ["AC HR", 1, 0, 0, 1],
        ["Postings Unit", 0, 0, 1, 1],
        [NO_OWNER, 3, 0, 0, 3],
    ]
    assert load.iloc[0]["open_recommendations"] == ["rep-a/1"]  # a list (issue 16: JSON arrays)
    assert load.iloc[3]["open_recommendations"] == ["rep-c/6", "rep-c/6(b)", "rep-c/7"]


def test_ties_are_broken_by_stale_then_name():
    recs = pandas.DataFrame({"label": ["x/1", "x/2", "x/3"], "owner": ["B", "A", "C"],
                             "closed": [False, False, False], "stale": [True, False, False]})
    assert load_by_owner(recs)["owner"].tolist() == ["B", "A", "C"]
