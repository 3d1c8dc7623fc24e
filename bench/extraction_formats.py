"""Recall and precision of `recgraph read` on the format fixtures, per format of the survey.

Reads every tests/fixtures/formats/<format>/*.txt with its *.expected.json and writes the
"Formats" section of docs/extraction.md. Run: .venv/bin/python bench/extraction_formats.py

Matching (the same rules as tests/reading/test_formats.py, which loads this module):
- an expected numbered recommendation is found when a record has the same number (printed forms
  folded: "R.7", "Rec 7", "(7)" and "7" are one number) and the expected opening words (first 40
  characters, folded) appear in the record's text or on its first printed line;
- an unnumbered one is found when a record's text or first line holds its opening words;
- a status agrees when one of the extracted and expected status phrases holds the other (folded);
- a record matching no expected recommendation is an extra (precision); a record holding one of
  the paper's own recommendations to Members ("not_records") is counted apart as invented;
- an expected mention is captured when a mention has its number (folded) on its line; its status
  agrees as a record's does; a mention of a number the fixture lists in "not_mentions" (periods,
  counts) is counted as a mention invented.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/formats"
#: Variants of the structure-only formats, written before the start rules were regrouped (held out).
VARIANTS = ROOT / "tests/fixtures/variants"
#: Papers written by the trial on unseen real pages, each a structure the reader got wrong there.
TRIAL = ROOT / "tests/fixtures/trial-candidates"
#: Structures unseen papers showed the reader missing (a)-(j), in our own words (tests/fixtures/structures/).
STRUCTURES = ROOT / "tests/fixtures/structures"
DOC = ROOT / "docs/extraction.md"
SECTION = "## Formats"


def fold(text) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


def fold_number(number) -> str:
    """'R.7', 'Rec 7', '(7)', '7' -> '7'; 'R4/R5' -> '4/5'; '3–5' -> '3-5'."""
    text = fold(number)
    text = re.sub(r"\b(?:recommendations?|recs?\.?)\s*", "", text)
    text = re.sub(r"\br\.?\s?(?=\d)", "", text)
    return re.sub(r"[\s()]", "", text).strip(".")


def fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.txt"))


def expected_for(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@dataclass
class Score:
    """What one fixture (or a sum of them) scored."""

    numbered: int = 0
    numbered_found: int = 0
    unnumbered: int = 0
    unnumbered_found: int = 0
    statuses: int = 0
    statuses_agree: int = 0
    records: int = 0
    extras: int = 0
    invented: int = 0
    covers_wrong: int = 0
    mentions: int = 0
    mentions_found: int = 0
    mention_statuses: int = 0
    mention_statuses_agree: int = 0
    mentions_invented: int = 0
    missed: list[str] = field(default_factory=list)
    mention_misses: list[str] = field(default_factory=list)
    status_misses: list[str] = field(default_factory=list)
    extra_records: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("numbered", "numbered_found", "unnumbered", "unnumbered_found", "statuses", "statuses_agree",
                     "records", "extras", "invented", "covers_wrong", "mentions", "mentions_found", "mention_statuses",
                     "mention_statuses_agree", "mentions_invented"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _opening_in(rec, opening: str) -> bool:
    want = fold(opening)[:40]
    first_line = fold(rec.provenance.text.splitlines()[0] if rec.provenance.text else "")
    return bool(want) and (want in fold(rec.text) or want in first_line)


def score_result(result, expected: dict) -> Score:
    """Score one ReadResult against its fixture's expected records."""
    score = Score()
    recs = list(result.recommendations)
    updates = {(u.source_report, u.recommendation): u for u in result.updates}
    matched: set[int] = set()
    for item in expected["records"]:
        if item["kind"] != "recommendation":
            continue
        numbered = item.get("number") is not None
        if numbered:
            score.numbered += 1
        else:
            score.unnumbered += 1
        found = None
        for index, rec in enumerate(recs):
            if index in matched:
                continue
            if numbered and fold_number(rec.number) != fold_number(item["number"]):
                continue
            if _opening_in(rec, item.get("opening") or ""):
                found = index
                break
        label = f"{item.get('number')} {item.get('opening', '')[:40]!r}"
        if found is None:
            score.missed.append(label)
            continue
        matched.add(found)
        rec = recs[found]
        if numbered:
            score.numbered_found += 1
        else:
            score.unnumbered_found += 1
        covers = expected.get("covers", {}).get(item.get("number"))
        if covers and [fold_number(c) for c in rec.covers] != [fold_number(c) for c in covers]:
            score.covers_wrong += 1
        if item.get("status_phrase"):
            score.statuses += 1
            update = updates.get(rec.key)
            got, want = fold(update.status_phrase if update else ""), fold(item["status_phrase"]).rstrip(".")
            if got and (want in got or got.rstrip(".") in want):
                score.statuses_agree += 1
            else:
                score.status_misses.append(f"{label}: got {got!r}, want {want!r}")
    own = [fold(text)[:40] for text in expected.get("not_records", [])]
    for index, rec in enumerate(recs):
        score.records += 1
        if index in matched:
            continue
        score.extras += 1
        score.extra_records.append(f"{rec.number} {rec.text[:50]!r} (line {rec.provenance.first_line})")
        first = fold(rec.provenance.text.splitlines()[0] if rec.provenance.text else "")
        if any(o and (o in fold(rec.text) or o in first) for o in own):
            score.invented += 1
    _score_mentions(result, expected, score)
    return score


