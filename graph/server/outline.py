"""What the server reads from a query's text before running it, read once per distinct text.

Before a query runs the server needs its form (to negotiate the answer's format), whether it
names its own dataset (``FROM``), and the endpoints it would call (the SERVICE guard). Each needs
the text's tokens, and tokenizing a saved query costs more (0.1 to 0.3 ms) than a small query
takes to run. Clients send the same texts again and again (saved queries, a page polling), so
the outlines of texts up to :data:`CACHED_CHARS` long are kept in an LRU cache. An outline depends
on the text alone, so one read from the cache is the one a fresh read would give: the guard
refuses the same calls either way, and it still checks them against the allow-list every time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from recgraph.graph.server.guard import remote_calls
from recgraph.graph.server.lexer import Kind, Token, tokenize
from recgraph.graph.server.limits import GROUP_KEYWORDS, QueryShape

#: Texts up to this many characters are cached (so the cache holds at most a few MiB of text).
CACHED_CHARS = 16 * 1024
#: Distinct texts remembered; the least recently used is forgotten first.
CACHED_TEXTS = 256
#: The query forms; the first of these keywords in a query is its form (a subquery is a SELECT inside one).
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Outline:
    """The facts about a query the server acts on before running it.

    ``form`` is ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"``, ``"DESCRIBE"`` or None (not a query the
    tokenizer recognises; the parser will say why). ``remote_calls`` is as
    :func:`recgraph.graph.server.guard.remote_calls` lists them.
    """

    form: str | None
    declares_dataset: bool
    remote_calls: tuple[tuple[str, str | None], ...]
    shape: QueryShape = QueryShape()


def outline_of(text: str) -> Outline:
    """Read the :class:`Outline` of a query, from the cache when the text was seen lately.

    Parameters
    ----------
    text : str
        A SPARQL query.

    Returns
    -------
    Outline
        Equal to a fresh read of ``text``, cached or not.

    Examples
    --------
    >>> outline_of('SELECT * FROM <http://e.org/g> { SERVICE ?e { ?s ?p "ASK" } }')
    Outline(form='SELECT', declares_dataset=True, remote_calls=(('SERVICE', None),), shape=QueryShape(depth=2, path_operators=0, groups=1, separators=0))
    """
    if len(text) > CACHED_CHARS:
        return read_outline(text)
    return _cached_outline(text)


def read_outline(text: str) -> Outline:
    """Read the :class:`Outline` of a query from its tokens (one pass of the tokenizer), uncached."""
    tokens = list(tokenize(text))
    form = next((token.text.upper() for token in tokens if token.is_keyword(*FORMS)), None)
    declares = any(token.is_keyword("FROM") for token in tokens)
    return Outline(form, declares, tuple(remote_calls(text, tokens)), shape_of(tokens))


#: Brackets that nest, and path or negation operators (the lexer gives each as one PUNCT token).
_OPENING, _CLOSING, _PATH = "{([", "})]", "/|^!"


def shape_of(tokens: list[Token]) -> QueryShape:
    """Count what :class:`~recgraph.graph.server.limits.QueryLimits` bounds, in one pass over ``tokens``.

    >>> shape_of(list(tokenize("SELECT * { ?s <p>/!<q> ?o . { ?s ?p ?o } UNION { ?s ?p ?o } }")))
    QueryShape(depth=2, path_operators=2, groups=1, separators=1)
    """
    depth = deepest = paths = groups = separators = 0
    first_select = True
    for token in tokens:
        if token.kind is Kind.PUNCT:
            text = token.text
            if text in _OPENING:
                depth += 1
                deepest = max(deepest, depth)
            elif text in _CLOSING:
                depth = max(depth - 1, 0)
            elif text in _PATH:
                paths += 1
            elif text in ".;," and depth > 0:
                separators += 1
        elif token.kind is Kind.WORD and token.is_keyword(*GROUP_KEYWORDS):
            if token.text.upper() == "SELECT" and first_select:
                first_select = False
                continue
            groups += 1
    return QueryShape(deepest, paths, groups, separators)


_cached_outline = lru_cache(maxsize=CACHED_TEXTS)(read_outline)
