"""Mentions by topic: recommendations a paper cites by what they are about, without number or wording.

Papers of the family cite a tracked recommendation by its topic as well as by its number ("the
recommendation on stop and search recording has been implemented", "the custody recommendations
have been signed off", "the remaining recommendations – on the telephone investigation bureaux –
are progressing"): the survey counts papers that cite recommendations "by number or topic only" in
10 of 81 (docs/formats.md, mentions-in-prose), and the topic forms it saw are the two below
(docs/formats.md, "Mentions by topic"). Each citation becomes one :class:`Mention` with ``number``
None and ``topic`` the topic words as printed; which recommendation it cites is decided at linking
(:mod:`recgraph.graph.linking.topics`), against the wording of the report's recommendations.

Two general forms, both a phrase naming a recommendation of the tracked report plus a topic:

* *about*: "the recommendation(s) on / about / concerning / regarding / relating to / in relation
  to / dealing with / covering X" (an optional dash before the preposition);
* *before*: "the X recommendation(s)", X one to four lower-case words ("the custody
  recommendations", "the stop and search recording recommendation").

Not read: the paper's own recommendations to Members (its "A. Recommendation(s)" section, and any
sentence "That Members note/agree ..." or "Members are asked to ..."), which the survey finds in 74
of 81 papers and which are never tracked recommendations; generic references whose words name no
topic ("the recommendations in this report", "the remaining recommendations", "the HMIC
recommendations", "the review recommendations"); and a topic that comes with a number (the number
is read by :mod:`recgraph.graph.reading.mentions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from recgraph.graph.model import Mention, Provenance, Recommendation
from recgraph.graph.reading import mentions as _numbered

# The prepositions that join a topic to "recommendation(s)" ("the recommendation on X"): the plain
# English ways of saying "about"; the survey's topic citation (part B 050119/05a) uses "on" after a
# dash, and "relating to" in the same paper; the issue names "on" and "about".
_PREPOSITIONS = r"on|about|concerning|regarding|relating\s+to|related\s+to|in\s+relation\s+to|dealing\s+with|covering"
_ABOUT = re.compile(
    rf"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?P<mods>(?:[\w'’-]+\s+){{0,3}}?)(?P<word>[Rr]ecommendations?)"
    rf"\s*(?:[–—-]\s*)?(?:{_PREPOSITIONS})\s+(?P<topic>[^.;:,()–—\[\]]+)"
)
# "the X recommendation(s)": X in lower case, so that a report or its issuer (capitalised: "the
# Stephen Lawrence Inquiry Report recommendations", "the thirteen District Audit
# recommendations", both in the survey's openings) is never taken for a topic.
_BEFORE = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]hese|[Tt]hose)\s+(?P<topic>(?:[a-z][a-z'’-]*\s+){1,4}?)(?P<word>recommendations?)\b(?![\s(]*\d)"
)
# Words that end a topic phrase: the verb of the sentence and what opens a clause. A topic is a
# noun phrase; the citation's verb ("has been implemented") and the status are not part of it.
_TOPIC_END = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|shall|can|could|should|may|might|must|be|been|being|remains?|"
    r"remained|now|which|who|whose|that|because|since|where|when|while|as|but|so|and\s+(?:has|have|is|are|was|were|will))\b"
    rf"|\b(?:{_numbered._STATUS_WORDS})\b",
    re.IGNORECASE,
)
#: Longest topic kept, in words: the topic glosses of the survey run to six words.
MAX_TOPIC_WORDS = 8
# Words that say which or how many recommendations, or their state, and name no topic: counts,
# ordinals, order, age and place words, status words, and the priority grades audits give ("five
# high-risk recommendations", part B's audit follow-ups). They may stand before a topic ("the two custody
# recommendations") but are not part of it.
_QUANTIFIERS = frozenset(_numbered._WORD_NUMBERS) | frozenset(  # one to twenty, as citations by number word read them
    """
    all any both each every few many most several some other others same such various certain
    thirty forty fifty sixty seventy eighty ninety hundred
    first second third fourth fifth last final next previous earlier later former latter original initial
    remaining outstanding open closed completed complete implemented agreed accepted rejected proposed draft
    revised new old above below following preceding foregoing said relevant individual specific particular
    key main major minor principal core wider general detailed further additional supplementary
    statutory non-statutory substantive remainder rest oldest newest latest earliest
    high-risk medium-risk low-risk high medium low priority urgent critical essential desirable
    """.split()
)
# Words naming the kinds of report and body, the bodies recommendations are addressed to ("the
# police recommendations" are those made to the police: part A's "55 recs, 32 to MPS", the
# scrutinies' "recommendations for the MPS and other organisations"), the parts of a document, and
# the verbs that make or hold recommendations: "the review recommendations" are those of the review, "the recommendations
# on page 4" are placed, not about something; "the review makes recommendations" cites none.
_NOT_TOPIC = frozenset(
    """
    report reports paper papers review reviews audit audits inspection inspections inquiry inquiries scrutiny
    scrutinies panel committee authority board plan plans action actions improvement improvements
    recommendation recommendations page pages appendix appendices annex annexes paragraph paragraphs table
    tables section sections agenda item items list lists matter matters issue issues subject subjects point points
    chapter chapters part parts document documents this that these those it its them which whom
    mps mpa hmic ipcc dara bvr sir
    police service services force forces government partner partners agency agencies organisation organisations
    metropolitan national local london
    """.split()
)
_VERBS = frozenset(
    """
    make makes made making give gives gave given set sets contain contains contained include includes included
    produce produces produced listed implement implements adopt adopts adopted endorse endorses
    reported mentioned cited quoted discussed debated publicised publicized noted welcomed criticised criticized
    praised known important significant notable controversial widely highly particularly especially much
    """.split()
)
# (The last two lines: words that say how a recommendation was received or reported, not what it is
# about: "the most widely reported recommendation was Recommendation One" cites by number, not topic;
# second trial on unseen papers, docs/formats.md.)
_GENERIC = _QUANTIFIERS | _NOT_TOPIC | _VERBS
# English function words: neither topic nor count ("the use of", "stop and search").
ENGLISH_STOP_WORDS = frozenset(
    """
    a an the of to for in on at by with from and or nor as into onto upon about over under between within
    without across through during after before against among per via than then also not no
    its their our his her my your we they he she you i me us them him
    """.split()
)
# A sentence that is the paper's own recommendation to Members (survey: "That Members note ...",
# "Members are asked to note ...", in 74 of 81 papers).
_TO_MEMBERS = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:That\s+)?(?:the\s+)?(?:Members|Committee|Authority)\b"
                         r"(?:\s+(?:are|is)\s+(?:asked|invited|requested))?\s+(?:to\s+)?"
                         r"(?:note|agree|approve|endorse|consider|receive|sign|accept|support|comment)", re.IGNORECASE)
# The paper's own recommendations section and the heading that ends it ("A. Recommendation(s)",
# then "B. Supporting information"): the survey's page furniture.
_OWN_SECTION = re.compile(r"^\s*A\.?\s+Recommendations?\b", re.IGNORECASE)
_NEXT_SECTION = re.compile(r"^\s*(?:[B-H]\.?\s+[A-Z]|(?:Supporting|Support)\s+information\b|Background\b)", re.IGNORECASE)
#: Longest run of the own section when no next heading ends it: in the survey's openings the
#: paper's own recommendations are the heading, "That" and a few numbered items (up to about a dozen
#: lines with their blank lines); a paper whose "B." heading is missing must not lose its body.
_OWN_REACH = 20


def find_topic_mentions(
    lines: Sequence[str],
    file: str,
    paper: str,
    records: Sequence[Recommendation],
    default_report: str | None,
    report_named: Callable[[str], str | None] | None = None,
    paper_date: str | None = None,
) -> list[Mention]:
    """Every citation of a recommendation by its topic, one Mention each (``number`` None).

    Parameters are those of :func:`recgraph.graph.reading.mentions.find_mentions`.
    """
    sections = sorted((r.provenance.first_line, r.source_report) for r in records)
    own = _own_section(lines)
    body = _numbered.body_start(lines)
    pieces = _numbered._pieces(lines)
    found: list[Mention] = []
    for position, piece in enumerate(pieces):
        if "ecommendation" not in piece.text or _TO_MEMBERS.match(piece.text):
            continue
        cites = _citations(piece.text)
        if not cites:
            continue
        statuses = [(m.start(), m.end(), _numbered._clean(m.group(0))) for m in _numbered._STATUS.finditer(piece.text)]
        for index, (start, end, topic, mods) in enumerate(cites):
            line = piece.line_at(start)
            if line < body or line in own or (report_named and report_named(topic)):
                continue  # a topic that names a report ("the race and faith recommendations") is that report
            nxt = cites[index + 1][0] if index + 1 < len(cites) else len(piece.text)
            prev = cites[index - 1][1] if index else 0
            status = _numbered._status_for(statuses, end, nxt, prev, start, piece.text)
            if status is None and index == len(cites) - 1:
                status = _numbered._status_said_again(pieces, position)
            report = (
                (report_named(mods) if report_named and re.search(r"[A-Z]", mods) else None)
                or _numbered._report_for(piece.text, start, end, report_named)
                or _numbered._section_report(sections, line)
                or default_report
            )
            if report is None:
                continue
            sentence = piece.text.strip()
            last = piece.line_at(len(piece.text) - 1)
            found.append(Mention(
                source_report=report, number=None, paper=paper, printed=piece.text[start:end].strip(),
                sentence=sentence, provenance=Provenance(file, line, max(line, last), sentence),
                status_phrase=status, topic=topic, paper_date=paper_date,
            ))
    return found


def is_plural(mention: Mention) -> bool:
    """Whether a topic mention cites several recommendations ("the custody recommendations")."""
    return bool(re.search(r"recommendations\b", mention.printed, re.IGNORECASE))


def _own_section(lines: Sequence[str]) -> set[int]:
    """The line numbers of the paper's own "A. Recommendation(s)" section, heading included."""
    start, found = None, set()
    for number, line in enumerate(lines, start=1):
        if _OWN_SECTION.match(line):
            start = number
        elif start is not None and (_NEXT_SECTION.match(line) or number - start > _OWN_REACH):
            start = None
        if start is not None:
            found.add(number)
    return found


