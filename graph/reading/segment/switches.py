"""Switching the segmenter's start rules off, to measure what the others read (bench/ only).

Rules and cues are named as in :data:`~.spans.RULES` ("item", "item/that") and the table readers'
"table/cells", "table/flat". Reading never switches anything off by itself: the default is none.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

SWITCHED_OFF: ContextVar[frozenset[str]] = ContextVar("switched_off", default=frozenset())


@contextmanager
def switched_off(names):
    """Read with the named rules ("item") or cues ("item/that", "table/flat") switched off."""
    token = SWITCHED_OFF.set(frozenset(names))
    try:
        yield
    finally:
        SWITCHED_OFF.reset(token)


def is_on(cue: str) -> bool:
    """Whether ``cue`` ("rule/cue") is on: neither it nor its rule is switched off."""
    off = SWITCHED_OFF.get()
    return cue not in off and cue.split("/", 1)[0] not in off
