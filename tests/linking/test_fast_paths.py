"""The quick ways repeat detection reads, counts and sorts give what the plain definitions give:
the word vectors are scikit-learn's TfidfVectorizer's over the features, compounds of a text that
names no equivalent are those of its content tokens, a quote is placed at the first run of its words
in the printed text, and each row's best neighbours come in the order of a three-key lexsort."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from recgraph.graph.linking.alignment import _JOIN, compound_pairs, content_tokens
from recgraph.graph.linking.candidates import best_first
from recgraph.graph.linking.repeats import _words_at
from recgraph.graph.linking.similarity import OWN_WEIGHT, word_vectors
from recgraph.graph.linking.terms import features, terms

WORDS = ["staff", "appraisal", "appraisals", "the", "of", "a", "multi", "point", "entry", "MPS", "x1", "2010",
         "grievance", "procedure", "Procedure", "is", "vetting"]
GAPS = [" ", "  ", "-", "/", ", ", ". ", "\n", " - ", "", "'"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=14).map(
    lambda parts: "".join(word + gap for word, gap in parts))


def test_word_vectors_are_those_of_tfidf_vectorizer_over_the_features():
    own = ["Clear the staff appraisal backlog.", "", "Staff appraisal staff appraisal: vetting backlog", "The MPS should."]
    progress = ["Appraisal completion is reported.", "Vetting of staff", "", "staff"]

    def analyse(index):
        return features(own[index]) * OWN_WEIGHT + features(progress[index])

    vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, dtype=np.float32)
    expected = vectorizer.fit_transform(range(len(own))).tocsr()
    matrix, single = word_vectors([terms(t) for t in own], [terms(t) for t in progress])
    for part in ("indptr", "indices", "data"):  # the same entries in the same order, bit for bit
        assert np.array_equal(getattr(matrix, part), getattr(expected, part)), part
    assert single.tolist() == [" " not in name for name in vectorizer.get_feature_names_out()]
    assert word_vectors([[], []], [[], []])[0].shape == (2, 1)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_compounds_of_plain_words_are_those_of_the_content_tokens(text):
    tokens = content_tokens(text)
    expected = {tuple(sorted((left.term, right.term))) for left, right in zip(tokens, tokens[1:])
                if left.term != right.term and _JOIN.fullmatch(text, left.end, right.start)}
    assert compound_pairs.__wrapped__(text) == expected


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 13), st.integers(1, 4))
def test_a_quote_is_placed_at_the_first_run_of_its_words(text, start, length):
    printed = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+", text)]
    words = [w for w, _, _ in printed[start : start + length]] or ["appraisal", "of"]
    expected = next(((printed[i][1], printed[i + len(words) - 1][2]) for i in range(len(printed))
                     if [w for w, _, _ in printed[i : i + len(words)]] == words), None)
    assert _words_at(text, words) == expected


def test_best_neighbours_come_in_the_order_of_a_lexsort():
    rng = np.random.default_rng(0)
    rows = rng.integers(0, 50, 2000)
    cols = rng.integers(0, 300, 2000)
    values = rng.choice(np.array([0.5, 0.25, 1e-7, 0.3, 0.9], np.float32), 2000)  # many ties
    order = np.lexsort((cols, -values, rows))
    for width in (300, 2**40):  # packed in an int64, and too wide to pack
        found = best_first(rows, cols, values, width)
        assert all(np.array_equal(x, y[order]) for x, y in zip(found, (rows, cols, values)))
