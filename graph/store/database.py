"""The on-disk store: pyoxigraph, one named graph per paper, rebuilt atomically.

Layout of a store folder (default ``.recgraph/`` in the working directory, i.e. beside ``data/``
in a checkout; ``--store`` or ``RECGRAPH_STORE`` choose another)::

    .recgraph/
        CURRENT              the name of the live build, replaced atomically (os.replace)
        builds/<id>/oxigraph the pyoxigraph database of one build
        builds/<id>/manifest.json   what the build holds (papers, counts, base IRI)
        .lock                held while a build writes (released by the OS if the build dies)

A build writes a new folder under ``builds/`` and only then points ``CURRENT`` at it, so a build
that fails or is killed (even with SIGKILL) leaves the previous build live and openable; the
half-written folder is removed by the next build. The live build and the one before it are kept
(a reader that opened the previous one keeps working); older ones are removed.

Quads are bulk-loaded: the ontology and vocabularies from their Turtle files, each into a graph of
its own, and the papers from N-Quads written by :mod:`recgraph.graph.rdf.writer`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from recgraph.errors import StoreError
from recgraph.graph.store.builds import (
    BUILDS,
    CURRENT,
    MANIFEST,
    build_lock,
    discard,
    new_build_folder,
    prune,
    remove_stale_builds,
    swap,
)
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.model import ReadResult
from recgraph.graph.rdf.writer import write_nquads

STORE_ENV = "RECGRAPH_STORE"
DEFAULT_STORE = ".recgraph"
_DATABASE = "oxigraph"
#: Ontology files that are not loaded into the store (the shapes are used by validation only).
_NOT_STORED = frozenset({"shapes"})

#: progress(stage, done, total): stage is "papers", "load", "check" or "swap".
Progress = Callable[[str, int, int], None]


def store_location(explicit: str | Path | None = None) -> Path:
    """The store folder: ``explicit``, else ``$RECGRAPH_STORE``, else ``./.recgraph``."""
    return Path(explicit or os.environ.get(STORE_ENV) or Path.cwd() / DEFAULT_STORE)


def ontology_dir() -> Path:
    """The folder of the ontology, shapes, vocabularies and saved queries shipped with recgraph."""
    from importlib.resources import files

    return Path(str(files("recgraph.ontology")))


def ontology_files(folder: Path | None = None) -> dict[str, Path]:
    """The Turtle files loaded into the store, by name (file stem): recgraph, themes, statuses ..."""
    folder = folder or ontology_dir()
    return {path.stem: path for path in sorted(folder.glob("*.ttl")) if path.stem not in _NOT_STORED}


@dataclass
class PaperSummary:
    """What one paper contributed to a build."""

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


@dataclass
class BuildSummary:
    """The outcome of a build: what the store holds and whether it went live."""

    location: Path
    build: str
    base: str
    papers: list[PaperSummary] = field(default_factory=list)
    quads: int = 0
    seconds: float = 0.0
    live: bool = True

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
    check: Callable[[ox.Store], bool] | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build a new store from papers' records and make it the live one.

    Parameters
    ----------
    results : what was read from each paper; each becomes the named graph ``<base>graph/<slug>``.
    location : the store folder (created if missing).
    mint : the IRI minter (default: base from ``$RECGRAPH_BASE`` or the default base).
    ontology : folder of the ontology and vocabulary Turtle files (default: the packaged ones).
    extra_nquads : further N-Quads lines (e.g. enrichment links), each naming its graph.
    check : called with the new store before it goes live; returning False keeps the previous
        store live and discards the new build (``summary.live`` is then False).
    progress : called as ``progress(stage, done, total)``.

    Returns
    -------
    BuildSummary

    Raises
    ------
    StoreError : the folder cannot be written, another build holds it, or loading failed; the
        previous store is then untouched.
    ReadError : two papers would share a named graph (same file slug).
    """
    mint = mint or Minter()
    location = Path(location)
    started = time.perf_counter()
    with build_lock(location):
        remove_stale_builds(location)
        build_id, folder = new_build_folder(location)
        store = None
        try:
            store = ox.Store(str(folder / _DATABASE))
            _load_ontology(store, mint, ontology)
            papers = _load_papers(store, list(results), mint, folder, extra_nquads, progress)
            quads, live = _close(store, check, progress)
            del store  # closes the database before it goes live
            return _finish(location, build_id, mint, papers, quads, live, started, progress)
        except BaseException as err:
            store = None  # noqa: F841  (drops this frame's reference to the database)
            discard(folder, err)
            raise


