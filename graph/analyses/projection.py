"""Projecting the RDF graph onto the tables the analyses need, through SPARQL SELECT.

A :class:`Projection` asks its source (the local store or a SPARQL endpoint) small, targeted
SELECT queries, mostly one triple pattern each (``?s rg:text ?o``), and joins the answers with
pandas: a triple pattern is answered from one index at a few microseconds a row, where one query
joining many OPTIONAL patterns costs ten to twenty times that per row on a large store. It never
asks for every triple: only the properties of recommendations, progress updates, concepts and
links that an analysis uses. Each answer is fetched once and kept, so several analyses of one
projection (as ``recgraph stats`` runs them) share the queries.

From those tables :func:`recgraph.graph.analyses.network.recommendation_graph` builds the networkx
graph the views draw.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote
from typing import TYPE_CHECKING

from recgraph.graph.analyses.cache import TableCache
from recgraph.graph.analyses.source import GraphSource, Source, connect, iri_values
from recgraph.graph.analyses.tables import (
    LINK_CLASSES,
    any_flag,
    concept_table,
    distinct_texts,
    join_texts,
    none_for_missing,
    recommendation_table,
    with_details,
    year_of,
)
from recgraph.graph.analyses.patterns import (
    _CONCEPTS,
    FEW,
    _FLAGS,
    _LINK_DETAILS,
    LINK_KINDS,
    _MENTIONS,
    _NOTES,
    _OWNER_PROPERTIES,
    _OWNERS,
    _REC_COLUMNS,
    _REC_PROPERTIES,
    _RECOMMENDATION_IRIS,
    _REPORTS,
    _RG,
    _UPDATE_PROPERTIES,
    _UPDATES,
)

if TYPE_CHECKING:
    import pandas

class Projection:
    """The tables of one graph that the analyses need, each fetched once on first use.

    Parameters
    ----------
    source : where the graph is (see :func:`~recgraph.graph.analyses.source.connect`).
    keep : keep the tables beside the build and read them back from there (see
        :mod:`~recgraph.graph.analyses.cache`); only a store opened from its folder has a place
        for them.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.load(b'<http://e/r1> a <https://w3id.org/recgraph/ontology#Recommendation> .', format=ox.RdfFormat.TURTLE)
    >>> Projection(store).recommendations().index.tolist()
    ['http://e/r1']
    """

    def __init__(self, source: Source = None, keep: bool = True):
        self.source: GraphSource = connect(source)
        self._cache: dict[object, object] = {}
        self.kept = TableCache.for_build(getattr(self.source, "build", None)) if keep else None

    def __repr__(self) -> str:
        return f"<Projection of {self.source.name}>"

    def _once(self, key: object, compute, keep: bool = True):
        """The table of ``key``: from memory, else from the build's cache, else computed (and kept)."""
        if key not in self._cache:
            table = self.kept.get(key) if keep and self.kept else None
            if table is None:
                table = compute()
                if keep and self.kept:
                    self.kept.put(key, table)
            self._cache[key] = table
        return self._cache[key]

    def _has(self, key: object) -> bool:
        if key not in self._cache and self.kept:
            table = self.kept.get(key)
            if table is not None:
                self._cache[key] = table
        return key in self._cache

    def pattern(self, predicate: str) -> pandas.DataFrame:
        """Every subject and object of a property in the graph (``?s predicate ?o``): s, o as text.

        Kept in memory only: the tables made from these are what the build's cache keeps.
        """
        return self._once(("pattern", predicate), lambda: self.source.select(
            f"SELECT ?s ?o WHERE {{ ?s {predicate} ?o }}", typed=False), keep=False)

    def _first(self, predicate: str) -> pandas.Series:
        """The first object of each subject of a property, to ``map`` subjects with."""
        return self._once(("first", predicate), lambda: self.pattern(predicate)
                          .drop_duplicates("s").set_index("s")["o"], keep=False)

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
        core = self._once("updates", lambda: _one_per_paper(self._each_update()[["rec", "paper", "date", "status"]]))
        if not owners:
            return core.assign(owner=None, owner_text=None)
        return self._once("updates+owners", lambda: _with_owners(core, self._update_owners()))

    def _each_update(self) -> pandas.DataFrame:
        """Every update (IRI) with rec, paper, date and status, from one property at a time."""
        return self._once("each update", lambda: _by_subject(
            self.pattern(_UPDATE_PROPERTIES["rec"]), "update", "rec",
            self.pattern(_UPDATE_PROPERTIES["paper"]), "paper",
            {column: self._first(_UPDATE_PROPERTIES[column]) for column in ("date", "status")}), keep=False)

    def mention_events(self) -> pandas.DataFrame:
        """The mentions that state a status: rec, paper, date, status (IRIs and dates as text)."""
        return self._once("mention events", lambda: _one_per_paper(self._text(_MENTIONS)))

    def notes(self) -> dict[str, dict[str, list[str]]]:
        """Per recommendation IRI: "corrected" (field, by whom, when) and "caveats" (readers' warnings)."""
        def compute():
            found: dict[str, dict[str, list[str]]] = {}
            for row in self.source.select(_NOTES, typed=False).to_dict("records"):
                mine = found.setdefault(row["rec"], {"corrected": [], "caveats": []})
                if row["kind"] == "caveat":
                    mine["caveats"].append(row["caveat"])
                else:
                    made = ", ".join(p for p in (_given(row.get("who"), "by"), _given(row.get("when"), "on")) if p)
                    mine["corrected"].append(f"{row['field']}{f' ({made})' if made else ''}")
            return found
        return self._once("notes", compute, keep=False)

    def _update_owners(self) -> pandas.DataFrame:
        """rec, paper, owner, owner_text: one row per update (owners None where it names none)."""
        each = self._each_update()
        owners = each[["rec", "paper"]].copy()
        for column, predicate in _OWNER_PROPERTIES.items():
            owners[column] = each["update"].map(self._first(predicate))
        return none_for_missing(owners)

    def recommendations(self, text: bool = True, owners: bool = True) -> pandas.DataFrame:
        """One row per recommendation, indexed by IRI (see :func:`~.tables.recommendation_table`).

        Parameters
        ----------
        text : fetch the texts (``text`` and the ``title`` made from it); else None.
        owners : fetch the owners (``owner``, ``owner_iri``); else None. Leaving out what an
            analysis does not use spares a query each on large graphs.
        """
        for has_text, has_owners in ((True, True), (True, False), (False, True)):  # a table with more will do
            if has_text >= text and has_owners >= owners and self._has(("recommendations", has_text, has_owners)):
                return self._cache[("recommendations", has_text, has_owners)]
        return self._once(("recommendations", text, owners), lambda: self._table(None, text, owners))

    def labels(self) -> pandas.DataFrame:
        """Every recommendation's label and source report, indexed by IRI: label, report (key),
        report_iri, year (two queries; for analyses that need no status)."""
        return self._once("labels", self._labels)

    def _labels(self) -> pandas.DataFrame:
        import pandas as pd

        rows = self.source.select(_RECOMMENDATION_IRIS, typed=False).drop_duplicates("rec", ignore_index=True)
        rows["label"] = rows["rec"].map(self._first("rdfs:label"))
        rows["report_iri"] = rows["rec"].map(self._first("rg:sourceReport"))
        known = self.reports()
        rows["report"] = rows["report_iri"].map(known["key"])
        years = {text: year_of(text) for text in known["report_year"].dropna().unique()}
        printed = rows["report_iri"].map(known["report_year"])
        # a list, not .map: a report without a year would make every year a float (2000.0)
        rows["year"] = pd.Series([years.get(text) for text in printed], index=rows.index, dtype=object)
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
        if self._has(("recommendations", True, True)) or len(iris) > FEW:
            table = self.recommendations()
            return table[table.index.isin(iris)]
        return self._table(iris, True, True)

    def _table(self, iris: list[str] | None, text: bool, owners: bool) -> pandas.DataFrame:
        if iris is None:
            self._prefetch(text, owners)
            updates = self.updates(owners)
            mentions = self.mention_events()
        else:
            updates = _with_owners(_one_per_paper(self._text(_UPDATES, iris)), self._text(_OWNERS, iris))
            mentions = _one_per_paper(self._text(_MENTIONS, iris))
        return recommendation_table(self._rows(iris, text), updates, self.concepts(), mentions)

    def _prefetch(self, text: bool, owners: bool) -> None:
        """Ask for the patterns the whole table needs two at a time (pyoxigraph lets go of the GIL
        while it answers, so two queries use both cores of a small machine); only those of the
        tables neither in memory nor kept."""
        from concurrent.futures import ThreadPoolExecutor

        predicates = [value for column, value in _REC_PROPERTIES.items() if column != "text" or text]
        if not self._has("labels"):
            predicates += ["rdfs:label", "rg:sourceReport"]
        if not self._has("updates") or (owners and not self._has("updates+owners")):
            predicates += [*_UPDATE_PROPERTIES.values(), *(_OWNER_PROPERTIES.values() if owners else ())]
        wanted = [p for p in dict.fromkeys(predicates) if ("pattern", p) not in self._cache]
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(self.pattern, wanted))  # each answer is kept by self.pattern

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
            if column == "text" and not text:
                rows[column] = None
            elif iris is None:  # the whole graph's, one pattern each
                rows[column] = rows["rec"].map(self._first(_REC_PROPERTIES[column]))
            else:
                rows[column] = rows["rec"].map(self._pairs(pattern, values))
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

        # The properties of each link resource in one scan, one row each (the link's IRI written
        # once a property): a pattern joined per property costs an index seek per link and
        # property, and the filter compares terms without writing out the properties left out
        # (a repeat link has a dozen shared terms and themes).
        names = _LINK_DETAILS[cls]
        wanted = ", ".join(f"rg:{name}" for name in ("source", "target", *names))
        rows = self.source.select(
            f"SELECT ?link ?p ?o WHERE {{ ?link a rg:{cls} ; ?p ?o FILTER(?p IN ({wanted})) }}", typed=False)
        rows = rows.assign(name=rows["p"].str.slice(len(_RG)))

        def values(name: str) -> pandas.DataFrame:
            return rows.loc[rows["name"] == name, ["link", "o"]]

        def first(name: str) -> pandas.Series:
            return values(name).drop_duplicates("link").set_index("link")["o"]

        out = first("source").rename("source").to_frame().join(first("target").rename("target"), how="inner")
        if "score" in names:
            scores = values("score").assign(o=lambda v: pandas.to_numeric(v["o"], errors="coerce"))
            out["score"] = scores.groupby("link")["o"].max()
        if "evidence" in names:
            out["evidence"] = values("evidence").groupby("link", sort=False)["o"].agg(join_texts)
        if "phrase" in names:
            out["phrase"] = values("phrase").groupby("link", sort=False)["o"].agg(distinct_texts)
        if "quote" in names:  # the aligned wording: shown as quotes, like a dependency's phrase
            out["phrase"] = values("quote").groupby("link", sort=False)["o"].agg(distinct_texts)
        if "decision" in names:
            out["decision"] = first("decision")
        if "recurringDespiteClosure" in names:
            flags = values("recurringDespiteClosure")["o"].map(_FLAGS)
            out["despite"] = flags.groupby(values("recurringDespiteClosure")["link"]).agg(any_flag)
        for name in ("score", "evidence", "phrase", "despite", "decision"):
            if name not in out:
                out[name] = None
        out["class"] = cls
        return none_for_missing(out.reset_index(drop=True)[["source", "target", "class", "score", "evidence", "phrase", "despite", "decision"]])

    def links(self, kinds: Iterable[str] = LINK_KINDS, evidence: Iterable[str] | None = None) -> pandas.DataFrame:
        """The direct links of these kinds with the evidence of their link resources.

        Parameters
        ----------
        kinds : the link kinds (see :data:`LINK_KINDS`).
        evidence : the kinds whose evidence to fetch (default: all of ``kinds``); others get None.

        Returns
        -------
        pandas.DataFrame : source, target, kind, score, evidence, phrase (tuple), despite_closure,
            decision (of repeat and related links: suggested or confirmed; None for others).
        """
        import pandas

        kinds = sorted(set(kinds))
        wanted = set(kinds if evidence is None else evidence) & set(kinds)
        classes = sorted({LINK_CLASSES[kind] for kind in wanted if kind in LINK_CLASSES})
        details = [self.details(cls) for cls in classes]
        columns = ["source", "target", "class", "score", "evidence", "phrase", "despite", "decision"]
        return with_details(self.edges(kinds), pandas.concat(details, ignore_index=True) if details else pandas.DataFrame(columns=columns))


def _given(value: object, word: str) -> str | None:
    return f"{word} {value}" if isinstance(value, str) and value else None


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


def _by_subject(pairs: pandas.DataFrame, subject: str, column: str, others: pandas.DataFrame, other: str,
                firsts: dict[str, pandas.Series]) -> pandas.DataFrame:
    """Two properties of the same subjects joined (as two patterns of one query would be), with the
    first value of further properties: ``subject``, ``column``, ``other``, then one column each."""
    rows = pairs.rename(columns={"s": subject, "o": column}).merge(
        others.rename(columns={"s": subject, "o": other}), on=subject)
    for name, values in firsts.items():
        rows[name] = rows[subject].map(values)
    return none_for_missing(rows)


def _one_per_paper(updates: pandas.DataFrame) -> pandas.DataFrame:
    """One row per (recommendation, paper): a second value of a property (two owners) adds none."""
    return updates.drop_duplicates(["rec", "paper"], ignore_index=True)


def project(source: Source | Projection = None) -> Projection:
    """``source`` as a :class:`Projection` (a projection is returned as it is, keeping its tables)."""
    return source if isinstance(source, Projection) else Projection(source)
