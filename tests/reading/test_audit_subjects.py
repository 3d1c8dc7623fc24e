"""Audits named by their subject in an auditor's follow-up (issue 13 item 4; survey part B 1.5)."""

from __future__ import annotations

from recgraph.graph.model import SourceReport
from recgraph.graph.reading.audit_subjects import auditor_of, subject_key, subject_report
from recgraph.graph.reading.papers import ReadOptions, read_papers
from recgraph.graph.reading.report_names import find_candidates

# Our own words, laid out as the family's follow-ups are: the auditor named in the opening, each
# audit a group bullet (subject and year) over its recommendations.
FOLLOW_UP = """Open audit recommendations – follow-up

Report: 7
Date: 3 March 2011
By: Director of Resources

Summary

This report updates Members on the open recommendations made by the Directorate of Audit, Risk and Assurance.

B. Supporting information

1. The following audits hold the oldest open recommendations:

  • Vehicle pool bookings (review of 2008)
    • recommendation 2, on checking mileage returns, is now implemented.
    • recommendation 3, on fuel card limits, remains outstanding.
  • Vehicle pool bookings (review of 2010)
    • recommendation 1, on booking rules, is now implemented.
"""
TABLE = """Audit recommendations outstanding

Report: 9
Date: 1 June 2009
By: Director of Resources

This report sets out the high-risk recommendations made by MPA Internal Audit that remain open.

B. Supporting information

1. Table 1 gives the position of each open recommendation.

Table 1: Outstanding high-risk recommendations as at 31 May 2009

No. Audit title Ref Recommendation Status
1 Vehicle pool bookings (2008) R2 Check every mileage return against the fuel record Partially implemented
2 Vehicle pool bookings (2008) R3 Set a monthly limit on every fuel card Not yet started
"""
INSPECTION = FOLLOW_UP.replace("the Directorate of Audit, Risk and Assurance", "HMIC's inspection of vehicle fleets")


def read(tmp_path, **papers):
    for name, text in papers.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    results = read_papers(sorted(tmp_path.glob("*.txt")), ReadOptions(use_overrides=False), workers=1).results
    return {r.paper.file.rsplit("/", 1)[-1]: r for r in results}


def test_group_headings_of_an_auditors_follow_up_are_its_audits_keyed_by_subject_and_year(tmp_path):
    [result] = read(tmp_path, follow=FOLLOW_UP).values()
    assert [(r.source_report, r.number) for r in result.recommendations] == [
        ("vehicle-pool-bookings-2008", "2"), ("vehicle-pool-bookings-2008", "3"), ("vehicle-pool-bookings-2010", "1")]
    assert {(r.key, r.issuer, r.year, r.kind) for r in result.paper.source_reports} == {
        ("vehicle-pool-bookings-2008", "MPA Internal Audit", "2008", "audit"),
        ("vehicle-pool-bookings-2010", "MPA Internal Audit", "2010", "audit")}
    assert {u.source_report for u in result.updates} <= {"vehicle-pool-bookings-2008", "vehicle-pool-bookings-2010"}


def test_a_table_rows_audit_title_and_a_later_group_heading_share_one_key(tmp_path):
    results = read(tmp_path, follow=FOLLOW_UP, table=TABLE)
    table = {(r.source_report, r.number) for r in results["table.txt"].recommendations}
    assert table == {("vehicle-pool-bookings-2008", "R2"), ("vehicle-pool-bookings-2008", "R3")}
    assert "vehicle-pool-bookings-2008" in {r.key for r in results["follow.txt"].paper.source_reports}


def test_without_an_auditor_named_the_headings_are_left_to_the_reader(tmp_path):
    [result] = read(tmp_path, inspection=INSPECTION).values()
    assert not any(r.source_report.startswith("vehicle-pool-bookings-") for r in result.recommendations)


def test_an_issuers_name_alone_is_no_reports_name():
    lines = FOLLOW_UP.split("\n")
    assert not any("directorate" in c.name.words for c in find_candidates(lines, 7))
    assert auditor_of(lines, 7) == "MPA Internal Audit"


def test_a_subject_needs_its_year_and_only_an_auditors_audit_keeps_it_in_its_key():
    assert subject_report("Vehicle pool bookings", "District Audit") is None
    assert subject_report("• Vehicle pool bookings (audit of 2007/08):", "District Audit").key == "vehicle-pool-bookings-2007-08"
    audit = SourceReport("x", "Vehicle pool bookings (2008)", issuer="MPA Internal Audit", kind="audit")
    assert subject_key(audit) == "vehicle-pool-bookings-2008"
    assert subject_key(SourceReport("x", "Vehicle pool bookings (2008)", issuer="HMIC", kind="inspection")) is None
