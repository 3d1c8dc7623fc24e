"""Stage 2, enrichment: takes records and gives their themes, systems, owners and statuses.

Each fact comes with its evidence (the words matched and where).

:func:`enrich` is the one entry point: records in, an :class:`~.model.Enrichment` out, each fact
with its evidence. The words it looks for all live in the vocabularies (themes.ttl, systems.ttl,
owners.ttl, statuses.ttl); the modules here hold only the rules for using them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from recgraph.graph.enrich.model import Enrichment, RecKey, StatusAssignment, UpdateKey, update_key
from recgraph.graph.enrich.corrections import check_corrected_statuses
from recgraph.graph.enrich.model import OwnerMatch
from recgraph.graph.enrich.owners import match_owners
from recgraph.graph.enrich.status import derive_parent_status, infer_status, status_from_phrase
from recgraph.graph.enrich.systems import find_system_dependencies, find_systems, learn_systems
from recgraph.graph.enrich.themes import tag_themes
from recgraph.graph.enrich.vocabulary import Vocabularies, load_vocabularies
from recgraph.graph.model import CrossReference, ProgressUpdate, ReadResult, Recommendation
from recgraph.graph.reading.readers.phrases import sentences

__all__ = ["enrich", "Enrichment"]


def enrich(results: Sequence[ReadResult], vocabularies: Vocabularies | None = None) -> Enrichment:
    """Themes, systems, system dependencies, owners and statuses of every record read.

    Parameters
    ----------
    results : what the readers read, one per paper.
    vocabularies : the vocabularies to use (default: the ones shipped in ``recgraph.ontology``).

    Returns
    -------
    Enrichment : keyed by recommendation ``(source report, number)`` or by progress update
        ``(source report, number, paper file name)``.

    Examples
    --------
    >>> from recgraph.graph.model import Paper, Provenance
    >>> span = Provenance("p.txt", 1, 1, "x")
    >>> rec = Recommendation("r", "1", "Clear the staff appraisal backlog.", span)
    >>> update = ProgressUpdate("r", "1", "p.txt", span, progress="Action complete.", owner="HR Department")
    >>> found = enrich([ReadResult(Paper("p.txt", "t"), [rec], [update])])
    >>> [t.label for t in found.themes[("r", "1")]], found.status_of(("r", "1")).notation
    (['appraisal and performance management'], 'complete')
    >>> found.owners[("r", "1", "p.txt")].unit.label
    'Human Resources Directorate'
    """
    vocab = vocabularies or load_vocabularies()
    check_corrected_statuses(results, vocab.statuses)  # an analyst's phrase maps like a printed one
    recs: dict[RecKey, Recommendation] = {}
    updates: dict[RecKey, list[ProgressUpdate]] = {}
    pointers: dict[RecKey, list[CrossReference]] = {}
    dates: dict[UpdateKey, str | None] = {}
    for result in results:
        for rec in result.recommendations:
            recs.setdefault(rec.key, rec)
        for update in result.updates:
            updates.setdefault((update.source_report, update.recommendation), []).append(update)
            dates[update_key(update)] = update.paper_date or result.paper.date
        for pointer in result.cross_references:
            if pointer.resolved:
                pointers.setdefault((pointer.source_report, pointer.recommendation), []).append(pointer)

    # Systems named by their form anywhere in the corpus join the register (owners' acronyms never do).
    texts = [t for rec in recs.values() for t in (rec.heading, rec.text) if t]
    texts += [u.progress for ups in updates.values() for u in ups if u.progress]
    owner_names = [label for c in vocab.owners for label in c.labels if " " not in label]
    register = {c.iri for c in vocab.systems}
    known_systems = learn_systems(texts, vocab.systems, owner_names)
    new_systems = {c.iri: c.pref_label for c in known_systems if c.iri not in register}
    themes, systems, dependencies = {}, {}, []
    for key, rec in recs.items():
        own = updates.get(key, [])
        sources = own + [u for target in _pointed_to(own, pointers.get(key, [])) for u in updates.get(target, [])]
        themes[key] = tag_themes(rec, sources, vocab.themes)
        systems[key] = find_systems(rec, own, known_systems)
        if systems[key]:  # a dependency on a system names it in the record's own fields
            dependencies.extend(find_system_dependencies(rec, own, known_systems))

    printed = [u for ups in updates.values() for u in ups if u.owner and u.owner.strip()]
    units = match_owners((u.owner for u in printed), vocab.owners)  # aliases are learnt over the corpus
    owners = {update_key(u): OwnerMatch(update_key(u), u.owner, *units[u.owner]) for u in printed}
    statuses = _statuses(updates, pointers, vocab)
    enrichment = Enrichment(themes, systems, tuple(dependencies), owners, statuses, {}, dates, new_systems)
    parents = _parent_statuses(recs, enrichment, vocab)
    return Enrichment(themes, systems, tuple(dependencies), owners, statuses, parents, dates, new_systems)


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()


def _pointed_to(updates: Sequence[ProgressUpdate], pointers: Sequence[CrossReference]) -> list[RecKey]:
    """The items a pointer-only progress refers to ("Response to Recommendation 17 refers.")."""
    if not pointers:
        return []  # nothing to point to (and no need to split the progress into sentences)
    targets: list[RecKey] = []
    for update in updates:
        said = sentences(update.progress or "")
        if said and all(any(_same(s, p.phrase) for p in pointers) for s in said):
            targets += [(p.target_report or p.source_report, p.resolved) for p in pointers if p.resolved]
    return list(dict.fromkeys(targets))


def _statuses(
    updates: dict[RecKey, list[ProgressUpdate]],
    pointers: dict[RecKey, list[CrossReference]],
    vocab: Vocabularies,
) -> dict[UpdateKey, StatusAssignment]:
    statuses: dict[UpdateKey, StatusAssignment] = {}
    deferred: list[tuple[ProgressUpdate, list[RecKey]]] = []
    for key, ups in updates.items():
        for update in ups:
            found = status_from_phrase(update.status_phrase, vocab.statuses) or infer_status(update.progress, vocab.statuses)
            targets = _pointed_to([update], pointers.get(key, []))
            if targets and found.rule.startswith("default"):
                deferred.append((update, targets))
            statuses[update_key(update)] = found
    for update, targets in deferred:  # one level: a pointer to a pointer keeps its default
        target = targets[0]
        same_paper = (*target, Path(update.paper).name)
        found = statuses.get(same_paper)
        if found is not None:
            statuses[update_key(update)] = StatusAssignment(
                found.status, found.notation, "derived", f"progress only points to {target[0]}/{target[1]}: {found.rule}"
            )
    return statuses


def _parent_statuses(
    recs: dict[RecKey, Recommendation], enrichment: Enrichment, vocab: Vocabularies
) -> dict[RecKey, StatusAssignment]:
    parts: dict[RecKey, list[StatusAssignment]] = {}
    for key, rec in recs.items():
        if rec.parent and (rec.source_report, rec.parent) in recs:
            found = enrichment.status_of(key)
            if found is not None:
                parts.setdefault((rec.source_report, rec.parent), []).append(found)
    return {key: derive_parent_status(found, vocab.statuses) for key, found in parts.items()}
