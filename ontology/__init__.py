"""recgraph.ontology: the OWL ontology, SHACL shapes, SKOS vocabularies and saved SPARQL queries (Turtle and .rq files)."""
