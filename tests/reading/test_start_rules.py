"""The segmenter's general start rules: items in a recommendations context, title runs, switches.

Each test writes a small paper in the family's frame and checks what starts a record and what
never does (the paper's own recommendations to Members, a breakdown by counts, paragraph numbers).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment import read
from recgraph.graph.reading.segment.roles import lay_out
from recgraph.graph.reading.segment.spans import RULES, find_starts
from recgraph.graph.reading.segment.switches import is_on, switched_off

FRAME = """You are in:
Contents
Report 3 of the 4 May 2006 meeting of the Planning, Performance and Review Committee.
Warning: This is archived material and may be out of date.

Progress on the Example Review

Report: 3
Date: 4 May 2006
By: Commissioner

Summary

This report sets out progress on the recommendations of the Example Review.

A. Recommendation

That Members note the report.

B. Supporting information

{body}

C. Financial implications

There are none.

F. Contact details

Report author: A Writer, MPS
MPA general: 020 7202 0202
"""


def page(body: str) -> Document:
    return Document.from_text(FRAME.format(body=body), "example.txt")


def records(body: str) -> list[tuple[str, str]]:
    return [(rec.number, rec.text) for rec in read(page(body)).recommendations]


def starts(body: str):
    return find_starts(lay_out(page(body)))


def test_an_item_answered_by_a_response_starts_a_record_whatever_its_enumerator():
    body = """1. The review reported in March.

a) The MPS should name one lead for the work.
Progress: A lead was named in April. Complete.

b) That every borough trains two officers.
Response: Training has begun. In progress.

2. A further report will follow."""
    got = records(body)
    assert [n for n, _ in got] == ["a", "b"]
    assert got[0][1] == "The MPS should name one lead for the work."
    assert [s.cues[0] for s in starts(body)] == ["item/answered", "item/answered"]


def test_an_unnumbered_recommendation_label_answered_by_a_response_starts_a_record():
    body = """Recommendation: The MPS should grade every report for risk.
MPS response: Accepted. Complete.

Recommendation: Each unit should have a sergeant in charge.
MPS response: Accepted. In progress."""
    assert records(body) == [("u1", "The MPS should grade every report for risk."),
                             ("u2", "Each unit should have a sergeant in charge.")]


def test_a_list_introduced_as_the_recommendations_gives_one_record_per_item():
    body = """1. The auditor's recommendations, and where each stands, are:

  • The Authority should publish its plan with the budget. Published in March. Complete.
  • Savings targets should be set for each business group. In progress.

2. The auditor will report again next year."""
    got = records(body)
    assert [n for n, _ in got] == ["u1", "u2"]
    assert got[0][1] == "The Authority should publish its plan with the budget."
    result = read(page(body))
    assert [u.status_phrase for u in result.updates] == ["Complete.", "In progress."]


def test_an_introduced_bullet_takes_the_number_it_prints_at_its_end():
    body = """1. Position on the recommendations:

  • A single case-tracking system for grievances (Recommendation 2). Complete.
  • Time limits for each stage (Recommendations 3-5). In progress."""
    with switched_off({"marker/tail"}):
        found = starts(body)
    assert [(s.number, s.cues[0]) for s in found] == [("2", "item/introduced"), ("3-5", "item/introduced")]
    assert found[1].covers == ("3", "4", "5")


def test_a_list_in_an_appendix_printed_on_the_page_is_introduced_by_the_pointer_to_it():
    text = FRAME.format(body="1. Appendix 1 sets out each recommendation as worded by the auditor.").replace(
        "F. Contact details",
        "E. Appendix 1\n\n1. The MPS should count detections once.\nThe count was corrected. Complete.\n\n"
        "2. The plan should link targets to priorities.\nA table was added. Complete.\n\nF. Contact details",
    )
    result = read(Document.from_text(text, "example.txt"))
    assert [r.number for r in result.recommendations] == ["1", "2"]


def test_a_numbered_list_restarting_at_one_after_a_colon_is_the_recommendations():
    body = """2. The review made these recommendations:

1. The MPS should keep one register of exhibits.
2. Every store should be checked each year. Complete.

Progress is reported below."""
    assert [n for n, _ in records(body)] == ["1", "2"]


def test_a_section_titled_as_the_recommendations_introduces_its_bullets_but_section_a_never_does():
    text = FRAME.format(body="1. The review reported in March.").replace(
        "C. Financial implications",
        "C. Outstanding recommendations\n\n  • The MPS should review its fleet every year. In progress.\n"
        "  • Drivers should be trained in fuel-efficient driving. Complete.\n\nD. Financial implications",
    ).replace("That Members note the report.", "  • That Members note the report.\n  • That Members agree the plan.")
    result = read(Document.from_text(text, "example.txt"))
    assert [r.text for r in result.recommendations] == [
        "The MPS should review its fleet every year.", "Drivers should be trained in fuel-efficient driving."
    ]


def test_a_quoted_paragraph_after_a_colon_is_the_recommendation_without_its_quotes():
    body = """1. The recommendation reads:

“The MPS should publish patrol hours for each borough.”

