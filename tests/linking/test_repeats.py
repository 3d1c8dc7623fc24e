"""Repeats across source reports: reiterates needs aligned wording, a shared theme alone makes at
most relatedTo; links are directed by date, carry quotes with paper and lines, and analysts'
decisions win. The synthetic corpus plants repeats with the detector's own vocabulary: its figures
check speed and plumbing, not quality (quality: test_judged_pairs.py)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from recgraph.graph.enrich import enrich
from recgraph.graph.linking import link
from recgraph.graph.linking.candidates import neighbour_pairs, tag_pairs, word_pairs
from recgraph.graph.linking.dates import Made, parse_year
from recgraph.graph.linking.decisions import Decision
from recgraph.graph.linking.evaluation import planted_groups, reference_pairs, score_pairs, threshold_table
from recgraph.graph.linking.repeats import ALIGNED, THRESHOLD, Item, RepeatOptions, detect_repeats
from recgraph.graph.linking.similarity import WEIGHTS, specificity
from recgraph.graph.linking.terms import features
from recgraph.graph.reading.papers import read_papers
from recgraph.graph.synthetic import generate_corpus

def item(report, number, text, years, closed=None, themes=(), progress="", provenance=None):
    return Item((report, number), text, themes, (), Made(years, None), closed, progress, provenance=provenance)


def test_report_years_are_read_as_written():
    assert [parse_year(y) for y in ("2000/2001", "2001/02", "2010", None)] == [(2000, 2001), (2001, 2002), (2010, 2010), None]


def test_terms_and_adjacent_pairs_are_the_features_and_domain_words_are_not():
    assert features("The MPS should review the staff appraisal backlog.") == [
        "staff", "apprais", "backlog", "staff apprais", "apprais backlog"]


def test_a_theme_carried_by_few_recommendations_is_specific():
    assert specificity(8) == pytest.approx(0.5)
    assert specificity(2) == pytest.approx(1 / (1 + 1 / 16))
    assert specificity(300) < 0.001


def test_the_later_recommendation_reiterates_the_earlier_one():
    old = item("audit", "R6", "Staff appraisal backlog must be cleared; staff appraisals outstanding.", (2001, 2002))
    new = item("inquiry", "6(b)", "Use staff appraisals to warn of dissatisfaction.", (2010, 2010))
    (repeat,) = detect_repeats([new, old], RepeatOptions(threshold=0.05))
    assert (repeat.source, repeat.target) == (("inquiry", "6(b)"), ("audit", "R6"))
    assert "after audit (2001/2002)" in repeat.direction and "appraisal" in repeat.shared_terms


def test_recommendations_of_one_report_are_never_repeats():
    a = item("audit", "R1", "Staff appraisal backlog.", (2001, 2002))
    b = item("audit", "R2", "Staff appraisal backlog.", (2001, 2002))
    assert detect_repeats([a, b], RepeatOptions(threshold=0.0)) == ()


def test_reports_of_the_same_year_are_contemporaries_unless_asked():
    a = item("audit", "R1", "Clear the staff appraisal backlog.", (2001, 2002), themes=("t:appraisal",))
    b = item("review", "7", "Clear the staff appraisal backlog.", (2001, 2002), themes=("t:appraisal",))
    assert detect_repeats([a, b]) == ()
    (repeat,) = detect_repeats([a, b], RepeatOptions(same_year=True))
    assert "dated as" in repeat.direction


def test_a_heading_that_only_leads_into_parts_is_compared_by_its_themes():
    lead = "A more flexible approach to the recruitment of special constables is required. This means:"
    a = Item(("inquiry", "4"), lead, made=Made((2005, 2005), None), lead=True)
    b = Item(("review", "3"), lead, made=Made((2009, 2009), None), lead=True)
    assert detect_repeats([a, b]) == ()
    themed = [Item(i.key, i.text, ("t:positive-action",), (), i.made, lead=True) for i in (a, b)]
    (repeat,) = detect_repeats(themed)
    assert repeat.relation == "relatedTo" and not repeat.quotes  # a lead-in's stock phrase is no aligned wording
    assert repeat.word_similarity == 0 and not repeat.words_counted and "not counted" in repeat.evidence()


def test_an_earlier_item_closed_before_the_later_was_made_is_flagged():
    old = item("wc", "22", "Revisit the career management and postings policy.", (2000, 2000), closed="2002")
    new = item("rfi", "7(b)", "Review the postings policy and career management.", (2010, 2010))
    (repeat,) = detect_repeats([old, new], RepeatOptions(threshold=0.05))
    assert repeat.recurring_despite_closure and "marked complete by a paper dated 2002" in repeat.closure


def test_closure_after_the_later_report_is_not_flagged():
    old = item("wc", "22", "Revisit the postings policy.", (2000, 2000), closed="2012")
    new = item("rfi", "7(b)", "Review the postings policy.", (2010, 2010))
    (repeat,) = detect_repeats([old, new], RepeatOptions(threshold=0.05))
    assert not repeat.recurring_despite_closure


def test_a_shared_specific_theme_scores_by_how_few_carry_it():
    a = item("x", "1", "Review the grievance procedure.", (2000, 2000))
    b = item("y", "1", "Learn lessons from employment tribunals.", (2005, 2005))
    themed = [item(*i.key, i.text, i.made.years, themes=("t:grievances",)) for i in (a, b)]
    assert detect_repeats([a, b], RepeatOptions(threshold=0.0)) == ()
    (repeat,) = detect_repeats(themed, RepeatOptions(threshold=0.0))
    assert repeat.shared_themes == ("t:grievances",) and repeat.theme_similarity == pytest.approx(specificity(2), abs=1e-4)
    assert repeat.score == pytest.approx(WEIGHTS["themes"] * specificity(2), abs=1e-3)
    assert repeat.relation == "relatedTo" and repeat.aligned == 0  # a shared theme alone is never a repeat


def test_the_evidence_decomposes_the_score():
    old = item("audit", "R6", "Clear the staff appraisal backlog.", (2001, 2002), themes=("t:appraisal",),
               progress="Appraisal completion is reported monthly.")
    new = item("inquiry", "6(b)", "Use staff appraisals to warn of dissatisfaction.", (2010, 2010), themes=("t:appraisal",))
    (repeat,) = detect_repeats([old, new])
    w_words, w_themes, w_systems = repeat.weights
    assert repeat.score == pytest.approx(
        w_words * repeat.word_similarity + w_themes * repeat.theme_similarity + w_systems * repeat.system_similarity, abs=1e-3)
    assert repeat.word_similarity == pytest.approx(
        repeat.word_cosine * repeat.shared_term_count / (repeat.shared_term_count + 3), abs=1e-3)
    assert f"score {repeat.score:.3f} = {w_words}*words" in repeat.evidence()
    assert repeat.evidence().index("aligned wording") < repeat.evidence().index("score")  # quotes first, score as detail


def test_neighbours_are_found_block_by_block_with_the_same_answer():
    rng = np.random.default_rng(0)
    matrix = sparse.random(60, 40, density=0.2, random_state=1, format="csr", dtype=np.float32)
    groups = rng.integers(0, 3, 60)
    whole = neighbour_pairs(matrix, groups, 3, 0.0, rows_per_block=60)
    blocks = neighbour_pairs(matrix, groups, 3, 0.0, rows_per_block=7)
    assert all(np.array_equal(x, y) for x, y in zip(whole, blocks))
    assert all(groups[a] != groups[b] for a, b in zip(whole[0], whole[1]))


def test_blocking_keeps_pairs_that_share_a_rare_feature():
    # Column 0 is common to all (left out of the search), column 1 rare and shared by rows 0 and 3.
    dense = np.zeros((6, 3), dtype=np.float32)
    dense[:, 0] = 0.5
    dense[[0, 3], 1] = 0.8
    dense[[1, 4], 2] = 0.1
    first, second = word_pairs(sparse.csr_matrix(dense), np.array([0, 0, 0, 1, 1, 1]), 1, blocking_from=0, blocking_df=0.5,
                               features_per_item=1)
    assert (0, 3) in set(zip(first.tolist(), second.tolist()))


def test_every_two_carriers_of_a_specific_tag_are_candidates():
    tags = sparse.csr_matrix(np.array([[0.9], [0.9], [0.9]], dtype=np.float32))
    assert sorted(zip(*map(list, tag_pairs(tags, np.array([0, 1, 0]), 0.5)))) == [(0, 1), (1, 2)]


def test_pairwise_scores_count_only_pairs_the_reference_judged():
    groups = [[("a", "1"), ("b", "1")]]
    assert len(reference_pairs(groups)) == 1
    scores = score_pairs([frozenset({("a", "1"), ("b", "1")}), frozenset({("a", "9"), ("b", "9")})], groups)
    assert (scores.precision, scores.strict_precision, scores.recall) == (1.0, 0.5, 1.0)


def test_every_seed_reiterates_link_joins_two_reports_of_different_years_with_quoted_wording(seed_links):
    reiterates = [r for r in seed_links.repeats if r.relation == "reiterates"]
    assert reiterates
    for repeat in reiterates:
        assert repeat.source[0] != repeat.target[0] and repeat.aligned >= ALIGNED
        assert repeat.quotes and all(q.later_file and q.earlier_file and q.later_lines for q in repeat.quotes)
        assert "dated as" not in repeat.direction


def test_no_seed_link_made_without_aligned_wording_is_a_reiterates(seed_links):
    for repeat in seed_links.repeats:
        if repeat.aligned == 0:
            assert repeat.relation == "relatedTo", repeat


def _at_threshold(repeats, groups):
    (scores,) = threshold_table(((r.pair, r.score) for r in repeats if r.relation == "reiterates"), groups, [THRESHOLD])
    return scores


@pytest.fixture(scope="module")
def synthetic_1k(tmp_path_factory):
    corpus = generate_corpus(tmp_path_factory.mktemp("corpus"), 1000, seed=3)
    outcome = read_papers([corpus.papers_dir])
    assert not outcome.errors
    return outcome.results, enrich(outcome.results), planted_groups(corpus.truth)


def test_planted_repeats_of_a_synthetic_corpus_are_found(synthetic_1k):
    # The corpus plants repeats with the detector's own vocabulary: this checks the plumbing at
    # scale, not the quality of the decision (see test_judged_pairs.py and docs/enrichment.md).
    results, enrichment, groups = synthetic_1k
    scores = _at_threshold(link(results, enrichment).repeats, groups)
    assert scores.strict_precision >= 0.9 and scores.recall >= 0.9, scores


def test_the_blocked_search_of_large_corpora_finds_them_too(synthetic_1k):
    results, enrichment, groups = synthetic_1k
    scores = _at_threshold(link(results, enrichment, RepeatOptions(blocking_from=0)).repeats, groups)
    assert scores.strict_precision >= 0.9 and scores.recall >= 0.9, scores


def _fleet_items():
    from recgraph.graph.model import Provenance

    old = item("fleet-review", "4", "Replace the vehicle booking system used for pool cars.", (2003, 2003),
               provenance=Provenance("p/fleet.txt", 10, 11, "4. Replace the vehicle booking\nsystem used for pool cars."))
    new = item("transport-review", "2", "A single booking system for every pool vehicle.", (2006, 2006),
               provenance=Provenance("p/transport.txt", 40, 40, "A single booking system for every pool vehicle."))
    other = item("transport-review", "3", "Publish the opening hours of front counters.", (2006, 2006))
    return old, new, other


def test_a_reiterates_link_quotes_the_aligned_wording_of_both_texts_with_paper_and_lines():
    (repeat,) = detect_repeats(_fleet_items(), RepeatOptions(threshold=0.0))
    assert repeat.relation == "reiterates" and repeat.source == ("transport-review", "2")
    (quote,) = repeat.quotes
    assert (quote.later, quote.earlier) == ("booking system for every pool vehicle", "vehicle booking system used for pool")
    assert (quote.later_file, quote.later_lines) == ("p/transport.txt", (40, 40))
    assert (quote.earlier_file, quote.earlier_lines) == ("p/fleet.txt", (10, 11))  # the phrase runs over a line break
    assert "(transport.txt, line 40) ~ “vehicle booking system used for pool” (fleet.txt, lines 10–11)" in repeat.evidence()


def _decision(later, earlier, outcome, relation="reiterates"):
    return Decision(later, earlier, relation, outcome, "ana", "2026-01-02T03:04:05+00:00", "read both")


def test_a_rejected_link_never_returns_and_is_kept_as_rejected():
    items = _fleet_items()
    rejected = _decision(("fleet-review", "4"), ("transport-review", "2"), "rejected")  # either order
    (repeat,) = detect_repeats(items, RepeatOptions(threshold=0.0), [rejected])
    assert repeat.decision == "rejected" and repeat.decided == rejected
    assert "decision: rejected by ana on 2026-01-02T03:04:05+00:00: read both" in repeat.evidence()


def test_a_confirmed_link_is_kept_whatever_its_score_and_the_latest_decision_wins():
    items = _fleet_items()
    pair = (("transport-review", "3"), ("fleet-review", "4"))
    confirmed = _decision(*pair, "confirmed")
    found = {r.pair: r for r in detect_repeats(items, RepeatOptions(threshold=0.99), [confirmed])}
    kept = found[frozenset(pair)]
    assert kept.relation == "reiterates" and kept.decision == "confirmed" and kept.score < 0.99
    assert frozenset(pair) not in {r.pair for r in detect_repeats(items, RepeatOptions(threshold=0.99),
                                                                   [confirmed, _decision(*pair, "rejected")])
                                   if r.decision != "rejected"}


def test_a_confirmed_relation_replaces_the_detected_one():
    items = _fleet_items()
    related = _decision(("transport-review", "2"), ("fleet-review", "4"), "confirmed", "relatedTo")
    (repeat,) = detect_repeats(items, RepeatOptions(threshold=0.0), [related])
    assert repeat.relation == "relatedTo" and repeat.decision == "confirmed"


def test_an_accepted_model_decides_but_aligned_wording_stays_required():
    from recgraph.graph.linking.fitting import LinkModel

    themed = [item(*i.key, i.text, i.made.years, themes=("t:fleet",)) for i in _fleet_items()]
    eager = LinkModel(intercept=5.0, weights=(0.0, 0.0, 0.0, 0.0), decisions=20, confirmed=10, rejected=10,
                      accuracy=1.0, rule_accuracy=0.5)  # says yes to everything
    found = detect_repeats(themed, RepeatOptions(threshold=0.0, model=eager))
    assert {r.relation for r in found if r.aligned > 0} == {"reiterates"}
    assert {r.relation for r in found if r.aligned == 0} == {"relatedTo"}


def test_the_same_ask_about_the_same_object_in_other_words_reiterates_on_its_wording_alone():
    # One-line asks, no theme or system shared: the aligned wording alone decides, and a short ask
    # said again inside a longer recommendation is not diluted by the longer one's other words.
    old = item("fleet-review", "4", "Replacement of the vehicle booking system.", (2003, 2003))
    new = item("transport-review", "2", "Single booking system for pool vehicles, so that drivers in every borough "
               "can reserve a car online and managers can see how often each car stands idle.", (2006, 2006))
    (repeat,) = detect_repeats([old, new], RepeatOptions(threshold=0.99, score_gate=False))
    assert repeat.relation == "reiterates" and repeat.theme_similarity == 0 and repeat.aligned >= ALIGNED
    assert repeat.quotes[0].later.startswith("booking system")


def test_a_pair_sharing_only_a_theme_and_a_system_is_never_a_reiterates():
    a = Item(("x", "1"), "Review the grievance procedure.", ("t:grievances",), ("s:hr-system",), Made((2000, 2000), None))
    b = Item(("y", "1"), "Learn lessons from employment tribunals.", ("t:grievances",), ("s:hr-system",), Made((2005, 2005), None))
    (repeat,) = detect_repeats([a, b], RepeatOptions(threshold=0.0))
    assert repeat.relation == "relatedTo" and repeat.aligned == 0 and not repeat.quotes


def test_wording_that_only_names_an_area_is_not_aligned_wording():
    # "best value" and "human resources" are theme labels (ontology/themes.ttl): sharing them says
    # the same area, not the same object, so the pair is at most related.
    a = item("x", "1", "Apply best value principles to custody.", (2000, 2000), themes=("t:best-value",))
    b = item("y", "1", "A best value review of the vehicle fleet.", (2005, 2005), themes=("t:best-value",))
    c = item("z", "1", "The human resources function should publish its plans.", (2007, 2007))
    d = item("w", "1", "Move human resources staff to the boroughs.", (2009, 2009))
    found = detect_repeats([a, b, c, d], RepeatOptions(threshold=0.0))
    assert found and all(r.relation == "relatedTo" and r.aligned == 0 and not r.quotes for r in found)
    # Named with the object ("career management policy"), the object's words still align.
    e = item("p", "1", "Re-examine the career management policy for officers.", (2000, 2000))
    f = item("q", "1", "An effective career management policy now tenure has gone.", (2004, 2004))
    (repeat,) = detect_repeats([e, f], RepeatOptions(threshold=0.0))
    assert repeat.relation == "reiterates" and "policy" in repeat.quotes[0].later


def test_a_phrase_naming_who_acts_is_not_aligned_wording():
    # "support unit", "borough commander": the owner's kind or rank, not the object of the ask.
    a = item("x", "1", "The support unit should publish its response times.", (2000, 2000))
    b = item("y", "1", "Every support unit to be inspected yearly.", (2005, 2005))
    found = detect_repeats([a, b], RepeatOptions(threshold=0.0))
    assert all(r.relation == "relatedTo" and r.aligned == 0 for r in found)


def test_area_pairs_come_from_the_theme_labels():
    from recgraph.graph.linking.alignment import area_pairs, shipped_area_pairs

    assert area_pairs(["best value"]) == {("best", "valu")}
    assert ("best", "valu") in shipped_area_pairs() and ("human", "resourc") in shipped_area_pairs()
    assert ("book", "vehicl") not in shipped_area_pairs()
