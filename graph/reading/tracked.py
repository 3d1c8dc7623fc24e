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
from recgraph.graph.reading.committee_reports import committee_page, committee_tracked, is_committee_report
from recgraph.graph.reading.mentions import body_start, find_mentions
from recgraph.graph.reading.readers.text import slugify
from recgraph.graph.reading.register import Register
from recgraph.graph.reading.report_names import Candidate, find_candidates, title_line
from recgraph.graph.reading.reports import MODIFIERS, ReportName, derived_key, guess_kind



class _Partition:
    """Disjoint sets of the numbers 0 .. n-1 (union-find with path halving)."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.root(a)] = self.root(b)

    def groups(self) -> list[list[int]]:
        """The sets, each in ascending order, ordered by their smallest member."""
        groups: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            groups.setdefault(self.root(i), []).append(i)
        return list(groups.values())


def _groups(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Candidates grouped by report: an alias joins its name, and names that match join."""
    sets = _Partition(len(candidates))
    for i, one in enumerate(candidates):
        if one.alias_of is not None:
            sets.join(i, one.alias_of)
        for j in range(i):
            if one.name.matches(candidates[j].name):
                sets.join(i, j)
    return [[candidates[i] for i in members] for members in sets.groups()]


def key_of_names(names: Sequence[ReportName]) -> str:
    """The key of a report known by these names: that of the least specific name (fewest
    distinctive words, then the alphabetically first key), which no reading order changes; with
    the part the names state, when they state one (two parts of one inquiry keep two keys)."""
    key = min((len(name.words) if name.words else 99, derived_key(replace(name, part=None))) for name in names)[1]
    parts = {name.part for name in names if name.part}
    return f"{key}-part-{parts.pop()}" if len(parts) == 1 and any(name.words for name in names) else key


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
    text_lines = list(lines)
    title_at = title_line(text_lines, start)
    groups = _groups(find_candidates(text_lines, start))
    keyed = [(group, *_report(group, register, file)) for group in groups]
    # The paper tracks the report it names most strongly (ties: the first named); other reports it
    # names join it only when the paper cites their recommendations (see _find_mentions).
    best = max(keyed, key=lambda item: (max(c.score for c in item[0]), -min(c.line for c in item[0])), default=None)
    tracked = [best] if best is not None and max(c.score for c in best[0]) >= 2 else []
    page = committee_page(text_lines, result.recommendations, file)
    if page is not None:
        # A committee's page: the report its head names is the one it belongs to; a report named in
        # the prose of its conclusions is cited, not tracked (committee_reports). A name above the
        # conclusions (a paper's summary: "response to the X Committee report on Y") still counts.
        if page.report:
            tracked = [committee_tracked(page, register, file)]
        else:
            inside = {n for rec in result.recommendations for n in range(rec.provenance.first_line, rec.provenance.last_line + 1)}
            above = [item for item in keyed if any(c.line not in inside and c.score >= 2 for c in item[0])]
            tracked = [max(above, key=lambda item: (max(c.score for c in item[0]), -min(c.line for c in item[0])))] if above else []
    renamed: dict[str, str] = {}
    reports: list[SourceReport] = []
    for report in result.paper.source_reports:
        if pinned is not None and pinned(report.title):
            renamed[report.key] = report.key
            reports.append(report)
            continue
        name = ReportName.of(report.title)
        registered = register.match(name)
        from_title = _from_title(report, name, result.paper.title, keyed, title_at)
        if not registered and (page is not None or _names_no_report(name) or _named_after_file(report, file)
                               or from_title and (tracked or not _reads_as_report(report.title))):
            stand_in = tracked[0][1] if tracked else _unidentified(result)
            renamed[report.key] = stand_in.key
            if not tracked:
                reports.append(stand_in)
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
    # (the reader's report of a paper whose records all belong to the audits it names). In a paper
    # with none used, only a report its words say it tracks stays ("an update on the recommendations
    # of X", "X made 24 recommendations": a cover paper whose detail is in an appendix); a name
    # found only in its title or a heading is the paper's own subject, never its source report.
    used = _used_reports(result) | {x.source_report for x in result.cross_references}
    said = {item[1].key for item in tracked if max(c.score - (2 if c.line == title_at else 0) for c in item[0]) >= 3}
    named = tuple(r for r in result.paper.source_reports if r.key in used or r.key_basis != "text" or not used and r.key in said)
    if len(named) < len(result.paper.source_reports):
        result.paper = replace(result.paper, source_reports=named)
    _settle_unidentified(result)
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


