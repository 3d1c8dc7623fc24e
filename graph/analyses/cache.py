"""The projected tables of one build, kept beside it so that later analyses read them back.

Projecting a large graph costs seconds of SPARQL; the tables it gives depend on nothing but the
build. A :class:`TableCache` keeps each table as a pickle in ``builds/<id>/analyses/`` of the
store folder, stamped with the build's *identity*: its id, its manifest, and the names, sizes and
modification times of its database files. A rebuild or ``recgraph build --update`` makes a new
build (a new folder, a new identity); a SPARQL update through ``recgraph serve --allow-updates``
rewrites the database files, so the identity changes and the tables are projected again. A table
whose stamp is not the identity of the build being read (a file copied from another build, or
written before an update) is ignored, as is one that cannot be read.

Only a store opened from its folder has a cache; an endpoint, or a store opened by the caller,
has none. The cache is as trusted as the store folder itself: whoever can write a build can
already change what the analyses say.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from pathlib import Path
from typing import TYPE_CHECKING

from recgraph.graph.store.builds import MANIFEST

if TYPE_CHECKING:
    import pandas

#: The cache's folder inside a build folder.
FOLDER = "analyses"
#: Raised when the projected tables change shape, so caches of older code are ignored.
FORMAT = "projection-1"
#: Files of the database that change without its data changing (RocksDB's own log, its lock).
_VOLATILE = ("LOG", "LOCK")
#: Why a cached table may fail to load; it is then projected again.
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError, ValueError)


def build_identity(build: Path, database: str = "oxigraph") -> str | None:
    """A digest that changes whenever the build's data may have changed (None: no such build).

    Parameters
    ----------
    build : a build folder (``<store>/builds/<id>``).
    database : the name of its database folder.
    """
    try:
        manifest = (build / MANIFEST).read_bytes()
        files = sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                       for entry in os.scandir(build / database) if not entry.name.startswith(_VOLATILE))
    except OSError:
        return None
    digest = hashlib.sha256(f"{FORMAT}\n{build.name}\n".encode("utf-8") + manifest + repr(files).encode("utf-8"))
    return digest.hexdigest()


class TableCache:
    """Tables of one build, read and written by key (see the module docstring).

    Parameters
    ----------
    folder : where the tables are kept.
    identity : the identity of the build they belong to.
    """

    def __init__(self, folder: Path, identity: str):
        self.folder = folder
        self.identity = identity

    def __repr__(self) -> str:
        return f"<TableCache {self.folder}>"

    @classmethod
    def for_build(cls, build: Path | None) -> TableCache | None:
        """The cache of a build folder, or None when there is no build (or its identity cannot be read)."""
        identity = build_identity(build) if build is not None else None
        return cls(build / FOLDER, identity) if identity else None

    def path(self, key: object) -> Path:
        """The file of a table's key (``("edges", "theme")`` -> ``edges-theme.pickle``)."""
        parts = key if isinstance(key, tuple) else (key,)
        return self.folder / (re.sub(r"[^A-Za-z0-9_.+-]", "_", "-".join(map(str, parts))) + ".pickle")

    def get(self, key: object) -> pandas.DataFrame | None:
        """The table kept under ``key`` for this build, or None."""
        try:
            with self.path(key).open("rb") as handle:
                identity, stored_key, table = pickle.load(handle)
        except _UNREADABLE:
            return None
        return table if identity == self.identity and stored_key == key else None

    def put(self, key: object, table: pandas.DataFrame) -> None:
        """Keep ``table`` under ``key``; where the build folder cannot be written, nothing is kept."""
        path = self.path(key)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(exist_ok=True)
            with temporary.open("wb") as handle:
                pickle.dump((self.identity, key, table), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)  # a reader sees the whole table or none
        except OSError:  # a read-only store folder, a full disk: the table is projected next time too
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
