"""Mentions by topic as RDF: resolved ones are rg:Mention events of the recommendation they cite,
the others rg:UnresolvedMention records, both in the links graph.

Which recommendation a topic cites depends on the wording every paper of the build gives its report
(:mod:`recgraph.graph.linking.topics`), so it is decided with the links and written into the links
graph, rebuilt whole on every build; the mention keeps its paper (rg:inPaper), its date, its
sentence, its status and its span, like a mention by number, plus its rg:topic and how it was
matched (rg:matchedBy). Its text span (file, lines, verbatim) is in the paper's own graph, like
every span read from the paper.
"""

from __future__ import annotations

from collections.abc import Iterator

from recgraph.graph.linking.topics import TopicMatch
from recgraph.graph.model import Provenance
from recgraph.graph.rdf.iri import Minter, paper_slug
from recgraph.graph.rdf.mention_status import mention_status
from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.rdf.writer import GraphWriter, rg_term as _rg, date_literal, literal

_DATE = f"<{PREFIXES['dcterms']}date>"
_DERIVED = f"<{PREFIXES['prov']}wasDerivedFrom>"


def topic_lines(matches: tuple[TopicMatch, ...], out: GraphWriter, mint: Minter) -> Iterator[str]:
    """The N-Quads lines of every mention by topic, written through ``out`` (a links-graph writer)."""
    for match in matches:
        mention = match.mention
        slug = paper_slug(match.paper_file)
        paper = mint.paper(slug)
        span = _span(mint, slug, mention.provenance)
        nodes = [(mint.topic_mention(slug, mention.source_report, match.index, number), number) for number in match.numbers]
        if not nodes:
            nodes = [(mint.topic_mention(slug, mention.source_report, match.index), None)]
        for iri, number in nodes:
            if number is not None:
                rec = mint.recommendation(mention.source_report, number)
                out.kind(iri, "Mention")
                out.iri(iri, _rg("cites"), rec)
                out.iri(rec, _rg("mentionedIn"), paper)
                out.add(iri, _rg("matchedBy"), literal(match.rule))
            else:
                out.kind(iri, "UnresolvedMention")
                out.add(iri, _rg("resolution"), literal(match.outcome))
                out.add(iri, _rg("matchedBy"), literal(match.rule))
                out.iri(iri, _rg("sourceReport"), mint.report(mention.source_report))
                for candidate in match.candidates:
                    out.iri(iri, _rg("candidate"), mint.recommendation(mention.source_report, candidate))
            out.iri(iri, _rg("inPaper"), paper)
            if match.paper_date:
                out.add(iri, _DATE, date_literal(match.paper_date))
            out.text(iri, _rg("topic"), mention.topic)
            out.text(iri, _rg("printed"), mention.printed)
            out.text(iri, _rg("sentence"), mention.sentence)
            out.text(iri, _rg("statusPhrase"), mention.status_phrase)
            status = mention_status(mention.status_phrase)
            if status is not None and number is not None:
                out.iri(iri, _rg("status"), status.status)
                out.add(iri, _rg("statusBasis"), literal(status.basis))
                out.add(iri, _rg("statusRule"), literal(status.rule))
            out.iri(iri, _DERIVED, span)
        yield from _take(out)


def _span(mint: Minter, slug: str, provenance: Provenance) -> str:
    # The span itself is in the paper's graph (the writer states the lines of every mention read).
    return mint.span(slug, *provenance.lines)


def _take(out: GraphWriter) -> list[str]:
    lines, out.lines = out.lines, []
    return lines
