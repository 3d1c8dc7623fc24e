"""The vocabularies measured on data they were not built from; writes docs/enrichment.md.

Statuses: the status wordings the surveys recorded (expected statuses judged by us, listed below),
the fixture papers of tests/fixtures/formats (their expected.json carry a status per record, judged
by their authors), leave-one-paper-out on those and on the seeds' explicit phrases (development
data), and the test phrasings. Themes: coverage on the fixture papers and the seeds. Owners: the
seeds, the fixtures and the synthetic corpus (``--size``, default 10,000). Systems and dependencies:
what the rules find. The repeats section of docs/enrichment.md belongs to the linking and is kept
as it is. Run: .venv/bin/python bench/enrichment_seeds.py [--size 10000]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import recgraph
from recgraph.graph.enrich import enrich
from recgraph.graph.enrich.status import infer_status, status_from_phrase
from recgraph.graph.enrich.systems import DEPENDENCY_CUES
from recgraph.graph.enrich.themes import PROGRESS_MIN_HITS
from recgraph.graph.enrich.vocabulary import Vocabulary, load_vocabulary
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.synthetic import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/formats"
SEED_FACTS = ROOT / "tests/enrich/fixtures/seeds_enrichment.json"
LEADS = ROOT / "tests/enrich/fixtures/synthetic_owner_leads.json"
OUT = ROOT / "docs/enrichment.md"
sys.path.insert(0, str(ROOT / "tests/enrich"))
from test_status_lexicon import CASES  # noqa: E402  (the test phrasings, written for the tests)
from status_phrases_heldout import doc_section as heldout_section  # noqa: E402  (this folder)
from status_grammar_loso import doc_section as grammar_section  # noqa: E402  (this folder)
from status_survey4 import doc_section as fourth_section, later_sections  # noqa: E402  (this folder)
from theme_progress import progress_rule_lines  # noqa: E402  (this folder)

#: Status wordings recorded by the surveys (docs/survey/part-a.md, part-b.md) with the status we judge
#: each states. Wordings that state no status of a recommendation ("wound up", "areas for
#: improvement", "should be linked to", "remains appointed") are left out.
SURVEY = [
    ("'complete'", "complete"), ("incomplete", "in_progress"), ("yet to be completed", "in_progress"),
    ("not yet completed", "in_progress"), ("implemented", "complete"), ("sign off ... as complete", "proposed_closure"),
    ("\u201csign off\u201d", "proposed_closure"), ("substantial progress", "substantially"), ("are complete", "complete"),
    ("is also complete", "complete"), ("require further work", "in_progress"), ("ongoing activities", "in_progress"),
    ("accepted", "in_progress"), ("outstanding", "in_progress"), ("O/S", "in_progress"),
    ("Action now complete", "complete"), ("Work is in hand", "in_progress"), ("delivered in full", "complete"),
    ("Is complete", "complete"), ("now implemented", "complete"), ("have been implemented", "complete"),
    ("Implemented", "complete"), ("Under consideration", "in_progress"), ("Rej", "not_accepted"),
    ("Rejected", "not_accepted"), ("on track to deliver by agreed deadlines", "in_progress"),
    ("Established and fully operational", "complete"), ("slippage", "in_progress"),
    ("reasons for delayed progress", "in_progress"), ("deferred", "in_progress"), ("not accepted", "not_accepted"),
]


def decide(phrase: str, statuses: Vocabulary) -> str:
    found = status_from_phrase(phrase, statuses) or infer_status(phrase, statuses)
    return found.notation


def fixture_phrases() -> list[tuple[str, str, str]]:
    """(paper, phrase, expected notation) of every fixture record with a status phrase and a status."""
    rows = []
    for path in sorted(FIXTURES.glob("*/*.expected.json")):
        for record in json.loads(path.read_text(encoding="utf-8"))["records"]:
            if record.get("status_phrase") and record.get("status"):
                rows.append((path.name.removesuffix(".expected.json"), record["status_phrase"], record["status"].replace("-", "_")))
    return rows


def seed_phrases() -> list[tuple[str, str, str]]:
    facts = json.loads(SEED_FACTS.read_text(encoding="utf-8"))["recommendations"]
    # The annotation's scale has no proposed closure: its invitations to agree that a recommendation is
    # achieved are counted as proposed closures, the rule (as tests/graph/test_shapes.py does).
    invitation = re.compile(r"\binvites?\s+members\s+to\s+agree\b", re.IGNORECASE)
    return [(r["file"], r["status_phrase"], "proposed_closure" if invitation.search(r["status_phrase"]) else r["status"])
            for r in facts if r.get("status_phrase")]


def _entries(statuses: Vocabulary) -> list[tuple[str, str, str]]:
    return [(c.iri, kind, value) for c in statuses for kind, values in (("label", c.alt_labels), ("pattern", c.patterns))
            for value in values]


def _fires(entry: tuple[str, str, str], phrase: str) -> bool:
    _, kind, value = entry
    if kind == "label":
        norm = lambda t: re.sub(r"^[\s.,;:!\-–—()]+|[\s.,;:!\-–—()]+$", "", re.sub(r"\s+", " ", t.casefold()))
        return norm(value) == norm(phrase)
    return re.search(value, phrase, re.IGNORECASE) is not None


def _without(statuses: Vocabulary, dropped: set[tuple[str, str, str]]) -> Vocabulary:
    concepts = []
    for c in statuses:
        alts = tuple(a for a in c.alt_labels if (c.iri, "label", a) not in dropped)
        pats = tuple(p for p in c.patterns if (c.iri, "pattern", p) not in dropped)
        concepts.append(replace(c, alt_labels=alts, patterns=pats))
    return Vocabulary(f"statuses-{len(dropped)}-{hash(frozenset(dropped))}", tuple(concepts))


def leave_one_paper_out(rows: list[tuple[str, str, str]], everything: list[str], statuses: Vocabulary) -> tuple[int, int, int]:
    """(right, right with every entry only that paper fires on left out, total)."""
    entries = _entries(statuses)
    fired = {e: {p for p in everything if _fires(e, p)} for e in entries}
    right = held = 0
    by_paper: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for paper, phrase, expected in rows:
        by_paper[paper].append((phrase, expected))
    for paper, items in by_paper.items():
        others = {p for q, items_q in by_paper.items() if q != paper for p, _ in items_q} | (set(everything) - {p for p, _ in items})
        own_only = {e for e, phrases in fired.items() if phrases and not phrases & others}
        reduced = _without(statuses, own_only) if own_only else statuses
        for phrase, expected in items:
            right += decide(phrase, statuses) == expected
            held += decide(phrase, reduced) == expected
    return right, held, len(rows)


def status_section(statuses: Vocabulary) -> list[str]:
    fixtures, seeds = fixture_phrases(), seed_phrases()
    everything = [p for _, p, _ in fixtures + seeds] + [p for p, _ in SURVEY] + [p for _, _, p in CASES]
    survey_right = [(p, e, decide(p, statuses)) for p, e in SURVEY]
    tests_right = sum(decide(p, statuses) == n for n, _, p in CASES)
    f_right, f_held, f_total = leave_one_paper_out(fixtures, everything, statuses)
    s_right, s_held, s_total = leave_one_paper_out(seeds, everything, statuses)
    lines = [
        "## Statuses",
        "",
        "A status phrase maps through the labels (the whole phrase) and patterns (searched) of `statuses.ttl`,",
        "the highest `rg:patternPriority` winning; without a phrase the patterns are tried on each sentence of the",
        "progress (the last sentence that states one wins; none: in progress). `not accepted` and `proposed for",
        "closure` are statuses of their own: an invitation to agree that a recommendation is achieved proposes its",
        "closure until a later paper records the decision.",
        "",
        "| data | phrases | right | leave-one-paper-out | note |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| survey status wordings (docs/survey, statuses judged by us) | {len(SURVEY)} | "
        f"{sum(e == g for _, e, g in survey_right)} ({sum(e == g for _, e, g in survey_right) / len(SURVEY):.0%}) | – | "
        "wordings of 81 real papers; the lexicon was written with these lists at hand |",
        f"| fixture papers (tests/fixtures/formats, statuses judged by their authors) | {f_total} | {f_right} "
        f"({f_right / f_total:.0%}) | {f_held} ({f_held / f_total:.0%}) | phrases seen while writing the lexicon; "
        "leave-one-paper-out drops every label or pattern that fires only on the held-out paper |",
        f"| seeds' explicit phrases (**development data**) | {s_total} | {s_right} ({s_right / s_total:.0%}) | "
        f"{s_held} ({s_held / s_total:.0%}) | annotation's statuses, its 6 invitations to agree counted as `proposed_closure` |",
        f"| test phrasings (tests/enrich/test_status_lexicon.py) | {len(CASES)} | {tests_right} | – | "
        "written for the tests, none in a seed |",
        "",
        "Fixture phrases mapped to another status than the expected one (most are judgements a phrase alone cannot",
        "carry: \"appointed in April 2005\" as complete, \"Delayed\" once as awaiting others):",
        "",
        "| paper | phrase | expected | recgraph |",
        "| --- | --- | --- | --- |",
    ]
    for paper, phrase, expected in fixtures:
        got = decide(phrase, statuses)
        if got != expected:
            lines.append(f"| {paper} | {phrase[:70]} | {expected} | {got} |")
    wrong = [(p, e, g) for p, e, g in survey_right if e != g]
    if wrong:
        lines += ["", "Survey wordings mapped otherwise: " + "; ".join(f"\"{p}\" {g} (judged {e})" for p, e, g in wrong) + "."]
    return lines + [""] + heldout_section() + grammar_section() + fourth_section() + later_sections()


def read_fixture_papers() -> list[ReadResult]:
    """The fixture papers as records: each record's lines of the paper (expected.json gives them) as its
    text and its printed owner, so that the measure does not wait on a reader for every format."""
    results = []
    for path in sorted(FIXTURES.glob("*/*.expected.json")):
        paper = path.with_name(path.name.removesuffix(".expected.json") + ".txt")
        lines = paper.read_text(encoding="utf-8").splitlines()
        recs, updates = [], []
        for index, record in enumerate(json.loads(path.read_text(encoding="utf-8"))["records"]):
            if record.get("kind") != "recommendation" or not record.get("lines"):
                continue
            first, last = record["lines"]
            text = " ".join(lines[first - 1:last])
            span = Provenance(paper.name, first, last, text)
            key = (paper.stem, f"{record['number']}#{index}")
            recs.append(Recommendation(key[0], key[1], text, span))
            updates.append(ProgressUpdate(key[0], key[1], paper.name, span, progress=text, owner=record.get("owner")))
        results.append(ReadResult(Paper(paper.name, paper.stem), recs, updates))
    return results


def theme_section(seeds, fixtures, seed_enrichment, fixture_enrichment) -> list[str]:
    themes = load_vocabulary("themes")
    areas = {c.iri: c.pref_label for c in themes if c.grouping}
    area_of = {c.iri: areas.get(c.broader[0], "?") if c.broader else "?" for c in themes}
    lines = [
        "## Themes",
        "",
        f"`themes.ttl`: {len(areas)} areas ({', '.join(sorted(areas.values()))}) and "
        f"{len(themes) - len(areas)} themes in the words of the field, each with its public source (HMIC's PEEL",
        "pillars and the earlier police performance assessment areas, the College of Policing's Authorised",
        "Professional Practice areas and standards, the Home Office workforce statistics categories, the topics of",
        "the surveyed papers). None comes from the seed annotation, so leave-one-paper-out changes nothing: no label",
        f"exists for one paper. Labels match as words in the heading and text; a theme seen only in the progress",
        f"needs {PROGRESS_MIN_HITS} matches.",
        "",
        *progress_rule_lines(),
        "",
        "Coverage (recommendations with at least one theme) and tags per area:",
        "",
        "| data | recommendations | with a theme | tags | " + " | ".join(sorted(areas.values())) + " |",
        "| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in areas) + " |",
    ]
    for name, results, enrichment in (("fixture papers", fixtures, fixture_enrichment),
                                      ("seeds (**development data**)", seeds, seed_enrichment)):
        keys = {r.key for res in results for r in res.recommendations}
        tagged = sum(1 for k in keys if enrichment.themes.get(k))
        per_area = Counter(area_of[t.theme] for k in keys for t in enrichment.themes.get(k, ()))
        tags = sum(per_area.values())
        lines.append(f"| {name} | {len(keys)} | {tagged} ({tagged / max(len(keys), 1):.0%}) | {tags} | "
                     + " | ".join(str(per_area[a]) for a in sorted(areas.values())) + " |")
    lines += ["", "Whether a tag is *right* is not scored against the seed annotation: its tags are not targets (issue 15).", ""]
    return lines


def owner_rows(enrichment) -> tuple[int, int, dict[str, set[str]]]:
    units: dict[str, set[str]] = defaultdict(set)
    for match in enrichment.owners.values():
        units[match.unit.label].add(match.verbatim)
    printed = {m.verbatim for m in enrichment.owners.values()}
    return len(printed), len(units), units


def owner_section(seed_enrichment, fixture_enrichment, size: int) -> list[str]:
    lines = ["## Owners", "",
             "Printed owners are read by form (graph/enrich/owners.py): wrapping words dropped, \"A/ B\" led by B,",
             "\"Name (ACR)\" and \"CODE – Name\" pairs learnt over the corpus, \"Director of X\", \"Head of X\", \"AC X\",",
             "\"X Directorate\", \"X Dept\" all leading to the unit for X, people with a rank kept as leads of their own,",
             "an acronym expanded by owners.ttl (published business groups only), by a printed pair or by the",
             "initials of exactly one printed unit. Unknown owners become units.", "",
             "| data | spellings | units | merged spellings |", "| --- | ---: | ---: | --- |"]
    for name, enrichment in (("fixture papers", fixture_enrichment), ("seeds (**development data**)", seed_enrichment)):
        spellings, count, units = owner_rows(enrichment)
        merged = "; ".join(f"{unit} ← {', '.join(sorted(v))}" for unit, v in sorted(units.items()) if len(v) > 1)
        lines.append(f"| {name} | {spellings} | {count} | {merged or '–'} |")
    leads = json.loads(LEADS.read_text(encoding="utf-8"))["leads"]
    with tempfile.TemporaryDirectory() as folder:
        corpus = generate_corpus(Path(folder), size, seed=0)
        results = read_papers([corpus.papers_dir]).results
        started = time.perf_counter()
        enrichment = enrich(results)
        seconds = time.perf_counter() - started
    units_of, leads_of, unknown = defaultdict(set), defaultdict(set), 0
    for match in enrichment.owners.values():
        cut = {lead for spelling, lead in leads.items() if spelling.startswith(match.verbatim)}
        lead = leads.get(match.verbatim) or (cut.pop() if len(cut) == 1 else None)
        if lead is None:
            unknown += 1
            continue
        units_of[lead].add(match.unit.label)
        leads_of[match.unit.label].add(lead)
    several = sum(len(u) > 1 for u in units_of.values())
    joined = sum(len(v) > 1 for v in leads_of.values())
    spellings = len({m.verbatim for m in enrichment.owners.values()})
    lines += ["", f"Synthetic corpus of {size:,} recommendations (seed 0): {len(enrichment.owners):,} printed owners in "
              f"{spellings} spellings, {len(leads_of)} units for {len(units_of)} judged leads "
              f"(tests/enrich/fixtures/synthetic_owner_leads.json); **leads under several units: {several}; units "
              f"joining two leads: {joined}** ({unknown} cut cells shared by several spellings not judged). "
              f"The synthetic spellings were written from the seeds' forms, so this measures the rules at scale, "
              f"not on unseen papers. Enrichment of the whole corpus: {seconds:.1f} s on this machine.", ""]
    return lines


def system_section(seed_enrichment, fixture_enrichment) -> list[str]:
    register = load_vocabulary("systems")
    lines = ["## Systems and dependencies", "",
             f"`systems.ttl` registers {len(register)} publicly documented police systems with their sources "
             f"({', '.join(c.pref_label for c in register)}); every other system is recognised by its form and "
             "context (a name before \"system\", \"database\", \"programme\" ... in a sentence about IT, or an expansion "
             "with its acronym) and then wherever the corpus prints it.", "",
             "| data | systems found by form | register systems named | mentions | dependencies |",
             "| --- | --- | --- | ---: | ---: |"]
    for name, enrichment in (("fixture papers", fixture_enrichment), ("seeds (**development data**)", seed_enrichment)):
        labels = {m.label for ms in enrichment.systems.values() for m in ms}
        found = sorted(enrichment.new_systems.values())
        named = sorted(labels - set(found))
        mentions = sum(len(ms) for ms in enrichment.systems.values())
        deps = sum(d.kind == "system" for d in enrichment.dependencies)
        lines.append(f"| {name} | {', '.join(found) or '–'} | {', '.join(named) or '–'} | {mentions} | {deps} |")
    lines += ["", f"Dependency cues ({len(DEPENDENCY_CUES)}, in `graph/enrich/systems.py`, general wordings tested on "
              "sentences no seed contains): " + "; ".join(f"`{c.pattern}`" for c in DEPENDENCY_CUES[:8]) + " ...", ""]
    return lines


USERS = """## Extending the vocabularies

