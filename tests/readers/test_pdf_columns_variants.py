"""The pdf_columns reader on other papers of its family: hand-made variants of the flattened PDF action plan.

Each file in ``variants/`` is another paper a clerk could have produced with the same template:

- ``pdf_columns_da_september.txt``: the seed's District Audit plan as at a later date (R1-R9), behind
  the French page wrapper, first row interleaved with the header, blocks of 1-3 rows, footers
  holding a date ("MPA PPRC 17 Oct 02 v1"), a progress continued over two page breaks, "fully" and
  "not yet" status words;
- ``pdf_columns_custody_numbered.txt``: another inspection, rows numbered 1-8 with 7 missing, an
  English wrapper, the header on three lines ("Position as at 12th July 2004"), "Page 3 of 4"
  footers, leads of no acronym shape, a row whose progress is only its status line;
- ``pdf_columns_crime_recording_crlf.txt``: no wrapper, Windows line endings and trailing spaces,
  a mixed-case title with a dd/mm/yyyy date, other column headings in another order (Ref,
  Recommendation, Responsibility, Target date, Current position), no subjects, HTML entities,
  ids from R12 with gaps;
- ``pdf_columns_two_reports.txt``: two tables tracking two reports in one paper, ids restarting
  at R1, footers holding a date ("MPA DA 31 March 03 v3").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recgraph.graph.reading.readers import detect_layout, layout_modules, pdf_columns
from recgraph.graph.reading.readers.text import Document, load_document

VARIANTS = Path(__file__).parent / "variants"
NS = "Non\ue007statutory"  # the PDF's hyphen glyph, kept verbatim
MET = "Recommendation met: "

# number, heading, classification, owner, timescale, text starts, progress starts, status phrase
DA_SEPTEMBER = [
    ("R1", "Performance", "STATUTORY", "ACPRS/", None, "The Authority needs to ensure that all of the",
     "The 2002/03 plan included all", MET + "significantly"),
    ("R2", "HMIC work to be included in the plan", NS, "ACPRS/ Head of Corporate Planning", "31 March 02",
     "The BVPP does not include", "A summary of HMIC activity", MET + "fully"),
    ("R3", "Integration of Best Value principles", "STATUTORY", "ACPRS/ Head of Best Value group", "Ongoing",
     "Integrate best value principles", "The performance management framework was approved", MET + "significantly"),
    ("R4", "Resourcing for Best Value reviews", NS, "ACPRS/ Head of Best Value group", None,
     "Review the resourcing needs", "The revised support structure", MET + "completely"),
    ("R5", "Staff appraisal process to support performance management", NS, "ACHR", "Dec 2002",
     "Ensure that the staff appraisal", "Training in the new appraisal", MET + "moderately"),
    ("R6", "Corporate standards and guidance to support the PMF", NS, "ACPRS/ Head of Business Change Group",
     "Guidance agreed by QPRMG in April 2002", "Provide corporate standards", "Guidance for business groups",
     MET + "fully"),
    ("R7", "SMART performance measures", NS, "ACPRS/ Head of Corporate Performance", "Ongoing development work",
     "Identify and put in place SMART", "Each business group has agreed", MET + "not yet"),
    ("R8", "Define reporting hierarchies", NS, "ACPRS/ Head of Corporate Performance", "End of 2002/2003",
     "Define appropriate hierarchies", "Business groups have reviewed", MET + "significantly"),
    ("R9", "Rigorous prioritisation and monitoring of the implementation of action plans", None,
     "ACPRS/ Head of the Inspection Liaison Analysis Unit", "Process in place by end of 2002",
     "Rigorous prioritisation and monitoring of the implementation of action plans developed",
     "The Inspection Liaison & Analysis Unit", MET + "moderately"),
]
CUSTODY = [
    ("1", "Custody staffing", "Non-statutory", "DAC Territorial Policing", "March 2004", "Review custody staffing",
     "A staffing model", MET + "significantly"),
    ("2", "Detention officers", "STATUTORY", "Commander Custody Improvement", "31/03/2004",
     "Introduce civilian detention", "Detention officers are in post", MET + "moderately"),
    ("3", "Cell inspections", "Non-statutory", "Head of Estates", "Completed", "Inspect every cell daily",
     "Daily inspections are recorded", MET + "completely"),
    ("4", "Healthcare in custody", "STATUTORY", "Director of Resources", "Summer 2004",
     "Provide healthcare professionals", MET + "not yet", MET + "not yet"),
    ("5", "Custody record keeping", "Non-statutory", "Commander Custody Improvement", "Ongoing",
     "Ensure that custody records", "A monthly audit", MET + "moderately"),
    ("6", "Detainee property", "Non-statutory", "Commander Custody Improvement", "December 2004",
     "Store detainees’ property", "Sealed property bags", MET + "fully"),
    ("8", "Custody training", "Non-statutory", "Director of Human Resources", "April 2005",
     "Train every custody sergeant", "The custody sergeants’ course", MET + "partially"),
]
CRIME = [
    ("R12", None, None, "Director of Performance & Review", "September 2003", "Appoint a force crime registrar",
     "A force crime registrar was appointed", MET + "completely"),
    ("R13", None, None, "Force Crime Registrar", "Quarterly from April 2004", "Audit a sample of crime reports",
     "The first quarterly audit", MET + "significantly"),
    ("R15", None, None, "Director of Training & Development", "March 2004", "Train all call handlers",
     "All call handlers were trained", MET + "fully"),
    ("R18", None, None, "Force Crime Registrar", "Ongoing", "Publish the results", "The results of the first audit",
     MET + "moderately"),
    ("R20", None, None, "Borough Commanders", "June 2004", "Review the “no crime” decisions",
     "A review of “no crime” decisions", MET + "partially"),
]
LETTER = "district-audit-management-letter-2002-03"
BVPP = "audit-commission-report-on-best-value-performance-plan-2002-03"
TWO_REPORTS = {
    LETTER: [
        ("R1", "Financial standing orders", "STATUTORY", "Treasurer", "March 2003",
         "Revise the financial standing orders", "Revised standing orders were agreed", MET + "completely"),
        ("R2", "Capital programme monitoring", "Nonstatutory", "Director of Finance", "Ongoing",
         "Report capital programme slippage", "Quarterly reports on slippage", MET + "significantly"),
        ("R3", "Asset management plan", "Nonstatutory", "Director of Property Services", "December 2003",
         "Complete the asset management plan", "A draft asset management plan", MET + "partially"),
    ],
    BVPP: [
        ("R1", "Publication of the plan", "STATUTORY", "ACPRS/ Head of Corporate Planning", "30 June 2003",
         "Publish the plan by 30 June each year.", "The timetable for the 2003/04 plan", MET + "moderately"),
        ("R2", "Performance indicators", "STATUTORY", "ACPRS/ Head of Corporate Performance", "Ongoing",
         "Include the audited performance indicators", "Indicators for 2002/03 will be audited", MET + "not yet"),
    ],
}
# file, title, date, {source key: rows}
PAPERS = {
    "da_september": ("pdf_columns_da_september.txt",
                     "Appendix B ACTION PLAN PROGRESS SUMMARY : DISTRICT AUDIT REPORT ON POLICING AND PERFORMANCE "
                     "PLAN 2001/2",
                     "2002-09-30", {"district-audit-report-on-policing-and-performance-plan-2001-2": DA_SEPTEMBER}),
    "custody": ("pdf_columns_custody_numbered.txt",
                "Annex A ACTION PLAN PROGRESS SUMMARY: HMIC BEST VALUE INSPECTION OF CUSTODY SERVICES 2003",
                "2004-07-12", {"hmic-best-value-inspection-of-custody-services-2003": CUSTODY}),
    "crime": ("pdf_columns_crime_recording_crlf.txt",
              "Audit Commission review of crime recording: action plan progress summary",
              "2004-07-12", {"audit-commission-review-of-crime-recording": CRIME}),
    "two_reports": ("pdf_columns_two_reports.txt",
                    "Appendix 1 ACTION PLAN PROGRESS SUMMARY : DISTRICT AUDIT MANAGEMENT LETTER 2002/03",
                    "2003-03-31", TWO_REPORTS),
}
CASES = [
    (name, key, row) for name, (_, _, _, sources) in PAPERS.items() for key, rows in sources.items() for row in rows
]


@pytest.fixture(scope="module")
def results():
    return {name: pdf_columns.read(load_document(VARIANTS / spec[0])) for name, spec in PAPERS.items()}


def records(result):
    return {rec.key: (rec, result.update_for(rec)) for rec in result.recommendations}


@pytest.mark.parametrize("name", list(PAPERS))
def test_each_variant_is_detected_as_pdf_columns_and_by_no_other_family(name):
    doc = load_document(VARIANTS / PAPERS[name][0])
    assert detect_layout(doc) is pdf_columns
    others = {family: module.detect(doc) for family, module in layout_modules().items() if module is not pdf_columns}
    assert all(score < 0.5 for score in others.values()), others


@pytest.mark.parametrize("name", list(PAPERS))
def test_paper_title_date_and_source_reports(results, name):
    _, title, date, sources = PAPERS[name]
    paper = results[name].paper
    assert (paper.layout, paper.title, paper.date) == ("pdf_columns", title, date)
    assert [source.key for source in paper.source_reports] == list(sources)


@pytest.mark.parametrize("name", list(PAPERS))
def test_every_row_is_found_in_order_and_nothing_else(results, name):
    expected = [(key, row[0]) for key, rows in PAPERS[name][3].items() for row in rows]
    assert [rec.key for rec in results[name].recommendations] == expected
    assert all(rec.parent is None and rec.para_ref is None for rec in results[name].recommendations)


@pytest.mark.parametrize(("name", "key", "row"), CASES, ids=[f"{c[0]}-{c[2][0]}" for c in CASES])
def test_row_cells(results, name, key, row):
    number, heading, classification, owner, timescale, text, progress, status = row
    rec, update = records(results[name])[(key, number)]
    assert (rec.heading, rec.classification) == (heading, classification)
    assert (update.owner, update.timescale) == (owner, timescale)
    assert rec.text.startswith(text)
    assert update.progress.startswith(progress) and update.progress.endswith(status)
    assert update.status_phrase == status
    assert update.paper_date == PAPERS[name][2]


@pytest.mark.parametrize("name", list(PAPERS))
def test_nothing_is_left_over(results, name):
    assert results[name].leftovers == []


def test_expected_warnings_only(results):
    assert results["custody"].warnings == results["crime"].warnings == results["two_reports"].warnings == []
    warnings = results["da_september"].warnings
    assert len(warnings) == 2
    assert ":49: row R1's cells are interleaved" in warnings[0]
    assert warnings[1].endswith(":59: 1 timescale cells for rows R3 R4; given to the first rows in order")


def test_cells_continued_at_page_breaks_are_joined(results):
    rows = records(results["da_september"])
    key = "district-audit-report-on-policing-and-performance-plan-2001-2"
    r4, u4 = rows[(key, "R4")]
    assert r4.text.endswith("continue to meet the evolving needs of the best value programme.")
    assert "Two of the six posts remain vacant and are being advertised." in u4.progress
    _, u8 = rows[(key, "R8")]  # over two page breaks: its own page, a page of no rows, then R9's page
    assert "agree actions. However, the redefined role" in u8.progress
    assert "is followed. Corporately, the role" in u8.progress
    assert "MPA PPRC" not in u8.progress
    assert u8.provenance.lines == (109, 119)


def test_footers_and_page_numbers_are_not_cell_text(results):
    rows = records(results["custody"])
    _, u8 = rows[("hmic-best-value-inspection-of-custody-services-2003", "8")]
    assert u8.progress.endswith("Refresher training will start in the autumn. Recommendation met: partially")
    _, u20 = records(results["crime"])[("audit-commission-review-of-crime-recording", "R20")]
    assert "by the end of the year." in u20.progress and "Page" not in u20.progress


def test_windows_line_endings_trailing_spaces_and_entities(results):
    rows = records(results["crime"])
    r12, u12 = rows[("audit-commission-review-of-crime-recording", "R12")]
    assert r12.text == "Appoint a force crime registrar with the authority to decide how crimes are recorded."
    assert u12.owner == "Director of Performance & Review"
    assert r12.provenance.lines == (3, 8)


# --- small variants of one feature each ----------------------------------------------------------

BLOCKS = """R1
Custody records
STATUTORY
ACSO
March 2004
Audit custody records monthly.
Audits began in January.
Recommendation met: significantly
R2
R3
Cell checks
Nonstatutory
Detainee property
Nonstatutory
ACSO
Head of Estates
Ongoing
June 2004
Check every cell daily.
Seal detainees' property.
Daily checks are recorded.
Recommendation met: Fully
Sealed bags are in use.
Recommendation met: completely"""


def read_text(text: str, name: str = "v.txt"):
    return pdf_columns.read(Document.from_text(text, name))


def test_a_paper_with_no_title_reads_its_rows_into_an_untitled_source_report():
    headings = "No Subject Lead Timescales Recommendation Progress Update and degree to which recommendation met"
    result = read_text(f"{headings}\n{BLOCKS}")
    assert result.paper.title is None and result.paper.date is None
    assert [s.key for s in result.paper.source_reports] == ["untitled"]
    assert [rec.number for rec in result.recommendations] == ["R1", "R2", "R3"]
    assert result.leftovers == []
    assert result.warnings == ["v.txt:2: no title before the first row; source report untitled"]


def test_a_header_set_apart_by_a_blank_line_is_still_the_header():
    text = "ACTION PLAN PROGRESS SUMMARY : HMIC CUSTODY REVIEW 2003\nas at 31 May 2004\n\n" + BLOCKS
    result = read_text(text)
    assert result.paper.title == "ACTION PLAN PROGRESS SUMMARY : HMIC CUSTODY REVIEW 2003"
    assert result.paper.date == "2004-05-31"
    assert result.paper.source_reports[0].key == "hmic-custody-review-2003"
    assert result.leftovers == [] and result.warnings == []


def test_a_capitalised_scale_word_is_a_status():
    updates = {u.recommendation: u for u in read_text(BLOCKS).updates}
    assert updates["R2"].status_phrase == "Recommendation met: Fully"
    assert updates["R3"].progress == "Sealed bags are in use. Recommendation met: completely"


def test_ids_printed_on_one_line_and_lettered_parts():
    text = BLOCKS.replace("R2\nR3", "R2a R2b")
    result = read_text(text)
    assert [(rec.number, rec.parent) for rec in result.recommendations] == [("R1", None), ("R2a", "R2"), ("R2b", "R2")]
    assert result.recommendations[2].heading == "Detainee property"
    assert result.leftovers == []


def test_bare_page_numbers_and_repeated_column_headings_are_boilerplate():
    headings = "No Subject Lead Timescales Recommendation Progress Update and degree to which recommendation met"
    text = BLOCKS.replace("R2\nR3", f"2\n{headings}\nR2\nR3")
    result = read_text(f"ACTION PLAN : HMIC CUSTODY REVIEW 2003 {headings}\n{text}")
    assert [rec.number for rec in result.recommendations] == ["R1", "R2", "R3"]
    assert result.leftovers == [] and result.warnings == []


def test_prose_before_the_table_is_left_over_with_a_warning():
    prose = ("This appendix sets out the progress made by the Metropolitan Police Service against each of the "
             "recommendations of the review, as reported to the committee.")
    result = read_text(f"ACTION PLAN : HMIC CUSTODY REVIEW 2003\n{prose}\n{BLOCKS}")
    assert result.paper.title == "ACTION PLAN : HMIC CUSTODY REVIEW 2003"
    assert [(left.first_line, left.last_line) for left in result.leftovers] == [(2, 2)]
    assert result.warnings == ["v.txt:2: prose before the first row is not part of the table's header"]


def test_a_numbered_first_row_interleaved_with_the_header_is_found():
    header = ("ACTION PLAN : HMIC CUSTODY REVIEW 2003 as at 31 May 2004 No Subject Lead Timescales Recommendation "
              "Progress Update and degree to which recommendation met Ongoing Staffing was reviewed in 1 Custody "
              "DAC/ Review custody staffing on the all boroughs. STATUTORY")
    rows = BLOCKS.split("R2\nR3\n")[1].replace("Daily checks", "Recommendation met: significantly\nDaily checks")
    result = read_text(f"{header}\n2\n3\n{rows}")
    assert [rec.number for rec in result.recommendations] == ["1", "2", "3"]
    first, update = result.recommendations[0], result.updates[0]
    assert (first.heading, first.classification, update.owner) == ("Custody", "STATUTORY", "DAC/")
    assert first.text.startswith("Review custody staffing")
    assert update.progress == "Staffing was reviewed in Recommendation met: significantly"
    assert result.updates[1].progress == "Daily checks are recorded. Recommendation met: Fully"
    assert result.leftovers == []


def test_statuses_in_a_column_of_their_own_are_paired_with_the_rows_in_order():
    text = BLOCKS.replace(
        "Daily checks are recorded.\nRecommendation met: Fully\nSealed bags are in use.\n",
        "Daily checks are recorded.\nSealed bags are in use.\nRecommendation met: Fully\n",
    )
    updates = {u.recommendation: u for u in read_text(text).updates}
    assert updates["R2"].progress == "Daily checks are recorded. Recommendation met: Fully"
    assert updates["R3"].progress == "Sealed bags are in use. Recommendation met: completely"
    assert updates["R3"].provenance.lines == (22, 24)


def test_a_versioned_footer_printed_once_is_boilerplate():
    text = BLOCKS.replace("ACSO\nHead of Estates", "MPA PPRC 12 May 03 v1\nACSO\nHead of Estates")
    result = read_text("ACTION PLAN : HMIC CUSTODY REVIEW 2003\n" + text)
    assert [u.timescale for u in result.updates] == ["March 2004", "Ongoing", "June 2004"]
    assert result.leftovers == [] and result.warnings == []


def test_a_double_spaced_text_reads_like_the_single_spaced_one():
    single = load_document(VARIANTS / PAPERS["crime"][0])
    double = Document.from_text("\n\n".join(single.lines), "double.txt")
    def cells(result):
        return [(r.number, r.text, u.owner, u.timescale, u.progress) for r, u in records(result).values()]

    result = pdf_columns.read(double)
    assert cells(result) == cells(pdf_columns.read(single))
    assert result.paper.title == PAPERS["crime"][1]
    assert result.leftovers == []


def test_a_subject_or_text_printed_on_two_lines_stays_with_its_row():
    text = BLOCKS.replace("Cell checks\n", "Cell checks in every\nsuite\n").replace(
        "Check every cell daily.\n", "Check every cell daily and record\nthe check.\n")
    rows = {rec.number: rec for rec in read_text(text).recommendations}
    assert rows["R2"].heading == "Cell checks in every suite"
    assert rows["R2"].text == "Check every cell daily and record the check."
    assert (rows["R3"].heading, rows["R3"].text) == ("Detainee property", "Seal detainees' property.")


def test_without_a_printed_title_the_web_page_title_names_the_paper():
    wrapper = "Custody action plan\n\nicon\n\npages\n\nEnglish\n\n"
    result = read_text(wrapper + "No Subject Lead Timescales Recommendation Progress\n" + BLOCKS)
    assert result.paper.title == "Custody action plan"
    assert [s.key for s in result.paper.source_reports] == ["untitled"]
    assert result.leftovers == []


# --- known limits: each test states what a reader should do and fails until it does ---------------


@pytest.mark.xfail(strict=True, reason="a recommendation text cut at a sentence boundary by a page break: the "
                   "continued sentence starts in capitals, so it is taken as the next row's text")
def test_a_text_continued_with_a_capital_after_a_page_break():
    text = BLOCKS + (
        "\nR4\nCustody training\nNonstatutory\nDirector of Training\nJuly 2004\nRecord the seal number.\n"
        "Train custody staff in the new codes.\nThe seal number is recorded.\nRecommendation met: partially\n"
        "A course has been written.\nRecommendation met: moderately"
    ).replace("Sealed bags are in use.\nRecommendation met: completely\n", "Sealed bags are in use.\n")
    rows = {rec.number: rec for rec in read_text(text).recommendations}
    assert rows["R3"].text == "Seal detainees' property. Record the seal number."
    assert rows["R4"].text == "Train custody staff in the new codes."


@pytest.mark.xfail(strict=True, reason="with rows numbered 1, 2, 3 a bare page number ('2') on its own line "
                   "cannot be told from a row id")
def test_bare_page_numbers_between_numbered_rows():
    text = BLOCKS.replace("R1", "1").replace("R2\nR3", "2\n3")
    text = text.replace("Check every cell daily.", "2\nCheck every cell daily.")  # page 2 starts
    result = read_text("ACTION PLAN : HMIC CUSTODY REVIEW 2003\n" + text)
    assert [rec.number for rec in result.recommendations] == ["1", "2", "3"]
    assert result.warnings == []


@pytest.mark.xfail(strict=True, reason="a status line broken after 'Recommendation met:' is not a status line")
def test_a_status_whose_scale_word_is_on_the_next_line():
    result = read_text(BLOCKS.replace("Recommendation met: significantly", "Recommendation met:\nsignificantly"))
    assert result.updates[0].status_phrase == "Recommendation met: significantly"
    assert result.updates[1].progress.startswith("Daily checks")


def test_an_interleaved_first_row_printed_over_several_lines_is_still_found(results):
    lines = load_document(VARIANTS / PAPERS["da_september"][0]).lines
    head = lines[48]
    cut = head.index("R1Performance")
    split = lines[:48] + [head[:cut].rstrip(), head[cut:]] + lines[49:]
    result = pdf_columns.read(Document.from_text("\n".join(split), "split.txt"))
    key = "district-audit-report-on-policing-and-performance-plan-2001-2"
    (r1, u1), (s1, v1) = records(results["da_september"])[(key, "R1")], records(result)[(key, "R1")]
    assert (s1.heading, s1.classification, s1.text, v1.owner, v1.progress) == (
        r1.heading, r1.classification, r1.text, u1.owner, u1.progress)
    assert s1.provenance.lines == (49, 57)
    assert result.paper.title == PAPERS["da_september"][1]
    assert result.leftovers == []


def test_a_year_range_before_the_date_is_not_read_as_a_day():
    from recgraph.graph.reading.readers.pdf_header import DATE, iso_date

    title = "ACTION PLAN PROGRESS SUMMARY : AUDIT OF X 2002/03 October 15 2004 No Subject Lead"
    assert iso_date(DATE.search(title)) == "2004-10-15"
