"""The general reader: roles -> record starts and spans -> recommendations with their progress.

Each record keeps what the paper prints: its number as printed (unnumbered recommendations get
"u1", "u2", ... in printed order, so their keys are stable while the paper is unchanged), the
numbers a grouped heading covers, its text, and a progress update holding the progress or
response, the status phrase (verbatim), the owner and the timescale where printed. Lines no
record and no recognised frame or boilerplate accounts for are the paper's leftovers.
"""

from __future__ import annotations

import re

from recgraph.graph.model import Leftover, ProgressUpdate, ReadResult, Recommendation
from recgraph.graph.reading.readers.text import Coverage, Document, clean
from recgraph.graph.reading.readers.webpage import find_sources, frame_paper, paragraph_number, title_report
from recgraph.graph.reading.readers.phrases import sentences
from recgraph.graph.reading.segment.fields import find_owner, find_status, find_status_clause, find_when
from recgraph.graph.reading.segment.lists import enumerated
from recgraph.graph.reading.segment.parts import Part, find_parts
from recgraph.graph.reading.segment.regions import specialised_regions
from recgraph.graph.reading.segment.registers import logged_status, without_tags
from recgraph.graph.reading.segment.roles import GLYPH_LED, Layout, lay_out, strip_bullet
from recgraph.graph.reading.segment.retellings import named_issuers, retellings, text_before
from recgraph.graph.reading.segment.spans import Start, find_starts, quoted_text, span_end
from recgraph.graph.reading.segment.tables import TableRecord, read_tables

NAME = "general"

#: "topic: progress" on a marker line splits at the colon when the topic is short (the longest
#: topic before a colon in the fixtures has 9 words; 12 leaves room without taking a sentence).
MAX_TOPIC_WORDS = 12
_RESPONSE_LABEL = re.compile(
    r"^(?:(?:MPS|MPA|Management|Our)\s+)?(?:Response|Progress|Update|Comment|Position)\b[^:]{0,20}:\s*", re.IGNORECASE
)
#: A cell separator right after an item's number: a row of cells flattened to one line with " / "
#: (the trial's force action plan, "1. / recommendation / update").
_CELL_SEPARATOR = re.compile(r"^/\s+")
#: A report's decimal paragraph number ("3.3 We recommend ..."): the paragraph's, not the recommendation's.
_DECIMAL_NUMBER = re.compile(r"^\d{1,3}\.\d{1,3}\.?\s+")
_LABEL_ALONE = re.compile(r"^Recommendation\s*:?$", re.IGNORECASE)
_UNCLAIMED = {"text", "numbered", "heading", "bullet", "sub_bullet", "field", "response", "table", "log"}


