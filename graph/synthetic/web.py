"""Writers of the two web-page families: committee reports and implementation reports.

Both are archived MPA committee pages: site furniture, a one-line description of the meeting, the
title, "Report: / Date: / By:", a Summary, "A. Recommendations" (the committee's decisions, never a
tracked recommendation), "B. Supporting information" holding the tracked recommendations, then
the paper's implications, background papers and contact details.

- ``committee``: numbered paragraphs throughout; "Recommendation N" headings (the first one may
  carry a paragraph number, one may carry an owner in brackets and its text on the same line);
  lettered parts "(a) ..."; "Progress so far" / "Progress to date" blocks of numbered paragraphs
  (or none), "Challenges" questions and "Next steps"; a paragraph number printed twice ("12. 12.");
  bullets and a small data table inside a progress; "See next recommendation.", "As paragraph N.";
  a closing paragraph after the last part.
- ``implementation``: "Recommendation N – text" lines inside one paper paragraph, each followed by
  unnumbered progress lines and an invitation to agree it is achieved (or a subsumed note, or
  nothing when work continues); the next paper paragraph ends the last one.
"""

from __future__ import annotations

import random

from recgraph.graph.synthetic.content import (
    Item,
    Pointer,
    compose,
    fill,
    gerund,
    plan_pointers,
    point,
    programme,
    settle_derived,
    truth_record,
)
from recgraph.graph.synthetic.planning import CorpusPlan, PaperPlan, ReportPlan
from recgraph.graph.synthetic.vocabulary import (
    AUTHORS,
    CHALLENGES,
    COMMITTEE_OWNERS,
    COMMITTEES,
    GENERIC_PROGRESS,
    MONTHS,
    NEXT_STEPS,
    PERSONS,
)

_FURNITURE_HEAD = [
    "Warning: This is archived material and may be out of date. The Metropolitan Police Authority has been "
    "replaced by the Mayor's Office for Policing and Crime (MOPC).",
    "See the MOPC website for further information.",
]
_FURNITURE_TAIL = ["Send an e-mail linking to this page", "Feedback"]
_CONTACT = ["For more information contact:", "MPA general: 020 7202 0202", "Media enquiries: 020 7202 0217/18"]


def _day_and_month(rng: random.Random) -> tuple[int, str]:
    return rng.randint(1, 28), rng.choice(MONTHS)


def _blank_separated(lines: list[str]) -> list[str]:
    return [part for line in lines for part in (line, "")]


# --- committee ------------------------------------------------------------------------------------

_COMMITTEE_STATUSES = {"complete": 0.4, "in_progress": 0.4, "awaiting_external": 0.07, "superseded": 0.06, "not_started": 0.07}


def _committee_phrase(status: str, item: Item, rng: random.Random) -> tuple[str | None, str | None]:
    if status == "complete":
        style = rng.random()
        if style < 0.6:
            return "Action completed.", "Action completed."
        if style < 0.8:
            detail = fill("A lead officer in {unit} took up post to oversee the work.", item.values)
            return f"Action completed - {detail}", "Action completed"
        return "Action completed. The arrangements will be reviewed annually.", "Action completed."
    phrase = {
        "awaiting_external": "The MPS awaits national developments before this can be taken forward.",
        "superseded": f"This work is subsumed into the MPS {programme(rng)}.",
        "not_started": "This recommendation has not been implemented at this stage.",
    }.get(status)
    return phrase, phrase


