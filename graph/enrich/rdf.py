"""The enrichment and the links as RDF quads, in terms of ontology/recgraph.ttl.

Every link is a resource of its own (rg:ThemeTag, rg:SystemMention, rg:Dependency, rg:Repeat)
carrying its source, target, score, evidence and method, and is also stated directly
(rg:theme, rg:mentionsSystem, rg:dependsOn / rg:subsumedInto, rg:reiterates) for simple queries.
Statuses and owners are stated on the progress updates (rg:status, rg:statusBasis, rg:statusRule,
rg:owner); a parent's derived status on the parent recommendation. Owners that match no unit of
owners.ttl become new rg:Owner units here. Data IRIs come from :class:`~recgraph.graph.iri.Minter`.
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from recgraph.graph.enrich.model import Dependency, Enrichment, OwnerMatch, RecKey, StatusAssignment, UpdateKey
from recgraph.graph.iri import Minter, paper_slug
from recgraph.graph.linking import Links
from recgraph.graph.linking.repeats import Repeat
from recgraph.graph.model import Provenance
from recgraph.graph.namespaces import PREFIXES, RG

_XSD = PREFIXES["xsd"]
_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_LABEL = NamedNode(PREFIXES["rdfs"] + "label")
_SEE_ALSO = NamedNode(PREFIXES["rdfs"] + "seeAlso")
_PREF = NamedNode(PREFIXES["skos"] + "prefLabel")
_ALT = NamedNode(PREFIXES["skos"] + "altLabel")
_DERIVED = NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
_UNIT = NamedNode(PREFIXES["org"] + "OrganizationalUnit")

#: What rg:method says for each kind of link.
METHODS = {
    "theme": "theme labels matched as words (themes.ttl)",
    "system": "system labels matched as words (systems.ttl)",
    "dependency-system": "dependency wording in a sentence naming a system",
    "dependency-recommendation": "explicit pointer in the paper's text",
    "dependency-programme": "'subsumed into' a named programme",
    "dependency-report": "source report 'carried forward in' a later inspection",
    "repeat": "tf-idf cosine + shared themes + shared systems (see docs/enrichment.md)",
}


def _rg(name: str) -> NamedNode:
    return NamedNode(str(RG[name]))


def _text(value: str) -> Literal:
    return Literal(value)


def _decimal(value: float) -> Literal:
    return Literal(f"{min(1.0, max(0.0, value)):.4f}", datatype=NamedNode(_XSD + "decimal"))


def _boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=NamedNode(_XSD + "boolean"))


class _Writer:
    def __init__(self, graph: str, mint: Minter):
        self.graph = NamedNode(graph)
        self.mint = mint
        self.quads: list[Quad] = []

    def add(self, subject: str | NamedNode, predicate: NamedNode, obj) -> None:
        subject = subject if isinstance(subject, NamedNode) else NamedNode(subject)
        if isinstance(obj, str):
            obj = NamedNode(obj)
        self.quads.append(Quad(subject, predicate, obj, self.graph))

    def rec(self, key: RecKey) -> str:
        return self.mint.recommendation(*key)

    def link(self, iri: str, kind: str, source: RecKey, target: str, method: str) -> None:
        self.add(iri, _TYPE, _rg(kind))
        self.add(iri, _TYPE, _rg("Link"))
        self.add(iri, _rg("source"), self.rec(source))
        self.add(iri, _rg("target"), target)
        self.add(iri, _rg("method"), _text(method))

    def derive(self, iri: str, provenance: Provenance | None) -> None:
        if provenance is not None:
            self.add(iri, _DERIVED, self.mint.span(paper_slug(provenance.file), *provenance.lines))


def enrichment_quads(enrichment: Enrichment, links: Links, graph: str, mint: Minter | None = None) -> list[Quad]:
    """The quads stating an enrichment and its links, all in the named graph ``graph``.

    Parameters
    ----------
    enrichment : from :func:`recgraph.graph.enrich.enrich`.
    links : from :func:`recgraph.graph.linking.link`.
    graph : the IRI of the named graph to write into (e.g. ``mint.enrichment_graph("links")``).
    mint : the minter of data IRIs (default: the default base).

    Returns
    -------
    list of pyoxigraph.Quad

    Examples
    --------
    >>> from recgraph.graph.enrich.model import ThemeTag, Evidence
    >>> tag = ThemeTag(("r", "1"), "https://w3id.org/recgraph/theme/appraisal", "appraisal", (Evidence("text", "appraisal", "appraisals"),))
    >>> quads = enrichment_quads(Enrichment(themes={("r", "1"): (tag,)}), Links(), "http://example.org/g", Minter("http://example.org/"))
    >>> any(q.predicate.value.endswith("#theme") and q.object.value.endswith("/appraisal") for q in quads)
    True
    """
    out = _Writer(graph, mint or Minter())
    for tags in enrichment.themes.values():
        for tag in tags:
            iri = out.mint.link("theme-tag", *tag.rec, tag.theme.rstrip("/").rsplit("/", 1)[-1])
            out.link(iri, "ThemeTag", tag.rec, tag.theme, METHODS["theme"])
            for evidence in tag.evidence:
                out.add(iri, _rg("evidence"), _text(str(evidence)))
            out.add(out.rec(tag.rec), _rg("theme"), tag.theme)
    for mentions in enrichment.systems.values():
        for mention in mentions:
            iri = out.mint.link("system-mention", *mention.rec, mention.system.rstrip("/").rsplit("/", 1)[-1])
            out.link(iri, "SystemMention", mention.rec, mention.system, METHODS["system"])
            for evidence in mention.evidence:
                out.add(iri, _rg("evidence"), _text(str(evidence)))
            out.add(out.rec(mention.rec), _rg("mentionsSystem"), mention.system)
    _dependencies(out, links.dependencies)
    for repeat in links.repeats:
        _repeat(out, repeat)
    for key, status in enrichment.statuses.items():
        _status(out, out.mint.update(paper_slug(key[2]), key[0], key[1]), status)
    for key, status in enrichment.parent_statuses.items():
        _status(out, out.rec(key), status)
    _owners(out, enrichment.owners)
    return out.quads


def _status(out: _Writer, subject: str, status: StatusAssignment) -> None:
    out.add(subject, _rg("status"), status.status)
    out.add(subject, _rg("statusBasis"), _text(status.basis))
    out.add(subject, _rg("statusRule"), _text(status.rule))


def _owners(out: _Writer, owners: dict[UpdateKey, OwnerMatch]) -> None:
    created: set[str] = set()
    for key, match in owners.items():
        update = out.mint.update(paper_slug(key[2]), key[0], key[1])
        unit = match.unit.iri or out.mint.owner(match.unit.label)
        out.add(update, _rg("owner"), unit)
        if not match.unit.known and unit not in created:
            created.add(unit)
            out.add(unit, _TYPE, _rg("Owner"))
            out.add(unit, _TYPE, _UNIT)
            out.add(unit, _PREF, _text(match.unit.label))
            out.add(unit, _ALT, _text(match.verbatim))


def _dependencies(out: _Writer, dependencies: tuple[Dependency, ...]) -> None:
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
            out.add(target, _LABEL, _text(dependency.target))
            if dependency.kind == "report":
                out.add(target, _SEE_ALSO, out.mint.report(dependency.target))
        out.link(iri, "Dependency", dependency.source, target, METHODS[f"dependency-{dependency.kind}"])
        out.add(iri, _rg("phrase"), _text(dependency.phrase))
        out.add(iri, _rg("evidence"), _text(f"{dependency.kind} dependency: {dependency.cue!r}"))
        out.add(out.rec(dependency.source), _rg(direct), target)
        out.derive(iri, dependency.provenance)


def _repeat(out: _Writer, repeat: Repeat) -> None:
    iri = out.mint.link("repeat", *repeat.source, *repeat.target)
    target = out.rec(repeat.target)
    out.link(iri, "Repeat", repeat.source, target, METHODS["repeat"])
    out.add(iri, _rg("score"), _decimal(repeat.score))
    out.add(iri, _rg("evidence"), _text(repeat.evidence()))
    for term in repeat.shared_terms:
        out.add(iri, _rg("sharedTerm"), _text(term))
    for theme in repeat.shared_themes:
        out.add(iri, _rg("sharedTheme"), theme)
    for system in repeat.shared_systems:
        out.add(iri, _rg("sharedSystem"), system)
    out.add(iri, _rg("recurringDespiteClosure"), _boolean(repeat.recurring_despite_closure))
    out.add(out.rec(repeat.source), _rg("reiterates"), target)
