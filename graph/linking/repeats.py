"""Repeats: recommendations of different source reports that raise the same issue.

The score of a pair is one number between 0 and 1, the cosine similarity of weighted feature
vectors (:data:`WEIGHTS`)::

    score = 0.7 * cos(words) + 0.2 * cos(themes) + 0.1 * cos(systems)

* words: TF-IDF over the heading and text (counted twice: what a recommendation asks for
  matters more than how its progress is told) and the progress, with light stemming, English and
  :data:`DOMAIN_STOP_WORDS` removed and sublinear term frequency;
* themes and systems: the enrichment's tags, IDF-weighted, so sharing a rare theme (grievances)
  counts for more than sharing a common one (diversity & equality).

The three blocks are concatenated (each scaled by the square root of its weight) into one sparse
matrix, so one sparse dot product gives the combined score. Candidates are each recommendation's
:data:`NEIGHBOURS` best-scoring recommendations of *other* source reports, computed a block of
rows at a time by sparse products that stay sparse (never an all-pairs matrix); from
``RepeatOptions.blocking_from`` items on, the search for candidates uses each item's strongest
distinctive features only (:func:`candidate_pairs`). Candidates are then scored exactly, and a
pair is a repeat when its score reaches :data:`THRESHOLD`, chosen from the precision/recall table
in docs/enrichment.md.

Direction is by date (:mod:`.dates`): the later recommendation ``reiterates`` the earlier. A repeat
is "recurring despite closure" when the earlier one was marked complete by a paper dated before
the year the later one's report was made.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from recgraph.graph.enrich.model import Enrichment, RecKey, update_key
from recgraph.graph.enrich.words import stem
from recgraph.graph.linking.dates import Made, parse_year
from recgraph.graph.model import ReadResult

#: Weights of the word, theme and system similarities in the score (they sum to 1).
WEIGHTS = {"words": 0.7, "themes": 0.2, "systems": 0.1}
#: Score from which a pair is a repeat (see the table in docs/enrichment.md).
THRESHOLD = 0.21
#: Candidates kept per recommendation before the threshold.
NEIGHBOURS = 10
#: Words every paper uses whatever the issue: the apparatus of reports and progress papers.
DOMAIN_STOP_WORDS = frozenset(
    """recommendation recommendations complete completed progress mps mpa metropolitan police service hm hmi
    hmic inspector inspectorate para paragraph members invited agree update updated challenges next steps means
    ensure considers""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_DERIVED = ("ational", "ations", "ation", "itions", "ition", "ions", "ion", "ively", "ive", "ities", "ity", "ness", "ally", "al", "ly", "ate", "at")


@lru_cache(maxsize=262144)
def term(word: str) -> str:
    """The term a word counts as for similarity: its stem, without derivational endings.

    Coarser than :func:`~recgraph.graph.enrich.words.stem` (used for theme labels) on purpose:
    for similarity, "evaluation" and "evaluating" should meet.

    >>> term("evaluation") == term("evaluating"), term("appraisals")
    (True, 'apprais')
    """
    word = stem(word)
    for suffix in _DERIVED:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_STOP = frozenset(term(w) for w in ENGLISH_STOP_WORDS | DOMAIN_STOP_WORDS)


def terms(text: str) -> list[str]:
    """The terms of a text, stop words and words under three letters left out."""
    return [t for t in map(term, _WORD.findall(text)) if len(t) > 2 and t not in _STOP]


@dataclass(frozen=True)
class RepeatOptions:
    """How repeats are found; the defaults are the documented ones."""

    threshold: float = THRESHOLD
    neighbours: int = NEIGHBOURS
    weights: tuple[float, float, float] = (WEIGHTS["words"], WEIGHTS["themes"], WEIGHTS["systems"])
    rows_per_block: int = 512
    #: From this many items on, candidates are looked for through distinctive features only
    #: (blocking): features held by more than ``blocking_df`` of the items (at least
    #: MIN_BLOCKING_DF items) are left out of the search, and each item is searched by its
    #: ``features_per_item`` strongest remaining features. Below it the search is exact.
    blocking_from: int = 5000
    blocking_df: float = 0.002
    features_per_item: int = 8


@dataclass(frozen=True)
class Item:
    """A recommendation as repeat detection sees it."""

    key: RecKey
    text: str
    themes: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    made: Made = field(default_factory=lambda: Made(None, None))
    #: Date of the earliest paper that marked it complete, if any.
    closed_on: str | None = None


