"""The SPARQL the projection asks, and how it reads the answers: one triple pattern a query where
it can (see :mod:`recgraph.graph.analyses.projection` for why), the link classes' evidence
properties, and the few joined queries (updates, owners, mentions, notes, reports, concepts).
"""

from __future__ import annotations

from recgraph.graph.rdf.namespaces import PREFIXES

_RG = PREFIXES["rg"]
#: How booleans are written.
_FLAGS = {"true": True, "1": True, "false": False, "0": False}
#: The direct link properties, each an edge kind.
LINK_KINDS = ("reiterates", "dependsOn", "subsumedInto", "refersTo", "partOf", "mentionsSystem", "theme", "relatedTo")
#: The properties of a link resource that carry its evidence, by class.
_LINK_DETAILS = {
    "Repeat": ("score", "evidence", "recurringDespiteClosure", "decision", "quote"),
    "Related": ("score", "evidence", "decision"),
    "Dependency": ("score", "evidence", "phrase"),
    "CrossReference": ("score", "phrase"),
    "SystemMention": ("evidence",),
    "ThemeTag": ("evidence",),
}

# The recommendations' and the updates' properties are asked for one triple pattern a query and
# joined with pandas: pyoxigraph answers one pattern from one index scan, where each further
# pattern joined in the query costs an index seek per row (on a large store about four times the
# cost of writing the row out), and a VALUES clause joined with several OPTIONAL patterns can cost
# quadratic time. The updates' properties are joined by update IRI; the tables keep none: one
# update per paper and recommendation, so (rec, paper) names it.
_RECOMMENDATION_IRIS = "SELECT ?rec WHERE { ?rec a rg:Recommendation }"
#: Properties of recommendations, each a column; the rg:status of a recommendation (not of an
#: update) is the status derived from its lettered parts.
_REC_COLUMNS = {"heading": "?rec rg:heading ?o", "parent": "?rec rg:partOf ?o",
                "own_status": "?rec a rg:Recommendation ; rg:status ?o", "text": "?rec rg:text ?o"}
#: The same for the whole graph: one pattern each, the rows picked by the recommendations' IRIs.
_REC_PROPERTIES = {"heading": "rg:heading", "parent": "rg:partOf", "own_status": "rg:status", "text": "rg:text"}
#: The properties of progress updates, each asked for alone (see above) and joined by update.
_UPDATE_PROPERTIES = {"rec": "rg:reportsOn", "paper": "rg:inPaper", "date": "dcterms:date", "status": "rg:status"}
_OWNER_PROPERTIES = {"owner": "rg:owner", "owner_text": "rg:ownerText"}
_UPDATES = """
SELECT ?rec ?paper ?date ?status
WHERE {
  #VALUES#
  ?update rg:reportsOn ?rec ; rg:inPaper ?paper .
  OPTIONAL { ?update dcterms:date ?date }
  OPTIONAL { ?update rg:status ?status }
}"""
#: Owners apart: only some analyses use them.
_OWNERS = """
SELECT ?rec ?paper ?owner ?owner_text
WHERE {
  #VALUES#
  ?update rg:reportsOn ?rec ; rg:inPaper ?paper .
  { ?update rg:owner ?owner } UNION { ?update rg:ownerText ?owner_text }
}"""
#: The mentions that state a status (status events, as updates are: see tables.recommendation_table).
_MENTIONS = """
SELECT ?rec ?paper ?date ?status
WHERE {
  #VALUES#
  ?mention rg:cites ?rec ; rg:inPaper ?paper ; rg:status ?status .
  OPTIONAL { ?mention dcterms:date ?date }
}"""
#: What was not simply read, per recommendation: analysts' corrections and the readers' caveats.
_NOTES = """
SELECT ?rec ?kind ?field ?who ?when ?caveat
WHERE {
  { { ?rec rg:correction ?c } UNION { ?update rg:reportsOn ?rec ; rg:correction ?c }
    ?c rg:correctedField ?field . BIND ("corrected" AS ?kind)
    OPTIONAL { ?c prov:wasAttributedTo/rdfs:label ?who } OPTIONAL { ?c prov:endedAtTime ?when } }
  UNION
  { ?rec rg:caveat ?caveat . BIND ("caveat" AS ?kind) }
}"""
#: Up to this many recommendations, :meth:`Projection.some_recommendations` asks for them by name.
FEW = 2000
_REPORTS = """
SELECT ?report ?key ?report_title ?report_year
WHERE {
  ?report a rg:SourceReport .
  OPTIONAL { ?report rg:key ?key }
  OPTIONAL { ?report dcterms:title ?report_title }
  OPTIONAL { ?report rg:year ?report_year }
}"""
_CONCEPTS = """
SELECT ?concept ?class ?pref ?title ?plain ?key ?closed ?rank
WHERE {
  VALUES ?class { rg:Status rg:Theme rg:System rg:Owner rg:Programme rg:SourceReport }
  ?concept a ?class .
  OPTIONAL { ?concept skos:prefLabel ?pref }
  OPTIONAL { ?concept dcterms:title ?title }
  OPTIONAL { ?concept rdfs:label ?plain }
  OPTIONAL { ?concept rg:key ?key }
  OPTIONAL { ?concept rg:closed ?closed }
  OPTIONAL { ?concept rg:rank ?rank }
}"""
