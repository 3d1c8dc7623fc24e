"""A tiny hand-made graph whose analyses can be worked out by hand, and stores that hold it.

Three source reports (2000, 2001, 2010); seven recommendations; progress updates in four papers;
repeat links rep-b/R6 -> rep-a/1 and rep-c/6(b) -> rep-b/R6 (one chain of three) and rep-c/7 ->
rep-a/2 (a chain of two, recurring despite closure); themes, systems, a dependency chain
rep-a/3 -> rep-a/1 -> MetHR, a programme, a lettered part, and filler triples (spans, leftovers)
the analyses must not fetch. The expected answers are worked out in each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

EX = "http://example.org/id/"
REC = {
    "a1": EX + "report/rep-a/rec/1",
    "a2": EX + "report/rep-a/rec/2",
    "a3": EX + "report/rep-a/rec/3",
    "b6": EX + "report/rep-b/rec/R6",
    "c6": EX + "report/rep-c/rec/6",
    "c6b": EX + "report/rep-c/rec/6(b)",
    "c7": EX + "report/rep-c/rec/7",
}

TINY = """
@prefix rg: <https://w3id.org/recgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/id/> .
@prefix st: <http://example.org/status/> .
@prefix th: <http://example.org/theme/> .
@prefix sy: <http://example.org/system/> .

st:complete a rg:Status ; skos:prefLabel "complete" ; rg:closed true ; rg:rank 5 .
st:substantially a rg:Status ; skos:prefLabel "substantially complete" ; rg:closed false ; rg:rank 4 .
st:partial a rg:Status ; skos:prefLabel "partially complete" ; rg:closed false ; rg:rank 3 .
st:in-progress a rg:Status ; skos:prefLabel "in progress" ; rg:closed false ; rg:rank 2 .
st:not-started a rg:Status ; skos:prefLabel "not started" ; rg:closed false ; rg:rank 0 .

th:appraisal a rg:Theme ; skos:prefLabel "appraisal" .
th:hr-systems a rg:Theme ; skos:prefLabel "HR systems" .
th:performance a rg:Theme ; skos:prefLabel "performance" .
th:postings a rg:Theme ; skos:prefLabel "postings" .
th:mentoring a rg:Theme ; skos:prefLabel "mentoring" .
th:unused a rg:Theme ; skos:prefLabel "unused" .

sy:prism a rg:System ; skos:prefLabel "PRISM" .
sy:methr a rg:System ; skos:prefLabel "MetHR" .
sy:cris a rg:System ; skos:prefLabel "CRIS" .
ex:owner-hr a rg:Owner ; skos:prefLabel "HR Directorate" .
ex:programme-careers a rg:Programme ; rdfs:label "Career Pathways" .

ex:report\\/rep-a a rg:SourceReport ; rg:key "rep-a" ; dcterms:title "Report A" ; rg:year "2000/2001" .
ex:report\\/rep-b a rg:SourceReport ; rg:key "rep-b" ; dcterms:title "Report B" ; rg:year "2001/02" .
ex:report\\/rep-c a rg:SourceReport ; rg:key "rep-c" ; dcterms:title "Report C" ; rg:year "2010" .

<http://example.org/id/paper/p1> a rg:Paper ; rg:file "p1.txt" ; dcterms:title "Paper one" ; dcterms:date "2002-09" .
<http://example.org/id/paper/p2> a rg:Paper ; rg:file "p2.txt" ; dcterms:title "Paper two" ; dcterms:date "2003-01" .
<http://example.org/id/paper/p3> a rg:Paper ; rg:file "p3.txt" ; dcterms:title "Paper three" ; dcterms:date "2002-03-31" .
<http://example.org/id/paper/p4> a rg:Paper ; rg:file "p4.txt" ; dcterms:title "Paper four" ; dcterms:date "2011-05-26" .

<http://example.org/id/report/rep-a/rec/1> a rg:Recommendation ; rdfs:label "rep-a/1" ; rg:number "1" ;
    rg:sourceReport <http://example.org/id/report/rep-a> ; rg:heading "Appraisals" ; rg:paraRef "4.18" ;
    rg:text "Clear the appraisal backlog <script>alert(1)</script> now." ;
    prov:wasDerivedFrom <http://example.org/id/span/p1/3-4> ;
    rg:theme th:appraisal , th:hr-systems ; rg:mentionsSystem sy:methr ; rg:dependsOn sy:methr .
