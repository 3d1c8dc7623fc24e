"""Every example in recgraph's docstrings runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest


PACKAGES = ("recgraph", "recgraph.graph", "recgraph.cli", "recgraph.visualisations")


def modules():
    # Walk each installed package on its own: package-dir maps them to different folders.
    for package in PACKAGES:
        yield package
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            yield info.name


@pytest.mark.parametrize("name", sorted(modules()))
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0
