"""What one synthetic recommendation says: its text in a family's grammar, progress, status, pointer.

:func:`compose` turns a planned slot into an :class:`Item`: the words, the planted status phrase,
owner and systems. The layout writers decide where each part goes on the page; :func:`truth_record`
gives the ground truth the readers are measured against.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from recgraph.graph.synthetic.issues import TEMPLATES
from recgraph.graph.synthetic.planning import Issue, Slot
from recgraph.graph.synthetic.vocabulary import (
    GENERIC_PROGRESS,
    HR_SYSTEMS,
    PARENT_LEADS,
    PROGRAMMES,
    SYNONYMS,
    SPECIFICATION_WAITS,
    SYSTEM_DEPENDENCIES,
    SYSTEMS,
    TAILS,
)

_SYSTEM_WORDS = re.compile(r"\b(" + "|".join(SYSTEMS) + r")\b")
_SYNONYM = re.compile(r"(?<!\{)\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b(?!\})")


@dataclass
class Pointer:
    """A planted cross-reference: how it is worded and the number it points to.

    ``kind``: "above" (a "See recommendation N above." lead), "refers" (the whole progress is
    "Response to Recommendation N refers."), "under" ("As already mentioned under Recommendation
    N, ..."), "detailed" ("... detailed at recommendation N ..."), "item" (in a table's
    recommendation text: "(See also item N, para. x.y)"), "next" ("See next recommendation."),
    "paragraph" ("As paragraph P."; ``paragraph`` is P).
    """

    kind: str
    target: str
    paragraph: str | None = None

    @property
    def whole(self) -> bool:
        """The pointer is all the progress says, so the status is the target's."""
        return self.kind in ("refers", "next", "paragraph")


@dataclass
class Item:
    """One recommendation, ready to be laid out."""

    number: str
    parent: str | None
    text: str
    heading: str | None
    problem: str | None
    progress: list[str]
    status: str
    status_phrase: str | None  # what a reader should return, verbatim
    printed_status: str | None  # the status as printed (may carry a qualifying clause)
    themes: tuple[str, ...]
    issue: int | None
    values: dict[str, str] = field(default_factory=dict)
    owner: str | None = None
    pointer: Pointer | None = None
    group: int | None = None
    demand: str = ""  # the demand as a base-form verb phrase, for layouts that reword the text
    quirks: list[str] = field(default_factory=list)  # "continued" (cut by a page break), "interleaved"

    @property
    def refs(self) -> list[str]:
        return [self.pointer.target] if self.pointer else []


class _Values(dict):
    """Slot values for str.format_map; "{Unit}" is the unit with a capital letter."""

    def __missing__(self, key: str) -> str:
        if key[:1].isupper() and key.lower() in self:
            return capitalise(self[key.lower()])
        raise KeyError(key)


def fill(text: str, values: dict[str, str]) -> str:
    return text.format_map(_Values(values))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


_DOUBLE = {"run", "put", "set", "get", "plan", "stop", "control", "upset"}


def gerund(phrase: str) -> str:
    """The phrase with its first verb in the -ing form ("reduce the ..." -> "reducing the ...").

    >>> gerund("re-examine the panel"), gerund("set targets"), gerund("agree a plan")
    ('re-examining the panel', 'setting targets', 'agreeing a plan')
    """
    verb, _, rest = phrase.partition(" ")
    if verb in _DOUBLE:
        ing = verb + verb[-1] + "ing"
    elif verb.endswith("ee"):
        ing = verb + "ing"
    elif verb.endswith("e"):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return f"{ing} {rest}".strip()


#: How each member of a repeat group departs from the group's shared rewording: {position of a
#: swappable word: steps to another of its options}. Every phrasing has at least two swappable
#: words with three options each, so no two members of a group are worded alike.
_MEMBER_SHIFTS: dict[int, dict[int, int]] = {1: {0: 1}, 2: {1: 1}, 3: {0: 2, 1: 2}}


def reword(text: str, rng: random.Random, member: int | None = None) -> str:
    """Swap some words of a phrasing for synonyms (:data:`SYNONYMS`); ``{slots}`` are left alone.

    Without ``member`` each swappable word is swapped at random. A repeat group's members share
    ``rng`` (seeded by their issue), so they start from the same choices, and each member then
    departs from them at its own positions (:data:`_MEMBER_SHIFTS`).
    """
    matches = _swappable(text)
    if member is None:
        choices = [rng.randrange(1, len(SYNONYMS[word]) + 1) if rng.random() < 0.7 else 0 for _, _, word in matches]
    else:
        choices = [rng.randrange(len(SYNONYMS[word]) + 1) for _, _, word in matches]
        for position, shift in _MEMBER_SHIFTS.get(member, {}).items():
            if position < len(choices):
                choices[position] = (choices[position] + shift) % (len(SYNONYMS[matches[position][2]]) + 1)
    pieces, last = [], 0
    for (start, end, word), choice in zip(matches, choices):
        pieces += [text[last:start], SYNONYMS[word][choice - 1] if choice else word]
        last = end
    return "".join(pieces) + text[last:]


