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
_CALLED_FOR = r"called\s+for\s+(?!(?:evidence|views|submissions|comments|information|witnesses)\b)"
_NAMED = r"(?:^|(?<=[.;])\s+)" + _TITLES + r"(?P<name>[A-Z][a-z]+)\s+(?:also\s+|further\s+)?(?:recommended\s+that\s+|" + _CALLED_FOR + r")(?P<text>\S[^.]*\.?)"
NAMED_REPORT = re.compile(r"\b(?P<name>[A-Z][a-z]{2,})(?:'s|\u2019s)?\s+(?:report|inquiry|review)\b")
_NOT_NAMES = {"The", "This", "That", "Its", "Their", "Our", "His", "Her", "Members", "Committee", "Authority", "Annual", "Final", "Interim"}


def named_issuers(texts) -> frozenset[str]:
    """The names a page gives a report by ("the Scarman report", "Casey's review"): its issuers' names."""
    return frozenset(m["name"] for text in texts for m in NAMED_REPORT.finditer(text) if m["name"] not in _NOT_NAMES)


def retellings(text: str, names: frozenset[str] = frozenset()) -> list[re.Match]:
    """Every recommendation retold in a paragraph of prose, in printed order, none overlapping."""
    found = [m for pattern in (PARAPHRASE, ISSUER_RECOMMENDED, REPORT_SAID) for m in pattern.finditer(text)]
    if names:
        found += [m for m in re.finditer(_NAMED, text) if m["name"] in names]
    kept: list[re.Match] = []
    for match in sorted(found, key=lambda m: (m.start("text"), -m.end())):
        if not kept or match.start("text") >= kept[-1].end("text"):
            kept.append(match)
    return kept


def first_retelling(text: str, names: frozenset[str] = frozenset()) -> re.Match | None:
    found = retellings(text, names)
    return found[0] if found else None


def paraphrased(text: str, names: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(the recommendation's words, the rest of the paragraph) of a prose paraphrase, or None."""
    match = first_retelling(text, names)
    return (match["text"].strip(), text[match.end() :].strip()) if match else None


__all__ = ["ISSUER_RECOMMENDED", "PARAPHRASE", "REPORT_SAID", "first_retelling", "named_issuers", "paraphrased", "retellings"]
