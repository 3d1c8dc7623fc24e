"""The domain of recgraph as typed, immutable dataclasses.

A *paper* (a committee paper, an action plan, a monitoring proforma) tracks recommendations made by
one or more *source reports* (inspections, audits, reviews, inquiries). For each recommendation the
paper gives a *progress update*. Every record carries the :class:`Provenance` of the text it was
read from, so any fact in the graph can be traced back to the lines that prove it.

Records refer to each other by keys (source report key, recommendation number as printed), never
by object identity: they are what readers produce and what the RDF builder consumes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provenance:
    """Where a record came from: a file, an inclusive 1-based line range and the verbatim text."""

    file: str
    first_line: int
    last_line: int
    text: str

    def __post_init__(self) -> None:
        if self.first_line < 1 or self.last_line < self.first_line:
            raise ValueError(f"bad line span {self.first_line}-{self.last_line} in {self.file}")

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first_line, self.last_line)


@dataclass(frozen=True)
class SourceReport:
    """The inspection, audit, review or inquiry that made recommendations.

    ``key`` is a stable slug used for IRIs and to join records; ``title`` is as printed in the paper
    (or given by the catalogue); ``issuer`` (e.g. "HMIC") and ``year`` (as written, e.g. "2000/2001")
    come from the register, the catalogue or the text. ``aliases`` are the other names the paper
    prints for it; ``key_basis`` says where the key came from: "register", "catalogue" or "text"
    (derived from the name, and matched against other papers' names), or "unidentified" (the paper
    names no report: the key is "unidentified-" and the paper's slug, never matched across papers).
    """

    key: str
    title: str
    issuer: str | None = None
    year: str | None = None
    kind: str | None = None
    provenance: Provenance | None = None
    aliases: tuple[str, ...] = ()
    key_basis: str | None = None


@dataclass(frozen=True)
class Paper:
    """A monitoring document: the file recgraph read and what it says about itself."""

    file: str
    layout: str
    title: str | None = None
    body: str | None = None
    date: str | None = None
    original_name: str | None = None
    source_reports: tuple[SourceReport, ...] = ()
    provenance: Provenance | None = None
    #: where ``date`` came from: "printed" (read from the text), "catalogue" (given by the
    #: catalogue, not printed) or "inferred" (worked out, not printed); None when there is no date
    date_source: str | None = None


@dataclass(frozen=True)
class Recommendation:
    """One recommendation as printed: ``number`` is verbatim ("22", "R6", "6(b)", "110").

    Lettered parts such as 6(b) name their ``parent`` ("6"); a parent whose only content is its
    lettered parts still is a Recommendation with its own (heading) text.
    """

    source_report: str
    number: str
    text: str
    provenance: Provenance
    parent: str | None = None
    heading: str | None = None
    para_ref: str | None = None
    classification: str | None = None
    covers: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.source_report, self.number)


@dataclass(frozen=True)
class Mention:
    """A recommendation cited without its wording: by number ("recommendations 4 and 6 are
    complete") or by topic, in prose, in a list of numbers grouped by status, or in the paper's own
    recommendations to Members.

    One mention per number: a range or list ("recommendations 1 to 12", "(2, 7, 9)") gives one
    Mention each, all sharing ``printed`` and ``sentence``; a status stated for the group applies to
    each. ``number`` is as printed for this one number ("12", "R12", "4(b)"); ``topic`` holds the
    words a mention by topic names it with (``number`` is then None).
    """

    source_report: str
    number: str | None
    paper: str
    printed: str
    sentence: str
    provenance: Provenance
    status_phrase: str | None = None
    topic: str | None = None
    paper_date: str | None = None


@dataclass(frozen=True)
class ProgressUpdate:
    """What one paper says about one recommendation's progress, with the verbatim phrases.

    ``paragraphs`` are the paper's own paragraph numbers that hold the progress (used to resolve
    pointers such as "As paragraph 53").
    """

    source_report: str
    recommendation: str
    paper: str
    provenance: Provenance
    paper_date: str | None = None
    progress: str | None = None
    status_phrase: str | None = None
    owner: str | None = None
    mpa_action: str | None = None
    timescale: str | None = None
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrossReference:
    """An explicit pointer from one recommendation to another, kept with its phrase.

    ``target`` is as printed ("recommendation 5", "next recommendation", "paragraph 53");
    ``resolved`` is the number of the recommendation it points to in the same paper, or None when
    the pointer could not be resolved (it is kept and flagged, never dropped).
    """

    source_report: str
    recommendation: str
    target: str
    phrase: str
    provenance: Provenance
    resolved: str | None = None
    target_report: str | None = None


@dataclass(frozen=True)
class Leftover:
    """A span of text no record covers and no rule recognised as boilerplate."""

    file: str
    first_line: int
    last_line: int
    text: str
    reason: str = "not placed"


@dataclass(frozen=True)
class Correction:
    """An analyst's correction of one field of one recommendation (or its addition, ``field``
    "added"): the value beside what the readers extracted, with who made it, when, and where it is
    kept (the overrides file and its line) and came from (``origin``: the imported file and row).
    """

    source_report: str
    recommendation: str
    field: str
    value: str | None
    printed: str | None
    who: str | None
    when: str | None
    file: str
    row: int
    origin: str | None = None


@dataclass
class ReadResult:
    """Everything read from one paper: records, the text no record covers, and warnings."""

    paper: Paper
    recommendations: list[Recommendation] = field(default_factory=list)
    updates: list[ProgressUpdate] = field(default_factory=list)
    cross_references: list[CrossReference] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)

    def update_for(self, rec: Recommendation) -> ProgressUpdate | None:
        for update in self.updates:
            if (update.source_report, update.recommendation) == rec.key:
                return update
        return None