<http://example.org/id/report/rep-a/rec/2> a rg:Recommendation ; rdfs:label "rep-a/2" ; rg:number "2" ;
    rg:sourceReport <http://example.org/id/report/rep-a> ; rg:text "Keep personnel data on PRISM." ;
    rg:theme th:hr-systems ; rg:mentionsSystem sy:prism ; rg:dependsOn sy:prism .
<http://example.org/id/report/rep-a/rec/3> a rg:Recommendation ; rdfs:label "rep-a/3" ; rg:number "3" ;
    rg:sourceReport <http://example.org/id/report/rep-a> ; rg:text "Review the postings panel." ;
    rg:theme th:postings ; rg:refersTo <http://example.org/id/report/rep-a/rec/1> .
<http://example.org/id/report/rep-b/rec/R6> a rg:Recommendation ; rdfs:label "rep-b/R6" ; rg:number "R6" ;
    rg:sourceReport <http://example.org/id/report/rep-b> ; rg:text "Make appraisal support performance." ;
    rg:theme th:appraisal , th:performance ; rg:reiterates <http://example.org/id/report/rep-a/rec/1> ;
    rg:subsumedInto ex:programme-careers .
<http://example.org/id/report/rep-c/rec/6> a rg:Recommendation ; rdfs:label "rep-c/6" ; rg:number "6" ;
    rg:sourceReport <http://example.org/id/report/rep-c> ; rg:text "Support staff. This means:" ;
    rg:status st:partial .
<http://example.org/id/report/rep-c/rec/6(b)> a rg:Recommendation ; rdfs:label "rep-c/6(b)" ; rg:number "6(b)" ;
    rg:sourceReport <http://example.org/id/report/rep-c> ; rg:partOf <http://example.org/id/report/rep-c/rec/6> ;
    rg:text "using the PDR as an early warning of poor performance" ;
    rg:theme th:appraisal , th:performance ; rg:reiterates <http://example.org/id/report/rep-b/rec/R6> .
<http://example.org/id/report/rep-c/rec/7> a rg:Recommendation ; rdfs:label "rep-c/7" ; rg:number "7" ;
    rg:sourceReport <http://example.org/id/report/rep-c> ; rg:text "Structure mentoring and postings." ;
    rg:theme th:mentoring , th:postings ; rg:mentionsSystem sy:prism ;
    rg:reiterates <http://example.org/id/report/rep-a/rec/2> .

ex:u-a1-p1 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-a/rec/1> ;
    rg:inPaper <http://example.org/id/paper/p1> ; dcterms:date "2002-09" ; rg:status st:not-started ;
    rg:owner ex:owner-hr ; rg:ownerText "HR Dept" ; rg:progress "Awaits MetHR." ;
    rg:statusBasis "inferred" ; rg:mpaAction "To note." ; prov:wasDerivedFrom <http://example.org/id/span/p1/3-4> .
ex:u-a1-p2 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-a/rec/1> ;
    rg:inPaper <http://example.org/id/paper/p2> ; dcterms:date "2003-01" ; rg:status st:not-started ;
    rg:owner ex:owner-hr ; rg:progress "Still awaits MetHR." ; rg:statusPhrase "Not started" ;
    prov:wasDerivedFrom <http://example.org/id/span/p2/10-12> .
ex:u-a2-p1 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-a/rec/2> ;
    rg:inPaper <http://example.org/id/paper/p1> ; dcterms:date "2002-09" ; rg:status st:complete ;
    rg:owner ex:owner-hr ; rg:progress "Done." .
ex:u-a3-p1 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-a/rec/3> ;
    rg:inPaper <http://example.org/id/paper/p1> ; dcterms:date "2002-09" ; rg:status st:in-progress ;
    rg:owner ex:owner-hr ; rg:progress "See recommendation 1 above." .
ex:u-a3-p2 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-a/rec/3> ;
    rg:inPaper <http://example.org/id/paper/p2> ; dcterms:date "2003-01" ; rg:status st:complete ;
    rg:ownerText "Postings Unit" ; rg:progress "Panel reviewed." .
ex:u-b6-p3 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-b/rec/R6> ;
    rg:inPaper <http://example.org/id/paper/p3> ; dcterms:date "2002-03-31" ; rg:status st:substantially ;
    rg:ownerText "AC HR" ; rg:progress "New PDR." .
