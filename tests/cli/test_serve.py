"""`recgraph serve`: options become server settings; bad settings are one clean error line."""

from __future__ import annotations

import pyoxigraph
import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli


def store_folder(folder):
    """A store folder with one empty build, in the layout of graph/store/database.py."""
    database = folder / "builds" / "b1" / "oxigraph"
    database.parent.mkdir(parents=True)
    pyoxigraph.Store(str(database)).flush()
    (folder / "CURRENT").write_text("b1")
    return folder


class _Socket:
    def close(self) -> None:
        pass


@pytest.fixture()
def served(monkeypatch):
    """Run `recgraph serve` with listening and serving stubbed out; return what would be served.

    The store is a real store folder (the server follows its live build), the app is built as
    `serve` builds it and closed when the command ends.
    """
    calls: dict = {}
    monkeypatch.setattr("recgraph.graph.server.listening.listen",
                        lambda host, port: calls.update(host=host, port=port) or _Socket())
    monkeypatch.setattr("recgraph.graph.server.listening.run_until_signalled",
                        lambda app, sock: calls.update(app=app) or "SIGTERM")

    def run(*args):
        result = CliRunner().invoke(cli, ["serve", *args])
        return result, calls

    return run


def test_serve_defaults_to_a_read_only_server_on_loopback(served, tmp_path):
    result, calls = served("--store", store_folder(tmp_path))
    assert result.exit_code == 0, result.output
    assert (calls["host"], calls["port"]) == ("127.0.0.1", 8000)
    assert calls["app"].state.recgraph.location == tmp_path
    config = calls["app"].state.recgraph.config
    assert not config.allow_updates and config.timeout == 10.0 and config.allowed_services == frozenset()
    assert "read-only" in result.stderr and "Warning" not in result.stderr


def test_serve_options_become_the_servers_settings(served, tmp_path):
    result, calls = served("--store", store_folder(tmp_path), "--host", "0.0.0.0", "--port", "8123", "--timeout", "2.5",
                           "--allow-service", "https://query.wikidata.org/sparql",
                           "--allow-service", "https://dbpedia.org/sparql")
    assert result.exit_code == 0, result.output
    config = calls["app"].state.recgraph.config
    assert (calls["host"], calls["port"], config.timeout) == ("0.0.0.0", 8123, 2.5)
    assert config.allowed_services == {"https://query.wikidata.org/sparql", "https://dbpedia.org/sparql"}
    assert "Warning: listening on 0.0.0.0" in result.stderr


def test_updates_without_a_token_are_refused_with_one_line(served, tmp_path):
    result, calls = served("--store", store_folder(tmp_path), "--allow-updates")
    assert result.exit_code == 2
    assert result.stderr == "Error: updates need a bearer token: pass --token T (or token=...) with --allow-updates\n"
    assert "app" not in calls


def test_a_missing_store_is_one_error_line(monkeypatch, tmp_path):
    monkeypatch.setattr("recgraph.graph.server.listening.run_until_signalled",
                        lambda *a, **k: pytest.fail("the server must not start"))
    result = CliRunner().invoke(cli, ["serve", "--store", tmp_path / "nowhere"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: no recgraph store at {tmp_path / 'nowhere'}")


def test_updates_open_the_live_build_for_writing(monkeypatch, tmp_path):
    # The layout of graph/store/database.py: CURRENT names the live build under builds/.
    store_folder(tmp_path)
    served = {}
    monkeypatch.setattr("recgraph.graph.server.listening.listen", lambda host, port: _Socket())
    monkeypatch.setattr("recgraph.graph.server.listening.run_until_signalled",
                        lambda app, sock: served.update(app=app))
    result = CliRunner(env={"RECGRAPH_TOKEN": "t0ken"}).invoke(cli, ["serve", "--store", tmp_path, "--allow-updates"])
    assert result.exit_code == 0, result.output
    state = served["app"].state.recgraph
    assert state.config.token == "t0ken"
    state.store.update("INSERT DATA { <urn:a> <urn:b> 'written' }")
    assert len(state.store) == 1
