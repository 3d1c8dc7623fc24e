"""Which report a paper tracks, from its words, and one stable key per report across papers.

A paper names the report whose recommendations it tracks in its title, summary and opening
paragraphs ("update on the recommendations of the Halloran Inquiry", "HMIC's inspection report
'Keeping Pace' (2002)", "the call handling best value review", "the MPA Burglary Scrutiny (2007)",
"District Audit report on the 2003/04 policing plan"). :func:`find_report_names` finds those names.

Different papers print one report's name differently (survey part A, "Report-name variants": HMIC
Winning Consent, Morris, Stop and Search, Talent Management ...; part B section 3: Custody SIR,
RMBVR, CMBVR, District Audit 2001/02 ...). The variants differ in issuer prefixes ("HMIC", "MPA",
"HMIC's"), kind words ("report", "review", "scrutiny", "thematic"), series words ("Policing London",
"Best Value", "Service Improvement"), quotes, case, word order and how the year is written
("2000/01" = "2000/2001"). A :class:`ReportName` reduces a name to what identifies it: the issuer,
the *distinctive* title words (the rest) and the year. Two names match when their issuers and
years do not conflict and one's distinctive words contain the other's (or they share most).

Keys are derived from the name itself (:func:`derived_key`): the distinctive words, in printed
order, and, for a periodic report whose words alone do not identify it (a policing plan, an
annual letter, a force inspection), the issuer and the year. Variants therefore mostly give the same key
by themselves; where they do not, the names matched across papers share the key of the least
specific name (fewest distinctive words, then alphabetical), which does not depend on the order
papers are read in. The register of reports (``reports.toml``) pins a key for the names its
aliases match, and its facts win (see :mod:`recgraph.graph.reading.register`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recgraph.graph.reading.readers.text import slugify

#: Issuers of the family and the words that name them (survey part A T1-T40 and part B 1-41:
#: inspectorate, auditors, complaints commission, the authority and the force, equality body).
ISSUERS = (
    ("HMIC", r"\bHMIC'?s?\b|\bHMI\b|\bHM Inspector(?:ate)?\b"),
    ("IPCC", r"\bIPCC'?s?\b|Independent Police Complaints Commission"),
    ("District Audit", r"\bDistrict Audit(?:or)?'?s?\b"),
    ("Audit Commission", r"\bAudit Commission'?s?\b"),
    ("MPA Internal Audit", r"\bMPA Internal Audit\b|\bInternal Audit\b|\bDARA\b|Directorate of Audit, Risk and Assurance"),
    ("CRE", r"\bCRE\b|Commission for Racial Equality"),
    ("MPA", r"\bMPA'?s?\b|Metropolitan Police Authority"),
    ("MPS", r"\bMPS'?s?\b|Metropolitan Police Service"),
)
_ISSUER_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ISSUERS]

#: Kinds of report, as the family names them (survey: inquiry, review, scrutiny, inspection, audit,
#: thematic, letter, evaluation, assessment, investigation).
KINDS = ("inquiry", "scrutiny", "inspection", "thematic", "review", "audit", "letter", "evaluation", "assessment", "investigation", "report")
_KIND_WORD = re.compile(r"\b(?:" + "|".join(KINDS) + r")\b", re.IGNORECASE)

#: Words that do not tell one report from another in this family: articles and prepositions;
#: issuer and kind words; series words every report of a series shares ("Best Value", "Service
#: Improvement", "Policing London", "Part I"); words about the paper rather than the report
#: ("update", "recommendations", "implementation", "progress"). Each is seen in the survey's name
#: variants as present in one variant and absent in another of the same report.
GENERIC = frozenset(
    """a an the of on in into for to and by from with at its their our this that which
    report reports review reviews inquiry scrutiny inspection inspections thematic audit audits letter evaluation
    assessment investigation panel final published
    hmic hmi hmic's inspector inspectorate ipcc district auditor auditor's commission internal dara mpa mps
    metropolitan police authority service services cre
    best value bvr service improvement sir policing london part i ii iii
    update recommendations recommendation implementation progress plan's action actions monitoring response
    mpa's mps's review's independent
    january february march april may june july august september october november december""".split()
)
#: Words that describe a report of the paper's own series rather than name one ("the first
#: report", "a separate report", "the closing report", "the quarterly audit"): a name made of these
#: alone is not a report's name.
MODIFIERS = frozenset(
    """first second third last latest previous next recent further final closing separate public full joint
    quarterly annual monthly new national own external this that same earlier later high risk high-risk
    implemented accepted awaiting compliance lead year's year""".split()
)
#: Distinctive words that name a recurring kind of report rather than one report (the policing
#: and performance plan audited every year, the annual letter, the force inspection): a name made
#: of these only needs its issuer and year to be told apart (survey part B 1.4; part A T2, T21, T22).
PERIODIC = frozenset("plan performance annual letter accounts baseline force year".split())

