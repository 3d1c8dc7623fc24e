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
from recgraph.graph.reading.mention_scope import (
    ANNOUNCES,
    PERIOD,
    QUANTITY,
    governing_status,
    paragraphs_above,
    stated_after,
    stated_before,
)
from recgraph.graph.reading.numbers import canonical_number

# One number: bare or R-prefixed digits with an optional lettered part ("12", "R12", "R.7", "5(b)").
# Three digits at most: the family's largest numbering is 110 (seed 003's paragraph-numbered
# recommendations) and four digits are years.
_NUM = r"(?:R\.?\s?)?(?<!\d)\d{1,3}(?!\d)(?:\s?\([a-z]{1,4}\)|[a-z](?![a-z]))?"
# Separators of numbers in a list or range, as printed across the survey: ",", ", and", "&",
# "and", "or" (", or" too), "/" ("Recs 3/4", "R4/R5"), "to", hyphen, en and em dash (part A T5, T34; part B
# 020418/05, 020919/13, 080306/04; the fixtures' "5–9", "10 to 13", "1,3,4, and 9").
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s*&\s*|\s+and\s+|\s+or\s+|\s*/\s*|\s+to\s+|\s*[-–—]\s*)"
_LIST = rf"{_NUM}(?:{_SEP}{_NUM})*"
# The words that announce a number: "Recommendation(s)", "Rec(s)", "Rec.", and R glued to the
# digits (part A: "Recommendation N", "Rec N", "Rec. N"; part B: "R1", "R1.").
_CITE = re.compile(
    rf"(?:\b(?i:recommendations?|recs?)\.?\s*(?=\d|R\d)|\bR\.?(?=\d))(?P<list>{_LIST})"
)
# Numbers written as words after the word ("Recommendation One", "Recommendations Three and Four"):
# papers that quote a report numbering its recommendations in words cite them so (second trial on
# unseen papers, docs/formats.md); one to twenty, the range such reports number in words.
_WORD_NUMBERS = {w: str(i) for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty".split(), start=1)}
_WORD_NUM = "(?:" + "|".join(_WORD_NUMBERS) + ")"
_CITE_WORDS = re.compile(
    rf"\b(?i:recommendations?)\s+(?P<list>(?i:{_WORD_NUM})(?:(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*and\s+)(?i:{_WORD_NUM}))*)\b"
    rf"(?!\s+(?i:of|by|or\s+more|another)\b)"
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
_RANGE_SEP = re.compile(r"^\s*(?:[-–—]|to)\s*$")
#: Ranges longer than this are taken for something else (a year span, a page range).
MAX_RANGE = 60

# Status wordings, from the survey's lists of verbatim status phrases (part A "Status wordings
# seen", part B "Status wordings"): each keyword below occurs there.
_STATUS_WORDS = (
    r"complete(?:d)?|incomplete|implemented|delivered(?: in full)?|discharged|sign(?:ed)?[- ]off|closed?"
    r"|outstanding|O/S|(?:no )?further (?:work|development|action)|in progress|under way|ongoing|on track|superseded|overtaken|withdrawn"
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
    """Every numbered citation of a recommendation in a paper, one Mention per number, then every
    citation by topic (:func:`recgraph.graph.reading.topics.find_topic_mentions`, ``number`` None).

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
    # Citations by topic (no number): read by their own forms, after the numbered ones.
    from recgraph.graph.reading.topics import find_topic_mentions  # topics builds on this module's helpers

    found.extend(find_topic_mentions(lines, file, paper, records, default_report, report_named, paper_date))
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
        if PERIOD.match(piece.text, match.end("list")):
            continue  # "recommendations 1 to 3 months": a period
        numbers = expand_numbers(match.group("list"))
        if re.match(r"R\.?\d", printed):  # "R12", "R.7": the R is part of the number as printed
            numbers = [n if n.startswith("R") else "R" + n for n in numbers]
        found.append((match.start(), match.end(), printed, numbers, None))
        taken.append((match.start(), match.end()))
    for match in _CITE_WORDS.finditer(piece.text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        numbers = [_WORD_NUMBERS[w.lower()] for w in re.findall(r"[A-Za-z]+", match.group("list")) if w.lower() in _WORD_NUMBERS]
        found.append((match.start(), match.end(), match.group(0), numbers, None))
        taken.append((match.start(), match.end()))
    for pattern in (_LEAD_IN, _BARE_STATUS):
        if pattern is _BARE_STATUS and not _near_recommendations(piece, lines):
            continue
        for match in pattern.finditer(piece.text):
            start, end = match.start("list"), match.end("list")
            if any(s < end and start < e for s, e in taken) or QUANTITY.match(piece.text, end):
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
            if any(s < match.end() and match.start() < e for s, e in taken) or QUANTITY.match(piece.text, match.end("list")):
                continue  # "(3, 6 or 12 months)": periods, not numbers
            numbers = expand_numbers(match.group("list"))
            if len(numbers) < 2 and not match.group("count"):
                continue  # one bare number in brackets is a paragraph or sub-item reference
            lead, tail = match.group("lead"), _STATUS.search(match.group("tail") or "")
            status = _clean(lead) if lead else (_clean(tail.group(0)) if tail else None)
            found.append((match.start(), match.end(), match.group(0), numbers, status or _context_status(piece, lines)))
    if not found and (listed := _bare_list(piece, lines)):
        found.append(listed)
    return sorted(found, key=lambda c: c[0])


def _bare_list(piece: _Piece, lines: Sequence[str]):
    """A line of bare numbers ("2, 5, 9 and 14") right under a lead-in that announces a list of
    recommendations ("The following recommendations are now embedded:"): the status-grouped lists
    of the family (part A T5, part B 080306/04) written one list to a line. Two numbers at least;
    the lead-in's status applies (see _governing_status)."""
    match = re.fullmatch(rf"\s*(?P<list>{_LIST})[\s.;]*", _ITEM.sub("", piece.text))
    if not match:  # the numbers fill the line: nothing (no unit) follows them
        return None
    numbers = expand_numbers(match.group("list"))
    first = piece.lines[0] if piece.lines else 1
    above = paragraphs_above(lines, first, _LEAD_IN_REACH)
    if len(numbers) < 2 or not above or not re.search(r"recommendation", " ".join(above[0]), re.IGNORECASE):
        return None
    if not ANNOUNCES.search(" ".join(above[0])):
        return None
    start = piece.text.index(match.group("list"))
    return (start, start + len(match.group("list")), match.group("list"), numbers, None)


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
    # only when it is stated of the citation, not of another subject (stated_after, stated_before).
    after = [phrase for s, _, phrase in statuses if end <= s < nxt and stated_after(text, end, s)]
    if after:
        return after[0]
    before = [phrase for s, e, phrase in statuses if prev <= s and e <= start and stated_before(text, s, e, start)]
    return before[-1] if before else None


def _cites_only(text: str, start: int, end: int) -> bool:
    """Whether a sentence holds the citation and nothing else (a paragraph number, bullet or full
    stop aside): a line listing numbers under a status heading or lead-in ("Recommendation 2, 5, 9")."""
    rest = _ITEM.sub("", text[:start]) + text[end:]
    return not rest.strip(" \t.,;:")


def _governing_status(piece: _Piece, lines: Sequence[str]) -> str | None:
    """The status a heading or lead-in above a line of bare citations states for the list
    (:func:`~recgraph.graph.reading.mention_scope.governing_status`)."""

    def cites_only(text: str) -> bool:
        cite = _CITE.search(text)
        return bool(cite and _cites_only(text, cite.start(), cite.end()))

    def last_status(text: str) -> str | None:
        found = list(_STATUS.finditer(text))
        return _clean(found[-1].group(0)) if found else None

    first = piece.lines[0] if piece.lines else 1
    return governing_status(paragraphs_above(lines, first, _LEAD_IN_REACH), cites_only, last_status)


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
        return False  # several numbers alone: a list of citations, unless a record heads there (_is_marker)
    return bool(re.match(r"\s*(?:[–—:]|-\s|\.?\s*$)", rest)) and piece.line_at(end) == line


#: The header fields that end a committee page's furniture (survey "Page furniture": the index
#: line and title above them restate, sometimes wrongly, what the paper is about).
HEADER_FIELD = re.compile(r"^\s*(?:Report|Date|By)\s*:", re.IGNORECASE)


def body_start(lines: Sequence[str]) -> int:
    """The first line after the page header ("Report: / Date: / By:"), or 1 when there is none
    within the first 40 lines (a paper without committee-page furniture is read whole)."""
    last = 0
    for number, line in enumerate(lines[:40], start=1):
        if HEADER_FIELD.match(line):
            last = number
    return last + 1 if last else 1
