"""Where recgraph finds its data by default, and where it keeps what it builds.

The data folder is, in order: the ``RECGRAPH_DATA`` environment variable; ``./data`` when the
working directory holds a ``data/papers`` folder (a checkout of recgraph, or a user's project laid
out the same way); otherwise the papers that ship inside the package.
"""

from __future__ import annotations

import os
from pathlib import Path

PAPERS_FOLDER = "papers"


def packaged_data_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("recgraph.data")))


def default_data_dir() -> Path:
    if os.environ.get("RECGRAPH_DATA"):
        return Path(os.environ["RECGRAPH_DATA"])
    local = Path.cwd() / "data"
    if (local / PAPERS_FOLDER).is_dir():
        return local
    return packaged_data_dir()


def papers_dir(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / PAPERS_FOLDER
