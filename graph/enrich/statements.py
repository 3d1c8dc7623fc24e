"""The grammar of status statements: what a clause says about progress, read from its grammar.

statuses.ttl lists the wordings papers state statuses in; this module reads the statements those
wordings miss by their grammar (:func:`grammar_status`):

- a verb of completion or of bringing into effect in the perfect, the passive or the past ("has been
  published", "was introduced in 2009", "is now in place") states completion, unless the clause is future
  or modal ("will be introduced", "should have been completed"), conditional or temporal ("until the
  report has been published"), or about an intermediate step that comes before the thing asked for (a
  draft, a working group, a plan, a consultation);
- a recording verb with an "as" complement of completion ("has been marked as complete") states it too,
  and so does a tracker's verbless note ending in a participle of completion ("Forensic review
  completed"), in clauses cut at colons, slashes and dashes ("green: completed");
- a hedge on the predicate ("has been partially implemented") states part done; a completion qualified by "but"
  and work that goes on ("implemented, but work should continue") states most done, by a staff shortfall part done;
- a post filled or a thing sent out ("X appointed", "circulated to all stations") states completion unless a purpose
  clause, a request or work said to follow makes it a step;
- a verb of completion in the active past or perfect with its doer and its object ("the authority completed its scheme
  in 2008") states completion, unless the doer is a relative's or only part of those who were to act ("some boroughs
  have implemented ...") or the object is a part or a step of the work ("completed its first phase");
- a negated predicate ("has not been published", "none of them were implemented") states no completion:
  the lexicon's own patterns, or the default, decide it (a rule reading negations as not started or in
  progress was tried and changed nothing, docs/enrichment.md).

Each rule is a *feature* with a name (:data:`FEATURES`), so that the leave-one-survey-out bench
(bench/status_grammar_loso.py) can measure a rule without the survey whose misses prompted it. The word
lists (:mod:`recgraph.graph.enrich.statement_words`) are general English with their sources in comments; none is
taken from one paper.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from recgraph.graph.enrich.statement_words import (  # noqa: F401 (the lists stay importable from here)
    COMPLETION_VERBS, INSTITUTING_VERBS, APPOINTING_VERBS, SENDING_VERBS, ENGAGED, STEP_PURPOSES, SENT_FOR,
    SENT_STEPS, STATE_PREDICATES, RECORDING_VERBS, INTERMEDIATE_NOUNS, REVIEW_NOUNS, MODALS, EXPECTATION,
    SUBORDINATORS, NEGATORS, NEGATIVE_SUBJECTS, HEDGES, ADVERBS, DEGREE_ADVERBS,
)
from recgraph.graph.reading.readers.dates import MONTH_NAMES


@dataclass(frozen=True)
class Feature:
    """A rule of the grammar, where its justification comes from, and which surveys' misses prompted it
    (none: designed from the general sources above and the brief of this work, not from a survey's misses)."""

    name: str
    source: str
    prompted_by: frozenset[int] = frozenset()


#: The rules, by name. ``prompted_by`` names the surveys of real papers (docs/enrichment.md, "Statuses on
#: unseen real papers") whose misses prompted a rule; bench/status_grammar_loso.py measures each survey
#: with the rules only that survey prompted turned off.
FEATURES = {f.name: f for f in (
    Feature("completion", "a completion or instituting verb in the perfect, passive or past, guarded against "
            "modal, future, conditional and intermediate-step readings (the brief; the sources of the lists)"),
    Feature("hedge", "the same predicate hedged by partially, partly, in part: partially complete"),
    Feature("recorded_as", "a recording or judging verb with an 'as' complement of completion", frozenset({2, 3})),
    Feature("tracker_note", "a verbless note ending in a completion participle, as trackers print them, in clauses "
            "cut at colons, slashes and dashes", frozenset({1, 2, 3})),
    Feature("hedge_over_progress", "a hedged completion overrides a work-goes-on pattern beside it ('partially "
            "implemented / ongoing'): part done and the rest under way is what partially complete means",
            frozenset({2, 3})),
    Feature("post_or_sent", "a post filled or a thing sent out ('a lead has been appointed', 'Commander X appointed', "
            "'the findings were sent to all forces') is done, unless a purpose clause or a request makes it a step",
            frozenset({4})),
    Feature("qualified", "a completion qualified by 'but' and work that goes on ('implemented but still requiring "
            "development') is substantially complete; by a shortfall of staff ('established but short of staff') "
            "partially complete", frozenset({2, 4})),
    Feature("active", "a completion verb in the active past or perfect with its doer and its object ('the authority "
            "completed its scheme in 2008', 'the force has achieved the target'): tense and voice say it was done",
            frozenset({4, 5})),
)}

#: Where the grammar overrides a pattern of statuses.ttl that matched the same text: (the pattern's status,
#: the grammar's status) -> the feature that allows it.
OVERRIDES = {("in_progress", "partial"): "hedge_over_progress"}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


_MODIFIER = (rf"(?:(?!(?:{_alternation(DEGREE_ADVERBS)})\b)\w+ly|{_alternation(ADVERBS + HEDGES)}"
             r"|not|never|n't)")
_COMPLETE = _alternation(COMPLETION_VERBS + ("complete",))
#: The complement of a recording verb: "as" (being), or the infinitive "to be" that the same complex-transitive
#: verbs take ("are considered to be complete", "was judged to have been completed"; Quirk et al., ch. 16, the
#: object complement and the infinitive "to be"); seventh session.
_RECORDED = (rf"(?:{_alternation(RECORDING_VERBS)})\s+(?:as\s+(?:being\s+)?|to\s+(?:be|have\s+been)\s+(?:now\s+|fully\s+)?)"
             rf"(?:{_COMPLETE})")
#: A finite perfect or passive: the auxiliary, modifiers, the participle or predicate.
_PREDICATE = re.compile(
    rf"\b(?P<aux>(?:(?:has|have|had|having)(?:\s+{_MODIFIER})*\s+been|is|are|was|were)(?:\s+{_MODIFIER})*)\s+"
    rf"(?P<verb>{_RECORDED}|{_alternation(COMPLETION_VERBS + INSTITUTING_VERBS + STATE_PREDICATES)})\b",
    re.IGNORECASE)
#: A verbless note ending in a participle of completion, as trackers print them ("Forensic review completed",
#: "four resolved"), with the date it was done or not ("completed in June 2006"; a date after "by" is a
#: deadline). "Met" and "dealt with" are left out ("the panel met"). Seventh session: a post filled, as trackers
#: note it ("Commander X appointed"), and a distributive phrase saying where it was done ("Custody managers
#: appointed for each borough", "completed across all sites"), which names no deadline.
_NOTE = re.compile(
    r"^(?P<subject>(?:[\w'’()&%,-]+\s+){0,8}?)"
    rf"(?P<verb>{_alternation([v for v in COMPLETION_VERBS if v not in ('met', 'dealt with')] + ['complete', *APPOINTING_VERBS])})"
    r"(?:\s+(?:for|in|across|at|to)\s+(?:each|every|all)\s+[\w-]+(?:\s+[\w-]+)?)?"
    rf"(?:\s+(?:in|on|during)?\s*\(?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH_NAMES}|q[1-4]|\d{{4}})(?:\s+\d{{4}})?\s*\)?)?"
    r"\W*$", re.IGNORECASE)
#: Clause boundaries of status cells and sentences: semicolons, colons, slashes, dashes, "but".
_CLAUSES = re.compile(r"\s*(?:[;:/|–—]|\s-\s|,?\s+but\s+)\s*", re.IGNORECASE)
#: Words that make a clause finite, negated or subordinate, so not a verbless note.
_NOT_A_NOTE = ("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "remain", "remains",
               "remained", "no", "yet", *MODALS, *NEGATORS, *NEGATIVE_SUBJECTS, *SUBORDINATORS)
#: A clause that names a target or a next step: the note after it is what is aimed at, not what is done
#: ("Target: all actions completed").
_AIMS = ("target", "targets", "deadline", "due", "aim", "aims", "objective", "objectives", "next steps", "planned",
         "proposed", "expected", "outcome", "milestone due")


@dataclass(frozen=True)
class Statement:
    """What a clause states: a status notation, the grammar rule that decided it and the rule's feature."""

    notation: str
    rule: str
    feature: str


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+|n't", text.casefold().replace("’", "'").replace("n't", " n't"))


def _has(words: list[str], phrases: Iterable[str]) -> bool:
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in phrases)


