"""Named IT systems in recommendations and their progress, and the work that depends on them.

Systems are recognised two ways:

* by *form and context* (:func:`learn_systems`, over the whole corpus): a name followed by a word
  that says what it is ("the new CRIS system", "the TRAINS database", "the C3i programme", "Met
  Duties 2 system", "Fleet Booking application"), or an expansion with its acronym ("Crime
  Management System (CMS)"), or an acronym set beside a system word ("the new system – TRAINS").
  The name is an acronym (two or more capitals, or a capital and a digit), or capitalised words
  with a number, or capitalised words before "database", "application", "platform" or "IT
  system". With the ambiguous words "system", "programme", "project" and "network" the sentence
  must also speak of IT (computer, data, database, software, roll-out, go live, upgrade ...): "the
  PDR system" in a sentence about appraisal forms is a process, not a system. Names of owners
  (owners.ttl acronyms such as MPS, HR) are never systems. A name recognised once is a mention
  wherever else the corpus prints it;
* by the *register* systems.ttl, which users extend: a few general, publicly documented systems,
  each with its source. Its labels are mentions wherever printed.

A mention becomes a *dependency* when its sentence carries a dependency cue
(:data:`DEPENDENCY_CUES`, general wordings: "depends on", "awaiting", "will be delivered through",
"subject to", "once X is live"). A cue sentence without a system name that opens with "it",
"this" or "the system" refers to the system of the sentence before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from recgraph.graph.enrich.model import Dependency, Evidence, SystemMention
from recgraph.graph.enrich.status import join_patterns
from recgraph.graph.enrich.vocabulary import Concept, Vocabulary
from recgraph.graph.enrich.words import Match, Matcher
from recgraph.graph.model import ProgressUpdate, Provenance, Recommendation
from recgraph.graph.reading.readers.phrases import sentences

#: Where systems found by form get their IRIs (the register's namespace).
SYSTEM_NS = "https://w3id.org/recgraph/system/"

#: Wording that makes a sentence naming a system a dependency on it. General phrasings of waiting on,
#: depending on or being delivered through something; each is tested on sentences no seed contains.
DEPENDENCY_CUES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(cue, re.IGNORECASE)
    for cue in (
        r"\bdependen(?:t|cy|cies|ce)\s+(?:up)?on\b",
        r"\bdepend(?:s|ed|ing)?\s+(?:up)?on\b",
        r"\b(?:rel(?:y|ies|ying)|reliant|contingent|conditional)\s+(?:up)?on\b",
        r"\bawait(?:s|ing|ed)?\b",
        r"\bwait(?:s|ing)?\s+(?:for|on)\b",
        r"\bpending\b",
        r"\bsubject\s+to\b",
        r"\b(?:will|to|can|could|would)\s+be\s+(?:delivered|achieved|implemented|provided|met|addressed|resolved|held|recorded|managed|collated|stored|processed)\s+(?:\w+\s+)?(?:through|via|by|on|within|in)\b",
        r"\bdelivery\s+(?:will\s+be\s+|is\s+)?(?:through|via)\b",
        r"\bdelivered\s+(?:through|via)\b",
        r"\bonce\b[^.;]*\b(?:is|are|has\s+been|have\s+been|becomes?)\s+(?:fully\s+)?(?:live|in\s+place|implemented|rolled\s+out|available|operational|installed|delivered|introduced)\b",
        r"\bonce\b[^.;]*\bis\s+rolled\s+out\b|\bonce\s+it\s+is\s+rolled\s+out\b",
        r"\b(?:following|after|with|through|upon|on)\s+the\s+(?:implementation|introduction|roll-?out|delivery|launch|installation)\s+of\b",
        r"\bintroduction\s+of\b",
        r"\b(?:linked|tied)\s+(?:to|with)\s+the\s+(?:implementation|introduction|delivery|roll-?out)\b",
        r"\b(?:linked|tied)\s+to\b",
        r"\brequires?\s+(?:the\s+)?(?:implementation|introduction|delivery|upgrade|roll-?out)\s+of\b",
    )
)
# Whether any cue occurs at all, in one search: most texts have none, and then the cues need not be
# tried one by one (a sentence is a piece of its text, so a text without a cue has no cue sentence).
_ANY_CUE = join_patterns(cue.pattern for cue in DEPENDENCY_CUES)
# A cue sentence without a system name refers back ("It ...", "This ...") to the sentence before.
_ANAPHOR = re.compile(r"^\s*(?:it|this|these|they|the\s+(?:new\s+)?system)\b", re.IGNORECASE)

_ACRONYM = r"(?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*|[A-Z]+[0-9][A-Za-z0-9]*|[A-Z][a-z]*[0-9][a-z]?)"
_CAPWORD = r"[A-Z][a-z]+"
_NUMBERED = rf"(?:{_CAPWORD}\s+){{1,3}}\d+"
# A name then the word that says what it is. The ambiguous nouns need IT context in the sentence.
_STRONG = r"(?:IT\s+[Ss]ystem|[Cc]omputer\s+[Ss]ystem|[Ii]nformation\s+[Ss]ystem|[Dd]atabase|[Aa]pplication|[Pp]latform|[Ss]oftware)"
_WEAK = r"(?:[Ss]ystem|[Pp]rogramme|[Pp]rogram|[Pp]roject|[Nn]etwork|[Mm]odule)"
_BY_NOUN = re.compile(
    rf"\b(?P<name>{_ACRONYM}|{_NUMBERED}|(?:{_CAPWORD}\s+){{0,3}}{_CAPWORD})\s+(?:IT\s+|computer(?:ised)?\s+)?(?P<noun>{_STRONG}|{_WEAK})\b"
)
_EXPANDED = re.compile(
    rf"\b(?P<long>(?:[A-Z][a-z]+\s+(?:(?:of|for|and|the)\s+)?){{1,6}}(?:System|Systems|Database|Programme|Application|Platform|Network))\s*\((?P<short>{_ACRONYM})\)"
)
_APPOSED = re.compile(rf"\b(?:system|database|programme|application|platform|network)\s*(?:[–—-]|,|:|called|known\s+as|named)\s*(?P<name>{_ACRONYM})\b")
_IT_CONTEXT = re.compile(
    r"\b(?:IT|ICT|computer\w*|database|data|software|hardware|electronic\w*|online|on-line|roll(?:ed)?[\s-]?out|go(?:es)?\s+live|"
    r"went\s+live|upgrade\w*|interface|input|installed|installation|module|technology|technical|build|specification|licen[cs]es?|"
    r"servers?|network|automated|automation|(?:recorded|held|stored|collated|logged|entered|kept)\s+(?:\w+\s+){0,2}on)\b",
    re.IGNORECASE,
)
_SCREEN = re.compile(r"\b(?:[Ss]ystems?|[Dd]atabase|[Pp]rogramme|[Pp]rogram|[Pp]roject|[Aa]pplication|[Pp]latform|[Nn]etwork|[Ss]oftware|[Mm]odule)\b")
_NOT_NAMES = frozenset({"IT", "ICT", "HR", "The", "This", "That", "These", "A", "An", "New", "Our", "Its", "Their", "Each", "Any",
                        "All", "National", "Police", "Authority", "Service", "Force", "Home", "Office"})


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _name_ok(name: str, excluded: frozenset[str]) -> bool:
    words = name.split()
    return bool(words) and words[0] not in _NOT_NAMES and name not in excluded and not all(w in _NOT_NAMES for w in words)


_NAME_BEFORE = re.compile(
    rf"(?<![\w-])(?P<name>(?:[A-Z]+-)?{_ACRONYM}|{_NUMBERED}|(?:{_CAPWORD}\s+){{0,3}}{_CAPWORD})\s+(?P<it>IT\s+|computer(?:ised)?\s+)?"
    r"(?P<kind>(?:personnel|custody|property|crime|case|duty|command|booking|recording|records|management|information|"
    r"intelligence|HR|finance|tracking)\s+)?$"
)
_NOUN = re.compile(rf"\b(?P<noun>{_STRONG}|{_WEAK})\b")


def names_in(text: str, excluded: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """Systems a text names by form: (name, expansion or None), in reading order.

    >>> names_in("Records will be held on the new TRAINS database once it is live.")
    [('TRAINS', None)]
    >>> names_in("The Crime Management System (CMS) replaces card indexes.")
    [('CMS', 'Crime Management System')]
    >>> names_in("The PDR system asks managers to meet staff twice a year.")
    []
    """
    if not text or not _SCREEN.search(text):
        return []
    found: list[tuple[str, str | None]] = []
    if "(" in text:
        for match in _EXPANDED.finditer(text):
            long = re.sub(r"^(?:(?:The|Both|A|An|This|Our|New|And)\s+)+", "", match.group("long"))
            weak = long.split()[-1] in ("Programme", "Network")  # a change programme is not a system
            if not weak or _context(text, match.start()) or re.search(r"\b(?:Information|Data|Technology|Computer|Digital|System)", long):
                found.append((match.group("short"), long))
    # Each system word, and the name just before it (a window of a few words, not the whole text).
    for noun_match in _NOUN.finditer(text):
        match = _NAME_BEFORE.search(text, max(0, noun_match.start() - 60), noun_match.start())
        if match is None:
            continue
        name, noun = match.group("name"), noun_match.group("noun")
        while len(name.split()) > 1 and name.split()[0] in _NOT_NAMES:
            name = name.split(" ", 1)[1]  # "The Licensing Database" is the Licensing Database
        if not _name_ok(name, excluded):
            continue
        strong = re.fullmatch(_STRONG, noun) is not None or bool(match.group("it"))
        acronymic = bool(re.fullmatch(rf"(?:[A-Z]+-)?{_ACRONYM}", name)) or bool(re.fullmatch(_NUMBERED, name))
        # A long made-up name ("FLEETBOOK", "MetHR") is a product; a short acronym ("PDR") may be a process.
        product = acronymic and (len(name) >= 5 or any(c.isdigit() for c in name)) and " " not in name
        described = bool(match.group("kind")) and noun.casefold() in ("system", "database")  # "the NSPIS custody system"
        if acronymic and (strong or product or described or _context(text, noun_match.start())):
            found.append((name, None))
        elif not acronymic and strong:
            word = noun.split()[-1]
            found.append((f"{name} {word[:1].upper()}{word[1:]}", None))
    for match in _APPOSED.finditer(text):
        if _name_ok(match.group("name"), excluded):
            found.append((match.group("name"), None))
    return list(dict.fromkeys(found))


def _context(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` speaks of IT."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), 0)
    end = text.find(". ", at)
    return bool(_IT_CONTEXT.search(text, start, end if end >= 0 else len(text)))


def learn_systems(texts: Iterable[str], register: Vocabulary, excluded: Iterable[str] = ()) -> Vocabulary:
    """The register extended with the systems the texts name by form (new concepts, ``known`` False).

    A name that is a label of the register is the register's system; an expansion printed with an
    acronym becomes an alternative label of it.
    """
    stop = frozenset(excluded)
    labels = {label.casefold(): c for c in register for label in c.labels}
    extra: dict[str, Concept] = {}
    for text in texts:
        for name, expansion in names_in(text, stop):
            known = labels.get(name.casefold()) or (labels.get(expansion.casefold()) if expansion else None)
            if known is not None:
                continue
            iri = SYSTEM_NS + _slug(name)
            concept = extra.get(iri)
            alt = (expansion,) if expansion else ()
            if concept is None:
                extra[iri] = Concept(iri, name, alt)
            elif expansion and expansion not in concept.alt_labels:
                extra[iri] = replace(concept, alt_labels=(*concept.alt_labels, expansion))
    if not extra:
        return register
    return Vocabulary(register.name, (*register.concepts, *sorted(extra.values(), key=lambda c: c.iri)))


@lru_cache(maxsize=8)
def system_matcher(systems: Vocabulary) -> Matcher:
    """A matcher over the labels of every system (acronyms matched with their case)."""
    return Matcher((c.iri, label) for c in systems for label in c.labels)


def _fields(rec: Recommendation, updates: Sequence[ProgressUpdate]) -> list[tuple[str, str, Provenance]]:
    fields = [("heading", rec.heading or "", rec.provenance), ("text", rec.text, rec.provenance)]
    fields += [("progress", u.progress or "", u.provenance) for u in updates]
    return [(name, text, provenance) for name, text, provenance in fields if text]


def find_systems(
    rec: Recommendation, updates: Sequence[ProgressUpdate], systems: Vocabulary
) -> tuple[SystemMention, ...]:
    """The systems a recommendation or its progress names, with the matched words.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("systems", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/cris> a rg:System ; skos:prefLabel "CRIS"@en .''')
    >>> rec = Recommendation("r", "1", "Record every allegation on CRIS.", Provenance("p", 1, 1, "x"))
    >>> [(m.label, m.evidence[0].words) for m in find_systems(rec, [], vocab)]
    [('CRIS', 'CRIS')]
    """
    matcher = system_matcher(systems)
    evidence: dict[str, list[Evidence]] = {}
    for name, text, _ in _fields(rec, updates):
        for match in matcher.find(text):
            evidence.setdefault(match.concept, []).append(Evidence.of(name, match))
    return tuple(
        SystemMention(rec.key, c.iri, c.pref_label, tuple(dict.fromkeys(evidence[c.iri])))
        for c in systems
        if c.iri in evidence
    )


def find_system_dependencies(
    rec: Recommendation, updates: Sequence[ProgressUpdate], systems: Vocabulary
) -> tuple[Dependency, ...]:
    """Dependencies of a recommendation on systems, each with its sentence and cue.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("systems", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/trains> a rg:System ; skos:prefLabel "TRAINS"@en .''')
    >>> span = Provenance("p", 1, 1, "x")
    >>> rec = Recommendation("r", "1", "Keep training records centrally.", span)
    >>> update = ProgressUpdate("r", "1", "p", span, progress="TRAINS goes live in May. This depends on the upgrade.")
    >>> [(d.target, d.cue) for d in find_system_dependencies(rec, [update], vocab)]
    [('http://x/trains', 'depends on')]
    """
    matcher = system_matcher(systems)
    found: dict[tuple[str, str], Dependency] = {}
    for _, text, provenance in _fields(rec, updates):
        if not _ANY_CUE.search(text):
            continue
        previous: list[Match] = []
        for sentence in sentences(text):
            named = matcher.find(sentence)
            cue = _cue(sentence)
            targets = named or (previous if _ANAPHOR.match(sentence) else [])
            if cue:
                for match in targets:
                    key = (match.concept, sentence)
                    found.setdefault(key, Dependency(rec.key, "system", match.concept, sentence, cue, provenance=provenance))
            previous = named or previous
    return tuple(found.values())


def _cue(sentence: str) -> str | None:
    if not _ANY_CUE.search(sentence):
        return None
    for cue in DEPENDENCY_CUES:  # the first cue of the list wins, not the first in the sentence
        match = cue.search(sentence)
        if match:
            return match.group()
    return None

