"""Every view in a real browser: headless Chromium opens the pages from file:// with every host name
unresolvable, draws them without a console error or a request off the machine, holds the expected
nodes, and shows hostile text as text. One screenshot per view is saved ($RECGRAPH_SCREENSHOTS keeps
them). Bounded: each wait gives up after a few seconds; the file runs in well under a minute.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from recgraph.visualisations.dependencies import build_dependency_view
from recgraph.visualisations.ego import build_ego_view
from recgraph.visualisations.owners import build_owner_view
from recgraph.visualisations.page import write_views
from recgraph.visualisations.samples import (
    sample_chains,
    sample_graph,
    sample_owner_load,
)
from recgraph.visualisations.themes import build_theme_map
from recgraph.visualisations.timeline import build_repeat_timeline

WAIT = 15.0  # seconds a page may take to draw
A1 = "http://example.org/id/report/rep-a/rec/1"
#: Nodes of each view of the tiny graph, counted by hand (see test_builders.py for the reasons).
TINY_NODES = {"themes": 9, "repeats": 5, "dependencies": 8, "owners": 7, "trace-rep-a-1": 9}
SAMPLE = 3000  # recommendations, with a node budget that makes every view aggregate or filter
BUDGET = 600


@pytest.fixture(scope="module")
def tiny_folder(tiny_results, tmp_path_factory) -> Path:
    graph, chains = tiny_results
    folder = tmp_path_factory.mktemp("tiny-views")
    write_views([build_theme_map(graph), build_repeat_timeline(chains, graph), build_dependency_view(graph),
                 build_owner_view(graph), build_ego_view(graph, A1)], folder)
    return folder


@pytest.fixture(scope="module")
def large_views(tmp_path_factory):
    graph = sample_graph(SAMPLE, seed=1)
    views = [build_theme_map(graph, max_nodes=BUDGET),
             build_repeat_timeline(sample_chains(graph), graph, max_nodes=BUDGET),
             build_dependency_view(graph, max_nodes=BUDGET),
             build_owner_view(graph, sample_owner_load(graph), max_nodes=BUDGET)]
    folder = tmp_path_factory.mktemp("large-views")
    write_views(views, folder)
    return folder, {v.name: v for v in views}


def wait_drawn(driver, timeout: float = WAIT) -> float:
    """Seconds until the page says vis-network has drawn it."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if driver.execute_script("return !!(window.recgraph && window.recgraph.state.drawn)"):
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{driver.current_url} was not drawn within {timeout} s")


def open_page(driver, path: Path) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    driver.get(path.as_uri())
    wait_drawn(driver)


def severe(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests_off_the_machine(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return [u for u in urls if not u.startswith(("file:", "data:", "chrome:", "about:"))]


def node_count(driver) -> int:
    return driver.execute_script("return network.body.data.nodes.length")


@pytest.mark.parametrize("name", list(TINY_NODES))
def test_each_view_draws_offline_with_its_nodes_and_no_error(browser, tiny_folder, screenshots, name):
    open_page(browser, tiny_folder / f"{name}.html")
    assert node_count(browser) == TINY_NODES[name]
    assert severe(browser) == []
    assert requests_off_the_machine(browser) == []
    assert browser.find_element("css selector", "h1").text
    assert browser.find_elements("css selector", ".legend li")
    browser.save_screenshot(str(screenshots / f"tiny-{name}.png"))


@pytest.mark.parametrize("name", ["themes", "repeats", "dependencies", "owners"])
def test_large_views_aggregate_or_filter_say_so_and_draw_quickly(browser, large_views, screenshots, name):
    folder, views = large_views
    open_page(browser, folder / f"{name}.html")
    assert node_count(browser) == views[name].node_count <= BUDGET
    assert f"the {BUDGET} nodes a page draws" in browser.find_element("css selector", ".notice").text
    assert severe(browser) == []
    browser.save_screenshot(str(screenshots / f"large-{name}.png"))


def test_the_index_links_every_view(browser, tiny_folder):
    browser.get((tiny_folder / "index.html").as_uri())
    links = [a.get_attribute("href").rsplit("/", 1)[-1] for a in browser.find_elements("css selector", "li a")]
    assert links == ["themes.html", "repeats.html", "dependencies.html", "owners.html", "trace-rep-a-1.html"]
    assert severe(browser) == []


def hover(driver, node_id: str, click: bool = False) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    x, y, width, height = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var c = document.getElementById('network'); return [p.x, p.y, c.clientWidth, c.clientHeight];", node_id)
    canvas = driver.find_element("id", "network")
    actions = ActionChains(driver).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2))
    actions.pause(0.4)
    if click:
        actions.click()
    actions.perform()


def test_hostile_text_shows_as_text_in_tooltip_and_details_and_runs_nothing(browser, tiny_folder, hostile, screenshots):
    from selenium.common.exceptions import NoAlertPresentException

    open_page(browser, tiny_folder / "trace-rep-a-1.html")
    hover(browser, A1)
    tooltip = browser.find_element("css selector", "div.vis-tooltip")
    assert tooltip.get_attribute("textContent").endswith(hostile)
    hover(browser, A1, click=True)
    details = browser.find_element("id", "details-text").get_attribute("textContent")
    assert hostile in details
    assert browser.find_element("id", "details-link").get_attribute("href") == A1
    browser.save_screenshot(str(screenshots / "tiny-hostile-tooltip.png"))
    # Nothing ran: no alert, no flag set, no <img> or <script> made from the text.
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script(
        "return document.querySelectorAll('#details img, #details script, div.vis-tooltip img').length") == 0
    assert severe(browser) == []


def test_the_filter_menu_hides_the_nodes_that_do_not_match(browser, tiny_folder):
    from selenium.webdriver.support.ui import Select

    open_page(browser, tiny_folder / "themes.html")
    Select(browser.find_element("css selector", "select[data-facet=status]")).select_by_value("not started")
    # a1 and c7 are not started; their themes (appraisal, HR systems, postings) stay with them.
    assert browser.execute_script("return recgraph.state.filtered") == 2 + 3
    assert "Showing 5 of 9 nodes" in browser.find_element("id", "filter-status").text
    browser.find_element("id", "reset").click()
    assert browser.execute_script("return recgraph.nodes.get({filter: function (n) { return n.hidden; }}).length") == 0


def test_finding_a_label_focuses_the_node_and_shows_its_details(browser, tiny_folder):
    open_page(browser, tiny_folder / "repeats.html")
    find = browser.find_element("id", "find")
    find.send_keys("rep-b/R6")
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", find)
    assert browser.execute_script("return network.getSelectedNodes()") == ["http://example.org/id/report/rep-b/rec/R6"]
    assert browser.find_element("id", "details-label").text == "rep-b/R6"
