"""Mentions: recommendations a paper cites by number without giving their wording.

Papers of the family cite tracked recommendations in prose ("Recommendations 4 and 9 are now
complete"), in the paper's own recommendations to Members ("agree that recommendations 1, 2, 4,
6–9 and 14 ... are complete"), in bullets ending "(Recommendation 2)", and in lists of bare numbers
grouped by status ("(2,5,9,14) (3 incomplete- 17,18,27)"). Survey counts: part A, numbers cited in
prose or in own recommendations in 5 of 40 papers, grouped by status in 2; part B, in 5 of 41 plus
one paper mixing them with headings. Each cited number becomes one :class:`Mention`; a range
("5–9", "10 to 13") or a list ("1,3,4, and 9", "4 and 6", "R4/R5", "Recs 3/4") gives one per
number, and a status stated for the group applies to each, kept verbatim.

A record's own marker (the "Recommendation 3 –" that opens it) is not a mention; any other
citation of a number in the same paper is, including one inside another record's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from recgraph.graph.model import Mention, Provenance, Recommendation
from recgraph.graph.reading.numbers import canonical_number

# One number: bare or R-prefixed digits with an optional lettered part ("12", "R12", "R.7", "5(b)").
# Three digits at most: the family's largest numbering is 110 (seed 003's paragraph-numbered
# recommendations) and four digits are years.
_NUM = r"(?:R\.?\s?)?(?<!\d)\d{1,3}(?!\d)(?:\s?\([a-z]{1,4}\)|[a-z](?![a-z]))?"
# Separators of numbers in a list or range, as printed across the survey: ",", ", and", "&",
# "and", "or", "/" ("Recs 3/4", "R4/R5"), "to", hyphen, en and em dash (part A T5, T34; part B
# 020418/05, 020919/13, 080306/04; the fixtures' "5–9", "10 to 13", "1,3,4, and 9").
_SEP = r"(?:\s*,\s*(?:and\s+|&\s*)?|\s*&\s*|\s+and\s+|\s+or\s+|\s*/\s*|\s+to\s+|\s*[-–—]\s*)"
_LIST = rf"{_NUM}(?:{_SEP}{_NUM})*"
# The words that announce a number: "Recommendation(s)", "Rec(s)", "Rec.", and R glued to the
# digits (part A: "Recommendation N", "Rec N", "Rec. N"; part B: "R1", "R1.").
_CITE = re.compile(
    rf"(?:\b(?i:recommendations?|recs?)\.?\s*(?=\d|R\d)|\bR\.?(?=\d))(?P<list>{_LIST})"
)
# Bare numbers in brackets grouped by status, with an optional "N status-" lead ("(3 incomplete-
# 17,18,27)", "(1 yet to be completed- 12.)"): part A T5. Counted only near the word
# "recommendation" (see _near_recommendations).
_BRACKETED = re.compile(
    rf"\((?:(?P<count>\d{{1,3}})\s+(?P<lead>[a-z][a-z' ]{{2,40}}?)\s*[-–:]\s*)?(?P<list>{_LIST})\.?(?P<tail>[^()]{{0,120}})\)"
)
# Bare numbers that follow words naming them ("numbers 1, 3, 5 and 6", "the following
# recommendations of the scrutiny are complete: 1, 2, 5", "Of the 2002/3 recommendations, 2, 5 and
# 8 remain open", "should be linked to 17"): part B 080306/04 and 020418/05, part A T5.
_LEAD_IN = re.compile(
    rf"(?:\b(?i:numbers?)\s+|\b(?i:recommendations)\b[^.:;()]{{0,80}}?[:,]\s+|\b(?i:linked)\s+(?i:to|with)\s+)"
    rf"(?P<list>{_LIST})(?![\d/%])"
)
#: How many lines above a list of bare numbers its lead-in may stand: T5's lead-in heads four themed
#: bullets of two or three lines each.
_LEAD_IN_REACH = 12
#: A number list followed by a unit is a quantity, never a list of recommendation numbers: the
#: family cites numbers with the word "recommendation", in brackets or before a status word
#: (docs/formats.md, "Marker / numbering style"; no surveyed citation puts a noun after the number),
#: while periods, shares and counts are written number + unit ("(3, 6 or 12 months)",
#: "64 recommendations", "20 per cent", "12 officers"). The units: time (the timescales papers
#: print), shares, and what the family's papers count (people, posts, places, documents, items).
_QUANTITY = re.compile(
    r"\s*(?:%|(?i:per\s*cent|percent"
    r"|(?:calendar\s+|working\s+|financial\s+)?(?:hours?|days?|weeks?|months?|quarters?|years?)|[-\s]?(?:weekly|monthly|yearly)"
    r"|recommendations?|recs?|officers?|staff|people|persons?|posts?|members?|pages?|paragraphs?|items?|cases?"
    r"|boroughs?|forces?|sites?|units?|stations?|areas?|actions?|times?|million|thousand|hundred|pounds?)\b)"
)
_RANGE_SEP = re.compile(r"^\s*(?:[-–—]|to)\s*$")
#: Ranges longer than this are taken for something else (a year span, a page range).
MAX_RANGE = 60

# Status wordings, from the survey's lists of verbatim status phrases (part A "Status wordings
# seen", part B "Status wordings"): each keyword below occurs there.
_STATUS_WORDS = (
    r"complete(?:d)?|incomplete|implemented|delivered(?: in full)?|discharged|sign(?:ed)?[- ]off|closed?"
    r"|outstanding|O/S|further (?:work|development|action)|in progress|under way|ongoing|on track|superseded|overtaken|withdrawn"
    # "embedded" (in day-to-day business) and "business as usual": the last grade of the
    # implemented/embedded scale HMIC and the MPS use for recommendations carried into routine
    # practice (trial on unseen papers, docs/formats.md: a status heading and its lead-in, 080410/07)
    r"|embedded|business as usual"
    r"|transferred|not accepted|rejected|accepted|achieved|deferred|delayed|awaits|awaiting|revised"
    r"|referred|(?:remains?|shown as|still|left) open|will be (?:delivered|monitored|reported)|remains? subject to"
)
# Bare numbers followed at once by a status word, in a summary line near recommendation numbers
# ("1, 2 and 4 complete; 3 and 5 transferred; 6 withdrawn"): the status-grouped lists of part A T5
# and part B 080306/04 written without brackets.
_BARE_STATUS = re.compile(
    rf"(?<![\w(£$.,/-])(?<!\d,\s)(?<!\d,)(?P<list>{_LIST})\s+(?=(?:are\s+|is\s+|now\s+)*(?i:{_STATUS_WORDS})\b)"
)
# A later sentence of the same paragraph that speaks of the cited recommendations again and states
# their status ("... (recommendation 3) is now in place. The MPS considers this recommendation
# complete."; "These two recommendations remain in progress").
_ANAPHORA = re.compile(r"\b(?:this|these|both|the two)\b(?:\s+\w+)?\s+recommendations?\b", re.IGNORECASE)
# Words that belong to the statement of status before its keyword ("are now complete", "is not yet
# complete", "need further work", "has been overtaken", "be signed off as complete").
_AUX = (
    r"(?:(?:is|are|be|been|being|has|have|had|was|were|now|also|not|yet|still|remains?|remain|needs?|requires?|"
    r"reported|considered|regarded|substantially|fully|largely|partially|already|as|to|can|cannot|will|should)\s+)*"
)
_STATUS = re.compile(rf"(?<![\w'‘])(?:{_AUX})['‘]?(?:{_STATUS_WORDS})\b(?:\s+(?:by|to|through|before|until|in|at|with)\b[^,;.()]{{0,80}})?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z•(\d'‘\"“])")
# A line that starts a new item: a bullet or a paragraph/list number ("•", "-", "1.", "(a)", "2)").
_ITEM = re.compile(r"^\s*(?:[•·▪\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")


@dataclass(frozen=True)
class _Piece:
    """A sentence of the paper with the line each of its characters came from."""

    text: str
    lines: tuple[int, ...]  # line number of each character of text
    columns: tuple[int, ...]  # column of each character in its line
    paragraph: int = 0  # pieces of one paragraph or list item share it

    def line_at(self, index: int) -> int:
        return self.lines[min(index, len(self.lines) - 1)]


def expand_numbers(printed: str) -> list[str]:
    """The numbers a printed list or range names, each as printed ("R4/R5" -> ["R4", "R5"]).

    >>> expand_numbers("1, 2, 4, 6–9 and 14")
    ['1', '2', '4', '6', '7', '8', '9', '14']
    >>> expand_numbers("R4/R5"), expand_numbers("3/4"), expand_numbers("5(b)")
    (['R4', 'R5'], ['3', '4'], ['5(b)'])
    """
    numbers = [(m.group(0), m.start(), m.end()) for m in re.finditer(_NUM, printed)]
    out: list[str] = []
    for index, (number, start, end) in enumerate(numbers):
        if index and _RANGE_SEP.match(printed[numbers[index - 1][2] : start]):
            low, high = _int(numbers[index - 1][0]), _int(number)
            if low is not None and high is not None and low < high <= low + MAX_RANGE:
                prefix = re.match(r"^(?:R\.?\s?)?", numbers[index - 1][0]).group(0)
                out.extend(f"{prefix}{n}" for n in range(low + 1, high))
        out.append(" ".join(number.split()))
    return out


def _int(number: str) -> int | None:
    digits = re.fullmatch(r"(?:R\.?\s?)?(\d+)", number)
    return int(digits.group(1)) if digits else None


def find_mentions(
    lines: Sequence[str],
    file: str,
    paper: str,
    records: Sequence[Recommendation],
    default_report: str | None,
    report_named: Callable[[str], str | None] | None = None,
    paper_date: str | None = None,
) -> list[Mention]:
    """Every numbered citation of a recommendation in a paper, one Mention per number.

    Parameters
    ----------
    lines : the paper's lines (``lines[0]`` is line 1).
    file, paper : the file (for provenance) and the paper's name (for the mention).
    records : the recommendations read from the paper; their own markers are not mentions.
    default_report : the key of the report a citation belongs to when its words name none.
    report_named : gives the key of the report some words name ("the Open Doors inspection",
        "Whitmore"), or None; the words after "of" and before the marker are tried.
    paper_date : the paper's date, kept on each mention.
    """
    markers = _markers(records, lines)
    sections = sorted((r.provenance.first_line, r.source_report) for r in records)
    found: list[Mention] = []
    pieces = _pieces(lines)
    body = body_start(lines)
    for position, piece in enumerate(pieces):
        cites = _citations(piece, lines)
        if not cites:
            continue
        statuses = [(m.start(), m.end(), _clean(m.group(0))) for m in _STATUS.finditer(piece.text)]
        for index, (start, end, printed, numbers, own_status) in enumerate(cites):
            line = piece.line_at(start)
            if line < body or _is_marker(markers, line, numbers, piece, start, lines) or _heading_form(piece, start, end, lines, numbers):
                continue
            nxt = cites[index + 1][0] if index + 1 < len(cites) else len(piece.text)
            prev = cites[index - 1][1] if index else 0
            status = own_status or _status_for(statuses, end, nxt, prev, start, piece.text)
            if status is None and _cites_only(piece.text, start, end):
                status = _governing_status(piece, lines)
            if status is None and index == len(cites) - 1:
                status = _status_said_again(pieces, position)
            report = _report_for(piece.text, start, end, report_named) or _section_report(sections, line) or default_report
            if report is None:
                continue
            sentence = piece.text.strip()
            last = piece.line_at(len(piece.text) - 1)
            for number in numbers:
                found.append(
                    Mention(
                        source_report=report,
                        number=number,
                        paper=paper,
                        printed=printed,
                        sentence=sentence,
                        provenance=Provenance(file, line, max(line, last), sentence),
                        status_phrase=status,
                        paper_date=paper_date,
                    )
                )
    return found


def _clean(phrase: str) -> str:
    return " ".join(phrase.split()).strip(" ,;:")


def _pieces(lines: Sequence[str]) -> list[_Piece]:
    """Sentences, each within one paragraph or list item (items never run into each other)."""
    pieces: list[_Piece] = []
    text, owners, columns = "", [], []

    def flush() -> None:
        nonlocal text, owners, columns, paragraph
        if text.strip():
            begin = 0
            for cut in [*(m.start() for m in _SENTENCE_END.finditer(text)), len(text)]:
                pieces.append(_Piece(text[begin:cut], tuple(owners[begin:cut]), tuple(columns[begin:cut]), paragraph))
                begin = cut
        text, owners, columns = "", [], []
        paragraph += 1

    paragraph = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or _ITEM.match(line):
            flush()
        if line.strip():
            indent = len(line) - len(line.lstrip())
            if text:
                text += " "
                owners.append(number)
                columns.append(max(0, indent - 1))
            text += line.strip()
            owners.extend([number] * len(line.strip()))
            columns.extend(range(indent, indent + len(line.strip())))
    flush()
    return pieces


def _citations(piece: _Piece, lines: Sequence[str]) -> list[tuple[int, int, str, list[str], str | None]]:
    """(start, end, printed, numbers, status stated inside the citation) in order of the text."""
    found = []
    taken: list[tuple[int, int]] = []
    for match in _CITE.finditer(piece.text):
        printed = match.group(0)
        if _QUANTITY.match(piece.text, match.end("list")):
            continue  # "recommendations 1 to 3 months": a period
        numbers = expand_numbers(match.group("list"))
        if re.match(r"R\.?\d", printed):  # "R12", "R.7": the R is part of the number as printed
            numbers = [n if n.startswith("R") else "R" + n for n in numbers]
        found.append((match.start(), match.end(), printed, numbers, None))
        taken.append((match.start(), match.end()))
    for pattern in (_LEAD_IN, _BARE_STATUS):
        if pattern is _BARE_STATUS and not _near_recommendations(piece, lines):
            continue
        for match in pattern.finditer(piece.text):
            start, end = match.start("list"), match.end("list")
            if any(s < end and start < e for s, e in taken) or _QUANTITY.match(piece.text, end):
                continue
            numbers = expand_numbers(match.group("list"))
            if pattern is _BARE_STATUS and len(numbers) < 2 and start and not re.search(r"[;:]", piece.text):
                continue  # one bare number before a status word is only taken in a summary list
            if pattern is _LEAD_IN and len(numbers) < 2 and not re.match(r"(?i)numbers?|linked", match.group(0)):
                continue  # "Of the 48 recommendations, 27 fall to ...": a count, not a number
            found.append((start, end, match.group("list"), numbers, None))
            taken.append((start, end))
    if _near_recommendations(piece, lines):
        for match in _BRACKETED.finditer(piece.text):
            if any(s < match.end() and match.start() < e for s, e in taken) or _QUANTITY.match(piece.text, match.end("list")):
                continue  # "(3, 6 or 12 months)": periods, not numbers
            numbers = expand_numbers(match.group("list"))
            if len(numbers) < 2 and not match.group("count"):
                continue  # one bare number in brackets is a paragraph or sub-item reference
            lead, tail = match.group("lead"), _STATUS.search(match.group("tail") or "")
            status = _clean(lead) if lead else (_clean(tail.group(0)) if tail else None)
            found.append((match.start(), match.end(), match.group(0), numbers, status or _context_status(piece, lines)))
    return sorted(found, key=lambda c: c[0])


def _near_recommendations(piece: _Piece, lines: Sequence[str]) -> bool:
    """Whether bare bracketed numbers here are recommendation numbers: the word is in the
    sentence or in one of the few lines above (a lead-in such as "Of the 19 recommendations ...:")."""
    if re.search(r"recommendation", piece.text, re.IGNORECASE):
        return True
    first = piece.lines[0] if piece.lines else 1
    return any(re.search(r"recommendation", lines[n - 1], re.IGNORECASE) for n in range(max(1, first - _LEAD_IN_REACH), first))


def _context_status(piece: _Piece, lines: Sequence[str]) -> str | None:
    """The status a lead-in line ending in ":" states for the lists under it ("... now
    considered 'complete':"), looked for in the few lines above the list."""
    first = piece.lines[0] if piece.lines else 1
    for n in range(first - 1, max(0, first - _LEAD_IN_REACH), -1):
        line = lines[n - 1].strip()
        if line.endswith(":"):
            found = list(_STATUS.finditer(line))
            return _clean(found[-1].group(0)) if found else None
    return None


def _status_for(statuses, end: int, nxt: int, prev: int, start: int, text: str = "") -> str | None:
    # The status stated after the citation and before the next one applies to it (and to every
    # number it groups); failing that, one stated before it and after the previous citation. Either
    # only when it is stated of the citation, not of another subject (_stated_after, _stated_before).
    after = [phrase for s, _, phrase in statuses if end <= s < nxt and _stated_after(text, end, s)]
    if after:
        return after[0]
    before = [phrase for s, e, phrase in statuses if prev <= s and e <= start and _stated_before(text, s, e, start)]
    return before[-1] if before else None


# A status is the predicate of a clause. A subordinate clause has a subject of its own: a status
# after a subordinating word is said of that subject ("Recommendation 17 will apply once the
# guidance is revised"). Before a citation, a relative clause, a ";" or "and"/"but" with a new noun
# phrase also ends the status's clause ("The guidance will need to be revised when the rules on
# Recommendation 17 are agreed"). After a citation, a relative clause set off by commas is an
# aside about the cited recommendation ("Recommendation 27, which asks for ..., is being piloted")
# and a coordinated clause usually speaks of it again ("...; it was reported complete"), so those
# do not end it (survey fixtures: 4 mentions whose status follows such a clause).
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


def _stated_after(text: str, end: int, s: int) -> bool:
    """Whether a status after a citation (at ``s``) is stated of it: no subordinate clause between."""
    return not text or not _SUBORDINATE.search(text[end:s])


def _stated_before(text: str, s: int, e: int, start: int) -> bool:
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


def _cites_only(text: str, start: int, end: int) -> bool:
    """Whether a sentence holds the citation and nothing else (a paragraph number, bullet or full
    stop aside): a line listing numbers under a status heading or lead-in ("Recommendation 2, 5, 9")."""
    rest = _ITEM.sub("", text[:start]) + text[end:]
    return not rest.strip(" \t.,;:")


#: A lead-in announces the list under it ("The following recommendations are ...", "... as
#: follows:", "... listed below").
_ANNOUNCES = re.compile(r"\b(?:the\s+following|as\s+follows|(?:listed|set\s+out|shown)\s+below)\b|:\s*$", re.IGNORECASE)
_SECTION_HEADING = re.compile(r"^\s*[A-Z]\.\s+\S")


def _governing_status(piece: _Piece, lines: Sequence[str]) -> str | None:
    """The status a heading or lead-in above a line of bare citations states for the list.

    The family groups recommendation numbers under status headings ("Embedded recommendations",
    "Recommendations needing further work") with a lead-in sentence ("The following recommendations
    are assessed as embedded ..."; trial on unseen papers, 080410/07; part A T5 and part B 080306/04
    group numbers by status in prose). The nearest paragraph above is tried first: a lead-in that
    announces the list gives its last status (the predicate of the sentence, after any aside); one
    without a status passes to the heading above it; sibling lines of citations are passed over;
    anything else (prose, a section heading) governs nothing.
    """
    first = piece.lines[0] if piece.lines else 1
    paragraph: list[str] = []
    number = first - 1
    while number >= max(1, first - _LEAD_IN_REACH) - 1:
        line = lines[number - 1].strip() if number >= 1 else ""
        if line and number >= 1:
            paragraph.insert(0, line)
            number -= 1
            continue
        if paragraph:
            text = " ".join(paragraph)
            if _SECTION_HEADING.match(text):
                return None
            cite = _CITE.search(text)
            if not (cite and _cites_only(text, cite.start(), cite.end())):
                found = list(_STATUS.finditer(text))
                heading = len(paragraph) == 1 and text[-1] not in ".;!?" and len(text.split()) <= 16
                if found and (heading or _ANNOUNCES.search(text)):
                    return _clean(found[-1].group(0))
                if not (_ANNOUNCES.search(text) and not heading):
                    return None
            paragraph = []
        if number < 1:
            return None
        number -= 1
    return None


def _status_said_again(pieces: list[_Piece], position: int) -> str | None:
    """The status a following sentence of the same paragraph states of "this recommendation" or
    "these two recommendations" (the cited ones), when it cites no other number."""
    for piece in pieces[position + 1 : position + 3]:
        if piece.paragraph != pieces[position].paragraph or _CITE.search(piece.text):
            return None
        if _ANAPHORA.search(piece.text):
            found = _STATUS.search(piece.text)
            if found:
                return _clean(found.group(0))
    return None


def _report_for(text: str, start: int, end: int, report_named) -> str | None:
    if report_named is None:
        return None
    after = re.match(r"\s+of\s+(?:the\s+)?((?:[\w'’&-]+\s*){1,8})", text[end:])
    if after:
        key = report_named(after.group(1))
        if key:
            return key
    before = re.search(r"((?:[A-Z][\w'’&-]*\s+){1,4})$", text[max(0, start - 60) : start])
    if before:
        return report_named(before.group(1))
    return None


def _section_report(sections: list[tuple[int, str]], line: int) -> str | None:
    above = [report for first, report in sections if first <= line]
    return above[-1] if above else None


def _markers(records: Sequence[Recommendation], lines: Sequence[str]) -> dict[int, set[str]]:
    """Per line, the canonical numbers of the records whose marker may stand on it."""
    markers: dict[int, set[str]] = {}
    for rec in records:
        if not rec.number:
            continue
        numbers = {canonical_number(n) for n in (rec.covers or expand_numbers(rec.number) or [rec.number])}
        markers.setdefault(rec.provenance.first_line, set()).update(numbers)
    return markers


def _is_marker(markers, line: int, numbers: list[str], piece: _Piece, start: int, lines: Sequence[str]) -> bool:
    """Whether a citation is a record's own marker: it stands on the record's first line and
    names exactly the record's numbers ("• ... (Recommendations 3–5)", "R2" in a table row), or it
    opens that line (after a bullet or paragraph number) and names some of them."""
    own = markers.get(line)
    cited = {canonical_number(n) for n in numbers}
    if not own or not cited & own:
        return False
    if cited == own:
        return True
    column = piece.columns[min(start, len(piece.columns) - 1)]
    return not re.sub(r"^[\s•·▪\-–*]*(?:\(?\d{1,3}[.)]\s*)?", "", lines[line - 1][:column]).strip()


def _heading_form(piece: _Piece, start: int, end: int, lines: Sequence[str], numbers: Sequence[str] = ()) -> bool:
    """Whether a citation has the form of a record's marker even where no record was read (an
    unplaced or duplicated one): it opens its line and stands alone on it or before a dash or colon
    ("Recommendation 3 – text", "Recommendation 1" alone: the dash-heading and bare-numbered-heading
    formats of the survey)."""
    line = piece.line_at(start)
    column = piece.columns[min(start, len(piece.columns) - 1)]
    if re.sub(r"^[\s•·▪\-–*]*(?:\(?\d{1,3}[.)]\s*)?", "", lines[line - 1][:column]).strip():
        return False
    rest = piece.text[end:]
    if len(numbers) > 1 and re.match(r"\s*\.?\s*$", rest):
        return False  # a line of several numbers and nothing else is a list of citations (see _cites_only)
    return bool(re.match(r"\s*(?:[–—:]|-\s|\.?\s*$)", rest)) and piece.line_at(end) == line


#: The header fields that end a committee page's furniture (survey "Page furniture": the index
#: line and title above them restate, sometimes wrongly, what the paper is about).
_HEADER_FIELD = re.compile(r"^\s*(?:Report|Date|By)\s*:", re.IGNORECASE)


def body_start(lines: Sequence[str]) -> int:
    """The first line after the page header ("Report: / Date: / By:"), or 1 when there is none
    within the first 40 lines (a paper without committee-page furniture is read whole)."""
    last = 0
    for number, line in enumerate(lines[:40], start=1):
        if _HEADER_FIELD.match(line):
            last = number
    return last + 1 if last else 1
