"""Writers of the two tab-separated families: recommendation tables and monitoring proformas.

Both print one row per line, several source reports per paper, header rows repeated at each page
break. The quirks of the seed papers are reproduced at random:

- ``table``: bold title blocks or a one-cell title row; number cells "6." or "6"; header variants
  ("Rec." / "Action" with the inspector's comment); cells with or without ``<p>`` fragments; rows
  cut by a page break and continued after the repeated header by a row with an empty number cell;
  bare page numbers; "(See also item N, para. x.y)" inside a recommendation.
- ``proforma``: the six-column header with superscript footnote marks; the column footnotes (some
  with the mangled ``<sup>&</sup>lt;sup>2</sup>`` mark); "(Rec. N continued)" rows with
  "(continued on/from page N)" markers; progress paragraphs on rows of their own with the owner
  cell wrapped over them; ``<ul><li>`` lists; the status in the timetable column.
"""

from __future__ import annotations

import random

from recgraph.graph.synthetic.content import (
    Item,
    compose,
    fill,
    plan_pointers,
    programme,
    reword,
    settle_derived,
    split_words,
    truth_record,
)
from recgraph.graph.synthetic.planning import CorpusPlan, PaperPlan, ReportPlan
from recgraph.graph.synthetic.issues import TEMPLATES
from recgraph.graph.synthetic.vocabulary import MONTHS, MPA_ACTIONS, PROFORMA_OWNERS, TABLE_OWNERS

# --- shared ---------------------------------------------------------------------------------------


