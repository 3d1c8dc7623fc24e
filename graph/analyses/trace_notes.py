"""What the trace says of values that were not simply read: analysts' corrections, readers' caveats,
and paper dates not printed.

An auditor's trace quotes the papers; it must never pass off an analyst's correction as printed
text, nor hide that the reading rebuilt a record from fragments or took a paper's date from the
catalogue. :func:`annotate` adds these to a trace gathered by :func:`~.trace.trace`:

* ``corrections`` on the recommendation and on each update: the field, the corrected value, the
  value the readers extracted, who made it, when, and the overrides file and row;
* ``caveats`` on the recommendation: the readers' warnings at its lines;
* ``date_source`` on each update: printed, catalogue or inferred.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

#: The fields of a progress update an analyst may correct (the others are the recommendation's).
UPDATE_FIELDS = ("progress", "status_phrase", "owner", "mpa_action", "timescale")


@dataclass(frozen=True)
class Corrected:
    """An analyst's correction of one field: ``printed`` is the value the readers extracted
    (None for a recommendation the analyst added, ``field`` "added")."""

    field: str
    value: str | None
    printed: str | None
    who: str | None
    when: str | None
    file: str | None
    row: int | None
    origin: str | None = None

    def note(self) -> str:
        """One line for people: what was corrected, by whom, when, and where it is kept."""
        made = ", ".join(part for part in (self.who and f"by {self.who}", self.when and f"on {self.when}") if part)
        kept = f"{self.file}:{self.row}" if self.file and self.row else self.file or "overrides"
        origin = f", imported from {self.origin}" if self.origin else ""
        if self.field == "added":
            return f"added by an analyst (not read from a paper; no paper line){' ' + made if made else ''} [{kept}{origin}]"
        read = f"read as “{self.printed}”" if self.printed else "nothing read"
        return f"{self.field} corrected to “{self.value or ''}” ({read}){' ' + made if made else ''} [{kept}{origin}]"


_CORRECTIONS = """
SELECT ?target ?field ?value ?printed ?file ?row ?origin ?when ?who
WHERE {
  VALUES ?rec { #REC# }
  { ?rec rg:correction ?c BIND (?rec AS ?target) } UNION { ?target rg:reportsOn ?rec ; rg:correction ?c }
  ?c rg:correctedField ?field .
  OPTIONAL { ?c rg:correctedValue ?value }
  OPTIONAL { ?c rg:printedValue ?printed }
  OPTIONAL { ?c rg:correctionsFile ?file }
  OPTIONAL { ?c rg:correctionsRow ?row }
  OPTIONAL { ?c rg:correctionOrigin ?origin }
  OPTIONAL { ?c prov:endedAtTime ?when }
  OPTIONAL { ?c prov:wasAttributedTo/rdfs:label ?who }
}"""

_CAVEATS = "SELECT ?caveat WHERE { #REC# rg:caveat ?caveat }"

_DATE_SOURCES = """
SELECT ?update ?date_source
WHERE { VALUES ?rec { #REC# } ?update rg:reportsOn ?rec ; rg:inPaper/rg:dateSource ?date_source }"""


def annotate(ask: Callable[[str], pandas.DataFrame], trace):
    """The trace with its corrections, caveats and date sources (``ask`` runs a query with
    ``#REC#`` standing for the recommendation)."""
    rows = ask(_CORRECTIONS)
    found: dict[str, list[Corrected]] = {}
    for row in rows.to_dict("records") if len(rows) else ():
        found.setdefault(row["target"], []).append(Corrected(
            field=row["field"], value=_plain(row.get("value")), printed=_plain(row.get("printed")), who=_plain(row.get("who")),
            when=_plain(row.get("when")), file=_plain(row.get("file")),
            row=int(row["row"]) if _plain(row.get("row")) is not None else None, origin=_plain(row.get("origin"))))
    caveats = ask(_CAVEATS)
    sources = ask(_DATE_SOURCES)
    date_source = dict(zip(sources["update"], sources["date_source"])) if len(sources) else {}
    updates = tuple(replace(u, date_source=_plain(date_source.get(u.iri)), corrections=tuple(_sorted(found.get(u.iri, []))))
                    for u in trace.updates)
    return replace(trace, updates=updates, corrections=tuple(_sorted(found.get(trace.iri, []))),
                   caveats=tuple(sorted(set(caveats["caveat"]))) if len(caveats) else ())


def corrected(items, field: str) -> Corrected | None:
    """The correction of ``field`` among ``items``, if any."""
    return next((c for c in items if c.field == field), None)


def date_note(date: str | None, source: str | None) -> str:
    """A date as the trace shows it, saying when it was not printed.

    >>> date_note("2002-09", "catalogue")
    '2002-09 (from the catalogue, not printed)'
    """
    if not date:
        return "not stated"
    if source == "catalogue":
        return f"{date} (from the catalogue, not printed)"
    if source == "inferred":
        return f"{date} (inferred, not printed)"
    return str(date)


def _sorted(items: list[Corrected]) -> list[Corrected]:
    return sorted(items, key=lambda c: (c.field != "added", c.field))


def _plain(value):
    if value is None or value != value:  # NaN is not equal to itself
        return None
    return str(value) if not isinstance(value, (int, float)) else value
