"""Repeat detection on synthetic corpora with planted repeats: accuracy, time and memory (not a test).

For each size N, writes a seeded synthetic corpus (``recgraph.graph.synthetic.generate_corpus``:
papers in every layout with planted repeat groups and a truth.json), reads and enriches it with the
real readers and enrichment, and keeps the recommendations as repeat detection sees them
(``items_from``). Then, in a fresh process (so that its peak memory is detection's own plus the
items), times :func:`recgraph.graph.linking.repeats.detect_repeats` at the documented threshold and
measures the links against the planted groups: strict precision (the truth is complete) and recall,
also across thresholds. Writes the figures into docs/benchmarks.md under "Repeat detection" (other
sections are kept).

The synthetic corpus plants repeats with the detector's own vocabulary (the same issue templates
and specifics the planted members share): its precision and recall measure speed and scale, not the
quality of the decision. Quality is measured on pairs we judged by reading both texts
(tests/linking/judged_pairs.json): ``--judged`` prints reiterates precision and recall on them, the
seed pairs (development data) apart from the fixture pairs (held out), for the default rule and for
the object-of-the-ask rule (``RepeatOptions(objects=True)``).

Run: .venv/bin/python bench/repeats.py [N ...] [--seed S] [--work DIR]
     (default sizes: 1000 10000 100000; corpora are kept in DIR, default /tmp/recgraph-bench-repeats)
     .venv/bin/python bench/repeats.py --judged
"""

from __future__ import annotations

import argparse
import gc
import os
import json
import pickle
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "## Repeat detection"
TABLE_THRESHOLDS = [round(0.18 + 0.01 * i, 2) for i in range(13)]