@lru_cache(maxsize=65536)
def _swappable(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where the swappable words of a phrasing are (phrasings are few; the search is not cheap)."""
    return tuple((m.start(), m.end(), m[1]) for m in _SYNONYM.finditer(text))


def demand(issue: Issue, slot: Slot, rng: random.Random) -> str:
    """The issue's demand in the slot's phrasing, reworded, as a base-form verb phrase.

    A phrasing that leaves out one of the issue's fillers is completed by a tail clause
    (:data:`TAILS`), so the fillers that make the issue what it is are always printed. Members of
    a repeat group share the phrasing, the tails and most of the rewording (see :func:`reword`).
    """
    template = TEMPLATES[issue.template]
    phrasing = template.phrasings[slot.phrasing % len(template.phrasings)]
    chooser = rng if slot.member is None else random.Random(f"reword/{slot.issue}")
    missing = [name for name in TAILS if "{" + name + "}" not in phrasing]
    chooser.shuffle(missing)
    phrasing += "".join(chooser.choice(TAILS[name]) for name in missing)
    return fill(reword(phrasing, chooser, slot.member), issue.values())


def status_choice(rng: random.Random, weights: dict[str, float]) -> str:
    names = list(weights)
    return rng.choices(names, [weights[name] for name in names])[0]


def progress_sentences(issue: Issue, rng: random.Random) -> list[str]:
    """One to three sentences on the issue, sometimes a generic one and a system dependency."""
    template = TEMPLATES[issue.template]
    values = issue.values()
    chosen = rng.sample(template.progress, rng.randint(1, len(template.progress)))
    sentences = [capitalise(fill(reword(s, rng), values)) for s in chosen]
    if rng.random() < 0.5:
        sentences.insert(rng.randint(0, len(sentences)), fill(rng.choice(GENERIC_PROGRESS), values))
    if template.systems and rng.random() < 0.5:
        sentences.append(fill(rng.choice(SYSTEM_DEPENDENCIES), values))
    elif not template.systems and rng.random() < 0.08:
        sentences.append(fill(rng.choice(SYSTEM_DEPENDENCIES), {**values, "system": rng.choice(HR_SYSTEMS)}))
    return sentences


def paragraphs_of(sentences: list[str], rng: random.Random, most: int = 3) -> list[str]:
    """Sentences grouped into one to ``most`` paragraphs, in order."""
    count = min(len(sentences), rng.randint(1, most))
    cuts = sorted(rng.sample(range(1, len(sentences)), count - 1)) if count > 1 else []
    return [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)])]


#: How a family words a demand: (base-form verb phrase, issue) -> the recommendation's text.
TextOf = Callable[[str, Issue], str]
#: How a family states a status: (status, item) -> (as printed, as a reader should return it).
PhraseOf = Callable[[str, "Item"], "tuple[str | None, str | None] | None"]


def compose(
    issue: Issue | None,
    slot: Slot,
    rng: random.Random,
    text_of: TextOf | None,
    statuses: dict[str, float],
    phrase_of: PhraseOf,
    lead_values: dict[str, str] | None = None,
) -> Item:
    """An item for a slot: ``text_of(demand, issue)`` words the text in the family's grammar and
    ``phrase_of(status, item)`` gives the (printed, expected) status phrase.

    A slot without an issue is a committee heading whose lettered parts hold the issues: its text
    is a lead statement built on the first part's fillers.
    """
    if issue is None:
        values = lead_values or {}
        text = fill(rng.choice(PARENT_LEADS), values)
        return Item(slot.number, slot.parent, text, None, None, [], "derived", None, None, (), None, values)
    template = TEMPLATES[issue.template]
    values = issue.values()
    verb_phrase = demand(issue, slot, rng)
    item = Item(
        number=slot.number,
        parent=slot.parent,
        text=text_of(verb_phrase, issue),
        heading=template.heading,
        problem=fill(reword(template.problem, rng), values),
        progress=paragraphs_of(progress_sentences(issue, rng), rng),
        status=status_choice(rng, statuses),
        status_phrase=None,
        printed_status=None,
        themes=template.themes,
        issue=slot.issue,
        values=values,
        group=issue.group,
        demand=verb_phrase,
    )
    if item.status == "not_started" and rng.random() < 0.5:  # waiting for a system to be specified
        system = values.get("system") or rng.choice(HR_SYSTEMS)
        item.progress.append(fill(rng.choice(SPECIFICATION_WAITS), {**values, "system": system}))
    item.printed_status, item.status_phrase = phrase_of(item.status, item) or (None, None)
    return item


def programme(rng: random.Random) -> str:
    return rng.choice(PROGRAMMES)


def point(item: Item, pointer: Pointer) -> None:
    """Word a planted pointer into the item's progress (or, for "item", its text)."""
    item.pointer = pointer
    target = pointer.target
    if pointer.whole:
        item.progress = [
            {"refers": f"Response to Recommendation {target} refers.", "next": "See next recommendation."}.get(
                pointer.kind, f"As paragraph {pointer.paragraph}."
            )
        ]
        item.status, item.status_phrase, item.printed_status = "derived", None, None
    elif pointer.kind == "above":
        item.progress[0] = f"See recommendation {target} above. {item.progress[0]}"
    elif pointer.kind == "under":
        item.progress[0] = f"As already mentioned under Recommendation {target}, the work is being taken forward jointly. {item.progress[0]}"
    elif pointer.kind == "detailed":
        item.progress[0] = f"To support the work detailed at recommendation {target}, the two leads will work closely together. {item.progress[0]}"


def plan_pointers(items: list[Item], rng: random.Random, kinds: tuple[str, ...], chance: float = 0.07) -> None:
    """Point some items at an earlier item of the same report (never at one that only points on)."""
    for index, item in enumerate(items):
        if index == 0 or item.issue is None or rng.random() >= chance:
            continue
        earlier = [x for x in items[max(0, index - 12) : index] if x.issue is not None and not (x.pointer and x.pointer.whole)]
        if earlier:
            point(item, Pointer(rng.choice(kinds), rng.choice(earlier).number))


def split_words(text: str, rng: random.Random, lower_start: bool = False) -> tuple[str, str] | None:
    """The text cut at a space between 35% and 70% of its length (None when too short to cut).

    With ``lower_start`` the second part must open with a lower-case word.
    """
    words = text.split(" ")
    if len(words) < 8:
        return None
    cuts = list(range(int(len(words) * 0.35), int(len(words) * 0.7) + 1))
    rng.shuffle(cuts)
    for cut in cuts:
        if 0 < cut < len(words) and (not lower_start or words[cut][:1].islower()):
            return " ".join(words[:cut]), " ".join(words[cut:])
    return None


def settle_derived(items: list[Item]) -> None:
    """Give items whose progress only points elsewhere the status of the item pointed to.

    A committee heading with parts is summarised from them: all complete -> complete, all
    complete or substantially -> substantially, none complete -> in_progress, else partial.
    """
    by_number = {item.number: item for item in items}
    changed = True
    while changed:  # a pointer to a pointer settles in the next round (the writers plant no cycles)
        changed = False
        for item in items:
            if item.status == "derived" and item.pointer and by_number[item.pointer.target].status != "derived":
                item.status = by_number[item.pointer.target].status
                changed = True
    for item in items:
        if item.status == "derived" and item.pointer is None:
            parts = [by_number[n].status for n in by_number if by_number[n].parent == item.number]
            item.status = _summary(parts)


def _summary(parts: list[str]) -> str:
    if parts and all(p == "complete" for p in parts):
        return "complete"
    if parts and all(p in ("complete", "substantially") for p in parts):
        return "substantially"
    if not any(p in ("complete", "substantially") for p in parts):
        return "in_progress"
    return "partial"


def systems_in(*texts: str | None) -> list[str]:
    """The systems named in some texts, in the order of :data:`SYSTEMS`."""
    found = set()
    for text in texts:
        if text:
            found.update(_SYSTEM_WORDS.findall(text))
    return [name for name in SYSTEMS if name in found]


def truth_record(item: Item, paper: str, report: str, layout: str, issue_id: int | None) -> dict:
    """The ground truth for one recommendation (one line of truth.json)."""
    return {
        "paper": paper,
        "source_report": report,
        "number": item.number,
        "parent": item.parent,
        "layout": layout,
        "themes": list(item.themes),
        "systems": systems_in(item.text, *item.progress),
        "status": item.status,
        "status_phrase": item.status_phrase,
        "owner": item.owner,
        "cross_references": item.refs,
        "issue": issue_id,
        "repeat_group": item.group,
        "quirks": item.quirks,
    }
