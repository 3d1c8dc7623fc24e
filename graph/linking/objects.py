"""The object of a recommendation's ask: the noun phrase its demand governs.

A recommendation asks someone to do something *about something*: "Ensure that the **staff
appraisal process** consistently supports ...", "The MPS revisits its **career management policy**
in order to ...", "implementing a formal, structured, **mentoring scheme** ...", "The **mentoring
scheme for minority ethnic officers** should be overseen by ...". Two recommendations raise the
same problem about the same object when the wording they share lies in the objects of both asks;
wording they share elsewhere (the owner, the purpose, "in the light of Best Value principles", the
area named) is context (:mod:`.repeats`).

The objects are found by general rules of English recommendation wording, no tagger and no model
(:func:`ask_objects`):

* the noun phrase after a *directive verb*, in any inflection (:data:`DIRECTIVE_VERBS`: the verbs
  recommendations open with, "ensure", "review", "develop", "introduce", ...), or after the verb
  that follows a modal ("should", "must", "needs to");
* the verb that opens a clause in the genre's list forms ("To retain ...", "implementing ...",
  "putting in place ..."), whatever the verb;
* the subject of a modal passive ("The mentoring scheme ... should be overseen");
* the noun phrase named as a problem (:data:`PROBLEM_NOUNS`: "a shortage of experienced detectives",
  "the backlog of appraisals");
* the heading, which in the genre names the object ("Staff appraisals", "Career Management Policy").

A noun phrase (:func:`chunk`) is a run of words after determiners and possessives, through "of"
and "for" complements and coordination, up to a boundary: punctuation, a preposition, a
conjunction, an auxiliary or modal, an adverb in "-ly", or :data:`MAX_WORDS` content words. When
its head is the act itself (:data:`ACT_NOUNS`: "a review of the grievance procedure", "the use of
the PDR system"), the object is what the act is about, the complement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from recgraph.graph.linking.terms import STOP_TERMS, term

__all__ = ["ACT_NOUNS", "DIRECTIVE_VERBS", "GENERIC_TERMS", "MAX_WORDS", "PROBLEM_NOUNS", "Chunk", "ask_objects", "chunk", "object_pairs",
           "matching", "object_chunks", "same_object",
           "shared_objects"]

#: Verbs a recommendation's demand opens with (any inflection is matched through :func:`~.terms.term`).
#: From the conventions of the genre: the imperative verbs of audit, inspection and inquiry
#: recommendations (the same verbs :data:`~.terms.DOMAIN_STOP_WORDS` treats as carrying no topic),
#: and the verbs of the "that the MPS reviews ..." form.
DIRECTIVE_VERBS = frozenset(term(w) for w in """
    ensure review reviews develop introduce establish consider implement improve provide produce create
    adopt agree set appoint designate evaluate examine assess monitor revisit reconsider clarify publish
    strengthen reduce increase retain recruit conduct undertake commission integrate tighten identify
    analyse address revise replace extend expand issue prepare maintain secure deliver embed raise
    rationalise standardise streamline simplify formalise centralise reinstate resolve restructure
    """.split())
#: Nouns that name a problem with what follows "of" ("a shortage of experienced detectives").
PROBLEM_NOUNS = frozenset(term(w) for w in """
    shortage shortages lack absence backlog backlogs failure failures inaccuracy inaccuracies
    weakness weaknesses shortcoming shortcomings delay delays gap gaps
    """.split())
#: Nouns that name the asked act itself: the object is their complement ("a review of X").
ACT_NOUNS = frozenset(term(w) for w in """
    review use development introduction implementation evaluation examination reexamination assessment
    establishment integration extent scale level number range effectiveness provision adoption
    creation production improvement consideration re-examination
    """.split())
#: Words that say what kind of instrument or quality is asked for, or at what level, not what about:
#: the instruments every field's recommendations ask for (a policy, strategy, plan, process, system,
#: scheme, framework, guidance, standards ...), their usual qualities (clear, effective, consistent,
#: corporate, strategic ...) and levels (national, local, borough, force ...). From the conventions of
#: the genre, not from any paper. A phrase of such words alone ("corporate guidance", "planning
#: arrangements", "monitoring of the plan") names no object: guidance about costing inspections and
#: guidance about a role are two objects; it names one with a specific word ("career management
#: policy", "mentoring scheme").
GENERIC_TERMS = frozenset(term(w) for w in """
    policy policies strategy strategies plan plans planning process processes procedure procedures system
    systems scheme schemes framework frameworks guidance guidelines guide standard standards approach
    programme programmes mechanism mechanisms structure structures protocol protocols arrangement
    arrangements measure measures requirement requirements practice practices document documents option
    options issue issues matter matters area areas activity activities function functions role roles
    management monitoring delivery implementation operation operations operational resource resources
    information data method methods way ways level levels outcome outcomes result results
    corporate strategic clear effective efficient consistent appropriate overall formal informal better
    robust key specific individual general relevant suitable proper full fuller wider comprehensive
    national local regional central borough boroughs force forces departmental organisational london
    pan-london
    """.split())
#: Words that end a noun phrase (prepositions other than "of" and "for", conjunctions, auxiliaries,
#: modals, relative words): general English function words.
_BOUNDARY = frozenset("""
    to in on at by with from into through within across between against towards toward under over
    about regarding concerning as than so because since while whilst where when which who whom whose
    that is are was were be been being has have had do does did can could will would should must shall
    may might if but not also whether including such
    """.split())
_SKIP = frozenset("a an the its their his her our this these those that all any each every some more its".split())
_MODALS = frozenset("should must shall".split())
#: Words that may stand between a verb and its object: particles of phrasal verbs ("lay down",
#: "set out", "follow up", "put in place") and the question words of "set out which files ...".
_PARTICLES = frozenset("up down out off forward back which what whether how".split())
#: Who a recommendation is addressed to, as the subject before its verb ("that the MPS adopt ...",
#: "the Authority review ..."): the organisations of the family and their common forms.
_ADDRESSEES = frozenset("mps mpa authority commissioner service force hmic hmi police".split())
#: Words before "be" that make it other than the subjunctive of a recommendation ("to be", "will be").
_NOT_SUBJUNCTIVE = _BOUNDARY | frozenset("not never also always then".split())
#: Content words a noun phrase keeps at most: the head and its modifiers in the genre's headings
#: ("Integration of Best Value principles", "Rigorous prioritisation and monitoring of action plans").
MAX_WORDS = 6
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|[0-9]+|[^\sA-Za-z0-9]")


@dataclass(frozen=True)
class Chunk:
    """A noun phrase: its content terms in printed order, and its head's term."""

    terms: tuple[str, ...]
    head: str
    #: The terms of its "of"/"for" complement ("records *of detective constables*"), if any.
    complement: tuple[str, ...] = ()


