"""The paper catalogue (``catalogue.toml``): facts about a paper that its text does not state.

Readers derive what the text says (titles, printed dates, numbers), and the reports a paper tracks
are identified from its words and keyed by the register of reports or from their names
(:mod:`recgraph.graph.reading.tracked`). The catalogue adds the rest: the issuing body, a date when
none is printed, and, where an analyst decided so, a key that sets one paper's report apart.
:func:`apply_catalogue` merges an entry into a :class:`ReadResult`; a paper with no entry keeps what
was derived, with year, issuer and kind guessed from the report's title where none is known.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from recgraph.errors import CatalogueError
from recgraph.graph.model import ReadResult, SourceReport

CATALOGUE_NAME = "catalogue.toml"


@dataclass(frozen=True)
class ReportEntry:
    match: str
    key: str | None = None
    issuer: str | None = None
    year: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class PaperEntry:
    file: str
    original_name: str | None = None
    body: str | None = None
    date: str | None = None
    date_note: str | None = None
    source_reports: tuple[ReportEntry, ...] = ()


@dataclass
class Catalogue:
    """Catalogue entries by file name; ``path`` is where they were read from (None when empty)."""

    entries: dict[str, PaperEntry] = field(default_factory=dict)
    path: Path | None = None

    def entry_for(self, file: str) -> PaperEntry | None:
        return self.entries.get(Path(file).name)


_PAPER_KEYS = {"file", "original_name", "body", "date", "date_note", "source_report"}
_REPORT_KEYS = {"match", "key", "issuer", "year", "kind"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_catalogue(path: str | Path) -> Catalogue:
    """Read a catalogue file.

    Raises
    ------
    CatalogueError : the file cannot be read or is not UTF-8, the TOML is malformed, or an entry has
        unknown or missing keys or values of the wrong type; the message names the file and, where
        it can be found, the line.
    """
    path = Path(path)
    text = _catalogue_text(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None) or _line_of(str(err))
        raise CatalogueError(f"is not valid TOML ({err})", str(path), line) from err
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise CatalogueError(f"has unknown tables or keys {sorted(unknown)}; allowed: [[paper]]", str(path))
    entries: dict[str, PaperEntry] = {}
    for index, paper in enumerate(_tables(raw.get("paper", []), "paper", path, lambda: None), start=1):
        where = f"[[paper]] number {index}"
        at = partial(_line_in_entry, text, index)
        unknown = set(paper) - _PAPER_KEYS
        if unknown:
            first = sorted(unknown)[0]
            raise CatalogueError(f"{where} has unknown keys {sorted(unknown)}; allowed: {sorted(_PAPER_KEYS)}", str(path), at(first))
        if "file" not in paper:
            raise CatalogueError(f"{where} has no 'file'", str(path), at())
        fields = _strings(paper, _PAPER_KEYS - {"source_report"}, where, path, at)
        if fields.get("date") and not _DATE.match(fields["date"]):
            raise CatalogueError(f"{where}: date {fields['date']!r} is not yyyy, yyyy-mm or yyyy-mm-dd", str(path), at("date"))
        reports = []
        for report in _tables(paper.get("source_report", []), f"{where}: source_report", path, partial(at, "source_report")):
            unknown = set(report) - _REPORT_KEYS
            if unknown or "match" not in report:
                raise CatalogueError(
                    f"{where}: a source_report needs 'match' and allows only {sorted(_REPORT_KEYS)}", str(path),
                    at(sorted(unknown)[0]) if unknown else at(),
                )
            reports.append(ReportEntry(**_strings(report, _REPORT_KEYS, f"{where}: a source_report", path, at)))
        entries[Path(fields["file"]).name] = PaperEntry(**fields, source_reports=tuple(reports))
    return Catalogue(entries, path)


_TOP_KEYS = {"paper"}


def _catalogue_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise CatalogueError("no such file", str(path)) from err
    except OSError as err:
        raise CatalogueError(f"cannot be read ({err.strerror or err})", str(path)) from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CatalogueError("is not UTF-8 text (TOML files are UTF-8: save it as UTF-8)", str(path), line) from err


def _tables(value: object, what: str, path: Path, line: Callable[[], int | None]) -> list[dict]:
    """The tables of an array of tables, refusing a single value or a list of values."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise CatalogueError(f"{what} must be an array of tables ([[...]] headers), not {_type_name(value)}", str(path), line())
    return value


def _strings(table: dict, keys: set[str], where: str, path: Path, at: Callable[[str], int | None]) -> dict[str, str]:
    """The table's values for keys, as text; a number or date is taken as written, anything else refused."""
    fields: dict[str, str] = {}
    for key, value in table.items():
        if key not in keys:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | datetime.date):
            raise CatalogueError(f"{where}: {key} must be text (in quotes), not {_type_name(value)}", str(path), at(key))
        fields[key] = str(value)
    return fields


def _type_name(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "an array", dict: "a table", str: "text"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), type(value).__name__)