class ParaRefs:
    """Ascending paragraph references of a report ("2.12", "2.21", "3.4" ...)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.chapter = rng.randint(2, 4)
        self.section = rng.randint(1, 9)

    def next(self) -> str:
        if self.rng.random() < 0.06 or self.section > 60:
            self.chapter += 1
            self.section = self.rng.randint(1, 5)
        else:
            self.section += self.rng.randint(1, 4)
        return f"{self.chapter}.{self.section}"


def status_phrases(status: str, item: Item, rng: random.Random) -> tuple[str | None, str | None]:
    """(printed, expected) status phrase of the two table families (the proforma overrides some)."""
    if status == "complete":
        phrase = rng.choice(("Action complete", "Action complete.", "Action completed."))
        return phrase, phrase
    if status == "awaiting_external":
        if rng.random() < 0.5:
            return "The MPS awaits national developments, but would welcome the opportunity to contribute.", "The MPS awaits national developments"
        return "The MPS awaits national developments.", "The MPS awaits national developments."
    if status == "superseded":
        phrase = f"This recommendation is subsumed into the MPS {programme(rng)}."
        return phrase, phrase
    if status == "not_started":
        phrase = "The recommendation has not been implemented at this stage."
        return phrase, phrase
    return ("(Further update requested)", None) if rng.random() < 0.2 else (None, None)


# --- table ----------------------------------------------------------------------------------------

_TABLE_FRAMES = (
    "{heading}: HM Inspector urges the MPS to {vp}.",
    "{heading}: HMI recommends that the MPS {vp}.",
    "{heading}: During the inspection it was evident that {problem}. HM Inspector urges the MPS to {vp}.",
    "{heading}: HM Inspector urges the MPS to {vp}.",
    "that the MPS {vp}.",
    "The MPS should {vp}.",
)
#: Reports not made by an inspector do not speak through one.
_OTHER_FRAMES = (
    "{heading}: The review recommends that the MPS {vp}.",
    "{heading}: It was found that {problem}. The MPS should {vp}.",
    "{heading}: The MPS should {vp}.",
    "The MPS should {vp}.",
    "It is recommended that the MPS {vp}.",
)
#: (first header, header repeated at page breaks); the position of each role follows the names.
_INSPECTOR_HEADERS = (
    (("Rec.", "Her Majesty's Inspector", "Progress Update", "MPA action"),
     ("Action", "Her Majesty's Inspector's comment:", "Progress Update", "MPA action")),
    (("Rec.", "Her Majesty's Inspector recommends:", "Progress Update", "MPA action"),
     ("Action", "Her Majesty's Inspector's comment:", "Progress Update", "MPA action")),
)
_TABLE_HEADERS = (
    (("Rec.", "Recommendation", "MPS response", "MPA Action"), ("Rec.", "Recommendation", "MPS response", "MPA Action")),
    (("No.", "Recommendation", "Lead", "Progress", "MPA action"), ("No.", "Recommendation", "Lead", "Progress", "MPA action")),
)
_TABLE_STATUSES = {"complete": 0.42, "in_progress": 0.32, "awaiting_external": 0.12, "superseded": 0.07, "not_started": 0.07}
_SUBTITLES = ("Recommendation and Actions Summary", "Recommendations and MPS response", "Recommendations and progress")


def write_table(paper: PaperPlan, plan: CorpusPlan, rng: random.Random) -> tuple[list[str], list[dict]]:
    """The lines of a recommendation table paper and the truth of its recommendations."""
    lines: list[str] = ["", ""]
    truth: list[dict] = []
    page = rng.randint(1, 3)
    for index, report in enumerate(paper.reports):
        items = _table_items(report, plan, rng)
        first, repeat = rng.choice(_TABLE_HEADERS + (_INSPECTOR_HEADERS * 2 if report.issuer == "HMIC" else ()))
        owners = "Lead" in first
        html, dotted = rng.random() < 0.6, rng.random() < 0.25
        tabs = "\t" * (len(first) - 1)
        if index == 0 or rng.random() < 0.5:
            lines += [f"**{report.title}", f"{rng.choice(_SUBTITLES)}**", ""] if rng.random() < 0.8 else [f"**{report.title}**", ""]
        else:
            lines.append(f"{report.title} \u2013 actions outstanding and carried forward{tabs}")
        lines.append("\t".join(first))
        for item in items:
            if owners:
                item.owner = rng.choice(TABLE_OWNERS) if rng.random() < 0.9 else None
            row, rest = _table_row(item, owners, html, dotted, rng)
            lines.append("\t".join(row))
            if rest is not None:
                item.quirks.append("continued")
            if rest is not None or rng.random() < 0.1:  # a page break after this row
                if rng.random() < 0.3:
                    lines.append(str(page))
                page += 1
                lines += ["", "\t".join(repeat)]
                if rest is not None:
                    lines.append("\t".join(rest))
            truth.append(truth_record(item, paper.file, report.key, paper.layout, item.issue))
        lines.append("")
    return lines, truth


def _table_items(report: ReportPlan, plan: CorpusPlan, rng: random.Random) -> list[Item]:
    refs = ParaRefs(rng)

    frames = _TABLE_FRAMES if report.issuer == "HMIC" else _OTHER_FRAMES

    def text_of(vp: str, issue) -> str:
        template = TEMPLATES[issue.template]
        problem = fill(reword(template.problem, rng), issue.values())
        return rng.choice(frames).format(heading=template.heading, problem=problem, vp=vp)

    items = []
    for slot in report.slots:
        issue = plan.issues[slot.issue]
        item = compose(issue, slot, rng, text_of, _TABLE_STATUSES, lambda status, it: status_phrases(status, it, rng))
        items.append(item)
    plan_pointers(items, rng, ("above", "refers", "item"))
    settle_derived(items)
    for item in items:
        if item.pointer and item.pointer.kind == "item":
            see = f"(See also item {item.pointer.target}, para. {refs.next()})"
            who = "HM Inspector notes" if report.issuer == "HMIC" else "The review notes"
            item.text = f"{item.heading}: {who} that {item.problem}. {see} The MPS should {item.demand}."
        ref = refs.next()
        item.text += rng.choice((f" (Para {ref})", f" (Para. {ref})", f" (Para {ref})", f" (Paras. {ref}& {ref.split('.')[0]}.{int(ref.split('.')[1]) + 1})"))
    return items


def _table_row(item: Item, owners: bool, html: bool, dotted: bool, rng: random.Random) -> tuple[list[str], list[str] | None]:
    """The item's row, and the continuation row when a page break cuts it."""
    paragraphs = list(item.progress)
    if item.printed_status:
        if paragraphs and rng.random() < 0.3 and not item.printed_status.startswith("("):
            paragraphs[-1] += " " + item.printed_status
        else:
            paragraphs.append(item.printed_status)
    number = item.number + ("." if dotted else "")
    if item.status == "complete" and rng.random() < 0.8:
        mpa = rng.choice([a for a in MPA_ACTIONS if "discharge" in a])
    else:
        mpa = rng.choice([a for a in MPA_ACTIONS if "discharge" not in a] + [""])
    text_cut = split_words(item.text.rsplit(" (Para", 1)[0], rng) if rng.random() < 0.08 else None
    progress_cut = rng.random() < 0.1 and len(paragraphs) > 1
    text = item.text
    rest_text = ""
    if text_cut:
        text, rest_text = text_cut[0], item.text[len(text_cut[0]) + 1 :]
    head_paragraphs, rest_paragraphs = paragraphs, []
    if progress_cut:
        cut = rng.randint(1, len(paragraphs) - 1)
        head_paragraphs, rest_paragraphs = paragraphs[:cut], paragraphs[cut:]
    row = [number, _cell([text], html), _cell(head_paragraphs, html)]
    rest = ["", rest_text, _cell(rest_paragraphs, html)] if (text_cut or progress_cut) else None
    if owners:
        row.insert(2, item.owner or "")
        if rest:
            rest.insert(2, "")
    row.append(_cell([mpa], html and rng.random() < 0.5) if mpa else "")
    if rest:
        rest.append("")
    return row, rest


