"""Repeats: recommendations of different source reports that raise the same issue.

Each pair is scored by :mod:`.similarity` (one number between 0 and 1)::

    score = 0.5 * words + 0.4 * themes + 0.1 * systems

where ``words`` is the TF-IDF cosine of their terms and adjacent pairs of terms (shrunk when they
share few terms), and ``themes``/``systems`` the specificity of the most specific theme/system the
two share (high for a theme few recommendations carry, nil for one that hundreds carry). A
heading that only leads into lettered parts ("... This means:", its progress reported under the
parts) is compared by its themes and systems, not its words: its substance is in its parts, and
two such lead-ins sharing a stock phrase are not one issue.

Pairs are found without scoring all of them (:mod:`.candidates`): each recommendation's best
word neighbours in other source reports, and every two recommendations sharing a specific theme or
system. A pair is a repeat when its score reaches :data:`THRESHOLD`, one threshold measured on the seed papers and
on synthetic corpora of 1,000 to 100,000 recommendations (docs/enrichment.md, docs/benchmarks.md).
Recommendations of one source report never repeat each other, nor, by default, those of two
reports of the same year (as written): they are contemporaries, not a repeat.

Direction is by date (:mod:`.dates`): the later recommendation ``reiterates`` the earlier. A repeat
is "recurring despite closure" when the earlier one was marked complete by a paper dated before
the year the later one's report was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from recgraph.graph.enrich.model import Enrichment, RecKey, update_key
from recgraph.graph.linking.candidates import tag_pairs, unique_pairs, word_pairs
from recgraph.graph.linking.dates import Made, parse_year
from recgraph.graph.linking.similarity import SHRINK, SPECIFIC, WEIGHTS, PairScorer, tag_matrix, word_vectors
from recgraph.graph.linking.terms import shared_terms, surface_counts
from recgraph.graph.model import ReadResult

__all__ = ["THRESHOLD", "WEIGHTS", "Item", "Repeat", "RepeatOptions", "detect_repeats", "find_repeats", "items_from"]

#: Score from which a pair is a repeat (see the tables in docs/enrichment.md and docs/benchmarks.md).
THRESHOLD = 0.26
#: Word neighbours kept per recommendation as candidates.
NEIGHBOURS = 10
#: A theme or system this specific or more has all pairs of its carriers scored (see
#: :func:`~.similarity.specificity`: 0.1 is a tag carried by 24 recommendations).
TAG_PAIRS_FROM = 0.1


@dataclass(frozen=True)
class RepeatOptions:
    """How repeats are found; the defaults are the documented ones."""

    threshold: float = THRESHOLD
    neighbours: int = NEIGHBOURS
    weights: tuple[float, float, float] = (WEIGHTS["words"], WEIGHTS["themes"], WEIGHTS["systems"])
    #: Carriers at which a shared theme or system counts half (:func:`~.similarity.specificity`).
    specific: float = SPECIFIC
    #: Shared terms at which a word cosine counts half.
    shrink: float = SHRINK
    #: Whether recommendations of two reports of the same year (as written) may repeat each other.
    same_year: bool = False
    rows_per_block: int = 512
    #: From this many items on, word neighbours are searched through distinctive features only
    #: (see :func:`~.candidates.word_pairs`). Below it the search is exact.
    blocking_from: int = 5000
    blocking_df: float = 0.002
    features_per_item: int = 8


@dataclass(frozen=True)
class Item:
    """A recommendation as repeat detection sees it: its heading and text, and its progress."""

    key: RecKey
    text: str
    themes: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    made: Made = field(default_factory=lambda: Made(None, None))
    #: Date of the earliest paper that marked it complete, if any.
    closed_on: str | None = None
    progress: str = ""
    #: It leads into lettered parts and has no progress of its own (its words are not compared).
    lead: bool = False


@dataclass(frozen=True)
class Repeat:
    """``source`` (the later recommendation) reiterates ``target`` (the earlier), with evidence.

    ``word_similarity`` is the word part of the score (the cosine ``word_cosine`` shrunk by the
    ``shared_term_count`` terms the two share), ``theme_similarity`` and ``system_similarity`` the
    specificity of the most specific theme and system they share.
    """

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
    word_cosine: float = 0.0
    shared_term_count: int = 0
    #: False when one of the two only leads into lettered parts (see the module docstring).
    words_counted: bool = True
    weights: tuple[float, float, float] = (WEIGHTS["words"], WEIGHTS["themes"], WEIGHTS["systems"])

    @property
    def pair(self) -> frozenset[RecKey]:
        return frozenset((self.source, self.target))

    def evidence(self) -> str:
        """A one-line human-readable account of why the link was made."""
        w_words, w_themes, w_systems = self.weights
        parts = [
            f"score {self.score:.3f} = {w_words}*words {self.word_similarity:.3f}"
            f" (cosine {self.word_cosine:.3f} over {self.shared_term_count} shared terms)"
            f" + {w_themes}*themes {self.theme_similarity:.3f} + {w_systems}*systems {self.system_similarity:.3f}"
            " (specificity of the most specific one shared)",
            f"shared terms: {', '.join(self.shared_terms) or 'none'}"
            + ("" if self.words_counted else " (not counted: a heading that leads into lettered parts)"),
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
    texts: dict[RecKey, str] = {}
    progress: dict[RecKey, list[str]] = {}
    dates: dict[RecKey, list[str]] = {}
    closed: dict[RecKey, list[str]] = {}
    parents: set[RecKey] = set()
    for result in results:
        for rec in result.recommendations:
            if rec.parent:
                parents.add((rec.source_report, rec.parent))
            texts.setdefault(rec.key, " ".join(filter(None, (rec.heading, rec.text))))
            if result.paper.date:
                dates.setdefault(rec.key, []).append(result.paper.date)
        for update in result.updates:
            key = (update.source_report, update.recommendation)
            progress.setdefault(key, []).append(update.progress or "")
            status = enrichment.statuses.get(update_key(update))
            date = update.paper_date or result.paper.date
            if status is not None and status.notation == "complete" and date:
                closed.setdefault(key, []).append(date)
    keys = list(dict.fromkeys([*texts, *progress]))
    return [
        Item(
            key,
            texts.get(key, ""),
            tuple(t.theme for t in enrichment.themes.get(key, ())),
            tuple(m.system for m in enrichment.systems.get(key, ())),
            Made(years.get(key[0]), min(dates[key]) if key in dates else None),
            min(closed[key]) if key in closed else None,
            " ".join(progress.get(key, ())),
            key in parents and not "".join(progress.get(key, ())).strip(),
        )
        for key in keys
    ]


def detect_repeats(items: Sequence[Item], options: RepeatOptions | None = None) -> tuple[Repeat, ...]:
    """The repeats among items of different source reports, best first.

    Parameters
    ----------
    items : the recommendations (see :func:`items_from`).
    options : threshold, weights and search (default: the documented ones).

    Returns
    -------
    tuple of Repeat : each pair once, directed by date, with its evidence.

    Examples
    --------
    >>> appraisal = ("t:appraisal",)
    >>> old = Item(("audit", "R6"), "Clear the staff appraisal backlog.", appraisal, made=Made((2001, 2002), None))
    >>> new = Item(("inquiry", "6(b)"), "Use staff appraisals to warn of dissatisfaction.", appraisal, made=Made((2010, 2010), None))
    >>> other = Item(("inquiry", "7"), "Review the vetting policy.", made=Made((2010, 2010), None))
    >>> [(r.source, r.target, r.shared_terms, r.shared_themes) for r in detect_repeats([old, new, other])]
    [(('inquiry', '6(b)'), ('audit', 'R6'), ('appraisal', 'staff'), ('t:appraisal',))]
    """
    options = options or RepeatOptions()
    if len(items) < 2:
        return ()
    words, single = word_vectors([item.text for item in items], [item.progress for item in items])
    words = (sparse.diags(np.array([not item.lead for item in items], dtype=np.float32)) @ words).tocsr()
    themes = tag_matrix([item.themes for item in items], options.specific)
    systems = tag_matrix([item.systems for item in items], options.specific)
    scorer = PairScorer(words, single, themes, systems, options.weights, options.shrink)
    first, second = candidate_pairs(items, words, themes, systems, options)
    score, word, theme, system, shared, cosine = scorer.parts(first, second)
    keep = np.flatnonzero(score >= options.threshold)
    counts = {index: _words_of(items[index]) for index in {int(i) for i in (*first[keep], *second[keep])}}
    found = [
        _repeat(items, counts, int(first[k]), int(second[k]), options.weights,
                (float(score[k]), float(word[k]), float(theme[k]), float(system[k]), float(cosine[k]), int(shared[k])))
        for k in keep
    ]
    return tuple(sorted(found, key=lambda r: (-r.score, r.source, r.target)))


def candidate_pairs(
    items: Sequence[Item],
    words: sparse.csr_matrix,
    themes: sparse.csr_matrix,
    systems: sparse.csr_matrix,
    options: RepeatOptions,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth scoring (see :mod:`.candidates`), without pairs the time rule excludes."""
    reports = {key: index for index, key in enumerate(sorted({item.key[0] for item in items}))}
    groups = np.array([reports[item.key[0]] for item in items])
    found = [
        word_pairs(
            words, groups, options.neighbours, options.rows_per_block, options.blocking_from,
            options.blocking_df, options.features_per_item,
        ),
        tag_pairs(themes, groups, TAG_PAIRS_FROM),
        tag_pairs(systems, groups, TAG_PAIRS_FROM),
    ]
    first, second, _ = unique_pairs(np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]), len(items))
    if not options.same_year:
        years = [item.made.years for item in items]
        contemporary = np.array([years[a] is not None and years[a] == years[b] for a, b in zip(first, second)], dtype=bool)
        first, second = first[~contemporary], second[~contemporary]
    return first, second