def prepare(n: int, seed: int, work: Path) -> Path:
    """Write, read and enrich a corpus of ``n`` recommendations; pickle its items and planted groups."""
    from recgraph.graph.enrich import enrich
    from recgraph.graph.linking.evaluation import planted_groups
    from recgraph.graph.linking.repeats import items_from
    from recgraph.graph.reading.papers import read_papers
    from recgraph.graph.synthetic import generate_corpus

    out = work / f"n{n}-seed{seed}"
    items_file = out / "items.pickle"
    if items_file.exists():
        return items_file
    started = time.perf_counter()
    corpus = generate_corpus(out, n, seed)
    outcome = read_papers([corpus.papers_dir])
    if outcome.errors:
        raise SystemExit(f"{len(outcome.errors)} papers could not be read, e.g. {outcome.errors[0]}")
    items = items_from(outcome.results, enrich(outcome.results))
    with items_file.open("wb") as handle:
        pickle.dump((items, planted_groups(corpus.truth)), handle, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"prepared {n:,} recommendations in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return items_file


def detect(items_file: Path) -> dict:
    """Time detection at the documented threshold on pickled items; P/R across thresholds."""
    from recgraph.graph.linking.evaluation import score_pairs, threshold_table
    from recgraph.graph.linking.repeats import THRESHOLD, RepeatOptions, detect_repeats

    with items_file.open("rb") as handle:
        items, groups = pickle.load(handle)
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load = os.getloadavg()[0]
    _cold()
    started = time.perf_counter()
    repeats = detect_repeats(items)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    _cold()  # side by side, same process, same cold caches: the score gate alone (no objects named alike, no group at a stage)
    started = time.perf_counter()
    gate_only = detect_repeats(items, RepeatOptions(compounds=False, disparities=False))
    gate_seconds = time.perf_counter() - started
    load = max(load, os.getloadavg()[0])
    at = score_pairs({r.pair for r in repeats if r.relation == "reiterates"}, groups, THRESHOLD)
    wide = detect_repeats(items, RepeatOptions(threshold=min(TABLE_THRESHOLDS)))
    table = threshold_table(((r.pair, r.score) for r in wide if r.relation == "reiterates"), groups, TABLE_THRESHOLDS)
    return {
        "n": len(items),
        "seconds": round(seconds, 1),
        "gate_seconds": round(gate_seconds, 1),
        "gate_links": sum(r.relation == "reiterates" for r in gate_only),
        "load": round(load, 1),
        "peak_mib": round(peak / 1024),
        "before_mib": round(before / 1024),
        "links": sum(r.relation == "reiterates" for r in repeats),
        "related": sum(r.relation == "relatedTo" for r in repeats),
        "planted": at.reference,
        "found": at.true_positives,
        "precision": round(at.strict_precision, 3),
        "recall": round(at.recall, 3),
        "table": [(s.threshold, round(s.strict_precision, 3), round(s.recall, 3)) for s in table],
    }


def _cold() -> None:
    """Empty the per-text caches detection fills (terms, linked pairs, compounds, printed words,
    disparities), so that the second of two timed runs does not start with the first one's work done."""
    from recgraph.graph.linking import disparities, repeats, terms

    for cached in (*terms._READERS, repeats._printed_pieces, disparities._disparities):
        cached.cache_clear()
    gc.collect()


def judged() -> list[str]:
    """Reiterates precision and recall on the judged pairs: development (seed) and held-out (fixture) pairs."""
    import recgraph
    from recgraph.graph.enrich import enrich
    from recgraph.graph.linking import link
    from recgraph.graph.linking.evaluation import is_development, judge, judged_results
    from recgraph.graph.linking.repeats import RepeatOptions
    from recgraph.graph.reading.papers import read_papers

    pairs = json.loads((ROOT / "tests" / "linking" / "judged_pairs.json").read_text(encoding="utf-8"))["pairs"]
    results = judged_results(pairs, read_papers([recgraph.data_path() / "papers"]).results)
    enrichment = enrich(results)
    lines = []
    for rule, options in (("default rule", None), ("object of the ask (RepeatOptions(objects=True))", RepeatOptions(objects=True))):
        lines.append(f"{rule}:")
        lines += _judged_lines(link(results, enrichment, options).repeats, pairs, is_development, judge)
    return lines


def _judged_lines(found, pairs, is_development, judge) -> list[str]:
    lines = []
    for name, chosen in (("development (seed pairs)", [p for p in pairs if is_development(p)]),
                         ("held out (fixture pairs)", [p for p in pairs if not is_development(p)]),
                         ("all", pairs)):
        s = judge(found, chosen)
        lines.append(f"{name}: {s.pairs} pairs, {s.judged_reiterates} judged reiterates, {s.predicted_reiterates} linked as "
                     f"reiterates, {s.true_positives} right: precision {s.precision:.2f}, recall {s.recall:.2f}")
        lines += [f"  wrongly linked: {a} > {b}" for a, b in s.false_positives]
        lines += [f"  missed: {a} > {b}" for a, b in s.false_negatives]
    return lines


def write_docs(rows: list[dict], seed: int) -> None:
    import sklearn

    from recgraph.graph.linking.repeats import NEIGHBOURS, THRESHOLD, RepeatOptions
    from recgraph.graph.linking.similarity import WEIGHTS

    options = RepeatOptions()
    lines = [
        HEADING,
        "",
        f"`bench/repeats.py` writes synthetic corpora (`generate_corpus(out, N, seed={seed})`: papers in every layout",
        "with planted repeat groups, whose members share an issue's six specifics in other words, while",
        "recommendations on the same issue template that are not planted together differ in at least three),",
        "reads and enriches them with the real readers, then times `detect_repeats` in a fresh process on",
        "the recommendations read (score "
        f"{WEIGHTS['words']} × words + {WEIGHTS['themes']} × themes + {WEIGHTS['systems']} × systems, threshold {THRESHOLD};",
        f"candidates: each recommendation's {NEIGHBOURS} best word neighbours in other reports, searched from",
        f"{options.blocking_from:,} items on through each item's {options.features_per_item} strongest features held by at most",
        f"{options.blocking_df:.1%} of the items, plus every two carriers of a specific theme or system).",
        "Precision is strict (every link counts: the planted truth is complete); recall is over the planted",
        "pairs. Peak memory is the detecting process's peak resident size, including the recommendations",
        "loaded (\"before\"), Python and the libraries.",
        f"Machine: {platform.machine()}, 2 cores; Python {platform.python_version()}, scikit-learn {sklearn.__version__}.",
        "",
        "Beside each run, in the same process: detection with the score gate alone (`RepeatOptions(compounds=False,",
        "disparities=False)`, without the rules of objects named alike and of a group at a stage of docs/enrichment.md),",
        "its time and links, and the machine's load",
        "average (1 minute, the higher of before and after): on this shared 2-core machine the times vary several",
        "fold with the load, so compare the two times of one row rather than rows of different runs.",
        "",
        "| recommendations | time (s) | score gate alone (s) | load | peak memory (MiB) | before detection (MiB) | links | links, score gate alone | planted pairs | found | precision | recall |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['seconds']} | {r.get('gate_seconds', '')} | {r.get('load', '')} | {r['peak_mib']:,} "
            f"| {r['before_mib']:,} | {r['links']:,} | {r.get('gate_links', 0):,} | {r['planted']:,} "
            f"| {r['found']:,} | {r['precision']:.3f} | {r['recall']:.3f} |"
        )
    lines += ["", "Precision / recall across thresholds (the documented one in bold):", ""]
    lines.append("| threshold | " + " | ".join(f"{r['n']:,}" for r in rows) + " |")
    lines.append("| ---: |" + " ---: |" * len(rows))
    for index, threshold in enumerate(TABLE_THRESHOLDS):
        mark = f"**{threshold:.2f}**" if abs(threshold - THRESHOLD) < 1e-9 else f"{threshold:.2f}"
        cells = [f"{r['table'][index][1]:.3f} / {r['table'][index][2]:.3f}" for r in rows]
        lines.append(f"| {mark} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Targets (issues 4 and 8): 100,000 recommendations in under 60 s and 4 GB on this 2-core machine.",
        "The corpus plants repeats with the detector's own vocabulary, so these precision and recall figures",
        "measure speed and scale, not the quality of the decision: that is measured on pairs judged by reading",
        "both texts (docs/enrichment.md, \"Repeats\"). Links here are the `reiterates` ones.",
        "",
    ]
    section = "\n".join(lines)
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/recgraph-bench-repeats"))
    parser.add_argument("--detect", type=Path, help=argparse.SUPPRESS)  # the fresh-process step
    parser.add_argument("--judged", action="store_true", help="measure on the judged pairs and stop")
    args = parser.parse_args(argv)
    if args.judged:
        print("\n".join(judged()))
        return
    if args.detect:
        print(json.dumps(detect(args.detect)))
        return
    rows = []
    for n in args.sizes:
        items_file = prepare(n, args.seed, args.work)
        out = subprocess.run(
            [sys.executable, __file__, "--detect", str(items_file)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print({k: v for k, v in rows[-1].items() if k != "table"}, flush=True)
    write_docs(rows, args.seed)


if __name__ == "__main__":
    main(sys.argv[1:])
