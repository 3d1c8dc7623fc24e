"""What the enrichment adds to the records: typed, immutable, each fact with its evidence.

Records are keyed as the readers key them: a recommendation by ``(source report key, number)``
(:data:`RecKey`), a progress update by ``(source report key, number, paper file name)``
(:data:`UpdateKey`), so an enrichment joins back to the records without object identity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from recgraph.graph.enrich.words import Match
from recgraph.graph.model import ProgressUpdate, Provenance

RecKey = tuple[str, str]
UpdateKey = tuple[str, str, str]


def update_key(update: ProgressUpdate) -> UpdateKey:
    """The key of a progress update: its recommendation's key and the paper's file name."""
    return (update.source_report, update.recommendation, _file_name(update.paper))


@lru_cache(maxsize=4096)
def _file_name(path: str) -> str:
    # A corpus has few papers and many updates: build a Path once per paper, not once per key.
    return Path(path).name


@dataclass(frozen=True)
class Evidence:
    """A label matched in one field (``heading``, ``text`` or ``progress``) of a recommendation."""

    field: str
    label: str
    words: str

    @classmethod
    def of(cls, field_name: str, match: Match) -> Evidence:
        return cls(field_name, match.label, match.words)

    def __str__(self) -> str:
        return f"{self.field}: {self.words!r} ({self.label})"


@dataclass(frozen=True)
class ThemeTag:
    """A recommendation is about a theme; the matched words say why."""

    rec: RecKey
    theme: str
    label: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SystemMention:
    """A recommendation or its progress names a system."""

    rec: RecKey
    system: str
    label: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Dependency:
    """A recommendation's work waits on, depends on or is delivered through something else.

    ``kind`` is ``system`` (``target`` is the system's IRI), ``recommendation`` (``target_rec`` is
    its key, ``target`` its short form "report/number"), ``programme`` (``target`` is the
    programme's name as printed) or ``report`` (``target`` is the key of the later report the
    recommendation was carried forward into, or its name as printed when no report matches).
    ``phrase`` is the sentence that says so and ``cue`` the words that fired.
    """

    source: RecKey
    kind: str
    target: str
    phrase: str
    cue: str
    target_rec: RecKey | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class OwnerUnit:
    """An owner unit: one of owners.ttl (``iri`` set) or a new one made from a printed name."""

    label: str
    iri: str | None = None

    @property
    def known(self) -> bool:
        return self.iri is not None


@dataclass(frozen=True)
class OwnerMatch:
    """The owner printed on a progress update, verbatim, and the unit it was normalised to."""

    update: UpdateKey
    verbatim: str
    unit: OwnerUnit
    rule: str


@dataclass(frozen=True)
class StatusAssignment:
    """A status with how it was decided.

    ``basis`` is ``explicit`` (a status phrase of the paper), ``inferred`` (a pattern found in the
    progress text, or the default for progress that states none) or ``derived`` (from lettered
    parts, or from the item a pointer-only progress refers to); ``rule`` says what fired.
    """

    status: str
    notation: str | None
    basis: str
    rule: str
    phrase: str | None = None


@dataclass(frozen=True)
class Enrichment:
    """Everything the enrichment found, keyed by recommendation or by progress update."""

    themes: dict[RecKey, tuple[ThemeTag, ...]] = field(default_factory=dict)
    systems: dict[RecKey, tuple[SystemMention, ...]] = field(default_factory=dict)
    dependencies: tuple[Dependency, ...] = ()
    owners: dict[UpdateKey, OwnerMatch] = field(default_factory=dict)
    statuses: dict[UpdateKey, StatusAssignment] = field(default_factory=dict)
    parent_statuses: dict[RecKey, StatusAssignment] = field(default_factory=dict)
    #: Paper date (ISO, as precise as printed) of each update, for ordering statuses in time.
    update_dates: dict[UpdateKey, str | None] = field(default_factory=dict)
    #: Systems recognised by their form in the papers and not in systems.ttl: IRI -> name.
    new_systems: dict[str, str] = field(default_factory=dict)

    def status_of(self, rec: RecKey) -> StatusAssignment | None:
        """The latest status of a recommendation: derived from its parts, else its latest update's."""
        if rec in self.parent_statuses:
            return self.parent_statuses[rec]
        latest = self.latest_update(rec)
        return self.statuses.get(latest) if latest else None

    def latest_update(self, rec: RecKey) -> UpdateKey | None:
        keys = self._updates_by_rec.get(rec)
        if not keys:
            return None
        return max(keys, key=lambda key: (self.update_dates.get(key) or "", key[2]))

    @cached_property
    def _updates_by_rec(self) -> dict[RecKey, list[UpdateKey]]:
        # An index, so that asking every recommendation's status is not quadratic in the updates.
        index: dict[RecKey, list[UpdateKey]] = {}
        for key in self.statuses:
            index.setdefault(key[:2], []).append(key)
        return index
