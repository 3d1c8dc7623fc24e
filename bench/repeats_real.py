"""Repeat detection measured on held-out pairs of REAL papers' recommendations (not a test).

The pairs are judged by reading both texts side by side (``reiterates``: a later report raises
again the same problem about the same object; ``related``: same area, a different problem;
``unrelated``), in the shape of tests/linking/judged_pairs.json. One side of each pair is a
recommendation of a real committee paper (kept outside git: third-party text), the other a seed
recommendation (data/papers) or another real one. See docs/repeats-real-papers.md.

The script reads the seeds and the real papers together with the real readers, enriches them,
links them (``recgraph.graph.linking.link``, no analyst decisions: detection alone) and compares
the links with the judgements:

* ``reiterates``: precision and recall of the ``reiterates`` links on the judged pairs;
* any link: a ``reiterates`` or ``relatedTo`` link against a judgement of reiterates or related;
* the confusion (judged rows x linked columns) and the pairs missed or wrongly linked (labels only).

A side names its recommendation as recgraph keys it, ``report-key/number``; it may also name its
``paper`` (file name), which finds the recommendation by paper and number when the report key has
changed. A side that is found neither way was not read (a reading failure): its pair is listed and
left out of the figures. A side that carries its printed wording (``text``) and its ``paper`` is also
found by its text (``found_by_text`` in the figures), by this rule: both wordings are normalised (case,
quotes and dashes, every run of punctuation or space read as one space); the side is found when a record
read from that paper contains the side's wording (a quote cut short still matches; the quoter's
omissions marked by an ellipsis match any words, the pieces in order), or when a record's
wording is contained in the side's and has more than half of its words (a record that kept the lead-in
of a quoted item but lost its tail). With ``--coverage``, reading alone is measured (no linking): per
judged file, how many distinct quoted sides (``text`` and ``paper``) are read, and each one not read
with its paper and first words: "real recommendations read / quoted". With ``--quoted``, a side that is not read but quotes its printed wording
(``text``, with ``year`` and ``source``) is added as a recommendation of its own (as
bench/repeats.py does for fixture pairs), which measures the detector alone on those pairs.

Run: .venv/bin/python bench/repeats_real.py --papers DIR --judged FILE [--judged FILE2 ...]
         [--seeds DIR] [--quoted] [--coverage] [--json]
Exit code 0 when it ran, 2 when it could not (an ``Error:`` line names the file).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

JUDGEMENTS = ("reiterates", "related", "unrelated")
LINKED = ("reiterates", "relatedTo", "none")


class BenchError(Exception):
    """Bad input: the message names the file."""


@dataclass
class Pair:
    """One judged pair: its labels as given, the keys found for them (None: not read), the verdicts."""

    later: dict
    earlier: dict
    judgement: str
    source: str
    keys: tuple | None = None
    linked: str = "none"


@dataclass
class Outcome:
    pairs: list[Pair] = field(default_factory=list)
    unread: list[Pair] = field(default_factory=list)
    quoted: int = 0
    records: int = 0
    real_records: int = 0
    unjudged_reiterates: list[tuple[str, str]] = field(default_factory=list)
    found_by_text: int = 0
    coverage: list[dict] = field(default_factory=list)
    seconds: float = 0.0


def load_judged(path: Path) -> list[Pair]:
    """The pairs of one judged file; a missing field or an unknown judgement is an error naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BenchError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
    raw = data.get("pairs") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise BenchError(f"{path}: expected an object with a list 'pairs'")
    pairs = []
    for n, item in enumerate(raw, 1):
        try:
            later, earlier, judgement = item["later"], item["earlier"], item["judgement"]
            labels = (later["rec"], earlier["rec"])
        except (KeyError, TypeError):
            raise BenchError(f"{path}: pair {n} needs later.rec, earlier.rec and judgement") from None
        if judgement not in JUDGEMENTS:
            raise BenchError(f"{path}: pair {n}: judgement {judgement!r} is not one of {', '.join(JUDGEMENTS)}")
        if not all(isinstance(label, str) and "/" in label for label in labels):
            raise BenchError(f"{path}: pair {n}: a rec must read 'report-key/number', got {labels!r}")
        pairs.append(Pair(later, earlier, judgement, str(path)))
    return pairs