def _content(word: str) -> str | None:
    key = term(word)
    return key if len(key) > 2 and key not in STOP_TERMS else None


def chunk(words: list[str], start: int) -> Chunk | None:
    """The noun phrase that starts at ``words[start]`` (None when it holds no content word).

    >>> chunk("the staff appraisal process consistently supports".split(), 0).terms
    ('staff', 'apprais', 'process')
    >>> chunk("a review of the grievance procedure to make".split(), 0).terms
    ('grievanc', 'procedur')
    >>> chunk("the ethnicity records of detective constables on MetHR".split(), 0).complement
    ('detectiv', 'constabl')
    """
    found: list[str] = []
    head: str | None = None  # the last word before the first "of"/"for", as its term
    complement = 0  # where in found the complement of the head starts
    i = start
    while i < len(words) and (words[i].lower() in _SKIP or words[i].lower() in _PARTICLES):
        i += 2 if words[i].lower() == "in" and i + 1 < len(words) and words[i + 1].lower() == "place" else 1
    last = None
    while i < len(words) and len(found) < MAX_WORDS:
        word = words[i]
        low = word.lower()
        if low in ("of", "for"):
            if head is None and last is not None:
                head, complement = term(last), len(found)
            i += 1
            while i < len(words) and words[i].lower() in _SKIP:
                i += 1
            continue
        if low in ("and", "or", "&"):
            i += 1
            continue
        if word == "," and found and i + 1 < len(words) and words[i + 1].isalpha() and words[i + 1].lower() not in _BOUNDARY \
                and words[i + 1].lower() not in ("and", "or") and len(found) < 3 and head is None:
            i += 1  # a list of modifiers: "a formal, structured, mentoring scheme"
            continue
        if not word[0].isalnum() or low in _BOUNDARY or (low.endswith("ly") and len(low) > 4) or low in _MODALS:
            break
        key = _content(word)
        if key is not None:
            found.append(key)
        last = word
        i += 1
    if not found:
        return None
    if head in ACT_NOUNS and complement < len(found):
        rest = found[complement:]  # the act's complement is the object: "a review of the grievance procedure"
        return Chunk(tuple(rest), rest[-1])
    if head is None or head in STOP_TERMS:
        head = found[complement - 1] if head is not None and complement else found[-1]
    return Chunk(tuple(found), head, tuple(found[complement:]) if head is not None and complement else ())


