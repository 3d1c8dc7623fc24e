"""recgraph.visualisations: pure builders from analysis results to pyvis networks."""
