"""Repeat chains: the same issue recommended again and again, by report after report.

A *chain* is a connected component of the repeat links (``rg:reiterates``, later -> earlier),
its members ordered earliest first: by the links themselves (an earlier member comes before every
member that reiterates it), then by the source report's year, then by the date of the first paper
that reports on it. A chain *recurs despite closure* where a member that was marked complete is
nevertheless reiterated later: the one definition of "recurring despite closure" (docs/analyses.md),
the link's ``rg:recurringDespiteClosure`` (marked complete by a paper dated before the year the
later report was made); only where a link does not say (a graph recgraph did not make), the
member's current status. Rejected links are not stated (``rg:reiterates``), so they make no chain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.projection import Projection, Source, project
from recgraph.graph.analyses.tables import none_for_missing

if TYPE_CHECKING:
    import networkx
    import pandas

CHAIN_COLUMNS = ["chain", "position", "iri", "label", "report", "year", "date", "status", "closed", "text",
                 "score", "reiterates", "evidence", "closed_before_repeat", "decision", "links"]
SUMMARY_COLUMNS = ["chain", "length", "span_years", "closed_before_repeat", "first", "last", "reports",
                   "first_year", "last_year"]
_NO_YEAR = 10**6


def repeat_chains(source: Source | Projection = None, min_score: float | None = None) -> pandas.DataFrame:
    """Every repeat chain, one row per member, earliest member first.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).
    min_score : ignore repeat links scored below this (default: every link the build kept).

    Returns
    -------
    pandas.DataFrame : see :func:`chains_from_links`.
    """
    projection = project(source)
    return chains_from_links(projection.links(["reiterates"]), projection.recommendations(owners=False), min_score)


def repeat_graph(links: pandas.DataFrame, min_score: float | None = None) -> networkx.DiGraph:
    """The repeat links as a directed graph from the earlier recommendation to the later one.

    Parameters
    ----------
    links : rows with source (the later), target (the earlier), and optionally kind, score,
        evidence, despite_closure; rows of another kind than ``reiterates`` are ignored.
    min_score : drop links scored below this (links without a score are kept).

    Examples
    --------
    >>> import pandas
    >>> g = repeat_graph(pandas.DataFrame({"source": ["b"], "target": ["a"], "score": [0.5]}))
    >>> list(g.edges(data="score"))
    [('a', 'b', 0.5)]
    """
    import networkx as nx

    graph = nx.DiGraph()
    for row in links.to_dict("records"):
        if row.get("kind", "reiterates") != "reiterates":
            continue
        score = row.get("score")
        if min_score is not None and score is not None and score < min_score:
            continue
        graph.add_edge(row["target"], row["source"], score=score, evidence=row.get("evidence"),
                       despite_closure=row.get("despite_closure"), decision=row.get("decision"))
    return graph


def chains_from_links(
    links: pandas.DataFrame, recs: pandas.DataFrame, min_score: float | None = None
) -> pandas.DataFrame:
    """The chains of a set of repeat links (pure: tables in, table out).

    Parameters
    ----------
    links : repeat links (see :func:`repeat_graph`).
    recs : recommendations indexed by IRI, with label, report, year, first_date, status, closed,
        text (as :meth:`Projection.recommendations` gives).
    min_score : drop links scored below this.

    Returns
    -------
    pandas.DataFrame : one row per member: ``chain`` (1 = the longest chain), ``position`` (0 =
        earliest), iri, label, report, year, ``date`` (of the first paper reporting on it), status,
        closed, text, ``score`` (the best score of its links to earlier members; None for a member
        that reiterates none, such as the first), ``reiterates`` (labels of the earlier members it
        reiterates), ``evidence`` (of its best link), ``closed_before_repeat`` (marked complete,
        yet reiterated later).
    """
    import networkx as nx
    import pandas

    graph = repeat_graph(links, min_score)
    info = recs[recs.index.isin(list(graph.nodes))].to_dict("index")  # members only: recs may be large

    def attribute(iri: str, name: str, default=None):
        return info.get(iri, {}).get(name, default)

    def order_key(iri: str) -> tuple:
        year = attribute(iri, "year")
        return (_NO_YEAR if year is None else year, attribute(iri, "first_date") or "", attribute(iri, "label") or iri)

    chains = []
    for members in nx.weakly_connected_components(graph):
        sub = graph.subgraph(members)
        try:
            ordered = list(nx.lexicographical_topological_sort(sub, key=order_key))
        except nx.NetworkXUnfeasible:  # links in both directions: fall back on dates alone
            ordered = sorted(members, key=order_key)
        chains.append(ordered)
    chains.sort(key=lambda chain: (-len(chain), order_key(chain[0])))
    rows = []
    for number, chain in enumerate(chains, start=1):
        for position, iri in enumerate(chain):
            earlier = sorted(graph.in_edges(iri, data=True), key=lambda e: -(e[2]["score"] or 0))
            best = earlier[0][2] if earlier else {}
            rows.append({
                "chain": number, "position": position, "iri": iri, "label": attribute(iri, "label", iri),
                "report": attribute(iri, "report"), "year": attribute(iri, "year"),
                "date": attribute(iri, "first_date"), "status": attribute(iri, "status", "unknown"),
                "closed": bool(attribute(iri, "closed", False)), "text": attribute(iri, "text"),
                "score": best.get("score"),
                "reiterates": [attribute(e[0], "label", e[0]) for e in earlier],
                "evidence": best.get("evidence"),
                "closed_before_repeat": _closed_before_repeat(graph, iri, bool(attribute(iri, "closed", False))),
                "decision": (best.get("decision") or "suggested") if earlier else None,
                "links": tuple((e[0], e[2]["score"], e[2].get("decision") or "suggested") for e in earlier),
            })
    frame = none_for_missing(pandas.DataFrame(rows, columns=CHAIN_COLUMNS))
    # built from dicts, a year column with a member of no year would hold floats (2000.0)
    frame["year"] = pandas.Series([row["year"] for row in rows], index=frame.index, dtype=object)
    return frame.astype({"chain": int, "position": int, "closed": bool, "closed_before_repeat": bool})


def _closed_before_repeat(graph: networkx.DiGraph, iri: str, closed: bool) -> bool:
    """Whether a later member reiterates this one although it was marked complete."""
    flags = [data.get("despite_closure") for _, _, data in graph.out_edges(iri, data=True)]
    if any(flag is True for flag in flags):
        return True
    return closed and any(flag is None for flag in flags)


def chain_summary(chains: pandas.DataFrame) -> pandas.DataFrame:
    """One row per chain: its length, the years it spans, and members recurring despite closure.

    Parameters
    ----------
    chains : from :func:`repeat_chains` or :func:`chains_from_links`.

    Returns
    -------
    pandas.DataFrame : chain, length, span_years (last year - first year; None when no member has
        a year), closed_before_repeat (members marked complete yet reiterated later), first and last
        (labels), reports (distinct source reports), first_year, last_year.

    Examples
    --------
    >>> import pandas
    >>> chains = pandas.DataFrame({"chain": [1, 1], "position": [0, 1], "label": ["a/1", "b/2"],
    ...     "report": ["a", "b"], "year": [2000, 2010], "closed_before_repeat": [True, False]})
    >>> chain_summary(chains).loc[0, ["length", "span_years", "closed_before_repeat"]].tolist()
    [2, 10, 1]
    """
    import pandas

    rows = []
    for number, members in chains.sort_values(["chain", "position"]).groupby("chain", sort=True):
        years = [int(y) for y in members["year"] if y is not None and not pandas.isna(y)]
        rows.append({
            "chain": int(number), "length": len(members),
            "span_years": max(years) - min(years) if years else None,
            "closed_before_repeat": int(members["closed_before_repeat"].astype(bool).sum()),
            "first": members["label"].iloc[0], "last": members["label"].iloc[-1],
            "reports": members["report"].nunique(),
            "first_year": min(years) if years else None, "last_year": max(years) if years else None,
        })
    return pandas.DataFrame(rows, columns=SUMMARY_COLUMNS)


LINK_COLUMNS = ["later", "earlier", "relation", "score", "aligned", "words", "themes", "systems", "decision",
                "decided_by", "decided_at", "note", "quotes", "shared_themes", "despite_closure", "evidence"]

_LINKS = """
SELECT ?link ?class ?later ?earlier ?score ?aligned ?words ?themes ?systems ?decision ?decided_by ?decided_at ?note
       ?evidence ?despite ?quotes ?shared_themes
