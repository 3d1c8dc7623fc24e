"""Loading a paper's text safely, and the small text tools every reader shares.

:func:`load_document` turns a file into a :class:`Document` (numbered lines, the encoding used,
warnings) or raises :class:`~recgraph.errors.ReadError` naming the file. :class:`Coverage` records
which lines the records and the recognised boilerplate use, so that whatever is left is reported
as leftovers instead of being silently dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from recgraph.errors import ReadError
from recgraph.graph.model import Leftover, Provenance

#: Papers are a few hundred kilobytes; anything far larger is almost certainly not a paper.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Document:
    """The text of one paper as numbered lines (``lines[0]`` is line 1)."""

    name: str
    path: Path | None
    lines: list[str]
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> "Document":
        return cls(name=name, path=None, lines=text.splitlines())

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def span(self, first: int, last: int) -> str:
        return "\n".join(self.lines[first - 1 : last])

    def provenance(self, first: int, last: int, text: str | None = None) -> Provenance:
        """Provenance of lines first..last (inclusive); ``text`` defaults to those lines verbatim."""
        return Provenance(self.name, first, last, self.span(first, last) if text is None else text)


def load_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a paper from disk, refusing what is not a text paper with a message naming the file.

    Parameters
    ----------
    path : the file to read.
    max_bytes : refuse larger files (a guard against reading a wrong file into memory).

    Raises
    ------
    ReadError : the file is missing, a folder, empty, too large, binary or not decodable.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise ReadError("no such file", name)
    if path.is_dir():
        raise ReadError("is a folder, not a paper", name)
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(
            f"is {size / 1048576:.1f} MB; papers are expected under {max_bytes / 1048576:.0f} MB "
            "(raise the limit with --max-size if this really is one paper)",
            name,
        )
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("is empty: there is nothing to read", name)
    if _looks_binary(data):
        raise ReadError("looks binary (not text): convert it to plain text first", name, _first_binary_line(data))
    text, encoding, warnings = _decode(data, name)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return Document(name=name, path=path, lines=text.split("\n"), encoding=encoding, warnings=warnings)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _first_binary_line(data: bytes) -> int:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if b"\x00" in raw or any(b < 32 and b not in (9, 12, 13) for b in raw):
            return number
    return 1


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise ReadError("is neither UTF-8 nor Windows-1252 text", name, line) from err
    return text, "cp1252", [f"{name}:{line}: not UTF-8; decoded as Windows-1252 (cp1252)"]


class Coverage:
    """Which lines of a document the records and the recognised boilerplate account for."""

    def __init__(self, document: Document):
        self.document = document
        self._used = [False] * (len(document.lines) + 1)

    def claim(self, first: int, last: int | None = None) -> None:
        """Mark lines first..last (inclusive) as used by a record or as known boilerplate."""
        for number in range(first, (last or first) + 1):
            self._used[number] = True

    def is_claimed(self, number: int) -> bool:
        return self._used[number]

    def leftovers(self) -> list[Leftover]:
        """Runs of non-blank lines nothing claimed, in document order."""
        runs: list[Leftover] = []
        start = None
        for number in range(1, len(self.document.lines) + 2):
            free = number <= len(self.document.lines) and not self._used[number] and self.document.line(number).strip()
            if free and start is None:
                start = number
            elif not free and start is not None:
                last = number - 1
                while not self.document.line(last).strip():
                    last -= 1
                runs.append(Leftover(self.document.name, start, last, self.document.span(start, last)))
                start = None
        return runs


_TAG = re.compile(r"<[^>]+>")
# Inline tags vanish without a trace ("<i>(para.</i>" keeps "(para."); block tags separate words.
_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|span|u|a)(?:\s[^>]*)?>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def clean(fragment: str | None) -> str:
    """A cell or paragraph as plain text: HTML tags removed, entities decoded, whitespace collapsed.

    >>> clean("<p>Action complete</p> <p>To note.</p>")
    'Action complete To note.'
    >>> clean("<i>(para.</i> <i>3.4)</i>")
    '(para. 3.4)'
    """
    if not fragment:
        return ""
    text = html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", fragment)))
    text = _TAG.sub(" ", _INLINE_TAG.sub("", text))  # entities such as &lt;sup&gt; decode to tags
    return _SPACE.sub(" ", text).strip()


def slugify(text: str) -> str:
    """A readable, stable IRI segment: lower case ASCII words joined by hyphens.

    >>> slugify("HMIC Inspection - Open all Hours 2001")
    'hmic-inspection-open-all-hours-2001'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "untitled"
