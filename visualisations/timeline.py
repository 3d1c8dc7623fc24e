"""The repeat timeline: each repeat chain on a row of its own, its members placed by year from left to
right and coloured by source report, so an issue recommended again and again over the years reads as
a line across the page. Members marked complete and yet recommended again later ("recurring despite
closure", docs/analyses.md: the chains' ``closed_before_repeat``, the same count as ``recgraph stats``
and the saved query) have a heavy border. Edges are the repeat links themselves, each with its own
score and decision: two members of a chain that no link joins have no edge.

Above the node budget the page shows the longest chains only, and says how many it leaves out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import networkx as nx
import pandas

from recgraph.visualisations.style import category_colours, status_colour
from recgraph.visualisations.view import (
    MAX_NODES,
    LegendEntry,
    View,
    add_edge,
    add_recommendation,
    edge_legend,
    new_network,
    plural,
)

SLOT = 70.0  # pixels between two members of one chain in the same year
ROW = 46.0  # pixels between two chains
GAP = 60.0  # pixels between two year columns
OTHER = "#bdbdbd"
UNDATED = "undated"
FACETS = (("report", "Source report"), ("status", "Status"), ("recurring", "Recurs despite closure"))
_YEAR = re.compile(r"(\d{4})")


def build_repeat_timeline(chains: pandas.DataFrame, graph: nx.MultiDiGraph | None = None, *,
                          max_nodes: int = MAX_NODES) -> View:
    """The repeat timeline of :func:`recgraph.graph.analyses.repeat_chains`.

    Parameters
    ----------
    chains : one row per chain member: chain, position (0 = earliest), iri, label, report, year, date,
        status, closed, text, closed_before_repeat, and links (a tuple of (earlier iri, score,
        decision), the edges drawn), as :func:`recgraph.graph.analyses.repeat_chains` gives.
    graph : the recommendation graph, for the tooltips' report titles, owners and themes (optional).
    max_nodes : show the longest chains whose members add up to at most this many.

    Returns
    -------
    View : named ``repeats``.

    Examples
    --------
    >>> rows = [dict(chain=1, position=p, iri=f"r{p}", label=f"r/{p}", report="r", year=2000 + p,
    ...              date=None, status="complete", closed=True, text="t", score=None) for p in (0, 1)]
    >>> build_repeat_timeline(pandas.DataFrame(rows)).node_count
    2
    """
    members = _members(chains)
    kept, dropped = _longest(members, max_nodes)
    years = sorted({m["column"] for chain in kept.values() for m in chain}, key=_column_order)
    columns = _columns(kept, years)
    colours, rest = category_colours([m["report"] for chain in kept.values() for m in chain])
    titles = _report_titles(graph)
    network = new_network(sum(len(c) for c in kept.values()))
    for row, (chain, rows) in enumerate(kept.items()):
        _add_chain(network, chain, rows, row, columns, colours, graph)
    shown = sum(len(c) for c in kept.values())
    total = sum(len(c) for c in members.values())
    notice = None
    if dropped:
        notice = (f"{plural(total, 'recommendation')} in {plural(len(members), 'chain')} are more than the "
                  f"{max_nodes:,} nodes a page draws quickly: showing the {plural(len(kept), 'longest chain')} "
                  f"({plural(shown, 'recommendation')}); {plural(dropped, 'shorter chain')} are left out.")
    first = {}
    for rows in kept.values():
        for member in rows:
            first[member["report"]] = min(first.get(member["report"], (9, 0)), _column_order(member["column"]))
    legend = tuple(LegendEntry(titles.get(r, r), colours[r]) for r in sorted(colours, key=lambda r: (first[r], str(r))))
    if rest:
        legend += (LegendEntry(f"{plural(rest, 'other report')}", OTHER),)
    legend += (LegendEntry("marked complete, yet recommended again later", "#000000", "ring"),
               *edge_legend(["reiterates"]))
    axis = tuple((x, str(label)) for label, x in columns.items())
    return View(
        name="repeats", title="Repeat timeline", network=network, legend=legend, facets=FACETS, notice=notice,
        axis=axis, stats={"chains": len(members), "recommendations": total,
               "recurring despite closure": sum(bool(m.get("closed_before_repeat")) for c in members.values() for m in c),
               "links": sum(len(_links_of(m)) for c in kept.values() for m in c)},
        description=(f"{plural(len(members), 'repeat chain')}: one row each, members placed by year from left "
                     "to right and coloured by source report; edges are the repeat links, each with its own score (heavier when an analyst confirmed it)."),
    )


def _members(chains: pandas.DataFrame) -> dict[int, list[dict]]:
    """Chain -> its members as dicts ordered by position, each with the year column it goes in."""
    members: dict[int, list[dict]] = {}
    for record in chains.sort_values(["chain", "position"]).to_dict("records"):
        record["column"] = _year(record)
        members.setdefault(record["chain"], []).append(record)
    return members


def _year(record: Mapping) -> int | str:
    """The member's year: the year column, else the first four digits of its date, else undated."""
    year = record.get("year")
    if year is not None and not pandas.isna(year):
        return int(year)
    found = _YEAR.search(str(record.get("date") or ""))
    return int(found.group(1)) if found else UNDATED