All six are Turtle files in `ontology/` (installed as `recgraph.ontology`); edit them, no code changes:

- **themes.ttl**: add a `rg:Theme` with `skos:prefLabel`, `skos:altLabel` (words that signal it, matched as
  words with light stemming, acronyms with their case), `skos:broader` (one of the four areas or another
  theme), `skos:definition`, and `dcterms:source`/`skos:note` for where it comes from. A narrow recurring
  problem gets `skos:scopeNote "issue"`: tagging it tags its broader themes too.
- **statuses.ttl**: add short phrases as `skos:altLabel` of the status they state, or regular expressions as
  `rg:statusPattern`; `rg:patternPriority` decides between statuses that both match.
- **owners.ttl**: add a unit (`rg:Owner`, `org:OrganizationalUnit`) with its published acronyms as
  `skos:altLabel`, when an acronym cannot be expanded from the papers themselves.
- **systems.ttl**: add a system with its names and a source; systems the papers describe by form are found
  without it.
- **equivalents.ttl**: add a `rg:Equivalent` whose `skos:prefLabel` is the common name and whose
  `skos:altLabel`s are the other names the papers use for exactly the same thing (an organisation's own
  name for a process, an abbreviation), with `dcterms:source` and `skos:note`; repeat detection reads the
  preferred label in their place.
