"""Disparities: a group of the workforce at a stage of employment, the problem both texts raise.

Oversight of police workforces measures one family of problems in the same three places: the
recruitment, the retention and the progression of under-represented groups (the Home Secretary's
employment targets of 1999 and the Home Office's assessment of minority ethnic recruitment,
retention and progression of 2008 are framed so; ontology/groups.ttl gives the sources). Reports
years apart come back to the same one in other words: "the targets for ethnic minority
recruitment" and "initiatives to increase the number of qualified minority ethnic recruits";
"disproportionately high BME resignation rates" and "attract minority ethnic recruits and retain
them". They share few words but raise one problem about one object: the group's shortfall at that
stage. A recommendation raises it when it names a group of groups.ttl and a stage (the themes
recruitment, retention, and promotion and career of themes.ttl) in one phrase; the pair of the two
is its *disparity*. One phrase: in one sentence, with at most :data:`GAP` words and no clause
punctuation between them, the reach of a noun phrase and its complement ("the recruitment of
qualified minority ethnic officers", "BME resignation rates", "recruitment, progression and
retention of women"). A long recommendation may name a group for one ask and a stage for another
("recruit analysts within a year, reporting to the committee, with women's networks consulted").

Two recommendations of different reports with a disparity in common reiterate one another
(:func:`~.repeats.detect_repeats`): a shared theme alone never does, and neither does a group or a
stage alone ("diversity training", "recruitment of special constables" name one of the two).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from recgraph.graph.enrich.vocabulary import Vocabulary, load_vocabulary
from recgraph.graph.enrich.words import Match, Matcher
from recgraph.graph.reading.readers.phrases import sentence_spans

#: Words that may stand between the group and the stage of one phrase: a noun phrase's determiner
#: and two modifiers after a preposition ("recruitment of the most qualified minority ethnic"), or a
#: list of three stages ("recruitment, progression and retention of").
GAP = 4
#: Punctuation that ends a clause or opens an aside: a group and a stage it separates are not one phrase.
_CLAUSE = re.compile(r"[;:]|\s[-\u2013\u2014]\s")
_WORD = re.compile(r"[A-Za-z0-9]+")
#: Conjunctions: between a group and a stage they join two clauses or two things ("black residents and
#: the recruitment of informants"), except in a list of stages or groups ("recruitment, progression and
#: retention of", "the resignation rates of women and BME staff"), where a stage or a group follows them,
#: and in two nouns joined before one complement, the stage first ("the progression and development of BME
#: officers": both nouns are of the group; English coordinates heads so, one noun then the preposition).
_CONJUNCTIONS = frozenset({"and", "or"})
#: Prepositions: a stage and a group with two between are a stage of something else that the group
#: qualifies ("the retention of exhibits of gay victims"); one is a noun and its complement
#: ("the retention of women officers", "promotion ladder at which BME officers ...").
_PREPOSITIONS = frozenset({"of", "for", "in", "into", "at", "on", "from", "among", "amongst", "to", "by", "with", "within"})

#: The themes that are stages of employment (themes.ttl), in the order the framework names them.
STAGES = ("https://w3id.org/recgraph/theme/recruitment", "https://w3id.org/recgraph/theme/retention",
          "https://w3id.org/recgraph/theme/promotion")


@dataclass(frozen=True)
class Disparity:
    """A group and a stage named in one sentence: where, and the words as printed."""

    group: str
    stage: str
    #: The words from the first of the two names to the last, as printed.
    words: str

    @property
    def key(self) -> tuple[str, str]:
        return self.group, self.stage


@lru_cache(maxsize=4)
def _matchers(groups: Vocabulary, themes: Vocabulary) -> tuple[Matcher, Matcher]:
    stages = Matcher((c.iri, label) for c in themes if c.iri in STAGES for label in c.labels)
    return Matcher((c.iri, label) for c in groups for label in c.labels), stages


def vocabularies() -> tuple[Vocabulary, Vocabulary]:
    """The groups and themes vocabularies (cached; read again when a file changed): read them once
    for many texts, each read checks the files."""
    return load_vocabulary("groups"), load_vocabulary("themes")


def disparities(text: str | None, groups: Vocabulary | None = None, themes: Vocabulary | None = None) -> tuple[Disparity, ...]:
    """Each group and stage a sentence of ``text`` names together, the first place each pair is named.

    Examples
    --------
    >>> [(d.group.rsplit("/", 1)[1], d.stage.rsplit("/", 1)[1], d.words) for d in disparities(
    ...     "Black and minority ethnic officers leave at twice the rate. Review the retention of women officers.")]
    [('women', 'retention', 'retention of women')]
    >>> disparities("Improve diversity training. Review the recruitment of special constables.")
    ()
    >>> disparities("Recruit analysts within a year, reporting to the committee, with the women's network consulted.")
    ()
    """
    if not text:
        return ()
    if groups is None or themes is None:
        groups, themes = vocabularies()
    return _disparities(text, groups, themes)


@lru_cache(maxsize=65536)
def _disparities(text: str, groups: Vocabulary, themes: Vocabulary) -> tuple[Disparity, ...]:
    group_matcher, stage_matcher = _matchers(groups, themes)
    named = group_matcher.find(text)
    if not named:
        return ()
    found: dict[tuple[str, str], Disparity] = {}
    for group, stage in named_together(text, named, stage_matcher.find(text)):
        found.setdefault((group.concept, stage.concept), _disparity(text, group, stage))
    return tuple(found.values())


def named_together(text: str, firsts: list[Match], seconds: list[Match]) -> Iterator[tuple[Match, Match]]:
    """Each pair of a match of ``firsts`` and one of ``seconds`` on other words of ``text`` named in one
    phrase (the same sentence, :func:`one_phrase`), by sentence, then ``seconds``, then ``firsts`` in order."""
    listed = {m.start for m in (*firsts, *seconds)}
    for start, end in sentence_spans(text):
        inside = [m for m in firsts if start <= m.start < end]
        for second in (m for m in seconds if start <= m.start < end):
            for first in inside:
                apart = first.end <= second.start or second.end <= first.start
                if apart and one_phrase(text, first, second, listed):
                    yield first, second


def one_phrase(text: str, group: Match, stage: Match, listed: set[int]) -> bool:
    """Whether a group and a stage are named in one phrase: few words between, no clause break, no
    conjunction but in a list of stages or groups (``listed``: where each starts), at most one preposition."""
    offset = min(group.end, stage.end)
    between = text[offset:max(group.start, stage.start)]
    words = list(_WORD.finditer(between))
    if len(words) > GAP or _CLAUSE.search(between):
        return False
    for index, word in enumerate(words):
        if word.group().lower() in _CONJUNCTIONS:
            following = offset + words[index + 1].start() if index + 1 < len(words) else max(group.start, stage.start)
            if following not in listed and not _joined_heads(words[index + 1:], stage.end <= group.start):
                return False
    return sum(word.group().lower() in _PREPOSITIONS for word in words) <= 1


def _joined_heads(after: list[re.Match], stage_first: bool) -> bool:
    """Whether the words after a conjunction, up to the group, are one noun and its preposition: a
    stage and another noun that share the group as their complement ("progression and development
    of BME officers"). Not a determiner ("and the recruitment of"), not a longer phrase, and only
    with the stage first: "BME officers and staff in recruitment" are not BME recruitment."""
    return (stage_first and len(after) == 2 and after[1].group().lower() in _PREPOSITIONS
            and after[0].group().lower() not in _DETERMINERS)


#: Words that open a noun phrase (a conjunction before one opens another phrase, not a second head).
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "all", "any", "each"})


def _disparity(text: str, group: Match, stage: Match) -> Disparity:
    return Disparity(group.concept, stage.concept, text[min(group.start, stage.start):max(group.end, stage.end)])


def disparity_keys(text: str | None) -> frozenset[tuple[str, str]]:
    """The (group, stage) pairs of :func:`disparities`."""
    return frozenset(d.key for d in disparities(text))