def _canonical(number: str) -> str:
    from recgraph.graph.reading.numbers import canonical_number

    return canonical_number(number)


def normalised(text: str) -> str:
    """Wording compared by text: lower case, every run of characters not a letter or digit one space."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"[^\W_]+", folded))


def _in_order(pieces: list[str], wording: str) -> bool:
    """Whether each piece occurs in ``wording`` (padded with spaces) after the one before, each from a word's start."""
    at = 0
    for piece in pieces:
        found = wording.find(f" {piece}", at)
        if found < 0:
            return False
        at = found + len(piece) + 1
    return True


class Index:
    """The recommendations read, found by label, by paper and number, or by paper and printed text."""

    def __init__(self, results) -> None:
        self.by_label: dict[tuple[str, str], tuple[str, str]] = {}
        self.by_paper: dict[tuple[str, str], tuple[str, str]] = {}
        self.texts: dict[str, list[tuple[str, tuple[str, str]]]] = {}
        for result in results:
            paper = Path(result.paper.file).name
            for rec in result.recommendations:
                key = (rec.source_report, rec.number)
                self.by_label.setdefault((rec.source_report, _canonical(rec.number)), key)
                self.by_paper.setdefault((paper, _canonical(rec.number)), key)
                self.texts.setdefault(paper, []).append((normalised(rec.text), key))

    def find(self, side: dict) -> tuple[str, str] | None:
        return self.find_how(side)[0]

    def find_how(self, side: dict) -> tuple[tuple[str, str] | None, str | None]:
        """The key found for a side and how: "key", "paper" (paper and number) or "text"."""
        report, _, number = side["rec"].partition("/")
        found = self.by_label.get((report, _canonical(number)))
        if found is not None:
            return found, "key"
        if side.get("paper"):
            paper = Path(str(side["paper"])).name
            found = self.by_paper.get((paper, _canonical(number)))
            if found is not None:
                return found, "paper"
            if side.get("text"):
                found = self.by_text(paper, str(side["text"]))
                if found is not None:
                    return found, "text"
        return None, None

    def by_text(self, paper: str, text: str) -> tuple[str, str] | None:
        """A record of this paper whose wording contains the quote, or is contained in it with most of its words."""
        quote = normalised(text)
        if not quote:
            return None
        words = len(quote.split())
        # the quoter's omissions, marked by an ellipsis, match any words: the pieces in order
        pieces = [normalised(piece) for piece in re.split(r"\.\.\.|\u2026", text)]
        pieces = [piece for piece in pieces if piece]
        for wording, key in self.texts.get(paper, ()):
            if _in_order(pieces, f" {wording} "):
                return key
        for wording, key in self.texts.get(paper, ()):
            if wording and f" {wording} " in f" {quote} " and 2 * len(wording.split()) > words:
                return key
        return None


def quoted_results(sides: list[dict]):
    """One ReadResult per quoted report: each quoted side becomes a recommendation of its report."""
    from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation, SourceReport

    by_report: dict[str, list[dict]] = {}
    for side in sides:
        by_report.setdefault(side["rec"].partition("/")[0], []).append(side)
    results = []
    for report, group in sorted(by_report.items()):
        year = str(group[0].get("year") or "")
        source = str(group[0].get("source") or group[0].get("paper") or report)
        paper = Paper(source, "judged", date=f"{year}-12-31" if year else None,
                      source_reports=(SourceReport(report, report, year=year or None),))
        recs, seen = [], set()
        for side in group:
            number = side["rec"].partition("/")[2]
            if number in seen:
                continue
            seen.add(number)
            recs.append(Recommendation(report, number, side["text"], Provenance(source, 1, 1, side["text"])))
        results.append(ReadResult(paper, recs))
    return results


