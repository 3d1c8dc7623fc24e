"""The decisions file: written by `recgraph links confirm|reject`, read by every build."""

import pytest

from recgraph.graph.linking.decisions import DecisionError, analyst, latest, parse_label, read_decisions, record_decision


def test_decisions_round_trip_with_who_when_and_note(tmp_path, monkeypatch):
    monkeypatch.setenv("RECGRAPH_USER", "sam")
    path = tmp_path / "decisions.csv"
    record_decision(path, "later-report/4(b)", "early-report/R2", "confirmed", note="same  ask,\nnarrower")
    record_decision(path, "x/1", "y/2", "rejected", relation="relatedTo")
    first, second = read_decisions(path)
    assert (first.later, first.earlier, first.decision, first.who, first.note) == (
        ("later-report", "4(b)"), ("early-report", "R2"), "confirmed", "sam", "same ask, narrower")
    assert first.when.endswith("+00:00") and second.relation == "relatedTo"


def test_the_latest_decision_on_a_pair_wins_whichever_way_round(tmp_path):
    path = tmp_path / "decisions.csv"
    record_decision(path, "a/1", "b/2", "confirmed", who="sam", when="t1")
    record_decision(path, "b/2", "a/1", "rejected", who="kim", when="t2")
    (only,) = latest(read_decisions(path)).values()
    assert (only.decision, only.who) == ("rejected", "kim")


def test_a_bad_row_is_one_error_naming_the_file_and_line(tmp_path):
    path = tmp_path / "decisions.csv"
    path.write_text("later,earlier,relation,decision,who,when,note\na/1,b/2,reiterates,maybe,sam,t,\n", encoding="utf-8")
    with pytest.raises(DecisionError, match=r"decisions.csv: line 2: decision 'maybe'"):
        read_decisions(path)


def test_a_label_needs_a_report_and_a_number():
    assert parse_label("rep/3/4") == ("rep", "3/4")
    with pytest.raises(DecisionError):
        parse_label("nonumber")


def test_no_file_means_no_decision(tmp_path):
    assert read_decisions(tmp_path / "absent.csv") == []


def test_the_analyst_is_the_environment_user_else_the_login(monkeypatch):
    monkeypatch.setenv("RECGRAPH_USER", "ana")
    assert analyst() == "ana"
    monkeypatch.delenv("RECGRAPH_USER")
    assert analyst()


def test_a_decision_meets_its_link_whether_the_number_is_printed_or_canonical(tmp_path):
    # "R2" and "2" of one report are one node, so `recgraph links reject da/2 ...` must meet the
    # link detected between the printed numbers (it was silently not applied).
    path = tmp_path / "decisions.csv"
    record_decision(path, "hmic/26", "da/2", "rejected", who="sam", when="t1")
    (only,) = latest(read_decisions(path)).keys()
    from recgraph.graph.linking.decisions import canonical_pair

    assert only == (canonical_pair(("hmic", "26"), ("da", "R2")), "reiterates")
