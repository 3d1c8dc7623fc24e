"""A process and a kind of problem named in one phrase (graph/linking/problems.py), and the option
that lets two recommendations sharing one reiterate (``RepeatOptions.problems``, off by default).
The texts are our own."""

from __future__ import annotations

import pytest

from recgraph.errors import RecgraphError
from recgraph.graph.linking.dates import Made
from recgraph.graph.linking.problems import PROBLEM, UnknownProblemError, facets
from recgraph.graph.linking.repeats import Item, RepeatOptions, detect_repeats

THEME = "https://w3id.org/recgraph/theme/"


def keys(text, kinds=("disparity", "monitoring", "shortage")):
    return {(f.problem.rsplit("/", 1)[1], f.process.rsplit("/", 1)[1]) for f in facets(text, kinds)}


def item(report, number, text, year):
    return Item((report, number), text, (), (), Made((year, year), None))


def filler(count, year=2005):
    topics = ["vehicle fleet replacement", "estate disposal plan", "firearms licensing checks", "payroll upgrade",
              "call handling targets", "budget forecasting accuracy", "crime recording audit", "cell cleaning rota"]
    return [item(f"other-{i}", "1", f"Improve the {topics[i % len(topics)]} within the year.", year) for i in range(count)]


def test_a_problem_and_a_process_in_one_phrase_make_a_facet():
    assert keys("End the disproportionate use of stop and search against young black men.") == {("disparity", "stop-and-search")}
    assert keys("Make the misconduct process free of discrimination.") == {("disparity", "professional-standards")}
    assert keys("Close the shortage of qualified detectives by next spring.") == {("shortage", "investigation")}
    (found,) = facets("Monitor the use of stop and search every quarter.", ("monitoring",))
    assert found.words == "Monitor the use of stop and search"
    assert found.key == (PROBLEM + "monitoring", THEME + "stop-and-search")


def test_a_problem_and_a_process_apart_make_no_facet():
    # two sentences
    assert keys("Officers reported discrimination at work. A new stop and search form is needed.") == set()
    # one sentence, too far apart
    assert keys("Discrimination complaints rose sharply over the period in which the new custody suites opened.") == set()
    # a clause break between them
    assert keys("Tackle unfairness; then publish the custody figures.") == set()


def test_the_diversity_theme_is_no_process_and_kinds_not_asked_for_are_not_found():
    assert keys("Tackle discrimination in equal opportunities policy.") == set()
    assert keys("Monitor the use of stop and search every quarter.", ("disparity",)) == set()


def test_an_unknown_kind_of_problem_is_a_typed_error():
    with pytest.raises(UnknownProblemError) as raised:
        facets("Reduce bias in stop and search.", ("racism-only",))
    assert isinstance(raised.value, RecgraphError) and "racism-only" in str(raised.value)


def reiterated(found, a, b):
    return [r for r in found if {r.source, r.target} == {a.key, b.key} and r.relation == "reiterates"]


def test_a_shared_facet_reiterates_only_with_the_option_and_only_on_the_same_problem():
    earlier = item("inspection-2004", "3", "Commission research into the disproportionate use of stop and search.", 2004)
    later = item("review-2019", "7", "Officers' decisions must be free of racial bias in stop and search encounters.", 2019)
    other_problem = item("audit-2012", "2", "Managers should monitor the use of stop and search each month.", 2012)
    items = [earlier, later, other_problem, *filler(20)]
    assert not reiterated(detect_repeats(items), earlier, later)  # off by default
    found = detect_repeats(items, RepeatOptions(problems=("disparity", "monitoring")))
    (link,) = reiterated(found, earlier, later)
    assert link.source == later.key
    quote = link.quotes[0]
    assert quote.facet == (PROBLEM + "disparity", THEME + "stop-and-search") and quote.raises is None
    assert quote.describe().startswith("problem and process: ")
    assert "bias in stop and search" in quote.later
    # same process, another kind of problem (monitoring against disparity): not the same problem
    assert not reiterated(found, other_problem, earlier) and not reiterated(found, other_problem, later)