def first_words(text: str, count: int = 12) -> str:
    words = str(text).split()
    return " ".join(words[:count]) + (" ..." if len(words) > count else "")


def coverage(pairs: list[Pair], index: Index) -> list[dict]:
    """Per judged file, the distinct quoted sides (``text`` and ``paper``): how many are read, and how."""
    files: dict[str, dict[str, dict]] = {}
    for pair in pairs:
        for side in (pair.later, pair.earlier):
            if side.get("text") and side.get("paper"):
                files.setdefault(pair.source, {}).setdefault(side["rec"], side)
    blocks = []
    for source, sides in files.items():
        how = Counter()
        unread = []
        for rec, side in sorted(sides.items()):
            found, way = index.find_how(side)
            how[way or "not read"] += 1
            if found is None:
                unread.append([rec, Path(str(side["paper"])).name, first_words(side["text"])])
        blocks.append({"judged": source, "quoted": len(sides), "read": len(sides) - how["not read"],
                       "by_key": how["key"], "by_paper_and_number": how["paper"], "by_text": how["text"],
                       "unread": unread})
    return blocks


def measure(papers: list[Path], seeds: Path, judged: list[Path], quoted: bool = False, options=None,
            reading_only: bool = False) -> Outcome:
    """Read, enrich and link the seeds and papers; set each judged pair's keys and linked relation.

    With ``reading_only``, only the coverage of quoted sides is measured (nothing is linked).
    """
    from recgraph.graph.enrich import enrich
    from recgraph.graph.linking import link
    from recgraph.graph.reading.papers import read_papers

    started = time.perf_counter()
    pairs = [pair for path in judged for pair in load_judged(path)]
    outcome = read_papers([seeds, *papers], workers=1)
    for error in outcome.errors:
        print(f"warning: {error}", file=sys.stderr)
    results = list(outcome.results)
    real_files = {p.resolve() for folder in papers for p in (folder.rglob("*.txt") if folder.is_dir() else [folder])}
    index = Index(results)
    blocks = coverage(pairs, index)
    by_text = {side["rec"] for pair in pairs for side in (pair.later, pair.earlier) if index.find_how(side)[1] == "text"}
    if reading_only:
        return Outcome(found_by_text=len(by_text), coverage=blocks,
                       seconds=round(time.perf_counter() - started, 1))
    extra = []
    if quoted:
        extra = [side for pair in pairs for side in (pair.later, pair.earlier)
                 if index.find(side) is None and side.get("text")]
        if extra:
            results += quoted_results(extra)
            index = Index(results)
    found = link(results, enrich(results), options).repeats
    linked: dict[frozenset, str] = {}
    for repeat in found:
        if getattr(repeat, "decision", "suggested") == "rejected":
            continue
        key = frozenset(((repeat.source[0], _canonical(repeat.source[1])), (repeat.target[0], _canonical(repeat.target[1]))))
        relation = getattr(repeat, "relation", "reiterates")
        if linked.get(key) != "reiterates":
            linked[key] = "reiterates" if relation == "reiterates" else "relatedTo"
    result = Outcome(quoted=len({side["rec"] for side in extra}), found_by_text=len(by_text), coverage=blocks)
    result.records = sum(len(r.recommendations) for r in results)
    real_keys = set()
    for r in outcome.results:
        if Path(r.paper.file).resolve() in real_files:
            real_keys |= {(rec.source_report, _canonical(rec.number)) for rec in r.recommendations}
    result.real_records = len(real_keys)
    judged_keys = set()
    for pair in pairs:
        keys = (index.find(pair.later), index.find(pair.earlier))
        if None in keys:
            result.unread.append(pair)
            continue
        pair.keys = keys
        canon = frozenset((k[0], _canonical(k[1])) for k in keys)
        judged_keys.add(canon)
        pair.linked = linked.get(canon, "none")
        result.pairs.append(pair)
    for key, relation in sorted(linked.items(), key=lambda kv: sorted(kv[0])):
        if relation == "reiterates" and key not in judged_keys and key & real_keys:
            a, b = sorted(key)
            result.unjudged_reiterates.append((f"{a[0]}/{a[1]}", f"{b[0]}/{b[1]}"))
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def figures(outcome: Outcome) -> dict:
    pairs = outcome.pairs
    confusion = Counter((p.judgement, p.linked) for p in pairs)
    judged_r = sum(p.judgement == "reiterates" for p in pairs)
    linked_r = sum(p.linked == "reiterates" for p in pairs)
    tp_r = sum(p.judgement == "reiterates" and p.linked == "reiterates" for p in pairs)
    judged_any = sum(p.judgement != "unrelated" for p in pairs)
    linked_any = sum(p.linked != "none" for p in pairs)
    tp_any = sum(p.judgement != "unrelated" and p.linked != "none" for p in pairs)

    def label(p: Pair) -> list[str]:
        return [p.later["rec"], p.earlier["rec"]]

    return {
        "pairs": len(pairs),
        "judged": dict(Counter(p.judgement for p in pairs)),
        "reiterates": {"judged": judged_r, "linked": linked_r, "right": tp_r,
                       "precision": _ratio(tp_r, linked_r), "recall": _ratio(tp_r, judged_r)},
        "any_link": {"judged": judged_any, "linked": linked_any, "right": tp_any,
                     "precision": _ratio(tp_any, linked_any), "recall": _ratio(tp_any, judged_any)},
        "confusion": {j: {linked: confusion[(j, linked)] for linked in LINKED} for j in JUDGEMENTS},
        "missed_reiterates": [label(p) + [p.linked] for p in pairs if p.judgement == "reiterates" and p.linked != "reiterates"],
        "wrong_reiterates": [label(p) + [p.judgement] for p in pairs if p.judgement != "reiterates" and p.linked == "reiterates"],
        "wrong_any_link": [label(p) + [p.linked] for p in pairs if p.judgement == "unrelated" and p.linked != "none"],
        "missed_any_link": [label(p) + [p.judgement] for p in pairs if p.judgement != "unrelated" and p.linked == "none"],
        "not_read": [label(p) + [p.judgement] for p in outcome.unread],
        "quoted_recommendations": outcome.quoted,
        "found_by_text": outcome.found_by_text,
        "coverage": outcome.coverage,
        "recommendations_read": outcome.records,
        "real_recommendations_read": outcome.real_records,
        "unjudged_reiterates_touching_real_papers": [list(pair) for pair in outcome.unjudged_reiterates],
        "seconds": outcome.seconds,
    }