_TEMPORAL_AS = re.compile(r"\bas\s+(?:these|those|the|this|they|it|each|more|further|new)\b(?:\s+\w+){0,5}$")


def _not_asserted(before: list[str]) -> bool:
    """Whether the words before a predicate make it future, modal, expected or subordinate."""
    return (bool(before) and before[-1] in MODALS or _has(before[-3:], EXPECTATION) or _has(before, SUBORDINATORS)
            or bool(_TEMPORAL_AS.search(" ".join(before))))


#: Work said to go on or to come after an appointment or a sending, in the rest of the clause: a progressive
#: ("and is reviewing"), a future or modal, "continues", "ongoing", "next".
_GOES_ON_AFTER = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:now\s+|currently\s+|still\s+)?(?!being\b)\w+ing|will|shall|would|"
                            r"continu\w*|ongoing|next|further|begins?|starts?|commences?|to\s+follow)\b")
_BRINGING_INTO_BEING = frozenset({"established", "instituted", "created", "set up", *APPOINTING_VERBS})


def _a_step(verb: str, before: list[str], after: list[str]) -> bool:
    """Whether a body set up, a post filled or a thing sent is a step towards the work rather than the work done:
    a purpose clause follows ("appointed to take this forward"), or the thing sent asks others to act."""
    if verb in APPOINTING_VERBS and _has(before, ENGAGED):
        return True
    goes_on = _GOES_ON_AFTER.search(" ".join(after))
    if goes_on and (verb in (*APPOINTING_VERBS, *SENDING_VERBS) or goes_on.group().endswith("ing")):
        return True  # "a new head has been appointed and will review the courses", "set up and is recruiting staff"
    if verb in _BRINGING_INTO_BEING:
        return bool(re.match(rf"^(?:\w+ ){{0,6}}?(?:in order )?to (?:{'|'.join(STEP_PURPOSES)})\b", " ".join(after)))
    if verb in SENDING_VERBS:
        return _has(after, SENT_FOR) or _has(before, SENT_STEPS) or _has(before, INTERMEDIATE_NOUNS)
    return False