def read(doc: Document) -> ReadResult:
    """Read any paper: every recommendation found, the rest left over; never refuses a layout."""
    from recgraph.graph.reading.readers import THRESHOLD

    layout = lay_out(doc)
    regions = specialised_regions(doc, layout, THRESHOLD)
    for region in regions:
        for number in range(region.first_line, region.last_line + 1):
            layout.line(number).role = "region"
    coverage = Coverage(doc)
    for line in layout.lines:
        if line.role not in _UNCLAIMED and line.role not in ("marker", "tail", "that"):
            coverage.claim(line.number)
    default = title_report(doc, layout.front)
    tables = read_tables(doc, layout, default)
    in_tables = {n for t in tables for n in range(t.first_line, t.last_line + 1)}
    starts = [s for s in find_starts(layout, in_tables) if s.line not in in_tables]
    sources = find_sources(doc, [s.line for s in starts], default)
    recommendations: list[Recommendation] = []
    updates: list[ProgressUpdate] = []
    unnumbered = 0
    names = named_issuers(line.text for line in layout.lines)
    for index, start in enumerate(starts):
        following = starts[index + 1].line if index + 1 < len(starts) else None
        last = span_end(layout, start, following, in_tables)
        coverage.claim(start.line, last)
        number = start.number
        if number is None:
            unnumbered += 1
            number = f"u{unnumbered}"
        report = sources.by_start[start.line]
        parts = find_parts(layout, start.line, last)
        head_last = _head_end(layout, start.line, parts[0].first_line) if parts else last
        text, progress = _text_and_progress(layout, start, head_last, names)
        rec = Recommendation(report.key, number, text, doc.provenance(start.line, head_last), covers=start.covers)
        recommendations.append(rec)
        if start.kind == "paraphrase":
            # a paragraph of prose retelling several recommendations: one record each, in order
            for words in _retold(layout, start, head_last, names)[1:]:
                unnumbered += 1
                recommendations.append(Recommendation(report.key, f"u{unnumbered}", words, doc.provenance(start.line, head_last)))
        marker = layout.line(start.line).marker
        if update := _update(rec, doc, progress, text, start, marker.bracket if marker else None):
            updates.append(update)
        for part in parts:
            part_rec, part_update = _part_records(doc, layout, rec, part)
            recommendations.append(part_rec)
            if part_update:
                updates.append(part_update)
    for heading in sources.headings:
        coverage.claim(heading)
    reports = list(sources.reports) or [default]
    for table in tables:
        coverage.claim(table.first_line, table.last_line)
        recommendations.append(table.recommendation)
        if table.update:
            updates.append(table.update)
        if table.report.key not in {r.key for r in reports}:
            reports.append(table.report)
    leftovers = coverage.leftovers()
    warnings = list(layout.front.warnings)
    for region in regions:
        recommendations += region.result.recommendations
        updates += region.result.updates
        leftovers += region.result.leftovers
        warnings += region.result.warnings
        reports += [r for r in region.result.paper.source_reports if r.key not in {k.key for k in reports}]
    recommendations.sort(key=lambda r: r.provenance.first_line)
    recommendations, updates, twice = _first_of_each(doc, recommendations, updates, warnings)
    for rec in twice:
        leftovers.append(Leftover(doc.name, rec.provenance.first_line, rec.provenance.last_line, rec.provenance.text))
    used = {rec.source_report for rec in recommendations}
    reports = [r for r in reports if r.key in used] or [default]
    leftovers.sort(key=lambda left: left.first_line)
    paper = frame_paper(doc, layout.front, NAME, tuple(reports))
    return ReadResult(paper, recommendations, updates, leftovers=leftovers, warnings=warnings)


def _first_of_each(doc: Document, recs: list[Recommendation], updates: list[ProgressUpdate], warnings: list[str]):
    """Keep the first record of each (report, number); a second one is left over with a warning."""
    seen: set[tuple[str, str]] = set()
    kept: list[Recommendation] = []
    twice: list[Recommendation] = []
    for rec in recs:
        if rec.key in seen:
            warnings.append(f"{doc.name}:{rec.provenance.first_line}: Recommendation {rec.number} appears twice; the second is left unread")
            twice.append(rec)
        else:
            seen.add(rec.key)
            kept.append(rec)
    dropped = {id(rec) for rec in twice}
    kept_updates = [u for u in updates if not any(id(r) in dropped and r.provenance == u.provenance for r in twice)]
    return kept, kept_updates, twice


def _head_end(layout: Layout, first: int, part_line: int) -> int:
    last = part_line - 1
    while last > first and layout.line(last).role == "blank":
        last -= 1
    return last


def _part_records(doc: Document, layout: Layout, parent: Recommendation, part: Part):
    """A lettered part as a recommendation "N(x)" under its parent, with its own progress."""
    body = [layout.line(n) for n in range(part.first_line + 1, part.last_line + 1) if layout.line(n).role != "blank"]
    text, rest = _paragraph_block(part.text, body)
    progress = _join([_progress(l.text) for l in rest])
    number = f"{parent.number}({part.letter})"
    rec = Recommendation(
        parent.source_report, number, text, doc.provenance(part.first_line, part.last_line), parent=parent.number
    )
    return rec, _update(rec, doc, progress, text, Start(part.first_line, "part", number))


