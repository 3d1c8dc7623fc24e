"""The auditor's trace: finding a recommendation, its progress, its related recommendations, reports."""

from __future__ import annotations

import pytest

from recgraph.graph.analyses import RecommendationLookupError, find_recommendation, trace, trace_html, trace_markdown


@pytest.mark.parametrize("asked", [
    "rep-a/1", "REP-A/1", "<http://example.org/id/report/rep-a/rec/1>", "http://example.org/id/report/rep-a/rec/1",
    "rep-a/rec/1", " rep-a/1 ",
])
def test_find_by_iri_or_short_form(tiny, rec, asked):
    assert find_recommendation(tiny, asked) == rec["a1"]


def test_find_lettered_part_and_partial_report_key(tiny, rec):
    assert find_recommendation(tiny, "rep-c/6(B)") == rec["c6b"]
    assert find_recommendation(tiny, "b/R6") == rec["b6"]
    assert find_recommendation(tiny, "R6") == rec["b6"]


def two_reports():
    import pyoxigraph as ox

    store = ox.Store()
    rows = [("x-report", "1"), ("y-report", "1"), ("y-report", "2")]
    store.load("".join(
        f'<http://e/{key}/{n}> a <https://w3id.org/recgraph/ontology#Recommendation> ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "{key}/{n}" .\n' for key, n in rows).encode(), format=ox.RdfFormat.TURTLE)
    return store


def test_a_number_several_reports_use_is_ambiguous():
    with pytest.raises(RecommendationLookupError) as caught:
        find_recommendation(two_reports(), "1")
    assert str(caught.value) == "'1' fits 2 recommendations: x-report/1, y-report/1; give one of them"
    assert caught.value.candidates == ("x-report/1", "y-report/1")
    with pytest.raises(RecommendationLookupError, match="'report/1' fits 2"):
        find_recommendation(two_reports(), "report/1")
    assert find_recommendation(two_reports(), "y/1") == "http://e/y-report/1"
    assert find_recommendation(two_reports(), "2") == "http://e/y-report/2"


def test_unknown_recommendation_lists_close_matches(tiny):
    with pytest.raises(RecommendationLookupError) as caught:
        find_recommendation(tiny, "rep-a/9")
    assert str(caught.value).startswith("no recommendation 'rep-a/9' in the graph; close matches: ")
    assert "rep-a/1" in caught.value.candidates
    with pytest.raises(RecommendationLookupError, match="no recommendation 'http://example.org/nothing'"):
        find_recommendation(tiny, "http://example.org/nothing")


def test_trace_of_a_recommendation(tiny, rec):
    found = trace(tiny, "rep-a/1")
    assert (found.label, found.number, found.report, found.report_title, found.year) == ("rep-a/1", "1", "rep-a", "Report A", 2000)
    assert (found.heading, found.para_ref, found.status, found.closed, found.owner) == (
        "Appraisals", "4.18", "not started", False, "HR Directorate")
    assert found.themes == ("HR systems", "appraisal") and found.systems == ("MetHR",)
    assert [(s.file, s.first_line, s.last_line) for s in found.sources] == [("p1.txt", 3, 4)]
    assert found.sources[0].verbatim.startswith("1\tClear the appraisal backlog")


def test_every_progress_update_oldest_first_with_its_source_lines(tiny):
    updates = trace(tiny, "rep-a/1").updates
    assert [(u.date, u.paper, u.status, u.status_phrase) for u in updates] == [
        ("2002-09", "p1.txt", "not started", None), ("2003-01", "p2.txt", "not started", "Not started")]
    assert updates[0].progress == "Awaits MetHR." and updates[0].owner == "HR Directorate"
    assert updates[0].owner_text == "HR Dept" and updates[0].mpa_action == "To note."
    assert [s.where() for s in updates[1].sources] == ["p2.txt:10-12"]


