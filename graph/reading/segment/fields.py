"""Status phrase, owner and timescale of a recommendation, found in its progress text as printed.

Status: the papers state it in a closing sentence of the progress ("Complete.", "Partially
complete.", "Ongoing – completion expected December 2008.", "The MPS considers action to be
complete."), after a label ("Status: complete."), as a response's verdict ("Accepted in part."),
or as a clause ("... is now implemented", "... remains outstanding"). The vocabulary below is the
union of the status wordings the survey recorded (docs/formats.md, "Status wordings") grouped by
meaning: completion, partial or continuing work, waiting on others, not started, acceptance and
closure. When several sentences state a status the last one wins: papers give the history first
and the position now at the end (every per-recommendation fixture format does so).

Owner: "Lead: X", "Owner: X", "Lead officer: X", "Responsible: X", "The lead for this
recommendation is X" (docs/formats.md, "owner sentence per recommendation").
Timescale: "Target date: X", "Deadline: X", "Date: X", "due <month year>" and the target-date
phrases of :func:`~recgraph.graph.reading.readers.webpage.find_timescale`.
"""

from __future__ import annotations

import re

from recgraph.graph.reading.readers.phrases import STATUS_PATTERNS, sentences
from recgraph.graph.reading.readers.webpage import find_timescale

