"""An HTML page documenting the ontology, its shapes, the vocabularies and the saved queries.

The page is generated from the Turtle files themselves, so it cannot drift from them: classes
(with the properties whose domain they are and what the shapes require), properties (domain,
range, alignments), each vocabulary as a tree of concepts with their alternative labels and
patterns, and the saved queries with the question each answers.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from recgraph.graph.rdf.namespaces import ONTOLOGY_IRI, PREFIXES, RG
from recgraph.graph.store.queries import saved_queries
from recgraph.graph.store.database import ontology_dir, ontology_files

_DCT = rdflib.Namespace(PREFIXES["dcterms"])
_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
h1,h2,h3{line-height:1.2} h3{margin-bottom:.2rem} code{background:#f3f3f3;padding:0 .2rem}
.term{border-top:1px solid #ddd;padding:.5rem 0} .iri{color:#666;font-size:.85rem}
table{border-collapse:collapse;margin:.4rem 0} td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
ul.tree{margin:.2rem 0} .alt{color:#555;font-size:.9rem}
"""


def render_docs(folder: Path | None = None) -> str:
    """The documentation page as HTML text.

    Parameters
    ----------
    folder : the ontology folder (default: the packaged one).
    """
    folder = folder or ontology_dir()
    graph = rdflib.Graph()
    for path in ontology_files(folder).values():
        graph.parse(path, format="turtle")
    shapes = rdflib.Graph().parse(folder / "shapes.ttl", format="turtle")
    ontology = rdflib.URIRef(ONTOLOGY_IRI)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(graph.value(ontology, _DCT.title))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(graph.value(ontology, _DCT.title))}</h1>",
        f"<p class='iri'>{_e(ontology)} · version {_e(graph.value(ontology, OWL.versionInfo))}</p>",
        f"<p>{_e(graph.value(ontology, _DCT.description))}</p>",
        "<p><a href='#classes'>Classes</a> · <a href='#properties'>Properties</a> · "
        "<a href='#vocabularies'>Vocabularies</a> · <a href='#queries'>Saved queries</a> · "
        "<a href='#prefixes'>Prefixes</a></p>",
        _classes(graph, shapes),
        _properties(graph),
        _vocabularies(graph),
        _queries(folder),
        _prefixes(),
        "</body></html>",
    ]
    return "\n".join(parts)


def write_docs(out: str | Path, folder: Path | None = None) -> Path:
    """Write the documentation page to ``out`` (a file, or a folder that gets ``ontology.html``)."""
    out = Path(out)
    if out.is_dir() or not out.suffix:
        out = out / "ontology.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_docs(folder), encoding="utf-8")
    return out


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _short(node: Node) -> str:
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and text != namespace:
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _link(node: Node) -> str:
    if str(node).startswith(str(RG)):
        local = str(node)[len(str(RG)) :]
        return f"<a href='#{_e(local)}'><code>{_e(_short(node))}</code></a>"
    return f"<code>{_e(_short(node))}</code>"


def _own_terms(graph: rdflib.Graph, *kinds: rdflib.URIRef) -> list[rdflib.URIRef]:
    terms = {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(RG))}
    return sorted(terms, key=str)


def _requirements(shapes: rdflib.Graph, cls: rdflib.URIRef) -> list[str]:
    """What the shapes targeting ``cls`` require, as 'path min..max' strings sorted by path."""
    found = []
    for shape in shapes.subjects(SH.targetClass, cls):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            low, high = shapes.value(prop, SH.minCount), shapes.value(prop, SH.maxCount)
            if low is None and high is None:
                continue
            found.append((_short(path), f"{_link(path)} {low or 0}..{high or '*'}"))
    return [text for _, text in sorted(found)]


def _classes(graph: rdflib.Graph, shapes: rdflib.Graph) -> str:
    by_domain: dict[Node, list[Node]] = defaultdict(list)
    for prop in _own_terms(graph, OWL.ObjectProperty, OWL.DatatypeProperty):
        for domain in graph.objects(prop, RDFS.domain):
            by_domain[domain].append(prop)
    parts = ["<h2 id='classes'>Classes</h2>"]
    for cls in _own_terms(graph, OWL.Class):
        local = str(cls)[len(str(RG)) :]
        supers = ", ".join(_link(s) for s in sorted(graph.objects(cls, RDFS.subClassOf), key=str))
        props = ", ".join(_link(p) for p in by_domain.get(cls, []))
        required = ", ".join(_requirements(shapes, cls))
        parts.append(
            f"<div class='term' id='{_e(local)}'><h3>{_e(graph.value(cls, RDFS.label))}</h3>"
            f"<div class='iri'>{_e(cls)}</div><p>{_e(graph.value(cls, SKOS.definition))}</p>"
            + (f"<p>Subclass of {supers}</p>" if supers else "")
            + (f"<p>Properties: {props}</p>" if props else "")
            + (f"<p>Shapes require: {required}</p>" if required else "")
            + "</div>"
        )
    return "\n".join(parts)


