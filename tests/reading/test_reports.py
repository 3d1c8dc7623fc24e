"""Which report a paper tracks, from its words, and one key per report across papers (issue 13,
items 4 and 5). Name variants are the survey's (docs/survey part A "Report-name variants", part B
section 3); the fixture papers' "tracks" entries share a "group" id when they track one report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from recgraph.errors import CatalogueError
from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation, SourceReport
from recgraph.graph.reading.numbers import canonical_number
from recgraph.graph.reading.register import Register, RegisteredReport, load_register, packaged_register
from recgraph.graph.reading.reports import ReportName, derived_key, normal_year
from recgraph.graph.reading.tracked import identify_reports, key_of_names, unify_reports

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
FIXTURES = sorted(FORMATS.glob("*/*.expected.json"))
#: Groups whose papers name each audit only by its subject in a table row or a group heading over
#: its recommendations ("Firearms licensing (2005)") and the auditor in prose: identified from the
#: records the readers place under them (audit_subjects), so only through the whole pipeline.
NEED_RECORDS = {"b-ia-firearms", "b-ia-property"}


@pytest.mark.parametrize("names", [
    ["HMIC Winning Consent", "Winning Consent: a review of ...", "Policing London - Winning Consent", 'HMIC report "Winning Consent"'],
    ["MPA Detention Scrutiny (2005)", "Scrutiny of Detention Conditions in MPS Custody Suites (MPA, 2005)"],
    ["Service Improvement Review of Custody Capacity (SIRCC)", "Custody capacity service improvement review",
     "Service Improvement Review into Custody Capacity"],
    ["Crime Management Best Value Review (CMBVR)", "Best Value Crime Management Review", "crime management best value review"],
    ["HMIC report - MPS inspection 2000/01", "the HMIC report on the MPS Inspection 2000/2001"],
    ["District Audit report on the 2003/04 policing plan", "Audit of the policing and performance plan 2003/4"],
])
def test_variants_of_one_reports_name_match_and_share_a_key(names):
    parsed = [ReportName.of(name) for name in names]
    assert all(a.matches(b) for a in parsed for b in parsed)
    assert len({key_of_names(parsed)}) == 1


@pytest.mark.parametrize(("left", "right"), [
    ("MPA Stockwell Scrutiny", "IPCC Stockwell 1 report"),                       # issuers differ
    ("HMIC report - MPS inspection 2000/01", "HMIC report - MPS inspection 2002/03"),  # years differ
    ("Winning the Race: Policing Plural Communities", "Winning the Race: Revisited"),
    ("report on the search of premises", "IPCC report on the Kestrel Road search"),   # one common word
])
def test_different_reports_do_not_match(left, right):
    assert not ReportName.of(left).matches(ReportName.of(right))


def test_keys_are_derived_from_the_name_itself():
    assert derived_key(ReportName.of("HMIC's Open Doors thematic (2003)")) == "open-doors"
    assert derived_key(ReportName.of("Best Value Review of Fleet Services")) == "fleet"
    assert derived_key(ReportName.of("District Audit report on the 2003/04 policing plan")) == "district-audit-plan-2003-04"
    assert normal_year("2001/2") == normal_year("2001/02") == "2001-02"


def test_the_packaged_register_keeps_the_seed_keys():
    register = load_register(packaged_register())
    assert register.match(ReportName.of("WINNING CONSENT Part I")).key == "winning-consent"
    assert register.match(ReportName.of("HMIC report - MPS inspection 2000/01")).key == "hmic-mps-2000-01"
    assert register.match(ReportName.of("DISTRICT AUDIT REPORT ON POLICING AND PERFORMANCE PLAN 2001/2")).key == "district-audit-ppp-2001-02"
    assert register.match(ReportName.of("HMIC report - MPS inspection 2002/03")) is None


def test_a_bad_register_is_one_error_naming_the_file(tmp_path):
    path = tmp_path / "reports.toml"
    path.write_text('[[report]]\nkey = "x"\nalias = "typo"\n')
    with pytest.raises(CatalogueError, match="reports.toml"):
        load_register(path)


PAPER = """Report 3 of the 1 May 2005 meeting of a committee and is about something else entirely.

Lanterns review – progress report

Report: 3
Date: 1 May 2005
By: Commissioner

Summary

This report updates members on the recommendations of the MPA Lantern Scrutiny (2004).

B. Supporting information