def _finite(clause: str, use: frozenset[str]) -> Statement | None:
    """A completion stated by a finite perfect or passive ("has been published", "were noted as closed")."""
    for match in _PREDICATE.finditer(clause):
        before, aux = _words(clause[: match.start()]), _words(match.group("aux"))
        verb = " ".join(match.group("verb").split()).casefold()
        recorded = " as " in f" {verb} " or " to " in f" {verb} "
        if _not_asserted(before) or (recorded and "recorded_as" not in use) or "completion" not in use:
            continue
        if verb == "addressed" and _words(clause[match.end():])[:1] in (["to"], ["at"]):
            continue  # the direction of a letter or a remark ("was addressed to the Home Office")
        if _has(aux, NEGATORS) or _has(before, NEGATIVE_SUBJECTS) or before[:1] == ["no"]:
            continue  # negated: "has not been published", "none of them were implemented"
        if _has(before, INTERMEDIATE_NOUNS) or (verb in INSTITUTING_VERBS and _has(before, REVIEW_NOUNS)):
            continue  # an intermediate step: "a draft strategy has been published"
        if verb in STATE_PREDICATES and not set(aux) & {"is", "are", "was", "were"}:
            continue
        if verb in (*APPOINTING_VERBS, *SENDING_VERBS) and "post_or_sent" not in use:
            continue
        if _a_step(verb, before, _words(clause[match.end():])):
            continue
        if _has(aux, HEDGES):
            if "hedge" in use:
                return Statement("partial", f"hedged: {' '.join(aux)} {verb}", "hedge")
            continue
        if recorded:
            return Statement("complete", f"recorded: {' '.join(aux)} {verb}", "recorded_as")
        return Statement("complete", f"completion: {' '.join(aux)} {verb}", "completion")
    return None


def _note(clause: str, previous: str, use: frozenset[str]) -> Statement | None:
    """A completion stated by a tracker's verbless note ("Independent review completed")."""
    match = _NOTE.match(clause.strip()) if "tracker_note" in use else None
    if match is None or _has(_words(previous), _AIMS):
        return None
    subject = _words(match.group("subject"))
    if _has(subject, _NOT_A_NOTE) or _has(subject, INTERMEDIATE_NOUNS) or subject[-1:] in (["as"], ["of"], ["for"]):
        return None  # a finite, negated or subordinate clause, an intermediate step, or a complement ("as complete")
    verb = match.group("verb").casefold()
    if verb in APPOINTING_VERBS and "post_or_sent" not in use:
        return None
    if _has(subject, HEDGES):
        return Statement("partial", f"hedged note: {' '.join(subject)} {verb}", "tracker_note")
    return Statement("complete", f"note: {' '.join([*subject, verb])}", "tracker_note")