_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:\s*[/-]\s*((?:19|20)?\d{1,2}))?\b")


def normal_year(text: str | None) -> str | None:
    """A report's year in one form: "2000/2001", "2000/01", "2000-1" -> "2000-01"; "2005" stays.

    >>> normal_year("2001/2"), normal_year("2000/2001"), normal_year("(MPA, 2005)")
    ('2001-02', '2000-01', '2005')
    """
    if not text:
        return None
    found = _YEAR.search(text)
    if not found:
        return None
    first, second = found.group(1), found.group(2)
    if not second:
        return first
    return f"{first}-{int(second[-2:]):02d}"


def guess_issuer(text: str) -> str | None:
    """The issuer a name states ("HMIC's Open Doors thematic" -> "HMIC"), or None."""
    for name, pattern in _ISSUER_PATTERNS:
        if pattern.search(text):
            return name
    return None


def guess_kind(text: str) -> str | None:
    found = _KIND_WORD.search(text)
    if not found:
        return None
    kind = found.group(0).lower()
    return {"thematic": "inspection", "letter": "audit", "report": None}.get(kind, kind)


@dataclass(frozen=True)
class ReportName:
    """A report's name as printed, reduced to what identifies it."""

    printed: str
    issuer: str | None
    words: tuple[str, ...]
    year: str | None
    proper: tuple[str, ...] = ()  # distinctive words printed with a capital (names, not common words)

    @classmethod
    def of(cls, printed: str, issuer: str | None = None, year: str | None = None) -> "ReportName":
        text = " ".join(printed.split())
        bare = re.sub(r"\([A-Z]{3,8}\)", " ", text)  # an acronym in brackets restates the name
        bare = _YEAR.sub(" ", bare)
        words, proper = [], []
        for printed in re.findall(r"[A-Za-z][A-Za-z'’-]*", bare):
            word = re.sub(r"'s$", "", printed.lower().replace("’", "'"))
            if word not in GENERIC and word not in words and len(word) > 1:
                words.append(word)
                if printed[0].isupper():
                    proper.append(word)
        return cls(text, issuer or guess_issuer(text), tuple(words), normal_year(year) or normal_year(text), tuple(proper))

    @property
    def periodic(self) -> bool:
        return not self.words or set(self.words) <= PERIODIC

    def matches(self, other: "ReportName") -> bool:
        """Whether two names are of one report: no conflict of issuer or year, and the distinctive
        words of one contain the other's (or they share at least two thirds of their union)."""
        if self.issuer and other.issuer and self.issuer != other.issuer and not issuers_related(self.issuer, other.issuer):
            return False
        if self.year and other.year and self.year[:4] != other.year[:4]:
            return False
        mine, theirs = set(self.words), set(other.words)
        if not mine or not theirs:
            return not mine and not theirs and bool(self.year and other.year) and self.issuer == other.issuer
        if (self.periodic or other.periodic) and not (self.year and other.year):
            return False
        if self.periodic and other.periodic:
            return True  # the plan, letter or inspection of one issuer and one year
        smaller = mine if len(mine) <= len(theirs) else theirs
        if (mine <= theirs or theirs <= mine) and (len(smaller) > 1 or smaller <= set(self.proper) | set(other.proper)):
            # one lone common word ("search", "review of the disposal policy") is not enough: a lone
            # word must be a name, printed with a capital ("Whitmore", "Detention")
            return True
        return len(mine & theirs) * 3 >= 2 * len(mine | theirs)


def issuers_related(left: str, right: str) -> bool:
    """Whether two issuers do not conflict: the same, or one renamed as the other, or "MPS", which in
    a report's name is mostly the body inspected ("HMIC report - MPS inspection 2000/01")."""
    if left == right or "MPS" in (left, right):
        return True
    # District Audit became the Audit Commission's audit practice; MPA Internal Audit became DARA
    # (survey part B "Renaming of the issuer"); an MPA scrutiny is printed with "MPS" in its title.
    pairs = {frozenset(("District Audit", "Audit Commission")), frozenset(("MPA", "MPA Internal Audit")), frozenset(("MPA", "MPS"))}
    return frozenset((left, right)) in pairs


#: How many distinctive words a derived key keeps (the survey's longest distinctive titles, such as
#: "Talent Management and Succession Planning", have four).
KEY_WORDS = 4


def derived_key(name: ReportName) -> str:
    """The key a report gets from its own name when no register entry pins one.

    >>> derived_key(ReportName.of("HMIC's Open Doors thematic (2003)"))
    'open-doors'
    >>> derived_key(ReportName.of("Policing London - Winning Consent"))
    'winning-consent'
    >>> derived_key(ReportName.of("District Audit report on the 2003/04 policing plan"))
    'district-audit-plan-2003-04'
    """
    words = list(name.words[:KEY_WORDS])
    if name.periodic:
        words = [*(name.issuer.split() if name.issuer else []), *words, *([name.year] if name.year else [])]
    return slugify(" ".join(words)) if words else slugify(name.printed)


