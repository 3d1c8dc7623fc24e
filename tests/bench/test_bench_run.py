"""bench/run: a tiny size runs end to end in a minute and writes its tables; the section it owns
replaces itself and keeps the other sections of docs/benchmarks.md."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
OTHER_SECTIONS = "# Benchmarks\n\n## Repeat detection\n\nKeep me.\n\n## Views\n\nKeep me too.\n"


def load(name: str):
    """A module of bench/ (not a package: bench/run puts the folder on its path the same way)."""
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "benchmarks.md"
    out.write_text(OTHER_SECTIONS, encoding="utf-8")
    command = [sys.executable, str(BENCH / "run"), "--size", "200", "--skip-views", "--out", str(out),
               "--workdir", str(folder / "work"), "--runs", "1", "--query-timeout", "2", "--rdflib-timeout", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return out.read_text(encoding="utf-8")


def test_a_tiny_size_writes_the_targets_and_its_tables(written):
    assert "## Whole pipeline at scale" in written
    assert "| target | measured | verdict | what bounds it |" in written
    assert "### 200 recommendations" in written
    for stage in ("read", "enrich and link", "RDF build", "store load", "validate", "analyses"):
        assert f"\n| {stage} | " in written
    assert "| views | skipped |" in written
    assert "| saved query | rows | answer (kB) | in-process (ms) | HTTP (ms) |" in written
    assert "| timeline | 1 |" in written  # bound to one recommendation: one row
    assert "Planted repeats:" in written and "raw `bulk_load` of the same" in written


def test_the_machine_and_versions_are_noted(written):
    machine = next(line for line in written.splitlines() if line.startswith("Machine:"))
    for package in ("Python", "pyoxigraph", "rdflib", "pyshacl", "networkx", "scikit-learn"):
        assert package in machine


def test_the_other_sections_are_kept(written):
    assert written.startswith("# Benchmarks\n\n## Whole pipeline at scale")
    assert "## Repeat detection\n\nKeep me.\n\n## Views\n\nKeep me too.\n" in written


def test_the_section_replaces_itself_and_keeps_notes_and_other_sizes():
    report = load("scale_report")
    first = report.replace_section(OTHER_SECTIONS, f"{report.HEADING}\n\nold\n\n{report.NOTES}\n\nBy hand.\n"
                                                   '<!-- bench/run results: {"100000": {"size": 100000}} -->\n')
    assert report.earlier_notes(first) == f"{report.NOTES}\n\nBy hand."
    assert report.earlier_results(first) == {100000: {"size": 100000}}
    second = report.replace_section(first, f"{report.HEADING}\n\nnew\n")
    assert second.count(report.HEADING) == 1
    assert "new" in second and "old" not in second and "Keep me too." in second
