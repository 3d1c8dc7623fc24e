"""`recgraph read`: records out as JSON or CSV, bad input refused with one clear line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli

PAPERS = recgraph.data_path() / "papers"
IMPLEMENTATION = PAPERS / "004_2d7aea74777c19f4.txt"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def recommendations(stdout: str) -> list[dict]:
    """The rows of kind "recommendation" (rows of kind "mention" follow them: issue 13)."""
    return [row for row in json.loads(stdout) if row["kind"] == "recommendation"]


def test_json_has_one_object_per_recommendation_with_the_documented_keys():
    result = run("read", IMPLEMENTATION, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = recommendations(result.stdout)
    assert len(rows) == 13
    for key in ("paper", "source_report", "number", "parent", "heading", "text", "para_ref", "progress",
                "status_phrase", "owner", "mpa_action", "timescale", "refers_to", "lines", "kind", "covers"):
        assert key in rows[0]
    first = rows[0]
    assert first["paper"] == IMPLEMENTATION.name and first["number"] == "1"
    assert first["text"].startswith("To ensure that the most effective and efficient use is made of")
    assert first["lines"] == [21, 23]


def test_csv_has_the_same_columns_and_rows(tmp_path):
    out = tmp_path / "recs.csv"
    assert run("read", IMPLEMENTATION, "--format", "csv", "--out", out).exit_code == 0
    from recgraph.graph.reading.records import rows_from_csv

    rows = rows_from_csv(out.read_text())
    assert [r.number for r in rows if r.kind == "recommendation"] == [str(n) for n in range(1, 14)]
    assert {r.kind for r in rows} == {"recommendation", "mention"}


def test_the_summary_counts_per_paper_and_source_report_and_lists_no_leftovers_on_the_seeds():
    result = run("read", PAPERS)
    assert result.exit_code == 0, result.stderr
    assert "122 recommendation(s) in 5 paper(s)" in result.stdout


def test_an_empty_file_is_one_error_line_and_exit_2(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = run("read", path, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"Error: {path}: is empty: there is nothing to read"


def test_a_binary_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n\x00\x00\x01binary")
    result = run("read", path)
    assert result.exit_code == 2
    assert f"Error: {path}:2: looks binary" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_paper_without_tracked_recommendations_says_so_and_is_not_an_error(tmp_path):
    # issue 13: no paper is refused for its layout; one without a tracked recommendation says so
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes of the meeting\n\nThe chair welcomed members.\nApologies were received.\n")
    result = run("read", path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert f"Warning: {path}: no tracked recommendation found" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_cp1252_paper_reads_with_a_warning(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(IMPLEMENTATION.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    result = run("read", path, "--format", "json")
    assert result.exit_code == 0
    assert len(recommendations(result.stdout)) == 13
    assert "decoded as Windows-1252" in result.stderr


def test_a_duplicated_recommendation_number_is_reported_with_its_line_and_not_merged(tmp_path):
    lines = IMPLEMENTATION.read_text(encoding="utf-8").split("\n")
    lines[25] = lines[25].replace("Recommendation 3 –", "Recommendation 2 –")
    path = tmp_path / "dup.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("read", path, "--format", "json")
    assert f"{path}:26: Recommendation 2 appears twice" in result.stderr
    rows = recommendations(result.stdout)
    assert [r["number"] for r in rows].count("2") == 1
    assert next(r for r in rows if r["number"] == "2")["lines"][0] == 24
    summary = run("read", path)
    assert f"{path}:26-" in summary.stdout  # the second one is listed as text not placed


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    result = run("read", path)
    assert result.exit_code == 2
    assert "is 50.0 MB" in result.stderr


def test_one_bad_paper_among_good_ones_is_reported_and_the_rest_is_read(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = run("read", IMPLEMENTATION, bad, "--format", "json")
    assert result.exit_code == 1
    assert len(recommendations(result.stdout)) == 13
    assert f"Error: {bad}: is empty" in result.stderr


def test_xlsx_needs_an_output_file():
    result = run("read", IMPLEMENTATION, "--format", "xlsx")
    assert result.exit_code == 2 and "--out" in result.stderr


TABLE = "Title of the inspection 2003\n\nRec.\tRecommendation\tMPS response\tMPA action\n"


def test_a_table_row_with_more_cells_than_its_header_is_refused_with_its_line(tmp_path):
    path = tmp_path / "extra.txt"
    path.write_text("Title of the inspection 2003\n\nRec.\tRecommendation\tMPS response\n"
                    "1.\tThe MPS should act. (Para 2.1)\tDone. Action complete\tTo note\n")
    result = run("read", path, "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}:4: table row has 4 cells but its header has 3")


def test_a_table_row_missing_a_column_reads_with_a_warning_naming_its_line(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(TABLE + "1.\tThe MPS should act. (Para 2.1)\tDone. Action complete\n"
                    "2.\tThe MPS should also act. (Para 2.2)\tUnder way.\tTo note\n")
    result = run("read", path, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["number"], r["status_phrase"], r["mpa_action"]) for r in rows] == [("1", "Action complete", None), ("2", None, "To note")]
    assert f"{path}:4: row has 3 cells but its header has 4" in result.stderr


def test_the_summary_prints_per_paper_its_records_mentions_unplaced_spans_and_reports():
    result = run("read", PAPERS)
    assert result.exit_code == 0, result.stderr
    line = next(l for l in result.stdout.splitlines() if l.startswith(IMPLEMENTATION.name))
    assert line.startswith(f"{IMPLEMENTATION.name}: 13 record(s), ")
    assert "mention(s), 0 unplaced span(s); tracks" in line and "(operational-support-review)" in line


def test_mention_rows_carry_the_sentence_status_and_lines_and_round_trip_through_csv(tmp_path):
    from recgraph.graph.reading.records import rows_from_csv, rows_to_csv

    rows = [r for r in json.loads(run("read", IMPLEMENTATION, "--format", "json").stdout) if r["kind"] == "mention"]
    approved = [r for r in rows if r["status_phrase"] == "as completed"]
    assert [r["number"] for r in approved] == ["1", "3", "5", "6", "12"]
    assert approved[0]["text"].endswith("be approved as completed; and") and approved[0]["covers"] == []
    assert approved[0]["source_report_key"] == "operational-support-review" and approved[0]["paper_date"] == "2004-07-12"
    out = tmp_path / "all.csv"
    run("read", IMPLEMENTATION, "--format", "csv", "--out", out)
    assert rows_to_csv(rows_from_csv(out.read_text())) == out.read_text()


FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
#: A paper that cites recommendations by number and tracks none in full (our own words).
MENTION_ONLY = """Scrutiny recommendations – progress report

