"""The pdf_columns reader: PDF action-plan tables flattened to text with their columns interleaved.

Seed: 002 (District Audit report on the policing and performance plan 2001/2, R1-R13). Facts below
are copied from the reference annotation; the test never reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading.readers import pdf_columns
from recgraph.graph.reading.readers.text import Document, load_document

PAPERS = Path(recgraph.data_path()) / "papers"
# Facts copied from the reference annotation (heading, classification, text/progress starts, status,
# owner, timescale per row); U+E007 is the PDF's hyphen glyph, kept verbatim.
GOLD = json.loads((Path(__file__).parent / "fixtures" / "pdf_columns_002.json").read_text(encoding="utf-8"))
SEED = GOLD["file"]
ROWS = {row["id"]: row for row in GOLD["recommendations"]}
OTHERS = [  # the other seed papers: tab-separated tables (000, 001) and web committee reports (003, 004)
    "000_e465e3dd12847c8c.txt",
    "001_feb76c68d8c1448c.txt",
    "003_4b6427e468c57cc2.txt",
    "004_2d7aea74777c19f4.txt",
]
SOURCE = "district-audit-report-on-policing-and-performance-plan-2001-2"
# Reconstructed or ambiguous in the reference (R1 interleaved; R4/R5 share two timescale cells; R11's
# heading and owner are cut mid-word by the page break): heading/owner/timescale are not compared.
RECONSTRUCTED = {"R1", "R4", "R5", "R11"}


@pytest.fixture(scope="module")
def seed():
    return pdf_columns.read(load_document(PAPERS / SEED))


def by_number(result):
    return {rec.number: (rec, result.update_for(rec)) for rec in result.recommendations}


def test_detect_scores_the_seed_high_and_the_other_seeds_low():
    assert pdf_columns.detect(load_document(PAPERS / SEED)) >= 0.5
    for name in OTHERS:
        assert pdf_columns.detect(load_document(PAPERS / name)) < 0.5, name


def test_paper_title_date_and_source_report(seed):
    assert seed.paper.layout == "pdf_columns"
    assert seed.paper.title == GOLD["document_title"]
    assert seed.paper.date == GOLD["document_date"]
    (source,) = seed.paper.source_reports
    assert source.title == "DISTRICT AUDIT REPORT ON POLICING AND PERFORMANCE PLAN 2001/2"
    assert source.key == SOURCE


def test_all_thirteen_rows_are_found_in_order_with_their_source_report(seed):
    assert [rec.number for rec in seed.recommendations] == [f"R{n}" for n in range(1, 14)]
    assert {rec.source_report for rec in seed.recommendations} == {SOURCE}
    assert all(rec.parent is None and rec.para_ref is None for rec in seed.recommendations)


@pytest.mark.parametrize("number", list(ROWS))
def test_text_status_and_progress_start_as_in_the_reference(seed, number):
    rec, update = by_number(seed)[number]
    gold = ROWS[number]
    assert gold["text_starts"][:40] in f"{rec.heading or ''} {rec.text}"
    assert update.status_phrase == gold["status_phrase"]
    assert update.progress.startswith(gold["progress_starts"])
    assert rec.classification == gold["classification"]
    assert update.paper_date == GOLD["document_date"]


@pytest.mark.parametrize("number", [n for n in ROWS if n not in RECONSTRUCTED])
def test_heading_owner_and_timescale(seed, number):
    rec, update = by_number(seed)[number]
    gold = ROWS[number]
    assert (rec.heading, update.owner, update.timescale) == (gold["heading"], gold["owner"], gold["timescale"])


def test_the_interleaved_first_row_keeps_its_whole_paragraph_as_provenance(seed):
    rec, update = by_number(seed)["R1"]
    assert rec.provenance.lines == (49, 56)  # the paragraph, and the status line after R2's text
    assert "BVPI 129 (re drugs)." in rec.provenance.text
    assert rec.classification == "STATUTORY"
    assert rec.heading == "Performance" and update.owner == "ACPRS/"
    assert any(":49: row R1's cells are interleaved" in w for w in seed.warnings)


def test_rows_split_by_page_breaks_are_joined(seed):
    rows = by_number(seed)
    r5, u5 = rows["R5"]
    assert r5.text.endswith("wo k, res outcomes.")
    assert "Work continues to monitor" in u5.progress
    assert (u5.provenance.first_line, u5.provenance.last_line) == (79, 90)
    r11, u11 = rows["R11"]
    assert r11.heading == "Review scrutiny and progress chasin arrangements for reviews"
    assert u11.owner == "ACPRS/ Head of Best V lue Value group"
    _, u13 = rows["R13"]
    assert u13.provenance.lines == (156, 160)
    assert "MPA DA" not in u13.progress  # the page footer is not progress


def test_a_status_glued_to_the_next_text_is_split(seed):
    rows = by_number(seed)
    assert rows["R3"][1].provenance.lines == (76, 78)
    assert rows["R3"][1].progress.endswith("best value newsletter planned. Recommendation met: moderately")
    assert rows["R4"][1].provenance.lines == (78, 78)
    assert rows["R4"][1].progress.startswith("Resourcing has been monitored")


def test_spans_of_whole_rows(seed):
    rows = by_number(seed)
    assert rows["R2"][0].provenance.lines == (50, 58)
    assert rows["R6"][0].provenance.lines == (80, 92)


def test_nothing_is_left_over_on_the_seed(seed):
    # Page wrapper (UI lines, the preview of line 49, the closing "Voir icon more"/"Alternate Text")
    # and the page footers "MPA DAApril 18v2" are boilerplate; everything else belongs to a row.
    assert seed.leftovers == []
    assert any("2 timescale cells for rows R3 R4 R5" in w for w in seed.warnings)


# --- a hand-made variant: other numbers, title, date, footers; no wrapper, no interleaved row -------

VARIANT = """Annex B
ACTION PLAN PROGRESS SUMMARY : HMIC THEMATIC REVIEW OF CUSTODY 2003 as at 30 June 2003 No Subject Lead Progress
R14
Custody record keeping
Non-statutory
Page 1 of 3
DCC/ Head of Custody Policy
Ongoing
Ensure that custody records are complete and audited every month.
An audit regime was introduced in May.
Recommendation met: significantly
R15
R16
Training of detention officers
STATUTORY
Cell inspections
Director of Training
ACSO
April 2003
End of 2003
Train all detention officers in first aid.
Inspect every cell weekly and record the
All detention officers have been trained.
Recommendation met: completelyInspections are recorded on a new form. Compliance is at
Page 2 of 3
R17
Nonstatutory
Healthcare provision
STATUTORY
ACHR
March 2004
findings.
Provide healthcare professionals in every custody suite.
ninety per cent.
Recommendation met :moderately
A pilot of nurses in two suites has begun.
Recommendation met: partially
Page 3 of 3"""


def test_variant_is_read_by_layout_alone():
    doc = Document.from_text(VARIANT, "variant.txt")
    assert pdf_columns.detect(doc) >= 0.5
    result = pdf_columns.read(doc)
    assert result.paper.title == "Annex B ACTION PLAN PROGRESS SUMMARY : HMIC THEMATIC REVIEW OF CUSTODY 2003"
    assert result.paper.date == "2003-06-30"
    assert result.paper.source_reports[0].key == "hmic-thematic-review-of-custody-2003"
    rows = by_number(result)
    assert list(rows) == ["R14", "R15", "R16", "R17"]
    r16, u16 = rows["R16"]
    assert (r16.heading, r16.classification, u16.owner, u16.timescale) == (
        "Cell inspections", "Nonstatutory", "ACSO", "End of 2003")
    assert r16.text == "Inspect every cell weekly and record the findings."
    assert u16.progress == (
        "Inspections are recorded on a new form. Compliance is at ninety per cent. Recommendation met :moderately"
    )
    r15, u15 = rows["R15"]
    assert (r15.classification, u15.owner) == ("STATUTORY", "Director of Training")
    assert u15.status_phrase == "Recommendation met: completely"
    r17, u17 = rows["R17"]
    assert (r17.heading, r17.classification, u17.owner, u17.timescale) == (
        "Healthcare provision", "STATUTORY", "ACHR", "March 2004")
    assert u17.status_phrase == "Recommendation met: partially"
    assert rows["R14"][1].owner == "DCC/ Head of Custody Policy"
    assert result.leftovers == [] and result.warnings == []


WRAPPER = """Custody action plan

