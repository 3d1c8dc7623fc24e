"""Owner load: how many open recommendations each owner carries, and how many have gone stale.

A recommendation's owner is the one its latest progress update names (the normalised unit, else
the owner as printed); it is open when its status is not a closed one (complete, superseded), and
stale when it is open and at least two papers report on it without its status ever changing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recgraph.graph.analyses.projection import Projection, Source, project

if TYPE_CHECKING:
    import pandas

NO_OWNER = "(no owner stated)"
OWNER_COLUMNS = ["owner", "open", "stale", "closed", "total", "open_recommendations"]


def owner_load(source: Source | Projection = None) -> pandas.DataFrame:
    """Open, stale and closed recommendations per owner, the most loaded first.

    Parameters
    ----------
    source : where the graph is (store folder, endpoint URL, store, or a Projection).

    Returns
    -------
    pandas.DataFrame : see :func:`load_by_owner`.
    """
    return load_by_owner(project(source).recommendations(text=False))


def load_by_owner(recs: pandas.DataFrame) -> pandas.DataFrame:
    """Per owner: open, stale, closed and total recommendations (pure: table in, table out).

    Parameters
    ----------
    recs : recommendations with label, owner, closed, stale (as :meth:`Projection.recommendations`).

    Returns
    -------
    pandas.DataFrame : owner (:data:`NO_OWNER` for recommendations no paper gives an owner, last),
        open, stale, closed, total, open_recommendations (labels); sorted by open, then stale,
        descending, then owner.

    Examples
    --------
    >>> import pandas
    >>> recs = pandas.DataFrame({"label": ["a/1", "a/2", "a/3"], "owner": ["HR", "HR", None],
    ...                          "closed": [False, True, False], "stale": [True, False, False]})
    >>> load_by_owner(recs)[["owner", "open", "stale", "total"]].values.tolist()
    [['HR', 1, 1, 2], ['(no owner stated)', 1, 0, 1]]
    """
    import pandas

    frame = recs.assign(owner=recs["owner"].where(recs["owner"].notna(), NO_OWNER).fillna(NO_OWNER),
                        open=~recs["closed"].astype(bool), stale=recs["stale"].astype(bool))
    rows = []
    for owner, group in frame.groupby("owner", sort=False):
        open_labels = sorted(group.loc[group["open"], "label"])
        rows.append({"owner": owner, "open": len(open_labels), "stale": int(group["stale"].sum()),
                     "closed": int((~group["open"]).sum()), "total": len(group),
                     "open_recommendations": list(open_labels)})
    out = pandas.DataFrame(rows, columns=OWNER_COLUMNS)
    out = out.assign(unnamed=out["owner"] == NO_OWNER)  # recommendations without an owner go last
    out = out.sort_values(["unnamed", "open", "stale", "owner"], ascending=[True, False, False, True], ignore_index=True)
    return out.drop(columns="unnamed")
