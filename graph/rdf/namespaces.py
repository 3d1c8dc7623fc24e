"""The namespaces recgraph writes and queries, as classes where a mistyped term raises.

:class:`RG` lists every class and property of ``ontology/recgraph.ttl`` (a test keeps the two in
step), so ``RG.recomendation`` fails at once instead of minting a wrong IRI. :data:`PREFIXES` are
the prefixes used in exports, in saved queries and for ad-hoc SPARQL.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/recgraph/ontology"


class RG(DefinedNamespace):
    """The recgraph ontology (``https://w3id.org/recgraph/ontology#``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Classes
    SourceReport: URIRef
    Paper: URIRef
    Recommendation: URIRef
    ProgressUpdate: URIRef
    TextSpan: URIRef
    Leftover: URIRef
    Correction: URIRef  # an analyst's correction (a prov:Activity)
    Analyst: URIRef
    Programme: URIRef
    Theme: URIRef
    Status: URIRef
    System: URIRef
    Owner: URIRef
    Equivalent: URIRef  # names the papers use for one thing (equivalents.ttl)
    Group: URIRef  # a group of the workforce by a protected characteristic (groups.ttl)
    Link: URIRef
    CrossReference: URIRef
    Repeat: URIRef
    Dependency: URIRef
    ThemeTag: URIRef
    SystemMention: URIRef
    Related: URIRef
    AlignedPhrase: URIRef

    # Properties
    body: URIRef
    classification: URIRef
    closed: URIRef
    dependsOn: URIRef
    evidence: URIRef
    file: URIRef
    firstLine: URIRef
    hasLeftover: URIRef
    hasPart: URIRef
    heading: URIRef
    inPaper: URIRef
    issuer: URIRef
    key: URIRef
    lastLine: URIRef
    layout: URIRef
    listedIn: URIRef
    mentionsSystem: URIRef
    method: URIRef
    mpaAction: URIRef
    number: URIRef
    printedNumber: URIRef
    covers: URIRef
    mentionedIn: URIRef
    cites: URIRef
    printed: URIRef
    sentence: URIRef
    Mention: URIRef
    UnresolvedMention: URIRef
    topic: URIRef
    matchedBy: URIRef
    resolution: URIRef
    candidate: URIRef
    originalName: URIRef
    owner: URIRef
    ownerText: URIRef
    paraRef: URIRef
    paragraph: URIRef
    partOf: URIRef
    patternPriority: URIRef
    phrase: URIRef
    progress: URIRef
    rank: URIRef
    reason: URIRef
    recurringDespiteClosure: URIRef
    refersTo: URIRef
    reiterates: URIRef
    reportKind: URIRef
    reportsOn: URIRef
    resolved: URIRef
    score: URIRef
    sharedSystem: URIRef
    sharedTerm: URIRef
    sharedTheme: URIRef
    source: URIRef
    sourceReport: URIRef
    status: URIRef
    statusBasis: URIRef
    statusPattern: URIRef
    statusPhrase: URIRef
    statusRule: URIRef
    subsumedInto: URIRef
    target: URIRef
    targetText: URIRef
    text: URIRef
    theme: URIRef
    timescale: URIRef
    tracks: URIRef
    verbatim: URIRef
    warning: URIRef
    # analysts' corrections and what the reading inferred (see writer.add_corrections)
    corrects: URIRef
    correctedField: URIRef
    correctedValue: URIRef
    printedValue: URIRef
    correctionsFile: URIRef
    correctionsRow: URIRef
    correctionOrigin: URIRef
    correction: URIRef
    caveat: URIRef
    dateSource: URIRef
    year: URIRef
    # Repeat and related links (issue 15)
    relatedTo: URIRef
    alignedPhrase: URIRef
    alignedShare: URIRef
    quote: URIRef
    laterWords: URIRef
    earlierWords: URIRef
    group: URIRef  # the group of a disparity an aligned phrase quotes (groups.ttl)
    stage: URIRef  # the stage of employment of that disparity (a theme)
    decision: URIRef
    decisionNote: URIRef
    wordSimilarity: URIRef
    themeSimilarity: URIRef
    systemSimilarity: URIRef


THEME = Namespace("https://w3id.org/recgraph/theme/")
STATUS = Namespace("https://w3id.org/recgraph/status/")
SYSTEM = Namespace("https://w3id.org/recgraph/system/")
OWNER = Namespace("https://w3id.org/recgraph/owner/")

#: Prefix -> namespace, for serialisations and SPARQL.
PREFIXES: dict[str, str] = {
    "rg": str(RG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "theme": str(THEME),
    "status": str(STATUS),
    "system": str(SYSTEM),
    "owner": str(OWNER),
}


def sparql_prologue() -> str:
    """``PREFIX`` lines for every entry of :data:`PREFIXES`."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
