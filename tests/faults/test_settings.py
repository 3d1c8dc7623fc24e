"""The catalogue and the analysts' overrides: a bad one is one ``Error:`` line naming the file and
the line, never a traceback, and never once per paper."""

from __future__ import annotations

import errno
import shutil

import pytest

from recgraph.errors import CatalogueError
from recgraph.graph.reading.catalogue import load_catalogue

from .conftest import CATALOGUES, FAULTS, GOOD, PAPERS, error_lines, run

#: Each bad catalogue of the corpus, what the error says and the line it names (None: no line).
BAD_CATALOGUES = {
    "paper_not_a_table.toml": ("paper must be an array of tables ([[...]] headers), not text", None),
    "body_an_array.toml": ("[[paper]] number 1: body must be text (in quotes), not an array", 3),
    "source_report_text.toml": ("[[paper]] number 1: source_report must be an array of tables", 3),
    "year_a_float.toml": ("[[paper]] number 1: a source_report: year must be text (in quotes), not a number", 6),
    "date_true.toml": ("[[paper]] number 1: date must be text (in quotes), not true/false", 3),
    "second_entry_body_a_table.toml": ("[[paper]] number 2: body must be text (in quotes), not a table", 6),
    "misspelt_table.toml": ("has unknown tables or keys ['papers']; allowed: [[paper]]", None),
    "not_utf8.toml": ("is not UTF-8 text", 3),
    "bad_toml.toml": ("is not valid TOML", 3),
}
BAD_OVERRIDES = {
    "not_utf8.csv": ("is not UTF-8 text", 2),
    "short_row.csv": ("has 5 columns; this row has a different number", 2),
    "unclosed_quote.csv": ("is not valid CSV", 2),
}
WORKERS = pytest.mark.parametrize("workers", [1, 2])


@pytest.mark.parametrize("name", sorted(BAD_CATALOGUES))
def test_a_bad_catalogue_is_a_catalogue_error_naming_the_line(name):
    message, line = BAD_CATALOGUES[name]
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(CATALOGUES / name)
    assert message in caught.value.reason
    assert (caught.value.file, caught.value.line) == (str(CATALOGUES / name), line)


@pytest.mark.parametrize("name", sorted(BAD_CATALOGUES))
def test_a_bad_catalogue_given_is_one_error_line_and_exit_2(name, folder):
    message, line = BAD_CATALOGUES[name]
    result = run("read", folder, "--catalogue", CATALOGUES / name, "--format", "json")
    where = f"{CATALOGUES / name}:{line}" if line else f"{CATALOGUES / name}"
    [error] = error_lines(result.stderr)
    assert error.startswith(f"Error: {where}: {message}")
    assert result.exit_code == 2 and result.stdout == ""


@WORKERS
def test_a_bad_catalogue_beside_the_papers_is_one_line_not_one_per_paper(folder, workers):
    shutil.copy(CATALOGUES / "body_an_array.toml", folder / "catalogue.toml")
    result = run("read", folder, "--format", "json", "--workers", workers)
    assert error_lines(result.stderr) == [
        f"Error: {folder / 'catalogue.toml'}:3: [[paper]] number 1: body must be text (in quotes), not an array"
    ]
    assert result.exit_code == 2


def test_a_missing_catalogue_is_one_line(folder, tmp_path):
    result = run("read", folder, "--catalogue", tmp_path / "nowhere.toml")
    assert error_lines(result.stderr) == [f"Error: {tmp_path / 'nowhere.toml'}: no such file"]
    assert result.exit_code == 2


@WORKERS
def test_any_os_error_on_the_catalogue_is_one_line(folder, fail_on, workers):
    catalogue = folder / "catalogue.toml"
    catalogue.write_text("")
    fail_on(catalogue, errno.EIO)
    result = run("read", folder, "--workers", workers)
    assert error_lines(result.stderr) == [f"Error: {catalogue}: cannot be read (Input/output error)"]
    assert result.exit_code == 2


@pytest.mark.parametrize("name", sorted(BAD_OVERRIDES))
@pytest.mark.parametrize("workers", [1, 2])
def test_bad_overrides_are_one_error_line_naming_the_line(name, workers, folder):
    message, line = BAD_OVERRIDES[name]
    (folder / "catalogue.toml").write_text("")
    shutil.copy(FAULTS / "overrides" / name, folder / "overrides.csv")
    result = run("read", folder, "--format", "json", "--workers", workers)
    [error] = error_lines(result.stderr)
    assert error.startswith(f"Error: {folder / 'overrides.csv'}:{line}: {message}")
    assert result.exit_code == 2


def test_any_os_error_on_the_overrides_is_one_line(folder, fail_on):
    (folder / "catalogue.toml").write_text("")
    overrides = folder / "overrides.csv"
    overrides.write_text("paper,source_report_key,number,field,value\n")
    fail_on(overrides, errno.EIO)
    result = run("read", folder)
    assert error_lines(result.stderr) == [f"Error: {overrides}: cannot be read (Input/output error)"]
    assert result.exit_code == 2


def test_an_overrides_file_saved_by_excel_with_a_byte_order_mark_reads(folder):
    (folder / "catalogue.toml").write_text("")
    (folder / "overrides.csv").write_bytes(
        "\ufeffpaper,source_report_key,number,field,value\n"
        "implementation_small.txt,custody-transport-review,3,owner,Territorial Policing\n".encode("utf-8")
    )
    result = run("read", folder / GOOD[1], "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"owner": "Territorial Policing"' in result.stdout


def test_the_good_papers_read_without_a_catalogue():
    # The corpus's control: the bad cases above fail because of the fault alone.
    result = run("read", *(PAPERS / name for name in GOOD), "--format", "json")
    assert result.exit_code == 0 and not error_lines(result.stderr)
