"""The reports a paper tracks, identified from its words, and one key per report across papers.

:func:`identify_reports` runs on one paper after its reader: it finds the report names the paper
prints (:func:`recgraph.graph.reading.reports.find_candidates`), groups the names of one report,
keys each report from the register or from its name, replaces a report the reader took from the
paper's own title, and finds the paper's mentions. :func:`unify_reports` runs on all papers read
together: names printed differently in different papers ("HMIC Winning Consent", "Policing London -
Winning Consent") are matched against each other and the reports that match share one key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from recgraph.graph.model import Leftover, Mention, ReadResult, SourceReport
from recgraph.graph.reading.audit_subjects import name_audit_subjects, subject_key
from recgraph.graph.reading.mentions import body_start, find_mentions
from recgraph.graph.reading.register import Register
from recgraph.graph.reading.reports import Candidate, ReportName, derived_key, find_candidates, guess_kind, title_line



def _groups(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Candidates grouped by report: an alias joins its name, and names that match join."""
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, one in enumerate(candidates):
        if one.alias_of is not None:
            parent[root(i)] = root(one.alias_of)
        for j in range(i):
            if one.name.matches(candidates[j].name):
                parent[root(i)] = root(j)
    groups: dict[int, list[Candidate]] = {}
    for i, one in enumerate(candidates):
        groups.setdefault(root(i), []).append(one)
    return list(groups.values())


def key_of_names(names: Sequence[ReportName]) -> str:
    """The key of a report known by these names: that of the least specific name (fewest
    distinctive words, then the alphabetically first key), which no reading order changes."""
    return min((len(name.words) if name.words else 99, derived_key(name)) for name in names)[1]


def _report(group: Sequence[Candidate], register: Register, file: str) -> tuple[SourceReport, list[str]]:
    best = max(group, key=lambda c: (c.score, -c.line))
    names = [c.name for c in group]
    printed = list(dict.fromkeys(c.name.printed for c in group))
    registered = next((register.match(name) for name in names if register.match(name)), None)
    issuer = next((n.issuer for n in sorted(names, key=lambda n: n.issuer is None) if n.issuer), None)
    year = next((n.year for n in names if n.year), None)
    warnings = []
    if registered:
        key, basis = registered.key, "register"
        issuer, year = registered.issuer or issuer, registered.year or year
        kind = registered.kind or guess_kind(best.name.printed)
    else:
        key, basis, kind = key_of_names(names), "text", guess_kind(best.name.printed)
        warnings.append(
            f"{file}:{best.line}: report {best.name.printed!r} is in no register entry; keyed {key!r} "
            f"from the words {', '.join(best.name.words) or '(none)'}"
            + (f" and the year {best.name.year}" if best.name.year else "")
        )
    report = SourceReport(key, best.name.printed, issuer=issuer, year=year, kind=kind,
                          aliases=tuple(p for p in printed if p != best.name.printed), key_basis=basis)
    return report, warnings


def identify_reports(
    result: ReadResult, lines: Sequence[str], register: Register, pinned: Callable[[str], bool] | None = None
) -> ReadResult:
    """Key the reports a paper tracks from its words and the register, and find its mentions.

    A report the reader took from the paper's own title (or none at all) is replaced by the report
    the paper's words say it tracks; a report the reader named otherwise keeps its name and gets
    the register's key, or the key of the names it matches, or one derived from its name. A
    report ``pinned`` says the catalogue keys (by its printed title) is left as the reader named it.
    """
    file = result.paper.file
    start = body_start(lines)
    groups = _groups(find_candidates(list(lines), start))
    keyed = [(group, *_report(group, register, file)) for group in groups]
    # The paper tracks the report it names most strongly (ties: the first named); other reports it
    # names join it only when the paper cites their recommendations (see _find_mentions).
    best = max(keyed, key=lambda item: (max(c.score for c in item[0]), -min(c.line for c in item[0])), default=None)
    tracked = [best] if best is not None and max(c.score for c in best[0]) >= 2 else []
    renamed: dict[str, str] = {}
    reports: list[SourceReport] = []
    for report in result.paper.source_reports:
        if pinned is not None and pinned(report.title):
            renamed[report.key] = report.key
            reports.append(report)
            continue
        name = ReportName.of(report.title)
        registered = register.match(name)
        if tracked and not registered and _from_title(report, name, result.paper.title, keyed, title_line(list(lines), start)):
            renamed[report.key] = tracked[0][1].key
            continue
        if registered:
            merged = replace(report, key=registered.key, issuer=registered.issuer or report.issuer,
                             year=registered.year or report.year, kind=registered.kind or report.kind, key_basis="register")
        else:
            group = next((item for item in keyed if any(c.name.matches(name) for c in item[0])), None)
            key = group[1].key if group else key_of_names([name])
            merged = replace(report, key=key, key_basis=group[1].key_basis if group else "text",
                             aliases=group[1].aliases if group else report.aliases)
        renamed[report.key] = merged.key
        reports.append(merged)
    if not result.paper.source_reports or not reports:
        for _, report, warnings in tracked:
            reports.append(report)
            result.warnings.extend(warnings)
    reports = _distinct(reports)
    result.recommendations = [replace(r, source_report=renamed.get(r.source_report, r.source_report)) for r in result.recommendations]
    result.updates = [replace(u, source_report=renamed.get(u.source_report, u.source_report)) for u in result.updates]
    result.cross_references = [
        replace(x, source_report=renamed.get(x.source_report, x.source_report)) for x in result.cross_references
    ]
    result.paper = replace(result.paper, source_reports=tuple(reports))
    _find_mentions(result, lines, keyed, reports)
    result = name_audit_subjects(result, lines, start)
    result.leftovers = _unplaced(result.leftovers, result.mentions, lines)
    # A report no record, update or mention uses is not one the paper tracks when others are used
    # (the reader's report of a paper whose records all belong to the audits it names); in a paper
    # with none used, a report no line names (a reader's stand-in named after the file) goes too.
    used = {r.source_report for r in result.recommendations} | {u.source_report for u in result.updates} | {
        m.source_report for m in result.mentions} | {x.source_report for x in result.cross_references}
    named = tuple(r for r in result.paper.source_reports if r.key in used or r.key_basis != "text" or not used and (
        r.provenance is not None or any(r.key == item[1].key for item in tracked)))
    if len(named) < len(result.paper.source_reports):
        result.paper = replace(result.paper, source_reports=named)
    return result


