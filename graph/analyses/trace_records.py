"""What a trace holds: the recommendation's spans, its updates and its related recommendations.

The records :func:`recgraph.graph.analyses.trace.trace` returns and
:mod:`recgraph.graph.analyses.trace_report` renders (text, Markdown, HTML, JSON).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from recgraph.graph.analyses.trace_notes import Corrected

if TYPE_CHECKING:
    import pandas

#: What each link says, seen from the recommendation traced (outgoing, incoming).
RELATIONS = {
    "reiterates": ("reiterates", "reiterated by"),
    "dependsOn": ("depends on", "depended on by"),
    "subsumedInto": ("subsumed into", "subsumes"),
    "refersTo": ("refers to", "referred to by"),
    "partOf": ("part of", "has part"),
    "covers": ("covers", "covered by"),
}
CHAIN = "same repeat chain"


@dataclass(frozen=True)
class Span:
    """Lines of a paper and their text as read."""

    file: str | None
    first_line: int | None
    last_line: int | None
    verbatim: str | None

    def where(self) -> str:
        lines = f"{self.first_line}" if self.first_line == self.last_line else f"{self.first_line}-{self.last_line}"
        return f"{self.file}:{lines}" if self.file else ""


@dataclass(frozen=True)
class Update:
    """What one paper says of the recommendation's progress: a progress update (``kind``
    "update"), or a mention (``kind`` "mention": the paper cites it by number, or by ``topic``
    with ``matched_by`` saying how it was matched, ``printed`` and ``sentence`` verbatim, with the
    status the sentence states)."""

    iri: str
    paper: str | None
    paper_title: str | None
    date: str | None
    status: str
    closed: bool
    status_phrase: str | None
    status_basis: str | None
    status_rule: str | None
    progress: str | None
    owner: str | None
    owner_text: str | None
    timescale: str | None
    mpa_action: str | None
    sources: tuple[Span, ...] = ()
    kind: str = "update"
    printed: str | None = None
    sentence: str | None = None
    #: where the date came from: printed, catalogue or inferred (see trace_notes)
    date_source: str | None = None
    #: the analysts' corrections of this update's fields, beside the values read
    corrections: tuple[Corrected, ...] = ()
    #: a mention by topic: the topic words as printed, and how it was matched to this recommendation
    topic: str | None = None
    matched_by: str | None = None


@dataclass(frozen=True)
class Related:
    """A recommendation (or a system or programme) related to the one traced, and why."""

    iri: str
    label: str
    kind: str
    relations: tuple[str, ...]
    direction: str
    score: float | None
    evidence: str | None
    via: tuple[str, ...] = ()
    report: str | None = None
    report_title: str | None = None
    year: int | None = None
    status: str | None = None
    closed: bool | None = None
    title: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Trace:
    """Everything the graph says about one recommendation (see the module docstring)."""

    iri: str
    label: str
    number: str | None
    report: str | None
    report_title: str | None
    year: int | None
    heading: str | None
    text: str | None
    para_ref: str | None
    status: str
    closed: bool
    owner: str | None
    themes: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    sources: tuple[Span, ...] = ()
    updates: tuple[Update, ...] = ()
    related: tuple[Related, ...] = ()
    waits_on: tuple[Related, ...] = ()
    source: str = field(default="", compare=False)
    #: the analysts' corrections of the recommendation's fields ("added": not read from a paper)
    corrections: tuple[Corrected, ...] = ()
    #: the readers' warnings at its lines: text rebuilt from fragments, a row cut short
    caveats: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The trace as plain data (for JSON)."""
        return asdict(self)

    def related_frame(self) -> pandas.DataFrame:
        """The related recommendations and what it waits on, one row each."""
        import pandas

        rows = [{**asdict(item), "relations": ", ".join(item.relations), "via": " → ".join(item.via)}
                for item in (*self.related, *self.waits_on)]
        return pandas.DataFrame(rows, columns=[f.name for f in Related.__dataclass_fields__.values()])

    def updates_frame(self) -> pandas.DataFrame:
        """The progress updates, one row each, their source lines as ``file:first-last``."""
        import pandas

        rows = [{**{k: v for k, v in asdict(u).items() if k != "sources"},
                 "sources": "; ".join(span.where() for span in u.sources)} for u in self.updates]
        return pandas.DataFrame(rows, columns=[*(f for f in Update.__dataclass_fields__)])


# ---------------------------------------------------------------------------------------------
# Gathering the trace
