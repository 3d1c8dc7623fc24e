"""`recgraph publish` to a real Virtuoso, then the same counts per graph and saved-query answers.

Issue 14, item 9: a second real triplestore beside Oxigraph (tests/server/test_publish.py).
The test starts Debian's Virtuoso (package ``virtuoso-opensource``: ``virtuoso-t``) with a
configuration of its own in a temporary folder, listening on free 127.0.0.1 ports (SQL and HTTP),
waits for it at most :data:`START_TIMEOUT` seconds and stops it at the end. Through the SQL port
(``isql-vt``) it creates a publishing user granted ``SPARQL_UPDATE`` and a user without it, and
gives the administrator a fresh password. Graphs go through the Graph Store endpoint with Digest
authentication (``/sparql-graph-crud-auth``); queries go to ``/sparql``, whose default graph is
the union of all graphs. docs/publish.md gives the same set-up by hand. Skipped when Virtuoso is
not installed, unless ``RECGRAPH_VIRTUOSO_TESTS=required`` (.ci/run installs it and sets that).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from click.testing import CliRunner

from recgraph.cli.main import cli

pytestmark = pytest.mark.slow

START_TIMEOUT = 120.0
#: Seconds allowed for one isql-vt call.
SQL_TIMEOUT = 60.0
#: The publishing user (granted SPARQL_UPDATE) and a user without the grant.
PUBLISHER, READER = "recgraph_publisher", "recgraph_reader"

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



@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its base URL and the users' passwords."""

    url: str
    passwords: dict[str, str]

    @property
    def graph_store(self) -> str:
        return f"{self.url}/sparql-graph-crud-auth"

    @property
    def sparql(self) -> str:
        return f"{self.url}/sparql"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _commands() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


def _sql(isql: str, sql_port: int, password: str, statements: str) -> None:
    """Run SQL as the administrator; isql-vt exits 0 even when a statement fails, so read its output."""
    done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", password, f"exec={statements}"],
                          capture_output=True, text=True, timeout=SQL_TIMEOUT, check=False)
    output = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in output:
        raise RuntimeError(f"isql-vt failed ({done.returncode}): {output[-1500:]}")


def _set_up_users(isql: str, sql_port: int) -> dict[str, str]:
    """The users of docs/publish.md: a publisher granted SPARQL_UPDATE, a reader without it, and
    the administrator's password changed from the fresh database's ``dba``."""
    passwords = {name: secrets.token_urlsafe(12) for name in (PUBLISHER, READER, "dba")}
    _sql(isql, sql_port, "dba",
         f"DB.DBA.USER_CREATE('{PUBLISHER}', '{passwords[PUBLISHER]}'); "
         f'GRANT SPARQL_UPDATE TO "{PUBLISHER}"; '
         f"DB.DBA.USER_CREATE('{READER}', '{passwords[READER]}'); "
         f"USER_CHANGE_PASSWORD('dba', 'dba', '{passwords['dba']}');")
    _sql(isql, sql_port, passwords["dba"], "SELECT 1;")  # the new administrator password holds
    return passwords


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    """A fresh Virtuoso on 127.0.0.1 with the users of docs/publish.md, stopped afterwards."""
    commands = _commands()
    if commands is None:
        if os.environ.get("RECGRAPH_VIRTUOSO_TESTS") == "required":
            pytest.fail("virtuoso-t or isql-vt is not installed: apt-get install virtuoso-opensource")
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource")
    server, isql = commands
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(CONFIG.format(folder=folder, sql_port=sql_port, http_port=http_port),
                                         encoding="utf-8")
    log = (folder / "console.log").open("w")
    process = subprocess.Popen([server, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
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
        yield Virtuoso(url, _set_up_users(isql, sql_port))
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


def _publish(virtuoso: Virtuoso, seed_location, user: str, password: str):
    return CliRunner().invoke(cli, ["publish", "--store", str(seed_location), "--to", virtuoso.graph_store,
                                    "--user", user, "--digest"], env={"RECGRAPH_REMOTE_PASSWORD": password})


@pytest.fixture(scope="module")
def published(virtuoso, seed_location) -> Virtuoso:
    """Virtuoso after `recgraph publish --user recgraph_publisher --digest` of the seed store."""
    result = _publish(virtuoso, seed_location, PUBLISHER, virtuoso.passwords[PUBLISHER])
    assert result.exit_code == 0, result.output
    assert virtuoso.passwords[PUBLISHER] not in result.output
    return virtuoso


def test_publishing_to_virtuoso_gives_the_same_triples_per_graph(published, seed, published_copy):
    local, remote = published_copy(seed, published.sparql).counts_per_graph()
    assert remote == local and len(local) >= 5


def test_publishing_again_replaces_each_graph_on_virtuoso(published, seed_location, seed, published_copy):
    again = _publish(published, seed_location, PUBLISHER, published.passwords[PUBLISHER])
    assert again.exit_code == 0, again.output
    local, remote = published_copy(seed, published.sparql).counts_per_graph()
    assert remote == local


def test_a_wrong_password_is_one_clean_error(virtuoso, seed_location):
    result = _publish(virtuoso, seed_location, PUBLISHER, "not-the-password")
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "401" in errors[0], result.output
    assert "not-the-password" not in result.output


def test_a_user_without_the_sparql_update_grant_is_refused(virtuoso, seed_location):
    result = _publish(virtuoso, seed_location, READER, virtuoso.passwords[READER])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "403" in errors[0] and "0 of " in errors[0], result.output


def test_every_saved_query_gives_the_same_answers_on_virtuoso(published, seed, published_copy):
    differing, with_rows = published_copy(seed, published.sparql, portable=True).saved_query_answers()
    assert differing == {}
    assert with_rows >= 12  # most saved queries have rows on the seed


def test_analyses_against_virtuoso_give_what_they_give_locally(published, seed):
    from recgraph.graph.analyses import connect, graph_stats, owner_load, repeat_chains

    remote, local = connect(published.sparql), connect(seed)
    for analysis in (graph_stats, owner_load, repeat_chains):
        here, there = analysis(local), analysis(remote)
        assert list(there.columns) == list(here.columns), analysis.__name__
        assert there.shape == here.shape, analysis.__name__
        ordered = sorted(map(repr, here.astype(str).values.tolist()))
        assert sorted(map(repr, there.astype(str).values.tolist())) == ordered, analysis.__name__


def test_the_cli_queries_virtuoso_as_it_queries_the_store(published, seed_location):
    runner = CliRunner()
    remote = runner.invoke(cli, ["query", "papers", "--format", "csv", "--endpoint", published.sparql])
    local = runner.invoke(cli, ["query", "papers", "--format", "csv", "--store", str(seed_location)])
    assert remote.exit_code == local.exit_code == 0, remote.output
    assert remote.stdout == local.stdout and remote.stdout.count("\n") == 8  # a header and 7 paper-report rows
