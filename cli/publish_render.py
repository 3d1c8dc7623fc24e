"""Rendering ``recgraph publish`` for people, with rich: a progress bar, then what was sent."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from recgraph.graph.store.publish import PublishSummary


class PublishProgress:
    """A rich progress bar on standard error, fed by :func:`recgraph.graph.store.publish.publish`'s callback."""

    def __init__(self, console: Console | None = None):
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console or Console(stderr=True), transient=True,
        )
        self._task = None

    def __enter__(self) -> PublishProgress:
        self._progress.__enter__()
        self._task = self._progress.add_task("Publishing", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)

    def update(self, done: int, total: int, graph: str) -> None:
        description = f"PUT {graph}" if graph else "Published"
        self._progress.update(self._task, description=description, completed=done, total=total)


def print_publish_summary(summary: PublishSummary, console: Console | None = None) -> None:
    """One line: how many graphs and triples went where, and how long it took."""
    console = console or Console()
    created = sum(1 for graph in summary.graphs if graph.status == 201)
    console.print(
        f"Published {len(summary.graphs)} graph(s), {summary.triples} triple(s), to {summary.endpoint} "
        f"in {summary.seconds:.2f} s ({created} created, {len(summary.graphs) - created} replaced).",
        highlight=False, markup=False,
    )
