"""The networkx graph of recommendations, the resources they link to and their links, from a projection.

What the views draw and the dependency analyses walk; built from the tables of
:class:`~recgraph.graph.analyses.projection.Projection`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.projection import LINK_KINDS, Projection, Source, project
from recgraph.graph.analyses.tables import edge_evidence, node_attributes

if TYPE_CHECKING:
    import networkx


def recommendation_graph(source: Source | Projection = None, tag_evidence: bool = False) -> networkx.MultiDiGraph:
    """Recommendations, the resources they link to, and their links, as a networkx multigraph.

    Parameters
    ----------
    source : where the graph is, or a :class:`Projection` of it.
    tag_evidence : also fetch the evidence of theme tags and system mentions (the words that
        matched); without it their edges' evidence is None, and large graphs project faster.

    Returns
    -------
    networkx.MultiDiGraph : node key = IRI. Node attributes: ``kind`` (recommendation, system,
        programme, report, theme, owner), ``label``, ``title``, ``url``; recommendations also
        ``text``, ``report``, ``report_title``, ``year``, ``status``, ``closed``, ``owner``,
        ``themes``, ``corrected`` (fields an analyst corrected, by whom and when), ``caveats``. Edge attributes: ``kind`` (reiterates, dependsOn, refersTo, partOf,
        subsumedInto, mentionsSystem, theme, owner), ``score``, ``evidence``. An owner edge goes
        from a recommendation to the unit its latest update names.
    """
    import networkx as nx

    projection = project(source)
    recs = projection.recommendations()
    concepts = projection.concepts()
    tags = () if tag_evidence else ("theme", "mentionsSystem")
    links = projection.links(LINK_KINDS, [kind for kind in LINK_KINDS if kind not in tags])
    graph = nx.MultiDiGraph()
    theme_labels = concepts["label"]
    themed = links[links["kind"] == "theme"]
    themes = themed.assign(label=themed["target"].map(theme_labels).fillna(themed["target"])).groupby("source")["label"].agg(sorted)
    notes = projection.notes()
    for iri, row in recs.to_dict("index").items():
        graph.add_node(iri, **node_attributes(iri, row, None), themes=themes.get(iri, []),
                       corrected=sorted(notes.get(iri, {}).get("corrected", [])),
                       caveats=sorted(notes.get(iri, {}).get("caveats", [])))
    for iri, row in concepts.to_dict("index").items():
        if isinstance(row["kind"], str) and row["kind"] != "status":
            graph.add_node(iri, **node_attributes(iri, None, row))
    ends = (end for pair in zip(links["source"], links["target"]) for end in pair if end not in graph)
    graph.add_nodes_from((end, {"kind": "programme", "label": end, "title": end, "url": end})  # of no known class
                         for end in dict.fromkeys(ends))
    graph.add_edges_from((source, target, kind, {"kind": kind, "score": score, "evidence": edge_evidence(phrase, evidence)})
                         for source, target, kind, score, phrase, evidence in zip(
                             links["source"], links["target"], links["kind"], links["score"], links["phrase"], links["evidence"]))
    for iri, owner, name in zip(recs.index, recs["owner_iri"], recs["owner"]):
        if owner is None:
            continue
        if owner not in graph:
            graph.add_node(owner, kind="owner", label=owner, title=owner, url=owner)
        graph.add_edge(iri, owner, key="owner", kind="owner", score=None, evidence=name)
    return graph
