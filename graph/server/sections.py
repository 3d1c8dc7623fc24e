"""The parts of a page that depend on what the resource is, and the page itself.

A recommendation shows its text, source report, papers, its progress timeline (every
``rg:ProgressUpdate`` with date, status phrase, status, owner and the verbatim source lines) and the
recommendations related to it by ``rg:Link`` resources (repeats, cross-references, dependencies)
with their evidence. Papers and source reports list their recommendations; links, progress
updates and text spans show their own fields.
"""

from __future__ import annotations

import re

from recgraph.graph.rdf.namespaces import PREFIXES, RG
from recgraph.graph.server.describe import DERIVED_FROM, Description, Entry
from recgraph.graph.server.markup import Html, document, join, tag
from recgraph.graph.server.render import (
    Linker,
    facts,
    graph_members,
    header,
    limited,
    link,
    short,
    sources,
    statements,
    terms,
)

#: Link kinds that relate two recommendations (shown as "related"), as opposed to tags.
RELATIONS = (str(RG.Repeat), str(RG.Related), str(RG.CrossReference), str(RG.Dependency))
#: Characters of a recommendation's text shown in lists.
SNIPPET = 160
_DATE = PREFIXES["dcterms"] + "date"
_TITLE = PREFIXES["dcterms"] + "title"


def page(described: Description, linker: Linker) -> Html:
    """The whole HTML page about the described resource."""
    title = title_of(described, linker)
    body = join([
        header(described, linker, title),
        kind_sections(described, linker),
        sources(described.entry.iris(DERIVED_FROM), described, linker),
        graph_members(described, linker),
        statements(described, linker),
    ])
    return document(f"{title} · recgraph", body, root=linker.root)


def title_of(described: Description, linker: Linker) -> str:
    """A heading for people: what the resource is, in words."""
    me = described.entry
    if me.is_a(RG.Recommendation):
        report = next(iter(me.iris(RG.sourceReport)), None)
        where = f" of {described.label(report) or short(report, linker)}" if report else ""
        return f"Recommendation {me.text(RG.number) or short(me.iri, linker)}{where}"
    if me.is_a(RG.ProgressUpdate):
        on = next(iter(me.iris(RG.reportsOn)), "")
        paper = next(iter(me.iris(RG.inPaper)), "")
        where = _file(described.of(paper)) or short(paper, linker)
        return f"Progress on {described.label(on) or short(on, linker)} in {where}"
    if me.is_a(RG.TextSpan) and me.text(RG.file):
        return f"{me.text(RG.file)}, lines {me.text(RG.firstLine)}–{me.text(RG.lastLine)}"
    return described.label(me.iri) or short(me.iri, linker)


def kind_sections(described: Description, linker: Linker) -> Html | None:
    me = described.entry
    for kind, render in ((RG.Recommendation, _recommendation), (RG.Paper, _paper), (RG.SourceReport, _report),
                         (RG.ProgressUpdate, _update_page), (RG.Link, _link_page), (RG.TextSpan, _span)):
        if me.is_a(kind):
            return render(described, linker)
    return None


def natural(text: str) -> list:
    """A sort key putting "2" before "10" and "6(b)" after "6".

    >>> sorted(["10", "6(b)", "2", "6"], key=natural)
    ['2', '6', '6(b)', '10']
    """
    return [int(piece) if index % 2 else piece for index, piece in enumerate(re.split(r"(\d+)", text))]


def _file(paper: Entry) -> str | None:
    return paper.text(RG.file)


def _links(iris: list[str], described: Description, linker: Linker) -> Html | None:
    return join([link(iri, described, linker) for iri in iris], ", ") if iris else None


