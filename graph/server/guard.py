"""Refusing federated calls: SERVICE and LOAD only reach endpoints an allow-list names.

pyoxigraph fetches any URL a ``SERVICE`` clause or ``LOAD`` operation names, internal addresses
included, and hands the answer back to the client: a server-side request forgery. Python cannot
switch that off in pyoxigraph, so the server checks every query and update *before* it runs.

The check reads the tokens of the text (:mod:`recgraph.graph.server.lexer`), so words inside
strings, comments and IRIs do not count. It fails closed: an endpoint given by a variable, by a
relative IRI or by an undeclared prefix cannot be checked and is refused. The text is scanned as
written and again with ``\\uXXXX`` escapes resolved, so an escaped keyword cannot slip through.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from urllib.parse import urlsplit

from recgraph.graph.server.errors import ForbiddenRemoteCall
from recgraph.graph.server.lexer import Kind, Token, tokenize, unescape_codepoints, unescape_local_name

#: Keywords after which the grammar names an endpoint or document to fetch.
REMOTE_KEYWORDS = ("SERVICE", "LOAD")


def remote_calls(text: str, tokens: Sequence[Token] | None = None) -> list[tuple[str, str | None]]:
    """List the endpoints a query or update would call, as ``(keyword, IRI or None)``.

    ``None`` stands for an endpoint that cannot be known before the query runs (a variable,
    a relative IRI, an undeclared prefix).

    Parameters
    ----------
    text : str
        A SPARQL query or update.
    tokens : sequence of Token, optional
        ``tokenize(text)`` when the caller has it already (it is not read again).

    Returns
    -------
    list[tuple[str, str | None]]
        One entry per ``SERVICE`` or ``LOAD``, in order, from the text as written and then from the
        text with codepoint escapes resolved (duplicates removed).

    Examples
    --------
    >>> remote_calls('PREFIX e: <http://e.org/> SELECT * { SERVICE SILENT e:sparql { ?s ?p ?o } }')
    [('SERVICE', 'http://e.org/sparql')]
    >>> remote_calls('SELECT * { ?s ?p "SERVICE <http://e.org/>" } # LOAD <http://e.org/>')
    []
    >>> remote_calls('SELECT * { SERVICE ?endpoint { ?s ?p ?o } }')
    [('SERVICE', None)]
    """
    found: list[tuple[str, str | None]] = []
    unescaped = unescape_codepoints(text)
    variants = [list(tokens) if tokens is not None else list(tokenize(text))]
    if unescaped != text:
        variants.append(list(tokenize(unescaped)))
    for variant in variants:
        for call in _calls(variant):
            if call not in found:
                found.append(call)
    return found


def check_remote_calls(text: str, allowed: Collection[str]) -> None:
    """Raise unless every SERVICE and LOAD in ``text`` names an endpoint in ``allowed``.

    Parameters
    ----------
    text : str
        A SPARQL query or update.
    allowed : Collection[str]
        Endpoint IRIs the server may call, compared exactly.

    Raises
    ------
    ForbiddenRemoteCall
        Naming the first endpoint refused and how to allow it.

    Examples
    --------
    >>> check_remote_calls('SELECT * { SERVICE <http://e.org/q> { ?s ?p ?o } }', {'http://e.org/q'})
    >>> check_remote_calls('LOAD <http://169.254.169.254/latest>', set())
    Traceback (most recent call last):
    ...
    recgraph.graph.server.errors.ForbiddenRemoteCall: LOAD <http://169.254.169.254/latest> is refused: ...
    """
    refuse_unlisted(remote_calls(text), allowed)


def refuse_unlisted(calls: Collection[tuple[str, str | None]], allowed: Collection[str]) -> None:
    """Raise unless every call (from :func:`remote_calls`) names an endpoint in ``allowed``.

    Raises
    ------
    ForbiddenRemoteCall
        Naming the first endpoint refused and how to allow it.

    Examples
    --------
    >>> refuse_unlisted([("SERVICE", None)], {"http://e.org/q"})
    Traceback (most recent call last):
    ...
    recgraph.graph.server.errors.ForbiddenRemoteCall: SERVICE with an endpoint given by a variable, ...
    """
    for keyword, iri in calls:
        if iri is None:
            raise ForbiddenRemoteCall(
                f"{keyword} with an endpoint given by a variable, a relative IRI or an undeclared prefix is refused: "
                "this server only calls endpoints named on its allow-list, written as absolute IRIs"
            )
        if iri not in allowed:
            raise ForbiddenRemoteCall(
                f"{keyword} <{iri}> is refused: this server only calls endpoints on its allow-list "
                "(start it with --allow-service URL to add one)"
            )


def _calls(tokens: list[Token]) -> Iterator[tuple[str, str | None]]:
    prefixes: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if token.is_keyword("PREFIX"):
            _declare(tokens[index + 1 : index + 3], prefixes)
        elif token.is_keyword(*REMOTE_KEYWORDS):
            target = next((t for t in tokens[index + 1 : index + 3] if not t.is_keyword("SILENT")), None)
            yield token.text.upper(), _resolve(target, prefixes)


def _declare(pair: list[Token], prefixes: dict[str, str]) -> None:
    if len(pair) == 2 and pair[0].kind is Kind.WORD and pair[0].text.endswith(":") and pair[1].kind is Kind.IRI:
        prefixes[pair[0].text[:-1]] = unescape_codepoints(pair[1].text[1:-1])


def _resolve(token: Token | None, prefixes: dict[str, str]) -> str | None:
    if token is None:
        return None
    if token.kind is Kind.IRI:
        iri = unescape_codepoints(token.text[1:-1])
    elif token.kind is Kind.WORD and ":" in token.text and not token.text.startswith("_:"):
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            return None
        iri = prefixes[prefix] + unescape_local_name(local)
    else:
        return None
    return iri if _is_absolute(iri) else None


def _is_absolute(iri: str) -> bool:
    try:
        return bool(urlsplit(iri).scheme)
    except ValueError:
        return False
