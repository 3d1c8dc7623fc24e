"""Problems: the kind of problem an ask names about one process, in one phrase.

A later report often raises an earlier report's problem about the same process in other words and
with another remedy: "racial disparities in stop and search" and "the disproportionate use of stop and
search on black people". Two texts that name the same *process* (a narrow theme of themes.ttl: stop
and search, custody, recruitment, appraisal ...) with the same *kind of problem* in one phrase raise
the same problem about the same object. A recommendation names a *facet* (process, problem) when a cue
of a problem of :data:`PROBLEMS` and a label of a process are in one phrase, by the grammar of
:mod:`.disparities` (one sentence, at most :data:`~.disparities.GAP` words between, no clause break).

The kinds of problem are those published frameworks ask about, each cited at its entry; they are
not drawn from judged pairs. None is on by default (``RepeatOptions.problems``): measured on the four
real-pair sets, none helped a set it was not chosen from (docs/repeats-real-papers.md, "A process
and a problem").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from recgraph.errors import RecgraphError
from recgraph.graph.enrich.vocabulary import Vocabulary, load_vocabulary
from recgraph.graph.enrich.words import Matcher
from recgraph.graph.linking.disparities import named_together

PROBLEM = "https://w3id.org/recgraph/problem/"

#: Each kind of problem and its cue words, matched as theme labels are (whole words, inflections).
PROBLEMS: dict[str, tuple[str, ...]] = {
    # Equality Act 2010, s.149(1) (the public sector equality duty): "eliminate discrimination ...
    # advance equality of opportunity"; HMICFRS PEEL legitimacy: whether powers such as stop and
    # search are used fairly, and "disproportionality" in their use.
    "disparity": ("disparity", "disparities", "disproportionality", "disproportionate", "disproportionately",
                  "discrimination", "discriminatory", "bias", "biased", "unfair", "unfairly", "unfairness",
                  "racism", "racist", "over-representation", "under-representation", "overrepresentation",
                  "underrepresentation", "over-represented", "under-represented", "equality of opportunity"),
    # Equality Act 2010 (Specific Duties) Regulations 2011, reg. 4 (publish information showing
    # compliance); HMICFRS PEEL: "how well the force monitors" its use of powers and its people.
    "monitoring": ("monitor", "monitoring", "monitored", "performance indicator", "performance indicators",
                   "evaluation", "evaluate", "evaluated"),
    # HMICFRS PEEL efficiency: whether a force understands the capability of its workforce and the
    # skills it lacks ("shortage", "shortfall", "skills gap").
    "shortage": ("shortage", "shortages", "shortfall", "shortfalls", "skills gap", "skills gaps"),
}


class UnknownProblemError(RecgraphError, ValueError):
    """A kind of problem that :data:`PROBLEMS` does not list."""


#: Themes that are an area or a problem rather than a process: the diversity theme is the area of a
#: disparity itself ("diversity" and "discrimination" name one problem twice, no process).
_NOT_PROCESSES = frozenset({"https://w3id.org/recgraph/theme/diversity-and-inclusion"})


@dataclass(frozen=True)
class Facet:
    """A process and a kind of problem named in one phrase, and the words as printed."""

    process: str
    problem: str
    words: str

    @property
    def key(self) -> tuple[str, str]:
        return self.problem, self.process


@lru_cache(maxsize=8)
def _matchers(themes: Vocabulary, kinds: tuple[str, ...]) -> tuple[Matcher, Matcher]:
    processes = Matcher((c.iri, label) for c in themes if c.broader and c.iri not in _NOT_PROCESSES for label in c.labels)
    cues = Matcher((PROBLEM + kind, cue) for kind in kinds for cue in PROBLEMS[kind])
    return processes, cues


def facets(text: str | None, kinds: tuple[str, ...] = tuple(PROBLEMS), themes: Vocabulary | None = None) -> tuple[Facet, ...]:
    """Each (process, problem) a phrase of ``text`` names, the first place each is named.

    Examples
    --------
    >>> [(f.process.rsplit("/", 1)[1], f.words) for f in facets("Reduce racial disparities in stop and search.")]
    [('stop-and-search', 'disparities in stop and search')]
    >>> facets("Tackle discrimination. Then review stop and search forms for accuracy.")
    ()
    """
    unknown = [kind for kind in kinds if kind not in PROBLEMS]
    if unknown:
        raise UnknownProblemError(f"unknown kind of problem {unknown[0]!r}; known: {', '.join(PROBLEMS)}")
    if not text or not kinds:
        return ()
    return _facets(text, tuple(kinds), themes if themes is not None else load_vocabulary("themes"))


@lru_cache(maxsize=65536)
def _facets(text: str, kinds: tuple[str, ...], themes: Vocabulary) -> tuple[Facet, ...]:
    process_matcher, cue_matcher = _matchers(themes, kinds)
    cues = cue_matcher.find(text)
    if not cues:
        return ()
    found: dict[tuple[str, str], Facet] = {}
    for process, cue in named_together(text, process_matcher.find(text), cues):
        first, last = min(cue.start, process.start), max(cue.end, process.end)
        found.setdefault((cue.concept, process.concept), Facet(process.concept, cue.concept, text[first:last]))
    return tuple(found.values())