def _clauses(text: str) -> list[list[str]]:
    """The words of each clause: split at full stops, semicolons and colons; bracketed words left out
    (acronyms and references: "(BME)", "(para. 5.28)")."""
    clauses, current, depth = [], [], 0
    for token in _TOKEN.findall(text):
        if token in "([":
            depth += 1
        elif token in ")]":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif token in (".", ";", ":", "?", "!"):
            if current:
                clauses.append(current)
            current = []
        else:
            current.append(token)
    if current:
        clauses.append(current)
    return clauses


@lru_cache(maxsize=65536)
def ask_objects(text: str, heading: str = "") -> tuple[Chunk, ...]:
    """The objects of a recommendation's asks (see the module docstring), heading first.

    >>> [c.terms for c in ask_objects("The MPS revisits its career management policy in order to simplify it.")]
    [('career', 'manag', 'policy')]
    >>> [c.terms for c in ask_objects("The mentoring scheme for minority ethnic officers should be overseen by the commander.")]
    [('mentor', 'schem', 'minor', 'ethnic', 'officer')]
    >>> [c.terms for c in ask_objects("In the light of Best Value principles, the MPS should develop corporate guidance.")]
    [('corpor', 'guidanc')]
    """
    found: list[Chunk] = []
    if heading:
        for words in _clauses(heading):
            got = chunk(words, 0)
            if got is not None:
                found.append(got)
    for words in _clauses(text):
        lows = [w.lower() for w in words]
        before = len(found)
        starts: set[int] = set()
        if lows and lows[0] == "to" and len(lows) > 1:
            starts.add(2)  # "To retain experienced detectives ..."
        if lows and lows[0].endswith("ing") and len(lows[0]) > 4:
            starts.add(1)  # "implementing a formal ... scheme", "putting in place better governance"
        for index, low in enumerate(lows):
            if low in _ADDRESSEES and index + 1 < len(lows) and words[index + 1].islower() \
                    and lows[index + 1] not in _BOUNDARY and lows[index + 1] not in _SKIP and index + 2 < len(lows):
                starts.add(index + 2)  # "that the MPS pursue every inspection ...": the verb after its subject
            key = term(words[index]) if words[index][0].isalpha() else ""
            if key in DIRECTIVE_VERBS and (index == 0 or lows[index - 1] not in _SKIP):
                starts.add(index + 1)
            elif key in PROBLEM_NOUNS and index + 1 < len(lows) and lows[index + 1] == "of":
                starts.add(index + 2)
            elif low == "be" and index > 0 and lows[index - 1] not in _NOT_SUBJUNCTIVE:
                subject = _subject(words[:index])  # "that the promotion ... be carried out centrally"
                if subject is not None:
                    found.append(subject)
            elif low in _MODALS or (low in ("need", "needs", "ought") and index + 1 < len(lows) and lows[index + 1] == "to"):
                step = index + 1 + (low not in _MODALS)
                if step < len(lows) and lows[step] == "be":  # a modal passive: its subject is the object
                    subject = _subject(words[:index])
                    if subject is not None:
                        found.append(subject)
                else:
                    starts.add(step + 1)  # "should develop corporate guidance"
        if not starts and len(found) == before:
            starts.add(0)  # no ask in the clause: a bare noun phrase names the object, as a heading does
        for start in sorted(starts):
            if start < len(words) and lows[start] == "that":
                start += 1  # "ensure that the process ..."
            got = chunk(words, start)
            if got is not None:
                found.append(got)
    return tuple(dict.fromkeys(found))


