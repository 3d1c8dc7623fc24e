"""Files and folders that cannot be read as papers: one ``Error:`` line naming each, the documented
exit code (1: others were read; 2: nothing was), the same with one reading process or two, and
nothing skipped silently."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from recgraph.errors import ReadError
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.reading.readers.text import load_document

from .conftest import GOOD, error_lines, run, run_process

WORKERS = pytest.mark.parametrize("workers", [1, 2])


def read_json(*paths, workers=1):
    return run("read", *paths, "--format", "json", "--workers", workers)


@WORKERS
def test_an_unreadable_paper_in_a_folder_is_one_error_line_and_the_others_are_read(folder, fail_on, workers):
    bad = folder / "locked.txt"
    bad.write_text((folder / GOOD[0]).read_text())
    fail_on(bad)
    result = read_json(folder, workers=workers)
    assert error_lines(result.stderr) == [f"Error: {bad}: cannot be read (Permission denied)"]
    assert result.exit_code == 1
    assert '"committee_small.txt"' in result.stdout


@WORKERS
def test_any_os_error_while_reading_a_paper_is_one_line(folder, fail_on, workers):
    bad = folder / "on_a_bad_disk.txt"
    bad.write_text("text")
    fail_on(bad, errno.EIO)
    result = read_json(bad, workers=workers)
    assert error_lines(result.stderr) == [f"Error: {bad}: cannot be read (Input/output error)"]
    assert result.exit_code == 2


@WORKERS
def test_an_unreadable_subfolder_is_reported_not_skipped(folder, fail_on, workers):
    locked = folder / "2004"
    locked.mkdir()
    fail_on(locked)
    result = read_json(folder, workers=workers)
    assert error_lines(result.stderr) == [
        f"Error: {locked}: is a folder that cannot be read (Permission denied): its papers were not read"
    ]
    assert result.exit_code == 1


@WORKERS
def test_broken_and_looping_links_are_reported(folder, workers):
    (folder / "broken.txt").symlink_to("gone.txt")
    (folder / "loop_a.txt").symlink_to("loop_b.txt")
    (folder / "loop_b.txt").symlink_to("loop_a.txt")
    result = read_json(folder, workers=workers)
    assert error_lines(result.stderr) == [
        f"Error: {folder / 'broken.txt'}: is a broken link (to gone.txt, which does not exist)",
        f"Error: {folder / 'loop_a.txt'}: is a link that loops back on itself (it never reaches a file)",
        f"Error: {folder / 'loop_b.txt'}: is a link that loops back on itself (it never reaches a file)",
    ]
    assert result.exit_code == 1


def test_a_link_to_a_folder_is_followed_and_a_link_back_up_is_reported(folder, tmp_path):
    from recgraph.graph.reading.papers import find_papers

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.txt").write_text((folder / GOOD[1]).read_text())
    (folder / "linked").symlink_to(elsewhere)
    (folder / "linked_again").symlink_to(elsewhere)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    files, errors = find_papers([folder])
    assert folder / "linked" / "more.txt" in files
    assert [f.name for f in files].count("more.txt") == 1
    assert [e.file for e in errors] == [str(folder / "linked_again"), str(folder / "sub" / "up")]
    assert all("already searched" in str(e) for e in errors)


@WORKERS
def test_a_fifo_is_refused_without_waiting_for_a_writer(folder, workers):
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    # In a process of its own: before the fix this hung for ever; the timeout turns that into a failure.
    result = run_process("read", folder, "--format", "json", "--workers", workers, timeout=60)
    assert error_lines(result.stderr) == [f"Error: {fifo}: is a FIFO (named pipe), not a paper: only regular files are read"]
    assert result.returncode == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_character_device_is_refused_whatever_max_size_says():
    result = run_process("read", "/dev/zero", "--max-size", "1", timeout=60)
    assert error_lines(result.stderr) == ["Error: /dev/zero: is a character device, not a paper: only regular files are read"]
    assert result.returncode == 2


def test_special_files_never_reach_open(tmp_path, monkeypatch, deadline):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda name, *a, **k: opened.append(name) or real_open(name, *a, **k))
    with deadline(20), pytest.raises(ReadError, match="FIFO"):
        load_document(fifo)
    assert opened == []


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    # /proc files report a size of 0; what is read is checked against the limit as well.
    path = tmp_path / "growing.txt"
    path.write_text("x" * 2000)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda name, *a, **k: os.stat_result((*real_stat(name)[:6], 0, *real_stat(name)[7:])))
    with pytest.raises(ReadError, match=r"papers are expected under"):
        load_document(path, max_bytes=1000)


@WORKERS
def test_a_fault_in_a_reader_is_one_line_whatever_the_number_of_workers(folder, monkeypatch, workers):
    from recgraph.graph.reading.readers import committee

    def broken(document):
        raise KeyError("a reader's own fault")

    monkeypatch.setattr(committee, "read", broken)
    result = read_json(folder, workers=workers)
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"Error: {folder / 'committee_small.txt'}: reading stopped on this paper: KeyError")
    assert result.exit_code == 2


def test_read_papers_returns_what_the_search_found_wrong_with_the_papers(folder, fail_on):
    (folder / "broken.txt").symlink_to("gone.txt")
    locked = folder / "locked"
    locked.mkdir()
    fail_on(locked)
    outcome = read_papers([folder], workers=1)
    assert [Path(e.file).name for e in outcome.errors] == ["locked", "broken.txt"]
    assert len(outcome.results) == len(GOOD)
