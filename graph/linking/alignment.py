"""Aligned wording: the phrases two recommendations share, found in both texts.

Two recommendations raise the same problem about the same object when their own wording (heading
and text, not the progress reported on them) shares *phrases*: two content terms (:func:`~.terms.terms`)
that stand close together in both texts ("staff appraisal", "career management policy",
"booking ... pool vehicles"). A term shared alone ("grievance", "recruitment") says they are in
the same area, not that they ask about the same thing; a theme or system tagged on both says no
more than that.

Two pieces, one for the decision and one for the auditor:

* :func:`phrase_features` turns each text into *linked pairs* of terms (two terms at most
  :data:`WINDOW` content words apart, in either order), so that the phrases two texts share are
  counted for any number of pairs at once by sparse products (see :mod:`.repeats`);
* :func:`align` finds those phrases in the two printed texts, with character offsets, so that the
  evidence of a link quotes each text's own words (:class:`Phrase`).

The window of two content words (one content word may stand between the two terms) follows the
shape of English noun phrases in recommendations: a head and its modifier are adjacent or
separated by one more modifier ("booking system for pool vehicles": *booking* and *vehicles* are
three apart and do not pair; "custody staff ... trained in first aid" pairs *first aid*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from recgraph.graph.linking.terms import plain_terms, reads_equivalents, term_spans

__all__ = ["WINDOW", "Phrase", "Token", "align", "area_pairs", "compound_pairs", "content_tokens", "phrase_features"]

#: How many content words apart two terms may stand and still make a phrase (1 = adjacent).
WINDOW = 2
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


class Token(NamedTuple):
    """A content word of a text: its term and where it is printed (character offsets)."""

    term: str
    start: int
    end: int


@dataclass(frozen=True)
class Phrase:
    """Wording two texts share: the span of each text that carries the same terms.

    ``first`` and ``second`` are ``(start, end)`` character offsets into each text; ``terms`` the
    shared terms the span holds, in the first text's order.
    """

    terms: tuple[str, ...]
    first: tuple[int, int]
    second: tuple[int, int]

    def quote(self, first_text: str, second_text: str) -> tuple[str, str]:
        """The two printed spans, whitespace folded."""
        return (" ".join(first_text[slice(*self.first)].split()), " ".join(second_text[slice(*self.second)].split()))


@reads_equivalents
@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[tuple[Token, ...], frozenset[tuple[str, str]], tuple[tuple[int, int, tuple[str, str]], ...]]:
    """A text's content tokens, its linked pairs, and where each pair stands (two token indexes),
    kept for the texts seen last (a recommendation takes part in several links)."""
    tokens = content_tokens(text)
    terms = [token.term for token in tokens]
    where = [(index, index + gap, (a, b) if a < b else (b, a))
             for gap in range(1, WINDOW + 1) for index, (a, b) in enumerate(zip(terms, terms[gap:])) if a != b]
    return tuple(tokens), frozenset(key for _, _, key in where), tuple(where)


def content_tokens(text: str) -> list[Token]:
    """The content words of a text (stop words and words under three letters left out), a name of
    the equivalents vocabulary standing for its preferred label (:func:`~.terms.term_spans`).

    >>> [t.term for t in content_tokens("The MPS should clear the staff appraisal backlog.")]
    ['clear', 'staff', 'apprais', 'backlog']
    >>> [(t.term, t.start, t.end) for t in content_tokens("Review the PDR process")]
    [('apprais', 11, 14), ('process', 15, 22)]
    """
    return list(map(Token._make, term_spans(text)))


def _linked(tokens: Sequence[Token]) -> set[tuple[str, str]]:
    """The linked pairs of a token list: two distinct terms at most WINDOW tokens apart, sorted."""
    pairs = set()
    for index, token in enumerate(tokens):
        for other in tokens[index + 1 : index + 1 + WINDOW]:
            if other.term != token.term:
                pairs.add((token.term, other.term) if token.term < other.term else (other.term, token.term))
    return pairs


#: What may stand between the words of a compound as printed: spaces, a hyphen or a slash, nothing else
#: (no stop word, no punctuation that ends a phrase).
_JOIN = re.compile(r"[\s\-\u2010\u2011/]*")


@reads_equivalents
@lru_cache(maxsize=65536)
def compound_pairs(text: str) -> frozenset[tuple[str, str]]:
    """The linked pairs of a text printed as one compound: two content words side by side, joined
    only by space, a hyphen or a slash ("grievance procedure", "multi-point entry", "stop/search").

    A noun and its modifier printed together name a thing; two terms that only stand near each
    other across a stop word or a comma ("courses are designed and delivered") need not. Used to
    tell aligned wording that names the object of both asks (see :mod:`.repeats`).

    >>> sorted(compound_pairs("A review of the grievance procedure and multi-point entry."))
    [('entry', 'point'), ('grievanc', 'procedur'), ('multi', 'point')]
    """
    plain = plain_terms(text)
    if plain is not None:  # the common case, no name of an equivalent: two content words side by side
        found_terms, gaps = plain
        return frozenset((left, right) if left < right else (right, left)
                         for left, right, gap in zip(found_terms, found_terms[1:], gaps)
                         if left and right and left != right and _JOIN.fullmatch(gap))
    tokens = content_tokens(text)
    found = set()
    for left, right in zip(tokens, tokens[1:]):
        # two terms of one printed name ("BME" is "minority ethnic") are joined as its words are
        if left.term != right.term and (right.start < left.end or _JOIN.fullmatch(text, left.end, right.start)):
            found.add((left.term, right.term) if left.term < right.term else (right.term, left.term))
    return frozenset(found)


def phrase_features(text: str) -> list[str]:
    """The linked pairs of a text as features (``"a~b"``, the two terms sorted), each once.

    >>> phrase_features("Replacement of the vehicle booking system")
    ['book~replac', 'book~vehicl', 'replac~vehicl']
    """
    return sorted(f"{a}~{b}" for a, b in _linked(content_tokens(text)))


def area_pairs(labels: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The linked pairs that spell the name of an area: those of each label given (theme labels).

    Wording that two texts share only because both name the same area ("best value", "human
    resources", "performance management", "career management") says they are in that area, which
    their themes say already; it is not the object of either ask. Such pairs are left out of the
    aligned wording (see :class:`~.similarity.AlignedScorer`): a pair sharing only an area's name is at
    most related, while one sharing it *and* the object ("career management policy") reiterates
    through the object's words.

    >>> sorted(area_pairs(["best value", "human resources management"]))
    [('best', 'valu'), ('human', 'manag'), ('human', 'resourc'), ('manag', 'resourc')]
    """
    found: set[tuple[str, str]] = set()
    for label in labels:
        found |= _linked(content_tokens(label))
    return frozenset(found)


