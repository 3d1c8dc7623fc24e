"""Reports of Parliament's select committees, named the way Parliament names them.

The House of Commons (and the Lords) identify a committee report by its committee, its number in
the session and the session: "Home Affairs Committee, Seventh Report of Session 2007–08" (with the
paper's number, "HC 364"); it also has a title ("Policing in the 21st Century"). The pages of a
report published on publications.parliament.uk print these in a few fixed places (seen on the House's
pages of 1999-2021 studied for this module: Home Affairs Committee reports, a Special Report printing
the Government's reply, a Lords committee's report page):

- the running head of the pages of about 1997-2006: "Select Committee on Home Affairs Seventh Report",
  "... First Special Report" (committee and number, no session, no title);
- the page header of later pages: "<title> - <committee> Contents" (about 2007-2015) or "<title>
  Contents" (2016 on), the title followed by the link to the report's contents;
- the cover and title page: "House of Commons" / "<committee> Committee" / "<title>" / "<Nth> Report of
  Session YYYY–YY" / "HC NNN";
- a Government response names the report it answers in its title: "<title>: Government Response to the
  Committee's <Nth> Report of Session YYYY–YY", "The Government Reply to the <Nth> Report from the
  <committee> Committee Session YYYY–YY".

A committee ends its report with "Conclusions and recommendations", every item closed by a reference
to the paragraph it sums up, "(Paragraph 14)"; a Government response reprints them so
(:mod:`recgraph.graph.reading.segment.conclusions`). Those items are the committee's own: a report
they name in their prose ("the 70 recommendations made by the Stephen Lawrence Inquiry") is cited,
never the report they belong to.

:func:`committee_page` reads a paper's page header and records: the committee report its heading
names (keyed by its title words, or its committee and number, and its session's year: the House tells
its reports apart by session, and a committee returns to a subject in a later session), and whether
its records are a committee's own conclusions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from recgraph.graph.model import Provenance, Recommendation, SourceReport
from recgraph.graph.reading.readers.text import slugify
from recgraph.graph.reading.register import Register
from recgraph.graph.reading.report_names import Candidate
from recgraph.graph.reading.reports import KEY_WORDS, ReportName, normal_year
from recgraph.graph.reading.segment.conclusions import BACK_REFERENCE

#: The lines of a page's head where Parliament prints the committee and the report (the cover's
#: five lines, a blank or two between them, and a navigation line such as "Skip to main content").
HEAD_LINES = 15
_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
          "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60}
#: "Seventh", "Twenty-first", "31st": a report's number in its session, as the House prints it.
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty)-)?(?:" + "|".join(_UNITS) + r")|twentieth|thirtieth|fortieth|fiftieth|sixtieth)"
_SESSION = r"Session\s+(?P<session>(?:19|20)\d\d\s*[\u2013\u2014/-]\s*\d{2,4})"
#: A committee's name: capitalised words, "and" or "of" between them ("Home Affairs", "Political and
#: Constitutional Reform", "Science and Technology", "Merits of Statutory Instruments").
_NAME = r"[A-Z][A-Za-z'’]+(?:\s+(?:and\s+|of\s+|the\s+)?[A-Z][A-Za-z'’]+){0,5}"
_RUNNING_HEAD = re.compile(
    rf"^\s*Select Committee on (?P<committee>{_NAME})\s+(?P<ordinal>{ORDINAL})\s+(?P<special>Special\s+)?Report\b", re.IGNORECASE)
_NUMBERED = re.compile(rf"^\s*(?P<ordinal>{ORDINAL})\s+(?P<special>Special\s+)?Report\s+of\s+{_SESSION}\s*$", re.IGNORECASE)
_COMMITTEE_LINE = re.compile(rf"^\s*(?:House of (?:Commons|Lords)\s+)?(?P<committee>{_NAME})\s+Committee\s*$")
_CONTENTS = re.compile(rf"^\s*(?P<title>\S.*?)(?:\s+-\s+(?P<committee>{_NAME})(?:\s+Committee)?)?\s+Contents\s*$")
_RESPONSE = re.compile(
    r"^\s*(?:(?P<title>[A-Z0-9‘'\"“][^|]{2,150}?)\s*:\s*)?(?:The\s+)?Government(?:'s|’s)?\s+(?:Response|Reply)\s+to\s+the\s+"
    rf"(?:(?P<committee>{_NAME})\s+Committee(?:'s|’s)\s+|Committee(?:'s|’s)\s+)?"
    rf"(?P<ordinal>{ORDINAL})\s+(?P<special>Special\s+)?Report"
    rf"(?:\s+(?:from|of)\s+the\s+(?P<committee2>{_NAME})\s+Committee)?(?:,?\s+(?:of\s+)?{_SESSION})?", re.IGNORECASE)
#: The footer of the House's pages: "© Parliamentary copyright 2008" (the year the page was published).
_COPYRIGHT = re.compile(r"(?:©|\(c\))\s*Parliamentary\s+copyright\s+((?:19|20)\d\d)\b", re.IGNORECASE)
#: The heading of a committee's list ("Conclusions and recommendations"), a page's sign that its
#: header's title is a committee report's (the pages of other bodies print "Contents" lines too).
_CONCLUSIONS = re.compile(r"^\s*(?:\d+\s+)?Conclusions\s+and\s+recommendations\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class CommitteePage:
    """What a page says of the committee report it belongs to.

    ``report`` is the report its heading names (None when the page names none: a page cut from the
    middle of a report); ``own`` says its records are the committee's own conclusions (closed by
    "(Paragraph N)"), so no report their prose names is theirs.
    """

    report: SourceReport | None
    own: bool
    line: int | None = None


def ordinal_number(word: str) -> int | None:
    """A report's number from its ordinal: "Seventh" -> 7, "Twenty-first" -> 21, "31st" -> 31."""
    low = word.lower().strip()
    if found := re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", low):
        return int(found.group(1))
    tens, _, unit = low.rpartition("-")
    base = next((value for stem, value in _TENS.items() if (tens or unit).startswith(stem)), 0)
    if not tens and base:
        return base  # "twentieth"
    return base + _UNITS.index(unit) + 1 if unit in _UNITS else None


