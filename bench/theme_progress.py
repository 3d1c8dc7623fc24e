"""The progress-only theme rule (recgraph.graph.enrich.themes.PROGRESS_MIN_HITS) against the fixture papers:
every theme their progress text alone would tag, and the judgements of docs/survey/progress-theme-judgements.json.
Used by bench/enrichment_seeds.py for docs/enrichment.md ("Themes").
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from recgraph.graph.enrich.themes import PROGRESS_MIN_HITS, theme_matcher
from recgraph.graph.enrich.vocabulary import load_vocabulary
from recgraph.graph.reading.papers import read_papers

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/formats"
PROGRESS_JUDGEMENTS = ROOT / "docs/survey/progress-theme-judgements.json"


def progress_candidates() -> Counter:
    """(report, number, theme) -> progress matches, for every theme the fixture papers' progress alone
    would tag (read with the real readers, so that progress and recommendation text are apart)."""
    themes = load_vocabulary("themes")
    matcher = theme_matcher(themes)
    results = read_papers(sorted(FIXTURES.glob("*/*.txt"))).results
    progress: dict[tuple[str, str], list[str]] = defaultdict(list)
    for result in results:
        for update in result.updates:
            progress[(update.source_report, update.recommendation)].append(update.progress or "")
    found: Counter = Counter()
    labels = {c.iri: c.pref_label for c in themes}
    for result in results:
        for rec in result.recommendations:
            own = {m.concept for text in (rec.heading, rec.text) for m in matcher.find(text)}
            hits = Counter(m.concept for text in progress.get(rec.key, ()) for m in matcher.find(text))
            for concept, count in hits.items():
                if concept not in own:
                    found[(rec.key[0], rec.key[1], labels[concept])] = count
    return found


def progress_rule_lines() -> list[str]:
    """The justification of the progress-only rule from the judged fixture candidates."""
    judged = {(c["report"], c["number"], c["theme"]): c for c in
              json.loads(PROGRESS_JUDGEMENTS.read_text(encoding="utf-8"))["candidates"]}
    found = progress_candidates()
    by_count: dict[int, list[bool]] = defaultdict(list)
    for key, count in found.items():
        if key in judged:
            by_count[count].append(judged[key]["right"])
    unjudged = sorted(set(found) - set(judged))
    counts = ", ".join(f"{k} match{'es' if k > 1 else ''}: {sum(v)} of {len(v)} right" for k, v in sorted(by_count.items()))
    lines = [
        "The progress-only rule is justified by counts on the fixture papers (held out from the seeds), not the",
        "seeds: every theme their progress alone would tag was judged by reading the recommendation",
        f"(`docs/survey/progress-theme-judgements.json`). {counts}; none reaches {PROGRESS_MIN_HITS}. One or two",
        f"matches in the progress are mostly wrong, so they do not tag; {PROGRESS_MIN_HITS} is the least count these",
        "papers do not show to be mostly wrong. No fixture recommendation reaches it, so it is a floor the data",
        "supports, not a precision it measures (a test ties the constant to the judgements).",
    ]
    if unjudged:
        lines.append(f"Candidates not judged yet (readers changed since): {len(unjudged)}.")
    return lines
