"""Held-out measurement of the status lexicon on status phrases printed in real committee papers.

The phrases are third-party text and are not in git: they live in a tab-separated file outside the
repository (``address``, ``phrase``, ``judged status``; lines starting with ``#`` are comments), judged
by reading each phrase before the lexicon was run on it. The papers' addresses, the counts and the
figures are recorded in docs/enrichment.md ("Statuses on unseen real papers").

The pages are split once, at random with a fixed seed, into a development part (two thirds of the
pages) and a held-back part (the other third, never looked at while changing the lexicon), so that a
second figure after any change is still measured on phrases the change was not made from.

Run: .venv/bin/python bench/status_phrases_heldout.py PHRASES.tsv [--survey N] [--show-misses] [--vocabulary TTL]
[--record NAME]. ``--record`` keeps the figures (no phrase) under NAME in the survey's record
(docs/survey/status-heldout.json for the first survey, status-heldout-N.json for survey N), with the
addresses and phrase counts of the pages; bench/enrichment_seeds.py renders the records into
docs/enrichment.md. A survey's first record, "before", is the lexicon as it stood when the survey was taken
(``--vocabulary`` pointing at that version of statuses.ttl). ``--show-misses`` prints the development part's
misses only; the held-back part's phrases are never printed unless asked for by ``--held-back-misses``.

Each survey was taken afresh, on pages no earlier survey, fixture or seed used, after the one before it had
been used to change the lexicon: the second survey measures the lexicon that the first one's changes left, the
third (restricted to the family recgraph is built for: UK police and public-body oversight papers) the lexicon
that the second one's changes left.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from recgraph.graph.enrich.status import infer_status, status_from_phrase
from recgraph.graph.enrich.vocabulary import load_vocabulary

SURVEY_DIR = Path(__file__).resolve().parent.parent / "docs/survey"
#: The record of each survey, by its number.
RECORDS = {1: SURVEY_DIR / "status-heldout.json", 2: SURVEY_DIR / "status-heldout-2.json",
           3: SURVEY_DIR / "status-heldout-3.json"}
RECORD = RECORDS[1]

#: Pages dropped after a survey because an earlier survey (docs/formats.md, docs/survey) lists them.
EXCLUDED = {1: ["http://policeauthority.org/metropolitan/committees/x-cop/2006/060706/04/index.html"], 2: [], 3: []}

#: Seed of the page split; fixed before the lexicon was run on any phrase.
SPLIT_SEED = 15
HELD_BACK_SHARE = 1 / 3


def read_phrases(path: Path, survey: int = 1) -> list[tuple[str, str, str]]:
    """(address, phrase, judged status) rows of the tab-separated file."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"Error: {path}:{number}: expected 3 tab-separated fields, found {len(parts)}")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return [row for row in rows if row[0] not in EXCLUDED[survey]]


def split_pages(addresses: list[str], record_path: Path = RECORD) -> set[str]:
    """The held-back third of the pages (by address). The split is drawn once with :data:`SPLIT_SEED` and
    then kept in the record, so that dropping a page later (one found in an earlier survey) moves no other
    page between the parts; pages new to the record are drawn the same way among themselves."""
    recorded = json.loads(record_path.read_text(encoding="utf-8")).get("pages", []) if record_path.is_file() else []
    part = {page["address"]: page["part"] for page in recorded}
    held = {a for a in set(addresses) if part.get(a) == "held back"}
    new = sorted(set(addresses) - set(part))
    random.Random(SPLIT_SEED).shuffle(new)
    return held | set(new[: round(len(new) * HELD_BACK_SHARE)])


def decide(phrase: str, statuses) -> tuple[str, bool]:
    """The status recgraph gives a printed status phrase (as the pipeline does: phrase, else inference),
    and whether it came from the default (no pattern matched: in progress)."""
    found = status_from_phrase(phrase, statuses) or infer_status(phrase, statuses)
    return found.notation, found.rule.startswith("default")


