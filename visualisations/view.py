"""What a builder returns: a pyvis network plus what the page around it needs (title, legend, filters).

Builders fill a :class:`pyvis.network.Network` with nodes that carry precomputed positions (``x``,
``y``), a plain-text tooltip (``title``), the IRI to open (``url``) and ``facets`` (the values the
page's filter menus select on). Writing to HTML is separate (:mod:`recgraph.visualisations.page`).

Tooltips are plain text on purpose: vis-network shows a string ``title`` with ``innerText``, so a
recommendation whose text holds ``<script>`` shows those characters and runs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pyvis.network import Network

from recgraph.visualisations.style import EDGE_STYLES, STATUS_COLOURS, status_colour

#: Above this many nodes a view aggregates or filters (and says so on its page).
MAX_NODES = 2000
#: Characters of verbatim text kept in a tooltip; the details panel shows the same text, whole.
TOOLTIP_CHARS = 1200

_WEB_IRI = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a swatch (``shape`` in dot, square, diamond, triangle, star, box, line,
    dashes) in ``colour``, and what it means."""

    label: str
    colour: str
    shape: str = "dot"


@dataclass(frozen=True)
class View:
    """One interactive view, ready to be written by :func:`recgraph.visualisations.page.write_view`.

    Attributes
    ----------
    name : the file stem (``themes`` is written to ``themes.html``).
    title : the page's heading.
    network : the pyvis network, positions precomputed.
    description : one sentence under the title: what the view shows.
    legend : what the colours and shapes mean.
    facets : (key, label) pairs: one filter menu per facet, over the nodes' ``facets`` values.
    notice : said prominently on the page when the view aggregates or filters a large graph.
    physics : let vis-network settle the layout (then freeze it); only for small views.
    axis : (x, label) marks drawn along the top (the years of the repeat timeline).
    """

    name: str
    title: str
    network: Network
    description: str = ""
    legend: tuple[LegendEntry, ...] = ()
    facets: tuple[tuple[str, str], ...] = ()
    notice: str | None = None
    physics: bool = False
    axis: tuple[tuple[float, str], ...] = ()
    stats: Mapping[str, int] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        """How many nodes the page draws."""
        return len(self.network.nodes)


def new_network(node_count: int, physics: bool = False) -> Network:
    """An empty directed pyvis network with options suited to ``node_count`` precomputed nodes.

    Physics is off (positions come from networkx) unless asked for; large networks also drop curved
    edges and hide edges while dragging or zooming, which keeps drawing fast.
    """
    network = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    large = node_count > 300
    options = {
        "physics": {"enabled": physics, "stabilization": {"iterations": 300, "fit": True}},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
        },
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False if large else {"type": "continuous"}, "width": 1,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    }
    network.options = options  # pyvis serialises a dict option set as it is
    return network


def web_url(iri: str | None) -> str | None:
    """The IRI if a browser may open it (http or https), else None: the page never links other schemes.

    >>> web_url("https://w3id.org/recgraph/id/report/r/rec/1"), web_url("javascript:alert(1)")
    ('https://w3id.org/recgraph/id/report/r/rec/1', None)
    """
    return iri if isinstance(iri, str) and _WEB_IRI.match(iri) else None


def recommendation_tooltip(attrs: Mapping, extra: Sequence[str] = ()) -> str:
    """Plain-text tooltip of a recommendation: label, report, status, owner, then its verbatim text.

    The text is kept as it is (never HTML-escaped here: the page shows it as text).

    >>> print(recommendation_tooltip({"label": "r/1", "report_title": "R", "year": 2001,
    ...                               "status": "complete", "text": "Do <b>this</b>."}))
    r/1 · R (2001)
    Status: complete
    <BLANKLINE>
    Do <b>this</b>.
    """
    report = attrs.get("report_title") or attrs.get("report") or ""
    year = attrs.get("year")
    head = attrs.get("label") or attrs.get("url") or ""
    lines = [f"{head} · {report} ({year})" if year else f"{head} · {report}" if report else head]
    lines.append(f"Status: {attrs.get('status') or 'unknown'}")
    if attrs.get("owner"):
        lines.append(f"Owner: {attrs['owner']}")
    if attrs.get("themes"):
        lines.append("Themes: " + ", ".join(attrs["themes"]))
    if attrs.get("corrected"):  # an analyst's value is never passed off as printed text
        lines.append("Corrected by an analyst: " + "; ".join(attrs["corrected"]))
    for caveat in attrs.get("caveats") or ():
        lines.append(f"Reading caveat: {caveat}")
    lines.extend(extra)
    text = attrs.get("text") or attrs.get("title") or ""
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS].rstrip() + " … (click for the whole text)"
    return "\n".join(lines) + ("\n\n" + text if text else "")


