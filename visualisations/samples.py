"""Seeded synthetic analysis results of any size, shaped like the analyses' output (the contract of
:mod:`recgraph.graph.analyses`): the tests, the benchmark and anyone trying the views use the same data.

:func:`sample_graph` makes the recommendation graph (recommendations in source reports over the
years, with themes, owners, statuses, systems, programmes, dependencies and planted repeat chains);
:func:`sample_chains` and :func:`sample_owner_load` derive the repeat chains and owner load tables
from it the simple way (the real analyses do more, e.g. scoring and staleness across papers).
"""

from __future__ import annotations

import random

import networkx as nx
import pandas

BASE = "https://w3id.org/recgraph/id/"
STATUSES = ("complete", "substantially complete", "partially complete", "in progress", "not started",
            "awaiting external action", "superseded or subsumed", "unknown")
CLOSED = {"complete", "substantially complete", "superseded or subsumed"}
THEMES = ("recruitment", "retention", "training", "leadership", "diversity & equality", "vetting", "mentoring",
          "governance & oversight", "performance management", "partnership working", "stop and search",
          "detectives/investigation", "intelligence/NIM", "custody", "complaints", "personnel data & HR systems",
          "promotion/progression", "grievances & employment tribunals", "community engagement", "drugs",
          "firearms", "traffic", "youth", "victims", "domestic violence", "IT systems", "estates", "finance")
OWNERS = ("HR Directorate", "Training Directorate", "Diversity Directorate", "Territorial Policing",
          "Specialist Operations", "Directorate of Information", "Finance", "Professional Standards",
          "Strategy Unit", "Property Services", "Corporate Development", "Criminal Justice", "Legal Services",
          "Communications", "Procurement", "Audit Committee", "Race Equality Programme", "Borough Commanders")
SYSTEMS = ("PRISM", "MetHR", "CRIS", "AWARE", "CAD", "MERLIN", "NSPIS", "HOLMES", "Airwave")
PROGRAMMES = ("Met Modernisation", "Diversity Strategy", "Workforce Plan", "Estate Strategy")
WORDS = ("the", "MPS", "should", "review", "its", "policy", "on", "officers", "staff", "and", "ensure", "that",
         "training", "is", "monitored", "by", "boroughs", "with", "clear", "targets", "for", "recruitment",
         "data", "systems", "consultation", "community", "report", "annually", "to", "the", "Authority")
REPORT_SIZE = 40  # recommendations per synthetic source report


def _iri(*segments: str) -> str:
    return BASE + "/".join(segments)


