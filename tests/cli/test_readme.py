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


def synopses():
    """Every `recgraph ...` line of the README's code blocks, with the command it names."""
    for block in re.findall(r"```\n(.*?)```", README, re.S):
        for line in block.splitlines():
            if line.startswith("recgraph "):
                yield line


def resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    command: click.Command = cli
    path = []
    for word in words:
        if isinstance(command, click.Group) and word in command.commands:
            command = command.commands[word]
            path.append(word)
        else:
            break
    return command, path


def test_every_option_a_readme_line_shows_exists():
    wrong = []
    for line in synopses():
        command, path = resolve(line.split()[1:])
        assert path, f"README line names no command: {line}"
        known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line):
            if option not in known:
                wrong.append(f"{line}: {option}")
    assert not wrong, "README options the commands do not have:\n" + "\n".join(wrong)


def test_every_format_a_readme_line_lists_is_one_the_command_takes():
    wrong = []
    for line in synopses():
        command, _ = resolve(line.split()[1:])
        listed = re.search(r"--format ([a-z|]+)", line)
        choice = next((p.type for p in command.params if "--format" in p.opts), None)
        if listed and isinstance(choice, click.Choice):
            wrong += [f"{line}: {name}" for name in listed.group(1).split("|") if name not in choice.choices]
    assert not wrong, wrong


def test_the_quick_start_says_how_to_run_recgraph_afterwards():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert ".venv/bin/recgraph" in quick and ". .venv/bin/activate" in quick


def test_the_readme_documents_pip_and_pipx_installs_and_the_makefile_keeps_demo_lean():
    install = README.split("## Installing", 1)[1].split("\n## ", 1)[0]
    assert "pip install .\n" in install and "pipx install .\n" in install
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -e .\n" in makefile  # make demo: what running needs only
    assert "pip install --quiet -e '.[test]'" in makefile
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_the_saved_query_and_short_forms_the_readme_uses_exist():
    from recgraph.graph.store.queries import saved_queries

    for name in re.findall(r"recgraph query ([a-z][a-z-]+)", README):
        if name not in ("--list",):
            assert name in saved_queries() or name.upper() == name, name
