"""Report keys of select committee pages, Government responses and later reports named after
earlier ones (committee_reports; reports.LATER). The pages of tests/fixtures/report-keys are written
in our own words after the real pages (README there); the papers below are made up for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recgraph.graph.model import Provenance, Recommendation
from recgraph.graph.reading.committee_reports import committee_page, ordinal_number
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.reading.register import Register, RegisteredReport
from recgraph.graph.reading.report_names import find_candidates
from recgraph.graph.reading.reports import ReportName, normal_year

FIXTURES = Path(__file__).parent.parent / "fixtures" / "report-keys"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def read_together():
    return read_papers(sorted(FIXTURES.glob("k*.txt")), workers=1).results


def _reports(results) -> dict[str, list[str]]:
    return {Path(r.paper.file).name: [s.key for s in r.paper.source_reports] for r in results}


def test_the_fixture_pages_read_together_get_the_expected_keys_and_years(read_together):
    assert _reports(read_together) == EXPECTED["read_together"]
    years = {s.key: s.year for r in read_together for s in r.paper.source_reports if s.key in EXPECTED["years"]}
    assert years == EXPECTED["years"]


def test_a_report_and_the_response_answering_it_share_their_numbered_recommendations(read_together):
    recs = {(Path(r.paper.file).name, rec.source_report, rec.number) for r in read_together for rec in r.recommendations}
    key = "knife-crime-housing-estates-2010-12"
    assert {(n, k) for p, k, n in recs if p.startswith("k1")} == {("1", key), ("2", key), ("3", key)}
    assert {(n, k) for p, k, n in recs if p.startswith("k2")} == {("1", key), ("2", key)}


def test_each_page_read_alone_gets_the_same_key(read_together):
    # a key must not depend on which other papers are read: each page alone keys its report the same
    for path in sorted(FIXTURES.glob("k*.txt")):
        alone = read_papers([path], workers=1).results[0]
        together = next(r for r in read_together if Path(r.paper.file).name == path.name)
        assert [s.key for s in alone.paper.source_reports] == [s.key for s in together.paper.source_reports], path.name


def test_the_earlier_report_cited_by_a_later_one_keeps_its_own_key(read_together):
    later = next(r for r in read_together if r.paper.file.endswith("k5-later-report-contents.txt"))
    assert {m.source_report for m in later.mentions} == {"kestrel"}  # "the Kestrel Inquiry recommendations on ..."
    assert {rec.source_report for rec in later.recommendations} == {"kestrel-fifteen-years"}


@pytest.mark.parametrize(("word", "number"), [
    ("First", 1), ("seventh", 7), ("Twenty-first", 21), ("twentieth", 20), ("31st", 31), ("Thirty-second", 32), ("report", None),
])
def test_a_reports_number_is_read_from_its_ordinal(word, number):
    assert ordinal_number(word) == number


def test_a_session_printed_with_an_en_dash_is_a_span_of_years():
    assert normal_year("Session 2007–08") == "2007-08"
    assert normal_year("Session 2019–21") == "2019-21"


def _page(text: str, closed: int = 2):
    lines = text.split("\n")
    recs = [Recommendation("r", str(n), f"Forces should do thing {n}. (Paragraph {n * 10})" if n <= closed else f"Text {n}.",
                           Provenance("p.txt", 1, 1, "x")) for n in range(1, 3)]
    return committee_page(lines, recs, "p.txt")


def test_the_contents_header_names_the_report_and_its_committee_when_a_dash_parts_them():
    page = _page("Police cells - Home Affairs Contents\n\nConclusions and recommendations\n")
    assert (page.report.title, page.report.issuer, page.report.key) == ("Police cells", "Home Affairs Committee", "cells")
    # a dash inside a title in lower case is the title's own, not a committee's name
    page = _page("Stop and search - the next steps Contents\n\nConclusions and recommendations\n")
    assert page.report.title == "Stop and search - the next steps" and page.report.issuer == "Select committee"


def test_a_contents_line_names_a_committee_report_only_on_a_page_of_conclusions():
    # an annual report's "Contents" line over numbered paragraphs citing nothing is no committee's page
    assert _page("Annual report 2009 Contents\n\n1. Introduction\n", closed=0) is None
    assert _page("Annual report 2009 Contents\n\nConclusions and recommendations\n", closed=0).report.title == "Annual report 2009"


def test_a_page_of_referenced_conclusions_without_a_head_is_a_committees_own_list_naming_no_report():
    page = _page("Recruitment\n\n1. Forces should do thing 1. (Paragraph 10)\n")
    assert page.report is None and page.own
    assert _page("Recruitment\n", closed=0) is None  # conclusions closed by no reference: any paper's list


def test_a_government_response_is_keyed_by_the_report_it_answers():
    page = _page("The Government Reply to the Third Report from the Home Affairs Committee Session 1998–99\n\n"
                 "1. Forces should do thing 1. (Paragraph 10)\n")
    assert (page.report.key, page.report.year, page.report.issuer) == ("home-affairs-3rd-report-1998-99", "1998-99",
                                                                       "Home Affairs Committee")
    page = _page("Cells: Government Response to the Committee's Second Report of Session 2012–13\n")
    assert (page.report.key, page.report.year) == ("cells-2012-13", "2012-13")


@pytest.mark.parametrize(("later", "earlier"), [
    ("The Kestrel Inquiry: Fifteen years on", "the Kestrel Inquiry"),
    ("The Kestrel Report - Ten Years On", "Kestrel report"),
    ("Kestrel Inquiry: 20 years after", "Kestrel Inquiry (1999)"),
    ("Winning the Race: Revisited", "Winning the Race"),
    ("Progress since the Kestrel Inquiry", "Kestrel Inquiry"),
])
def test_a_later_report_named_after_an_earlier_one_is_never_the_earlier_one(later, earlier):
    assert ReportName.of(later).later and not ReportName.of(earlier).later
    assert not ReportName.of(later).matches(ReportName.of(earlier))
    assert ReportName.of(later).matches(ReportName.of(later.upper()))  # printed twice, one report
    register = Register((RegisteredReport("registered", aliases=(earlier,)),))
    assert register.match(ReportName.of(earlier)) is not None and register.match(ReportName.of(later)) is None


def test_a_name_runs_on_across_a_later_reports_title_but_not_across_words_of_time_in_prose():
    printed = [c.name.printed for c in find_candidates(["The Kestrel Report: Fifteen Years On inquiry"])]
    assert printed == ["Kestrel Report: Fifteen Years On"]
    # running text, no colon or dash: "fifteen years on" says when, and the name is the inquiry's
    prose = find_candidates(["We do not repeat the work of the Kestrel Inquiry fifteen years on, but"])
    assert [(c.name.printed, c.name.later) for c in prose] == [("Kestrel Inquiry", False)]
    assert not ReportName.of("the lessons learnt in the years after the Kestrel Inquiry").later


def test_a_review_of_an_earlier_reports_recommendations_tracks_that_report(tmp_path):
    # near miss: "Review of the X Inquiry Recommendations" lists X's recommendations; it is not a later report
    (tmp_path / "review.txt").write_text(
        "Review of the Kestrel Inquiry Recommendations – Appendix\n\n"
        "| No. | Recommendation | Evidence seen | Our observations |\n|---|---|---|---|\n"
        "| 4 | That attacks be recorded whether or not they are crimes. | A policy exists. | Implemented. |\n"
        "| 7 | That victims be told of progress each month. | No record kept. | Not implemented. |\n")
    result = read_papers([tmp_path], workers=1).results[0]
    assert [s.key for s in result.paper.source_reports] == ["kestrel"]


def test_a_paper_naming_the_report_above_referenced_conclusions_keeps_that_name(tmp_path):
    # near miss of the committee's own list: an MPS response quoting the conclusions it answers, each
    # with its "(Paragraph N)", names their report in its summary, above them
    (tmp_path / "response.txt").write_text(
        "Police cells – MPS response\n\nSummary\n\nThis paper sets out the MPS response to the recommendations of "
        "the Lantern Review of Police Cells (2012).\n\n"
        "1. Detainees should be seen by a nurse within an hour of arrival. (Paragraph 10)\n\n"
        "MPS response: nurses are now on duty in every custody suite.\n\n"
        "2. Cells should be checked for ligature points each day. (Paragraph 14)\n\n"
        "MPS response: daily checks began in May.\n")
    result = read_papers([tmp_path], workers=1).results[0]
    assert [(s.key, s.year) for s in result.paper.source_reports] == [("lantern-cells", "2012")]
    assert {rec.source_report for rec in result.recommendations} == {"lantern-cells"}


def test_a_page_of_a_report_not_naming_its_committee_joins_the_report_its_cover_names(tmp_path):
    # the "<title> Contents" header names no committee ("Select committee"); the cover names the
    # committee and the session: one report, keyed with its session's year
    (tmp_path / "cover.txt").write_text("House of Commons\n\nHome Affairs Committee\n\nLantern patrols\n\n"
                                        "Third Report of Session 2014–15\n\nHC 301\n\nConclusions and recommendations\n\n"
                                        "1.Forces should record every lantern patrol. (Paragraph 12)\n")
    (tmp_path / "page.txt").write_text("Lantern patrols Contents\n\nConclusions and recommendations\n\n"
                                       "2.The Home Office should publish the patrol figures each year. (Paragraph 15)\n")
    alone = read_papers([tmp_path / "page.txt"], workers=1).results[0]
    assert [(s.key, s.issuer) for s in alone.paper.source_reports] == [("lantern-patrols", "Select committee")]
    together = read_papers([tmp_path], workers=1).results
    assert {(s.key, s.year, s.issuer) for r in together for s in r.paper.source_reports} == {
        ("lantern-patrols-2014-15", "2014-15", "Home Affairs Committee")}