@dataclass(frozen=True)
class Repeat:
    """``source`` (the later recommendation) reiterates ``target`` (the earlier), with evidence."""

    source: RecKey
    target: RecKey
    score: float
    word_similarity: float
    theme_similarity: float
    system_similarity: float
    shared_terms: tuple[str, ...]
    shared_themes: tuple[str, ...]
    shared_systems: tuple[str, ...]
    direction: str
    recurring_despite_closure: bool = False
    closure: str | None = None

    @property
    def pair(self) -> frozenset[RecKey]:
        return frozenset((self.source, self.target))

    def evidence(self) -> str:
        """A one-line human-readable account of why the link was made."""
        parts = [
            f"score {self.score:.3f} = {WEIGHTS['words']}*words {self.word_similarity:.3f}"
            f" + {WEIGHTS['themes']}*themes {self.theme_similarity:.3f} + {WEIGHTS['systems']}*systems {self.system_similarity:.3f}",
            f"shared terms: {', '.join(self.shared_terms) or 'none'}",
        ]
        if self.shared_themes:
            parts.append(f"shared themes: {', '.join(t.rsplit('/', 1)[-1] for t in self.shared_themes)}")
        if self.shared_systems:
            parts.append(f"shared systems: {', '.join(s.rsplit('/', 1)[-1] for s in self.shared_systems)}")
        parts.append(self.direction)
        if self.closure:
            parts.append(self.closure)
        return "; ".join(parts)


def items_from(results: Sequence[ReadResult], enrichment: Enrichment) -> list[Item]:
    """One :class:`Item` per recommendation read, with its progress from every paper."""
    years = {r.key: parse_year(r.year) for result in results for r in result.paper.source_reports if r.year}
    texts: dict[RecKey, list[str]] = {}
    dates: dict[RecKey, list[str]] = {}
    closed: dict[RecKey, list[str]] = {}
    for result in results:
        for rec in result.recommendations:
            if rec.key not in texts:
                own = " ".join(filter(None, (rec.heading, rec.text)))
                texts[rec.key] = [own, own]
            if result.paper.date:
                dates.setdefault(rec.key, []).append(result.paper.date)
        for update in result.updates:
            key = (update.source_report, update.recommendation)
            texts.setdefault(key, []).append(update.progress or "")
            status = enrichment.statuses.get(update_key(update))
            date = update.paper_date or result.paper.date
            if status is not None and status.notation == "complete" and date:
                closed.setdefault(key, []).append(date)
    return [
        Item(
            key,
            " ".join(parts),
            tuple(t.theme for t in enrichment.themes.get(key, ())),
            tuple(m.system for m in enrichment.systems.get(key, ())),
            Made(years.get(key[0]), min(dates[key]) if key in dates else None),
            min(closed[key]) if key in closed else None,
        )
        for key, parts in texts.items()
    ]


def _block(docs: list, analyzer) -> sparse.csr_matrix:
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform(docs).tocsr()
    except ValueError:  # no document has any term (e.g. nothing is tagged with a system)
        return sparse.csr_matrix((len(docs), 1), dtype=np.float32)


def feature_blocks(items: Sequence[Item]) -> tuple[sparse.csr_matrix, sparse.csr_matrix, sparse.csr_matrix]:
    """The L2-normalised word, theme and system vectors of the items (one row each)."""
    words = _block([item.text for item in items], terms)
    themes = _block([item.themes for item in items], list)
    systems = _block([item.systems for item in items], list)
    return words, themes, systems


def weighted_matrix(blocks: Sequence[sparse.csr_matrix], weights: Sequence[float]) -> sparse.csr_matrix:
    """The blocks side by side, each scaled so that row dot products are the weighted score."""
    scaled = [block * math.sqrt(weight) for block, weight in zip(blocks, weights, strict=True)]
    return sparse.hstack(scaled, format="csr", dtype=np.float32)


