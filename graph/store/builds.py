"""The build folders of a store: made, locked, swapped in atomically, pruned.

A store folder holds ``CURRENT`` (the name of the live build) and ``builds/<id>/``. A build is
written into a fresh folder and goes live when ``CURRENT`` is replaced by a rename, which is
atomic: a reader, or a build killed at any moment, sees either the old build or the new one. See
:mod:`recgraph.graph.store.database` for what a build holds.
"""

from __future__ import annotations

import os
import shutil
import time
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from recgraph.errors import StoreError

CURRENT = "CURRENT"
BUILDS = "builds"
MANIFEST = "manifest.json"


def discard(folder: Path, err: BaseException) -> None:
    """Remove a failed build's folder once its database is closed.

    pyoxigraph closes a database when the last reference goes; the failed frames in the
    traceback still hold one, so their locals are cleared first (the traceback itself is kept).
    """
    traceback.clear_frames(err.__traceback__)
    shutil.rmtree(folder, ignore_errors=True)


def new_build_folder(location: Path) -> tuple[str, Path]:
    build_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    folder = location / BUILDS / build_id
    try:
        folder.mkdir(parents=True)
    except OSError as err:
        raise StoreError(f"cannot create a build folder in {location}: {err}") from err
    return build_id, folder


def swap(location: Path, build_id: str) -> None:
    """Point CURRENT at the new build: write a temporary pointer, sync it, rename it over."""
    temporary = location / f"{CURRENT}.{os.getpid()}.tmp"
    with temporary.open("w", encoding="utf-8") as out:
        out.write(build_id + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, location / CURRENT)
    _sync_folder(location)


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open folders; the rename is still atomic there
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _live_names(location: Path) -> list[str]:
    pointer = location / CURRENT
    return [pointer.read_text(encoding="utf-8").strip()] if pointer.is_file() else []


def prune(location: Path) -> None:
    """Remove builds older than the live one and the one before it."""
    live = set(_live_names(location))
    builds = sorted((p for p in (location / BUILDS).iterdir() if p.is_dir()), key=lambda p: p.name)
    # Build names start with their time, so the last finished one that is not live is the previous.
    previous = [p.name for p in builds if (p / MANIFEST).is_file() and p.name not in live][-1:]
    for folder in builds:
        if folder.name not in live and folder.name not in previous:
            shutil.rmtree(folder, ignore_errors=True)


def remove_stale_builds(location: Path) -> None:
    """Remove half-written builds of killed or failed runs (called while holding the lock)."""
    builds = location / BUILDS
    if not builds.is_dir():
        return
    live = set(_live_names(location))
    for folder in builds.iterdir():
        if folder.is_dir() and folder.name not in live and not (folder / MANIFEST).is_file():
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def build_lock(location: Path) -> Iterator[None]:
    try:
        location.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot create the store folder {location}: {err}") from err
    if not location.is_dir():
        raise StoreError(f"{location} is not a folder")
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): builds are not guarded against each other
        yield
        return
    with (location / ".lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"another build is writing {location}; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
