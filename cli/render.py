"""Rendering library results for people, with rich. Nothing here computes anything.

Text from papers (titles, file names, warnings) may hold anything, "[/b]" or ":smile:" included:
it is escaped before rich sees it, and consoles made here never turn ``:name:`` into emoji.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from recgraph.graph.model import ReadResult


def make_console() -> Console:
    """A console for standard output; when piped, wide enough that tables do not fold words."""
    console = Console(emoji=False)
    return console if console.is_terminal else Console(width=140, emoji=False)


def print_read_summary(results: list[ReadResult], console: Console | None = None) -> None:
    """Per paper and source report: how many recommendations were found; then warnings and leftovers."""
    console = console or make_console()
    table = Table(title="Recommendations read", show_lines=False)
    for column in ("paper", "layout", "date", "source report", "recs", "parts", "status stated"):
        table.add_column(column, overflow="fold")
    total = 0
    for result in results:
        titles = {r.key: r.title for r in result.paper.source_reports}
        counts = Counter(rec.source_report for rec in result.recommendations)
        parts = Counter(rec.source_report for rec in result.recommendations if rec.parent)
        stated = Counter(u.source_report for u in result.updates if u.status_phrase)
        for key in counts:
            table.add_row(
                escape(Path(result.paper.file).name), escape(result.paper.layout), escape(result.paper.date or ""),
                f"{escape(titles.get(key, key))} [dim]({escape(key)})[/dim]", str(counts[key] - parts[key]),
                str(parts[key] or ""), str(stated[key]),
            )
        total += len(result.recommendations)
    console.print(table)
    console.print(f"{total} recommendation(s) in {len(results)} paper(s).")
    for result in results:
        for warning in dict.fromkeys(result.warnings):  # the document's own may come twice
            console.print(f"[yellow]Warning:[/yellow] {escape(warning)}", highlight=False)
    leftovers = [left for result in results for left in result.leftovers]
    if leftovers:
        console.print(f"[bold]{len(leftovers)} span(s) of text not placed in any record:[/bold]")
        for left in leftovers:
            text = " ".join(left.text.split())
            console.print(f"  {left.file}:{left.first_line}-{left.last_line}: {text[:160]}", highlight=False, markup=False)
    else:
        console.print("Every line was placed in a record or recognised as page furniture.")
