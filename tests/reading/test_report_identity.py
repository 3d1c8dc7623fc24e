"""Which report a paper tracks, when the paper names it indirectly or not at all (issue 13 item 4,
after the trial on unseen papers, docs/formats.md "Trial on unseen papers"): generic headings,
names as the subject counting recommendations, bylines, lead words, names running on across "by",
unnamed reports and reports published in parts. The papers below are made up for the tests.
"""

from __future__ import annotations

from pathlib import Path

from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation, SourceReport
from recgraph.graph.reading.register import Register, RegisteredReport
from recgraph.graph.reading.report_names import find_candidates
from recgraph.graph.reading.reports import ReportName, derived_key, report_part
from recgraph.graph.reading.tracked import identify_reports, key_of_names, unify_reports

HEADER = """Lamp posts on the estate

Report: 4
Date: 2 June 2006
By: {by}

Summary

{summary}

A. Recommendation

That members note the report.

B. Supporting information

{heading}

1. Rec 3 – Every lamp post should be checked each month.

Progress – Checks began in May.
"""


def _paper(summary: str, heading: str = "Progress on recommendations", by: str = "Commissioner",
           reader_title: str | None = None, name: str = "lamps.txt") -> ReadResult:
    text = HEADER.format(summary=summary, heading=heading, by=by)
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines, start=1) if line.startswith("1. Rec 3"))
    reports = (SourceReport("reader", reader_title),) if reader_title else ()
    recs = [Recommendation("reader", "3", "Every lamp post should be checked each month.", Provenance(name, at, at, lines[at - 1]))] if reader_title else []
    result = ReadResult(Paper(name, "any", title="Lamp posts on the estate", source_reports=reports), recs)
    return identify_reports(result, lines, Register())


def _keys(result: ReadResult) -> list[str]:
    return [report.key for report in result.paper.source_reports]


def test_a_generic_heading_naming_only_the_body_loses_to_the_name_in_the_summary():
    result = _paper("The scrutiny report on lamp maintenance by contractors listed 12 recommendations for the MPS.",
                    heading="Progress on MPA Scrutiny Recommendations", reader_title="Progress on MPA Scrutiny Recommendations")
    assert _keys(result) == ["lamp-maintenance-contractors"]
    assert result.recommendations[0].source_report == "lamp-maintenance-contractors"


def test_the_subject_counting_the_recommendations_is_the_report_tracked_with_its_year():
    result = _paper("The Harbour Inquiry report published on 3rd March 2004 made 40 recommendations, of which 9 concern the police.",
                    reader_title="Lamp posts on the estate")
    [report] = result.paper.source_reports
    assert (report.key, report.year) == ("harbour", "2004")
    assert result.recommendations[0].source_report == "harbour"


def test_a_name_qualifying_the_recommendations_is_the_report_tracked():
    lines = ["The Harbour Inquiry – implementation of recommendations", "",
             "1. The Committee leads on the Harbour Inquiry recommendations that concern the police."]
    assert [(c.name.words, c.score >= 2) for c in find_candidates(lines, 1)] == [(("harbour",), True), (("harbour",), True)]


def test_a_byline_names_the_author_not_a_report():
    lines = HEADER.format(summary="This paper sets out the work of the year.", heading="Work done", by="Director of Internal Audit").split("\n")
    assert not [c for c in find_candidates(lines, 6) if "director" in c.name.words]
    result = _paper("This paper sets out the work of the year.", by="Director of Internal Audit")
    assert _keys(result) == []


def test_a_lead_word_before_a_quoted_title_is_no_part_of_the_name():
    lines = ["members note the progress made by the MPA regarding ‘Safer Streets: The Estate Survey’; and"]
    [candidate] = find_candidates(lines, 1)
    assert candidate.name.words == ("safer", "streets", "estate", "survey")
    assert candidate.score >= 2  # "progress made by the MPA regarding" introduces the report tracked
    assert derived_key(candidate.name) == "safer-streets-estate-survey"


def test_a_name_runs_on_across_by_in_its_subject():
    lines = ["This report updates members on the IPCC report into the concerns raised by the Ashworth family (2009)."]
    [candidate] = find_candidates(lines, 1)
    assert "ashworth" in candidate.name.words and candidate.name.year == "2009"
    assert ReportName.of("MPA Scrutiny of Lamp Care by Telephone").matches(ReportName.of("the scrutiny report on lamp care by telephone"))


def test_a_report_no_text_names_is_unidentified_not_keyed_from_the_papers_title():
    text = """Draft guide to lamp repairs

Report: 8
Date: 14 March 2002
By: Clerk

The MPS has sent its draft guide for comment.

B. Supporting information

1. The guide waits for the national decision on Recommendation 17.
"""
    result = ReadResult(Paper("papers/guide-2002.txt", "any", title="Draft guide to lamp repairs",
                              source_reports=(SourceReport("draft-guide-lamp-repairs", "Draft guide to lamp repairs"),)))
    result = identify_reports(result, text.split("\n"), Register())
    assert _keys(result) == ["unidentified-guide-2002"]
    assert [m.source_report for m in result.mentions] == ["unidentified-guide-2002"]
    assert result.paper.source_reports[0].key_basis == "unidentified"
    assert any("papers/guide-2002.txt" in w and "names no report" in w for w in result.warnings)


