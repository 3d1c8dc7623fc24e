"""Stage 5, the store: takes N-Quads and gives a validated Oxigraph store, swapped in atomically.

Builds, validation, saved queries, export, publishing, remote endpoints and the Python API (knowledge).
"""
