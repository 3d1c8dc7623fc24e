"""Projecting the RDF graph onto the tables the analyses need, through SPARQL SELECT.

A :class:`Projection` asks its source (the local store or a SPARQL endpoint) small, targeted
SELECT queries, mostly one triple pattern each (``?s rg:text ?o``), and joins the answers with
pandas: a triple pattern is answered from one index at a few microseconds a row, where one query
joining many OPTIONAL patterns costs ten to twenty times that per row on a large store. It never
asks for every triple: only the properties of recommendations, progress updates, concepts and
links that an analysis uses. Each answer is fetched once and kept, so several analyses of one
projection (as ``recgraph stats`` runs them) share the queries.

From those tables :func:`recommendation_graph` builds the networkx graph the views draw.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote
from typing import TYPE_CHECKING

from recgraph.graph.analyses.source import GraphSource, Source, connect, iri_values
from recgraph.graph.analyses.tables import (
    LINK_CLASSES,
    any_flag,
    concept_table,
    distinct_texts,
    edge_evidence,
    join_texts,
    node_attributes,
    none_for_missing,
    recommendation_table,
    with_details,
    year_of,
)
from recgraph.graph.namespaces import PREFIXES

if TYPE_CHECKING:
    import networkx
    import pandas

_RG = PREFIXES["rg"]
#: The direct link properties, each an edge kind.
LINK_KINDS = ("reiterates", "dependsOn", "subsumedInto", "refersTo", "partOf", "mentionsSystem", "theme")
#: The properties of a link resource that carry its evidence, by class.
_LINK_DETAILS = {
    "Repeat": ("score", "evidence", "recurringDespiteClosure"),
    "Dependency": ("score", "evidence", "phrase"),
    "CrossReference": ("score", "phrase"),
    "SystemMention": ("evidence",),
    "ThemeTag": ("evidence",),
}

# The recommendations' properties are asked for one or two at a time and joined with pandas: on a
# large store each OPTIONAL pattern of a query costs about as much as a query of its own, and a
# VALUES clause joined with several OPTIONAL patterns can cost quadratic time. Update IRIs are
# never asked for: one update per paper and recommendation, so (rec, paper) names it.
_RECOMMENDATIONS = "SELECT ?rec ?label WHERE { ?rec a rg:Recommendation OPTIONAL { ?rec rdfs:label ?label } }"
#: Properties of recommendations, each a column; the rg:status of a recommendation (not of an
#: update) is the status derived from its lettered parts.
_REC_COLUMNS = {"heading": "?rec rg:heading ?o", "parent": "?rec rg:partOf ?o",
                "own_status": "?rec a rg:Recommendation ; rg:status ?o", "text": "?rec rg:text ?o"}
_UPDATES = """
SELECT ?rec ?paper ?date ?status
WHERE {
  #VALUES#
  ?update rg:reportsOn ?rec ; rg:inPaper ?paper .
  OPTIONAL { ?update dcterms:date ?date }
  OPTIONAL { ?update rg:status ?status }
}"""
#: Owners apart: only some analyses use them.
_OWNERS = """
SELECT ?rec ?paper ?owner ?owner_text
WHERE {
  #VALUES#
  ?update rg:reportsOn ?rec ; rg:inPaper ?paper .
  { ?update rg:owner ?owner } UNION { ?update rg:ownerText ?owner_text }
}"""
#: Up to this many recommendations, :meth:`Projection.some_recommendations` asks for them by name.
FEW = 2000
_REPORTS = """
SELECT ?report ?key ?report_title ?report_year
WHERE {
  ?report a rg:SourceReport .
  OPTIONAL { ?report rg:key ?key }
  OPTIONAL { ?report dcterms:title ?report_title }
  OPTIONAL { ?report rg:year ?report_year }
}"""
_CONCEPTS = """
SELECT ?concept ?class ?pref ?title ?plain ?key ?closed ?rank
WHERE {
  VALUES ?class { rg:Status rg:Theme rg:System rg:Owner rg:Programme rg:SourceReport }
  ?concept a ?class .
  OPTIONAL { ?concept skos:prefLabel ?pref }
  OPTIONAL { ?concept dcterms:title ?title }
  OPTIONAL { ?concept rdfs:label ?plain }
  OPTIONAL { ?concept rg:key ?key }
  OPTIONAL { ?concept rg:closed ?closed }
  OPTIONAL { ?concept rg:rank ?rank }
}"""


class Projection:
    """The tables of one graph that the analyses need, each fetched once on first use.

    Parameters
    ----------
    source : where the graph is (see :func:`~recgraph.graph.analyses.source.connect`).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.load(b'<http://e/r1> a <https://w3id.org/recgraph/ontology#Recommendation> .', format=ox.RdfFormat.TURTLE)
    >>> Projection(store).recommendations().index.tolist()
    ['http://e/r1']
    """

    def __init__(self, source: Source = None):
        self.source: GraphSource = connect(source)
        self._cache: dict[object, object] = {}

    def __repr__(self) -> str:
        return f"<Projection of {self.source.name}>"

    def _once(self, key: object, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _text(self, query: str, iris: Iterable[str] | None = None) -> pandas.DataFrame:
        """A query for every recommendation, or (with ``iris``) for these only; values as text."""
        values = f"VALUES ?rec {{ {iri_values(list(iris))} }}" if iris is not None else ""
        return self.source.select(query.replace("#VALUES#", values), typed=False)

    def concepts(self) -> pandas.DataFrame:
        """Vocabulary concepts, programmes, owners and source reports, indexed by IRI: kind, label, closed, rank."""
        return self._once("concepts", lambda: concept_table(self.source.select(_CONCEPTS)))

    def reports(self) -> pandas.DataFrame:
        """Source reports, indexed by IRI: key, report_title, report_year (as written)."""
        return self._once("reports", lambda: self.source.select(_REPORTS, typed=False)
                          .drop_duplicates("report").set_index("report"))

    def updates(self, owners: bool = True) -> pandas.DataFrame:
        """One row per progress update: rec, paper, date, status (IRI), owner (IRI), owner_text.

        With ``owners=False`` the owner columns are None (one query fewer on large graphs).
        """
        core = self._once("updates", lambda: _one_per_paper(self._text(_UPDATES)))
        if not owners:
            return core.assign(owner=None, owner_text=None)
        return self._once("updates+owners", lambda: _with_owners(core, self.source.select(_OWNERS, typed=False)))

    def recommendations(self, text: bool = True, owners: bool = True) -> pandas.DataFrame:
        """One row per recommendation, indexed by IRI (see :func:`~.tables.recommendation_table`).

        Parameters
        ----------
        text : fetch the texts (``text`` and the ``title`` made from it); else None.
        owners : fetch the owners (``owner``, ``owner_iri``); else None. Leaving out what an
            analysis does not use spares a query each on large graphs.
        """
        for has_text, has_owners in ((True, True), (True, False), (False, True)):  # a table with more will do
            if has_text >= text and has_owners >= owners and ("recommendations", has_text, has_owners) in self._cache:
                return self._cache[("recommendations", has_text, has_owners)]
        return self._once(("recommendations", text, owners), lambda: self._table(None, text, owners))

    def labels(self) -> pandas.DataFrame:
        """Every recommendation's label and source report, indexed by IRI: label, report (key),
        report_iri, year (two queries; for analyses that need no status)."""
        return self._once("labels", self._labels)

    def _labels(self) -> pandas.DataFrame:
        rows = self.source.select(_RECOMMENDATIONS, typed=False).drop_duplicates("rec")
        rows["report_iri"] = rows["rec"].map(self._pairs("?rec rg:sourceReport ?o"))
        known = self.reports()
        rows["report"] = rows["report_iri"].map(known["key"])
        years = {text: year_of(text) for text in known["report_year"].dropna().unique()}
        rows["year"] = rows["report_iri"].map(known["report_year"]).map(years)
        rows["label"] = _labelled(rows)
        return none_for_missing(rows.set_index("rec").rename_axis("iri"))

    def _pairs(self, pattern: str, values: str = "") -> pandas.Series:
        """The first ?o of each ?rec of a pattern, as a Series to ``map`` recommendations with."""
        pairs = self.source.select(f"SELECT ?rec ?o WHERE {{ {values} {pattern} }}", typed=False)
        return pairs.drop_duplicates("rec").set_index("rec")["o"]

    def some_recommendations(self, iris: Iterable[str]) -> pandas.DataFrame:
        """The rows of :meth:`recommendations` for these IRIs only, every column.

        Up to :data:`FEW` of them are asked for by name (one VALUES query per property; nothing is
        kept); more, and the whole table is projected (and kept) and the rows picked from it.
        """
        iris = sorted(set(iris))
        if ("recommendations", True, True) in self._cache or len(iris) > FEW:
            table = self.recommendations()
            return table[table.index.isin(iris)]
        return self._table(iris, True, True)

    def _table(self, iris: list[str] | None, text: bool, owners: bool) -> pandas.DataFrame:
        if iris is None:
            updates = self.updates(owners)
        else:
            updates = _with_owners(_one_per_paper(self._text(_UPDATES, iris)), self._text(_OWNERS, iris))
        return recommendation_table(self._rows(iris, text), updates, self.concepts())

    def _rows(self, iris: list[str] | None, text: bool) -> pandas.DataFrame:
        """The recommendations' own properties and their reports', one column each."""
        if iris is None:
            values = ""
            rows = self.labels()[["label", "report", "report_iri"]].rename_axis("rec").reset_index()
        else:  # by name, one pattern at a time: VALUES beside OPTIONAL patterns can cost quadratic time
            values = f"VALUES ?rec {{ {iri_values(iris)} }}"
            rows = self.source.select(f"SELECT ?rec WHERE {{ {values} ?rec a rg:Recommendation }}", typed=False)
            rows = rows.drop_duplicates("rec", ignore_index=True)
            rows["label"] = rows["rec"].map(self._pairs("?rec rdfs:label ?o", values))
            rows["report_iri"] = rows["rec"].map(self._pairs("?rec rg:sourceReport ?o", values))
            rows["report"] = rows["report_iri"].map(self.reports()["key"])
            rows["label"] = _labelled(rows)
        for column, pattern in _REC_COLUMNS.items():
            if column != "text" or text:
                rows[column] = rows["rec"].map(self._pairs(pattern, values))
            else:
                rows[column] = None
        reports = self.reports()
        rows["key"] = rows.pop("report")
        rows["report"] = rows.pop("report_iri")
        for column in ("report_title", "report_year"):
            rows[column] = rows["report"].map(reports[column])
        return rows

    def edges(self, kinds: Iterable[str] = LINK_KINDS) -> pandas.DataFrame:
        """The direct links of these kinds: source, target, kind (one row per distinct triple)."""
        import pandas

        kinds = sorted(set(kinds))
        unknown = set(kinds) - set(LINK_KINDS)
        if unknown:
            raise ValueError(f"unknown link kinds {sorted(unknown)}; known: {', '.join(LINK_KINDS)}")
        frames = [self._once(("edges", kind), lambda kind=kind: self.source.select(
            f"SELECT ?source ?target WHERE {{ ?source rg:{kind} ?target }}", typed=False).assign(kind=kind))
            for kind in kinds]
        if not frames:
            return pandas.DataFrame(columns=["source", "target", "kind"])
        return pandas.concat(frames, ignore_index=True).drop_duplicates(ignore_index=True)

    def details(self, cls: str) -> pandas.DataFrame:
        """The link resources of a class (Repeat, Dependency ...): source, target, class, score,
        evidence (joined), phrase (a tuple), despite (recurringDespiteClosure); kept."""
        return self._once(("details", cls), lambda: self._details(cls))

    def _details(self, cls: str) -> pandas.DataFrame:
        import pandas

        names = _LINK_DETAILS[cls]
        optional = " ".join(f"OPTIONAL {{ ?link rg:{name} ?{name} }}" for name in names)
        query = (f"SELECT ?link ?source ?target {' '.join('?' + n for n in names)} "
                 f"WHERE {{ ?link a rg:{cls} ; rg:source ?source ; rg:target ?target . {optional} }}")
        rows = self.source.select(query, typed=False)
        for name in ("score", "evidence", "phrase", "recurringDespiteClosure"):
            if name not in rows:
                rows[name] = None
        rows["score"] = pandas.to_numeric(rows["score"], errors="coerce")
        rows["despite"] = rows.pop("recurringDespiteClosure").map({"true": True, "1": True, "false": False, "0": False})
        if rows["link"].duplicated().any():  # several evidence or phrase values on one link
            rows = rows.groupby("link", sort=False).agg(
                source=("source", "first"), target=("target", "first"), score=("score", "max"),
                evidence=("evidence", join_texts), phrase=("phrase", distinct_texts), despite=("despite", any_flag),
            ).reset_index()
        else:
            rows["phrase"] = rows["phrase"].map(lambda p: (p,) if isinstance(p, str) else None)
        rows["class"] = cls
        return none_for_missing(rows[["source", "target", "class", "score", "evidence", "phrase", "despite"]])

    def links(self, kinds: Iterable[str] = LINK_KINDS, evidence: Iterable[str] | None = None) -> pandas.DataFrame:
        """The direct links of these kinds with the evidence of their link resources.

        Parameters
        ----------
        kinds : the link kinds (see :data:`LINK_KINDS`).
        evidence : the kinds whose evidence to fetch (default: all of ``kinds``); others get None.

        Returns
        -------
        pandas.DataFrame : source, target, kind, score, evidence, phrase (tuple), despite_closure.
        """
        import pandas

        kinds = sorted(set(kinds))
        wanted = set(kinds if evidence is None else evidence) & set(kinds)
        classes = sorted({LINK_CLASSES[kind] for kind in wanted if kind in LINK_CLASSES})
        details = [self.details(cls) for cls in classes]
        columns = ["source", "target", "class", "score", "evidence", "phrase", "despite"]
        return with_details(self.edges(kinds), pandas.concat(details, ignore_index=True) if details else pandas.DataFrame(columns=columns))


def _labelled(rows: pandas.DataFrame) -> pandas.Series:
    """The labels; where a recommendation has none (a graph recgraph did not make), its report key
    and the last segment of its IRI."""
    tails = rows["rec"].map(lambda iri: unquote(iri.rstrip("/").rpartition("/")[2]))
    keys = rows["report"].astype(object).where(rows["report"].notna(), "?")
    return rows["label"].astype(object).where(rows["label"].notna(), keys + "/" + tails)


def _with_owners(updates: pandas.DataFrame, owners: pandas.DataFrame) -> pandas.DataFrame:
    """The updates with the owner and the owner as printed that each names (None where none)."""
    by_update = owners.groupby(["rec", "paper"], sort=False).agg(owner=("owner", "first"), owner_text=("owner_text", "first"))
    return updates.join(by_update, on=["rec", "paper"])


def _one_per_paper(updates: pandas.DataFrame) -> pandas.DataFrame:
    """One row per (recommendation, paper): a second value of a property (two owners) adds none."""
    return updates.drop_duplicates(["rec", "paper"], ignore_index=True)


def project(source: Source | Projection = None) -> Projection:
    """``source`` as a :class:`Projection` (a projection is returned as it is, keeping its tables)."""
    return source if isinstance(source, Projection) else Projection(source)


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
        ``themes``. Edge attributes: ``kind`` (reiterates, dependsOn, refersTo, partOf,
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
    for iri, row in recs.to_dict("index").items():
        graph.add_node(iri, **node_attributes(iri, row, None), themes=themes.get(iri, []))
    for iri, row in concepts.to_dict("index").items():
        if isinstance(row["kind"], str) and row["kind"] != "status":
            graph.add_node(iri, **node_attributes(iri, None, row))
    for row in links.itertuples(index=False):
        for end in (row.source, row.target):
            if end not in graph:  # a target of no known class: a programme or report by name only
                graph.add_node(end, kind="programme", label=end, title=end, url=end)
        graph.add_edge(row.source, row.target, key=row.kind, kind=row.kind, score=row.score,
                       evidence=edge_evidence(row.phrase, row.evidence))
    for iri, owner, name in zip(recs.index, recs["owner_iri"], recs["owner"]):
        if owner is None:
            continue
        if owner not in graph:
            graph.add_node(owner, kind="owner", label=owner, title=owner, url=owner)
        graph.add_edge(iri, owner, key="owner", kind="owner", score=None, evidence=name)
    return graph