def _suffix(number: int) -> str:
    return "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def committee_report(title: str | None, committee: str | None, ordinal: str | None, special: bool,
                     session: str | None, line: int | None = None, file: str | None = None,
                     published: str | None = None) -> SourceReport | None:
    """The report Parliament's words name, keyed by its title's distinctive words (as every report's
    key, :func:`recgraph.graph.reading.reports.derived_key`) and its session's year
    ("diversity-2016-17"); with no title, by its committee, its number and the year
    ("home-affairs-7th-report-2007-08").

    The year is the session's; without one, the year of the page's copyright line (``published``)
    dates the report (its ``year``) and, for a report known only by its number, enters its key and
    its name: every session numbers its reports from the First, so "First Special Report" without a
    year would join two sessions' reports. A title tells its report apart by itself, and keeps the
    copyright year out of its key, where it would part it from the same report printed with its
    session (a session's year and the copyright year of its pages can differ).
    """
    year = normal_year(session)
    name = ReportName.of(title) if title else None
    number = ordinal_number(ordinal) if ordinal else None
    issuer = f"{committee} Committee" if committee else "Select committee"
    cited = None
    if ordinal:
        cited = f"{issuer}, {ordinal.capitalize()} {'Special ' if special else ''}Report"
        cited += f" of Session {session}" if session else f" ({published})" if published else ""
    if name is not None and name.words:
        words = [*name.words[:KEY_WORDS], year or ""]
        printed = title
    elif committee and number is not None:
        words = [*committee.split(), f"{number}{_suffix(number)}", *(["special"] if special else []), "report",
                 year or published or ""]
        printed = cited
    else:
        return None
    provenance = Provenance(file, line, line, printed) if file and line else None
    return SourceReport(slugify(" ".join(words)), printed, issuer=issuer, year=year or published,
                        kind="special report" if special else "committee report", provenance=provenance,
                        aliases=tuple(a for a in (cited,) if a and a != printed), key_basis="text")


def is_committee_report(report: SourceReport) -> bool:
    """Whether a report is a committee report this module named (its key keeps its session's year)."""
    return report.kind in ("committee report", "special report") and report.key_basis == "text"


def _nonblank(lines: Sequence[str]) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(lines[:HEAD_LINES], start=1) if line.strip()]