def _names_no_report(name: ReportName) -> bool:
    """Whether a reader's report name names no report: it has no year and no distinctive word but
    modifiers, only the body, the kind and which recommendations ("Progress on MPA Scrutiny
    Recommendations", "HMIC recommendations", "Internal audit – open recommendations").
    Such a generic heading loses to the specific name the paper's words give (survey part A: the
    headings over tracked lists name the body generically in papers whose summary names the report)."""
    return not name.year and (not name.words or set(name.words) <= MODIFIERS)


def _named_after_file(report: SourceReport, file: str) -> bool:
    """Whether a reader's report is its stand-in named after the paper's file ("Source report of
    update.txt"), no line of the paper naming it: keyed from its name, it matched the stand-in of
    any other paper with a like file name (two folders' "update.txt" shared "source-txt")."""
    return report.provenance is None and Path(file).name in (report.title or "")


def _reads_as_report(title: str) -> bool:
    """Whether a title the reader took from the paper reads as a report's name, for want of a better
    one: it names a kind of report other than "report" ("External audit annual letter 2003/04",
    "Lanterns review"), as the titles of the family's tracking papers do when they are the report's
    name with "progress" or "update" added. A title naming a subject only ("Young offenders", "MPS
    draft guide to property seizure") names the paper, not the report it cites."""
    return any(guess_kind(word) for word in title.split() if word.lower().strip(".,:;'’") != "report")


def _unidentified(result: ReadResult) -> SourceReport:
    """The report of a paper that tracks or cites recommendations but never names their report.

    Its key says so and is the paper's own ("unidentified-" and the slug of the file name, as a
    paper's IRI): recommendation 17 of one paper's unnamed report never merges with recommendation
    17 of another's, and the paper's title (which names the paper, not the report) is never taken
    for the report's name. A register or catalogue entry for the paper names the report instead.
    """
    file = result.paper.file
    key = _unidentified_key(file)
    return SourceReport(key, f"report not named in {Path(file).name}", key_basis="unidentified")


def _used_reports(result: ReadResult) -> set[str]:
    """The keys of the reports a paper's records, updates and mentions belong to."""
    return ({r.source_report for r in result.recommendations} | {u.source_report for u in result.updates}
            | {m.source_report for m in result.mentions})


def _unidentified_key(file: str) -> str:
    """The key of the unnamed report of a paper: ``unidentified-`` and the slug of its file name."""
    return "unidentified-" + slugify(Path(file).stem)


def _settle_unidentified(result: ReadResult) -> None:
    """Keep an unidentified report only when a record, update or mention uses it, with one line
    naming the paper; a paper that tracks and cites nothing has no report at all."""
    used = _used_reports(result)
    kept = []
    for report in result.paper.source_reports:
        if report.key_basis == "unidentified":
            if report.key not in used:
                continue
            result.warnings.append(
                f"{result.paper.file}: the paper names no report whose recommendations it tracks or cites; they are "
                f"keyed {report.key!r} (report unidentified; a catalogue entry for the paper can name it)")
        kept.append(report)
    if len(kept) < len(result.paper.source_reports):
        result.paper = replace(result.paper, source_reports=tuple(kept))


