"""Held-out measurement of the status lexicon on status phrases printed in real committee papers.

The phrases are third-party text and are not in git: they live in a tab-separated file outside the
repository (``address``, ``phrase``, ``judged status``; lines starting with ``#`` are comments), judged
by reading each phrase before the lexicon was run on it. The papers' addresses, the counts and the
figures are recorded in docs/enrichment.md ("Statuses on unseen real papers").

The pages are split once, at random with a fixed seed, into a development part (two thirds of the
pages) and a held-back part (the other third, never looked at while changing the lexicon), so that a
second figure after any change is still measured on phrases the change was not made from.

Run: .venv/bin/python bench/status_phrases_heldout.py /tmp/rg/statuses/phrases.tsv [--show-misses]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from recgraph.graph.enrich.status import infer_status, status_from_phrase
from recgraph.graph.enrich.vocabulary import load_vocabulary

#: Seed of the page split; fixed before the lexicon was run on any phrase.
SPLIT_SEED = 15
HELD_BACK_SHARE = 1 / 3


def read_phrases(path: Path) -> list[tuple[str, str, str]]:
    """(address, phrase, judged status) rows of the tab-separated file."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"Error: {path}:{number}: expected 3 tab-separated fields, found {len(parts)}")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def split_pages(addresses: list[str]) -> set[str]:
    """The held-back third of the pages (by address), drawn with :data:`SPLIT_SEED`."""
    pages = sorted(set(addresses))
    random.Random(SPLIT_SEED).shuffle(pages)
    return set(pages[: round(len(pages) * HELD_BACK_SHARE)])


def decide(phrase: str, statuses) -> tuple[str, bool]:
    """The status recgraph gives a printed status phrase (as the pipeline does: phrase, else inference),
    and whether it came from the default (no pattern matched: in progress)."""
    found = status_from_phrase(phrase, statuses) or infer_status(phrase, statuses)
    return found.notation, found.rule.startswith("default")


def report(name: str, rows, statuses, show_misses: bool) -> None:
    right, per, confusion, misses, by_default = 0, defaultdict(lambda: [0, 0]), Counter(), [], 0
    for address, phrase, expected in rows:
        got, default = decide(phrase, statuses)
        by_default += default and got == expected
        per[expected][1] += 1
        if got == expected:
            right += 1
            per[expected][0] += 1
        else:
            confusion[(expected, got)] += 1
            misses.append((address, phrase, expected, got))
    pages = len({a for a, _, _ in rows})
    print(f"## {name}: {right}/{len(rows)} right ({right / len(rows):.0%}) on {pages} pages;"
          f" {by_default} of the right ones by the default (no pattern matched: in progress)")
    for concept in sorted(per, key=lambda c: -per[c][1]):
        ok, total = per[concept]
        print(f"  {concept:18} {ok:3}/{total:<3} ({ok / total:.0%})")
    for (expected, got), count in confusion.most_common():
        print(f"  miss: {expected} -> {got}: {count}")
    if show_misses:
        for address, phrase, expected, got in misses:
            print(f"    [{expected} -> {got}] {phrase!r}  ({address})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phrases", type=Path)
    parser.add_argument("--show-misses", action="store_true", help="print the missed phrases (development part only)")
    parser.add_argument("--held-back-misses", action="store_true", help="print the held-back part's misses too")
    args = parser.parse_args(argv)
    rows = read_phrases(args.phrases)
    held = split_pages([a for a, _, _ in rows])
    statuses = load_vocabulary("statuses")
    report("all phrases", rows, statuses, False)
    report("development part (2/3 of pages)", [r for r in rows if r[0] not in held], statuses, args.show_misses)
    report("held-back part (1/3 of pages)", [r for r in rows if r[0] in held], statuses, args.held_back_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