def _unplaced(leftovers: Sequence[Leftover], mentions: Sequence[Mention], lines: Sequence[str]) -> list[Leftover]:
    """The spans left over once the lines of mentions are placed: a mention's sentence is a record
    (of kind ``mention``), so its lines are placed text; the rest of a span stays left over."""
    placed = {n for m in mentions for n in range(m.provenance.first_line, m.provenance.last_line + 1)}
    out: list[Leftover] = []
    for left in leftovers:
        if not placed & set(range(left.first_line, left.last_line + 1)):
            out.append(left)
            continue
        run: list[int] = []
        for number in [*range(left.first_line, left.last_line + 1), None]:
            if number is not None and number not in placed and number <= len(lines) and lines[number - 1].strip():
                run.append(number)
                continue
            if run:
                text = "\n".join(lines[n - 1] for n in range(run[0], run[-1] + 1))
                out.append(replace(left, first_line=run[0], last_line=run[-1], text=text))
                run = []
    return out


def _from_title(report: SourceReport, name: ReportName, title: str | None, keyed, title_at: int | None) -> bool:
    """Whether a reader's report is only (part of) the paper's own title ("Access to policing
    services" of "Access to policing services – closing report"): no name the paper prints outside
    its title line matches it, and its words are the title's."""
    if not report.title.strip():
        return True
    if not title or report.title.strip().casefold() not in title.casefold():
        return False
    return not any(c.name.matches(name) for group, _, _ in keyed for c in group if c.line != title_at)


def _distinct(reports: list[SourceReport]) -> list[SourceReport]:
    seen: dict[str, SourceReport] = {}
    for report in reports:
        seen.setdefault(report.key, report)
    return list(seen.values())


def _find_mentions(result: ReadResult, lines: Sequence[str], keyed, reports: list[SourceReport]) -> None:
    extra: dict[str, SourceReport] = {}

    def named(words: str) -> str | None:
        # The report some words name: one the paper tracks first, then any name in its opening.
        name = ReportName.of(words)
        if not name.words:
            return None
        for report in reports:
            if set(name.words) <= set(ReportName.of(report.title).words) or any(
                set(name.words) <= set(ReportName.of(alias).words) for alias in report.aliases
            ):
                return report.key
        for group, report, _ in keyed:
            if any(set(name.words) <= set(c.name.words) for c in group):
                extra.setdefault(report.key, report)
                return report.key
        return None

    default = reports[0].key if reports else None
    result.mentions = find_mentions(
        lines, result.paper.file, Path(result.paper.file).name, result.recommendations, default, named, result.paper.date
    )
    used = {m.source_report for m in result.mentions}
    added = [report for key, report in extra.items() if key in used and key not in {r.key for r in reports}]
    if added:
        result.paper = replace(result.paper, source_reports=(*result.paper.source_reports, *added))


