"""Making a child process end with its parent, however the parent ends (``kill -9`` included).

On Linux the kernel does it: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` asks for a SIGKILL when the
parent goes. The signal follows the *thread* that started the child, so callers start children
from a thread that lives as long as the process (the main thread, or a dedicated one). Elsewhere,
and as a second line on Linux, a daemon thread in the child polls its parent's id and ends the
child when it changes (the child was re-parented: its parent is gone).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

#: linux/prctl.h
PR_SET_PDEATHSIG = 1
#: Seconds between two looks at the parent's id.
POLL_SECONDS = 0.5


def end_with_parent(parent_pid: int | None = None) -> None:
    """Call first thing in a child process: it is killed when its parent ends.

    Parameters
    ----------
    parent_pid : int, optional
        The parent's process id as the parent saw it (``os.getpid()`` before starting the child).
        When given and the parent is already gone, the child exits at once.
    """
    parent = parent_pid or os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc by that name: the watch thread still works
            pass
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="recgraph-parent-watch").start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)
