"""The synthetic corpus: seeded, in every layout family, with a truth file the real readers agree with."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import rdflib

from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.pointers import find_cross_references
from recgraph.graph.reading.readers import FAMILIES, detect_layout
from recgraph.graph.reading.readers.phrases import find_status_phrase
from recgraph.graph.reading.readers.text import load_document
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.synthetic import PAPER_NAME, generate_corpus
from recgraph.graph.synthetic.__main__ import parse_size
from recgraph.graph.synthetic.content import gerund, reword
from recgraph.graph.synthetic.issues import TEMPLATES
from recgraph.graph.synthetic.vocabulary import (
    CHALLENGES,
    FILLERS,
    GENERIC_PROGRESS,
    NEXT_STEPS,
    PARENT_LEADS,
    SPECIFICATION_WAITS,
    SYNONYMS,
    SYSTEMS,
    TAILS,
)

SIZE = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate_corpus(tmp_path_factory.mktemp("synthetic"), SIZE, seed=0)


@pytest.fixture(scope="module")
def truth(corpus) -> dict:
    return json.loads(corpus.truth.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def outcome(corpus):
    return read_papers([corpus.papers_dir])


@pytest.fixture(scope="module")
def read_back(outcome) -> dict:
    """What the readers found, by (paper file, source report key, number)."""
    found = {}
    for result in outcome.results:
        paper = Path(result.paper.file).name
        for rec in result.recommendations:
            update = result.update_for(rec)
            pointers = {x.resolved for x in result.cross_references if x.recommendation == rec.number and x.source_report == rec.source_report}
            found[(paper, rec.source_report, rec.number)] = (rec, update, pointers)
    return found


def key(record: dict) -> tuple[str, str, str]:
    return (record["paper"], record["source_report"], record["number"])


def planted(truth: dict, layout: str) -> list[dict]:
    return [record for record in truth["recommendations"] if record["layout"] == layout]


# --- determinism ----------------------------------------------------------------------------------


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_the_same_bytes_in_any_process(tmp_path, corpus):
    # Another process with another hash seed: no set order or global random state leaks in.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "recgraph.graph.synthetic", str(tmp_path / "again"), "--size", str(SIZE), "--seed", "0"]
    subprocess.run(command, check=True, env=env, capture_output=True)
    assert files_of(tmp_path / "again") == files_of(corpus.root)


def test_another_seed_writes_another_corpus(tmp_path, corpus):
    other = generate_corpus(tmp_path, SIZE, seed=1)
    assert files_of(other.root)["truth.json"] != files_of(corpus.root)["truth.json"]


def test_a_second_run_replaces_the_papers_of_the_first(tmp_path):
    generate_corpus(tmp_path, 200, seed=0)
    (tmp_path / "papers" / "notes.txt").write_text("mine", encoding="utf-8")
    smaller = generate_corpus(tmp_path, 30, seed=0)
    papers = sorted(p.name for p in smaller.papers_dir.iterdir() if PAPER_NAME.match(p.name))
    assert len(papers) == smaller.papers
    assert (tmp_path / "papers" / "notes.txt").read_text(encoding="utf-8") == "mine"  # not ours: kept


def test_a_corpus_needs_a_recommendation(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        generate_corpus(tmp_path, 0)


@pytest.mark.parametrize("text, size", [("300", 300), ("10k", 10_000), ("100K", 100_000)])
def test_sizes_are_read_as_written(text, size):
    assert parse_size(text) == size


# --- what is written ------------------------------------------------------------------------------


def test_every_layout_family_is_written_and_recognised(corpus, truth):
    layouts = {paper["layout"] for paper in truth["papers"]}
    assert layouts == set(FAMILIES)
    for paper in truth["papers"]:
        document = load_document(corpus.papers_dir / paper["file"])
        assert detect_layout(document).NAME == paper["layout"], paper["file"]


def test_the_truth_counts_match(corpus, truth):
    records = truth["recommendations"]
    assert truth["size"] == len(records) == corpus.recommendations == SIZE
    assert len(truth["papers"]) == corpus.papers == len(list(corpus.papers_dir.glob("*.txt")))
    per_paper = {paper["file"]: paper["recommendations"] for paper in truth["papers"]}
    assert {f: sum(r["paper"] == f for r in records) for f in per_paper} == per_paper
    assert len({key(r) for r in records}) == len(records)
    reports = {r["key"]: r for r in truth["source_reports"]}
    assert {r["source_report"] for r in records} <= reports.keys()
    assert len(truth["repeat_groups"]) == corpus.repeat_groups > 0


def test_planted_repeats_come_from_other_reports_in_later_years(truth):
    years = {r["key"]: r["year"] for r in truth["source_reports"]}
    groups = {key(r): r["repeat_group"] for r in truth["recommendations"]}
    for number, group in enumerate(truth["repeat_groups"]):
        members = [tuple(m) for m in group]
        assert 2 <= len(members) <= 4
        assert all(groups[m] == number for m in members)
        member_years = [years[report] for _, report, _ in members]
        assert member_years == sorted(set(member_years)), f"group {number} is not in strictly later years"
    assert sum(g is not None for g in groups.values()) == sum(len(g) for g in truth["repeat_groups"])


def test_the_catalogue_keys_every_source_report(corpus, truth):
    catalogue = corpus.catalogue.read_text(encoding="utf-8")
    for report in truth["source_reports"]:
        assert f'key = "{report["key"]}"' in catalogue


# --- the real readers read it back ----------------------------------------------------------------


@pytest.mark.parametrize("layout", FAMILIES)
def test_readers_find_every_planted_recommendation(layout, truth, outcome, read_back):
    assert not outcome.errors
    for record in planted(truth, layout):
        assert key(record) in read_back, f"{key(record)} not read"
        rec, _, _ = read_back[key(record)]
        assert rec.parent == record["parent"], key(record)
    planted_keys = {key(r) for r in truth["recommendations"]}
    layout_files = {p["file"] for p in truth["papers"] if p["layout"] == layout}
    extra = [k for k in read_back if k[0] in layout_files and k not in planted_keys]
    assert extra == []


@pytest.mark.parametrize("layout", FAMILIES)
def test_planted_cross_references_resolve(layout, truth, read_back):
    pointed = [record for record in planted(truth, layout) if record["cross_references"]]
    assert pointed, f"no cross-reference planted in a {layout} paper"
    for record in pointed:
        _, _, resolved = read_back[key(record)]
        assert set(record["cross_references"]) <= resolved, key(record)


@pytest.mark.parametrize("layout", FAMILIES)
def test_status_phrases_and_owners_are_read_as_planted(layout, truth, read_back):
    for record in planted(truth, layout):
        _, update, _ = read_back[key(record)]
        assert (update.status_phrase if update else None) == record["status_phrase"], key(record)
        if "interleaved" not in record["quirks"]:  # a row run into the header is read from fragments
            assert (update.owner if update else None) == record["owner"], key(record)


def test_readers_leave_nothing_of_a_synthetic_paper_unplaced(outcome):
    assert [(r.paper.file, l.first_line, l.text[:60]) for r in outcome.results for l in r.leftovers] == []


def test_planted_systems_are_printed_and_none_other(truth, read_back):
    pattern = re.compile(r"\b(" + "|".join(SYSTEMS) + r")\b")
    for record in truth["recommendations"]:
        if "interleaved" in record["quirks"]:
            continue
        rec, update, _ = read_back[key(record)]
        printed = set(pattern.findall(f"{rec.text} {update.progress if update else ''}"))
        assert printed == set(record["systems"]), key(record)


def test_planted_repeats_are_reworded_yet_closer_than_other_recommendations_on_the_topic(truth, read_back):
    # Word overlap (Jaccard) of the texts as read. A row interleaved into a PDF header is read from
    # fragments, so it is left out.
    def words(k):
        return set(re.findall(r"[a-z]+", read_back[k][0].text.lower()))

    def similarity(a, b):
        return len(words(a) & words(b)) / len(words(a) | words(b))

    def quantile(values, share):
        values = sorted(values)
        return values[int(share * (len(values) - 1))]

    whole = {key(r) for r in truth["recommendations"] if "interleaved" not in r["quirks"]}
    repeats = [(tuple(a), tuple(b)) for g in truth["repeat_groups"] for a, b in itertools.combinations(g, 2)]
    repeats = [(a, b) for a, b in repeats if a in whole and b in whole]
    assert all(read_back[a][0].text != read_back[b][0].text for a, b in repeats)  # reworded, never verbatim
    others = [r for r in truth["recommendations"] if r["issue"] is not None and r["repeat_group"] is None]
    same_topic = [(key(a), key(b)) for a, b in itertools.combinations(others, 2) if a["themes"] == b["themes"]]
    # 95% of the planted pairs are closer than 99% of the pairs on the same topic that are not repeats.
    assert quantile([similarity(a, b) for a, b in repeats], 0.05) > quantile([similarity(a, b) for a, b in same_topic], 0.99)


# --- the vocabulary keeps the truth true ----------------------------------------------------------


def sentences_of_vocabulary() -> list[str]:
    """Every sentence the generator composes from, with sample fillers."""
    values = {name: options[0] for name, options in FILLERS.items()} | {"system": "MetHR"}
    values |= {name.capitalize(): value[:1].upper() + value[1:] for name, value in values.items()}
    texts = [t.problem for t in TEMPLATES] + [p for t in TEMPLATES for p in (*t.phrasings, *t.progress)]
    texts += [*GENERIC_PROGRESS, *PARENT_LEADS, *CHALLENGES, *NEXT_STEPS, *(t for tails in TAILS.values() for t in tails)]
    return [text.format_map(values) for text in texts]


RG = rdflib.Namespace("https://w3id.org/recgraph/ontology#")


@pytest.fixture(scope="module")
def statuses() -> list[tuple[int, str, re.Pattern[str]]]:
    """(priority, notation, pattern) of every status pattern of the ontology's vocabulary."""
    graph = rdflib.Graph().parse(str(resources.files("recgraph.ontology") / "statuses.ttl"))
    found = []
    for status, pattern in graph.subject_objects(RG.statusPattern):
        priority = int(graph.value(status, RG.patternPriority))
        notation = str(graph.value(status, rdflib.namespace.SKOS.notation))
        found.append((priority, notation, re.compile(str(pattern), re.IGNORECASE)))
    return found


