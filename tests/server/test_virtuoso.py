"""`recgraph publish` to a real Virtuoso, then the same counts per graph and saved-query answers.

Issue 14, item 9: a second real triplestore beside Oxigraph (tests/server/test_publish.py).
The test starts Debian's Virtuoso (package ``virtuoso-opensource``: ``virtuoso-t``) with a
configuration of its own in a temporary folder, listening on free 127.0.0.1 ports (SQL and HTTP),
waits for it at most :data:`START_TIMEOUT` seconds and stops it at the end. Graphs go through its
Graph Store endpoint with Digest authentication (``/sparql-graph-crud-auth``, user ``dba``, the
password of a fresh database); queries go to ``/sparql``, whose default graph is the union of all
graphs. Skipped when Virtuoso is not installed, unless ``RECGRAPH_VIRTUOSO_TESTS=required``
(.ci/run installs it and sets that).
"""

from __future__ import annotations

import decimal
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli
from recgraph.graph.store.queries import result_rows, run_query, saved_queries
from recgraph.graph.store.remote import run_remote_query, select

pytestmark = pytest.mark.slow

START_TIMEOUT = 120.0
#: A fresh Virtuoso database's administrator, who may write through the Graph Store endpoint.
USER, PASSWORD = "dba", "dba"
#: Saved queries that need a binding to give rows.
BINDINGS = {"timeline": {"label": "winning-consent/22"}}

CONFIG = """[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CheckpointInterval = 0
DirsAllowed        = .
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
MaxQueryMem        = 500M
[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {folder}
ServerThreads      = 4
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
"""


def virtuoso_command() -> str | None:
    return shutil.which("virtuoso-t")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[str]:
    """The base URL of a fresh Virtuoso on 127.0.0.1 (``/sparql``, ``/sparql-graph-crud-auth``)."""
    command = virtuoso_command()
    if command is None:
        if os.environ.get("RECGRAPH_VIRTUOSO_TESTS") == "required":
            pytest.fail("virtuoso-t is not installed: apt-get install virtuoso-opensource")
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = _free_port()
    (folder / "virtuoso.ini").write_text(CONFIG.format(folder=folder, sql_port=_free_port(), http_port=http_port),
                                         encoding="utf-8")
    log = (folder / "console.log").open("w")
    process = subprocess.Popen([command, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {process.returncode}: "
                                   f"{(folder / 'console.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"Virtuoso did not answer on {url} within {START_TIMEOUT:g} s")
            time.sleep(0.25)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log.close()


@pytest.fixture(scope="module")
def seed(seed_location):
    from recgraph.graph.store.database import open_store

    return open_store(seed_location)


@pytest.fixture(scope="module")
def published(virtuoso, seed_location) -> str:
    """Virtuoso after `recgraph publish --user dba --digest` of the seed store."""
    result = CliRunner().invoke(cli, ["publish", "--store", str(seed_location), "--to",
                                      f"{virtuoso}/sparql-graph-crud-auth", "--user", USER, "--digest"],
                                env={"RECGRAPH_REMOTE_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output.replace(f"{USER}", "")
    return virtuoso


def counts_per_graph(rows: list[dict]) -> dict[str, int]:
    return {row["g"]: int(row["n"]) for row in rows}


COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def test_publishing_to_virtuoso_gives_the_same_triples_per_graph(published, seed):
    local = {g.value: len(list(seed.quads_for_pattern(None, None, None, g))) for g in seed.named_graphs()}
    remote = counts_per_graph(select(f"{published}/sparql", COUNTS))
    assert {graph: remote.get(graph) for graph in local} == local


def test_publishing_again_replaces_each_graph_on_virtuoso(published, seed_location, seed):
    again = CliRunner().invoke(cli, ["publish", "--store", str(seed_location), "--to",
                                     f"{published}/sparql-graph-crud-auth", "--user", USER, "--digest"],
                               env={"RECGRAPH_REMOTE_PASSWORD": PASSWORD})
    assert again.exit_code == 0, again.output
    local = {g.value: len(list(seed.quads_for_pattern(None, None, None, g))) for g in seed.named_graphs()}
    remote = counts_per_graph(select(f"{published}/sparql", COUNTS))
    assert {graph: remote.get(graph) for graph in local} == local


def test_a_wrong_password_is_one_clean_error(virtuoso, seed_location):
    result = CliRunner().invoke(cli, ["publish", "--store", str(seed_location), "--to",
                                      f"{virtuoso}/sparql-graph-crud-auth", "--user", USER, "--digest"],
                                env={"RECGRAPH_REMOTE_PASSWORD": "not-the-password"})
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "401" in errors[0], result.output
    assert "not-the-password" not in result.output


def test_every_saved_query_gives_the_same_answers_on_virtuoso(published, seed):
    compared = 0
    for name, saved in saved_queries().items():
        bindings = BINDINGS.get(name)
        separators = re.findall(r'GROUP_CONCAT\([^)]*separator\s*=\s*"([^"]*)"', saved.text)
        local = normalised(run_query(seed, saved.text, bindings, name), separators)
        remote = normalised(run_remote_query(f"{published}/sparql", saved.text, bindings, name), separators)
        assert remote == local, name
        compared += bool(local)
    assert compared >= 12  # most saved queries have rows on the seed


def normalised(result, separators: list[str]) -> list[tuple]:
    """Rows as sorted tuples of values. Numbers are compared as numbers (servers choose their own
    numeric types for aggregates); the parts of a GROUP_CONCAT as a sorted list, as SPARQL leaves
    their order to the server."""
    columns, found = result_rows(result)
    return sorted((tuple(_value(value, separators) for value in row) for row in found), key=repr)


def _value(value, separators: list[str]):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return round(float(value), 9)
    text = str(value)
    for separator in separators:
        if separator in text:
            return tuple(sorted(text.split(separator)))
    return text


def test_analyses_against_virtuoso_give_what_they_give_locally(published, seed):
    from recgraph.graph.analyses import connect, graph_stats, owner_load, repeat_chains

    remote, local = connect(f"{published}/sparql"), connect(seed)
    for analysis in (graph_stats, owner_load, repeat_chains):
        here, there = analysis(local), analysis(remote)
        assert list(there.columns) == list(here.columns), analysis.__name__
        assert there.shape == here.shape, analysis.__name__
        ordered = sorted(map(repr, here.astype(str).values.tolist()))
        assert sorted(map(repr, there.astype(str).values.tolist())) == ordered, analysis.__name__
