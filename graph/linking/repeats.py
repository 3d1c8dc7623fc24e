"""Repeats: recommendations of different source reports that raise the same issue, or a neighbouring one.

Two relations (ontology/recgraph.ttl):

* ``reiterates``: the later recommendation raises again the same problem about the same object,
  whether it asks for the same remedy or a narrower or different one. It is decided on the
  *aligned wording* alone: phrases of the two texts' own wording (heading and text, not progress)
  that hold the same terms close together (:mod:`.alignment`), the names of areas left out
  ("best value", "human resources": :func:`~.alignment.area_pairs` of the theme labels), carrying
  at least :data:`~.similarity.ALIGNED` of the shorter text's term weight
  (:class:`~.similarity.AlignedScorer`), and, by default, a similarity score of at least
  :data:`THRESHOLD` (``RepeatOptions.score_gate``; without that gate the wording alone decides,
  which links template-alike pairs by the ten thousand in a synthetic corpus: docs/enrichment.md).
  A shared theme or system never makes one: a pair without aligned wording is at most related.
  With ``RepeatOptions(objects=True)`` the decision is on the *objects* of the two asks instead
  (:mod:`.objects`): the aligned wording must hold a linked pair of terms inside an object of both,
  the two not differing in what they are "of", and the score plays no part (an option, not the
  default: docs/enrichment.md gives its figures);
* ``relatedTo``: the same area, a different problem: a pair that does not reiterate but whose
  similarity score reaches :data:`THRESHOLD`. The score is::

    score = 0.5 * words + 0.4 * themes + 0.1 * systems

  where ``words`` is the TF-IDF cosine of their terms and adjacent pairs of terms (shrunk when they
  share few terms), and ``themes``/``systems`` the specificity of the most specific theme/system
  the two share (high for a theme few recommendations carry, nil for one that hundreds carry).

A heading that only leads into lettered parts ("... This means:", its progress reported under the
parts) is compared by its themes and systems, not its words: its substance is in its parts, and
two such lead-ins sharing a stock phrase are not one issue; so it is at most related, unless it
names a group at a stage (:mod:`.disparities`): a lead-in states the problem its parts remedy.

Pairs are found without scoring all of them (:mod:`.candidates`): each recommendation's best
word neighbours in other source reports (through rare features only in a large corpus), and every
two recommendations sharing a specific theme or system. Recommendations of one source report never
repeat each other, nor, by default, those of two reports of the same year (as written): they are
contemporaries, not a repeat.

An analyst's decisions (:mod:`.decisions`) win over detection: a rejected link never returns (it
is kept, marked rejected, so the graph says who rejected it), a confirmed one is kept whatever
its score.

Direction is by date (:mod:`.dates`): the later recommendation reiterates (or is related to) the
earlier. A ``reiterates`` link is "recurring despite closure" when the earlier one was marked
complete by a paper dated before the year the later one's report was made (docs/analyses.md).

Length: over the ~400-line aim: the detection (candidates, scores, the reiterates rule) and the
analysts' decisions applied to it are one pass over the same arrays; the parts that stand alone
(candidates, similarity, alignment, decisions, fitting) are modules of their own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from scipy import sparse

from recgraph.graph.enrich.model import Enrichment, RecKey, update_key
from recgraph.graph.enrich.words import split_words
from recgraph.graph.linking.alignment import align, compound_pairs, shipped_area_pairs
from recgraph.graph.linking.candidates import tag_pairs, unique_pairs, word_pairs
from recgraph.graph.linking.dates import Made, parse_year
from recgraph.graph.linking.decisions import Decision, canonical_pair, latest
from recgraph.graph.linking.disparities import Disparity, disparities, vocabularies
from recgraph.graph.linking.fitting import LinkModel
from recgraph.graph.linking.problems import Facet, facets
from recgraph.graph.linking.similarity import (
    ALIGNED, SHRINK, SPECIFIC, WEIGHTS, AlignedScorer, PairScorer, held_by_at_most, row_dots, tag_matrix, word_vectors,
)
from recgraph.graph.linking.objects import object_chunks, object_pairs, shared_objects
from recgraph.graph.linking.terms import refresh_equivalents, shared_terms, surface_counts, terms
from recgraph.graph.model import Provenance, ReadResult
from recgraph.graph.reading.numbers import canonical_number

__all__ = ["ALIGNED", "THRESHOLD", "WEIGHTS", "Item", "Quote", "Repeat", "RepeatOptions", "detect_repeats",
           "find_repeats", "items_from"]

#: Score from which a pair that does not reiterate is ``relatedTo`` (docs/enrichment.md).
THRESHOLD = 0.26
#: Word cosine a reiterates needs besides its aligned wording (see :class:`RepeatOptions`).
WORDING = 0.0
#: Word neighbours kept per recommendation as candidates.
NEIGHBOURS = 10
#: A theme or system this specific or more has all pairs of its carriers scored (see
#: :func:`~.similarity.specificity`: 0.1 is a tag carried by 24 recommendations).
TAG_PAIRS_FROM = 0.1
#: Shared terms a pair needs for the objects-named-alike rule (:attr:`RepeatOptions.compounds`): the
#: compound's two and one more, something said of the object besides its name.
NAMED_OBJECT_TERMS = 3
#: How many aligned phrases a link quotes at most.
MAX_QUOTES = 4


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
    #: Share of the shorter text's term weight aligned phrases must carry for ``reiterates``.
    aligned: float = ALIGNED
    #: Word cosine (terms and adjacent pairs of the two texts, no theme nor system) a reiterates needs too.
    wording: float = WORDING
    #: Whether a reiterates is decided on the objects of the two asks (:mod:`.objects`): its aligned
    #: wording must hold a linked pair of terms inside an object of both, the two objects not differing
    #: in what they are "of", and the similarity score plays no part. Off by default: on the judged
    #: pairs it raised development figures but not held-out ones, and on the synthetic corpus of 10,000
    #: it makes 13,573 reiterates links for 3,651 planted pairs (docs/enrichment.md).
    objects: bool = False
    #: Without the object rule (``objects=False``): whether a reiterates also needs the similarity
    #: score to reach the threshold (without it the aligned wording alone decides, which on a
    #: synthetic corpus of 10,000 links tens of thousands of template-alike pairs; docs/enrichment.md).
    score_gate: bool = True
    #: With the score gate: whether aligned wording that holds a compound printed alike in both texts
    #: (:func:`~.alignment.compound_pairs`: "grievance procedure", "multi-point entry"; not an area's
    #: name, not who acts, not stock wording), in two recommendations that share a theme, makes a
    #: reiterates whatever the score. The compound names one object the same way, the shared theme
    #: says it is used in the same area (a compound alike in two areas, "barcode tracking" of property
    #: and of files, is not one object); the score only measures how much else the two say, which a
    #: one-line ask against a long recommendation never reaches (docs/enrichment.md).
    compounds: bool = True
    #: Whether two recommendations that name the same group of the workforce at the same stage of
    #: employment in one of their sentences (:mod:`.disparities`: "ethnic minority recruitment" and
    #: "more qualified minority ethnic recruits") reiterate, whatever their score and aligned wording:
    #: both raise that group's shortfall at that stage, in whatever words and with whatever remedy.
    disparities: bool = True
    #: Kinds of problem (:data:`~.problems.PROBLEMS`) whose facets make a reiterates: two
    #: recommendations that name the same process with the same kind of problem in one phrase
    #: (:mod:`.problems`: "racial disparities in stop and search"). Empty by default: no kind kept
    #: precision on every real-pair set (docs/repeats-real-papers.md, "A process and a problem").
    problems: tuple[str, ...] = ()
    #: Linked pairs that name an area and are not aligned wording (None: those of the shipped theme
    #: labels, :func:`~.alignment.shipped_area_pairs`).
    area: frozenset[tuple[str, str]] | None = None
    #: Word part from which a pair counts as similar whatever its score (None: never; the score decides).
    words_alone: float | None = None
    #: Whether recommendations of two reports of the same year (as written) may repeat each other.
    same_year: bool = False
    rows_per_block: int = 512
    #: From this many items on, word neighbours are searched through distinctive features only
    #: (see :func:`~.candidates.word_pairs`). Below it the search is exact.
    blocking_from: int = 5000
    blocking_df: float = 0.002
    features_per_item: int = 8
    #: Whether relatedTo links are kept (False: reiterates only, as older builds had).
    related: bool = True
    #: A model fitted to analysts' decisions and accepted (:mod:`.fitting`); None: the documented rule.
    model: LinkModel | None = None


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
    #: Where its text is printed (the quotes of a link name the paper and lines).
    provenance: Provenance | None = None
    #: Its heading, when printed apart (the text above starts with it); in the genre it names the object.
    heading: str = ""

    def objects(self) -> frozenset[tuple[str, str]]:
        """The linked pairs of terms in the objects of its asks (:func:`~.objects.object_pairs`)."""
        return frozenset() if self.lead else object_pairs(self.body(), self.heading)

    def body(self) -> str:
        """Its text without the heading."""
        return self.text[len(self.heading):] if self.heading and self.text.startswith(self.heading) else self.text


@dataclass(frozen=True)
class Quote:
    """One aligned phrase: the words of each text that carry the shared ask, with paper and lines."""

    terms: tuple[str, ...]
    later: str
    earlier: str
    later_file: str | None = None
    later_lines: tuple[int, int] | None = None
    earlier_file: str | None = None
    earlier_lines: tuple[int, int] | None = None
    #: Whether the phrase holds the object of both asks (:mod:`.objects`; only under ``RepeatOptions.objects``).
    object: bool = False
    #: The group and the stage both texts raise (their IRIs: group, stage theme; :mod:`.disparities`)
    #: when the phrase names them; its ``terms`` are then the group's and the stage's names.
    raises: tuple[str, str] | None = None
    #: The kind of problem and the process both texts name in one phrase (their IRIs; :mod:`.problems`,
    #: only under ``RepeatOptions.problems``); its ``terms`` are then their names.
    facet: tuple[str, str] | None = None

    @property
    def disparity(self) -> bool:
        """Whether the phrase names a group and a stage both texts raise."""
        return self.raises is not None

    def describe(self) -> str:
        """“later words” (file lines a–b) ~ “earlier words” (file lines c–d), “object:” first when it
        names the object, “group and stage:” when it names a disparity both raise."""
        lead = ("object: " if self.object else "group and stage: " if self.disparity
                else "problem and process: " if self.facet else "")
        return lead + f"“{self.later}”{_where(self.later_file, self.later_lines)} ~ “{self.earlier}”{_where(self.earlier_file, self.earlier_lines)}"


def _where(file: str | None, lines: tuple[int, int] | None) -> str:
    if not file or not lines:
        return ""
    span = str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}–{lines[1]}"
    return f" ({file.rsplit('/', 1)[-1]}, line{'s' if lines[0] != lines[1] else ''} {span})"


@dataclass(frozen=True)
class Repeat:
    """``source`` (the later recommendation) ``relation`` ``target`` (the earlier), with evidence.

    ``relation`` is ``reiterates`` or ``relatedTo``. ``quotes`` are the aligned phrases (the
    evidence of a ``reiterates``); ``aligned`` the share of term weight they carry. The score and
    its parts are detail: ``word_similarity`` is the word part (the cosine ``word_cosine`` shrunk
    by the ``shared_term_count`` terms the two share), ``theme_similarity`` and
    ``system_similarity`` the specificity of the most specific theme and system they share.
    ``decision`` is ``suggested`` (detection alone), ``confirmed`` or ``rejected`` (by ``decided``).
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
    relation: str = "reiterates"
    aligned: float = 0.0
    quotes: tuple[Quote, ...] = ()
    decision: str = "suggested"
    decided: Decision | None = None

    @property
    def pair(self) -> frozenset[RecKey]:
        return frozenset((self.source, self.target))

    def parts(self) -> dict[str, float]:
        """The similarity parts a fitted model weighs (see :mod:`.fitting`)."""
        return {"aligned": self.aligned, "words": self.word_similarity, "themes": self.theme_similarity,
                "systems": self.system_similarity}

    def evidence(self) -> str:
        """A human-readable account of why the link was made: quotes first, the score as detail."""
        w_words, w_themes, w_systems = self.weights
        parts = []
        if self.decided is not None:
            parts.append(f"decision: {self.decided.describe()}")
        else:
            parts.append("decision: suggested (detected, not reviewed)")
        if self.quotes:
            parts.append("aligned wording: " + " | ".join(q.describe() for q in self.quotes))
        else:
            parts.append("no aligned wording: same area only" if self.relation == "relatedTo" else "no aligned wording")
        parts += [
            f"aligned share {self.aligned:.3f}",
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
    headings: dict[RecKey, str] = {}
    where: dict[RecKey, Provenance] = {}
    progress: dict[RecKey, list[str]] = {}
    dates: dict[RecKey, list[str]] = {}
    closed: dict[RecKey, list[str]] = {}
    parents: set[RecKey] = set()
    for result in results:
        for rec in result.recommendations:
            if rec.parent:
                parents.add((rec.source_report, rec.parent))
            texts.setdefault(rec.key, " ".join(filter(None, (rec.heading, rec.text))))
            headings.setdefault(rec.key, rec.heading or "")
            where.setdefault(rec.key, rec.provenance)
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
            where.get(key),
            headings.get(key, ""),
        )
        for key in keys
    ]


