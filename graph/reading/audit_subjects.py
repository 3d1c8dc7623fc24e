"""Audits named by their subject: the reports an audit follow-up groups its recommendations under.

An internal-audit follow-up tracks the recommendations of many audits at once and names the auditor
once, in its prose ("high-risk recommendations made by MPA Internal Audit", "the Directorate of
Audit, Risk and Assurance (DARA)"); each audit it names only by its subject, where it lists
recommendations at all: a table column headed "Audit title" ("1 Security clearance – vetting and
passes Action now complete"), a list of audit areas. Survey part B section 1.5 (seven follow-ups,
2005-2011): the auditor named in the opening of all seven; recommendations listed by audit title in
one, audit areas listed in another, counts "by year recs made" in three (the others keep the detail in
exempt appendices); the auditor renamed over the years ("Renaming of the issuer"). So the subject and
the year of the audit, not the auditor's name, tell one audit from another.

:func:`name_audit_subjects` runs on one paper after its reports are identified. In a paper whose
opening says an auditor made the recommendations it tracks, a report the reader named "subject
(year)" (a table row's audit title) and a group heading of that form over recommendations (a bullet
"• Firearms licensing (review of 2005)" over its sub-bullets) become the audit "subject (year)" of
that auditor, keyed by the subject's distinctive words and the year: a subject is a common noun
phrase, not a title, and an audit plan returns to a subject, so the year is part of the key, as it
is for the periodic reports of :mod:`recgraph.graph.reading.reports`. An audit title printed
without a year stays as its reader named it, keyed by its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from recgraph.graph.model import ReadResult, SourceReport
from recgraph.graph.reading.readers.text import slugify
from recgraph.graph.reading.report_names import OPENING_LINES
from recgraph.graph.reading.reports import ISSUERS, KEY_WORDS, ReportName, normal_year

#: The issuers that are auditors (the others inspect, review or scrutinise under a report's title).
AUDITORS = ("District Audit", "Audit Commission", "MPA Internal Audit")
_AUDITOR = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ISSUERS if name in AUDITORS]
_MADE = re.compile(r"\brecommendations?\b", re.IGNORECASE)
#: A subject and the year of its audit, as the whole of a name or of a heading line: "Firearms
#: licensing (2005)", "Seized property stores (review of 2004)", "• Payments to informants (audit of
#: 2009)" (a bullet or a number may lead; a colon may end it).
SUBJECT = re.compile(
    r"^\s*(?:[•·▪\-–*]\s*|\d{1,2}[.)]\s+)?(?P<subject>[A-Z][^()\n]{2,80}?)\s*"
    r"\((?:(?:review|audit|report|inspection)\s+(?:of\s+|in\s+)?)?(?P<year>(?:19|20)\d\d(?:\s*/\s*\d{2,4})?)\)\s*:?\s*$"
)


def auditor_of(lines: Sequence[str], start: int) -> str | None:
    """The auditor the paper's opening says made the recommendations it tracks: the first auditor
    named on a line that speaks of recommendations (title, index line, summary, first paragraphs)."""
    for line in lines[: start - 1 + OPENING_LINES]:
        if not _MADE.search(line):
            continue
        for name, pattern in _AUDITOR:
            if pattern.search(line):
                return name
    return None


def subject_report(text: str, auditor: str) -> SourceReport | None:
    """The audit a subject-and-year name or heading names, or None when ``text`` is not one."""
    found = SUBJECT.match(text)
    if not found:
        return None
    subject = found.group("subject").strip(" -–:")
    name = ReportName.of(subject)
    if not name.words:
        return None
    year = normal_year(found.group("year"))
    key = slugify(" ".join([*name.words[:KEY_WORDS], year or ""]))
    return SourceReport(key, f"{subject} ({found.group('year')})", issuer=auditor, year=year, kind="audit", key_basis="text")


def subject_key(report: SourceReport) -> str | None:
    """The key of an auditor's audit named by subject and year (as :func:`subject_report` gives
    it), or None for any other report: matching across papers keeps this key, year and all."""
    if report.kind != "audit" or report.issuer not in AUDITORS:
        return None
    audit = subject_report(report.title, report.issuer)
    return audit.key if audit else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _heading_over(lines: Sequence[str], first: int) -> int | None:
    """The line a record's first line is nested under: the nearest line above it that is indented less."""
    own = _indent(lines[first - 1])
    for number in range(first - 1, 0, -1):
        line = lines[number - 1]
        if line.strip() and _indent(line) < own:
            return number
    return None


def name_audit_subjects(result: ReadResult, lines: Sequence[str], start: int) -> ReadResult:
    """Key the audits an auditor's follow-up names by subject (see the module's description)."""
    auditor = auditor_of(lines, start)
    if auditor is None:
        return result
    renamed: dict[str, SourceReport] = {}
    for report in result.paper.source_reports:
        if report.key_basis == "text" and (audit := subject_report(report.title, auditor)):
            renamed[report.key] = audit
    moved: dict[tuple[str, str], SourceReport] = {}
    for rec in result.recommendations:
        heading = _heading_over(lines, rec.provenance.first_line) if rec.provenance.first_line <= len(lines) else None
        audit = subject_report(lines[heading - 1], auditor) if heading else None
        if audit is not None and rec.source_report not in renamed:
            moved[(rec.source_report, rec.number)] = audit
    if not renamed and not moved:
        return result

    def key(old: str, number: str | None = None) -> str:
        if number is not None and (old, number) in moved:
            return moved[(old, number)].key
        return renamed[old].key if old in renamed else old

    result.recommendations = [replace(r, source_report=key(r.source_report, r.number)) for r in result.recommendations]
    result.updates = [replace(u, source_report=key(u.source_report, u.recommendation)) for u in result.updates]
    result.cross_references = [replace(x, source_report=key(x.source_report, x.recommendation)) for x in result.cross_references]
    result.mentions = [replace(m, source_report=key(m.source_report)) for m in result.mentions]
    reports = [renamed.get(r.key, r) for r in result.paper.source_reports]
    reports += [audit for audit in moved.values()]
    distinct = {report.key: report for report in reversed(reports)}
    result.paper = replace(result.paper, source_reports=tuple(distinct[k] for k in dict.fromkeys(r.key for r in reports)))
    result.warnings.extend(
        f"{result.paper.file}: audit {report.title!r} of {auditor} is named by its subject; keyed {report.key!r}"
        for report in dict((r.key, r) for r in [*renamed.values(), *moved.values()]).values()
    )
    return result
