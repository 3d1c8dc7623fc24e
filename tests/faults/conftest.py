"""The fault corpus: bad inputs kept as fixtures (special files are made at test time), and helpers
to run the CLI the way a user does and to make files fail the way a disk or a permission does."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli

FAULTS = Path(__file__).parent
PAPERS = FAULTS / "papers"
CATALOGUES = FAULTS / "catalogues"
#: Small papers in our own words, one per layout family that numbers its recommendations plainly.
GOOD = ("committee_small.txt", "implementation_small.txt", "table_small.txt")


def run(*args) -> "click.testing.Result":  # noqa: F821 - the name is click's
    """The CLI run in this process, standard error kept apart (click 8.2+)."""
    return CliRunner().invoke(cli, [str(a) for a in args])


#: Address space allowed to a CLI run in its own process: a read that never ends (/dev/zero before
#: it was refused) fails on memory instead of taking the machine's.
PROCESS_MEMORY = 4 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (PROCESS_MEMORY, PROCESS_MEMORY))


def cli_command(*args) -> list[str]:
    return [sys.executable, "-c", "from recgraph.cli.main import cli; cli()", *map(str, args)]


def run_process(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    """The CLI in a process of its own, for what CliRunner cannot show (hangs, closed pipes);
    bounded in time and memory."""
    return subprocess.run(
        cli_command(*args), capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
        preexec_fn=_limit_memory,
    )


@pytest.fixture
def deadline():
    """``with deadline(seconds):`` turns a call that blocks for ever into a failure (SIGALRM)."""

    @contextmanager
    def within(seconds: int):
        def expire(signum, frame):
            raise TimeoutError(f"still blocked after {seconds} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.alarm(seconds)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    return within


def error_lines(stderr: str) -> list[str]:
    """The ``Error:`` lines, after checking nothing else went wrong on standard error."""
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder of the good small papers (a fresh copy: tests add bad files beside them)."""
    target = tmp_path / "papers"
    target.mkdir()
    for name in GOOD:
        shutil.copy(PAPERS / name, target / name)
    return target


@pytest.fixture
def fail_on(monkeypatch):
    """``fail_on(path, code)``: opening or listing ``path`` fails with that errno, as a disk or a
    permission makes it fail (tests may run as root, whom chmod does not stop). Worker processes
    are forked, so they fail the same way."""
    failing: dict[str, int] = {}
    real_open, real_scandir, real_read_bytes = os.open, os.scandir, Path.read_bytes

    def check(name) -> None:
        code = failing.get(os.fspath(name))
        if code:
            raise OSError(code, os.strerror(code), os.fspath(name))

    def failing_open(name, *args, **kwargs):
        check(name)
        return real_open(name, *args, **kwargs)

    def failing_scandir(name="."):
        check(name)
        return real_scandir(name)

    def failing_read_bytes(self):
        check(self)
        return real_read_bytes(self)

    monkeypatch.setattr(os, "open", failing_open)
    monkeypatch.setattr(os, "scandir", failing_scandir)
    monkeypatch.setattr(Path, "read_bytes", failing_read_bytes)

    def install(path: Path, code: int = errno.EACCES) -> None:
        failing[os.fspath(path)] = code

    return install
