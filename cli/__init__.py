"""recgraph.cli: the `recgraph` command, a thin layer over the library.

The command group is made first, whichever module of the package is imported first: each command
module adds its commands to :data:`recgraph.cli.main.cli` and some take helpers from modules listed
before them in :data:`recgraph.cli.main.COMMAND_MODULES`, which holds only when main imports them in
its order (importing, say, ``recgraph.cli.store`` first would otherwise find ``recgraph.cli.read``
half made).
"""

from recgraph.cli import main as _main  # noqa: F401  (makes the group and imports every command module in order)
