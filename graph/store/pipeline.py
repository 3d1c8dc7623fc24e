"""The whole build in one call: papers -> records -> enrichment and links -> RDF -> store -> validation.

:func:`build` is what ``recgraph build`` runs and what a notebook calls (``recgraph.build``): the
command only turns options into arguments and renders the :class:`BuildOutcome`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from recgraph.errors import ReadError
from recgraph.graph.model import ReadResult
from recgraph.graph.rdf.iri import Minter
from recgraph.graph.rdf.writer import enrichment_nquads
from recgraph.graph.reading.locations import papers_dir
from recgraph.graph.reading.papers import ReadOptions, read_papers
from recgraph.graph.store.database import BuildSummary, build_store, store_location, update_store
from recgraph.graph.store.validation import ValidationReport, validate_store

#: progress(stage, done, total, item): stage "read" (item: the paper's path) while papers are read,
#: then the store's stages "papers", "load", "optimize", "check", "swap" (item None); total may be None.
BuildCallback = Callable[[str, int, "int | None", "str | None"], None]


class NothingToBuildError(ReadError):
    """No paper could be read, so no store was built; ``errors`` holds each paper's error."""

    def __init__(self, errors: list[ReadError]):
        self.errors = errors
        super().__init__(str(errors[0]) if errors else "no paper found to read")


@dataclass
class BuildOutcome:
    """What a build did: the store's summary, the records read, each unreadable paper, the validation."""

    summary: BuildSummary
    results: list[ReadResult]
    errors: list[ReadError] = field(default_factory=list)
    report: ValidationReport | None = None

    @property
    def ok(self) -> bool:
        """Every paper was read and the graph conforms (or was not validated)."""
        return not self.errors and (self.report is None or self.report.conforms)


def build(
    paths: Iterable[str | Path] | None = None,
    *,
    store: str | Path | None = None,
    base: str | None = None,
    update: bool = False,
    validate: bool = True,
    strict: bool = False,
    options: ReadOptions | None = None,
    workers: int | None = None,
    progress: BuildCallback | None = None,
) -> BuildOutcome:
    """Read papers, enrich and link them, write RDF, load it into a new store and make it live.

    Parameters
    ----------
    paths : paper files and folders (default: the data folder's ``papers/``).
    store : the store folder (default: ``$RECGRAPH_STORE``, else ``./.recgraph``).
    base : the base IRI of the data (default: ``$RECGRAPH_BASE``, else the project's).
    update : replace only the graphs of the papers given, keeping the rest of the live store.
    validate : check the new graph against the SHACL shapes before it goes live.
    strict : with ``validate``, keep the previous store live when the new graph does not conform.
    options : where the catalogue and corrections are, and the size limit.
    workers : reading processes (see :func:`recgraph.graph.reading.papers.read_papers`).
    progress : called as ``progress(stage, done, total, item)``.

    Returns
    -------
    BuildOutcome : the summary (``summary.live`` says whether it went live), the records, the
        papers that could not be read and the validation report.

    Raises
    ------
    NothingToBuildError : no paper could be read (each paper's error in ``errors``).
    StoreError : the store could not be written; the previous store is untouched.

    Examples
    --------
    >>> import recgraph, tempfile
    >>> outcome = recgraph.build(store=tempfile.mkdtemp())              # doctest: +SKIP
    >>> outcome.summary.live                                            # doctest: +SKIP
    True
    """
    mint = Minter(base)
    reading = (lambda path: progress("read", 0, None, str(path))) if progress else None
    outcome = read_papers(list(paths) if paths else [papers_dir()], options or ReadOptions(), progress=reading, workers=workers)
    if not outcome.results:
        raise NothingToBuildError(outcome.errors)
    reports: list[ValidationReport] = []

    def check(new_store) -> bool:
        reports.append(validate_store(new_store))
        return reports[-1].conforms or not strict

    building = (lambda stage, done, total: progress(stage, done, total, None)) if progress else None
    location = store_location(store)
    kwargs = dict(mint=mint, check=check if validate else None, progress=building)
    if update:
        summary = update_store(outcome.results, location, **kwargs)
    else:
        summary = build_store(outcome.results, location, extra_nquads=enrichment_nquads(outcome.results, mint), **kwargs)
    return BuildOutcome(summary, outcome.results, outcome.errors, reports[-1] if reports else None)
