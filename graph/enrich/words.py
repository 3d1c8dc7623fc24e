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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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

    def matches_at(self, words: Sequence[Token], index: int) -> bool:
        if index + len(self.keys) > len(words):
            return False
        return all(_word_matches(words[index + k], key) for k, key in enumerate(self.keys))


def _word_matches(word: Token, key: tuple[bool, str]) -> bool:
    exact, value = key
    if exact:
        return word.raw == value or word.raw == value + "s"
    return word.stem == value


def compile_label(label: str, owner: str) -> Pattern | None:
    """A label as a :class:`Pattern` owned by a concept IRI; None for a label with no words."""
    keys = tuple((True, t.raw) if is_acronym(t.raw) else (False, t.stem) for t in tokens(label))
    return Pattern(label, keys, owner) if keys else None


@dataclass(frozen=True)
class Match:
    """Where a label matched: the concept, the label, the words as printed and their offsets."""

    concept: str
    label: str
    words: str
    start: int
    end: int


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
        for patterns in self._by_first.values():
            patterns.sort(key=lambda p: -len(p.keys))

    def find(self, text: str | None) -> list[Match]:
        """Every match in ``text``, in reading order; overlapping shorter matches are dropped."""
        if not text:
            return []
        words = tokens(text)
        found: list[Match] = []
        index = 0
        while index < len(words):
            best = self._longest_at(words, index)
            if not best:
                index += 1
                continue
            size = len(best[0].keys)
            first, last = words[index], words[index + size - 1]
            seen: set[str] = set()
            for pattern in best:
                if pattern.owner not in seen:
                    seen.add(pattern.owner)
                    found.append(Match(pattern.owner, pattern.label, text[first.start : last.end], first.start, last.end))
            index += size
        return found

    def _longest_at(self, words: Sequence[Token], index: int) -> list[Pattern]:
        word = words[index]
        candidates = self._by_first.get((False, word.stem), []) + self._by_first.get((True, word.raw), [])
        if word.raw.endswith("s"):
            candidates += self._by_first.get((True, word.raw[:-1]), [])
        hits = [p for p in candidates if p.matches_at(words, index)]
        if not hits:
            return []
        size = max(len(p.keys) for p in hits)
        return [p for p in hits if len(p.keys) == size]
