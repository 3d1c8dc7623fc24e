"""Every status of the status scheme has a colour and a legend line of its own in the views: the newer
statuses (not accepted, proposed for closure) no longer fall back to the grey of unknown labels."""

from __future__ import annotations

from recgraph.graph.enrich.vocabulary import load_vocabulary
from recgraph.visualisations.style import OTHER_COLOUR, STATUS_COLOURS, status_colour
from recgraph.visualisations.themes import build_theme_map
from recgraph.visualisations.view import status_legend


def test_every_status_of_the_scheme_has_a_colour_of_its_own():
    labels = [concept.pref_label for concept in load_vocabulary("statuses")]
    assert labels and all(label.lower() in STATUS_COLOURS for label in labels), labels
    colours = [status_colour(label) for label in labels]
    assert OTHER_COLOUR not in colours and len(set(colours)) == len(colours)
    assert set(STATUS_COLOURS) == {label.lower() for label in labels}  # no colour for a status that is gone


def test_the_legend_lists_the_newer_statuses_in_scheme_order():
    legend = status_legend(["not accepted", "complete", "proposed for closure", "something else"])
    assert [entry.label for entry in legend] == ["status: complete", "status: proposed for closure",
                                                  "status: not accepted", "status: something else"]
    assert legend[1].colour == STATUS_COLOURS["proposed for closure"] != OTHER_COLOUR
    assert legend[2].colour == STATUS_COLOURS["not accepted"] != OTHER_COLOUR
    assert legend[3].colour == OTHER_COLOUR


def test_a_view_draws_and_explains_a_not_accepted_recommendation(graph, rec):
    graph.nodes[rec["a3"]]["status"] = "not accepted"
    graph.nodes[rec["c7"]]["status"] = "proposed for closure"
    view = build_theme_map(graph)
    drawn = {n["id"]: n for n in view.network.nodes}
    assert drawn[rec["a3"]]["color"] == STATUS_COLOURS["not accepted"]
    assert drawn[rec["c7"]]["color"] == STATUS_COLOURS["proposed for closure"]
    labels = {entry.label: entry.colour for entry in view.legend}
    assert labels["status: not accepted"] == STATUS_COLOURS["not accepted"]
    assert labels["status: proposed for closure"] == STATUS_COLOURS["proposed for closure"]
