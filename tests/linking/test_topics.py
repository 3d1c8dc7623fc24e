"""Mentions by topic at linking (issue 13, item 3): a topic is resolved to the recommendation(s)
of its report that hold every topic word, and to no other; an ambiguous or unmatched one is kept
and reported, never attached by a guess. In the graph a resolved one is an rg:Mention event of its
recommendation, with its paper, lines, sentence and how it was matched, and trace shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.analyses import trace
from recgraph.graph.linking.topics import RULE, resolve_topics
from recgraph.graph.model import Mention, Paper, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.papers import read_papers

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats" / "mentions-in-prose"
PAPERS = [FIXTURES / "t-patrol-scrutiny-2004.txt", FIXTURES / "t-patrol-closing-2006.txt"]
WORDING = {
    "1": "Record every stop and search encounter on the handheld terminals.",
    "2": "Publish stop and search figures for each borough.",
    "3": "Train every custody sergeant in detention risk assessment.",
}


def _results(*topics: str, wording=WORDING) -> list[ReadResult]:
    listed = ReadResult(Paper("a.txt", "any"), [
        Recommendation("rep", n, text, Provenance("a.txt", 10 + int(n), 10 + int(n), text)) for n, text in wording.items()])
    cited = ReadResult(Paper("b.txt", "any", date="2006-03-09"))
    cited.mentions = [Mention("rep", None, "b.txt", printed, printed + " is complete.", Provenance("b.txt", 20 + i, 20 + i, printed),
                              status_phrase="is complete", topic=printed.split(" ", 3)[-1])
                      for i, printed in enumerate(topics)]
    return [listed, cited]


@pytest.mark.parametrize(("printed", "outcome", "numbers", "candidates"), [
    ("the recommendation on stop and search recording", "resolved", ("1",), ()),
    ("the recommendation on custody sergeants", "resolved", ("3",), ()),
    ("the recommendation on stop and search", "ambiguous", (), ("1", "2")),
    ("the recommendations on stop and search", "resolved", ("1", "2"), ()),
    ("the recommendation on mounted patrols", "unmatched", (), ()),
    ("the recommendation on custody recording", "unmatched", (), ()),  # words of two recommendations: no guess
])
def test_a_topic_resolves_only_to_recommendations_holding_every_topic_word(printed, outcome, numbers, candidates):
    [match] = resolve_topics(_results(printed))
    assert (match.outcome, match.numbers, match.candidates) == (outcome, numbers, candidates)
    assert match.paper_date == "2006-03-09" and match.index == 1
    if outcome == "resolved" and len(numbers) == 1:
        assert match.rule == RULE


def test_a_plural_topic_every_recommendation_holds_picks_nothing_out():
    wording = {"1": "Record every stop and search.", "2": "Publish stop and search figures."}
    [match] = resolve_topics(_results("the recommendations on stop and search", wording=wording))
    assert (match.outcome, match.candidates) == ("ambiguous", ("1", "2"))


def test_a_topic_of_a_report_whose_wording_no_paper_gives_is_unmatched_and_says_so():
    [match] = resolve_topics(_results("the recommendation on custody", wording={}))
    assert match.outcome == "unmatched" and "no recommendation of report rep has its wording read" in match.describe()


def test_numbered_mentions_are_not_resolved_by_topic():
    results = _results()
    results[1].mentions = [Mention("rep", "2", "b.txt", "Recommendation 2", "Recommendation 2 is complete.",
                                   Provenance("b.txt", 5, 5, "x"))]
    assert resolve_topics(results) == ()


# --- the own-words fixture pair, built ----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    location = tmp_path_factory.mktemp("topics") / "store"
    outcome = recgraph.build(PAPERS, store=location, workers=1)
    return location, outcome


def test_the_graph_with_topic_mentions_conforms(built):
    _, outcome = built
    assert outcome.ok, outcome.report.text if outcome.report else outcome.errors


def test_trace_shows_a_resolved_topic_mention_as_a_dated_update_with_its_lines_and_how_it_was_matched(built):
    location, _ = built
    found = trace(location, "street-patrol/1")
    [mention] = [u for u in found.updates if u.kind == "mention"]
    assert (mention.paper, str(mention.date)[:4], mention.topic, mention.status_phrase) == (
        "t-patrol-closing-2006.txt", "2006", "stop and search recording", "has been implemented")
    assert (mention.status, mention.closed) == ("complete", True)
    assert mention.matched_by == RULE
    assert mention.sentence.endswith("The recommendation on stop and search recording has been implemented: every encounter is now recorded on the handheld terminals.") \
        or "stop and search recording has been implemented" in mention.sentence
    assert [(s.file, s.first_line) for s in mention.sources] == [("t-patrol-closing-2006.txt", 32)]
    as_json = found.to_dict()["updates"]
    assert any(u["kind"] == "mention" and u["topic"] == "stop and search recording" and u["matched_by"] for u in as_json)


def test_a_plural_topic_gives_an_event_on_each_recommendation_it_picks_out(built):
    location, _ = built
    topics = {n: sorted(u.topic for u in trace(location, f"street-patrol/{n}").updates if u.topic) for n in range(1, 7)}
    assert topics == {1: ["stop and search recording"], 2: [], 3: ["custody"], 4: ["custody"],
                      5: [], 6: ["custody", "custody staffing model"]}


def test_ambiguous_and_unmatched_topic_mentions_are_kept_in_the_graph_with_their_candidates(built):
    location, _ = built
    from recgraph.graph.store.database import open_store

    store = open_store(location)
    rows = store.query("""
        PREFIX rg: <https://w3id.org/recgraph/ontology#>
        SELECT ?topic ?resolution (COUNT(?candidate) AS ?n) WHERE {
          ?m a rg:UnresolvedMention ; rg:topic ?topic ; rg:resolution ?resolution ; rg:sentence ?s ; rg:inPaper ?p .
          OPTIONAL { ?m rg:candidate ?candidate }
        } GROUP BY ?topic ?resolution ORDER BY ?topic""", use_default_graph_as_union=True)
    got = [(row["topic"].value, row["resolution"].value, int(row["n"].value)) for row in rows]
    assert got == [("mounted patrols", "unmatched", 0), ("stop and search", "ambiguous", 2)]


def test_the_read_and_build_summaries_report_each_topic_mention_not_attached(tmp_path):
    read = CliRunner().invoke(cli, ["read", *map(str, PAPERS)])
    assert read.exit_code == 0, read.output
    assert "5 mention(s) by topic: 3 resolved, 1 ambiguous, 1 unmatched" in read.stdout
    assert "'stop and search' (t-patrol-closing-2006.txt:38, report street-patrol) is ambiguous" in read.stdout
    assert "'mounted patrols' (t-patrol-closing-2006.txt:40, report street-patrol) is unmatched" in read.stdout
    build = CliRunner().invoke(cli, ["build", *map(str, PAPERS), "--store", str(tmp_path / "store"), "--workers", "1"])
    assert "5 mention(s) by topic: 3 resolved, 1 ambiguous, 1 unmatched" in build.stdout, build.output


def test_the_printed_trace_shows_a_mentions_sentence_and_topic(built):
    # a mention has no progress text: the trace printed an empty “” where its sentence belongs
    location, _ = built
    out = CliRunner().invoke(cli, ["trace", "street-patrol/1", "--store", str(location)], env={"COLUMNS": "400"})
    assert out.exit_code == 0, out.output
    assert "“”" not in out.stdout
    assert "cited by topic “stop and search recording”" in out.stdout
    assert "stop and search recording has been implemented" in out.stdout


def test_an_update_reports_the_topic_mentions_of_the_whole_build(tmp_path):
    # re-reading only the paper that cites by topic: the wording it cites is in the paper kept
    store = str(tmp_path / "store")
    assert CliRunner().invoke(cli, ["build", *map(str, PAPERS), "--store", store, "--workers", "1"]).exit_code == 0
    closing = next(p for p in PAPERS if "closing" in p.name)
    update = CliRunner().invoke(cli, ["build", str(closing), "--update", "--store", store, "--workers", "1"])
    assert "5 mention(s) by topic: 3 resolved, 1 ambiguous, 1 unmatched" in update.stdout, update.output
