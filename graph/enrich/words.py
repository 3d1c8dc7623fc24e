"""Words of a text and of vocabulary labels, and matching labels against text as words.

Labels of the vocabularies (themes, systems) are matched as whole words, allowing for inflection:
"appraisal" matches "appraisals", "recruit" matches "recruiting", "recruited" and "recruitment".
A light stemmer of our own does this: it strips plural, verb and "-ment" endings and nothing else,
because a full Porter/Snowball stemmer conflates words these papers keep apart ("progression"
with "progress", "postings" with "post", "governance" with "government").

Label words written as acronyms ("PDR", "CRR", "SMART", "MetHR", "PRISM") are matched with their
case as written (a plural "PDRs" still matches), so "SMART performance measures" is a performance
theme and "smart" is not.

When labels overlap in a text, the longest match wins ("diversity training" is diversity
training, not also "diversity"); labels of equal length that match at the same place all win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_WORD = re.compile(r"[A-Za-z0-9]+")
_VOWEL = re.compile(r"[aeiouy]")


@dataclass(frozen=True)
class Token:
    """A word of a text: as printed, its stem, and its character offsets."""

    raw: str
    stem: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The light stem of one word: lower case, without plural, verb or "-ment" endings.

    >>> [stem(w) for w in ("appraisals", "Recruitment", "recruiting", "recruited", "policies", "vetting")]
    ['appraisal', 'recruit', 'recruit', 'recruit', 'policy', 'vet']
    >>> stem("progression") == stem("progress"), stem("postings") == stem("post")
    (False, False)
    """
    word = word.lower()
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ings"):
        return word[:-1]  # plural gerunds are nouns: "postings" is not "post", "meetings" not "meet"
    word = _strip_plural(word)
    for suffix in ("ment", "ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 + (suffix == "ment") and _VOWEL.search(base):
            word = _undouble(base)
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _strip_plural(word: str) -> str:
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def _undouble(word: str) -> str:
    # "vett" -> "vet", "plann" -> "plan"; "staff", "call", "pass" keep their double letter.
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouylsfz":
        return word[:-1]
    return word


def tokens(text: str) -> list[Token]:
    """The words of a text, with stems and offsets (punctuation and hyphens separate words).

    >>> [(t.raw, t.stem) for t in tokens("Multi-point entry; PDRs.")]
    [('Multi', 'multi'), ('point', 'point'), ('entry', 'entry'), ('PDRs', 'pdrs')]
    """
    return [Token(m.group(), stem(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def is_acronym(word: str) -> bool:
    """True for words matched with their case: two or more capitals ("PDR", "MetHR", "DCC4").

    >>> is_acronym("PDR"), is_acronym("MetHR"), is_acronym("Leadership")
    (True, True, False)
    """
    return sum(char.isupper() for char in word) >= 2


@dataclass(frozen=True)
class Pattern:
    """A label compiled for matching: one key per word (an acronym as printed, else its stem)."""

    label: str
    keys: tuple[tuple[bool, str], ...]
    owner: str


def _word_matches(word: str, key: tuple[bool, str]) -> bool:
    exact, value = key
    if exact:
        return word == value or word == value + "s"
    return stem(word) == value


def compile_label(label: str, owner: str) -> Pattern | None:
    """A label as a :class:`Pattern` owned by a concept IRI; None for a label with no words."""
    keys = tuple((True, t.raw) if is_acronym(t.raw) else (False, t.stem) for t in tokens(label))
    return Pattern(label, keys, owner) if keys else None


_SPLIT = re.compile(f"({_WORD.pattern})")


def split_words(text: str) -> tuple[list[str], list[str]]:
    """The words of a text as printed (the ``raw`` of :func:`tokens`) and the pieces it splits into.

    The pieces alternate between what separates words and the words themselves (separator, word,
    separator, ..., separator), so they give each word's offsets without a :class:`Token` per word.

    >>> split_words("Multi-point entry; PDRs.")
    (['Multi', 'point', 'entry', 'PDRs'], ['', 'Multi', '-', 'point', ' ', 'entry', '; ', 'PDRs', '.'])
    """
    pieces = _SPLIT.split(text)
    return pieces[1::2], pieces


@dataclass(frozen=True)
class Match:
    """Where a label matched: the concept, the label, the words as printed and their offsets."""

    concept: str
    label: str
    words: str
    start: int
    end: int


#: Printed words a matcher remembers having looked up before it starts afresh (a bound on memory).
_MEMO_LIMIT = 1 << 18


class Matcher:
    """Finds labels of many concepts in texts, longest match first.

    >>> matcher = Matcher([("t:a", "appraisal"), ("t:d", "diversity"), ("t:dt", "diversity training")])
    >>> [(m.concept, m.words) for m in matcher.find("Diversity training and staff appraisals.")]
    [('t:dt', 'Diversity training'), ('t:a', 'appraisals')]
    """

    def __init__(self, labels: Iterable[tuple[str, str]]):
        self._by_first: dict[tuple[bool, str], list[Pattern]] = {}
        for owner, label in labels:
            pattern = compile_label(label, owner)
            if pattern is not None:
                self._by_first.setdefault(pattern.keys[0], []).append(pattern)
        # Texts share most of their words, so each printed word is stemmed and looked up once, not
        # at every place it occurs: the labels that can start with it, and every word looked up.
        self._starting: dict[str, tuple[Pattern, ...]] = {}
        self._seen: set[str] = set()

    def find(self, text: str | None) -> list[Match]:
        """Every match in ``text``, in reading order; overlapping shorter matches are dropped."""
        if not text:
            return []
        words, pieces = split_words(text)
        starting = self._starting_words(words)
        if starting.keys().isdisjoint(words):
            return []
        places = [index for index, word in enumerate(words) if word in starting]
        # Offsets by summing piece lengths: word i is pieces[2i + 1], so it ends at ends[2i + 1].
        ends = list(accumulate(map(len, pieces)))
        found: list[Match] = []
        free = 0  # the first word not yet inside a match
        for index in places:
            if index < free:
                continue
            best = _longest_at(starting[words[index]], words, index)
            if not best:
                continue
            size = len(best[0].keys)
            start, end = ends[2 * index], ends[2 * (index + size) - 1]
            seen: set[str] = set()
            for pattern in best:
                if pattern.owner not in seen:
                    seen.add(pattern.owner)
                    found.append(Match(pattern.owner, pattern.label, text[start:end], start, end))
            free = index + size
        return found

    def _starting_words(self, words: list[str]) -> dict[str, tuple[Pattern, ...]]:
        """The labels that can start at each word some label starts with (of these words and more)."""
        if len(self._seen) > _MEMO_LIMIT:
            # Start afresh with new objects: a find() under way elsewhere keeps the ones it has.
            self._starting, self._seen = {}, set()
        starting, seen = self._starting, self._seen
        distinct = set(words)
        for word in distinct - seen:
            candidates = self._candidates(word)
            if candidates:
                starting[word] = candidates
        seen |= distinct
        return starting

    def _candidates(self, word: str) -> tuple[Pattern, ...]:
        # A label starts with the word's stem, or with the word as printed (an acronym, maybe
        # plural). Longest first; the sort is stable, so labels of one length keep this order.
        candidates = self._by_first.get((False, stem(word)), []) + self._by_first.get((True, word), [])
        if word.endswith("s"):
            candidates += self._by_first.get((True, word[:-1]), [])
        return tuple(sorted(candidates, key=lambda p: -len(p.keys)))


def _longest_at(candidates: tuple[Pattern, ...], words: list[str], index: int) -> list[Pattern]:
    """The longest of the candidates that match from ``words[index]`` on (several if of equal length).

    The candidates are the labels that can start with ``words[index]``, longest first.
    """
    best: list[Pattern] = []
    for pattern in candidates:
        size = len(pattern.keys)
        if best and size < len(best[0].keys):
            break  # candidates are longest first: the rest are shorter than a match found
        if index + size > len(words):
            continue
        # The first word matched when the candidates were looked up; check only the others.
        for offset in range(1, size):
            if not _word_matches(words[index + offset], pattern.keys[offset]):
                break
        else:
            best.append(pattern)
    return best
