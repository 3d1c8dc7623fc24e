"""Analysts' corrections: imported from CSV or XLSX, kept in ``overrides.csv``, applied on every read.

An analyst exports ``recgraph read --format csv`` (or xlsx), fixes cells, and imports the file back.
Only the cells that differ from what the readers extract are kept, one line per corrected field,
in ``overrides.csv`` beside the catalogue. Every later read applies them, so corrections win over
extraction. A correction for a recommendation the readers did not find adds it, with the overrides
file line as its provenance: nothing an analyst typed is lost.

A correction is provenance of its own, never passed off as printed text: each kept line records who
made it (``$RECGRAPH_USER``, else the login name, at import), when, and the imported file and row
it came from; applied, it becomes a :class:`~recgraph.graph.model.Correction` of the read result,
beside the value the readers extracted. An empty cell, or the extraction's own value, undoes the
correction of that field; so does :func:`remove_overrides`.
"""

from __future__ import annotations

import csv
import getpass
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from recgraph.errors import CorrectionsError
from recgraph.graph.model import Correction, CrossReference, ProgressUpdate, Provenance, ReadResult, Recommendation
from recgraph.graph.reading.records import Row, rows_from_csv, rows_from_xlsx

OVERRIDES_NAME = "overrides.csv"
OVERRIDE_COLUMNS = ("paper", "source_report_key", "number", "field", "value", "who", "when", "origin")
#: The header of overrides files written before corrections recorded who, when and whence.
_LEGACY_COLUMNS = OVERRIDE_COLUMNS[:5]
#: The field of a :class:`~recgraph.graph.model.Correction` that records an added recommendation.
ADDED = "added"
#: Who made a correction: this variable, else the login name.
USER_ENV = "RECGRAPH_USER"

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
    who: str | None = None
    when: str | None = None
    origin: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.paper, self.number, self.field)


@dataclass
class ImportReport:
    corrected: list[Override]
    unchanged_rows: int
    ignored: list[str]
    path: Path
    removed: list[Override] = field(default_factory=list)