def _properties(graph: rdflib.Graph) -> str:
    parts = ["<h2 id='properties'>Properties</h2>"]
    for prop in _own_terms(graph, OWL.ObjectProperty, OWL.DatatypeProperty):
        local = str(prop)[len(str(RG)) :]
        kind = "object property" if (prop, RDF.type, OWL.ObjectProperty) in graph else "datatype property"
        if (prop, RDF.type, OWL.FunctionalProperty) in graph:
            kind += ", functional"
        rows = [
            ("domain", graph.objects(prop, RDFS.domain)),
            ("range", graph.objects(prop, RDFS.range)),
            ("sub-property of", graph.objects(prop, RDFS.subPropertyOf)),
            ("inverse of", graph.objects(prop, OWL.inverseOf)),
        ]
        cells = "".join(
            f"<tr><th>{name}</th><td>{', '.join(_link(v) for v in sorted(values, key=str))}</td></tr>"
            for name, values in ((n, list(v)) for n, v in rows)
            if values
        )
        parts.append(
            f"<div class='term' id='{_e(local)}'><h3>{_e(graph.value(prop, RDFS.label))} <small>({kind})</small></h3>"
            f"<div class='iri'>{_e(prop)}</div><p>{_e(graph.value(prop, SKOS.definition))}</p>"
            + (f"<table>{cells}</table>" if cells else "")
            + "</div>"
        )
    return "\n".join(parts)


def _vocabularies(graph: rdflib.Graph) -> str:
    parts = ["<h2 id='vocabularies'>Vocabularies</h2>",
             "<p>Edit these Turtle files to extend recgraph; alternative labels are the words matched in text.</p>"]
    for scheme in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        members = sorted(graph.subjects(SKOS.inScheme, scheme), key=lambda c: str(graph.value(c, SKOS.prefLabel)))
        roots = [c for c in members if graph.value(c, SKOS.broader) is None]
        parts.append(f"<h3>{_e(graph.value(scheme, SKOS.prefLabel))}</h3><div class='iri'>{_e(scheme)}</div>")
        parts.append(f"<p>{_e(graph.value(scheme, SKOS.definition))}</p>")
        parts.append(_tree(graph, roots))
    return "\n".join(parts)


def _tree(graph: rdflib.Graph, concepts: list[Node]) -> str:
    items = []
    for concept in concepts:
        alternatives = sorted(str(a) for a in graph.objects(concept, SKOS.altLabel))
        patterns = sorted(str(p) for p in graph.objects(concept, RG.statusPattern))
        children = sorted(graph.subjects(SKOS.broader, concept), key=lambda c: str(graph.value(c, SKOS.prefLabel)))
        extra = ""
        if alternatives:
            extra += f"<div class='alt'>also: {_e('; '.join(alternatives))}</div>"
        if patterns:
            extra += "<div class='alt'>patterns: " + "; ".join(f"<code>{_e(p)}</code>" for p in patterns) + "</div>"
        parts = [_e(graph.value(concept, SKOS.prefLabel)), f" <span class='iri'>{_e(_short(concept))}</span>"]
        parts.append(f"<div>{_e(graph.value(concept, SKOS.definition))}</div>{extra}")
        if children:
            parts.append(_tree(graph, children))
        items.append(f"<li>{''.join(parts)}</li>")
    return f"<ul class='tree'>{''.join(items)}</ul>"


def _queries(folder: Path) -> str:
    rows = "".join(
        f"<tr><td><code>{_e(q.name)}</code></td><td>{_e(q.description)}</td></tr>"
        for q in saved_queries(folder / "queries").values()
    )
    return (
        "<h2 id='queries'>Saved queries</h2><p>Run one with <code>recgraph query NAME</code>.</p>"
        f"<table><tr><th>name</th><th>question it answers</th></tr>{rows}</table>"
    )


def _prefixes() -> str:
    rows = "".join(f"<tr><td><code>{_e(p)}:</code></td><td>{_e(iri)}</td></tr>" for p, iri in PREFIXES.items())
    return f"<h2 id='prefixes'>Prefixes</h2><table>{rows}</table>"
