"""recgraph.graph: from papers to records to RDF; the library behind every command."""
