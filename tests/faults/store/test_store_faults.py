"""The store fault corpus: every damaged store, full disk or bad --out is one `Error:` line naming the file.

Exit code 2 (could not run) for each, never a traceback; the previous build stays live where a
build failed. The faults are made on copies of one small store built once for the module.
"""

from __future__ import annotations

import errno
import random
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.store.database import current_build

PAPER = recgraph.data_path() / "papers" / "004_2d7aea74777c19f4.txt"
READING_COMMANDS = (["validate"], ["query", "papers"], ["export", "--format", "nquads"], ["builds"])


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_error_line(result, *names: str) -> str:
    """The result failed with exit 2 and exactly one `Error:` line naming each of ``names``."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output
    for name in names:
        assert name in errors[0], errors[0]
    return errors[0]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    location = tmp_path_factory.mktemp("faults") / "store"
    outcome = recgraph.build([PAPER], store=location, validate=False)
    assert outcome.summary.live
    return location


@pytest.fixture
def store(pristine, tmp_path) -> Path:
    shutil.copytree(pristine, tmp_path / "store")
    return tmp_path / "store"


def database(location: Path) -> Path:
    return current_build(location) / "oxigraph"


def largest_table(location: Path) -> Path:
    return max(database(location).glob("*.sst"), key=lambda path: path.stat().st_size)


# --- CURRENT, the store's pointer to its live build ---------------------------------------------

@pytest.mark.parametrize("content", [b"", b"\n", b"\xff\xfe\x00garbage", b"../../etc", b"x" * 500],
                         ids=["empty", "blank", "binary", "a path", "too long"])
@pytest.mark.parametrize("command", READING_COMMANDS[:3], ids=lambda c: c[0])
def test_a_garbled_or_empty_current_is_one_line(store, content, command):
    (store / "CURRENT").write_bytes(content)
    line = one_error_line(run(*command, "--store", store), str(store / "CURRENT"))
    assert "recgraph builds restore" in line  # and it says how to recover


def test_current_naming_a_missing_build_is_one_line(store):
    (store / "CURRENT").write_text("20200101T000000.000000-1-abcdef\n")
    one_error_line(run("query", "papers", "--store", store), "names build '20200101T000000.000000-1-abcdef', which is missing")


def test_a_build_refuses_to_replace_a_garbled_current_while_a_build_could_be_restored(store):
    (store / "CURRENT").write_bytes(b"\xff")
    one_error_line(run("build", PAPER, "--store", store, "--no-validate"), "CURRENT is garbled")


# --- the database files --------------------------------------------------------------------------

def truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def garble(path: Path) -> None:
    """Overwrite 200 bytes in the middle with random ones (the size stays the same)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 3
    data[middle:middle + 200] = random.Random(1).randbytes(min(200, len(data) - middle))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [truncate, Path.unlink], ids=["truncated", "deleted"])
@pytest.mark.parametrize("command", READING_COMMANDS[:3], ids=lambda c: c[0])
def test_a_truncated_or_deleted_table_file_is_one_line_naming_it(store, damage, command):
    table = largest_table(store)
    damage(table)
    one_error_line(run(*command, "--store", store), table.name)


def test_a_garbled_table_file_makes_validate_fail_fast_naming_it(store):
    table = largest_table(store)
    garble(table)
    started = time.monotonic()
    line = one_error_line(run("validate", "--store", store), table.name)
    assert time.monotonic() - started < 60  # generous: the check is one read of the files (it spun for minutes)
    assert "SHA-256" in line


@pytest.mark.parametrize("name", ["CURRENT", "MANIFEST-*"])
@pytest.mark.parametrize("damage", [truncate, garble, Path.unlink], ids=["truncated", "garbled", "deleted"])
def test_damaged_rocksdb_bookkeeping_is_one_line(store, name, damage):
    path = next(database(store).glob(name))
    damage(path)
    one_error_line(run("query", "papers", "--store", store), str(database(store)))