def test_a_title_that_is_a_reports_name_still_stands_for_it_when_the_text_names_none():
    result = _paper("Progress is summarised below.", reader_title="External audit annual letter 2003/04")
    assert _keys(result) == ["external-annual"]


def test_parts_of_one_report_keep_apart():
    one, two = ReportName.of("The IPCC Lamp Inquiry 1 report"), ReportName.of("Lamp Inquiry Part II")
    assert (one.part, two.part, report_part("Lamp Inquiry 1 & 2")) == ("1", "2", None)
    assert not one.matches(two)
    assert derived_key(one) == "lamp-part-1" and derived_key(two) == "lamp-part-2"
    assert key_of_names([ReportName.of("the Lamp Inquiry"), two]) == "lamp-part-2"
    register = Register((RegisteredReport("lamp-2", aliases=("Lamp Inquiry Part 2",)),))
    assert register.match(two).key == "lamp-2" and register.match(one) is None


def _tracking(name: str, title: str) -> ReadResult:
    report = SourceReport(derived_key(ReportName.of(title)), title, key_basis="text")
    return ReadResult(Paper(name, "any", source_reports=(report,)))


def test_a_report_named_without_its_part_joins_a_part_only_when_one_part_is_in_question():
    papers = [_tracking("a.txt", "IPCC Lamp Inquiry 1 report"), _tracking("b.txt", "Lamp Inquiry Part 2"),
              _tracking("c.txt", "the Lamp Inquiry")]
    unify_reports(papers)
    assert [_keys(p) for p in papers] == [["lamp-part-1"], ["lamp-part-2"], ["lamp"]]
    papers = [_tracking("a.txt", "IPCC Lamp Inquiry 1 report"), _tracking("c.txt", "the Lamp Inquiry")]
    unify_reports(papers)
    assert [_keys(p) for p in papers] == [["lamp-part-1"], ["lamp-part-1"]]



def test_a_title_naming_only_a_status_group_names_no_report():
    # "Internal audit – open recommendations": the kind and which recommendations (open), no name;
    # keyed from its lone word "open", it joined an inquiry named "Open Doors" in another paper
    result = _paper("This paper sets out the work of the year.", reader_title="Internal audit – open")
    assert _keys(result) == ["unidentified-lamps"]
    assert ReportName.of("Internal audit – open").words == ("open",)
    other = ReadResult(Paper("doors.txt", "any", source_reports=(
        SourceReport("open-doors", "HMIC's Open Doors thematic (2003)", key_basis="text"),)))
    unify_reports([result, other])
    assert _keys(result) == ["unidentified-lamps"] and _keys(other) == ["open-doors"]


def test_papers_naming_no_report_never_share_the_readers_stand_in_named_after_the_file(tmp_path):
    # the reader's stand-in "Source report of update.txt" was keyed from its words: "update" and
    # "progress" are generic, so two unrelated papers shared the key "source-txt" and its numbers
    from recgraph.graph.reading.papers import read_papers

    (tmp_path / "update.txt").write_text("Progress\n\nRecommendations 1 and 2 are complete.\n")
    (tmp_path / "progress.txt").write_text("Progress\n\nRecommendations 1 and 3 remain open.\n")
    outcome = read_papers([tmp_path], workers=1)
    keys = {Path(r.paper.file).name: {m.source_report for m in r.mentions} for r in outcome.results}
    assert keys == {"update.txt": {"unidentified-update"}, "progress.txt": {"unidentified-progress"}}


def test_a_name_ends_at_a_word_of_time_and_a_post_names_no_report():
    lines = ["Summary", "", "This paper updates members on the 12 recommendations of the Joint Review of",
             "Street Lighting since the last report in May.", "",
             "A progress report from the Director of Internal Audit is attached."]
    printed = [c.name.printed for c in find_candidates([" ".join(lines[2:4]), "", lines[5]])]
    assert "Joint Review of Street Lighting" in printed
    assert not any("since" in p for p in printed)
    assert not any("Director" in p for p in printed)


def test_a_paper_citing_nothing_lists_only_a_report_its_words_say_it_tracks(tmp_path):
    from recgraph.graph.reading.papers import read_papers

    frame = ("{title}\n\nReport: 9\nDate: 5 July 2007\nBy: Commissioner\n\nSummary\n\n{summary}\n\n"
             "A. Recommendation\n\nThat members note the report.\n\nB. Supporting information\n\n"
             "1. The work is described in the appendix, which is not printed here.\n")
    (tmp_path / "own.txt").write_text(frame.format(
        title="Lantern trial final report", summary="This paper gives members the final report of the lantern trial."))
    (tmp_path / "cover.txt").write_text(frame.format(
        title="Lantern progress", summary="This paper updates members on the recommendations of the Street Lantern Review."))
    got = {r.paper.file.rsplit("/", 1)[-1]: [s.title for s in r.paper.source_reports]
           for r in read_papers([tmp_path]).results}
    assert got["own.txt"] == []
    assert got["cover.txt"] == ["Street Lantern Review"]
