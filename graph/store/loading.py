"""Filling a new build's database: ontology, papers, enrichment, and the graphs no build makes.

The steps of :func:`recgraph.graph.store.database.build_store`, each on an open pyoxigraph store.
Quads are bulk-loaded: the ontology and vocabularies from their Turtle files, each into a graph
of its own, and the papers from N-Quads written by :mod:`recgraph.graph.rdf.writer`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox

from recgraph.errors import StoreError
from recgraph.graph.model import ReadResult
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.rdf.writer import write_nquads

#: Ontology files that are not loaded into the store (the shapes are used by validation only).
_NOT_STORED = frozenset({"shapes"})

#: progress(stage, done, total): stage is "papers", "load", "optimize", "check" or "swap".
Progress = Callable[[str, int, int], None]


def ontology_dir() -> Path:
    """The folder of the ontology, shapes, vocabularies and saved queries shipped with recgraph."""
    from importlib.resources import files

    return Path(str(files("recgraph.ontology")))


def ontology_files(folder: Path | None = None) -> dict[str, Path]:
    """The Turtle files loaded into the store, by name (file stem): recgraph, themes, statuses ..."""
    folder = folder or ontology_dir()
    return {path.stem: path for path in sorted(folder.glob("*.ttl")) if path.stem not in _NOT_STORED}


def load_ontology(store: ox.Store, mint: Minter, folder: Path | None) -> None:
    for name, path in ontology_files(folder).items():
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(mint.ontology_graph(name)))
        except SyntaxError as err:
            raise StoreError(f"{path} is not valid Turtle: {err}") from err


def load_papers(
    store: ox.Store,
    results: list[ReadResult],
    mint: Minter,
    folder: Path,
    extra_nquads: Iterable[str],
    progress: Progress | None,
) -> list[int]:
    """Load the papers' graphs and the extra quads; the number of quads of each paper, in order."""
    # Papers go through a temporary N-Quads file so a large build never holds all quads in memory.
    def written(done: int) -> None:
        if progress:
            progress("papers", done, len(results))

    quads_file = folder / "papers.nq"
    with quads_file.open("w", encoding="utf-8") as out:
        counts = write_nquads(results, mint, out, written)
        out.writelines(extra_nquads)
    if progress:
        progress("load", 0, 1)
    try:
        store.bulk_load(path=str(quads_file), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as err:
        raise StoreError(f"the quads of the papers or of the enrichment are not valid N-Quads ({err})") from err
    quads_file.unlink()
    if progress:
        progress("load", 1, 1)
    return counts


#: How a manifest names the default graph among the graphs a build made (not an IRI, so no graph's name).
DEFAULT_GRAPH = "(default graph)"


def graphs_made(store: ox.Store) -> list[str]:
    """The graphs a new build holds before anything is carried over: its named graphs, and the
    default graph when its own quads wrote to it (then the next build replaces it, not carries it)."""
    made = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        made.append(DEFAULT_GRAPH)
    return made


def carry_user_graphs(store: ox.Store, live: Path | None, made_before: set[str] | None, base: str | None) -> list[str]:
    """Copy into the new build what the live build holds that no build made; the graphs copied.

    That is the default graph (unless the live build wrote it itself) and every named graph the
    live build's manifest does not list as made by it (``made_before``; for a build made before manifests
    listed them: every graph outside ``<base>graph/``). Those are the graphs written through
    ``recgraph serve --allow-updates``; the live build is read as it is now, so every write the
    server has committed is copied.
    """
    if live is None:
        return []
    try:
        source = ox.Store.read_only(str(live))
    except (OSError, RuntimeError) as err:
        from recgraph.graph.store.integrity import damaged

        raise damaged(err, live) from err
    prefix = f"{base}graph/" if base else None

    def made(graph: str) -> bool:
        if made_before is not None:
            return graph in made_before
        return bool(prefix) and graph.startswith(prefix)

    copied = []
    targets: list[ox.NamedNode | ox.DefaultGraph] = [] if made(DEFAULT_GRAPH) else [ox.DefaultGraph()]
    targets += sorted((g for g in source.named_graphs() if isinstance(g, ox.NamedNode) and not made(g.value)), key=str)
    for graph in targets:
        quads = list(source.quads_for_pattern(None, None, None, graph))
        if quads:
            store.bulk_extend(quads)
            copied.append(graph.value if isinstance(graph, ox.NamedNode) else DEFAULT_GRAPH)
    return copied


def close(store: ox.Store, check: Callable[[ox.Store], object] | None, progress: Progress | None) -> tuple[int, object]:
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
    verdict: object = True
    if check is not None:
        if progress:
            progress("check", 0, 1)
        verdict = check(store)
        if progress:
            progress("check", 1, 1)
    return quads, verdict


def relative_path(file: str, data_dir: Path) -> str:
    """Where a paper is, as the manifest records it: relative to the data folder when inside it."""
    path = Path(os.path.abspath(file))
    try:
        return path.relative_to(Path(os.path.abspath(data_dir))).as_posix()
    except ValueError:
        return path.as_posix()


def paper_graph(result: ReadResult, mint: Minter) -> str:
    return mint.paper_graph(paper_slug(result.paper.file))
