"""Lead-ins: the lines that name a paper's recommendations and announce the list after them.

A paper that quotes or lists the recommendations it tracks introduces them with a lead-in that
names them and announces what follows (:mod:`.lists` reads the list itself). This module says
which lines are lead-ins, by which cues (``lead/heading``, ``lead/colon``, ``lead/word``,
``lead/spread``, ``lead/appendix``), and which look-alikes are not: breakdowns by counts, examples
of progress, speech, pointers elsewhere, lists announced as something else.
"""

from __future__ import annotations

import re

from recgraph.graph.reading.segment.items import enumerated
from recgraph.graph.reading.segment.roles import Layout, Line
from recgraph.graph.reading.segment.switches import is_on

#: A lead-in names the recommendations (or an issuer recommending) ...
#: An inspectorate's "areas for improvement" are named with them: HMIC/HMICFRS reports (PEEL and
#: thematic inspections) list causes of concern with their recommendations, and areas for
#: improvement, each one sentence on what the force should do, which forces and police bodies
#: track as they track recommendations (the trial's inspection page; committee papers on HMIC
#: inspections).
#: The issuer's own continuous form names them too ("The steps we are recommending ... are designed
#: to ensure:", a news release by the issuing body listing its recommendations).
_NAMES = re.compile(r"\brecommend(?:ation)?s?\b|\brecommends\b|\brecommending\b|\bareas?\s+for\s+improvement\b", re.IGNORECASE)
#: A back-reference to one recommendation given above: "this recommendation", "that recommendation".
_BACK_REFERENCE = re.compile(r"\b(?:this|that)\s+recommendation\b(?!s)", re.IGNORECASE)
#: ... and announces what follows: a closing colon, or "below", "the following", "as follows", "set out"
#: (the wordings of the survey's introductions; "Following the review, ..." opening a sentence announces nothing).
_ANNOUNCES = re.compile(r":\s*$|\b(?:below|the\s+following|as\s+follows|set\s+out|listed)\b", re.IGNORECASE)
#: Announcing without naming: the naming then sits in the sentence before.
_ANNOUNCES_HERE = re.compile(r":\s*$|\b(?:below|the\s+following|as\s+follows)\b", re.IGNORECASE)
#: An announcement naming another kind of list than the recommendations: a publication's parts
#: (chapters, sections, annexes, contents), what it found (findings, conclusions), its themes or
#: topics, or people and bodies (members, witnesses, panel): the parts of a report a page lists
#: before or beside its recommendations (news items and summaries of inquiry reports).
_OTHER_LIST = re.compile(
    r"\b(?:chapters?|sections?|annex(?:es)?|contents|findings|conclusions|themes|topics|members|witnesses|speakers)\b",
    re.IGNORECASE,
)
#: A sentence closing with a colon that a page sets on a line of its own, short enough to look like a
#: title: it has a verb announcing ("include", "are", "were", "is").
_SENTENCE_LEAD = re.compile(r"\b(?:includes?|included|including|are|were|is|was)\s*:\s*$", re.IGNORECASE)
#: Speech introduced ("Michael Smith, Director, said:"): a quotation follows, not a list.
SPEECH = re.compile(r"\b(?:said|says|added|adds|commented|comments|explained|stated|told|spoke)\b", re.IGNORECASE)
#: A breakdown by counts ("Of the 19 recommendations now complete:", "Of these recommendations,
#: ...") introduces groups of numbers, not the recommendations (survey: status given as counts in
#: 5 part-A and 6 part-B papers; lists of numbers grouped by status, issue 13).
_BREAKDOWN = re.compile(r"^(?:\d{1,3}\.\s+)?Of\s+(?:the|these|those|which)\b", re.IGNORECASE)
#: What the progress on them includes ("Progress against these recommendations so far includes:",
#: "Work on the recommendations has included:"): examples of what was done, not the
#: recommendations (the Morris report's bulleted initiatives after a lead-in; docs/repeats-real-papers.md).
EXAMPLES = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:progress|work|actions?(?:\s+taken)?|steps(?:\s+taken)?|achievements|developments|changes)\b"
    r"[^.]*\binclud(?:e|es|ed|ing)\b",
    re.IGNORECASE,
)
#: A colon's stand-ins closing a lead-in before a list: a semicolon or a dash ("These are;", "In
#: summary these were -"): informal punctuation of the same announcement (the trial's "These are;"),
#: taken only when a list of items follows at once.
_CLOSES_LIKE_COLON = re.compile(r"(?:;|\s[-\u2013\u2014]|[\u2013\u2014])\s*$")
_APPENDIX = re.compile(r"\b(?:appendix|annex)\s+(?P<which>\d{1,2}|[A-Z])\b", re.IGNORECASE)
#: A lead-in pointing elsewhere ("set out in Appendix 1", "attached at Appendix 2") introduces no
#: list on this page.
_ELSEWHERE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:exempt\s+)?(?:appendix|annex|schedule)\b", re.IGNORECASE)