#: Seventh session. What follows "but" after a completion: work that goes on (still required or needed, ongoing,
#: continuing, further work or development, to be embedded; "need" and "require" as verbs, not "the needs of",
#: "a needs assessment", "the requirements"), or a shortfall of the staff the thing needs. The first
#: makes the completion substantial (audit follow-up scales: implemented with minor work remaining; the fourth
#: survey's judging conventions: "implemented but still requiring ongoing development" is substantially complete;
#: the second survey, 2 phrases: "Implemented, but work should continue"); the second, a unit set up but short of
#: staff, part done (the same conventions: partially or substantially by the size of the gap, which a phrase does
#: not give, so the lower).
_GOES_ON = re.compile(r"^(?:[\w-]+\s+){0,4}?(?:still\s+)?(?:requir(?:e|es|ed|ing)\b|(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)need(?:s|ed|ing)?\b(?!\s+(?:of|assessments?)\b)|on-?going|continu\w*|further\s+(?:work|development|action|enhancements?|improvements?|phases?|training|embedding)|"
                      r"more\s+work|yet\s+to\s+be\s+(?:fully\s+)?embedded)\b", re.IGNORECASE)
_SHORTFALL = re.compile(r"^(?:[\w-]+\s+){0,3}?(?:short\s+of\s+(?:staff|\w+\s+staff|personnel|officers)|(?:a\s+)?(?:staff(?:ing)?\s+)?shortfall|"
                        r"under-?staffed|under\s+strength|below\s+(?:establishment|strength)|not\s+(?:yet\s+)?fully\s+(?:staffed|resourced))",
                        re.IGNORECASE)
#: Eighth session: "with only" and what remains ("virtually complete with only signage ongoing") qualifies a completion
#: as "but" does (the fifth survey, 1 phrase; a variant of the rule's "but").
_BUT = re.compile(r",?\s+(?:but|with\s+only)\s+", re.IGNORECASE)
_DONE = re.compile(rf"\b(?:{_alternation(COMPLETION_VERBS + INSTITUTING_VERBS + STATE_PREDICATES)})\b", re.IGNORECASE)


def _qualified(text: str) -> Statement | None:
    """A completion then "but" and work going on or a staff shortfall ("Implemented, but work should continue")."""
    parts = _BUT.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    head, tail = parts
    done = _DONE.search(head)
    if done is None:
        return None
    before = _words(head[: done.start()])
    if _not_asserted(before) or set(before[-3:]) & set(MODALS) or _has(_words(head), NEGATORS) or _has(before, NEGATIVE_SUBJECTS) or _has(before, ("yet",)):
        return None
    verb = " ".join(done.group().split()).casefold()
    if _has(before, INTERMEDIATE_NOUNS) or (verb in INSTITUTING_VERBS and _has(before, REVIEW_NOUNS)) \
            or _a_step(verb, before, _words(head[done.end():])):
        return None  # a step: "a working group has been set up, but more work is needed"
    if _GOES_ON.match(tail.strip()):
        return Statement("substantially", f"qualified: {verb} but work goes on", "qualified")
    if _SHORTFALL.match(tail.strip()):
        return Statement("partial", f"qualified: {verb} but short of staff", "qualified")
    return None


#: Eighth session. A completion verb in the active past or perfect, with its object after it ("In 2008 the authority
#: completed its equality scheme", "the force has achieved the target", "had already completed a review"): the active
#: form of the perfect and passive that :func:`_finite` reads (Quirk et al., ch. 4, the simple past and the present
#: perfect of completed events). Only past forms are listed, so a present ("young people complete their orders")
#: never matches: tense separates a generic statement from a thing done. The object must open with a determiner; a
#: step or part of the work ("completed its first phase", "completed its review of the recommendations", a share
#: "98% of") is not the thing done. The fourth survey, 1 phrase, the fifth 2.
_ACTIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:(?:already|now|also|since|successfully|fully|recently|just|finally)\s+)*)?"
    r"(?P<verb>completed|achieved|implemented|delivered|finalised|finalized|fulfilled|accomplished|concluded|finished)"
    r"\s+(?P<object>(?:its|the|their|his|her|our|this|these|a|an)\s+(?:[\w'’-]+\s*){1,8})", re.IGNORECASE)
#: Parts and stages of work: an object headed or qualified by one is a step along the way.
_PART_OF_WORK = ("phase", "phases", "stage", "stages", "step", "steps", "part", "element", "elements", "first", "initial",
                 "preliminary", "some", "one", "tranche", "module", "modules", "scoping", "consideration",
                 # quantifiers of a part ("a number of improvements", "the majority of the changes": degree, read by
                 # status:substantially's "most of" class or left in progress)
                 "number", "range", "series", "variety", "majority", "minority", "proportion", "few", "several", "many",
                 "most", "half")
