"""The SKOS vocabularies of recgraph (themes, statuses, systems, owners), loaded from their Turtle.

Everything the enrichment knows about words lives in these files: labels and alternative labels
(the words that signal a concept), status patterns and their priorities. Users extend the mapping
by editing the Turtle; the code only reads it. Loading is cached per file and modification time,
so an edited file is read again.

>>> themes = load_vocabulary("themes")
>>> themes.by_label("appraisal and performance management").iri
'https://w3id.org/recgraph/theme/appraisal'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from recgraph.errors import RecgraphError

RG = "https://w3id.org/recgraph/ontology#"
#: The vocabularies that ship with recgraph, by name, and the class of their concepts.
CLASSES = {"themes": "Theme", "statuses": "Status", "systems": "System", "owners": "Owner", "equivalents": "Equivalent", "groups": "Group"}


class VocabularyError(RecgraphError, ValueError):
    """A vocabulary file is missing or is not valid Turtle."""


@dataclass(frozen=True)
class Concept:
    """One concept of a vocabulary with the words and patterns that signal it."""

    iri: str
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    notation: str | None = None
    patterns: tuple[str, ...] = ()
    priority: int = 0
    rank: int | None = None
    closed: bool = False
    grouping: bool = False
    broader: tuple[str, ...] = ()
    #: A narrow issue (scope note "issue"): tagging it tags its broader themes too.
    issue: bool = False

    @property
    def labels(self) -> tuple[str, ...]:
        """The preferred label, then the alternative labels (without repeats)."""
        return tuple(dict.fromkeys((self.pref_label, *self.alt_labels)))


@dataclass(frozen=True)
class Vocabulary:
    """The concepts of one vocabulary file, in IRI order."""

    name: str
    concepts: tuple[Concept, ...]

    def __hash__(self) -> int:
        # Matchers and patterns are cached by their vocabulary and looked up once per record; the
        # generated hash would hash every concept and label each time. Equal vocabularies still hash
        # equal, and the few a process holds are told apart by __eq__ when they collide.
        return hash((self.name, len(self.concepts)))

    def __iter__(self):
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, iri: str) -> Concept | None:
        return next((c for c in self.concepts if c.iri == iri), None)

    def by_label(self, label: str) -> Concept | None:
        """The concept whose preferred label is ``label`` (as written), or None."""
        return next((c for c in self.concepts if c.pref_label == label), None)

    def by_notation(self, notation: str) -> Concept | None:
        return next((c for c in self.concepts if c.notation == notation), None)


@dataclass(frozen=True)
class Vocabularies:
    """The four vocabularies the enrichment uses."""

    themes: Vocabulary
    statuses: Vocabulary
    systems: Vocabulary
    owners: Vocabulary


def vocabulary_path(name: str) -> Path:
    """The file of a vocabulary shipped in ``recgraph.ontology`` (e.g. ``themes`` -> themes.ttl)."""
    return Path(str(files("recgraph.ontology") / f"{name}.ttl"))


def load_vocabulary(name: str, path: str | Path | None = None) -> Vocabulary:
    """The concepts of one vocabulary, read from ``path`` (default: the shipped ``<name>.ttl``).

    Parameters
    ----------
    name : one of ``themes``, ``statuses``, ``systems``, ``owners``, ``equivalents``, ``groups`` (decides the concept class).
    path : another Turtle file to read instead (e.g. a user's extended copy).

    Raises
    ------
    VocabularyError : the name is unknown, the file is missing or its Turtle does not parse.
    """
    if name not in CLASSES:
        raise VocabularyError(f"unknown vocabulary {name!r}; use one of {', '.join(CLASSES)}")
    location = Path(path) if path else vocabulary_path(name)
    if not location.is_file():
        raise VocabularyError(f"{location}: vocabulary file not found")
    return _load_cached(name, location.resolve(), location.stat().st_mtime)


def load_vocabularies() -> Vocabularies:
    """The four shipped vocabularies."""
    return Vocabularies(*(load_vocabulary(name) for name in ("themes", "statuses", "systems", "owners")))


def parse_vocabulary(name: str, turtle: str) -> Vocabulary:
    """The concepts of a vocabulary given as Turtle text (for small hand-made vocabularies).

    >>> ttl = '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/a> a rg:Theme ; skos:prefLabel "appraisal"@en ; skos:altLabel "PDR"@en .'''
    >>> parse_vocabulary("themes", ttl).concepts[0].labels
    ('appraisal', 'PDR')
    """
    graph = Graph()
    try:
        graph.parse(data=turtle, format="turtle")
    except Exception as err:  # rdflib raises several unrelated types for bad Turtle
        raise VocabularyError(f"vocabulary {name!r} is not valid Turtle: {err}") from err
    return _concepts(name, graph)


@lru_cache(maxsize=32)
def _load_cached(name: str, location: Path, mtime: float) -> Vocabulary:
    graph = Graph()
    try:
        graph.parse(location, format="turtle")
    except Exception as err:  # rdflib raises several unrelated types for bad Turtle
        raise VocabularyError(f"{location}: not valid Turtle ({err}); fix the file") from err
    return _concepts(name, graph)


def _concepts(name: str, graph: Graph) -> Vocabulary:
    cls = URIRef(RG + CLASSES[name])
    concepts = [_concept(graph, subject) for subject in set(graph.subjects(RDF.type, cls))]
    return Vocabulary(name, tuple(sorted(concepts, key=lambda c: c.iri)))


def _concept(graph: Graph, subject: URIRef) -> Concept:
    def texts(predicate) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)))

    def value(predicate):
        found = graph.value(subject, predicate)
        return found.toPython() if isinstance(found, Literal) else None

    pref = texts(SKOS.prefLabel)
    rank = value(URIRef(RG + "rank"))
    return Concept(
        iri=str(subject),
        pref_label=pref[0] if pref else str(subject).rstrip("/").rsplit("/", 1)[-1],
        alt_labels=texts(SKOS.altLabel),
        notation=value(SKOS.notation),
        patterns=texts(URIRef(RG + "statusPattern")),
        priority=int(value(URIRef(RG + "patternPriority")) or 0),
        rank=int(rank) if rank is not None else None,
        closed=bool(value(URIRef(RG + "closed"))),
        grouping="grouping" in texts(SKOS.scopeNote),
        broader=tuple(sorted(str(o) for o in graph.objects(subject, SKOS.broader))),
        issue="issue" in texts(SKOS.scopeNote),
    )
