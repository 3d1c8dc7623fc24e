"""The plan of a synthetic corpus: papers, the source reports they track, numbered slots and issues.

Planning is cheap and holds no text: a slot is a recommendation number with the issue it is about.
The writers (one module per layout family) turn each paper's plan into text later, one paper at a
time, so a corpus of 100k recommendations is never held in memory as text.

Repeats are planted here: reports are visited in year order and a slot either starts a new issue or
joins an open *repeat group*, whose earlier members all come from other source reports of earlier
years. Members of a group share the issue (template, phrasing and fillers); each is reworded in its
own way when it is written (see :func:`recgraph.graph.synthetic.content.reword`).
"""

from __future__ import annotations

import itertools
import random
import string
from dataclasses import dataclass, field, replace

from recgraph.graph.reading.readers.text import slugify
from recgraph.graph.synthetic.issues import TEMPLATES, IssueTemplate
from recgraph.graph.synthetic.vocabulary import FILLERS, KINDS_BY_LAYOUT, REPORT_KINDS, REPORT_NAMES, REPORT_SUBJECTS, SLOTS

LAYOUTS: tuple[str, ...] = ("table", "proforma", "pdf_columns", "committee", "implementation")

#: Recommendations per paper, by layout: tens to a few hundred (a PDF action plan is shorter).
SIZES: dict[str, tuple[int, int]] = {
    "table": (12, 220),
    "proforma": (10, 160),
    "pdf_columns": (6, 60),
    "committee": (15, 160),
    "implementation": (6, 110),
}
#: Source reports per paper: only the table families print several tables in one paper.
REPORTS_PER_PAPER: dict[str, tuple[int, ...]] = {"table": (1, 1, 2, 2, 3), "proforma": (1, 1, 1, 2)}

FIRST_YEAR, LAST_YEAR = 1995, 2025
#: Chance that a slot joins an open repeat group, and that a new issue opens one.
P_JOIN, P_OPEN = 0.3, 0.16
#: Members of a repeat group at most.
MAX_GROUP = 4


@dataclass
class Slot:
    """One recommendation of a source report: its number as printed (without a full stop)."""

    number: str
    parent: str | None = None
    issue: int | None = None  # index into CorpusPlan.issues; None for a committee heading with parts
    phrasing: int = 0
    member: int | None = None  # place in its repeat group (0 opened it), None outside groups


@dataclass
class ReportPlan:
    key: str
    title: str
    issuer: str
    kind: str
    year: int
    year_text: str
    slots: list[Slot] = field(default_factory=list)
    paper: str = ""


@dataclass
class PaperPlan:
    index: int
    file: str
    layout: str
    year: int
    reports: list[ReportPlan] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(report.slots) for report in self.reports)


@dataclass(frozen=True)
class Issue:
    """A template with its slots filled; ``fillers`` holds one value per name of :data:`SLOTS`."""

    template: int
    fillers: tuple[str, ...]
    group: int | None = None

    def values(self) -> dict[str, str]:
        return dict(zip(SLOTS, self.fillers))


@dataclass
class CorpusPlan:
    papers: list[PaperPlan]
    issues: list[Issue]
    #: Repeat groups: each a list of (paper file, source report key, number), earliest year first.
    groups: list[list[tuple[str, str, str]]]


def plan_corpus(recommendations: int, rng: random.Random) -> CorpusPlan:
    """Papers and slots adding up to exactly ``recommendations``, with issues and repeat groups."""
    titles: set[str] = set()
    papers = []
    for paper, shares in _plan_papers(recommendations, rng):
        _plan_reports(paper, shares, rng, titles)
        papers.append(paper)
    issues, groups = _assign_issues(papers, rng)
    return CorpusPlan(papers, issues, groups)


