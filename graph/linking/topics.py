"""Which recommendation a mention by topic cites: its topic words against the report's wording.

A paper that cites "the recommendation on stop and search recording" prints no number
(:mod:`recgraph.graph.reading.topics`). The recommendation it cites is one of the same source
report whose wording some paper gives (read in this build: the report's own paper or another
paper tracking it). The rule, the same for every paper:

* the topic's *terms* are its words cut to their stems (:func:`recgraph.graph.linking.terms.term`)
  without English and domain stop words ("stop and search recording" -> stop, search, record);
* a recommendation *holds* the topic when every one of those terms is among the terms of its
  heading and text (all the papers' wordings of it together);
* a citation of one recommendation ("the recommendation on ...") is **resolved** when exactly one
  recommendation of the report holds the topic; a citation of several ("the custody
  recommendations") when at least one holds it and not every recommendation of the report does
  (then the topic picks nothing out);
* otherwise it is **ambiguous** (several hold it; they are listed as candidates) or **unmatched**
  (none holds it, or the report has no recommendation whose wording was read).

No partial overlap counts: a topic is short (one to eight words), and a recommendation that lacks
one of its words is as likely another's as its own, so a guess is never made. Ambiguous and
unmatched mentions are kept and reported (:class:`TopicMatch` with its ``outcome``), never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from recgraph.graph.linking.terms import refresh_equivalents, terms
from recgraph.graph.model import Mention, ReadResult
from recgraph.graph.reading.numbers import canonical_number
from recgraph.graph.reading.topics import is_plural

#: How a resolved mention was matched, as rg:matchedBy says it.
RULE = "topic: every topic term in this recommendation's wording and in no other of its report"
RULE_PLURAL = "topic: every topic term in the wording of these recommendations, not in all of its report"
OUTCOMES = ("resolved", "ambiguous", "unmatched")


@dataclass(frozen=True)
class TopicMatch:
    """What a mention by topic was resolved to.

    ``numbers`` are the canonical numbers it cites (empty unless ``outcome`` is "resolved");
    ``candidates`` the numbers that hold every topic term when it is "ambiguous"; ``index`` its
    1-based place among the paper's topic mentions (it names the mention's node); ``rule`` says how
    it was matched or why not.
    """

    mention: Mention
    paper_file: str
    index: int
    outcome: str
    numbers: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    rule: str = ""
    paper_date: str | None = None

    def describe(self) -> str:
        """One line for a summary: where the mention is, its topic and what became of it."""
        where = f"{Path(self.paper_file).name}:{self.mention.provenance.first_line}"
        said = f"topic mention {self.mention.topic!r} ({where}, report {self.mention.source_report})"
        if self.outcome == "resolved":
            return f"{said} cites recommendation(s) {', '.join(self.numbers)}"
        return f"{said} is {self.outcome}: {self.rule}; kept, not attached"


def topic_terms(text: str | None) -> frozenset[str]:
    """The terms a topic or a wording is compared by.

    >>> sorted(topic_terms("stop and search recording"))
    ['record', 'search', 'stop']
    """
    return frozenset(terms(text or ""))


def resolve_topics(results: Sequence[ReadResult]) -> tuple[TopicMatch, ...]:
    """Every mention by topic in the papers, resolved to the recommendation(s) it cites or not.

    Parameters
    ----------
    results : what was read from every paper of the build (wordings of one report may come from
        another paper than the mention).

    Returns
    -------
    tuple of TopicMatch : one per mention by topic, in paper and reading order.
    """
    if not any(m.number is None and m.topic for result in results for m in result.mentions):
        return ()
    refresh_equivalents()
    wording: dict[str, dict[str, set[str]]] = {}
    for result in results:
        for rec in result.recommendations:
            held = wording.setdefault(rec.source_report, {}).setdefault(canonical_number(rec.number), set())
            held.update(topic_terms(f"{rec.heading or ''} {rec.text}"))
    found = []
    for result in results:
        index = 0
        for mention in result.mentions:
            if mention.number is not None or not mention.topic:
                continue
            index += 1
            match = _resolve(mention, result.paper.file, index, wording.get(mention.source_report, {}))
            found.append(replace(match, paper_date=mention.paper_date or result.paper.date))
    return tuple(found)


def _resolve(mention: Mention, paper_file: str, index: int, wording: dict[str, set[str]]) -> TopicMatch:
    wanted = topic_terms(mention.topic)
    if not wording:
        return TopicMatch(mention, paper_file, index, "unmatched",
                          rule=f"no recommendation of report {mention.source_report} has its wording read")
    if not wanted:
        return TopicMatch(mention, paper_file, index, "unmatched", rule="the topic has no distinctive word")
    holding = tuple(sorted((n for n, held in wording.items() if wanted <= held), key=_order))
    if not holding:
        return TopicMatch(mention, paper_file, index, "unmatched",
                          rule=f"no recommendation of report {mention.source_report} holds every topic word")
    if is_plural(mention):
        if len(holding) == len(wording) and len(holding) > 1:
            return TopicMatch(mention, paper_file, index, "ambiguous", candidates=holding,
                              rule="every recommendation of the report holds the topic words")
        return TopicMatch(mention, paper_file, index, "resolved", numbers=holding, rule=RULE_PLURAL)
    if len(holding) == 1:
        return TopicMatch(mention, paper_file, index, "resolved", numbers=holding, rule=RULE)
    return TopicMatch(mention, paper_file, index, "ambiguous", candidates=holding,
                      rule=f"recommendations {', '.join(holding)} all hold the topic words")


def _order(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10**6, number)