def is_lead_in(layout: Layout, line: Line) -> frozenset[str]:
    """The lead-in cues by which ``line`` names the recommendations and announces the list after it.

    ``lead/heading``: a heading naming them ("Recommendations for this Committee"); ``lead/colon``:
    a line naming them and closing with a colon; ``lead/word``: one announcing them by a word
    ("below", "following", "as follows", "set out"); ``lead/spread``: an announcement whose naming
    sits in the sentence just before ("... the auditor's key recommendations." then "Progress on
    each area is summarised below."). Empty when none holds (or every one that holds is switched off).
    """
    if _BACK_REFERENCE.search(line.text) and not _NAMES.search(_BACK_REFERENCE.sub("", line.text)):
        # it names only "this recommendation", one given above ("The evidence below relates to this
        # recommendation:"): what follows is about that one, not a list of recommendations
        return frozenset()
    if line.role in ("heading", "section"):
        # a title naming them ("Recommendations for this Committee", "D. Progress on the
        # recommendations"); the paper's own "A. Recommendations" is the Members' section
        own = line.role == "section" and any(s.first_line == line.number and s.is_decisions for s in layout.sections)
        if _NAMES.search(line.text):
            return _on({"lead/heading"}) if not own else frozenset()
        if not _SENTENCE_LEAD.search(line.text) or SPEECH.search(line.text):
            return frozenset()
        # a short lead-in sentence closing with a colon, laid out like a title ("Key points in the
        # review include:" after "... the changes he recommends."): a sentence announcing, read as one
    elif line.role not in ("text", "numbered"):
        return frozenset()
    if _BREAKDOWN.match(line.text) or EXAMPLES.match(line.text):
        return frozenset()
    announce = set()
    if line.text.rstrip().endswith(":") or (_CLOSES_LIKE_COLON.search(line.text) and _list_follows(layout, line)):
        announce.add("lead/colon")
    if _ANNOUNCES_HERE.search(line.text.rstrip().rstrip(":")) or (_ANNOUNCES.search(line.text) and not _ELSEWHERE.search(line.text)):
        announce.add("lead/word")
    announce = _on(announce)
    if not announce:
        return frozenset()
    if _NAMES.search(line.text):
        return announce
    before = layout.previous_filled(line.number)
    if _OTHER_LIST.search(line.text):
        # it says what it announces, and that is another kind of list ("the chapters of most
        # interest are:", "The findings include:"): the naming before it is not borrowed
        return frozenset()
    if _ANNOUNCES_HERE.search(line.text) and before is not None and before.role in ("text", "numbered") and _NAMES.search(before.text):
        return _on(announce | {"lead/spread"}) if is_on("lead/spread") else frozenset()
    return frozenset()


def appendix_lead_in(layout: Layout, line: Line) -> Line | None:
    """The heading of the appendix printed on this page that ``line`` says holds the recommendations.

    "Appendix 1 sets out each recommendation ..." with a section "G. Appendix 1" further down: the
    appendix's list is introduced as the recommendations (cue ``lead/appendix``; survey: progress in
    an appendix, 11 part-A papers; here the appendix is printed on the page).
    """
    if not is_on("lead/appendix"):
        return None
    if line.role not in ("text", "numbered") or not _NAMES.search(line.text) or _BREAKDOWN.match(line.text):
        return None
    pointer = _APPENDIX.search(line.text)
    if not pointer:
        return None
    for section in layout.sections:
        title = _APPENDIX.search(section.title)
        if section.first_line > line.number and title and title["which"].lower() == pointer["which"].lower():
            return layout.line(section.first_line)
    return None


def _list_follows(layout: Layout, line: Line) -> bool:
    """Whether the next line is a bullet or an enumerated item (a list starts right after ``line``)."""
    following = layout.next_filled(line.number)
    return following is not None and following.role in ("bullet", "numbered", "that", "text", "marker", "tail") and enumerated(following) is not None


def _on(cues: set[str]) -> frozenset[str]:
    return frozenset(c for c in cues if is_on(c))


__all__ = ["EXAMPLES", "SPEECH", "appendix_lead_in", "is_lead_in"]
