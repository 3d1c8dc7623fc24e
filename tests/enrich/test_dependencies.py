"""Dependencies: on other recommendations (pointers), programmes ("subsumed into") and later reports."""

from __future__ import annotations

from recgraph.graph.linking.dependencies import programme_dependencies, report_dependencies
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation, SourceReport

SPAN = Provenance("p.txt", 1, 1, "x")


def test_every_reference_pointer_is_a_dependency_on_the_recommendation_it_names(seed_links, reference_recs):
    got = {(d.source, d.target_rec) for d in seed_links.dependencies if d.kind == "recommendation"}
    expected = {(key, (key[0], target)) for key, ref in reference_recs.items() for target in ref["refers_to"]}
    assert len(expected) == 8
    assert got == expected
    phrases = {d.source: d.phrase for d in seed_links.dependencies if d.kind == "recommendation"}
    assert phrases[("winning-consent", "19")] == "Response to Recommendation 17 refers."


def test_a_subsumed_recommendation_depends_on_the_programme_named(seed_links):
    got = {(d.source, d.target) for d in seed_links.dependencies if d.kind == "programme"}
    assert (("operational-support-review", "11"), "MPS Career Pathways Programme") in got


def test_a_carried_forward_report_links_its_recommendations_to_the_later_inspection(seed_links):
    got = {(d.source, d.target, d.cue) for d in seed_links.dependencies if d.kind == "report"}
    assert got == {
        (("winning-consent-carried-forward", "110"), "hmic-mps-2000-01", "carried forward in MPS Inspection 2000/01")
    }


def test_subsumed_wording_in_the_progress_is_found_too():
    update = ProgressUpdate("r", "2", "p.txt", SPAN, progress="Work was subsumed into the Estates Strategy last year.")
    result = ReadResult(Paper("p.txt", "t"), [Recommendation("r", "2", "Fix it.", SPAN)], [update])
    assert [(d.source, d.target) for d in programme_dependencies([result])] == [(("r", "2"), "Estates Strategy")]


def test_a_later_report_that_is_not_read_is_kept_by_its_printed_name():
    report = SourceReport("old", "Old Review – carried forward to the Thematic Inspection 2005")
    result = ReadResult(Paper("p.txt", "t", source_reports=(report,)), [Recommendation("old", "1", "Do.", SPAN)])
    assert [(d.target, d.kind) for d in report_dependencies([result])] == [("Thematic Inspection 2005", "report")]
