"""Flat rows, one per recommendation and one per mention: what ``recgraph read`` prints and
analysts correct.

A :class:`Row` of kind ``recommendation`` joins a recommendation with its progress update and its
resolved pointers; ``covers`` lists the numbers a range heading groups ("Recommendations 3-5").
A row of kind ``mention`` is a recommendation a paper cites without its wording: its number (or,
cited by topic, an empty number and the ``topic`` words as printed), the sentence (``text``), the
status stated, its lines. Rows go out as JSON, CSV or a pandas DataFrame,
and come back in from CSV or XLSX (analysts' corrections). CSV -> rows -> CSV is lossless.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from recgraph.errors import CorrectionsError
from recgraph.graph.model import ReadResult


@dataclass
class Row:
    """One recommendation or mention as a flat record (the columns of ``recgraph read --format csv``)."""

    paper: str
    source_report: str
    source_report_key: str
    number: str
    parent: str | None = None
    heading: str | None = None
    text: str | None = None
    para_ref: str | None = None
    progress: str | None = None
    status_phrase: str | None = None
    owner: str | None = None
    mpa_action: str | None = None
    timescale: str | None = None
    refers_to: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    paper_date: str | None = None
    kind: str = "recommendation"
    covers: list[str] = field(default_factory=list)
    #: where paper_date came from: printed, catalogue or inferred (see Paper.date_source)
    paper_date_source: str | None = None
    #: the readers' warnings at this record's lines ("line N: message"): what was inferred, not read
    caveats: list[str] = field(default_factory=list)
    #: the fields an analyst corrected ("added": the readers missed the recommendation); not correctable
    corrected: list[str] = field(default_factory=list)
    #: a mention by topic: the words it names the recommendation with, as printed (``number`` is then
    #: empty; the recommendation it cites is decided at linking, see recgraph.graph.linking.topics)
    topic: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.paper, self.source_report_key, self.number)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))
#: Columns holding lists, written "a; b" in CSV.
LIST_COLUMNS = ("refers_to", "covers", "caveats", "corrected")
#: Columns a corrections file must have to say which recommendation a row is about.
KEY_COLUMNS = ("paper", "number")
#: The kinds of row.
KINDS = ("recommendation", "mention")


def rows_from_results(results: Iterable[ReadResult]) -> list[Row]:
    """One Row per recommendation, then one per mention, paper by paper."""
    from recgraph.graph.reading.caveats import record_caveats

    rows = []
    for result in results:
        titles = {report.key: report.title for report in result.paper.source_reports}
        paper = Path(result.paper.file).name
        caveats = record_caveats(result)
        corrected: dict[tuple[str, str], list[str]] = {}
        for correction in result.corrections:
            corrected.setdefault((correction.source_report, correction.recommendation), []).append(correction.field)
        for rec in result.recommendations:
            update = result.update_for(rec)
            refs = [
                x.resolved or x.target
                for x in result.cross_references
                if (x.source_report, x.recommendation) == rec.key
            ]
            first, last = rec.provenance.lines
            if update is not None:
                first, last = min(first, update.provenance.first_line), max(last, update.provenance.last_line)
            added = "added" in corrected.get(rec.key, ())  # no line of the paper to claim
            rows.append(
                Row(
                    paper=paper,
                    source_report=titles.get(rec.source_report, rec.source_report),
                    source_report_key=rec.source_report,
                    number=rec.number,
                    parent=rec.parent,
                    heading=rec.heading,
                    text=rec.text,
                    para_ref=rec.para_ref,
                    progress=update.progress if update else None,
                    status_phrase=update.status_phrase if update else None,
                    owner=update.owner if update else None,
                    mpa_action=update.mpa_action if update else None,
                    timescale=update.timescale if update else None,
                    refers_to=refs,
                    lines=[] if added else [first, last],
                    paper_date=result.paper.date,
                    paper_date_source=result.paper.date_source if result.paper.date else None,
                    caveats=caveats.get(rec.key, []),
                    corrected=corrected.get(rec.key, []),
                    covers=list(rec.covers),
                )
            )
        for mention in result.mentions:
            rows.append(
                Row(
                    paper=paper,
                    source_report=titles.get(mention.source_report, mention.source_report),
                    source_report_key=mention.source_report,
                    number=mention.number or "",
                    topic=mention.topic,
                    text=mention.sentence,
                    status_phrase=mention.status_phrase,
                    lines=list(mention.provenance.lines),
                    paper_date=mention.paper_date or result.paper.date,
                    paper_date_source=result.paper.date_source if (mention.paper_date or result.paper.date) else None,
                    kind="mention",
                )
            )
    return rows


def paper_summaries(results: Iterable[ReadResult]) -> list[dict]:
    """One object per paper: the reports it tracks, its records and mentions per report, and its
    unplaced spans (``recgraph read --per-paper``). A paper with no record still has its object.

    >>> from recgraph.graph.model import Paper
    >>> [summary["recommendations"] for summary in paper_summaries([ReadResult(Paper("p.txt", "general"))])]
    [0]
    """
    out = []
    for result in results:
        reports = []
        for report in result.paper.source_reports:
            recs = [r for r in result.recommendations if r.source_report == report.key]
            mentions = [m for m in result.mentions if m.source_report == report.key]
            reports.append({"key": report.key, "title": report.title, "issuer": report.issuer, "year": report.year,
                            "recommendations": len(recs), "mentions": len(mentions),
                            "mentions_with_status": sum(1 for m in mentions if m.status_phrase)})
        out.append({
            "paper": Path(result.paper.file).name,
            "layout": result.paper.layout,
            "paper_date": result.paper.date,
            "reports": reports,
            "recommendations": len(result.recommendations),
            "mentions": len(result.mentions),
            "unplaced": [{"lines": [left.first_line, left.last_line], "text": left.text} for left in result.leftovers],
            "warnings": list(dict.fromkeys(result.warnings)),
        })
    return out


def rows_to_json(rows: Sequence[Row]) -> str:
    return json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=1)


def rows_to_csv(rows: Sequence[Row]) -> str:
    """CSV text with a header; lists are written as "a; b" (refers_to) and "first-last" (lines)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(name, getattr(row, name)) for name in COLUMNS])
    return out.getvalue()


