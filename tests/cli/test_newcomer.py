"""Issue 16, done when: a newcomer follows the README, command by command, from a clean copy.

One slow test walks it in order: ``make demo`` in a copy of the checkout (then ``recgraph`` run
the two ways the quick start says), every README Python example in that copy, ``pip install .``
and ``pip install '.[server]'`` into a fresh environment in a temporary folder, and the "First
steps" commands run from an empty folder with that installed ``recgraph``, plus a correction
imported there. Nothing may be written inside the installed package.

``make test`` is not run (this test is part of it) and ``pipx install .`` only when pipx is on the
PATH (it installs outside the temporary folder otherwise: it is skipped, and says so).

So that the walk-through takes a minute and not ten, the fresh environments find recgraph's
dependencies in the environment running the tests (one ``.pth`` line); recgraph itself is
installed into them by the README's own commands, and must run from there.
"""

from __future__ import annotations

import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TIMEOUT = 600


def section(title: str) -> str:
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(text: str, language: str = "") -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def commands(title: str) -> list[str]:
    return [line for block in blocks(section(title)) for line in block.splitlines() if line.strip()]


def copy_checkout(target: Path) -> None:
    """The files a clean clone has: tracked and untracked-but-not-ignored (work in progress)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def fresh_environment(folder: Path) -> Path:
    """A new virtual environment whose only extra is a path to the running one's packages."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=TIMEOUT)
    python = folder / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "_recgraph_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return Path(purelib)


def sh(command: str, cwd: Path, env: dict[str, str], ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    if ok:
        assert done.returncode == 0, f"{command!r} in {cwd} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def snapshot(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*") if "__pycache__" not in p.parts}


def base_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RECGRAPH_", "VIRTUAL_ENV", "PYTHON"))}
    env.update(HOME=str(tmp_path / "home"), COLUMNS="80", PIP_DISABLE_PIP_VERSION_CHECK="1")
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


@pytest.mark.slow
def test_a_newcomer_can_follow_the_readme_from_a_clean_copy(tmp_path):
    if shutil.which("make") is None or shutil.which("git") is None:
        pytest.skip("needs make and git")
    clone = tmp_path / "recgraph"
    clone.mkdir()
    copy_checkout(clone)
    env = base_env(tmp_path)

    # Quick start: make demo (make test is the suite running this test).
    quick = commands("Quick start")
    assert quick == ["make demo", "make test"]
    fresh_environment(clone / ".venv")
    demo = sh("make demo", clone, env)
    assert "recommendation(s) in 5 paper(s)" in demo.stdout
    assert "index.html" in demo.stdout and (clone / ".recgraph").is_dir()
    # "Afterwards run recgraph as .venv/bin/recgraph, or type `. .venv/bin/activate` once and then `recgraph`."
    ways = re.findall(r"`([^`]+)`", section("Quick start").split("Afterwards", 1)[1])
    assert ways[:3] == [".venv/bin/recgraph", ". .venv/bin/activate", "recgraph"]
    assert "recgraph, version" in sh(".venv/bin/recgraph --version", clone, env).stdout
    assert "recgraph, version" in sh(". .venv/bin/activate && recgraph --version", clone, env).stdout

    # Every Python example of the README, in the checkout, in order.
    for example in blocks(README, "python"):
        sh(f"{clone / '.venv/bin/python'} - <<'EOF'\n{example}EOF", clone, env)

    # Installing: into a fresh environment in another folder.
    installed = tmp_path / "env"
    site = fresh_environment(installed)
    path_env = dict(env, PATH=f"{installed / 'bin'}:{env['PATH']}", VIRTUAL_ENV=str(installed))
    for command in commands("Installing"):
        if command.startswith("pipx") and shutil.which("pipx") is None:
            continue  # pipx would install outside the temporary folder: not run here
        if command.startswith("pipx"):
            path_env = dict(path_env, PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(tmp_path / "pipx-bin"))
        sh(command, clone, path_env)
    assert (site / "recgraph" / "__init__.py").is_file(), "pip install . did not install recgraph"
    assert not (site / "recgraph" / "__init__.py").is_symlink()

    # First steps, from an empty folder, with the installed recgraph; then a correction.
    work = tmp_path / "work"
    work.mkdir()
    before = snapshot(site)
    for command in commands("First steps"):
        assert command.startswith("recgraph ")
        sh(command, work, path_env)
    located = sh("python -c 'import recgraph; print(recgraph.__file__)'", work, path_env).stdout
    assert located.strip().startswith(str(site)), located
    for made in (".recgraph", "open.csv", "graph.nq", "ontology.html"):
        assert (work / made).exists(), made

    sh("recgraph read --format csv --out recs.csv", work, path_env)
    rows = list(csv.DictReader((work / "recs.csv").open(encoding="utf-8")))
    rows[0]["owner"] = "An Owner The Newcomer Named"
    with (work / "fixed.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    sh("recgraph corrections import fixed.csv", work, path_env)
    assert "An Owner The Newcomer Named" in (work / "data" / "overrides.csv").read_text(encoding="utf-8")
    assert "An Owner The Newcomer Named" in sh("recgraph read --format csv", work, path_env).stdout
    assert "An Owner The Newcomer Named" in sh("recgraph corrections list", work, path_env).stdout

    after = snapshot(site)
    assert after == before, f"written inside site-packages: {sorted(set(after.items()) ^ set(before.items()))[:5]}"
    assert not any(shlex.split(c)[0] == "sudo" for c in commands("First steps"))