def report(name: str, rows, statuses, show_misses: bool) -> dict:
    """Print the figures of one part and return them (counts only, no phrase)."""
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
    return {"phrases": len(rows), "pages": pages, "right": right, "right_by_default": by_default,
            "per_status": {c: {"right": per[c][0], "phrases": per[c][1]} for c in sorted(per)},
            "misses": [{"judged": e, "recgraph": g, "count": n} for (e, g), n in confusion.most_common()]}


def _figure(part: dict) -> str:
    return f"{part['right']}/{part['phrases']} ({part['right'] / part['phrases']:.0%})"


def _wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion (small samples: the held-back part has few phrases)."""
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return centre - half, centre + half


def _listed_elsewhere(address: str) -> bool:
    """Whether docs/formats.md or docs/survey/*.md name the page (by its address or, for the MPA archive,
    the committee path those documents write)."""
    docs = RECORD.parent.parent
    text = " ".join(path.read_text(encoding="utf-8") for path in [docs / "formats.md", *sorted((docs / "survey").glob("*.md"))]
                    if path.is_file())
    path = address.split("/committees/", 1)[1].removesuffix("/index.html") if "/committees/" in address else None
    return address in text or (path is not None and path in text)


def _figure_lines(runs: dict, after_name: str = "after the changes below") -> list[str]:
    """A survey's table of figures (before and after the changes, by part), its per-status figures as it
    stood and its misses."""
    before, after = runs["before"], runs.get("after")
    lines = ["| lexicon | part | phrases | right | right only by the default (no pattern: in progress) |",
             "| --- | --- | ---: | ---: | ---: |"]
    names = {"before": "as it stood (**held out**: measured before any change)", "after": after_name}
    for run in ("before", "after"):
        if run not in runs:
            continue
        for part, label in (("all", "all pages"), ("development", "development part (2/3)"),
                            ("held_back", "held-back part (1/3)")):
            fig = runs[run][part]
            note = ""
            if run == "after" and part == "development":
                note = " — **development data** (the changes were made from its misses)"
            if part == "held_back":
                low, high = _wilson(fig["right"], fig["phrases"])
                note = (" — held out from the changes" if run == "after" else "") + f" (95% interval {low:.0%}–{high:.0%})"
            lines.append(f"| {names[run]} | {label}{note} | {fig['phrases']} | {_figure(fig)} | {fig['right_by_default']} |")
    lines += ["", "Per status, the lexicon as it stood (all pages), and the misses by judged → recgraph status:", "",
              "| status | phrases | right |", "| --- | ---: | ---: |"]
    for status, fig in sorted(before["all"]["per_status"].items(), key=lambda kv: -kv[1]["phrases"]):
        lines.append(f"| {status} | {fig['phrases']} | {fig['right']} ({fig['right'] / fig['phrases']:.0%}) |")
    lines += ["", "Misses as it stood: " + "; ".join(f"{m['judged']} → {m['recgraph']} {m['count']}"
                                                  for m in before["all"]["misses"]) + "."]
    if after:
        lines += ["Misses after the changes, held-back part: " + ("; ".join(
            f"{m['judged']} → {m['recgraph']} {m['count']}" for m in after["held_back"]["misses"]) or "none") + "."]
    return lines


def _against_target(before: dict, after: dict) -> list[str]:
    """The sentence that sets a survey's held-back figure after the changes against the issue's target."""
    share = before["all"]["right"] / before["all"]["phrases"]
    held_back = after["held_back"]
    low, high = _wilson(held_back["right"], held_back["phrases"])
    met = "met" if low >= 0.9 else ("not shown to be met" if high >= 0.9 else "not met")
    return [
        "Against the issue's target (explicit status phrases of unseen papers right at least 90% of the time):",
        f"as it stood the lexicon was right on {share:.0%} of these phrases; after the changes it is right on "
        f"{held_back['right'] / held_back['phrases']:.0%} of the held-back part, whose 95% interval is "
        f"{low:.0%}–{high:.0%}: on this sample the target is {met}.",
        "",
    ]


def _by_site(pages: list[dict]) -> str:
    return ", ".join(f"{host} {n}" for host, n in Counter(
        urlsplit(p["address"]).netloc.removeprefix("www.") for p in pages).most_common())


def doc_section() -> list[str]:
    """The "Statuses on unseen real papers" part of docs/enrichment.md, from the record (counts and figures
    only; the phrases themselves are third-party text and stay outside the repository)."""
    if not RECORD.is_file():
        return []
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    runs, pages = record["runs"], record["pages"]
    before, after = runs["before"], runs.get("after")
    held = [p for p in pages if p["part"] == "held back"]
    lines = [
        "### Statuses on unseen real papers",
        "",
        f"A held-out survey: {before['all']['phrases']} status phrases printed in {len(pages)} real committee and",
        "oversight pages (committee minutes and reports, audit recommendation trackers, inspectorate registers,",
        "government progress reports) that no earlier survey, fixture or seed used. Pages by site: "
        + _by_site(pages) + ".",
        "Addresses and phrase counts are in",
        "`docs/survey/status-heldout.json`, the phrases themselves kept outside the repository. Each phrase's status",
        "was judged by reading it *before* the lexicon was run on it. Phrases judged: "
        + ", ".join(f"{k} {v}" for k, v in record["judged"].items()) + ".",
        f"The pages were split once at random (fixed seed): two thirds the development part, {len(held)} pages",
        "held back. Most phrases come from the minutes and trackers that the search tool surfaced; the MPA pages",
        "open with few status phrases, so most phrases are from neighbouring bodies of the same family.",
        "",
    ]
    lines += _figure_lines(runs)
    listed = [p["address"] for p in pages if _listed_elsewhere(p["address"])]
    if listed:
        lines += ["", f"{len(listed)} of the pages are now also listed in docs/formats.md or docs/survey (added there"
                  " after this survey was taken, by work on reading formats, not statuses): "
                  + ", ".join(f"`{a}`" for a in listed) + "."]
    lines += [
        "",
        "In progress is right almost always, but largely because it is the default: a phrase that matches no",
        "pattern is taken to be work in progress. The lexicon's weak side was completion worded as minutes and",
        "trackers word it (\"had been resolved\", \"recommendations completed since the last meeting\", \"signed off",
        "by the group as completed\", a minute recording that members agreed an item could be closed), superseding",
        "by a later inspection or restated recommendation, and waits on legislation. The wording classes the",
        "development part's misses showed (never a single phrase) were added to `statuses.ttl`, each commented",
        "with the number of development phrases it answers, and tested on phrasings written for the test",
        "(`tests/enrich/test_status_classes.py`, with near misses that must not take the status). The held-back",
        "part was not looked at while changing the lexicon; but the same person collected and judged every phrase,",
        "so it is held out from the changes, not unseen by their author. The proposal/decision line is a judgement:",
        "a minute saying members or the chair agreed or noted that an item could be closed records the decision",
        "(complete); a paper inviting members to agree proposes it (proposed for closure).",
        "",
    ]
    if after:
        lines += _against_target(before, after)
    return lines + second_survey_section()


def second_survey_section() -> list[str]:
    """The second survey's part of docs/enrichment.md, from its record (counts and figures only)."""
    return _later_survey_section(
        2, "A second survey",
        ["The first survey had been used to change the lexicon, so its held-back figure could not be measured again.",
         "A second survey was taken afresh: {phrases} status phrases printed in {pages} real pages",
         "whose addresses are in neither the first survey, docs/formats.md nor docs/survey (a fixture or seed uses",
         "none of them): committee minutes and reports of councils and police bodies, audit follow-up reports and",
         "trackers of auditors general, inspectorate and safety-board recommendation registers with their status",
         "keys, commissioners' and inquiry trackers, government progress reports. The MPA archive pages the search",
         "tool surfaced were almost all listed by the earlier surveys already (one minute was usable). Pages by site: "
         "{sites}."],
        "key entry", "",
        [
            "As it stood the lexicon missed mostly completion in the active voice or with an adverb (\"we have",
            "completed N of the actions\", \"have since been completed\", \"having been fully addressed\"),",
            "the bare \"Not achieved\" of achieved / not achieved scales, decisions not to implement worded actively",
            "(\"does not intend to implement\"), part of a recommendation done, and it read a future perfect (\"will have",
            "been completed\") as done. The classes the development part's misses showed on at least two pages, or",
            "that inflect a class already in the lexicon, were added to `statuses.ttl`, each commented with its",
            "development count: the active perfect with the recommendations or actions as its object; adverbs and",
            "\"having been\" in the perfect passive, with modal and future perfects guarded out; part of the",
            "recommendation done; a decision not to implement in the active voice; the bare \"Not achieved\"; no action",
            "taken with the verb negated; planned but not begun; outside the body's (or \"our\") control, also in the",
            "Scottish \"outwith\". Each is tested in `tests/enrich/test_status_classes.py` on phrasings written for the",
            "test, with near misses. Left as they are, each seen on one page only: keys whose colour or percentage",
            "names the status (\"green: completed\", \"50% – significant steps\"), a page's own RAG scale",
            "(\"N were green\", where the page defines green as over 75% complete), \"none of the",
            "recommendations were implemented\", \"marked as complete\", \"implemented, but work should continue\".",
        ],
        ["The changes moved none of the held-back part's phrases (whose misses were not looked at): the"],
    ) + third_survey_section()


def third_survey_section() -> list[str]:
    """The third survey's part of docs/enrichment.md, from its record (counts and figures only)."""
    return _later_survey_section(
        3, "A third survey",
        ["Both earlier surveys had been used to change the lexicon. A third survey was taken afresh and restricted to",
         "the family recgraph is built for: {phrases} status phrases printed in {pages} UK police and",
         "public-body oversight pages (police authority, police and crime panel, police committee and council audit",
         "committee minutes and reports, Scottish Police Authority committee papers and trackers, HMICFRS, HMICS and CJINI",
         "follow-up and progress pages, government and inquiry progress reports on policing, parliamentary answers on",
         "implementing policing reviews), none of whose addresses is in the earlier surveys, docs/formats.md or",
         "docs/survey. Pages by site: {sites}."],
        "tracker entry", "; phrases whose status the words alone leave open were not taken",
        [
            "In this family the lexicon was right on every phrase judged in progress (most of them by the default) and",
            "missed mostly completion, waits on others and \"not started\" worded as minutes word them. The classes the",
            "development part's misses showed on at least two pages, or that inflect a class already in the lexicon, were",
            "added to `statuses.ttl`, each commented with its development count: the perfect passive of \"dealt with\" and",
            "\"put in place\"; a dependence on another body's action, also as \"reliant upon\", the body named by a noun",
            "for an outside body; and, as grammatical variants, the active perfect in a relative clause (\"many of which",
            "the force has completed\"), an approval \"as completed\" beside the sign-off, legislation of two kinds",
            "(\"either primary or secondary legislation\"), \"don't agree\" beside \"does not agree with\", and a",
            "modal guard on \"could be submitted for sign off\" (anticipated, not yet proposed). Each is tested in",
            "`tests/enrich/test_status_classes.py` on phrasings written for the test, with near misses. Left as they",
            "are, each seen on one page only: \"had now been published\", \"had been approved by the Council\", \"had",
            "failed to implement\", \"had not yet been arranged\", \"was yet to be received\", \"before any legislative",
            "amendments are considered\".",
        ],
        ["The changes moved none of the held-back part's phrases (whose misses were not looked at; its",
         "summary line, without phrases, was printed once while the development misses were listed): the"],
    )


def _later_survey_section(number: int, title: str, intro: list[str], entry: str, taken: str, findings: list[str],
                          unmoved: list[str]) -> list[str]:
    """A later survey's part of docs/enrichment.md: its introduction (``{phrases}``, ``{pages}`` and
    ``{sites}`` filled from its record), how its phrases were judged and split, its figures, what was
    found, and its figure against the target."""
    path = RECORDS[number]
    if not path.is_file():
        return []
    record = json.loads(path.read_text(encoding="utf-8"))
    runs, pages = record["runs"], record["pages"]
    before, after = runs["before"], runs.get("after")
    held = [p for p in pages if p["part"] == "held back"]
    filled = [line.format(phrases=before["all"]["phrases"], pages=len(pages), sites=_by_site(pages)) for line in intro]
    lines = [
        f"#### {title}",
        "",
        *filled,
        f"Addresses and phrase counts are in `docs/survey/status-heldout-{number}.json`, the phrases kept outside the",
        f"repository. Each phrase (the status cell, {entry} or status sentence as printed) was judged by reading",
    ]
    judged = "Phrases judged: " + ", ".join(f"{k} {v}" for k, v in record["judged"].items()) + "."
    if taken:
        lines += [f"it *before* the lexicon was run on it{taken}.", judged]
    else:
        lines += [f"it *before* the lexicon was run on it. {judged}"]
    lines += [
        f"The pages were split once at random with the same seed: two thirds the development part, {len(held)} pages",
        "held back. Only the development part's misses were looked at; the held-back part was measured once, after",
        "the changes.",
        "",
    ]
    ordinal = title.split()[1]
    lines += _figure_lines(runs, f"after the {ordinal} survey's changes")
    lines += ["", *findings, ""]
    if after:
        if after["held_back"]["right"] == before["held_back"]["right"]:
            lines += [*unmoved, "classes found on the development pages did not carry over to the held-back pages. The same person",
                      "collected and judged every phrase, so the held-back part is held out from the changes, not unseen",
                      "by their author.", ""]
        lines += _against_target(before, after)
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phrases", type=Path)
    parser.add_argument("--survey", type=int, choices=sorted(RECORDS), default=1,
                        help="which survey the phrases are (its record keeps the split and the figures)")
    parser.add_argument("--show-misses", action="store_true", help="print the missed phrases (development part only)")
    parser.add_argument("--held-back-misses", action="store_true", help="print the held-back part's misses too")
    parser.add_argument("--vocabulary", type=Path, help="a statuses.ttl to measure instead of the installed one")
    parser.add_argument("--record", metavar="NAME", help="keep the figures under NAME in the survey's record")
    args = parser.parse_args(argv)
    record_path = RECORDS[args.survey]
    rows = read_phrases(args.phrases, args.survey)
    held = split_pages([a for a, _, _ in rows], record_path)
    statuses = load_vocabulary("statuses", args.vocabulary)
    figures = {
        "all": report("all phrases", rows, statuses, False),
        "development": report("development part (2/3 of pages)", [r for r in rows if r[0] not in held], statuses,
                              args.show_misses),
        "held_back": report("held-back part (1/3 of pages)", [r for r in rows if r[0] in held], statuses,
                            args.held_back_misses),
    }
    if args.record:
        record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
        per_page = Counter(a for a, _, _ in rows)
        record["pages"] = [{"address": a, "phrases": per_page[a], "part": "held back" if a in held else "development"}
                           for a in sorted(per_page)]
        record["excluded"] = EXCLUDED[args.survey]
        record["judged"] = dict(sorted(Counter(e for _, _, e in rows).items()))
        record.setdefault("runs", {})[args.record] = figures
        record_path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"recorded {args.record!r} in {record_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
