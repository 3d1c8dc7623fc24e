"""The same analyses over a SPARQL endpoint give the same answers as over the local store."""

from __future__ import annotations

import pandas
import pytest

from recgraph.errors import QueryError, StoreError
from recgraph.graph.analyses import (
    EndpointSource,
    chain_summary,
    connect,
    graph_stats,
    owner_load,
    repeat_chains,
    system_hubs,
    theme_network,
    theme_table,
    trace,
)
from recgraph.graph.analyses.source import LocalSource, json_value


def test_connect_chooses_the_source():
    assert isinstance(connect("https://example.org/sparql"), EndpointSource)


@pytest.mark.parametrize("analysis", [repeat_chains, owner_load, system_hubs, graph_stats,
                                      lambda source: chain_summary(repeat_chains(source)),
                                      lambda source: theme_table(theme_network(source))])
def test_endpoint_and_local_store_agree(tiny, endpoint, analysis):
    pandas.testing.assert_frame_equal(analysis(endpoint), analysis(tiny), check_dtype=False)


def test_trace_over_the_endpoint(tiny, endpoint):
    remote, local = trace(endpoint, "rep-a/1"), trace(tiny, "rep-a/1")
    assert remote.source == endpoint
    assert remote.to_dict() | {"source": ""} == local.to_dict() | {"source": ""}


def test_endpoint_errors(endpoint):
    with pytest.raises(QueryError, match="answered HTTP 400"):
        EndpointSource(endpoint).select("SELECT nonsense")
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint http://127.0.0.1:9/sparql"):
        EndpointSource("http://127.0.0.1:9/sparql", timeout=2).select("SELECT * WHERE { ?s ?p ?o }")


def test_json_values_are_typed_like_local_ones(tiny):
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert json_value({"type": "literal", "value": "0.25", "datatype": xsd + "decimal"}) == 0.25
    assert json_value({"type": "literal", "value": "true", "datatype": xsd + "boolean"}) is True
    assert json_value({"type": "literal", "value": "x", "datatype": xsd + "integer"}) == "x"
    assert json_value({"type": "bnode", "value": "b0"}) == "_:b0"
    local = LocalSource(tiny).select("SELECT ?s WHERE { ?l <https://w3id.org/recgraph/ontology#score> ?s } ORDER BY ?s")
    assert local["s"].tolist() == [0.25, 0.3, 0.4, 1]
