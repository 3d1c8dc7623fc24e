"""Leave-one-survey-out measurement of the grammar of status statements (recgraph.graph.enrich.statements).

The three surveys of status phrases printed in real papers (bench/status_phrases_heldout.py; the phrases
are third-party text kept outside the repository) are all development data by now. To measure the grammar
on phrases it was not built from, each survey in turn is left out: the grammar's rules that only that
survey's misses prompted (``Feature.prompted_by``) are turned off, and the rest is measured on it, beside
the lexicon as it stands on main (every grammar rule off). The held-back third of each survey (never looked
at while changing statuses.ttl) is shown too. A second table takes each prompted rule away on its own, on
the surveys it is measured on when they are left out (every survey for a rule no single survey prompted):
a rule that does not improve any of them does not carry over.

Run: .venv/bin/python bench/status_grammar_loso.py SURVEY1.tsv SURVEY2.tsv SURVEY3.tsv [--show-changes]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from status_phrases_heldout import RECORDS, read_phrases, split_pages  # noqa: E402

from recgraph.graph.enrich.statements import FEATURES  # noqa: E402
from recgraph.graph.enrich.status import infer_status, status_from_phrase  # noqa: E402
from recgraph.graph.enrich.vocabulary import load_vocabulary  # noqa: E402

ALL_OFF = frozenset(FEATURES)


def decide(phrase: str, statuses, without) -> str:
    """The status recgraph gives a printed status phrase, as the pipeline does (phrase, else inference)."""
    return (status_from_phrase(phrase, statuses, without) or infer_status(phrase, statuses)).notation


def left_out(survey: int) -> frozenset[str]:
    """The rules turned off when ``survey`` is left out: those only its misses prompted."""
    return frozenset(name for name, f in FEATURES.items() if f.prompted_by and f.prompted_by <= {survey})


def score(rows, statuses, without) -> tuple[int, int, int, int]:
    """(right, phrases, in-progress right, in-progress phrases)."""
    right = ip_right = ip = 0
    for _, phrase, expected in rows:
        got = decide(phrase, statuses, without)
        right += got == expected
        ip += expected == "in_progress"
        ip_right += expected == "in_progress" and got == expected
    return right, len(rows), ip_right, ip


def _cell(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.0%})"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phrases", type=Path, nargs=3, help="the phrase files of surveys 1, 2 and 3")
    parser.add_argument("--show-changes", action="store_true", help="print the phrases whose status the grammar changes")
    args = parser.parse_args(argv)
    statuses = load_vocabulary("statuses")
    surveys = {n: read_phrases(path, n) for n, path in enumerate(args.phrases, 1)}
    print("| left-out survey | part | phrases | main (no grammar) | with the grammar | in progress, main | in progress, with |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for n, rows in surveys.items():
        held = split_pages([a for a, _, _ in rows], RECORDS[n])
        off = left_out(n)
        for part, subset in (("all", rows), ("held-back third", [r for r in rows if r[0] in held])):
            before, after = score(subset, statuses, ALL_OFF), score(subset, statuses, off)
            print(f"| {n} (rules off: {', '.join(sorted(off)) or 'none'}) | {part} | {before[1]} | {_cell(*before[:2])} |"
                  f" {_cell(*after[:2])} | {_cell(*before[2:])} | {_cell(*after[2:])} |")
        if args.show_changes:
            for _, phrase, expected in rows:
                was, now = decide(phrase, statuses, ALL_OFF), decide(phrase, statuses, off)
                if was != now:
                    print(f"    survey {n} [{expected}] {was} -> {now}: {phrase!r}")
    print()
    print("| rule | prompted by surveys | measured on | right without it | right with it | in progress without | with |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    for name, feature in FEATURES.items():
        for n in [n for n in surveys if name not in left_out(n)]:
            off = left_out(n)
            without, with_it = score(surveys[n], statuses, off | {name}), score(surveys[n], statuses, off - {name})
            prompted = ", ".join(map(str, sorted(feature.prompted_by))) or "none (general sources)"
            print(f"| {name} | {prompted} | survey {n} | {without[0]} | {with_it[0]} | {without[2]} | {with_it[2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
