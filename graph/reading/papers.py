"""Reading papers end to end: file -> layout reader -> catalogue -> pointers -> corrections.

:func:`read_paper` reads one file and raises :class:`~recgraph.errors.ReadError` when nothing
sensible can be read from it. :func:`read_papers` reads many (folders are searched for ``*.txt``)
and collects per-file errors instead of stopping, so one bad paper does not hide the others; a
large read runs in worker processes (:mod:`recgraph.graph.reading.pool`) with the same outcome.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from recgraph.errors import ReadError
from recgraph.graph.reading.catalogue import Catalogue, apply_catalogue, catalogue_pins, find_catalogue, load_catalogue
from recgraph.graph.reading.corrections import Override, apply_overrides, load_overrides
from recgraph.graph.reading.locations import PAPERS_FOLDER, overrides_for
from recgraph.graph.model import ReadResult, SourceReport
from recgraph.graph.reading.pointers import find_cross_references
from recgraph.graph.reading.readers import detect_layout, general_reader
from recgraph.graph.reading.readers.text import DEFAULT_MAX_BYTES, Document, load_document
from recgraph.graph.reading.register import Register, find_register, register_at
from recgraph.graph.reading.tracked import identify_reports, unify_reports
from recgraph.graph.reading.pool import MAX_WORKERS, available_cpus, read_in_pool, workers_from_environment

#: File suffixes taken when a folder is given.
PAPER_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class ReadOptions:
    """How to read: where the catalogue and corrections are (None: found beside each paper)."""

    catalogue: Path | None = None
    overrides: Path | None = None
    use_overrides: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class ReadOutcome:
    results: list[ReadResult] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def read_paper(path: str | Path, options: ReadOptions | None = None) -> ReadResult:
    """Read one paper into records.

    Raises
    ------
    ReadError : the file is empty, binary or unreadable, or holds a recommendation number twice in
        one source report (file and lines named). A paper of any layout is read; one without a
        tracked recommendation gives a one-line warning, not an error.
    """
    options = options or ReadOptions()
    path = Path(path)
    document = load_document(path, options.max_bytes)
    result = read_document(document)
    result.warnings[:0] = document.warnings
    catalogue = _catalogue_for(path, options)
    result = identify_reports(result, document.lines, _register_for(path, options), catalogue_pins(catalogue.entry_for(path.name)))
    if not result.recommendations:
        cited = f"{len(result.mentions)} mention(s), " if result.mentions else ""
        result.warnings.append(f"{path}: no tracked recommendation found ({cited}{len(result.leftovers)} unplaced span(s))")
    _check_duplicates(result)
    result = apply_catalogue(result, catalogue.entry_for(path.name))
    result.cross_references = find_cross_references(result)
    for pointer in result.cross_references:
        if pointer.resolved is None:
            result.warnings.append(
                f"{pointer.provenance.file}:{pointer.provenance.first_line}: recommendation {pointer.recommendation} "
                f"points to {pointer.target!r}, which this paper does not hold (kept unresolved)"
            )
    if options.use_overrides:
        overrides_path = _overrides_for(path, options)
        result = apply_overrides(result, _load_overrides_cached(overrides_path), overrides_path)
    return result


#: Specialisations of web-page prose, whose reading the general segmenter may improve on.
_PROSE_FAMILIES = ("committee", "implementation")


def read_document(document: Document) -> ReadResult:
    """The records of one loaded paper: its specialised reader's, else the general segmenter's.

    A specialisation that claims the paper but reads no recommendation from it (or refuses it as
    not of its layout) hands the paper to the segmenter, so a paper is never refused for its
    layout; a fault the specialisation finds at a line of the paper stays an error.
    """
    reader = detect_layout(document)
    general = general_reader()
    if reader is general:
        return general.read(document)
    try:
        result = reader.read(document)
    except ReadError as err:
        if err.line is not None:
            raise  # a fault at a line of the paper (a row wider than its header), not a layout refusal
        return general.read(document)
    # a specialisation's reading stands unless the general reading shows it missed something: a
    # recommendation without its own words, fewer recommendations with words, or no status at all
    # where the general reading finds the paper's statuses
    # where the general reading could find more (web-page prose; tables and PDF columns it reads
    # through those same readers or not at all)
    worded = {rec.key for rec in result.recommendations if rec.text.strip()}
    if result.recommendations and all(rec.text.strip() for rec in result.recommendations):
        if reader.NAME not in _PROSE_FAMILIES:
            return result
        other = general.read(document)
        other_worded = {rec.key for rec in other.recommendations if rec.text.strip()}
        stated = any(update.status_phrase for update in result.updates)
        other_stated = any(update.status_phrase for update in other.updates)
        if len(other_worded) > len(worded) or (not stated and other_stated and len(other_worded) == len(worded)):
            return other
        return result
    return general.read(document)


def read_papers(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
    pinned: Sequence[SourceReport] = (),
) -> ReadOutcome:
    """Read every paper named (folders: every ``*.txt`` inside, sorted); collect errors per file.

    Parameters
    ----------
    paths : files and folders of papers.
    options : where the catalogue and corrections are, and the size limit.
    progress : called with each file, in order, as it is read.
    workers : processes that read files side by side; the outcome is the same whatever the number.
        None: ``RECGRAPH_WORKERS`` when set, else one per CPU (up to 8) when the papers total at
        least :data:`PARALLEL_MIN_BYTES`, else 1 (reading in this process).
    pinned : reports whose keys are already given (a build passes the live build's): a report the
        papers name that matches one keeps its key (see :func:`~recgraph.graph.reading.tracked.unify_reports`).

    Raises
    ------
    ReadError : ``RECGRAPH_WORKERS`` is not a whole number >= 1, the catalogue named in ``options``
        cannot be read (a :class:`~recgraph.errors.CatalogueError`), or reading failed in a way that
        is a fault of recgraph (the file is named). An unreadable paper, a folder that cannot be
        searched and a looping link are collected in ``errors``, not raised.
    """
    files, search_errors = find_papers(paths)
    if options and options.catalogue:
        _load_catalogue_cached(options.catalogue)  # a broken catalogue given: one error, not one per paper
    count = _worker_count(files, workers)
    read_one = partial(_read_or_error, options=options)
    if count > 1:
        chunk_size = max(1, min(_MAX_CHUNK, len(files) // (count * 16)))
        outcomes = _reported(read_in_pool(files, read_one, count, chunk_size), progress)
    else:
        outcomes = _read_here(files, read_one, progress)
    outcome = ReadOutcome(errors=list(search_errors))
    for value in outcomes:
        if isinstance(value, ReadError):
            outcome.errors.append(value)
        else:
            outcome.results.append(value)
    unify_reports(outcome.results, pinned)
    return outcome


#: Below this much paper text (about 1.5 s of reading) stay in one process. On two free cores a pool
#: pays from ~0.25 MB, but it costs ~10% more CPU (results are pickled back) and ~0.1 s to start,
#: and on a machine whose cores are taken by other work it was 15-50% slower at 1-3 MB.
PARALLEL_MIN_BYTES = 2 * 1048576
_MAX_CHUNK = 8


def _worker_count(files: list[Path], asked: int | None) -> int:
    if asked is None:
        asked = workers_from_environment()
    if asked is None:
        total = sum(_size(path) for path in files)
        asked = min(available_cpus(), MAX_WORKERS) if total >= PARALLEL_MIN_BYTES else 1
    return max(1, min(asked, len(files)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0  # reading it will say why


def _read_here(
    files: list[Path], read_one: Callable[[Path], object], progress: Callable[[Path], None] | None
) -> Iterator[object]:
    for path in files:
        if progress:
            progress(path)
        try:
            value = read_one(path)
        except Exception as err:  # noqa: BLE001 - a fault of recgraph: stop as a worker process does
            raise ReadError(
                f"reading stopped on this paper: {type(err).__name__}: {err} (a fault in recgraph: please report "
                "it with this paper)",
                str(path),
            ) from err
        yield value


def _reported(outcomes: Iterator[tuple[Path, object]], progress: Callable[[Path], None] | None) -> Iterator[object]:
    # A pool reads ahead: a file is reported once its outcome is back, still in order.
    for path, value in outcomes:
        if progress:
            progress(path)
        yield value


def _read_or_error(path: Path, options: ReadOptions | None) -> ReadResult | ReadError:
    # Errors come back as values so a pool can carry them; read_papers collects them in order.
    try:
        return read_paper(path, options)
    except ReadError as err:
        return err
    except OSError as err:  # a catalogue or overrides file that cannot be read, or a file gone meanwhile
        return ReadError(f"cannot be read ({err.strerror or err})", err.filename or str(path))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read: files as given, folders searched for papers (see :func:`find_papers`)."""
    return find_papers(paths)[0]


def find_papers(paths: Iterable[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """The files to read, and what could not be searched.

    A file is taken as given. A folder is searched, sorted, for names ending in
    :data:`PAPER_SUFFIXES`, following links to folders; a link, FIFO or device of such a name is
    taken too, so that reading it says what it is. A folder that cannot be listed, and a link back to
    a folder already searched (a loop), are returned as errors: nothing is skipped silently.
    """
    found: list[Path] = []
    errors: list[ReadError] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside: list[Path] = []
            _search(path, inside, errors, set())
            found.extend(sorted(inside))
        else:
            found.append(path)
    return found, errors


def _search(folder: Path, found: list[Path], errors: list[ReadError], searched: set[tuple[int, int]]) -> None:
    try:
        status = folder.stat()
        searched.add((status.st_dev, status.st_ino))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        errors.append(ReadError(f"is a folder that cannot be read ({err.strerror or err}): its papers were not read", str(folder)))
        return
    for entry in entries:
        path = Path(entry.path)
        if _is_folder(entry):
            if _identity(path) not in searched:
                _search(path, found, errors, searched)
            elif entry.is_symlink():
                errors.append(ReadError(
                    f"is a link to a folder already searched ({os.readlink(path)}): not followed, so that the "
                    "search ends and no paper is read twice", str(path)))
            # else: a folder already searched through a link to it, earlier in the order
        elif path.suffix.lower() in PAPER_SUFFIXES:
            found.append(path)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows links; a broken or looping link is not a folder
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def read_frame(*paths: str | Path, options: ReadOptions | None = None):
    """Read papers and return one row per recommendation as a pandas DataFrame.

    Raises
    ------
    ReadError : the first error met, when no paper at all could be read.
    """
    from recgraph.graph.reading.records import rows_from_results, rows_to_frame

    outcome = read_papers(paths, options)
    if outcome.errors and not outcome.results:
        raise outcome.errors[0]
    return rows_to_frame(rows_from_results(outcome.results))


def _check_duplicates(result: ReadResult) -> None:
    seen: dict[tuple[str, str], int] = {}
    for rec in result.recommendations:
        if rec.key in seen:
            raise ReadError(
                f"recommendation {rec.number} of {rec.source_report!r} appears twice (lines {seen[rec.key]} and "
                f"{rec.provenance.first_line}); fix the paper, or number them apart in the overrides file",
                rec.provenance.file,
                rec.provenance.first_line,
            )
        seen[rec.key] = rec.provenance.first_line


def _register_for(path: Path, options: ReadOptions) -> Register:
    catalogue = options.catalogue or find_catalogue(path.resolve())
    return register_at(find_register(catalogue.parent if catalogue else None))


def _catalogue_for(path: Path, options: ReadOptions) -> Catalogue:
    location = options.catalogue or find_catalogue(path.resolve())
    return _load_catalogue_cached(location) if location else Catalogue()


_CATALOGUES: dict[tuple[Path, float], Catalogue] = {}
_OVERRIDES: dict[tuple[Path, float], list[Override]] = {}


def _load_catalogue_cached(location: Path) -> Catalogue:
    try:
        key = (location.resolve(), location.stat().st_mtime)
    except OSError:
        return load_catalogue(location)  # raises CatalogueError naming the file and saying why
    if key not in _CATALOGUES:
        _CATALOGUES[key] = load_catalogue(location)
    return _CATALOGUES[key]


def _overrides_for(path: Path, options: ReadOptions) -> Path:
    if options.overrides:
        return options.overrides
    catalogue = options.catalogue or find_catalogue(path.resolve())
    if catalogue:
        return overrides_for(catalogue.parent)
    folder = path.resolve().parent
    # a data folder holds papers/ beside its overrides.csv, where `corrections import` writes it
    if folder.name == PAPERS_FOLDER:
        folder = folder.parent
    return overrides_for(folder)


def _load_overrides_cached(location: Path) -> list[Override]:
    if not location.is_file():
        return []
    key = (location.resolve(), location.stat().st_mtime)
    if key not in _OVERRIDES:
        _OVERRIDES[key] = load_overrides(location)
    return _OVERRIDES[key]
