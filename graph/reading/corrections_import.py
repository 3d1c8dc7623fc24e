"""Importing an analyst's corrections file into the data folder's overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from recgraph.errors import CorrectionsError
from recgraph.graph.reading.corrections import (
    OVERRIDES_NAME,
    ImportReport,
    Override,
    current_user,
    diff_corrections,
    load_overrides,
    merge_overrides,
    now,
    read_corrections_file,
    remove_overrides,
    save_overrides,
)
from recgraph.graph.reading.locations import default_data_dir, overrides_for, papers_dir, writable_data_dir
from recgraph.graph.reading.papers import ReadOptions, read_paper
from recgraph.graph.reading.records import rows_from_results


def import_corrections(file: Path, data_dir: Path | None = None, check_phrase: Callable[[str], bool] | None = None,
                       who: str | None = None) -> ImportReport:
    """Keep, in the data folder's ``overrides.csv``, the cells of ``file`` that differ from the extraction.

    Parameters
    ----------
    file : the corrected CSV or XLSX.
    data_dir : the data folder whose papers are corrected (default: the one read by default). The
        overrides are written there, or, when that is the package's own data, into the working
        data folder (``$RECGRAPH_DATA`` or ``./data``), starting from the packaged corrections.
    check_phrase : whether a corrected status phrase maps to a status (the enrichment stage's
        :func:`recgraph.graph.enrich.corrections.status_phrase_check`; ``recgraph corrections import``
        passes it). Reading cannot map phrases itself: statuses are decided later in the flow.
    who : who makes the corrections (default: ``$RECGRAPH_USER``, else the login name).

    Raises
    ------
    CorrectionsError : the file is malformed, names a paper that is not in the data folder, or
        corrects a status phrase to one ``check_phrase`` refuses (the row named).
    """
    source = data_dir or default_data_dir()
    table = read_corrections_file(Path(file))
    papers = {row.paper for row in table.rows}
    folder = papers_dir(source)
    extracted = []
    for paper in sorted(papers):
        path = folder / Path(paper).name
        if not path.is_file():
            raise CorrectionsError(f"names paper {paper!r}, which is not in {folder}", str(file))
        result = read_paper(path, ReadOptions(catalogue=_catalogue(folder.parent), use_overrides=False))
        extracted.extend(rows_from_results([result]))
    new, unchanged, notes, removed = diff_corrections(table, extracted, check_phrase, who or current_user(), now())
    target = writable_data_dir(source) / OVERRIDES_NAME
    kept = overrides_for(folder.parent) if not target.is_file() else target
    target.parent.mkdir(parents=True, exist_ok=True)
    old = load_overrides(kept)
    gone = {o.key for o in removed}
    save_overrides(merge_overrides(old, new, removed), target)
    return ImportReport(new, unchanged, notes, target, [o for o in old if o.key in gone])


def remove_corrections(rec: str, field: str | None = None, data_dir: Path | None = None,
                       paper: str | None = None) -> tuple[list[Override], Path]:
    """Undo the corrections of recommendation ``rec`` (``report-key/number``): of one ``field``, or
    all of them; in one ``paper``, or in every paper. Returns those removed and the overrides file.

    Raises
    ------
    CorrectionsError : ``rec`` is not of the form report-key/number, or no correction matches.
    """
    report, sep, number = rec.partition("/")
    if not sep or not report or not number:
        raise CorrectionsError(f"{rec!r} is not a recommendation's short form report-key/number (e.g. winning-consent/22)")
    source = data_dir or default_data_dir()
    target = writable_data_dir(source) / OVERRIDES_NAME
    kept_in = target if target.is_file() else overrides_for(source)
    overrides = load_overrides(kept_in)
    kept, removed = remove_overrides(overrides, report, number, field, paper)
    if not removed:
        listed = sorted({f"{o.source_report_key}/{o.number} {o.field}" for o in overrides})
        raise CorrectionsError(f"no correction of {rec}{' ' + field if field else ''} to remove; kept: {listed or 'none'}",
                               str(kept_in))
    target.parent.mkdir(parents=True, exist_ok=True)
    save_overrides(kept, target)
    return removed, target


def _catalogue(data_dir: Path) -> Path | None:
    path = data_dir / "catalogue.toml"
    return path if path.is_file() else None
