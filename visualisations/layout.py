"""Positions computed before the page opens, so the browser never runs a force simulation on a large graph.

Force layouts cost O(n²) per step (networkx's spring layout took 14 s on 2,000 nodes here), so only
the few hub nodes (themes, systems, owners) are laid out with :func:`networkx.spring_layout`; the
recommendations around each hub are placed on a sunflower spiral (even density, no overlap) and the
clusters are then pushed apart until none overlap.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np

GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
#: Hub graphs larger than this are placed on a circle instead of by force (spring layout is O(n²)).
SPRING_LIMIT = 300


def sunflower(count: int, spacing: float, inner: float = 0.0) -> np.ndarray:
    """Offsets of ``count`` points on a sunflower spiral around (0, 0), ``spacing`` apart, none within ``inner``.

    Returns
    -------
    numpy.ndarray of shape (count, 2).

    Examples
    --------
    >>> points = sunflower(50, 10.0, inner=30.0)
    >>> points.shape, bool((np.hypot(*points.T) >= 30.0).all())
    ((50, 2), True)
    """
    start = (inner / spacing) ** 2 if spacing else 0.0
    index = np.arange(count, dtype=float)
    radius = spacing * np.sqrt(index + start + 0.5)
    angle = index * GOLDEN_ANGLE
    return np.column_stack((radius * np.cos(angle), radius * np.sin(angle)))


def sunflower_radius(count: int, spacing: float, inner: float = 0.0) -> float:
    """The radius of the disc :func:`sunflower` fills with ``count`` points (``inner`` if none).

    >>> sunflower_radius(0, 10.0, inner=5.0)
    5.0
    """
    if count == 0:
        return inner
    return spacing * math.sqrt((count - 1) + (inner / spacing) ** 2 + 0.5) if spacing else inner


def hub_centres(graph: nx.Graph, seed: int = 0, weight: str | None = "weight") -> dict[Hashable, np.ndarray]:
    """Unit-scale positions of a small hub graph: spring layout up to :data:`SPRING_LIMIT` nodes, else a circle.

    Isolated hubs are placed by the layout too (spring layout spreads them around the rest).
    """
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    if len(nodes) <= SPRING_LIMIT:
        return {n: np.asarray(p, dtype=float) for n, p in nx.spring_layout(graph, seed=seed, weight=weight).items()}
    angles = np.linspace(0.0, 2.0 * math.pi, len(nodes), endpoint=False)
    return {n: np.array([math.cos(a), math.sin(a)]) for n, a in zip(nodes, angles)}


def separate(centres: Mapping[Hashable, np.ndarray], radii: Mapping[Hashable, float], gap: float = 40.0,
             iterations: int = 200) -> dict[Hashable, tuple[float, float]]:
    """Scale unit-scale ``centres`` to pixels and push the discs of ``radii`` apart until none overlap.

    The relative arrangement (which hubs sit near which) is kept as far as the sizes allow.

    Parameters
    ----------
    centres : key -> position at unit scale (e.g. from :func:`hub_centres`).
    radii : key -> radius in pixels of the cluster drawn around that centre.
    gap : pixels kept free between two discs.
    iterations : at most this many push passes (each is O(n²) over the discs; n is the hubs, not the nodes).

    Returns
    -------
    dict : key -> (x, y) in pixels.

    Examples
    --------
    >>> out = separate({"a": np.zeros(2), "b": np.array([0.01, 0.0])}, {"a": 50.0, "b": 50.0}, gap=10.0)
    >>> abs(out["a"][0] - out["b"][0]) >= 109.9
    True
    """
    keys = list(centres)
    if not keys:
        return {}
    points = np.array([centres[k] for k in keys], dtype=float)
    sizes = np.array([radii[k] for k in keys], dtype=float)
    if len(keys) > 1:
        # First a uniform scale that gives the discs, on average, room to sit where the layout put them.
        spread = float(np.ptp(points, axis=0).max()) or 1.0
        needed = math.sqrt(float(np.sum((2.0 * sizes + gap) ** 2))) * 1.2
        points = (points - points.mean(axis=0)) * (needed / spread)
        rng = np.random.default_rng(0)
        for _ in range(iterations):
            delta = points[:, None, :] - points[None, :, :]
            distance = np.hypot(delta[..., 0], delta[..., 1])
            minimum = sizes[:, None] + sizes[None, :] + gap
            np.fill_diagonal(distance, np.inf)
            overlap = np.clip(minimum - distance, 0.0, None)
            if not overlap.any():
                break
            # Coincident points get a random direction so they can part.
            stuck = distance < 1e-6
            if stuck.any():
                points += rng.normal(scale=1.0, size=points.shape) * stuck.any(axis=1)[:, None]
                continue
            push = (delta / distance[..., None]) * (overlap / 2.0)[..., None]
            points += push.sum(axis=1)
    return {k: (float(p[0]), float(p[1])) for k, p in zip(keys, points)}


def rows(widths: list[float], max_width: float, gap: float = 40.0) -> list[tuple[float, float]]:
    """Left-to-right, top-to-bottom placement of discs of diameter ``widths``: their centres.

    >>> rows([100.0, 100.0, 100.0], max_width=250.0, gap=10.0)
    [(50.0, 50.0), (160.0, 50.0), (50.0, 160.0)]
    """
    centres, x, y, line = [], 0.0, 0.0, 0.0
    for width in widths:
        if x and x + width > max_width:
            x, y, line = 0.0, y + line + gap, 0.0
        centres.append((x + width / 2.0, y + width / 2.0))
        x += width + gap
        line = max(line, width)
    return centres