def _agrees(got, want) -> bool:
    # quotation marks around a status word ("now considered 'complete'") are not part of it
    got, want = (re.sub(r"['\"]", "", fold(text or "")).strip() for text in (got, want))
    want = want.rstrip(".")
    return bool(got) and (want in got or got.rstrip(".") in want)


def _score_mentions(result, expected: dict, score: Score) -> None:
    """Expected mentions captured (number on its line) and with their status; "not_mentions" read as mentions."""
    found: dict[tuple[str, int], str | None] = {}
    for mention in result.mentions:
        if mention.number is None:
            continue
        key = (fold_number(mention.number), mention.provenance.first_line)
        found[key] = found.get(key) or mention.status_phrase
    from recgraph.graph.reading.mentions import expand_numbers

    for item in expected["records"]:
        if item["kind"] != "mention" or not item.get("number"):
            continue
        for number in expand_numbers(item["number"]) or [item["number"]]:  # "3/4" is two mentions
            key = (fold_number(number), item["line"])
            score.mentions += 1
            if key not in found:
                score.mention_misses.append(f"mention {number}@{item['line']}")
                continue
            score.mentions_found += 1
            if item.get("status_phrase"):
                score.mention_statuses += 1
                if _agrees(found[key], item["status_phrase"]):
                    score.mention_statuses_agree += 1
                else:
                    score.status_misses.append(f"mention {number}@{item['line']}: got {found[key]!r}, want {item['status_phrase']!r}")
    banned = {fold_number(n) for n in expected.get("not_mentions", [])}
    score.mentions_invented += sum(1 for number, _ in found if number in banned)


def read_fixture(path: Path):
    from recgraph.graph.reading.papers import ReadOptions, read_paper

    return read_paper(path, ReadOptions(use_overrides=False))


def scores_by_format(paths: list[Path] | None = None) -> dict[str, Score]:
    totals: dict[str, Score] = {}
    for path in paths or fixtures():
        score = score_result(read_fixture(path), expected_for(path))
        totals.setdefault(path.parent.name, Score()).add(score)
    return totals


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "–"


def table(totals: dict[str, Score]) -> list[str]:
    rows = [
        "| format | numbered recall | unnumbered recall | precision | statuses agreeing | invented from own recs |",
        "|---|---|---|---|---|---|",
    ]
    overall = Score()
    for name, score in sorted(totals.items()):
        overall.add(score)
        rows.append(_row(name, score))
    rows.append(_row("**all**", overall))
    return rows


