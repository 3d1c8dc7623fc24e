"""HTML pages for people from a :class:`~recgraph.graph.server.describe.Description`.

Every page has a header (label, types, IRI, the same description as Turtle, JSON-LD, N-Triples
and RDF/XML), the source lines it was read from, and two tables listing every statement about it
and every statement pointing at it, so each IRI it mentions is a link onward. The sections for
each kind of resource are in :mod:`recgraph.graph.server.sections`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pyoxigraph as ox

from recgraph.graph.rdf.namespaces import PREFIXES
from recgraph.graph.server.describe import LIST_LIMIT, Description, Term
from recgraph.graph.server.markup import Html, join, safe_href, tag

#: IRIs of recgraph's own vocabularies and ontology: pages about them are served by /doc?iri=.
VOCABULARY_ROOT = "https://w3id.org/recgraph/"
#: File extensions of the fixed-format documents, with the names shown for them.
FORMAT_LINKS = (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"), ("rdf", "RDF/XML"))


@dataclass(frozen=True)
class Linker:
    """Where links go: IRIs under the data ``base`` to ``/id/…``, recgraph's vocabularies to
    ``/doc?iri=…``, other http(s) IRIs to themselves; ``root`` is the app's mount path.

    >>> linker = Linker("https://w3id.org/recgraph/id/")
    >>> linker.href("https://w3id.org/recgraph/id/report/a b/rec/1")
    '/id/report/a%20b/rec/1'
    >>> linker.href("https://w3id.org/recgraph/theme/training")
    '/doc?iri=https%3A%2F%2Fw3id.org%2Frecgraph%2Ftheme%2Ftraining'
    >>> linker.href("urn:x:y") is None
    True
    """

    base: str
    root: str = ""

    def local(self, iri: str) -> str | None:
        """The part of ``iri`` after the data base, or None when it is not under it."""
        return iri[len(self.base):] if iri.startswith(self.base) and len(iri) > len(self.base) else None

    def href(self, iri: str) -> str | None:
        rest = self.local(iri)
        if rest is not None:
            return f"{self.root}/id/{quote(rest, safe=_PATH_SAFE)}"
        if iri.startswith(VOCABULARY_ROOT):
            return f"{self.root}/doc?{urlencode({'iri': iri})}"
        return safe_href(iri)

    def document(self, iri: str, extension: str = "") -> str:
        """The URL of the document describing ``iri`` (in one format when ``extension`` is given)."""
        rest = self.local(iri)
        if rest is not None:
            return f"{self.root}/doc/{quote(rest, safe=_PATH_SAFE)}{'.' + extension if extension else ''}"
        query = {"iri": iri, **({"format": extension} if extension else {})}
        return f"{self.root}/doc?{urlencode(query)}"


# Characters kept as they are in a URL path: RFC 3986 pchar plus "/", and "%" because minted IRIs
# are already percent-encoded where a character is not allowed; only non-ASCII gets encoded here.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def short(iri: str, linker: Linker) -> str:
    """An IRI for people: relative to the data base, or ``prefix:name``, or in full.

    >>> short("https://w3id.org/recgraph/ontology#text", Linker("http://e.org/"))
    'rg:text'
    """
    rest = linker.local(iri)
    if rest is not None:
        return rest
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def name_of(iri: str, described: Description, linker: Linker) -> str:
    return described.label(iri) or short(iri, linker)


def link(iri: str, described: Description, linker: Linker, text: str | None = None) -> Html:
    """A link to ``iri`` showing its label (or ``text``); plain text when it cannot be linked."""
    shown = text or name_of(iri, described, linker)
    href = linker.href(iri)
    return tag("a", shown, href=href, title=iri) if href else tag("span", shown, title=iri)


def term(value: Term, described: Description, linker: Linker) -> Html:
    """A value: IRIs as links, literals as text (with their language), blank nodes by id."""
    if isinstance(value, ox.NamedNode):
        return link(value.value, described, linker)
    if isinstance(value, ox.Literal):
        language = tag("span", f" @{value.language}", class_="lang") if value.language else None
        return join([tag("span", value.value, class_="literal"), language])
    return tag("code", str(value))


def terms(values: list[Term], described: Description, linker: Linker, separator: str = ", ") -> Html:
    return join([term(value, described, linker) for value in values], separator)


def facts(rows: list[tuple[str, object]]) -> Html | None:
    """A definition list of the rows that have a value; None when none has."""
    items = [join([tag("dt", name), tag("dd", value)]) for name, value in rows if value not in (None, "", [])]
    return tag("dl", items) if items else None


def header(described: Description, linker: Linker, title: str) -> Html:
    me = described.entry
    types = [link(kind, described, linker) for kind in me.types]
    formats = [tag("a", name, href=linker.document(described.iri, extension), rel="alternate")
               for extension, name in FORMAT_LINKS]
    return join([
        tag("h1", title),
        tag("p", join(types, " · "), class_="types") if types else None,
        tag("p", tag("code", described.iri), class_="iri"),
        tag("p", "Machine-readable: ", join(formats, " · "), class_="formats"),
    ])


def sources(spans: list[str], described: Description, linker: Linker, open_: bool = False) -> Html | None:
    """The verbatim source lines of each span, folded (``<details>``) under the file and lines."""
    blocks = []
    for iri in spans:
        span = described.of(iri)
        verbatim = span.text(PREFIXES["rg"] + "verbatim")
        where = f"{span.text(PREFIXES['rg'] + 'file') or short(iri, linker)}, lines " \
                f"{span.text(PREFIXES['rg'] + 'firstLine') or '?'}–{span.text(PREFIXES['rg'] + 'lastLine') or '?'}"
        summary = tag("summary", "Source lines: ", link(iri, described, linker, where))
        blocks.append(tag("details", summary, tag("pre", verbatim or "(no verbatim text stored)"), open=open_ or None))
    return join(blocks) if blocks else None


def statements(described: Description, linker: Linker) -> Html:
    """Every statement about the resource, then every statement pointing at it."""
    rows = [tag("tr", tag("th", link(predicate, described, linker), scope="row"),
                tag("td", terms(values, described, linker, " · ")))
            for predicate, values in sorted(described.entry.props.items())]
    parts = [tag("h2", "All statements"),
             tag("table", tag("tbody", rows), class_="statements") if rows else tag("p", "None.")]
    if described.incoming:
        incoming = [tag("tr", tag("td", link(subject, described, linker)),
                        tag("td", link(predicate, described, linker)))
                    for subject, predicate in described.incoming]
        more = described.incoming_total - len(described.incoming)
        parts += [tag("h2", "Referenced by"),
                  tag("table", tag("thead", tag("tr", tag("th", "subject"), tag("th", "property"))),
                      tag("tbody", incoming), class_="statements"),
                  tag("p", f"… and {more} more (query /sparql for all of them).") if more > 0 else None]
    return join(parts)


def graph_members(described: Description, linker: Linker) -> Html | None:
    """For a named graph: its size and its typed subjects, grouped by type."""
    if described.graph_size is None:
        return None
    rows = [tag("tr", tag("td", link(kind, described, linker)), tag("td", link(subject, described, linker)))
            for kind, subject in described.members]
    more = described.totals.get("members", 0) - len(rows)
    return join([
        tag("h2", "This named graph"),
        tag("p", f"{described.graph_size} triples; ",
            tag("a", "download it as Turtle", href=linker.document(described.iri, "ttl")),
            " (or from the Graph Store: ",
            tag("a", "/store", href=f"{linker.root}/store?{urlencode({'graph': described.iri})}"), ")."),
        tag("table", tag("thead", tag("tr", tag("th", "type"), tag("th", "resource"))), tag("tbody", rows),
            class_="statements"),
        tag("p", f"… and {more} more.") if more > 0 else None,
    ])


def limited(count: int, total: int) -> Html | None:
    """A note when a list was cut at :data:`LIST_LIMIT`."""
    return tag("p", f"Showing {count} of {total} (at most {LIST_LIMIT}).") if total > count else None