def _cell(name: str, value) -> str:
    if name in LIST_COLUMNS:
        return "; ".join(value)
    if name == "lines":
        return "-".join(str(n) for n in value)
    return "" if value is None else str(value)


def rows_from_csv(text: str, source: str = "<csv>", found: dict | None = None) -> list[Row]:
    """Rows from CSV text with a header (as written by :func:`rows_to_csv`, columns in any order).

    Raises
    ------
    CorrectionsError : a key column is missing, a column is unknown, or a cell is malformed;
        the message names the source and the line.
    """
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise CorrectionsError("is empty: expected a header row", source, 1) from None
    return rows_from_table(header, reader, source, found=found)


def rows_from_table(header: Sequence[str], body: Iterable[Sequence], source: str, first_line: int = 2,
                    found: dict | None = None) -> list[Row]:
    """Rows from a header and its body; ``found`` (when given) gets the "header" and each row's "lines"."""
    header = [str(h).strip() for h in header]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise CorrectionsError(f"unknown column(s) {unknown}; expected some of {list(COLUMNS)}", source, 1)
    missing = [k for k in KEY_COLUMNS if k not in header]
    if missing:
        raise CorrectionsError(f"missing key column(s) {missing}: every row must say which recommendation it corrects", source, 1)
    rows = []
    for line, cells in enumerate(body, start=first_line):
        values = ["" if c is None else str(c) for c in cells]
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise CorrectionsError(f"row has {len(values)} cells but the header has {len(header)}", source, line)
        record = dict(zip(header, values + [""] * (len(header) - len(values))))
        rows.append(_row_from_cells(record, source, line))
        if found is not None:
            found.setdefault("lines", []).append(line)
    if found is not None:
        found["header"] = tuple(h for h in header if h)
    return rows


def _row_from_cells(cells: dict[str, str], source: str, line: int) -> Row:
    for key in KEY_COLUMNS:
        if key == "number" and cells.get("kind", "").strip() == "mention" and cells.get("topic", "").strip():
            continue  # a mention by topic has no number (read's own CSV holds such rows)
        if not cells.get(key, "").strip():
            raise CorrectionsError(f"empty {key!r}: every row must say which recommendation it corrects", source, line)
    values: dict = {}
    for name in COLUMNS:
        raw = cells.get(name, "")
        if name in LIST_COLUMNS:
            values[name] = [part.strip() for part in raw.split(";") if part.strip()]
        elif name == "kind":
            values[name] = raw.strip() or "recommendation"
            if values[name] not in KINDS:
                raise CorrectionsError(f"'kind' must be one of {list(KINDS)}, not {raw!r}", source, line)
        elif name == "lines":
            values[name] = _parse_lines(raw, source, line)
        elif name in ("paper", "source_report", "source_report_key", "number"):
            values[name] = raw
        else:
            values[name] = raw if raw != "" else None
    return Row(**values)


def _parse_lines(raw: str, source: str, line: int) -> list[int]:
    if not raw.strip():
        return []
    parts = raw.split("-")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise CorrectionsError(f"'lines' must look like 12-30, not {raw!r}", source, line)
    return [int(p) for p in parts]


def rows_from_xlsx(path: Path, found: dict | None = None) -> list[Row]:
    """Rows from the first sheet of an XLSX workbook whose first row is the header."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many unrelated types for a bad file
        raise CorrectionsError(f"is not a readable XLSX workbook ({err})", str(path)) from err
    sheet = workbook.worksheets[0]
    table = list(sheet.iter_rows(values_only=True))
    workbook.close()
    if not table:
        raise CorrectionsError("has an empty first sheet: expected a header row", str(path), 1)
    return rows_from_table(table[0], table[1:], str(path), found=found)


def rows_to_xlsx(rows: Sequence[Row], path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "recommendations"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_cell(name, getattr(row, name)) for name in COLUMNS])
    workbook.save(path)


def rows_to_frame(rows: Sequence[Row]):
    """A pandas DataFrame with one column per Row field."""
    import pandas as pd

    return pd.DataFrame([asdict(row) for row in rows], columns=list(COLUMNS))