def _cell(paragraphs: list[str], html: bool) -> str:
    paragraphs = [p for p in paragraphs if p]
    if html:
        return " ".join(f"<p>{p}</p>" for p in paragraphs)
    return " ".join(paragraphs)


# --- proforma -------------------------------------------------------------------------------------

_PROFORMA_HEADER = (
    "HMIC Recommendation", "Links", "MPA monitoring and performance indicators and outcomes",
    "MPS response and progress in achieving outcomes", "Timetable for Action", "Action by Whom (MPA/MPS)",
)
_FOOTNOTES = (
    "Column 1 sets out the recommendation, with its page and paragraph reference.",
    "Column 2 maps the recommendation to others from related reports, internal inspections and initiatives that can inform the Authority's performance requirement.",
    "Column 3 specifies the MPA performance measures and outcomes that the Authority will expect the MPS to deliver.",
    "Column 4 will be completed by the Inspection Liaison and Analysis Unit, in consultation with the nominated MPS lead.",
    "Column 5 will be completed by the MPA and sets clear timescales for the receipt of information.",
    "Column 6 indicates the lead directorates, units and individuals accountable for responding to the recommendation.",
)
_PROFORMA_FRAMES = (
    "The MPS should {vp}.", "The MPS must {vp}.", "It is recommended that the MPS {vp}.",
    "In the light of Best Value principles, the MPS should {vp}.", "To ensure openness and accountability, the MPS should {vp}.",
)
_PROFORMA_STATUSES = {"complete": 0.45, "in_progress": 0.35, "awaiting_external": 0.08, "superseded": 0.06, "not_started": 0.06}


def write_proforma(paper: PaperPlan, plan: CorpusPlan, rng: random.Random) -> tuple[list[str], list[dict]]:
    """The lines of a monitoring proforma and the truth of its recommendations."""
    issuer = paper.reports[0].issuer.upper()
    lines = [f"#### MPA/MPS {issuer} INSPECTION RECOMMENDATIONS MONITORING AND REVIEW PROFORMA", ""]
    truth: list[dict] = []
    page = 1
    for index, report in enumerate(paper.reports):
        title = report.title.upper() if rng.random() < 0.6 else report.title
        lines += [f"#### {report.issuer.upper()} REPORT: {title}", ""]
        if index == 0:
            lines += [
                "This proforma will be used by the MPA to assist it in monitoring and reviewing the MPS progress against "
                "the recommendations of inspections and audits. The details to be contained in each column are set out in "
                "the footnote below for the information and guidance of MPA and MPS staff.",
                "",
                "\t".join(f"{name} <sup>{n}</sup>" for n, name in enumerate(_PROFORMA_HEADER, start=1)),
            ]
        else:
            lines.append("\t".join(_PROFORMA_HEADER))
        items = _proforma_items(report, plan, rng)
        on_page, limit = 0, rng.randint(3, 6)
        for position, item in enumerate(items):
            footnotes = _footnotes(rng) if index == 0 and position == 0 else []
            rows, page, broke = _proforma_rows(item, page, rng, footnotes)
            lines += rows
            if footnotes and not broke:
                lines += ["", *footnotes]
            on_page = 1 if broke else on_page + 1
            if position < len(items) - 1 and (on_page >= limit or footnotes and not broke):
                page, on_page, limit = page + 1, 0, rng.randint(3, 6)
                lines += ["", "\t".join(_PROFORMA_HEADER)]
            truth.append(truth_record(item, paper.file, report.key, paper.layout, item.issue))
        lines.append("")
    return lines, truth


def _footnotes(rng: random.Random) -> list[str]:
    lines = []
    for n, text in enumerate(_FOOTNOTES, start=1):
        mark = f"<sup>{n}</sup>" if n == 1 or rng.random() < 0.4 else f"<sup>&</sup>lt;sup>{n}</sup>"
        lines += [f"{mark} {text}", ""]
    return lines[:-1]


