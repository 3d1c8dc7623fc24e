"""Printed owners ("Action by whom", "Lead") recognised by their form and merged into units.

A printed owner is read as a *lead*: the unit (or the person with a rank) who answers for the
recommendation. The form decides it, not a list of strings:

* wrapping words go: "Through X", "X responsible for implementation", "T/" (temporary rank);
* "A/ B" (a chief officer over an operational lead) is led by B;
* "Name (ACR)" and "CODE – Name" (a branch code such as DCC4 or PRS8) pair an acronym with its
  expansion; such pairs seen anywhere in the corpus expand the acronym wherever else it is printed;
* "Rank Person (Unit)" and "Rank Person, Unit" are led by the unit;
* titles go: "Director of X", "Head of X", "AC X", "Commander X" and "Directorate of X", "X
  Directorate", "X Department", "X Dept", "X Unit", "X Branch", "X Command", "X HQ" all lead to
  the unit for X; a rank before one to three names that are not a known area is a person;
* words are compared case-folded and lightly stemmed, articles, "of", "and"/"&", the organisation's
  own name and punctuation left out; an acronym is expanded by owners.ttl, by a pair printed in the
  corpus, or as the initials of exactly one unit name printed in the corpus ("ILAU" and "Inspection
  Liaison and Analysis Unit").

Two printed owners with the same key are one unit. A key that a unit of owners.ttl has is that
unit; any other key becomes a new unit, labelled by the fullest spelling printed for it (no
acronyms, no title, the most often printed). The printed string is always kept.

The rank words and unit words below are the general vocabulary of police and public-body
organisation charts (ranks of the police service of England and Wales; the unit types of W3C ORG's
examples and of the survey's owner forms, docs/survey); the facts about named units live in
owners.ttl.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from recgraph.graph.enrich.model import OwnerMatch, OwnerUnit, UpdateKey
from recgraph.graph.enrich.vocabulary import Vocabulary
from recgraph.graph.enrich.words import stem

_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212]\s*|\s+-\s*|\s*-\s+")
_SPACED_PUNCT = re.compile(r"\s*([/&])\s*")
_EDGE_PUNCT = re.compile(r"^[\s.,;:()\[\]]+|[\s.,;:()\[\]]+$")
_EDGE = re.compile(r"^[\s.,;:\[\]]+|[\s.,;:\[\]]+$")
#: Ranks and titles of the police service and of public bodies, longest first when matched.
RANKS = (
    "deputy assistant commissioner", "assistant commissioner", "deputy commissioner", "commissioner",
    "detective chief superintendent", "chief superintendent", "detective superintendent", "superintendent",
    "detective chief inspector", "chief inspector", "detective inspector", "inspector", "commander",
    "chief officer", "director", "head", "deputy director", "assistant director", "chief executive",
    "clerk", "treasurer", "chair", "chairman",
)
#: Short forms of ranks printed before a name or an area ("AC TP", "DAC Hale", "ACHR").
RANK_ACRONYMS = {"dac": "deputy assistant commissioner", "ac": "assistant commissioner", "cdr": "commander",
                 "dcs": "detective chief superintendent", "ch supt": "chief superintendent", "supt": "superintendent"}
#: Words naming the kind of a line unit: "X Directorate", "Directorate of X" and "X Department" are one unit.
UNIT_WORDS = frozenset({"directorate", "department", "dept", "division", "branch", "unit", "section", "office",
                        "command", "hq", "headquarters", "headquarter"})
#: Words of an area of work: a rank before them leads an area ("Commander Central Operations"), not a person.
AREA_WORDS = frozenset(stem(w) for w in (
    "operations", "operational", "intelligence", "traffic", "policing", "crime", "services", "service", "resources",
    "information", "performance", "review", "standards", "training", "development", "diversity", "custody",
    "support", "planning", "finance", "security", "protection", "communications", "justice", "investigation",
    "specialist", "territorial", "central", "corporate", "professional", "human", "personnel", "strategy",
    "property", "procurement", "logistics", "logistical", "transport", "estates", "legal", "language", "audit",
    "borough", "boroughs", "programme", "project", "change", "quality", "policy", "public", "affairs", "media",
))
_ORG_PREFIXES = (("metropolitan", "police", "service"), ("metropolitan", "police"), ("mps",), ("met",))
_STOP = frozenset({"the", "of", "and", "for", "a", "an"})
_CODE = re.compile(r"^[A-Z]{2,}\d+[A-Za-z]?$")
_TRAILERS = re.compile(r"\s+(?:is\s+|are\s+)?(?:responsible\s+for\b.*|to\s+(?:lead|action)\b.*|\(lead\))$", re.IGNORECASE)
_LEADERS = re.compile(r"^(?:through|via|by|with|lead\s*:)\s+", re.IGNORECASE)


def normalise_owner(text: str) -> str:
    """The printed form with case, spacing, dash style and spaces around "/" and "&" evened out.

    >>> normalise_owner("DCC4 – Diversity Directorate ") == normalise_owner("dcc4 - diversity  directorate")
    True
    >>> normalise_owner("ACPRS/ Head of Best Value group")
    'acprs/head of best value group'
    """
    text = _DASHES.sub(" - ", text.casefold())
    text = _SPACED_PUNCT.sub(r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return _EDGE_PUNCT.sub("", text)


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 or bool(_CODE.match(word))


@dataclass(frozen=True)
class Lead:
    """What a printed owner names: its key, the spelling to show, and the acronym pairs it prints."""

    key: tuple[str, ...]
    shown: str
    person: bool
    pairs: tuple[tuple[str, str], ...]
    acronym: str | None = None  # the lead is a bare acronym or code, to be expanded from the corpus
    full: str = ""  # the lead as printed, type words and titles included (for its initials)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", _DASHES.sub(" - ", text)).strip()
    text = re.sub(r"\bT/(?=[A-Z])", "", text)  # a temporary rank: "T/AC Territorial Policing"
    text = _LEADERS.sub("", _TRAILERS.sub("", text))
    text = re.sub(r"^(?:the|a|an)\s+", "", _EDGE.sub("", text), flags=re.IGNORECASE)
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
    return re.sub(r"\s+", " ", text).strip()


def _starts_with_rank(words: list[str]) -> int:
    """How many words of a rank or title open ``words`` (0 when none)."""
    lowered = [w.casefold() for w in words]
    for rank in RANKS:
        parts = rank.split()
        if lowered[: len(parts)] == parts:
            return len(parts)
    if lowered and lowered[0] in RANK_ACRONYMS:
        return 1
    return 0


def read_lead(printed: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The part of a printed owner that names the lead, and the acronym pairs the string prints.

    >>> read_lead("ACPRS/ Head of Best Value group")
    ('Head of Best Value group', ())
    >>> read_lead("Policy Review & Standards PRS8 – Corporate Planning")
    ('Corporate Planning', (('PRS8', 'Corporate Planning'),))
    >>> read_lead("Chief Superintendent Jo Bloggs (Custody Directorate)")
    ('Custody Directorate', ())
    >>> read_lead("Human Resources Directorate (HRD) responsible for implementation")
    ('Human Resources Directorate', (('HRD', 'Human Resources Directorate'),))
    """
    text = _clean(printed)
    pairs: list[tuple[str, str]] = []
    if "/" in text:
        parts = [p.strip() for p in text.split("/") if p.strip()]
        text = parts[-1] if parts else text
    bracket = re.match(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$", text)
    if bracket and bracket.group(2).strip():
        outer, inner = (bracket.group(1) + " " + bracket.group(3)).strip(), bracket.group(2).strip()
        if " " not in inner and _is_acronym(inner) and outer:
            pairs.append((inner, outer))
            text = outer
        elif _starts_with_rank(outer.split()) or not outer:
            text = inner
        else:
            text = outer
    if "," in text and _starts_with_rank(text.split(",", 1)[0].split()):
        head, rest = (p.strip() for p in text.split(",", 1))
        rank = _starts_with_rank(head.split())
        text = rest if len(head.split()) > rank else f"{head} of {rest}"  # "Commander, Homicide"
    words = text.replace(" - ", " – ").split()
    codes = [i for i, w in enumerate(words) if _CODE.match(w)]
    if codes:
        at = codes[-1]
        after = [w for w in words[at + 1:] if w != "–"]
        if after:
            pairs.append((words[at], " ".join(after)))
            text = " ".join(after)
        else:
            text = words[at]
    elif "–" in words:  # "ACR – Name" or "Name – ACR"
        left, right = (" ".join(p).strip() for p in (words[: words.index("–")], words[words.index("–") + 1:]))
        if _is_acronym(left) and " " not in left and right:
            pairs.append((left, right))
            text = right
        elif _is_acronym(right) and " " not in right and left:
            pairs.append((right, left))
            text = left
        else:
            text = right or left
    return text.strip(), tuple(pairs)


class _Expander:
    """Acronyms to words: owners.ttl's acronym labels, pairs printed in the corpus, initials."""

    def __init__(self, owners: Vocabulary, pairs: Iterable[tuple[str, str]] = ()):
        self.words: dict[str, str] = {}
        for concept in owners:
            names = [label for label in concept.labels if " " in label.strip()]
            for label in concept.labels:
                if " " not in label and _is_acronym(label) and names:
                    self.words.setdefault(label, names[0])
        for acronym, expansion in pairs:
            self.words.setdefault(acronym, expansion)

    def expand(self, word: str) -> list[str]:
        if word in self.words:
            return self.words[word].split()
        if word.isupper() or _CODE.match(word) or _is_acronym(word):
            for short in sorted(RANK_ACRONYMS, key=len, reverse=True):  # "ACHR" is AC + HR
                rest = word[len(short):]
                if " " not in short and word.casefold().startswith(short) and rest and rest in self.words:
                    return [*RANK_ACRONYMS[short].split(), *self.words[rest].split()]
        return [word]


def _strip_org(words: list[str]) -> list[str]:
    lowered = [w.casefold() for w in words]
    for prefix in _ORG_PREFIXES:
        if tuple(lowered[: len(prefix)]) == prefix and len(words) > len(prefix):
            return words[len(prefix):]
    return words


def lead_of(printed: str, expander: _Expander) -> Lead:
    """The key and shown spelling of the lead a printed owner names."""
    text, pairs = read_lead(printed)
    raw = re.findall(r"[A-Za-z0-9']+", text.replace("&", " and "))
    words = [part for word in raw for part in expander.expand(word)]
    lead = _lead(words, expander, pairs, text)
    if lead.person or raw == words:
        return Lead(lead.key, lead.shown, lead.person, lead.pairs, lead.acronym, text)
    # Keyed by the expanded words, shown as printed ("MPA Planning Unit", not its expansion).
    shown = _lead(raw, expander, pairs, text).shown
    return Lead(lead.key, shown, lead.person, lead.pairs, lead.acronym, text)


def _lead(words: list[str], expander: _Expander, pairs: tuple[tuple[str, str], ...], text: str) -> Lead:
    rank = _starts_with_rank(words)
    rest = words[rank:]
    titled = bool(rest) and rest[0].casefold() == "of"  # "Head of X" leads X, never a person
    if titled:
        rest = rest[1:]
    person = False
    if rank and not titled and rest and len(rest) <= 3 and all(w[:1].isupper() for w in rest):
        person = not any(stem(w) in AREA_WORDS for w in rest) and " ".join(rest) not in expander.words.values()
    if not rank and words and words[0].casefold() in UNIT_WORDS and len(words) > 2 and words[1].casefold() == "of":
        rest = words[2:]  # "Directorate of Information"
    elif not rank:
        rest = words
    if person:
        key = ("person", *(w.casefold() for w in words))
        return Lead(key, " ".join(words), True, pairs)
    rest = _strip_org(rest)
    while len(rest) > 1 and rest[0].casefold() in _STOP:
        rest = rest[1:]
    core = [w for w in rest if w.casefold() not in _STOP]
    while len(core) > 1 and core[-1].casefold() in UNIT_WORDS:
        core = core[:-1]
    while len(core) > 1 and core[0].casefold() in UNIT_WORDS:
        core = core[1:]
    key = tuple(stem(w) for w in core) or tuple(stem(w) for w in words)
    acronym = core[0] if len(core) == 1 and _is_acronym(core[0]) else None
    return Lead(key, " ".join(rest) if rest else text, False, pairs, acronym)


def _initials(shown: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", shown) if w.casefold() not in _STOP).upper()


@lru_cache(maxsize=8)
def _known(owners: Vocabulary) -> tuple[_Expander, dict[tuple[str, ...], str]]:
    expander = _Expander(owners)
    keys: dict[tuple[str, ...], str] = {}
    for concept in owners:
        for label in concept.labels:
            keys.setdefault(lead_of(label, expander).key, concept.iri)
    return expander, keys


def match_owners(printed: Iterable[str], owners: Vocabulary) -> dict[str, tuple[OwnerUnit, str]]:
    """The unit each distinct printed owner stands for, with the rule, deciding over all of them.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("owners", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/hr> a rg:Owner ; skos:prefLabel "Human Resources Directorate"@en ; skos:altLabel "HR"@en .''')
    >>> found = match_owners(["HR Dept", "Director of Human Resources", "Training Unit (TU)", "TU", "Unit of Training"], vocab)
    >>> sorted({unit.label for unit, _ in found.values()})
    ['Human Resources Directorate', 'Training Unit']
    """
    base, known = _known(owners)
    distinct = list(dict.fromkeys(p for p in printed if p and p.strip()))
    pairs = [pair for p in distinct for pair in read_lead(p)[1]]
    expander = _Expander(owners, pairs) if pairs else base
    leads = {p: lead_of(p, expander) for p in distinct}
    # A bare acronym that is the initials of exactly one unit printed in full is that unit.
    by_initials: dict[str, set[tuple[str, ...]]] = {}
    for lead in leads.values():
        if not lead.person and lead.acronym is None and len(lead.key) > 1:
            for name in {lead.full, lead.shown}:
                by_initials.setdefault(_initials(name), set()).add(lead.key)
    found: dict[str, tuple[OwnerUnit, str]] = {}
    keys: dict[str, tuple[str, ...]] = {}
    for printed_owner, lead in leads.items():
        key, rule = lead.key, "by form"
        if lead.acronym and key not in known and len(by_initials.get(lead.acronym.upper(), ())) == 1:
            key, rule = next(iter(by_initials[lead.acronym.upper()])), f"initials {lead.acronym}"
        keys[printed_owner] = key
        found[printed_owner] = (OwnerUnit(""), rule)
    spellings: dict[tuple[str, ...], Counter[str]] = {}
    for printed_owner, key in keys.items():
        if key not in known:
            spellings.setdefault(key, Counter())[leads[printed_owner].shown] += 1
    labels = {c.iri: c.pref_label for c in owners}
    for printed_owner, key in keys.items():
        rule = found[printed_owner][1]
        if key in known:
            iri = known[key]
            found[printed_owner] = (OwnerUnit(labels[iri], iri), f"{rule}: the unit {labels[iri]!r} of owners.ttl")
        else:
            found[printed_owner] = (OwnerUnit(_best(spellings[key])), f"{rule}: new unit")
    return found


def _best(spellings: Counter[str]) -> str:
    """The fullest spelling: no acronyms, then the most printed, then the longest."""
    def score(item: tuple[str, int]) -> tuple:
        text, count = item
        return (sum(_is_acronym(w) for w in text.split()), -count, -len(text), text)
    return sorted(spellings.items(), key=score)[0][0]


def match_owner(verbatim: str, owners: Vocabulary, update: UpdateKey = ("", "", "")) -> OwnerMatch:
    """The unit one printed owner stands for, on its own (see :func:`match_owners` for a corpus).

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> vocab = parse_vocabulary("owners", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/hr> a rg:Owner ; skos:prefLabel "Human Resources Directorate"@en ; skos:altLabel "HR"@en .''')
    >>> match_owner("HR  department", vocab).unit
    OwnerUnit(label='Human Resources Directorate', iri='http://x/hr')
    >>> match_owner("Borough Commander", vocab).unit
    OwnerUnit(label='Borough Commander', iri=None)
    """
    unit, rule = match_owners([verbatim], owners)[verbatim] if verbatim.strip() else (OwnerUnit(verbatim), "empty")
    return OwnerMatch(update, verbatim, unit, rule)
