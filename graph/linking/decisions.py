"""Analysts' decisions on suggested links: confirmed or rejected, by whom, when, and why.

Decisions live in a CSV file under ``data/`` (:data:`DEFAULT_FILE`, one row per decision, the
latest row on a pair and relation winning), outside every build, so that they survive rebuilds. The
columns (:data:`COLUMNS`)::

    later,earlier,relation,decision,who,when,note

``later`` and ``earlier`` are short labels ``report-key/number`` (the order given by the analyst;
a decision holds for the pair whichever way round), ``relation`` is ``reiterates`` or
``relatedTo``, ``decision`` is ``confirmed`` or ``rejected``, ``who`` the analyst's name
(``$RECGRAPH_USER``, else the login name), ``when`` an ISO 8601 timestamp with its time zone.

A decision is provenance, never passed off as printed text: the graph states it on the link with
``prov:wasAttributedTo`` and ``prov:generatedAtTime`` (:mod:`recgraph.graph.rdf.enrichment`).
"""

from __future__ import annotations

import csv
import getpass
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from recgraph.errors import RecgraphError
from recgraph.graph.reading.numbers import canonical_number

__all__ = ["COLUMNS", "DEFAULT_FILE", "OUTCOMES", "RELATIONS", "Decision", "DecisionError", "analyst",
           "canonical_pair", "decisions_file", "latest", "parse_label", "read_decisions", "record_decision"]

COLUMNS = ("later", "earlier", "relation", "decision", "who", "when", "note")
RELATIONS = ("reiterates", "relatedTo")
OUTCOMES = ("confirmed", "rejected")
#: Where decisions are kept, relative to the data folder (recgraph.data_path()).
DEFAULT_FILE = "decisions.csv"

RecKey = tuple[str, str]


class DecisionError(RecgraphError):
    """A decisions file or a decision that cannot be read."""


@dataclass(frozen=True)
class Decision:
    """One analyst's decision on the link between two recommendations."""

    later: RecKey
    earlier: RecKey
    relation: str
    decision: str
    who: str
    when: str
    note: str = ""

    @property
    def pair(self) -> frozenset[RecKey]:
        """The two recommendations, numbers canonical ("R2" and "2" are one node)."""
        return canonical_pair(self.later, self.earlier)

    def describe(self) -> str:
        """One line for the evidence: who decided what, when, and why."""
        return f"{self.decision} by {self.who} on {self.when}" + (f": {self.note}" if self.note else "")


def canonical_pair(one: RecKey, other: RecKey) -> frozenset[RecKey]:
    """Two recommendation keys as an unordered pair of canonical keys, as the graph's nodes are keyed.

    >>> canonical_pair(("da", "R2"), ("hmic", "26")) == canonical_pair(("hmic", "26"), ("da", "2"))
    True
    """
    return frozenset((report, canonical_number(number)) for report, number in (one, other))


def parse_label(label: str) -> RecKey:
    """A short label ``report-key/number`` as a key (report keys hold no slash; numbers may).

    >>> parse_label("race-and-faith/6(b)"), parse_label("b-callhandling-bvr/3/4")
    (('race-and-faith', '6(b)'), ('b-callhandling-bvr', '3/4'))
    """
    report, slash, number = label.strip().partition("/")
    if not slash or not report or not number:
        raise DecisionError(f"{label!r} is not a short label report-key/number")
    return (report, number)


def decisions_file() -> Path:
    """The decisions file builds read and ``recgraph links`` writes: ``$RECGRAPH_DECISIONS``, else
    ``decisions.csv`` in the working data folder (``$RECGRAPH_DATA``, else ./data), also when the papers
    read are the packaged seeds: an analyst's decisions are the user's data, never written into the
    installed package (:mod:`recgraph.graph.reading.locations`)."""
    named = os.environ.get("RECGRAPH_DECISIONS", "").strip()
    if named:
        return Path(named)
    from recgraph.graph.reading.locations import working_data_dir

    return working_data_dir() / DEFAULT_FILE


def analyst() -> str:
    """Who is deciding: ``$RECGRAPH_USER``, else the login name."""
    name = os.environ.get("RECGRAPH_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


def read_decisions(path: str | Path) -> list[Decision]:
    """Every decision of a file, in the order recorded (no file: none).

    Raises
    ------
    DecisionError : a row that cannot be read, naming the file and line.
    """
    path = Path(path)
    if not path.exists():
        return []
    found = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None:
            return []
        missing = [c for c in COLUMNS[:4] if c not in reader.fieldnames]
        if missing:
            raise DecisionError(f"{path}: line 1: missing columns {', '.join(missing)}")
        for row in reader:
            line = reader.line_num
            try:
                decision = Decision(parse_label(row["later"] or ""), parse_label(row["earlier"] or ""),
                                    (row["relation"] or "reiterates").strip(), (row["decision"] or "").strip(),
                                    (row.get("who") or "").strip(), (row.get("when") or "").strip(),
                                    (row.get("note") or "").strip())
            except DecisionError as error:
                raise DecisionError(f"{path}: line {line}: {error}") from None
            if decision.relation not in RELATIONS:
                raise DecisionError(f"{path}: line {line}: relation {decision.relation!r} is not one of {', '.join(RELATIONS)}")
            if decision.decision not in OUTCOMES:
                raise DecisionError(f"{path}: line {line}: decision {decision.decision!r} is not one of {', '.join(OUTCOMES)}")
            found.append(decision)
    return found


def latest(decisions: Iterable[Decision]) -> dict[tuple[frozenset[RecKey], str], Decision]:
    """The decision in force on each (pair, relation): the last one recorded."""
    found: dict[tuple[frozenset[RecKey], str], Decision] = {}
    for decision in decisions:
        found[(decision.pair, decision.relation)] = decision
    return found


def record_decision(path: str | Path, later: str, earlier: str, decision: str, relation: str = "reiterates",
                    note: str = "", who: str | None = None, when: str | None = None) -> Decision:
    """Append a decision to the file (created with its header if need be) and return it.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "decisions.csv"
    >>> record_decision(path, "b/2", "a/1", "rejected", who="ana", when="2026-01-01T00:00:00+00:00").describe()
    'rejected by ana on 2026-01-01T00:00:00+00:00'
    >>> [d.decision for d in read_decisions(path)]
    ['rejected']
    """
    if decision not in OUTCOMES:
        raise DecisionError(f"decision {decision!r} is not one of {', '.join(OUTCOMES)}")
    if relation not in RELATIONS:
        raise DecisionError(f"relation {relation!r} is not one of {', '.join(RELATIONS)}")
    made = Decision(parse_label(later), parse_label(earlier), relation, decision, who or analyst(),
                    when or datetime.now(timezone.utc).isoformat(timespec="seconds"), " ".join(note.split()))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(COLUMNS)
        writer.writerow(["/".join(made.later), "/".join(made.earlier), made.relation, made.decision,
                         made.who, made.when, made.note])
    return made