def _from_title(report: SourceReport, name: ReportName, title: str | None, keyed, title_at: int | None) -> bool:
    """Whether a reader's report is only (part of) the paper's own title ("Access to policing
    services" of "Access to policing services – closing report"): no name the paper prints outside
    its title line matches it, and its words are the title's."""
    if not report.title.strip():
        return True
    if not title or report.title.strip().casefold() not in title.casefold():
        return False
    # printed again as a name outside the title line, it is a report's name; a name that only shares
    # words with it ("Lantern progress" and "the Street Lantern Review") is the report the title is about
    return not any(set(c.name.words) == set(name.words) for group, _, _ in keyed for c in group if c.line != title_at)


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
            # the earlier report a later one is named after ("X" in "X: twenty years on") is not it
            if any(set(name.words) <= set(own.words) and own.later == name.later
                   for own in map(ReportName.of, (report.title, *report.aliases))):
                return report.key
        for group, report, _ in keyed:
            if any(set(name.words) <= set(c.name.words) and c.name.later == name.later for c in group):
                extra.setdefault(report.key, report)
                return report.key
        return None

    default = reports[0].key if reports else _unidentified_key(result.paper.file)
    result.mentions = find_mentions(
        lines, result.paper.file, Path(result.paper.file).name, result.recommendations, default, named, result.paper.date
    )
    used = {m.source_report for m in result.mentions}
    if not reports and default in used:
        extra[default] = _unidentified(result)
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
    sets = _Partition(len(text))
    # Only reports that share a key, a distinctive word or (periodic ones) a year can match: an
    # index of those keeps a read of thousands of papers from comparing every pair.
    index: dict[str, list[int]] = {}
    for k, (_, report) in enumerate(text):
        tokens = {f"key:{report.key}"} | {w for n in names[k] for w in n.words} | {f"year:{n.year}" for n in names[k] if n.periodic and n.year}
        for token in tokens:
            index.setdefault(token, []).append(k)
    pairs = {(a, b) for members in index.values() for a in members for b in members if b < a}
    parts = [{n.part for n in own if n.part} for own in names]
    partless: list[tuple[int, int]] = []
    for a, b in sorted(pairs):
        ra, rb = text[a][1], text[b][1]
        if a >= fresh and b >= fresh:
            continue  # two pinned reports: the live build kept them apart
        if ra.key == rb.key or (
            "text" in (ra.key_basis, rb.key_basis) and any(x.matches(y) for x in names[a] for y in names[b])
        ):
            if bool(parts[a]) != bool(parts[b]):
                partless.append((a, b))  # joined below, when the part is not in doubt
            else:
                sets.join(a, b)
    _join_partless(partless, parts, sets)
    for members in sets.groups():
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
        # a committee report keeps the key its page's head gave it (committee_reports), the one with
        # its session's year first: its words alone do not tell two sessions' reports apart
        committees = sorted({(text[k][1].year is None, text[k][1].key) for k in members if is_committee_report(text[k][1])})
        default = (subjects[0] if subjects else committees[0][1] if committees
                   else key_of_names([n for k in members for n in names[k]]))
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


def _join_partless(pairs, parts, sets: _Partition) -> None:
    """Join a report named without its part to the report of one part it matches ("the Stockwell
    report" with "the IPCC Stockwell 1 report"), only when every report it matches is of that one
    part: matching parts 1 and 2, it stays apart, so two parts' numbers never share a node and no
    reading order decides where it goes."""
    if not pairs:
        return
    parts_of: dict[int, set[str]] = {}  # the parts each group of reports holds, before these joins
    for k, own in enumerate(parts):
        parts_of.setdefault(sets.root(k), set()).update(own)
    matched: dict[int, set[str]] = {}
    for a, b in pairs:
        bare, parted = (a, b) if not parts[a] else (b, a)
        matched.setdefault(bare, set()).update(parts_of[sets.root(parted)])
    for a, b in pairs:
        bare, parted = (a, b) if not parts[a] else (b, a)
        if len(matched[bare]) == 1:
            sets.join(bare, parted)


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