def sample_graph(recommendations: int, seed: int = 0) -> nx.MultiDiGraph:
    """A recommendation graph of ``recommendations`` recommendations, as the analyses would project it.

    Examples
    --------
    >>> g = sample_graph(100)
    >>> sum(1 for _, a in g.nodes(data=True) if a["kind"] == "recommendation")
    100
    """
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for label in THEMES:
        graph.add_node(_iri("theme", label), kind="theme", label=label, url=_iri("theme", label))
    for label in OWNERS:
        graph.add_node(_iri("owner", label), kind="owner", label=label, url=_iri("owner", label))
    for label in SYSTEMS:
        graph.add_node(_iri("system", label), kind="system", label=label, url=_iri("system", label))
    for label in PROGRAMMES:
        graph.add_node(_iri("programme", label), kind="programme", label=label, url=_iri("programme", label))
    reports = max(1, -(-recommendations // REPORT_SIZE))
    theme_weights = [1.0 / (i + 1) for i in range(len(THEMES))]
    recs: list[str] = []
    for index in range(recommendations):
        report_index = index % reports
        key = f"report-{report_index:04d}"
        year = 1998 + (report_index * 15) // reports
        number = str(index // reports + 1)
        iri = _iri("report", key, "rec", number)
        themes = sorted(set(rng.choices(THEMES, weights=theme_weights, k=rng.randint(1, 3))))
        status = rng.choices(STATUSES, weights=(5, 2, 2, 5, 2, 1, 1, 2))[0]
        owner = rng.choice(OWNERS) if rng.random() < 0.9 else None
        text = " ".join(rng.choices(WORDS, k=rng.randint(12, 60))).capitalize() + "."
        graph.add_node(iri, kind="recommendation", label=f"{key}/{number}", title=text[:120], text=text,
                       report=key, report_title=f"Inspection report {report_index + 1}", year=year,
                       status=status, closed=status in CLOSED, owner=owner, themes=themes, url=iri)
        for theme in themes:
            graph.add_edge(iri, _iri("theme", theme), kind="theme", score=None, evidence=None)
        if owner:
            graph.add_edge(iri, _iri("owner", owner), kind="owner", score=None, evidence=None)
        if rng.random() < 0.3:
            graph.add_edge(iri, _iri("system", rng.choice(SYSTEMS)), kind="mentionsSystem", score=None,
                           evidence="names the system")
        if rng.random() < 0.08:
            graph.add_edge(iri, _iri("programme", rng.choice(PROGRAMMES)), kind="partOf", score=None, evidence=None)
        if recs and rng.random() < 0.05:
            graph.add_edge(iri, rng.choice(recs), kind="dependsOn", score=None, evidence="awaits")
        recs.append(iri)
    _plant_repeats(graph, recs, reports, rng)
    return graph


def _plant_repeats(graph: nx.MultiDiGraph, recs: list[str], reports: int, rng: random.Random) -> None:
    """Chains of 2 to 5 recommendations of later and later reports: each reiterates the one before."""
    by_report: dict[int, list[str]] = {}
    for index, iri in enumerate(recs):
        by_report.setdefault(index % reports, []).append(iri)
    if reports < 2:
        return
    used: set[str] = set()
    for _ in range(len(recs) // 8):
        length = rng.randint(2, min(5, reports))
        chosen = sorted(rng.sample(range(reports), length))
        members = [rng.choice(by_report[r]) for r in chosen]
        if used.intersection(members):
            continue
        used.update(members)
        for earlier, later in zip(members, members[1:]):
            graph.add_edge(later, earlier, kind="reiterates", score=round(rng.uniform(0.55, 0.95), 2),
                           evidence="shared issue terms")


def sample_chains(graph: nx.MultiDiGraph) -> pandas.DataFrame:
    """The repeat chains of ``graph`` (components of its reiterates links), in the analyses' columns."""
    links = nx.Graph()
    scores = {}
    for source, target, data in graph.edges(data=True):
        if data.get("kind") == "reiterates":
            links.add_edge(source, target)
            scores[frozenset((source, target))] = data.get("score")
    rows = []
    components = sorted((sorted(c) for c in nx.connected_components(links)), key=lambda c: c[0])
    for chain, members in enumerate(components, start=1):
        ordered = sorted(members, key=lambda n: (graph.nodes[n].get("year") or 0, n))
        for position, iri in enumerate(ordered):
            attrs = graph.nodes[iri]
            rows.append({
                "chain": chain, "position": position, "iri": iri, "label": attrs.get("label"),
                "report": attrs.get("report"), "year": attrs.get("year"), "date": None,
                "status": attrs.get("status"), "closed": attrs.get("closed"), "text": attrs.get("text"),
                "score": scores.get(frozenset((iri, ordered[position - 1]))) if position else None,
                "links": tuple((other, scores[frozenset((iri, other))], "suggested") for other in ordered[:position]
                               if frozenset((iri, other)) in scores),
                "closed_before_repeat": bool(attrs.get("closed")) and any(
                    frozenset((iri, other)) in scores for other in ordered[position + 1:]),
            })
    columns = ["chain", "position", "iri", "label", "report", "year", "date", "status", "closed", "text", "score",
               "links", "closed_before_repeat"]
    return pandas.DataFrame(rows, columns=columns)


def sample_owner_load(graph: nx.MultiDiGraph) -> pandas.DataFrame:
    """Open, stale (here: open and not started) and total recommendations per owner."""
    rows: dict[str, dict] = {}
    for _, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "recommendation" or not attrs.get("owner"):
            continue
        row = rows.setdefault(attrs["owner"], {"owner": attrs["owner"], "open": 0, "stale": 0, "total": 0})
        row["total"] += 1
        if not attrs.get("closed"):
            row["open"] += 1
            row["stale"] += attrs.get("status") == "not started"
    return pandas.DataFrame(sorted(rows.values(), key=lambda r: -r["open"]), columns=["owner", "open", "stale", "total"])
