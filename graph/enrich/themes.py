"""Tagging recommendations with the themes of themes.ttl, with the matched words as evidence.

A theme's preferred and alternative labels are matched as words (see :mod:`.words`) in the
recommendation's heading and text and in its progress. Grouping themes (scope note "grouping")
are never tagged. The rule (docs/enrichment.md, "Themes"):

* a label found in the heading or text of the recommendation tags its theme: what a
  recommendation asks for is what it is about;
* progress text only tells what was done, often naming neighbouring topics in passing, so a theme
  found only there needs :data:`PROGRESS_MIN_HITS` matches (the same or different labels);
* a narrow *issue* (scope note "issue": the 30+ scheme, postings, analysts ...) tagged this way
  tags its broader themes too, with the same evidence: a recommendation on the 30+ scheme is about
  retention, even where the longer label of the issue hid the shorter label of the theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from recgraph.graph.enrich.model import Evidence, ThemeTag
from recgraph.graph.enrich.vocabulary import Concept, Vocabulary
from recgraph.graph.enrich.words import Matcher
from recgraph.graph.model import ProgressUpdate, Recommendation

#: Matches a theme needs in the progress text alone to be tagged. Justified by counts on the fixture
#: papers (tests/fixtures/formats, held out from the seeds; judgements in
#: docs/survey/progress-theme-judgements.json): of the themes the progress alone would tag, 17 of 61
#: with one match and 2 of 7 with two are what the recommendation is about, so one or two matches must
#: not tag; 3 is the least count those papers do not show to be mostly wrong (none reaches it, so it is a
#: floor, not a measured precision).
PROGRESS_MIN_HITS = 3


@lru_cache(maxsize=8)
def theme_matcher(themes: Vocabulary) -> Matcher:
    """A matcher over the labels of every theme that can be tagged (grouping themes left out)."""
    return Matcher((c.iri, label) for c in themes if not c.grouping for label in c.labels)


def tag_themes(
    rec: Recommendation, updates: Sequence[ProgressUpdate], themes: Vocabulary
) -> tuple[ThemeTag, ...]:
    """The themes of one recommendation, each with the words that matched.

    Parameters
    ----------
    rec : the recommendation (its heading and text are read).
    updates : its progress updates, from any paper (their progress text is read).
    themes : the theme vocabulary.

    Returns
    -------
    tuple of ThemeTag : in the vocabulary's order, each with at least one piece of evidence.

    Examples
    --------
    >>> from recgraph.graph.enrich.vocabulary import parse_vocabulary
    >>> from recgraph.graph.model import Provenance
    >>> vocab = parse_vocabulary("themes", '''@prefix rg: <https://w3id.org/recgraph/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://x/appraisal> a rg:Theme ; skos:prefLabel "appraisal"@en ; skos:altLabel "PDR"@en .''')
    >>> rec = Recommendation("r", "1", "Clear the backlog of staff appraisals.", Provenance("p", 1, 1, "x"))
    >>> [(t.label, [e.words for e in t.evidence]) for t in tag_themes(rec, [], vocab)]
    [('appraisal', ['appraisals'])]
    """
    matcher = theme_matcher(themes)
    evidence: dict[str, list[Evidence]] = {}
    own: set[str] = set()
    for field_name, text in (("heading", rec.heading), ("text", rec.text)):
        for match in matcher.find(text):
            evidence.setdefault(match.concept, []).append(Evidence.of(field_name, match))
            own.add(match.concept)
    for update in updates:
        for match in matcher.find(update.progress):
            evidence.setdefault(match.concept, []).append(Evidence.of("progress", match))
    if not evidence:
        return ()
    layout = _layout(themes)
    tagged: dict[str, tuple[Evidence, ...]] = {}
    for iri in sorted(evidence, key=layout.position.__getitem__):
        found = evidence[iri]
        if iri in own or len(found) >= PROGRESS_MIN_HITS:
            tagged[iri] = tuple(dict.fromkeys(found))
    for concept in layout.issues:
        if concept.iri in tagged:
            for broader in concept.broader:
                implied = layout.by_iri.get(broader)
                if implied is not None and not implied.grouping:
                    tagged[broader] = tuple(dict.fromkeys((*tagged.get(broader, ()), *tagged[concept.iri])))
    concepts = (layout.by_iri[iri] for iri in sorted(tagged, key=layout.position.__getitem__))
    return tuple(ThemeTag(rec.key, c.iri, c.pref_label, tagged[c.iri]) for c in concepts)


@dataclass(frozen=True)
class _Layout:
    """Where each theme stands in its vocabulary, so a record's few themes are put in vocabulary
    order without walking the whole vocabulary for every record."""

    position: dict[str, int]
    by_iri: dict[str, Concept]
    issues: tuple[Concept, ...]


@lru_cache(maxsize=8)
def _layout(themes: Vocabulary) -> _Layout:
    position = {c.iri: i for i, c in enumerate(themes)}
    return _Layout(position, {c.iri: c for c in themes}, tuple(c for c in themes if c.issue))