def test_related_recommendations_earlier_and_later_with_evidence(tiny):
    related = {r.label: r for r in trace(tiny, "rep-a/1").related}
    assert set(related) == {"rep-a/3", "rep-b/R6", "rep-c/6(b)"}
    direct = related["rep-b/R6"]
    assert (direct.relations, direct.direction, direct.score) == (("reiterated by",), "later", pytest.approx(0.4))
    assert direct.evidence == "shared terms: appraisal, backlog"
    assert direct.text == "Make appraisal support performance." and direct.status == "substantially complete"
    chained = related["rep-c/6(b)"]
    # reached through rep-b/R6: the weakest link's score, each link's evidence
    assert (chained.relations, chained.direction, chained.via) == (("same repeat chain",), "later", ("rep-b/R6",))
    assert chained.score == pytest.approx(0.3)
    assert chained.evidence.splitlines() == [
        "rep-a/1 – rep-b/R6 (0.400): shared terms: appraisal, backlog",
        "rep-b/R6 – rep-c/6(b) (0.300): shared terms: PDR, performance",
    ]
    pointer = related["rep-a/3"]
    assert (pointer.relations, pointer.direction) == (("referred to by",), "same time")
    assert pointer.evidence == "“See recommendation 1 above.”"


def test_the_later_end_sees_the_earlier_ones(tiny):
    found = trace(tiny, "rep-c/6(b)")
    related = {r.label: (r.relations, r.direction) for r in found.related}
    assert related == {"rep-b/R6": (("reiterates",), "earlier"), "rep-a/1": (("same repeat chain",), "earlier"),
                       "rep-c/6": (("part of",), "earlier")}
    assert [r.label for r in found.related][:2] == ["rep-a/1", "rep-b/R6"]  # earliest first


def test_what_it_waits_on(tiny):
    waits = trace(tiny, "rep-a/1").waits_on
    assert [(w.label, w.kind, w.relations) for w in waits] == [("MetHR", "system", ("depends on",))]
    assert waits[0].evidence == "“Awaits MetHR.”; system dependency: 'awaits'"
    programme = trace(tiny, "rep-b/R6").waits_on
    assert [(w.label, w.kind, w.relations) for w in programme] == [("Career Pathways", "programme", ("subsumed into",))]


def test_a_recommendation_with_no_links_or_updates(tiny):
    found = trace(tiny, "rep-c/6")
    assert found.updates == () and found.status == "partially complete"
    assert [r.label for r in found.related] == ["rep-c/6(b)"] and found.related[0].relations == ("has part",)


def test_frames_and_dict(tiny):
    found = trace(tiny, "rep-a/1")
    assert found.related_frame()["label"].tolist() == ["rep-a/3", "rep-b/R6", "rep-c/6(b)", "MetHR"]
    assert found.updates_frame()["sources"].tolist() == ["p1.txt:3-4", "p2.txt:10-12"]
    assert found.to_dict()["updates"][1]["sources"][0]["first_line"] == 10


def test_markdown_report_quotes_verbatim_and_escapes(tiny):
    text = trace_markdown(trace(tiny, "rep-a/1"), "on 2024-01-01")
    assert text.startswith("# Trace of recommendation rep-a/1\n")
    assert "> Clear the appraisal backlog \\<script\\>alert(1)\\</script\\> now." in text
    assert "<script>" not in text
    assert "### Later recommendations" in text and "#### rep-b/R6" in text
    assert "> Still awaits MetHR." in text and "p2.txt:10-12" in text
    assert "> shared terms: appraisal, backlog" in text


def test_html_report_escapes_every_text(tiny):
    page = trace_html(trace(tiny, "rep-a/1"), "on 2024-01-01")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "Clear the appraisal backlog &lt;script&gt;alert(1)&lt;/script&gt; now." in page
    assert "&quot;" not in page.split("<body>")[0]
    assert "<h4>rep-c/6(b)</h4>" in page and "shared terms: PDR, performance" in page
