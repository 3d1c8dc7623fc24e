"""Pointers between recommendations are found in the wording papers use, and resolved or flagged."""

from __future__ import annotations

import pytest

from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.pointers import find_cross_references

SPAN = Provenance("p.txt", 10, 11, "first line\nsecond line")


def paper(progress: dict[str, str], numbers=("1", "2", "3", "3(a)", "17"), paragraphs=None) -> ReadResult:
    recs = [Recommendation("r", n, f"Text of {n}.", SPAN, parent=n[0] if "(" in n else None) for n in numbers]
    ups = [ProgressUpdate("r", n, "p.txt", SPAN, progress=progress.get(n), paragraphs=(paragraphs or {}).get(n, ())) for n in numbers]
    return ReadResult(Paper("p.txt", "t"), recs, ups)


def pointers(result):
    return [(x.recommendation, x.target, x.resolved) for x in find_cross_references(result)]


@pytest.mark.parametrize(
    "phrase, target, resolved",
    [
        ("See recommendation 17 above. Work continues.", "recommendation 17", "17"),
        ("Response to Recommendation 17 refers.", "recommendation 17", "17"),
        ("Response under Recommendation 1 refers.", "recommendation 1", "1"),
        ("As already mentioned under Recommendation 1, a strategy is drafted.", "recommendation 1", "1"),
        ("HMI notes the vacancies (See also item 3, para. 2.14) and more.", "item 3", "3"),
        ("To support the PDP detailed at recommendation 3(a), the Academy will help.", "recommendation 3(a)", "3(a)"),
    ],
)
def test_numbered_pointers_are_resolved(phrase, target, resolved):
    assert pointers(paper({"2": phrase})) == [("2", target, resolved)]


def test_next_recommendation_is_the_following_item_in_paper_order():
    assert pointers(paper({"3": "See next recommendation."})) == [("3", "next recommendation", "3(a)")]


def test_as_paragraph_points_to_the_item_whose_progress_holds_that_paragraph():
    result = paper({"3(a)": "As paragraph 53."}, paragraphs={"2": ("52", "53")})
    assert pointers(result) == [("3(a)", "paragraph 53", "2")]


def test_a_statement_about_an_item_is_not_a_pointer():
    assert pointers(paper({"2": "Members are invited to agree that Recommendation 17 is subsumed into a programme."})) == []


def test_an_item_does_not_point_to_itself():
    assert pointers(paper({"17": "See recommendation 17 above."})) == []


def test_an_unresolvable_pointer_is_kept_with_its_phrase():
    [pointer] = find_cross_references(paper({"2": "See recommendation 40 above."}))
    assert (pointer.target, pointer.resolved, pointer.phrase) == ("recommendation 40", None, "See recommendation 40 above.")


def test_the_pointer_keeps_the_line_that_holds_it():
    span = Provenance("p.txt", 20, 22, "Heading\n<p>Progress. See recommendation 1 above.</p>\nmore")
    result = paper({})
    result.updates[1] = ProgressUpdate("r", "2", "p.txt", span, progress="Progress. See recommendation 1 above.")
    [pointer] = find_cross_references(result)
    assert pointer.provenance.lines == (21, 21)
