"""The general segmenter: reads recommendations from any paper of the family by line roles.

:mod:`.roles` gives each line a role from general features (marker, numbered paragraph, bullet,
heading, labelled field, table row, the paper's own recommendations to Members, boilerplate);
:mod:`.spans` finds where records start and end from those roles; :mod:`.reader` assembles the
records, their progress, status phrase, owner and timescale; :mod:`.tables` reads table regions
(cell rows and tables flattened to spaces) inside any paper. See docs/extraction.md.
"""

from recgraph.graph.reading.segment.reader import NAME, read

__all__ = ["NAME", "read", "detect"]


def detect(document) -> float:
    """The segmenter reads any text; it is chosen when no specialised reader claims the paper."""
    return 0.0
