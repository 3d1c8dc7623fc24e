"""The SPARQL of each SHACL Core constraint: value tests as expressions, counts and property pairs
as patterns, nested shapes (sh:node, sh:or ...) as expressions over their own constraints.

Split from :mod:`recgraph.graph.rdf.shacl_sparql`, which walks the shapes graph and assembles one
:class:`~recgraph.graph.rdf.shacl_sparql.Check` per constraint from the pieces built here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from recgraph.errors import UnsupportedShape

#: Parameters that describe a shape without constraining the data.
_DESCRIPTIVE = {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property", "path",
                "message", "severity", "name", "description", "order", "group", "defaultValue",
                "deactivated", "flags"}
#: Constraints a value node must meet on its own: they compile to a SPARQL expression.
_VALUE_CONSTRAINTS = {"class", "datatype", "nodeKind", "in", "pattern", "minLength", "maxLength",
                      "minInclusive", "maxInclusive", "minExclusive", "maxExclusive",
                      "or", "and", "not", "xone", "node"}
_OTHER_CONSTRAINTS = {"minCount", "maxCount", "hasValue", "uniqueLang", "equals", "disjoint",
                      "lessThan", "lessThanOrEquals"}
_SUPPORTED = _DESCRIPTIVE | _VALUE_CONSTRAINTS | _OTHER_CONSTRAINTS

#: The component IRI's local name for each constraint parameter.
_COMPONENT = {name: name[0].upper() + name[1:] + "ConstraintComponent" for name in _SUPPORTED}
_COMPONENT["lessThanOrEquals"] = "LessThanOrEqualsConstraintComponent"

#: The IRIs of a class and of all its subclasses.
Subclasses = Callable[[str], list[str]]
#: Whether the values of a (SPARQL) path repeat enough to test each distinct value once.
Repeats = Callable[[str], bool]

#: Datatypes whose lexical forms SPARQL can check with a cast (ill-formed literals fail sh:datatype).
_CASTABLE = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.date, XSD.dateTime,
             XSD.time, XSD.gYear, XSD.gYearMonth, XSD.duration}

_NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_MAX_NESTING = 8  # sh:node / sh:or depth; deeper (or recursive) shapes are not compiled


class _Context:
    """What compiling one shape needs besides the shapes: fresh variable names, known subclasses,
    whether a path's values repeat."""

    def __init__(self, subclasses: Subclasses | None, repeats: Repeats | None = None) -> None:
        self._next = itertools.count()
        self._subclasses = subclasses
        self._repeats = repeats

    def repeats(self, path: str) -> bool:
        return self._repeats is not None and self._repeats(path)

    def var(self) -> str:
        return f"?v{next(self._next)}"

    def instance_of(self, node: str, cls: rdflib.term.Node, where: str) -> str:
        """A group pattern matching when ``node`` is an instance of ``cls`` or of a subclass of it."""
        if not isinstance(cls, rdflib.URIRef):
            raise UnsupportedShape(f"{where} names a class that is not an IRI ({cls})")
        if self._subclasses is None:
            return f"{node} <{RDF.type}>/<{RDFS.subClassOf}>* <{cls}>"
        classes = list(self._subclasses(str(cls)))
        if len(classes) == 1:
            return f"{node} <{RDF.type}> <{classes[0]}>"
        var = self.var()
        return f"VALUES {var} {{ {' '.join(f'<{c}>' for c in classes)} }} {node} <{RDF.type}> {var}"


def _name(node: rdflib.term.Node) -> str:
    return f"<{node}>" if isinstance(node, rdflib.URIRef) else f"(blank node shape {node})"


def _term(shapes: rdflib.Graph, node: rdflib.term.Node, where: str) -> str:
    """A constant of the shapes graph in SPARQL syntax."""
    if isinstance(node, (rdflib.URIRef, rdflib.Literal)):
        return node.n3()
    raise UnsupportedShape(f"{where} has a blank node as a value, which SPARQL cannot name")


