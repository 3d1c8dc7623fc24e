"""Analysts' corrections: imported from CSV or XLSX, kept in ``overrides.csv``, applied on every read.

An analyst exports ``recgraph read --format csv`` (or xlsx), fixes cells, and imports the file back.
Only the cells that differ from what the readers extract are kept, one line per corrected field,
in ``overrides.csv`` beside the catalogue. Every later read applies them, so corrections win over
extraction. A correction for a recommendation the readers did not find adds it, with the overrides
file line as its provenance: nothing an analyst typed is lost.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from recgraph.errors import CorrectionsError
from recgraph.graph.model import CrossReference, ProgressUpdate, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.records import Row, rows_from_csv, rows_from_xlsx

OVERRIDES_NAME = "overrides.csv"
OVERRIDE_COLUMNS = ("paper", "source_report_key", "number", "field", "value")

RECOMMENDATION_FIELDS = ("parent", "heading", "text", "para_ref")
UPDATE_FIELDS = ("progress", "status_phrase", "owner", "mpa_action", "timescale")
#: The fields an analyst may correct. Provenance ("lines") and derived titles cannot be.
CORRECTABLE = RECOMMENDATION_FIELDS + UPDATE_FIELDS + ("refers_to",)


@dataclass(frozen=True)
class Override:
    """One corrected field of one recommendation; ``line`` is its line in the overrides file."""

    paper: str
    source_report_key: str
    number: str
    field: str
    value: str | None
    line: int = 0


@dataclass
class ImportReport:
    corrected: list[Override]
    unchanged_rows: int
    ignored: list[str]
    path: Path


def load_overrides(path: Path) -> list[Override]:
    """Overrides from an overrides file; an absent file means no overrides."""
    if not path.is_file():
        return []
    reader = csv.DictReader(io.StringIO(_overrides_text(path)), strict=True)  # an unclosed quote is an error
    end = 0  # the last line of the rows read so far
    try:
        if reader.fieldnames is None or tuple(reader.fieldnames) != OVERRIDE_COLUMNS:
            raise CorrectionsError(f"must have the header {','.join(OVERRIDE_COLUMNS)}", str(path), 1)
        overrides = []
        end = reader.line_num
        for cells in reader:
            line, end = end + 1, reader.line_num  # the row's first line: a quoted value may span lines
            if None in cells or None in cells.values():
                raise CorrectionsError(f"has {len(OVERRIDE_COLUMNS)} columns; this row has a different number", str(path), line)
            if cells["field"] not in CORRECTABLE:
                raise CorrectionsError(f"field {cells['field']!r} cannot be corrected; correctable: {list(CORRECTABLE)}", str(path), line)
            value = cells["value"] if cells["value"] != "" else None
            overrides.append(Override(cells["paper"], cells["source_report_key"], cells["number"], cells["field"], value, line))
    except csv.Error as err:
        raise CorrectionsError(f"is not valid CSV ({err})", str(path), end + 1) from err
    return overrides


def _overrides_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorrectionsError(f"cannot be read ({err.strerror or err})", str(path)) from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CorrectionsError("is not UTF-8 text: save it as UTF-8 CSV", str(path), line) from err


def save_overrides(overrides: list[Override], path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OVERRIDE_COLUMNS)
    for o in sorted(overrides, key=lambda o: (o.paper, o.source_report_key, o.number, CORRECTABLE.index(o.field))):
        writer.writerow([o.paper, o.source_report_key, o.number, o.field, "" if o.value is None else o.value])
    path.write_text(out.getvalue(), encoding="utf-8")


def read_corrections(path: Path) -> list[Row]:
    """Rows of a corrections file, CSV or XLSX by extension."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return rows_from_xlsx(path)
    if not path.is_file():
        raise CorrectionsError("no such file", str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorrectionsError("is not UTF-8 CSV (save it as CSV UTF-8)", str(path)) from err
    return rows_from_csv(text, str(path))


def diff_corrections(corrections: list[Row], extracted: list[Row]) -> tuple[list[Override], int, list[str]]:
    """The overrides that make ``extracted`` agree with ``corrections``, rows unchanged, and notes."""
    by_key = {(r.paper, r.number): r for r in extracted if getattr(r, "kind", "recommendation") != "mention"}
    overrides: list[Override] = []
    unchanged = 0
    notes: list[str] = []
    mentions = [row for row in corrections if getattr(row, "kind", "recommendation") == "mention"]
    if mentions:
        notes.append(f"{len(mentions)} mention row(s) ignored: a mention is corrected in the paper it cites from")
    for row in (row for row in corrections if getattr(row, "kind", "recommendation") != "mention"):
        current = by_key.get((row.paper, row.number))
        report = row.source_report_key or (current.source_report_key if current else "")
        changed = [
            Override(row.paper, report, row.number, name, _as_text(name, getattr(row, name)))
            for name in CORRECTABLE
            if current is None or _as_text(name, getattr(row, name)) != _as_text(name, getattr(current, name))
        ]
        if current is None:
            notes.append(f"{row.paper} {row.number}: not found by the readers; added from the corrections")
            changed = [o for o in changed if o.value is not None] or [Override(row.paper, report, row.number, "text", "")]
        elif current.lines and row.lines and row.lines != current.lines:
            notes.append(f"{row.paper} {row.number}: 'lines' is provenance and cannot be corrected; ignored")
        overrides.extend(changed)
        unchanged += not changed
    return overrides, unchanged, notes


def merge_overrides(old: list[Override], new: list[Override]) -> list[Override]:
    """New corrections replace old ones for the same field of the same recommendation."""
    merged = {(o.paper, o.number, o.field): o for o in old}
    merged.update({(o.paper, o.number, o.field): o for o in new})
    return list(merged.values())


def _as_text(name: str, value) -> str | None:
    if name == "refers_to":
        return "; ".join(value) or None
    return value if value not in ("", None) else None


def apply_overrides(result: ReadResult, overrides: list[Override], source: Path) -> ReadResult:
    """Apply the overrides that concern this paper; recommendations they name but the readers
    did not find are added, with the overrides file as provenance."""
    paper = Path(result.paper.file).name
    mine = [o for o in overrides if o.paper == paper]
    if not mine:
        return result
    groups: dict[str, list[Override]] = {}
    for o in mine:
        groups.setdefault(o.number, []).append(o)
    for number, group in groups.items():
        rec = next((r for r in result.recommendations if r.number == number and (not group[0].source_report_key or r.source_report == group[0].source_report_key)), None)
        if rec is None:
            rec = _added(result, group, source)
        values = {o.field: o.value for o in group}
        rec_changes = {k: v for k, v in values.items() if k in RECOMMENDATION_FIELDS}
        if rec_changes:
            new = replace(rec, **{k: (v or "") if k == "text" else v for k, v in rec_changes.items()})
            result.recommendations = [new if r is rec else r for r in result.recommendations]
            rec = new
        upd_changes = {k: v for k, v in values.items() if k in UPDATE_FIELDS}
        if upd_changes:
            _update_fields(result, rec, upd_changes)
        if "refers_to" in values:
            _replace_refs(result, rec, values["refers_to"], group)
    return result


def _added(result: ReadResult, group: list[Override], source: Path) -> Recommendation:
    first = min(o.line for o in group) or 1
    last = max(o.line for o in group) or first
    report = group[0].source_report_key or (result.paper.source_reports[0].key if result.paper.source_reports else "unknown")
    rec = Recommendation(report, group[0].number, "", Provenance(str(source), first, last, "analyst correction"))
    result.recommendations.append(rec)
    result.warnings.append(f"{source}:{first}: recommendation {rec.number} added from analysts' corrections")
    return rec


def _update_fields(result: ReadResult, rec: Recommendation, changes: dict[str, str | None]) -> None:
    update = result.update_for(rec)
    if update is None:
        update = ProgressUpdate(rec.source_report, rec.number, result.paper.file, rec.provenance, paper_date=result.paper.date)
        result.updates.append(update)
    new = replace(update, **changes)
    result.updates = [new if u is update else u for u in result.updates]


def _replace_refs(result: ReadResult, rec: Recommendation, value: str | None, group: list[Override]) -> None:
    kept = [x for x in result.cross_references if (x.source_report, x.recommendation) != rec.key]
    numbers = {r.number for r in result.recommendations}
    for target in [t.strip() for t in (value or "").split(";") if t.strip()]:
        kept.append(
            CrossReference(rec.source_report, rec.number, target, "analyst correction", rec.provenance,
                           resolved=target if target in numbers else None)
        )
    result.cross_references = kept
