"""The build folders of a store: made, locked, swapped in atomically, listed, restored, pruned.

A store folder holds ``CURRENT`` (the name of the live build) and ``builds/<id>/``. A build is
written into a fresh folder and goes live when ``CURRENT`` is replaced by a rename, which is
atomic: a reader, or a build killed at any moment, sees either the old build or the new one. See
:mod:`recgraph.graph.store.database` for what a build holds.

Other parts of recgraph (the server) ask two questions of a store folder, and only through
:func:`build_running` and :func:`live_build`; they never read ``CURRENT`` or ``.lock`` themselves.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from recgraph.errors import StoreError

CURRENT = "CURRENT"
BUILDS = "builds"
MANIFEST = "manifest.json"
LOCK = ".lock"
DATABASE = "oxigraph"
#: Builds kept by default: the live one and the two made before it (``RECGRAPH_KEEP_BUILDS``, ``--keep``).
#: Each kept build costs its database's size on disk; three lets a user step back twice.
DEFAULT_KEEP = 3
KEEP_ENV = "RECGRAPH_KEEP_BUILDS"
#: What a build's name may look like (``20261207T125705-32391-31887e``): CURRENT holding anything
#: else is garbled, and a name with a slash or ``..`` could point outside the store.
_BUILD_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
#: A lock held by another process for less than this is taken to be a probe, not a build.
_LOCK_PATIENCE = 0.5


def build_running(location: str | Path) -> bool:
    """Whether a build (or a restore) is writing the store folder right now.

    For the server: while this is True, refuse writes (SPARQL Update, Graph Store Protocol),
    because the build copies the graphs that no build makes (those written through the endpoint)
    out of the live build, and a write made after its copy would be lost when it goes live.
    The probe takes a shared lock on ``<location>/.lock`` for an instant and never blocks; a build
    that dies (even by SIGKILL) releases its lock with its process, so the answer is never stuck.

    Parameters
    ----------
    location : the store folder.

    Returns
    -------
    bool : False also when there is no store there, or no advisory locks (Windows).
    """
    try:
        import fcntl
    except ImportError:
        return False
    try:
        handle = (Path(location) / LOCK).open("rb")
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def live_build(location: str | Path) -> str:
    """The id of the live build: the name of its folder ``<location>/builds/<id>/``.

    For the server: its database is ``<location>/builds/<id>/oxigraph`` (:func:`database_path`).
    A new build or a restore changes the answer; poll it (it reads one small file) to follow the
    store. The build it names is kept on disk at least until the next build goes live (older
    builds are pruned, see :func:`prune`), so a server may finish its requests on it.

    Raises
    ------
    StoreError : there is no store, or CURRENT is empty, garbled or names a missing build.
    """
    location = Path(location)
    name = _read_pointer(location)
    if not (database_path(location, name)).is_dir():
        raise StoreError(
            f"{location / CURRENT} names build {name!r}, which is missing; "
            f"{_how_to_recover(location)}"
        )
    return name


def database_path(location: str | Path, build_id: str) -> Path:
    """The pyoxigraph database folder of one build."""
    return Path(location) / BUILDS / build_id / DATABASE


def _read_pointer(location: Path, explain: bool = True) -> str:
    """The build CURRENT names; ``explain``: the error says how to recover (lists the builds)."""
    pointer = location / CURRENT
    try:
        data = pointer.read_bytes()
    except FileNotFoundError:
        from recgraph.graph.store.database import STORE_ENV

        hint = " (it holds no CURRENT: is it a recgraph store?)" if location.is_dir() and any(location.iterdir()) else ""
        raise StoreError(
            f"no recgraph store at {location}{hint}: run `recgraph build` first, or point --store / {STORE_ENV} at one"
        ) from None
    except OSError as err:
        raise StoreError(f"cannot read {pointer}: {err.strerror or err}") from err
    try:
        name = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        name = None
    if not name:
        what = "is empty" if not data.strip() else "is garbled (not text)"
        raise StoreError(f"{pointer} {what}: it should name the live build; {_how_to_recover(location, explain)}")
    if not _BUILD_NAME.fullmatch(name):
        raise StoreError(f"{pointer} is garbled: {name[:40]!r} is not a build name; {_how_to_recover(location, explain)}")
    return name


def _how_to_recover(location: Path, explain: bool = True) -> str:
    if not explain:
        return "see `recgraph builds`"
    finished = [info.id for info in list_builds(location) if info.finished]
    if finished:
        return f"`recgraph builds` lists the kept builds and `recgraph builds restore {finished[-1]}` makes one live"
    return "no finished build is kept: run `recgraph build` again"


@dataclass
class BuildInfo:
    """One kept build, as ``recgraph builds`` lists it (from its manifest).

    ``validation`` is "conforms", "N violations", "not validated" or "unknown" (a build made
    before builds recorded it); ``problem`` says why a folder is not a usable build, if it is not.
    """

    id: str
    built_at: str = ""
    papers: int = 0
    recommendations: int = 0
    quads: int = 0
    live: bool = False
    validation: str = "unknown"
    kept_papers: int = 0
    finished: bool = True
    problem: str = ""


def list_builds(location: str | Path) -> list[BuildInfo]:
    """Every build folder of a store, oldest first; unfinished or damaged ones say so in ``problem``."""
    location = Path(location)
    folder = location / BUILDS
    try:
        names = sorted(entry.name for entry in folder.iterdir() if entry.is_dir())
    except FileNotFoundError:
        return []
    except OSError as err:
        raise StoreError(f"cannot list {folder}: {err.strerror or err}") from err
    try:
        live = _read_pointer(location, explain=False) if (location / CURRENT).exists() else None
    except StoreError:
        live = None
    running = build_running(location)
    return [_info(folder / name, name == live, running) for name in names]


def _info(folder: Path, live: bool, running: bool) -> BuildInfo:
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        problem = "being written" if running else "unfinished (removed by the next build)"
        return BuildInfo(folder.name, live=live, finished=False, problem=problem)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        papers = manifest.get("papers", [])
        info = BuildInfo(
            folder.name,
            built_at=str(manifest.get("built_at", "")),
            papers=len(papers),
            recommendations=sum(int(p.get("recommendations", 0)) for p in papers),
            quads=int(manifest.get("quads", 0)),
            live=live,
            validation=_validation_text(manifest.get("validation")),
            kept_papers=len(manifest.get("kept", [])),
        )
    except (OSError, ValueError, TypeError, AttributeError) as err:
        return BuildInfo(folder.name, live=live, finished=False, problem=f"unreadable manifest ({err})")
    if not (folder / DATABASE).is_dir():
        info.finished, info.problem = False, "its database is missing"
    return info


def _validation_text(validation: object) -> str:
    if not isinstance(validation, dict):
        return "unknown"
    if validation.get("conforms") is None:
        return "not validated"
    if validation["conforms"]:
        return "conforms"
    return f"{validation.get('violations', '?')} violations"


def restore_build(location: str | Path, build_id: str) -> BuildInfo:
    """Make a kept build live again, atomically (CURRENT is replaced by a rename).

    The build becomes live as it was made: graphs written through the endpoint into a later build
    stay in that build (which is kept, and can be restored in turn).

    Raises
    ------
    StoreError : no such finished build, or another build is writing the store.
    """
    location = Path(location)
    with build_lock(location):
        chosen = next((info for info in list_builds(location) if info.id == build_id), None)
        if chosen is None or not chosen.finished:
            why = "no such build" if chosen is None else chosen.problem
            raise StoreError(f"cannot restore build {build_id!r} of {location}: {why}; `recgraph builds` lists them")
        swap(location, build_id)
        chosen.live = True
        return chosen


def discard(folder: Path, err: BaseException) -> None:
    """Remove a failed build's folder once its database is closed.

    pyoxigraph closes a database when the last reference goes; the failed frames in the
    traceback still hold one, so their locals are cleared first (the traceback itself is kept).
    """
    traceback.clear_frames(err.__traceback__)
    shutil.rmtree(folder, ignore_errors=True)


def new_build_folder(location: Path) -> tuple[str, Path]:
    # the time to the microsecond first, so that names sort in the order the builds were made
    now = time.time()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(now)) + f".{int(now % 1 * 1e6):06d}"
    build_id = f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    folder = location / BUILDS / build_id
    try:
        folder.mkdir(parents=True)
    except OSError as err:
        raise StoreError(f"cannot create a build folder in {location}: {err.strerror or err}") from err
    return build_id, folder


def swap(location: Path, build_id: str) -> None:
    """Point CURRENT at a build: write a temporary pointer, sync it, rename it over."""
    temporary = location / f"{CURRENT}.{os.getpid()}.tmp"
    try:
        with temporary.open("w", encoding="utf-8") as out:
            out.write(build_id + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, location / CURRENT)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise StoreError(f"cannot write {location / CURRENT}: {err.strerror or err}; the previous build stays live") from err
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
    try:
        return [_read_pointer(location, explain=False)]
    except StoreError:
        return []


def keep_count(asked: int | None = None) -> int:
    """How many finished builds to keep: ``asked``, else ``$RECGRAPH_KEEP_BUILDS``, else :data:`DEFAULT_KEEP`.

    Raises
    ------
    StoreError : the number is not a whole number >= 1.
    """
    source = "--keep"
    if asked is None:
        text = os.environ.get(KEEP_ENV)
        if not text:
            return DEFAULT_KEEP
        source = f"${KEEP_ENV}"
        try:
            asked = int(text)
        except ValueError:
            raise StoreError(f"{source}={text!r} is not a whole number") from None
    if asked < 1:
        raise StoreError(f"{source} must be at least 1 (the live build), not {asked}")
    return asked


def prune(location: Path, keep: int = DEFAULT_KEEP) -> None:
    """Keep the live build and the ``keep - 1`` most recent other finished builds; remove the rest."""
    live = set(_live_names(location))
    builds = sorted((p for p in (location / BUILDS).iterdir() if p.is_dir()), key=lambda p: p.name)
    # Build names start with their time, so the last finished ones are the most recent.
    others = [p.name for p in builds if (p / MANIFEST).is_file() and p.name not in live]
    kept = set(others[len(others) - (keep - 1):]) if keep > 1 else set()
    for folder in builds:
        if folder.name not in live and folder.name not in kept and (folder / MANIFEST).is_file():
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


#: What recgraph itself puts in a store folder; a folder holding other things is not a store.
_STORE_ENTRIES = frozenset({CURRENT, BUILDS, LOCK, "views"})


def check_store_folder(location: Path) -> None:
    """Refuse to build into a folder that holds files but is not a recgraph store (e.g. ``--store ~``).

    Raises
    ------
    StoreError : the folder exists, is not empty, and has neither ``CURRENT`` nor ``builds/``.
    """
    try:
        entries = {entry.name for entry in location.iterdir()} if location.is_dir() else set()
    except OSError as err:
        raise StoreError(f"cannot read the store folder {location}: {err.strerror or err}") from err
    if entries - _STORE_ENTRIES and not entries & {CURRENT, BUILDS, LOCK}:
        shown = ", ".join(sorted(entries)[:3])
        raise StoreError(
            f"{location} is not a recgraph store (it holds {shown}{' ...' if len(entries) > 3 else ''} and no CURRENT); "
            "give --store an empty or new folder"
        )


@contextmanager
def build_lock(location: Path) -> Iterator[None]:
    """Hold the store's lock while writing it; refuse when another build holds it."""
    check_store_folder(location)
    try:
        location.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot create the store folder {location}: {err.strerror or err}") from err
    if not location.is_dir():
        raise StoreError(f"{location} is not a folder")
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): builds are not guarded against each other
        yield
        return
    try:
        handle = (location / LOCK).open("a+")
    except OSError as err:
        raise StoreError(f"cannot open {location / LOCK}: {err.strerror or err}") from err
    with handle:
        deadline = time.monotonic() + _LOCK_PATIENCE
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                # build_running() holds a shared lock for an instant: wait that out, not a build
                if time.monotonic() > deadline:
                    raise StoreError(f"another build is writing {location}; wait for it to finish") from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