def unify_reports(results: Sequence[ReadResult], pinned: Sequence[SourceReport] = ()) -> None:
    """Give the reports of different papers that match one key (in place).

    Reports keyed from their names ("text") join a report of another paper when any of their
    names match. A group takes the key of its registered report; else the key ``pinned`` gives it
    (the reports of the live build: a key once given stays, whatever papers are added or
    removed); else the key of its least specific name, which no reading order changes. Issuer,
    year and kind are made the same across the group (the first stated, in file order), so the
    graph holds one of each per report.

    Parameters
    ----------
    results : the papers read, their reports keyed per paper by :func:`identify_reports`.
    pinned : reports whose keys are already given (by the live build): a report that matches one
        of them (directly or through another paper's name) takes its key. Two pinned reports of
        different keys are never merged.
    """
    items = [(i, report) for i, result in enumerate(results) for report in result.paper.source_reports]
    text = [(i, r) for i, r in items if r.key_basis in ("text", "register")]
    fresh = len(text)
    text += [(-1, report) for report in _pins(pinned)]
    if fresh < 2 and not (fresh and len(text) > fresh):
        return
    names = [[ReportName.of(t) for t in (r.title, *r.aliases)] for _, r in text]
    parent = list(range(len(text)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # Only reports that share a key, a distinctive word or (periodic ones) a year can match: an
    # index of those keeps a read of thousands of papers from comparing every pair.
    index: dict[str, list[int]] = {}
    for k, (_, report) in enumerate(text):
        tokens = {f"key:{report.key}"} | {w for n in names[k] for w in n.words} | {f"year:{n.year}" for n in names[k] if n.periodic and n.year}
        for token in tokens:
            index.setdefault(token, []).append(k)
    pairs = {(a, b) for members in index.values() for a in members for b in members if b < a}
    for a, b in sorted(pairs):
        ra, rb = text[a][1], text[b][1]
        if a >= fresh and b >= fresh:
            continue  # two pinned reports: the live build kept them apart
        if ra.key == rb.key or (
            "text" in (ra.key_basis, rb.key_basis) and any(x.matches(y) for x in names[a] for y in names[b])
        ):
            parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for k in range(len(text)):
        groups.setdefault(root(k), []).append(k)
    for members in groups.values():
        registered = sorted({text[k][1].key for k in members if k < fresh and text[k][1].key_basis == "register"})
        held = sorted({text[k][1].key for k in members if k >= fresh})
        mine = [k for k in members if k < fresh]
        order = sorted(mine, key=lambda k: (text[k][1].key_basis != "register", results[text[k][0]].paper.file))
        facts = {
            field: next((getattr(text[k][1], field) for k in order if getattr(text[k][1], field)), None)
            for field in ("issuer", "year", "kind")
        }
        # an audit named by subject keeps its year in its key (audit_subjects); else the least specific name's
        subjects = sorted(filter(None, (subject_key(text[k][1]) for k in members)))
        default = subjects[0] if subjects else key_of_names([n for k in members for n in names[k]])
        for k in mine:
            position, report = text[k]
            if len(registered) > 1 and report.key_basis == "register":
                continue  # two registered reports never merge; a person keeps them apart
            if registered:
                key = registered[0]
            elif held:
                key = _closest(names[k], [(p, names[p]) for p in members if p >= fresh], text) or held[0]
                if key != report.key:
                    results[position].warnings.append(
                        f"{results[position].paper.file}: report {report.title!r} keeps the key {key!r} the live build gave it")
            else:
                key = default
            _rekey(results[position], report.key, replace(report, key=key, **facts))


def _pins(pinned: Sequence[SourceReport]) -> list[SourceReport]:
    """The pinned reports keyed from names (a registered key is the register's to give), one per
    key with every name the live build printed for it."""
    names: dict[str, list[str]] = {}
    first: dict[str, SourceReport] = {}
    for report in pinned:
        if report.key_basis != "text":
            continue
        first.setdefault(report.key, report)
        names.setdefault(report.key, []).extend((report.title, *report.aliases))
    return [replace(first[key], title=printed[0], aliases=tuple(dict.fromkeys(printed[1:])))
            for key, printed in sorted(names.items())]


def _closest(mine: Sequence[ReportName], held, text) -> str | None:
    """Of the pinned reports in a group, the one whose names share most distinctive words with
    ``mine`` (ties: the alphabetically first key)."""
    scored = [(-max(len(set(x.words) & set(y.words)) for x in mine for y in theirs), text[p][1].key)
              for p, theirs in held if any(x.matches(y) for x in mine for y in theirs)]
    return min(scored)[1] if scored else None


def _rekey(result: ReadResult, old: str, new: SourceReport) -> None:
    reports = [new if r.key == old else r for r in result.paper.source_reports]
    result.paper = replace(result.paper, source_reports=tuple(_distinct(reports)))
    if old == new.key:
        return
    result.recommendations = [replace(r, source_report=new.key) if r.source_report == old else r for r in result.recommendations]
    result.updates = [replace(u, source_report=new.key) if u.source_report == old else u for u in result.updates]
    result.mentions = [replace(m, source_report=new.key) if m.source_report == old else m for m in result.mentions]
    result.cross_references = [
        replace(x, source_report=new.key) if x.source_report == old else x for x in result.cross_references
    ]
