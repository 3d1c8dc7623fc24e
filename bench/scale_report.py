"""The "Whole pipeline at scale" section of docs/benchmarks.md, written from bench/run's figures.

The section holds the machine and versions, the targets table (each target met or missed, and
by how much, with what bounds the missed ones), then a table per size. Other sections of the
file are kept. The figures of every size are also kept in an HTML comment at the end of the
section, so that a later run of some sizes keeps the tables of the others; a hand-written
"### Notes" subsection is kept as it is.

Length: over the ~400-line aim: one renderer of one document section, whose formatting
helpers are used only here; split, the section's layout would be read across two files.
"""

from __future__ import annotations

import json
import os
import platform
import re
from importlib import metadata

HEADING = "## Whole pipeline at scale"
NOTES = "### Notes"
_RESULTS = re.compile(r"<!-- bench/run results: (.*?) -->", re.DOTALL)
PIPELINE = ("read", "enrich and link", "RDF build", "store load", "validate", "analyses", "views")
BASELINES = ("generate", "dump to N-Quads (baseline input)", "raw bulk load (baseline)")
PACKAGES = ("pyoxigraph", "rdflib", "pyshacl", "networkx", "scikit-learn")
SMALL_BYTES = 100_000  # an answer up to this size is a "small result" for the HTTP target
TARGET_SIZE = 100_000


# --- the machine ----------------------------------------------------------------------------------


def machine() -> dict:
    """CPU count and model, memory, Python and the versions of the libraries that do the work."""
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            memory = int(next(line for line in info if line.startswith("MemTotal")).split()[1]) / 1024**2
    except (OSError, StopIteration):
        pass
    versions = {"Python": platform.python_version()}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return {"cpus": os.cpu_count(), "model": model, "memory_gib": memory, "system": platform.machine(), "versions": versions}


# --- numbers as text ------------------------------------------------------------------------------


def seconds(entry: dict | None) -> str:
    if not entry:
        return "–"
    if "over_memory_gib" in entry:
        return f"stopped at {entry.get('seconds') or 0:.0f} s (> {entry['over_memory_gib']:g} GiB)"
    if "over" in entry:
        return f"> {entry['over']:.0f} s"
    if "error" in entry:
        return "failed"
    return f"{entry['seconds']:.1f}"