def _line_in_entry(text: str, index: int, key: str | None = None) -> int | None:
    """The line of the index-th [[paper]] header, or of its key; None when it cannot be found.

    Only called to name the line in an error, so it may scan the whole file.
    """
    lines = text.splitlines()
    headers = [number for number, line in enumerate(lines, start=1) if _PAPER_HEADER.match(line)]
    if index > len(headers):
        return None
    first = headers[index - 1]
    last = headers[index] - 1 if index < len(headers) else len(lines)
    if key is None:
        return first
    name = re.escape(key)
    pattern = re.compile(rf'\s*(?:{name}|"{name}")\s*=|\s*\[\[\s*paper\.{name}\s*\]\]')
    return next((n for n in range(first, last + 1) if pattern.match(lines[n - 1])), first)


_PAPER_HEADER = re.compile(r"\s*\[\[\s*paper\s*\]\]")


def _line_of(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def find_catalogue(paper: Path) -> Path | None:
    """The catalogue that describes a paper: in its folder or the folder above (data/papers/x.txt)."""
    for folder in (paper.parent, paper.parent.parent):
        candidate = folder / CATALOGUE_NAME
        if candidate.is_file():
            return candidate
    return None


def apply_catalogue(result: ReadResult, entry: PaperEntry | None) -> ReadResult:
    """Merge a catalogue entry into what a reader derived; re-key records whose report was re-keyed."""
    paper = result.paper
    renamed: dict[str, str] = {}
    reports = []
    for report in paper.source_reports:
        matched = _match(report, entry)
        merged = _merge(report, matched)
        renamed[report.key] = merged.key
        reports.append(merged)
    if paper.date and paper.date_source is None:
        paper = replace(paper, date_source="printed")  # a reader's date is read from the text
    if entry is not None:
        paper = replace(
            paper,
            body=paper.body or entry.body,
            date=paper.date or entry.date,
            date_source=paper.date_source or ("catalogue" if entry.date else None),
            original_name=entry.original_name or paper.original_name,
        )
    result.paper = replace(paper, source_reports=tuple(reports))
    result.recommendations = [replace(r, source_report=renamed.get(r.source_report, r.source_report)) for r in result.recommendations]
    result.updates = [
        replace(u, source_report=renamed.get(u.source_report, u.source_report), paper_date=u.paper_date or result.paper.date)
        for u in result.updates
    ]
    result.mentions = [
        replace(m, source_report=renamed.get(m.source_report, m.source_report), paper_date=m.paper_date or result.paper.date)
        for m in result.mentions
    ]
    result.cross_references = [
        replace(x, source_report=renamed.get(x.source_report, x.source_report)) for x in result.cross_references
    ]
    return result


def catalogue_pins(entry: PaperEntry | None):
    """A test of a printed report title: does this paper's entry key it? (None when it keys none.)"""
    if entry is None or not any(candidate.key for candidate in entry.source_reports):
        return None
    matches = [candidate.match.casefold() for candidate in entry.source_reports if candidate.key]
    return lambda title: any(match in title.casefold() for match in matches)


def _match(report: SourceReport, entry: PaperEntry | None) -> ReportEntry | None:
    if entry is None:
        return None
    title = report.title.casefold()
    for candidate in entry.source_reports:
        if candidate.match.casefold() in title:
            return candidate
    return None


def _merge(report: SourceReport, entry: ReportEntry | None) -> SourceReport:
    if entry is None:
        return replace(
            report,
            year=report.year or guess_year(report.title),
            kind=report.kind or guess_kind(report.title),
            issuer=report.issuer or guess_issuer(report.title),
        )
    return replace(
        report,
        key=entry.key or report.key,
        key_basis="catalogue" if entry.key else report.key_basis,
        issuer=entry.issuer or report.issuer or guess_issuer(report.title),
        year=entry.year or report.year or guess_year(report.title),
        kind=entry.kind or report.kind or guess_kind(report.title),
    )


def guess_year(title: str) -> str | None:
    """The year a title names, as written ("2000/2001", "2001/2", "2001").

    >>> guess_year("HMIC MPS Inspection 2000/2001")
    '2000/2001'
    >>> guess_year("Operational Support Review") is None
    True
    """
    found = re.findall(r"\b(?:19|20)\d\d(?:/\d{1,4})?\b", title)
    return found[-1] if found else None


_KINDS = ("inspection", "audit", "review", "inquiry", "investigation", "evaluation")


def guess_kind(title: str) -> str | None:
    lowered = title.casefold()
    return next((kind for kind in _KINDS if kind in lowered), None)


#: Title words that name an issuer. A guess for papers with no catalogue entry only.
_ISSUERS = {"hmic": "HMIC", "district audit": "District Audit", "audit commission": "Audit Commission"}


def guess_issuer(title: str) -> str | None:
    lowered = title.casefold()
    return next((name for word, name in _ISSUERS.items() if word in lowered), None)
