"""Finding the names of reports in a paper's text: its title, summary and opening paragraphs.

A paper names the report whose recommendations it tracks in its opening ("update on the
recommendations of the Halloran Inquiry", "HMIC's inspection report 'Keeping Pace' (2002)", "The X
Inquiry report published on 2 February 2004 made 64 recommendations"). :func:`find_candidates` finds
those names and scores how strongly the paper says it tracks each; :mod:`recgraph.graph.reading.reports`
reduces a name to what identifies it and keys it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.mentions import HEADER_FIELD
from recgraph.graph.reading.reports import ISSUER_PATTERNS, KIND_WORD, KINDS, MODIFIERS, YEARS_ON, ReportName, report_part

#: The opening of a paper where it says what it tracks: its title, summary and first paragraphs
#: (survey: the report tracked is named there in every paper whose opening was visible).
OPENING_LINES = 60
# Words that say the name after them is the report tracked (survey: "update on the recommendations
# of the X", "progress against the recommendations made by X", "the recommendations in X",
# "arising from X", "response to X", "implementation plan for X", "sign-off of"; "progress made by
# the MPA regarding X", where "regarding"/"concerning" stand for "on" and the body making progress
# is named between).
_TRACKING = re.compile(
    r"(?:\brecommendations?\s+(?:\w+\s+){0,3}?(?:of|in|from|on|made by|made in|set out in|contained in|arising from)|"
    r"\b(?:arising from|following|response to|implementation of|implementation plan for|progress (?:made )?(?:by (?:the )?\S+ )?(?:on|against|in|regarding|concerning)|"
    r"update on|monitoring of|updates? members on|closing report on|sign-off of))(?:\s+\S+){0,4}\s+$",
    re.IGNORECASE,
)
#: A name that is the subject counting the recommendations ("The X report listed 24
#: recommendations", "The X Inquiry report published on 2 February 2004 made 64 recommendations",
#: "The X made 40 recommendations"): in this family a paper counts the recommendations of the
#: report it tracks (survey: summaries open "The X made N recommendations, of which ..."). What
#: follows the name may say when it was published, whose year is the report's.
_COUNTED = re.compile(
    r"^[,(]?\s*(?:(?:was\s+)?(?:published|issued|presented|submitted|dated)\b(?P<when>[^.;]{0,40}?))?\s*,?\s*"
    r"(?:made|makes|listed|lists|contained|contains|included|includes|set out|sets out|had|has)\s+"
    r"(?:\S+\s+){0,3}?recommendations\b",
    re.IGNORECASE,
)
#: A name qualifying the recommendations it made ("lead on the Ashdown Inquiry recommendations", a
#: heading "The X Inquiry – implementation of recommendations"): the survey's titles and openings name
#: the tracked report so ("Drugs scrutiny recommendations update", "the Stockwell recommendations").
_QUALIFIES = re.compile(
    r"^[-–:]?\s*(?:(?:implementation|progress|update)\s+(?:of|on|against)\s+(?:the\s+)?)?recommendations\b",
    re.IGNORECASE,
)
#: The rest of a later report's title after the earlier report's name, its subject ("The Macpherson
#: Report: Twenty years on", "... - Ten Years On", "Winning the Race: Revisited"; reports.LATER): the
#: name runs on across it, so it names the later report. A span of years in running text without the
#: title's colon or dash ("the Inquiry twenty-two years on") is no part of a name.
_LATER_TITLE = re.compile(rf"^(?:[:\u2013\u2014-]\s*{YEARS_ON}|[:\u2013\u2014-]?\s*revisited\b)", re.IGNORECASE)
_QUOTED = r"['‘\"“][^'’\"”\n]{3,90}['’\"”]"
_TOKEN = re.compile(rf"{_QUOTED}|\([^()\n]{{1,80}}\)|[A-Za-z][A-Za-z'’&-]*|(?:19|20)\d\d(?:/\d{{1,4}})?|[^\sA-Za-z]")
#: Words a name never runs across, leftwards or rightwards: articles, pronouns, verbs and the
#: words that introduce a name or count recommendations ("the seven recommendations made by").
_STOP = frozenset(
    """the a an its his her their this that these those which who all each any every both some
    recommendation recommendations made make making set out contained arising from following following
    is are was were be been being has have had will would should may can agreed agree approve note
    update updates progress against on in to for by with at as and or but than regarding
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty
    members committee board paper implementing implementation response responses action
    monitored monitoring through about under produced reported found said asked published
    listed lists contains included includes makes sets
    since until after before during when while whilst""".split()
)
#: The head of a post, not of a report: "the Director of Internal Audit", "the Head of Audit" name
#: who wrote or leads (the family's bylines and titles name posts so; docs/formats.md front matter).
_POST = frozenset("director head commissioner clerk treasurer chair chairman chairperson chief officer".split())
#: Words that may join the parts of a title ("Inquiry into Grievance Handling", "Review of Fleet
#: Services", "Heard and Counted", "Policing and Performance Plan").
_INNER = frozenset("of into on concerning and in the for".split())
#: Words that continue a name after its kind word: a period or subject, a quoted title, a year.
_AFTER = frozenset("of into on concerning in".split())
_KINDS_SET = frozenset(KINDS)


def _is_word(token: str) -> bool:
    return bool(re.match(r"[A-Za-z]", token))


def _useful_bracket(token: str) -> bool:
    """A bracket that belongs to a name: a year ("(2003)", "(MPA, 2005)"), an acronym ("(SIRII)")
    or an alias naming a report ("(the Halloran Report, 2004)")."""
    return bool(re.search(r"(?:19|20)\d\d|^\([A-Z][A-Za-z()]{2,9}\)$", token) or KIND_WORD.search(token))


def _agent_follows(tokens: list[str], at: int) -> bool:
    """Whether tokens[at] is the "by" of an agent or means inside a title's subject ("Scrutiny of
    Victim Contact by Telephone", "Inquiry into the concerns raised by the Smith family"): "by"
    after a word of the subject and before a word that is not a stop word. A subject's title in
    this family runs on across such a phrase (survey part A "Report-name variants": names cut at
    "by" lose their last distinctive word and match no variant printed whole)."""
    if tokens[at].lower() != "by" or at + 1 >= len(tokens):
        return False
    after = tokens[at + 2] if tokens[at + 1].lower() == "the" and at + 2 < len(tokens) else tokens[at + 1]
    return _is_word(tokens[at - 1]) and _is_word(after) and after.lower() not in _STOP


def _name_around(tokens: list[str], at: int) -> tuple[int, int] | None:
    """The name whose kind word (or quoted title) is tokens[at]: the words before it that are not
    stop words, the "of ..." words after it, a quoted title and a bracketed year or alias."""
    first = at
    while first > 0:
        token = tokens[first - 1]
        low = token.lower()
        if token.startswith(("'", "‘", '"', "“")) and len(token) > 2:
            first -= 1
            continue
        if token in ("-", "–", ":") and first > 1 and _is_word(tokens[first - 2]) and tokens[first - 2][0].isupper():
            first -= 1
            continue
        if token.isdigit() and first > 1 and _is_word(tokens[first - 2]) and tokens[first - 2][0].isupper():
            first -= 1  # the part of a report published in parts ("the IPCC Stockwell 2 report")
            continue
        if not _is_word(token) or low.rstrip("'s’") in _STOP or low in _STOP:
            if low in _INNER and first > 1 and tokens[first - 2][:1].isupper() and tokens[first][:1].isupper():
                first -= 1
                continue
            break
        first -= 1
    last = at
    while last + 1 < len(tokens):
        token = tokens[last + 1]
        low = token.lower()
        if token.startswith(("'", "‘", '"', "“")) and len(token) > 2 or low in _KINDS_SET:
            last += 1
            continue
        if token.startswith("(") and len(token) > 2 and _useful_bracket(token):
            last += 1
            continue
        if low == "part" and last + 2 < len(tokens) and report_part(f"Part {tokens[last + 2]}"):
            last += 2  # "the Stockwell Inquiry Part 2 report"
            continue
        if low in _AFTER and last + 2 < len(tokens) and _is_word(tokens[last + 2]):
            step = 2
            if tokens[last + 2].lower() == "the" and last + 3 < len(tokens):
                step = 3
            words = 0
            probe = last + step
            while probe < len(tokens) and words < 6 and (
                re.match(r"(?:19|20)\d\d", tokens[probe])
                or _is_word(tokens[probe]) and (tokens[probe].lower() not in _STOP or tokens[probe].lower() in _INNER)
                or _agent_follows(tokens, probe)
            ):
                words += tokens[probe].lower() != "by"
                probe += 1
            while probe > last + step and tokens[probe - 1].lower() in _INNER | {"by"}:
                probe -= 1
                words -= 1
            if not words:
                break
            last = probe - 1
            continue
        if re.match(r"(?:19|20)\d\d", token):
            last += 1
            continue
        break
    if first == at and at == last and not tokens[at].startswith(("'", "‘", '"', "“")):
        return None  # a kind word alone ("the review") names no report
    return first, last


@dataclass(frozen=True)
class Candidate:
    """A report name found in a paper: the line, how strongly the paper says it tracks it, and the
    index of the candidate it is an alias of (a bracketed "(the Halloran Report, 2004)")."""

    name: ReportName
    line: int
    score: int
    alias_of: int | None = None


def find_candidates(lines: list[str], body_start: int = 1) -> list[Candidate]:
    """Report names in a paper's opening, scored: +3 after words that introduce a tracked report
    ("recommendations of", "response to", "arising from", "update on") or as the subject that counts
    the recommendations ("The X Inquiry report published on DATE made 64 recommendations"; its year
    is then the report's), +2 in the page header
    (title and index line, before ``body_start``), +1 with an issuer, +1 with a quoted or capitalised
    title word. Names made only of modifiers ("the closing report") are not candidates."""
    out: list[Candidate] = []
    title_at = title_line(lines, body_start)
    for number in range(1, min(len(lines), OPENING_LINES + body_start) + 1):
        line = lines[number - 1]
        if HEADER_FIELD.match(line):
            continue  # "By: Director of Internal Audit" names the paper's author, not a report
        tokens = _TOKEN.findall(line)
        taken_to = -1
        for at, token in enumerate(tokens):
            if at <= taken_to:
                continue
            quoted = token.startswith(("'", "‘", '"', "“")) and len(token) > 2
            if token.lower() not in _KINDS_SET and not quoted:
                continue
            span = _name_around(tokens, at)
            if span is None:
                continue
            taken_to = span[1]
            printed = " ".join(tokens[span[0] : span[1] + 1]).replace(" ,", ",").replace(" :", ":")
            before = " ".join(tokens[max(0, span[0] - 8) : span[0]]) + " "
            main = None
            after = " ".join(tokens[span[1] + 1 :])
            if later := _LATER_TITLE.match(after):
                printed = f"{printed}{'' if later.group(0)[0] in ':' else ' '}{later.group(0)}"
            counted = _COUNTED.match(after)
            qualifies = _QUALIFIES.match(after)
            for index, one in enumerate(_names_in(printed)):
                name = ReportName.of(one, year=counted.group("when") if counted and index == 0 else None)
                if not name.words and not name.year or name.periodic and not name.year:
                    continue
                if name.words and set(name.words) <= MODIFIERS:
                    continue
                if one.split()[0].lower() in _POST or one.split()[0].lower() == "the" and one.split()[1:2] and one.split()[1].lower() in _POST:
                    continue  # a post ("Progress report from the Director of Internal Audit") names no report
                if name.words and not name.year and set(name.words) <= _issuer_words(line):
                    continue  # an issuer's name alone ("the Directorate of Audit, Risk and Assurance") names no report
                score = 3 if (_TRACKING.search(before[-60:]) or counted or qualifies) and index == 0 else 0
                score += 2 if number == title_at else 0
                score += 1 if name.issuer else 0
                score += 1 if quoted or any(w[:1].isupper() for w in re.findall(r"[A-Za-z]+", one) if w.lower() in name.words) else 0
                out.append(Candidate(name, number, score, main if index else None))
                if index == 0:
                    main = len(out) - 1
    return out


def _issuer_words(line: str) -> set[str]:
    """The words of the issuers' names a line prints ("directorate", "risk", "assurance")."""
    return {word for _, pattern in ISSUER_PATTERNS for found in pattern.finditer(line)
            for word in ReportName.of(found.group(0)).words}


def title_line(lines: list[str], body_start: int) -> int | None:
    """The paper's title: the last non-blank line above the "Report: / Date: / By:" header (the
    index line above it, "Report N of the ... meeting ...", describes another paper twice in the
    survey's 40, so it never counts as the title)."""
    header = next((n for n in range(1, body_start) if HEADER_FIELD.match(lines[n - 1])), None)
    if header is None:
        return None
    above = [n for n in range(1, header) if lines[n - 1].strip()]
    return above[-1] if above else None


def _names_in(text: str) -> list[str]:
    """A name and the alias it gives in brackets ("... (the Halloran Report, 2004)")."""
    names = []
    alias = re.search(r"\((?:the\s+)?([A-Z][^()]*?(?:" + "|".join(KINDS) + r")[^()]*)\)\s*$", text, re.IGNORECASE)
    main = text[: alias.start()] if alias else text
    main = main.strip(" ,;:.-–")
    if main:
        names.append(main)
    if alias:
        names.append(alias.group(1).strip(" ,;:."))
    return names
