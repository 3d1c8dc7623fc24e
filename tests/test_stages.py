"""The folders of graph/ are the stages of the data flow, and imports go one way along it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GRAPH = Path(__file__).resolve().parents[1] / "graph"

#: The stages in the order data flows. synthetic/ writes papers for the readers, so it may use
#: reading's text helpers and nothing later.
ORDER = ("model", "reading", "synthetic", "enrich", "linking", "rdf", "store", "analyses", "server")


def stage_of(module: str) -> str | None:
    """The stage of a dotted module name under recgraph.graph (None outside it)."""
    parts = module.split(".")
    if parts[:2] != ["recgraph", "graph"] or len(parts) < 3:
        return None
    return parts[2]


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            if node.module == "recgraph.graph":
                found.extend((node.lineno, f"recgraph.graph.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def modules():
    return sorted(path for path in GRAPH.rglob("*.py") if path.parent != GRAPH or path.name == "model.py")


def test_every_module_sits_in_a_stage():
    loose = [p.name for p in GRAPH.glob("*.py") if p.name not in {"__init__.py", "model.py"}]
    assert loose == []
    folders = {p.name for p in GRAPH.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(ORDER) - {"model"}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(GRAPH)))
def test_no_stage_imports_a_later_one(path):
    own = "model" if path.name == "model.py" and path.parent == GRAPH else path.relative_to(GRAPH).parts[0]
    later = [
        f"line {line}: {module}"
        for line, module in imports_of(path)
        if stage_of(module) in ORDER and ORDER.index(stage_of(module)) > ORDER.index(own)
    ]
    assert later == [], f"{path.relative_to(GRAPH)} ({own}) imports a later stage"


def test_the_check_sees_a_backward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from recgraph.graph.store.database import open_store\n")
    assert stage_of(imports_of(bad)[0][1]) == "store"


def test_a_library_module_never_imports_click():
    offenders = [str(p.relative_to(GRAPH)) for p in modules() if any(m.split(".")[0] == "click" for _, m in imports_of(p))]
    assert offenders == []
