"""Issue 16, output conventions: one rule for --format/--out, --nl, tables that fit, stdout for data only."""

from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.store.queries import saved_queries

PAPERS = recgraph.data_path() / "papers"


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = tmp_path_factory.mktemp("output") / ".recgraph"
    result = run("build", PAPERS, "--store", location)
    assert result.exit_code == 0, result.output
    return location


# --- read -------------------------------------------------------------------------------------

def test_read_out_csv_writes_csv_by_its_extension(tmp_path):
    out = tmp_path / "recs.csv"
    result = run("read", PAPERS, "--out", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) > 100 and "source_report_key" in rows[0]
    assert result.stdout == ""  # the data went to the file; the note to standard error


def test_read_out_with_an_extension_of_no_format_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "recs.rdf"
    result = run("read", PAPERS, "--out", out)
    assert result.exit_code == 2
    assert "cannot tell the format from 'recs.rdf'" in result.stderr
    assert not out.exists()


def test_format_wins_over_the_extension(tmp_path):
    out = tmp_path / "recs.txt"
    assert run("read", PAPERS, "--format", "json", "--out", out).exit_code == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)


def test_read_nl_gives_one_json_object_per_line_with_lists_as_arrays():
    result = run("read", PAPERS, "--nl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) > 100 and all(isinstance(r["lines"], list) for r in records)
    assert all(isinstance(r["refers_to"], list) for r in records)


def test_nl_with_another_format_is_an_error():
    result = run("read", PAPERS, "--nl", "--format", "csv")
    assert result.exit_code == 2 and "--nl" in result.stderr


def test_read_summary_sends_warnings_to_standard_error():
    result = run("read", PAPERS)
    assert result.exit_code == 0
    assert "Warning:" in result.stderr and "Warning:" not in result.stdout


# --- query and export -------------------------------------------------------------------------

def test_query_out_json_writes_sparql_json(store, tmp_path):
    out = tmp_path / "papers.json"
    result = run("query", "papers", "--store", store, "--out", out)
    assert result.exit_code == 0, result.output
    assert "bindings" in json.loads(out.read_text(encoding="utf-8"))["results"]


def test_a_construct_defaults_to_turtle(store):
    result = run("query", "CONSTRUCT WHERE { ?s a rg:Paper }", "--store", store)
    assert result.exit_code == 0, result.output
    triples = list(ox.parse(result.stdout_bytes, ox.RdfFormat.TURTLE))
    assert len(triples) == 5


def test_a_select_into_a_turtle_file_is_an_error(store, tmp_path):
    result = run("query", "papers", "--store", store, "--out", tmp_path / "x.ttl")
    assert result.exit_code == 2 and "SELECT" in result.stderr


def test_query_nl_and_list_nl(store):
    result = run("query", "papers", "--store", store, "--nl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 5 and all(isinstance(row, dict) and "paper" in row for row in rows)
    listed = [json.loads(line)["name"] for line in run("query", "--list", "--nl").stdout.splitlines()]
    assert listed == list(saved_queries())


def test_export_out_rdf_is_an_error_and_writes_nothing(store, tmp_path):
    out = tmp_path / "graph.rdf"
    result = run("export", "--store", store, "--out", out)
    assert result.exit_code == 2 and "cannot tell the format from 'graph.rdf'" in result.stderr
    assert not out.exists()


def test_export_out_nq_writes_nquads(store, tmp_path):
    out = tmp_path / "graph.nq"
    assert run("export", "--store", store, "--out", out).exit_code == 0
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert len(quads) > 1000 and any(q.graph_name != ox.DefaultGraph() for q in quads)


# --- analyses -----------------------------------------------------------------------------------

def test_list_fields_are_json_arrays(store):
    result = run("owners", "--store", store, "--format", "json")
    owners = json.loads(result.stdout)
    assert all(isinstance(row["open_recommendations"], list) for row in owners)
    nl = [json.loads(line) for line in run("owners", "--store", store, "--nl").stdout.splitlines()]
    assert nl == owners


@pytest.mark.parametrize("command", [["owners"], ["repeats"], ["systems"], ["themes"], ["themes", "--communities"],
                                     ["dependencies"], ["stats"]])
def test_tables_fit_80_columns_and_never_cut_an_identifier(store, command):
    table = run(*command, "--store", store, env={"COLUMNS": "80"})
    assert table.exit_code == 0, table.output
    assert max(map(len, table.stdout.splitlines())) <= 80
    assert not re.search(r"\S…", table.stdout), "a word was cut"  # texts are cut only between words
    rows = json.loads(run(*command, "--store", store, "--format", "json").stdout)
    labels = {row[key] for row in rows for key in ("label", "owner", "system", "theme") if isinstance(row.get(key), str)}
    flat = " ".join(table.stdout.split())
    for label in labels:  # every short label shown in full (a long label may fold over lines, whole)
        if len(label) <= 40:
            assert label.split()[0] in flat, label


def test_a_query_table_fits_80_columns(store):
    result = run("query", "open-by-owner", "--store", store, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert max(map(len, result.stdout.splitlines())) <= 80


# --- errors a person can act on ------------------------------------------------------------------

def test_a_sparql_syntax_error_names_line_column_and_the_undeclared_prefix(store):
    result = run("query", "SELECT ?s WHERE {\n  ?s a rg:Paper .\n  ?s foo:bar ?o }", "--store", store)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("Error: query: SPARQL syntax error at line 3, column ")
    assert "the prefix 'foo:' is not declared" in line and "\n" not in line


def test_a_sparql_syntax_error_says_what_was_expected_briefly(store):
    result = run("query", "SELECT ?s WHERE { ?s ?p ?o FILTER( }", "--store", store)
    assert result.exit_code == 2
    assert "line 1, column" in result.stderr and "expected" in result.stderr
    assert len(result.stderr) < 300 and "\\u{" not in result.stderr


def test_an_unknown_saved_query_gets_close_matches():
    result = run("query", "open-by-ownr")
    assert result.exit_code == 2 and "did you mean open-by-owner?" in result.stderr


def test_an_unknown_command_gets_close_matches():
    result = run("trce", "winning-consent/22")
    assert result.exit_code == 2 and "Did you mean trace" in result.stderr
    assert "Did you mean list" in run("corrections", "lst").stderr
