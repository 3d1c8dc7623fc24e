"""Fitting the reiterates decision to analysts' decisions: logistic regression over the similarity parts.

Once analysts have confirmed and rejected enough ``reiterates`` links (:data:`MIN_DECISIONS`, with
both outcomes), :func:`fit_model` fits ``P(confirmed) = 1 / (1 + exp(-(b + w · parts)))`` over the
parts every link carries (:data:`PARTS`: aligned share, words, themes, systems) and reports its
leave-one-out accuracy next to that of the documented rule, so that the analyst can judge whether
it is better. An accepted fit (``recgraph links fit --accept``) is saved beside the decisions
(:data:`MODEL_FILE`) and later builds use it: a pair reiterates when the model gives it at least
0.5 *and* it has aligned wording (the rule that a shared theme or system alone never makes a
repeat is kept whatever the weights).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from recgraph.errors import RecgraphError

__all__ = ["MIN_DECISIONS", "MODEL_FILE", "PARTS", "FitError", "LinkModel", "fit_model", "load_model", "save_model"]

#: The similarity parts the model weighs, in order.
PARTS = ("aligned", "words", "themes", "systems")
#: Decisions needed before a fit is attempted (and both outcomes among them).
MIN_DECISIONS = 20
#: Where an accepted fit is kept, beside the decisions file.
MODEL_FILE = "link-model.json"


class FitError(RecgraphError):
    """Too few decisions to fit, or a model file that cannot be read."""


@dataclass(frozen=True)
class LinkModel:
    """A fitted reiterates decision: intercept and one weight per part, with how it was measured."""

    intercept: float
    weights: tuple[float, ...]
    decisions: int
    confirmed: int
    rejected: int
    #: Leave-one-out accuracy of the fit, and of the documented rule, on the same decisions.
    accuracy: float
    rule_accuracy: float
    parts: tuple[str, ...] = PARTS

    def probability(self, parts: np.ndarray) -> np.ndarray:
        """P(confirmed) of each row of ``parts`` (columns in :data:`PARTS` order)."""
        return 1.0 / (1.0 + np.exp(-(self.intercept + np.asarray(parts, dtype=np.float64) @ np.array(self.weights))))

    def describe(self) -> str:
        terms = " + ".join(f"{w:.3f}*{name}" for w, name in zip(self.weights, self.parts))
        return (f"P(reiterates) = logistic({self.intercept:.3f} + {terms}); fitted to {self.decisions} decisions "
                f"({self.confirmed} confirmed, {self.rejected} rejected); leave-one-out accuracy {self.accuracy:.2f} "
                f"(the documented rule: {self.rule_accuracy:.2f})")


def fit_model(parts: Sequence[Sequence[float]], confirmed: Sequence[bool], rule: Sequence[bool]) -> LinkModel:
    """Fit the model to decided links.

    Parameters
    ----------
    parts : one row per decided link, columns in :data:`PARTS` order.
    confirmed : whether each was confirmed (else rejected).
    rule : whether the documented rule made it a reiterates (for the comparison).

    Raises
    ------
    FitError : fewer than :data:`MIN_DECISIONS` decisions, or only one outcome among them.

    Examples
    --------
    >>> rows = [(0.3, 0.2, 0.5, 0.0)] * 12 + [(0.0, 0.05, 0.8, 0.0)] * 12
    >>> model = fit_model(rows, [True] * 12 + [False] * 12, [True] * 24)
    >>> model.weights[0] > 0, round(model.accuracy, 2), round(model.rule_accuracy, 2)
    (True, 1.0, 0.5)
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneOut, cross_val_predict

    x = np.asarray(parts, dtype=np.float64).reshape(-1, len(PARTS))
    y = np.asarray(confirmed, dtype=bool)
    if len(y) < MIN_DECISIONS or y.all() or not y.any():
        raise FitError(f"a fit needs at least {MIN_DECISIONS} decisions with both outcomes; there are {len(y)} "
                       f"({int(y.sum())} confirmed, {int((~y).sum())} rejected)")
    model = LogisticRegression(C=10.0, max_iter=1000)
    predicted = cross_val_predict(model, x, y, cv=LeaveOneOut())
    model.fit(x, y)
    return LinkModel(float(model.intercept_[0]), tuple(float(w) for w in model.coef_[0]), len(y), int(y.sum()),
                     int((~y).sum()), float((predicted == y).mean()), float((np.asarray(rule, bool) == y).mean()))


def save_model(model: LinkModel, path: str | Path) -> Path:
    """Write an accepted model as JSON."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(model), indent=1) + "\n", encoding="utf-8")
    return path


def load_model(path: str | Path) -> LinkModel | None:
    """The accepted model, or None when there is none.

    Raises
    ------
    FitError : the file cannot be read as a model.
    """
    path = Path(path)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["weights"] = tuple(data["weights"])
        data["parts"] = tuple(data.get("parts", PARTS))
        model = LinkModel(**data)
    except (ValueError, TypeError, KeyError) as error:
        raise FitError(f"{path}: not a link model ({error})") from None
    if model.parts != PARTS:
        raise FitError(f"{path}: fitted over {', '.join(model.parts)}, not {', '.join(PARTS)}")
    return model
