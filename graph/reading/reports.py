"""Which report a paper tracks, from its words, and one stable key per report across papers.

A paper names the report whose recommendations it tracks in its title, summary and opening
paragraphs ("update on the recommendations of the Halloran Inquiry", "HMIC's inspection report
'Keeping Pace' (2002)", "the call handling best value review", "the MPA Burglary Scrutiny (2007)",
"District Audit report on the 2003/04 policing plan"); :mod:`recgraph.graph.reading.report_names`
finds those names (:func:`~recgraph.graph.reading.report_names.find_candidates`).

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
ISSUER_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ISSUERS]

#: Kinds of report, as the family names them (survey: inquiry, review, scrutiny, inspection, audit,
#: thematic, letter, evaluation, assessment, investigation).
KINDS = ("inquiry", "scrutiny", "inspection", "thematic", "review", "audit", "letter", "evaluation", "assessment", "investigation", "report")
KIND_WORD = re.compile(r"\b(?:" + "|".join(KINDS) + r")\b", re.IGNORECASE)

#: Words that do not tell one report from another in this family: articles and prepositions;
#: issuer and kind words; series words every report of a series shares ("Best Value", "Service
#: Improvement", "Policing London", "Part I"); words about the paper rather than the report
#: ("update", "recommendations", "implementation", "progress"). Each is seen in the survey's name
#: variants as present in one variant and absent in another of the same report.
GENERIC = frozenset(
    """a an the of on in into for to and by from with at its their our this that which regarding
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
#: alone is not a report's name. The status words among them ("implemented", "accepted", "open",
#: "outstanding", ...) say which of a report's recommendations a list holds ("Internal audit – open
#: recommendations"): the family's status wordings (docs/formats.md, part B "Status wordings").
MODIFIERS = frozenset(
    """first second third last latest previous next recent further final closing separate public full joint
    quarterly annual monthly new national own external this that same earlier later high risk high-risk
    implemented accepted awaiting compliance lead year's year
    open outstanding remaining closed completed""".split()
)
#: Distinctive words that name a recurring kind of report rather than one report (the policing
#: and performance plan audited every year, the annual letter, the force inspection): a name made
#: of these only needs its issuer and year to be told apart (survey part B 1.4; part A T2, T21, T22).
PERIODIC = frozenset("plan performance annual letter accounts baseline force year".split())

#: A year, or a span of two: "2000/01", "2000/2001", "2000-1"; Parliament prints its sessions with an
#: en dash ("Session 2007–08", "Session 2019–21": the House's own style on every report's cover).
_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:\s*[/\u2013-]\s*((?:19|20)?\d{1,2}))?\b")
#: How a title names a later report about an earlier one, the earlier one's name being its subject
#: ("The Macpherson Report: Twenty years on", "The Macpherson Report - Ten Years On", "Winning the
#: Race: Revisited", "Progress since the Scarman Report"): the titles Parliament's committees and the
#: inspectorate give a return to a subject years later (the Home Affairs Committee's Macpherson
#: inquiries of 2009 and 2021, HMIC's "Winning the Race" series, survey part A "Report-name
#: variants": "title prefix alone does not identify the report"). Such a name is of the later report
#: and never matches the earlier one's name.
_COUNT = (r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
          r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          r"sixteen|seventeen|eighteen|nineteen)")
YEARS_ON = rf"{_COUNT}\s+years?\s+(?:on|after|later)\b"
LATER = re.compile(rf"\b{YEARS_ON}|\brevisited\b|\bprogress\s+since\b", re.IGNORECASE)


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
    for name, pattern in ISSUER_PATTERNS:
        if pattern.search(text):
            return name
    return None


def guess_kind(text: str) -> str | None:
    found = KIND_WORD.search(text)
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
    part: str | None = None  # the part of a report published in parts ("Part I", "Stockwell 2"), as a number
    later: bool = False  # a later report named after an earlier one, its subject ("X: twenty years on"; LATER)

    @classmethod
    def of(cls, printed: str, issuer: str | None = None, year: str | None = None) -> "ReportName":
        text = " ".join(printed.split())
        bare = re.sub(r"\([A-Z]{3,8}\)", " ", text)  # an acronym in brackets restates the name
        bare = _YEAR.sub(" ", bare)
        words, proper = [], []
        for printed in re.findall(r"[A-Za-z][A-Za-z'’-]*", bare):
            # a closing quote or a plural's apostrophe ("Conversation’", "officers'") is no part of the word
            word = re.sub(r"'s$", "", printed.lower().replace("’", "'")).rstrip("'")
            if word not in GENERIC and word not in words and len(word) > 1:
                words.append(word)
                if printed[0].isupper():
                    proper.append(word)
        return cls(text, issuer or guess_issuer(text), tuple(words), normal_year(year) or normal_year(text), tuple(proper),
                   report_part(text), bool(LATER.search(text)))

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
        if self.part and other.part and self.part != other.part:
            return False  # two parts of one inquiry number their recommendations each from 1
        if self.later != other.later:
            return False  # "X: twenty years on" is a later report than X, whose name it contains
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


#: How the family prints the part of a report published in parts (survey part A "Report-name
#: variants": "WINNING CONSENT Part I"; "The IPCC Stockwell 1 report", "Stockwell 2 IPCC report"): "Part"
#: and a number, a roman numeral or a number word; or a single digit right after a capitalised
#: distinctive word or a kind word ("Inquiry 2"; not "Report 9", the paper's own number). "Stockwell 1 & 2"
#: names two parts at once, so no one part.
_PART_NUMBERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}
_PART = re.compile(r"\bPart\s+(\d{1,2}|[IVX]{1,4}|one|two|three|four|five)\b(?!\s*(?:&|and|,|-|–|to)\s*\w)", re.IGNORECASE)
_NUMBERED = re.compile(r"\b([A-Z][A-Za-z]+)\s+(\d)\b(?!\s*(?:&|and|,|-|–|/|\.\d|to)\s*\w)")


def report_part(text: str) -> str | None:
    """The part of a report a name states, as a number, or None.

    >>> report_part("WINNING CONSENT Part I"), report_part("The IPCC Stockwell 2 report"), report_part("Stockwell 1 & 2")
    ('1', '2', None)
    """
    found = _PART.search(text)
    if found:
        return _PART_NUMBERS.get(found.group(1).lower(), found.group(1).lstrip("0") or None)
    for found in _NUMBERED.finditer(text):
        word = found.group(1).lower()  # a distinctive word or a kind ("Stockwell 1", "Inquiry 2"), not "Report 9"
        if word not in GENERIC or word in KINDS and word != "report":
            return found.group(2)
    return None


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
    >>> derived_key(ReportName.of("The IPCC Stockwell 2 report"))
    'stockwell-part-2'
    """
    words = list(name.words[:KEY_WORDS])
    if name.periodic:
        words = [*(name.issuer.split() if name.issuer else []), *words, *([name.year] if name.year else [])]
    key = slugify(" ".join(words)) if words else slugify(name.printed)
    return f"{key}-part-{name.part}" if name.part and words else key