- **groups.ttl**: add a `rg:Group` (a group of the workforce by a protected characteristic) or names of
  one as `skos:altLabel`; repeat detection reads a group named with a stage of employment in one phrase
  as the problem both texts raise ("A group at a stage" under Repeats).

Never add an entry because one paper printed it: the tests guard that no seed owner string is in owners.ttl
and that the test phrasings are in no seed.
"""


def repeats_section() -> str:
    """The repeats section as it stands (it belongs to the linking)."""
    if not OUT.is_file():
        return ""
    text = OUT.read_text(encoding="utf-8")
    at = text.find("\n## Repeats")
    return text[at + 1:] if at >= 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="synthetic corpus size for the owners check")
    args = parser.parse_args()
    statuses = load_vocabulary("statuses")
    seeds = read_papers([recgraph.data_path() / "papers"]).results
    fixtures = read_fixture_papers()
    seed_enrichment, fixture_enrichment = enrich(seeds), enrich(fixtures)
    lines = [
        "# Enrichment: themes, statuses, owners, systems",
        "",
        "Generated by `bench/enrichment_seeds.py`; do not edit by hand (the Repeats section is kept as written).",
        "Figures are on data the vocabularies were not built from where it exists (fixture papers written from the",
        "surveyed formats, leave-one-paper-out, phrasings written for the tests); figures on the seed papers are",
        "**development data**. The seed annotation's enrichment labels (themes, statuses by judgement, repeat groups)",
        "are not targets and are not scored.",
        "",
        *status_section(statuses),
        *theme_section(seeds, fixtures, seed_enrichment, fixture_enrichment),
        *owner_section(seed_enrichment, fixture_enrichment, args.size),
        *system_section(seed_enrichment, fixture_enrichment),
        USERS,
    ]
    OUT.write_text("\n".join(lines) + "\n" + repeats_section(), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
