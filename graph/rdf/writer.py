"""From records to RDF: the quads of one paper's named graph, written as N-Quads text.

Each paper becomes one named graph holding its paper, the source reports it tracks, the
recommendations it prints, its progress updates, its cross-references, its leftovers and the text
spans every record was derived from (``prov:wasDerivedFrom``). The quads are written as N-Quads
lines rather than built as rdflib or pyoxigraph objects: formatting strings is several times faster
than creating term objects, and pyoxigraph bulk-loads the text directly (see :mod:`store`).

Literal text is ``xsd:string``; line numbers ``xsd:integer``; paper dates ``xsd:date``,
``xsd:gYearMonth`` or ``xsd:gYear`` by their precision (anything else is kept as a string, which
the shapes then report).

>>> from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation
>>> span = Provenance("p.txt", 2, 3, "1. Do it.")
>>> result = ReadResult(Paper("p.txt", "table"), [Recommendation("r", "1", "Do it.", span)])
>>> lines = paper_nquads(result, Minter("http://example.org/"))
>>> print(next(line for line in lines if "#text>" in line), end="")
<http://example.org/report/r/rec/1> <https://w3id.org/recgraph/ontology#text> "Do it." <http://example.org/graph/p> .
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from recgraph.errors import ReadError
from recgraph.graph.reading.caveats import record_caveats
from recgraph.graph.reading.locations import graph_text
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.model import CrossReference, Leftover, Mention, Paper, ProgressUpdate, Provenance, ReadResult, Recommendation
from recgraph.graph.rdf.mention_status import mention_status
from recgraph.graph.reading.numbers import canonical_number
from recgraph.graph.rdf.namespaces import PREFIXES, RG

_XSD = PREFIXES["xsd"]
_TYPE = f"<{PREFIXES['rdf']}type>"
_LABEL = f"<{PREFIXES['rdfs']}label>"
_TITLE = f"<{PREFIXES['dcterms']}title>"
_DATE = f"<{PREFIXES['dcterms']}date>"
_DERIVED = f"<{PREFIXES['prov']}wasDerivedFrom>"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "date"),
    (re.compile(r"^\d{4}-\d{2}$"), "gYearMonth"),
    (re.compile(r"^\d{4}$"), "gYear"),
)


def _rg(term: str) -> str:
    return f"<{RG[term]}>"


#: The IRI of a term of the recgraph ontology in N-Quads brackets (a term the ontology does not
#: declare raises), for the other writers of quads.
rg_term = _rg


def literal(value: str) -> str:
    """An N-Quads string literal.

    >>> print(literal('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    return f'"{value.translate(_ESCAPES)}"'


def typed(value: object, datatype: str) -> str:
    return f'"{str(value).translate(_ESCAPES)}"^^<{_XSD}{datatype}>'


def date_literal(value: str) -> str:
    """A date as precise as it is written: xsd:date, xsd:gYearMonth or xsd:gYear (else a string)."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return typed(value, datatype)
    return literal(value)


class GraphWriter:
    """Collects the N-Quads lines of one named graph; objects are given already formatted."""

    def __init__(self, graph: str):
        self._graph = f"<{graph}> .\n"
        self.lines: list[str] = []

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.lines.append(f"<{subject}> {predicate} {obj} {self._graph}")

    def iri(self, subject: str, predicate: str, obj: str | None) -> None:
        if obj:
            self.add(subject, predicate, f"<{obj}>")

    def text(self, subject: str, predicate: str, value: str | None) -> None:
        if value:
            self.add(subject, predicate, literal(value))

    def kind(self, subject: str, *classes: str) -> None:
        for cls in classes:
            self.add(subject, _TYPE, _rg(cls))


class _PaperGraph:
    """The quads of one paper's graph; spans are gathered and written once each at the end."""

    def __init__(self, result: ReadResult, mint: Minter):
        self.result = result
        self.mint = mint
        self.slug = paper_slug(result.paper.file)
        self.paper_iri = mint.paper(self.slug)
        self.out = GraphWriter(mint.paper_graph(self.slug))
        self._spans: dict[tuple[int, int], dict[str, None]] = {}

    def span(self, provenance: Provenance | None) -> str | None:
        if provenance is None or Path(provenance.file).name != Path(self.result.paper.file).name:
            return None  # no line of this paper: a recommendation an analyst added (see add_corrections)
        texts = self._spans.setdefault(provenance.lines, {})
        texts[provenance.text] = None  # a dict keeps reading order, unlike a set
        return self.mint.span(self.slug, *provenance.lines)

    def derive(self, subject: str, provenance: Provenance | None) -> None:
        self.out.iri(subject, _DERIVED, self.span(provenance))

    def build(self) -> list[str]:
        self.add_paper(self.result.paper)
        for rec in self.result.recommendations:
            self.add_recommendation(rec)
        for update in self.result.updates:
            self.add_update(update)
        counts: dict[tuple[str, str], int] = {}
        for pointer in self.result.cross_references:
            key = (pointer.source_report, pointer.recommendation)
            counts[key] = counts.get(key, 0) + 1
            self.add_cross_reference(pointer, counts[key])
        printed = {(r.source_report, canonical_number(r.number)) for r in self.result.recommendations}
        for rec in self.result.recommendations:
            for covered in rec.covers:  # "Recommendations 3-5: ..." cites 3, 4 and 5: each has its node
                key = (rec.source_report, canonical_number(covered))
                if key not in printed:
                    self.add_cited_node(rec.source_report, covered, rec.provenance)
                    self.out.iri(self.mint.recommendation(*key), _rg("mentionedIn"), self.paper_iri)
                    printed.add(key)
        counts = {}
        for mention in self.result.mentions:
            if mention.number is None:
                self.span(mention.provenance)  # a mention by topic: its lines here, its event in the links graph
                continue
            key = (mention.source_report, canonical_number(mention.number))
            counts[key] = counts.get(key, 0) + 1
            self.add_mention(mention, counts[key], cited_only=key not in printed)
            printed.add(key)
        for leftover in self.result.leftovers:
            self.add_leftover(leftover)
        self.add_corrections()
        self.add_caveats()
        self.add_spans()
        return self.out.lines

    def add_paper(self, paper: Paper) -> None:
        out, iri = self.out, self.paper_iri
        out.kind(iri, "Paper")
        out.text(iri, _rg("file"), Path(paper.file).name)
        out.text(iri, _rg("layout"), paper.layout)
        out.text(iri, _TITLE, paper.title)
        out.text(iri, _rg("body"), paper.body)
        out.text(iri, _rg("originalName"), paper.original_name)
        if paper.date:
            out.add(iri, _DATE, date_literal(paper.date))
            out.text(iri, _rg("dateSource"), paper.date_source)
        for warning in self.result.warnings:
            out.text(iri, _rg("warning"), graph_text(warning, paper.file))  # no local path in the graph
        self.derive(iri, paper.provenance)
        for report in paper.source_reports:
            report_iri = self.mint.report(report.key)
            out.iri(iri, _rg("tracks"), report_iri)
            out.kind(report_iri, "SourceReport")
            out.text(report_iri, _rg("key"), report.key)
            out.text(report_iri, _TITLE, report.title)
            out.text(report_iri, _rg("issuer"), report.issuer)
            out.text(report_iri, _rg("year"), report.year)
            out.text(report_iri, _rg("reportKind"), report.kind)
            self.derive(report_iri, report.provenance)

    def add_recommendation(self, rec: Recommendation) -> None:
        out, iri = self.out, self.mint.recommendation(rec.source_report, rec.number)
        number = canonical_number(rec.number)
        out.kind(iri, "Recommendation")
        out.text(iri, _LABEL, f"{rec.source_report}/{number}")
        out.text(iri, _rg("number"), number)
        if rec.number != number:  # printed otherwise ("R6", "Rec 6"): kept beside the canonical one
            out.text(iri, _rg("printedNumber"), rec.number)
        for covered in rec.covers:
            out.iri(iri, _rg("covers"), self.mint.recommendation(rec.source_report, covered))
        out.iri(iri, _rg("sourceReport"), self.mint.report(rec.source_report))
        out.iri(iri, _rg("listedIn"), self.paper_iri)
        out.text(iri, _rg("text"), rec.text)
        out.text(iri, _rg("heading"), rec.heading)
        out.text(iri, _rg("paraRef"), rec.para_ref)
        out.text(iri, _rg("classification"), rec.classification)
        if rec.parent:
            out.iri(iri, _rg("partOf"), self.mint.recommendation(rec.source_report, rec.parent))
        self.derive(iri, rec.provenance)

    def add_update(self, update: ProgressUpdate) -> None:
        out = self.out
        iri = self.mint.update(self.slug, update.source_report, update.recommendation)
        out.kind(iri, "ProgressUpdate")
        out.iri(iri, _rg("reportsOn"), self.mint.recommendation(update.source_report, update.recommendation))
        out.iri(iri, _rg("inPaper"), self.paper_iri)
        date = update.paper_date or self.result.paper.date
        if date:
            out.add(iri, _DATE, date_literal(date))
        out.text(iri, _rg("progress"), update.progress)
        out.text(iri, _rg("statusPhrase"), update.status_phrase)
        out.text(iri, _rg("ownerText"), update.owner)
        out.text(iri, _rg("mpaAction"), update.mpa_action)
        out.text(iri, _rg("timescale"), update.timescale)
        for paragraph in update.paragraphs:
            out.text(iri, _rg("paragraph"), paragraph)
        self.derive(iri, update.provenance)

    def add_mention(self, mention: Mention, index: int, cited_only: bool) -> None:
        """A mention: a dated progress event of the recommendation it cites, with its sentence and
        the status it states. A recommendation no paper gives the wording of still gets its node
        (report key and number) here, derived from the mention's span."""
        out = self.out
        number = canonical_number(mention.number)
        rec = self.mint.recommendation(mention.source_report, number)
        if cited_only:
            self.add_cited_node(mention.source_report, number, mention.provenance)
        if mention.number != number:
            out.text(rec, _rg("printedNumber"), mention.number)
        iri = self.mint.mention(self.slug, mention.source_report, number, index)
        out.kind(iri, "Mention")
        out.iri(iri, _rg("cites"), rec)
        out.iri(iri, _rg("inPaper"), self.paper_iri)
        out.iri(rec, _rg("mentionedIn"), self.paper_iri)
        date = mention.paper_date or self.result.paper.date
        if date:
            out.add(iri, _DATE, date_literal(date))
        out.text(iri, _rg("printed"), mention.printed)
        out.text(iri, _rg("sentence"), mention.sentence)
        out.text(iri, _rg("statusPhrase"), mention.status_phrase)
        status = mention_status(mention.status_phrase)
        if status is not None:
            out.iri(iri, _rg("status"), status.status)
            out.add(iri, _rg("statusBasis"), literal(status.basis))
            out.add(iri, _rg("statusRule"), literal(status.rule))
        self.derive(iri, mention.provenance)

    def add_cited_node(self, report: str, number: str, provenance: Provenance | None) -> None:
        """The node of a recommendation this paper cites (by a mention or a heading's range) but
        gives no wording of: its report key and number, derived from the span that cites it."""
        out, number = self.out, canonical_number(number)
        rec = self.mint.recommendation(report, number)
        out.kind(rec, "Recommendation")
        out.text(rec, _LABEL, f"{report}/{number}")
        out.text(rec, _rg("number"), number)
        out.iri(rec, _rg("sourceReport"), self.mint.report(report))
        self.derive(rec, provenance)

    def add_cross_reference(self, pointer: CrossReference, index: int) -> None:
        out = self.out
        iri = self.mint.cross_reference(self.slug, pointer.source_report, pointer.recommendation, index)
        source = self.mint.recommendation(pointer.source_report, pointer.recommendation)
        out.kind(iri, "CrossReference", "Link")
        out.iri(iri, _rg("source"), source)
        out.text(iri, _rg("phrase"), pointer.phrase)
        out.text(iri, _rg("targetText"), pointer.target)
        out.add(iri, _rg("resolved"), typed("true" if pointer.resolved else "false", "boolean"))
        out.text(iri, _rg("method"), "explicit pointer in the paper's text")
        if pointer.resolved:
            target = self.mint.recommendation(pointer.target_report or pointer.source_report, pointer.resolved)
            out.iri(iri, _rg("target"), target)
            out.add(iri, _rg("score"), typed("1.0", "decimal"))
            out.iri(source, _rg("refersTo"), target)
        self.derive(iri, pointer.provenance)

    def add_leftover(self, leftover: Leftover) -> None:
        provenance = Provenance(leftover.file, leftover.first_line, leftover.last_line, leftover.text)
        iri = self.span(provenance)
        self.out.kind(iri, "Leftover")
        self.out.text(iri, _rg("reason"), leftover.reason)
        self.out.iri(self.paper_iri, _rg("hasLeftover"), iri)

    def add_corrections(self) -> None:
        """Each analyst's correction as a prov:Activity beside the record it corrects: the value
        given and the value read, who, when, and the overrides file and row. The record keeps its
        own provenance (the paper's lines); a recommendation the analyst added has none."""
        out = self.out
        for c in self.result.corrections:
            rec = self.mint.recommendation(c.source_report, c.recommendation)
            update = self.mint.update(self.slug, c.source_report, c.recommendation)
            record = update if c.field in ("progress", "status_phrase", "owner", "mpa_action", "timescale") else rec
            iri = f"{update}/correction/{c.field}"
            out.kind(iri, "Correction")
            out.add(iri, _TYPE, f"<{PREFIXES['prov']}Activity>")
            out.iri(iri, _rg("corrects"), record)
            out.iri(record, _rg("correction"), iri)
            out.text(iri, _rg("correctedField"), c.field)
            out.text(iri, _rg("correctedValue"), c.value)
            out.text(iri, _rg("printedValue"), c.printed)
            out.text(iri, _rg("correctionsFile"), c.file)
            out.add(iri, _rg("correctionsRow"), typed(c.row, "integer"))
            out.text(iri, _rg("correctionOrigin"), c.origin)
            if c.when:
                out.add(iri, f"<{PREFIXES['prov']}endedAtTime>", typed(c.when, "dateTime"))
            if c.who:
                agent = self.mint.analyst(c.who)
                out.add(iri, f"<{PREFIXES['prov']}wasAttributedTo>", f"<{agent}>")
                out.kind(agent, "Analyst")
                out.text(agent, _LABEL, c.who)

    def add_caveats(self) -> None:
        """The readers' warnings at a record's lines, on the record itself (see reading.caveats)."""
        for (report, number), caveats in record_caveats(self.result).items():
            for caveat in caveats:
                self.out.text(self.mint.recommendation(report, number), _rg("caveat"), caveat)

    def add_spans(self) -> None:
        out = self.out
        name = Path(self.result.paper.file).name
        for (first, last), texts in self._spans.items():
            iri = self.mint.span(self.slug, first, last)
            out.kind(iri, "TextSpan")
            out.text(iri, _rg("file"), name)
            out.add(iri, _rg("firstLine"), typed(first, "integer"))
            out.add(iri, _rg("lastLine"), typed(last, "integer"))
            out.iri(iri, _rg("inPaper"), self.paper_iri)
            for text in _readings(list(texts)):
                out.add(iri, _rg("verbatim"), literal(text))


def _readings(texts: list[str]) -> list[str]:
    """The distinct readings of one span: a text contained in another reading adds nothing.

    Records narrowed to part of a span (a pointer's sentence) give a substring of the lines; a
    reader that reassembles interleaved columns may give a genuinely different reading, kept too.

    >>> _readings(["See rec 1.", "2 Do it. See rec 1.", "other"])
    ['2 Do it. See rec 1.', 'other']
    """
    return [text for text in texts if not any(text != other and text in other for other in texts)]


def paper_nquads(result: ReadResult, mint: Minter) -> list[str]:
    """The N-Quads lines (each ending in a newline) of one paper's named graph.

    Parameters
    ----------
    result : what was read from the paper.
    mint : the minter of the data IRIs (it holds the base IRI).

    Returns
    -------
    list of str : one quad per line, all in the graph ``mint.paper_graph(slug)``.
    """
    return _PaperGraph(result, mint).build()


def write_nquads(
    results: Iterable[ReadResult],
    mint: Minter,
    out: TextIO,
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Write the named graphs of many papers as N-Quads.

    Parameters
    ----------
    results : what was read from each paper.
    mint : the minter of the data IRIs.
    out : a text file to write the lines to.
    progress : called with the number of papers written so far, after each paper.

    Returns
    -------
    list of int : the number of quads written for each paper, in order.

    Raises
    ------
    ReadError : two papers have the same slug (file names that differ only in folder, case or
        punctuation), so their graphs would overwrite each other.
    """
    seen: dict[str, str] = {}
    counts: list[int] = []
    for result in results:
        slug = paper_slug(result.paper.file)
        if slug in seen:
            raise ReadError(
                f"has the same IRI slug {slug!r} as {seen[slug]}; rename one of the two files", result.paper.file
            )
        seen[slug] = result.paper.file
        lines = paper_nquads(result, mint)
        out.writelines(lines)
        counts.append(len(lines))
        if progress:
            progress(len(counts))
    return counts


def enrichment_nquads(results: Sequence[ReadResult], mint: Minter, seen: list | None = None) -> Iterator[str]:
    """N-Quads lines of the enrichment (themes, systems, owners, statuses) and the links
    (repeats, dependencies) of the records, all in the graph ``mint.enrichment_graph("links")``.

    Enrichment and linking run over all papers at once (repeats cross papers), so this graph is
    rebuilt whole on every build. They run when the first line is asked for, and the lines are
    produced as they are consumed: a large build streams them to its N-Quads file. ``seen``, when
    given, receives the :class:`~recgraph.graph.linking.Links` found (a build reports its mentions
    by topic from them rather than resolving them again).
    """
    from recgraph.graph.enrich import enrich
    from recgraph.graph.rdf.enrichment import enrichment_lines
    from recgraph.graph.linking import link
    from recgraph.graph.linking import RepeatOptions
    from recgraph.graph.linking.decisions import decisions_file, read_decisions
    from recgraph.graph.linking.fitting import MODEL_FILE, load_model

    enrichment = enrich(results)
    kept = decisions_file()
    decisions = read_decisions(kept)  # analysts' decisions survive every rebuild
    options = RepeatOptions(model=load_model(kept.parent / MODEL_FILE))  # a fit the analyst accepted
    links = link(results, enrichment, options, decisions)
    if seen is not None:
        seen.append(links)
    yield from enrichment_lines(enrichment, links, mint.enrichment_graph("links"), mint)