def mention_table(totals: dict[str, Score]) -> list[str]:
    rows = [
        "| format | mentions captured | ... with the status the fixture states | numbers that are not recommendations read as mentions |",
        "|---|---|---|---|",
    ]
    overall = Score()
    for name, s in sorted(totals.items()):
        overall.add(s)
        if s.mentions or s.mentions_invented:
            rows.append(f"| {name} | {pct(s.mentions_found, s.mentions)} | {pct(s.mention_statuses_agree, s.mention_statuses)} | {s.mentions_invented} |")
    s = overall
    rows.append(f"| **all** | {pct(s.mentions_found, s.mentions)} | {pct(s.mention_statuses_agree, s.mention_statuses)} | {s.mentions_invented} |")
    return rows


def _row(name: str, s: Score) -> str:
    found = s.numbered_found + s.unnumbered_found
    return (
        f"| {name} | {pct(s.numbered_found, s.numbered)} | {pct(s.unnumbered_found, s.unnumbered)} | "
        f"{pct(found, s.records)} | {pct(s.statuses_agree, s.statuses)} | {s.invented} |"
    )


def rules_fired(path: Path, every_cue: bool = False) -> Counter:
    """Which reader read the fixture and which of the segmenter's rules made its records.

    Each record counts once, under the cue that decided it ("item/answered"); with ``every_cue``
    each record counts under every cue that holds on its line (the evidence leave-one-out removes).
    """
    from recgraph.graph.reading.readers import THRESHOLD
    from recgraph.graph.reading.readers.text import load_document
    from recgraph.graph.reading.segment.parts import find_parts
    from recgraph.graph.reading.segment.regions import specialised_regions
    from recgraph.graph.reading.segment.roles import lay_out
    from recgraph.graph.reading.segment.spans import find_starts, span_end
    from recgraph.graph.reading.segment.tables import read_tables
    from recgraph.graph.reading.readers.webpage import title_report

    fired: Counter = Counter()
    layout_name = read_fixture(path).paper.layout
    if layout_name != "general":
        fired[f"reader:{layout_name}"] += 1
        return fired
    doc = load_document(path)
    layout = lay_out(doc)
    regions = specialised_regions(doc, layout, THRESHOLD)
    fired.update(f"region:{r.result.paper.layout}" for r in regions for _ in r.result.recommendations)
    for number in {n for r in regions for n in range(r.first_line, r.last_line + 1)}:
        layout.line(number).role = "region"
    tables = read_tables(doc, layout, title_report(doc, layout.front))
    fired.update("table/flat" if t.recommendation.number.startswith("R") and "\t" not in doc.line(t.first_line)
                 and "|" not in doc.line(t.first_line) else "table/cells" for t in tables)
    in_tables = {n for t in tables for n in range(t.first_line, t.last_line + 1)}
    starts = [s for s in find_starts(layout, in_tables) if s.line not in in_tables]
    for index, start in enumerate(starts):
        fired.update(set(start.cues) if every_cue else start.cues[:1])
        following = starts[index + 1].line if index + 1 < len(starts) else None
        fired["parts"] += len(find_parts(layout, start.line, span_end(layout, start, following, in_tables)))
    return +fired


def _by_format(paths: list[Path] | None = None) -> dict[str, list[Path]]:
    by_format: dict[str, list[Path]] = {}
    for path in paths or fixtures():
        by_format.setdefault(path.parent.name, []).append(path)
    return by_format


def rules_table(paths: list[Path] | None = None) -> list[str]:
    by_format: dict[str, Counter] = {}
    for path in paths or fixtures():
        by_format.setdefault(path.parent.name, Counter()).update(rules_fired(path))
    rules = sorted({rule for counter in by_format.values() for rule in counter})
    names = sorted(by_format)
    rows = ["| rule/cue | " + " | ".join(names) + " | formats |", "|---|" + "---|" * (len(names) + 1)]
    for rule in rules:
        cells = [str(by_format[name][rule] or "") for name in names]
        rows.append(f"| {rule} | " + " | ".join(cells) + f" | {sum(1 for c in cells if c)} |")
    for rule in sorted({r.split("/", 1)[0] for r in rules if "/" in r}):
        cells = [str(sum(n for r, n in by_format[name].items() if r.split("/", 1)[0] == rule) or "") for name in names]
        rows.append(f"| **{rule}** (all its cues) | " + " | ".join(cells) + f" | {sum(1 for c in cells if c)} |")
    return rows