1. Recommendations 2 and 3 are now complete.
"""


def _read(text: str, register: Register = Register(), name: str = "p.txt", reports=()) -> ReadResult:
    result = ReadResult(Paper(name, "any", title="Lanterns review – progress report", source_reports=tuple(reports)))
    return identify_reports(result, text.split("\n"), register)


def test_the_report_is_named_from_the_papers_words_not_its_title_nor_the_index_line():
    result = _read(PAPER)
    [report] = result.paper.source_reports
    assert (report.key, report.issuer, report.year, report.key_basis) == ("lantern", "MPA", "2004", "text")
    assert any("in no register entry; keyed 'lantern' from the words lantern" in w for w in result.warnings)
    assert [(m.source_report, m.number, m.status_phrase) for m in result.mentions] == [
        ("lantern", "2", "are now complete"), ("lantern", "3", "are now complete")]


def test_the_register_wins_where_it_speaks():
    register = Register((RegisteredReport("mpa-lanterns-2004", issuer="MPA", year="2004", kind="scrutiny", aliases=("Lantern Scrutiny",)),))
    [report] = _read(PAPER, register).paper.source_reports
    assert (report.key, report.kind, report.key_basis) == ("mpa-lanterns-2004", "scrutiny", "register")


def test_a_report_the_reader_took_from_the_papers_title_is_replaced():
    span = Provenance("p.txt", 15, 15, "x")
    title = SourceReport("lanterns-review-progress-report", "Lanterns review – progress report")
    result = ReadResult(Paper("p.txt", "any", title=title.title, source_reports=(title,)),
                        [Recommendation(title.key, "1", "Light the lanterns.", span)])
    result = identify_reports(result, PAPER.split("\n"), Register())
    assert [r.key for r in result.paper.source_reports] == ["lantern"]
    assert result.recommendations[0].source_report == "lantern"


def _fixtures() -> list[tuple[ReadResult, dict]]:
    out = []
    for path in FIXTURES:
        text = path.with_name(path.name.replace(".expected.json", ".txt"))
        result = ReadResult(Paper(str(text), "any"))
        out.append((identify_reports(result, text.read_text(encoding="utf-8").split("\n"), Register()),
                    json.loads(path.read_text(encoding="utf-8"))))
    return out


def _groups(pairs) -> dict[str, list[set[str]]]:
    groups = defaultdict(list)
    for result, expected in pairs:
        keys = {report.key for report in result.paper.source_reports}
        for track in expected["tracks"]:
            if track["group"] is not None:  # null: a report no other fixture tracks (the trial's fixtures)
                groups[track["group"]].append(keys)
    return {group: keys for group, keys in groups.items() if len(keys) > 1}


def test_papers_of_one_group_resolve_to_one_report_key():
    pairs = _fixtures()
    unify_reports([result for result, _ in pairs])
    groups = _groups(pairs)
    assert len(groups) >= 9
    for group, keys in groups.items():
        if group not in NEED_RECORDS:
            assert set.intersection(*keys), (group, keys)


def test_recommendations_tracked_by_two_papers_are_one_node():
    # The node's IRI depends on the report key and the canonical number only: the numbers each
    # paper of a group prints or cites resolve to the same (key, number) pairs.
    pairs = _fixtures()
    unify_reports([result for result, _ in pairs])
    numbers = defaultdict(list)
    for result, expected in pairs:
        for index, track in enumerate(expected["tracks"]):
            if track["group"] is None:
                continue
            printed = {canonical_number(r["number"]) for r in expected["records"] if r.get("tracks", 0) == index and r["number"]}
            found = {canonical_number(m.number) for m in result.mentions if m.number is not None}
            keys = {report.key for report in result.paper.source_reports}
            numbers[track["group"]].append((keys, printed, found))
    shared = resolved = 0
    for group, papers in numbers.items():
        for a in range(len(papers)):
            for b in range(a):
                common = papers[a][1] & papers[b][1]
                shared += len(common)
                resolved += len(common) if papers[a][0] & papers[b][0] else 0
    assert shared > 10 and resolved / shared >= 0.9, (resolved, shared)


def test_keys_do_not_depend_on_the_order_papers_are_read_in():
    first = _fixtures()
    unify_reports([result for result, _ in first])
    second = _fixtures()[::-1]
    unify_reports([result for result, _ in second])
    keys = lambda pairs: {r.paper.file: sorted(x.key for x in r.paper.source_reports) for r, _ in pairs}  # noqa: E731
    assert keys(first) == keys(second)


def test_through_the_whole_reading_pipeline_groups_share_keys_and_mentions_are_found():
    # read_paper (segmenter, report identification, mentions) and read_papers (keys matched across
    # papers) over every fixture paper: the figures of docs/extraction.md's mention section.
    from recgraph.graph.reading.papers import read_papers

    files = [path.with_name(path.name.replace(".expected.json", ".txt")) for path in FIXTURES]
    outcome = read_papers(files, workers=1)
    assert not outcome.errors
    pairs = [(result, json.loads(Path(result.paper.file).with_suffix(".expected.json").read_text(encoding="utf-8")))
             for result in outcome.results]
    groups = _groups(pairs)
    assert NEED_RECORDS <= set(groups)
    for group, keys in groups.items():
        assert set.intersection(*keys), (group, keys)
    cited = {(Path(r.paper.file).name, canonical_number(m.number), m.provenance.first_line)
             for r, _ in pairs for m in r.mentions if m.number is not None}
    expected = [(Path(r.paper.file).name, canonical_number(item["number"]), item["line"])
                for r, e in pairs for item in e["records"]
                if item["kind"] == "mention" and item["number"] is not None and canonical_number(item["number"]).isdigit()]
    assert sum(key in cited for key in expected) >= 0.9 * len(expected)
