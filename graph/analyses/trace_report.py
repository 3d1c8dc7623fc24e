"""The auditor's trace as a document to attach to a working paper: Markdown or standalone HTML.

Both are built from a :class:`~recgraph.graph.analyses.trace.Trace` alone, as text (nothing is
written here). Every piece of text from the graph is escaped: papers are data, and a
recommendation may well contain ``<script>``. Quotes from the papers are given verbatim, in block
quotes, with the file and lines they were read from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from recgraph.graph.analyses.trace_records import Related, Span, Trace, Update
from recgraph.graph.analyses.trace_notes import corrected, date_note

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
DIRECTIONS = (("earlier", "Earlier recommendations"), ("same time", "Recommendations of the same time"),
              ("later", "Later recommendations"), ("unknown", "Recommendations of unknown date"))


def _escape(text: str) -> str:
    """Every character Markdown would act on, backslash-escaped (CommonMark allows it on any)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md(text: object) -> str:
    """Inline Markdown text: on one line, escaped."""
    return _escape(" ".join(str(text).split())) if text is not None else ""


def _md_quote(text: str | None) -> list[str]:
    if not text:
        return ["> (no text)"]
    # two trailing spaces keep the paper's line breaks (a hard break in CommonMark)
    lines = [f"> {_escape(line)}" if line.strip() else ">" for line in str(text).splitlines()]
    return [line + "  " for line in lines[:-1]] + lines[-1:]


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _where(spans: Iterable[Span]) -> str:
    return "; ".join(span.where() for span in spans if span.where()) or "not recorded"


def _facts(trace: Trace) -> list[tuple[str, str]]:
    report = trace.report_title or trace.report or "—"
    if trace.report:
        report += f" ({trace.report}{', ' + str(trace.year) if trace.year else ''})"
    return [
        ("Recommendation", f"{trace.label}"), ("IRI", trace.iri), ("Source report", report),
        ("Number", trace.number or "—"), ("Paragraph of the report", trace.para_ref or "—"),
        ("Heading", trace.heading or "—"),
        ("Current status", f"{trace.status}{' (closed)' if trace.closed else ' (open)'}"),
        ("Owner", trace.owner or "—"), ("Themes", ", ".join(trace.themes) or "—"),
        ("Systems named", ", ".join(trace.systems) or "—"), ("Read from", _where(trace.sources)),
        *_notes(trace.corrections, trace.caveats),
    ]


def _notes(corrections, caveats=()) -> list[tuple[str, str]]:
    """Rows saying what an analyst corrected and what the reading inferred (none when nothing)."""
    return ([("Corrected by an analyst", "; ".join(c.note() for c in corrections))] if corrections else []) + (
        [("Reading caveats", "; ".join(caveats))] if caveats else [])


def _update_facts(update: Update) -> list[tuple[str, str]]:
    decided = update.status
    if update.status_basis:
        decided += f" ({update.status_basis}{': ' + update.status_rule if update.status_rule else ''})"
    owner = update.owner or update.owner_text or "—"
    fixed_owner, fixed_status = corrected(update.corrections, "owner"), corrected(update.corrections, "status_phrase")
    if fixed_owner:
        owner += f" (corrected by an analyst; read: {fixed_owner.printed or 'none'})"
    elif update.owner and update.owner_text and update.owner_text != update.owner:
        owner += f" (printed: {update.owner_text})"
    status = update.status_phrase or "—"
    if fixed_status:
        status += f" (corrected by an analyst; read: {fixed_status.printed or 'none'})"
    return [
        ("Paper", f"{update.paper_title or '—'} ({update.paper or 'file not recorded'})"),
        ("Date", date_note(update.date, update.date_source)),
        ("Status as printed" if not fixed_status else "Status phrase", status),
        ("Status decided", decided), ("Owner", owner), ("Timescale", update.timescale or "—"),
        ("Committee action", update.mpa_action or "—"), ("Source lines", _where(update.sources)),
        *([("Cited by topic", f"{update.topic!r}, matched by {update.matched_by}")] if update.topic else []),
        *_notes(update.corrections),
    ]


def _text_kind(trace: Trace) -> str:
    if corrected(trace.corrections, "added"):
        return "as given by an analyst (not read from a paper)"
    if corrected(trace.corrections, "text"):
        return "as corrected by an analyst (the paper's lines below)"
    return "as printed"


def _related_facts(item: Related) -> list[tuple[str, str]]:
    facts = [("Relation", ", ".join(item.relations)), ("Score", _score(item.score))]
    if item.via:
        facts.append(("Through", " → ".join(item.via)))
    if item.kind == "recommendation":
        report = item.report_title or item.report or "—"
        facts += [("Source report", f"{report}{f' ({item.year})' if item.year else ''}"),
                  ("Current status", f"{item.status}{' (closed)' if item.closed else ''}")]
    return facts