def write_committee(paper: PaperPlan, plan: CorpusPlan, rng: random.Random) -> tuple[list[str], list[dict]]:
    """The lines of a committee report and the truth of its recommendations and lettered parts."""
    report = paper.reports[0]
    items = _committee_items(report, plan, rng)
    day, month = _day_and_month(rng)
    date = f"{day} {month} {paper.year}"
    body_name = rng.choice(COMMITTEES)
    number = f"{rng.randint(1, 20)}{rng.choice(('', '', 'a', 'b'))}"
    title = f"{report.title} \u2013 update on the recommendations"
    recommendations = sum(1 for item in items if item.parent is None)
    lines = _blank_separated([
        "You are in:", "Contents",
        f"Report {number} of the {date} meeting of the {body_name}, with progress on the recommendations of the {report.title}.",
        *_FURNITURE_HEAD, title,
    ])
    lines += [f"Report: {number}", f"Date: {date}", f"By: {rng.choice(AUTHORS)}", ""]
    lines += _blank_separated([
        "Summary",
        f"This report sets out an update on the recommendations of the {report.title} since the last report to the {body_name}.",
        "A. Recommendations",
        "That Members note the approach to the implementation of the recommendations set out in this report.",
        "B. Supporting information",
        f"1. The {report.title} made a total of {recommendations} recommendations, which are set out below with the progress made on each.",
        "2. Each recommendation is followed by the progress so far, the challenges that remain and the next steps.",
    ])
    writer = _CommitteeBody(items, rng, paragraph=3)
    lines += writer.lines()
    settle_derived(items)
    lines += _blank_separated([
        f"{writer.paragraph}. The Authority and the MPS will continue to monitor the implementation of these recommendations.",
        "C. Other organisational and community implications",
        "1. Equalities Impact",
        "1.1 There are significant equalities and diversity impacts arising from this report.",
        "2. Financial Implications",
        "2.1 There are no immediate financial implications.",
        "D. Background papers",
        f"  \u2022 {report.title} report, {body_name}",
        "E. Contact details",
        f"Report authors: {rng.choice(PERSONS)}",
        *_CONTACT, *_FURNITURE_TAIL,
    ])
    return lines, [truth_record(item, paper.file, report.key, paper.layout, item.issue) for item in items]


def _committee_items(report: ReportPlan, plan: CorpusPlan, rng: random.Random) -> list[Item]:
    """Items of the slots: parts worded as gerunds, headings as lead statements on their first part.

    A heading names an owner now and then ("[MPA responsible for implementation]"); its parts share it.
    """

    def phrase_of(status: str, item: Item) -> tuple[str | None, str | None]:
        return _committee_phrase(status, item, rng)

    def part_text(verb_phrase: str, _) -> str:
        return gerund(verb_phrase) + rng.choice((";", ".", ""))

    def own_text(verb_phrase: str, _) -> str:
        return f"The MPS should {verb_phrase}."

    items: list[Item] = []
    headings: dict[str, Item] = {}
    slots = report.slots
    with_parts = {slot.parent for slot in slots if slot.parent}
    for index, slot in enumerate(slots):
        if slot.number in with_parts:
            first = plan.issues[slots[index + 1].issue]
            item = compose(None, slot, rng, None, {}, phrase_of, lead_values=first.values())
            item.owner = rng.choice(COMMITTEE_OWNERS) if rng.random() < 0.1 else None
            headings[slot.number] = item
        else:
            item = compose(plan.issues[slot.issue], slot, rng, part_text if slot.parent else own_text, _COMMITTEE_STATUSES, phrase_of)
            if slot.parent:
                heading = headings[slot.parent]
                item.owner = heading.owner
                heading.themes = heading.themes or item.themes
        items.append(item)
    plan_pointers(items, rng, ("above", "detailed", "refers"), chance=0.04)
    return items