def current_user() -> str:
    """Who is making corrections: ``$RECGRAPH_USER``, else the login name."""
    try:
        return os.environ.get(USER_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


def now() -> str:
    """The time a correction is made, in UTC to the second (xsd:dateTime)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def load_overrides(path: Path) -> list[Override]:
    """Overrides from an overrides file; an absent file means no overrides."""
    if not path.is_file():
        return []
    reader = csv.DictReader(io.StringIO(_overrides_text(path)), strict=True)  # an unclosed quote is an error
    end = 0  # the last line of the rows read so far
    try:
        if reader.fieldnames is None or tuple(reader.fieldnames) not in (OVERRIDE_COLUMNS, _LEGACY_COLUMNS):
            raise CorrectionsError(f"must have the header {','.join(OVERRIDE_COLUMNS)}", str(path), 1)
        overrides = []
        end = reader.line_num
        for cells in reader:
            line, end = end + 1, reader.line_num  # the row's first line: a quoted value may span lines
            if None in cells or None in cells.values():
                raise CorrectionsError(f"has {len(reader.fieldnames)} columns; this row has a different number", str(path), line)
            if cells["field"] not in CORRECTABLE:
                raise CorrectionsError(f"field {cells['field']!r} cannot be corrected; correctable: {list(CORRECTABLE)}", str(path), line)
            value = cells["value"] if cells["value"] != "" else None
            who, when, origin = (cells.get(name) or None for name in ("who", "when", "origin"))
            overrides.append(Override(cells["paper"], cells["source_report_key"], cells["number"], cells["field"], value, line,
                                      who, when, origin))
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
        writer.writerow([o.paper, o.source_report_key, o.number, o.field, "" if o.value is None else o.value,
                         o.who or "", o.when or "", o.origin or ""])
    path.write_text(out.getvalue(), encoding="utf-8")


@dataclass
class CorrectionsFile:
    """The rows of an analyst's corrections file, its columns, and each row's line (or sheet row)."""

    rows: list[Row]
    columns: tuple[str, ...]
    lines: list[int]
    path: Path


def read_corrections_file(path: Path) -> CorrectionsFile:
    """A corrections file, CSV or XLSX by extension, with its columns and the line of each row."""
    found: dict = {}
    rows = read_corrections(path, found)
    return CorrectionsFile(rows, tuple(found.get("header", ())), list(found.get("lines", ())), Path(path))


def read_corrections(path: Path, found: dict | None = None) -> list[Row]:
    """Rows of a corrections file, CSV or XLSX by extension (``found`` gets its header and lines)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return rows_from_xlsx(path, found)
    if not path.is_file():
        raise CorrectionsError("no such file", str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorrectionsError("is not UTF-8 CSV (save it as CSV UTF-8)", str(path)) from err
    return rows_from_csv(text, str(path), found)


def diff_corrections(
    corrections: list[Row] | CorrectionsFile,
    extracted: list[Row],
    check_phrase: Callable[[str], bool] | None = None,
    who: str | None = None,
    when: str | None = None,
) -> tuple[list[Override], int, list[str], list[Override]]:
    """What importing ``corrections`` changes: the overrides that make ``extracted`` agree with them,
    the rows that change nothing, notes, and the overrides to remove.

    A cell that holds the extraction's own value, or an empty cell, removes the correction of that
    field (an undo); a column the file does not have changes nothing. ``check_phrase`` says whether
    a corrected status phrase maps to a status; one that does not is an error naming the row.

    Raises
    ------
    CorrectionsError : a corrected status phrase matches no status (file and row named).
    """
    table = corrections if isinstance(corrections, CorrectionsFile) else CorrectionsFile(corrections, (), [], Path("<rows>"))
    columns = set(table.columns) or set(CORRECTABLE)
    by_key = {(r.paper, r.number): r for r in extracted if getattr(r, "kind", "recommendation") != "mention"}
    overrides: list[Override] = []
    removed: list[Override] = []
    unchanged = 0
    notes: list[str] = []
    mentions = [row for row in table.rows if getattr(row, "kind", "recommendation") == "mention"]
    if mentions:
        notes.append(f"{len(mentions)} mention row(s) ignored: a mention is corrected in the paper it cites from")
    for index, row in enumerate(table.rows):
        if getattr(row, "kind", "recommendation") == "mention":
            continue
        line = table.lines[index] if index < len(table.lines) else 0
        origin = f"{table.path.name}:{line}" if line else table.path.name
        current = by_key.get((row.paper, row.number))
        report = row.source_report_key or (current.source_report_key if current else "")
        changed, undone = [], []
        for name in CORRECTABLE:
            if current is not None and name not in columns:
                continue
            value = _as_text(name, getattr(row, name))
            if value is None or (current is not None and value == _as_text(name, getattr(current, name))):
                undone.append(Override(row.paper, report, row.number, name, None))
                continue
            if name == "status_phrase" and check_phrase is not None and not check_phrase(value):
                raise CorrectionsError(
                    f"recommendation {row.number}: status phrase {value!r} matches no status of the status "
                    "vocabulary (ontology/statuses.ttl); write one of its labels, e.g. 'complete' or 'in progress'",
                    str(table.path), line or None)
            changed.append(Override(row.paper, report, row.number, name, value, 0, who, when, origin))
        if current is None:
            notes.append(f"{row.paper} {row.number}: not found by the readers; added from the corrections")
            changed = changed or [Override(row.paper, report, row.number, "text", "", 0, who, when, origin)]
        elif current.lines and row.lines and row.lines != current.lines:
            notes.append(f"{row.paper} {row.number}: 'lines' is provenance and cannot be corrected; ignored")
        overrides.extend(changed)
        removed.extend(undone)
        unchanged += not changed
    return overrides, unchanged, notes, removed


def merge_overrides(old: list[Override], new: list[Override], removed: list[Override] = ()) -> list[Override]:
    """New corrections replace old ones for the same field of the same recommendation; ``removed``
    ones (by paper, number and field) are dropped."""
    gone = {o.key for o in removed}
    merged = {o.key: o for o in old if o.key not in gone}
    merged.update({o.key: o for o in new})
    return list(merged.values())


def remove_overrides(overrides: list[Override], report: str, number: str, field: str | None = None,
                     paper: str | None = None) -> tuple[list[Override], list[Override]]:
    """The overrides kept and those removed: every correction of recommendation ``report/number``
    (of one ``field``, in one ``paper``, when given)."""
    def matches(o: Override) -> bool:
        return ((o.source_report_key == report or not o.source_report_key) and o.number == number
                and (field is None or o.field == field) and (paper is None or o.paper == paper))

    return [o for o in overrides if not matches(o)], [o for o in overrides if matches(o)]


def _as_text(name: str, value) -> str | None:
    if name == "refers_to":
        return "; ".join(value) or None
    return value if value not in ("", None) else None


def apply_overrides(result: ReadResult, overrides: list[Override], source: Path) -> ReadResult:
    """Apply the overrides that concern this paper; recommendations they name but the readers
    did not find are added, with the overrides file as provenance. Each applied override is
    recorded in ``result.corrections`` beside the value the readers extracted."""
    paper = Path(result.paper.file).name
    mine = [o for o in overrides if o.paper == paper]
    if not mine:
        return result
    groups: dict[str, list[Override]] = {}
    for o in mine:
        groups.setdefault(o.number, []).append(o)
    for number, group in groups.items():
        rec = next((r for r in result.recommendations if r.number == number and (not group[0].source_report_key or r.source_report == group[0].source_report_key)), None)
        added = rec is None
        if added:
            rec = _added(result, group, source)
        _record(result, rec, group, source, added)
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


def _record(result: ReadResult, rec: Recommendation, group: list[Override], source: Path, added: bool) -> None:
    """The corrections of one recommendation, with the values the readers extracted (none when added)."""
    update = None if added else result.update_for(rec)
    refs = [x.resolved or x.target for x in result.cross_references if (x.source_report, x.recommendation) == rec.key]

    def printed(name: str) -> str | None:
        if added:
            return None
        if name == "refers_to":
            return "; ".join(refs) or None
        holder = rec if name in RECOMMENDATION_FIELDS else update
        value = getattr(holder, name, None) if holder is not None else None
        return value or None

    name = Path(source).name  # the overrides file by name: no local path in the graph
    if added:
        first = min(group, key=lambda o: o.line)
        result.corrections.append(Correction(rec.source_report, rec.number, ADDED, None, None, first.who, first.when,
                                             name, first.line, first.origin))
    for o in sorted(group, key=lambda o: CORRECTABLE.index(o.field)):
        result.corrections.append(Correction(rec.source_report, rec.number, o.field, o.value, printed(o.field), o.who,
                                             o.when, name, o.line, o.origin))


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
