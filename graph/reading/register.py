"""The register of reports (``reports.toml``): facts a person confirms about source reports.

Papers name a report in their own words and :mod:`recgraph.graph.reading.reports` derives a key
from those words. The register adds what the words do not settle: the key a report must keep
(today's keys, ``winning-consent``, ``hmic-mps-2000-01`` ...), its issuer, year and kind, and the
aliases a person has confirmed are the same report. Where the register speaks it wins; a report it
does not list still reads, keyed from its name.

The register is found beside the catalogue (the data folder); without one, the register that ships
with recgraph (``recgraph/data/reports.toml``) is used.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from recgraph.errors import CatalogueError
from recgraph.graph.reading.reports import ReportName, issuers_related

REGISTER_NAME = "reports.toml"
_KEYS = {"key", "title", "issuer", "year", "kind", "aliases"}


@dataclass(frozen=True)
class RegisteredReport:
    """One report of the register: its key, facts and the names it is known by."""

    key: str
    title: str | None = None
    issuer: str | None = None
    year: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] = ()

    def names(self) -> list[ReportName]:
        return [ReportName.of(alias, self.issuer, self.year) for alias in (*self.aliases, *([self.title] if self.title else []))]


@dataclass(frozen=True)
class Register:
    """The reports of a register file, in file order."""

    reports: tuple[RegisteredReport, ...] = ()
    path: Path | None = None

    def by_key(self, key: str) -> RegisteredReport | None:
        return next((report for report in self.reports if report.key == key), None)

    def match(self, name: ReportName) -> RegisteredReport | None:
        """The first registered report one of whose names matches ``name``, or None."""
        for report in self.reports:
            if any(_matches_alias(alias, name) for alias in report.names()):
                return report
        return None


def _matches_alias(alias: ReportName, name: ReportName) -> bool:
    # An alias a person confirmed matches a printed name that contains its distinctive words (the
    # printed name may add a subtitle, a part or a year); issuer and year must not conflict.
    if name.issuer and alias.issuer and not issuers_related(name.issuer, alias.issuer):
        return False
    if name.year and alias.year and name.year[:4] != alias.year[:4]:
        return False
    if name.part and alias.part and name.part != alias.part:
        return False  # an alias of one part of a report does not name another part
    if name.later != alias.later:
        return False  # "X: twenty years on" is not X (reports.LATER)
    if not alias.words:
        return bool(alias.year and name.year == alias.year and not name.words) and name.issuer == alias.issuer
    return set(alias.words) <= set(name.words)


def load_register(path: str | Path) -> Register:
    """Read a register file.

    Raises
    ------
    CatalogueError : the TOML is malformed, or an entry has unknown keys or no ``key``.
    """
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise CatalogueError(f"is not valid TOML ({err})", str(path), getattr(err, "lineno", None)) from err
    reports = []
    for index, entry in enumerate(raw.get("report", []), start=1):
        unknown = set(entry) - _KEYS
        if unknown or "key" not in entry:
            raise CatalogueError(
                f"[[report]] number {index} needs 'key' and allows only {sorted(_KEYS)} (unknown: {sorted(unknown)})", str(path)
            )
        aliases = entry.get("aliases", [])
        if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases):
            raise CatalogueError(f"[[report]] {entry['key']!r}: 'aliases' must be a list of strings", str(path))
        fields = {k: str(v) for k, v in entry.items() if k != "aliases"}
        reports.append(RegisteredReport(**fields, aliases=tuple(aliases)))
    return Register(tuple(reports), path)


def packaged_register() -> Path:
    from importlib.resources import files

    return Path(str(files("recgraph.data"))) / REGISTER_NAME


def find_register(catalogue_folder: Path | None) -> Path | None:
    """The register beside the catalogue, else the packaged one (None when neither exists)."""
    if catalogue_folder is not None and (catalogue_folder / REGISTER_NAME).is_file():
        return catalogue_folder / REGISTER_NAME
    packaged = packaged_register()
    return packaged if packaged.is_file() else None


@lru_cache(maxsize=8)
def _cached(path: Path, mtime: float) -> Register:
    return load_register(path)


def register_at(path: Path | None) -> Register:
    """The register at ``path`` (cached while the file is unchanged); empty for None."""
    if path is None:
        return Register()
    return _cached(path.resolve(), path.stat().st_mtime)