class _CommitteeBody:
    """Writes the headings, parts and progress blocks, numbering the paper's paragraphs as it goes."""

    def __init__(self, items: list[Item], rng: random.Random, paragraph: int):
        self.items, self.rng, self.paragraph = items, rng, paragraph
        self.paragraphs: dict[str, list[str]] = {}  # item number -> its numbered progress paragraphs
        self.out: list[str] = []

    def numbered(self, text: str, twice: bool = True) -> str:
        """The text as the paper's next numbered paragraph (now and then printed "12. 12. text")."""
        number = self.paragraph
        self.paragraph += 1
        again = f"{number}. " if twice and self.rng.random() < 0.03 else ""
        return f"{number}. {again}{text}"

    def lines(self) -> list[str]:
        parents = {item.parent for item in self.items if item.parent}
        last = len(self.items) - 1
        for index, item in enumerate(self.items):
            if item.parent is None:
                self.heading(item, index == 0, item.number in parents)
            if item.number in parents:
                continue
            if item.parent:
                self.out += [f"({item.number[-2]}) {item.text}", ""]
            following = self.items[index + 1] if index < last else None
            self.plant(item, following)
            self.block(item, closing=index == last)
        return self.out

    def heading(self, item: Item, first: bool, has_parts: bool) -> None:
        label = f"Recommendation {item.number}"
        if first and self.rng.random() < 0.5:
            label = self.numbered(label, twice=False)
        if item.owner and has_parts:
            self.out += [f"{label} [{item.owner}] {item.text}", ""]
        else:
            self.out += [label, item.text, ""]

    def plant(self, item: Item, following: Item | None) -> None:
        """Pointers only a committee report words: "See next recommendation.", "As paragraph N."."""
        if item.pointer or self.rng.random() >= 0.05:
            return
        if following is not None and following.parent == item.parent is not None and following.pointer is None and self.rng.random() < 0.5:
            point(item, Pointer("next", following.number))
            return
        earlier = [(number, paras) for number, paras in self.paragraphs.items() if paras]
        if earlier:
            number, paras = self.rng.choice(earlier[-10:])
            target = next(x for x in self.items if x.number == number)
            if not (target.pointer and target.pointer.whole):
                point(item, Pointer("paragraph", number, paragraph=paras[0]))

    def block(self, item: Item, closing: bool) -> None:
        rng = self.rng
        label = rng.choice(("Progress so far", "Progress to date", "Progress so far.", None))
        if label:
            self.out += [label, ""]
        paragraphs = list(item.progress)
        if item.printed_status:
            if rng.random() < 0.3:
                paragraphs[-1] += " " + item.printed_status
            else:
                paragraphs.append(item.printed_status)
        numbers = []
        for position, paragraph in enumerate(paragraphs):
            line = self.numbered(paragraph)
            numbers.append(line.split(".", 1)[0])
            self.out += [line, ""]
            if position == 0 and rng.random() < 0.08:
                self.out += [f"  \u2022 {fill(text, item.values)}" for text in rng.sample(GENERIC_PROGRESS, 3)] + [""]
            if position == 0 and rng.random() < 0.02:
                self.out += _data_table(rng)
        self.paragraphs[item.number] = numbers
        if closing or rng.random() < 0.5:
            self.out += ["Challenges", "", fill(rng.choice(CHALLENGES), item.values), ""]
        if closing or rng.random() < 0.5:
            text = fill(rng.choice(NEXT_STEPS), item.values)
            if not closing and rng.random() < 0.3:
                text = self.numbered(text)
            self.out += [rng.choice(("Next steps", "Next Steps")), "", text, ""]


def _data_table(rng: random.Random) -> list[str]:
    """A small table inside a progress block (not a recommendation)."""
    rows = ["Borough Outstanding Completed Total"]
    for borough in rng.sample(("Southwark", "Lambeth", "Hackney", "Enfield", "Brent", "Ealing", "Croydon"), 4):
        outstanding, completed = rng.randint(0, 40), rng.randint(10, 200)
        rows.append(f"{borough} {outstanding} {completed} {outstanding + completed}")
    return rows + ["", "NB. Figures are provisional and are drawn from local returns.", ""]


# --- implementation ------------------------------------------------------------------------------

#: An invitation to agree that a recommendation is achieved proposes its closure (statuses.ttl).
_IMPLEMENTATION_STATUSES = {"proposed_closure": 0.5, "in_progress": 0.3, "superseded": 0.06, "not_started": 0.08, "awaiting_external": 0.06}
_INVITATIONS = (
    "The Implementation Board invites members to agree that this recommendation has been achieved.",
    "The Implementation Board therefore invites members to agree that this recommendation has been achieved.",
    "The Implementation Board invite members to agree that this recommendation has been achieved.",
)


