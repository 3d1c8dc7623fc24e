"""Stage 1, reading: takes paper files (text) and gives records with provenance (ReadResult).

Readers per layout, the catalogue, in-paper pointers, analysts' corrections, flat rows and the pool.
"""