def detect_repeats(
    items: Sequence[Item], options: RepeatOptions | None = None, decisions: Iterable[Decision] = ()
) -> tuple[Repeat, ...]:
    """The reiterates and relatedTo links among items of different source reports, best first.

    Parameters
    ----------
    items : the recommendations (see :func:`items_from`).
    options : thresholds, weights and search (default: the documented ones).
    decisions : analysts' decisions (:mod:`.decisions`); they win over detection.

    Returns
    -------
    tuple of Repeat : each pair once, directed by date, with its evidence; reiterates first.

    Examples
    --------
    >>> appraisal = ("t:appraisal",)
    >>> old = Item(("audit", "R6"), "Clear the staff appraisal backlog.", appraisal, made=Made((2001, 2002), None))
    >>> new = Item(("inquiry", "6(b)"), "Use staff appraisals to warn of dissatisfaction.", appraisal, made=Made((2010, 2010), None))
    >>> other = Item(("inquiry", "7"), "Review the vetting policy.", made=Made((2010, 2010), None))
    >>> [(r.source, r.relation, r.target, r.quotes[0].later) for r in detect_repeats([old, new, other])]
    [(('inquiry', '6(b)'), 'reiterates', ('audit', 'R6'), 'staff appraisals')]
    """
    with _collector_paused():
        return _detect(items, options or RepeatOptions(), decisions)


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused, then restored as it was.

    Detection makes millions of small tuples and lists (terms, tokens, linked pairs), none of them
    in a reference cycle, so reference counting frees each as soon as it is done with; but their
    number sets off the collector's passes, each over every object alive, which took a quarter of
    the time at 100,000 recommendations (bench/repeats.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _detect(items: Sequence[Item], options: RepeatOptions, decisions: Iterable[Decision]) -> tuple[Repeat, ...]:
    decided = latest(decisions)
    if len(items) < 2:
        return ()
    refresh_equivalents()
    own = [terms(item.text) for item in items]  # read once, for the word vectors and the aligned wording
    words, single = word_vectors(own, [terms(item.progress) for item in items])
    words = (sparse.diags(np.array([not item.lead for item in items], dtype=np.float32)) @ words).tocsr()
    themes = tag_matrix([item.themes for item in items], options.specific)
    systems = tag_matrix([item.systems for item in items], options.specific)
    scorer = PairScorer(words, single, themes, systems, options.weights, options.shrink)
    area = shipped_area_pairs() if options.area is None else options.area
    wording = AlignedScorer([[] if item.lead else found for item, found in zip(items, own)], area)
    # each item's disparities, with the vocabularies read (their files checked) once, not once per text
    with_vocabularies = vocabularies() if options.disparities else ()
    # a lead-in is read too: it states the problem its lettered parts remedy ("BME resignation rates must
    # reduce. This means:"), and a disparity is a problem, whatever the remedy (docs/enrichment.md)
    said = [disparities(item.text, *with_vocabularies) if options.disparities else () for item in items]
    if options.problems:  # a process and a kind of problem named in one phrase, read as a disparity is
        said = [found + facets(item.text, options.problems) for found, item in zip(said, items)]
    raised = tag_matrix([[_code(d) for d in found] for found in said], options.specific)
    first, second = candidate_pairs(items, words, themes, systems, options, raised)
    first, second = _with_decided(items, first, second, decided)
    score, word, theme, system, shared, cosine = scorer.parts(first, second)
    aligned = wording.aligned(first, second)
    objects = wording.restricted([item.objects() for item in items]) if options.objects else None
    shared_object = row_dots(objects, first, second) if objects is not None else np.zeros(len(first), np.float32)
    similar = score >= options.threshold
    if options.words_alone is not None:
        similar |= word >= options.words_alone
    named: dict[int, frozenset[tuple[str, str]]] = {}  # the object wording of each pair decided on objects
    if options.model is not None:  # fitted to decisions; aligned wording stays required
        probability = options.model.probability(np.column_stack([aligned, word, theme, system]))
        reiterates = (aligned > 0) & (probability >= 0.5)
    else:
        reiterates = (aligned >= options.aligned) & (cosine >= options.wording)
        if options.objects:  # the aligned wording holds the object of both asks, the same object
            reiterates &= shared_object > 0
            chunks: dict[int, tuple] = {}
            for k in np.flatnonzero(reiterates):
                ends = [chunks.setdefault(int(i), object_chunks(items[i].body(), items[i].heading)) for i in (first[k], second[k])]
                named[int(k)] = shared_objects(*ends)
                reiterates[k] = bool(named[int(k)])
        elif options.score_gate:  # see RepeatOptions.score_gate and RepeatOptions.compounds
            gate = similar
            if options.compounds:
                # a compound many items hold is the area's common wording, not one object's name: kept
                # when at most ``specific`` hold it (a specificity of at least one half, as themes weigh)
                named_alike = held_by_at_most(wording.restricted([frozenset() if item.lead else compound_pairs(item.text)
                                                                  for item in items]), options.specific)
                gate = gate | ((row_dots(named_alike, first, second) > 0) & (theme > 0) & (shared >= NAMED_OBJECT_TERMS))
            reiterates &= gate
    if (options.disparities or options.problems) and options.model is None:
        reiterates |= row_dots(raised, first, second) > 0
    related = similar & ~reiterates if options.related else np.zeros(len(first), bool)
    decided_pairs = {pair for pair, _relation in decided}
    forced = np.array([bool(decided_pairs) and canonical_pair(items[a].key, items[b].key) in decided_pairs
                       for a, b in zip(first, second)], dtype=bool)
    keep = np.flatnonzero(reiterates | related | forced)
    counts = {index: _words_of(items[index]) for index in {int(i) for i in (*first[keep], *second[keep])}}
    found = []
    for k in keep:
        parts = (float(score[k]), float(word[k]), float(theme[k]), float(system[k]), float(cosine[k]), int(shared[k]),
                 float(aligned[k]))
        relation = "reiterates" if reiterates[k] else "relatedTo" if related[k] else None
        repeat = _repeat(items, counts, int(first[k]), int(second[k]), options.weights, parts, relation or "relatedTo", area,
                         named.get(int(k), frozenset()) if relation == "reiterates" else frozenset(),
                         (said[int(first[k])], said[int(second[k])]) if (options.disparities or options.problems) and relation == "reiterates" else None)
        repeat = _decide(repeat, decided, detected=relation is not None)
        if repeat is not None:
            found.append(repeat)
    order = {"reiterates": 0, "relatedTo": 1}
    return tuple(sorted(found, key=lambda r: (order[r.relation], -r.score, r.source, r.target)))


def _with_decided(items: Sequence[Item], first: np.ndarray, second: np.ndarray, decided: dict) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs, and the pairs an analyst decided on that detection did not propose."""
    if not decided:
        return first, second
    index = {(item.key[0], canonical_number(item.key[1])): i for i, item in enumerate(items)}  # decisions key canonically
    extra = []
    for pair, _relation in decided:
        ends = sorted(index[key] for key in pair if key in index)
        if len(ends) == 2 and ends[0] != ends[1]:
            extra.append(ends)
    if not extra:
        return first, second
    rows = np.concatenate([first, [a for a, _ in extra]]).astype(int)
    cols = np.concatenate([second, [b for _, b in extra]]).astype(int)
    a, b, _ = unique_pairs(rows, cols, len(items))
    return a, b


def _decide(repeat: Repeat, decided: dict, detected: bool) -> Repeat | None:
    """The link as the analysts' decisions leave it (None: no link at all)."""
    pair = canonical_pair(repeat.source, repeat.target)  # as decisions key it: "R2" is "2"
    confirmed = [decided.get((pair, r)) for r in ("reiterates", "relatedTo")]
    confirmed = [d for d in confirmed if d is not None and d.decision == "confirmed"]
    if confirmed:  # a confirmed relation wins whatever the score
        decision = confirmed[-1]
        return replace(repeat, relation=decision.relation, decision="confirmed", decided=decision)
    rejected = decided.get((pair, repeat.relation))
    if rejected is not None and rejected.decision == "rejected":
        return replace(repeat, decision="rejected", decided=rejected)  # kept as rejected: never drawn nor listed
    return repeat if detected else None


def candidate_pairs(
    items: Sequence[Item],
    words: sparse.csr_matrix,
    themes: sparse.csr_matrix,
    systems: sparse.csr_matrix,
    options: RepeatOptions,
    raised: sparse.csr_matrix | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth scoring (see :mod:`.candidates`), without pairs the time rule excludes.

    ``raised`` (items x disparities, :mod:`.disparities`) is read as one more kind of tag: the carriers
    of a specific one are all paired, as those of a specific theme are."""
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
    if raised is not None:
        found.append(tag_pairs(raised, groups, TAG_PAIRS_FROM))
    first, second, _ = unique_pairs(np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]), len(items))
    if not options.same_year:
        years = [item.made.years for item in items]
        contemporary = np.array([years[a] is not None and years[a] == years[b] for a, b in zip(first, second)], dtype=bool)
        first, second = first[~contemporary], second[~contemporary]
    return first, second


def find_repeats(
    results: Sequence[ReadResult], enrichment: Enrichment, options: RepeatOptions | None = None,
    decisions: Iterable[Decision] = (),
) -> tuple[Repeat, ...]:
    """The repeats among every recommendation read (see :func:`detect_repeats`)."""
    return detect_repeats(items_from(results, enrichment), options, decisions)


def _repeat(
    items: Sequence[Item], counts: dict, a: int, b: int, weights: tuple[float, float, float], parts: tuple,
    relation: str, area: frozenset[tuple[str, str]] = frozenset(), objects: frozenset[tuple[str, str]] = frozenset(),
    raised: tuple[tuple[Disparity, ...], tuple[Disparity, ...]] | None = None,
) -> Repeat:
    """One link of items ``a`` and ``b``, directed by date, with its evidence; ``raised``: the
    disparities of the two (quoted first), when the rule of :mod:`.disparities` is applied."""
    score, words, themes, systems, cosine, shared, aligned = parts
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
    closure = _closure(earlier, later) if relation == "reiterates" else None
    quotes = () if later.lead or earlier.lead else _quotes(later, earlier, area, objects)
    if raised is not None:  # a lead-in's problem is quoted too (its other wording is not compared)
        named = _disparity_quotes(later, earlier, *(raised if first_later else raised[::-1]))
        said = {(q.later.lower(), q.earlier.lower()) for q in named}  # words aligned alike are quoted once
        quotes = named + tuple(q for q in quotes if (q.later.lower(), q.earlier.lower()) not in said)
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
        words_counted=not (first.lead or second.lead),
        weights=weights,
        relation=relation,
        aligned=round(aligned, 4),
        quotes=quotes,
    )


def _quotes(later: Item, earlier: Item, area: frozenset[tuple[str, str]] = frozenset(),
            objects: frozenset[tuple[str, str]] = frozenset()) -> tuple[Quote, ...]:
    """The aligned phrases of two items, each side with its paper and lines; those holding the
    object of both asks (a linked pair of ``objects``) first, marked."""
    found: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    phrases = align(later.text, earlier.text, area)
    holds = [any(a in p.terms and b in p.terms for a, b in objects) for p in phrases]
    for phrase, holding in sorted(zip(phrases, holds), key=lambda x: not x[1]):
        said_later, said_earlier = phrase.quote(later.text, earlier.text)
        if (said_later.lower(), said_earlier.lower()) in seen or len(found) == MAX_QUOTES:
            continue
        seen.add((said_later.lower(), said_earlier.lower()))
        found.append(Quote(phrase.terms, said_later, said_earlier,
                           *_located(later.provenance, said_later), *_located(earlier.provenance, said_earlier), holding))
    return tuple(found)


def _code(disparity: Disparity | Facet) -> str:
    return " ".join(disparity.key)


def _disparity_quotes(later: Item, earlier: Item, later_raises: Sequence[Disparity | Facet],
                      earlier_raises: Sequence[Disparity | Facet]) -> tuple[Quote, ...]:
    """The words naming each group and stage (:mod:`.disparities`), or problem and process
    (:mod:`.problems`), both texts raise, first of the quotes."""
    said = {d.key: d for d in earlier_raises}
    found = []
    for disparity in later_raises:
        other = said.get(disparity.key)
        if other is not None:
            terms = tuple(iri.rsplit("/", 1)[-1] for iri in disparity.key)
            facet = isinstance(disparity, Facet)  # a problem and a process (:mod:`.problems`), not a group and a stage
            found.append(Quote(terms, disparity.words, other.words, *_located(later.provenance, disparity.words),
                               *_located(earlier.provenance, other.words), raises=None if facet else disparity.key,
                               facet=disparity.key if facet else None))
    return tuple(found[:MAX_QUOTES])


def _located(provenance: Provenance | None, quote: str) -> tuple[str | None, tuple[int, int] | None]:
    """The file and lines where a quote is printed (the record's lines when it cannot be placed):
    the first place where the printed text has the quote's words (letters and digits, any case)
    one after another, whatever stands between them."""
    if provenance is None:
        return None, None
    words = [w.lower() for w in split_words(quote)[0]]
    found = _words_at(provenance.text, words) if words else None
    if found is not None:
        start, end = found
        first = provenance.first_line + provenance.text.count("\n", 0, start)
        last = provenance.first_line + provenance.text.count("\n", 0, end)
        return provenance.file, (first, min(last, provenance.last_line))
    return provenance.file, provenance.lines


#: Lower case for ASCII letters only: the lowered text keeps the printed one's offsets.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _words_at(text: str, words: list[str]) -> tuple[int, int] | None:
    """Where the first run of the whole words ``words`` (lower case) stands in ``text``, in any
    case: the offsets of its first word's start and its last word's end, or None.

    >>> _words_at("A staff-appraisal backlog; Staff appraisals", ["staff", "appraisals"])
    (27, 43)
    """
    pieces = _printed_pieces(text)
    printed = pieces[1::2]  # word i is pieces[2i + 1]
    index = -1
    while True:
        try:
            index = printed.index(words[0], index + 1)
        except ValueError:
            return None
        if printed[index : index + len(words)] == words:
            start = sum(map(len, pieces[: 2 * index + 1]))
            return start, start + sum(map(len, pieces[2 * index + 1 : 2 * (index + len(words))]))


@lru_cache(maxsize=4096)
def _printed_pieces(text: str) -> list[str]:
    """A printed text (lower case) split into what stands between words, a word (letters and
    digits), what stands between words, ..., kept for the texts seen last (a recommendation takes
    part in several links)."""
    return split_words(text.translate(_ASCII_LOWER))[1]


def _words_of(item: Item) -> dict[str, tuple[int, str]]:
    return surface_counts(item.text)


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
