"""The analysis commands: formats, files, the endpoint option and bad input, through CliRunner."""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_trace_prints_progress_and_related(tiny_folder):
    result = run("trace", "rep-a/1", "--store", tiny_folder)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "rep-a/1" in out and "Clear the appraisal backlog <script>alert(1)</script> now." in out
    assert "2002-09  not started" in out and "read from p2.txt:10-12" in out
    assert "rep-b/R6  (reiterated by; score 0.400; substantially complete)" in out
    assert "evidence: rep-b/R6 – rep-c/6(b) (0.300): shared terms: PDR, performance" in out
    assert "MetHR (system, depends on)" in out


@pytest.mark.parametrize("name, check", [
    ("trace.md", lambda text: text.startswith("# Trace of recommendation rep-a/1")),
    ("trace.html", lambda text: text.startswith("<!DOCTYPE html>") and "<script>" not in text),
    ("trace.json", lambda text: json.loads(text)["related"][0]["label"] == "rep-a/3"),
])
def test_trace_writes_a_report_by_extension(tiny_folder, tmp_path, name, check):
    out = tmp_path / name
    result = run("trace", "rep-a/1", "--store", tiny_folder, "--out", out)
    assert result.exit_code == 0, result.output
    assert check(out.read_text(encoding="utf-8"))


def test_trace_xlsx_has_updates_and_related_sheets(tiny_folder, tmp_path):
    out = tmp_path / "trace.xlsx"
    assert run("trace", "rep-a/1", "--store", tiny_folder, "--out", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["updates", "related"] and book["related"].max_row == 5


def test_unknown_and_ambiguous_recommendations_exit_2_with_close_matches(tiny_folder):
    result = run("trace", "rep-a/9", "--store", tiny_folder)
    assert result.exit_code == 2
    assert result.output.startswith("Error: no recommendation 'rep-a/9' in the graph; close matches: ")
    assert "rep-a/1" in result.output.splitlines()[0]


def test_repeats_as_csv_and_summary_as_json(tiny_folder):
    result = run("repeats", "--store", tiny_folder, "--format", "csv")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("chain,position,iri,label,report,year,date,status,closed,text,score")
    assert [line.split(",")[3] for line in lines[1:]] == ["rep-a/1", "rep-b/R6", "rep-c/6(b)", "rep-a/2", "rep-c/7"]
    summary = json.loads(run("repeats", "--store", tiny_folder, "--summary", "--format", "json").output)
    assert [(c["chain"], c["length"], c["span_years"], c["closed_before_repeat"]) for c in summary] == [(1, 3, 10, 0), (2, 2, 10, 1)]


def test_themes_table_and_communities_markdown(tiny_folder):
    result = run("themes", "--store", tiny_folder)
    assert result.exit_code == 0 and "appraisal" in result.output and "5 row(s)" in result.output
    markdown = run("themes", "--store", tiny_folder, "--communities", "--format", "markdown").output
    assert markdown.splitlines()[0] == "| iri | label | report | community | themes |"
    assert "| rep-a/1 | rep-a | 1 | HR systems, appraisal |" in markdown


def test_owners_and_systems(tiny_folder):
    owners = json.loads(run("owners", "--store", tiny_folder, "--format", "json").output)
    assert [(o["owner"], o["open"], o["stale"]) for o in owners][:2] == [("HR Directorate", 1, 1), ("AC HR", 1, 0)]
    systems = run("systems", "--store", tiny_folder, "--format", "csv").output.splitlines()
    assert [line.split(",")[0] for line in systems[1:]] == ["MetHR", "PRISM"]


def test_dependencies_and_stats(tiny_folder, tmp_path):
    chains = run("dependencies", "--store", tiny_folder, "--format", "csv").output.splitlines()
    assert chains[1].startswith("1,3,0,") and ",rep-a/3," in chains[1]
    assert run("dependencies", "--store", tiny_folder, "--show", "cycles").exit_code == 0
    out = tmp_path / "stats.xlsx"
    assert run("stats", "--store", tiny_folder, "--out", out).exit_code == 0
    rows = {row[0]: row[1] for row in openpyxl.load_workbook(out)["stats"].iter_rows(min_row=2, values_only=True)}
    assert (rows["recommendations"], rows["repeat chains"], rows["stale"], rows["longest dependency chain"]) == (7, 2, 1, 3)


def test_every_command_reads_from_an_endpoint(endpoint):
    for command in (["trace", "rep-a/1"], ["repeats"], ["themes"], ["owners"], ["systems"], ["dependencies"], ["stats"]):
        result = run(*command, "--endpoint", endpoint, "--format", "json")
        assert result.exit_code == 0, (command, result.output)
    assert json.loads(run("systems", "--endpoint", endpoint, "--format", "json").output)[0]["system"] == "MetHR"


@pytest.mark.parametrize("args, message", [
    (["owners", "--store", "STORE", "--endpoint", "http://localhost:1/sparql"], "give --store or --endpoint, not both"),
    (["owners", "--endpoint", "localhost:1"], "'localhost:1' is not an http(s) URL"),
    (["owners", "--store", "STORE", "--format", "xlsx"], "--format xlsx writes a file: give --out FILE.xlsx"),
    (["owners", "--store", "STORE", "--out", "owners.txt"], "cannot tell the format from 'owners.txt'"),
])
def test_usage_errors_exit_2(tiny_folder, args, message):
    result = run(*[str(tiny_folder) if a == "STORE" else a for a in args])
    assert result.exit_code == 2 and message in result.output


def test_no_store_is_one_error_line(tmp_path):
    result = run("stats", "--store", tmp_path / "none")
    assert result.exit_code == 2
    assert result.output.startswith("Error: no recgraph store at ")


def test_unreachable_endpoint_is_one_error_line():
    result = run("stats", "--endpoint", "http://127.0.0.1:9/sparql")
    assert result.exit_code == 2
    assert result.output.startswith("Error: cannot reach the SPARQL endpoint http://127.0.0.1:9/sparql")
