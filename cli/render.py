"""Rendering library results for people, with rich. Nothing here computes anything.

Text from papers (titles, file names, warnings) may hold anything, "[/b]" included: it is escaped
or printed without markup, so rich never takes it for a style.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from recgraph.cli.tables import print_table
from recgraph.graph.model import ReadResult


def make_console() -> Console:
    """A console for standard output as wide as the terminal (see :func:`recgraph.cli.tables.make_console`)."""
    from recgraph.cli.tables import make_console as console

    return console()


def print_read_summary(results: list[ReadResult], console: Console | None = None) -> None:
    """Per paper and source report: how many recommendations were found; then warnings and leftovers."""
    console = console or make_console()
    total = 0
    for result in results:
        titles = {r.key: r.title for r in result.paper.source_reports}
        counts = Counter(rec.source_report for rec in result.recommendations)
        parts = Counter(rec.source_report for rec in result.recommendations if rec.parent)
        stated = Counter(u.source_report for u in result.updates if u.status_phrase)
        cited = Counter(m.source_report for m in result.mentions)
        stated_cited = Counter(m.source_report for m in result.mentions if m.status_phrase)
        # a report with records or mentions (a mention-only paper shows its mentions per report)
        keys = list(dict.fromkeys([*counts, *cited]))
        rows = [[key, str(counts[key] - parts[key]), str(parts[key] or ""), str(stated[key]), str(cited[key] or ""),
                 str(stated_cited[key] or ""), titles.get(key) or ""] for key in keys]
        heading = f"{Path(result.paper.file).name} ({result.paper.layout}{', ' + result.paper.date if result.paper.date else ''})"
        print_table(["source report", "recs", "parts", "status stated", "mentions", "with status", "title"], rows,
                    console, title=escape(heading),
                    numeric=["recs", "parts", "status stated", "mentions", "with status"], count=False)
        total += len(result.recommendations)
    mentions = sum(len(result.mentions) for result in results)
    console.print(f"{total} recommendation(s) in {len(results)} paper(s)" + (f"; {mentions} mention(s)." if mentions else "."))
    warnings = Console(stderr=True)  # warnings on standard error, as in every command
    for result in results:
        for warning in result.warnings:
            warnings.print(f"[yellow]Warning:[/yellow] {escape(warning)}", highlight=False, soft_wrap=True)
    leftovers = [left for result in results for left in result.leftovers]
    if leftovers:
        console.print(f"[bold]{len(leftovers)} span(s) of text not placed in any record:[/bold]")
        for left in leftovers:
            text = " ".join(left.text.split())
            console.print(f"  {left.file}:{left.first_line}-{left.last_line}: {text[:160]}", highlight=False, markup=False)
    else:
        console.print("Every line was placed in a record or recognised as page furniture.")
