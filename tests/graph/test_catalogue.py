"""The catalogue adds what a paper's text does not say, and its absence loses nothing."""

from __future__ import annotations

import pytest

from recgraph.errors import CatalogueError
from recgraph.graph.reading.catalogue import PaperEntry, ReportEntry, apply_catalogue, guess_year, load_catalogue
from recgraph.graph.model import Paper, ProgressUpdate, Provenance, ReadResult, Recommendation, SourceReport

SPAN = Provenance("p.txt", 1, 2, "x\ny")


def derived() -> ReadResult:
    report = SourceReport("hmic-inspection-open-all-hours-2001", "HMIC Inspection - Open all Hours 2001")
    return ReadResult(
        Paper("p.txt", "table", title="Summary", source_reports=(report,)),
        [Recommendation(report.key, "6", "ACPO should ...", SPAN)],
        [ProgressUpdate(report.key, "6", "p.txt", SPAN, progress="awaits")],
    )


def test_an_entry_rekeys_the_report_and_its_records_and_adds_issuer_year_and_date():
    entry = PaperEntry("p.txt", body="MPA", date="2002-09",
                       source_reports=(ReportEntry("open all hours", key="open-all-hours", issuer="HMIC", year="2001"),))
    result = apply_catalogue(derived(), entry)
    [report] = result.paper.source_reports
    assert (report.key, report.issuer, report.year, report.title) == ("open-all-hours", "HMIC", "2001", "HMIC Inspection - Open all Hours 2001")
    assert result.recommendations[0].source_report == "open-all-hours"
    assert result.updates[0].source_report == "open-all-hours"
    assert result.updates[0].paper_date == "2002-09"
    assert (result.paper.body, result.paper.date) == ("MPA", "2002-09")


def test_a_date_printed_in_the_paper_wins_over_the_catalogue():
    result = derived()
    result.paper = Paper("p.txt", "table", date="2011-05-26", source_reports=result.paper.source_reports)
    assert apply_catalogue(result, PaperEntry("p.txt", date="2011")).paper.date == "2011-05-26"


def test_without_an_entry_year_kind_and_issuer_come_from_the_title():
    [report] = apply_catalogue(derived(), None).paper.source_reports
    assert (report.key, report.year, report.kind, report.issuer) == ("hmic-inspection-open-all-hours-2001", "2001", "inspection", "HMIC")


def test_years_are_kept_as_written():
    assert guess_year("District Audit report on the Policing Plan 2001/2") == "2001/2"


def test_a_malformed_catalogue_names_its_file_and_line(tmp_path):
    path = tmp_path / "catalogue.toml"
    path.write_text('[[paper]]\nfile = "a.txt"\nbody = \n')
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.file == str(path) and caught.value.line == 3


def test_unknown_keys_are_refused_with_the_allowed_ones(tmp_path):
    path = tmp_path / "catalogue.toml"
    path.write_text('[[paper]]\nfile = "a.txt"\ntitel = "x"\n')
    with pytest.raises(CatalogueError, match="unknown keys.*titel"):
        load_catalogue(path)


def test_the_shipped_catalogue_loads():
    import recgraph

    catalogue = load_catalogue(recgraph.data_path() / "catalogue.toml")
    assert len(catalogue.entries) == 5