def render(f: dict) -> str:
    def pr(block: dict) -> str:
        p = "n/a" if block["precision"] is None else f"{block['precision']:.2f}"
        r = "n/a" if block["recall"] is None else f"{block['recall']:.2f}"
        return f"precision {p} ({block['right']}/{block['linked']}), recall {r} ({block['right']}/{block['judged']})"

    lines = [
        f"held-out real-paper pairs: {f['pairs']} scored ({', '.join(f'{k} {v}' for k, v in sorted(f['judged'].items()))}); "
        f"{len(f['not_read'])} left out (a recommendation not read); {f['quoted_recommendations']} quoted recommendations added; "
        f"{f['found_by_text']} sides found by their printed text",
        f"recommendations read: {f['recommendations_read']} ({f['real_recommendations_read']} from the real papers)",
        f"reiterates: {pr(f['reiterates'])}",
        f"any link (reiterates or relatedTo vs judged reiterates or related): {pr(f['any_link'])}",
        "confusion (rows judged, columns linked):",
        "  " + " " * 11 + "".join(f"{c:>12}" for c in LINKED),
    ]
    for judged in JUDGEMENTS:
        lines.append(f"  {judged:<11}" + "".join(f"{f['confusion'][judged][c]:>12}" for c in LINKED))
    sections = (("missed reiterates (linked as)", "missed_reiterates"), ("wrongly linked as reiterates (judged)", "wrong_reiterates"),
                ("unrelated pairs linked (linked as)", "wrong_any_link"), ("related or reiterates pairs not linked (judged)", "missed_any_link"),
                ("not read: pair left out (judged)", "not_read"),
                ("reiterates links touching real papers that no judged pair covers", "unjudged_reiterates_touching_real_papers"))
    for title, key in sections:
        lines.append(f"{title}: {len(f[key])}")
        lines += [f"  {' > '.join(item[:2])}" + (f"  [{item[2]}]" if len(item) > 2 else "") for item in f[key]]
    lines += render_coverage(f["coverage"])
    lines.append(f"time: {f['seconds']} s")
    return "\n".join(lines)


