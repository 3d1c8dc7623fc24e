"""Where output goes: an ``--out`` that cannot be written, a full disk, a closed pipe, and text
that rich would take for markup. One ``Error:`` line or a quiet end, never a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import GOOD, PAPERS, cli_command, error_lines, run

SMALL = PAPERS / GOOD[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store of the good small papers, with the ontology: an export well over a pipe's buffer."""
    from recgraph.graph.reading.papers import read_papers
    from recgraph.graph.store.database import build_store

    outcome = read_papers([PAPERS / name for name in GOOD], workers=1)
    assert not outcome.errors
    location = tmp_path_factory.mktemp("faults") / "store"
    build_store(outcome.results, location)
    return location


def writers(store: Path) -> dict[str, list]:
    """The commands that write an --out file, without the --out."""
    return {
        "read json": ["read", SMALL, "--format", "json"],
        "read csv": ["read", SMALL, "--format", "csv"],
        "read xlsx": ["read", SMALL, "--format", "xlsx"],
        "query": ["query", "--store", store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "--format", "csv"],
        "export": ["export", "--store", store, "--format", "nquads"],
    }


@pytest.mark.parametrize("command", ["read json", "read csv", "read xlsx", "query", "export"])
def test_out_into_a_missing_folder_is_one_line_and_exit_2(command, store, tmp_path):
    out = tmp_path / "missing" / "out.file"
    result = run(*writers(store)[command], "--out", out)
    assert error_lines(result.stderr) == [f"Error: {out}: cannot be written: the folder {out.parent} does not exist"]
    assert result.exit_code == 2
    assert not out.parent.exists()


@pytest.mark.parametrize("command", ["read json", "read xlsx", "query", "export"])
def test_a_full_disk_leaves_the_previous_file_and_no_partial_one(command, store, tmp_path, monkeypatch):
    out = tmp_path / "out.file"
    out.write_text("yesterday's output\n")
    real_replace = os.replace

    def disk_full(source, target):  # the write went through the cache; the disk filled as it was kept
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fspath(source))

    monkeypatch.setattr(os, "replace", disk_full)
    result = run(*writers(store)[command], "--out", out)
    monkeypatch.setattr(os, "replace", real_replace)
    assert error_lines(result.stderr) == [f"Error: {out}: cannot be written (No space left on device); nothing was written"]
    assert result.exit_code == 2
    assert out.read_text() == "yesterday's output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", ["read json", "read xlsx", "query", "export"])
def test_a_device_that_is_full_is_one_line(command, store):
    result = run(*writers(store)[command], "--out", "/dev/full")
    [error] = error_lines(result.stderr)
    assert "/dev/full" in error and "No space left on device" in error
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["read json", "read csv", "query", "export"])
def test_a_closed_pipe_ends_quietly(command, store, tmp_path):
    args = writers(store)[command]
    if command.startswith("read"):
        args = [*args[:1], *(PAPERS / name for name in GOOD * 40), *args[2:]]  # well over a pipe buffer
    if command == "query":
        args = ["query", "--store", store, "SELECT * WHERE { ?s ?p ?o }", "--format", "csv"]
    process = subprocess.Popen(cli_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        assert process.stdout.read(10)  # like `| head -c 10`: read a little, then go away
        process.stdout.close()
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=120)
    finally:
        process.kill()
        process.wait()
    assert "Traceback" not in stderr and "Error" not in stderr and "Exception" not in stderr, stderr
    assert code == 1


def test_markup_in_a_title_is_printed_as_written():
    result = run("read", PAPERS / "title_markup.txt")
    assert result.exit_code == 0, result.stderr
    assert not error_lines(result.stderr)
    assert "Custody [/b]Transport [bold red]Review" in " ".join(result.stdout.split())  # tables wrap


def test_markup_in_a_warning_and_a_file_name_is_printed_as_written(tmp_path):
    (tmp_path / "a[").mkdir()
    odd = tmp_path / "a[" / "b]report.txt"  # the path holds "[/b]"
    odd.write_text((PAPERS / "table_small.txt").read_text())  # warns: the table has no title line
    result = run("read", odd)
    assert result.exit_code == 0, result.stderr
    assert "b]report.txt" in result.stdout
    assert f"Warning: {odd}:4: table has no title line" in result.stdout + result.stderr
