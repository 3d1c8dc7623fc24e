"""What the Linked Data pages say about a resource: its statements and those of its neighbours.

:func:`describe` gathers, by triple-pattern lookups over the union of all graphs (no SPARQL
text is built, so no IRI can inject anything), the resource's own statements, the statements
that point at it, and the neighbours its page shows: for a recommendation its progress updates,
their text spans, the links (``rg:Link``) it takes part in and the recommendations at their other
end; for a paper or a source report the recommendations listed in it; for anything derived from
text, its spans. Every IRI met gets a label. The result is plain Python data, so it can leave the
worker thread that read it (pyoxigraph iterators must not).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pyoxigraph as ox

from recgraph.graph.rdf.namespaces import PREFIXES, RG

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

RDF_TYPE = PREFIXES["rdf"] + "type"
DERIVED_FROM = PREFIXES["prov"] + "wasDerivedFrom"
#: Where a label is looked for, best first.
LABELS = (PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "prefLabel", PREFIXES["dcterms"] + "title", str(RG.key))
#: At most this many neighbours of one kind, and statements pointing at a resource, are shown.
LIST_LIMIT = 1000


@dataclass
class Entry:
    """One resource and its statements, by predicate IRI (duplicates across graphs removed)."""

    iri: str
    props: dict[str, list[Term]] = field(default_factory=dict)

    def all(self, predicate: str) -> list[Term]:
        return self.props.get(str(predicate), [])

    def one(self, predicate: str) -> Term | None:
        found = self.all(predicate)
        return found[0] if found else None

    def text(self, predicate: str) -> str | None:
        """The value of the first statement with ``predicate`` (IRI or lexical form), or None."""
        term = self.one(predicate)
        return None if term is None else term.value

    def iris(self, predicate: str) -> list[str]:
        return [term.value for term in self.all(predicate) if isinstance(term, ox.NamedNode)]

    @property
    def types(self) -> list[str]:
        return self.iris(RDF_TYPE)

    def is_a(self, class_iri: str) -> bool:
        return str(class_iri) in self.types


@dataclass
class Description:
    """Everything a page (or an RDF answer) about one IRI needs.

    ``entry`` is the resource itself; ``incoming`` the (subject, predicate) pairs pointing at it,
    at most :data:`LIST_LIMIT` of ``incoming_total``; ``neighbours`` the entries of related
    resources by IRI; ``lists`` named lists of neighbour IRIs (``updates``, ``links``, ``parts``,
    ``recommendations``, ``papers``, ``spans``) with ``totals`` before the limit; ``members``
    the typed subjects of a named graph when the IRI names one.
    """

    entry: Entry
    incoming: list[tuple[str, str]] = field(default_factory=list)
    incoming_total: int = 0
    neighbours: dict[str, Entry] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    graph_size: int | None = None
    members: list[tuple[str, str]] = field(default_factory=list)

    @property
    def iri(self) -> str:
        return self.entry.iri

    def of(self, iri: str) -> Entry:
        """The entry of a neighbour (empty when it was not fetched)."""
        return self.neighbours.get(iri) or Entry(iri)

    def label(self, iri: str) -> str | None:
        return self.labels.get(iri)


def entry(store: ox.Store, iri: str) -> Entry:
    """The statements of ``iri`` in any graph."""
    props: dict[str, list[Term]] = {}
    for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
        values = props.setdefault(quad.predicate.value, [])
        if quad.object not in values:
            values.append(quad.object)
    return Entry(iri, props)


def subjects(store: ox.Store, predicate: str, obj: str, limit: int = LIST_LIMIT) -> tuple[list[str], int]:
    """Distinct subjects of ``?s <predicate> <obj>`` (at most ``limit``) and how many there are."""
    found: dict[str, None] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), ox.NamedNode(obj), None):
        if isinstance(quad.subject, ox.NamedNode):
            found[quad.subject.value] = None
    names = list(found)
    return names[:limit], len(names)


def label(store: ox.Store, iri: str) -> str | None:
    """The resource's best label (see :data:`LABELS`), or None."""
    node = ox.NamedNode(iri)
    for predicate in LABELS:
        for quad in store.quads_for_pattern(node, ox.NamedNode(predicate), None, None):
            if isinstance(quad.object, ox.Literal):
                return quad.object.value
    return None


def exists(store: ox.Store, iri: str) -> bool:
    """True when the store says anything of ``iri``, points at it, or has a graph of that name."""
    node = ox.NamedNode(iri)
    return (store.contains_named_graph(node)
            or _any(store.quads_for_pattern(node, None, None, None))
            or _any(store.quads_for_pattern(None, None, node, None)))


def _any(quads) -> bool:
    return next(iter(quads), None) is not None


def triples(store: ox.Store, iri: str, limit: int = LIST_LIMIT) -> list[ox.Triple]:
    """The RDF answer for ``iri``: its statements and up to ``limit`` pointing at it.

    For the IRI of a named graph, the graph's own triples instead (dereferencing a graph's name
    gives the graph).
    """
    node = ox.NamedNode(iri)
    if store.contains_named_graph(node):
        return list(dict.fromkeys(q.triple for q in store.quads_for_pattern(None, None, None, node)))
    found = dict.fromkeys(q.triple for q in store.quads_for_pattern(node, None, None, None))
    found.update(dict.fromkeys(itertools.islice(
        (q.triple for q in store.quads_for_pattern(None, None, node, None)), limit)))
    return list(found)