def without_rules(paths: list[Path], rules: set[str]) -> Score:
    """Score ``paths`` read with the segmenter's ``rules`` or cues ("item", "item/that", "table/flat") off."""
    from recgraph.graph.reading.segment.switches import switched_off

    total = Score()
    with switched_off({rule for rule in rules if not rule.startswith(("reader:", "region:"))}):
        for path in paths:
            total.add(score_result(read_fixture(path), expected_for(path)))
    return total


def _evidence(by_format: dict[str, list[Path]]) -> dict[str, set[str]]:
    """Per format, every rule and cue that holds on one of its fixtures' records."""
    found: dict[str, set[str]] = {}
    for name, paths in by_format.items():
        cues: set[str] = set()
        for path in paths:
            cues |= set(rules_fired(path, every_cue=True))
        cues.discard("parts")
        found[name] = cues | {c.split("/", 1)[0] for c in cues if "/" in c}
    return found


def lofo_table(level: str = "rule") -> list[str]:
    """Per format: its figures with every rule (``level`` "rule") or cue ("cue") that holds only on
    its fixtures switched off."""
    by_format = _by_format()
    evidence = _evidence(by_format)
    rows = [
        f"| format left out | its own {level}s switched off | numbered recall | unnumbered recall | precision |",
        "|---|---|---|---|---|",
    ]
    for name, paths in sorted(by_format.items()):
        mine = {e for e in evidence[name] if ("/" in e) == (level == "cue") and not e.startswith("reader:")}
        own = {e for e in mine if not any(e in evidence[o] for o in by_format if o != name)}
        s = without_rules(paths, own)
        found = s.numbered_found + s.unnumbered_found
        rows.append(
            f"| {name} | {', '.join(sorted(own)) or '(none)'} | {pct(s.numbered_found, s.numbered)} | "
            f"{pct(s.unnumbered_found, s.unnumbered)} | {pct(found, s.records)} |"
        )
    return rows


def variants_table() -> list[str]:
    """The variant fixtures (tests/fixtures/variants/<format>/), read by the whole pipeline."""
    rows = [
        "| variant | numbered recall | unnumbered recall | precision | statuses agreeing | deciding cues |",
        "|---|---|---|---|---|---|",
    ]
    for path in sorted(VARIANTS.glob("*/*.txt")):
        s = score_result(read_fixture(path), expected_for(path))
        found = s.numbered_found + s.unnumbered_found
        cues = ", ".join(sorted(r for r in rules_fired(path) if r != "parts"))
        rows.append(
            f"| {path.parent.name}/{path.stem} | {pct(s.numbered_found, s.numbered)} | {pct(s.unnumbered_found, s.unnumbered)} | "
            f"{pct(found, s.records)} | {pct(s.statuses_agree, s.statuses)} | {cues} |"
        )
    return rows


def trial_table() -> list[str]:
    """The trial candidates (tests/fixtures/trial-candidates/) that expect recommendation records or
    that a reader once invented records from: their records as read now."""
    rows = [
        "| trial candidate | recall | records not expected | deciding cues |",
        "|---|---|---|---|",
    ]
    for path in sorted(TRIAL.glob("*.txt")):
        s = score_result(read_fixture(path), expected_for(path))
        if not (s.numbered + s.unnumbered or s.records):
            continue
        cues = ", ".join(sorted(r for r in rules_fired(path) if r != "parts")) or "–"
        rows.append(f"| {path.stem} | {pct(s.numbered_found + s.unnumbered_found, s.numbered + s.unnumbered)} | {s.extras} | {cues} |")
    return rows