def _retold(layout: Layout, start: Start, last: int, names: frozenset[str]) -> list[str]:
    """The words of each recommendation a paragraph of prose retells."""
    body = [layout.line(n) for n in range(start.line + 1, last + 1) if layout.line(n).role != "blank"]
    paragraph, _ = _paragraph_block(_paragraph(layout.line(start.line).text), body)
    return [match["text"].strip() for match in retellings(paragraph, names, text_before(layout, start.line))]


def _text_and_progress(layout: Layout, start: Start, last: int, names: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The recommendation's own words and the progress printed after them."""
    head = layout.line(start.line)
    body = [layout.line(n) for n in range(start.line + 1, last + 1) if layout.line(n).role != "blank"]
    if start.kind == "tail" and head.tail:
        return head.tail[1], _join([head.tail[2]] + [l.text for l in body])
    if start.kind == "item":
        sentences_text = _join([strip_bullet(head.text)] + [l.text for l in body])
        first, _, rest = sentences_text.partition(". ")
        return (first + ("." if rest else "")).strip(), rest.strip()
    if start.kind == "quote":
        rest = [l for l in body if l.role in ("numbered", "text", "heading", "field", "response", "bullet")]
        return quoted_text(head.text) or head.text, _join([_progress(l.text) for l in rest])
    if start.kind in ("recommends", "paragraph", "own"):
        text, rest = _with_points(*_paragraph_block(_DECIMAL_NUMBER.sub("", _paragraph(head.text)), body), head, layout)
        return _unquoted(text), _join([_progress(l.text) for l in rest])
    if start.kind == "paraphrase":
        paragraph, rest = _paragraph_block(_paragraph(head.text), body)
        found = retellings(paragraph, names, text_before(layout, start.line))
        if not found:
            return paragraph, _join([_progress(l.text) for l in rest])
        # the progress is what follows the last recommendation the paragraph retells
        return found[0]["text"].strip(), _join([paragraph[found[-1].end() :].strip()] + [_progress(l.text) for l in rest])
    if start.kind == "referenced" and start.last is not None:
        # a committee's conclusion: its lines to its "(paragraph N)", the reply paragraphs after it
        own = [l.text for l in [head, *body] if l.number <= start.last]
        rest = [l for l in body if l.number > start.last]
        return _paragraph(_join(own)), _join([_progress(l.text) for l in rest])
    if start.kind == "block":
        # a numbered label block (:mod:`.blocks`): the words under the item's label, the reply under its own
        reply = start.reply or last + 1
        own = [l.text for l in body if l.number < reply]
        return _join(own), _join([_progress(l.text) for l in body if l.number > reply])
    if start.kind == "plan":
        return head.text, _join([_paragraph(l.text) for l in body])
    if start.kind == "that":
        item = enumerated(head)
        own = item.text if item and (item.style in ("label", "a.", "a)", "(a)") or item.style.startswith("bullet")) else head.text
        if item and _CELL_SEPARATOR.match(item.text):
            # a table row flattened with " / " between its cells ("1. / text / update / grading"):
            # the first cell is the recommendation, the others its progress (cells kept apart by " / ")
            cells = [c.strip() for c in _CELL_SEPARATOR.sub("", item.text).split(" / ") if c.strip()]
            return cells[0] if cells else "", _join([" / ".join(cells[1:])] + [_progress(l.text) for l in body])
        text_lines, rest = _with_points(*_paragraph_block(own, body), head, layout)
        return _paragraph(text_lines), _join([_RESPONSE_LABEL.sub("", _paragraph(l.text)) for l in rest])
    inline = head.marker.text if head.marker else ""
    if inline:
        text, rest = _paragraph_block(inline, body)
        topic, colon, after = text.partition(": ")
        if colon and len(topic.split()) <= MAX_TOPIC_WORDS and ". " not in topic:
            return topic.strip(), _join([after] + [_progress(l.text) for l in rest])
        return text, _join([_progress(l.text) for l in rest])
    if body and body[0].role in ("numbered", "text", "that"):
        text, rest = _paragraph_block(_paragraph(body[0].text), body[1:])
        if len(rest) > 1 and _LABEL_ALONE.match(rest[0].text) and rest[1].role in ("numbered", "text"):
            # the marker word alone labelling the recommendation's words under its title (a
            # register's or a response's "Recommendation" block): they are its words too
            words, rest = _paragraph_block(_paragraph(rest[1].text), rest[2:])
            text = _join([_paragraph(text), words])
        return _paragraph(text), _join([_progress(l.text) for l in rest])
    return head.text, _join([_progress(l.text) for l in body])


def _unquoted(text: str) -> str:
    """A paragraph printed inside quotation marks, without them."""
    match = re.fullmatch(r"[\"\u201c\u2018'](?P<inner>.+?)[\"\u201d\u2019']?", text.strip())
    return match["inner"].strip() if match else text


def _paragraph_block(first: str, body: list) -> tuple[str, list]:
    """``first`` joined with the wrapped lines that continue it; the remaining lines."""
    parts = [first]
    index = 0
    while index < len(body) and body[index].role == "text" and not parts[-1].rstrip().endswith((".", ":")):
        parts.append(body[index].text)
        index += 1
    return _join(parts), body[index:]


def _with_points(text: str, rest: list, head, layout: Layout) -> tuple[str, list]:
    """An item opening a list of its points with a colon, and the points after it: part of its words.

    The family prints a recommendation with its points as "... should monitor data to understand:"
    over bullets ("the reasons for ...", "the extent to which ..."; an inspectorate's numbered
    recommendations, a committee's conclusions): the bullets finish the sentence the colon opens, so
    they are the recommendation's words, not its progress. A web page's nested list whose glyphs
    were dropped prints its points as lines indented deeper than the item, right under it, the colon
    inside the item's line ("3. By May, forces should: record ..." / "    publish ..."), each in
    lower case as it finishes the colon's sentence. Progress after the points stays progress.
    """
    index = 0
    if text.rstrip().endswith(":"):
        while index < len(rest) and (rest[index].role in ("bullet", "sub_bullet") or GLYPH_LED.match(rest[index].text)):
            index += 1
    elif ": " in text:
        while (
            index < len(rest)
            and rest[index].role == "text"
            and rest[index].indent > head.indent
            and layout.line(rest[index].number - 1).role != "blank"  # right under the item, no blank between
            # a point finishes the sentence the colon opens ("publish ..."); a capital opens a sentence
            # of its own, such as progress in the item's hanging indent ("Complete. All staff ...")
            and rest[index].text[:1].islower()
        ):
            index += 1
    return (_join([text] + [line.text for line in rest[:index]]), rest[index:]) if index else (text, rest)



def _paragraph(text: str) -> str:
    numbered = paragraph_number(text)
    if numbered:
        return numbered[1]
    return re.sub(r"^\(\d{1,3}\)\s+", "", text)


def _progress(text: str) -> str:
    return _RESPONSE_LABEL.sub("", _paragraph(text))


def _join(parts: list[str]) -> str:
    return " ".join(clean(p) for p in parts if p and clean(p))


def _update(
    rec: Recommendation, doc: Document, progress: str, text: str, start: Start, owner: str | None = None
) -> ProgressUpdate | None:
    # a register's status log: the last status it sets is the status now; its markup is no progress
    status = logged_status(progress)
    progress = without_tags(progress) if progress else progress
    status = status or find_status(progress)
    if status is None and start.kind in ("item", "tail", "marker"):
        status = find_status(text) if start.kind != "item" else find_status_clause(text)
    if status is None and start.kind == "that" and not progress:
        # a numbered item whose paragraph goes on to say where it stands ("1. The MPS should ...
        # Done through a new field. Complete."): the status among the sentences after its first
        status = find_status(" ".join(sentences(text)[1:]))
    owner = find_owner(progress) or find_owner(text) or owner
    when = find_when(progress)
    if not (progress or status or owner):
        return None
    return ProgressUpdate(
        rec.source_report,
        rec.number,
        doc.name,
        rec.provenance,
        progress=progress or None,
        status_phrase=status,
        owner=owner,
        timescale=when,
    )


__all__ = ["NAME", "read", "TableRecord"]
