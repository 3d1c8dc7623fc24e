"""Tables for people that fit the terminal and never cut an identifier.

Every table the CLI prints goes through :func:`fit_table`. A column is never narrower than its
longest word (an identifier such as ``winning-consent/22`` or ``race-and-faith/6(b)`` is one word),
so long cells wrap between words instead of being cut; when the columns cannot all fit at that
width, the last ones are left out and :func:`print_table` says which on standard error (CSV or
JSON output holds every column). A word longer than half the width (a long IRI) folds onto the
next line, whole, rather than ending in an ellipsis. Lists are cut only between items
(``a, b, c and 4 more``), long texts only between words.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

#: Width used when standard output is not a terminal and $COLUMNS is not set: a classic terminal.
DEFAULT_WIDTH = 80
#: Text cells longer than this many characters are cut between words (the files keep them whole).
TEXT_LIMIT = 160
#: List cells show at most this many items, then "and N more".
LIST_LIMIT = 12
#: Characters each column costs beyond its text: its right padding and the separator.
_COLUMN_COST = 2
#: Columns of the analyses' tables that give way first when a table is too wide (lists and
#: details that a trace or --format csv shows in full); then columns go from the right.
DROP_FIRST = ("neighbours", "open_recommendations", "reiterates", "evidence", "about", "position",
              "closed_before_repeat", "strength", "community", "direct_dependents", "open_mentions", "iri")


def make_console(stderr: bool = False) -> Console:
    """A console as wide as the terminal; when piped, $COLUMNS wide or :data:`DEFAULT_WIDTH`."""
    console = Console(stderr=stderr)
    if console.is_terminal:
        return console
    try:
        width = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        width = DEFAULT_WIDTH
    return Console(stderr=stderr, width=max(width, 40))


def cell_text(value: object, limit: int = TEXT_LIMIT) -> str:
    """A value as table text: lists cut between items, long texts between words, never mid-word.

    >>> cell_text(["winning-consent/%d" % n for n in range(15)], limit=60)
    'winning-consent/0, winning-consent/1, winning-consent/2 and 12 more'
    >>> cell_text("one two three four", limit=10)
    'one two …'
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        items = [str(item) for item in value]
        shown: list[str] = []
        for item in items[:LIST_LIMIT]:
            if shown and len(", ".join([*shown, item])) > limit:
                break
            shown.append(item)
        rest = len(items) - len(shown)
        return ", ".join(shown) + (f" and {rest} more" if rest else "")
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text.split(" ", 1)[0]
    return cut + " …"


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def fit_table(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int, *, title: str | None = None,
              numeric: Sequence[str] = ()) -> tuple[Table, list[str]]:
    """A rich table of ``rows`` (cells already text) that fits ``width``, and the columns left out.

    Each column is at least as wide as its longest word (capped at half the width: longer words
    fold whole). Columns are left out until the rest fit (:data:`DROP_FIRST`, then from the
    right); the first column stays.
    Headers wrap at underscores and spaces.
    """
    cap = max(width // 2, 10)
    headers = [str(column).replace("_", " ") for column in columns]
    minimums, naturals = [], []
    for index, header in enumerate(headers):
        cells = [row[index] for row in rows]
        longest = max([_longest_word(header), *map(_longest_word, cells)], default=1)
        minimums.append(min(max(longest, 1), cap))
        naturals.append(max([minimums[-1], *map(len, cells)]))
    kept = list(range(len(columns)))
    order = [columns.index(name) for name in DROP_FIRST if name in columns and columns.index(name) > 0]
    order += [i for i in reversed(range(1, len(columns))) if i not in order]
    room = lambda: width - _COLUMN_COST * len(kept)  # noqa: E731
    while order and sum(minimums[i] for i in kept) > room():
        kept.remove(order.pop(0))
    # Widths: each column's natural width, the widest cut down first, never below its minimum.
    widths = {i: naturals[i] for i in kept}
    while sum(widths.values()) > room():
        widest = max((i for i in kept if widths[i] > minimums[i]), key=lambda i: widths[i], default=None)
        if widest is None:
            break
        widths[widest] -= 1
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0))
    for index in kept:
        right = columns[index] in numeric
        table.add_column(headers[index], width=widths[index], overflow="fold",
                         justify="right" if right else "left")
    for row in rows:
        table.add_row(*(escape(row[index]) for index in kept))
    return table, [str(columns[i]) for i in range(len(columns)) if i not in kept]


def print_table(columns: Sequence[str], rows: Sequence[Sequence[str]], console: Console | None = None, *,
                title: str | None = None, numeric: Sequence[str] = (), count: bool = True) -> None:
    """Print a fitted table (and its row count) on ``console``; name any column left out on stderr."""
    console = console or make_console()
    table, dropped = fit_table(columns, rows, console.width, title=title, numeric=numeric)
    console.print(table)
    if count:
        console.print(f"{len(rows)} row(s)")
    if dropped:
        click.echo(f"Note: {len(dropped)} column(s) left out to fit {console.width} characters: "
                   f"{', '.join(dropped)} (a wider terminal, COLUMNS=200, or --format csv|json shows them)", err=True)
