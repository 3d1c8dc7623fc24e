"""Writing views as self-contained HTML pages (and an index linking them).

pyvis's own template loads vis-network and bootstrap from public CDNs; these pages load nothing: the
vis-network script and style that ship inside the pyvis package are inlined, the page's own script
and style come from ``templates/`` here, and a Content-Security-Policy allows only those inline
scripts (by hash) and no network access at all. The graph itself is embedded as JSON in a
non-executed ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, so no text in
the data (a recommendation quoting ``</script>``, say) can end the element or become markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from recgraph.visualisations.style import EDGE_STYLES
from recgraph.visualisations.view import View

#: The vis-network build inside the pyvis package that the pages inline.
VIS_FOLDER = "templates/lib/vis-9.1.2"
INDEX = "index.html"
MANIFEST = "views.json"
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


@dataclass(frozen=True)
class Facet:
    """A filter menu as the page shows it: the facet's key, its label and (value, count) options."""

    key: str
    label: str
    options: tuple[tuple[str, int], ...]


@cache
def vis_assets() -> tuple[str, str]:
    """The vis-network script and style shipped in the pyvis package, ready to inline.

    Raises
    ------
    FileNotFoundError : the installed pyvis has no vis-network 9.1.2 build (pyvis >= 0.3.2 has).
    ValueError : the script holds ``</script`` (it would end the inline element early).
    """
    folder = resources.files("pyvis").joinpath(VIS_FOLDER)
    script = _SOURCE_MAP.sub("", folder.joinpath("vis-network.min.js").read_text(encoding="utf-8"))
    style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    if "</script" in script.lower() or "</style" in style.lower():
        raise ValueError("the vis-network build holds a closing tag and cannot be inlined")
    return script, style


@cache
def _template_text(name: str) -> str:
    return resources.files("recgraph.visualisations").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _environment():
    from jinja2 import Environment, FunctionLoader, select_autoescape

    return Environment(loader=FunctionLoader(_template_text), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _plain(value):
    """JSON-safe copy: numpy scalars become Python numbers, NaN and infinities become null."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def embed_json(value) -> Markup:
    """``value`` as JSON that is safe inside an HTML ``<script>`` element.

    >>> str(embed_json({"text": "</script><b>"}))
    '{"text":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def facet_menus(view: View) -> tuple[Facet, ...]:
    """The view's filter menus with the values its nodes carry (menus without values are left out).

    Counts are of recommendations; views that aggregate show the values without counts.
    """
    menus = []
    for key, label in view.facets:
        values, counts = set(), Counter()
        for node in view.network.nodes:
            found = (node.get("facets") or {}).get(key, ())
            values.update(found)
            if node.get("kind") == "recommendation":
                counts.update(found)
        if values:
            menus.append(Facet(key, label, tuple((v, counts[v]) for v in sorted(values, key=str.casefold))))
    return tuple(menus)


def render_view(view: View, index_href: str = INDEX) -> str:
    """The view as one self-contained HTML page (a string).

    Examples
    --------
    >>> from recgraph.visualisations.view import new_network
    >>> html = render_view(View(name="empty", title="Nothing <yet>", network=new_network(0)))
    >>> "<title>Nothing &lt;yet&gt;</title>" in html, "https://" in html.split("<script>")[0]
    (True, False)
    """
    vis_js, vis_css = vis_assets()
    page_js = _template_text("view.js")
    csp = ("default-src 'none'; script-src " + " ".join((_hash(vis_js), _hash(page_js))) +
           "; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    network = view.network
    data = {"nodes": network.nodes, "edges": network.edges, "options": network.options,
            "physics": view.physics, "axis": [list(mark) for mark in view.axis]}
    kinds = list(dict.fromkeys(e.get("kind") for e in network.edges if e.get("kind")))
    from recgraph import __version__

    return _environment().get_template("view.html").render(
        view=view, csp=csp, version=__version__, index_href=index_href,
        vis_js=Markup(vis_js), vis_css=Markup(vis_css), page_js=Markup(page_js),
        page_css=Markup(_template_text("view.css")), data=embed_json(data),
        facets=facet_menus(view), edge_kinds=[(k, EDGE_STYLES.get(k, {}).get("label", k)) for k in kinds],
        find_labels=sorted({str(n.get("label")) for n in network.nodes if n.get("kind") != "aggregate"},
                           key=str.casefold),
        node_count=f"{len(network.nodes):,}", edge_count=f"{len(network.edges):,}",
    )


def write_view(view: View, folder: str | Path) -> Path:
    """Write ``view`` to ``folder/<view.name>.html`` (creating the folder); return the file's path."""
    path = Path(folder) / f"{view.name}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_view(view), encoding="utf-8")
    return path


def write_index(folder: str | Path, views: Sequence[View] = (), title: str = "recgraph views") -> Path:
    """Write ``folder/index.html`` linking ``views`` and the views written there before.

    The list is kept in ``folder/views.json``, so writing one view later keeps the others linked;
    entries whose page no longer exists are dropped.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / MANIFEST
    entries: dict[str, dict] = {}
    if manifest.exists():
        try:
            entries = {e["file"]: e for e in json.loads(manifest.read_text(encoding="utf-8"))}
        except (ValueError, KeyError, TypeError):
            entries = {}  # a damaged list is rebuilt from the views written now
    for view in views:
        entries[f"{view.name}.html"] = {"file": f"{view.name}.html", "title": view.title, "name": view.name,
                                        "description": view.description, "notice": view.notice,
                                        "nodes": view.node_count}
    kept = [e for e in entries.values() if (folder / e["file"]).exists()]
    kept.sort(key=lambda e: (e["name"].startswith("trace-"), _ORDER.get(e["name"], 99), e["name"]))
    manifest.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    from recgraph import __version__

    html = _environment().get_template("index.html").render(title=title, entries=kept, version=__version__)
    path = folder / INDEX
    path.write_text(html, encoding="utf-8")
    return path


_ORDER = {"themes": 0, "repeats": 1, "dependencies": 2, "owners": 3}


def write_views(views: Iterable[View], folder: str | Path, progress: Callable[[View, Path], None] | None = None) -> Path:
    """Write every view into ``folder`` and the index linking them; return the index's path.

    ``progress`` is called after each page with the view and where it went.
    """
    written = []
    for view in views:
        path = write_view(view, folder)
        written.append(view)
        if progress:
            progress(view, path)
    return write_index(folder, written)
