"""Which pairs of recommendations are worth scoring, without scoring all of them.

Two sources, never an all-pairs matrix:

* word neighbours (:func:`word_pairs`): each item's best neighbours in other source reports by
  the dot product of word vectors, computed a block of rows at a time by sparse products that stay
  sparse. From ``blocking_from`` items on, the search uses each item's strongest distinctive
  features only (blocking);
* specific tags (:func:`tag_pairs`): every two items sharing a theme or system carried by few
  items, since in a small corpus such a theme alone can make a repeat (see
  :func:`~.similarity.specificity`); a tag carried by many is never enumerated.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

#: The smallest document frequency blocking ever leaves out of the search.
MIN_BLOCKING_DF = 100


def neighbour_pairs(
    query: sparse.csr_matrix,
    groups: np.ndarray,
    neighbours: int,
    floor: float,
    rows_per_block: int = 512,
    target: sparse.csr_matrix | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's best-scoring rows of other groups, scoring above 0 and at least ``floor``, as unique pairs.

    Rows of ``query`` are scored a block at a time against all rows of ``target`` (default: the
    query itself) by a sparse product that stays sparse (only pairs sharing a feature get a
    score), so neither time nor memory goes with ``n * n``.

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
    n = query.shape[0]
    transposed = (query if target is None else target).T.tocsr()
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, n, rows_per_block):
        block = (query[start : start + rows_per_block] @ transposed).tocsr()
        rows = np.repeat(np.arange(start, start + block.shape[0]), np.diff(block.indptr))
        cols, values = block.indices, block.data
        keep = (groups[rows] != groups[cols]) & (values > 0) & (values >= floor)  # never within one report
        rows, cols, values = best_first(rows[keep] - start, cols[keep], values[keep], block.shape[1])
        held = np.bincount(rows, minlength=block.shape[0])
        rank = np.arange(len(rows)) - (np.cumsum(held) - held)[rows]  # place in its row
        best = rank < neighbours
        found.append((rows[best] + start, cols[best], values[best]))
    if not found:
        return np.array([], int), np.array([], int), np.array([], np.float32)
    rows, cols, values = (np.concatenate([f[part] for f in found]) for part in range(3))
    return unique_pairs(rows, cols, n, values)


def best_first(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries (``values`` float32 above 0) ordered by row, the highest value first in each, ties by column.

    The order of ``np.lexsort((cols, -values, rows))``, got by one sort of the three packed in an
    int64 (the row, the value's bits reversed, the column below ``width``): the bits of a positive
    float32 read as an integer order as the floats do. Rows and widths too large to pack are lexsorted.

    >>> rows, cols, values = best_first(np.array([1, 0, 1, 1]), np.array([2, 0, 0, 1]),
    ...                                 np.array([0.5, 0.25, 0.5, 0.75], np.float32), 3)
    >>> rows.tolist(), cols.tolist(), values.tolist()
    ([0, 1, 1, 1], [0, 1, 0, 2], [0.25, 0.75, 0.5, 0.5])
    """
    col_bits = max(1, int(width - 1).bit_length())
    row_bits = max(1, int(rows.max(initial=0)).bit_length())
    if row_bits + 31 + col_bits > 63:
        order = np.lexsort((cols, -values, rows))
        return rows[order], cols[order], values[order]
    descending = 0x7FFFFFFF - values.astype(np.float32).view(np.int32).astype(np.int64)
    key = (rows.astype(np.int64) << (31 + col_bits)) | (descending << col_bits) | cols
    key.sort()
    values = (0x7FFFFFFF - ((key >> col_bits) & 0x7FFFFFFF)).astype(np.int32).view(np.float32)
    return key >> (31 + col_bits), key & ((1 << col_bits) - 1), values


def unique_pairs(
    rows: np.ndarray, cols: np.ndarray, n: int, values: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs as ``first < second``, each once (the first value seen is kept)."""
    first, second = np.minimum(rows, cols), np.maximum(rows, cols)
    _, index = np.unique(first.astype(np.int64) * n + second, return_index=True)
    values = np.zeros(len(first), np.float32) if values is None else values
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


def word_pairs(
    words: sparse.csr_matrix,
    groups: np.ndarray,
    neighbours: int,
    rows_per_block: int = 512,
    blocking_from: int = 5000,
    blocking_df: float = 0.002,
    features_per_item: int = 8,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth scoring by their words: each item's best ``neighbours`` in other groups.

    Exact below ``blocking_from`` items. From there on, features (columns) held by more than
    ``max(MIN_BLOCKING_DF, blocking_df * n)`` items are left out of the search (not of the score:
    they would make the sparse products nearly dense), and each item is searched by its
    ``features_per_item`` strongest remaining features against all remaining features of the
    others, so two items become candidates when they share a rare feature that weighs much in one.
    """
    n = words.shape[0]
    if n < blocking_from:
        first, second, _ = neighbour_pairs(words, groups, neighbours, 0.0, rows_per_block)
        return first, second
    frequency = np.diff(words.tocsc().indptr)
    limit = max(MIN_BLOCKING_DF, int(blocking_df * n))
    rare = words[:, np.flatnonzero(frequency <= limit)].tocsr()
    query = strongest_features(rare, features_per_item)
    first, second, _ = neighbour_pairs(query, groups, neighbours, 0.0, rows_per_block, target=rare)
    return first, second


def tag_pairs(tags: sparse.csr_matrix, groups: np.ndarray, least: float) -> tuple[np.ndarray, np.ndarray]:
    """Every two items of different groups sharing a tag whose value (specificity) is at least ``least``.

    >>> tags = sparse.csr_matrix(np.array([[0.9, 0.1], [0.9, 0.1], [0.0, 0.1]], dtype=np.float32))
    >>> [tuple(map(int, p)) for p in zip(*tag_pairs(tags, np.array([0, 1, 1]), 0.5))]
    [(0, 1)]
    """
    columns = tags.tocsc()
    values = np.asarray(columns.max(axis=0).todense()).ravel()
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for column in np.flatnonzero(values >= least):
        members = columns.indices[columns.indptr[column] : columns.indptr[column + 1]]
        a, b = np.triu_indices(len(members), 1)
        rows.append(members[a])
        cols.append(members[b])
    if not rows:
        return np.array([], int), np.array([], int)
    first, second = np.concatenate(rows), np.concatenate(cols)
    other = groups[first] != groups[second]
    first, second, _ = unique_pairs(first[other], second[other], tags.shape[0])
    return first, second