def _heading(lines: Sequence[str], file: str | None, conclusions: bool, published: str | None) -> tuple[SourceReport, int] | None:
    """The committee report a page's head names (running head, cover, response title, or the
    "Contents" header of a page that lists conclusions), with its line."""
    head = _nonblank(lines)
    for at, (number, line) in enumerate(head):
        if found := _RESPONSE.match(line):
            title = found.group("title")
            session = found.group("session") or _next_session(head[at + 1: at + 3])
            committee = found.group("committee") or found.group("committee2") or _committee_above(head[:at])
            report = committee_report(title, committee, found.group("ordinal"), bool(found.group("special")), session, number, file, published)
            if report:
                return report, number
        if found := _RUNNING_HEAD.match(line):
            session = _next_session(head[at + 1: at + 3])
            report = committee_report(None, found.group("committee"), found.group("ordinal"), bool(found.group("special")),
                                      session, number, file, published)
            if report:
                return report, number
        if found := _NUMBERED.match(line):
            committee = _committee_above(head[:at])
            title_lines = [text for n, text in head[:at] if committee and _after_committee(head[:at], n)]
            title = " ".join(title_lines) or None
            report = committee_report(title, committee, found.group("ordinal"), bool(found.group("special")),
                                      found.group("session"), number, file, published)
            if report and committee:
                return report, number
    if conclusions and head and (found := _CONTENTS.match(head[0][1])):
        committee = found.group("committee")
        report = committee_report(found.group("title"), committee, None, False, None, head[0][0], file, published)
        if report:
            return report, head[0][0]
    return None


def _next_session(head: Sequence[tuple[int, str]]) -> str | None:
    for _, line in head:
        if found := re.search(_SESSION, line, re.IGNORECASE):
            return found.group("session")
    return None


def _committee_above(head: Sequence[tuple[int, str]]) -> str | None:
    for _, line in reversed(head):
        if found := _COMMITTEE_LINE.match(line):
            return found.group("committee")
    return None


def _after_committee(head: Sequence[tuple[int, str]], number: int) -> bool:
    """Whether a head line comes after the committee's line (the cover's title lines)."""
    at = max((n for n, line in head if _COMMITTEE_LINE.match(line)), default=None)
    return at is not None and number > at


def committee_page(lines: Sequence[str], records: Sequence[Recommendation], file: str | None = None) -> CommitteePage | None:
    """What a paper says of the committee report it belongs to, or None for any other paper.

    A page is a committee's when its head names a committee report (see the module), or when most of
    its numbered records close with a reference to a report paragraph ("(Paragraph 14)"): a
    committee's own conclusions, or a response reprinting them.
    """
    closed = sum(1 for rec in records if BACK_REFERENCE.search(rec.text.strip()))
    own = closed > 0 and 2 * closed >= len(records)
    conclusions = own or any(_CONCLUSIONS.match(line) for line in lines[:HEAD_LINES])
    copyright = next((found.group(1) for line in reversed(lines) if (found := _COPYRIGHT.search(line))), None)
    found = _heading(lines, file, conclusions, copyright)
    if found is None:
        return CommitteePage(None, True) if own else None
    report, line = found
    return CommitteePage(report, own, line)


def committee_tracked(page: CommitteePage, register: Register, file: str):
    """The committee report a page's head names, as the report a paper tracks (the group of names,
    the report, its warnings; :func:`recgraph.graph.reading.tracked.identify_reports`): its name a
    candidate the paper says it tracks (the page's own head), its key the register's when an entry
    names it."""
    report = page.report
    names = [ReportName.of(report.title, report.issuer, report.year)]
    registered = register.match(names[0])
    if registered:
        report = replace(report, key=registered.key, issuer=registered.issuer or report.issuer,
                         year=registered.year or report.year, kind=registered.kind or report.kind, key_basis="register")
        return [Candidate(names[0], page.line or 1, 3)], report, []
    warning = (f"{file}:{page.line}: report {report.title!r} is a select committee's report named by the page's "
               f"head; keyed {report.key!r}" + (f" with its year {report.year}" if report.year and report.key.endswith(slugify(report.year)) else
                  f" (no session printed; dated {report.year} by its copyright line)" if report.year else " (no session or year printed)"))
    return [Candidate(names[0], page.line or 1, 3)], report, [warning]