def write_implementation(paper: PaperPlan, plan: CorpusPlan, rng: random.Random) -> tuple[list[str], list[dict]]:
    """The lines of an implementation report and the truth of its recommendations."""
    report = paper.reports[0]
    committee = rng.choice(COMMITTEES)
    day, month = _day_and_month(rng)
    count = len(report.slots)
    number = rng.randint(1, 30)

    def phrase_of(status: str, item: Item) -> tuple[str | None, str | None]:
        if status == "proposed_closure":
            phrase = rng.choice(_INVITATIONS)
            return phrase, phrase
        phrase = {
            "superseded": f"Members are invited to agree that Recommendation {item.number} is subsumed into the MPS "
            f"{programme(rng)} that will report to the MPA {committee}.",
            "not_started": "The recommendation has not been implemented at this stage.",
            "awaiting_external": "Delivery of this recommendation awaits national developments.",
        }.get(status)
        return phrase, phrase

    items = [
        compose(plan.issues[slot.issue], slot, rng, lambda vp, _: f"To {vp}.", _IMPLEMENTATION_STATUSES, phrase_of)
        for slot in report.slots
    ]
    plan_pointers(items, rng, ("above", "refers"), chance=0.05)
    settle_derived(items)
    title = f"{report.title} \u2013 Implementation Report"
    ordinal = rng.choice(("first", "second", "third", "final"))
    short_year = f"{paper.year % 100:02d}"
    lines = [
        "Contents",
        f"Report {number} of the {day} {month[:3]} {short_year} meeting of the {committee} and this report provides the "
        f"{ordinal} update of work on the {count} recommendations of the {report.title}.",
        *_FURNITURE_HEAD,
        title,
        f"Report: {number}",
        f"Date:{day} {month} {paper.year}" if rng.random() < 0.5 else f"Date: {day} {month} {paper.year}",
        f"By: {rng.choice(AUTHORS)}",
        "Summary",
        f"This report provides the {ordinal} update of work on the {count} recommendations of the {report.title}.",
        "A. Recommendations",
        f"1. the progress of implementing the {report.title} be noted; and",
        "2. that the recommendations invited to be agreed below be approved as completed.",
        "B. Supporting information",
        "Background to the report",
        f"1. The {committee} approved the recommendations and improvement plan of the {report.title}.",
        f"2. Progress on the {count} recommendations achieved to date is as follows:",
    ]
    for item in items:
        dash = "\u2013" if rng.random() < 0.9 else "-"
        lines.append(f"Recommendation {item.number} {dash} {item.text}")
        lines += item.progress
        if item.printed_status:
            lines.append(item.printed_status)
        elif item.status == "in_progress" and rng.random() < 0.5:  # a target date, or a promise to report
            target = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {paper.year + 1}"
            lines.append(rng.choice((
                f"This should be completed by the target date of {target}.",
                "Members will be updated about progress in the next implementation report.",
            )))
    lines += [
        "3. The attached costs and benefits analysis (Appendix 1) sets out the progress of implementation.",
        "C. Race and equality impact",
        "1. The implications for ensuring equality were considered throughout the analysis of each theme.",
        "D. Financial implications",
        "Implementation to date has been achieved within existing resources.",
        "E. Background papers",
        f"Management Summary of the {report.title} \u2013 previously circulated.",
        "F. Contact details",
        f"Report Author: {rng.choice(PERSONS)}.",
        *_CONTACT,
        "Supporting material",
        "- Appendix 1 [Microsoft Excel]",
        "Implementation Appendix (Excel Spreadsheet)",
        *_FURNITURE_TAIL,
    ]
    return lines, [truth_record(item, paper.file, report.key, paper.layout, item.issue) for item in items]

