"""The whole build in one call: papers -> records -> enrichment and links -> RDF -> store -> validation.

:func:`build` is what ``recgraph build`` runs and what a notebook calls (``recgraph.build``): the
command only turns options into arguments and renders the :class:`BuildOutcome`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from recgraph.errors import ReadError, StoreError
from recgraph.graph.model import ReadResult
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.rdf.writer import enrichment_nquads
from recgraph.graph.reading.locations import papers_dir
from recgraph.graph.reading.papers import ReadOptions, ReadOutcome, read_papers
from recgraph.graph.store.builds import BUILDS, CURRENT, live_build
from recgraph.graph.store.database import BuildSummary, Verdict, build_store, store_location, update_store
from recgraph.graph.store.records import StaleRecordsError, kept_reports, load_records, record_slugs
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
    """What a build did: the store's summary, the records read, each unreadable paper, the validation.

    ``kept`` names the unreadable papers that kept their previous records (and so their graph);
    ``stopped`` says why nothing was built (``--strict`` and a paper that could not be read).
    """

    summary: BuildSummary
    results: list[ReadResult]
    errors: list[ReadError] = field(default_factory=list)
    report: ValidationReport | None = None
    kept: list[str] = field(default_factory=list)
    stopped: str | None = None
    warnings: list[str] = field(default_factory=list)
    topic_mentions: tuple = ()  # every mention by topic of the build, resolved or not (linking.TopicMatch)

    @property
    def ok(self) -> bool:
        """Every paper was read and the graph conforms (or was not validated)."""
        return not self.errors and not self.stopped and (self.report is None or self.report.conforms)


def build(
    paths: Iterable[str | Path] | None = None,
    *,
    store: str | Path | None = None,
    base: str | None = None,
    update: bool = False,
    remove: Iterable[str] = (),
    validate: bool = True,
    strict: bool = False,
    options: ReadOptions | None = None,
    workers: int | None = None,
    keep: int | None = None,
    progress: BuildCallback | None = None,
) -> BuildOutcome:
    """Read papers, enrich and link them, write RDF, load it into a new store and make it live.

    A build goes live only whole. A paper that cannot be read keeps the records it had in the live
    build (so its graph, and its part in the themes and links): the live store never loses a paper
    because a build failed to read it; the paper's error is still reported (``errors``) and named in
    ``kept``. With ``strict``, an unreadable paper (or a graph that does not conform) stops the build
    instead: nothing is written and the previous build stays live.

    Report keys are stable across builds: a report the live build keyed from its names keeps that
    key in this build (full or ``update``), whatever papers are added or removed, as long as a paper
    still tracks it (see :func:`recgraph.graph.reading.tracked.unify_reports`).

    Parameters
    ----------
    paths : paper files and folders (default: the data folder's ``papers/``).
    store : the store folder (default: ``$RECGRAPH_STORE``, else ``./.recgraph``).
    base : the base IRI of the data (default: ``$RECGRAPH_BASE``, else the project's).
    update : re-read only the papers given (a given file that no longer exists leaves the store);
        every other paper keeps its records from the live build, and everything is rebuilt from
        them, so the store equals a full build of the same papers.
    remove : papers (file names, paths or slugs) to take out of the store; implies ``update``.
    validate : check the new graph against the SHACL shapes before it goes live.
    strict : keep the previous store live when a paper cannot be read or the graph does not conform.
    options : where the catalogue and corrections are, and the size limit.
    workers : reading processes (see :func:`recgraph.graph.reading.papers.read_papers`).
    keep : finished builds to keep (default: ``$RECGRAPH_KEEP_BUILDS``, else 3).
    progress : called as ``progress(stage, done, total, item)``.

    Returns
    -------
    BuildOutcome : the summary (``summary.live`` says whether it went live), the records, the
        papers that could not be read, those kept from the previous build and the validation report.

    Raises
    ------
    NothingToBuildError : no paper could be read (each paper's error in ``errors``).
    StoreError : the store could not be written, or there is nothing to update; the previous store
        is untouched.

    Examples
    --------
    >>> import recgraph, tempfile
    >>> outcome = recgraph.build(store=tempfile.mkdtemp())              # doctest: +SKIP
    >>> outcome.summary.live                                            # doctest: +SKIP
    True
    """
    mint = Minter(base)
    location = store_location(store)
    removed = [paper_slug(str(name)) for name in remove]
    update = update or bool(removed)
    live = _live(location)
    available = set(record_slugs(location / BUILDS / live)) if live else set()
    paths = list(paths) if paths else ([] if removed else [papers_dir()])
    if update:
        if live is None:
            live_build(location)  # raises the error that says there is no store to update
        # a named file that is gone takes its paper out of the store
        gone = [Path(p) for p in paths if not Path(p).exists() and paper_slug(str(p)) in available]
        removed += [paper_slug(str(p)) for p in gone if paper_slug(str(p)) not in removed]
        paths = [p for p in paths if Path(p) not in gone]
        unknown = [slug for slug in removed if slug not in available]
        if unknown:
            raise StoreError(f"cannot remove {unknown[0]!r}: build {live} of {location} holds no such paper")
    reading = (lambda path: progress("read", 0, None, str(path))) if progress else None
    pinned, notes = _pinned(location, live) if live else ([], [])
    outcome = (read_papers(paths, options or ReadOptions(), progress=reading, workers=workers, pinned=pinned)
               if paths else ReadOutcome())
    if not outcome.results and not removed:
        raise NothingToBuildError(outcome.errors)
    unreadable = [paper_slug(error.file) for error in outcome.errors if error.file]
    kept_slugs = [slug for slug in unreadable if slug in available]
    if live and not available:  # a build made before builds kept records: nothing to fall back on
        held = {paper_slug(paper.get("file", "")) for paper in _manifest(location)} & set(unreadable)
        if held and not strict:
            error = next(e for e in outcome.errors if e.file and paper_slug(e.file) in held)
            raise StoreError(f"{error}; the live build {live} holds this paper but keeps no records of it "
                             "(made by an older recgraph), so this build would lose it: fix the paper, or build "
                             "without it deliberately")
    if strict and outcome.errors:
        summary = BuildSummary(location, "", mint.base, live=False)
        return BuildOutcome(summary, outcome.results, outcome.errors, stopped=(
            f"{len(outcome.errors)} paper(s) could not be read and --strict was given: nothing was built; "
            "the previous store stays live"), warnings=notes)
    reports: list[ValidationReport] = []

    def check(new_store) -> Verdict:
        report = validate_store(new_store)
        reports.append(report)
        outcome_text = {"conforms": report.conforms, "violations": len(report.violations) + report.omitted,
                        "engine": report.engine}
        return Verdict(report.conforms or not strict, outcome_text)

    building = (lambda stage, done, total: progress(stage, done, total, None)) if progress else None
    kwargs = dict(mint=mint, check=check if validate else None, progress=building, keep=keep)
    seen: list = []  # the links the build finds: its mentions by topic are reported from them
    if update:
        kept = _files(location / BUILDS / live, kept_slugs)
        summary = update_store(outcome.results, location, removed=removed, kept=kept, seen=seen, **kwargs)
    else:
        previous = load_records(location / BUILDS / live, kept_slugs) if kept_slugs else {}
        kept = [Path(previous[slug].paper.file).name for slug in kept_slugs]
        results = list(outcome.results) + [previous[slug] for slug in kept_slugs]
        summary = build_store(results, location, extra_nquads=enrichment_nquads(results, mint, seen),
                              expect_live=live, kept=kept, **kwargs)
    return BuildOutcome(summary, outcome.results, outcome.errors, reports[-1] if reports else None, kept=summary.kept,
                        warnings=notes, topic_mentions=seen[0].topics if seen else ())


def _pinned(location: Path, live: str) -> tuple[list, list[str]]:
    """The reports the live build keyed, whose keys stay given, and a warning when they cannot be
    loaded (records of an older recgraph, or a damaged keys file: keys are then given afresh, as the
    first build did)."""
    try:
        return kept_reports(location / BUILDS / live), []
    except StaleRecordsError as err:
        return [], [f"{err}; report keys are given afresh from the papers' words"]


def _live(location: Path) -> str | None:
    """The live build, or None when there is none or CURRENT is broken (the build then says so)."""
    if not (location / CURRENT).exists():
        return None
    try:
        return live_build(location)
    except StoreError:
        return None


def _manifest(location: Path) -> list[dict]:
    from recgraph.graph.store.database import read_manifest

    try:
        return [paper for paper in read_manifest(location).get("papers", []) if isinstance(paper, dict)]
    except StoreError:
        return []


def _files(folder: Path, slugs: list[str]) -> list[str]:
    records = load_records(folder, slugs) if slugs else {}
    return [Path(records[slug].paper.file).name for slug in slugs if slug in records]
