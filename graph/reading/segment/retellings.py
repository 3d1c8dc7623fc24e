"""Recommendations retold in prose: the paper's or the press's words for another report's recommendations.

A tracking paper, a news story or an abstract may give a report's recommendations in its own
sentences: the recommendation as subject ("The main recommendation was that ..."), the issuer in
the past ("The review also recommended that ..."; an inquiry named by its chair where the page names
a report by that name: "Hollis recommended that ...", "Hollis also called for ..."), or indirect
speech ("In a recommendation, the report said ..."). The segmenter tries them only in a paper where
nothing else holds (:data:`~.spans._FALLBACK`); one paragraph may retell several, one record each.
"""

from __future__ import annotations

import re

from recgraph.graph.reading.segment.leads import SPEECH
from recgraph.graph.reading.segment.roles import Layout

#: A recommendation told in the paper's prose: "One of the Inquiry's central recommendations was
#: that ...", "Another recommendation asked that ...", "The review's main recommendation is that
#: ...": the recommendation is the subject and its words the that-clause (issue 13: prose naming a
#: recommendation; the trial's inline paraphrases). Only in a paper where nothing else holds.
PARAPHRASE = re.compile(
    r"\brecommendations?\b[^.;:]{0,40}?\b(?:was|is|were|are|asked|asks|said|says|required|requires|proposed|proposes)"
    r"\s+that\s+(?P<text>\S[^.]*\.?)",
    re.IGNORECASE,
)

#: The issuer as the subject, in the past: "The review also recommended that ...", "The Inquiry
#: recommended that ...": how a tracking paper retells a recommendation of the report it tracks
#: (issue 13: prose naming a recommendation). The issuer is a report or a reviewing body, at the
#: head of its sentence; the paper's own Board or Committee recommending is its own business.
ISSUER_RECOMMENDED = re.compile(
    r"(?:^|[.;]\s+|^\d{1,3}\.\s+)(?:The|This|That|Its|Their|An?)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:review|inquiry|report|panel|scrutiny|inspection|inspectorate|inspectors?|auditors?|audit|HMIC)"
    r"(?:'s|\u2019s)?\s+(?:also\s+|further\s+|then\s+)?recommended\s+that\s+(?P<text>\S[^.]*\.?)",
    re.IGNORECASE,
)

#: A news item's or a summary's retelling in the present or with "calls for" (the press's and the
#: issuing body's own news wording: "The review recommends radical changes to ...", "The Independent
#: Office for Police Conduct (IOPC) is calling for a review of ...", "It calls for a cultural change
#: ..."): the issuer is a report or reviewing body named by its kind, a body named in full with its
#: acronym in brackets (how a news item first names the body that issues), or "It" where the
#: sentence before names such an issuer (:func:`retellings`' ``before``). A call for evidence, views
#: or submissions is not a recommendation; nor is what the paper's own Committee or Members ask.
#: What a paper asks its own Members, Committee, Board or Authority to decide ("This report recommends that Members
#: note ...", "... that the Authority approves the plan") is the paper's business, not a retold recommendation
#: (:data:`.spans.RECOMMENDS` reads it so too). Members are only ever asked to decide; a Committee, Board or
#: Authority is the paper's own when asked with a verb of committee decision (note, agree, approve, endorse,
#: receive, consider, accept, ratify, delegate, comment: the decisions MPA cover sheets ask for), while an
#: outside body may ask it to act ("The inspection recommends that the Authority reviews its oversight").
DECISION_VERBS = r"(?:notes?|agrees?|approves?|endorses?|receives?|considers?|accepts?|ratif(?:y|ies)|delegates?|comments?)"
OWN_BUSINESS = (r"(?!\s+(?:that\s+)?(?:the\s+)?(?:Members?\b|(?:Committee|Board|Authority|Panel)\s+(?:\w+ly\s+)?"
                + DECISION_VERBS + r"\b))")
#: What a call for information asks for: evidence, views, witnesses (an inquiry's or a news item's appeal, not a
#: recommendation).
_APPEALS = r"(?:evidence|views|submissions|comments|information|witnesses)"
#: "Urges" asks as a recommendation does only with a that-clause or an object and its infinitive ("urges the Home
#: Office to fund ...": the verb's complementation, Quirk et al., ch. 16), never "urges caution", and not as an appeal
#: to the public ("urged witnesses to come forward", "urged anyone with information to call": police news wording).
_URGES = r"urge[sd](?=\s+(?:that\b|(?:[\w'\u2019-]+\s+){1,6}?to\s))(?!\s+(?:anyone|anybody|the\s+public|members\s+of\s+the\s+public|people|those|" + _APPEALS + r")\b)"
_ASKING = (
    r"(?:also\s+|further\s+|now\s+)?(?:(?:recommends|recommended)" + OWN_BUSINESS + r"(?:\s+that)?|" + _URGES + r"|(?:calls|called|is\s+calling|has\s+called)\s+for"
    r"(?!\s+" + _APPEALS + r"\b))\s+"
)
_KIND = r"(?:review|inquiry|report|panel|inspection|inspectorate|inspectors?|auditors?|audit|commission|investigation)"
#: The retold words run on over the sentences right after them that prescribe ("should", "must",
#: "needs to"): a news item gives a recommendation's detail so ("The review recommends radical changes
#: to overtime. Casual overtime should be paid at plain time."), never over one retelling another.
#: Nor over speech reported after it ("The Mayor said the police must act"): another speaker's words.
_RUN_ON = (r"(?:\s+(?![^.]*(?:\b(?:recommend\w*|call\w*\s+for)\b|" + SPEECH.pattern + r"))[^.]*\b(?:should|must|needs?\s+to)\b[^.]*\.)*")
ISSUER_ASKS = re.compile(
    r"(?:^|(?<=[.;])\s+)(?:(?:The|This|Its|Their)\s+(?:[\w'\u2019-]+\s+){0,3}?" + _KIND + r"|The\s+(?:[A-Z][\w'\u2019-]*\s+|(?:for|of|on|and)\s+){1,7}\([A-Z]{2,8}\))"
    r"\s+(?:has\s+)?" + _ASKING + r"(?P<text>\S[^.]*\.?" + _RUN_ON + ")"
)
#: "It" as the issuer: only where the sentence or paragraph just before names one by its kind or
#: as "a report by ..." (so "It" is that report), never an "It" of the paper's own business.
IT_ASKS = re.compile(r"(?:^|(?<=[.;])\s+)It\s+" + _ASKING + r"(?P<text>\S[^.]*\.?" + _RUN_ON + ")")
_NAMES_ISSUER = re.compile(r"\b(?:the|a|this|its)\s+(?:[\w'\u2019-]+\s+){0,3}?" + _KIND + r"\b", re.IGNORECASE)


