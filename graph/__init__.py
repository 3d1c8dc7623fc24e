"""recgraph.graph: from papers to records to RDF; the library behind every command.

One subpackage per stage, in the order data flows (no stage imports a later one):
model.py (the records every stage sees), reading/, enrich/, linking/, rdf/, store/, analyses/,
server/; synthetic/ writes test corpora for the readers; pipeline.py runs the stages end to end.
"""
