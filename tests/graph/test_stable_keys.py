"""Report keys are stable across builds (issue 13 item 4): a key the live build gave does not change
when papers that name the report differently are added or removed, by ``--update`` or a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import recgraph
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.store.builds import live_build
from recgraph.graph.store.records import kept_reports, load_records

# Papers in our own words, laid out as the family's committee papers are: the opening names the
# report tracked, and recommendations are cited by number. A prints the report's full name, B a
# shorter one ("the Lantern Scrutiny" of "the Lantern Signals Scrutiny"), as the survey's name variants do.
PAPER = """{title}

Report: {number}
Date: {date}
By: Commissioner

Summary

This report updates members on the recommendations of the {name}.

B. Supporting information

1. Recommendations 2 and 3 are now complete.

2. Recommendation {open} remains outstanding; the work is planned for next year.
"""
A = ("a_lantern.txt", "Scrutiny recommendations – first progress report", "MPA Lantern Signals Scrutiny (2004)", "1 May 2005", 4)
B = ("b_lantern.txt", "Scrutiny recommendations – second progress report", "MPA Lantern Scrutiny (2004)", "1 May 2006", 5)


def write(folder: Path, paper) -> Path:
    name, title, report, date, number = paper
    path = folder / name
    path.write_text(PAPER.format(title=title, number=number, date=date, name=report, open=number), encoding="utf-8")
    return path


def keys(store: Path) -> dict[str, set[str]]:
    records = load_records(store / "builds" / live_build(store))
    return {Path(r.paper.file).name: {report.key for report in r.paper.source_reports} for r in records.values()}


@pytest.fixture()
def folders(tmp_path, monkeypatch):
    monkeypatch.delenv("RECGRAPH_BASE", raising=False)
    papers, store = tmp_path / "papers", tmp_path / "store"
    papers.mkdir()
    return papers, store


def test_a_fresh_read_keys_one_report_whatever_the_order_of_the_papers(folders):
    papers, _ = folders
    a, b = write(papers, A), write(papers, B)
    forward = read_papers([a, b], workers=1).results
    backward = read_papers([b, a], workers=1).results
    key = lambda results: {Path(r.paper.file).name: [x.key for x in r.paper.source_reports] for r in results}  # noqa: E731
    assert key(forward) == key(backward) == {"a_lantern.txt": ["lantern"], "b_lantern.txt": ["lantern"]}
    alone = read_papers([a], workers=1).results
    assert [x.key for x in alone[0].paper.source_reports] == ["lantern-signals"]


@pytest.mark.parametrize("update", [True, False])
def test_a_key_given_stays_when_a_paper_with_a_shorter_name_is_added_and_the_first_removed(folders, update):
    papers, store = folders
    a = write(papers, A)
    recgraph.build([a], store=store, validate=False)
    assert keys(store) == {"a_lantern.txt": {"lantern-signals"}}
    b = write(papers, B)  # alone, B would be keyed "lantern"
    outcome = recgraph.build([b] if update else [papers], store=store, update=update, validate=False)
    assert keys(store) == {"a_lantern.txt": {"lantern-signals"}, "b_lantern.txt": {"lantern-signals"}}
    assert any("keeps the key 'lantern-signals' the live build gave it" in w for r in outcome.results for w in r.warnings)
    # the paper that first gave the key goes: the report keeps it while B tracks it
    if update:
        recgraph.build(store=store, remove=[a.name], validate=False)
    else:
        a.unlink()
        recgraph.build([papers], store=store, validate=False)
    assert keys(store) == {"b_lantern.txt": {"lantern-signals"}}
    # ... and so does B re-read (it still matches the key its own last build gave)
    recgraph.build([b], store=store, update=True, validate=False)
    assert keys(store) == {"b_lantern.txt": {"lantern-signals"}}


def test_a_key_given_by_the_shorter_name_stays_when_the_longer_is_added(folders):
    papers, store = folders
    b = write(papers, B)
    recgraph.build([b], store=store, validate=False)
    assert keys(store) == {"b_lantern.txt": {"lantern"}}
    write(papers, A)
    recgraph.build([papers], store=store, validate=False)
    assert keys(store) == {"a_lantern.txt": {"lantern"}, "b_lantern.txt": {"lantern"}}
    recgraph.build(store=store, remove=["a_lantern.txt"], validate=False)
    assert keys(store) == {"b_lantern.txt": {"lantern"}}


def test_a_key_no_paper_tracks_any_more_is_given_afresh(folders):
    papers, store = folders
    a = write(papers, A)
    recgraph.build([a], store=store, validate=False)
    shutil.move(a, papers.parent / a.name)
    b = write(papers, B)
    recgraph.build([b], store=store, validate=False)  # a full build of B alone: A's paper is gone
    assert keys(store) == {"b_lantern.txt": {"lantern-signals"}}  # B's report matched the live key
    other = papers.parent / "other"
    other.mkdir()
    recgraph.build([write(other, ("c.txt", "Fleet – progress", "Best Value Review of Fleet Services", "1 May 2006", 5))],
                   store=store, validate=False)
    recgraph.build([b], store=store, validate=False)  # no live paper tracks the report now
    assert keys(store) == {"b_lantern.txt": {"lantern"}}


def test_the_keys_a_build_gave_are_kept_beside_its_records(folders):
    papers, store = folders
    recgraph.build([write(papers, A)], store=store, validate=False)
    folder = store / "builds" / live_build(store)
    [report] = kept_reports(folder)
    assert (report.key, report.key_basis, report.year) == ("lantern-signals", "text", "2004")
    (folder / "records" / "report-keys.json").unlink()  # a build whose keys file is missing: from its records
    assert [r.key for r in kept_reports(folder)] == ["lantern-signals"]


def test_a_damaged_keys_file_is_said_not_silently_dropped(folders):
    papers, store = folders
    recgraph.build([write(papers, A)], store=store, validate=False)
    (store / "builds" / live_build(store) / "records" / "report-keys.json").write_text("{not json", encoding="utf-8")
    outcome = recgraph.build([papers], store=store, validate=False)
    assert outcome.summary.live
    assert len(outcome.warnings) == 1 and "report-keys.json" in outcome.warnings[0] and "afresh" in outcome.warnings[0]


def test_the_seed_keys_stay():
    results = read_papers([recgraph.data_path() / "papers"], workers=1).results
    found = {report.key for result in results for report in result.paper.source_reports}
    assert {"hmic-mps-2000-01", "winning-consent", "race-and-faith"} <= found
