"""What the reading inferred rather than read, said of the records it concerns.

A reader warns, at a line of the paper, when it rebuilt a record's text from fragments or cut a row
short (``ReadResult.warnings``, each ``file:line: message``). A warning at a line of a record (its
recommendation's lines or its progress update's) is a *caveat* of that record, carried to the
trace, the pages and ``recgraph read --format json`` so that an auditor sees it beside the text.

>>> from recgraph.graph.model import Paper, Provenance, ReadResult, Recommendation
>>> rec = Recommendation("r", "1", "Do it.", Provenance("p.txt", 4, 6, "1. Do it."))
>>> result = ReadResult(Paper("p.txt", "table"), [rec], warnings=["p.txt:5: cells rebuilt from fragments", "p.txt:9: other"])
>>> record_caveats(result)
{('r', '1'): ['line 5: cells rebuilt from fragments']}
"""

from __future__ import annotations

import re
from pathlib import Path

from recgraph.graph.model import ReadResult

_WARNING = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


def record_caveats(result: ReadResult) -> dict[tuple[str, str], list[str]]:
    """The warnings of one paper that fall on a record's lines, by recommendation key, as
    ``line N: message`` (no local path)."""
    paper = Path(result.paper.file).name
    located = []
    for warning in result.warnings:
        match = _WARNING.match(warning)
        if match and Path(match["file"]).name == paper:
            located.append((int(match["line"]), f"line {match['line']}: {match['message']}"))
    if not located:
        return {}
    found: dict[tuple[str, str], list[str]] = {}
    spans = [(rec.key, rec.provenance) for rec in result.recommendations]
    spans += [((u.source_report, u.recommendation), u.provenance) for u in result.updates]
    for key, span in spans:
        if Path(span.file).name != paper:
            continue  # a recommendation added by an analyst has no line of the paper
        for line, text in located:
            if span.first_line <= line <= span.last_line and text not in found.get(key, []):
                found.setdefault(key, []).append(text)
    return found