def section() -> str:
    """The "Formats" section of docs/extraction.md, as measured now."""
    totals = scores_by_format()
    lines = [
        SECTION,
        "",
        "Written by `bench/extraction_formats.py`: every fixture under `tests/fixtures/formats/<format>/` read by",
        "`recgraph read` and compared with its `*.expected.json` (matching rules in the script's docstring).",
        "Recall: expected tracked recommendations found with the right number and opening words; precision:",
        "records that are expected recommendations; statuses: expected status phrases the extracted one agrees",
        "with; invented: records holding one of the paper's own recommendations to Members.",
        "",
        *table(totals),
        "",
        "### Mentions per format",
        "",
        "Recommendations cited by number (`recgraph.graph.reading.mentions`), through the same `read_paper`: an",
        "expected mention is captured when a mention has its number on its line; its status agrees as above;",
        "the last column counts mentions of numbers a fixture lists as not recommendation numbers",
        "(`not_mentions`: periods, counts).",
        "",
        *mention_table(totals),
        "",
        "### Which rules fire per format",
        "",
        "How many records each rule made per format, under the cue that decided the record (`marker/`,",
        "`item/`, `heading/`: the segmenter's start rules, `graph/reading/segment/spans.py` `RULES`; `table/`: its",
        "table regions; `reader:` a specialisation that read the whole paper). A record often has more than",
        "one cue holding on its line (a \"That ...\" item answered by a response inside a list a lead-in",
        "introduces holds three); the bold rows sum a rule's cues.",
        "",
        *rules_table(),
        "",
        "### Leave one format out",
        "",
        "For each format, the rules (first table) or the cues (second table) that hold on that format's",
        "fixtures and on no other format's are switched off (`graph/reading/segment/switches.py`), and the",
        "format's fixtures are read again. A record stays when any cue holding on its line stays on. The",
        "rule-level table is the weaker test: a rule whose cues hold on several formats stays on whole, so a",
        "format read only by a cue of its own (plan titles under the heading rule) still reads. The cue-level",
        "table removes every cue, and every kind of lead-in (`lead/colon`, `lead/word`, `lead/spread`,",
        "`lead/heading`, `lead/appendix`), that only the left-out format's fixtures exercise: it is the figure for a",
        "format whose structure no cue was written for. What it does not remove: thresholds and word lists",
        "shared by several cues (heading length, the response-label words, the generic sub-headings), which",
        "were set with all fixtures open.",
        "",
        *lofo_table("rule"),
        "",
        *lofo_table("cue"),
        "",
        "Reading: with each format's own cues removed (the lead-in kinds, `lead/...`, count as cues of their",
        "own), audit-bullets, quoted-single and grouped-bullets, which read 0%, 0% and 55% with one rule per",
        "format, read fully from the `item/introduced` cue they share with other formats: their papers",
        "introduce the list they track (\"summarised below\", \"makes the following recommendation:\",",
        "\"grouped by theme:\"). That-response reads 4/11 (0/11 before): one paper introduces its",
        "recommendations as \"set out below\", the other only by pointing to its appendix, a lead-in kind no",
        "other format's fixture shows. Two structures still rest on a cue of their own: plan titles over",
        "progress paragraphs (`heading/unmarked`: improvement-plan 0/25 without it) and tables",
        "(`table/cells`, `table/flat`: status-table 0/35). With `marker/quote` removed, the abbreviated-markers",
        "paper on a single quoted recommendation reads three of its sub-headings as plan titles: the heading",
        "cue's known false positive in a paper where nothing else holds. A paper of a new structure",
        "that neither introduces its list nor marks its items yields unplaced spans, not records.",
        "",
        "### Variants (their first readings are the held-out figures)",
        "",
        "Five fixtures (`v-*`) under `tests/fixtures/variants/<format>/`, written in our own words before the start",
        "rules were regrouped (commit 0b1cb77), each a variant the format's own fixtures do not show: a plan",
        "whose paragraphs lost their numbers, an audit list of one level under a lead-in, lettered \"That",
        "...\" items answered by \"Progress:\", a quoted recommendation after \"The recommendation reads:\",",
        "a pipe table whose columns are \"Action\", \"Update\" and \"RAG status\". Before the change they read",
        "0/15; at the first reading after the regrouping 8/15 (audit list, lettered items, quoted paragraph",
        "plus one extra record); the plan titles over unnumbered paragraphs and the action/status column names",
        "were then generalised, and a lead-in's test was tightened after the extra record. They are therefore",
        "development data now; the first-reading figure is the held-out one. A second batch (`w-*`: plan titles",
        "over bullets, unnumbered \"Recommendation:\" / \"MPS response:\" pairs, a heading naming the open",
        "recommendations over one level of bullets) was written after the regrouping and committed at its",
        "first reading (commit b12972c): 3/9, the heading-led list read, the other two not; the title rule then",
        "took bullets as progress and the marker word without a number became a label an item may carry.",
        "",
        *variants_table(),
        "",
        "Trial candidates (`tests/fixtures/trial-candidates/`, written by another helper from unseen real",
        "pages, merged after the rules above were in place): `prose-lead-in-bullets-2010` read at its first",
        "reading, by a lead-in (\"recommendations are made to the MPS ... set out ... These are;\"), so it is a",
        "held-out figure; `inline-paraphrase-2007` (the `item/paraphrase` cue) and the list of numbers in",
        "`status-heading-number-list-2007` (two records invented there before) were fixed after reading them.",
        "Their mentions and report keys are other readers' work and are not measured here.",
        "",
        *trial_table(),
        "",
        *structures_section(),
        "",
    ]
    return "\n".join(lines)