def test_planted_status_phrases_say_the_planted_status(truth, statuses):
    for record in truth["recommendations"]:
        if record["status_phrase"]:
            matched = [(priority, notation) for priority, notation, p in statuses if p.search(record["status_phrase"])]
            assert matched and max(matched)[1] == record["status"], (record["status_phrase"], record["status"])
    for sentence in SPECIFICATION_WAITS:
        assert {notation for _, notation, p in statuses if p.search(sentence)} == {"not_started"}


def test_no_vocabulary_sentence_states_a_status(statuses):
    for sentence in sentences_of_vocabulary():
        assert find_status_phrase(sentence) is None, sentence
        assert not [notation for _, notation, p in statuses if p.search(sentence)], sentence


def test_no_vocabulary_sentence_points_at_a_recommendation():
    span = Provenance("p.txt", 1, 1, "x")
    for sentence in sentences_of_vocabulary():
        recs = [Recommendation("r", n, f"Text {n} with recommendation 1 and item 2.", span) for n in ("1", "2", "3")]
        result = ReadResult(Paper("p.txt", "t"), recs, [ProgressUpdate("r", "3", "p.txt", span, progress=sentence)])
        assert find_cross_references(result) == [], sentence


def test_systems_appear_only_where_planted():
    pattern = re.compile(r"\b(" + "|".join(SYSTEMS) + r")\b")
    for sentence in sentences_of_vocabulary():
        assert set(pattern.findall(sentence)) <= {"MetHR"}, sentence  # the sample {system}
        assert "Met HR" not in sentence


def test_every_phrasing_can_be_reworded_for_each_member_of_a_repeat_group():
    for template in TEMPLATES:
        for phrasing in template.phrasings:
            import random

            worded = {reword(phrasing, random.Random("same"), member) for member in range(4)}
            assert len(worded) == 4, phrasing
    assert min(len(options) for options in SYNONYMS.values()) >= 2


@pytest.mark.parametrize(
    "phrase, ing", [("re-examine the panel", "re-examining the panel"), ("control it", "controlling it"), ("agree", "agreeing")]
)
def test_committee_parts_are_worded_with_the_ing_form(phrase, ing):
    assert gerund(phrase) == ing
