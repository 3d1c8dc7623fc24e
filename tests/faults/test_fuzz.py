"""A bounded fuzz test of the readers: fixture papers mutated with a fixed seed (lines deleted,
duplicated, swapped, cut short, control characters, tabs, very long lines, unusual Unicode). Nothing
but a ReadError may come out of read_paper, and the CLI never prints a traceback."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from recgraph.errors import ReadError
from recgraph.graph.reading.papers import ReadOptions, read_paper

from .conftest import PAPERS, run

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [*ROOT.glob("tests/fixtures/formats/**/*.txt"), *ROOT.glob("tests/readers/variants/*.txt"),
     *ROOT.glob("data/papers/*.txt"), *PAPERS.glob("*.txt")]
)
SEED = 20261207
#: At most this many mutants, and no new one after this many seconds (a slow machine tests fewer).
MUTANTS = 300
SECONDS = 60
#: How many of them are read again through the CLI.
CLI_MUTANTS = 60
UNUSUAL = ("\u200b", "\u202e", "\ufeff", "\u00a0", "\u0301", "\U0001f600", "\u2028", "\uffff", "\u00ad", "\u0000",
           "\x01", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\r", "\t")
HOSTILE = ("<p", "<i ", "<sup>", "&lt;", "&#", "(", "[", "Recommendation ", "1.", "\t", "<", "-", " ")


def _delete(rng, lines):
    del lines[rng.randrange(len(lines))]


def _duplicate(rng, lines):
    at = rng.randrange(len(lines))
    lines.insert(at, lines[at])


def _swap(rng, lines):
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]


def _cut(rng, lines):
    at = rng.randrange(len(lines))
    lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)]
    del lines[at + 1 :]


def _insert(rng, lines, pool=UNUSUAL):
    at = rng.randrange(len(lines))
    line = lines[at]
    where = rng.randrange(len(line) + 1)
    lines[at] = line[:where] + rng.choice(pool) + line[where:]


def _tabs(rng, lines):
    at = rng.randrange(len(lines))
    lines[at] = lines[at].replace(" ", "\t", rng.randint(1, 5))


def _long_line(rng, lines):
    at = rng.randrange(len(lines))
    lines[at] += rng.choice(HOSTILE) * rng.randint(100, 5_000)


MUTATIONS = (_delete, _duplicate, _swap, _cut, _insert, _insert, _tabs, _long_line)


def mutants(folder: Path):
    """Mutated papers written to folder, yielded as (path, source, mutations) until the bounds."""
    rng = random.Random(SEED)
    started = time.monotonic()
    for index in range(MUTANTS):
        if time.monotonic() - started > SECONDS:
            return
        source = rng.choice(SOURCES)
        lines = source.read_text(encoding="utf-8", errors="replace").split("\n") or [""]
        applied = []
        for _ in range(rng.randint(1, 4)):
            if not lines:
                lines = [""]
            mutation = rng.choice(MUTATIONS)
            mutation(rng, lines)
            applied.append(mutation.__name__)
        path = folder / f"mutant_{index:03d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        yield path, source, applied


@pytest.mark.slow
def test_mutated_papers_raise_nothing_but_read_error_and_the_cli_prints_no_traceback(tmp_path):
    assert len(SOURCES) >= 30, "the fixture papers moved: the fuzz test would mutate too few"
    folder = tmp_path / "mutants"
    folder.mkdir()
    options = ReadOptions(use_overrides=False)
    escaped = []
    count = 0
    for path, source, applied in mutants(folder):
        count += 1
        try:
            read_paper(path, options)
        except ReadError:
            pass
        except Exception as err:  # noqa: BLE001 - what the test is looking for
            escaped.append(f"{path.name} ({source.name}, {applied}): {type(err).__name__}: {err}"[:300])
    assert count >= 50, "fewer than 50 mutants in the time allowed: the machine is too loaded to fuzz"
    assert not escaped, "\n".join(escaped)
    for path in sorted(folder.iterdir())[CLI_MUTANTS:]:  # the CLI's part: the first few are enough
        path.unlink()
    result = run("read", folder, "--format", "json", "--workers", "1")
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
