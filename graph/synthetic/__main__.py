"""``python -m recgraph.graph.synthetic OUT --size 1000 --seed 0``: write a synthetic corpus.

A thin wrapper for benchmarks and by-hand use; the library function is
:func:`recgraph.graph.synthetic.generate_corpus`.
"""

from __future__ import annotations

import argparse
import sys
import time

from recgraph.graph.synthetic import generate_corpus


def parse_size(text: str) -> int:
    """A count as written: "300", "10k", "100K", "1m".

    >>> parse_size("10k"), parse_size("1000")
    (10000, 1000)
    """
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    digits = text[:-1] if scale > 1 else text
    try:
        return int(digits) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1000, 10k or 100k") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recgraph.graph.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write papers/, catalogue.toml and truth.json to")
    parser.add_argument("--size", type=parse_size, default=1000, help="recommendations in all (1000, 10k, 100k)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed writes the same bytes")
    args = parser.parse_args(argv)
    if args.size < 1:
        parser.error("--size must be at least 1")
    started = time.perf_counter()
    corpus = generate_corpus(args.out, args.size, args.seed)
    layouts = ", ".join(f"{name} {count}" for name, count in sorted(corpus.layouts.items()))
    print(
        f"{corpus.recommendations} recommendations in {corpus.papers} papers ({layouts}), "
        f"{corpus.repeat_groups} repeat groups, written to {corpus.root} in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
