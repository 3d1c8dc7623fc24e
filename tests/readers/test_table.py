"""The table reader: tab-separated recommendation tables with repeated headers (seed paper 000)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading.readers import table
from recgraph.graph.reading.readers.text import Document, load_document, slugify

PAPERS = recgraph.data_path() / "papers"
GOLD = json.loads((Path(__file__).parent / "fixtures" / "table_000.json").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in GOLD["items"]}


@pytest.fixture(scope="module")
def seed():
    document = load_document(PAPERS / GOLD["file"])
    return document, table.read(document)


def _record(result, number):
    (rec,) = [rec for rec in result.recommendations if rec.number == number]
    return rec, result.update_for(rec)


# --- detection ----------------------------------------------------------------------------------


def test_detect_scores_the_seed_table_high_and_the_other_seeds_low():
    for path in sorted(PAPERS.glob("*.txt")):
        score = table.detect(load_document(path))
        if path.name == GOLD["file"]:
            assert score >= 0.5
        else:
            assert score < 0.5, path.name


# --- the seed paper -----------------------------------------------------------------------------


def test_every_item_is_found_once_in_its_source_report_in_document_order(seed):
    _, result = seed
    got = [(rec.source_report, rec.number, rec.parent) for rec in result.recommendations]
    want = [(slugify(item["report_title"]), item["id"], None) for item in GOLD["items"]]
    assert got == want
    assert len(result.updates) == len(want)


def test_the_paper_has_three_source_reports_titled_as_printed_and_no_date(seed):
    document, result = seed
    paper = result.paper
    assert paper.layout == "table"
    assert paper.file == document.name
    assert paper.title == GOLD["document_title"]
    assert paper.date is None
    assert [report.title for report in paper.source_reports] == list(dict.fromkeys(i["report_title"] for i in GOLD["items"]))
    assert [report.provenance.lines for report in paper.source_reports] == [(3, 4), (33, 33), (37, 38)]


@pytest.mark.parametrize("number", list(ITEMS))
def test_text_heading_and_para_ref_match_the_reference(seed, number):
    _, result = seed
    rec, _ = _record(result, number)
    gold = ITEMS[number]
    assert rec.heading == gold["heading"]
    shown = f"{rec.heading}: {rec.text}" if rec.heading else rec.text
    assert shown.startswith(gold["text_starts"])
    assert rec.para_ref == gold["para_ref"]


@pytest.mark.parametrize("number", list(ITEMS))
def test_progress_status_and_mpa_action_match_the_reference(seed, number):
    _, result = seed
    _, update = _record(result, number)
    gold = ITEMS[number]
    assert update.progress.startswith(gold["progress_starts"])
    if number == "9":
        # The reference keeps only the clause "the MPS awaits national developments" of the sentence.
        assert gold["status_phrase"] in update.status_phrase
    else:
        assert update.status_phrase == gold["status_phrase"]
    assert update.mpa_action == gold["mpa_action"]
    assert update.owner is None and update.timescale is None
    assert update.paragraphs == ()


@pytest.mark.parametrize(
    ("number", "lines"),
    [("5", (7, 7)), ("18", (11, 14)), ("21", (17, 20)), ("23", (22, 25)), ("110", (35, 35)), ("15", (48, 48))],
)
def test_provenance_spans_the_rows_and_their_page_break_continuations(seed, number, lines):
    document, result = seed
    rec, update = _record(result, number)
    assert rec.provenance.lines == lines
    assert update.provenance.lines == lines
    assert rec.provenance.text == document.span(*lines)


def test_continuation_rows_append_each_cell_to_the_previous_item(seed):
    _, result = seed
    rec, update = _record(result, "21")
    assert "(See also item 3, para. 2.14) One possible way of improving the situation" in rec.text
    assert update.progress.endswith("as part of the police reform process. Action complete")
    _, update = _record(result, "18")
    assert update.progress.endswith("The People Strategy has been refreshed and is the subject of a separate paper to the HRC on 3 October.")


def test_the_seed_leaves_nothing_over_and_warns_of_nothing(seed):
    _, result = seed
    assert result.leftovers == []
    assert result.warnings == []


# --- another paper of the family ----------------------------------------------------------------

VARIANT = "\n".join(
    [
        "# Audit Commission review of custody 2004",
        "",
        "No.\tFinding\tMPA action\tLead\tResponse and progress",
        "R1\t<p>Custody records: Records should be audited monthly. (Para. 3.2)</p>\tTo note.\tTP HQ\t<p>Audits began in May.</p> <p>Action completed.</p>",
        "R2\tThe MPS should train all sergeants (see para 1.1) in the new custody system\tTo receive a report.\tTraining\tTraining is planned",
        "",
        "No.\tFinding\tMPA action\tLead\tResponse and progress",
        "\tbefore the end of the year. (Paras 4.1 and 4.2)\t\t\tfor October.",
        "12",
        "Internal review of detention 2005\t\t\t\t",
        "No.\tFinding\tMPA action\tLead\tResponse and progress",
        "2(a)\tDetention times should be recorded.\t\tCustody Directorate\tThe MPS awaits national developments, but has drafted guidance.",
    ]
)


def test_a_variant_with_other_columns_numbers_and_titles_is_read_by_header_names():
    document = Document.from_text(VARIANT, name="variant.txt")
    assert table.detect(document) >= 0.5
    result = table.read(document)
    assert [(r.title, r.key) for r in result.paper.source_reports] == [
        ("Audit Commission review of custody 2004", "audit-commission-review-of-custody-2004"),
        ("Internal review of detention 2005", "internal-review-of-detention-2005"),
    ]
    r1, r2, r2a = result.recommendations
    assert (r1.number, r1.heading, r1.text, r1.para_ref) == (
        "R1", "Custody records", "Records should be audited monthly. (Para. 3.2)", "3.2")
    assert (r2.number, r2.heading, r2.para_ref) == ("R2", None, "4.1 and 4.2")
    assert r2.text.endswith("in the new custody system before the end of the year. (Paras 4.1 and 4.2)")
    assert r2.provenance.lines == (5, 8)
    assert (r2a.number, r2a.parent, r2a.source_report) == ("2(a)", "2", "internal-review-of-detention-2005")
    u1, u2, u2a = result.updates
    assert (u1.status_phrase, u1.owner, u1.mpa_action) == ("Action completed.", "TP HQ", "To note.")
    assert u2.progress == "Training is planned for October."
    assert (u2a.status_phrase, u2a.mpa_action) == ("The MPS awaits national developments", None)
    assert result.leftovers == [] and result.warnings == []


def test_a_proforma_header_is_not_a_table_header():
    header = "HMIC Recommendation\tLinks\tMPA monitoring\tMPS response and progress\tTimetable for Action\tAction by Whom"
    assert table.header_columns(header.split("\t")) is None
    assert table.detect(Document.from_text(header + "\n1. The MPS should act.\t\t\tDone.\t\t")) == 0.0


# --- bad input ----------------------------------------------------------------------------------

HEADER = "Rec.\tRecommendation\tMPS response\tMPA Action"


def _read(*rows):
    return table.read(Document.from_text("\n".join(["**Some inspection**", HEADER, *rows]), name="bad.txt"))


def test_a_row_with_more_filled_cells_than_its_header_is_refused_with_its_line():
    with pytest.raises(ReadError) as err:
        _read("1\tText.\tProgress.\tTo note.", "2\tText.\tProgress.\tTo note.\tStray cell")
    assert (err.value.file, err.value.line) == ("bad.txt", 4)


def test_a_numbered_row_with_fewer_cells_is_read_with_a_warning():
    result = _read("1\tText. (Para 2.1)\tAction complete")
    (update,) = result.updates
    assert (update.status_phrase, update.mpa_action) == ("Action complete", None)
    assert result.warnings == ["bad.txt:3: row has 3 cells but its header has 4; missing cells read as empty"]


def test_a_number_repeated_in_one_source_report_is_a_warning_and_a_leftover():
    result = _read("7\tFirst.\tDone.\t", "7.\tSecond.\tDone.\t")
    assert [rec.text for rec in result.recommendations] == ["First."]
    assert result.warnings[0].startswith("bad.txt:4: recommendation 7 appears twice")
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(4, 4)]


def test_a_continuation_row_with_nothing_to_continue_is_a_warning_and_a_leftover():
    result = _read("\tmore text\t\t")
    assert result.recommendations == []
    assert result.warnings[0].startswith("bad.txt:3: row with an empty number cell")
    assert [left.first_line for left in result.leftovers] == [3]


def test_an_unclosed_bold_title_does_not_swallow_the_table():
    document = Document.from_text("\n".join(["**Some inspection", HEADER, "1\tText.\tDone.\tTo note."]), name="bad.txt")
    result = table.read(document)
    assert [(r.source_report, r.number) for r in result.recommendations] == [("some-inspection", "1")]
    assert result.leftovers == []
