"""Stage 4, RDF: takes records, enrichment and links and gives N-Quads, one named graph per paper.

IRIs are minted here (iri.py); the namespaces, the RDF writers and SHACL compiled to SPARQL live here.
"""
