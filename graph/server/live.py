"""Following a store folder's live build: a new build is served within a second of going live.

``recgraph build`` writes a new build and points ``CURRENT`` at it (see
:mod:`recgraph.graph.store.builds`). The server watches that pointer: a thread reads it every
:data:`POLL_SECONDS`; when it names another build, the new build's database is opened and becomes
the one requests get. A request keeps the store it started with, so none fails at the switch; the
old database is closed when the last request holding it ends (pyoxigraph closes a database with
its last reference), which releases its files for the build that prunes them. A pointer naming a
build that cannot be opened is logged and the current build stays in service; the next look tries
again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from recgraph.errors import StoreError
from recgraph.graph.store.database import current_build

log = logging.getLogger(__name__)

#: Seconds between two reads of ``CURRENT``: a new build is served within about this long.
POLL_SECONDS = 0.25
#: The database folder inside a build (the layout of recgraph.graph.store.database).
DATABASE = "oxigraph"


class LiveStore:
    """The live build of the store folder ``location``, kept open and followed as builds go live.

    Parameters
    ----------
    location : path
        A store folder (it has ``CURRENT`` and ``builds/``).
    writable : bool
        Open each build for writing (a server that allows updates), else read-only.
    on_switch : callable, optional
        Called with the new database's path after each switch (e.g. to retire query workers).

    Raises
    ------
    StoreError
        When the live build cannot be opened at start.
    """

    def __init__(self, location: str | Path, *, writable: bool = False,
                 on_switch: Callable[[str], None] | None = None, poll: float = POLL_SECONDS):
        self.location = Path(location)
        self.writable = writable
        self._on_switch = on_switch
        self._poll = poll
        self._lock = threading.Lock()
        self.build, self.database, self.store = self._open()
        self.generation = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._follow, daemon=True, name="recgraph-store-follower")
        self._thread.start()

    def _open(self) -> tuple[str, str, pyoxigraph.Store]:
        folder = current_build(self.location)
        database = str(folder / DATABASE)
        try:
            store = pyoxigraph.Store(database) if self.writable else pyoxigraph.Store.read_only(database)
        except OSError as err:
            raise StoreError(f"cannot open the store {database}: {err}") from err
        return folder.name, database, store

    def check(self) -> bool:
        """Look at ``CURRENT`` once; switch to the build it names if it changed. True on a switch."""
        try:
            name = current_build(self.location).name
        except StoreError as err:
            log.warning("keeping build %s: %s", self.build, err)
            return False
        if name == self.build:
            return False
        try:
            build, database, store = self._open()
        except StoreError as err:
            log.warning("keeping build %s: %s", self.build, err)
            return False
        with self._lock:
            self.build, self.database, self.store = build, database, store
            self.generation += 1
        del store  # only this object holds the new database; the old one goes with its last request
        log.info("now serving build %s", build)
        if self._on_switch is not None:
            self._on_switch(database)
        return True

    def _follow(self) -> None:
        while not self._stop.wait(self._poll):
            try:
                self.check()
            except Exception:  # noqa: BLE001 - the follower must outlive any one bad look
                log.exception("following %s failed once; trying again", self.location)

    def close(self) -> None:
        """Stop following (the open database is closed when the last reference to it goes)."""
        self._stop.set()
        self._thread.join(5 * self._poll + 1)
