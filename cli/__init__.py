"""recgraph.cli: the `recgraph` command, a thin layer over the library."""
