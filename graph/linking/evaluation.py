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