_ATTRIBUTED = "http://www.w3.org/ns/prov#wasAttributedTo"


def describe(store: ox.Store, iri: str) -> Description:
    """Gather what the page of ``iri`` shows (see :class:`Description`)."""
    described = Description(entry(store, iri))
    _incoming(store, described)
    me = described.entry
    if me.is_a(RG.Recommendation):
        _recommendation(store, described)
    elif me.is_a(RG.Paper):
        _collect(store, described, "recommendations", RG.listedIn)
        _fetch(store, described, me.iris(RG.hasLeftover))
    elif me.is_a(RG.SourceReport):
        _collect(store, described, "recommendations", RG.sourceReport)
        _collect(store, described, "papers", RG.tracks)
    elif me.is_a(RG.ProgressUpdate):
        _fetch(store, described, me.iris(RG.inPaper) + me.iris(RG.reportsOn))
    elif me.is_a(RG.Link):
        _fetch(store, described, me.iris(RG.source) + me.iris(RG.target))
    _fetch(store, described, me.iris(DERIVED_FROM))
    node = ox.NamedNode(iri)
    if store.contains_named_graph(node):
        _members(store, described, node)
    _label_everything(store, described)
    return described


def _incoming(store: ox.Store, described: Description) -> None:
    pairs: dict[tuple[str, str], None] = {}
    for quad in store.quads_for_pattern(None, None, ox.NamedNode(described.iri), None):
        if isinstance(quad.subject, ox.NamedNode):
            pairs[(quad.subject.value, quad.predicate.value)] = None
    described.incoming = list(pairs)[:LIST_LIMIT]
    described.incoming_total = len(pairs)


def _fetch(store: ox.Store, described: Description, iris: list[str]) -> list[Entry]:
    fetched = []
    for iri in iris:
        if iri not in described.neighbours:
            described.neighbours[iri] = entry(store, iri)
        fetched.append(described.neighbours[iri])
    return fetched


def _collect(store: ox.Store, described: Description, name: str, predicate: str) -> list[Entry]:
    """Fetch the subjects pointing at the resource through ``predicate`` as the list ``name``."""
    iris, total = subjects(store, str(predicate), described.iri)
    described.lists[name] = iris
    described.totals[name] = total
    return _fetch(store, described, iris)


def _recommendation(store: ox.Store, described: Description) -> None:
    me = described.entry
    corrections = _fetch(store, described, me.iris(RG.correction))  # analysts' corrections, shown as such
    for update in _collect(store, described, "updates", RG.reportsOn):
        _fetch(store, described, update.iris(DERIVED_FROM) + update.iris(RG.inPaper))
        corrections += _fetch(store, described, update.iris(RG.correction))
    _fetch(store, described, [agent for c in corrections for agent in c.iris(_ATTRIBUTED)])
    _collect(store, described, "parts", RG.partOf)
    sources, _ = subjects(store, str(RG.source), me.iri)
    targets, _ = subjects(store, str(RG.target), me.iri)
    links = [link for link in _fetch(store, described, list(dict.fromkeys(sources + targets))) if link.is_a(RG.Link)]
    described.lists["links"] = [link.iri for link in links]
    for link in links:
        _fetch(store, described, link.iris(RG.source) + link.iris(RG.target) + link.iris(DERIVED_FROM))
    _fetch(store, described, me.iris(RG.listedIn) + me.iris(RG.sourceReport) + me.iris(RG.partOf))


def _members(store: ox.Store, described: Description, graph: ox.NamedNode) -> None:
    typed: dict[tuple[str, str], None] = {}
    size = 0
    for quad in store.quads_for_pattern(None, None, None, graph):
        size += 1
        if quad.predicate.value == RDF_TYPE and isinstance(quad.subject, ox.NamedNode):
            typed[(quad.object.value, quad.subject.value)] = None
    described.graph_size = size
    described.members = sorted(typed)[:LIST_LIMIT]
    described.totals["members"] = len(typed)


def _label_everything(store: ox.Store, described: Description) -> None:
    """Label every IRI a page may show: the resource, its neighbours and what they point to."""
    seen: dict[str, None] = {described.iri: None}
    for one in (described.entry, *described.neighbours.values()):
        seen[one.iri] = None
        for values in one.props.values():
            seen.update((term.value, None) for term in values if isinstance(term, ox.NamedNode))
        seen.update((predicate, None) for predicate in one.props)
    for subject, predicate in described.incoming:
        seen[subject] = seen[predicate] = None
    for kind, subject in described.members:
        seen[kind] = seen[subject] = None
    for iri in seen:
        found = described.neighbours[iri] if iri in described.neighbours else None
        name = _own_label(found) if found else None
        name = name or label(store, iri)
        if name:
            described.labels[iri] = name


def _own_label(found: Entry) -> str | None:
    for predicate in LABELS:
        text = found.text(predicate)
        if text:
            return text
    return None
