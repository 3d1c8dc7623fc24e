"""Loading a paper's text safely, and the small text tools every reader shares.

:func:`load_document` turns a file into a :class:`Document` (numbered lines, the encoding used,
warnings) or raises :class:`~recgraph.errors.ReadError` naming the file. :class:`Coverage` records
which lines the records and the recognised boilerplate use, so that whatever is left is reported
as leftovers instead of being silently dropped.
"""

from __future__ import annotations

import errno
import html
import os
import re
import stat
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

    Control characters other than tab and newline are removed, with a warning naming the lines
    (form feeds, the page breaks of exported text, quietly): they are not text, and XML and XLSX
    cannot hold them.

    Parameters
    ----------
    path : the file to read.
    max_bytes : refuse larger files (a guard against reading a wrong file into memory).

    Raises
    ------
    ReadError : the file is missing, a folder, a broken or looping link, not a regular file (a FIFO,
        a device), unreadable (any OSError), empty, too large, binary or not decodable.
    """
    path = Path(path)
    name = str(path)
    data = _read_bytes(path, name, max_bytes)
    if not data.strip():
        raise ReadError("is empty: there is nothing to read", name)
    if _looks_binary(data):
        raise ReadError("looks binary (not text): convert it to plain text first", name, _first_binary_line(data))
    text, encoding, warnings = _decode(data, name)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines, removed = _without_controls(text.split("\n"))
    if removed:
        warnings.append(_controls_warning(name, removed))
    return Document(name=name, path=path, lines=lines, encoding=encoding, warnings=warnings)


_SPECIAL_FILES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    # Only regular files are opened, and never blocking: a FIFO or a device would hang the read or
    # never end (/dev/zero). The size is checked before reading and again while reading, for files
    # that grow or report no size (/proc).
    try:
        status = os.stat(path)
    except FileNotFoundError as err:
        if path.is_symlink():
            raise ReadError(f"is a broken link (to {os.readlink(path)}, which does not exist)", name) from err
        raise ReadError("no such file", name) from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ReadError("is a link that loops back on itself (it never reaches a file)", name) from err
        raise ReadError(f"cannot be read ({err.strerror or err})", name) from err
    _check_kind(status.st_mode, name)
    _check_size(status.st_size, max_bytes, name)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            _check_kind(os.fstat(stream.fileno()).st_mode, name)  # swapped since the stat above
            data = stream.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(f"cannot be read ({err.strerror or err})", name) from err
    _check_size(len(data), max_bytes, name)
    return data


def _check_kind(mode: int, name: str) -> None:
    if stat.S_ISDIR(mode):
        raise ReadError("is a folder, not a paper", name)
    if not stat.S_ISREG(mode):
        what = _SPECIAL_FILES.get(stat.S_IFMT(mode), "not a regular file")
        raise ReadError(f"is {what}, not a paper: only regular files are read", name)


def _check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise ReadError(
            f"is {size / 1048576:.1f} MB; papers are expected under {max_bytes / 1048576:.0f} MB "
            "(raise the limit with --max-size if this really is one paper)",
            name,
        )


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


# C0 and C1 control characters but tab and newline, DEL, and the non-characters U+FFFE and U+FFFF:
# not text, and XML 1.0 (RDF/XML, SPARQL XML results, XLSX) cannot hold the C0 ones at all.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# A form feed is the page break of text exported from PDF or Word and carries no text (removed without
# a warning); a vertical tab is Word's manual line break, so it becomes a space between the words.
_REPLACED_BY = {"\f": "", "\v": " "}
#: How many line numbers a warning about removed characters lists before "and N more".
_LINES_SHOWN = 5


def _without_controls(lines: list[str]) -> tuple[list[str], dict[int, set[str]]]:
    """The lines with control characters removed, and which were removed from which line."""
    removed: dict[int, set[str]] = {}
    cleaned = list(lines)
    for index, line in enumerate(lines):
        if not _CONTROLS.search(line):
            continue
        found = {char for char in _CONTROLS.findall(line) if char != "\f"}
        if found:
            removed[index + 1] = found
        cleaned[index] = _CONTROLS.sub(lambda match: _REPLACED_BY.get(match[0], ""), line)
    return cleaned, removed


def _controls_warning(name: str, removed: dict[int, set[str]]) -> str:
    numbers = sorted(removed)
    shown = ", ".join(map(str, numbers[:_LINES_SHOWN]))
    if len(numbers) > _LINES_SHOWN:
        shown += f" and {len(numbers) - _LINES_SHOWN} more"
    kinds = ", ".join(f"U+{ord(char):04X}" for char in sorted(set().union(*removed.values())))
    return (
        f"{name}:{numbers[0]}: removed control characters ({kinds}) from line(s) {shown}: they are not "
        "text, and XML and XLSX output cannot hold them"
    )


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


# A tag never holds "<": "[^<>]" keeps matching linear in the line's length ("[^>]" rescanned the rest
# of the line from every "<" of a line without ">", quadratic: 80 KB of "<p" took 16 s).
_TAG = re.compile(r"<[^<>]+>")
# Inline tags vanish without a trace ("<i>(para.</i>" keeps "(para."); block tags separate words.
_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|span|u|a)(?:\s[^<>]*)?>", re.IGNORECASE)
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
