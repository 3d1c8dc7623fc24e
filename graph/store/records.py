"""The records each build was made from, kept beside it: what ``--update`` and a failed read fall back on.

Enrichment and links are computed over all papers at once, so a build that changes one paper
needs every other paper's records too. A build keeps each paper's :class:`ReadResult` as a pickle
in ``builds/<id>/records/<slug>.pickle``; then

- ``recgraph build --update PAPER`` re-reads only the papers named and takes the others' records
  from the live build, and rebuilds everything else from them: the store it makes is the one a
  full build of the same papers would make;
- a paper that a full build cannot read keeps the records (so the graph) it had in the live build;
- the keys the build gave its reports stay given: the next build (full or ``--update``) pins them
  (:func:`kept_reports`, kept also in one small ``records/report-keys.json`` so a build need not
  unpickle every paper to know them), so a report keeps its key when papers are added or removed.

Each file is stamped with the fields of the record classes: records pickled by a recgraph whose
model differs are refused (:class:`StaleRecordsError`) rather than half-loaded. The pickles are as
trusted as the store folder itself (whoever can write them can already write the database).
"""

from __future__ import annotations

import dataclasses
import json
import pickle
from collections.abc import Iterable
from pathlib import Path

from recgraph.errors import ReadError, StoreError
from recgraph.graph import model
from recgraph.graph.model import ReadResult, SourceReport
from recgraph.graph.rdf.iri import paper_slug

FOLDER = "records"
_SUFFIX = ".pickle"
FORMAT = "records-1"
#: The keys a build gave its reports, with the names they were given for (see :func:`kept_reports`).
KEYS_FILE = "report-keys.json"
_KEY_FIELDS = ("key", "title", "issuer", "year", "kind", "aliases", "key_basis")


class StaleRecordsError(StoreError):
    """A build's records cannot be used: missing, unreadable, or written by another model."""


def _model_stamp() -> tuple:
    classes = [value for value in vars(model).values() if dataclasses.is_dataclass(value) and isinstance(value, type)]
    return (FORMAT, *sorted((cls.__name__, tuple(f.name for f in dataclasses.fields(cls))) for cls in classes))


def save_records(folder: Path, results: list[ReadResult]) -> None:
    """Write each paper's records into ``folder/records/`` (the folder of a build being made)."""
    target = folder / FOLDER
    target.mkdir(exist_ok=True)
    stamp = _model_stamp()
    for result in results:
        path = target / f"{paper_slug(result.paper.file)}{_SUFFIX}"
        with path.open("wb") as out:
            pickle.dump((stamp, result), out, protocol=pickle.HIGHEST_PROTOCOL)
    reports = [{name: getattr(report, name) for name in _KEY_FIELDS} for result in results
               for report in result.paper.source_reports]
    (target / KEYS_FILE).write_text(json.dumps({"format": FORMAT, "reports": reports}, indent=1), encoding="utf-8")


def kept_reports(folder: Path) -> list[SourceReport]:
    """The reports a build keyed (one per paper that tracks it), to pin their keys in the next build.

    Empty for a build that keeps no records (made by an older recgraph: its keys cannot be pinned).

    Raises
    ------
    StaleRecordsError : the keys file or a paper's records cannot be loaded.
    """
    path = folder / FOLDER / KEYS_FILE
    if not path.is_file():
        if not (folder / FOLDER).is_dir():
            return []
        return [report for result in load_records(folder).values() for report in result.paper.source_reports]
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [SourceReport(**{**{name: entry.get(name) for name in _KEY_FIELDS},
                                "aliases": tuple(entry.get("aliases") or ())}) for entry in raw["reports"]]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise StaleRecordsError(f"{path}: cannot load the keys the build gave ({type(err).__name__}: {err})") from err


def record_slugs(folder: Path) -> list[str]:
    """The slugs of the papers whose records a build keeps (empty when it keeps none)."""
    target = folder / FOLDER
    if not target.is_dir():
        return []
    return sorted(path.name[: -len(_SUFFIX)] for path in target.glob(f"*{_SUFFIX}"))


def load_records(folder: Path, slugs: list[str] | None = None) -> dict[str, ReadResult]:
    """The records of a build by paper slug (all of them, or those of ``slugs``).

    Raises
    ------
    StaleRecordsError : the build keeps no records (made by an older recgraph), or one cannot be
        loaded (damaged, or pickled by a recgraph whose records have other fields).
    """
    if not (folder / FOLDER).is_dir():
        raise StaleRecordsError(
            f"build {folder.name} keeps no records of its papers (made by an older recgraph): "
            "run a full `recgraph build` once"
        )
    stamp = _model_stamp()
    found = {}
    for slug in slugs if slugs is not None else record_slugs(folder):
        path = folder / FOLDER / f"{slug}{_SUFFIX}"
        try:
            with path.open("rb") as handle:
                kept_stamp, result = pickle.load(handle)
        except FileNotFoundError:
            continue
        except Exception as err:  # noqa: BLE001 - unpickling can fail in any way a damaged file allows
            raise StaleRecordsError(f"{path}: cannot load the kept records ({type(err).__name__}: {err})") from err
        if kept_stamp != stamp or not isinstance(result, ReadResult):
            raise StaleRecordsError(f"{path}: the kept records were written by a recgraph whose records differ")
        found[slug] = result
    return found


def merge_records(previous: dict[str, ReadResult], fresh: Iterable[ReadResult], removed: Iterable[str] = ()) -> list[ReadResult]:
    """The previous build's records with ``fresh`` ones replacing or adding papers, ``removed`` slugs left out."""
    merged = dict(previous)
    seen: dict[str, str] = {}
    for result in fresh:
        slug = paper_slug(result.paper.file)
        if slug in seen:
            raise ReadError(f"has the same IRI slug {slug!r} as {seen[slug]}; rename one of the two files", result.paper.file)
        seen[slug] = result.paper.file
        merged[slug] = result
    for slug in removed:
        merged.pop(slug, None)
    return [merged[slug] for slug in sorted(merged)]
