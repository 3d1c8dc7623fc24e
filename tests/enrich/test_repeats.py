"""Repeats across source reports: scored with evidence, directed by date, measured on the seeds."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from recgraph.graph.linking.dates import Made, parse_year
from recgraph.graph.linking.evaluation import reference_pairs, score_pairs, threshold_table
from recgraph.graph.linking.repeats import THRESHOLD, Item, RepeatOptions, detect_repeats, neighbour_pairs

APPRAISAL = [("hmic-mps-2000-01", "26"), ("district-audit-ppp-2001-02", "R6"), ("race-and-faith", "6(b)")]


def item(report, number, text, years, closed=None, themes=()):
    return Item((report, number), text, themes, (), Made(years, None), closed)


def test_report_years_are_read_as_written():
    assert [parse_year(y) for y in ("2000/2001", "2001/02", "2010", None)] == [(2000, 2001), (2001, 2002), (2010, 2010), None]


def test_the_later_recommendation_reiterates_the_earlier_one():
    old = item("audit", "R6", "Staff appraisal backlog must be cleared; staff appraisals outstanding.", (2001, 2002))
    new = item("inquiry", "6(b)", "Use staff appraisals to warn of dissatisfaction.", (2010, 2010))
    (repeat,) = detect_repeats([new, old], RepeatOptions(threshold=0.1))
    assert (repeat.source, repeat.target) == (("inquiry", "6(b)"), ("audit", "R6"))
    assert "after audit (2001/2002)" in repeat.direction and "appraisal" in repeat.shared_terms


def test_recommendations_of_one_report_are_never_repeats():
    a = item("audit", "R1", "Staff appraisal backlog.", (2001, 2002))
    b = item("audit", "R2", "Staff appraisal backlog.", (2001, 2002))
    assert detect_repeats([a, b], RepeatOptions(threshold=0.0)) == ()


def test_an_earlier_item_closed_before_the_later_was_made_is_flagged():
    old = item("wc", "22", "Revisit the career management and postings policy.", (2000, 2000), closed="2002")
    new = item("rfi", "7(b)", "Review the postings policy and career management.", (2010, 2010))
    (repeat,) = detect_repeats([old, new], RepeatOptions(threshold=0.1))
    assert repeat.recurring_despite_closure and "marked complete by a paper dated 2002" in repeat.closure


def test_closure_after_the_later_report_is_not_flagged():
    old = item("wc", "22", "Revisit the postings policy.", (2000, 2000), closed="2012")
    new = item("rfi", "7(b)", "Review the postings policy.", (2010, 2010))
    (repeat,) = detect_repeats([old, new], RepeatOptions(threshold=0.1))
    assert not repeat.recurring_despite_closure


def test_shared_themes_raise_the_score():
    a = item("x", "1", "Review the grievance procedure.", (2000, 2000))
    b = item("y", "1", "Learn lessons from employment tribunals.", (2005, 2005))
    themed = [item(*i.key, i.text, i.made.years, themes=("t:grievances",)) for i in (a, b)]
    assert detect_repeats([a, b], RepeatOptions(threshold=0.0)) == ()
    (repeat,) = detect_repeats(themed, RepeatOptions(threshold=0.0))
    assert repeat.shared_themes == ("t:grievances",) and repeat.score == pytest.approx(0.2, abs=1e-3)


def test_neighbours_are_found_block_by_block_with_the_same_answer():
    rng = np.random.default_rng(0)
    matrix = sparse.random(60, 40, density=0.2, random_state=1, format="csr", dtype=np.float32)
    groups = rng.integers(0, 3, 60)
    whole = neighbour_pairs(matrix, groups, 3, 0.0, rows_per_block=60)
    blocks = neighbour_pairs(matrix, groups, 3, 0.0, rows_per_block=7)
    assert all(np.array_equal(x, y) for x, y in zip(whole, blocks))
    assert all(groups[a] != groups[b] for a, b in zip(whole[0], whole[1]))


def test_pairwise_scores_count_only_pairs_the_reference_judged():
    groups = [[("a", "1"), ("b", "1")]]
    assert len(reference_pairs(groups)) == 1
    scores = score_pairs([frozenset({("a", "1"), ("b", "1")}), frozenset({("a", "9"), ("b", "9")})], groups)
    assert (scores.precision, scores.strict_precision, scores.recall) == (1.0, 0.5, 1.0)


def test_the_appraisal_chain_is_linked_with_evidence_and_directed_by_date(seed_links):
    links = {(r.source, r.target): r for r in seed_links.repeats}
    later_audit = links[(APPRAISAL[1], APPRAISAL[0])]
    later_inquiry = links[(APPRAISAL[2], APPRAISAL[1])]
    assert "appraisals" in later_audit.shared_terms
    for repeat in (later_audit, later_inquiry):
        assert repeat.score >= THRESHOLD and repeat.shared_terms
        assert "https://w3id.org/recgraph/theme/appraisal" in repeat.shared_themes
        assert repeat.evidence().startswith(f"score {repeat.score:.3f}")
    assert "race-and-faith (2010) after district-audit-ppp-2001-02 (2001/2002)" in later_inquiry.direction


def test_every_seed_repeat_joins_two_reports_with_evidence(seed_links):
    assert seed_links.repeats
    for repeat in seed_links.repeats:
        assert repeat.source[0] != repeat.target[0] and repeat.score >= THRESHOLD
        assert repeat.shared_terms or repeat.shared_themes


def _table(seed_links, groups):
    return {
        round(s.threshold, 2): s
        for s in threshold_table(((r.pair, r.score) for r in seed_links.repeats), groups, [THRESHOLD])
    }[THRESHOLD]


def test_seed_repeats_at_the_threshold_keep_their_measured_precision_and_recall(seed_links, reference_groups):
    # The figures of docs/enrichment.md at the documented threshold; a regression guard.
    scores = _table(seed_links, reference_groups)
    assert scores.precision >= 0.7 and scores.recall >= 0.6, scores


@pytest.mark.xfail(strict=True, reason="target of issue 4 not reached: see docs/enrichment.md, 'Repeats'")
def test_seed_repeats_reach_precision_and_recall_of_0_8(seed_links, reference_groups):
    scores = _table(seed_links, reference_groups)
    assert scores.precision >= 0.8 and scores.recall >= 0.8, scores
