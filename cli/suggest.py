"""Close matches for a mistyped command: ``recgraph trce`` says ``did you mean trace?``."""

from __future__ import annotations

import difflib

import click


class SuggestingGroup(click.Group):
    """A click group whose unknown-command error names the close matches (difflib).

    Its subgroups are of the same class (``group_class = type``), so ``recgraph corrections lst``
    gets the same help.
    """

    group_class = type

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else None
        if name is not None and not name.startswith("-") and self.get_command(ctx, name) is None:
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=3, cutoff=0.5)
            hint = f" Did you mean {' or '.join(close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint} (`{ctx.command_path} --help` lists the commands)")
        return super().resolve_command(ctx, args)
