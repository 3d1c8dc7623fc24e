"""Importing an analyst's corrections file into the data folder's overrides."""

from __future__ import annotations

from pathlib import Path

from recgraph.errors import CorrectionsError
from recgraph.graph.reading.corrections import (
    OVERRIDES_NAME,
    ImportReport,
    diff_corrections,
    load_overrides,
    merge_overrides,
    read_corrections,
    save_overrides,
)
from recgraph.graph.reading.locations import default_data_dir, overrides_for, papers_dir, writable_data_dir
from recgraph.graph.reading.papers import ReadOptions, read_paper
from recgraph.graph.reading.records import rows_from_results


def import_corrections(file: Path, data_dir: Path | None = None) -> ImportReport:
    """Keep, in the data folder's ``overrides.csv``, the cells of ``file`` that differ from the extraction.

    Parameters
    ----------
    file : the corrected CSV or XLSX.
    data_dir : the data folder whose papers are corrected (default: the one read by default). The
        overrides are written there, or, when that is the package's own data, into the working
        data folder (``$RECGRAPH_DATA`` or ``./data``), starting from the packaged corrections.

    Raises
    ------
    CorrectionsError : the file is malformed, or names a paper that is not in the data folder.
    """
    source = data_dir or default_data_dir()
    corrections = read_corrections(Path(file))
    papers = {row.paper for row in corrections}
    folder = papers_dir(source)
    extracted = []
    for paper in sorted(papers):
        path = folder / Path(paper).name
        if not path.is_file():
            raise CorrectionsError(f"names paper {paper!r}, which is not in {folder}", str(file))
        result = read_paper(path, ReadOptions(catalogue=_catalogue(folder.parent), use_overrides=False))
        extracted.extend(rows_from_results([result]))
    new, unchanged, notes = diff_corrections(corrections, extracted)
    target = writable_data_dir(source) / OVERRIDES_NAME
    kept = overrides_for(folder.parent) if not target.is_file() else target
    target.parent.mkdir(parents=True, exist_ok=True)
    save_overrides(merge_overrides(load_overrides(kept), new), target)
    return ImportReport(new, unchanged, notes, target)


def _catalogue(data_dir: Path) -> Path | None:
    path = data_dir / "catalogue.toml"
    return path if path.is_file() else None
