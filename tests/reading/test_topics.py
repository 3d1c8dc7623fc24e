"""Mentions by topic at reading (issue 13, item 3): "the recommendation on X" and "the X
recommendations" become mentions with ``number`` None and the topic as printed; the paper's own
recommendations to Members, generic references and topics that come with a number are not read.

Small papers written here in our own words, then the own-words fixture pair
tests/fixtures/formats/mentions-in-prose/t-patrol-*.txt, then every other fixture and seed (which
cite nothing by topic: no topic mention may be invented there).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.reading.mentions import find_mentions
from recgraph.graph.reading.papers import read_papers

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
CLOSING = FORMATS / "mentions-in-prose" / "t-patrol-closing-2006.txt"


def topics_in(text: str, named=None) -> list:
    found = find_mentions(f"Report: 1\n\nB. Supporting information\n\n{text}".split("\n"), "p.txt", "p.txt", [], "rep", named)
    return [m for m in found if m.number is None]


@pytest.mark.parametrize(("sentence", "topic", "status"), [
    ("The recommendation on stop and search recording has been implemented.", "stop and search recording", "has been implemented"),
    ("The recommendations about custody have been signed off.", "custody", "have been signed off"),
    ("The recommendation concerning cell capacity remains open.", "cell capacity", "remains open"),
    ("Work on the recommendation relating to the training of custody sergeants is complete.", "training of custody sergeants", "is complete"),
    ("The two recommendations in relation to victim care are outstanding.", "victim care", "are outstanding"),
    ("The remaining recommendations – on the telephone investigation bureaux – are progressing.", "telephone investigation bureaux", None),
    ("The custody recommendations have been signed off.", "custody", "have been signed off"),
    ("The two stop and search recommendations are now complete.", "stop and search", "are now complete"),
    ("The HMIC recommendation about call handling was achieved in March.", "call handling", "was achieved in March"),
])
def test_both_forms_give_a_mention_with_the_topic_as_printed_and_its_status(sentence, topic, status):
    [mention] = topics_in(sentence)
    assert (mention.number, mention.topic, mention.status_phrase) == (None, topic, status)
    assert mention.sentence == sentence and mention.provenance.first_line == 5
    assert mention.printed.lower().startswith("the")


@pytest.mark.parametrize("sentence", [
    "The recommendations in this report are for noting.",
    "The remaining recommendations will be reported next year.",
    "The seven main recommendations were agreed by the Committee.",
    "The Stephen Lawrence Inquiry Report recommendations are monitored.",
    "The thirteen District Audit recommendations are set out in the appendix.",
    "The review recommendations are all accepted.",
    "The review makes recommendations on training.",
    "The recommendations on page 4 are summarised below.",
    "The recommendations on which progress is reported are listed.",
    "The scrutiny's recommendations are in the appendix.",
    "Five high-risk recommendations have been implemented.",
    "Recommendation 4 (costed growth strategy) is complete.",
    "The recommendation on custody (recommendation 6) is complete.",
    "The Committee asked for the recommendations to be reviewed.",
    "A plan was drawn up to take forward the twenty-four recommendations.",
    "Within the police recommendations the Home Office has asked for a report.",
])
def test_generic_references_and_numbered_citations_are_not_topic_mentions(sentence):
    assert topics_in(sentence) == []


def test_a_topic_that_names_a_report_is_that_report_not_a_topic():
    named = lambda words: "race-and-faith" if "faith" in words.lower() else None  # noqa: E731
    assert topics_in("The Committee oversees the race and faith recommendations.", named) == []
    assert [m.topic for m in topics_in("The custody recommendations are complete.", named)] == ["custody"]


def test_the_papers_own_recommendations_to_members_are_never_read_for_topics():
    text = ("Report: 1\n\nA. Recommendations\n\nThat Members\n  1. note that the recommendation on custody is complete; and\n"
            "  2. agree the recommendations about training.\n\nB. Supporting information\n\n"
            "1. Members are asked to note the recommendation on victim care.\n"
            "2. The recommendation on cell capacity is complete.\n")
    found = [m for m in find_mentions(text.split("\n"), "p.txt", "p.txt", [], "rep") if m.number is None]
    assert [(m.topic, m.provenance.first_line) for m in found] == [("cell capacity", 12)]


def test_the_fixture_papers_topic_mentions_are_read_as_expected():
    expected = json.loads(CLOSING.with_suffix(".expected.json").read_text(encoding="utf-8"))
    [result] = read_papers([CLOSING], workers=1).results
    got = {(m.topic, m.provenance.first_line, m.status_phrase) for m in result.mentions if m.number is None}
    want = {(i["topic"], i["line"], i["status_phrase"]) for i in expected["records"] if i["kind"] == "mention" and i["number"] is None}
    assert got == want
    sentences = " ".join(m.sentence for m in result.mentions)
    for phrase in expected["not_records"]:
        assert phrase not in sentences
    printed = {m.printed for m in result.mentions}
    assert not any(phrase in p for phrase in expected["not_mentions"] for p in printed)


def test_no_topic_mention_is_invented_in_the_other_fixtures_the_trial_candidates_and_the_seeds():
    papers = [p for p in sorted(FORMATS.glob("*/*.txt")) if not p.name.startswith("t-")]
    papers += sorted((FORMATS.parent / "trial-candidates").glob("*.txt"))
    outcome = read_papers([*papers, recgraph.data_path() / "papers"], workers=1)
    invented = [(Path(r.paper.file).name, m.printed) for r in outcome.results for m in r.mentions if m.number is None]
    assert invented == []


def test_read_json_and_csv_give_the_topic_with_an_empty_number():
    result = CliRunner().invoke(cli, ["read", str(CLOSING), "--format", "json"])
    rows = [row for row in json.loads(result.stdout) if row["kind"] == "mention"]
    topical = [row for row in rows if row["topic"]]
    assert {row["number"] for row in topical} == {""} and len(topical) == 5
    assert {"paper", "number", "text", "status_phrase", "lines", "kind", "topic"} <= set(topical[0])
    assert topical[0]["text"].startswith("2. The recommendation on stop and search recording") or \
        topical[0]["text"].startswith("The recommendation on stop and search recording")
    csv = CliRunner().invoke(cli, ["read", str(CLOSING), "--format", "csv"]).stdout
    assert csv.splitlines()[0].split(",")[-1] == "topic" and ",stop and search recording" in csv


def test_a_paper_whose_own_section_has_no_next_heading_keeps_its_body():
    body = "\n\n".join(f"{n}. Paragraph {n} of the body." for n in range(1, 15))
    text = (f"Report: 1\n\nA. Recommendations\n\nThat Members note the recommendation on custody.\n\n{body}\n\n"
            "15. The recommendation on cell capacity is complete.\n")
    found = [m for m in find_mentions(text.split("\n"), "p.txt", "p.txt", [], "rep") if m.number is None]
    assert [m.topic for m in found] == ["cell capacity"]


def test_a_topic_mention_takes_only_a_status_said_of_it():
    from recgraph.graph.reading.mentions import find_mentions

    def said(sentence):
        return [(m.topic, m.status_phrase) for m in find_mentions(f"Report: 1\n\n{sentence}".split("\n"), "p.txt", "p.txt", [], "rep")]

    assert said("The recommendation on lantern checks will follow once the new guidance is complete.") == [("lantern checks", None)]
    assert said("The recommendation on lantern checks is complete.") == [("lantern checks", "is complete")]