def add_node(network: Network, node_id: str, *, label: str, x: float, y: float, kind: str,
             tooltip: str, url: str | None = None, facets: Mapping[str, Sequence[str]] | None = None,
             text: str | None = None, **style) -> None:
    """Add one node with its position, tooltip, link and filter values (``style``: vis-network options)."""
    if text is not None:
        style["text"] = text  # the whole verbatim text, for the details panel, when the tooltip cuts it
    network.add_node(
        node_id, label=label, x=round(x, 1), y=round(y, 1), title=tooltip, kind=kind, url=web_url(url),
        facets={key: [str(v) for v in values] for key, values in (facets or {}).items()}, **style,
    )


def add_edge(network: Network, source: str, target: str, kind: str, *, tooltip: str | None = None,
             arrow: bool = True, **style) -> None:
    """Add one typed edge, drawn in its kind's colour (see :data:`recgraph.visualisations.style.EDGE_STYLES`)."""
    look = EDGE_STYLES.get(kind, {"color": "#9e9e9e", "dashes": False, "label": kind})
    options = {"color": look["color"], "dashes": look["dashes"], "kind": kind}
    if tooltip:
        options["title"] = tooltip
    if not arrow:
        options["arrows"] = {"to": {"enabled": False}}
    options.update(style)
    network.add_edge(source, target, **options)


def edge_legend(kinds: Sequence[str]) -> tuple[LegendEntry, ...]:
    """Legend lines for the edge kinds present, in the order given."""
    entries = []
    for kind in kinds:
        look = EDGE_STYLES.get(kind, {"color": "#9e9e9e", "dashes": False, "label": kind})
        entries.append(LegendEntry(look["label"], look["color"], "dashes" if look["dashes"] else "line"))
    return tuple(entries)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 theme"``, ``"2,000 themes"``.

    >>> plural(1, "chain"), plural(2000, "chain")
    ('1 chain', '2,000 chains')
    """
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def add_recommendation(network: Network, iri: str, attrs: Mapping, *, x: float, y: float, colour: str,
                       facets: Mapping[str, Sequence[str]], size: float = 9.0, extra: Sequence[str] = (),
                       **style) -> None:
    """Add a recommendation node: its short label, the tooltip of :func:`recommendation_tooltip`, its IRI.

    ``attrs`` are the node attributes of the analyses' recommendation graph (label, text, status, ...).
    """
    text = attrs.get("text") or ""
    style.setdefault("font", {"size": 10})  # small: vis-network hides it when zoomed out, shows it close up
    add_node(
        network, iri, label=str(attrs.get("label") or iri), x=x, y=y, kind="recommendation",
        tooltip=recommendation_tooltip(attrs, extra), url=attrs.get("url") or iri, facets=facets,
        text=text if len(text) > TOOLTIP_CHARS else None, shape="dot", size=size, color=colour, **style,
    )


def status_legend(statuses: Sequence[str]) -> tuple[LegendEntry, ...]:
    """Legend lines for the statuses present, in the order of the status scheme (others last)."""
    order = {label: i for i, label in enumerate(STATUS_COLOURS)}
    present = sorted(set(statuses), key=lambda s: (order.get(s.lower(), len(order)), s))
    return tuple(LegendEntry(f"status: {s}", status_colour(s)) for s in present)