_Body = tuple[str, bool, "str | None"]


def _filter(condition: str) -> str:
    """A FILTER; one holding an EXISTS is kept above the join with the targets.

    Oxigraph pushes a filter on the values alone down to the triple pattern, so it runs for every triple
    of the predicate in the store (all links share rg:target) before the join keeps those of the focus
    nodes. Cheap tests gain from that (measured 2x), EXISTS loses (5x): ``?targeted`` is bound by the
    targets only, so a filter using it waits for the join.
    """
    if "EXISTS" in condition:
        return f"FILTER(IF(?targeted, {condition}, false))"
    return f"FILTER({condition})"


def _failing_values(path: tuple[str, str] | None, test: str, context: _Context) -> str:
    """The pattern binding ?focus and each of its value nodes that fail ``test`` (a FILTER or a MINUS).

    On a path whose values repeat, the test runs once per distinct value of the path in the store
    rather than once per (focus, value) row, and the few failing values are then joined with their
    focus nodes: Oxigraph evaluates a test per row, decoding the value each time, so a datatype check
    over 700,000 evidence triples sharing a few thousand texts measured 7-16x slower, sh:class by
    MINUS 3-4x. The grouping's count, used in the filter, stops the optimiser pushing the filter back
    down to the triples.
    """
    if path is None or not context.repeats(path[0]):
        return f"{_values(path)} {test}"
    distinct = f"{{ SELECT ?value (COUNT(*) AS ?valueUses) WHERE {{ [] {path[0]} ?value }} GROUP BY ?value }}"
    if test.startswith("FILTER("):
        failing = f"{distinct} FILTER(?valueUses > 0 && {test[len('FILTER('):]}"
    else:
        failing = f"{{ {distinct} {test} }}"
    return f"{failing} ?focus {path[0]} ?value ."


def _values(path: tuple[str, str] | None) -> str:
    """The pattern binding each value node to ?value: the path's objects, or the focus node itself."""
    return f"?focus {path[0]} ?value ." if path else "BIND(?focus AS ?value)"


def _other_body(shapes: rdflib.Graph, shape: rdflib.term.Node, name: str, parameter: rdflib.term.Node,
                path: tuple[str, str] | None) -> _Body | list[_Body] | None:
    """(body, reports_value, aggregate) of a constraint on the set of value nodes, None if it checks nothing.
    """
    where = f"shape {_name(shape)}"
    if name in ("minCount", "maxCount", "uniqueLang") and path is None:
        raise UnsupportedShape(f"{where} uses sh:{name} on a node shape")
    if name == "minCount":
        count = int(parameter)
        if count <= 0:
            return None
        if count == 1:  # set operations (MINUS, GROUP BY) measured 2-6x faster than NOT EXISTS per node
            return f"MINUS {{ ?focus {path[0]} ?any }}", False, None
        return f"OPTIONAL {{ ?focus {path[0]} ?any }}", False, f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?any) < {count})"
    if name == "maxCount":
        count = int(parameter)
        if count == 0:
            return f"?focus {path[0]} ?any .", False, None
        # counted over every subject of the path, then joined with the targets: measured 3-4x faster
        # than counting after the join with the targets
        offenders = f"SELECT ?focus WHERE {{ ?focus {path[0]} ?any }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?any) > {count})"
        return f"{{ {offenders} }}", False, None
    if name == "hasValue":
        wanted = _term(shapes, parameter, where)
        if path is None:
            return f"FILTER(!sameTerm(?focus, {wanted}))", False, None
        return f"MINUS {{ ?focus {path[0]} {wanted} }}", False, None
    if name == "uniqueLang":
        if not (isinstance(parameter, rdflib.Literal) and parameter.toPython() is True):
            return None
        same_lang = '!sameTerm(?any, ?other) && lang(?any) != "" && lang(?any) = lang(?other)'
        return f"?focus {path[0]} ?any . ?focus {path[0]} ?other . FILTER({same_lang})", False, None
    other = _term(shapes, parameter, where)
    values = _values(path)
    if name == "equals":
        # two checks, one per direction: set differences, cheaper than a UNION of NOT EXISTS filters
        not_value = f"MINUS {{ ?focus {path[0]} ?value }}" if path else "FILTER(!sameTerm(?focus, ?value))"
        return [(f"{values} MINUS {{ ?focus {other} ?value }}", True, None),
                (f"?focus {other} ?value . {not_value}", True, None)]
    if name == "disjoint":
        return f"{values} ?focus {other} ?value .", True, None
    compare = "<" if name == "lessThan" else "<="
    # the DISTINCT subquery makes Oxigraph hash-join the two properties rather than look the second
    # up for every value of the first: measured 4x faster at 10,000 recommendations
    others = f"{{ SELECT DISTINCT ?focus ?other WHERE {{ ?focus {other} ?other }} }}"
    return f"{values} {others} FILTER(!COALESCE(?value {compare} ?other, false))", True, None


