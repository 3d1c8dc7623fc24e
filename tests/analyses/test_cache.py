"""The projected tables kept beside a build: read back by later analyses of that build only."""

from __future__ import annotations

import shutil

import pandas
import pyoxigraph as ox

from recgraph.graph.analyses import Projection, owner_load, recommendation_graph
from recgraph.graph.analyses.cache import FOLDER, TableCache, build_identity
from recgraph.graph.store.database import build_store, current_build

from .conftest import TINY, make_store

RENAMED = TINY.replace('"HR Directorate"', '"People Directorate"')


def build(location, turtle: str = TINY):
    """Build a store folder holding ``turtle``; return the live build's folder."""
    quads = ox.serialize(make_store(turtle, with_filler=False), format=ox.RdfFormat.N_QUADS).decode("utf-8")
    build_store([], location, extra_nquads=quads.splitlines(keepends=True))
    return current_build(location)


def owners(source) -> list[str]:
    return owner_load(source)["owner"].tolist()


def refuse_queries(projection: Projection) -> Projection:
    def select(sparql, typed=True):
        raise AssertionError(f"asked the store: {sparql}")

    projection.source.select = select
    return projection


def test_a_later_analysis_of_the_build_reads_the_kept_tables(tmp_path):
    folder = build(tmp_path / "store")
    first = owners(tmp_path / "store")
    assert "HR Directorate" in first and any((folder / FOLDER).glob("*.pickle"))
    assert owners(refuse_queries(Projection(tmp_path / "store"))) == first


def test_a_rebuild_projects_its_own_tables(tmp_path):
    location = tmp_path / "store"
    build(location)
    assert "HR Directorate" in owners(location)
    build(location, RENAMED)
    renamed = owners(location)
    assert "People Directorate" in renamed and "HR Directorate" not in renamed


def test_tables_copied_from_another_build_are_ignored(tmp_path):
    one, other = build(tmp_path / "one"), build(tmp_path / "other", RENAMED)
    owners(tmp_path / "one")
    shutil.copytree(one / FOLDER, other / FOLDER)
    assert "People Directorate" in owners(tmp_path / "other")


def test_a_change_to_the_database_changes_the_identity(tmp_path):
    folder = build(tmp_path / "store")
    before = build_identity(folder)
    store = ox.Store(str(folder / "oxigraph"))  # as `recgraph serve --allow-updates` opens it
    store.update('INSERT DATA { <http://e/x> <http://e/p> "y" }')
    store.flush()
    del store
    assert build_identity(folder) not in (None, before)


def test_unreadable_or_unwritable_tables_are_projected_again(tmp_path):
    folder = build(tmp_path / "store")
    (folder / FOLDER).write_text("not a folder")  # nothing can be kept
    assert "HR Directorate" in owners(tmp_path / "store")
    (folder / FOLDER).unlink()
    owners(tmp_path / "store")
    for table in (folder / FOLDER).glob("*.pickle"):
        table.write_bytes(b"garbage")
    assert "HR Directorate" in owners(tmp_path / "store")


def test_an_endpoint_or_an_open_store_keeps_nothing(tmp_path):
    from recgraph.graph.server import create_app
    from recgraph.graph.server.background import serve_in_background

    folder = build(tmp_path / "store")
    assert Projection(ox.Store()).kept is None
    with serve_in_background(create_app(folder / "oxigraph")) as url:
        projection = Projection(f"{url}/sparql")
        assert projection.kept is None
        assert recommendation_graph(projection).number_of_nodes() > 0
    assert not (folder / FOLDER).exists()


def test_a_table_is_named_by_its_key_and_stamped_with_the_build(tmp_path):
    cache = TableCache(tmp_path, "identity-a")
    cache.put(("edges", "theme"), pandas.DataFrame({"a": [1]}))
    assert (tmp_path / "edges-theme.pickle").is_file()
    assert cache.get(("edges", "theme"))["a"].tolist() == [1]
    assert TableCache(tmp_path, "identity-b").get(("edges", "theme")) is None
