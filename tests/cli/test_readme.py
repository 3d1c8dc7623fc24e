"""The README documents every command the CLI offers, and its quick start is the two make commands."""

from __future__ import annotations

import re
from pathlib import Path

import click

from recgraph.cli.main import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "recgraph"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")


def test_every_command_appears_in_the_readme():
    missing = [c for c in commands(cli) if c not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_the_quick_start_is_exactly_make_demo_and_make_test():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```\n(.*?)```", quick, re.S).group(1)
    assert block.split("\n")[:-1] == ["make demo", "make test"]
