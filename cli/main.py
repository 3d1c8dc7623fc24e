"""The ``recgraph`` command: one click group; each family of commands lives in its own module.

Command bodies stay short: they turn options into arguments, call one library function and render
the result. Library errors (:class:`~recgraph.errors.RecgraphError`) become one ``Error: ...`` line
and exit code 2; exit code 1 means the command ran but found problems (e.g. SHACL violations).
"""

from __future__ import annotations

from importlib import import_module

import click

from recgraph import __version__
from recgraph.cli.suggest import SuggestingGroup

#: Modules under recgraph.cli that add commands to :data:`cli` when imported.
COMMAND_MODULES: tuple[str, ...] = ("read", "store", "builds", "serve", "publish", "views", "analyses", "links")


@click.group(cls=SuggestingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="recgraph")
def cli() -> None:
    """recgraph: link recommendations across oversight reports, years and progress papers."""


for _name in COMMAND_MODULES:
    import_module(f"recgraph.cli.{_name}")