ex:u-c6b-p4 a rg:ProgressUpdate ; rg:reportsOn <http://example.org/id/report/rep-c/rec/6(b)> ;
    rg:inPaper <http://example.org/id/paper/p4> ; dcterms:date "2011-05-26" ; rg:status st:in-progress ;
    rg:progress "PDR pilots." .

<http://example.org/id/span/p1/3-4> a rg:TextSpan ; rg:file "p1.txt" ; rg:firstLine 3 ; rg:lastLine 4 ;
    rg:verbatim "1\\tClear the appraisal backlog <script>alert(1)</script> now.\\nAwaits MetHR." .
<http://example.org/id/span/p2/10-12> a rg:TextSpan ; rg:file "p2.txt" ; rg:firstLine 10 ; rg:lastLine 12 ;
    rg:verbatim "Still awaits MetHR." .

ex:repeat-b6-a1 a rg:Repeat , rg:Link ; rg:source <http://example.org/id/report/rep-b/rec/R6> ;
    rg:target <http://example.org/id/report/rep-a/rec/1> ; rg:score 0.4 ;
    rg:evidence "shared terms: appraisal, backlog" ; rg:recurringDespiteClosure false .
ex:repeat-c6b-b6 a rg:Repeat , rg:Link ; rg:source <http://example.org/id/report/rep-c/rec/6(b)> ;
    rg:target <http://example.org/id/report/rep-b/rec/R6> ; rg:score 0.3 ;
    rg:evidence "shared terms: PDR, performance" ; rg:recurringDespiteClosure false .
ex:repeat-c7-a2 a rg:Repeat , rg:Link ; rg:source <http://example.org/id/report/rep-c/rec/7> ;
    rg:target <http://example.org/id/report/rep-a/rec/2> ; rg:score 0.25 ;
    rg:evidence "shared terms: postings" ; rg:recurringDespiteClosure true .
ex:xref-a3 a rg:CrossReference , rg:Link ; rg:source <http://example.org/id/report/rep-a/rec/3> ;
    rg:target <http://example.org/id/report/rep-a/rec/1> ; rg:score 1 ; rg:phrase "See recommendation 1 above." .
ex:dep-a1 a rg:Dependency , rg:Link ; rg:source <http://example.org/id/report/rep-a/rec/1> ;
    rg:target sy:methr ; rg:phrase "Awaits MetHR." ; rg:evidence "system dependency: 'awaits'" .
ex:dep-a2 a rg:Dependency , rg:Link ; rg:source <http://example.org/id/report/rep-a/rec/2> ;
    rg:target sy:prism ; rg:phrase "Keep personnel data on PRISM." .
ex:dep-b6 a rg:Dependency , rg:Link ; rg:source <http://example.org/id/report/rep-b/rec/R6> ;
    rg:target ex:programme-careers ; rg:phrase "subsumed into Career Pathways" .
"""


def filler(count: int = 400) -> str:
    """Triples no analysis needs (spans and leftovers), so tests can check none is fetched."""
    return "\n".join(
        f'<http://example.org/id/span/filler/{n}> a <https://w3id.org/recgraph/ontology#Leftover> ; '
        f'<https://w3id.org/recgraph/ontology#verbatim> "filler line {n}" .'
        for n in range(count)
    )


def make_store(turtle: str = TINY, with_filler: bool = True) -> ox.Store:
    store = ox.Store()
    store.load((turtle + ("\n" + filler() if with_filler else "")).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture
def rec() -> dict[str, str]:
    """The IRIs of the tiny graph's recommendations, by short name (a1 = rep-a/1, c6b = rep-c/6(b) ...)."""
    return dict(REC)


@pytest.fixture
def tiny() -> ox.Store:
    """The tiny graph in an in-memory store."""
    return make_store()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """The SPARQL endpoint of a read-only server over the tiny graph, on the loopback interface."""
    from recgraph.graph.server import create_app
    from recgraph.graph.server.background import serve_in_background

    with serve_in_background(create_app(make_store())) as url:
        yield f"{url}/sparql"


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory):
    """The tiny graph as a store folder (as `recgraph build` leaves it), for the commands; read only."""
    from recgraph.graph.store.database import build_store

    quads = ox.serialize(make_store(), format=ox.RdfFormat.N_QUADS).decode("utf-8")
    location = tmp_path_factory.mktemp("analyses") / "store"
    build_store([], location, extra_nquads=quads.splitlines(keepends=True))
    return location
