"""The statuses the mentions reader reads are decided, not left unknown: a phrase the reader takes
for a status (recgraph.graph.reading.mentions) maps to a status of the scale (mention_status)."""

from __future__ import annotations

import pytest

from recgraph.graph.rdf.mention_status import mention_status
from recgraph.graph.reading.mentions import find_mentions


@pytest.mark.parametrize("phrase, notation", [
    ("as embedded in day-to-day business", "complete"),
    ("now business as usual", "complete"),
    ("need further development", "in_progress"),
    ("require further action", "in_progress"),
    ("no further action", "complete"),  # read as "further action" (in progress) before
    ("need no further work", "complete"),
    ("are not yet embedded", "in_progress"),
])
def test_a_status_word_the_mentions_reader_reads_is_decided(phrase, notation):
    lines = ["Progress", "", f"Recommendations 4 and 6 {phrase}.", ""]
    [first, _] = find_mentions(lines, "p.txt", "p.txt", [], "rep")
    assert first.status_phrase and first.status_phrase.lower() in phrase.lower()
    assert not phrase.startswith("no ") or first.status_phrase.lower().startswith("no ")
    assert mention_status(first.status_phrase).notation == notation