@pytest.mark.parametrize("name", ["LOG", "OPTIONS-*", "IDENTITY"])
def test_files_rocksdb_can_do_without_leave_the_store_working(store, name):
    next(database(store).glob(name)).unlink()
    assert run("validate", "--store", store).exit_code == 0


def test_a_garbled_manifest_is_one_line_for_validate_and_listed_as_such(store):
    manifest = current_build(store) / "manifest.json"
    manifest.write_bytes(b"{\x00not json")
    one_error_line(run("validate", "--store", store), str(manifest))
    listed = run("builds", "--store", store)
    assert listed.exit_code == 0 and "unreadable manifest" in listed.stdout


# --- folders that are not stores -----------------------------------------------------------------

def test_a_folder_that_is_not_a_store_is_one_line_and_is_not_built_into(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    one_error_line(run("query", "papers", "--store", tmp_path / "mine"), "it holds no CURRENT")
    one_error_line(run("build", PAPER, "--store", tmp_path / "mine", "--no-validate"), "is not a recgraph store")
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("command", [["export"], ["query", "papers", "--format", "csv"]], ids=lambda c: c[0])
def test_out_into_a_missing_folder_is_one_line(store, tmp_path, command):
    out = tmp_path / "missing" / "out.txt"
    one_error_line(run(*command, "--store", store, "--out", out), str(tmp_path / "missing"), "does not exist")


# --- a full disk while building ------------------------------------------------------------------

def test_a_full_disk_while_building_is_one_line_and_keeps_the_previous_build(store, monkeypatch):
    before = current_build(store)
    builds_before = sorted(p.name for p in (store / "builds").iterdir())

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(store / "builds" / "x" / "papers.nq"))

    monkeypatch.setattr("recgraph.graph.store.loading.write_nquads", no_space)
    one_error_line(run("build", PAPER, "--store", store, "--no-validate"), "No space left on device", "papers.nq")
    assert current_build(store) == before
    assert sorted(p.name for p in (store / "builds").iterdir()) == builds_before  # the half-written one is gone


FILE_LIMIT = textwrap.dedent(
    """
    import resource, signal, sys
    from click.testing import CliRunner
    from recgraph.cli.main import cli
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))
    result = CliRunner().invoke(cli, ["build", sys.argv[1], "--store", sys.argv[2], "--no-validate"])
    sys.stderr.write(result.stderr)
    sys.exit(result.exit_code)
    """
)


@pytest.mark.slow
def test_a_file_system_that_refuses_writes_is_one_line_and_keeps_the_previous_build(store):
    """A real refusal from the file system (a file size limit), through pyoxigraph and RocksDB."""
    if sys.platform == "win32":
        pytest.skip("needs POSIX resource limits")
    before = current_build(store)
    child = subprocess.run([sys.executable, "-c", FILE_LIMIT, str(PAPER), str(store)],
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == 2, child.stderr
    errors = [line for line in child.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "File too large" in errors[0], child.stderr
    assert current_build(store) == before
    assert run("query", "papers", "--store", store).exit_code == 0


def test_restoring_a_kept_build_repairs_a_garbled_current(store):
    live = current_build(store).name
    (store / "CURRENT").write_bytes(b"\xff\xfe")
    assert run("builds", "restore", live, "--store", store).exit_code == 0
    assert run("query", "papers", "--store", store).exit_code == 0


@pytest.mark.parametrize("command", [["export", "--format", "nquads"], ["query", "papers"]], ids=lambda c: c[0])
def test_a_checksum_error_while_reading_is_one_line_naming_the_file(store, command):
    """Garbled table files of the right size pass the check on opening; RocksDB's own error is one line."""
    for table in database(store).glob("*.sst"):
        garble(table)
    line = one_error_line(run(*command, "--store", store), ".sst", "the store's database is damaged")
    assert "checksum mismatch" in line
