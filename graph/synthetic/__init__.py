"""Beside the flow, test corpora: takes a size and seed and gives paper files with their truth.

A seeded synthetic corpus of monitoring papers in every layout family, with its ground truth.

:func:`generate_corpus` writes papers that the real readers read (``table``, ``proforma``,
``pdf_columns``, ``committee``, ``implementation``, each with its family's quirks), a
``catalogue.toml`` naming each paper's source reports (key, issuer, year, kind) and a ``truth.json``
recording, for every recommendation, what a reader and the later stages should find: its paper,
source report, number, parent, themes, systems, status, owner and cross-references, plus the
planted repeat groups (the same issue recommended again by another report in a later year, in
other words).

The corpus depends only on the seed (``random.Random(seed)`` and per-paper generators derived from
it; no global random state). Papers are written one at a time and the truth is streamed, so the
memory used does not grow with the texts.

The parts: :mod:`.vocabulary` and :mod:`.issues` (the words), :mod:`.planning` (papers, reports,
numbers, issues and repeats), :mod:`.content` (one recommendation's words, status and pointer) and
one writer per family group (:mod:`.tabular`, :mod:`.pdf`, :mod:`.web`).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from recgraph.graph.synthetic.pdf import write_pdf
from recgraph.graph.synthetic.planning import CorpusPlan, PaperPlan, plan_corpus
from recgraph.graph.synthetic.tabular import write_proforma, write_table
from recgraph.graph.synthetic.web import write_committee, write_implementation

__all__ = ["Corpus", "generate_corpus", "PAPER_NAME"]

WRITERS = {
    "table": write_table,
    "proforma": write_proforma,
    "pdf_columns": write_pdf,
    "committee": write_committee,
    "implementation": write_implementation,
}
#: Generated papers are named like the seeds: a running number and a hash-like tag.
PAPER_NAME = re.compile(r"^\d{5}_[0-9a-f]{16}\.txt$")
#: Layouts whose papers print no date: the catalogue gives the year.
_UNDATED = ("table", "proforma")


@dataclass(frozen=True)
class Corpus:
    """Where a generated corpus is and what it holds."""

    root: Path
    papers_dir: Path
    catalogue: Path
    truth: Path
    papers: int
    recommendations: int
    repeat_groups: int
    layouts: dict[str, int] = field(default_factory=dict)  # papers per layout family


def generate_corpus(
    out_dir: str | Path,
    recommendations: int,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Write a synthetic corpus of ``recommendations`` recommendations under ``out_dir``.

    Parameters
    ----------
    out_dir : the folder to write to; papers go to ``out_dir/papers/``, the catalogue to
        ``out_dir/catalogue.toml`` (where the readers look for it) and the truth to
        ``out_dir/truth.json``. Generated papers left there by an earlier run are replaced.
    recommendations : how many recommendations in all (lettered parts and their headings count).
    seed : the same seed gives the same bytes.
    progress : called after each paper with (recommendations written, recommendations in all).

    Returns
    -------
    Corpus : the paths and counts of what was written.

    Raises
    ------
    ValueError : ``recommendations`` is less than 1.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as out:
    ...     corpus = generate_corpus(out, 40, seed=1)
    >>> corpus.recommendations, sorted(corpus.layouts) == sorted(WRITERS)
    (40, True)
    """
    if recommendations < 1:
        raise ValueError(f"a corpus needs at least 1 recommendation, not {recommendations}")
    root = Path(out_dir)
    papers_dir = root / "papers"
    papers_dir.mkdir(parents=True, exist_ok=True)
    for stale in papers_dir.iterdir():
        if PAPER_NAME.match(stale.name):
            stale.unlink()
    plan = plan_corpus(recommendations, random.Random(seed))
    catalogue = root / "catalogue.toml"
    catalogue.write_text(_catalogue(plan), encoding="utf-8")
    truth = root / "truth.json"
    written = 0
    with truth.open("w", encoding="utf-8") as out:
        out.write(_truth_head(plan, seed))
        first = True
        for paper in plan.papers:
            lines, records = WRITERS[paper.layout](paper, plan, random.Random(f"{seed}/{paper.index}"))
            (papers_dir / paper.file).write_text("\n".join(lines) + "\n", encoding="utf-8")
            for record in records:
                out.write(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False))
                first = False
            written += len(records)
            if progress:
                progress(written, recommendations)
        out.write("\n],\n" + _repeat_groups(plan) + "\n}\n")
    return Corpus(
        root, papers_dir, catalogue, truth, len(plan.papers), written, len(plan.groups),
        dict(Counter(paper.layout for paper in plan.papers)),
    )


def _catalogue(plan: CorpusPlan) -> str:
    """catalogue.toml: per paper, its body, a year when the text prints no date, its source reports."""
    out = ["# A synthetic corpus written by recgraph.graph.synthetic: what the papers' texts do not say.", ""]
    for paper in plan.papers:
        out += ["[[paper]]", f"file = {_toml(paper.file)}", 'body = "Metropolitan Police Authority"']
        if paper.layout in _UNDATED:
            out += [f'date = "{paper.year}"', 'date_note = "Synthetic paper; no date printed."']
        for report in paper.reports:
            out += [
                "",
                "  [[paper.source_report]]",
                f"  match = {_toml(report.title)}",
                f"  key = {_toml(report.key)}",
                f"  issuer = {_toml(report.issuer)}",
                f"  year = {_toml(report.year_text)}",
                f"  kind = {_toml(report.kind)}",
            ]
        out.append("")
    return "\n".join(out)


def _toml(text: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(text)


def _truth_head(plan: CorpusPlan, seed: int) -> str:
    papers = [_paper_entry(paper) for paper in plan.papers]
    reports = [
        {"key": r.key, "title": r.title, "issuer": r.issuer, "year": r.year, "year_text": r.year_text, "kind": r.kind, "paper": r.paper}
        for paper in plan.papers
        for r in paper.reports
    ]
    return (
        "{\n"
        f'"seed": {json.dumps(seed)},\n'
        f'"size": {sum(paper.size for paper in plan.papers)},\n'
        f'"papers": {json.dumps(papers, ensure_ascii=False)},\n'
        f'"source_reports": {json.dumps(reports, ensure_ascii=False)},\n'
        '"recommendations": ['
    )


def _paper_entry(paper: PaperPlan) -> dict:
    return {
        "file": paper.file,
        "layout": paper.layout,
        "year": paper.year,
        "source_reports": [report.key for report in paper.reports],
        "recommendations": paper.size,
    }


def _repeat_groups(plan: CorpusPlan) -> str:
    """The planted repeat groups, each a list of [paper, source report key, number], earliest first."""
    return '"repeat_groups": [\n' + ",\n".join(json.dumps([list(m) for m in group]) for group in plan.groups) + "\n]"