def _subject(words: list[str]) -> Chunk | None:
    """The noun phrase a clause opens with (after an opening subordinate phrase ended by a comma)."""
    if "," in words:
        words = words[len(words) - words[::-1].index(","):]
    return chunk(words, 0) if words else None


def _pairs(found: Chunk, window: int) -> set[tuple[str, str]]:
    pairs = set()
    terms = found.terms
    for index, first in enumerate(terms):
        for second in terms[index + 1 : index + 1 + window]:
            if first != second and not (first in GENERIC_TERMS and second in GENERIC_TERMS):
                pairs.add((first, second) if first < second else (second, first))
    return pairs


def same_object(first: str, first_heading: str, second: str, second_heading: str, window: int = 2) -> bool:
    """Whether an object of one's asks and an object of the other's share a linked pair of terms and
    do not differ in what they are *of* or *for*: "the ethnicity records of detective constables" and
    "the ethnicity records of community support officers" are two objects (their complements share
    no specific term), "a formal, structured, mentoring scheme" and "the mentoring scheme for
    minority ethnic officers" one (only one has a complement).

    >>> same_object("Cleanse the ethnicity records of detective constables.", "",
    ...             "Cleanse the ethnicity records of community support officers.", "")
    False
    >>> same_object("implementing a formal, structured, mentoring scheme", "",
    ...             "The mentoring scheme for minority ethnic officers should be overseen by the commander.", "")
    True
    """
    return matching(object_chunks(first, first_heading, window), object_chunks(second, second_heading, window))


@lru_cache(maxsize=65536)
def object_chunks(text: str, heading: str = "", window: int = 2) -> tuple[tuple[frozenset, frozenset], ...]:
    """Each object of a recommendation's asks as (its linked pairs, the specific terms of its complement)."""
    found = []
    for chunk_ in ask_objects(text, heading):
        pairs = _pairs(chunk_, window)
        if pairs:
            found.append((frozenset(pairs), frozenset(t for t in chunk_.complement if t not in GENERIC_TERMS)))
    return tuple(found)


def matching(first: tuple, second: tuple) -> bool:
    """Whether two :func:`object_chunks` share an object (see :func:`same_object`)."""
    return bool(shared_objects(first, second))


def shared_objects(first: tuple, second: tuple) -> frozenset[tuple[str, str]]:
    """The linked pairs by which two :func:`object_chunks` share an object (empty: no object shared)."""
    found: set[tuple[str, str]] = set()
    for pairs_a, of_a in first:
        for pairs_b, of_b in second:
            if not (of_a and of_b and not of_a & of_b):
                found |= pairs_a & pairs_b
    return frozenset(found)


def object_pairs(text: str, heading: str = "", window: int = 2) -> frozenset[tuple[str, str]]:
    """The linked pairs of terms (two distinct terms at most ``window`` apart, sorted) inside the
    objects of a recommendation's asks: the wording that, shared, names the same object.

    >>> sorted(object_pairs("Ensure that the staff appraisal process consistently supports performance management."))
    [('apprais', 'process'), ('apprais', 'staff'), ('process', 'staff')]
    """
    pairs: set[tuple[str, str]] = set()
    for found in ask_objects(text, heading):
        pairs |= _pairs(found, window)
    return frozenset(pairs)