#: A news report's or an abstract's retelling: "In a recommendation, the report said ...", "In
#: its recommendations the inquiry said that ..." (the press's wording for a report's recommendation
#: quoted in indirect speech).
REPORT_SAID = re.compile(
    r"\bIn\s+(?:a|one|another|its|their)\s+(?:of\s+its\s+)?recommendations?,?\s+(?:the|its|this)\s+(?:[\w'\u2019-]+\s+){0,2}?"
    r"(?:review|inquiry|report|panel|inspection|inspectorate|inspectors?|auditors?|audit)\s+(?:said|says|stated|states)"
    r"\s+(?:that\s+)?(?P<text>\S[^.]*\.?)",
    re.IGNORECASE,
)
#: The issuer named by its own name at the head of a sentence ("Scarman recommended that ...",
#: "Lord Scarman also called for ..."): abstracts and news stories name an inquiry by its chair. The
#: name counts only where the page names the report by it too ("the Scarman report", "Casey's
#: review": :func:`named_issuers`), so a sentence opening with any other capitalised word ("Members
#: recommended that ...") is not taken. "Called for" is the press's word for recommending; a call
#: for evidence, views or submissions is not a recommendation.
_TITLES = r"(?:(?:Lord|Lady|Sir|Dame|Baroness|Baron|Judge|Justice|Professor|Dr\.?)\s+)?"
_CALLED_FOR = r"called\s+for\s+(?!" + _APPEALS + r"\b)"
_NAMED = r"(?:^|(?<=[.;])\s+)" + _TITLES + r"(?P<name>[A-Z][a-z]+)\s+(?:also\s+|further\s+)?(?:recommended\s+that\s+|" + _CALLED_FOR + r")(?P<text>\S[^.]*\.?)"
NAMED_REPORT = re.compile(r"\b(?P<name>[A-Z][a-z]{2,})(?:'s|\u2019s)?\s+(?:report|inquiry|review)\b")
_NOT_NAMES = {"The", "This", "That", "Its", "Their", "Our", "His", "Her", "Members", "Committee", "Authority", "Annual", "Final", "Interim"}


def named_issuers(texts) -> frozenset[str]:
    """The names a page gives a report by ("the Scarman report", "Casey's review"): its issuers' names."""
    return frozenset(m["name"] for text in texts for m in NAMED_REPORT.finditer(text) if m["name"] not in _NOT_NAMES)


def retellings(text: str, names: frozenset[str] = frozenset(), before: str = "") -> list[re.Match]:
    """Every recommendation retold in a paragraph of prose, in printed order, none overlapping.

    ``before``: the paragraph printed just before, where an "It" retelling may find its issuer.
    """
    found = [m for pattern in (PARAPHRASE, ISSUER_RECOMMENDED, REPORT_SAID, ISSUER_ASKS) for m in pattern.finditer(text)]
    found += [m for m in IT_ASKS.finditer(text) if _issuer_before(text[: m.start()], before)]
    if names:
        found += [m for m in re.finditer(_NAMED, text) if m["name"] in names]
    kept: list[re.Match] = []
    for match in sorted(found, key=lambda m: (m.start("text"), -m.end())):
        if not kept or match.start("text") >= kept[-1].end("text"):
            kept.append(match)
    return kept


def _issuer_before(head: str, before: str) -> bool:
    """Whether the last sentence before an "It" (in its paragraph, else the paragraph before) names an issuer."""
    sentences = [s for s in re.split(r"(?<=[.;])\s+", head.strip()) if s] or [
        s for s in re.split(r"(?<=[.;])\s+", before.strip()) if s
    ]
    return bool(sentences) and bool(_NAMES_ISSUER.search(sentences[-1]))


def text_before(layout: Layout, number: int) -> str:
    """The text of the line printed just before line ``number`` (where an "It" retelling finds its issuer)."""
    previous = layout.previous_filled(number)
    return previous.text if previous is not None else ""


def first_retelling(text: str, names: frozenset[str] = frozenset(), before: str = "") -> re.Match | None:
    """The first recommendation retold in a paragraph of prose (:func:`retellings`), or None."""
    found = retellings(text, names, before)
    return found[0] if found else None


__all__ = ["ISSUER_ASKS", "ISSUER_RECOMMENDED", "IT_ASKS", "PARAPHRASE", "REPORT_SAID", "first_retelling", "named_issuers", "retellings", "text_before"]