def trace_markdown(trace: Trace, generated: str | None = None) -> str:
    """The trace as a Markdown document.

    Parameters
    ----------
    trace : from :func:`~recgraph.graph.analyses.trace.trace`.
    generated : a note on when and from what it was made (e.g. today's date), printed under the title.
    """
    out = [f"# Trace of recommendation {_md(trace.label)}", ""]
    if generated or trace.source:
        out += [f"*Made by recgraph from {_md(trace.source)}{', ' + _md(generated) if generated else ''}.*", ""]
    out += ["| | |", "|---|---|", *(f"| {_md(k)} | {_md(v)} |" for k, v in _facts(trace)), ""]
    out += [f"## Text {_text_kind(trace)}", "", *_md_quote(trace.text), ""]
    for span in trace.sources:
        out += [f"Lines {_md(span.where())} of the paper, verbatim:", "", *_md_quote(span.verbatim), ""]
    out += [f"## Progress ({len(trace.updates)} update{'s' if len(trace.updates) != 1 else ''}, oldest first)", ""]
    if not trace.updates:
        out += ["No paper reports progress on this recommendation.", ""]
    for number, update in enumerate(trace.updates, start=1):
        out += [f"### {number}. {_md(update.date or 'undated')}: {_md(update.status)}", "",
                *(f"- **{_md(k)}**: {_md(v)}" for k, v in _update_facts(update)), "", *_md_quote(update.progress), ""]
    out += [f"## Related recommendations ({len(trace.related)})", ""]
    if not trace.related:
        out += ["The graph links no other recommendation to this one.", ""]
    for direction, title in DIRECTIONS:
        items = [item for item in trace.related if item.direction == direction]
        if not items:
            continue
        out += [f"### {title}", ""]
        for item in items:
            out += [f"#### {_md(item.label)}", "", *(f"- **{_md(k)}**: {_md(v)}" for k, v in _related_facts(item)), "",
                    *_md_quote(item.text), "", "Evidence:", "", *_md_quote(item.evidence), ""]
    if trace.waits_on:
        out += ["## Systems and programmes it waits on", ""]
        for item in trace.waits_on:
            out += [f"- **{_md(item.label)}** ({_md(item.kind)}, {_md(', '.join(item.relations))}): {_md(item.evidence or '')}"]
        out.append("")
    return "\n".join(out)


_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4;width:14rem}blockquote{margin:.5rem 0;padding:.25rem 1rem;border-left:4px solid #999;background:#fafafa;white-space:pre-wrap}
.meta{color:#555;font-style:italic}h3,h4{margin-top:1.5rem}"""


def _h(text: object) -> str:
    return html.escape(str(text), quote=True) if text is not None else ""


def _table(facts: list[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th>{_h(k)}</th><td>{_h(v)}</td></tr>" for k, v in facts)
    return f"<table>{rows}</table>"


def _quote(text: str | None) -> str:
    return f"<blockquote>{_h(text) if text else '(no text)'}</blockquote>"


def trace_html(trace: Trace, generated: str | None = None) -> str:
    """The trace as a standalone HTML page (no scripts, no external resources).

    Parameters
    ----------
    trace : from :func:`~recgraph.graph.analyses.trace.trace`.
    generated : a note on when and from what it was made, printed under the title.

    Examples
    --------
    >>> t = Trace(iri="http://e/r", label="r/1", number="1", report=None, report_title=None, year=None,
    ...           heading=None, text="<script>alert(1)</script>", para_ref=None, status="unknown", closed=False, owner=None)
    >>> "<script>" in trace_html(t), "&lt;script&gt;" in trace_html(t)
    (False, True)
    """
    body = [f"<h1>Trace of recommendation {_h(trace.label)}</h1>"]
    if generated or trace.source:
        body.append(f"<p class=meta>Made by recgraph from {_h(trace.source)}{', ' + _h(generated) if generated else ''}.</p>")
    body += [_table(_facts(trace)), f"<h2>Text {_h(_text_kind(trace))}</h2>", _quote(trace.text)]
    for span in trace.sources:
        body += [f"<p>Lines {_h(span.where())} of the paper, verbatim:</p>", _quote(span.verbatim)]
    body.append(f"<h2>Progress ({len(trace.updates)} update{'s' if len(trace.updates) != 1 else ''}, oldest first)</h2>")
    if not trace.updates:
        body.append("<p>No paper reports progress on this recommendation.</p>")
    for number, update in enumerate(trace.updates, start=1):
        body += [f"<h3>{number}. {_h(update.date or 'undated')}: {_h(update.status)}</h3>",
                 _table(_update_facts(update)), _quote(update.progress)]
    body.append(f"<h2>Related recommendations ({len(trace.related)})</h2>")
    if not trace.related:
        body.append("<p>The graph links no other recommendation to this one.</p>")
    for direction, title in DIRECTIONS:
        items = [item for item in trace.related if item.direction == direction]
        if items:
            body.append(f"<h3>{_h(title)}</h3>")
        for item in items:
            body += [f"<h4>{_h(item.label)}</h4>", _table(_related_facts(item)), _quote(item.text),
                     "<p>Evidence:</p>", _quote(item.evidence)]
    if trace.waits_on:
        body.append("<h2>Systems and programmes it waits on</h2><ul>")
        body += [f"<li><b>{_h(item.label)}</b> ({_h(item.kind)}, {_h(', '.join(item.relations))}): {_h(item.evidence or '')}</li>"
                 for item in trace.waits_on]
        body.append("</ul>")
    title = f"Trace of {trace.label}"
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