def _column_order(column: int | str) -> tuple[int, int]:
    return (0, 0) if column == UNDATED else (1, int(column))


def _longest(members: dict[int, list[dict]], max_nodes: int) -> tuple[dict[int, list[dict]], int]:
    """The longest chains (then the widest span) whose members fit in ``max_nodes``; how many were left out.

    The kept chains are ordered by their first year, so the page reads top-down through time.
    """
    def span(rows: list[dict]) -> int:
        years = [r["column"] for r in rows if r["column"] != UNDATED]
        return max(years) - min(years) if years else 0

    ranked = sorted(members, key=lambda c: (-len(members[c]), -span(members[c]), c))
    kept, used = [], 0
    for chain in ranked:
        if used + len(members[chain]) > max_nodes:
            continue
        kept.append(chain)
        used += len(members[chain])
    start = {c: _column_order(members[c][0]["column"]) for c in kept}
    ordered = sorted(kept, key=lambda c: (start[c], -len(members[c]), c))
    return {c: members[c] for c in ordered}, len(members) - len(kept)


def _columns(kept: dict[int, list[dict]], years: list) -> dict[int | str, float]:
    """Year -> x of its column; a column is as wide as the most members one chain has in that year."""
    widest = Counter()
    for rows in kept.values():
        for column, count in Counter(r["column"] for r in rows).items():
            widest[column] = max(widest[column], count)
    x, columns = 0.0, {}
    for year in years:
        columns[year] = x
        x += widest[year] * SLOT + GAP
    return columns


def _report_titles(graph: nx.MultiDiGraph | None) -> dict[str, str]:
    if graph is None:
        return {}
    return {a["report"]: a.get("report_title") or a["report"] for _, a in graph.nodes(data=True)
            if a.get("kind") == "recommendation" and a.get("report")}


def _add_chain(network, chain: int, rows: list[dict], row: int, columns: dict, colours: dict, graph) -> None:
    recurring = any(bool(r.get("closed_before_repeat")) for r in rows)
    slots: Counter = Counter()
    members = {record["iri"] for record in rows}
    for index, record in enumerate(rows):
        attrs = dict(graph.nodes[record["iri"]]) if graph is not None and record["iri"] in graph else {}
        for key in ("label", "report", "status", "text", "year"):
            if attrs.get(key) is None and record.get(key) is not None and not _missing(record.get(key)):
                attrs[key] = record[key]
        x = columns[record["column"]] + slots[record["column"]] * SLOT
        slots[record["column"]] += 1
        closed_then_repeated = bool(record.get("closed_before_repeat"))
        status = attrs.get("status") or "unknown"
        extra = [f"Repeat chain {chain}: member {index + 1} of {len(rows)}"]
        if closed_then_repeated:
            extra.append("Marked complete, yet recommended again later")
        border = "#000000" if closed_then_repeated else status_colour(status)
        add_recommendation(
            network, record["iri"], attrs, x=x, y=row * ROW, extra=extra,
            colour={"background": colours.get(record.get("report"), OTHER), "border": border},
            borderWidth=4 if closed_then_repeated else 2, size=11,
            facets={"report": [record.get("report") or "unknown"], "status": [status],
                    "recurring": ["yes" if recurring else "no"]},
        )
    for record in rows:  # the links themselves, once every member is placed
        for earlier, score, decision in _links_of(record):
            if earlier not in members:
                continue
            label = None if _missing(score) else f"{float(score):.2f}"
            tip = f"similarity {label}" if label else "repeat"
            add_edge(network, earlier, record["iri"], "reiterates", tooltip=f"{tip}; {decision or 'suggested'}",
                     label=label, font={"size": 10}, width=3 if decision == "confirmed" else 1)


def _links_of(record: Mapping) -> list[tuple]:
    """The member's links to earlier members: (earlier iri, score, decision); none when the chains
    table has no ``links`` column (then nothing says which members are linked, and nothing is drawn)."""
    links = record.get("links")
    if links is None or (isinstance(links, float) and links != links):
        return []
    return [tuple(link) for link in links]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)
