"""Mentions: recommendations cited by number without their wording (issue 13, item 3).

Small papers written here in our own words, then the survey's fixture papers
(tests/fixtures/formats/*/*.txt with *.expected.json): every expected mention is captured with its
status. The fixtures' recommendation records are given to the finder as the segmenter will give
them, so their own markers are not counted as mentions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recgraph.graph.model import Provenance, Recommendation
from recgraph.graph.reading.mentions import expand_numbers, find_mentions
from recgraph.graph.reading.numbers import canonical_number

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
FIXTURES = sorted(FORMATS.glob("*/*.expected.json"))


def mentions_in(text: str, records=(), report="rep"):
    return find_mentions(text.split("\n"), "p.txt", "p.txt", list(records), report)


def by_number(found):
    return {(m.number, m.provenance.first_line): m for m in found}


@pytest.mark.parametrize(("printed", "canonical"), [
    ("12", "12"), ("R12", "12"), ("R.12", "12"), ("Rec 12", "12"), ("Rec. 12", "12"), ("recommendation 12", "12"),
    ("5(b)", "5(b)"), ("5 (b)", "5(b)"), ("5b", "5(b)"), ("R6(b)", "6(b)"), ("1, 2 and 4", "1, 2 and 4"),
])
def test_one_number_has_one_canonical_form_and_lettered_parts_stay_apart(printed, canonical):
    assert canonical_number(printed) == canonical
    assert canonical_number("5(b)") != canonical_number("5")


@pytest.mark.parametrize(("printed", "numbers"), [
    ("1 to 12", [str(n) for n in range(1, 13)]), ("4 and 6", ["4", "6"]), ("2, 7, 9", ["2", "7", "9"]),
    ("5–9", ["5", "6", "7", "8", "9"]), ("3-5 and 8", ["3", "4", "5", "8"]), ("R4/R5", ["R4", "R5"]),
    ("1,3,4, and 9", ["1", "3", "4", "9"]), ("5(b)", ["5(b)"]), ("1990-2004", []),
])
def test_lists_and_ranges_give_one_number_each(printed, numbers):
    assert expand_numbers(printed) == numbers


def test_a_status_stated_for_a_group_applies_to_each_number_verbatim():
    found = mentions_in("Report: 1\n\n3. Recommendations 4 and 6 are now complete, and recommendations 1 to 3 need further work.")
    status = {m.number: m.status_phrase for m in found}
    assert status == {"4": "are now complete", "6": "are now complete", "1": "need further work",
                      "2": "need further work", "3": "need further work"}
    assert {m.printed for m in found} == {"Recommendations 4 and 6", "recommendations 1 to 3"}


@pytest.mark.parametrize(("sentence", "numbers"), [
    ("Progress on the remaining items (2, 7, 9) of the recommendations is set out below.", {"2", "7", "9"}),
    ("R12 has been overtaken by the new national guidance.", {"R12"}),
    ("Members agree that Rec 3/4 be signed off as complete.", {"3", "4"}),
    ("The first part of recommendation 5(b) is delivered.", {"5(b)"}),
])
def test_every_way_of_citing_a_number_is_read(sentence, numbers):
    assert {m.number for m in mentions_in(f"Report: 1\n\n{sentence}")} == numbers


def test_a_records_own_marker_is_not_a_mention_but_a_citation_elsewhere_is():
    text = "Report: 1\n\nRecommendation 3 – Fit locks to every cell.\n1. Locks are fitted. See Recommendation 2 above.\n"
    marker = Recommendation("rep", "3", "Fit locks to every cell.", Provenance("p.txt", 3, 4, "..."))
    found = mentions_in(text, [marker])
    assert [(m.number, m.provenance.first_line) for m in found] == [("2", 4)]


def test_an_unplaced_heading_is_not_taken_for_a_mention():
    assert mentions_in("Report: 1\n\nRecommendation 7 – Publish the data.\n") == []


def test_the_index_line_and_title_above_the_header_are_not_read_for_mentions():
    text = "Report 4 of the meeting and signs off recommendations 3 and 4.\nSign-off of recommendations 3 and 4\nReport: 4\n"
    assert mentions_in(text) == []


def test_bare_numbers_grouped_by_status_under_a_lead_in():
    text = ("Report: 1\n\n4. Of the 12 recommendations now considered 'complete':\n\n"
            "  • Three relate to training.\n    (2,5,9) (2 incomplete- 11,12)\n")
    found = by_number(mentions_in(text))
    assert found[("2", 6)].status_phrase == "now considered 'complete"
    assert found[("11", 6)].status_phrase == "incomplete" and found[("12", 6)].status_phrase == "incomplete"


def test_a_later_sentence_about_these_recommendations_gives_their_status():
    text = "Report: 1\n\n2. Training (recommendations 4 and 5) depends on the national scheme. These two recommendations remain in progress."
    assert {m.status_phrase for m in mentions_in(text)} == {"remain in progress"}


def test_a_mention_names_the_report_it_cites_when_its_words_say_so():
    text = "Report: 1\n\n6. Whitmore recommendation 27 was reported complete in July."
    found = find_mentions(text.split("\n"), "p.txt", "p.txt", [], "open-doors",
                          lambda words: "whitmore" if "Whitmore" in words else None)
    assert [(m.source_report, m.number, m.status_phrase) for m in found] == [("whitmore", "27", "was reported complete in July")]


# --- the survey's fixtures ----------------------------------------------------------------------


def _records(expected: dict) -> list[Recommendation]:
    records = []
    for item in expected["records"]:
        if item["kind"] == "recommendation":
            first, last = item["lines"]
            records.append(Recommendation("rep", item["number"] or "", item.get("opening") or "-",
                                          Provenance("p.txt", first, last, "-"), covers=tuple(expected.get("covers", {}).get(item["number"] or "", ()))))
    return records


def _capture(path: Path) -> tuple[int, int, int, int, list[str]]:
    """(expected numbers, captured, expected with a status, captured with a status, misses)."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    lines = path.with_name(path.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8").split("\n")
    found: dict[tuple[str, int], object] = {}
    for mention in find_mentions(lines, "p.txt", "p.txt", _records(expected), "rep"):
        if mention.number is None:
            continue  # a mention by topic: tests/reading/test_topics.py
        key = (canonical_number(mention.number), mention.provenance.first_line)
        if key not in found or (mention.status_phrase and not found[key].status_phrase):
            found[key] = mention
    total = hit = stated = stated_hit = 0
    misses = []
    for item in (i for i in expected["records"] if i["kind"] == "mention" and i["number"] is not None):
        for number in expand_numbers(item["number"]) or [item["number"]]:
            total += 1
            got = found.get((canonical_number(number), item["line"]))
            hit += got is not None
            if item["status_phrase"]:
                stated += 1
                stated_hit += bool(got is not None and got.status_phrase)
            if got is None or (item["status_phrase"] and not got.status_phrase):
                misses.append(f"{number}@{item['line']}")
    return total, hit, stated, stated_hit, misses


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name.replace(".expected.json", ""))
def test_each_fixtures_mentions_are_captured(path):
    total, hit, _, _, misses = _capture(path)
    assert hit >= 0.75 * total, misses


def test_over_all_fixtures_80_percent_of_mentions_are_captured_with_their_status():
    totals = [sum(values) for values in zip(*(_capture(path)[:4] for path in FIXTURES))]
    total, hit, stated, stated_hit = totals
    assert total > 150  # both surveys' fixtures are there
    assert hit / total >= 0.9 and stated_hit / stated >= 0.8, totals
