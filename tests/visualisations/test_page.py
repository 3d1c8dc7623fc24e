"""The writer: self-contained pages (nothing loaded from the network), data embedded so that no text
can become markup, filter menus from the nodes' values, and an index that keeps earlier views."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape

import pytest

from recgraph.visualisations.owners import build_owner_view
from recgraph.visualisations.page import (
    embed_json,
    facet_menus,
    render_view,
    vis_assets,
    write_index,
    write_view,
    write_views,
)
from recgraph.visualisations.themes import build_theme_map
from recgraph.visualisations.timeline import build_repeat_timeline


def inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, re.S)


def embedded_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="view-data">(.*?)</script>', html, re.S).group(1))


def test_a_page_loads_nothing_from_anywhere(graph):
    html = render_view(build_theme_map(graph))
    assert not re.search(r"<script[^>]*\bsrc=", html) and "<link" not in html
    assert not re.search(r"@import|url\((?!\"?data:)", html)  # the only CSS urls are data: images
    assert "vis-network" in html and "9.1.2" in vis_assets()[0][:400]


def test_the_content_security_policy_allows_exactly_the_inline_scripts_and_no_network(graph):
    html = render_view(build_theme_map(graph))
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert policy.startswith("default-src 'none';") and "connect-src" not in policy and "http" not in policy
    for script in inline_scripts(html):
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in policy
    assert len(inline_scripts(html)) == 2  # vis-network and the page's own script


def test_hostile_text_is_embedded_as_data_and_never_appears_as_markup(graph, hostile):
    html = render_view(build_theme_map(graph))
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "\\u003cscript\\u003ewindow.__pwned" in html
    data = embedded_data(html)
    assert any(hostile in node["title"] for node in data["nodes"])  # the text survives intact


def test_embedded_json_cannot_close_its_script_element():
    text = str(embed_json({"a": "</script><script>alert(1)</script>", "b": "x & y", "n": float("nan")}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "x & y", "n": None}


def test_labels_in_menus_legends_and_titles_are_escaped(graph, rec):
    graph.nodes[rec["a3"]]["owner"] = "<i onmouseover=alert(1)>Postings</i>"
    html = render_view(build_owner_view(graph))
    assert "<i onmouseover" not in html
    assert "&lt;i onmouseover=alert(1)&gt;Postings&lt;/i&gt;" in html


def test_filter_menus_list_the_values_with_their_recommendation_counts(graph):
    menus = {m.key: m for m in facet_menus(build_theme_map(graph))}
    assert list(menus) == ["theme", "status", "report"]
    assert dict(menus["status"].options) == {"complete": 1, "in progress": 2, "not started": 2,
                                             "substantially complete": 1}
    assert dict(menus["theme"].options) == {"appraisal": 3, "HR systems": 2, "postings": 2}


def test_the_timeline_page_carries_its_year_axis(graph, chains):
    data = embedded_data(render_view(build_repeat_timeline(chains, graph)))
    assert [label for _, label in data["axis"]] == ["2000", "2001", "2010"]
    assert data["options"]["physics"]["enabled"] is False


def test_write_views_writes_each_page_and_an_index_linking_them(graph, chains, tmp_path):
    views = [build_theme_map(graph), build_repeat_timeline(chains, graph)]
    index = write_views(views, tmp_path / "out")
    assert index == tmp_path / "out" / "index.html"
    assert sorted(p.name for p in (tmp_path / "out").glob("*.html")) == ["index.html", "repeats.html", "themes.html"]
    page = index.read_text(encoding="utf-8")
    assert page.index('href="themes.html"') < page.index('href="repeats.html"')
    assert "Theme map" in page and "Repeat timeline" in page and "http:" not in page and "https:" not in page


def test_the_index_keeps_views_written_earlier_and_drops_those_deleted(graph, chains, tmp_path):
    write_views([build_theme_map(graph)], tmp_path)
    owners = build_owner_view(graph)
    write_view(owners, tmp_path)
    write_index(tmp_path, [owners])
    assert [e["file"] for e in json.loads((tmp_path / "views.json").read_text())] == ["themes.html", "owners.html"]
    (tmp_path / "themes.html").unlink()
    write_index(tmp_path)
    assert 'href="themes.html"' not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_a_damaged_index_list_is_rebuilt(graph, tmp_path):
    (tmp_path / "views.json").write_text("{not json", encoding="utf-8")
    write_views([build_theme_map(graph)], tmp_path)
    assert [e["file"] for e in json.loads((tmp_path / "views.json").read_text())] == ["themes.html"]


@pytest.mark.parametrize("builder", [build_theme_map, build_owner_view])
def test_pages_of_an_empty_graph_render(builder):
    import networkx as nx

    html = render_view(builder(nx.MultiDiGraph()))
    assert embedded_data(html)["nodes"] == []
