"""Where a statement about cited recommendation numbers reaches: quantities, clauses, lead-ins.

The mentions reader (:mod:`recgraph.graph.reading.mentions`) finds numbers cited near the word
"recommendation" and statuses stated near them. This module says which of those belong together,
from the family's conventions (docs/formats.md; trial on unseen papers):

- a number followed by a unit is a quantity ("(3, 6 or 12 months)"), not a recommendation number;
- a status applies to a citation only when stated of it: as its predicate, with the citation as
  its object or as the list it introduces, not as the predicate of another subject in another
  clause ("The guidance will need to be revised when ... Recommendation 17 ... are agreed");
- a line of bare citations takes the status of the heading or lead-in sentence above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: A number list followed by a unit is a quantity, never a list of recommendation numbers: the
#: family cites numbers with the word "recommendation", in brackets or before a status word
#: (docs/formats.md, "Marker / numbering style"; no surveyed citation puts a noun after the number),
#: while periods, shares and counts are written number + unit ("(3, 6 or 12 months)",
#: "64 recommendations", "20 per cent", "12 officers"). The units: time (the timescales papers
#: print), shares, and what the family's papers count (people, posts, places, documents, items).
#: A unit is in lower case: a capitalised word after the number opens a table cell, a heading or a
#: sentence ("Recommendation 12 Action complete", "... Recommendation 3. Members noted ...").
_PERIODS_AND_SHARES = (
    r"per\s*cent|percent"
    r"|(?:calendar\s+|working\s+|financial\s+)?(?:hours?|days?|weeks?|months?|quarters?|years?)|[-\s]?(?:weekly|monthly|yearly)"
)
_COUNTS = (
    r"recommendations?|recs?|officers?|staff|people|persons?|posts?|members?|pages?|paragraphs?|items?|cases?"
    r"|boroughs?|forces?|sites?|units?|stations?|areas?|actions?|times?|million|thousand|hundred|pounds?"
)
QUANTITY = re.compile(rf"\s*(?:%|(?:{_PERIODS_AND_SHARES}|{_COUNTS})\b)")
#: After the word itself ("Recommendation 9 ...") a count unit is the cited recommendation's own
#: words ("Recommendation 9 staff training is complete"): there only periods and shares are quantities
#: ("recommendations 1 to 3 months").
PERIOD = re.compile(rf"\s*(?:%|(?:{_PERIODS_AND_SHARES})\b)")
# A status is the predicate of a clause. A subordinate clause has a subject of its own: a status
# after a subordinating word is said of that subject ("Recommendation 17 will apply once the
# guidance is revised"). Before a citation, a relative clause, a ";" or "and"/"but" with a new noun
# phrase also ends the status's clause ("The guidance will need to be revised when the rules on
# Recommendation 17 are agreed"). After a citation, a relative clause set off by commas is an
# aside about the cited recommendation ("Recommendation 27, which asks for ..., is being piloted")
# and a coordinated clause usually speaks of it again ("...; it was reported complete"), so those
# do not end it (survey fixtures: 9 mentions in 3 papers whose status follows such a clause; the
# rule was written with them open, so they are development data).
_SUBORDINATE = re.compile(
    r"\b(?:when|whenever|until|once|if|unless|because|since|while|whilst|whereas|although|though|pending|where)\b",
    re.IGNORECASE,
)
_OTHER_CLAUSE = re.compile(
    rf"{_SUBORDINATE.pattern}|\b(?:which|who|whose)\b|;|,?\s+(?:and|but)\s+(?:the|a|an|this|its|their|our)\s",
    re.IGNORECASE,
)
# What may stand between a status and the citation it governs as object or list ("signed off
# recommendations 4 and 6", "are complete: 1, 2 and 5", "complete – Rec 3", "sign off as complete
# the following recommendations ...").
_OBJECT_GAP = re.compile(
    r"[\s,:\u2013\u2014-]*(?:(?:of|for|on|the|to|are|is|were|was|as|namely|include|including|following|these|those|all)\b[\s,:]*)*",
    re.IGNORECASE,
)
# A status phrase that opens with a verb is the predicate of the words before it in its clause.
_FINITE = re.compile(
    r"^(?:is|are|be|been|being|was|were|has|have|had|will|would|can|cannot|could|should|must|may|needs?|requires?|remains?"
    r"|now|still|not|also|yet)\b",
    re.IGNORECASE,
)
# Subjects that stand for the cited recommendations ("The following recommendations are complete:").
_RECOMMENDATION_SUBJECT = re.compile(r"\b(?:recommendations?|recs?|they|these|those|both|all|following)\b", re.IGNORECASE)


def stated_after(text: str, end: int, s: int) -> bool:
    """Whether a status after a citation (at ``s``) is stated of it: no subordinate clause between."""
    return not text or not _SUBORDINATE.search(text[end:s])


def stated_before(text: str, s: int, e: int, start: int) -> bool:
    """Whether a status before a citation is stated of it: the citation is its object or the list it
    introduces, or the status's own subject stands for the cited recommendations; never when the
    citation sits in a clause of its own ("... will need to be revised when ... Recommendation 17 ...")."""
    if not text:
        return True
    gap = text[e:start]
    if _OTHER_CLAUSE.search(gap):
        return False
    if _OBJECT_GAP.fullmatch(gap):
        return True
    if not _FINITE.match(text[s:e]):
        return True
    clause = re.split(r"[.;:(\u2013\u2014]|\b(?:and|but)\b", text[:s])[-1]
    return not clause.strip() or bool(_RECOMMENDATION_SUBJECT.search(clause))


#: A lead-in announces the list under it ("The following recommendations are ...", "... as
#: follows:", "... listed below").
ANNOUNCES = re.compile(r"\b(?:the\s+following|as\s+follows|(?:listed|set\s+out|shown)\s+below)\b|:\s*$", re.IGNORECASE)
SECTION_HEADING = re.compile(r"^\s*[A-Z]\.\s+\S")
#: A heading is a short line without closing punctuation (the segmenter's roles.MAX_HEADING_WORDS).
HEADING_WORDS = 16


def paragraphs_above(lines: Sequence[str], first: int, reach: int) -> list[list[str]]:
    """The paragraphs (their stripped lines) within ``reach`` lines above line ``first``, nearest first."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for number in range(first - 1, max(0, first - 1 - reach), -1):
        text = lines[number - 1].strip()
        if text:
            current.insert(0, text)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def governing_status(
    paragraphs: Sequence[Sequence[str]], cites_only: Callable[[str], bool], last_status: Callable[[str], str | None]
) -> str | None:
    """The status a heading or lead-in above a line of bare citations states for the list.

    The family groups recommendation numbers under status headings ("Embedded recommendations",
    "Recommendations needing further work") with a lead-in sentence ("The following recommendations
    are assessed as embedded ..."; trial on unseen papers, 080410/07; part A T5 and part B 080306/04
    group numbers by status in prose). The nearest paragraph above is tried first: a lead-in that
    announces the list gives its last status (the predicate of the sentence, after any aside); one
    without a status passes to the heading above it; sibling lines of citations are passed over;
    anything else (prose, a section heading) governs nothing.

    ``paragraphs`` are those above the list, nearest first (:func:`paragraphs_above`);
    ``cites_only`` tells a sibling line of citations, ``last_status`` gives a text's last status phrase.
    """
    for paragraph in paragraphs:
        text = " ".join(paragraph)
        if SECTION_HEADING.match(text):
            return None
        if cites_only(text):
            continue  # a sibling list under the same heading
        heading = len(paragraph) == 1 and text[-1] not in ".;!?" and len(text.split()) <= HEADING_WORDS
        announces = bool(ANNOUNCES.search(text))
        if not (heading or announces):
            return None
        status = last_status(text)
        if status:
            return status
        if heading:
            return None
    return None
