"""IRI minting: readable, stable, reversible, configurable base."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recgraph.errors import IRIError, RecgraphError
from recgraph.graph.reading.numbers import canonical_number
from recgraph.graph.rdf.iri import DEFAULT_BASE, Minter, encode_segment, paper_slug, parse_iri, resolve_base


@pytest.fixture
def mint(monkeypatch) -> Minter:
    monkeypatch.delenv("RECGRAPH_BASE", raising=False)
    return Minter()


def test_records_get_readable_iris_under_the_default_base(mint):
    assert mint.base == DEFAULT_BASE == "https://w3id.org/recgraph/id/"
    assert mint.report("winning-consent") == "https://w3id.org/recgraph/id/report/winning-consent"
    assert mint.recommendation("winning-consent", "22") == "https://w3id.org/recgraph/id/report/winning-consent/rec/22"
    # one node per recommendation whatever way a paper prints its number (issue 13, item 5)
    assert mint.recommendation("district-audit", "R6").endswith("/report/district-audit/rec/6")
    assert mint.recommendation("district-audit", "Rec. 6") == mint.recommendation("district-audit", "6")
    assert mint.recommendation("race-and-faith", "6(b)").endswith("/report/race-and-faith/rec/6(b)")
    assert mint.paper("000-e465e3dd12847c8c") == "https://w3id.org/recgraph/id/paper/000-e465e3dd12847c8c"
    assert mint.update("p", "winning-consent", "22") == "https://w3id.org/recgraph/id/update/p/winning-consent/22"
    assert mint.span("p", 12, 14) == "https://w3id.org/recgraph/id/span/p/12-14"
    assert mint.paper_graph("p") == "https://w3id.org/recgraph/id/graph/p"
    assert mint.ontology_graph("themes") == "https://w3id.org/recgraph/id/graph/ontology/themes"


def test_graphs_of_papers_and_of_the_ontology_never_collide(mint):
    # a paper whose file is called "ontology.txt" still gets a graph of its own
    assert mint.paper_graph(paper_slug("ontology.txt")) not in {mint.ontology_graph("recgraph"), mint.enrichment_graph("links")}


def test_paper_slug_is_the_slug_of_the_file_stem():
    assert paper_slug("data/papers/000_e465e3dd12847c8c.txt") == "000-e465e3dd12847c8c"
    assert paper_slug("/abs/Report 19 (July).TXT") == "report-19-july"


def test_only_what_an_iri_forbids_is_percent_encoded():
    assert encode_segment("6(b)") == "6(b)"
    assert encode_segment("R6") == "R6"
    assert encode_segment("51& 52") == "51&%2052"
    assert encode_segment("a/b?c#d%") == "a%2Fb%3Fc%23d%25"
    assert encode_segment("Non\ue007statutory") == "Non%EE%80%87statutory"  # private use is not allowed
    assert encode_segment("café–x") == "café–x"  # other Unicode letters and dashes are
    assert encode_segment("..") == "%2E%2E"


def test_an_empty_segment_cannot_be_minted(mint):
    with pytest.raises(IRIError, match="empty"):
        mint.recommendation("r", "")


def test_base_comes_from_the_argument_then_the_environment_then_the_default(monkeypatch):
    monkeypatch.setenv("RECGRAPH_BASE", "http://example.org/env/")
    assert Minter().base == "http://example.org/env/"
    assert Minter("http://example.org/explicit").base == "http://example.org/explicit/"
    monkeypatch.delenv("RECGRAPH_BASE")
    assert resolve_base() == DEFAULT_BASE
    assert resolve_base("urn:recgraph:") == "urn:recgraph:"
    assert resolve_base("http://example.org/data#") == "http://example.org/data#"


@pytest.mark.parametrize("bad", ["not an iri", "example.org/data", "http://exa mple.org/"])
def test_a_base_that_is_not_an_absolute_iri_is_refused_with_a_hint(bad):
    with pytest.raises(IRIError, match="absolute IRI") as caught:
        Minter(bad)
    assert isinstance(caught.value, RecgraphError) and isinstance(caught.value, ValueError)


def test_parse_iri_refuses_iris_under_another_base(mint):
    with pytest.raises(IRIError, match="not under the base"):
        parse_iri("http://elsewhere.org/report/x", mint.base)


@given(key=st.text(min_size=1, max_size=30), number=st.text(min_size=1, max_size=12))
def test_minting_is_reversible_for_any_key_and_number(key, number):
    mint = Minter("http://example.org/base/")
    iri = mint.recommendation(key, number)
    kind, segments = parse_iri(iri, mint.base)
    assert kind == "report"
    assert segments == (unicodedata.normalize("NFC", key), "rec", unicodedata.normalize("NFC", canonical_number(number)))
    assert not any(char in iri for char in ' <>"{}|\\^`')  # nothing Turtle or N-Quads would refuse


@given(number=st.text(min_size=1, max_size=12))
def test_minted_iris_are_accepted_by_pyoxigraph(number):
    import pyoxigraph

    pyoxigraph.NamedNode(Minter("http://example.org/").recommendation("k", number))