def neighbour_pairs(
    matrix: sparse.csr_matrix, groups: np.ndarray, neighbours: int, floor: float, rows_per_block: int = 512
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's best-scoring rows of other groups, scoring above 0 and at least ``floor``, as unique pairs.

    Rows are scored a block at a time against all rows by a sparse product that stays sparse
    (only pairs sharing a feature get a score), so neither time nor memory goes with ``n * n``.

    Returns
    -------
    (first, second, score) : arrays with ``first < second``, each pair once.

    Examples
    --------
    >>> m = sparse.csr_matrix(np.array([[1, 0], [1, 0], [0, 1], [0.6, 0.8]], dtype=np.float32))
    >>> first, second, score = neighbour_pairs(m, np.array([0, 1, 1, 0]), neighbours=1, floor=0.5)
    >>> [(int(a), int(b), round(float(s), 1)) for a, b, s in zip(first, second, score)]
    [(0, 1, 1.0), (2, 3, 0.8)]
    """
    n = matrix.shape[0]
    transposed = matrix.T.tocsr()
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, n, rows_per_block):
        block = (matrix[start : start + rows_per_block] @ transposed).tocsr()
        rows = np.repeat(np.arange(start, start + block.shape[0]), np.diff(block.indptr))
        cols, values = block.indices, block.data
        keep = (groups[rows] != groups[cols]) & (values > 0) & (values >= floor)  # never within one report
        rows, cols, values = rows[keep], cols[keep], values[keep]
        order = np.lexsort((cols, -values, rows))  # by row, best first (ties by column, for stable output)
        rows, cols, values = rows[order], cols[order], values[order]
        rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
        best = rank < neighbours
        found.append((rows[best], cols[best], values[best]))
    if not found:
        return np.array([], int), np.array([], int), np.array([], np.float32)
    rows = np.concatenate([f[0] for f in found])
    cols = np.concatenate([f[1] for f in found])
    values = np.concatenate([f[2] for f in found])
    first, second = np.minimum(rows, cols), np.maximum(rows, cols)
    _, index = np.unique(first.astype(np.int64) * n + second, return_index=True)
    return first[index], second[index], values[index]


def strongest_features(matrix: sparse.csr_matrix, per_row: int) -> sparse.csr_matrix:
    """Each row with only its ``per_row`` largest entries kept.

    >>> m = sparse.csr_matrix(np.array([[0.1, 0.5, 0.3], [0.2, 0.0, 0.0]], dtype=np.float32))
    >>> strongest_features(m, 2).toarray().tolist()
    [[0.0, 0.5, 0.30000001192092896], [0.20000000298023224, 0.0, 0.0]]
    """
    matrix = matrix.tocsr()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.data, rows))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order)) - matrix.indptr[rows[order]]
    keep = rank < per_row
    return sparse.csr_matrix((matrix.data[keep], (rows[keep], matrix.indices[keep])), shape=matrix.shape)


#: The smallest document frequency blocking ever leaves out (see RepeatOptions.blocking_df).
MIN_BLOCKING_DF = 100


def candidate_pairs(matrix: sparse.csr_matrix, groups: np.ndarray, options: RepeatOptions) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth scoring: each item's best neighbours in other groups.

    Exact below ``options.blocking_from`` items. From there on, features (columns) held by more
    than ``max(MIN_BLOCKING_DF, blocking_df * n)`` items are left out of the search (not of the
    score: they would make the sparse products nearly dense), and each item is searched by its
    ``features_per_item`` strongest remaining features, so two items become candidates when they
    share a feature that weighs much in one of them and is rare in the corpus.
    """
    n = matrix.shape[0]
    search = matrix
    if n >= options.blocking_from:
        frequency = np.diff(matrix.tocsc().indptr)
        limit = max(MIN_BLOCKING_DF, int(options.blocking_df * n))
        search = strongest_features(matrix[:, np.flatnonzero(frequency <= limit)], options.features_per_item)
    first, second, _ = neighbour_pairs(search.tocsr(), groups, options.neighbours, 0.0, options.rows_per_block)
    return first, second


def detect_repeats(items: Sequence[Item], options: RepeatOptions | None = None) -> tuple[Repeat, ...]:
    """The repeats among items of different source reports, best first.

    Parameters
    ----------
    items : the recommendations (see :func:`items_from`).
    options : threshold, neighbours and weights (default: the documented ones).

    Examples
    --------
    >>> old = Item(("audit", "R6"), "Clear the staff appraisal backlog. Staff appraisals are outstanding.", made=Made((2001, 2002), None))
    >>> new = Item(("inquiry", "6(b)"), "Use staff appraisals to warn of dissatisfaction.", made=Made((2010, 2010), None))
    >>> other = Item(("inquiry", "7"), "Review the vetting policy.", made=Made((2010, 2010), None))
    >>> [(r.source, r.target, r.shared_terms) for r in detect_repeats([old, new, other], RepeatOptions(threshold=0.1))]
    [(('inquiry', '6(b)'), ('audit', 'R6'), ('appraisal', 'staff'))]
    """
    options = options or RepeatOptions()
    if len(items) < 2:
        return ()
    blocks = feature_blocks(items)
    matrix = weighted_matrix(blocks, options.weights)
    reports = {key: index for index, key in enumerate(sorted({item.key[0] for item in items}))}
    groups = np.array([reports[item.key[0]] for item in items])
    first, second = candidate_pairs(matrix, groups, options)
    scores = _row_dots(matrix, first, second)
    keep = scores >= options.threshold
    first, second, scores = first[keep], second[keep], scores[keep]
    counts: dict[int, dict[str, tuple[int, str]]] = {}
    for index in {int(i) for i in first} | {int(i) for i in second}:
        counts[index] = _counts(items[index].text)
    parts = [_row_dots(block, first, second) for block in blocks]
    found = [
        _repeat(items, counts, int(a), int(b), float(s), (float(w), float(t), float(y)))
        for a, b, s, w, t, y in zip(first, second, scores, *parts)
    ]
    return tuple(sorted(found, key=lambda r: (-r.score, r.source, r.target)))


def find_repeats(
    results: Sequence[ReadResult], enrichment: Enrichment, options: RepeatOptions | None = None
) -> tuple[Repeat, ...]:
    """The repeats among every recommendation read (see :func:`detect_repeats`)."""
    return detect_repeats(items_from(results, enrichment), options)


def _row_dots(block: sparse.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Dot products of the rows ``first[i]`` and ``second[i]`` of a block, for all i at once."""
    if len(first) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(block[first].multiply(block[second]).sum(axis=1)).ravel()


def _repeat(items: Sequence[Item], counts: dict, a: int, b: int, score: float, parts: tuple[float, float, float]) -> Repeat:
    first, second = items[a], items[b]
    later, earlier = (first, second) if first.made.sort_key() + first.key > second.made.sort_key() + second.key else (second, first)
    same_date = later.made.sort_key() == earlier.made.sort_key()
    direction = (
        f"{later.key[0]} ({later.made.describe()}) "
        + ("dated as" if same_date else "after")
        + f" {earlier.key[0]} ({earlier.made.describe()})"
        + (": same date, ordered by key" if same_date else "")
    )
    closure = _closure(earlier, later)
    return Repeat(
        source=later.key,
        target=earlier.key,
        score=round(score, 4),
        word_similarity=round(parts[0], 4),
        theme_similarity=round(parts[1], 4),
        system_similarity=round(parts[2], 4),
        shared_terms=shared_terms(counts[a if earlier is first else b], counts[b if earlier is first else a]),
        shared_themes=tuple(t for t in earlier.themes if t in later.themes),
        shared_systems=tuple(s for s in earlier.systems if s in later.systems),
        direction=direction,
        recurring_despite_closure=closure is not None,
        closure=closure,
    )


def _closure(earlier: Item, later: Item) -> str | None:
    """Evidence that the earlier item was closed before the later one was made, or None."""
    if not earlier.closed_on or not later.made.years:
        return None
    closed_year = int(earlier.closed_on[:4])
    if closed_year < later.made.years[0]:
        return (
            f"recurring despite closure: {earlier.key[0]}/{earlier.key[1]} was marked complete by a paper dated "
            f"{earlier.closed_on}, before {later.key[0]} ({later.made.describe()})"
        )
    return None


def _counts(text: str) -> dict[str, tuple[int, str]]:
    """Term -> (occurrences, first surface form) of a text."""
    found: dict[str, tuple[int, str]] = {}
    for word in _WORD.findall(text):
        key = term(word)
        if len(key) > 2 and key not in _STOP:
            count, surface = found.get(key, (0, word))
            found[key] = (count + 1, surface)
    return found


def shared_terms(first: str | dict, second: str | dict, limit: int = 8) -> tuple[str, ...]:
    """Words the two texts share (as printed in the first), most frequent in both first.

    >>> shared_terms("Staff appraisals are late; appraisal backlog.", "The appraisal of staff.")
    ('appraisals', 'staff')
    """
    a = first if isinstance(first, dict) else _counts(first)
    b = second if isinstance(second, dict) else _counts(second)
    common = sorted(set(a) & set(b), key=lambda t: (-min(a[t][0], b[t][0]), -(a[t][0] + b[t][0]), t))
    return tuple(a[t][1] if a[t][1].isupper() else a[t][1].lower() for t in common[:limit])