def render_coverage(blocks: list[dict]) -> list[str]:
    lines = []
    for block in blocks:
        lines.append(f"reading coverage of {block['judged']}: real recommendations read / quoted = "
                     f"{block['read']}/{block['quoted']} (by key {block['by_key']}, by paper and number "
                     f"{block['by_paper_and_number']}, by text {block['by_text']})")
        lines += [f"  not read: {rec} [{paper}] {words}" for rec, paper, words in block["unread"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=Path, action="append", required=True, help="folder (or file) of real papers; repeatable")
    parser.add_argument("--judged", type=Path, action="append", required=True, help="judged pairs (JSON); repeatable")
    parser.add_argument("--seeds", type=Path, default=None, help="seed papers (default: the data folder's papers)")
    parser.add_argument("--quoted", action="store_true", help="add quoted texts of sides that are not read")
    parser.add_argument("--coverage", action="store_true",
                        help="reading alone: quoted sides read per judged file and those not read (no linking)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rule", choices=("default", "objects", "wording"), default="default",
                        help="repeat rule: the default, the object-of-the-ask option, or aligned wording alone")
    parser.add_argument("--problems", default="",
                        help="kinds of problem whose facets make a reiterates, comma-separated (graph/linking/problems.py)")
    args = parser.parse_args(argv)
    try:
        import recgraph

        seeds = args.seeds or (recgraph.data_path() / "papers")
        for path in [*args.papers, seeds]:
            if not path.exists():
                raise BenchError(f"{path}: no such file or folder")
        for path in args.judged:
            if not path.is_file():
                raise BenchError(f"{path}: no such file")
        from recgraph.graph.linking.repeats import RepeatOptions

        options = {"default": None, "objects": RepeatOptions(objects=True),
                   "wording": RepeatOptions(score_gate=False)}[args.rule]
        if args.problems:
            kinds = tuple(k.strip() for k in args.problems.split(",") if k.strip())
            from recgraph.graph.linking.problems import PROBLEMS

            unknown = [kind for kind in kinds if kind not in PROBLEMS]
            if unknown:
                raise BenchError(f"--problems: unknown kind {unknown[0]!r}; known: {', '.join(PROBLEMS)}")
            options = dataclasses.replace(options or RepeatOptions(), problems=kinds)
        outcome = measure(args.papers, seeds, args.judged, quoted=args.quoted, options=options,
                          reading_only=args.coverage)
    except BenchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    if args.coverage:
        blocks = {"found_by_text": outcome.found_by_text, "coverage": outcome.coverage, "seconds": outcome.seconds}
        print(json.dumps(blocks, indent=1) if args.json else "\n".join(render_coverage(outcome.coverage)))
        return 0
    f = figures(outcome)
    print(json.dumps(f, indent=1) if args.json else render(f))
    return 0


if __name__ == "__main__":
    sys.exit(main())
