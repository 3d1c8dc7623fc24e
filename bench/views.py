"""Time to build and write each view, and for headless Chromium to draw it (not a test).

For each corpus size, makes the seeded synthetic analysis results of
:mod:`recgraph.visualisations.samples` (the recommendation graph, its repeat chains and owner
load), builds every view with the default node budget, writes it, then opens the page from
file:// in headless Chromium (every host name unresolvable) and reads when vis-network has drawn
it (``performance.now()`` at the first ``afterDrawing``: from the start of navigation, so parsing
the page, the inlined vis-network and the embedded data are included). For the smaller sizes the
theme map is also drawn without a budget, to show why the budget is there. Writes the figures into
docs/benchmarks.md under "Views" (other sections are kept).

Needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver) and selenium.

Run: .venv/bin/python bench/views.py [N ...]   (default: 500 5000 50000)
"""

from __future__ import annotations

import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "## Views"
UNBOUNDED_UP_TO = 5000  # above the budget and up to this many recommendations, also draw the theme map unbudgeted
DRAW_TIMEOUT = 120.0


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,900",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='recgraph-bench-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_page_load_timeout(DRAW_TIMEOUT)
    return driver


def draw_seconds(driver, page: Path) -> float | None:
    """Seconds from navigation start until the page has drawn; None if it did not within the timeout."""
    driver.get("about:blank")
    driver.get(page.as_uri())
    start = time.monotonic()
    while time.monotonic() - start < DRAW_TIMEOUT:
        drawn = driver.execute_script("return window.recgraph && window.recgraph.state.drawnAt")
        if drawn:
            return drawn / 1000.0
        time.sleep(0.05)
    return None


def views_of(n: int):
    """(label, builder) for every view of a sample of ``n`` recommendations, and the sample's timing."""
    from recgraph.visualisations.dependencies import build_dependency_view
    from recgraph.visualisations.ego import build_ego_view
    from recgraph.visualisations.owners import build_owner_view
    from recgraph.visualisations.samples import (
        sample_chains,
        sample_graph,
        sample_owner_load,
    )
    from recgraph.visualisations.themes import build_theme_map
    from recgraph.visualisations.timeline import build_repeat_timeline
    from recgraph.visualisations.view import MAX_NODES

    start = time.perf_counter()
    graph = sample_graph(n, seed=7)
    chains, load = sample_chains(graph), sample_owner_load(graph)
    made = time.perf_counter() - start
    traced = chains["iri"].iloc[0]  # a recommendation with a repeat chain
    builders = [
        ("theme map", lambda: build_theme_map(graph)),
        ("repeat timeline", lambda: build_repeat_timeline(chains, graph)),
        ("dependencies", lambda: build_dependency_view(graph)),
        ("owners", lambda: build_owner_view(graph, load)),
        ("ego view", lambda: build_ego_view(graph, traced)),
    ]
    if MAX_NODES < n <= UNBOUNDED_UP_TO:
        builders.append(("theme map, no budget", lambda: _renamed(build_theme_map(graph, max_nodes=10**9))))
    return builders, made


def _renamed(view):
    from dataclasses import replace

    return replace(view, name=view.name + "-unbounded")


def run(n: int, driver, folder: Path) -> list[dict]:
    from recgraph.visualisations.page import write_view

    builders, made = views_of(n)
    print(f"{n:,} recommendations: sample made in {made:.1f} s", file=sys.stderr)
    rows = []
    for label, build in builders:
        start = time.perf_counter()
        view = build()
        built = time.perf_counter() - start
        start = time.perf_counter()
        page = write_view(view, folder / str(n))
        written = time.perf_counter() - start
        drawn = draw_seconds(driver, page)
        rows.append({"n": n, "view": label, "nodes": view.node_count, "edges": len(view.network.edges),
                     "mode": "aggregated/filtered" if view.notice else "every node", "build": built,
                     "write": written, "size": page.stat().st_size / 1048576, "draw": drawn})
        print(f"  {label}: {rows[-1]}", file=sys.stderr)
    return rows


def write_docs(rows: list[dict]) -> None:
    import pyvis

    lines = [
        HEADING,
        "",
        "`bench/views.py` builds every view of seeded synthetic analysis results "
        "(`recgraph.visualisations.samples`: 40 recommendations a report over 15 years, 28 themes, 18 owners, "
        "9 systems, 4 programmes, 1-3 themes each, a system on 30%, a dependency on 5%, planted repeat "
        "chains of 2-5), writes it, and opens it in headless Chromium from file:// with networking "
        "disabled. *Build*: the builder (layout included); *write*: rendering the self-contained HTML "
        "(vis-network inlined); *draw*: from navigation start until vis-network's first `afterDrawing` "
        "(parsing the page and the inlined library included). Node budget 2,000: above it a view "
        "aggregates or filters (and says so on the page).",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, pyvis {pyvis.__version__} "
        "(vis-network 9.1.2), Chromium headless.",
        "",
        "| recommendations | view | drawn | nodes | edges | build (s) | write (s) | page (MiB) | draw (s) |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        draw = "did not finish" if r["draw"] is None else f"{r['draw']:.2f}"
        lines.append(f"| {r['n']:,} | {r['view']} | {r['mode']} | {r['nodes']:,} | {r['edges']:,} | "
                     f"{r['build']:.2f} | {r['write']:.2f} | {r['size']:.1f} | {draw} |")
    lines += ["", "Target (issue 6): every view opens and is drawn within a few seconds at every corpus size.", ""]
    section = "\n".join(lines)
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [500, 5000, 50000]
    driver = browser()
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="recgraph-views-") as folder:
            for n in sizes:
                rows += run(n, driver, Path(folder))
    finally:
        driver.quit()
    write_docs(rows)
    print(f"wrote the Views section of {DOCS}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
