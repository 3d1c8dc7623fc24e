"""Running one part of `bench/run` in a child process, watched: events, peak memory, caps.

A child (:mod:`scale_worker`) reports what it does as event lines on its standard output:
``@@ {json}``. An event may carry ``"budget"``: the seconds the child may take before its next
event (a stage or a query that could run away). The watcher kills the child when that budget, or
the child's overall time cap, runs out, or when its resident memory passes the memory cap, and
says which event was running: the caller turns that into "> X s" or "> X GiB".

The peak resident memory of the child comes from ``wait4`` (the kernel's high-water mark of that
child alone), so children measured one after another do not blur into each other.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Marks an event line on a child's standard output (other lines are ignored).
EVENT = "@@ "
WORKER = Path(__file__).resolve().with_name("scale_worker.py")
POLL = 0.2  # seconds between looks at the child's memory and clock


@dataclass
class ChildRun:
    """What one child reported, and how it ended."""

    role: str
    events: list[dict] = field(default_factory=list)
    returncode: int | None = None
    killed: str | None = None  # "time" or "memory" when the watcher stopped it
    running: dict | None = None  # the piece of work under way (the last event with a budget, if open)
    seconds: float = 0.0
    ended_at: float = 0.0
    peak_mib: float = 0.0
    log: Path | None = None

    def running_for(self) -> float | None:
        """Seconds the piece of work under way had run when the child ended."""
        return self.ended_at - self.running["_at"] if self.running else None

    @property
    def ok(self) -> bool:
        return self.killed is None and self.returncode == 0

    def last(self, kind: str) -> dict | None:
        found = [event for event in self.events if event.get("event") == kind]
        return found[-1] if found else None

    def all(self, kind: str) -> list[dict]:
        return [event for event in self.events if event.get("event") == kind]

    def failure(self) -> str:
        """One line saying how the child ended, for the report (empty when it ended well)."""
        if self.ok:
            return ""
        if self.killed:
            return f"stopped ({self.killed} cap) during {describe(self.running)}"
        tail = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] if self.log else []
        return f"exit code {self.returncode} during {describe(self.running)}" + (f": {tail[0][:200]}" if tail else "")


def describe(event: dict | None) -> str:
    if not event:
        return "start-up"
    return " ".join(str(event[k]) for k in ("stage", "query", "mode") if event.get(k)) or str(event.get("event"))


def run_child(role: str, config: dict, *, time_cap: float, memory_cap_mib: float, log: Path) -> ChildRun:
    """Run ``scale_worker.py ROLE CONFIG`` and watch it.

    Parameters
    ----------
    role : which part to run (see :mod:`scale_worker`).
    config : JSON-able settings handed to the child.
    time_cap : seconds the child may run in all.
    memory_cap_mib : resident memory (MiB) past which the child is killed.
    log : file receiving the child's standard error (warnings, tracebacks).

    Returns
    -------
    ChildRun
    """
    run = ChildRun(role, log=log)
    started = time.monotonic()
    with log.open("a", encoding="utf-8") as errors:
        child = subprocess.Popen(
            [sys.executable, str(WORKER), role, json.dumps(config)],
            stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8",
        )
        last_event = [started]
        reader = threading.Thread(target=_read_events, args=(child, run, last_event), daemon=True)
        reader.start()
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            now = time.monotonic()
            budget = (run.running or {}).get("budget")
            if now - started > time_cap or (budget is not None and now - last_event[0] > budget):
                run.killed = "time"
            elif _resident_mib(child.pid) > memory_cap_mib:
                run.killed = "memory"
            if run.killed:
                os.kill(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(POLL)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        reader.join(5)
    run.returncode = child.returncode
    run.ended_at = time.monotonic()
    run.seconds = run.ended_at - started
    run.peak_mib = usage.ru_maxrss / 1024  # KiB on Linux
    return run


def _read_events(child: subprocess.Popen, run: ChildRun, last_event: list[float]) -> None:
    for line in child.stdout:
        if not line.startswith(EVENT):
            continue
        event = json.loads(line[len(EVENT):])
        event["_at"] = time.monotonic()  # when it was seen, to say how long a stopped piece of work ran
        run.events.append(event)
        last_event[0] = time.monotonic()
        # An event with a budget opens a piece of work; the next event closes it.
        run.running = event if "budget" in event else None


def _resident_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the child has just ended
        pass
    return 0.0
