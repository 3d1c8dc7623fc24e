"""Enrichment and linking measured on the five seed papers; writes docs/enrichment.md.

Compares :func:`recgraph.graph.enrich.enrich` and :func:`recgraph.graph.linking.link` with the facts
copied from the reference annotation into tests/enrich/fixtures/seeds_enrichment.json (never the
annotation itself), so the figures are reproducible from a clean clone.
Run: .venv/bin/python bench/enrichment_seeds.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import recgraph
from recgraph.graph.enrich import enrich
from recgraph.graph.enrich.themes import PROGRESS_MIN_HITS
from recgraph.graph.enrich.vocabulary import load_vocabulary
from recgraph.graph.linking import link
from recgraph.graph.linking.similarity import SHRINK, SPECIFIC, WEIGHTS
from recgraph.graph.reading.papers import read_papers

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/enrich/fixtures/seeds_enrichment.json"
OUT = ROOT / "docs/enrichment.md"


def pct(x: float) -> str:
    return f"{x:.2f}"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def themes_section(enrichment, refs) -> list[str]:
    issues = {c.iri: c for c in load_vocabulary("themes") if c.issue}
    tp, fp, fn = Counter(), Counter(), Counter()
    for key, ref in refs.items():
        got = {t.label for t in enrichment.themes.get(key, ()) if t.theme not in issues}
        gold = set(ref["themes"])
        for t in got & gold:
            tp[t] += 1
        for t in got - gold:
            fp[t] += 1
        for t in gold - got:
            fn[t] += 1
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    lines = [
        "## Themes",
        "",
        "Labels and alternative labels of `themes.ttl` matched as words (light stemming; acronyms with their case;",
        f"longest match first) in the heading and text; a theme seen only in the progress needs {PROGRESS_MIN_HITS} matches.",
        "An issue (a narrow theme with scope note \"issue\") tags its broader themes too. Issues are finer than the",
        "reference's themes, so they are compared through the themes they imply and listed apart below.",
        "",
        f"**Micro-averaged over {len(refs)} recommendations: precision {pct(p)}, recall {pct(r)}, F1 {pct(f)}.**",
        "",
        "| theme | reference | found | agree | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for theme in sorted(set(tp) | set(fp) | set(fn)):
        tp_, fp_, fn_ = tp[theme], fp[theme], fn[theme]
        tp_p, tp_r, _ = prf(tp_, fp_, fn_)
        lines.append(f"| {theme} | {tp_ + fn_} | {tp_ + fp_} | {tp_} | {pct(tp_p)} | {pct(tp_r)} |")
    tagged = Counter(t.theme for tags in enrichment.themes.values() for t in tags if t.theme in issues)
    lines += ["", "Issues tagged on the seeds (recommendations, broader themes):", ""]
    for iri, concept in sorted(issues.items(), key=lambda kv: kv[1].pref_label):
        broader = ", ".join(b.rsplit("/", 1)[-1] for b in concept.broader)
        lines.append(f"- {concept.pref_label}: {tagged[iri]} ({broader})")
    return lines + [""]


def systems_section(enrichment, refs) -> list[str]:
    ref_count, found, agree = Counter(), Counter(), Counter()
    for key, ref in refs.items():
        got = {m.label for m in enrichment.systems.get(key, ())}
        for s in ref["systems"]:
            ref_count[s] += 1
        for s in got:
            found[s] += 1
        for s in got & set(ref["systems"]):
            agree[s] += 1
    lines = [
        "## Systems",
        "",
        "Labels of `systems.ttl` matched as words in the heading, text and progress.",
        "",
        "| system | reference mentions | found | agree |",
        "| --- | ---: | ---: | ---: |",
    ]
    for s in sorted(set(ref_count) | set(found)):
        lines.append(f"| {s} | {ref_count[s]} | {found[s]} | {agree[s]} |")
    deps = [d for d in enrichment.dependencies if d.kind == "system"]
    lines += ["", f"Dependencies on systems ({len(deps)}), from the wording of the sentence naming the system:", ""]
    for d in deps:
        lines.append(f"- {d.source[0]}/{d.source[1]} → {d.target.rsplit('/', 1)[-1]} (\"{d.cue}\"): {d.phrase}")
    return lines + [""]


def owners_section(enrichment) -> list[str]:
    matches = list(enrichment.owners.values())
    known = sum(m.unit.known for m in matches)
    rules = Counter(m.rule.split(" ", 1)[0] if not m.rule.startswith("contains") else "contains" for m in matches)
    lines = [
        "## Owners",
        "",
        f"{len(matches)} printed owners; {known} normalised to a unit of `owners.ttl`, {len(matches) - known} new units.",
        f"Rules: {', '.join(f'{k}: {v}' for k, v in sorted(rules.items()))}.",
        "",
        "| printed | unit |",
        "| --- | --- |",
    ]
    for printed, unit in sorted({(m.verbatim, m.unit.label) for m in matches}):
        lines.append(f"| {printed} | {unit} |")
    return lines + [""]


def statuses_section(enrichment, refs) -> list[str]:
    by_basis: dict[str, list[bool]] = {}
    misses = []
    for key, ref in refs.items():
        got = enrichment.status_of(key)
        ok = got is not None and got.notation == ref["status"]
        by_basis.setdefault(ref["status_basis"], []).append(ok)
        if not ok:
            misses.append((key, ref["status"], ref["status_basis"], got))
    total = [x for v in by_basis.values() for x in v]
    lines = [
        "## Statuses",
        "",
        "The paper's status phrase mapped through the labels and patterns of `statuses.ttl`; with no phrase, the",
        "patterns tried on the progress sentences (last stated wins; none: in progress); parents derived from their",
        "lettered parts; a pointer-only progress takes its target's status.",
        "",
        f"**Agreement with the reference: {sum(total)}/{len(total)} = {sum(total) / len(total):.1%}.**",
        "",
        "| reference basis | recommendations | agree |",
        "| --- | ---: | ---: |",
    ]
    for basis, oks in sorted(by_basis.items()):
        lines.append(f"| {basis} | {len(oks)} | {sum(oks)} |")
    lines += ["", "Disagreements:", "", "| recommendation | reference | recgraph | rule |", "| --- | --- | --- | --- |"]
    for key, gold, basis, got in misses:
        rule = (got.rule if got else "").replace("|", "\\|")
        lines.append(f"| {key[0]}/{key[1]} | {gold} ({basis}) | {got.notation if got else '-'} ({got.basis if got else '-'}) | {rule[:90]} |")
    return lines + [""]


def dependencies_section(links, refs) -> list[str]:
    pointers = [d for d in links.dependencies if d.kind == "recommendation"]
    expected = {(k, (k[0], t)) for k, r in refs.items() for t in r["refers_to"]}
    got = {(d.source, d.target_rec) for d in pointers}
    lines = [
        "## Cross-references and dependencies",
        "",
        f"Reference pointers resolved: {len(expected & got)}/{len(expected)} (recgraph finds {len(got)}).",
        "",
    ]
    for d in links.dependencies:
        if d.kind in ("programme", "report"):
            lines.append(f"- {d.kind}: {d.source[0]}/{d.source[1]} → {d.target} (\"{d.cue}\")")
    return lines + [""]


def repeats_section(results, enrichment, links, groups) -> list[str]:
    """The "Repeats" section as it stands in docs/enrichment.md: written by hand from the pairs we
    judged by reading both texts (figures from `bench/repeats.py --judged`), never measured against
    the seed annotation's repeat groups (issue 15). Kept as it is when the rest is regenerated."""
    text = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
    found = re.search(r"^## Repeats\n.*?(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return found.group(0).rstrip("\n").splitlines() + [""] if found else ["## Repeats", "", "See bench/repeats.py --judged.", ""]


def main() -> None:
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    refs = {(r["source_report"], r["number"]): r for r in fixture["recommendations"]}
    groups = [[tuple(m) for m in g["members"]] for g in fixture["repeat_groups"]]
    results = read_papers([recgraph.data_path() / "papers"]).results
    enrichment = enrich(results)
    links = link(results, enrichment)
    lines = [
        "# Enrichment and linking on the seed papers",
        "",
        "Generated by `bench/enrichment_seeds.py` from the facts of the reference annotation copied into",
        "`tests/enrich/fixtures/seeds_enrichment.json`. Do not edit by hand.",
        "",
    ]
    lines += themes_section(enrichment, refs)
    lines += systems_section(enrichment, refs)
    lines += owners_section(enrichment)
    lines += statuses_section(enrichment, refs)
    lines += dependencies_section(links, refs)
    lines += repeats_section(results, enrichment, links, groups)
    OUT.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
