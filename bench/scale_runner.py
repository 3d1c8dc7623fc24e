"""One size of `bench/run`: the children run one after another, their figures gathered in a dict.

The children (see :mod:`scale_worker`): the pipeline up to the stored graph, the validation,
the analyses and views, the saved queries (in-process and over HTTP), the rdflib baseline. Each
runs alone, so none slows another on the two cores, and each has its own peak memory. A query
worker stopped at the cap is started again from the next query; the rdflib worker at most twice
(each start parses the whole graph again).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scale_watch import ChildRun, run_child

MIB_PER_GIB = 1024


@dataclass(frozen=True)
class Options:
    """Settings of a run (the command-line options of bench/run)."""

    seed: int = 0
    skip_views: bool = False
    runs: int = 5  # timed runs per query, for the median
    spend: float = 5.0  # no further run of a query once its runs took this long (seconds)
    query_timeout: float = 10.0  # a query run (Oxigraph, in-process or HTTP) past this is stopped
    rdflib_timeout: float = 30.0  # the same for rdflib
    rdflib_load_timeout: float = 900.0
    stage_timeout: float = 3600.0
    memory_cap_gib: float = 8.0  # a child past this resident size is stopped

    @property
    def memory_cap_mib(self) -> float:
        return self.memory_cap_gib * MIB_PER_GIB


def measure_size(size: int, options: Options, folder: Path, say: Callable[[str], None]) -> dict:
    """Every figure of one size: stages, memory, queries, baselines, planted repeats."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    log = folder / "children.log"
    result: dict = {
        "size": size, "seed": options.seed, "date": time.strftime("%Y-%m-%d %H:%M"),
        "load_before": os.getloadavg(), "stages": {}, "children": {}, "queries": {}, "options": options.__dict__,
    }
    started = time.monotonic()

    def child(role: str, config: dict) -> ChildRun:
        say(f"  {role} …")
        run = run_child(role, {"stage_timeout": options.stage_timeout, **config}, time_cap=options.stage_timeout * 8,
                        memory_cap_mib=options.memory_cap_mib, log=log)
        result["children"][role] = {"seconds": run.seconds, "peak_mib": run.peak_mib, "failure": run.failure()}
        for event in run.all("stage"):
            result["stages"][event["stage"]] = _clean(event)
        if run.running and run.running.get("stage"):
            result["stages"][run.running["stage"]] = _stopped(run, options)
        if run.failure():
            say(f"    {role}: {run.failure()}")
        return run

    pipeline = child("pipeline", {"folder": str(folder), "size": size, "seed": options.seed})
    result["repeats"] = _clean(pipeline.last("repeats") or {})
    sample, baseline = pipeline.last("sample"), pipeline.last("baseline")
    if sample:
        store = sample["store"]
        child("validate", {"store": store})
        child("graph", {"store": store, "folder": str(folder), "skip_views": options.skip_views})
        names = saved_query_names()
        common = {"store": store, "label": sample["label"], "runs": options.runs, "spend": options.spend}
        say("  queries …")
        _merge(result["queries"], _query_runs("queries", names, {**common, "query_timeout": options.query_timeout},
                                               options, folder, restarts=len(names)))
        if baseline:
            say("  rdflib …")
            config = {**common, "dump": baseline["dump"], "query_timeout": options.rdflib_timeout,
                      "load_timeout": options.rdflib_load_timeout}
            rdflib_runs = _query_runs("rdflib", names, config, options, folder, restarts=2, loads=result)
            _merge(result["queries"], rdflib_runs)
            result["raw_quads"] = baseline["quads"]
    result["seconds"] = time.monotonic() - started
    result["load_after"] = os.getloadavg()
    return result


def saved_query_names() -> list[str]:
    from recgraph.graph.store.queries import saved_queries

    return sorted(saved_queries())


def _query_runs(role: str, names: list[str], config: dict, options: Options, folder: Path, *,
                restarts: int, loads: dict | None = None) -> dict[str, dict[str, dict]]:
    """Run a query worker over ``names``, starting it again after the query it was stopped at."""
    found: dict[str, dict[str, dict]] = {}
    remaining = list(names)
    cap = config["query_timeout"]
    while remaining:
        run = run_child(role, {**config, "queries": remaining}, time_cap=options.stage_timeout * 8,
                        memory_cap_mib=options.memory_cap_mib, log=folder / "children.log")
        if loads is not None:
            _note_load(loads, run, options)
        for event in run.all("query"):
            found.setdefault(event["query"], {})[event["mode"]] = _clean(event)
        if run.ok:
            break
        stuck = run.running or {}
        if "query" not in stuck:  # stopped before its first query (start-up, or rdflib's parse)
            for name in remaining:
                found.setdefault(name, {}).setdefault(_mode_of(role), {"error": run.failure()})
            break
        if run.killed == "time":
            outcome = {"over": cap}
        elif run.killed == "memory":
            outcome = {"over_memory_gib": options.memory_cap_gib}
        else:
            outcome = {"error": run.failure()}
        found.setdefault(stuck["query"], {})[stuck["mode"]] = outcome
        remaining = remaining[remaining.index(stuck["query"]) + 1:]
        restarts -= 1
        if restarts < 0:
            for name in remaining:
                found.setdefault(name, {})[_mode_of(role)] = {"error": "not run: the worker was stopped too often"}
            break
    return found


def _mode_of(role: str) -> str:
    return "rdflib" if role == "rdflib" else "in-process"


def _note_load(result: dict, run: ChildRun, options: Options) -> None:
    """The rdflib parse of the graph: its time and memory (from the first start that finished it)."""
    if "rdflib_load" in result and "seconds" in result["rdflib_load"]:
        return
    loaded = run.last("rdflib-load")
    if loaded:
        result["rdflib_load"] = _clean(loaded)
    elif run.running and run.running.get("stage") == "rdflib load":
        result["rdflib_load"] = _stopped(run, options)


def _stopped(run: ChildRun, options: Options) -> dict:
    """A stage the watcher stopped (or that failed): what ran out and after how long."""
    entry = {"stage": run.running.get("stage"), "seconds": run.running_for()}
    if run.killed == "memory":
        entry["over_memory_gib"] = options.memory_cap_gib
    elif run.killed == "time":
        entry["over"] = run.running_for()
    else:
        entry["error"] = run.failure()
    entry["peak_mib"] = run.peak_mib
    return entry


def _merge(into: dict, found: dict) -> None:
    for name, modes in found.items():
        into.setdefault(name, {}).update(modes)


def _clean(event: dict) -> dict:
    return {k: v for k, v in event.items() if k not in ("event", "_at", "budget")}
