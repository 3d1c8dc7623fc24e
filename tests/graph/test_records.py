"""Rows: the flat form analysts read and correct. CSV -> rows -> CSV loses nothing."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recgraph.errors import CorrectionsError
from recgraph.graph.reading.records import COLUMNS, Row, rows_from_csv, rows_from_xlsx, rows_to_csv, rows_to_xlsx

# Cell text as analysts type it: any printable text, including quotes, commas, new lines and
# non-ASCII; no leading/trailing blanks in list items, no ";" inside a reference.
text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"), max_size=40)
optional = st.one_of(st.none(), text.filter(bool))
token = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters="()."), min_size=1, max_size=6)
rows = st.builds(
    Row,
    paper=token,
    source_report=text,
    source_report_key=token,
    number=token,
    parent=st.one_of(st.none(), token),
    heading=optional,
    text=optional,
    para_ref=optional,
    progress=optional,
    status_phrase=optional,
    owner=optional,
    mpa_action=optional,
    timescale=optional,
    refers_to=st.lists(token, max_size=3),
    lines=st.one_of(st.just([]), st.tuples(st.integers(1, 10**6), st.integers(1, 10**6)).map(list)),
    paper_date=st.one_of(st.none(), st.dates().map(str)),
)


@given(st.lists(rows, max_size=5))
def test_csv_to_rows_to_csv_is_lossless(rows_in):
    written = rows_to_csv(rows_in)
    assert rows_to_csv(rows_from_csv(written)) == written
    assert rows_from_csv(written) == rows_in


def test_columns_may_come_in_any_order_and_missing_ones_are_empty():
    [row] = rows_from_csv("number,paper,owner\n22,a.txt,HR Department\n")
    assert (row.paper, row.number, row.owner, row.text, row.refers_to) == ("a.txt", "22", "HR Department", None, [])


def test_an_unknown_column_is_refused_naming_it():
    with pytest.raises(CorrectionsError, match="unknown column.*ownr") as caught:
        rows_from_csv("paper,number,ownr\na.txt,1,x\n", "fix.csv")
    assert (caught.value.file, caught.value.line) == ("fix.csv", 1)


def test_a_row_without_its_number_is_refused_with_its_line():
    with pytest.raises(CorrectionsError, match="empty 'number'") as caught:
        rows_from_csv("paper,number,owner\na.txt,1,x\na.txt,,y\n", "fix.csv")
    assert caught.value.line == 3


def test_malformed_lines_are_refused():
    with pytest.raises(CorrectionsError, match="12-30"):
        rows_from_csv("paper,number,lines\na.txt,1,twelve\n")


def test_xlsx_round_trip(tmp_path):
    original = [Row("a.txt", "Report", "rep", "6(b)", parent="6", text="Do it, \"now\".", refers_to=["2", "3"], lines=[4, 9])]
    rows_to_xlsx(original, tmp_path / "rows.xlsx")
    assert rows_from_xlsx(tmp_path / "rows.xlsx") == original


def test_the_csv_header_is_the_documented_columns():
    assert next(csv.reader(io.StringIO(rows_to_csv([])))) == list(COLUMNS)
    for key in ("paper", "source_report", "number", "parent", "heading", "text", "para_ref", "progress",
                "status_phrase", "owner", "mpa_action", "timescale", "refers_to", "lines"):
        assert key in COLUMNS


def test_a_mention_by_topic_without_a_number_round_trips():
    # read's own CSV holds mentions by topic, whose number is empty: reading it back refused the file
    rows_in = [Row(paper="a.txt", source_report="R", source_report_key="r", number="", kind="mention",
                   topic="stop and search recording", text="The recommendation on stop and search recording is done.")]
    written = rows_to_csv(rows_in)
    assert rows_from_csv(written) == rows_in
    with pytest.raises(CorrectionsError, match="empty 'number'"):
        rows_from_csv(written.replace(",stop and search recording", ","))
