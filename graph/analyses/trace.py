"""The auditor's trace of one recommendation: its text, its progress, and every related recommendation.

:func:`find_recommendation` turns what a person types (an IRI, or a short form such as
``winning-consent/22``, ``race-and-faith/6(b)``, ``hmic-mps-2000-01/26``) into the recommendation's
IRI, or raises with the close matches. :func:`trace` then gathers, through targeted SPARQL:

* the recommendation as printed, with the lines of the paper it was read from;
* every progress update, oldest first, with its date, status (as printed and as decided), owner
  and source lines, quoting the paper verbatim;
* every related recommendation, earlier and later: those it reiterates or that reiterate it (the
  repeat links, with score and evidence), the rest of its repeat chain (reached through other
  members: the weakest link's score and each link's evidence), those it refers to or depends on and
  those that refer to or depend on it, its parent and lettered parts;
* the systems and programmes it waits on, with the phrase that says so.

A related recommendation is *earlier* or *later* by its place in the repeat chain when it is in
one, else by its source report's year and its first paper's date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.lookup import find_recommendation
from recgraph.graph.analyses.projection import Projection, Source, project
from recgraph.graph.analyses.tables import edge_evidence, with_details
from recgraph.graph.analyses.repeats import chains_from_links, repeat_graph
from recgraph.graph.analyses.source import iri_values
from recgraph.graph.analyses.trace_notes import annotate
from recgraph.graph.analyses.trace_records import CHAIN, Related, RELATIONS, Span, Trace, Update

if TYPE_CHECKING:
    import pandas


_DETAILS = """
SELECT ?number ?heading ?text ?para_ref ?span ?file ?first ?last ?verbatim
WHERE {
  VALUES ?rec { #REC# }
  ?rec a rg:Recommendation .
  OPTIONAL { ?rec rg:number ?number }
  OPTIONAL { ?rec rg:heading ?heading }
  OPTIONAL { ?rec rg:text ?text }
  OPTIONAL { ?rec rg:paraRef ?para_ref }
  OPTIONAL { ?rec prov:wasDerivedFrom ?span .
             OPTIONAL { ?span rg:file ?file } OPTIONAL { ?span rg:firstLine ?first }
             OPTIONAL { ?span rg:lastLine ?last } OPTIONAL { ?span rg:verbatim ?verbatim } }
}"""

_UPDATES = """
SELECT ?update ?kind ?printed ?sentence ?topic ?matched_by ?paper_file ?paper_title ?date ?progress ?status_phrase ?status ?closed
       ?basis ?rule ?owner ?owner_text ?timescale ?mpa_action ?span ?file ?first ?last ?verbatim
WHERE {
  VALUES ?rec { #REC# }
  { ?update rg:reportsOn ?rec . BIND ("update" AS ?kind) }
  UNION
  { ?update rg:cites ?rec . BIND ("mention" AS ?kind)
    OPTIONAL { ?update rg:printed ?printed } OPTIONAL { ?update rg:sentence ?sentence }
    OPTIONAL { ?update rg:topic ?topic } OPTIONAL { ?update rg:matchedBy ?matched_by } }
  OPTIONAL { ?update rg:inPaper ?paper . OPTIONAL { ?paper rg:file ?paper_file }
             OPTIONAL { ?paper dcterms:title ?paper_title } }
  OPTIONAL { ?update dcterms:date ?date }
  OPTIONAL { ?update rg:progress ?progress }
  OPTIONAL { ?update rg:statusPhrase ?status_phrase }
  OPTIONAL { ?update rg:status ?s . OPTIONAL { ?s skos:prefLabel ?status } OPTIONAL { ?s rg:closed ?closed } }
  OPTIONAL { ?update rg:statusBasis ?basis }
  OPTIONAL { ?update rg:statusRule ?rule }
  OPTIONAL { ?update rg:owner/skos:prefLabel ?owner }
  OPTIONAL { ?update rg:ownerText ?owner_text }
  OPTIONAL { ?update rg:timescale ?timescale }
  OPTIONAL { ?update rg:mpaAction ?mpa_action }
  OPTIONAL { ?update prov:wasDerivedFrom ?span .
             OPTIONAL { ?span rg:file ?file } OPTIONAL { ?span rg:firstLine ?first }
             OPTIONAL { ?span rg:lastLine ?last } OPTIONAL { ?span rg:verbatim ?verbatim } }
}"""

_TAGS = """
SELECT ?kind ?label
WHERE {
  VALUES (?property ?kind) { (rg:theme "theme") (rg:mentionsSystem "system") }
  #REC# ?property ?concept .
  OPTIONAL { ?concept skos:prefLabel ?pref }
  BIND (COALESCE(?pref, STR(?concept)) AS ?label)
}"""

_NEIGHBOURS = """
SELECT ?source ?property ?target
WHERE {
  VALUES ?property { rg:reiterates rg:dependsOn rg:subsumedInto rg:refersTo rg:partOf rg:covers }
  { VALUES ?source { #REC# } ?source ?property ?target }
  UNION
  { VALUES ?target { #REC# } ?source ?property ?target }
}"""

_CHAIN = "SELECT DISTINCT ?member WHERE { #REC# (rg:reiterates|^rg:reiterates)* ?member }"

_LINKS = """
SELECT ?source ?target ?class ?score ?evidence ?phrase ?despite
WHERE {
  { VALUES ?source { #SET# } ?link rg:source ?source ; rg:target ?target ; a ?class }
  UNION
  { VALUES ?target { #REC# } ?link rg:target ?target ; rg:source ?source ; a ?class }
  FILTER (?class IN (rg:Repeat, rg:Dependency, rg:CrossReference))
  OPTIONAL { ?link rg:score ?score }
  OPTIONAL { ?link rg:evidence ?evidence }
  OPTIONAL { ?link rg:phrase ?phrase }
  OPTIONAL { ?link rg:recurringDespiteClosure ?despite }
}"""

_NAMES = """
SELECT ?node ?class ?pref ?plain
WHERE {
  VALUES ?node { #SET# }
  OPTIONAL { ?node a ?class }
  OPTIONAL { ?node skos:prefLabel ?pref }
  OPTIONAL { ?node rdfs:label ?plain }
}"""


def trace(source: Source | Projection, rec: str) -> Trace:
    """Everything the graph says about one recommendation, and every recommendation related to it.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).
    rec : the recommendation: an IRI or a short form (see :func:`find_recommendation`).

    Returns
    -------
    Trace

    Raises
    ------
    RecommendationLookupError : ``rec`` names no recommendation, or several.
    """
    projection = project(source)
    iri = find_recommendation(projection, rec)
    ask = lambda query, iris=(iri,): projection.source.select(  # noqa: E731
        query.replace("#REC#", f"<{iri}>").replace("#SET#", iri_values(list(iris))))
    me = projection.some_recommendations([iri]).iloc[0]
    details = ask(_DETAILS)
    tags = ask(_TAGS)
    members = sorted(set(ask(_CHAIN)["member"]) | {iri})
    neighbours = ask(_NEIGHBOURS)
    neighbours["kind"] = neighbours.pop("property").map(_local_name)
    links = ask(_LINKS, members)
    links["class"] = links["class"].map(_local_name)
    others = (set(neighbours["source"]) | set(neighbours["target"]) | set(members)) - {iri}
    recs = projection.some_recommendations(others | {iri})
    names = ask(_NAMES, others - set(recs.index)) if others - set(recs.index) else None
    related, waits_on = _related(iri, recs, neighbours, links, members, names)
    first = details.iloc[0] if len(details) else {}
    return annotate(ask, Trace(
        iri=iri, label=me["label"], number=_get(first, "number"), report=me["report"],
        report_title=me["report_title"], year=me["year"], heading=_get(first, "heading"),
        text=_get(first, "text") or me["text"], para_ref=_get(first, "para_ref"), status=me["status"],
        closed=_truth(_get(me, "closed")), owner=me["owner"],
        themes=tuple(sorted(set(tags.loc[tags["kind"] == "theme", "label"]))),
        systems=tuple(sorted(set(tags.loc[tags["kind"] == "system", "label"]))),
        sources=_spans(details), updates=_updates(ask(_UPDATES)), related=related, waits_on=waits_on,
        source=projection.source.name,
    ))


def _local_name(iri: object) -> object:
    return iri.rpartition("#")[2] if isinstance(iri, str) else iri


def _get(row, name: str):
    value = row.get(name) if hasattr(row, "get") else None
    return None if value is None or value != value else value  # NaN is not equal to itself


def _truth(value) -> bool:
    """A boolean from the graph: True, numpy's True, or the literal "true" (``is True`` fails on
    numpy booleans, which pandas gives)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value) if value is not None else False


def _spans(rows: pandas.DataFrame) -> tuple[Span, ...]:
    if "span" not in rows or rows["span"].isna().all():
        return ()
    spans = rows.dropna(subset=["span"]).drop_duplicates(["span", "verbatim"])
    ordered = sorted(spans.to_dict("records"), key=lambda r: (r.get("file") or "", r.get("first") or 0))
    return tuple(Span(_get(r, "file"), _get(r, "first"), _get(r, "last"), _get(r, "verbatim")) for r in ordered)


def _updates(rows: pandas.DataFrame) -> tuple[Update, ...]:
    updates = []
    for iri, group in rows.groupby("update", sort=False):
        row = group.iloc[0]
        updates.append(Update(
            iri=iri, paper=_get(row, "paper_file"), paper_title=_get(row, "paper_title"), date=_get(row, "date"),
            status=_get(row, "status") or "unknown", closed=_truth(_get(row, "closed")),
            status_phrase=_get(row, "status_phrase"), status_basis=_get(row, "basis"),
            status_rule=_get(row, "rule"), progress=_get(row, "progress"), owner=_get(row, "owner"),
            owner_text=_get(row, "owner_text"), timescale=_get(row, "timescale"),
            mpa_action=_get(row, "mpa_action"), sources=_spans(group), kind=_get(row, "kind") or "update",
            printed=_get(row, "printed"), sentence=_get(row, "sentence"),
            topic=_get(row, "topic"), matched_by=_get(row, "matched_by"),
        ))
    return tuple(sorted(updates, key=lambda u: (str(u.date or ""), u.paper or "", u.iri)))


def _related(
    iri: str, recs: pandas.DataFrame, neighbours: pandas.DataFrame, links: pandas.DataFrame,
    members: list[str], names: pandas.DataFrame | None,
) -> tuple[tuple[Related, ...], tuple[Related, ...]]:
    """The related recommendations, earliest first, and the systems and programmes it waits on.

    ``neighbours`` are the direct links touching the recommendation (source, target, kind);
    ``links`` the link resources touching it or its repeat chain's ``members`` (source, target,
    class, score, evidence, phrase, despite).
    """
    links = links.assign(phrase=links["phrase"].map(lambda p: (p,) if isinstance(p, str) else None))
    repeats = links[(links["class"] == "Repeat") & links["source"].isin(members) & links["target"].isin(members)]
    chain_links = with_details(repeats[["source", "target"]].drop_duplicates().assign(kind="reiterates"), links)
    found = _direct(iri, with_details(neighbours, links))
    found.update({other: entry for other, entry in _through_chain(iri, chain_links, recs).items() if other not in found})
    chain = chains_from_links(chain_links, recs)
    position = dict(zip(chain["iri"], chain["position"]))
    me = recs.loc[iri] if iri in recs.index else None
    related, waits_on = [], []
    for other, entry in found.items():
        common = {"iri": other, "relations": tuple(dict.fromkeys(entry["relations"])), "score": entry["score"],
                  "evidence": "\n".join(entry["evidence"]) or None}
        if other in recs.index:
            rec = recs.loc[other]
            related.append(Related(
                **common, label=rec["label"], kind="recommendation", via=entry["via"],
                direction=_direction(me, rec, position.get(iri), position.get(other)), report=rec["report"],
                report_title=rec["report_title"], year=rec["year"], status=rec["status"], closed=_truth(_get(rec, "closed")),
                title=rec["title"], text=rec["text"]))
        else:
            kind, label = _kind_and_label(other, names)
            waits_on.append(Related(**common, label=label, kind=kind, direction=""))
    order = {"earlier": 0, "same time": 1, "later": 2, "unknown": 3}
    related.sort(key=lambda r: (order[r.direction], r.year or 0, position.get(r.iri, 10**6), r.label))
    waits_on.sort(key=lambda r: (r.kind, r.label))
    return tuple(related), tuple(waits_on)


def _direct(iri: str, links: pandas.DataFrame) -> dict[str, dict]:
    """What the direct links say of each resource they join to ``iri``: relations, score, evidence."""
    found: dict[str, dict] = {}
    for row in links.to_dict("records"):
        outgoing = row["source"] == iri
        other = row["target"] if outgoing else row["source"]
        if other == iri:
            continue
        entry = found.setdefault(other, {"relations": [], "score": None, "evidence": [], "via": ()})
        entry["relations"].append(RELATIONS[row["kind"]][0 if outgoing else 1])
        entry["score"] = max((v for v in (entry["score"], row["score"]) if v is not None), default=None)
        text = edge_evidence(row["phrase"], row["evidence"])
        if text:
            entry["evidence"].append(text)
    return found


def _through_chain(iri: str, chain_links: pandas.DataFrame, recs: pandas.DataFrame) -> dict[str, dict]:
    """The other members of the repeat chain, each by the shortest path of repeat links from ``iri``:
    the weakest link's score, and every link's evidence."""
    import networkx as nx

    graph = repeat_graph(chain_links).to_undirected()
    if iri not in graph:
        return {}
    found = {}
    for member, path in sorted(nx.single_source_shortest_path(graph, iri).items()):
        if len(path) < 3:  # itself, or a direct link (told by _direct)
            continue
        steps = [(a, b, graph.edges[a, b]) for a, b in zip(path, path[1:])]
        found[member] = {
            "relations": [CHAIN], "score": min((d["score"] for *_, d in steps if d["score"] is not None), default=None),
            "evidence": [f"{_name(recs, a)} – {_name(recs, b)} ({_score(d['score'])}): {d['evidence'] or 'no evidence given'}"
                         for a, b, d in steps],
            "via": tuple(_name(recs, n) for n in path[1:-1]),
        }
    return found


def _name(recs: pandas.DataFrame, iri: str) -> str:
    return recs.at[iri, "label"] if iri in recs.index else iri


def _score(value: float | None) -> str:
    return "no score" if value is None else f"{value:.3f}"


def _direction(me, other, my_position: int | None, other_position: int | None) -> str:
    """Earlier or later: by place in the repeat chain, else by year and first paper's date."""
    if my_position is not None and other_position is not None:
        return "earlier" if other_position < my_position else "later"
    if me is None or me["year"] is None or other["year"] is None:
        return "unknown"
    mine = (me["year"], str(me["first_date"] or ""))
    theirs = (other["year"], str(other["first_date"] or ""))
    return "earlier" if theirs < mine else "later" if theirs > mine else "same time"


def _kind_and_label(iri: str, names: pandas.DataFrame | None) -> tuple[str, str]:
    if names is None or not len(names):
        return "programme", iri
    rows = names[names["node"] == iri]
    classes = {str(c).rpartition("#")[2] for c in rows["class"].dropna()}
    kind = "system" if "System" in classes else "report" if "SourceReport" in classes else "programme"
    labels = [v for v in (*rows["pref"].dropna(), *rows["plain"].dropna())]
    return kind, (labels[0] if labels else iri)
