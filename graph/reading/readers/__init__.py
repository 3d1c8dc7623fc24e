"""Readers: one module per layout family, each turning a :class:`Document` into records.

Every layout module offers the same three things:

``NAME``
    the family's name, recorded on the paper (``Paper.layout``);
``detect(document) -> float``
    how strongly the text looks like this family (0 = not at all, 1 = certainly), judged from the
    text's layout alone, never from a file name or a fact of one document;
``read(document) -> ReadResult``
    the paper, its source reports (titles as printed), recommendations, progress updates and the
    leftovers: non-blank lines that no record covers and that are not recognised boilerplate.

Catalogue facts, cross-references and analysts' corrections are applied afterwards by
:mod:`recgraph.graph.reading.papers`, the same way for every family.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from recgraph.errors import UnknownLayoutError
from recgraph.graph.reading.readers.text import Document

#: The layout families, in the order their detectors are tried (ties go to the earlier one).
FAMILIES: tuple[str, ...] = ("proforma", "table", "pdf_columns", "committee", "implementation")

#: Below this detection score a family is not considered a match.
THRESHOLD = 0.5


def layout_modules() -> dict[str, ModuleType]:
    return {name: import_module(f"recgraph.graph.reading.readers.{name}") for name in FAMILIES}


def detect_layout(document: Document) -> ModuleType:
    """The reader module whose family the document belongs to.

    Raises
    ------
    UnknownLayoutError : no family scores at least :data:`THRESHOLD`; the message lists the
        families and the closest score so the user knows what recgraph expected.
    """
    scores = {name: module.detect(document) for name, module in layout_modules().items()}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] < THRESHOLD:
        known = ", ".join(FAMILIES)
        raise UnknownLayoutError(
            f"matches no known layout (closest: {best}, score {scores[best]:.2f}; known layouts: {known}). "
            "If it is a monitoring paper of a new layout, a reader for it must be added.",
            document.name,
        )
    return layout_modules()[best]