def find_repeats(
    results: Sequence[ReadResult], enrichment: Enrichment, options: RepeatOptions | None = None
) -> tuple[Repeat, ...]:
    """The repeats among every recommendation read (see :func:`detect_repeats`)."""
    return detect_repeats(items_from(results, enrichment), options)


def _repeat(
    items: Sequence[Item], counts: dict, a: int, b: int, weights: tuple[float, float, float], parts: tuple
) -> Repeat:
    score, words, themes, systems, cosine, shared = parts
    first, second = items[a], items[b]
    first_later = first.made.sort_key() + first.key > second.made.sort_key() + second.key
    later, earlier = (first, second) if first_later else (second, first)
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
        word_similarity=round(words, 4),
        theme_similarity=round(themes, 4),
        system_similarity=round(systems, 4),
        shared_terms=shared_terms(counts[a if earlier is first else b], counts[b if earlier is first else a]),
        shared_themes=tuple(t for t in earlier.themes if t in later.themes),
        shared_systems=tuple(s for s in earlier.systems if s in later.systems),
        direction=direction,
        recurring_despite_closure=closure is not None,
        closure=closure,
        word_cosine=round(cosine, 4),
        shared_term_count=shared,
        words_counted=not (earlier.lead or later.lead),
        weights=weights,
    )


def _words_of(item: Item) -> dict[str, tuple[int, str]]:
    return surface_counts(f"{item.text} {item.text} {item.progress}")


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