def _value_expression(shapes: rdflib.Graph, shape: rdflib.term.Node, name: str, parameter: rdflib.term.Node,
                      v: str, counter: _Context, depth: int) -> str:
    """A SPARQL expression, true when the value node ``v`` meets the constraint (errors count as false)."""
    where = f"shape {_name(shape)}"
    if name == "class":
        return f"EXISTS {{ {counter.instance_of(v, parameter, where)} }}"
    if name == "datatype":
        ok = f"isLiteral({v}) && sameTerm(datatype({v}), {_term(shapes, parameter, where)})"
        if parameter in _CASTABLE:
            ok += f" && COALESCE(isLiteral(<{parameter}>(STR({v}))), false)"
        return f"({ok})"
    if name == "nodeKind":
        if parameter not in _NODE_KINDS:
            raise UnsupportedShape(f"{where} has an unknown sh:nodeKind {parameter}")
        return _NODE_KINDS[parameter].format(v=v)
    if name == "in":
        members = [f"sameTerm({v}, {_term(shapes, m, where)})" for m in Collection(shapes, parameter)]
        return "(" + (" || ".join(members) or "false") + ")"
    if name == "pattern":
        flags = shapes.value(shape, SH.flags)
        flag_arg = f", {rdflib.Literal(str(flags)).n3()}" if flags is not None else ""
        return f"(!isBlank({v}) && REGEX(STR({v}), {rdflib.Literal(str(parameter)).n3()}{flag_arg}))"
    if name in ("minLength", "maxLength"):
        op = ">=" if name == "minLength" else "<="
        return f"(!isBlank({v}) && STRLEN(STR({v})) {op} {int(parameter)})"
    if name in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
        op = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}[name]
        return f"COALESCE({v} {op} {_term(shapes, parameter, where)}, false)"
    if depth >= _MAX_NESTING:
        raise UnsupportedShape(f"{where} nests shapes deeper than {_MAX_NESTING} levels (recursive shapes?)")
    if name == "node":
        return _conforms(shapes, parameter, v, counter, depth + 1)
    if name == "not":
        return f"!COALESCE({_conforms(shapes, parameter, v, counter, depth + 1)}, false)"
    members = [f"COALESCE({_conforms(shapes, m, v, counter, depth + 1)}, false)" for m in Collection(shapes, parameter)]
    if name == "or":
        return "(" + (" || ".join(members) or "false") + ")"
    if name == "and":
        return "(" + (" && ".join(members) or "true") + ")"
    return "((" + " + ".join(f"IF({m}, 1, 0)" for m in members) + ") = 1)" if members else "false"  # xone