# --- finding names in a paper's text ----------------------------------------------------------

#: The opening of a paper where it says what it tracks: its title, summary and first paragraphs
#: (survey: the report tracked is named there in every paper whose opening was visible).
OPENING_LINES = 60
# Words that say the name after them is the report tracked (survey: "update on the recommendations
# of the X", "progress against the recommendations made by X", "the recommendations in X",
# "arising from X", "response to X", "implementation plan for X", "sign-off of").
_TRACKING = re.compile(
    r"(?:\brecommendations?\s+(?:\w+\s+){0,3}?(?:of|in|from|on|made by|made in|set out in|contained in|arising from)|"
    r"\b(?:arising from|following|response to|implementation of|implementation plan for|progress (?:made )?(?:on|against|in)|"
    r"update on|monitoring of|updates? members on|closing report on|sign-off of))(?:\s+\S+){0,4}\s+$",
    re.IGNORECASE,
)
_QUOTED = r"['‘\"“][^'’\"”\n]{3,90}['’\"”]"
_TOKEN = re.compile(rf"{_QUOTED}|\([^()\n]{{1,80}}\)|[A-Za-z][A-Za-z'’&-]*|(?:19|20)\d\d(?:/\d{{1,4}})?|[^\sA-Za-z]")
#: Words a name never runs across, leftwards or rightwards: articles, pronouns, verbs and the
#: words that introduce a name or count recommendations ("the seven recommendations made by").
_STOP = frozenset(
    """the a an its his her their this that these those which who all each any every both some
    recommendation recommendations made make making set out contained arising from following following
    is are was were be been being has have had will would should may can agreed agree approve note
    update updates progress against on in to for by with at as and or but than
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty
    members committee board paper implementing implementation response responses action
    monitored monitoring through about under produced reported found said asked published""".split()
)
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
    return bool(re.search(r"(?:19|20)\d\d|^\([A-Z][A-Za-z()]{2,9}\)$", token) or _KIND_WORD.search(token))


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
        if low in _AFTER and last + 2 < len(tokens) and _is_word(tokens[last + 2]):
            step = 2
            if tokens[last + 2].lower() == "the" and last + 3 < len(tokens):
                step = 3
            words = 0
            probe = last + step
            while probe < len(tokens) and words < 6 and (
                re.match(r"(?:19|20)\d\d", tokens[probe])
                or _is_word(tokens[probe]) and (tokens[probe].lower() not in _STOP or tokens[probe].lower() in _INNER)
            ):
                probe += 1
                words += 1
            while probe > last + step and tokens[probe - 1].lower() in _INNER:
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
    ("recommendations of", "response to", "arising from", "update on"), +2 in the page header
    (title and index line, before ``body_start``), +1 with an issuer, +1 with a quoted or capitalised
    title word. Names made only of modifiers ("the closing report") are not candidates."""
    out: list[Candidate] = []
    title_at = title_line(lines, body_start)
    for number in range(1, min(len(lines), OPENING_LINES + body_start) + 1):
        line = lines[number - 1]
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
            for index, one in enumerate(_names_in(printed)):
                name = ReportName.of(one)
                if not name.words and not name.year or name.periodic and not name.year:
                    continue
                if name.words and set(name.words) <= MODIFIERS:
                    continue
                if name.words and not name.year and set(name.words) <= _issuer_words(line):
                    continue  # an issuer's name alone ("the Directorate of Audit, Risk and Assurance") names no report
                score = 3 if _TRACKING.search(before[-60:]) and index == 0 else 0
                score += 2 if number == title_at else 0
                score += 1 if name.issuer else 0
                score += 1 if quoted or any(w[:1].isupper() for w in re.findall(r"[A-Za-z]+", one) if w.lower() in name.words) else 0
                out.append(Candidate(name, number, score, main if index else None))
                if index == 0:
                    main = len(out) - 1
    return out


def _issuer_words(line: str) -> set[str]:
    """The words of the issuers' names a line prints ("directorate", "risk", "assurance")."""
    return {word for _, pattern in _ISSUER_PATTERNS for found in pattern.finditer(line)
            for word in ReportName.of(found.group(0)).words}


def title_line(lines: list[str], body_start: int) -> int | None:
    """The paper's title: the last non-blank line above the "Report: / Date: / By:" header (the
    index line above it, "Report N of the ... meeting ...", describes another paper twice in the
    survey's 40, so it never counts as the title)."""
    header = next((n for n in range(1, body_start) if re.match(r"^\s*(?:Report|Date|By)\s*:", lines[n - 1], re.IGNORECASE)), None)
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
