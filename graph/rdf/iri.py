"""Minting the IRIs of recgraph's data: the one place they are made.

IRIs are readable and stable across rebuilds: they are built from the keys records already carry
(a source report's key, a recommendation's canonical number, the slug of a paper's file name),
never from counters or hashes. A recommendation's IRI depends on its report's key and its
canonical number only ("R12", "Rec 12" and "recommendation 12" are "12"; lettered parts stay
"5(b)": :func:`recgraph.graph.reading.numbers.canonical_number`), so every paper that prints or
cites it names the same node. Each segment is percent-encoded only where an IRI forbids the
character (so ``6(b)`` stays ``6(b)``, while ``/`` or a space is encoded), which makes minting
reversible: :func:`parse_iri` gives the segments back.

The base is configurable: an explicit value, else the ``RECGRAPH_BASE`` environment variable, else
:data:`DEFAULT_BASE`. Vocabulary concepts (themes, statuses, systems, owners) have fixed IRIs in
their Turtle files and are not minted here.

>>> mint = Minter()
>>> mint.recommendation("winning-consent", "22")
'https://w3id.org/recgraph/id/report/winning-consent/rec/22'
>>> mint.recommendation("race-and-faith", "6(b)")
'https://w3id.org/recgraph/id/report/race-and-faith/rec/6(b)'
>>> mint.recommendation("district-audit", "R6") == mint.recommendation("district-audit", "6")
True
>>> parse_iri(mint.recommendation("r", "a/b c"), mint.base)
('report', ('r', 'rec', 'a/b c'))
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from recgraph.errors import IRIError
from recgraph.graph.reading.numbers import canonical_number
from recgraph.graph.reading.readers.text import slugify

DEFAULT_BASE = "https://w3id.org/recgraph/id/"
BASE_ENV = "RECGRAPH_BASE"


# RFC 3987: iunreserved (ALPHA DIGIT - . _ ~ and ucschar), sub-delims, ":" and "@" may appear in a
# path segment as they are; everything else ("/", "?", "#", "%", spaces, private-use characters
# such as the U+E007 of PDF extractions) is percent-encoded as UTF-8.
_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@")
_UCSCHAR = (
    (0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF), (0x10000, 0x1FFFD), (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD), (0x40000, 0x4FFFD), (0x50000, 0x5FFFD), (0x60000, 0x6FFFD), (0x70000, 0x7FFFD),
    (0x80000, 0x8FFFD), (0x90000, 0x9FFFD), (0xA0000, 0xAFFFD), (0xB0000, 0xBFFFD), (0xC0000, 0xCFFFD),
    (0xD0000, 0xDFFFD), (0xE1000, 0xEFFFD),
)  # fmt: skip
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")


def _allowed(char: str) -> bool:
    if char in _SAFE_ASCII:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _UCSCHAR)


def encode_segment(text: str) -> str:
    """One path segment, percent-encoded only where an IRI forbids the character.

    >>> encode_segment("6(b)"), encode_segment("51& 52"), encode_segment("a/b%")
    ('6(b)', '51&%2052', 'a%2Fb%25')

    Raises
    ------
    IRIError : the text is empty (an empty segment would make two IRIs collide).
    """
    text = unicodedata.normalize("NFC", text)
    if not text:
        raise IRIError("cannot mint an IRI segment from an empty string")
    if text in (".", ".."):  # dot segments would be removed by IRI resolution
        return text.replace(".", "%2E")
    return "".join(char if _allowed(char) else "".join(f"%{b:02X}" for b in char.encode()) for char in text)


def decode_segment(segment: str) -> str:
    """The text :func:`encode_segment` encoded."""
    from urllib.parse import unquote

    return unquote(segment, encoding="utf-8", errors="strict")


def resolve_base(base: str | None = None) -> str:
    """The data base IRI: ``base``, else ``$RECGRAPH_BASE``, else :data:`DEFAULT_BASE`.

    A base that does not end in ``/``, ``#`` or ``:`` gets a ``/``.

    >>> resolve_base("http://example.org/data")
    'http://example.org/data/'

    Raises
    ------
    IRIError : the base is not an absolute IRI (e.g. has no scheme, or contains spaces).
    """
    value = base or os.environ.get(BASE_ENV) or DEFAULT_BASE
    if not _SCHEME.match(value):
        source = "--base" if base else (BASE_ENV if os.environ.get(BASE_ENV) else "default")
        raise IRIError(
            f"base IRI {value!r} (from {source}) is not an absolute IRI; give one like 'https://example.org/recgraph/'"
        )
    return value if value.endswith(("/", "#", ":")) else value + "/"


def paper_slug(file: str) -> str:
    """The slug naming a paper in IRIs: the slug of its file name without folder and suffix.

    >>> paper_slug("data/papers/000_e465e3dd12847c8c.txt")
    '000-e465e3dd12847c8c'
    """
    return slugify(Path(file).stem)


@dataclass(frozen=True)
class Minter:
    """Mints every data IRI under one base.

    >>> Minter("http://example.org/").span("p", 3, 5)
    'http://example.org/span/p/3-5'
    """

    base: str | None = None  # None: $RECGRAPH_BASE, else DEFAULT_BASE

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", resolve_base(self.base))

    def _mint(self, kind: str, *segments: str) -> str:
        # The single function every data IRI goes through.
        return self.base + "/".join((kind, *map(encode_segment, segments)))

    def report(self, key: str) -> str:
        return self._mint("report", key)

    def recommendation(self, report_key: str, number: str) -> str:
        """The recommendation ``number`` (printed in any form) of a report."""
        return self._mint("report", report_key, "rec", canonical_number(number))

    def mention(self, slug: str, report_key: str, number: str, index: int) -> str:
        """The ``index``-th (1-based, in reading order) mention of one recommendation in one paper."""
        return self._mint("mention", slug, report_key, canonical_number(number), str(index))

    def topic_mention(self, slug: str, report_key: str, index: int, number: str | None = None) -> str:
        """The ``index``-th (1-based) mention by topic in one paper: as an event of the recommendation
        ``number`` it was resolved to, or (no number) as an unresolved mention."""
        if number is None:
            return self._mint("mention", slug, report_key, "topic", str(index))
        return self._mint("mention", slug, report_key, canonical_number(number), f"topic-{index}")

    def paper(self, slug: str) -> str:
        return self._mint("paper", slug)

    def update(self, slug: str, report_key: str, number: str) -> str:
        return self._mint("update", slug, report_key, number)

    def span(self, slug: str, first: int, last: int) -> str:
        return self._mint("span", slug, f"{first}-{last}")

    def cross_reference(self, slug: str, report_key: str, number: str, index: int) -> str:
        """The ``index``-th (1-based, in reading order) pointer from one recommendation in one paper."""
        return self._mint("xref", slug, report_key, number, str(index))

    def link(self, kind: str, *segments: str) -> str:
        """An enrichment link (``kind``: repeat, dependency, theme-tag, system-mention ...)."""
        return self._mint("link", kind, *segments)

    def owner(self, name: str) -> str:
        """An owner printed in a paper that matches no unit of owners.ttl."""
        return self._mint("owner", slugify(name))

    def programme(self, name: str) -> str:
        return self._mint("programme", slugify(name))

    def analyst(self, name: str) -> str:
        """An analyst (a prov:Agent): who corrected what was read, or decided on a suggested link."""
        return self._mint("analyst", slugify(name))

    def paper_graph(self, slug: str) -> str:
        """The named graph holding everything read from one paper."""
        return self._mint("graph", slug)

    def ontology_graph(self, name: str) -> str:
        """The named graph of one ontology file (recgraph, themes, statuses ...)."""
        return self._mint("graph", "ontology", name)

    def enrichment_graph(self, name: str) -> str:
        """The named graph of one kind of enrichment (links, themes ...), rebuilt as a whole."""
        return self._mint("graph", "enrichment", name)


def parse_iri(iri: str, base: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The kind and the decoded segments of an IRI minted under ``base``.

    Raises
    ------
    IRIError : the IRI is not under ``base``.
    """
    base = resolve_base(base)
    if not iri.startswith(base):
        raise IRIError(f"{iri!r} is not under the base {base!r}")
    kind, *segments = iri[len(base) :].split("/")
    return kind, tuple(decode_segment(segment) for segment in segments)
