"""The paper catalogue (``catalogue.toml``): facts about a paper that its text does not state.

Readers derive what the text says (titles, printed dates, numbers), and the reports a paper tracks
are identified from its words and keyed by the register of reports or from their names
(:mod:`recgraph.graph.reading.tracked`). The catalogue adds the rest: the issuing body, a date when
none is printed, and, where an analyst decided so, a key that sets one paper's report apart.
:func:`apply_catalogue` merges an entry into a :class:`ReadResult`; a paper with no entry keeps what
was derived, with year, issuer and kind guessed from the report's title where none is known.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
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
    CatalogueError : the TOML is malformed or an entry has unknown or missing keys; the message
        names the file and, for TOML syntax errors, the line.
    """
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None) or _line_of(str(err))
        raise CatalogueError(f"is not valid TOML ({err})", str(path), line) from err
    entries: dict[str, PaperEntry] = {}
    for index, paper in enumerate(raw.get("paper", []), start=1):
        where = f"[[paper]] number {index}"
        unknown = set(paper) - _PAPER_KEYS
        if unknown:
            raise CatalogueError(f"{where} has unknown keys {sorted(unknown)}; allowed: {sorted(_PAPER_KEYS)}", str(path))
        if "file" not in paper:
            raise CatalogueError(f"{where} has no 'file'", str(path))
        if paper.get("date") and not _DATE.match(str(paper["date"])):
            raise CatalogueError(f"{where}: date {paper['date']!r} is not yyyy, yyyy-mm or yyyy-mm-dd", str(path))
        reports = []
        for report in paper.get("source_report", []):
            unknown = set(report) - _REPORT_KEYS
            if unknown or "match" not in report:
                raise CatalogueError(
                    f"{where}: a source_report needs 'match' and allows only {sorted(_REPORT_KEYS)}", str(path)
                )
            reports.append(ReportEntry(**{k: str(v) for k, v in report.items()}))
        fields = {k: str(v) for k, v in paper.items() if k != "source_report"}
        entries[Path(fields["file"]).name] = PaperEntry(**fields, source_reports=tuple(reports))
    return Catalogue(entries, path)


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
