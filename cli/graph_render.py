"""Rendering the knowledge graph commands' results for people, with rich. Nothing here computes."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from recgraph.cli.tables import cell_text, make_console, print_table
from recgraph.graph.model import ReadResult
from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.store.queries import SavedQuery
from recgraph.graph.store.database import BuildSummary
from recgraph.graph.store.validation import ValidationReport, Violation

_STAGES = {"papers": "Building RDF", "load": "Loading the store", "optimize": "Compacting the store", "check": "Validating (SHACL)", "swap": "Swapping in"}


class BuildProgress:
    """A rich progress bar on standard error, fed by the library's progress callbacks."""

    def __init__(self, console: Console | None = None):
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console or Console(stderr=True), transient=True,
        )
        self._task = None

    def __enter__(self) -> BuildProgress:
        self._progress.__enter__()
        self._task = self._progress.add_task("Reading papers", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)

    def report(self, stage: str, done: int, total: int | None, item: str | None) -> None:
        """The callback of :func:`recgraph.graph.store.pipeline.build`."""
        if stage == "read":
            self.reading(Path(item))
        else:
            self.building(stage, done, total)

    def reading(self, path: Path) -> None:
        self._progress.update(self._task, description=f"Reading {Path(path).name}", advance=1)

    def building(self, stage: str, done: int, total: int) -> None:
        self._progress.update(self._task, description=_STAGES.get(stage, stage), completed=done, total=total)


def print_build_summary(
    summary: BuildSummary, results: list[ReadResult], report: ValidationReport | None, console: Console | None = None
) -> None:
    """One row per paper of this build, then the totals, the store and the validation outcome.

    Columns: source reports tracked, recommendations, progress updates, cross-references (links),
    leftover spans, warnings and quads of the paper's graph.
    """
    console = console or Console()
    table = Table(
        title="Graph built" if summary.live else "Graph built but NOT stored", box=box.SIMPLE_HEAD,
        caption="rep: source reports, upd: progress updates, links: cross-references, left: leftover spans",
    )
    table.add_column("paper", no_wrap=True)
    for column in ("rep", "recs", "upd", "links", "left", "warn", "quads"):
        table.add_column(column, justify="right")
    fields = ("source_reports", "recommendations", "updates", "cross_references", "leftovers", "warnings", "quads")
    for paper in summary.papers:
        table.add_row(paper.file, *(str(getattr(paper, name)) for name in fields))
    table.add_section()
    table.add_row(f"{len(summary.papers)} papers", *(str(sum(getattr(p, name) for p in summary.papers)) for name in fields))
    console.print(table)
    console.print(f"{summary.quads} quads (ontology and vocabularies included) in {summary.seconds:.2f} s; base {summary.base}")
    if summary.live:
        console.print(f"Store: {summary.location} (build {summary.build})", highlight=False)
    else:
        console.print("[red]The new graph does not conform and --strict was given: the previous store is kept.[/red]")
    if report is None:
        console.print("Validation skipped (--no-validate).")
    elif report.conforms:
        console.print("[green]The graph conforms to the shapes.[/green]")
    else:
        console.print(f"[red]The graph does not conform: {len(report.violations)} violation(s).[/red]")
    warnings = make_console(stderr=True)  # warnings on standard error, as in every command
    for result in results:
        for warning in result.warnings:
            warnings.print(f"[yellow]Warning:[/yellow] {escape(warning)}", highlight=False)


def compact(iri: str | None) -> str:
    """An IRI with a known namespace written as prefix:name."""
    if iri is None:
        return ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def print_violations(violations: list[Violation], limit: int | None = None, console: Console | None = None) -> None:
    """Each violation: focus node, property, message (and the value, when there is one)."""
    console = console or Console()
    for violation in violations[:limit]:
        value = f" (value: {violation.value})" if violation.value is not None else ""
        path = " " + " / ".join(map(compact, violation.path.split(" / "))) if violation.path else ""
        console.print(f"{violation.severity}: {violation.focus}{path}: {violation.message}{value}",
                      highlight=False, markup=False, emoji=False, soft_wrap=True)
    if limit is not None and len(violations) > limit:
        console.print(f"... and {len(violations) - limit} more: run `recgraph validate` to see them all.")


def _cell(value: object) -> str:
    if value is None:
        return ""
    return cell_text(compact(value) if isinstance(value, str) else value)


def print_rows(columns: list[str], rows: list[list[object]], console: Console | None = None) -> None:
    """A SELECT's solutions as a table fitted to the terminal, IRIs compacted, long texts cut between words."""
    print_table(columns, [[_cell(value) for value in row] for row in rows], console or make_console())


def print_saved_queries(queries: dict[str, SavedQuery], console: Console | None = None) -> None:
    print_table(["name", "question it answers"], [[q.name, q.description] for q in queries.values()],
                console or make_console(), title="Saved queries (recgraph query NAME)", count=False)


def print_builds(builds: list, location: Path, console: Console | None = None) -> None:
    """The kept builds of a store (:class:`recgraph.graph.store.builds.BuildInfo`), oldest first, one a line:
    live marker, id, time, papers, recommendations, quads, validation outcome, and a note."""
    console = console or Console()
    console.print(f"Builds of {location} (restore one with `recgraph builds restore ID`):", highlight=False)
    for info in builds:
        note = info.problem or (f"{info.kept_papers} unreadable paper(s) kept from the build before" if info.kept_papers else "")
        line = (f"{'live' if info.live else '    '}  {info.id}  {info.built_at[:19].replace('T', ' ') or '-':19}  "
                f"{info.papers:>4} papers  {info.recommendations:>6} recs  {info.quads:>8} quads  {info.validation}")
        console.print(line + (f"  ({note})" if note else ""), highlight=False, markup=False, soft_wrap=True)
