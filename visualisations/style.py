"""Colours, shapes and sizes shared by every view, so that a status or an edge kind looks the same
on every page.

Statuses are the prefLabels of the status scheme (ontology/statuses.ttl); a label outside it gets a
neutral grey rather than failing, since the analyses pass whatever the graph holds.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

#: One colour per status concept of ontology/statuses.ttl (a test checks that every prefLabel has one and
#: that no two share it), from done (greens; a proposed closure teal, done but not yet decided) through
#: under way and waiting (amber, purple) to not started (red) and not accepted (dark brown), with the
#: closed-without-implementation superseded in blue-grey. The order is the legend's.
STATUS_COLOURS: dict[str, str] = {
    "complete": "#2e7d32",
    "proposed for closure": "#00897b",
    "substantially complete": "#66bb6a",
    "partially complete": "#c0ca33",
    "in progress": "#f9a825",
    "awaiting external action": "#8e24aa",
    "not started": "#e53935",
    "not accepted": "#4e342e",
    "superseded or subsumed": "#78909c",
    "unknown": "#bdbdbd",
}
OTHER_COLOUR = "#9e9e9e"

#: Edge kinds of the recommendation graph (the analyses' contract) and how each is drawn.
EDGE_STYLES: dict[str, dict] = {
    "reiterates": {"color": "#1565c0", "dashes": False, "label": "reiterates (repeat)"},
    "dependsOn": {"color": "#c62828", "dashes": False, "label": "depends on"},
    "refersTo": {"color": "#6d4c41", "dashes": True, "label": "refers to"},
    "partOf": {"color": "#6a1b9a", "dashes": False, "label": "part of"},
    "subsumedInto": {"color": "#546e7a", "dashes": True, "label": "subsumed into"},
    "mentionsSystem": {"color": "#ef6c00", "dashes": False, "label": "mentions system"},
    "theme": {"color": "#c5cae9", "dashes": False, "label": "has theme"},
    "owner": {"color": "#b2dfdb", "dashes": False, "label": "owned by"},
    # Aggregated views only: hubs joined by how many recommendations they share (width: how many).
    "cooccurs": {"color": "#9fa8da", "dashes": False, "label": "share recommendations (width: how many)"},
    "aggregate": {"color": "#bdbdbd", "dashes": False, "label": "recommendations (width: how many)"},
}

#: vis-network shape per node kind; recommendations are dots, hubs have shapes of their own.
KIND_SHAPES: dict[str, str] = {
    "recommendation": "dot",
    "theme": "diamond",
    "system": "square",
    "programme": "triangle",
    "report": "box",
    "owner": "star",
}
KIND_COLOURS: dict[str, str] = {
    "theme": "#3949ab",
    "system": "#ef6c00",
    "programme": "#6a1b9a",
    "report": "#455a64",
    "owner": "#00897b",
}

#: A categorical palette (colour-blind aware first, then lighter tints) for source reports.
PALETTE: tuple[str, ...] = (
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#332288",
    "#117733", "#882255", "#44aa99", "#999933", "#aa4499", "#6699cc", "#dd7788", "#88ccee",
    "#ddcc77", "#661100", "#4477aa",
)  # fmt: skip


def status_colour(status: str | None) -> str:
    """The colour of a status prefLabel (grey for an unknown or missing one).

    >>> status_colour("complete"), status_colour(None) == status_colour("unknown")
    ('#2e7d32', True)
    """
    return STATUS_COLOURS.get((status or "unknown").strip().lower(), OTHER_COLOUR)


def category_colours(values: Iterable[str | None], limit: int = len(PALETTE)) -> tuple[dict[str, str], int]:
    """Give the ``limit`` most frequent values a palette colour each; the rest share grey.

    Parameters
    ----------
    values : one value per item (e.g. each node's source report); None counts as a value of its own.
    limit : how many distinct colours at most (the palette's length by default).

    Returns
    -------
    (dict, int) : value -> colour for the coloured values, and how many values share the grey.

    Examples
    --------
    >>> colours, rest = category_colours(["a", "b", "a", "c"], limit=2)
    >>> colours, rest
    ({'a': '#0072b2', 'b': '#e69f00'}, 1)
    """
    counts = Counter(v for v in values if v is not None)
    ranked = sorted(counts, key=lambda v: (-counts[v], v))
    chosen = ranked[: min(limit, len(PALETTE))]
    return {value: PALETTE[i] for i, value in enumerate(chosen)}, len(ranked) - len(chosen)


def hub_size(count: int, smallest: float = 14.0) -> float:
    """Radius of a node standing for ``count`` recommendations: grows with the square root, so area ~ count.

    >>> hub_size(0), hub_size(100)
    (14.0, 54.0)
    """
    return smallest + 4.0 * math.sqrt(max(count, 0))
