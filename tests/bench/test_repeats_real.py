"""bench/repeats_real.py: judged pairs of real papers are resolved, scored and reported; a recommendation
that is not read leaves its pair out (listed); bad input is one Error line and exit 2.

The paper below is written in our own words in the numbered "That ..." form of committee papers;
what the detector links is not asserted (the bench measures it, the test checks the bookkeeping).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

PAPER = """Progress on the recommendations of the Example Review of People Management

Report: 4
Date: 1 March 2006
By: Commissioner

1. That the MPS reviews its staff appraisal arrangements so that every officer has objectives tied to borough priorities.

2. That the Authority receives a yearly report on vetting decisions broken down by ethnicity.
"""


@pytest.fixture(scope="module")
def bench():
    """bench/repeats_real.py as a module (bench/ is not a package; its dataclasses need it registered)."""
    spec = importlib.util.spec_from_file_location("repeats_real", BENCH / "repeats_real.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["repeats_real"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("repeats_real", None)


@pytest.fixture()
def papers(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "example-review-2006.txt").write_text(PAPER, encoding="utf-8")
    return folder


def write(path, pairs):
    path.write_text(json.dumps({"about": "test", "pairs": pairs}), encoding="utf-8")
    return path


def pair(later, earlier, judgement, **extra):
    return {"later": {"rec": later, **extra}, "earlier": {"rec": earlier}, "judgement": judgement}


def run(bench, capsys, *args):
    code = bench.main([*map(str, args), "--json"])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if code == 0 else None), out.err


def test_pairs_are_resolved_scored_and_unread_ones_listed(bench, papers, tmp_path, capsys):
    judged = write(tmp_path / "judged.json", [
        pair("example-people-management/1", "district-audit-ppp-2001-02/R6", "reiterates"),
        # the report key changed: found by its paper and number
        pair("renamed-report/2", "race-and-faith/5(c)", "related", paper="example-review-2006.txt"),
        pair("example-people-management/2", "winning-consent/10", "unrelated"),
        pair("example-people-management/9", "winning-consent/23", "related"),  # no such recommendation
    ])
    code, figures, _ = run(bench, capsys, "--papers", papers, "--judged", judged)
    assert code == 0
    assert figures["pairs"] == 3
    assert figures["judged"] == {"reiterates": 1, "related": 1, "unrelated": 1}
    assert figures["not_read"] == [["example-people-management/9", "winning-consent/23", "related"]]
    assert figures["real_recommendations_read"] == 2
    assert sum(sum(row.values()) for row in figures["confusion"].values()) == 3
    assert figures["reiterates"]["judged"] == 1 and figures["any_link"]["judged"] == 2


def test_quoted_texts_stand_in_for_recommendations_not_read(bench, papers, tmp_path, capsys):
    quoted = {"rec": "q-example/7", "text": "Staff appraisals should be completed on time and tied to objectives.",
              "year": 2007, "source": "elsewhere.txt"}
    judged = write(tmp_path / "judged.json", [
        {"later": quoted, "earlier": {"rec": "district-audit-ppp-2001-02/R6"}, "judgement": "reiterates"}])
    code, figures, _ = run(bench, capsys, "--papers", papers, "--judged", judged)
    assert code == 0 and figures["pairs"] == 0 and len(figures["not_read"]) == 1
    code, figures, _ = run(bench, capsys, "--papers", papers, "--judged", judged, "--quoted")
    assert code == 0 and figures["pairs"] == 1 and figures["quoted_recommendations"] == 1


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"),
    (json.dumps({"pairs": [pair("a/1", "b/2", "same")]}), "judgement 'same'"),
    (json.dumps({"pairs": [{"later": {"rec": "a/1"}}]}), "needs later.rec"),
    (json.dumps({"pairs": [pair("a", "b/2", "related")]}), "report-key/number"),
])
def test_bad_judged_files_are_one_error_line(bench, papers, tmp_path, capsys, content, message):
    judged = tmp_path / "judged.json"
    judged.write_text(content, encoding="utf-8")
    code, _, err = run(bench, capsys, "--papers", papers, "--judged", judged)
    assert code == 2
    assert err.startswith(f"Error: {judged}") and message in err and "Traceback" not in err


def test_a_missing_papers_folder_is_an_error(bench, tmp_path, capsys):
    judged = write(tmp_path / "judged.json", [])
    code, _, err = run(bench, capsys, "--papers", tmp_path / "nowhere", "--judged", judged)
    assert code == 2 and "nowhere: no such file or folder" in err


def test_a_side_is_found_by_its_printed_text_and_coverage_lists_the_unread(bench, papers, tmp_path, capsys):
    judged = write(tmp_path / "judged.json", [
        # the quote differs in case, quotes and spacing, and is cut short: found by its text
        pair("q-example/a", "district-audit-ppp-2001-02/R6", "related", paper="example-review-2006.txt",
             text="the Authority  receives a ‘yearly’ report on vetting decisions broken"),
        # the record's wording lies inside a longer quote and has most of its words: found
        pair("q-example/b", "winning-consent/10", "related", paper="example-review-2006.txt",
             text="1. That the MPS reviews its staff appraisal arrangements so that every officer has objectives tied to borough priorities (see above)."),
        # a record inside the quote but with under half of its words: not read
        pair("q-example/c", "winning-consent/23", "unrelated", paper="example-review-2006.txt",
             text="Beyond this, the review found that the Authority receives a yearly report on vetting decisions broken down by ethnicity, "
                  "but it asked for a quarterly one, with the outcomes of appeals, the times taken and the numbers refused at each stage."),
        # the words of a record, but another paper: not read
        pair("q-example/d", "winning-consent/23", "related", paper="other.txt",
             text="That the Authority receives a yearly report on vetting decisions"),
    ])
    code, figures, _ = run(bench, capsys, "--papers", papers, "--judged", judged)
    assert code == 0 and figures["found_by_text"] == 2 and figures["pairs"] == 2
    code, figures, _ = run(bench, capsys, "--papers", papers, "--judged", judged, "--coverage")
    [block] = figures["coverage"]
    assert (block["quoted"], block["read"], block["by_text"]) == (4, 2, 2)
    assert [row[:2] for row in block["unread"]] == [["q-example/c", "example-review-2006.txt"], ["q-example/d", "other.txt"]]
    assert block["unread"][0][2].startswith("Beyond this, the review") and block["unread"][0][2].endswith("...")


def test_a_quote_with_an_ellipsis_matches_the_pieces_in_order(bench):
    assert bench._in_order(["the mps reviews", "every officer"], " 1 that the mps reviews its staff so that every officer has ")
    assert not bench._in_order(["every officer", "the mps reviews"], " 1 that the mps reviews its staff so that every officer has ")