def update_store(
    results: Sequence[ReadResult],
    location: str | Path,
    *,
    mint: Minter | None = None,
    ontology: Path | None = None,
    check: Callable[[ox.Store], bool] | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Re-read some papers into a copy of the live store: each one's graph is replaced, nothing else.

    The ontology graphs are reloaded too (so vocabulary edits take effect). The copy goes live
    atomically, as with :func:`build_store`.

    Raises
    ------
    StoreError : there is no live store to update, or it cannot be copied.
    """
    mint = mint or Minter()
    location = Path(location)
    started = time.perf_counter()
    with build_lock(location):
        live_folder = current_build(location)
        manifest = read_manifest(location)
        if manifest.get("base") != mint.base:
            raise StoreError(
                f"{location} was built with base {manifest.get('base')!r}, not {mint.base!r}; "
                "run a full `recgraph build` to change the base"
            )
        remove_stale_builds(location)
        build_id, folder = new_build_folder(location)
        store = None
        try:
            try:
                ox.Store.read_only(str(live_folder / _DATABASE)).backup(str(folder / _DATABASE))
            except OSError as err:
                raise StoreError(f"cannot copy the live store {live_folder}: {err}") from err
            store = ox.Store(str(folder / _DATABASE))
            for name in ontology_files(ontology):
                store.remove_graph(ox.NamedNode(mint.ontology_graph(name)))
            _load_ontology(store, mint, ontology)
            for result in results:
                graph = ox.NamedNode(mint.paper_graph(paper_slug(result.paper.file)))
                if store.contains_named_graph(graph):
                    store.remove_graph(graph)
            papers = _load_papers(store, list(results), mint, folder, (), progress)
            replaced = {paper.graph for paper in papers}
            kept = [PaperSummary(**p) for p in manifest.get("papers", []) if p["graph"] not in replaced]
            quads, live = _close(store, check, progress)
            del store  # closes the database before it goes live
            papers = sorted(kept + papers, key=lambda paper: paper.file)
            return _finish(location, build_id, mint, papers, quads, live, started, progress)
        except BaseException as err:
            store = None  # noqa: F841  (drops this frame's reference to the database)
            discard(folder, err)
            raise


def current_build(location: str | Path) -> Path:
    """The folder of the live build.

    Raises
    ------
    StoreError : there is no store at ``location`` (the message says how to make one).
    """
    location = Path(location)
    pointer = location / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise StoreError(
            f"no recgraph store at {location}: run `recgraph build` first, or point --store / {STORE_ENV} at one"
        ) from None
    except OSError as err:
        raise StoreError(f"cannot read {pointer}: {err}") from err
    folder = location / BUILDS / name
    if not (folder / _DATABASE).is_dir():
        raise StoreError(f"{pointer} names build {name!r}, which is missing; run `recgraph build` again")
    return folder


def read_manifest(location: str | Path) -> dict:
    """The manifest of the live build (papers, counts, base IRI, when it was built)."""
    path = current_build(location) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StoreError(f"cannot read the build manifest {path}: {err}") from err


def open_store(location: str | Path) -> ox.Store:
    """The live store, opened read-only.

    Raises
    ------
    StoreError : there is no store, or pyoxigraph cannot open it.
    """
    folder = current_build(location) / _DATABASE
    try:
        return ox.Store.read_only(str(folder))
    except OSError as err:
        raise StoreError(f"cannot open the store {folder}: {err}") from err


# ---------------------------------------------------------------------------------------------
# Building


def _load_ontology(store: ox.Store, mint: Minter, folder: Path | None) -> None:
    for name, path in ontology_files(folder).items():
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(mint.ontology_graph(name)))
        except SyntaxError as err:
            raise StoreError(f"{path} is not valid Turtle: {err}") from err


def _load_papers(
    store: ox.Store,
    results: list[ReadResult],
    mint: Minter,
    folder: Path,
    extra_nquads: Iterable[str],
    progress: Progress | None,
) -> list[PaperSummary]:
    # Papers go through a temporary N-Quads file so a large build never holds all quads in memory.
    def written(done: int) -> None:
        if progress:
            progress("papers", done, len(results))

    quads_file = folder / "papers.nq"
    with quads_file.open("w", encoding="utf-8") as out:
        counts = write_nquads(results, mint, out, written)
        out.writelines(extra_nquads)
    papers = [_paper_summary(result, mint, count) for result, count in zip(results, counts)]
    if progress:
        progress("load", 0, 1)
    try:
        store.bulk_load(path=str(quads_file), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as err:
        raise StoreError(f"the quads of the papers or of the enrichment are not valid N-Quads ({err})") from err
    quads_file.unlink()
    if progress:
        progress("load", 1, 1)
    return papers


def _paper_summary(result: ReadResult, mint: Minter, quads: int) -> PaperSummary:
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
    )


def _close(store: ox.Store, check: Callable[[ox.Store], bool] | None, progress: Progress | None) -> tuple[int, bool]:
    """Flush and compact the new store, count its quads and run the check; the caller then drops it."""
    store.flush()
    # A bulk load leaves its data in many unmerged files, and every lookup then visits each of them:
    # compacting once here (about 20 s for 100,000 recommendations) makes the queries, analyses
    # and validation on the store about three times faster (docs/benchmarks.md).
    if progress:
        progress("optimize", 0, 1)
    store.optimize()
    if progress:
        progress("optimize", 1, 1)
    quads = len(store)
    live = True
    if check is not None:
        if progress:
            progress("check", 0, 1)
        live = check(store)
        if progress:
            progress("check", 1, 1)
    return quads, live


def _finish(
    location: Path,
    build_id: str,
    mint: Minter,
    papers: list[PaperSummary],
    quads: int,
    live: bool,
    started: float,
    progress: Progress | None,
) -> BuildSummary:
    """Write the manifest and make the build live (or discard it when its check failed)."""
    folder = location / BUILDS / build_id
    summary = BuildSummary(location, build_id, mint.base, papers, quads, live=live)
    summary.seconds = round(time.perf_counter() - started, 3)
    if not live:
        shutil.rmtree(folder, ignore_errors=True)
        return summary
    manifest = json.loads(summary.to_json())
    manifest["built_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    swap(location, build_id)
    if progress:
        progress("swap", 1, 1)
    prune(location)
    return summary
