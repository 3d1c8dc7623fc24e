"""Mentions by topic in the read and build summaries: how many were attached, and each one that
was not (ambiguous or unmatched), so none goes unreported. Nothing here computes."""

from __future__ import annotations

from collections import Counter

from rich.console import Console

from recgraph.cli.tables import make_console


def print_topic_mentions(matches, console: Console | None = None) -> None:
    """A line of counts when any paper cites recommendations by topic, then one line per mention by
    topic that cites no recommendation; ``matches`` as :func:`recgraph.graph.linking.resolve_topics`
    gives them (see recgraph.graph.linking.topics for the rule)."""
    if not matches:
        return
    console = console or make_console()
    counts = Counter(match.outcome for match in matches)
    console.print(
        f"{len(matches)} mention(s) by topic: {counts['resolved']} resolved, {counts['ambiguous']} ambiguous, "
        f"{counts['unmatched']} unmatched",
        highlight=False, markup=False, soft_wrap=True,
    )
    for match in matches:
        if match.outcome != "resolved":
            console.print(f"  {match.describe()}", highlight=False, markup=False, soft_wrap=True)
