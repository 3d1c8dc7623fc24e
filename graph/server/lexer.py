"""A small SPARQL tokenizer: enough of the grammar's terminals to find keywords safely.

The server must know, before a query runs, whether it names a remote endpoint (``SERVICE``,
``LOAD``), declares its own dataset (``FROM``) or carries ``USING``/``WITH`` clauses. Searching
the raw text would be fooled by comments, strings and IRIs that merely contain those words (a
police paper mentions "the Metropolitan Police Service" often), so this module splits the text
into the terminals of the SPARQL 1.1 grammar (section 19.8) and reports each token with its offset.
It does not parse: callers read keywords in sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import NamedTuple


class Kind(Enum):
    """What a token is; keywords, prefixed names and numbers are all ``WORD``."""

    IRI = "iri"
    STRING = "string"
    VAR = "var"
    WORD = "word"
    PUNCT = "punct"


class Token(NamedTuple):
    """One terminal: its kind, its text as written and its offset in the query."""

    # A named tuple rather than a frozen dataclass: a query has hundreds of tokens and a tuple is
    # built in half the time (no object.__setattr__ per field).
    kind: Kind
    text: str
    start: int

    def is_keyword(self, *names: str) -> bool:
        """True when the token is a bare word equal (ignoring case) to one of ``names``."""
        return self.kind is Kind.WORD and self.text.upper() in names


# A name run covers keywords, prefixed names (with PN_LOCAL_ESC escapes such as ``\#``, which are
# not comments), blank node labels and numbers. Python's \w is Unicode-aware; the extra ranges are
# the PN_CHARS that \w leaves out.
_NAME = r"(?:[\w.\-:%\u00B7\u0300-\u036F\u203F-\u2040]|\\[_~.\-!$&'()*+,;=/?#@%])+"

_TOKENS = re.compile(
    "|".join(
        (
            r"(?P<space>\s+)",
            r"(?P<comment>\#[^\r\n]*)",
            r"(?P<iri><(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)",
            rf"(?P<var>[?$]{_NAME})",
            r"(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)",
            rf"(?P<word>{_NAME})",
            r"(?P<punct>.)",
        )
    ),
    re.DOTALL,
)

# Strings are scanned apart from the other tokens, so that a scan that fails is not repeated:
# each quote character has a long form (three quotes, may span lines) and a short one.
_LONG = {q: re.compile(rf"{q * 3}(?:(?:{q}|{q * 2})?(?:[^{q}\\]|\\.))*{q * 3}", re.DOTALL) for q in "'\""}
_SHORT = {q: re.compile(rf"{q}(?:[^{q}\\\n\r]|\\.)*{q}", re.DOTALL) for q in "'\""}
_SHORT_BODY = {q: re.compile(rf"{q}(?:[^{q}\\\n\r]|\\.)*", re.DOTALL) for q in "'\""}

_KINDS = {"iri": Kind.IRI, "var": Kind.VAR, "word": Kind.WORD, "lang": Kind.PUNCT,
          "punct": Kind.PUNCT}

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def tokenize(text: str) -> Iterator[Token]:
    r"""Split SPARQL text into tokens, skipping white space and comments.

    Unterminated strings or IRIs do not stop the scan: their opening character becomes a
    punctuation token and the scan goes on, so a keyword hidden after a stray quote is still seen
    (the query is malformed anyway and the parser will refuse it).

    Parameters
    ----------
    text : str
        A SPARQL query or update.

    Returns
    -------
    Iterator[Token]
        Tokens in order. Trailing dots are split off words (a prefixed name cannot end with one).

    Examples
    --------
    >>> [t.text for t in tokenize('SELECT * { ?s ex:p "SERVICE" } # SERVICE')]
    ['SELECT', '*', '{', '?s', 'ex:p', '"SERVICE"', '}']
    >>> [t.text for t in tokenize("ASK { ?s ex:a\\#b ?o . }")]
    ['ASK', '{', '?s', 'ex:a\\#b', '?o', '.', '}']
    """
    # A short string that fails to close from one quote fails from every quote of the same kind
    # that its scan passed over (each was the second half of an escape), and a long one that fails
    # finds no closing triple quote after it: remembering where scans failed keeps the pass linear
    # (without it, 64 KB of ``"\\`` took over a minute).
    failed_short = {"'": -1, '"': -1}
    failed_long = {"'": False, '"': False}
    position, end = 0, len(text)
    while position < end:
        char = text[position]
        if char in failed_short:
            match = None
            if not failed_long[char] and text.startswith(char * 3, position):
                match = _LONG[char].match(text, position)
                failed_long[char] = match is None
            if match is None and position >= failed_short[char]:
                match = _SHORT[char].match(text, position)
                if match is None:
                    failed_short[char] = _SHORT_BODY[char].match(text, position).end()
            if match is None:
                yield Token(Kind.PUNCT, char, position)
                position += 1
            else:
                yield Token(Kind.STRING, match.group(), position)
                position = match.end()
            continue
        match = _TOKENS.match(text, position)
        position = match.end()
        group = match.lastgroup
        if group in ("space", "comment"):
            continue
        value, start = match.group(), match.start()
        if group == "word" and value.endswith(".") and not _is_number(value):
            stripped = value.rstrip(".")
            if stripped:
                yield Token(Kind.WORD, stripped, start)
            for offset in range(len(stripped), len(value)):
                yield Token(Kind.PUNCT, ".", start + offset)
            continue
        yield Token(_KINDS[group], value, start)


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?", word))


def unescape_codepoints(text: str) -> str:
    r"""Replace ``\uXXXX`` and ``\UXXXXXXXX`` escapes by the characters they name.

    SPARQL 1.1 (section 19.2) allows such escapes anywhere in a query; Oxigraph resolves them only
    inside IRIs and strings. Callers that must not be fooled scan both forms.

    >>> unescape_codepoints(r"<http\u003A//example.org/>")
    '<http://example.org/>'
    """
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def unescape_local_name(local: str) -> str:
    r"""Drop the backslash of PN_LOCAL_ESC escapes in the local part of a prefixed name.

    >>> unescape_local_name(r"a\-b\#c")
    'a-b#c'
    """
    return re.sub(r"\\(.)", r"\1", local)
