"""A tiny hand-made recommendation graph shaped like the analyses' output, and a headless browser.

The graph (three reports of 2000, 2001 and 2010; six recommendations; three themes; one owner; two
systems and a programme; two repeat chains) is small enough to count every node of every view by
hand. Recommendation rep-a/1 quotes hostile markup: the views must show it as text.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import networkx as nx
import pandas
import pytest

EX = "http://example.org/id/"
HOSTILE = ('Clear the backlog <script>window.__pwned = "script"; alert(1)</script> and '
           '<img src=x onerror="window.__pwned = \'img\'; alert(2)"> now & then.')
REC = {
    "a1": EX + "report/rep-a/rec/1",
    "a2": EX + "report/rep-a/rec/2",
    "a3": EX + "report/rep-a/rec/3",
    "b6": EX + "report/rep-b/rec/R6",
    "c6b": EX + "report/rep-c/rec/6(b)",
    "c7": EX + "report/rep-c/rec/7",
}
HUB = {
    "appraisal": EX + "theme/appraisal",
    "HR systems": EX + "theme/hr-systems",
    "postings": EX + "theme/postings",
    "HR Directorate": EX + "owner/hr",
    "MetHR": EX + "system/methr",
    "PRISM": EX + "system/prism",
    "Career Pathways": EX + "programme/careers",
}
KINDS = {"appraisal": "theme", "HR systems": "theme", "postings": "theme", "HR Directorate": "owner",
         "MetHR": "system", "PRISM": "system", "Career Pathways": "programme"}
REPORTS = {"rep-a": ("Report A", 2000), "rep-b": ("Report B", 2001), "rep-c": ("Report C", 2010)}
# name: (report, status, closed, owner, themes, text)
RECS = {
    "a1": ("rep-a", "not started", False, "HR Directorate", ["appraisal", "HR systems"], HOSTILE),
    "a2": ("rep-a", "complete", True, "HR Directorate", ["HR systems"], "Keep personnel data on PRISM."),
    "a3": ("rep-a", "in progress", False, None, ["postings"], "Review the postings panel."),
    "b6": ("rep-b", "substantially complete", False, None, ["appraisal"], "Make appraisal support performance."),
    "c6b": ("rep-c", "in progress", False, None, ["appraisal"], "Use the PDR as an early warning."),
    "c7": ("rep-c", "not started", False, None, ["postings"], "Structure mentoring and postings."),
}
LINKS = [  # (source, target, kind, score)
    ("b6", "a1", "reiterates", 0.4), ("c6b", "b6", "reiterates", 0.3), ("c7", "a2", "reiterates", 0.25),
    ("a3", "a1", "refersTo", 1.0), ("a1", "MetHR", "dependsOn", None), ("a1", "MetHR", "mentionsSystem", None),
    ("a2", "PRISM", "mentionsSystem", None), ("c7", "PRISM", "mentionsSystem", None),
    ("b6", "Career Pathways", "subsumedInto", None),
]


def _iri(name: str) -> str:
    return REC.get(name) or HUB[name]


def tiny_graph() -> nx.MultiDiGraph:
    """The tiny graph as :func:`recgraph.graph.analyses.recommendation_graph` gives it."""
    graph = nx.MultiDiGraph()
    for label, iri in HUB.items():
        graph.add_node(iri, kind=KINDS[label], label=label, title=label, url=iri)
    for name, (report, status, closed, owner, themes, text) in RECS.items():
        iri = REC[name]
        label = iri.removeprefix(EX + "report/").replace("/rec/", "/")
        graph.add_node(iri, kind="recommendation", label=label, title=text[:120], text=text, report=report,
                       report_title=REPORTS[report][0], year=REPORTS[report][1], status=status, closed=closed,
                       owner=owner, themes=themes, url=iri)
        for theme in themes:
            graph.add_edge(iri, HUB[theme], key="theme", kind="theme", score=None, evidence=None)
        if owner:
            graph.add_edge(iri, HUB[owner], key="owner", kind="owner", score=None, evidence=owner)
    for source, target, kind, score in LINKS:
        graph.add_edge(_iri(source), _iri(target), key=kind, kind=kind, score=score,
                       evidence="shared terms" if kind == "reiterates" else None)
    return graph


def tiny_chains() -> pandas.DataFrame:
    """The repeat chains of the tiny graph: rep-a/1 -> rep-b/R6 -> rep-c/6(b), and rep-a/2 -> rep-c/7."""
    rows = []
    for chain, members, scores in ((1, ["a1", "b6", "c6b"], [None, 0.4, 0.3]), (2, ["a2", "c7"], [None, 0.25])):
        for position, (name, score) in enumerate(zip(members, scores)):
            report, status, closed, _, _, text = RECS[name]
            links = ((REC[members[position - 1]], score, "suggested"),) if position else ()
            rows.append({"chain": chain, "position": position, "iri": REC[name], "label": name, "report": report,
                         "year": REPORTS[report][1], "date": None, "status": status, "closed": closed,
                         "text": text, "score": score, "links": links,
                         "closed_before_repeat": bool(closed) and position < len(members) - 1})
    return pandas.DataFrame(rows)


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return tiny_graph()


@pytest.fixture
def chains() -> pandas.DataFrame:
    return tiny_chains()


def _find(*names: str) -> str | None:
    return next((found for name in names if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by selenium, with every host name unresolvable (no network).

    Skipped when Chromium, chromedriver or selenium is missing, unless RECGRAPH_BROWSER_TESTS=required
    (as in CI), where that is a failure.
    """
    required = os.environ.get("RECGRAPH_BROWSER_TESTS") == "required"
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        webdriver = None
    if not (chromium and driver_path and webdriver):
        missing = "Chromium, chromedriver and selenium (apt-get install chromium chromium-driver; pip install selenium)"
        if required:
            pytest.fail(f"the browser tests need {missing}")
        pytest.skip(f"the browser tests need {missing}")
    profile = tempfile.mkdtemp(prefix="recgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,900",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit driver path keeps selenium from looking for (and downloading) one.
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(10)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser tests save their screenshots ($RECGRAPH_SCREENSHOTS to keep them)."""
    kept = os.environ.get("RECGRAPH_SCREENSHOTS")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        return Path(kept)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def rec() -> dict[str, str]:
    """The tiny graph's recommendation IRIs by short name (a1 = rep-a/1, c6b = rep-c/6(b) ...)."""
    return dict(REC)


@pytest.fixture
def hub() -> dict[str, str]:
    """The tiny graph's theme, owner, system and programme IRIs by label."""
    return dict(HUB)


@pytest.fixture
def hostile() -> str:
    """The text of rep-a/1: markup that must show as text and run nothing."""
    return HOSTILE


@pytest.fixture(scope="module")
def tiny_results() -> tuple[nx.MultiDiGraph, pandas.DataFrame]:
    """The tiny graph and its chains, once a module (for fixtures that write pages once)."""
    return tiny_graph(), tiny_chains()
