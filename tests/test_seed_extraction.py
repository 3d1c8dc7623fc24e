"""The five seed papers read as the reference annotation says, field by field.

The expected facts were copied from the hand-made annotation into tests/fixtures/seeds_expected.json.
Matching follows the annotation's conventions: HTML removed, whitespace collapsed, quotes and dashes
folded; a field agrees when the reference's opening words appear in what was extracted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import recgraph
from recgraph.graph.reading.papers import read_paper
from recgraph.graph.reading.records import rows_from_results

EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "seeds_expected.json").read_text(encoding="utf-8"))
PAPERS = {paper["file"]: paper for paper in EXPECTED["papers"]}


def fold(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("\ue007", "-")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip().lower()


def agrees(expected: str, got: str | None) -> bool:
    return fold(expected)[:30].replace(" ", "") in fold(got).replace(" ", "")


def text_agrees(item: dict, row) -> bool:
    start, heading = fold(item["text_starts"]), fold(item.get("heading"))
    whole = fold(f"{row.heading or ''} {row.text or ''}")
    return start[:40] in whole or (bool(heading) and start.replace(heading, "").strip(" :-")[:40] in fold(row.text))


@pytest.fixture(scope="module")
def rows_by_paper():
    folder = recgraph.data_path() / "papers"
    return {name: {row.number: row for row in rows_from_results([read_paper(folder / name)]) if row.kind == "recommendation"} for name in PAPERS}


def score(rows_by_paper, field: str, papers=None):
    """(agreeing, expected, extracted-but-not-expected) for one field over the chosen papers."""
    ok = total = spurious = 0
    for name, paper in PAPERS.items():
        if papers and name[:3] not in papers:
            continue
        for item in paper["recommendations"]:
            row = rows_by_paper[name].get(item["number"])
            got = getattr(row, field) if row else None
            if item.get(field):
                total += 1
                ok += bool(row) and agrees(item[field], got)
            elif got:
                spurious += 1
    return ok, total, spurious


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_every_reference_recommendation_is_found_with_its_source_report_and_parent(rows_by_paper, name):
    rows = rows_by_paper[name]
    for item in PAPERS[name]["recommendations"]:
        assert item["number"] in rows, f"{name}: recommendation {item['number']} not found"
        row = rows[item["number"]]
        assert row.source_report_key == item["source_report"], item["number"]
        assert row.parent == item.get("parent"), item["number"]


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_no_recommendation_is_invented(rows_by_paper, name):
    expected = {item["number"] for item in PAPERS[name]["recommendations"]}
    assert set(rows_by_paper[name]) == expected


def test_text_starts_agree_for_at_least_95_percent(rows_by_paper):
    pairs = [(item, rows_by_paper[name].get(item["number"])) for name, p in PAPERS.items() for item in p["recommendations"]]
    ok = sum(bool(row) and text_agrees(item, row) for item, row in pairs)
    assert ok / len(pairs) >= 0.95, f"{ok}/{len(pairs)}"


@pytest.mark.parametrize("field", ["para_ref", "status_phrase"])
def test_paragraph_references_and_status_phrases_agree_for_at_least_95_percent(rows_by_paper, field):
    ok, total, _ = score(rows_by_paper, field)
    assert ok / total >= 0.95, f"{field}: {ok}/{total}"


def test_owners_agree_for_at_least_90_percent_outside_the_pdf_paper(rows_by_paper):
    ok, total, _ = score(rows_by_paper, "owner", papers={"000", "001", "003", "004"})
    assert ok / total >= 0.90, f"{ok}/{total}"


def test_the_eight_in_paper_cross_references_are_found(rows_by_paper):
    expected = {(name, item["number"], ref) for name, p in PAPERS.items() for item in p["recommendations"] for ref in item["refers_to"]}
    assert len(expected) == 8
    found = {(name, number, ref) for name, rows in rows_by_paper.items() for number, row in rows.items() for ref in row.refers_to}
    assert expected <= found
    assert found == expected, f"pointers beyond the reference: {sorted(found - expected)}"