def _plan_papers(total: int, rng: random.Random) -> list[tuple[PaperPlan, list[int]]]:
    """Paper layouts (every family in each round of five), and the size of each source report.

    Small corpora get small papers, so that even a few hundred recommendations hold every family.
    """
    cap = max(8, total // 12)
    papers: list[tuple[PaperPlan, list[int]]] = []
    remaining = total
    order: list[str] = []
    while remaining > 0:
        if not order:
            order = rng.sample(LAYOUTS, len(LAYOUTS))
        layout = order.pop()
        low, high = SIZES[layout]
        high = max(2, min(high, cap))
        size = min(rng.randint(min(low, high), high), remaining)
        if remaining - size < 3:
            size = remaining
        name = f"{len(papers):05d}_{rng.getrandbits(64):016x}.txt"
        paper = PaperPlan(len(papers), name, layout, rng.randint(FIRST_YEAR, LAST_YEAR))
        papers.append((paper, _shares(layout, size, rng)))
        remaining -= size
    return papers


def _shares(layout: str, size: int, rng: random.Random) -> list[int]:
    count = min(rng.choice(REPORTS_PER_PAPER.get(layout, (1,))), max(1, size // 4))
    cuts = sorted(rng.sample(range(1, size), count - 1)) if count > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, size])]


def _plan_reports(paper: PaperPlan, shares: list[int], rng: random.Random, titles: set[str]) -> None:
    """Title, issuer, year and numbered slots of each source report of a paper."""
    for index, share in enumerate(shares):
        # A paper's first report is recent; others may be older reports carried forward.
        year = max(FIRST_YEAR, paper.year - (rng.randint(0, 2) if index == 0 else rng.randint(1, 6)))
        kind = REPORT_KINDS[rng.choice(KINDS_BY_LAYOUT[paper.layout])]
        title, year_text = _title(kind.titles, year, rng, titles, [r.title.casefold() for r in paper.reports])
        paper.reports.append(
            ReportPlan(slugify(title), title, kind.issuer, kind.kind, year, year_text, _slots(paper.layout, share, rng), paper.file)
        )


def _title(
    patterns: tuple[str, ...], year: int, rng: random.Random, titles: set[str], neighbours: list[str]
) -> tuple[str, str]:
    """A title unused in the corpus that neither contains nor is contained in a title of the same paper.

    The catalogue recognises a paper's reports by words of their titles, so one title inside
    another would give both the same key.
    """
    for attempt in range(400):
        year_text = str(year) if rng.random() < 0.7 else f"{year}/{(year + 1) % 100:02d}"
        title = rng.choice(patterns).format(subject=rng.choice(REPORT_SUBJECTS), name=rng.choice(REPORT_NAMES), year=year_text)
        if attempt >= 200:  # a crowded year: tell reports apart by a phase, before the year
            title = title.replace(year_text, f"Phase {attempt - 198} {year_text}")
        folded = title.casefold()
        if folded not in titles and not any(folded in other or other in folded for other in neighbours):
            titles.add(folded)
            return title, year_text
    raise RuntimeError("could not find an unused report title")  # pragma: no cover - the phases never run out


def _slots(layout: str, count: int, rng: random.Random) -> list[Slot]:
    """Numbers as each family prints them (without a trailing full stop)."""
    if layout == "pdf_columns":
        return [Slot(f"R{n}") for n in range(1, count + 1)]
    if layout == "committee":
        return _committee_slots(count, rng)
    if layout == "table":
        number = rng.choice((1, 1, 1, rng.randint(2, 40)))
        slots = []
        for _ in range(count):
            slots.append(Slot(str(number)))
            number += 1 if rng.random() < 0.88 else rng.randint(2, 4)  # numbering is not contiguous
        return slots
    return [Slot(str(n)) for n in range(1, count + 1)]


def _committee_slots(count: int, rng: random.Random) -> list[Slot]:
    """Headings "N" with lettered parts "N(a)" ... or standing alone; parts and headings both count."""
    slots: list[Slot] = []
    number = 0
    while len(slots) < count:
        number += 1
        left = count - len(slots)
        if left >= 3 and rng.random() < 0.75:
            parts = rng.randint(2, min(8, left - 1))
            slots.append(Slot(str(number)))
            slots.extend(Slot(f"{number}({letter})", parent=str(number)) for letter in string.ascii_lowercase[:parts])
        else:
            slots.append(Slot(str(number)))
    return slots


@dataclass
class _Group:
    members: list[tuple[ReportPlan, Slot]]
    capacity: int
    year: int


