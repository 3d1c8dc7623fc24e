"""The proforma reader: six-column monitoring proformas with continued rows (seed paper 001)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recgraph
from recgraph.errors import ReadError
from recgraph.graph.reading.readers import proforma
from recgraph.graph.reading.readers.text import Document, load_document

PAPERS = recgraph.data_path() / "papers"
GOLD = json.loads((Path(__file__).parent / "fixtures" / "proforma_001.json").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in GOLD["items"]}


@pytest.fixture(scope="module")
def seed():
    document = load_document(PAPERS / GOLD["file"])
    return document, proforma.read(document)


def _record(result, number):
    (rec,) = [rec for rec in result.recommendations if rec.number == number]
    return rec, result.update_for(rec)


# --- detection ----------------------------------------------------------------------------------


def test_detect_scores_the_seed_proforma_high_and_the_other_seeds_low():
    for path in sorted(PAPERS.glob("*.txt")):
        score = proforma.detect(load_document(path))
        if path.name == GOLD["file"]:
            assert score >= 0.5
        else:
            assert score < 0.5, path.name


# --- the seed paper -----------------------------------------------------------------------------


def test_recommendations_1_to_29_are_found_once_in_one_source_report(seed):
    _, result = seed
    assert [rec.number for rec in result.recommendations] == [item["id"] for item in GOLD["items"]]
    assert {(rec.source_report, rec.parent) for rec in result.recommendations} == {("winning-consent-part-i", None)}
    assert len(result.updates) == 29


def test_the_paper_is_titled_by_its_headings_and_the_report_by_its_report_heading(seed):
    document, result = seed
    paper = result.paper
    assert (paper.layout, paper.file, paper.date) == ("proforma", document.name, None)
    assert paper.title == GOLD["document_title"]
    (report,) = paper.source_reports
    assert (report.key, report.title, report.provenance.lines) == ("winning-consent-part-i", "WINNING CONSENT Part I", (3, 3))


@pytest.mark.parametrize("number", list(ITEMS))
def test_text_para_ref_and_progress_match_the_reference(seed, number):
    _, result = seed
    rec, update = _record(result, number)
    gold = ITEMS[number]
    assert rec.text.startswith(gold["text_starts"])
    assert rec.heading is None
    assert rec.para_ref == gold["para_ref"]
    assert update.progress.startswith(gold["progress_starts"])


@pytest.mark.parametrize("number", list(ITEMS))
def test_owner_status_timescale_and_mpa_action_match_the_reference(seed, number):
    _, result = seed
    _, update = _record(result, number)
    gold = ITEMS[number]
    assert update.owner == gold["owner"]
    assert update.status_phrase == gold["status_phrase"]
    assert update.timescale == gold["timescale"]
    assert update.mpa_action == gold["mpa_action"]


@pytest.mark.parametrize(
    ("number", "lines"),
    [("1", (8, 26)), ("5", (36, 37)), ("6", (38, 49)), ("8", (51, 60)), ("22", (86, 91)), ("28", (99, 102)), ("29", (103, 103))],
)
def test_provenance_spans_the_item_and_its_continued_rows(seed, number, lines):
    document, result = seed
    rec, update = _record(result, number)
    assert rec.provenance.lines == lines
    assert update.provenance.lines == lines
    assert update.provenance.text == document.span(*lines)


def test_page_turn_markers_are_removed_from_the_progress_but_kept_in_the_provenance(seed):
    _, result = seed
    for update in result.updates:
        assert "continued" not in update.progress and "> page" not in update.progress
    rec, update = _record(result, "6")
    assert "(continued on page 6)" in update.provenance.text
    assert "styles that had been adopted throughout the MPS at borough level. Following considerable discussion" in update.progress
    assert update.progress.endswith("Government Office for London.")
    _, update = _record(result, "1")
    assert "driven by the MPA. A number of the recommendations have been implemented" in update.progress


def test_the_footnotes_and_the_preface_are_boilerplate_and_nothing_is_left_over(seed):
    _, result = seed
    assert result.leftovers == []
    assert result.warnings == []


# --- another paper of the family ----------------------------------------------------------------

VARIANT = "\n".join(
    [
        "**MPA/MPS HMIC INSPECTION RECOMMENDATIONS MONITORING AND REVIEW PROFORMA**",
        "**HMIC REPORT: OPEN ALL HOURS 2001**",
        "See the footnotes for what each column holds.",
        "HMIC Recommendation <sup>1</sup>\tMPS response and progress <sup>2</sup>\tAction by Whom <sup>3</sup>\tTimetable for Action <sup>4</sup>\tLinks <sup>5</sup>",
        "4. Forces should publish patrol times. <i>(para.</i> <i>2.7)</i>\tA pilot runs in Camden. (continued on page 2)\tTerritorial Policing\tMarch 2003\t",
        "\tBoroughs will follow.\tHQ Patrol Unit\t\t",
        "<sup>1</sup> Column 1 holds the recommendation.",
        "3",
        "HMIC Recommendation\tMPS response and progress\tAction by Whom\tTimetable for Action\tLinks",
        "(Rec. 4 continued)\t(continued from page 1) Results are due in May.\tTerritorial Policing\t\t",
        "7(a). The MPS should review patrol strength. (page 9, para 3.1)\tReview done.\tPatrol Strategy\tThe MPS considers action to be complete.\t",
    ]
)


def test_a_variant_with_other_column_order_numbers_and_report_is_read_by_header_names():
    document = Document.from_text(VARIANT, name="variant.txt")
    assert proforma.detect(document) >= 0.5
    result = proforma.read(document)
    assert result.paper.title == "MPA/MPS HMIC INSPECTION RECOMMENDATIONS MONITORING AND REVIEW PROFORMA \u2013 HMIC REPORT: OPEN ALL HOURS 2001"
    assert [(r.key, r.title) for r in result.paper.source_reports] == [("open-all-hours-2001", "OPEN ALL HOURS 2001")]
    four, seven = result.recommendations
    assert (four.number, four.text, four.para_ref, four.provenance.lines) == (
        "4", "Forces should publish patrol times. (para. 2.7)", "2.7", (5, 10))
    assert (seven.number, seven.parent, seven.para_ref) == ("7(a)", "7", "3.1")
    u4, u7 = result.updates
    # The owner cell wraps onto the row below on the same page; the continued row only repeats it.
    assert u4.owner == "Territorial Policing HQ Patrol Unit"
    assert u4.progress == "A pilot runs in Camden. Boroughs will follow. Results are due in May."
    assert (u4.timescale, u4.status_phrase) == ("March 2003", None)
    assert (u7.timescale, u7.status_phrase, u7.owner) == (None, "The MPS considers action to be complete.", "Patrol Strategy")
    assert result.leftovers == [] and result.warnings == []


def test_a_table_family_header_is_not_a_proforma_header():
    assert proforma.header_columns(["Rec.", "Recommendation", "MPS response", "MPA Action"]) is None
    assert proforma.detect(Document.from_text("Rec.\tRecommendation\tMPS response\tMPA Action\n6.\tText.\tDone.\tTo note.")) == 0.0


# --- bad input ----------------------------------------------------------------------------------

HEADER = "HMIC Recommendation\tLinks\tMPA monitoring\tMPS response and progress\tTimetable for Action\tAction by Whom"


def _read(*rows):
    return proforma.read(Document.from_text("\n".join(["# HMIC REPORT: Some inspection", HEADER, *rows]), name="bad.txt"))


def test_a_row_with_more_filled_cells_than_its_header_is_refused_with_its_line():
    with pytest.raises(ReadError) as err:
        _read("1. Text.\t\t\tProgress.\t\tHR", "2. Text.\t\t\tProgress.\t\tHR\tStray cell")
    assert (err.value.file, err.value.line) == ("bad.txt", 4)


def test_a_short_row_is_read_with_a_warning():
    result = _read("1. Text. (para. 1.2)\t\t\tProgress.")
    (update,) = result.updates
    assert (update.progress, update.owner) == ("Progress.", None)
    assert result.warnings == ["bad.txt:3: row has 4 cells but its header has 6; missing cells read as empty"]


def test_a_continued_row_of_an_unknown_recommendation_is_a_warning_and_a_leftover():
    result = _read("1. Text.\t\t\tProgress.\t\tHR", "(Rec. 9 continued)\t\t\tMore.\t\tHR", "\t\t\tEven more.\t\t")
    (update,) = result.updates
    assert update.progress == "Progress."
    assert result.warnings[0].startswith("bad.txt:4: '(Rec. 9 continued)'")
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(4, 5)]


def test_a_number_repeated_in_one_source_report_is_a_warning_and_a_leftover():
    result = _read("1. First.\t\t\tDone.\t\tHR", "1. Again.\t\t\tDone.\t\tHR")
    assert [rec.text for rec in result.recommendations] == ["First."]
    assert result.warnings[0].startswith("bad.txt:4: recommendation 1 appears twice")
    assert [left.first_line for left in result.leftovers] == [4]


def test_links_text_is_kept_in_the_provenance_with_a_warning():
    result = _read("1. Text.\tSee report X\t\tDone.\t\tHR")
    assert "See report X" in result.updates[0].provenance.text
    assert result.warnings == ["bad.txt:3: Links cell of recommendation 1 is kept only in the provenance"]