Report: 4
Date: 1 May 2005
By: Commissioner

Summary

This report updates members on the recommendations of the MPA Lantern Signals Scrutiny (2004).

B. Supporting information

1. Recommendations 2 and 3 are now complete.

2. Recommendation 4 remains outstanding; the work is planned for next year.
"""


def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for fixture in ("status-table/b-highrisk-2006.txt", "that-response/b-stopsearch-ipcc-2009.txt", "inline-prose/" + next(p.name for p in (FORMATS / "inline-prose").glob("*.txt"))):
        shutil.copy(FORMATS / fixture, folder)
    shutil.copy(IMPLEMENTATION, folder)
    (folder / "mention_only.txt").write_text(MENTION_ONLY, encoding="utf-8")
    (folder / "minutes.txt").write_text("Minutes\n\nThe chair welcomed members.\n", encoding="utf-8")
    return folder


def test_a_folder_of_mixed_papers_prints_per_paper_records_mentions_unplaced_spans_and_reports(tmp_path):
    folder = mixed_folder(tmp_path)
    result = run("read", folder)
    assert result.exit_code == 0, result.stderr
    lines = {line.split(":")[0]: line for line in result.stdout.splitlines() if ".txt: " in line and "record(s)" in line}
    assert set(lines) == {path.name for path in folder.iterdir()}
    # the mention-only paper: its mention lines are placed, its mentions counted per report
    assert lines["mention_only.txt"] == ("mention_only.txt: 0 record(s), 3 mention(s), 2 unplaced span(s); "
                                         "tracks MPA Lantern Signals Scrutiny (2004) (lantern-signals)")
    table = result.stdout.split("mention_only.txt (general")[1].split("\n\n")[0]
    row = next(line for line in table.splitlines() if line.startswith("lantern-signals"))
    assert row.split()[:5] == ["lantern-signals", "0", "0", "3", "3"]  # recs, stated, mentions, with status
    assert "no report identified" in lines["minutes.txt"] and "0 mention(s)" in lines["minutes.txt"]
    assert "mention_only.txt: no tracked recommendation found (3 mention(s), 2 unplaced span(s))" in result.stderr
    assert "(firearms-licensing-2005)" in lines["b-highrisk-2006.txt"] and "6 record(s)" in lines["b-highrisk-2006.txt"]


def test_per_paper_json_gives_each_papers_reports_counts_and_unplaced_spans(tmp_path):
    folder = mixed_folder(tmp_path)
    result = run("read", folder, "--per-paper")
    assert result.exit_code == 0, result.stderr
    papers = {paper["paper"]: paper for paper in json.loads(result.stdout)}
    assert set(papers) == {path.name for path in folder.iterdir()}
    mention_only = papers["mention_only.txt"]
    assert [(r["key"], r["recommendations"], r["mentions"], r["mentions_with_status"]) for r in mention_only["reports"]] == [
        ("lantern-signals", 0, 3, 3)]
    assert [span["lines"] for span in mention_only["unplaced"]] == [[9, 9], [11, 11]]
    assert papers["minutes.txt"]["reports"] == [] and papers["minutes.txt"]["unplaced"]
    assert papers[IMPLEMENTATION.name]["recommendations"] == 13 and papers[IMPLEMENTATION.name]["unplaced"] == []
    nl = run("read", folder, "--per-paper", "--nl")
    assert [json.loads(line)["paper"] for line in nl.stdout.splitlines()] == list(papers)
    # the rows of --format json carry the mention-only paper's mentions, with their report
    rows = [row for row in json.loads(run("read", folder, "--format", "json").stdout) if row["paper"] == "mention_only.txt"]
    assert [(row["kind"], row["number"], row["source_report_key"]) for row in rows] == [
        ("mention", "2", "lantern-signals"), ("mention", "3", "lantern-signals"), ("mention", "4", "lantern-signals")]
    assert run("read", folder, "--per-paper", "--format", "csv").exit_code == 2
