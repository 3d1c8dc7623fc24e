"""Linked Data pages: every IRI under the base resolves to a page for people (303, then HTML).

Facts of the seed (winning-consent recommendation 22, read from 001_feb76c68d8c1448c.txt) come from
the reference annotation; the related-recommendation links are the hand-made ones of conftest.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import httpx
import pyoxigraph
import pytest

from recgraph.graph.server import create_app
from recgraph.graph.server.pages import linked_data_routes

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
REC_22 = "/id/report/winning-consent/rec/22"


class Links(HTMLParser):
    """Every href and src of a page, and whether it has a script element."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.sources: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if "src" in attributes:
            self.sources.append(attributes["src"])
        self.scripts += tag == "script"


def links_of(text: str) -> Links:
    parser = Links()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def client(linked):
    with httpx.Client(base_url=linked, headers=HTML, timeout=10) as c:
        yield c


@pytest.fixture(scope="module")
def rec_22(client) -> str:
    response = client.get(REC_22, follow_redirects=True)
    assert response.status_code == 200
    return response.text


def test_an_iri_under_the_base_answers_303_see_other_to_its_document(client):
    response = client.get(REC_22)
    assert response.status_code == 303
    assert response.headers["location"] == "/doc/report/winning-consent/rec/22"


@pytest.mark.parametrize("path", ["/id/report/winning-consent/rec/999", "/id/nothing", "/doc/report/nope",
                                  "/id/report/winning-consent/rec/22/", "/doc?iri=http://example.org/unknown"])
def test_an_unknown_iri_is_404_as_a_page_for_people_and_text_for_programs(client, path):
    page = client.get(path)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text
    text = client.get(path, headers={"Accept": "text/turtle"})
    assert text.status_code == 404 and text.headers["content-type"].startswith("text/plain")


def test_a_recommendation_page_shows_its_text_report_paper_and_kind(rec_22):
    assert "<h1>Recommendation 22 of WINNING CONSENT Part I</h1>" in rec_22
    assert "The MPS revisits its career management policy in order to simplify its application" in rec_22
    assert '<a href="/id/report/winning-consent"' in rec_22
    assert '<a href="/id/paper/001-feb76c68d8c1448c"' in rec_22
    assert "<dt>Paragraph</dt><dd>5.28</dd>" in rec_22


def test_the_timeline_has_every_update_with_date_status_owner_and_verbatim_source_lines(rec_22):
    timeline = rec_22.split("<h2>Progress timeline</h2>", 1)[1].split("<h2>", 1)[0]
    assert timeline.count('<li class="update">') == 1
    assert "<time>2002</time>" in timeline
    assert "<q>The MPS considers action to be complete.</q>" in timeline
    assert "<dt>Owner</dt><dd>HR Department</dd>" in timeline
    assert "001_feb76c68d8c1448c.txt, lines 86–91" in timeline
    assert "<pre>22. The MPS revisits its career management policy" in timeline


def test_related_recommendations_show_each_link_with_its_evidence(rec_22):
    related = rec_22.split("<h2>Related recommendations</h2>", 1)[1].split("<h2>", 1)[0]
    assert "repeat" in related and "dependency" in related
    assert '<a href="/id/report/hmic-mps-2000-01/rec/22"' in related  # the repeat's other end, incoming (←)
    assert '<a href="/id/report/winning-consent/rec/21"' in related  # the dependency's target (→)
    assert "<td>0.83</td>" in related
    assert 'Shared terms: <span class="literal">postings</span>' in related
    assert "Shared themes: " in related and "Hand-made theme" in related
    assert "<strong>Recurring despite closure</strong>" in related
    assert "<q>once the postings policy is agreed</q>" in related
    assert "shared terms: career, postings &lt;b&gt;policy&lt;/b&gt;" in related


def test_a_cross_reference_from_the_paper_is_shown_on_both_recommendations(client):
    pointing = client.get("/doc/report/race-and-faith/rec/6(f)").text
    pointed_at = client.get("/doc/report/race-and-faith/rec/6(e)").text
    assert "<q>As paragraph 53.</q>" in pointing and '<a href="/id/report/race-and-faith/rec/6(e)"' in pointing
    assert "<q>As paragraph 53.</q>" in pointed_at and '<a href="/id/report/race-and-faith/rec/6(f)"' in pointed_at


def test_every_link_of_a_page_onward_resolves(client, rec_22):
    local = sorted({href for href in links_of(rec_22).hrefs if href.startswith(("/id/", "/doc"))})
    assert len(local) > 15
    for href in local:
        response = client.get(href, follow_redirects=True)
        assert response.status_code == 200, href


def test_every_iri_the_recommendation_mentions_is_linked(rec_22):
    hrefs = links_of(rec_22).hrefs
    for mentioned in ("/id/span/001-feb76c68d8c1448c/86-91", "/id/update/001-feb76c68d8c1448c/winning-consent/22",
                      "/id/report/winning-consent", "/id/paper/001-feb76c68d8c1448c"):
        assert mentioned in hrefs


