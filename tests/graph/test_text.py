"""Loading a paper: what is refused, with which message, and what is decoded with a warning."""

from __future__ import annotations

import pytest

from recgraph.errors import ReadError
from recgraph.graph.reading.readers.text import Coverage, Document, clean, load_document, slugify


def test_an_empty_file_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(ReadError, match="empty") as caught:
        load_document(path)
    assert caught.value.file == str(path)


def test_a_binary_file_is_refused_with_the_line_of_the_first_binary_byte(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"Recommendation 1\nsecond line\n\x00\x01\x02PK\x03\x04")
    with pytest.raises(ReadError, match="binary") as caught:
        load_document(path)
    assert (caught.value.file, caught.value.line) == (str(path), 3)


def test_a_cp1252_file_is_decoded_with_a_warning_naming_the_line(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Recommendation 1\nThe MPS\u2019s response \u2013 agreed\n".encode("cp1252"))
    document = load_document(path)
    assert document.encoding == "cp1252"
    assert document.lines[1] == "The MPS\u2019s response \u2013 agreed"
    assert document.warnings == [f"{path}:2: not UTF-8; decoded as Windows-1252 (cp1252)"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(ReadError, match=r"is 50\.0 MB.*--max-size"):
        load_document(path)


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="folder"):
        load_document(tmp_path)


def test_windows_line_ends_do_not_shift_line_numbers(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\r\nthree\r\n")
    assert load_document(path).lines[:3] == ["one", "two", "three"]


def test_coverage_reports_runs_of_unclaimed_non_blank_lines():
    document = Document.from_text("title\n\nrec 1\nprogress\n\nstray words\nmore stray\n\nfooter", name="p.txt")
    coverage = Coverage(document)
    coverage.claim(1)
    coverage.claim(3, 4)
    coverage.claim(9)
    [left] = coverage.leftovers()
    assert (left.first_line, left.last_line, left.text) == (6, 7, "stray words\nmore stray")


def test_clean_removes_tags_and_entity_encoded_tags():
    assert clean("<sup>&</sup>lt;sup&gt;2&lt;/sup&gt; Column 2") == "2 Column 2"
    assert clean("<i>(para.</i> <i>3.4)</i>") == "(para. 3.4)"


def test_slugs_are_stable_ascii():
    assert slugify("Race and Faith Inquiry – update") == "race-and-faith-inquiry-update"


def test_a_document_warning_is_stated_once_whatever_reader_reads_the_paper(tmp_path):
    # The table and proforma readers used to copy the document's warnings, and read_paper added them again.
    import recgraph
    from recgraph.graph.reading.papers import read_paper

    seed = (recgraph.data_path() / "papers" / "000_e465e3dd12847c8c.txt").read_text(encoding="utf-8")
    path = tmp_path / "table.txt"
    path.write_bytes((seed + "\nThe MPS\u2019s closing remark\n").encode("cp1252", errors="replace"))
    result = read_paper(path)
    assert result.paper.layout == "table"
    assert sum("decoded as Windows-1252" in warning for warning in result.warnings) == 1
