"""The enrichment and the links as RDF quads, in terms of ontology/recgraph.ttl.

Every link is a resource of its own (rg:ThemeTag, rg:SystemMention, rg:Dependency, rg:Repeat)
carrying its source, target, score, evidence and method, and is also stated directly
(rg:theme, rg:mentionsSystem, rg:dependsOn / rg:subsumedInto, rg:reiterates) for simple queries.
Statuses and owners are stated on the progress updates (rg:status, rg:statusBasis, rg:statusRule,
rg:owner); a parent's derived status on the parent recommendation. Owners that match no unit of
owners.ttl become new rg:Owner units here. Data IRIs come from :class:`~recgraph.graph.rdf.iri.Minter`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from recgraph.graph.enrich.model import Dependency, Enrichment, OwnerMatch, RecKey, StatusAssignment, UpdateKey
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.linking import Links
from recgraph.graph.linking.repeats import Repeat
from recgraph.graph.model import Provenance
from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.rdf.topics import topic_lines
from recgraph.graph.rdf.writer import GraphWriter, literal, rg_term as _rg, typed

_TYPE = f"<{PREFIXES['rdf']}type>"
_LABEL = f"<{PREFIXES['rdfs']}label>"
_SEE_ALSO = f"<{PREFIXES['rdfs']}seeAlso>"
_PREF = f"<{PREFIXES['skos']}prefLabel>"
_ALT = f"<{PREFIXES['skos']}altLabel>"
_DERIVED = f"<{PREFIXES['prov']}wasDerivedFrom>"
_UNIT = f"<{PREFIXES['org']}OrganizationalUnit>"
_ATTRIBUTED = f"<{PREFIXES['prov']}wasAttributedTo>"
_GENERATED = f"<{PREFIXES['prov']}generatedAtTime>"
_AGENT = f"<{PREFIXES['prov']}Agent>"

#: What rg:method says for each kind of link.
METHODS = {
    "theme": "theme labels matched as words (themes.ttl)",
    "system": "system labels matched as words (systems.ttl)",
    "dependency-system": "dependency wording in a sentence naming a system",
    "dependency-recommendation": "explicit pointer in the paper's text",
    "dependency-programme": "'subsumed into' a named programme",
    "dependency-report": "source report 'carried forward in' a later inspection",
    "repeat": "aligned wording of both texts; tf-idf cosine + shared themes + shared systems as detail (see docs/enrichment.md)",
    "related": "tf-idf cosine + shared themes + shared systems, without aligned wording (see docs/enrichment.md)",
}


def _iri(value: str) -> str:
    return f"<{value}>"


def _decimal(value: float) -> str:
    return typed(f"{min(1.0, max(0.0, value)):.4f}", "decimal")


def _boolean(value: bool) -> str:
    return typed("true" if value else "false", "boolean")


class _Writer(GraphWriter):
    """N-Quads lines of the enrichment graph, handed out a record at a time (:meth:`take`)."""

    def __init__(self, graph: str, mint: Minter):
        super().__init__(graph)
        self.mint = mint

    def take(self) -> list[str]:
        lines, self.lines = self.lines, []
        return lines

    def rec(self, key: RecKey) -> str:
        return self.mint.recommendation(*key)

    def link(self, iri: str, kind: str, source: RecKey, target: str, method: str) -> None:
        self.kind(iri, kind, "Link")
        self.iri(iri, _rg("source"), self.rec(source))
        self.iri(iri, _rg("target"), target)
        self.add(iri, _rg("method"), literal(method))

    def derive(self, iri: str, provenance: Provenance | None) -> None:
        if provenance is not None:
            self.iri(iri, _DERIVED, self.mint.span(paper_slug(provenance.file), *provenance.lines))


def enrichment_lines(enrichment: Enrichment, links: Links, graph: str, mint: Minter | None = None) -> Iterator[str]:
    """The N-Quads lines stating an enrichment and its links, all in the named graph ``graph``.

    The lines are produced a record at a time, so that a build of 100,000 recommendations streams
    millions of them to the bulk loader without holding them (as :func:`enrichment_quads` does).

    Parameters
    ----------
    enrichment : from :func:`recgraph.graph.enrich.enrich`.
    links : from :func:`recgraph.graph.linking.link`.
    graph : the IRI of the named graph to write into (e.g. ``mint.enrichment_graph("links")``).
    mint : the minter of data IRIs (default: the default base).

    Yields
    ------
    str : one N-Quads line, ending in a newline.
    """
    out = _Writer(graph, mint or Minter())
    for tags in enrichment.themes.values():
        for tag in tags:
            iri = out.mint.link("theme-tag", *tag.rec, tag.theme.rstrip("/").rsplit("/", 1)[-1])
            out.link(iri, "ThemeTag", tag.rec, tag.theme, METHODS["theme"])
            for evidence in tag.evidence:
                out.add(iri, _rg("evidence"), literal(str(evidence)))
            out.iri(out.rec(tag.rec), _rg("theme"), tag.theme)
            yield from out.take()
    for mentions in enrichment.systems.values():
        for mention in mentions:
            iri = out.mint.link("system-mention", *mention.rec, mention.system.rstrip("/").rsplit("/", 1)[-1])
            out.link(iri, "SystemMention", mention.rec, mention.system, METHODS["system"])
            for evidence in mention.evidence:
                out.add(iri, _rg("evidence"), literal(str(evidence)))
            out.iri(out.rec(mention.rec), _rg("mentionsSystem"), mention.system)
            yield from out.take()
    for iri, name in sorted(enrichment.new_systems.items()):  # systems found by form (not in systems.ttl)
        out.add(iri, _TYPE, _rg("System"))
        out.add(iri, _PREF, literal(name))
        out.add(iri, f"<{PREFIXES['skos']}inScheme>", "<https://w3id.org/recgraph/systems>")
        out.add(iri, f"<{PREFIXES['skos']}definition>", literal("A system named in the papers, recognised by its form."))
        yield from out.take()
    yield from _dependencies(out, links.dependencies)
    for repeat in links.repeats:
        _repeat(out, repeat)
        yield from out.take()
    yield from topic_lines(links.topics, out, out.mint)  # mentions by topic, resolved or kept unresolved
    for key, status in enrichment.statuses.items():
        _status(out, out.mint.update(paper_slug(key[2]), key[0], key[1]), status)
        yield from out.take()
    for key, status in enrichment.parent_statuses.items():
        _status(out, out.rec(key), status)
    yield from out.take()
    _owners(out, enrichment.owners)
    yield from out.take()


def enrichment_quads(enrichment: Enrichment, links: Links, graph: str, mint: Minter | None = None) -> list[ox.Quad]:
    """The quads of :func:`enrichment_lines` as pyoxigraph objects (for small enrichments and tests).

    Examples
    --------
    >>> from recgraph.graph.enrich.model import ThemeTag, Evidence
    >>> tag = ThemeTag(("r", "1"), "https://w3id.org/recgraph/theme/appraisal", "appraisal", (Evidence("text", "appraisal", "appraisals"),))
    >>> quads = enrichment_quads(Enrichment(themes={("r", "1"): (tag,)}), Links(), "http://example.org/g", Minter("http://example.org/"))
    >>> any(q.predicate.value.endswith("#theme") and q.object.value.endswith("/appraisal") for q in quads)
    True
    """
    text = "".join(enrichment_lines(enrichment, links, graph, mint))
    return list(ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS))


def _status(out: _Writer, subject: str, status: StatusAssignment) -> None:
    out.iri(subject, _rg("status"), status.status)
    out.add(subject, _rg("statusBasis"), literal(status.basis))
    out.add(subject, _rg("statusRule"), literal(status.rule))


def _owners(out: _Writer, owners: dict[UpdateKey, OwnerMatch]) -> None:
    created: set[str] = set()
    spelt: set[tuple[str, str]] = set()
    for key, match in owners.items():
        update = out.mint.update(paper_slug(key[2]), key[0], key[1])
        unit = match.unit.iri or out.mint.owner(match.unit.label)
        out.iri(update, _rg("owner"), unit)
        if not match.unit.known and unit not in created:
            created.add(unit)
            out.add(unit, _TYPE, _rg("Owner"))
            out.add(unit, _TYPE, _UNIT)
            out.add(unit, _PREF, literal(match.unit.label))
        if not match.unit.known and (unit, match.verbatim) not in spelt:  # every spelling merged into it
            spelt.add((unit, match.verbatim))
            out.add(unit, _ALT, literal(match.verbatim))


def _dependencies(out: _Writer, dependencies: tuple[Dependency, ...]) -> Iterator[str]:
    counts: dict[RecKey, int] = {}
    for dependency in dependencies:
        counts[dependency.source] = counts.get(dependency.source, 0) + 1
        iri = out.mint.link("dependency", *dependency.source, str(counts[dependency.source]))
        if dependency.kind == "system":
            target, direct = dependency.target, "dependsOn"
        elif dependency.kind == "recommendation" and dependency.target_rec:
            target, direct = out.rec(dependency.target_rec), "dependsOn"
        else:  # a programme, or the later inspection a report was carried forward in
            target, direct = out.mint.programme(dependency.target), "subsumedInto"
            out.add(target, _TYPE, _rg("Programme"))
            out.add(target, _LABEL, literal(dependency.target))
            if dependency.kind == "report":
                out.iri(target, _SEE_ALSO, out.mint.report(dependency.target))
        out.link(iri, "Dependency", dependency.source, target, METHODS[f"dependency-{dependency.kind}"])
        out.add(iri, _rg("phrase"), literal(dependency.phrase))
        out.add(iri, _rg("evidence"), literal(f"{dependency.kind} dependency: {dependency.cue!r}"))
        out.iri(out.rec(dependency.source), _rg(direct), target)
        out.derive(iri, dependency.provenance)
        yield from out.take()


def _repeat(out: _Writer, repeat: Repeat) -> None:
    """A reiterates link is an rg:Repeat, a relatedTo link an rg:Related; each carries its aligned
    wording (rg:quote, and an rg:AlignedPhrase per phrase derived from both spans), its score and
    parts as detail, and its decision. Only links not rejected are stated directly."""
    reiterates = repeat.relation == "reiterates"
    kind = "repeat" if reiterates else "related"
    iri = out.mint.link(kind, *repeat.source, *repeat.target)
    target = out.rec(repeat.target)
    out.link(iri, "Repeat" if reiterates else "Related", repeat.source, target, METHODS[kind])
    out.add(iri, _rg("score"), _decimal(repeat.score))
    out.add(iri, _rg("alignedShare"), _decimal(repeat.aligned))
    out.add(iri, _rg("wordSimilarity"), _decimal(repeat.word_similarity))
    out.add(iri, _rg("themeSimilarity"), _decimal(repeat.theme_similarity))
    out.add(iri, _rg("systemSimilarity"), _decimal(repeat.system_similarity))
    out.add(iri, _rg("evidence"), literal(repeat.evidence()))
    for number, quote in enumerate(repeat.quotes, start=1):
        out.add(iri, _rg("quote"), literal(quote.describe()))
        phrase = f"{iri}/phrase/{number}"
        out.add(phrase, _TYPE, _rg("AlignedPhrase"))
        out.iri(iri, _rg("alignedPhrase"), phrase)
        out.add(phrase, _rg("laterWords"), literal(quote.later))
        out.add(phrase, _rg("earlierWords"), literal(quote.earlier))
        if quote.raises:  # a disparity both texts raise: its group and stage, for queries by either
            out.iri(phrase, _rg("group"), quote.raises[0])
            out.iri(phrase, _rg("stage"), quote.raises[1])
        for file, lines in ((quote.later_file, quote.later_lines), (quote.earlier_file, quote.earlier_lines)):
            if file and lines:
                out.iri(phrase, _DERIVED, out.mint.span(paper_slug(file), *lines))
    for term in repeat.shared_terms:
        out.add(iri, _rg("sharedTerm"), literal(term))
    for theme in repeat.shared_themes:
        out.iri(iri, _rg("sharedTheme"), theme)
    for system in repeat.shared_systems:
        out.iri(iri, _rg("sharedSystem"), system)
    if reiterates:
        out.add(iri, _rg("recurringDespiteClosure"), _boolean(repeat.recurring_despite_closure))
    out.add(iri, _rg("decision"), literal(repeat.decision))
    if repeat.decided is not None:
        analyst = out.mint.analyst(repeat.decided.who)
        out.add(analyst, _TYPE, _AGENT)
        out.add(analyst, _LABEL, literal(repeat.decided.who))
        out.iri(iri, _ATTRIBUTED, analyst)
        if repeat.decided.when:
            out.add(iri, _GENERATED, typed(repeat.decided.when, "dateTime"))
        if repeat.decided.note:
            out.add(iri, _rg("decisionNote"), literal(repeat.decided.note))
    if repeat.decision != "rejected":
        out.iri(out.rec(repeat.source), _rg("reiterates" if reiterates else "relatedTo"), target)