icon

5

pages

English

Download requires a subscription to the library

Download requires a subscription to the library

{preview} ...
Voir icon arrow

Language

"""


def test_variant_behind_a_page_wrapper_claims_the_wrapper_as_boilerplate():
    header = VARIANT.splitlines()[1]
    text = WRAPPER.format(preview=header[:110]) + VARIANT + "\nVoir icon more\nAlternate Text"
    result = pdf_columns.read(Document.from_text(text, "wrapped.txt"))
    assert [rec.number for rec in result.recommendations] == ["R14", "R15", "R16", "R17"]
    assert result.leftovers == []
    assert result.paper.title.startswith("Annex B ACTION PLAN")


# --- bad input -------------------------------------------------------------------------------


def test_a_paper_without_id_lines_is_refused_with_its_location():
    with pytest.raises(ReadError) as err:
        pdf_columns.read(Document.from_text("Some title\nRecommendation met: partially\n", "bad.txt"))
    assert (err.value.file, err.value.line) == ("bad.txt", 1)


def test_a_missing_status_line_is_warned_with_the_row_line():
    text = VARIANT.replace("Recommendation met: partially\n", "")
    result = pdf_columns.read(Document.from_text(text, "v.txt"))
    assert "v.txt:26: row R17 has no 'Recommendation met' status line" in result.warnings


def test_text_after_the_last_status_is_warned_and_left_over():
    text = VARIANT + "\nThis long sentence was appended after every row had its status line."
    result = pdf_columns.read(Document.from_text(text, "v.txt"))
    last = len(text.splitlines())
    assert f"v.txt:{last}: text after every row's status line could not be placed" in result.warnings
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(last, last)]


def test_a_number_printed_twice_is_warned_and_its_lines_left_over():
    text = VARIANT.replace("R17", "R14")
    result = pdf_columns.read(Document.from_text(text, "v.txt"))
    assert [rec.number for rec in result.recommendations] == ["R14", "R15", "R16"]
    assert "v.txt:26: row R14 appears twice; the second is left unread" in result.warnings
    assert result.leftovers[0].first_line == 26  # from the repeated id on
