"""Each command module imports on its own, first in a fresh interpreter: no import cycle between
command modules (cli.links once took its listing helpers from cli.analyses, which imports cli.main
and, through it, cli.links while half made)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import recgraph.cli

MODULES = sorted(f"recgraph.cli.{m.name}" for m in pkgutil.iter_modules(recgraph.cli.__path__))


@pytest.mark.parametrize("module", MODULES)
def test_a_command_module_imports_first_and_alone(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
