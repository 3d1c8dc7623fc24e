"""Analysts' corrections are kept as overrides and win over extraction on every later read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import recgraph
from recgraph.cli.main import cli
from recgraph.errors import CorrectionsError
from recgraph.graph.reading.corrections import load_overrides
from recgraph.graph.reading.corrections_import import import_corrections
from recgraph.graph.reading.papers import read_paper
from recgraph.graph.reading.records import rows_from_results, rows_to_csv, rows_to_xlsx

PAPER = "004_2d7aea74777c19f4.txt"


@pytest.fixture
def data(tmp_path) -> Path:
    (tmp_path / "papers").mkdir()
    shutil.copy(recgraph.data_path() / "papers" / PAPER, tmp_path / "papers" / PAPER)
    shutil.copy(recgraph.data_path() / "catalogue.toml", tmp_path / "catalogue.toml")
    return tmp_path


def rows(data):
    found = rows_from_results([read_paper(data / "papers" / PAPER)])
    return {row.number: row for row in found if row.kind == "recommendation"}


def test_only_changed_cells_are_kept_and_they_win_on_the_next_read(data, tmp_path):
    exported = rows(data)
    exported["2"].owner = "Territorial Policing"
    exported["7"].status_phrase = "Work by DCC2 has commenced."
    exported["9"].refers_to = ["2"]
    corrections = tmp_path / "fixed.csv"
    corrections.write_text(rows_to_csv(list(exported.values())))

    report = import_corrections(corrections, data)

    assert sorted((o.number, o.field) for o in report.corrected) == [("2", "owner"), ("7", "status_phrase"), ("9", "refers_to")]
    assert report.unchanged_rows == 10
    again = rows(data)
    assert again["2"].owner == "Territorial Policing"
    assert again["7"].status_phrase == "Work by DCC2 has commenced."
    assert again["9"].refers_to == ["2"]
    assert again["1"] == exported["1"]


def test_importing_the_unchanged_export_keeps_nothing(data, tmp_path):
    corrections = tmp_path / "same.csv"
    corrections.write_text(rows_to_csv(list(rows(data).values())))
    assert import_corrections(corrections, data).corrected == []
    assert load_overrides(data / "overrides.csv") == []


def test_a_later_correction_replaces_an_earlier_one_of_the_same_field(data, tmp_path):
    for owner in ("First guess", "Second thought"):
        exported = rows(data)
        exported["2"].owner = owner
        path = tmp_path / "fix.csv"
        path.write_text(rows_to_csv([exported["2"]]))
        import_corrections(path, data)
    assert [(o.number, o.value) for o in load_overrides(data / "overrides.csv")] == [("2", "Second thought")]


def test_a_recommendation_the_readers_missed_is_added_from_the_corrections(data, tmp_path):
    missed = rows(data)["13"]
    missed.number, missed.text, missed.progress = "14", "To review the review.", "Not started."
    path = tmp_path / "add.csv"
    path.write_text(rows_to_csv([missed]))
    import_corrections(path, data)
    added = rows(data)["14"]
    assert (added.text, added.progress) == ("To review the review.", "Not started.")
    result = read_paper(data / "papers" / PAPER)
    rec = next(r for r in result.recommendations if r.number == "14")
    assert rec.provenance.file == str(data / "overrides.csv")


def test_xlsx_corrections_import_too(data, tmp_path):
    exported = rows(data)
    exported["4"].timescale = "before the next report to PPRC"
    path = tmp_path / "fixed.xlsx"
    rows_to_xlsx(list(exported.values()), path)
    import_corrections(path, data)
    assert rows(data)["4"].timescale == "before the next report to PPRC"


def test_a_correction_naming_an_unknown_paper_is_refused(data, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("paper,number,owner\nnot-there.txt,1,x\n")
    with pytest.raises(CorrectionsError, match="not-there.txt"):
        import_corrections(path, data)


def test_the_cli_imports_and_lists_corrections(data, tmp_path):
    exported = rows(data)
    exported["2"].owner = "Territorial Policing"
    path = tmp_path / "fixed.csv"
    path.write_text(rows_to_csv(list(exported.values())))
    runner = CliRunner()
    result = runner.invoke(cli, ["corrections", "import", str(path), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "1 corrected field(s) kept" in result.stdout
    listing = runner.invoke(cli, ["corrections", "list", "--data", str(data)])
    assert "operational-support-review/2 owner = 'Territorial Policing'" in listing.stdout


def test_a_malformed_corrections_file_is_one_error_line(data, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("paper,numbr\nx,1\n")
    result = CliRunner().invoke(cli, ["corrections", "import", str(path), "--data", str(data)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}:1: unknown column")


# ---------------------------------------------------------------------------------------------
# Corrections are corrections (issue 16 item 2): provenance of their own, undo, status phrases


def correct(data, tmp_path, name="fix.csv", **changes):
    """Import a corrections file that changes, per recommendation number, the given fields."""
    exported = rows(data)
    for number, fields in changes.items():
        for field, value in fields.items():
            setattr(exported[number], field, value)
    path = tmp_path / name
    path.write_text(rows_to_csv([exported[n] for n in changes]))
    return import_corrections(path, data)


def test_a_correction_records_who_when_and_the_row_it_came_from(data, tmp_path, monkeypatch):
    monkeypatch.setenv("RECGRAPH_USER", "a.analyst")
    correct(data, tmp_path, **{"4": {"timescale": "March 2005"}})
    [kept] = load_overrides(data / "overrides.csv")
    assert (kept.who, kept.origin) == ("a.analyst", "fix.csv:2")
    assert kept.when and kept.when.endswith("Z")
    result = read_paper(data / "papers" / PAPER)
    [c] = result.corrections
    update = next(u for u in result.updates if u.recommendation == "4")
    assert (c.field, c.value, c.who, c.file, c.row) == ("timescale", "March 2005", "a.analyst", "overrides.csv", 2)
    assert c.printed == "before the next report to PPRC"
    assert update.timescale == "March 2005"
    assert rows(data)["4"].corrected == ["timescale"]


def test_an_empty_cell_or_the_extractions_own_value_undoes_a_correction(data, tmp_path):
    original = rows(data)["2"].owner
    correct(data, tmp_path, **{"2": {"owner": "Director of HR"}, "4": {"timescale": "soon"}})
    assert len(load_overrides(data / "overrides.csv")) == 2
    report = correct(data, tmp_path, **{"2": {"owner": original}, "4": {"timescale": None}})
    assert report.corrected == [] and len(report.removed) == 2
    assert load_overrides(data / "overrides.csv") == []
    assert rows(data)["2"].owner == original and rows(data)["2"].corrected == []


def test_a_column_the_file_does_not_have_changes_nothing(data, tmp_path):
    correct(data, tmp_path, **{"2": {"owner": "Director of HR"}})
    path = tmp_path / "narrow.csv"
    path.write_text(f"paper,number,timescale\n{PAPER},2,next year\n")
    import_corrections(path, data)
    assert {o.field for o in load_overrides(data / "overrides.csv")} == {"owner", "timescale"}


def test_corrections_remove_undoes_one_field_or_all(data, tmp_path):
    correct(data, tmp_path, **{"2": {"owner": "Director of HR", "timescale": "soon"}})
    assert sorted(o.field for o in load_overrides(data / "overrides.csv")) == ["owner", "timescale"]
    runner = CliRunner()
    result = runner.invoke(cli, ["corrections", "remove", "operational-support-review/2", "owner", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert [o.field for o in load_overrides(data / "overrides.csv")] == ["timescale"]
    missing = runner.invoke(cli, ["corrections", "remove", "operational-support-review/2", "owner", "--data", str(data)])
    assert missing.exit_code == 2 and missing.stderr.startswith("Error: ") and "timescale" in missing.stderr
    assert runner.invoke(cli, ["corrections", "remove", "operational-support-review/2", "--data", str(data)]).exit_code == 0
    assert load_overrides(data / "overrides.csv") == []


def test_a_corrected_status_phrase_the_vocabulary_does_not_know_is_an_error_naming_the_row(data, tmp_path):
    exported = rows(data)
    exported["7"].status_phrase = "Blue sky thinking"
    path = tmp_path / "fix.csv"
    path.write_text(rows_to_csv(list(exported.values())))
    result = CliRunner().invoke(cli, ["corrections", "import", str(path), "--data", str(data)])
    assert result.exit_code == 2
    line = 2 + list(exported).index("7")
    assert result.stderr.startswith(f"Error: {path}:{line}: recommendation 7: status phrase 'Blue sky thinking'")
    assert not (data / "overrides.csv").exists()


def test_a_known_corrected_status_phrase_is_mapped_like_a_printed_one(data, tmp_path):
    from recgraph.graph.enrich import enrich
    from recgraph.graph.enrich.corrections import status_phrase_check

    exported = rows(data)
    exported["7"].status_phrase = "Action complete"
    path = tmp_path / "fix.csv"
    path.write_text(rows_to_csv([exported["7"]]))
    import_corrections(path, data, check_phrase=status_phrase_check())
    result = read_paper(data / "papers" / PAPER)
    found = enrich([result])
    assert found.status_of(("operational-support-review", "7")).notation == "complete"


def test_a_hand_edited_unknown_status_phrase_stops_the_build_naming_the_overrides_line(data):
    from recgraph.graph.enrich import enrich

    (data / "overrides.csv").write_text(
        "paper,source_report_key,number,field,value\n" f"{PAPER},operational-support-review,7,status_phrase,Blue sky\n")
    with pytest.raises(CorrectionsError, match=r"overrides.csv:2: .*'Blue sky'"):
        enrich([read_paper(data / "papers" / PAPER)])


def graph_of(data, tmp_path):
    import pyoxigraph as ox

    from recgraph.graph.rdf.iri import Minter
    from recgraph.graph.rdf.writer import paper_nquads

    store = ox.Store()
    text = "".join(paper_nquads(read_paper(data / "papers" / PAPER), Minter("http://example.org/")))
    store.load(text.encode(), format=ox.RdfFormat.N_QUADS)
    return store


def select(store, query):
    from recgraph.graph.rdf.namespaces import sparql_prologue

    return [[term.value if term is not None else None for term in row]
            for row in store.query(sparql_prologue() + query, use_default_graph_as_union=True)]


def test_in_the_graph_a_correction_is_an_activity_beside_the_printed_value(data, tmp_path, monkeypatch):
    monkeypatch.setenv("RECGRAPH_USER", "a.analyst")
    correct(data, tmp_path, **{"4": {"timescale": "March 2005"}})
    store = graph_of(data, tmp_path)
    [[value, printed, who, row, file, verbatim]] = select(store, """
        SELECT ?value ?printed ?who ?row ?file ?verbatim WHERE {
          ?c a rg:Correction, prov:Activity ; rg:corrects ?update ; rg:correctedField "timescale" ;
             rg:correctedValue ?value ; rg:printedValue ?printed ; prov:wasAttributedTo/rdfs:label ?who ;
             rg:correctionsRow ?row ; rg:correctionsFile ?file ; prov:endedAtTime ?when .
          ?update rg:reportsOn/rg:number "4" ; prov:wasDerivedFrom ?span . ?span rg:verbatim ?verbatim }""")
    assert (value, printed, who, row, file) == ("March 2005", "before the next report to PPRC", "a.analyst", "2", "overrides.csv")
    assert "before the next report to PPRC" in verbatim  # the printed lines keep their own provenance


def test_an_added_recommendation_claims_no_line_of_the_paper(data, tmp_path):
    missed = rows(data)["13"]
    missed.number, missed.text = "14", "To review the review."
    path = tmp_path / "add.csv"
    path.write_text(rows_to_csv([missed]))
    import_corrections(path, data)
    assert rows(data)["14"].lines == [] and rows(data)["14"].corrected[0] == "added"
    store = graph_of(data, tmp_path)
    rec = "<http://example.org/report/operational-support-review/rec/14>"
    assert select(store, f"SELECT ?span WHERE {{ {rec} prov:wasDerivedFrom ?span }}") == []
    assert select(store, f"SELECT ?u WHERE {{ ?u rg:reportsOn {rec} ; prov:wasDerivedFrom ?span }}") == []
    assert select(store, f'SELECT ?c WHERE {{ {rec} rg:correction ?c . ?c rg:correctedField "added" }}') != []


def built(data, tmp_path):
    from recgraph.graph.rdf.iri import Minter
    from recgraph.graph.rdf.writer import enrichment_nquads
    from recgraph.graph.reading.papers import ReadOptions, read_papers
    from recgraph.graph.store.database import build_store

    mint = Minter("https://w3id.org/recgraph/id/")
    results = read_papers([data / "papers"], ReadOptions()).results
    location = tmp_path / "store"
    build_store(results, location, mint=mint, extra_nquads=enrichment_nquads(results, mint))
    return location


def test_the_trace_says_which_values_are_corrected_by_whom_and_when(data, tmp_path, monkeypatch):
    import json

    from recgraph.graph.analyses import trace
    from recgraph.graph.analyses.trace_report import trace_markdown

    monkeypatch.setenv("RECGRAPH_USER", "a.analyst")
    correct(data, tmp_path, **{"4": {"timescale": "March 2005"}})
    store = built(data, tmp_path)
    found = trace(store, "operational-support-review/4")
    [update] = found.updates
    [c] = update.corrections
    assert (c.field, c.value, c.printed, c.who, c.file, c.row) == (
        "timescale", "March 2005", "before the next report to PPRC", "a.analyst", "overrides.csv", 2)
    assert json.loads(json.dumps(found.to_dict()))["updates"][0]["corrections"][0]["who"] == "a.analyst"
    text = trace_markdown(found)
    assert "timescale corrected to “March 2005” (read as “before the next report to PPRC”) by a.analyst" in text
    result = CliRunner().invoke(cli, ["trace", "operational-support-review/4", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "timescale corrected to “March 2005”" in result.stdout
    untouched = trace(store, "operational-support-review/5")
    assert untouched.corrections == () and untouched.updates[0].corrections == ()


def test_the_trace_and_read_json_carry_caveats_and_the_date_source():
    import json

    seeds = recgraph.data_path() / "papers"
    result = CliRunner().invoke(cli, ["read", str(seeds), "--format", "json"])
    rows_ = json.loads(result.stdout)
    rebuilt = [r for r in rows_ if r["number"] == "R1" and r["paper"].startswith("002_")]
    assert rebuilt and any("reconstructed from fragments" in c for c in rebuilt[0]["caveats"])
    assert all(not c.startswith("/") for r in rows_ for c in r["caveats"])  # no local path
    sources = {r["paper"][:3]: r["paper_date_source"] for r in rows_}
    assert sources["000"] == "catalogue" and sources["002"] == "printed"


def test_an_added_recommendation_traces_as_added_by_an_analyst(data, tmp_path):
    from recgraph.graph.analyses import trace
    from recgraph.graph.analyses.trace_report import trace_markdown

    missed = rows(data)["13"]
    missed.number, missed.text = "14", "To review the review."
    path = tmp_path / "add.csv"
    path.write_text(rows_to_csv([missed]))
    import_corrections(path, data)
    found = trace(built(data, tmp_path), "operational-support-review/14")
    assert found.sources == ()
    assert found.corrections[0].field == "added"
    assert "## Text as given by an analyst (not read from a paper)" in trace_markdown(found)


def test_the_linked_data_page_shows_a_correction_as_a_correction(data, tmp_path, monkeypatch):
    from recgraph.graph.server.describe import describe
    from recgraph.graph.server.render import Linker
    from recgraph.graph.server.sections import page
    from recgraph.graph.store.database import open_store

    monkeypatch.setenv("RECGRAPH_USER", "a.analyst")
    correct(data, tmp_path, **{"4": {"timescale": "March 2005"}})
    store = open_store(built(data, tmp_path))
    iri = "https://w3id.org/recgraph/id/report/operational-support-review/rec/4"
    html = str(page(describe(store, iri), Linker("https://w3id.org/recgraph/id/")))
    assert "Corrected by an analyst" in html and "a.analyst" in html
    assert "timescale corrected to “March 2005” (read as “before the next report to PPRC”)" in html
    other = str(page(describe(store, iri.replace("/4", "/5")), Linker("https://w3id.org/recgraph/id/")))
    assert "Corrected by an analyst" not in other


def test_the_views_tooltips_say_what_an_analyst_corrected(data, tmp_path, monkeypatch):
    from recgraph.graph.analyses.network import recommendation_graph
    from recgraph.visualisations.view import recommendation_tooltip

    monkeypatch.setenv("RECGRAPH_USER", "a.analyst")
    correct(data, tmp_path, **{"4": {"timescale": "March 2005"}})
    graph = recommendation_graph(built(data, tmp_path))
    iri = "https://w3id.org/recgraph/id/report/operational-support-review/rec/4"
    assert "Corrected by an analyst: timescale (by a.analyst, on " in recommendation_tooltip(graph.nodes[iri])
    assert "Corrected" not in recommendation_tooltip(graph.nodes[iri.replace("/4", "/5")])


def test_corrections_of_a_data_folder_without_catalogue_are_read_back(tmp_path):
    # `corrections import` writes DATA/overrides.csv; a paper in DATA/papers/ must find it with no catalogue.
    from recgraph.graph.reading.papers import ReadOptions, _overrides_for

    paper = tmp_path / "papers" / "a.txt"
    paper.parent.mkdir()
    paper.write_text("x")
    assert _overrides_for(paper, ReadOptions()) == tmp_path / "overrides.csv"
