"""Pure table functions of the projection: SELECT answers in, the analyses' tables out.

Tested on hand-made frames; :mod:`.projection` feeds them from the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from recgraph.graph.rdf.namespaces import PREFIXES

if TYPE_CHECKING:
    import pandas

_RG = PREFIXES["rg"]
#: The class of the link resource that carries a direct link's score and evidence.
LINK_CLASSES = {
    "reiterates": "Repeat",
    "relatedTo": "Related",
    "dependsOn": "Dependency",
    "subsumedInto": "Dependency",
    "refersTo": "CrossReference",
    "mentionsSystem": "SystemMention",
    "theme": "ThemeTag",
}
#: Node kinds, by the class of the resource.
NODE_KINDS = {
    "Recommendation": "recommendation",
    "System": "system",
    "Programme": "programme",
    "SourceReport": "report",
    "Theme": "theme",
    "Owner": "owner",
}
#: What ``title`` keeps of a text when a recommendation has no heading.
TITLE_LENGTH = 120
#: The status of a recommendation no paper gave a status for.
UNKNOWN = "unknown"


def year_of(text: object) -> int | None:
    """The first four-digit year in a report's year as written ('2000/2001' -> 2000).

    >>> year_of("2001/02"), year_of(None), year_of("n.d.")
    (2001, None, None)
    """
    match = re.search(r"\d{4}", text) if isinstance(text, str) else None
    return int(match.group()) if match else None


def short_title(heading: object, text: object, length: int = TITLE_LENGTH) -> str:
    """The heading, else the text cut at a word boundary to about ``length`` characters.

    >>> short_title(None, "Appraisals should be done on time by every manager.", 24)
    'Appraisals should be…'
    """
    if isinstance(heading, str) and heading.strip():
        return heading.strip()
    text = " ".join(text.split()) if isinstance(text, str) else ""
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def concept_table(frame: pandas.DataFrame) -> pandas.DataFrame:
    frame = frame.copy()
    frame["kind"] = frame.pop("class").str.slice(len(_RG)).map(NODE_KINDS)
    frame["label"] = frame["pref"].fillna(frame["title"]).fillna(frame["plain"]).fillna(frame["key"])
    frame["closed"] = frame["closed"].map(lambda value: value is True or value == "true")
    frame = frame.drop_duplicates("concept").set_index("concept")
    return frame[["kind", "label", "key", "closed", "rank"]]


def recommendation_table(
    recs: pandas.DataFrame, updates: pandas.DataFrame, concepts: pandas.DataFrame,
    mentions: pandas.DataFrame | None = None,
) -> pandas.DataFrame:
    """One row per recommendation, with what its progress updates say, indexed by IRI.

    Open, closed and stale as defined in docs/analyses.md ("What open, closed and stale mean"),
    the one definition every analysis, saved query and view counts by. A *status event* is a
    progress update, or a mention that states a status. The status is that of the latest status
    event that states one (by date, undated first, then paper; an update before a mention of the
    same paper), else the recommendation's own (derived from its lettered parts), else
    ``"unknown"``; *closed* when that status is a closed one, else *open* (no status included).
    The owner is the latest owner named by an update (its label, else as printed). A
    recommendation is *stale* when it is open, at least two papers report on it (an update or a
    mention stating a status), and its status never changed between them.

    Parameters
    ----------
    recs : one row per recommendation: rec (IRI), label, number (needed only without a label),
        report (IRI), key, report_title, report_year, heading, text, parent, own_status (the
        recommendation's own rg:status).
    updates : one row per progress update (one per paper and recommendation): rec, paper, date,
        status, owner (IRIs and dates as text), owner_text.
    concepts : from :func:`concept_table` (index IRI; kind, label, closed).
    mentions : the mentions that state a status, one row each: rec, paper, date, status.

    Returns
    -------
    pandas.DataFrame : label (else report key/number), report (key), report_iri, report_title, year, heading, text,
        title, parent, status, status_iri, closed, owner, owner_iri, updates, papers, first_date,
        last_date, stale.
    """
    import pandas

    frame = recs.drop_duplicates("rec").set_index("rec")
    frame.index.name = "iri"
    out = frame.rename(columns={"key": "report", "report": "report_iri"})
    for column in ("label", "number", "report", "report_title", "report_year", "heading", "text", "parent", "own_status"):
        if column not in out:
            out[column] = None
    blank = lambda column: column.astype(object).where(column.notna(), "").astype(str)  # noqa: E731
    fallback = blank(out["report"]) + "/" + blank(out["number"])
    out["label"] = out["label"].astype(object).where(out["label"].notna(), fallback)
    years = {text: year_of(text) for text in out["report_year"].dropna().unique()}  # one regex per report
    # a list, not .map: a report without a year would make every year a float (2000.0)
    out["year"] = pandas.Series([years.get(text) for text in out["report_year"]], index=out.index, dtype=object)
    out["title"] = [short_title(h, t) for h, t in zip(out["heading"], out["text"])]
    out = out.join(_latest_updates(updates, concepts, mentions), how="left")
    out["status_iri"] = out["status_iri"].astype(object).where(out["status_iri"].notna(), out["own_status"])
    labels = concepts["label"] if len(concepts) else pandas.Series(dtype=object)
    closed = concepts["closed"] if len(concepts) else pandas.Series(dtype=bool)
    out["status"] = out["status_iri"].map(labels).astype(object).where(out["status_iri"].map(labels).notna(), UNKNOWN)
    out["closed"] = out["status_iri"].map(closed).eq(True)
    out["updates"] = out["updates"].fillna(0).astype(int)
    out["papers"] = out["papers"].fillna(0).astype(int)
    out["stale"] = out["same_status"].fillna(False).astype(bool) & (out["papers"] >= 2) & ~out["closed"]
    columns = ["label", "report", "report_iri", "report_title", "year", "heading", "text", "title",
               "parent", "status", "status_iri", "closed", "owner", "owner_iri", "updates", "papers",
               "first_date", "last_date", "stale"]
    return none_for_missing(out[columns].sort_index()).astype({"updates": int, "papers": int, "closed": bool, "stale": bool})


def _status_events(updates: pandas.DataFrame, mentions: pandas.DataFrame | None) -> pandas.DataFrame:
    """The updates and the mentions stating a status, in order: by date (undated first), then
    paper, an update after (so winning over) a mention of the same paper."""
    import pandas

    columns = ["rec", "paper", "date", "status"]
    frames = [mentions[columns].dropna(subset=["status"])] if mentions is not None and len(mentions) else []
    events = pandas.concat([*frames, updates[columns]], ignore_index=True) if frames else updates[columns]
    events = events.assign(order=events["date"].fillna("").astype(str), paper_key=events["paper"].fillna(""))
    return events.sort_values(["rec", "order", "paper_key"], kind="stable")


def _latest_updates(updates: pandas.DataFrame, concepts: pandas.DataFrame,
                    mentions: pandas.DataFrame | None = None) -> pandas.DataFrame:
    """Per recommendation: latest status and owner, counts, first and last dates, same_status."""
    import pandas

    columns = ["status_iri", "owner_iri", "owner", "updates", "papers", "first_date", "last_date", "same_status"]
    if updates.empty and (mentions is None or mentions.empty):
        return pandas.DataFrame(columns=columns)
    events = _status_events(updates, mentions)
    u = updates.assign(order=updates["date"].fillna("").astype(str), paper_key=updates["paper"].fillna(""))
    u = u.sort_values(["rec", "order", "paper_key"], kind="stable")
    grouped = u.groupby("rec", sort=False)
    labels = concepts["label"] if len(concepts) else pandas.Series(dtype=object)
    owner_label = u["owner"].map(labels).astype(object)
    u = u.assign(owner_name=owner_label.where(owner_label.notna(), u["owner_text"].astype(object)))
    named = u.dropna(subset=["owner_name"]).drop_duplicates("rec", keep="last").set_index("rec")
    out = pandas.DataFrame({  # the owner and its IRI come from the same (latest naming) update
        "status_iri": events.dropna(subset=["status"]).groupby("rec")["status"].last(),
        "owner_iri": named["owner"],
        "owner": named["owner_name"],
        "updates": grouped.size(),
        "papers": events.groupby("rec")["paper"].nunique(),
        "first_date": u.dropna(subset=["date"]).groupby("rec")["date"].first(),
        "last_date": u.dropna(subset=["date"]).groupby("rec")["date"].last(),
        "same_status": events["status"].fillna(UNKNOWN).groupby(events["rec"]).nunique().eq(1),
    })
    return out[columns]


def with_details(edges: pandas.DataFrame, details: pandas.DataFrame) -> pandas.DataFrame:
    """The edges with the score and evidence of their link resources.

    Parameters
    ----------
    edges : source, target, kind (direct links).
    details : one row per link resource: source, target, class (Repeat, Dependency ...), score,
        evidence, phrase (a tuple of phrases, or None), despite (recurringDespiteClosure). Several
        resources for one edge (two phrases saying the same dependency) are merged: the best score,
        every evidence and phrase.

    Returns
    -------
    pandas.DataFrame : source, target, kind, score, evidence, phrase, despite_closure, decision;
        None where no link resource says.
    """
    import pandas

    edges = edges.assign(link_class=edges["kind"].map(LINK_CLASSES))
    if details.empty:
        out = edges.assign(score=None, evidence=None, phrase=None, despite_closure=None, decision=None)
        return none_for_missing(out.drop(columns="link_class"))
    if "decision" not in details:
        details = details.assign(decision=None)
    keys = ["source", "target", "class"]
    repeated = details.duplicated(keys, keep=False)
    merged = details[repeated].groupby(keys, sort=False).agg(  # few edges have several resources
        score=("score", "max"), evidence=("evidence", join_texts), phrase=("phrase", distinct_texts),
        despite=("despite", any_flag), decision=("decision", "first")).reset_index()
    details = pandas.concat([details[~repeated][[*keys, "score", "evidence", "phrase", "despite", "decision"]], merged])
    out = edges.merge(details, how="left", left_on=["source", "target", "link_class"], right_on=keys)
    out = out.drop(columns=["class", "link_class"]).rename(columns={"despite": "despite_closure"})
    return none_for_missing(out)


def join_texts(values: Iterable[object]) -> str | None:
    return " | ".join(dict.fromkeys(v for v in values if isinstance(v, str))) or None


def distinct_texts(values: Iterable[object]) -> tuple[str, ...] | None:
    found = [v for value in values for v in ((value,) if isinstance(value, str) else value or ())]
    return tuple(dict.fromkeys(found)) or None


def none_for_missing(frame: pandas.DataFrame) -> pandas.DataFrame:
    """The frame with every missing value (NaN, NaT, None) as None, so rows hold plain Python values."""
    frame = frame.astype(object)
    return frame.where(frame.notna(), None)


def any_flag(values: Iterable[object]) -> bool | None:
    flags = [value for value in values if isinstance(value, bool)]
    return any(flags) if flags else None


def edge_evidence(phrases: tuple[str, ...] | str | None, evidence: str | None) -> str | None:
    """One line of evidence for an edge: the printed phrases in quotes, then the link's own evidence.

    >>> edge_evidence(("See recommendation 5 above.",), None)
    '“See recommendation 5 above.”'
    """
    phrases = (phrases,) if isinstance(phrases, str) else phrases or ()
    parts = [" ".join(f"“{phrase}”" for phrase in phrases)] if phrases else []
    if evidence:
        parts.append(evidence)
    return "; ".join(parts) or None


def node_attributes(iri: str, rec: dict | None, concept: dict | None) -> dict:
    """The attributes of a node of the analyses' graphs (see ``recommendation_graph``): a
    recommendation's (``rec``: its row of the recommendation table), a concept's (its row of the
    concept table), or else those of a programme known by its IRI alone.

    >>> node_attributes("http://e/p", None, None)["kind"]
    'programme'
    """
    if rec is not None:
        return {"kind": "recommendation", "label": rec.get("label") or iri, "title": rec.get("title"),
                "text": rec.get("text") or "", "report": rec.get("report"), "report_title": rec.get("report_title"),
                "year": rec.get("year"), "status": rec.get("status", "unknown"),
                "closed": bool(rec.get("closed", False)), "owner": rec.get("owner"), "url": iri}
    if concept is not None and isinstance(concept.get("kind"), str):
        label = concept.get("label") or iri
        return {"kind": concept["kind"], "label": label, "title": label, "url": iri}
    return {"kind": "programme", "label": iri, "title": iri, "url": iri}
