"""A report printed without a year leaves a gap in a year column; the other years stay whole
numbers (2000, not 2000.0) in the frames and in the CSV the CLI writes."""

from __future__ import annotations

import pandas

from recgraph.cli.analyses_render import write_frames
from recgraph.graph.analyses.repeats import chains_from_links
from recgraph.graph.analyses.tables import recommendation_table


def test_repeat_chains_keep_whole_years_beside_a_member_without_one(tmp_path):
    links = pandas.DataFrame({"source": ["b", "c"], "target": ["a", "b"], "score": [0.5, 0.6]})
    recs = pandas.DataFrame({"label": ["r/1", "s/2", "t/3"], "report": ["r", "s", "t"], "year": [2000, None, 2005],
                             "first_date": [None, None, None], "status": ["unknown"] * 3, "closed": [False] * 3,
                             "text": ["x", "y", "z"]}, index=["a", "b", "c"], dtype=object)
    chains = chains_from_links(links, recs)
    assert [repr(year) for year in chains["year"]] == ["2000", "None", "2005"]
    out = tmp_path / "chains.csv"
    write_frames({"repeats": chains}, "csv", out)
    assert [line.split(",")[5] for line in out.read_text().splitlines()[1:]] == ["2000", "", "2005"]


def test_the_recommendation_table_keeps_whole_years_beside_a_report_without_one():
    recs = pandas.DataFrame({"rec": ["a", "b"], "key": ["r", "s"], "report": ["R", "S"], "report_year": ["2000/01", None],
                             "number": ["1", "2"], "text": ["x", "y"]})
    empty = pandas.DataFrame(columns=["rec", "update", "date", "status_iri"])
    concepts = pandas.DataFrame(columns=["label", "closed"])
    table = recommendation_table(recs, empty, concepts)
    assert [repr(year) for year in table["year"]] == ["2000", "None"]
