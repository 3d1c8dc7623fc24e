"""Systems are recognised by form and context or by the register; dependency cues are general.

Every sentence below is written for the test; none is in a seed paper (a guard checks).
"""

from __future__ import annotations

import re

import pytest

import recgraph
from recgraph.graph.enrich import enrich
from recgraph.graph.enrich.systems import DEPENDENCY_CUES, find_system_dependencies, find_systems, names_in
from recgraph.graph.enrich.vocabulary import parse_vocabulary
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation

SPAN = Provenance("p.txt", 1, 1, "x")
SYSTEMS = parse_vocabulary(
    "systems",
    """@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://x/trains> a rg:System ; skos:prefLabel "TRAINS"@en .
<http://x/fleet> a rg:System ; skos:prefLabel "Fleet Booker 3"@en ; skos:altLabel "Fleet Booker"@en .""",
)
FORM_POSITIVE = [
    ("Training records will move to the new TRAINS database next year.", "TRAINS"),
    ("The Crime Management System (CMS) replaces the card index.", "CMS"),
    ("Custody records are now entered on the NCRS7 system at every suite.", "NCRS7"),
    ("The FleetNet application went live in all garages in May.", "FleetNet"),
    ("Bookings are held on the Duty Planner 4 system, which will be upgraded.", "Duty Planner 4"),
    ("A new records platform – EDRMS – is being installed.", "EDRMS"),
    ("The Licensing Database holds every certificate issued.", "Licensing Database"),
    ("The HOLMES2 IT system supports major inquiries.", "HOLMES2"),
]
FORM_NEGATIVE = [
    "The PDR system asks managers to meet staff twice a year.",
    "The Emerging Talent Programme (ETP) offers mentoring to constables.",
    "The MPS programme of reviews continues.",
    "The Fairness at Work system resolves grievances informally.",
    "The Service Improvement Project will report to the Board.",
]
CUES = [
    ("Delivery depends on TRAINS being upgraded.", "depends on"),
    ("The new form is dependent on TRAINS.", "dependent on"),
    ("The module awaits the TRAINS release.", "awaits"),
    ("We are awaiting the second phase of TRAINS.", "awaiting"),
    ("This will be delivered through TRAINS.", "will be delivered through"),
    ("Subject to funding, TRAINS will hold the records.", "Subject to"),
    ("Once TRAINS is live, returns will be automatic.", "Once TRAINS is live"),
    ("Reporting will follow once TRAINS is in place.", "once TRAINS is in place"),
    ("Pending the TRAINS upgrade, paper records are kept.", "Pending"),
    ("Following the implementation of TRAINS the backlog will clear.", "Following the implementation of"),
    ("This work is linked to the TRAINS roll-out.", "linked to"),
    ("The change relies on TRAINS.", "relies on"),
]


def rec_and_updates(text, progress=None):
    rec = Recommendation("r", "1", text, SPAN)
    return rec, [ProgressUpdate("r", "1", "p.txt", SPAN, progress=progress)] if progress else []


@pytest.mark.parametrize("sentence, name", FORM_POSITIVE)
def test_a_named_system_is_recognised_by_its_form(sentence, name):
    assert name in [found for found, _ in names_in(sentence)]


@pytest.mark.parametrize("sentence", FORM_NEGATIVE)
def test_processes_and_change_programmes_are_not_systems(sentence):
    assert names_in(sentence) == []


def test_a_name_recognised_once_is_a_mention_wherever_the_corpus_prints_it():
    recs = [Recommendation("r", "1", "Record every course on the new TRAX database.", SPAN),
            Recommendation("r", "2", "Report attendance from TRAX monthly.", SPAN)]
    found = enrich([ReadResult(Paper("p.txt", "t"), recs, [])])
    assert [m.label for m in found.systems[("r", "2")]] == ["TRAX"]
    assert found.new_systems == {"https://w3id.org/recgraph/system/trax": "TRAX"}


def test_owner_acronyms_are_never_systems():
    recs = [Recommendation("r", "1", "The MPS database of complaints must be kept up to date.", SPAN)]
    assert enrich([ReadResult(Paper("p.txt", "t"), recs, [])]).new_systems == {}


def test_register_mentions_carry_the_words_and_the_field():
    rec, ups = rec_and_updates("Personnel data must improve.", "TRAINS and Fleet Booker 3 will help.")
    assert [(m.label, [(e.field, e.words) for e in m.evidence]) for m in find_systems(rec, ups, SYSTEMS)] == [
        ("Fleet Booker 3", [("progress", "Fleet Booker 3")]),
        ("TRAINS", [("progress", "TRAINS")]),
    ]


def test_a_lower_case_word_is_not_an_acronym_system():
    rec, ups = rec_and_updates("The trains were late.")
    assert find_systems(rec, ups, SYSTEMS) == ()


@pytest.mark.parametrize("sentence, cue", CUES)
def test_general_cues_make_a_dependency(sentence, cue):
    rec, ups = rec_and_updates("Keep training records.", sentence)
    found = find_system_dependencies(rec, ups, SYSTEMS)
    assert [(d.target, d.cue) for d in found] == [("http://x/trains", cue)]


def test_a_bare_mention_is_no_dependency_and_it_refers_back():
    rec, ups = rec_and_updates("TRAINS holds the records.", "TRAINS was demonstrated. It awaits the supplier's fix.")
    assert [d.cue for d in find_system_dependencies(rec, ups, SYSTEMS)] == ["awaits"]
    rec, ups = rec_and_updates("TRAINS holds the records.", "TRAINS was demonstrated to the board.")
    assert find_system_dependencies(rec, ups, SYSTEMS) == ()


def test_cues_live_in_one_place_and_compile():
    assert len(DEPENDENCY_CUES) >= 10 and all(isinstance(c, re.Pattern) for c in DEPENDENCY_CUES)


def test_no_seed_paper_contains_a_test_sentence():
    text = " ".join(re.sub(r"\s+", " ", p.read_text(encoding="utf-8", errors="replace"))
                    for p in (recgraph.data_path() / "papers").iterdir() if p.is_file())
    sentences = [s for s, _ in FORM_POSITIVE] + FORM_NEGATIVE + [s for s, _ in CUES]
    assert not [s for s in sentences if s in text]


def test_systems_found_on_the_seeds_are_named_in_their_text(seed_results, seed_enrichment):
    text = " ".join(t for r in seed_results for rec in r.recommendations for t in (rec.heading or "", rec.text))
    text += " ".join(u.progress or "" for r in seed_results for u in r.updates)
    for mentions in seed_enrichment.systems.values():
        for mention in mentions:
            assert all(e.words in text for e in mention.evidence)
