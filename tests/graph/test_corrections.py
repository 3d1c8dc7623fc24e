"""Analysts' corrections are kept as overrides and win over extraction on every later read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.errors import CorrectionsError
from recgraph.graph.reading.corrections import load_overrides
from recgraph.graph.reading.corrections_import import import_corrections
from recgraph.graph.reading.papers import read_paper
from recgraph.graph.reading.records import rows_from_results, rows_to_csv, rows_to_xlsx

PAPER = "004_2d7aea74777c19f4.txt"


@pytest.fixture
def data(tmp_path) -> Path:
    (tmp_path / "papers").mkdir()
    shutil.copy(recgraph.data_path() / "papers" / PAPER, tmp_path / "papers" / PAPER)
    shutil.copy(recgraph.data_path() / "catalogue.toml", tmp_path / "catalogue.toml")
    return tmp_path


def rows(data):
    found = rows_from_results([read_paper(data / "papers" / PAPER)])
    return {row.number: row for row in found if row.kind == "recommendation"}


def test_only_changed_cells_are_kept_and_they_win_on_the_next_read(data, tmp_path):
    exported = rows(data)
    exported["2"].owner = "Territorial Policing"
    exported["7"].status_phrase = "Work by DCC2 has commenced."
    exported["9"].refers_to = ["2"]
    corrections = tmp_path / "fixed.csv"
    corrections.write_text(rows_to_csv(list(exported.values())))

    report = import_corrections(corrections, data)

    assert sorted((o.number, o.field) for o in report.corrected) == [("2", "owner"), ("7", "status_phrase"), ("9", "refers_to")]
    assert report.unchanged_rows == 10
    again = rows(data)
    assert again["2"].owner == "Territorial Policing"
    assert again["7"].status_phrase == "Work by DCC2 has commenced."
    assert again["9"].refers_to == ["2"]
    assert again["1"] == exported["1"]


def test_importing_the_unchanged_export_keeps_nothing(data, tmp_path):
    corrections = tmp_path / "same.csv"
    corrections.write_text(rows_to_csv(list(rows(data).values())))
    assert import_corrections(corrections, data).corrected == []
    assert load_overrides(data / "overrides.csv") == []


def test_a_later_correction_replaces_an_earlier_one_of_the_same_field(data, tmp_path):
    for owner in ("First guess", "Second thought"):
        exported = rows(data)
        exported["2"].owner = owner
        path = tmp_path / "fix.csv"
        path.write_text(rows_to_csv([exported["2"]]))
        import_corrections(path, data)
    assert [(o.number, o.value) for o in load_overrides(data / "overrides.csv")] == [("2", "Second thought")]


def test_a_recommendation_the_readers_missed_is_added_from_the_corrections(data, tmp_path):
    missed = rows(data)["13"]
    missed.number, missed.text, missed.progress = "14", "To review the review.", "Not started."
    path = tmp_path / "add.csv"
    path.write_text(rows_to_csv([missed]))
    import_corrections(path, data)
    added = rows(data)["14"]
    assert (added.text, added.progress) == ("To review the review.", "Not started.")
    result = read_paper(data / "papers" / PAPER)
    rec = next(r for r in result.recommendations if r.number == "14")
    assert rec.provenance.file == str(data / "overrides.csv")


def test_xlsx_corrections_import_too(data, tmp_path):
    exported = rows(data)
    exported["4"].timescale = "before the next report to PPRC"
    path = tmp_path / "fixed.xlsx"
    rows_to_xlsx(list(exported.values()), path)
    import_corrections(path, data)
    assert rows(data)["4"].timescale == "before the next report to PPRC"


def test_a_correction_naming_an_unknown_paper_is_refused(data, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("paper,number,owner\nnot-there.txt,1,x\n")
    with pytest.raises(CorrectionsError, match="not-there.txt"):
        import_corrections(path, data)


def test_the_cli_imports_and_lists_corrections(data, tmp_path):
    exported = rows(data)
    exported["2"].owner = "Territorial Policing"
    path = tmp_path / "fixed.csv"
    path.write_text(rows_to_csv(list(exported.values())))
    runner = CliRunner()
    result = runner.invoke(cli, ["corrections", "import", str(path), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "1 corrected field(s) kept" in result.stdout
    listing = runner.invoke(cli, ["corrections", "list", "--data", str(data)])
    assert "operational-support-review/2 owner = 'Territorial Policing'" in listing.stdout


def test_a_malformed_corrections_file_is_one_error_line(data, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("paper,numbr\nx,1\n")
    result = CliRunner().invoke(cli, ["corrections", "import", str(path), "--data", str(data)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}:1: unknown column")