def _proforma_items(report: ReportPlan, plan: CorpusPlan, rng: random.Random) -> list[Item]:
    refs = ParaRefs(rng)

    def phrase_of(status: str, item: Item) -> tuple[str | None, str | None]:
        if status == "complete":
            return "The MPS considers action to be complete.", "The MPS considers action to be complete."
        if status == "awaiting_external":
            return "The MPS awaits national developments.", "The MPS awaits national developments."
        return status_phrases(status, item, rng)

    items = []
    for slot in report.slots:
        issue = plan.issues[slot.issue]
        item = compose(issue, slot, rng, lambda vp, _: rng.choice(_PROFORMA_FRAMES).format(vp=vp), _PROFORMA_STATUSES, phrase_of)
        item.owner = rng.choice(PROFORMA_OWNERS) if rng.random() < 0.9 else None
        items.append(item)
    plan_pointers(items, rng, ("refers", "under", "above"))
    settle_derived(items)
    for item in items:
        ref = refs.next()
        item.text += " " + rng.choice((f"<i>(para. {ref})</i>", f"(para. {ref})", f"( <i>para. {ref}</i> )", f"<i>(para.</i> <i>{ref})</i>"))
    return items


def _proforma_rows(item: Item, page: int, rng: random.Random, footnotes: list[str]) -> tuple[list[str], int, bool]:
    """The rows of one item: its first row, progress paragraphs on rows of their own, and the
    continuation on the next page ("(Rec. N continued)") when a page break cuts it.

    Returns the rows, the page the item ends on and whether a page break cut it (the footnotes, if
    any, then go to the foot of the first page).
    """
    paragraphs = list(item.progress)
    timetable = ""
    if item.status == "complete":
        timetable = item.printed_status or ""
    elif item.printed_status and item.printed_status.startswith("("):
        paragraphs[-1] += " " + item.printed_status
    elif item.printed_status:
        paragraphs.append(item.printed_status)
    elif rng.random() < 0.4:
        timetable = rng.choice(("Ongoing", f"By {rng.choice(MONTHS)} next year", "Within six months"))
    if rng.random() < 0.15 and len(paragraphs) > 1:  # a list, as the web page printed it
        paragraphs = ["<ul> " + " ".join(f"<li>{p}</li>" for p in paragraphs) + " </ul>"]
    owner = item.owner or ""
    owner_parts = [owner]
    if owner and len(paragraphs) > 1 and rng.random() < 0.4:
        words = owner.split(" ")
        if len(words) > 2:
            cut = rng.randint(1, len(words) - 1)
            owner_parts = [" ".join(words[:cut]), " ".join(words[cut:])]
    broken = len(paragraphs) > 1 and rng.random() < 0.25
    cut = rng.randint(1, len(paragraphs) - 1) if broken else len(paragraphs)
    first_page, next_page = paragraphs[:cut], paragraphs[cut:]
    rows = []
    for position, paragraph in enumerate(first_page):
        owner_cell = owner_parts[position] if position < len(owner_parts) else ""
        recommendation = f"{item.number}. {item.text}" if position == 0 else ""
        if broken and position == len(first_page) - 1:
            paragraph += f" (continued on page {page + 1})"
        rows.append("\t".join((recommendation, "", "", paragraph, timetable if position == 0 else "", owner_cell)))
    if len(owner_parts) > len(first_page):  # the wrapped owner needs a row of its own
        rows.append("\t".join(("", "", "", "", "", " ".join(owner_parts[len(first_page) :]))))
    if not broken:
        return rows, page, False
    item.quirks.append("continued")
    page += 1
    if footnotes:
        rows += ["", *footnotes]
    rows += ["", "\t".join(_PROFORMA_HEADER)]
    repeat = owner if rng.random() < 0.7 else owner_parts[0]
    if rng.random() < 0.5:
        rows.append("\t".join((f"(Rec. {item.number} continued)", "", "", f"(continued from page {page - 1}) {next_page[0]}", "", repeat)))
        rest = next_page[1:]
    else:
        rows.append("\t".join((f"(Rec. {item.number} continued)", "", "", f"(continued from page {page - 1})", "", "")))
        rest = next_page
    rows += ["\t".join(("", "", "", paragraph, "", repeat if i == 0 else "")) for i, paragraph in enumerate(rest)]
    return rows, page, True
