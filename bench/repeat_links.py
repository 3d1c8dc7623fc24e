"""Dump the links repeat detection makes on pickled items, and compare two dumps (not a test).

A change meant to make detection faster must not change what it finds. This script runs
:func:`recgraph.graph.linking.repeats.detect_repeats` (default options) on the items that
``bench/repeats.py`` pickles (``/tmp/recgraph-bench-repeats/nN-seed0/items.pickle``) and writes one
line per link: relation, source, target, score to 6 decimals and the evidence, sorted, so that two
dumps made by two versions of the code are compared line by line. It prints the time detection took
and the load average (1 minute) before and after, so that two versions run one after the other on
a shared machine are compared by the ratio of their times.

Run: .venv/bin/python bench/repeat_links.py dump ITEMS.pickle OUT.tsv ['{"objects": true}']  (RepeatOptions fields)
     .venv/bin/python bench/repeat_links.py compare A.tsv B.tsv      (exit 1 when they differ)
(to dump with another checkout, put that checkout's ``recgraph`` first on PYTHONPATH)
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from pathlib import Path


def dump(items_file: Path, out: Path, options: dict | None = None) -> dict:
    """Detect repeats on the pickled items and write the links, one sorted line each."""
    from recgraph.graph.linking.repeats import RepeatOptions, detect_repeats

    with items_file.open("rb") as handle:
        items = pickle.load(handle)[0]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    repeats = detect_repeats(items, RepeatOptions(**(options or {})))
    seconds = time.perf_counter() - started
    lines = sorted(
        "\t".join((r.relation, "/".join(r.source), "/".join(r.target), f"{r.score:.6f}", r.evidence()))
        for r in repeats
    )
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return {"items": len(items), "links": len(lines), "reiterates": sum(r.relation == "reiterates" for r in repeats),
            "seconds": round(seconds, 1), "load": [round(load, 2), round(os.getloadavg()[0], 2)]}


def compare(first: Path, second: Path) -> int:
    """0 when the two dumps hold the same links, else 1 (the first few differences printed)."""
    a = first.read_text(encoding="utf-8").splitlines()
    b = second.read_text(encoding="utf-8").splitlines()
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    print(f"{first}: {len(a)} links; {second}: {len(b)} links; only in the first {len(only_a)}, only in the second {len(only_b)}")
    for line in only_a[:5]:
        print("-", line[:300])
    for line in only_b[:5]:
        print("+", line[:300])
    return 0 if a == b else 1


def main(argv: list[str]) -> int:
    if len(argv) in (3, 4) and argv[0] == "dump":
        options = json.loads(argv[3]) if len(argv) == 4 else None
        print(json.dumps(dump(Path(argv[1]), Path(argv[2]), options)), flush=True)
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
