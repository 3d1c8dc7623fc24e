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

No paper is refused for its layout: these families are specialisations for what only they read
well (tables of cells, proformas, PDF columns, the committee and implementation pages of the
seeds). A paper none of them claims, or one a specialisation reads no recommendation from, is read
by the general segmenter (:mod:`recgraph.graph.reading.segment`), which finds recommendations in
any text by the role of each line.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from recgraph.graph.reading.readers.text import Document

#: The layout families, in the order their detectors are tried (ties go to the earlier one).
FAMILIES: tuple[str, ...] = ("proforma", "table", "pdf_columns", "committee", "implementation")

#: Below this detection score a family is not considered a match.
THRESHOLD = 0.5


def layout_modules() -> dict[str, ModuleType]:
    return {name: import_module(f"recgraph.graph.reading.readers.{name}") for name in FAMILIES}


def detect_layout(document: Document) -> ModuleType:
    """The reader module for the document: the specialisation claiming it, else the segmenter.

    A specialisation claims a paper when its detector scores at least :data:`THRESHOLD`; ties go
    to the earlier family of :data:`FAMILIES`. Never raises: every paper has a reader.
    """
    scores = {name: module.detect(document) for name, module in layout_modules().items()}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] < THRESHOLD:
        return general_reader()
    return layout_modules()[best]


def general_reader() -> ModuleType:
    """The general segmenter, which reads any paper."""
    return import_module("recgraph.graph.reading.segment")
