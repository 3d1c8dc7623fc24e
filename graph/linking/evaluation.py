"""Measuring repeat links against reference groups of recommendations that raise the same issue.

A reference group says its members raise one issue; its *pairs* are every two members of
different source reports (repeats never link items of one report). Two precisions are reported:

* ``precision``: among predicted pairs whose both ends are members of some reference group (the
  items the annotator considered), the share that are reference pairs. A reference annotation
  that lists a starting set of groups says nothing about items it never looked at, so pairs that
  touch such items are not counted against the links;
* ``strict_precision``: among all predicted pairs, as if the reference were complete. This is the
  precision of a synthetic corpus, whose planted groups are complete (:func:`planted_groups`).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from recgraph.graph.enrich.model import RecKey

Pair = frozenset[RecKey]


def reference_pairs(groups: Iterable[Sequence[RecKey]]) -> set[Pair]:
    """The cross-report pairs of reference groups.

    >>> sorted(sorted(p) for p in reference_pairs([[("a", "1"), ("a", "2"), ("b", "3")]]))
    [[('a', '1'), ('b', '3')], [('a', '2'), ('b', '3')]]
    """
    return {
        frozenset((x, y)) for group in groups for x, y in itertools.combinations(group, 2) if x[0] != y[0]
    }


def planted_groups(truth: str | Path | dict) -> list[list[RecKey]]:
    """The planted repeat groups of a synthetic corpus's truth.json, as recommendation keys.

    >>> planted_groups({"repeat_groups": [[["00001_x.txt", "audit-2001", "R6"], ["00007_y.txt", "inquiry-2010", "6(b)"]]]})
    [[('audit-2001', 'R6'), ('inquiry-2010', '6(b)')]]
    """
    data = truth if isinstance(truth, dict) else json.loads(Path(truth).read_text(encoding="utf-8"))
    return [[(report, number) for _paper, report, number in group] for group in data["repeat_groups"]]


@dataclass(frozen=True)
class PairScores:
    """Pairwise agreement of predicted links with the reference at one threshold."""

    threshold: float
    predicted: int
    judged: int
    true_positives: int
    reference: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.judged if self.judged else 1.0

    @property
    def strict_precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.reference if self.reference else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_pairs(predicted: Iterable[Pair], groups: Sequence[Sequence[RecKey]], threshold: float = 0.0) -> PairScores:
    """How well predicted pairs agree with reference groups.

    >>> groups = [[("a", "1"), ("b", "1")], [("a", "2"), ("c", "2")]]
    >>> got = score_pairs([frozenset({("a", "1"), ("b", "1")}), frozenset({("a", "2"), ("b", "1")}),
    ...                    frozenset({("a", "3"), ("b", "1")})], groups)
    >>> got.precision, got.strict_precision, got.recall
    (0.5, 0.3333333333333333, 0.5)
    """
    predicted = set(predicted)
    reference = reference_pairs(groups)
    members = {member for group in groups for member in group}
    judged = {pair for pair in predicted if pair <= members}
    return PairScores(threshold, len(predicted), len(judged), len(predicted & reference), len(reference))


def threshold_table(
    scored: Iterable[tuple[Pair, float]], groups: Sequence[Sequence[RecKey]], thresholds: Iterable[float]
) -> list[PairScores]:
    """:func:`score_pairs` of the pairs scoring at least each threshold."""
    scored = list(scored)
    return [score_pairs((pair for pair, score in scored if score >= t), groups, t) for t in thresholds]


# ---------------------------------------------------------------------------------------------
# Pairs judged by reading both texts (tests/linking/judged_pairs.json)


@dataclass(frozen=True)
class JudgedScores:
    """How the reiterates links agree with judged pairs: counts, precision and recall."""

    pairs: int
    judged_reiterates: int
    predicted_reiterates: int
    true_positives: int
    #: Judged pairs that are not reiterates yet linked as reiterates, as (later, earlier) labels.
    false_positives: tuple[tuple[str, str], ...] = ()
    false_negatives: tuple[tuple[str, str], ...] = ()

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_reiterates if self.predicted_reiterates else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.judged_reiterates if self.judged_reiterates else 1.0


def is_development(pair: dict) -> bool:
    """A judged pair both of whose texts are seed papers' (development data); else held out."""
    return "text" not in pair["later"] and "text" not in pair["earlier"]


def judged_results(pairs: Sequence[dict], seeds: Sequence) -> list:
    """The seed papers' records plus one record per judged text that is not a seed's (the fixture
    papers' recommendations, quoted in the judged file with their file and lines), as ReadResults.

    Each quoted text becomes a recommendation of its source report (the part of its label before
    the first slash), made in its year, listed by a paper of that year.
    """
    from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation, SourceReport

    quoted: dict[str, dict] = {}
    for pair in pairs:
        for side in ("later", "earlier"):
            if "text" in pair[side]:
                quoted.setdefault(pair[side]["rec"], pair[side])
    by_report: dict[str, list[dict]] = {}
    for label, side in quoted.items():
        by_report.setdefault(label.partition("/")[0], []).append(side)
    results = list(seeds)
    for report, sides in sorted(by_report.items()):
        year = str(sides[0].get("year") or "")
        source = sides[0].get("source") or report
        paper = Paper(source, "judged", date=f"{year}-12-31" if year else None,
                      source_reports=(SourceReport(report, report, year=year or None),))
        recs = [Recommendation(report, side["rec"].partition("/")[2], side["text"],
                               Provenance(side.get("source") or source, side.get("lines", [1, 1])[0],
                                          side.get("lines", [1, 1])[1], side["text"]))
                for side in sides]
        results.append(ReadResult(paper, recs))
    return results


def judge(links: Iterable, pairs: Sequence[dict]) -> JudgedScores:
    """The reiterates links (any object with source, target, relation, decision) against judged pairs.

    A judged pair counts as predicted reiterates when a link between its two recommendations, in
    either direction, is a ``reiterates`` that is not rejected.
    """
    def key(label: str) -> RecKey:
        report, _, number = label.partition("/")
        return (report, number)

    found = {frozenset((link.source, link.target)) for link in links
             if link.relation == "reiterates" and getattr(link, "decision", "suggested") != "rejected"}
    tp, fp, fn, predicted, truth = 0, [], [], 0, 0
    for pair in pairs:
        labels = (pair["later"]["rec"], pair["earlier"]["rec"])
        said = frozenset(map(key, labels)) in found
        right = pair["judgement"] == "reiterates"
        predicted += said
        truth += right
        tp += said and right
        if said and not right:
            fp.append(labels)
        if right and not said:
            fn.append(labels)
    return JudgedScores(len(pairs), truth, predicted, tp, tuple(fp), tuple(fn))
