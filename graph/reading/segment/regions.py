"""Regions of a paper that a specialised reader reads better than the segmenter.

A paper may hold a table of cells (tab- or pipe-separated rows under a header naming a progress
column) inside an ordinary web page. Each such region is offered to the table and proforma
readers on its own: they see a copy of the paper in which every line outside the region is
blank, so the line numbers of what they read are the paper's own. A reader that claims the region
(its detector scores at least :data:`~recgraph.graph.reading.readers.THRESHOLD`) and reads
recommendations from it keeps them; otherwise the segmenter's own table reading
(:mod:`.tables`) and roles apply to those lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from recgraph.errors import ReadError
from recgraph.graph.model import ReadResult
from recgraph.graph.reading.readers.text import Document
from recgraph.graph.reading.segment.roles import Layout

#: The specialisations that read a region of cells (the others read whole pages of their own).
REGION_READERS = ("table", "proforma")
#: Title lines a table may carry just above its header (the table readers take the first one as
#: its source report's title): at most this many lines up.
TITLE_REACH = 3


@dataclass
class Region:
    first_line: int
    last_line: int
    result: ReadResult


def table_runs(layout: Layout) -> list[tuple[int, int]]:
    """Runs of table rows (blank lines and cell-less continuation lines may sit between rows)."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for line in layout.lines:
        if line.role == "table":
            if start is None:
                start = line.number
            last = line.number
        elif line.role != "blank" and start is not None and last is not None and line.number - last > 1:
            runs.append((start, last))
            start = last = None
    if start is not None and last is not None:
        runs.append((start, last))
    return runs


def specialised_regions(doc: Document, layout: Layout, threshold: float) -> list[Region]:
    """The table regions a specialised reader claims and reads, each with its reading."""
    regions: list[Region] = []
    for first, last in table_runs(layout):
        top = first
        for number in range(first - 1, max(0, first - 1 - TITLE_REACH * 2), -1):
            role = layout.line(number).role
            if role in ("heading", "text"):
                top = number
            elif role != "blank":
                break
        masked = Document(doc.name, doc.path, [line if top <= n <= last else "" for n, line in enumerate(doc.lines, 1)])
        for name in REGION_READERS:
            module = import_module(f"recgraph.graph.reading.readers.{name}")
            if module.detect(masked) < threshold:
                continue
            try:
                result = module.read(masked)
            except ReadError:
                continue
            if result.recommendations:
                regions.append(Region(top, last, result))
                break
    return regions