def _snippet(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _recommendation(described: Description, linker: Linker) -> Html:
    me = described.entry
    parts = sorted(described.lists.get("parts", []), key=lambda iri: natural(described.of(iri).text(RG.number) or iri))
    info = facts([
        ("Source report", _links(me.iris(RG.sourceReport), described, linker)),
        ("Number", me.text(RG.number)),
        ("Part of", _links(me.iris(RG.partOf), described, linker)),
        ("Parts", _links(parts, described, linker)),
        ("Heading", me.text(RG.heading)),
        ("Paragraph", me.text(RG.paraRef)),
        ("Classification", me.text(RG.classification)),
        ("Listed in", _links(me.iris(RG.listedIn), described, linker)),
        ("Status", _links(me.iris(RG.status), described, linker)),
        ("Themes", _links(me.iris(RG.theme), described, linker)),
        ("Systems", _links(me.iris(RG.mentionsSystem), described, linker)),
        ("Corrected by an analyst", _corrections(me, described)),
        ("Reading caveats", "; ".join(term.value for term in me.all(RG.caveat)) or None),
    ])
    return join([
        tag("blockquote", me.text(RG.text), class_="text") if me.text(RG.text) else None,
        info,
        _timeline(described, linker),
        _related(described, linker),
    ])


def _timeline(described: Description, linker: Linker) -> Html:
    updates = [described.of(iri) for iri in described.lists.get("updates", [])]
    updates.sort(key=lambda u: (u.text(_DATE) or "", _file(described.of(next(iter(u.iris(RG.inPaper)), ""))) or ""))
    items = [tag("li", _update(update, described, linker), class_="update") for update in updates]
    return join([
        tag("h2", "Progress timeline"),
        tag("ol", items, class_="timeline") if items else tag("p", "No paper reports progress on it."),
    ])



def _update(update: Entry, described: Description, linker: Linker) -> Html:
    paper = next(iter(update.iris(RG.inPaper)), None)
    when = update.text(_DATE) or "undated"
    heading = tag("h3", tag("time", when), " · ",
                  link(paper, described, linker) if paper else "no paper",
                  f" ({_file(described.of(paper))})" if paper and _file(described.of(paper)) else None)
    owners = [*([update.text(RG.ownerText)] if update.text(RG.ownerText) else []),
              *([_links(update.iris(RG.owner), described, linker)] if update.iris(RG.owner) else [])]
    info = facts([
        ("Status phrase", tag("q", update.text(RG.statusPhrase)) if update.text(RG.statusPhrase) else None),
        ("Status", join([_links(update.iris(RG.status), described, linker),
                         f" ({update.text(RG.statusBasis)})" if update.text(RG.statusBasis) else None])
         if update.iris(RG.status) else None),
        ("Owner", join(owners, " → ") if owners else None),
        ("Timescale", update.text(RG.timescale)),
        ("MPA action", update.text(RG.mpaAction)),
        ("Paragraphs", ", ".join(term.value for term in update.all(RG.paragraph)) or None),
        ("Corrected by an analyst", _corrections(update, described)),
        ("Date", _date_note(update, described.of(paper)) if paper else None),
    ])
    return join([
        heading, info,
        tag("p", update.text(RG.progress), class_="progress") if update.text(RG.progress) else None,
        sources(update.iris(DERIVED_FROM), described, linker),
        tag("p", link(update.iri, described, linker, "this progress update"), class_="more"),
    ])


def _corrections(record: Entry, described: Description) -> str | None:
    """What an analyst corrected on this record, by whom and when, beside the value read."""
    from recgraph.graph.analyses.trace_notes import Corrected

    notes = []
    for iri in record.iris(RG.correction):
        c = described.of(iri)
        agent = next(iter(c.iris(PREFIXES["prov"] + "wasAttributedTo")), None)
        row = c.text(RG.correctionsRow)
        notes.append(Corrected(c.text(RG.correctedField) or "?", c.text(RG.correctedValue), c.text(RG.printedValue),
                               (described.label(agent) or agent.rsplit("/", 1)[-1]) if agent else None,
                               c.text(PREFIXES["prov"] + "endedAtTime"), c.text(RG.correctionsFile),
                               int(row) if row and row.isdigit() else None, c.text(RG.correctionOrigin)).note())
    return "; ".join(sorted(notes)) or None


def _date_note(update: Entry, paper: Entry) -> str | None:
    """Said only when the date was not printed (from the catalogue, or inferred)."""
    from recgraph.graph.analyses.trace_notes import date_note

    source = paper.text(RG.dateSource)
    return date_note(update.text(_DATE), source) if source in ("catalogue", "inferred") else None


def _related(described: Description, linker: Linker) -> Html:
    me = described.iri
    rows, tags = [], []
    for iri in described.lists.get("links", []):
        one = described.of(iri)
        outgoing = me in one.iris(RG.source)
        other = next(iter(one.iris(RG.target) if outgoing else one.iris(RG.source)), None)
        kinds = [kind for kind in one.types if kind != str(RG.Link)]
        relation = join([link(kind, described, linker) for kind in kinds], ", ")
        row = tag("tr",
                  tag("td", relation, " →" if outgoing else " ←", tag("br"),
                      link(iri, described, linker, "(link)")),
                  tag("td", link(other, described, linker) if other else "?",
                      tag("div", _snippet(described.of(other).text(RG.text)), class_="snippet") if other else None),
                  tag("td", one.text(RG.score) or ""),
                  tag("td", _evidence(one, described, linker)))
        (rows if any(kind in RELATIONS for kind in kinds) else tags).append(row)
    head = tag("thead", tag("tr", tag("th", "relation"), tag("th", "with"), tag("th", "score"), tag("th", "evidence")))
    return join([
        tag("h2", "Related recommendations"),
        tag("table", head, tag("tbody", rows), class_="links") if rows
        else tag("p", "No repeat, cross-reference or dependency links."),
        join([tag("h2", "Themes and systems"), tag("table", head, tag("tbody", tags), class_="links")])
        if tags else None,
    ])


def _evidence(one: Entry, described: Description, linker: Linker) -> Html:
    lines = [
        # A repeat's evidence is the wording both texts share, quoted; then its decision.
        *(tag("div", "Aligned wording: ", tag("q", value.value)) for value in one.all(RG.quote)),
        tag("div", "Decision: ", tag("strong", one.text(RG.decision))) if one.text(RG.decision) else None,
        *(tag("div", value.value) for value in one.all(RG.evidence)),
        tag("div", "Phrase: ", tag("q", one.text(RG.phrase))) if one.text(RG.phrase) else None,
        *(tag("div", f"Shared {name}: ", terms(one.all(predicate), described, linker))
          for name, predicate in (("terms", RG.sharedTerm), ("themes", RG.sharedTheme), ("systems", RG.sharedSystem))
          if one.all(predicate)),
        tag("div", tag("strong", "Recurring despite closure")) if one.text(RG.recurringDespiteClosure) == "true"
        else None,
        tag("div", "Method: ", one.text(RG.method), class_="method") if one.text(RG.method) else None,
        *(tag("div", link(span, described, linker, "source lines")) for span in one.iris(DERIVED_FROM)),
    ]
    return join(lines)


def _recommendation_table(described: Description, linker: Linker, name: str) -> Html:
    iris = described.lists.get(name, [])
    recs = sorted((described.of(iri) for iri in iris),
                  key=lambda r: (r.text(RG.sourceReport) or "", natural(r.text(RG.number) or r.iri)))
    rows = [tag("tr", tag("td", link(rec.iri, described, linker, rec.text(RG.number))),
                tag("td", _links(rec.iris(RG.sourceReport), described, linker)),
                tag("td", _snippet(rec.text(RG.text)))) for rec in recs]
    return join([
        tag("h2", f"Recommendations ({described.totals.get(name, len(rows))})"),
        tag("table", tag("thead", tag("tr", tag("th", "number"), tag("th", "source report"), tag("th", "text"))),
            tag("tbody", rows), class_="recommendations") if rows else tag("p", "None."),
        limited(len(rows), described.totals.get(name, len(rows))),
    ])


def _paper(described: Description, linker: Linker) -> Html:
    me = described.entry
    warnings = [tag("li", value.value) for value in me.all(RG.warning)]
    leftovers = me.iris(RG.hasLeftover)
    return join([
        facts([("Title", me.text(_TITLE)), ("Date", me.text(_DATE)),
               ("File", me.text(RG.file)), ("Layout", me.text(RG.layout)),
               ("Tracks", _links(me.iris(RG.tracks), described, linker))]),
        join([tag("h2", "Reading warnings"), tag("ul", warnings)]) if warnings else None,
        join([tag("h2", "Text not placed in any record"), sources(leftovers, described, linker)])
        if leftovers else None,
        _recommendation_table(described, linker, "recommendations"),
    ])


def _report(described: Description, linker: Linker) -> Html:
    me = described.entry
    return join([
        facts([("Title", me.text(_TITLE)), ("Issuer", me.text(RG.issuer)),
               ("Year", me.text(RG.year)), ("Kind", me.text(RG.reportKind)), ("Key", me.text(RG.key)),
               ("Monitored in", _links(described.lists.get("papers", []), described, linker))]),
        _recommendation_table(described, linker, "recommendations"),
    ])


def _update_page(described: Description, linker: Linker) -> Html:
    me = described.entry
    return join([facts([("Progress on", _links(me.iris(RG.reportsOn), described, linker))]),
                 _update(me, described, linker)])


def _link_page(described: Description, linker: Linker) -> Html:
    me = described.entry
    return facts([
        ("From", _links(me.iris(RG.source), described, linker)),
        ("To", _links(me.iris(RG.target), described, linker) or me.text(RG.targetText)),
        ("Score", me.text(RG.score)),
        ("Evidence", _evidence(me, described, linker)),
    ])


def _span(described: Description, linker: Linker) -> Html:
    me = described.entry
    return join([
        facts([("File", me.text(RG.file)), ("Lines", f"{me.text(RG.firstLine)}–{me.text(RG.lastLine)}"),
               ("Paper", _links(me.iris(RG.inPaper), described, linker)), ("Why not placed", me.text(RG.reason))]),
        tag("pre", me.text(RG.verbatim) or "(no verbatim text stored)", class_="verbatim"),
    ])