def _citations(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, topic as printed, words between the determiner and "recommendation") in order."""
    found: list[tuple[int, int, str, str]] = []
    numbered = [m.start() for m in _numbered._CITE.finditer(text)]
    for match in _ABOUT.finditer(text):
        topic = _topic_words(match.group("topic"))
        if topic is None or not _named(match.group("mods")):
            continue
        end = match.start("topic") + match.group("topic").find(topic) + len(topic)
        if any(match.start() <= s <= end + 6 for s in numbered):
            continue  # the topic comes with a number: the number is read, not the topic
        found.append((match.start(), end, topic, match.group("mods")))
    for match in _BEFORE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, _, _ in found):
            continue
        words = _words(match.group("topic"))
        lead = 0
        while lead < len(words) and (_generic(words[lead]) and words[lead].lower() not in _NOT_TOPIC | _VERBS
                                     or words[lead].lower() in ENGLISH_STOP_WORDS):
            lead += 1  # counts and order words before the topic are not topic
        topic_words = words[lead:]
        if not topic_words or any(_generic(w) or w.endswith(("'s", "’s")) for w in topic_words):
            continue
        if topic_words[-1].lower() in ENGLISH_STOP_WORDS:
            continue
        topic = " ".join(topic_words)
        if any(match.start() <= s <= match.end() + 6 for s in numbered):
            continue
        found.append((match.start(), match.end(), topic, ""))
    return sorted(found)


def _named(mods: str) -> bool:
    # Words between "the" and "recommendation" may name the report or its issuer ("the HMIC
    # recommendation on ..."): capitalised words and possessives are allowed there, with counts and
    # order words; any other word ("the report makes recommendations on") is not a citation.
    return all((w[:1].isupper() or w.endswith(("'s", "’s")) or _generic(w) or w.lower() in ENGLISH_STOP_WORDS)
               and w.lower() not in _VERBS for w in _words(mods))


def _generic(word: str) -> bool:
    """Whether a word names no topic; a compound of such words is one too ("twenty-four")."""
    word = word.lower()
    return word in _GENERIC or ("-" in word and all(part in _GENERIC for part in word.split("-")))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _topic_words(raw: str) -> str | None:
    """The topic phrase of an *about* citation: up to the sentence's verb, at most
    MAX_TOPIC_WORDS words, without a leading article or trailing joining words; None when it
    names no topic (a page, this report, "which")."""
    cut = _TOPIC_END.search(raw)
    phrase = raw[: cut.start()] if cut else raw
    words = _words(phrase)[:MAX_TOPIC_WORDS]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    while words and words[-1].lower() in ENGLISH_STOP_WORDS:
        words = words[:-1]
    if not words or _generic(words[0]) or any(re.search(r"\d", w) for w in words):
        return None
    content = [w for w in words if w.lower() not in ENGLISH_STOP_WORDS and not _generic(w)]
    if not content:
        return None
    start = phrase.find(words[0])
    end = phrase.find(words[-1], start) + len(words[-1])
    return " ".join(phrase[start:end].split())
