"""Noticing a damaged build before it is queried: its database files against the build's record.

pyoxigraph keeps its data in RocksDB table files (``*.sst``), which are written once and never
changed (new writes make new files; compaction replaces files, it does not edit them). A build
records the name, size and SHA-256 of each table file in its manifest (``database_files``). Then:

- :func:`check_sizes` (on every open, a ``stat`` per file): a recorded table file that is shorter or
  longer than recorded, or missing while no newer file exists, is damage. Without it RocksDB only
  notices when a query reaches the file, with a traceback in the middle of the output.
- :func:`check_contents` (by ``recgraph validate``, one read of every file, about 1 s per GB): a
  recorded file whose bytes changed is damage. A garbled table file can send a query into a loop
  (seen: ``validate`` spinning for minutes), so validation checks the bytes first and fails fast.

A database written after its build (``recgraph serve --allow-updates``) has newer table files and
may have compacted recorded ones away; only the files it still holds under their recorded names
are checked then. :func:`damaged` turns RocksDB's own corruption errors into one clear line.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from recgraph.errors import StoreError

_TABLE_SUFFIX = ".sst"
_CHUNK = 1 << 20


def fingerprint(database: Path) -> dict[str, list]:
    """``{file name: [size, sha256]}`` of every table file of a closed database."""
    found = {}
    for entry in sorted(os.scandir(database), key=lambda e: e.name):
        if entry.name.endswith(_TABLE_SUFFIX):
            found[entry.name] = [entry.stat().st_size, _digest(Path(entry.path))]
    return found


def check_sizes(database: Path, recorded: dict | None) -> None:
    """Raise :class:`StoreError` naming the first table file that is missing or of the wrong size."""
    if not recorded:
        return
    present = _tables(database)
    written_since = any(name not in recorded for name in present)
    for name, (size, _) in sorted(recorded.items()):
        path = database / name
        if name not in present:
            if not written_since:
                raise _damage(path, "is missing")
            continue
        actual = present[name]
        if actual != size:
            raise _damage(path, f"is {actual} bytes long; the build wrote {size}")


def check_contents(database: Path, recorded: dict | None) -> None:
    """Like :func:`check_sizes`, and also read every recorded table file and compare its digest."""
    check_sizes(database, recorded)
    for name, (_, digest) in sorted((recorded or {}).items()):
        path = database / name
        if path.exists() and _digest(path) != digest:
            raise _damage(path, "has changed since the build wrote it (its SHA-256 differs)")


def damaged(err: BaseException, database: Path | None) -> StoreError:
    """The StoreError to raise for an error pyoxigraph gave while reading ``database``."""
    text = " ".join(str(err).split())
    named = next((word for word in text.split() if word.endswith(_TABLE_SUFFIX) or "/MANIFEST-" in word), None)
    where = named.rstrip(".,:") if named else str(database or "the store")
    return StoreError(f"{where}: the store's database is damaged ({text[:200]}); {_ADVICE}")


def _damage(path: Path, what: str) -> StoreError:
    return StoreError(f"{path}: the store's database file {what}: the build is damaged; {_ADVICE}")


_ADVICE = "restore another with `recgraph builds restore ID` (`recgraph builds` lists them) or run `recgraph build`"


def _tables(database: Path) -> dict[str, int]:
    try:
        return {e.name: e.stat().st_size for e in os.scandir(database) if e.name.endswith(_TABLE_SUFFIX)}
    except OSError as err:
        raise StoreError(f"cannot read the store's database {database}: {err.strerror or err}") from err


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as err:
        raise StoreError(f"{path}: cannot read the store's database file: {err.strerror or err}") from err
    return digest.hexdigest()
