"""How alike two recommendations are: words, and the most specific theme and system they share.

The score of a pair is one number between 0 and 1 (:func:`pair_scores`)::

    score = 0.5 * words + 0.4 * themes + 0.1 * systems

* ``words``: the cosine of TF-IDF vectors of :func:`~.terms.features` (terms and adjacent pairs
  of terms; heading and text counted twice, progress once; sublinear term frequency), times
  ``m / (m + 3)`` where ``m`` is the number of terms the two share: a cosine computed on a few
  words (two short lead-ins that share a phrase) is weaker evidence than one computed on many;
* ``themes``: the *specificity* of the most specific theme the two share, ``1 / (1 + (n / 8)²)``
  for a theme carried by ``n`` recommendations of the corpus (:func:`specificity`): sharing a theme
  that 3 recommendations carry (mentoring) is strong evidence of one issue (0.88), sharing one that
  24 carry is weak (0.1), and in a large corpus, where every theme is carried by hundreds, only the
  words tell issues apart;
* ``systems``: the same for the IT systems both name.

The count ``n`` is absolute, not a share of the corpus, on purpose: what makes a shared theme
evidence of one issue is how few other recommendations could share it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer


#: Weights of the word, theme and system parts of the score (they sum to 1).
WEIGHTS = {"words": 0.5, "themes": 0.4, "systems": 0.1}
#: How many recommendations may carry a theme (or system) for sharing it to count half.
SPECIFIC = 8.0
#: Shared terms at which a word cosine counts half (see the module docstring).
SHRINK = 3.0
#: How much more the heading and text count than the progress.
OWN_WEIGHT = 2


def specificity(carriers: np.ndarray | float, specific: float = SPECIFIC) -> np.ndarray | float:
    """How specific a theme carried by ``carriers`` recommendations is, between 0 and 1.

    >>> [round(float(specificity(n)), 2) for n in (2, 3, 8, 24, 250)]
    [0.94, 0.88, 0.5, 0.1, 0.0]
    """
    return 1.0 / (1.0 + (np.asarray(carriers, dtype=np.float64) / specific) ** 2)


def word_vectors(own: Sequence[Sequence[str]], progress: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF vectors of the items' features, and which columns are single terms.

    ``own`` holds each item's terms (:func:`~.terms.terms`) of its heading and text, counted
    :data:`OWN_WEIGHT` times, ``progress`` those of its progress, counted once. The features of
    each are :func:`~.terms.features`: its terms and each pair of adjacent terms (never one term of
    the text and one of the progress). The vectors are those scikit-learn's ``TfidfVectorizer``
    makes of those features (sublinear term frequency, smoothed idf; columns in the order of the
    features' names, a pair named ``"a b"``), counted here on arrays of term ids rather than one
    feature string at a time, and weighted by its ``TfidfTransformer``.

    >>> matrix, single = word_vectors([["staff", "apprais"], ["vet"]], [[], ["staff"]])
    >>> matrix.shape, single.tolist()
    ((2, 4), [True, True, False, True])
    """
    n = len(own)
    vocabulary: dict[str, int] = {}
    parts = [found for pair in zip(own, progress) for found in pair]  # item 0's own and progress, item 1's, ...
    ids = np.array([vocabulary.setdefault(t, len(vocabulary)) for found in parts for t in found], dtype=np.int64)
    if not vocabulary:  # no item has any term
        return sparse.csr_matrix((n, 1), dtype=np.float32), np.zeros(1, dtype=bool)
    size = len(vocabulary)
    part = np.repeat(np.arange(len(parts)), [len(found) for found in parts])
    adjacent = np.flatnonzero(part[:-1] == part[1:])
    # Each occurrence of a feature, in the order of the items, and in each item its own terms, its
    # own pairs, the progress's terms and the progress's pairs (the order the features are first
    # met in decides the order of the entries of each row, as in scikit-learn).
    codes = np.concatenate([ids, size + ids[adjacent] * size + ids[adjacent + 1]])
    owner = np.concatenate([part, part[adjacent]])
    order = np.argsort(2 * owner + (np.arange(len(codes)) >= len(ids)), kind="stable")
    codes, owner = codes[order], owner[order]
    unique, first, column = np.unique(codes, return_index=True, return_inverse=True)
    met = np.empty(len(unique), dtype=np.int64)
    met[np.argsort(first, kind="stable")] = np.arange(len(unique))  # the rank of each feature's first meeting
    weight = np.where(owner % 2 == 0, OWN_WEIGHT, 1).astype(np.float32)
    counts = sparse.csr_matrix((weight, (owner // 2, met[column])), shape=(n, len(unique)), dtype=np.float32)
    counts.sum_duplicates()
    counts.sort_indices()
    terms = list(vocabulary)
    names = [terms[c] if c < size else f"{terms[(c - size) // size]} {terms[(c - size) % size]}" for c in unique.tolist()]
    alphabetical = np.empty(len(unique), dtype=counts.indices.dtype)  # each feature's column: by name
    alphabetical[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    by_meeting = np.empty_like(alphabetical)
    by_meeting[met] = alphabetical
    counts.indices = by_meeting[counts.indices]  # the entries of each row stay in the order first met
    transformer = TfidfTransformer(sublinear_tf=True)
    matrix = transformer.fit(counts).transform(counts, copy=False).tocsr()
    single = np.zeros(len(names), dtype=bool)
    single[alphabetical[unique < size]] = True
    return matrix, single


def tag_matrix(tags: Sequence[Iterable[str]], specific: float = SPECIFIC) -> sparse.csr_matrix:
    """Items x tags, each entry the tag's :func:`specificity` in the corpus."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for row, found in enumerate(tags):
        for tag in dict.fromkeys(found):
            rows.append(row)
            cols.append(index.setdefault(tag, len(index)))
    ones = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.csr_matrix((ones, (rows, cols)), shape=(len(tags), max(1, len(index))))
    carriers = np.asarray(matrix.sum(axis=0)).ravel()
    return (matrix @ sparse.diags(specificity(carriers, specific).astype(np.float32))).tocsr()


def row_dots(matrix: sparse.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Dot products of rows ``first[i]`` and ``second[i]``, for all i at once."""
    if len(first) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(matrix[first].multiply(matrix[second]).sum(axis=1)).ravel()


def held_by_at_most(features: sparse.csr_matrix, count: float) -> sparse.csr_matrix:
    """Items x features, keeping only the features (columns) that at most ``count`` items hold."""
    held = np.diff(features.tocsc().indptr)
    kept = (features @ sparse.diags((held <= count).astype(np.float32))).tocsr()
    kept.eliminate_zeros()
    return kept


def shared_maximum(matrix: sparse.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The largest entry of a tag matrix on the tags rows ``first[i]`` and ``second[i]`` share."""
    if len(first) == 0:
        return np.zeros(0, dtype=np.float32)
    a = matrix[first]
    b = matrix[second].copy()
    b.data[:] = 1  # only whether the second has the tag
    return np.asarray(a.multiply(b).max(axis=1).todense()).ravel()


class PairScorer:
    """The parts of the score for any pairs of a set of items, from their vectors."""

    def __init__(
        self,
        words: sparse.csr_matrix,
        single: np.ndarray,
        themes: sparse.csr_matrix,
        systems: sparse.csr_matrix,
        weights: Sequence[float] = (WEIGHTS["words"], WEIGHTS["themes"], WEIGHTS["systems"]),
        shrink: float = SHRINK,
    ):
        self.words, self.themes, self.systems = words, themes, systems
        self.terms = words[:, np.flatnonzero(single)].tocsr()
        self.terms.data[:] = 1
        self.weights, self.shrink = tuple(weights), shrink

    def parts(self, first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, ...]:
        """(score, words, themes, systems, shared term count, word cosine) of each pair."""
        cosine = row_dots(self.words, first, second)
        shared = row_dots(self.terms, first, second)
        words = cosine * shared / (shared + self.shrink)
        themes = shared_maximum(self.themes, first, second)
        systems = shared_maximum(self.systems, first, second)
        w_words, w_themes, w_systems = self.weights
        score = np.minimum(1.0, w_words * words + w_themes * themes + w_systems * systems)
        return score, words, themes, systems, shared, cosine



#: Share of the shorter text's term weight that the object wording two texts share must carry for
#: the later to reiterate the earlier (see :class:`AlignedScorer`). Chosen on the development pairs of
#: tests/linking/judged_pairs.json alone (seed pairs): the threshold of best F1 on them, every value
#: from 0.05 to 0.10 giving the same links and 0.12 fewer right ones (the curve is in docs/enrichment.md).
#: The held-out (fixture) pairs played no part.
ALIGNED = 0.10


def _actor_terms() -> frozenset[str]:
    from recgraph.graph.enrich.owners import RANKS, UNIT_WORDS
    from recgraph.graph.linking.terms import term

    return frozenset(term(w) for w in (*UNIT_WORDS, *(rank.split()[-1] for rank in RANKS)))


#: Terms that name who acts, not what about: the words of a unit's kind and the head word of each
#: rank or title (:data:`recgraph.graph.enrich.owners.UNIT_WORDS`, ``RANKS``). A phrase holding one
#: ("support unit", "borough commander", "senior officer") names an owner: sharing it says the two
#: are addressed to the same people, not that they ask about the same object.
ACTOR_TERMS = _actor_terms()


class AlignedScorer:
    """How much of two texts' own wording the phrases they share about one object carry, for many pairs at once.

    Each item's heading and text (never its progress) becomes a set of terms, each weighted by its
    squared inverse document frequency in the corpus, and a set of *linked pairs* of terms
    (:func:`~.alignment.phrase_features`). Linked pairs that spell the name of an area (``ignore``:
    :func:`~.alignment.area_pairs` of the theme labels, "best value", "human resources") are left
    out: sharing them says the same area, not the same object. For a pair of items, the *aligned*
    terms are those of the linked pairs both still hold; the aligned share (:meth:`aligned`) is
    ``sum(idf(t)² for aligned t) / min(sum(idf(t)²) over the first's terms, ... the second's)``,
    the share of the shorter text's term weight the shared object wording carries: 0 when no phrase
    is shared, 1 when the whole of the shorter text is said again. Normalised by the shorter text
    so that a one-line ask said again inside a long recommendation is not diluted by the long one's
    other words; rare terms weigh most, so a phrase of common words ("police staff") carries little.
    """

    def __init__(self, own: Sequence[Sequence[str]], ignore: frozenset[tuple[str, str]] = frozenset()):
        """``own``: each item's terms (:func:`~.terms.terms`) of its heading and text."""
        from recgraph.graph.linking.alignment import WINDOW

        vocabulary: dict[str, int] = {}
        ids = [np.array([vocabulary.setdefault(t, len(vocabulary)) for t in found], dtype=np.int64) for found in own]
        n, size = len(own), max(1, len(vocabulary))
        lengths = np.array([len(i) for i in ids])
        rows = np.repeat(np.arange(n), lengths)
        flat = np.concatenate(ids) if n and lengths.sum() else np.zeros(0, np.int64)
        terms = sparse.csr_matrix((np.ones(len(flat), np.float32), (rows, flat)), shape=(n, size))
        terms.data[:] = 1  # binary: duplicates summed by the constructor
        frequency = np.diff(terms.tocsc().indptr)
        idf = (np.log((1.0 + n) / (1.0 + frequency)) + 1.0).astype(np.float32)
        self.terms = terms
        self.weight = idf**2
        self.lengths = np.asarray(self.terms @ self.weight).ravel()
        self.norms = np.sqrt(self.lengths)
        # Linked pairs: two distinct terms at most WINDOW tokens apart in one item, coded a * size + b (a < b).
        starts = np.concatenate([[0], np.cumsum(lengths)])[:-1]
        position = np.arange(len(flat)) - np.repeat(starts, lengths)
        codes, owners = [], []
        for gap in range(1, WINDOW + 1):
            ok = position[: len(flat) - gap] + gap < np.repeat(lengths, lengths)[: len(flat) - gap] if len(flat) > gap else np.zeros(0, bool)
            a, b = flat[: len(flat) - gap][ok], flat[gap:][ok]
            keep = a != b
            codes.append(np.minimum(a, b)[keep] * size + np.maximum(a, b)[keep])
            owners.append(rows[: len(flat) - gap][ok][keep])
        codes = np.concatenate(codes) if codes else np.zeros(0, np.int64)
        owners = np.concatenate(owners) if owners else np.zeros(0, np.int64)
        if ignore and len(codes):  # the names of areas and of who acts are not wording about an object
            ids_of = vocabulary.get
            left_out = [min(ids_of(a), ids_of(b)) * size + max(ids_of(a), ids_of(b))
                        for a, b in ignore if ids_of(a) is not None and ids_of(b) is not None]
            keep = ~np.isin(codes, np.array(left_out, dtype=np.int64))
            actors = np.array([ids_of(t) for t in ACTOR_TERMS if ids_of(t) is not None], dtype=np.int64)
            keep &= ~np.isin(codes // size, actors) & ~np.isin(codes % size, actors)
            codes, owners = codes[keep], owners[keep]
        unique, column = np.unique(codes, return_inverse=True)
        self.vocabulary, self.size, self.codes = vocabulary, size, unique
        self.pairs = sparse.csr_matrix((np.ones(len(column), np.float32), (owners, column)), shape=(n, max(1, len(unique))))
        self.pairs.data[:] = 1
        # Stock wording: a phrase held by more items than candidate search counts as distinctive
        # (:data:`~.candidates.MIN_BLOCKING_DF`) is the genre's wording, not an object's.
        from recgraph.graph.linking.candidates import MIN_BLOCKING_DF

        self.pairs = held_by_at_most(self.pairs, MIN_BLOCKING_DF)
        # Which two terms each linked pair joins: features x terms, a 1 at each end.
        ends = np.column_stack([unique // size, unique % size]) if len(unique) else np.zeros((0, 2), np.int64)
        self.ends = sparse.csr_matrix((np.ones(2 * len(unique), np.float32), (np.repeat(np.arange(len(unique)), 2), ends.ravel())),
                                      shape=(max(1, len(unique)), size))

    def restricted(self, kept: Sequence[Iterable[tuple[str, str]]]) -> sparse.csr_matrix:
        """Items x linked pairs: each item's linked pairs (as :attr:`pairs`, stock and area pairs
        left out) that are also among ``kept[i]`` (the pairs of the objects of its asks, :mod:`.objects`)."""
        rows, cols = [], []
        ids_of = self.vocabulary.get
        for row, found in enumerate(kept):
            for a, b in found:
                ia, ib = ids_of(a), ids_of(b)
                if ia is not None and ib is not None:
                    rows.append(row)
                    cols.append(min(ia, ib) * self.size + max(ia, ib))
        codes = np.array(cols, dtype=np.int64)
        where = np.searchsorted(self.codes, codes)
        hit = (where < len(self.codes)) & (self.codes[np.minimum(where, len(self.codes) - 1)] == codes) if len(self.codes) else np.zeros(len(codes), bool)
        mask = sparse.csr_matrix((np.ones(int(hit.sum()), np.float32), (np.array(rows, dtype=np.int64)[hit], where[hit])),
                                 shape=self.pairs.shape)
        mask.data[:] = 1
        return self.pairs.multiply(mask).tocsr()

    def shared_pairs(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """How many linked pairs each pair of items holds in common."""
        return row_dots(self.pairs, first, second)

    def aligned(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The aligned share of each pair (see the class docstring); 0 where no phrase is shared."""
        if len(first) == 0:
            return np.zeros(0, dtype=np.float32)
        out = np.zeros(len(first), dtype=np.float32)
        for start in range(0, len(first), 200_000):  # bounded memory on large corpora
            a, b = first[start : start + 200_000], second[start : start + 200_000]
            shared = self.pairs[a].multiply(self.pairs[b]).tocsr()
            aligned = (shared @ self.ends).tocsr()
            aligned.data[:] = 1  # a term is aligned once, however many shared pairs hold it
            weight = np.asarray(aligned @ self.weight).ravel()
            denominator = np.minimum(self.lengths[a], self.lengths[b])
            out[start : start + len(a)] = np.minimum(1.0, np.divide(weight, denominator, out=np.zeros_like(weight), where=denominator > 0))
        return out