def structures_table() -> list[str]:
    """The structure fixtures (tests/fixtures/structures/), read by the whole pipeline now."""
    rows = [
        "| fixture | numbered recall | unnumbered recall | records not expected | look-alikes taken | statuses agreeing | deciding cues |",
        "|---|---|---|---|---|---|---|",
    ]
    total = Score()
    for path in sorted(STRUCTURES.glob("*.txt")):
        s = score_result(read_fixture(path), expected_for(path))
        total.add(s)
        cues = ", ".join(sorted(r for r in rules_fired(path) if r != "parts")) or "–"
        rows.append(
            f"| {path.stem} | {pct(s.numbered_found, s.numbered)} | {pct(s.unnumbered_found, s.unnumbered)} | {s.extras} | "
            f"{s.invented} | {pct(s.statuses_agree, s.statuses)} | {cues} |"
        )
    rows.append(
        f"| **all** | {pct(total.numbered_found, total.numbered)} | {pct(total.unnumbered_found, total.unnumbered)} | "
        f"{total.extras} | {total.invented} | {pct(total.statuses_agree, total.statuses)} | |"
    )
    return rows


def structures_section() -> list[str]:
    return [
        "### Structures unseen papers showed missing (first readings are the held-out figures)",
        "",
        "Two trials on real papers recgraph had never seen (docs/formats.md \"Trial on unseen papers\";",
        "docs/repeats-real-papers.md, reading failures) found eight structures the reader missed: (a) bullets after",
        "a prose lead-in closed by \"These are;\", (b) \"We recommend that ...\" in running text and recommendations",
        "told in prose, (c) a number run into its text (\"1.In 2013\"), (d) a number alone on its line, (e) table",
        "rows flattened one cell per line or joined by \" / \", (f) \"(a)\" lettered items and roman sub-lists,",
        "(g) bulleted \"Areas for improvement\", (h) a Recommendation / Evidence / Observations table. Fixtures in",
        "our own words (`tests/fixtures/structures/`, README there) reproduce each, two papers each plus a",
        "negative (`n1`: a paper only talking about recommendations), with look-alikes inside them (progress",
        "bullets after \"Progress ... includes:\", \"we recommended\", \"We do not recommend\", strengths listed",
        "beside the areas for improvement, a decimal \"2.5 per cent\", roman sub-items). They were committed before",
        "any reader change (commit 0e4d745) and read then:",
        "",
        "| fixtures, reading | numbered recall | unnumbered recall | records not expected | look-alikes taken |",
        "|---|---|---|---|---|",
        "| first batch (a1-h2, n1), main at 76b73c9 | 6/40 | 0/19 | 1 | 0 |",
        "| first batch, branch `roles` at c5e24ed (the start rules above) | 9/40 | 2/19 | 19 | 3 |",
        "| second batch (`x-*`, written after the new rules), branch `roles` at c5e24ed | 9/21 | 0/3 | 4 | 1 |",
        "| **second batch, first reading with the new rules (commit 1905230): held out** | **16/21** | **0/3** | **4** | **4** |",
        "",
        "The first batch was then made to read by general rules (below), so it is development data; the second",
        "batch (`x-*`: a lead-in closed by an em dash over \"(1)\" items, \"3.3 We recommend\", a cut",
        "\"Conclusions and recommendations\" page numbered from 7, \"(1)\" alone on its line, R-numbered rows one",
        "cell per line, \"The Tribunal recommends that ... the Respondent:\" over \"(a)\" items, a numbered list",
        "under \"Areas for improvement\", a pipe table with \"Our observations\", standing orders as a negative) was",
        "written after those rules and committed at its first reading (commit 5d7b47a): its misses (decimal",
        "paragraph numbers, the cut page, status lines alone, a status closing an item's paragraph) and the",
        "four records invented from the standing orders were then fixed, so it too is development data now.",
        "",
        "What reads them (cues of `spans.py` `RULES`, and the line roles): a number run into its words gets its",
        "space and an enumerator or the marker word alone on its line takes the next line (`roles.py`); a list",
        "under a heading naming the recommendations runs on across theme headings and the other cells of a",
        "flattened table while its numbering runs on, restarts at 1 as a list of its own, and on a page with",
        "no lettered sections opens at any number (`lists.py`); letters under numbers and roman numerals under",
        "letters are sub-items; a semicolon or dash closes a lead-in like a colon, and \"Progress ... includes:\"",
        "introduces examples, never recommendations; \"areas for improvement\" are named like recommendations",
        "(`lead/...`, `item/introduced`); `item/recommends` takes the author's \"We recommend that\" as a paragraph",
        "record of its own; `item/paraphrase` takes \"The review also recommended that\" with the issuer as subject;",
        "`item/prescribed` (only where nothing else holds) a run of 3+ numbered items, two thirds prescribing, on a",
        "page in the recommending voice or with a heading naming recommendations, outside an MPA paper's own",
        "paragraph numbering; `item/sibling` the prescribing items of a run at least half \"That ...\" proposals;",
        "`item/row` rows \"N. / text / update\" under a header joined by \" / \" naming a recommendation column (these",
        "three in `runs.py`); a",
        "status or RAG grade alone on its line is a field and a status; a reviewer's Observations / Assessment",
        "column gives a table's status.",
        "",
        "A second set of real pages (realpairs2, 20 pages, development: the pages were opened to find what",
        "was missed) showed two more structures, reproduced in our own words by `i1`, `i2` and `j1`, `j2` with",
        "the negatives `n2`, `n3` (their first readings, before the rules: i1 0/4 with 3 headings taken as",
        "records, i2 0/1, j1 0/4 with the column head \"No.\" taken as a record, j2 0/3; n2 and n3 read",
        "nothing): (i) a select committee's numbered conclusions, each closed by \"(paragraph N)\", reprinted",
        "in a Government response with its numbered replies between them, on pages with no heading naming the",
        "list (`item/referenced`, `conclusions.py`: the numbered paragraph runs to its reference over",
        "hard-wrapped lines; a numbered reply between two conclusions is their progress, never an item; a",
        "paper's own cross-references \"(see paragraph 4)\", \"(paragraph 5.2)\" and an MPA paper's own",
        "numbered paragraphs stay prose); (j) a table flattened one cell per line whose bare row numbers",
        "(\"1\", no dot) sit under a number head and a head naming the recommendation (`roles.py`: each",
        "number takes its row's first cell; bare page numbers between paragraphs, or a numbered table whose",
        "heads name no recommendation, stay text).",
        "",
        "A third set of real pages (realpairs3, 19 pages: inspectorate register pages, select-committee and",
        "register pages, news items, an abstract; development: the pages were opened to find what was missed or",
        "misread) showed five structures, reproduced in our own words by `k1`, `k2`, `l1`, `m1`, `o1` with the",
        "negative `n4` (first readings before the rules: k1 0/2 with 5 records taken from the titles and the",
        "log's comments, k2 3/3, l1 0/4, m1 3/4 with its lead-in paragraph taken as record 97, o1 1/1, n4 5",
        "records from a news story's title, lead-ins and labels): (k) a register's *status log* after each",
        "recommendation, dated entries in the register's markup (`[on]date [status]value[/status][/on]`,",
        "`[comment] ... [/comment]`), whose lines are the progress of the paragraph before the log and never",
        "a record or a lead-in (`registers.py`, cue `item/logged`; the status is the last value the log sets,",
        "as printed); an item closing with a colon keeps the bullets after it as its own words (\"... to",
        "understand:\" / \"\u2022the reasons ...\"), and lines indented deeper right under an item whose line",
        "holds a colon (a nested list that lost its glyphs); (l) a title naming the recommendations closed by a full stop",
        "(\"Recommendations from the ... report.\"), a phrase with no verb (`roles.py`); (m) a committee's",
        "numbered lead-in paragraph (\"185. Our conclusions and recommendations are as follows:\") under the",
        "list's title introduces the list, past its theme headings, and is not an item of it (`lists.py`);",
        "(o) the marker word alone (\"Recommendation\") labelling a recommendation's words under its title,",
        "and \"Government response (summary)\" over its reply, inside one record. The plan-title fallback",
        "(`heading/unmarked`) no longer takes the text's first line (the page's own title), a line closing",
        "with a colon (a lead-in) or a label over a bare value (\"NCJ Number\" / a number), and \"Abstract\"",
        "and the other standard parts of a publication are generic headings. On realpairs3 (development data),",
        "with the seeds: 35 records before, 25 of them recommendations the pages print and 10 false (titles,",
        "lead-ins, labels, register comments); 35 after, 34 printed recommendations and the sixth item of a",
        "list cut by the page's end, none false. Not read, by design: news stories' and an abstract's prose",
        "(\"It is calling for ...\", \"Scarman recommended that ...\"), a response describing recommendations",
        "(\"Inspectors have made two recommendations ... the first around ...\"), an MPA paper's own section A;",
        "not read, one page only: bullets printed as the letter \"u\" (a symbol font's glyph). The first two sets",
        "read as before except a register page of set 1 (one entry, now read with its status) and one false",
        "record less there (a heading over a two-word label).",
        "",
        "Now (development data):",
        "",
        *structures_table(),
        "",
        "The e2 status counted as not agreeing: the row prints a completion cell (\"Complete\", expected) and a",
        "RAG grade (\"Green\", read).",
        "",
        "On real text (7 Dec 2026; the pages are third-party text, kept out of git, figures only). The trial's",
        "26 hand-annotated excerpts (`/tmp/rg/trial`, annotated by another helper before any reading; none",
        "opened while these rules were written): at `roles` c5e24ed 8/8 numbered and 1/2 unnumbered found, 3",
        "records not annotated; with these rules 8/8, 2/2, the same 3. The 22 real pages of",
        "docs/repeats-real-papers.md (8 of them opened for their structure while the fixtures were written, so",
        "*not* held out): records read 43 at `roles` c5e24ed, 54 now. Gained, checked by hand: PEEL areas for",
        "improvement 2, the Morris report's \"We recommend\" paragraphs 4 and its Observations table 2 (three",
        "sub-headings no longer read as records there), a numbered guidelines page 6 (was 1), the 2016 select",
        "committee's conclusions 3, the Macpherson list's item 2, a force action plan's slashed rows 2 (two",
        "header lines no longer records), one more Operation Midland item; lost: a tribunal's roman sub-item once",
        "read as recommendation \"i\". Still unread: the 2021 select committee page (its numbered list has no",
        "heading over it on the page and opens with conclusions), a pipe table, one-recommendation tracker pages.",    "",
    ]


def main() -> None:
    text = section()
    sys.path.insert(0, str(ROOT / "bench"))
    from extraction_seeds import replace_section

    replace_section(DOC, SECTION, text)
    print(text)
    for path in fixtures():
        score = score_result(read_fixture(path), expected_for(path))
        for what, items in (("missed", score.missed + score.mention_misses), ("status", score.status_misses),
                            ("extra", score.extra_records)):
            for item in items:
                print(f"{path.parent.name}/{path.name}: {what}: {item}")


if __name__ == "__main__":
    main()
