"""The on-disk store: pyoxigraph, one named graph per paper, rebuilt atomically.

Layout of a store folder (default ``.recgraph/`` in the working directory, i.e. beside ``data/``
in a checkout; ``--store`` or ``RECGRAPH_STORE`` choose another)::

    .recgraph/
        CURRENT                      the name of the live build, replaced atomically (os.replace)
        builds/<id>/oxigraph/        the pyoxigraph database of one build
        builds/<id>/manifest.json    what the build holds: papers (and where they are), counts,
                                     base IRI, validation, the graphs it made, its database files
        builds/<id>/records/         each paper's records (what --update and failed reads fall back on)
        .lock                        held while a build writes (released by the OS if the build dies)

A build writes a new folder under ``builds/`` and only then points ``CURRENT`` at it, so a build
that fails or is killed (even with SIGKILL) leaves the previous build live and openable; the
half-written folder is removed by the next build. The live build and the most recent others are
kept (three builds in all by default, see :mod:`recgraph.graph.store.builds`); older ones are removed.

A build carries over what no build makes: the default graph and the named graphs written through
``recgraph serve --allow-updates`` into the live build (:func:`~recgraph.graph.store.loading.carry_user_graphs`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from recgraph.errors import StoreError
from recgraph.graph.model import ReadResult
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.store import loading
from recgraph.graph.store.builds import (
    BUILDS,
    CURRENT,
    DATABASE,
    MANIFEST,
    build_lock,
    discard,
    keep_count,
    list_builds,
    live_build,
    new_build_folder,
    prune,
    remove_stale_builds,
    swap,
)
from recgraph.graph.store.integrity import check_contents, check_sizes, damaged, fingerprint
from recgraph.graph.store.loading import Progress, ontology_dir, ontology_files
from recgraph.graph.store.records import load_records, merge_records, save_records

__all__ = [
    "BuildSummary", "PaperSummary", "Verdict", "build_store", "current_build", "ontology_dir", "ontology_files",
    "open_store", "read_manifest", "store_location", "update_store", "verify_store", "CURRENT", "Progress",
]

STORE_ENV = "RECGRAPH_STORE"
DEFAULT_STORE = ".recgraph"
_DATABASE = DATABASE


def store_location(explicit: str | Path | None = None) -> Path:
    """The store folder: ``explicit``, else ``$RECGRAPH_STORE``, else ``./.recgraph``."""
    return Path(explicit or os.environ.get(STORE_ENV) or Path.cwd() / DEFAULT_STORE)


@dataclass
class PaperSummary:
    """What one paper contributed to a build; ``path`` is where it was read (see the manifest)."""

    file: str
    graph: str
    layout: str
    source_reports: int
    recommendations: int
    updates: int
    cross_references: int
    leftovers: int
    warnings: int
    quads: int
    path: str = ""


@dataclass
class Verdict:
    """What a build's check decided: whether it goes live, and the validation outcome to record.

    ``validation`` is kept in the manifest (``recgraph builds`` shows it), e.g.
    ``{"conforms": False, "violations": 3, "engine": "sparql"}``; ``{"conforms": None}``: not validated.
    """

    live: bool
    validation: dict | None = None


@dataclass
class BuildSummary:
    """The outcome of a build: what the store holds and whether it went live.

    ``kept`` names the papers that could not be read and kept the records of the previous build;
    ``removed`` the papers an update took out; ``user_graphs`` the graphs carried over from the
    previous build because no build makes them (written through the endpoint).
    """

    location: Path
    build: str
    base: str
    papers: list[PaperSummary] = field(default_factory=list)
    quads: int = 0
    seconds: float = 0.0
    live: bool = True
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    user_graphs: list[str] = field(default_factory=list)
    validation: dict | None = None

    def to_json(self) -> str:
        data = asdict(self)
        data["location"] = str(self.location)
        return json.dumps(data, indent=2, ensure_ascii=False)


def build_store(
    results: Sequence[ReadResult],
    location: str | Path,
    *,
    mint: Minter | None = None,
    ontology: Path | None = None,
    extra_nquads: Iterable[str] = (),
    check: Callable[[ox.Store], bool | Verdict] | None = None,
    progress: Progress | None = None,
    keep: int | None = None,
    expect_live: str | None = None,
    kept: Sequence[str] = (),
    removed: Sequence[str] = (),
    data_dir: Path | None = None,
) -> BuildSummary:
    """Build a new store from papers' records and make it the live one.

    Parameters
    ----------
    results : what was read from each paper; each becomes the named graph ``<base>graph/<slug>``.
    location : the store folder (created if missing).
    mint : the IRI minter (default: base from ``$RECGRAPH_BASE`` or the default base).
    ontology : folder of the ontology and vocabulary Turtle files (default: the packaged ones).
    extra_nquads : further N-Quads lines (e.g. enrichment links), each naming its graph.
    check : called with the new store before it goes live; returning False (or a :class:`Verdict`
        whose ``live`` is False) keeps the previous store live and discards the new build.
    progress : called as ``progress(stage, done, total)``.
    keep : finished builds to keep (see :func:`recgraph.graph.store.builds.keep_count`).
    expect_live : the live build the caller read records from; if another build went live since,
        nothing is written (StoreError).
    kept, removed : recorded in the summary and manifest (papers kept from, or removed since, the
        previous build).
    data_dir : the data folder paper paths are recorded relative to (default: the default one).

    Returns
    -------
    BuildSummary

    Raises
    ------
    StoreError : the folder cannot be written (disk full, permissions), another build holds it,
        CURRENT is garbled, or loading failed; the previous store is then untouched.
    ReadError : two papers would share a named graph (same file slug).
    """
    mint = mint or Minter()
    keep = keep_count(keep)
    location = Path(location)
    started = time.perf_counter()
    with build_lock(location):
        remove_stale_builds(location)
        live = _live_or_none(location)
        if expect_live is not None and live != expect_live:
            raise StoreError(f"build {live} of {location} went live while this build read its papers; run it again")
        live_manifest = _manifest_of(location, live) if live else {}
        build_id, folder = new_build_folder(location)
        store = None
        try:
            store = ox.Store(str(folder / _DATABASE))
            loading.load_ontology(store, mint, ontology)
            results = list(results)
            counts = loading.load_papers(store, results, mint, folder, extra_nquads, progress)
            made = loading.graphs_made(store)
            live_database = location / BUILDS / live / _DATABASE if live else None
            made_before = live_manifest.get("graphs")
            users = loading.carry_user_graphs(store, live_database, set(made_before) if made_before is not None else None,
                                              live_manifest.get("base"))
            quads, verdict = loading.close(store, check, progress)
            del store  # closes the database before it goes live
            if not isinstance(verdict, Verdict):
                verdict = Verdict(bool(verdict), None if check else {"conforms": None})
            data_dir = data_dir or _default_data_dir()
            papers = [_paper_summary(r, mint, n, data_dir) for r, n in zip(results, counts)]
            summary = BuildSummary(location, build_id, mint.base, papers, quads, live=verdict.live, kept=list(kept),
                                   removed=list(removed), user_graphs=users, validation=verdict.validation)
            if verdict.live:
                save_records(folder, results)
                _finish(location, folder, summary, made, keep, started, progress)
            else:
                discard(folder, StoreError("discarded"))
            summary.seconds = round(time.perf_counter() - started, 3)
            return summary
        except OSError as err:
            store = None  # noqa: F841  (drops this frame's reference to the database)
            discard(folder, err)
            if isinstance(err, StoreError):
                raise
            where = err.filename or folder
            raise StoreError(f"cannot write the new build at {where}: {err.strerror or err}; the previous build stays live") from err
        except BaseException as err:
            store = None  # noqa: F841
            discard(folder, err)
            raise


def _live_or_none(location: Path) -> str | None:
    """The live build, None when there is none; a broken CURRENT stops the build while a kept build
    could be restored instead (its graphs written through the endpoint would otherwise be lost)."""
    if not (location / CURRENT).exists():
        return None
    try:
        return live_build(location)
    except StoreError:
        if any(info.finished for info in list_builds(location)):
            raise
        return None


def update_store(
    results: Sequence[ReadResult],
    location: str | Path,
    *,
    removed: Iterable[str] = (),
    mint: Minter | None = None,
    ontology: Path | None = None,
    check: Callable[[ox.Store], bool | Verdict] | None = None,
    progress: Progress | None = None,
    keep: int | None = None,
    enrich: bool = True,
    kept: Sequence[str] = (),
    seen: list | None = None,
) -> BuildSummary:
    """Re-read some papers: the live build's records of the others, these, minus ``removed``, built whole.

    The store made is the one :func:`build_store` makes from the same records (with the enrichment
    and links when ``enrich``): the papers not named keep the records they had in the live build.

    Parameters
    ----------
    results : the papers re-read (replacing their records) or added.
    removed : slugs of papers to take out of the store (see :func:`recgraph.graph.rdf.iri.paper_slug`).
    seen : receives the links found (see :func:`recgraph.graph.rdf.writer.enrichment_nquads`).

    Raises
    ------
    StoreError : there is no live store to update, it keeps no records, it was built with
        another base, or a removed paper is not in it.
    """
    from recgraph.graph.rdf.writer import enrichment_nquads

    mint = mint or Minter()
    location = Path(location)
    live = live_build(location)
    manifest = read_manifest(location)
    if manifest.get("base") != mint.base:
        raise StoreError(
            f"{location} was built with base {manifest.get('base')!r}, not {mint.base!r}; "
            "run a full `recgraph build` to change the base"
        )
    previous = load_records(location / BUILDS / live)
    removed = list(removed)
    missing = [slug for slug in removed if slug not in previous]
    if missing:
        raise StoreError(f"cannot remove {missing[0]!r}: build {live} of {location} holds no such paper")
    merged = merge_records(previous, results, removed)
    gone = [Path(previous[slug].paper.file).name for slug in removed]
    extra = enrichment_nquads(merged, mint, seen) if enrich else ()
    return build_store(merged, location, mint=mint, ontology=ontology, extra_nquads=extra, check=check,
                       progress=progress, keep=keep, expect_live=live, removed=gone, kept=kept)


def current_build(location: str | Path) -> Path:
    """The folder of the live build.

    Raises
    ------
    StoreError : there is no store at ``location`` (the message says how to make one), or CURRENT
        is empty, garbled, or names a missing build.
    """
    return Path(location) / BUILDS / live_build(location)


def read_manifest(location: str | Path) -> dict:
    """The manifest of the live build (papers, counts, base IRI, when it was built)."""
    return _manifest_of(Path(location), live_build(location))


def _manifest_of(location: Path, build_id: str) -> dict:
    path = location / BUILDS / build_id / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StoreError(f"cannot read the build manifest {path}: {err}") from err
    if not isinstance(manifest, dict):
        raise StoreError(f"cannot read the build manifest {path}: it is not a JSON object")
    return manifest


def open_store(location: str | Path) -> ox.Store:
    """The live store, opened read-only, after checking its files are the size its build wrote.

    Raises
    ------
    StoreError : there is no store, a database file is missing or truncated, or pyoxigraph cannot
        open it.
    """
    folder = current_build(location)
    database = folder / _DATABASE
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("database_files")
    except (OSError, ValueError, AttributeError):
        recorded = None  # a build made by hand, or whose manifest is damaged: RocksDB's checks only
    check_sizes(database, recorded if isinstance(recorded, dict) else None)
    try:
        return ox.Store.read_only(str(database))
    except OSError as err:
        raise StoreError(f"cannot open the store {database}: {err}") from err
    except RuntimeError as err:  # RocksDB's "Corruption: ..."
        raise damaged(err, database) from err


def verify_store(location: str | Path | None = None) -> None:
    """Check every database file of the live build against its manifest: size and SHA-256.

    One read of the files (about 1 s per GB); ``recgraph validate`` runs it first, because a
    garbled file can send a query into a loop instead of an error.

    Raises
    ------
    StoreError : no store, an unreadable manifest, or a file missing, truncated or changed (named).
    """
    location = store_location(location)
    folder = current_build(location)
    recorded = _manifest_of(location, folder.name).get("database_files")
    check_contents(folder / _DATABASE, recorded if isinstance(recorded, dict) else None)


def _default_data_dir() -> Path:
    from recgraph.graph.reading.locations import default_data_dir

    return default_data_dir()


def _paper_summary(result: ReadResult, mint: Minter, quads: int, data_dir: Path) -> PaperSummary:
    return PaperSummary(
        file=Path(result.paper.file).name,
        graph=mint.paper_graph(paper_slug(result.paper.file)),
        layout=result.paper.layout,
        source_reports=len(result.paper.source_reports),
        recommendations=len(result.recommendations),
        updates=len(result.updates),
        cross_references=len(result.cross_references),
        leftovers=len(result.leftovers),
        warnings=len(result.warnings),
        quads=quads,
        path=loading.relative_path(result.paper.file, data_dir),
    )


def _finish(location: Path, folder: Path, summary: BuildSummary, made: list[str], keep: int, started: float,
            progress: Progress | None) -> None:
    """Write the manifest (atomically) and make the build live."""
    summary.seconds = round(time.perf_counter() - started, 3)
    manifest = json.loads(summary.to_json())
    manifest["built_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    manifest["graphs"] = made
    manifest["database_files"] = fingerprint(folder / _DATABASE)
    temporary = folder / f"{MANIFEST}.tmp"
    temporary.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)
    swap(location, summary.build)
    if progress:
        progress("swap", 1, 1)
    prune(location, keep)
