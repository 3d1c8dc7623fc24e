"""Guards on how recgraph is packaged: one import namespace, nothing left out of the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


@pytest.mark.parametrize("bare", ["graph", "cli", "visualisations", "ontology", "data"])
def test_bare_folder_names_are_not_importable(bare, tmp_path):
    # Run from an empty folder so the checkout itself is not on sys.path: only what is installed counts.
    code = f"import importlib.util, sys; sys.exit(0 if importlib.util.find_spec({bare!r}) is None else 1)"
    assert subprocess.run([sys.executable, "-c", code], cwd=tmp_path).returncode == 0


def test_the_recgraph_namespace_is_importable_from_anywhere(tmp_path):
    code = "import recgraph.graph.model, recgraph.cli.main, recgraph.visualisations, recgraph.ontology, recgraph.data"
    assert subprocess.run([sys.executable, "-c", code], cwd=tmp_path).returncode == 0


def test_every_package_folder_is_listed_in_pyproject():
    mapped = {Path(folder): name for name, folder in SETUPTOOLS["package-dir"].items()}
    listed = set(SETUPTOOLS["packages"])
    for top in ("graph", "cli", "visualisations", "ontology", "data", "recgraph"):
        for folder in [ROOT / top, *sorted((ROOT / top).rglob("*"))]:
            if not folder.is_dir() or "__pycache__" in folder.parts or not list(folder.glob("*.py")):
                continue
            relative = folder.relative_to(ROOT)
            base = next((p for p in sorted(mapped, key=lambda p: -len(p.parts)) if relative.is_relative_to(p)), None)
            assert base is not None, f"{relative} is not under any package-dir mapping"
            name = ".".join([mapped[base], *relative.relative_to(base).parts])
            assert name in listed, f"{relative} (package {name}) is missing from [tool.setuptools] packages"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    # Build from a copy so the checkout gets no build/ or egg-info folders.
    source = tmp_path_factory.mktemp("src")
    for item in ("pyproject.toml", "README.md", "recgraph", "graph", "cli", "visualisations", "ontology", "data"):
        path = ROOT / item
        if path.is_dir():
            shutil.copytree(path, source / item, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy(path, source / item)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(source)],
        check=True,
    )
    return zipfile.ZipFile(next(out.glob("recgraph-*.whl")))


def test_the_wheel_holds_the_ontology_queries_and_data(wheel):
    names = set(wheel.namelist())
    for folder, pattern in (("ontology", "*.ttl"), ("ontology/queries", "*.rq"), ("data/papers", "*.txt")):
        on_disk = {p.name for p in (ROOT / folder).glob(pattern)}
        assert on_disk, f"nothing matches {folder}/{pattern} in the checkout"
        for name in on_disk:
            assert f"recgraph/{folder}/{name}" in names, f"{folder}/{name} is not in the wheel"
    assert "recgraph/data/catalogue.toml" in names


def test_the_wheel_installs_only_under_recgraph(wheel):
    tops = {name.split("/")[0] for name in wheel.namelist()}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"recgraph"}
