"""A plan's unnumbered action titles: the last-resort start rule ``heading/unmarked``.

An improvement or action plan prints each action as a title over the paragraphs reporting its
progress, unnumbered (survey: T19, 060424/10, 061109/05). In a paper where no other rule holds,
each title line over a paragraph is a record, where at least two such titles stand and the paper's
opening says it tracks recommendations or a plan. Never: the text's first line, a part of a
publication ("Chapter 3"), a lead-in closing with a colon, a progress label, the paper's generic
sub-headings, a title grouping recommendations, a label over a bare value, or a theme title over a
paragraph retelling a report.
"""

from __future__ import annotations

import re

from recgraph.graph.reading.segment.roles import Layout, Line

#: One heading followed by numbered paragraphs is a paper's sub-title ("Key issues", "Areas of
#: concern" in the fixtures of papers with no tracked recommendation); a plan repeats the pattern.
MIN_PLAN_HEADINGS = 2

#: What a plan title stands over is a paragraph (the progress on its action), never one or two words
#: ("Reference number" / "40213", "Date published" / "1985": a page's metadata labels and their values).
MIN_PARAGRAPH_WORDS = 3

#: The paper's own sub-headings, which title its narrative rather than name a plan's action
#: (survey: "Key issues" in 070517/05; "Current position", "Areas of concern", "Background" in the
#: family's reports; the standard report outline of background, issues, position, next steps).
GENERIC_HEADING = re.compile(
    r"^(?:(?:the|a)\s+)?(?:background|introduction|summary|overview|key\s+(?:issues|points|findings)|issues|current\s+(?:position|situation)"
    r"|areas?\s+of\s+concern|conclusions?|next\s+steps|way\s+forward|progress(?:\s+to\s+date)?|risks?|costs?(?:\s+and\s+benefits)?"
    r"|performance|monitoring|governance|consultation|options?|proposals?|discussion|detail|context|purpose|scope"
    # the standard parts of a published report or article (abstract, foreword, references ...)
    r"|abstract|annotation|foreword|preface|references|acknowledge?ments|glossary|contents)"
    r"(?:\s+(?:to|of|on|for|and)\s+(?:the|this)\s+(?:review|report|paper|inquiry|scrutiny|inspection|plan|work))?\s*:?$",
    re.IGNORECASE,
)

#: A numbered part of a publication ("Chapter 3: Training", "Section 2", "Part IV", "Annex B"): the standard parts a
#: report is divided into (:data:`.leads._OTHER_LIST` reads the same parts as another kind of list), never a plan's
#: action (review).
PUBLICATION_PART = re.compile(r"^(?:chapter|section|part|annex|appendix)\s+(?:\d{1,3}|[ivx]{1,6}|[a-z])\b", re.IGNORECASE)

#: A title naming recommendations in the plural groups them ("Embedded recommendations",
#: "Recommendations needing further work", "Outstanding recommendations"): a heading over a group,
#: by status or theme, never one plan action (issue 13: lists of numbers grouped by status).
GROUP_HEADING = re.compile(r"\brecommendations\b", re.IGNORECASE)

#: A paper reporting on a plan says so in its opening (title, description, summary): every
#: tracking paper of the survey names the recommendations or the plan it reports on there (81 of
#: 81); a paper that does not (a project initiation document, a committee digest) has sub-headings
#: that are its own, not a plan's actions.
TRACKING = re.compile(r"\b(?:recommendations?|improvement\s+plan|action\s+plan|implementation\s+plan)\b", re.IGNORECASE)
#: Without lettered sections, the opening is this many lines (the front matter and summary).
OPENING_LINES = 40


def _progress_label(text: str) -> bool:
    """A label of progress inside a record (:data:`.spans.PROGRESS_LABEL`) is no plan title either."""
    from recgraph.graph.reading.segment.spans import PROGRESS_LABEL  # spans starts records at these titles

    return bool(PROGRESS_LABEL.match(text))


def plan_titles(layout: Layout) -> list[int]:
    """The lines of a plan's unnumbered action titles (cue ``heading/unmarked``), none where fewer than
    :data:`MIN_PLAN_HEADINGS` hold or the paper's opening says it tracks nothing."""
    if not _speaks_of_tracking(layout):
        return []
    first = next((line.number for line in layout.lines if line.role != "blank"), None)
    starts = [
        line.number
        for line in layout.lines
        if line.role == "heading"
        # the text's first line titles the page or document (an MPA paper's title is in its
        # frame; a web page, news item or abstract opens with its own): a plan's actions stand under it
        and line.number != first
        # a line closing with a colon announces what follows ("This list was extended to include:",
        # "Sir David added:"): a lead-in, never the title of a plan's action (no plan title of the
        # survey or the fixtures ends with one)
        and not line.text.rstrip().endswith(":")
        and not _progress_label(line.text)
        and not GENERIC_HEADING.match(line.text)
        and not PUBLICATION_PART.match(line.text)
        and not GROUP_HEADING.search(line.text)
        and _over_paragraph(layout, line)
        and not _retells_a_report(layout, line)
    ]
    return starts if len(starts) >= MIN_PLAN_HEADINGS else []


#: What a report found or asks, told by the page ("The review concluded ...", "the Winsor Review has
#: concluded that ...", "The report recommends ..."): the paragraph of a news item or a commentary
#: on a report under its theme title ("Pay", "Deployment"), not a plan's progress on an action
#: (a plan reports what was done: "has been", "completed", a status).
_TELLS = re.compile(
    r"\b(?:the|this|its)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:review|report|inquiry|inspection|audit|investigation)\s+"
    r"(?:has\s+|have\s+|also\s+)?(?:concluded|concludes|found|finds|recommends|recommended|proposes|proposed|calls\s+for|called\s+for)\b",
    re.IGNORECASE,
)


def _retells_a_report(layout: Layout, title: Line) -> bool:
    """Whether the paragraph under a title tells what a report found or recommends."""
    following = layout.next_filled(title.number)
    return following is not None and bool(_TELLS.search(following.text))


def _over_paragraph(layout: Layout, line: Line) -> bool:
    """Whether a title stands over a paragraph, not over a bare value ("Reference number" / "40213": a
    field of a page's metadata)."""
    following = layout.next_filled(line.number)
    return (following is not None and following.role in ("numbered", "text", "bullet")
            and len(following.text.split()) >= MIN_PARAGRAPH_WORDS)


def _speaks_of_tracking(layout: Layout) -> bool:
    """Whether the paper's opening (before its first lettered section) says it tracks something."""
    end = layout.sections[0].first_line - 1 if layout.sections else min(len(layout.lines), OPENING_LINES)
    return any(TRACKING.search(line.text) for line in layout.lines[:end])


__all__ = ["GENERIC_HEADING", "GROUP_HEADING", "PUBLICATION_PART", "MIN_PLAN_HEADINGS", "TRACKING", "plan_titles"]