#: A sentence that opens with one of these states a status ("Complete.", "Not yet started.").
_STATUS_OPENING = re.compile(
    r"^(?:status\s*:\s*)?(?:now\s+|fully\s+|largely\s+|substantially\s+|partially\s+|partly\s+)*"
    r"(?:complete[d]?|achieved|implemented|established|met|delivered(?:\s+in\s+full)?|discharged|closed|signed\s+off"
    r"|not\s+(?:yet\s+)?(?:started|complete[d]?|achieved|implemented|accepted|met|agreed)"
    r"|in\s+progress|ongoing|on\s+(?:target|track|schedule|hold)|delayed|deferred|slippage|awaiting|outstanding"
    r"|superseded|withdrawn|rejected|under\s+(?:way|consideration)|no\s+(?:further\s+)?(?:action|progress)"
    r"|tender\s+stage|action\s+(?:now\s+)?complete[d]?|work\s+is\s+in\s+hand|carried\s+forward"
    r"|accepted(?:\s+in\s+(?:part|principle))?|expected\s+completion|open|(?:requires?\s+)?further\s+work)\b",
    re.IGNORECASE,
)
#: Sentences that say it of "this recommendation / action" anywhere in them.
_STATUS_ANYWHERE = (
    re.compile(
        r"\b(?:this|the)\s+(?:recommendation|action|part\s+of\s+the\s+plan)\s+(?:is|has\s+been|as|to\s+be|remains)\b"
        r"[^.]*\b(?:complete[d]?|achieved|implemented|met|carried\s+forward|on\s+hold|outstanding)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bregards?\s+this\s+(?:recommendation|action)\s+as\b", re.IGNORECASE),
    re.compile(r"\bconsiders?\s+this\s+recommendation\s+(?:to\s+be\s+)?complete", re.IGNORECASE),
    re.compile(r"\bno\s+progress\s+can\s+be\s+reported\b", re.IGNORECASE),
)
#: A clause stating the status of the item the sentence is about ("... is now implemented").
_STATUS_CLAUSE = re.compile(
    r"\b(?:is|are|has\s+been|have\s+been|has|remains?)\s+(?:now\s+|not\s+yet\s+|not\s+|yet\s+to\s+be\s+|fully\s+|partially\s+)*"
    r"(?:complete[d]?|implemented|achieved|started|outstanding|under\s+way|on\s+hold)\b",
    re.IGNORECASE,
)
#: Words that say where an item stands when no sentence opens with a status (survey wordings:
#: "awaits", "under way", "subject to ... approval", "deferred", "appointed", "not yet").
#: A verb of completion followed by its object ("complete their orders", "implemented the scheme") says
#: what someone does, not where the item stands: the same guard as status:complete's opening pattern.
_STATUS_WORD = re.compile(
    r"\b(?:awaiting|awaits|under\s+way|on\s+hold|subject\s+to|planned\s+for|delayed|deferred|appointed|not\s+yet"
    r"|(?:complete[d]?|implemented|achieved|established)(?!\s+(?:the|a|an|all|its|their|this|these|those|his|her|our|your)\b)"
    r"|outstanding)\b",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s+[\u2013\u2014-]\s+")
#: Longest sentence read as a status by its opening word (a longer one is progress that starts so).
MAX_STATUS_WORDS = 14

_OWNER_LABEL = re.compile(
    r"\b(?:Lead(?:\s+officer)?|Owner|Action\s+owner|Responsib(?:le|ility)(?:\s+officer)?)\s*:\s*(?P<owner>[^.;\n]+)"
)
_OWNER_SENTENCE = re.compile(
    r"\b(?:the\s+)?(?:lead|owner)\s+(?:for|on|of)\s+this\s+recommendation\s+is\s+(?P<owner>[^.;]+)", re.IGNORECASE
)
_TIMESCALE_LABEL = re.compile(
    r"\b(?:Target\s+date|Deadline|Timescale|Completion\s+date|Date)\s*:\s*(?P<when>[^.;\n]+)", re.IGNORECASE
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DUE = re.compile(rf"\b(?:due|expected|by)\s+(?:in\s+)?(?P<when>(?:\d{{1,2}}\s+)?{_MONTH}\s+\d{{4}})", re.IGNORECASE)


#: A RAG rating alone ("GREEN", "Amber", "RAG status: Red", "Amber/Green"): the red-amber-green
#: grading of action plans and inspection returns (survey: "RAG status" columns; the trial's
#: action plan graded R/A/G), printed as a cell of its own.
RAG = re.compile(
    r"^(?:RAG(?:\s+(?:status|rating))?\s*:?\s*)?(?:red|amber|green)(?:\s*[/-]\s*(?:red|amber|green))?\.?$", re.IGNORECASE
)


def is_status_line(text: str) -> bool:
    """A line that is a status and nothing else ("Complete", "In progress", "Not started", "GREEN"):
    the status cell of a table flattened one cell per line."""
    text = text.strip().rstrip(".")
    match = _STATUS_OPENING.match(text)
    return bool(RAG.match(text) or (match and match.end() == len(text)))


def _is_status(sentence: str) -> bool:
    words = sentence.split()
    if RAG.match(sentence.strip()):
        return True
    if _STATUS_OPENING.match(sentence) and len(words) <= MAX_STATUS_WORDS:
        return True
    return any(p.search(sentence) for p in _STATUS_ANYWHERE) or any(p.search(sentence) for p in STATUS_PATTERNS)


def _without_fields(sentence: str) -> str:
    # "Owner: X. Complete." splits into sentences already; a trailing "Lead: X" inside one is cut off
    return _OWNER_LABEL.split(sentence)[0].strip() if _OWNER_LABEL.search(sentence) else sentence


def find_status(text: str | None) -> str | None:
    """The sentence of ``text`` that states the status now, verbatim, or None.

    >>> find_status("A policy was published in 2007. Complete.")
    'Complete.'
    >>> find_status("Accepted. The counting rules were corrected. Action complete. Owner: Head of unit.")
    'Action complete.'
    >>> find_status("Work continues with the boroughs.") is None
    True
    >>> find_status("Few young adults complete their orders. The service will publish the figures.") is None
    True
    """
    if not text:
        return None
    found = fallback = None
    for sentence in _cells(sentences(text)):
        if _OWNER_LABEL.match(sentence) or _TIMESCALE_LABEL.match(sentence):
            continue
        sentence = _without_fields(sentence)
        if re.match(r"status\s*:", sentence, re.IGNORECASE):
            found = _DASH.split(sentence, maxsplit=1)[0]
        elif sentence and _is_status(sentence):
            found = sentence
        elif sentence and _STATUS_WORD.search(sentence):
            fallback = sentence
    return found or fallback


def _cells(found: list[str]) -> list[str]:
    """Sentences split again at " / ", the separator of a table row's cells flattened to one line."""
    return [cell.strip() for sentence in found for cell in re.split(r"(?:^|\s)/\s+", sentence) if cell.strip()]


def find_status_clause(text: str | None) -> str | None:
    """The first sentence holding a status clause ("... is now implemented; ..."), for one-line items."""
    for sentence in sentences(text or ""):
        if _STATUS_CLAUSE.search(sentence) or _is_status(sentence):
            return sentence
    return None


def find_owner(text: str | None) -> str | None:
    """The owner a "Lead: X" / "Owner: X" label or a "the lead for this recommendation is X" names."""
    if not text:
        return None
    for pattern in (_OWNER_LABEL, _OWNER_SENTENCE):
        if match := pattern.search(text):
            return match["owner"].strip().rstrip(",") or None
    return None


def find_when(text: str | None) -> str | None:
    """The timescale as printed: a labelled date, a "due/expected <month year>", or a target-date phrase."""
    if not text:
        return None
    for pattern in (_TIMESCALE_LABEL, _DUE):
        if match := pattern.search(text):
            return match["when"].strip()
    return find_timescale(text)