def _conforms(shapes: rdflib.Graph, shape: rdflib.term.Node, v: str, counter: _Context, depth: int) -> str:
    """A SPARQL expression, true when ``v`` conforms to ``shape`` (a shape inside sh:or, sh:node ...)."""
    _check_parameters(shapes, shape)
    if _deactivated(shapes, shape):
        return "true"
    path = _path(shapes, shape)
    if path is not None:
        return _property_conforms(shapes, shape, path[0], v, counter, depth)
    parts = []
    for predicate, parameter in shapes.predicate_objects(shape):
        name = str(predicate)[len(str(SH)):] if str(predicate).startswith(str(SH)) else ""
        if name in _VALUE_CONSTRAINTS:
            parts.append(f"COALESCE({_value_expression(shapes, shape, name, parameter, v, counter, depth)}, false)")
        elif name == "hasValue":
            parts.append(f"sameTerm({v}, {_term(shapes, parameter, f'shape {_name(shape)}')})")
        elif name == "property":
            parts.append(_conforms(shapes, parameter, v, counter, depth + 1))
        elif name in _OTHER_CONSTRAINTS:
            raise UnsupportedShape(f"shape {_name(shape)} uses sh:{name} inside a logical constraint")
    return "(" + (" && ".join(parts) or "true") + ")"


def _property_conforms(shapes: rdflib.Graph, shape: rdflib.term.Node, path: str, v: str,
                       counter: _Context, depth: int) -> str:
    """Conformance of ``v`` to a property shape, as far as EXISTS can say it (counts of 0 or 1)."""
    where = f"shape {_name(shape)}"
    parts = []
    for predicate, parameter in shapes.predicate_objects(shape):
        name = str(predicate)[len(str(SH)):] if str(predicate).startswith(str(SH)) else ""
        x = counter.var()
        if name in _VALUE_CONSTRAINTS:
            ok = _value_expression(shapes, shape, name, parameter, x, counter, depth)
            parts.append(f"NOT EXISTS {{ {v} {path} {x} FILTER(!COALESCE({ok}, false)) }}")
        elif name == "hasValue":
            parts.append(f"EXISTS {{ {v} {path} {_term(shapes, parameter, where)} }}")
        elif name == "minCount" and int(parameter) <= 1:
            parts.append(f"EXISTS {{ {v} {path} {x} }}" if int(parameter) == 1 else "true")
        elif name == "maxCount" and int(parameter) == 0:
            parts.append(f"NOT EXISTS {{ {v} {path} {x} }}")
        elif name == "maxCount" and int(parameter) == 1:
            y = counter.var()
            parts.append(f"NOT EXISTS {{ {v} {path} {x} . {v} {path} {y} FILTER(!sameTerm({x}, {y})) }}")
        elif name in _OTHER_CONSTRAINTS:
            raise UnsupportedShape(f"{where} uses sh:{name} {parameter} inside a logical constraint")
    return "(" + (" && ".join(parts) or "true") + ")"


def _deactivated(shapes: rdflib.Graph, shape: rdflib.term.Node) -> bool:
    flag = shapes.value(shape, SH.deactivated)
    return isinstance(flag, rdflib.Literal) and flag.toPython() is True


def _path(shapes: rdflib.Graph, shape: rdflib.term.Node) -> tuple[str, str] | None:
    """The shape's path as (SPARQL path, text for reports), None for a node shape."""
    path = shapes.value(shape, SH.path)
    if path is None:
        return None
    if isinstance(path, rdflib.URIRef):
        return f"<{path}>", str(path)
    steps = list(Collection(shapes, path)) if shapes.value(path, RDF.first) is not None else []
    if steps and all(isinstance(step, rdflib.URIRef) for step in steps):
        return "/".join(f"<{s}>" for s in steps), " / ".join(map(str, steps))
    raise UnsupportedShape(f"shape {_name(shape)} has a path other than a predicate or a sequence of predicates")


def _check_parameters(shapes: rdflib.Graph, shape: rdflib.term.Node) -> None:
    for predicate in set(shapes.predicates(shape, None)):
        if str(predicate).startswith(str(SH)) and str(predicate)[len(str(SH)):] not in _SUPPORTED:
            raise UnsupportedShape(f"shape {_name(shape)} uses {predicate.n3(shapes.namespace_manager)}")