#: Quantifiers of a part before the verb ("some boroughs have implemented ...", "only two wards completed ..."; Quirk
#: et al., ch. 5, quantifiers): the doers are part of those who were to act, so the whole is not done (review).
_SOME_OF_THE_DOERS = ("some", "several", "few", "many", "most", "only", "half", "majority", "minority", "number of")
#: Words that end the object's noun phrase: what follows is an adjunct of time, place or manner ("completed its
#: scheme in the first quarter"), not part of the object.
_OBJECT_ENDS = frozenset({"in", "on", "at", "by", "during", "before", "after", "and", "but", "with", "for", "to", "from",
                          "last", "since", "following", "within", "across", "as", "so"})
#: Subjects of a relative clause ("officers who completed the course"): the clause describes, it states no status.
_RELATIVES = ("who", "which", "that", "whom", "whose")
_WHAT_IT_SERVES = re.compile(r"\bof\s+(?:the\s+|these\s+|its\s+|their\s+|our\s+)?(?:[\w-]+\s+)?(?:recommendations?|actions?|"
                             r"progress|implementation|report|plan|findings)\b", re.IGNORECASE)


def _active(clause: str) -> Statement | None:
    """A completion stated by the active past or perfect with doer and object ("the authority completed its scheme")."""
    for match in _ACTIVE.finditer(clause):
        before = _words(clause[: match.start()])
        if not before or _not_asserted(before) or _has(before[-4:], _RELATIVES) or before[-1] in ("is", "are", "was", "were",
                                                                                             "be", "been", "being", "having"):
            continue  # no doer, future or subordinate, a relative clause, or a passive (read by _finite)
        if _has(before[-3:], NEGATORS) or _has(before, NEGATIVE_SUBJECTS) or before[:1] == ["no"]:
            continue
        if _has(before, _SOME_OF_THE_DOERS):
            continue  # only part of those who were to act did it ("some boroughs have implemented the procedure")
        obj = _words(match.group("object"))
        if match.group("object").split()[-1].casefold() in ("of", "on", "for", "to", "with") and not clause[match.end():].strip(" .;"):
            continue  # a stranded preposition: the object is a relative's ("which it has completed its review of")
        obj = obj[:1] + next((obj[1:i] for i in range(1, len(obj)) if obj[i] in _OBJECT_ENDS), obj[1:])
        if _has(obj, _PART_OF_WORK) or _has(obj, INTERMEDIATE_NOUNS) or _WHAT_IT_SERVES.search(match.group("object")) \
                or re.search(r"\d\s*(?:%|per\s*cent|percent)", match.group("object"), re.IGNORECASE):
            continue
        return Statement("complete", f"active: {match.group('verb').casefold()} {' '.join(obj[:3])}", "active")
    return None


def overrides(pattern_notation: str, statement: Statement, without: Iterable[str] = ()) -> bool:
    """Whether the grammar's statement wins over the status of a statuses.ttl pattern that matched the
    same text (:data:`OVERRIDES`; a qualified completion wins over the completion or the work going on that
    its two halves state, :func:`_qualified`)."""
    if statement.feature == "qualified":
        return "qualified" not in set(without) and pattern_notation in ("complete", "in_progress")
    feature = OVERRIDES.get((pattern_notation, statement.notation))
    return feature is not None and feature not in set(without)


def grammar_status(text: str | None, without: Iterable[str] = ()) -> Statement | None:
    """The status a phrase or sentence states by its grammar, or None when it states none.

    A completion qualified by "but" or "with only" is read over the whole text first; otherwise clauses are cut at
    semicolons, colons, slashes, dashes and "but", and the first clause that states a status decides.

    Parameters
    ----------
    text : the status phrase or sentence.
    without : names of :data:`FEATURES` to leave out (for measuring, leave-one-survey-out).

    Returns
    -------
    The :class:`Statement`, or None.

    Examples
    --------
    >>> grammar_status("The revised policy was introduced in 2009.").notation
    'complete'
    >>> grammar_status("A draft policy has been published for consultation.") is None
    True
    >>> grammar_status("The new procedure will be introduced in May.") is None
    True
    >>> grammar_status("None of the recommendations were implemented.") is None
    True
    >>> grammar_status("Independent forensic analysis completed").notation
    'complete'
    """
    if not text or not text.strip():
        return None
    use = frozenset(FEATURES) - frozenset(without)
    if "qualified" in use and (found := _qualified(text)) is not None:
        return found
    previous = ""
    for clause in _CLAUSES.split(text):
        if clause and clause.strip():
            found = _finite(clause, use) or _note(clause, previous, use) or ("active" in use and _active(clause) or None)
            if found is not None:
                return found
            previous = clause
    return None