@lru_cache(maxsize=4)
def shipped_area_pairs() -> frozenset[tuple[str, str]]:
    """:func:`area_pairs` of every label of the shipped theme vocabulary (ontology/themes.ttl)."""
    from recgraph.graph.enrich.vocabulary import load_vocabulary

    return area_pairs(label for concept in load_vocabulary("themes") for label in concept.labels)


def align(first: str, second: str, ignore: frozenset[tuple[str, str]] = frozenset()) -> list[Phrase]:
    """The phrases two texts share, in the order they appear in the first text.

    A phrase is a run of the first text's content words, each of whose terms forms a linked pair
    (see :func:`phrase_features`) with a neighbour in the run that the second text links too; its
    span in the second text runs from the first to the last word there that carries one of the
    run's terms within the same window.

    Examples
    --------
    >>> a = "Single booking system for pool vehicles"
    >>> b = "Replacement of the vehicle booking system"
    >>> [p.quote(a, b) for p in align(a, b)]
    [('booking system for pool vehicles', 'vehicle booking')]
    >>> align("Review the grievance procedure.", "An ACPO lead for grievances.")
    []

    Pairs in ``ignore`` (the names of areas, :func:`area_pairs`) do not count as shared.
    """
    a_tokens, a_pairs, a_where = _tokens(first)
    b_tokens, b_pairs, b_where = _tokens(second)
    from recgraph.graph.linking.similarity import ACTOR_TERMS

    shared = {p for p in (a_pairs & b_pairs) - ignore if p[0] not in ACTOR_TERMS and p[1] not in ACTOR_TERMS}
    if not shared:
        return []
    runs = _runs(a_where, shared)
    phrases = []
    for run in runs:
        terms = tuple(dict.fromkeys(a_tokens[i].term for i in run))
        span_b = _span_in(b_tokens, b_where, set(terms), shared)
        if span_b is None:
            continue
        phrases.append(Phrase(terms, (a_tokens[run[0]].start, a_tokens[run[-1]].end), span_b))
    return phrases


def _runs(where: Sequence[tuple[int, int, tuple[str, str]]], shared: set | frozenset) -> list[list[int]]:
    """Indexes of tokens taking part in a shared linked pair, grouped into runs of neighbours."""
    members = sorted({i for a, b, key in where if key in shared for i in (a, b)})
    runs: list[list[int]] = []
    for index in members:
        if runs and index - runs[-1][-1] <= WINDOW:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _span_in(tokens: Sequence[Token], where: Sequence[tuple[int, int, tuple[str, str]]], terms: set[str],
             shared: set | frozenset) -> tuple[int, int] | None:
    """The widest run of the second text's tokens that pairs up the given terms."""
    best: list[int] | None = None
    for run in _runs(where, {p for p in shared if p[0] in terms and p[1] in terms}):
        if best is None or len(run) > len(best):
            best = run
    if best is None:
        return None
    return (tokens[best[0]].start, tokens[best[-1]].end)