2. Hours were published in February. Complete."""
    got = records(body)
    assert got == [("u1", "The MPS should publish patrol hours for each borough.")]


@pytest.mark.parametrize(
    "body",
    [
        # a breakdown by counts of the recommendations: groups of numbers, not recommendations
        "1. Of the 19 recommendations now complete:\n\n  • Six relate to training.\n    (2,5,9,14,21,33)\n"
        "  • Four relate to family liaison.\n    (6,7 & 8, 40)",
        # the paper's own numbered paragraphs after a lead-in: paragraph numbers are never recommendation numbers
        "1. Progress on the recommendations is set out below.\n\n2. Work has started on training.\n\n3. Two posts are filled.",
        # a lead-in pointing to an appendix not printed on the page introduces nothing here
        "1. The recommendations are set out in Appendix 2.\n\n  • Appendix 2 is exempt.",
    ],
)
def test_what_no_lead_in_introduces(body):
    assert records(body) == []


def test_a_bare_list_of_numbers_under_a_status_heading_is_no_record_but_a_grouped_heading_over_its_text_is():
    listed = """Embedded recommendations

2. The following recommendations are now embedded in day-to-day business.

Recommendation 2, 5, 9, 14

Recommendations needing further work

3. The following recommendations need further development.

Recommendations 3 and 7

4. Recommendation 18 remains outstanding."""
    assert records(listed) == []
    grouped = """Recommendations 8, 9 and 10

The MPS should publish its attendance policy and train managers in it.

A new policy was issued in May. Complete."""
    assert [n for n, _ in records(grouped)] == ["8, 9 and 10"]


def test_a_recommendation_told_in_prose_is_read_only_where_nothing_else_holds():
    prose = """1. One of the review's main recommendations was that the MPS should publish its stop data monthly. This is done.

2. Another recommendation asked that every borough review the data. This is still outstanding."""
    assert records(prose) == [
        ("u1", "the MPS should publish its stop data monthly."), ("u2", "every borough review the data."),
    ]
    marked = prose + "\n\nRecommendation 4 – Train every sergeant\n\n3. Training began in May. Complete."
    assert [n for n, _ in records(marked)] == ["4"]


def test_the_papers_own_recommendations_to_members_never_start_a_record_even_when_introduced():
    text = FRAME.replace(
        "That Members note the report.",
        "Members are recommended:\n\n  • That Members note the recommendations below.\n  • That Members agree the action plan.",
    ).format(body="1. The recommendations of the review are listed below:\n\n  • The MPS should train every sergeant. Complete.")
    result = read(Document.from_text(text, "example.txt"))
    assert [r.text for r in result.recommendations] == ["The MPS should train every sergeant."]


def test_titles_over_unnumbered_paragraphs_in_a_plan_each_start_a_record():
    body = """Background

The review looked at every front counter.

Opening hours matched to demand

Hours were changed at 38 counters. Complete.

A common standard of service

The standard was published in January."""
    got = records(body)
    assert [t for _, t in got] == ["Opening hours matched to demand", "A common standard of service"]
    assert {s.cues[0] for s in starts(body)} == {"heading/unmarked"}


def test_a_cue_that_holds_keeps_a_record_when_another_is_switched_off():
    body = """1. The recommendations of the IPCC are set out below, each with the response.

(1) That the MPS checks who is at an address before a search.

Response (1): Accepted. Complete.

(2) That the MPS names a contact for the family.

Response (2): Accepted. In progress."""
    both = starts(body)
    assert [set(s.cues) for s in both] == [{"item/answered", "item/that", "item/introduced", "lead/word"}] * 2
    with switched_off({"item/answered", "item/that"}):
        assert [s.cues for s in starts(body)] == [("item/introduced", "lead/word")] * 2
        assert not is_on("item/that") and is_on("marker/head")
    with switched_off({"item/answered", "item/that", "lead/word"}):
        assert starts(body) == []  # the lead-in announces by a word only
    with switched_off({"item"}):
        assert starts(body) == []
    assert is_on("item/that")  # switches apply only inside the block


def test_every_cue_named_in_the_rules_is_rule_slash_cue():
    assert all(cue.count("/") == 1 and cue.split("/")[0] in {"marker", "item", "heading"} for cue in RULES)


VARIANTS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "variants").glob("*/*.txt"))


def _bench():
    path = Path(__file__).resolve().parents[2] / "bench" / "extraction_formats.py"
    spec = importlib.util.spec_from_file_location("extraction_formats", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extraction_formats", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", VARIANTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_variant_fixtures_read_as_expected(path):
    bench = sys.modules.get("extraction_formats") or _bench()
    score = bench.score_result(bench.read_fixture(path), bench.expected_for(path))
    assert (score.missed, score.extra_records, score.invented) == ([], [], 0)


def test_a_list_of_names_after_a_passing_mention_of_recommendations_is_not_read():
    names = """1. The panel helps the Authority meet the recommendations of the city's late-night plan.

2. Its members include people from:

  • the fire brigade
  • the bus companies
  • the licensing team"""
    assert records(names) == []
    asks = """1. The panel's report made four recommendations.

2. They are as follows:

  • the fire brigade should share its call data
  • the bus companies to review night routes"""
    assert [text for _, text in records(asks)] == ["the fire brigade should share its call data",
                                                    "the bus companies to review night routes"]
