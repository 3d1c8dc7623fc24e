"""The proforma reader on other papers of its family: the monitoring proforma filled in for other reports.

Each variant in tests/readers/variants/proforma_*.txt is the MPA/MPS proforma as a clerk could have
filled it in for another HMIC report: dates in the Timetable column, other units in Action by
Whom, a status column, "Rec 3." numbering, "(Rec 5 cont'd)" rows over two page breaks, footnotes
that lost their superscripts, two reports in one paper, no headings at all, Windows line endings.
The facts below are what a reader of each paper finds in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recgraph.graph.reading.readers import detect_layout, layout_modules, proforma
from recgraph.graph.reading.readers.text import Document, load_document

VARIANTS = Path(__file__).parent / "variants"
FORM = "MPA/MPS HMIC INSPECTION RECOMMENDATIONS MONITORING AND REVIEW PROFORMA"

# Per item: every field not given is expected to be None; "text" and "progress" are openings.
EXPECTED = {
    "proforma_winning_the_race.txt": {
        "title": f"{FORM} \u2013 HMIC REPORT: WINNING THE RACE \u2013 EMBRACING DIVERSITY",
        "date": "2002-10-14",
        "reports": [("winning-the-race-embracing-diversity", "WINNING THE RACE \u2013 EMBRACING DIVERSITY")],
        "warnings": [],
        "items": [
            # The owner cell wraps onto the next row; the continued row after the footnotes repeats part of it.
            dict(number="12", text="Chief officers should ensure that every officer", para_ref="3.21",
                 progress="A briefing pack on the MPS Race Equality Scheme was issued to every borough in July 2002. "
                 "Borough commanders have been asked to report on its use. The pack will be evaluated by the "
                 "Diversity Directorate in the new year.",
                 owner="Territorial Policing HQ \u2013 Community Safety Unit", timescale="March 2003", lines=(10, 18)),
            dict(number="14", text="Forces should monitor the outcome of complaints", para_ref="4.7",
                 progress="Complaints data have been broken down", owner="DCC4 \u2013 Diversity Directorate",
                 timescale="31/12/2002", lines=(19, 19)),
            # "Complete" in the Timetable column is a status, not a timescale; "Ongoing" is a timescale.
            dict(number="15(a)", parent="15", text="Forces should review their recruitment advertising", para_ref="5.2",
                 progress="A new advertising campaign", status_phrase="Complete", owner="HR Department \u2013 Recruitment",
                 lines=(20, 20)),
            dict(number="15(b)", parent="15", text="Forces should set local targets", para_ref="5.3",
                 progress="Boroughs agreed local targets", owner="HR Department \u2013 Recruitment", timescale="Ongoing",
                 lines=(21, 21)),
            dict(number="18", text="HMIC will revisit the recommendations", para_ref="6.1",
                 progress="The MPS will report on progress to HMIC in its next inspection.", lines=(22, 22)),
        ],
    },
    "proforma_open_all_hours.txt": {
        "title": "HMIC Thematic Inspection: Open All Hours (2001) \u2013 Monitoring and review proforma \u2013 July 2004",
        "date": None,
        "reports": [("open-all-hours-2001", "Open All Hours (2001)")],
        "warnings": [],
        "items": [
            dict(number="3", text="Forces should publish the times", para_ref="2.7",
                 progress="Opening times for every front counter", status_phrase="Completed",
                 owner="Territorial Policing", timescale="December 2003", lines=(6, 6)),
            # Continued over two page breaks, "(Rec 5 continued)" then "(Rec 5 cont'd)".
            dict(number="5", text="The MPS should increase the visibility", para_ref="3.12",
                 progress="Safer Streets patrols were introduced in 12 town centres in 2003. A further 20 town centres "
                 "will be covered in 2004/05. Evaluation of the patrols will be reported to the Planning, "
                 "Performance and Review Committee.",
                 status_phrase="Ongoing", owner="TP Operations", timescale="March 2004", lines=(7, 17)),
            # The recommendation cell wraps onto the next row mid-sentence.
            dict(number="7", text="Police authorities should monitor public satisfaction with police visibility through "
                 "their community consultation arrangements. (para. 4.4)", para_ref="4.4",
                 progress="A question on visibility was added to the Public Attitude Survey in 2003. Results are "
                 "reported to the MPA each year.",
                 owner="Performance Information Bureau", timescale="Annually", lines=(18, 19)),
        ],
    },
    "proforma_policing_london.txt": {
        "title": f"{FORM} \u2013 HMIC REPORT: POLICING LONDON \u2013 WINNING CONSENT Part II",
        "date": None,
        "reports": [
            ("policing-london-winning-consent-part-ii", "POLICING LONDON \u2013 WINNING CONSENT Part II"),
            ("open-all-hours-2001", "OPEN ALL HOURS 2001"),
        ],
        "warnings": [":15: Links cell of recommendation 2 is kept only in the provenance"],
        "items": [
            dict(number="1", text="The MPS should develop a strategy for the recruitment of special constables.",
                 para_ref="2.3", progress="A Special Constabulary strategy", status_phrase="The MPS considers action to be complete.",
                 owner="Special Constabulary Branch", lines=(5, 5)),
            # No progress yet: the update still carries the owner and the timetable.
            dict(number="2", text="The MPS should review the role of the sector inspector.", para_ref="2.9",
                 owner="Territorial Policing HQ", timescale="April 2003", lines=(6, 6)),
            dict(number="1", report=1, text="Forces should set standards for answering non-emergency calls.",
                 para_ref="2.2", progress="Call handling standards were set in the MPS Customer Charter. Action completed.",
                 status_phrase="Action completed.", owner="Communications Command (C3i)", lines=(14, 14)),
            dict(number="2", report=1, text="Forces should review the opening hours of front counters.", para_ref="2.5",
                 progress="A review of front counters reported in March 2003 & its proposals are out to consultation.",
                 owner="Territorial Policing HQ", timescale="September 2003", lines=(15, 15)),
        ],
    },
    "proforma_untitled.txt": {
        "title": None,
        "date": None,
        "reports": [("untitled-proforma", "Untitled proforma")],
        "warnings": [":2: no heading names the source report; using 'Untitled proforma'"],
        "items": [
            dict(number="1", text="The MPS should publish a single performance digest", para_ref="2.1",
                 progress="A borough digest has been published", status_phrase="Complete",
                 owner="Performance Information Bureau", lines=(2, 2)),
            dict(number="2", text="The MPS should review the number of performance indicators", para_ref="2.4",
                 progress="The review found 212 indicators", owner="Performance Information Bureau",
                 timescale="March 2004", lines=(3, 3)),
            dict(number="3", text="Borough commanders should discuss performance", para_ref="2.9",
                 progress="See response to recommendation 1.", owner="Borough Commanders", lines=(4, 4)),
        ],
    },
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def variant(request):
    document = load_document(VARIANTS / request.param)
    return request.param, document, proforma.read(document)


def test_each_variant_is_detected_as_a_proforma_and_as_nothing_else(variant):
    _, document, _ = variant
    assert detect_layout(document) is proforma
    scores = {name: module.detect(document) for name, module in layout_modules().items() if name != "proforma"}
    assert max(scores.values()) < 0.5, scores


def test_the_paper_and_its_source_reports_are_read_from_the_headings(variant):
    name, document, result = variant
    want = EXPECTED[name]
    assert (result.paper.layout, result.paper.file) == ("proforma", document.name)
    assert (result.paper.title, result.paper.date) == (want["title"], want["date"])
    assert [(report.key, report.title) for report in result.paper.source_reports] == want["reports"]


def test_every_recommendation_is_found_once_and_nothing_else(variant):
    name, _, result = variant
    want = EXPECTED[name]
    keys = [report for report, _ in want["reports"]]
    got = [(rec.source_report, rec.number, rec.parent) for rec in result.recommendations]
    assert got == [(keys[item.get("report", 0)], item["number"], item.get("parent")) for item in want["items"]]
    assert [(u.source_report, u.recommendation) for u in result.updates] == [rec.key for rec in result.recommendations]


def test_each_recommendation_and_its_progress_read_field_by_field(variant):
    name, document, result = variant
    for item, rec in zip(EXPECTED[name]["items"], result.recommendations, strict=True):
        update = result.update_for(rec)
        assert rec.text.startswith(item["text"]) and rec.heading is None, rec.number
        assert rec.para_ref == item.get("para_ref"), rec.number
        if item.get("progress") is None:
            assert update.progress is None, rec.number
        else:
            assert update.progress.startswith(item["progress"]), rec.number
            assert "continued" not in update.progress and "cont'd" not in update.progress, rec.number
        got = (update.status_phrase, update.owner, update.timescale, update.mpa_action)
        assert got == tuple(item.get(f) for f in ("status_phrase", "owner", "timescale", "mpa_action")), rec.number
        assert rec.provenance.lines == item["lines"], rec.number
        assert rec.provenance.text == document.span(*item["lines"])


def test_nothing_is_left_over_and_only_the_expected_warnings_are_given(variant):
    name, document, result = variant
    assert result.leftovers == []
    assert result.warnings == [document.name + warning for warning in EXPECTED[name]["warnings"]]


@pytest.mark.parametrize("path", sorted(p.name for p in VARIANTS.glob("*.txt") if not p.name.startswith("proforma_")))
def test_other_families_variants_do_not_look_like_a_proforma(path):
    assert proforma.detect(load_document(VARIANTS / path)) < 0.5


def test_the_windows_line_endings_variant_really_has_them():
    assert b"\r\n" in (VARIANTS / "proforma_policing_london.txt").read_bytes()


# --- habits shown inline -----------------------------------------------------------------------------

HEADER = "HMIC Recommendation\tMPS response and progress\tTimetable for Action\tAction by Whom"


def _read(*lines: str):
    return proforma.read(Document.from_text("\n".join(["# HMIC REPORT: Custody", *lines]), name="inline.txt"))


def test_text_after_a_continued_marker_runs_on_the_recommendation():
    result = _read(HEADER, "4. Custody records should be audited\tAudits began.\tMay 2003\tTP", HEADER,
                   "(Rec. 4 continued) every month. (para. 3.2)\tThey continue.\t\tTP")
    (rec,) = result.recommendations
    assert (rec.text, rec.para_ref) == ("Custody records should be audited every month. (para. 3.2)", "3.2")
    assert result.updates[0].progress == "Audits began. They continue."
    assert result.warnings == [] and result.leftovers == []


def test_an_unnumbered_capitalised_cell_mid_page_is_kept_with_a_warning():
    result = _read(HEADER, "4. Custody records should be audited.\tAudits began.\t\tTP",
                   "Sergeants should sign each audit.\t\t\t")
    assert result.recommendations[0].text == "Custody records should be audited. Sergeants should sign each audit."
    assert result.warnings == ["inline.txt:4: unnumbered recommendation cell read as more text of recommendation 4"]


@pytest.mark.parametrize(
    ("cell", "number", "text"),
    [("Rec 3. The MPS should act.", "3", "The MPS should act."),
     ("Recommendation 5: The MPS should act.", "5", "The MPS should act."),
     ("R7 The MPS should act.", "R7", "The MPS should act."),
     ("2.1 The MPS should act.", "2.1", "The MPS should act."),
     ("6(b) The MPS should act.", "6(b)", "The MPS should act."),
     ("9 \u2013 The MPS should act.", "9", "The MPS should act.")],
)
def test_numbered_recommendation_cells_in_other_styles(cell, number, text):
    result = _read(HEADER, f"{cell}\tDone.\t\tTP")
    assert [(rec.number, rec.text) for rec in result.recommendations] == [(number, text)]
    assert result.warnings == []


def test_a_cell_opening_with_a_year_is_not_a_number():
    result = _read(HEADER, "1. The MPS should act.\tDone.\t\tTP", "2003 saw a new approach to the audit.\t\t\t")
    assert [rec.number for rec in result.recommendations] == ["1"]
    assert result.recommendations[0].text.endswith("2003 saw a new approach to the audit.")


def test_a_header_with_a_number_column_belongs_to_the_table_family():
    assert proforma.header_columns(["No.", "HMIC Recommendation", "MPS response", "Timetable", "Action by Whom"]) is None
    assert proforma.header_columns(["HMIC Recommendation", "MPS response", "Lead", "Target date", "Status"]) == {
        "recommendation": 0, "progress": 1, "owner": 2, "timetable": 3, "status": 4}


def test_a_proforma_with_an_mpa_action_column_is_still_a_proforma():
    text = "\n".join([
        "# HMIC REPORT: Custody",
        "HMIC Recommendation\tMPA action\tMPS response and progress\tTimetable for Action\tAction by Whom",
        "1. The MPS should act.\tTo note.\tDone.\tMarch 2003\tTP",
    ])
    assert detect_layout(Document.from_text(text)) is proforma


def test_a_report_heading_printed_as_a_one_cell_row_starts_a_source_report():
    result = proforma.read(Document.from_text("\n".join([
        "HMIC REPORT: CUSTODY\t\t\t", HEADER, "1. The MPS should act.\tDone.\t\tTP",
        "HMIC REPORT: PATROL\t\t\t", HEADER, "1. Forces should patrol\tBegun.\t\tTP",
        "on foot at night. (para. 2.1)\t\t\t",
    ]), name="inline.txt"))
    assert [(rec.source_report, rec.number) for rec in result.recommendations] == [("custody", "1"), ("patrol", "1")]
    assert result.recommendations[1].text == "Forces should patrol on foot at night. (para. 2.1)"
    assert result.warnings == [] and result.leftovers == []


def test_the_form_with_a_number_column_before_its_links_column_reads_the_numbers_there():
    header = "No.\tHMIC Recommendation\tLinks\tMPS response and progress\tTimetable for Action\tAction by Whom"
    document = Document.from_text("\n".join([
        "# HMIC REPORT: Custody", header, "1\tThe MPS should act. (para. 2.1)\t\tDone.\tMarch 2003\tTP", header,
        "(Rec. 1 continued)\t\t\tMore done.\t\tTP", "2\tForces should patrol.\t\tBegun.\t\tTP",
    ]), name="inline.txt")
    assert detect_layout(document) is proforma
    result = proforma.read(document)
    assert [(rec.number, rec.text, rec.provenance.lines) for rec in result.recommendations] == [
        ("1", "The MPS should act. (para. 2.1)", (3, 5)), ("2", "Forces should patrol.", (6, 6))]
    assert (result.updates[0].progress, result.updates[0].timescale) == ("Done. More done.", "March 2003")
    assert result.warnings == [] and result.leftovers == []
