"""recgraph.build(): the library owns the pipeline; the command only renders it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.graph.store.database import current_build
from recgraph.graph.store.pipeline import NothingToBuildError


def _quads(location):
    store = ox.Store.read_only(str(current_build(location) / "oxigraph"))
    return {str(quad) for quad in store}


@pytest.mark.slow
def test_library_build_gives_the_same_quads_as_the_command(tmp_path):
    seed_papers = recgraph.data_path() / "papers"
    stages = []
    outcome = recgraph.build([seed_papers], store=tmp_path / "api", progress=lambda *event: stages.append(event[0]))
    assert outcome.ok and outcome.summary.live
    assert len(outcome.results) == 5
    assert {"read", "papers", "load", "check", "swap"} <= set(stages)

    result = CliRunner().invoke(cli, ["build", str(seed_papers), "--store", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert _quads(tmp_path / "api") == _quads(tmp_path / "cli")


def test_nothing_readable_is_an_error_naming_each_paper(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(NothingToBuildError) as caught:
        recgraph.build([empty], store=tmp_path / "store")
    assert [error.file for error in caught.value.errors] == [str(empty)]
    assert not (tmp_path / "store" / "CURRENT").exists()
