"""The review loop end to end: `recgraph links confirm|reject` round-trips through a rebuild; the
graph states decisions with PROV; the saved queries, the trace and the repeat timeline show them;
and every count of "recurring despite closure" agrees (seeds, and a small synthetic corpus)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli


def run(*args, env=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def decided_store(tmp_path_factory):
    """The seeds built with one link rejected and one pair confirmed by an analyst."""
    root = tmp_path_factory.mktemp("review")
    env = {"RECGRAPH_DECISIONS": str(root / "decisions.csv"), "RECGRAPH_USER": "ana"}
    store = root / "store"
    first = run("build", "--store", store, env=env)
    assert first.exit_code == 0, first.output
    found = json.loads(run("links", "--store", store, "--relation", "reiterates", "--format", "json", env=env).output)
    rows = found["links"] if isinstance(found, dict) else found
    # The weakest reiterates link between two numbers printed as digits: the short label of a number
    # printed with a letter ("R2") is written without it ("…/2") and does not yet resolve back to the
    # recommendation when a decision is read (a known gap of short labels, reported with issue 15).
    from recgraph.graph.reading.papers import read_papers

    read = {f"{r.source_report}/{r.number}" for x in read_papers([recgraph.data_path() / "papers"]).results for r in x.recommendations}
    rejected = [r for r in rows if r["later"] in read and r["earlier"] in read][-1]
    assert run("links", "reject", rejected["later"], rejected["earlier"], "--note", "different ask", env=env).exit_code == 0
    confirmed = ("race-and-faith/6(d)", "hmic-mps-2000-01/19")  # no link is detected between these two
    assert run("links", "confirm", *confirmed, "--relation", "relatedTo", env=env).exit_code == 0
    again = run("build", "--store", store, env=env)
    assert again.exit_code == 0, again.output
    return store, env, (rejected["later"], rejected["earlier"]), confirmed


def _rows(output):
    found = json.loads(output)
    return found["links"] if isinstance(found, dict) and "links" in found else found


def test_a_rejected_link_stays_out_of_repeats_and_is_listed_as_rejected(decided_store):
    store, env, rejected, _ = decided_store
    listed = _rows(run("links", "--store", store, "--decision", "rejected", "--format", "json", env=env).output)
    assert [(r["later"], r["earlier"], r["decided_by"], r["note"]) for r in listed] == [(*rejected, "ana", "different ask")]
    query = run("query", "repeats", "--store", store, "--format", "csv", env=env).output
    assert f"{rejected[0]},{rejected[1]}" not in query and "decision" in query.splitlines()[0]


def test_a_confirmed_pair_is_linked_whatever_its_score_and_attributed_with_prov(decided_store):
    store, env, _, confirmed = decided_store
    listed = _rows(run("links", "--store", store, "--decision", "confirmed", "--format", "json", env=env).output)
    assert [(r["later"], r["earlier"], r["relation"]) for r in listed] == [(*confirmed, "relatedTo")]
    ask = ("SELECT ?who ?when WHERE { ?link a rg:Related ; rg:decision \"confirmed\" ; "
           "prov:wasAttributedTo/rdfs:label ?who ; prov:generatedAtTime ?when }")
    answer = run("query", ask, "--store", store, "--format", "csv", env=env).output
    assert "ana," in answer
    related = run("query", "related", "--store", store, "--format", "csv", env=env).output
    assert f"{confirmed[0]},{confirmed[1]}" in related


def test_the_trace_shows_the_decision_and_the_quotes(decided_store):
    store, env, _, _ = decided_store
    top = _rows(run("links", "--store", store, "--relation", "reiterates", "--decision", "suggested", "--format", "json",
                    env=env).output)[0]
    trace = json.loads(run("trace", top["later"], "--store", store, "--format", "json", env=env).output)
    text = json.dumps(trace, ensure_ascii=False)
    assert "decision: suggested" in text and "aligned wording: “" in text


def test_recurring_despite_closure_counts_agree_across_stats_query_repeats_and_timeline(decided_store):
    store, env, _, _ = decided_store
    _assert_counts_agree(store, env)


def _assert_counts_agree(store, env):
    from recgraph.graph.analyses import graph_stats, project, repeat_chains
    from recgraph.visualisations.timeline import build_repeat_timeline

    stats = graph_stats(store)
    counted = int(stats.loc[stats["measure"] == "recurring despite closure", "value"].iloc[0])
    query = json.loads(run("query", "recurring-despite-closure", "--store", store, "--format", "json", env=env).output)
    bindings = query["results"]["bindings"] if "results" in query else query
    earlier = {row["earlier"]["value"] if isinstance(row["earlier"], dict) else row["earlier"] for row in bindings}
    summary = _rows(run("repeats", "--store", store, "--summary", "--format", "json", env=env).output)
    summary = summary["chains"] if isinstance(summary, dict) else summary
    chains = repeat_chains(project(store))
    view = build_repeat_timeline(chains)
    assert counted == len(earlier) == sum(r["closed_before_repeat"] for r in summary) == view.stats["recurring despite closure"]
    # The timeline draws exactly the stated links, no more.
    links = _rows(run("links", "--store", store, "--relation", "reiterates", "--format", "json", env=env).output)
    stated = [r for r in links if r["decision"] != "rejected"]
    assert view.stats["links"] == len(stated)


def test_counts_agree_on_a_small_synthetic_corpus(tmp_path):
    from recgraph.graph.synthetic import generate_corpus

    corpus = generate_corpus(tmp_path / "corpus", 300, seed=5)
    env = {"RECGRAPH_DECISIONS": str(tmp_path / "decisions.csv")}
    store = tmp_path / "store"
    built = run("build", corpus.papers_dir, "--store", store, env=env)
    assert built.exit_code == 0, built.output
    _assert_counts_agree(store, env)


def test_fit_says_when_there_are_too_few_decisions(decided_store):
    store, env, _, _ = decided_store
    result = run("links", "fit", "--store", store, env=env)
    assert result.exit_code == 1 and "Not fitted: a fit needs at least 20 decisions" in result.output


def test_fit_reports_and_an_accepted_fit_is_kept_beside_the_decisions(tmp_path):
    from recgraph.graph.linking.fitting import fit_model, load_model, save_model

    rows = [(0.2 + 0.01 * i, 0.1, 0.5, 0.0) for i in range(12)] + [(0.0, 0.1, 0.5, 0.0)] * 6 + [(0.1, 0.05, 0.9, 0.0)] * 6
    model = fit_model(rows, [True] * 12 + [False] * 12, [True] * 24)
    assert model.decisions == 24 and "leave-one-out accuracy" in model.describe()
    assert load_model(save_model(model, tmp_path / "link-model.json")) == model
    assert load_model(tmp_path / "absent.json") is None


def test_a_decision_made_in_an_empty_folder_is_written_there_not_into_the_package(tmp_path, monkeypatch):
    """A user in a fresh folder (no ./data/papers: the seed papers are read) records a decision: it goes
    to ./data/decisions.csv in that folder, never into the installed package, and the next build there
    reads it."""
    from recgraph.graph.linking.decisions import decisions_file
    from recgraph.graph.reading.locations import packaged_data_dir

    monkeypatch.chdir(tmp_path)
    for name in ("RECGRAPH_DATA", "RECGRAPH_DECISIONS"):
        monkeypatch.delenv(name, raising=False)
    packaged = packaged_data_dir() / "decisions.csv"
    existed = packaged.exists()
    assert decisions_file() == tmp_path / "data" / "decisions.csv"
    env = {"RECGRAPH_USER": "ana"}
    assert run("links", "confirm", "race-and-faith/6(d)", "hmic-mps-2000-01/19", "--relation", "relatedTo", env=env).exit_code == 0
    assert (tmp_path / "data" / "decisions.csv").is_file()
    assert packaged.exists() == existed
    store = tmp_path / "store"
    assert run("build", "--store", store, env=env).exit_code == 0
    found = json.loads(run("links", "--store", store, "--decision", "confirmed", "--format", "json", env=env).output)
    rows = found["links"] if isinstance(found, dict) else found
    assert [(r["later"], r["earlier"], r["decided_by"]) for r in rows] == [("race-and-faith/6(d)", "hmic-mps-2000-01/19", "ana")]
