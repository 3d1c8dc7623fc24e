"""recgraph.data: the papers recgraph reads by default (papers/), their catalogue and analysts' overrides."""
