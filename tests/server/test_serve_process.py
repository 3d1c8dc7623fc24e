"""`recgraph serve` as a process: it follows the store, stops cleanly, and leaves no process behind.

Issue 14, items 3 and 5. Every server here is a real `recgraph serve` on a free 127.0.0.1 port
(conftest ``serve_process``), stopped by the test; builds are written with the store's own
build steps (conftest ``write_build``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(url: str) -> int:
    response = httpx.get(f"{url}/sparql", params={"query": COUNT}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def wait_for(condition, seconds: float) -> float:
    """Seconds until ``condition()`` holds; fails after ``seconds``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.05)
    return time.monotonic() - started


def held_files(pids: list[int], folder: Path) -> list[str]:
    """Files under ``folder`` (or deleted ones) that the processes hold open or mapped."""
    held = []
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").glob("*"):
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith(str(folder)):
                held.append(target)
        try:
            maps = Path(f"/proc/{pid}/maps").read_text()
        except OSError:
            continue
        held.extend(line.split()[-1] for line in maps.splitlines() if str(folder) in line)
    return held


@pytest.mark.parametrize("mode", [(), ("--allow-updates", "--token", "t0ken")], ids=["read-only", "writable"])
def test_serve_answers_from_each_new_build_without_failing_a_request(tmp_path, build_writer, serve_process, mode):
    location = tmp_path / ".recgraph"
    first = build_writer(location, 5)
    server = serve_process(location, *mode)
    assert count(server.url) == 5
    failures, stop = [], threading.Event()

    def keep_asking() -> None:
        for _ in range(2000):  # bounded in count, and in time by ``stop``
            if stop.is_set():
                return
            response = httpx.get(f"{server.url}/sparql", params={"query": COUNT}, timeout=30)
            if response.status_code != 200:
                failures.append(response.text)

    asker = threading.Thread(target=keep_asking, daemon=True)
    asker.start()
    try:
        for triples in (7, 9, 11):  # three rebuilds: the store keeps the live build and two before it
            build_writer(location, triples)
            assert wait_for(lambda: count(server.url) == triples, 5.0) < 1.5
    finally:
        stop.set()
        asker.join(60)
    assert failures == []
    # The first build was pruned by the third rebuild; nothing of it stays open in any process.
    assert not (location / "builds" / first).exists()
    time.sleep(0.5)
    assert held_files([server.pid, *server.children()], location / "builds" / first) == []


def test_sigterm_stops_serve_with_exit_0_and_one_line(tmp_path, build_writer, serve_process):
    location = tmp_path / ".recgraph"
    build_writer(location, 3)
    server = serve_process(location)
    workers = server.children()
    assert workers
    code, err = server.stop()
    assert code == 0
    lines = [line for line in err.splitlines() if not line.startswith("INFO:")]
    assert lines[-1].startswith("Stopped serving") and "SIGTERM" in lines[-1]
    assert len(lines) == 2, lines  # the start line and the stop line
    wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 10.0)


def test_a_busy_port_is_one_error_line_and_exit_2(tmp_path, build_writer, serve_process):
    location = tmp_path / ".recgraph"
    build_writer(location, 3)
    server = serve_process(location)
    second = subprocess.run([sys.executable, "-c", "from recgraph.cli.main import cli; cli()", "serve", "--store",
                             str(location), "--port", str(server.port)], capture_output=True, text=True, timeout=60)
    assert second.returncode == 2
    assert second.stderr.strip().count("\n") == 0 and second.stderr.startswith("Error: ")
    assert str(server.port) in second.stderr and "Traceback" not in second.stderr


def test_query_workers_end_when_serve_is_killed_with_sigkill(tmp_path, build_writer, serve_process):
    location = tmp_path / ".recgraph"
    build_writer(location, 3)
    server = serve_process(location)
    workers = server.children()
    assert len(workers) >= 2
    os.kill(server.pid, signal.SIGKILL)
    server.process.wait(10)
    wait_for(lambda: not any(_alive(pid) for pid in workers), 10.0)




def test_reading_workers_end_when_a_parallel_read_is_killed_with_sigkill(tmp_path):
    # A parallel read whose workers take long (each "reads" by sleeping), killed with SIGKILL.
    script = tmp_path / "reader.py"
    script.write_text(
        "import functools, os, sys, time\n"
        "from pathlib import Path\n"
        "from recgraph.graph.reading.pool import read_in_pool\n"
        "def slow(path):\n"
        "    time.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    for _ in read_in_pool([Path(str(i)) for i in range(8)], slow, 2, 1):\n"
        "        pass\n", encoding="utf-8")
    reader = subprocess.Popen([sys.executable, str(script)])
    try:
        workers = []
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = _children(reader.pid)
            time.sleep(0.1)
        assert len(workers) >= 2
        os.kill(reader.pid, signal.SIGKILL)
        reader.wait(10)
        wait_for(lambda: not any(_alive(pid) for pid in workers), 10.0)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait(10)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                found.append(int(status.parent.name))
        except OSError:
            continue
    return found
