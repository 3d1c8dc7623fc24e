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
from recgraph.graph.reading.locations import PAPERS_FOLDER
from recgraph.graph.reading.papers import ReadOptions, read_paper
from recgraph.graph.reading.records import rows_from_results


def import_corrections(file: Path, data_dir: Path) -> ImportReport:
    """Keep, in ``data_dir/overrides.csv``, the cells of ``file`` that differ from the extraction.

    Raises
    ------
    CorrectionsError : the file is malformed, or names a paper that is not in the data folder.
    """
    corrections = read_corrections(Path(file))
    papers = {row.paper for row in corrections}
    folder = data_dir / PAPERS_FOLDER
    extracted = []
    for paper in sorted(papers):
        path = folder / Path(paper).name
        if not path.is_file():
            raise CorrectionsError(f"names paper {paper!r}, which is not in {folder}", str(file))
        result = read_paper(path, ReadOptions(catalogue=_catalogue(data_dir), use_overrides=False))
        extracted.extend(rows_from_results([result]))
    new, unchanged, notes = diff_corrections(corrections, extracted)
    target = data_dir / OVERRIDES_NAME
    save_overrides(merge_overrides(load_overrides(target), new), target)
    return ImportReport(new, unchanged, notes, target)


def _catalogue(data_dir: Path) -> Path | None:
    path = data_dir / "catalogue.toml"
    return path if path.is_file() else None
