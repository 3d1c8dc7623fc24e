"""Where recgraph finds its data by default, where it writes, and how it names files in the graph.

The working data folder is the ``RECGRAPH_DATA`` environment variable, else ``./data`` in the
working directory. It is where recgraph writes the user's data (``overrides.csv`` from
``recgraph corrections import``): never inside the installed package, which may be read-only
and is replaced on every upgrade.

Papers are read, by default, from the working data folder's ``papers/``; when there is none (a
fresh ``pip install`` run in an empty folder) the seed papers that ship inside the package are
read instead, so that every command has something to show. Corrections made to those papers are
still written to, and read from, the working data folder.

Paths that end up in the graph (a reader's warnings name the file and line) are written relative
to the paper's data folder (:func:`graph_text`, :func:`data_relative`), so that building the same
papers from two folders gives the same graph and nothing local is published. Messages to the
user name files as given.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

PAPERS_FOLDER = "papers"
DATA_ENV = "RECGRAPH_DATA"
#: The files of a data folder beside ``papers/`` (spelled here so this module imports nothing).
_CATALOGUE = "catalogue.toml"
_OVERRIDES = "overrides.csv"


def packaged_data_dir() -> Path:
    """The data folder shipped inside the package (the seed papers, their catalogue and fixes)."""
    from importlib.resources import files

    return Path(str(files("recgraph.data")))


def working_data_dir() -> Path:
    """Where the user's data lives and recgraph writes it: ``$RECGRAPH_DATA``, else ``./data``."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    return Path.cwd() / "data"


def default_data_dir() -> Path:
    """The data folder whose papers are read by default.

    The working data folder when it holds a ``papers/`` folder (or was named by ``$RECGRAPH_DATA``),
    else the package's own data (read-only: see :func:`writable_data_dir`).
    """
    working = working_data_dir()
    if os.environ.get(DATA_ENV) or (working / PAPERS_FOLDER).is_dir():
        return working
    return packaged_data_dir()


def writable_data_dir(data_dir: Path | None = None) -> Path:
    """The folder to write the user's data into: ``data_dir``, else the working data folder.

    Never the package's folder: given that one explicitly, the working data folder is used.
    """
    if data_dir is None or is_packaged(data_dir):
        return working_data_dir()
    return Path(data_dir)


def papers_dir(data_dir: Path | None = None) -> Path:
    """The papers of ``data_dir`` (default: :func:`default_data_dir`).

    A folder without ``papers/`` that is the working data folder falls back to the packaged papers.
    """
    folder = (data_dir or default_data_dir()) / PAPERS_FOLDER
    if not folder.is_dir() and data_dir is not None and _same(data_dir, working_data_dir()) \
            and not os.environ.get(DATA_ENV):
        return packaged_data_dir() / PAPERS_FOLDER
    return folder


def is_packaged(path: Path) -> bool:
    """Whether ``path`` is the package's data folder or inside it."""
    try:
        return Path(path).resolve().is_relative_to(packaged_data_dir().resolve())
    except OSError:
        return False


def overrides_for(folder: Path) -> Path:
    """The corrections file for the papers of data folder ``folder``.

    ``folder/overrides.csv``; for the packaged data folder, the working data folder's file once
    the user has imported corrections there (it then holds the packaged ones too).
    """
    if is_packaged(folder):
        working = working_data_dir() / _OVERRIDES
        if working.is_file():
            return working
    return Path(folder) / _OVERRIDES


def paper_data_dir(paper: Path) -> Path:
    """The data folder a paper belongs to: the folder of its catalogue (its own folder or the one
    above), else the folder above ``papers/`` when the paper is in one, else its own folder."""
    paper = Path(os.path.abspath(paper))
    for folder in (paper.parent, paper.parent.parent):
        if (folder / _CATALOGUE).is_file():
            return folder
    return paper.parent.parent if paper.parent.name == PAPERS_FOLDER else paper.parent


def data_relative(path: str | Path, data_dir: Path | None = None) -> str:
    """``path`` relative to its data folder (``data_dir``, else :func:`paper_data_dir`), with ``/``.

    The name a paper is known by wherever text about it ends up in the graph: the same for the
    same papers read from any folder, and no local path made public.

    >>> data_relative("/home/ann/project/data/papers/x.txt", Path("/home/ann/project/data"))
    'papers/x.txt'
    >>> data_relative("/elsewhere/x.txt", Path("/home/ann/project/data"))
    'x.txt'
    """
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(data_dir)) if data_dir is not None else paper_data_dir(absolute)
    if absolute.is_relative_to(base):
        return absolute.relative_to(base).as_posix()
    return absolute.name


def graph_text(text: str, paper: str | Path) -> str:
    """``text`` about ``paper`` (a reader's warning) with local paths made relative to its data folder.

    The paper's path, as given or absolute, becomes :func:`data_relative`'s name for it, and any
    other path under its data folder (the corrections file) loses the folder.

    >>> graph_text("/home/ann/data/papers/x.txt:4: row cut", "/home/ann/data/papers/x.txt")
    'papers/x.txt:4: row cut'
    """
    data = paper_data_dir(Path(paper))
    shown = data_relative(paper, data)
    for given in sorted({os.path.abspath(paper), str(paper)}, key=len, reverse=True):
        text = re.sub(rf"(?<![\w/.-]){re.escape(given)}", lambda _: shown, text)
    return text.replace(str(data) + os.sep, "")


def _same(a: Path, b: Path) -> bool:
    return Path(os.path.abspath(a)) == Path(os.path.abspath(b))
