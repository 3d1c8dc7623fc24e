"""Dependencies between recommendations, programmes and reports, from the wording of the papers.

* recommendation -> recommendation: every resolved cross-reference ("Response to Recommendation
  17 refers"); the pointer's phrase is the evidence;
* recommendation -> programme: "subsumed into the MPS Career Pathways Programme" (in the status
  phrase, the progress or the text);
* recommendation -> report: a source report whose title says it was "carried forward in MPS
  Inspection 2000/01" links each of its recommendations to that later report (matched among the
  reports read by its words and years), or to the name as printed when none matches.

Dependencies on systems come from :mod:`recgraph.graph.enrich.systems`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recgraph.graph.enrich.model import Dependency
from recgraph.graph.linking.dates import parse_year
from recgraph.graph.model import ReadResult, SourceReport
from recgraph.graph.reading.readers.phrases import sentences

_SUBSUMED = re.compile(
    r"\bsubsumed\s+(?:into|within|by)\s+(?:the\s+)?"
    r"(?P<name>(?:[A-Z][\w’'&/-]*\s+){0,8}?(?:Programme|Program|Project|Review|Strategy|Inspection)"
    r"(?:\s+(?:on|of|for)\s+[A-Z][\w-]*)?)"
)
_CARRIED = re.compile(r"\bcarried\s+forward\s+(?:in|into|to)\s+(?:the\s+)?(?P<name>.+?)\s*$", re.IGNORECASE)


def pointer_dependencies(results: Sequence[ReadResult]) -> list[Dependency]:
    """One dependency per resolved cross-reference, with the pointer's phrase."""
    found = []
    for result in results:
        for pointer in result.cross_references:
            if pointer.resolved:
                target = (pointer.target_report or pointer.source_report, pointer.resolved)
                found.append(
                    Dependency(
                        (pointer.source_report, pointer.recommendation),
                        "recommendation",
                        f"{target[0]}/{target[1]}",
                        pointer.phrase,
                        pointer.target,
                        target_rec=target,
                        provenance=pointer.provenance,
                    )
                )
    return found


def programme_dependencies(results: Sequence[ReadResult]) -> list[Dependency]:
    """Recommendations subsumed into a named programme, project, review or strategy.

    >>> from recgraph.graph.model import Paper, ProgressUpdate, Provenance, Recommendation
    >>> span = Provenance("p", 1, 1, "x")
    >>> update = ProgressUpdate("r", "11", "p", span, status_phrase="Members are invited to agree that "
    ...     "Recommendation 11 is subsumed into the MPS Career Pathways Programme that will report to the HRC.")
    >>> result = ReadResult(Paper("p", "t"), [Recommendation("r", "11", "Recruit detectives.", span)], [update])
    >>> [(d.kind, d.target) for d in programme_dependencies([result])]
    [('programme', 'MPS Career Pathways Programme')]
    """
    found: dict[tuple, Dependency] = {}
    for result in results:
        texts = [(rec.key, rec.text, rec.provenance) for rec in result.recommendations]
        for update in result.updates:
            key = (update.source_report, update.recommendation)
            texts += [(key, update.status_phrase, update.provenance), (key, update.progress, update.provenance)]
        for key, text, provenance in texts:
            for sentence in sentences(text or ""):
                for match in _SUBSUMED.finditer(sentence):
                    name = match.group("name")
                    found.setdefault(
                        (key, name), Dependency(key, "programme", name, sentence, match.group(), provenance=provenance)
                    )
    return list(found.values())


def report_dependencies(results: Sequence[ReadResult]) -> list[Dependency]:
    """Recommendations of a report "carried forward in" a later report, linked to that report."""
    reports = {r.key: r for result in results for r in result.paper.source_reports}
    found: list[Dependency] = []
    for result in results:
        for report in result.paper.source_reports:
            match = _CARRIED.search(report.title or "")
            if not match:
                continue
            name = match.group("name")
            target = _report_named(name, reports.values(), exclude=report.key)
            for rec in result.recommendations:
                if rec.source_report == report.key:
                    found.append(
                        Dependency(
                            rec.key,
                            "report",
                            target.key if target else name,
                            report.title,
                            match.group().strip(),
                            provenance=report.provenance,
                        )
                    )
    return found


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def _report_named(name: str, reports, exclude: str) -> SourceReport | None:
    """The report whose title holds the name's words and names the same years, if exactly one does.

    >>> later = SourceReport("hmic-2000", "HMIC MPS Inspection 2000/2001", year="2000/2001")
    >>> _report_named("MPS Inspection 2000/01", [later], exclude="x").key
    'hmic-2000'
    """
    words, years = _words(name), parse_year(name)
    fits = [
        r
        for r in reports
        if r.key != exclude
        and words <= _words(r.title or "")
        and (years is None or parse_year(r.year or r.title) == years)
    ]
    return fits[0] if len(fits) == 1 else None