def test_text_from_the_data_is_escaped_and_unsafe_iris_are_not_links(client):
    page = client.get("/doc/report/hostile/rec/1").text
    assert "<script>" not in page and links_of(page).scripts == 0
    assert "Stop &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quote&quot;" in page
    assert "javascript:alert(1)" in page and 'href="javascript:' not in page


def test_pages_load_nothing_from_elsewhere_and_forbid_scripts(client, rec_22):
    parsed = links_of(rec_22)
    assert parsed.sources == [] and parsed.scripts == 0
    assert "/static/pages.css" in parsed.hrefs and client.get("/static/pages.css").status_code == 200
    policy = client.get("/doc/report/winning-consent/rec/22").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_a_lettered_part_resolves_whether_its_parentheses_are_encoded_or_not(client):
    plain = client.get("/id/report/race-and-faith/rec/6(b)")
    encoded = client.get("/id/report/race-and-faith/rec/6%28b%29")
    assert plain.status_code == encoded.status_code == 303
    assert encoded.headers["location"] == "/doc/report/race-and-faith/rec/6(b)"
    page = client.get(plain.headers["location"]).text
    assert "Recommendation 6(b) of" in page and '<a href="/id/report/race-and-faith/rec/6"' in page


def test_paper_and_report_pages_list_their_recommendations(client):
    paper = client.get("/doc/paper/001-feb76c68d8c1448c").text
    report = client.get("/doc/report/winning-consent").text
    assert "<h2>Recommendations (29)</h2>" in report
    assert '<a href="/id/report/winning-consent/rec/22"' in paper and '<a href="/id/report/winning-consent/rec/22"' in report
    numbers = [href.rsplit("/", 1)[1] for href in links_of(report).hrefs if "/winning-consent/rec/" in href]
    assert numbers[:3] == ["1", "2", "3"]  # in natural order


def test_spans_updates_graphs_and_vocabulary_terms_have_pages(client):
    span = client.get("/doc/span/001-feb76c68d8c1448c/86-91").text
    assert '<pre class="verbatim">22. The MPS revisits' in span
    update = client.get("/doc/update/001-feb76c68d8c1448c/winning-consent/22").text
    assert "Progress on winning-consent/22 in 001_feb76c68d8c1448c.txt" in update
    graph = client.get("/doc/graph/001-feb76c68d8c1448c").text
    assert "<h2>This named graph</h2>" in graph
    term = client.get("/doc", params={"iri": "https://w3id.org/recgraph/ontology#Recommendation"})
    assert term.status_code == 200 and "Recommendation" in term.text


def test_the_home_page_lists_source_reports_and_papers(client):
    home = client.get("/").text
    assert '<a href="/id/report/winning-consent">WINNING CONSENT Part I</a>' in home
    assert "Papers (5)" in home


def test_the_views_folder_is_served_under_views(client):
    index = client.get("/views/")
    assert index.status_code == 200 and 'href="network.html"' in index.text
    assert client.get("/views/network.html").text == "<html><body>a network</body></html>"
    assert client.get("/views/../conftest.py").status_code == 404


def test_the_full_iri_resolves_when_the_data_base_is_the_servers_own():
    # As with `recgraph build --base http://HOST/id/` served at http://HOST: the IRI is the URL.
    import asyncio

    iri = "http://recgraph.test/id/report/local/rec/7"
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode("https://w3id.org/recgraph/ontology#number"),
                              pyoxigraph.Literal("7")))
    app = create_app(store, routes=linked_data_routes("http://recgraph.test/id/"))

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://recgraph.test") as c:
            return await c.get(iri, headers=HTML, follow_redirects=True)

    response = asyncio.run(get())
    assert response.status_code == 200 and iri in response.text
    assert urlsplit(str(response.url)).path == "/doc/report/local/rec/7"


@pytest.mark.parametrize("number", ["a/b c", "é-1", "100%"])
def test_iris_with_encoded_or_non_ascii_characters_round_trip_through_the_redirect(number):
    import asyncio

    from recgraph.graph.rdf.iri import Minter

    iri = Minter("http://recgraph.test/id/").recommendation("odd", number)
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode("https://w3id.org/recgraph/ontology#number"),
                              pyoxigraph.Literal(number)))
    app = create_app(store, routes=linked_data_routes("http://recgraph.test/id/"))
    path = "/id/" + quote(iri.removeprefix("http://recgraph.test/id/"), safe="/%()")

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://recgraph.test") as c:
            return await c.get(path, headers=HTML, follow_redirects=True)

    response = asyncio.run(get())
    assert response.status_code == 200 and f"<code>{iri}</code>" in response.text
