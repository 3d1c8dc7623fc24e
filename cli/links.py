"""``recgraph links``: review suggested repeat and related links, record decisions, fit the score.

* ``recgraph links`` lists the links of the graph with their decision (suggested, confirmed,
  rejected) and evidence, filtered by report, theme, score, decision and relation;
* ``recgraph links confirm|reject A B`` records an analyst's decision on the link between two
  recommendations (short labels ``report-key/number``) in the decisions file
  (:func:`~recgraph.graph.linking.decisions.decisions_file`); it takes effect at the next build and
  survives every rebuild;
* ``recgraph links fit`` fits the reiterates decision to the decisions recorded and reports it;
  ``--accept`` keeps it for later builds.
"""

from __future__ import annotations

from pathlib import Path

import click

from recgraph.cli.analyses_render import output_options
from recgraph.cli.analyses_render import write_listing as _write
from recgraph.cli.errors import EXIT_PROBLEMS, reports_errors
from recgraph.cli.main import cli
from recgraph.cli.sources import open_source, source_options

_SHOWN = ["later", "earlier", "relation", "score", "decision", "decided_by", "quotes", "shared_themes"]


@cli.group(invoke_without_command=True)
@source_options
@output_options()
@click.option("--report", default=None, help="Only links with an end in this source report (its key).")
@click.option("--theme", default=None, help="Only links whose two ends share this theme (label or IRI tail).")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, help="Only links scored at least this.")
@click.option("--decision", type=click.Choice(["suggested", "confirmed", "rejected"]), default=None,
              help="Only links with this decision.")
@click.option("--relation", type=click.Choice(["reiterates", "relatedTo"]), default=None, help="Only this relation.")
@click.pass_context
@reports_errors
def links(ctx, store, endpoint, fmt, nl, out, report, theme, min_score, decision, relation):
    """Suggested repeat (reiterates) and related links for review, with their decision and evidence."""
    if ctx.invoked_subcommand is not None:
        return
    from recgraph.graph.analyses import link_table

    table = link_table(open_source(store, endpoint), report=report, theme=theme, min_score=min_score,
                       decision=decision, relation=relation)
    _write({"links": table}, fmt, out, nl, {"links": _SHOWN})


def _decide(outcome: str, later: str, earlier: str, note: str, relation: str, decisions: Path | None) -> None:
    from recgraph.graph.linking.decisions import decisions_file, record_decision

    path = decisions or decisions_file()
    made = record_decision(path, later, earlier, outcome, relation, note)
    click.echo(f"{relation} {later} – {earlier}: {made.describe()}")
    click.echo(f"Recorded in {path}; it takes effect at the next `recgraph build`.")


def _decision_command(outcome: str, verb: str):
    @links.command(name=verb)
    @click.argument("later")
    @click.argument("earlier")
    @click.option("--note", default="", help="Why (kept with the decision).")
    @click.option("--relation", type=click.Choice(["reiterates", "relatedTo"]), default="reiterates",
                  show_default=True, help="The relation decided on.")
    @click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="The decisions file (default: $RECGRAPH_DECISIONS, else ./data/decisions.csv or $RECGRAPH_DATA/decisions.csv).")
    @reports_errors
    def command(later, earlier, note, relation, decisions):
        _decide(outcome, later, earlier, note, relation, decisions)

    command.__doc__ = (f"{verb.capitalize()} the link between two recommendations (short labels report-key/number): "
                       f"it is {outcome} whatever detection says, in every later build.")
    return command


confirm = _decision_command("confirmed", "confirm")
reject = _decision_command("rejected", "reject")


@links.command()
@source_options
@click.option("--accept", is_flag=True, help="Keep the fit: later builds decide reiterates with it.")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The decisions file beside which an accepted fit is kept (default: as confirm/reject).")
@reports_errors
def fit(store, endpoint, accept, decisions):
    """Fit the reiterates decision to the links analysts decided on (logistic regression over the
    similarity parts) and report it; exit 1 when there are too few decisions."""
    from recgraph.graph.analyses import link_table
    from recgraph.graph.linking.decisions import decisions_file
    from recgraph.graph.linking.fitting import MODEL_FILE, PARTS, FitError, fit_model, save_model
    from recgraph.graph.linking.repeats import ALIGNED

    table = link_table(open_source(store, endpoint))
    decided = table[table["decision"].isin(["confirmed", "rejected"])]
    parts = decided[list(PARTS)].astype(float).fillna(0.0).to_numpy()
    confirmed = ((decided["decision"] == "confirmed") & (decided["relation"] == "reiterates")).to_numpy()
    rule = (decided["aligned"].astype(float).fillna(0) >= ALIGNED).to_numpy()  # the documented rule: aligned wording alone
    try:
        model = fit_model(parts, confirmed, rule)
    except FitError as error:
        click.echo(f"Not fitted: {error}.")
        raise SystemExit(EXIT_PROBLEMS)
    click.echo(model.describe())
    if accept:
        path = save_model(model, (decisions or decisions_file()).parent / MODEL_FILE)
        click.echo(f"Accepted: saved to {path}; later builds decide reiterates with it (aligned wording still required).")
    else:
        click.echo("Not accepted: run again with --accept to use it in later builds.")
