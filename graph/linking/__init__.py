"""Stage 3, linking: takes records and their enrichment and gives repeat and dependency links.

Each link comes with its evidence.

:func:`link` is the entry point: records and their enrichment in, :class:`Links` out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recgraph.graph.enrich.model import Dependency, Enrichment
from recgraph.graph.linking.dependencies import pointer_dependencies, programme_dependencies, report_dependencies
from recgraph.graph.linking.decisions import Decision
from recgraph.graph.linking.repeats import Repeat, RepeatOptions, find_repeats
from recgraph.graph.linking.topics import TopicMatch, resolve_topics
from recgraph.graph.model import ReadResult

__all__ = ["Decision", "Links", "link", "Repeat", "RepeatOptions", "TopicMatch", "resolve_topics"]


@dataclass(frozen=True)
class Links:
    """Repeat links (reiterates and relatedTo, rejected ones included), every dependency (on systems,
    recommendations, programmes, reports), and what each mention by topic cites (resolved or not)."""

    repeats: tuple[Repeat, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    topics: tuple[TopicMatch, ...] = ()


def link(
    results: Sequence[ReadResult], enrichment: Enrichment, options: RepeatOptions | None = None,
    decisions: Sequence[Decision] = (),
) -> Links:
    """Repeats and dependencies of every recommendation read.

    Parameters
    ----------
    results : what the readers read, one per paper.
    enrichment : their enrichment (themes and systems feed the repeat score, statuses the
        "recurring despite closure" flag; its system dependencies are passed through).
    options : how repeats are found (default: the documented threshold and weights).
    decisions : analysts' decisions on links (:mod:`.decisions`), which win over detection.
    """
    dependencies = (
        *enrichment.dependencies,
        *pointer_dependencies(results),
        *programme_dependencies(results),
        *report_dependencies(results),
    )
    return Links(find_repeats(results, enrichment, options, decisions), dependencies, resolve_topics(results))
