"""Issue 16: default paths are the user's working folder, never the package; builds are reproducible."""

from __future__ import annotations

import csv
import importlib.machinery
import importlib.util
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.reading.locations import (
    data_relative,
    default_data_dir,
    graph_text,
    packaged_data_dir,
    papers_dir,
    writable_data_dir,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = recgraph.data_path()


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def copy_data(target: Path) -> Path:
    shutil.copytree(SEEDS, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def export_quads(store: Path) -> set[str]:
    result = run("export", "--store", store, "--format", "nquads")
    assert result.exit_code == 0, result.output
    return set(result.stdout.splitlines())


@pytest.mark.slow
def test_the_same_papers_in_two_folders_build_the_same_quads(tmp_path, monkeypatch):
    first = copy_data(tmp_path / "one" / "data")
    second = copy_data(tmp_path / "two" / "deeper" / "still" / "data")
    monkeypatch.chdir(first.parent)  # the default papers, given relative to the working folder
    assert run("build", "--store", tmp_path / "s1", "--no-validate").exit_code in (0, 1)
    monkeypatch.chdir(tmp_path)  # the papers given by their absolute path, from elsewhere
    assert run("build", second / "papers", "--store", tmp_path / "s2", "--no-validate").exit_code in (0, 1)
    one, two = export_quads(tmp_path / "s1"), export_quads(tmp_path / "s2")
    assert len(one) > 1000 and one == two
    assert not any(str(tmp_path) in quad for quad in one), "a local path is in the graph"
    warnings = [quad for quad in one if ' <https://w3id.org/recgraph/ontology#warning> "' in quad]
    assert warnings and all('"papers/' in quad for quad in warnings)


def test_warnings_name_the_paper_relative_to_its_data_folder(tmp_path):
    data = tmp_path / "data"
    (data / "papers").mkdir(parents=True)
    (data / "catalogue.toml").write_text("")
    paper = data / "papers" / "x.txt"
    assert data_relative(paper) == "papers/x.txt"
    assert graph_text(f"{paper}:4: a row was cut", paper) == "papers/x.txt:4: a row was cut"
    assert graph_text(f"{data / 'overrides.csv'}:2: unknown", paper) == "overrides.csv:2: unknown"
    loose = tmp_path / "loose.txt"
    assert graph_text(f"{loose}:1: odd", loose) == "loose.txt:1: odd"


def test_the_data_folder_is_the_working_folder_and_falls_back_to_the_seeds_for_reading(tmp_path, monkeypatch):
    monkeypatch.delenv("RECGRAPH_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_data_dir() == packaged_data_dir()  # nothing here: the seeds are read
    assert writable_data_dir() == tmp_path / "data"  # ... but nothing is written into the package
    assert writable_data_dir(packaged_data_dir()) == tmp_path / "data"
    (tmp_path / "data" / "papers").mkdir(parents=True)
    assert default_data_dir() == tmp_path / "data" and papers_dir() == tmp_path / "data" / "papers"
    monkeypatch.setenv("RECGRAPH_DATA", str(tmp_path / "elsewhere"))
    assert default_data_dir() == tmp_path / "elsewhere" == writable_data_dir()


def test_corrections_of_the_seed_papers_go_to_the_working_folder_not_the_package(tmp_path, monkeypatch):
    monkeypatch.delenv("RECGRAPH_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    shipped = packaged_data_dir() / "overrides.csv"
    packaged = shipped.read_bytes() if shipped.is_file() else None
    exported = run("read", "--format", "csv")
    assert exported.exit_code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    rows[3]["owner"] = "Owner Named In A Test"
    fixed = tmp_path / "fixed.csv"
    with fixed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    imported = run("corrections", "import", fixed)
    assert imported.exit_code == 0, imported.output
    assert (shipped.read_bytes() if shipped.is_file() else None) == packaged
    kept = (tmp_path / "data" / "overrides.csv").read_text(encoding="utf-8")
    assert "Owner Named In A Test" in kept
    # the packaged corrections are kept too, and every later read applies the new one
    assert all(line in kept for line in (packaged or b"").decode("utf-8").splitlines()[1:])
    assert "Owner Named In A Test" in run("read", "--format", "csv").stdout
    assert "Owner Named In A Test" in run("corrections", "list").stdout


def test_docs_writes_into_the_working_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("docs")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ontology.html").is_file() and not (tmp_path / "docs").exists()


def test_bench_run_does_not_rewrite_the_tracked_benchmarks_by_default():
    loader = importlib.machinery.SourceFileLoader("bench_run", str(ROOT / "bench" / "run"))
    spec = importlib.util.spec_from_loader("bench_run", loader)
    module = importlib.util.module_from_spec(spec)
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert module.parse_arguments([]).out == Path("benchmarks.md")
    assert module.parse_arguments(["--out", "docs/benchmarks.md"]).out == Path("docs/benchmarks.md")
