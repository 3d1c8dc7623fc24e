"""System hubs: the IT systems on which most open recommendations depend.

A recommendation depends on a system when it waits on it directly (``rg:dependsOn``) or through
other recommendations (it refers to, or depends on, one that depends on the system). Systems are
ranked by the open recommendations that depend on them, then by all that depend on them, then by
the open recommendations that merely mention them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.dependencies import WAITING_KINDS, build_dependency_graph, waiting_graph
from recgraph.graph.analyses.projection import Projection, Source, project

if TYPE_CHECKING:
    import pandas

SYSTEM_COLUMNS = ["system", "open_dependents", "dependents", "direct_dependents", "open_mentions", "mentions",
                  "open_recommendations", "iri"]


def system_hubs(source: Source | Projection = None) -> pandas.DataFrame:
    """Systems ranked by the open recommendations that depend on them.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).

    Returns
    -------
    pandas.DataFrame : see :func:`hubs_from_links`.
    """
    projection = project(source)
    links = projection.links([*WAITING_KINDS, "mentionsSystem"], evidence=[])  # hubs count links, no evidence
    return hubs_from_links(links, projection.recommendations(text=False, owners=False), projection.concepts())


def hubs_from_links(
    links: pandas.DataFrame, recs: pandas.DataFrame, concepts: pandas.DataFrame
) -> pandas.DataFrame:
    """Per system: dependents (direct and through other recommendations) and mentions (pure).

    Parameters
    ----------
    links : rows of source, target, kind (dependsOn, subsumedInto, refersTo, mentionsSystem).
    recs : recommendations indexed by IRI with label and closed.
    concepts : concepts indexed by IRI with kind and label; the systems are those of kind "system".

    Returns
    -------
    pandas.DataFrame : system (label), open_dependents, dependents, direct_dependents,
        open_mentions, mentions, open_recommendations (labels of the open dependents), iri; one
        row per system that has a dependent or a mention, ranked as the module says.

    Examples
    --------
    >>> import pandas
    >>> links = pandas.DataFrame({"source": ["r1", "r2"], "target": ["s", "r1"], "kind": ["dependsOn", "refersTo"]})
    >>> recs = pandas.DataFrame({"label": ["a/1", "a/2"], "closed": [False, True]}, index=["r1", "r2"])
    >>> concepts = pandas.DataFrame({"kind": ["system"], "label": ["PRISM"]}, index=["s"])
    >>> hubs_from_links(links, recs, concepts)[["system", "open_dependents", "dependents", "direct_dependents"]].values.tolist()
    [['PRISM', 1, 2, 1]]
    """
    import networkx as nx
    import pandas

    systems = concepts[concepts["kind"] == "system"]
    waiting = waiting_graph(build_dependency_graph(links, recs.iloc[:0]))
    mentions = links[(links["kind"] == "mentionsSystem") & links["target"].isin(systems.index)]
    mentioned_by = mentions.groupby("target")["source"].agg(set)
    label = recs["label"]
    is_open = ~recs["closed"].astype(bool)
    rows = []
    for iri, name in systems["label"].items():
        dependents = {n for n in nx.ancestors(waiting, iri) if n in label.index} if iri in waiting else set()
        direct = {n for n in waiting.predecessors(iri) if n in label.index} if iri in waiting else set()
        mentioning = mentioned_by.get(iri, set())
        if not dependents and not mentioning:
            continue
        open_dependents = sorted(label[n] for n in dependents if is_open.get(n, True))
        rows.append({
            "system": name or iri, "open_dependents": len(open_dependents), "dependents": len(dependents),
            "direct_dependents": len(direct), "open_mentions": sum(bool(is_open.get(n, True)) for n in mentioning),
            "mentions": len(mentioning), "open_recommendations": list(open_dependents), "iri": iri,
        })
    frame = pandas.DataFrame(rows, columns=SYSTEM_COLUMNS)
    order = ["open_dependents", "dependents", "open_mentions", "system"]
    return frame.sort_values(order, ascending=[False, False, False, True], ignore_index=True)