def _assign_issues(papers: list[PaperPlan], rng: random.Random) -> tuple[list[Issue], list[list[tuple[str, str, str]]]]:
    """Give every slot an issue, visiting reports in year order so that repeats come later."""
    reports = sorted((report for paper in papers for report in paper.reports), key=lambda r: (r.year, r.paper, r.key))
    issues: list[Issue] = []
    used: set[int] = set()
    groups: list[_Group] = []
    open_groups: list[int] = []
    template_slots = [_slot_names(template) for template in TEMPLATES]
    for report in reports:
        with_parts = {slot.parent for slot in report.slots if slot.parent}
        for slot in report.slots:
            if slot.number in with_parts:
                continue  # a committee heading: its parts carry the issues
            group = _join(report, groups, open_groups, rng)
            if group is not None:
                members = groups[group].members
                slot.issue, slot.phrasing, slot.member = members[0][1].issue, members[0][1].phrasing, len(members)
                members.append((report, slot))
                groups[group].year = report.year
                if len(members) >= groups[group].capacity:
                    open_groups.remove(group)
                continue
            issue = _new_issue(rng, used, template_slots)
            slot.phrasing = rng.randrange(len(TEMPLATES[issue.template].phrasings))
            if rng.random() < P_OPEN:
                issue = Issue(issue.template, issue.fillers, len(groups))
                slot.member = 0
                groups.append(_Group([(report, slot)], rng.randint(2, MAX_GROUP), report.year))
                open_groups.append(issue.group)
            slot.issue = len(issues)
            issues.append(issue)
    # Only groups that found a second member are repeats: number them in order, forget the others.
    kept = [group for group in groups if len(group.members) > 1]
    renumber = {id(group): index for index, group in enumerate(kept)}
    for group in groups:
        first = group.members[0][1].issue
        issues[first] = replace(issues[first], group=renumber.get(id(group)))
    return issues, [[(r.paper, r.key, s.number) for r, s in group.members] for group in kept]


def _join(report: ReportPlan, groups: list[_Group], open_groups: list[int], rng: random.Random) -> int | None:
    """An open group this slot may join: all its members are of earlier years (so other reports)."""
    if not open_groups or rng.random() >= P_JOIN:
        return None
    for _ in range(4):
        group = rng.choice(open_groups)
        if groups[group].year < report.year:
            return group
    return None


#: Two issues of one template differ in at least this many of the six fillers (the system aside).
MIN_DISTANCE = 3
_KEPT = tuple(itertools.combinations(range(len(FILLERS)), len(FILLERS) - MIN_DISTANCE + 1))


def _new_issue(rng: random.Random, used: set[int], template_slots: list[set[str]]) -> Issue:
    """A template with fillers that tell it apart from every other issue of the template.

    Two issues of one template differ in at least :data:`MIN_DISTANCE` of the six fillers, so an
    unplanted recommendation shares few specifics with another on the same template: ``used``
    holds, per template, every choice of ``6 - MIN_DISTANCE + 1`` fillers an issue has (packed
    into an int: a 100k corpus has a million of them).
    """
    names = list(FILLERS)
    while True:
        index = rng.randrange(len(TEMPLATES))
        template = TEMPLATES[index]
        picks = [rng.randrange(len(FILLERS[name])) for name in names]
        near = [_pack(index, position, kept, picks) for position, kept in enumerate(_KEPT)]
        if not any(key in used for key in near):
            used.update(near)
            values = {name: FILLERS[name][pick] for name, pick in zip(names, picks)}
            if "system" in template_slots[index]:
                values["system"] = rng.choice(template.systems)
            return Issue(index, tuple(values.get(name, "") for name in SLOTS))


def _pack(template: int, position: int, kept: tuple[int, ...], picks: list[int]) -> int:
    key = template * len(_KEPT) + position
    for i in kept:
        key = (key << 7) | picks[i]  # every filler list is shorter than 128
    return key


def _slot_names(template: IssueTemplate) -> set[str]:
    """The slot names the phrasings of a template use."""
    names = set()
    for phrasing in template.phrasings:
        names.update(field.lower() for _, field, _, _ in string.Formatter().parse(phrasing) if field)
    return names