WHERE {
  VALUES ?class { rg:Repeat rg:Related }
  ?link a ?class ; rg:source/rdfs:label ?later ; rg:target/rdfs:label ?earlier .
  OPTIONAL { ?link rg:score ?score }
  OPTIONAL { ?link rg:alignedShare ?aligned }
  OPTIONAL { ?link rg:wordSimilarity ?words }
  OPTIONAL { ?link rg:themeSimilarity ?themes }
  OPTIONAL { ?link rg:systemSimilarity ?systems }
  OPTIONAL { ?link rg:decision ?decision }
  OPTIONAL { ?link prov:wasAttributedTo/rdfs:label ?decided_by }
  OPTIONAL { ?link prov:generatedAtTime ?decided_at }
  OPTIONAL { ?link rg:decisionNote ?note }
  OPTIONAL { ?link rg:evidence ?evidence }
  OPTIONAL { ?link rg:recurringDespiteClosure ?despite }
  OPTIONAL { SELECT ?link (GROUP_CONCAT(DISTINCT ?quote; separator=" | ") AS ?quotes)
             WHERE { ?link rg:quote ?quote } GROUP BY ?link }
  OPTIONAL { SELECT ?link (GROUP_CONCAT(DISTINCT ?theme; separator=", ") AS ?shared_themes)
             WHERE { ?link rg:sharedTheme/skos:prefLabel ?theme } GROUP BY ?link }
}"""


def link_table(
    source: Source | Projection = None,
    *,
    report: str | None = None,
    theme: str | None = None,
    min_score: float | None = None,
    decision: str | None = None,
    relation: str | None = None,
) -> pandas.DataFrame:
    """The suggested, confirmed and rejected repeat and related links, for review.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).
    report : only links with an end in this source report (its key).
    theme : only links sharing this theme (its label or the last segment of its IRI; any case).
    min_score : only links scored at least this.
    decision : only links with this decision (suggested, confirmed, rejected).
    relation : only ``reiterates`` or only ``relatedTo`` links.

    Returns
    -------
    pandas.DataFrame : one row per link, see :data:`LINK_COLUMNS`: ``later`` and ``earlier`` as
        short labels, relation, score and its parts (aligned, words, themes, systems), decision
        (suggested, confirmed or rejected) with who decided, when and why, the aligned wording
        (``quotes``), the shared themes, whether it recurs despite closure, and the evidence.
        Reiterates first, then by score.
    """
    import pandas

    projection = project(source)
    rows = projection.source.select(_LINKS)
    if rows.empty:
        return pandas.DataFrame(columns=LINK_COLUMNS)
    rows["relation"] = rows["class"].map(lambda c: "reiterates" if str(c).endswith("Repeat") else "relatedTo")
    rows["decision"] = rows["decision"].where(rows["decision"].notna(), "suggested")
    rows = rows.rename(columns={"despite": "despite_closure"})
    keep = pandas.Series(True, index=rows.index)
    if report:
        keep &= rows["later"].str.split("/").str[0].eq(report) | rows["earlier"].str.split("/").str[0].eq(report)
    if theme:
        wanted = theme.strip().lower()
        keep &= rows["shared_themes"].fillna("").str.lower().str.split(", ").map(lambda names: wanted in names)
    if min_score is not None:
        keep &= pandas.to_numeric(rows["score"], errors="coerce").fillna(0) >= min_score
    if decision:
        keep &= rows["decision"].eq(decision)
    if relation:
        keep &= rows["relation"].eq(relation)
    rows = rows[keep].assign(order=lambda r: r["relation"].ne("reiterates"))
    rows = rows.sort_values(["order", "score", "later", "earlier"], ascending=[True, False, True, True])
    return none_for_missing(rows.reset_index(drop=True).reindex(columns=LINK_COLUMNS))