def mib(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def millis(entry: dict | None) -> str:
    """A query's median in ms, or why there is none."""
    if not entry:
        return "not run"
    if "over" in entry:
        return f"> {entry['over']:g} s"
    if "over_memory_gib" in entry:
        return f"> {entry['over_memory_gib']:g} GiB"
    if "error" in entry:
        return "error"
    value = entry["median"] * 1000
    runs = len(entry.get("runs", ()))
    text = f"{value:,.0f}" if value >= 10 else f"{value:.1f}"
    return text if runs > 1 else f"{text} (1 run)"


def ratio(numerator: dict | None, denominator: dict | None) -> tuple[float | None, str]:
    """numerator ÷ denominator of two query timings; a bound when the numerator hit its cap."""
    if not denominator or "median" not in denominator or not numerator:
        return None, "–"
    if "over" in numerator:
        bound = numerator["over"] / denominator["median"]
        return bound, f"> {bound:,.0f}×" if bound >= 10 else f"> {bound:.1f}×"
    if "median" not in numerator:
        return None, "–"
    value = numerator["median"] / denominator["median"]
    return value, f"{value:,.0f}×" if value >= 10 else f"{value:.2f}×"


def size_name(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


# --- totals ---------------------------------------------------------------------------------------


def pipeline_total(result: dict, stages: tuple[str, ...] = PIPELINE) -> tuple[float, bool, float | None]:
    """Seconds of the stages (a lower bound when one was stopped), whether complete, their peak MiB."""
    total, complete, peaks = 0.0, True, []
    for name in stages:
        entry = result["stages"].get(name)
        if entry is None:
            if name == "views" and result["options"].get("skip_views"):
                continue
            complete = False
            continue
        total += entry.get("seconds") or 0.0
        complete = complete and not ({"over", "over_memory_gib", "error"} & entry.keys())
        if "over_memory_gib" in entry:
            peaks.append(entry["over_memory_gib"] * 1024)
        elif entry.get("peak_mib") is not None:
            peaks.append(entry["peak_mib"])
    return total, complete, max(peaks) if peaks else None


def slowest_stages(result: dict, count: int = 3) -> str:
    timed = sorted(((e.get("seconds") or 0.0, n) for n, e in result["stages"].items() if n in PIPELINE), reverse=True)
    total = sum(s for s, _ in timed) or 1.0
    return ", ".join(f"{name} {value:.0f} s ({value / total:.0%})" for value, name in timed[:count])


# --- the targets ----------------------------------------------------------------------------------


def _verdict(met: bool | None, miss: str = "") -> str:
    if met is None:
        return "not measured"
    return "**met**" if met else f"**missed** ({miss})" if miss else "**missed**"


def target_rows(results: dict[int, dict]) -> list[tuple[str, str, str, str]]:
    """(target, measured, verdict, what bounds it) for every target of issue 8."""
    rows = []
    big = results.get(TARGET_SIZE) or results[max(results)]
    at = f"at {size_name(big['size'])}"
    total, complete, peak = pipeline_total(big)
    build, build_complete, _ = pipeline_total(big, PIPELINE[:5])
    if complete:
        miss = f"by {total - 300:,.0f} s, {total / 300:.1f}× the budget"
    else:
        miss = f"by more than {total - 300:,.0f} s" if total > 300 else "a stage was stopped or failed"
    rows.append(("whole pipeline (read … views, validation included) < 5 min",
                 f"{'' if complete else '> '}{total:,.0f} s {at}", _verdict(complete and total < 300, miss),
                 f"slowest stages: {slowest_stages(big)}; read → validate alone (`recgraph build`): "
                 f"{'' if build_complete else '> '}{build:,.0f} s"))
    peak_stage = _peak_stage(big)
    over_cap = any("over_memory_gib" in e for n, e in big["stages"].items() if n in PIPELINE)
    rows.append(("peak memory < 4 GB", f"{'> ' if over_cap else ''}{(peak or 0) / 1024:.1f} GiB {at}",
                 _verdict(peak is not None and not over_cap and peak < 4096,
                          f"by {'more than ' if over_cap else ''}{((peak or 0) - 4096) / 1024:.1f} GiB"),
                 f"highest peak in: {peak_stage}"))
    load, raw = big["stages"].get("store load"), big["stages"].get("raw bulk load (baseline)")
    if load and raw and "seconds" in load and "seconds" in raw and "over" not in load:
        factor = bulk_seconds(load) / raw["seconds"]
        both = (load["seconds"] + big["stages"].get("RDF build", {}).get("seconds", 0.0)) / raw["seconds"]
        rows.append(("store load within 2× a raw pyoxigraph bulk load of the same quads",
                     f"{factor:.2f}× ({bulk_seconds(load):.1f} s vs {raw['seconds']:.1f} s) {at}",
                     _verdict(factor <= 2, f"by {factor / 2:.2f}×"),
                     f"with the RDF build (records → N-Quads) and the compaction counted too: {both:.2f}×"))
    rows += _query_targets(results, big)
    stage = big["stages"].get("enrich and link") or {}
    detection = stage.get("repeat_seconds")
    if detection is None:
        detection = (big["stages"].get("repeat detection (again, alone)") or {}).get("seconds")
    rows.append(("repeat detection < 60 s", "–" if detection is None else f"{detection:.1f} s {at}",
                 _verdict(None if detection is None else detection < 60, f"by {(detection or 0) - 60:.0f} s"),
                 f"{stage.get('repeats', 0):,} repeat links found"))
    scores = [(size, r["repeats"]) for size, r in sorted(results.items()) if r.get("repeats")]
    if scores:
        text = "; ".join(f"{size_name(s)}: P {r['precision']:.2f}, R {r['recall']:.2f}" for s, r in scores)
        worst_p = min(r["precision"] for _, r in scores)
        worst_r = min(r["recall"] for _, r in scores)
        miss = ", ".join(x for x in (f"P short by {0.9 - worst_p:.2f}" if worst_p < 0.9 else "",
                                      f"R short by {0.9 - worst_r:.2f}" if worst_r < 0.9 else "") if x)
        bounds = "; ".join(f"{size_name(s)}: {r['predicted']:,} links predicted for {r['planted']:,} planted pairs, "
                           f"{r['true_positives']:,} found (P among planted members only: {r['judged_precision']:.2f})"
                           for s, r in scores)
        rows.append(("planted repeats P ≥ 0.9 and R ≥ 0.9 (each size)", text, _verdict(not miss, miss), bounds))
    return rows


def _peak_stage(result: dict) -> str:
    peaks = [(e.get("over_memory_gib", 0) * 1024 or e.get("peak_mib") or 0, n)
             for n, e in result["stages"].items() if n in PIPELINE]
    if not peaks:
        return "–"
    value, name = max(peaks)
    return f"{name} ({value / 1024:.1f} GiB)"


def _query_targets(results: dict[int, dict], big: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    at = f"at {size_name(big['size'])}"
    queries = big["queries"]
    timed = {n: q["in-process"] for n, q in queries.items() if "median" in q.get("in-process", {})}
    stopped = [n for n, q in queries.items() if "median" not in q.get("in-process", {})]
    slow = sorted(((q["median"], n) for n, q in timed.items() if q["median"] >= 0.5), reverse=True)
    rows.append(("each saved query < 500 ms median in-process",
                 f"{len(timed) - len(slow)} of {len(queries)} under 500 ms {at}",
                 _verdict(not slow and not stopped, f"{len(slow) + len(stopped)} over")
                 if queries else _verdict(None),
                 "over: " + ", ".join([f"{n} {m * 1000:,.0f} ms" for m, n in slow] +
                                      [f"{n} {millis(queries[n].get('in-process'))}" for n in stopped]) if slow or stopped else ""))
    # rdflib: at the largest size where it loaded the graph.
    loaded = [r for _, r in sorted(results.items()) if "seconds" in (r.get("rdflib_load") or {})
              and "over" not in r["rdflib_load"]]
    if loaded:
        ref = loaded[-1]
        where = f"at {size_name(ref['size'])}"
        factors = {n: ratio(q.get("rdflib"), q.get("in-process")) for n, q in ref["queries"].items()}
        # A bound ("> 8×": rdflib was stopped at its cap) decides only when it already reaches 10×.
        capped = {n for n, q in ref["queries"].items() if "over" in (q.get("rdflib") or {})}
        known = {n: f for n, (f, _) in factors.items() if f is not None and (n not in capped or f >= 10)}
        short = sorted((f, n) for n, f in known.items() if f < 10)
        unknown = sorted(set(ref["queries"]) - set(known))
        note = "" if ref is big else f" (rdflib could not load the {size_name(big['size'])} graph: {_load_text(big)})"
        rows.append(("each saved query ≥ 10× faster than rdflib's in-memory store",
                     f"{len(known) - len(short)} of {len(ref['queries'])} ≥ 10× {where}{note}",
                     _verdict(not short and not unknown and ref is big, ", ".join(x for x in (
                         f"{len(short)} under 10×" if short else "",
                         f"{len(unknown)} undecided" if unknown else "",
                         "" if ref is big else f"not measurable at {size_name(big['size'])}") if x)),
                     ", ".join(f"{n} {factors[n][1]}" for _, n in short) +
                     ("; undecided: " + ", ".join(f"{n} ({_undecided(ref['queries'][n])})" for n in unknown)
                      if unknown else "")))
    elif big.get("rdflib_load"):
        rows.append(("each saved query ≥ 10× faster than rdflib's in-memory store", _load_text(big),
                     _verdict(None), "rdflib did not load the graph at any size"))
    # Small answers at every size: the target is about the cost HTTP adds, whatever the size.
    small = {(size, n): q for size, r in sorted(results.items()) for n, q in r["queries"].items()
             if q.get("HTTP", {}).get("bytes", SMALL_BYTES + 1) <= SMALL_BYTES}
    factors = {key: ratio(q.get("HTTP"), q.get("in-process")) for key, q in small.items()}
    worst = sorted(((f, key) for key, (f, _) in factors.items() if f is not None), reverse=True)
    over = [(f, key) for f, key in worst if f > 1.5]
    rows.append((f"over HTTP within 1.5× of in-process for small results (answers ≤ {SMALL_BYTES // 1000} kB, every size)",
                 f"{len(worst) - len(over)} of {len(small)} small answers within 1.5×"
                 + (f"; worst {worst[0][1][1]} at {size_name(worst[0][1][0])} {worst[0][0]:.2f}×" if worst else ""),
                 _verdict(not over if small else None, f"{len(over)} over 1.5×"),
                 ", ".join(f"{n} at {size_name(size)} {factors[(size, n)][1]} ({millis(small[(size, n)]['HTTP'])} vs "
                           f"{millis(small[(size, n)]['in-process'])} ms)" for _, (size, n) in over)))
    return rows


def _undecided(query: dict) -> str:
    """Why a query's rdflib ratio is not known: which side was stopped or failed."""
    local, rdflib = query.get("in-process") or {}, query.get("rdflib") or {}
    if "median" not in local:
        return f"Oxigraph {millis(local)}"
    if "over" in rdflib:
        return f"{ratio(rdflib, local)[1]}, rdflib stopped at {rdflib['over']:g} s"
    return f"rdflib {millis(rdflib)}"


def _load_text(result: dict) -> str:
    load = result.get("rdflib_load") or {}
    if "over_memory_gib" in load:
        return f"stopped past {load['over_memory_gib']:g} GiB after {load.get('seconds') or 0:.0f} s"
    if "over" in load:
        return f"not loaded within {load['over']:.0f} s"
    if "error" in load:
        return f"failed: {load['error']}"
    return f"loaded in {load.get('seconds', 0):.0f} s"


# --- the section ----------------------------------------------------------------------------------


def render(results: dict[int, dict], box: dict, notes: str = "") -> str:
    """The whole section, heading included."""
    versions = ", ".join(f"{k} {v}" for k, v in box["versions"].items())
    options = results[max(results)].get("options", {})
    memory = f"{box['memory_gib']:.0f} GiB" if box["memory_gib"] else "unknown memory"
    out = [
        HEADING, "",
        "`bench/run` generates the seeded synthetic corpus (`recgraph.graph.synthetic`, seed "
        f"{options.get('seed', 0)}: papers in all five layouts, planted repeats, pointers and systems, with a truth "
        "file) at each size, then runs the pipeline the way the commands do: read (`read_papers`), enrich and link "
        "(`enrich`, `link`), RDF build and store load (one `build_store` call, split where its bulk load starts), "
        "validate (`validate_store`: the shapes compiled to SPARQL and run on the store, as `recgraph validate`), analyses (on one shared projection, as "
        "`recgraph stats`) and views (built and written, as `recgraph view`; not drawn in a browser). Each part runs "
        "in a child process of its own, one after another, so nothing else of the benchmark runs beside it and "
        "peak memory is per stage (the kernel's resident high-water mark, reset before each stage). Saved queries: "
        "all of `ontology/queries/*.rq` (`timeline` bound to one recommendation by a VALUES clause), median of up "
        f"to {options.get('runs', 5)} runs (fewer once they took {options.get('spend', 5.0):g} s); in-process every "
        "term of every row is fetched; over HTTP the app of `recgraph serve` is served by uvicorn on 127.0.0.1 "
        "(SPARQL JSON, the body read, one kept-alive connection per query). Baselines in the same run: the store "
        "dumped to N-Quads and that file bulk-loaded raw into an empty pyoxigraph store, and parsed into rdflib's "
        "in-memory `Dataset` (default graph = union of the graphs) answering the same query texts. A query run, "
        "stage or process past its cap is stopped and shown as `> X s` or `> X GiB` (caps: query "
        f"{options.get('query_timeout', 10):g} s, rdflib query {options.get('rdflib_timeout', 30):g} s, rdflib "
        f"parse {options.get('rdflib_load_timeout', 900):g} s, memory {options.get('memory_cap_gib', 8):g} GiB).",
        "",
        f"Machine: {box['cpus']} × {box['model']}, {memory}, {box['system']}; {versions}. "
        "The machine is shared with other jobs: the load average (1 min) is noted before and after each size.",
        "",
        "Run: `bench/run --sizes 1k,10k,100k` (see the README, \"Benchmarks\").",
        "",
        "### Targets",
        "",
        "| target | measured | verdict | what bounds it |",
        "| --- | --- | --- | --- |",
    ]
    out += [f"| {t} | {m} | {v} | {b} |" for t, m, v, b in target_rows(results)]
    for size in sorted(results):
        out += ["", *size_table(results[size])]
    if notes:
        out += ["", notes.strip()]
    payload = json.dumps({str(k): v for k, v in sorted(results.items())}, separators=(",", ":"))
    out += ["", f"<!-- bench/run results: {payload} -->"]
    return "\n".join(out) + "\n"


def size_table(result: dict) -> list[str]:
    """The tables of one size: stages, then queries, then the baselines and the repeats."""
    stages, corpus = result["stages"], result["stages"].get("generate", {})
    layouts = ", ".join(f"{k} {v}" for k, v in sorted((corpus.get("layouts") or {}).items()))
    before, after = result["load_before"][0], result["load_after"][0]
    out = [
        f"### {result['size']:,} recommendations",
        "",
        f"{result['date']}; {corpus.get('papers', '?')} papers ({layouts}), {corpus.get('repeat_groups', '?')} planted "
        f"repeat groups; load average {before:.1f} before, {after:.1f} after; the whole size took "
        f"{result['seconds'] / 60:.1f} min.",
        "",
        "| stage | time (s) | peak RSS (MiB) | details |",
        "| --- | ---: | ---: | --- |",
    ]
    for name in PIPELINE:
        if name in stages:
            out.append(f"| {name} | {seconds(stages[name])} | {mib(_peak(stages[name]))} | {_details(name, stages[name])} |")
        elif name == "views" and result["options"].get("skip_views"):
            out.append("| views | skipped | | `--skip-views` |")
    for name, entry in stages.items():  # a stage stopped before it could be split, or a retimed one
        if name not in PIPELINE and name not in BASELINES:
            out.append(f"| {name} | {seconds(entry)} | {mib(_peak(entry))} | {entry.get('error', '')} |")
    total, complete, peak = pipeline_total(result)
    out.append(f"| **pipeline** | **{'' if complete else '> '}{total:,.1f}** | **{mib(peak)}** | "
               "sum of the stages above; peak: the highest stage |")
    out.append(f"| *generate corpus* | {seconds(stages.get('generate'))} | {mib(_peak(stages.get('generate')))} | "
               "not part of the pipeline |")
    out += ["", *query_table(result), "", *baseline_lines(result)]
    return out


def _peak(entry: dict | None) -> float | None:
    if not entry:
        return None
    return entry.get("peak_mib")


def _details(name: str, entry: dict) -> str:
    if "error" in entry:
        return str(entry["error"])[:160]
    if "over_memory_gib" in entry or "over" in entry:
        return "stopped by the benchmark's cap"
    if name == "read":
        return (f"{entry['papers']:,} papers, {entry['recommendations']:,} recommendations, {entry['updates']:,} updates, "
                f"{entry['errors']} errors, {entry['leftovers']:,} leftovers")
    if name == "enrich and link":
        detection = entry.get("repeat_seconds")
        return (f"enrich {entry['enrich_seconds']:.1f} s, link {entry['link_seconds']:.1f} s"
                + (f" (repeat detection {detection:.1f} s)" if detection is not None else "")
                + f"; {entry['repeats']:,} repeat links, {entry['dependencies']:,} dependencies")
    if name == "RDF build":
        return f"records → N-Quads ({entry['enrichment_quads']:,} quads of enrichment and links), ontology loaded"
    if name == "store load":
        compaction = entry.get("optimize_seconds")
        return (f"bulk load of {entry['quads']:,} quads, flush, "
                + (f"compaction ({compaction:.1f} s), " if compaction else "") + "count, swap")
    if name == "validate":
        return "conforms" if entry.get("conforms") else f"does not conform: {entry.get('violations', '?'):,} violations"
    if name == "analyses":
        parts = entry.get("parts", {})
        return ", ".join(f"{k} {v:.1f} s" if isinstance(v, float) else f"{k}: {v}" for k, v in parts.items())
    if name == "views":
        nodes = ", ".join(f"{k} {v:,}" for k, v in entry.get("nodes", {}).items())
        return f"built in {entry.get('build_seconds', 0):.1f} s; nodes: {nodes}"
    return ""


def bulk_seconds(load: dict) -> float:
    """The store load's time without the compaction that follows the bulk load."""
    return load["seconds"] - (load.get("optimize_seconds") or 0.0)


def query_table(result: dict) -> list[str]:
    out = [
        "| saved query | rows | answer (kB) | in-process (ms) | HTTP (ms) | HTTP ÷ in-process | rdflib (ms) | rdflib ÷ Oxigraph |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in sorted(result["queries"]):
        q = result["queries"][name]
        local, http, rdflib = q.get("in-process"), q.get("HTTP"), q.get("rdflib")
        rows = f"{local['rows']:,}" if local and "rows" in local else "–"
        size = f"{http['bytes'] / 1000:,.1f}" if http and "bytes" in http else "–"
        out.append(f"| {name} | {rows} | {size} | {millis(local)} | {millis(http)} | {ratio(http, local)[1]} | "
                   f"{millis(rdflib)} | {ratio(rdflib, local)[1]} |")
    errors = sorted({f"{n} ({mode}): {e['error']}" for n, q in result["queries"].items()
                     for mode, e in q.items() if "error" in e})
    if errors:
        out += ["", "Errors: " + "; ".join(e[:200] for e in errors) + "."]
    return out


def baseline_lines(result: dict) -> list[str]:
    stages = result["stages"]
    out = []
    load, raw, build = stages.get("store load"), stages.get("raw bulk load (baseline)"), stages.get("RDF build")
    if load and raw and "seconds" in raw and "over" not in load:
        quads = result.get("raw_quads", 0)
        out.append(f"Store load {bulk_seconds(load):.1f} s (without the compaction) vs a raw `bulk_load` of the same "
                   f"{quads:,} quads {raw['seconds']:.1f} s ({bulk_seconds(load) / raw['seconds']:.2f}×); records → stored graph "
                   f"(RDF build + store load) {load['seconds'] + build['seconds']:.1f} s "
                   f"({(load['seconds'] + build['seconds']) / raw['seconds']:.2f}×).")
    if "rdflib_load" in result:
        entry = result["rdflib_load"]
        if "triples" in entry:
            out.append(f"rdflib parsed the dump ({entry['triples']:,} quads) in {entry['seconds']:.0f} s, "
                       f"peak {mib(entry['peak_mib'])} MiB.")
        else:
            out.append(f"rdflib: {_load_text(result)}; its queries were not run.")
    scores = result.get("repeats")
    if scores:
        out.append(f"Planted repeats: {scores['planted']:,} planted pairs, {scores['predicted']:,} predicted, "
                   f"{scores['true_positives']:,} right: precision {scores['precision']:.3f}, recall "
                   f"{scores['recall']:.3f} (precision among planted members only {scores['judged_precision']:.3f}).")
    failures = [f"{role}: {c['failure']}" for role, c in result["children"].items() if c["failure"]]
    if failures:
        out.append("Stopped or failed: " + "; ".join(failures) + ".")
    return [line for pair in zip(out, [""] * len(out)) for line in pair][:-1]


# --- the file -------------------------------------------------------------------------------------


def earlier_results(text: str) -> dict[int, dict]:
    """The figures kept in the section by an earlier run (empty when there are none)."""
    found = _RESULTS.search(_section(text) or "")
    if not found:
        return {}
    return {int(size): result for size, result in json.loads(found.group(1)).items()}


def earlier_notes(text: str) -> str:
    section = _section(text) or ""
    if NOTES not in section:
        return ""
    notes = section.split(NOTES, 1)[1]
    notes = re.split(r"\n### |\n<!-- bench/run results", notes, maxsplit=1)[0]
    return NOTES + notes.rstrip()


def _section(text: str) -> str | None:
    if HEADING not in text:
        return None
    rest = text.split(HEADING, 1)[1]
    return HEADING + re.split(r"\n## ", rest, maxsplit=1)[0]


def replace_section(text: str, section: str) -> str:
    """``text`` with this section replaced, or added right after the title; other sections kept."""
    section = section.rstrip("\n") + "\n"
    if HEADING in text:
        start = text.index(HEADING)
        following = text.find("\n## ", start)
        end = len(text) if following < 0 else following + 1
        return text[:start] + section + ("\n" if following >= 0 else "") + text[end:]
    if not text.strip():
        return "# Benchmarks\n\n" + section
    title, _, rest = text.partition("\n")
    if title.startswith("# "):
        return f"{title}\n\n{section}\n{rest.lstrip(chr(10))}"
    return f"{section}\n{text}"
