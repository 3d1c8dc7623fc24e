"""The words of the synthetic corpus around the issues: fillers, owners, systems, frames, reports.

Everything here comes from the domain of the seed papers (MPA monitoring of HMIC, District Audit
and inquiry recommendations on people and HR matters). The issues themselves (the recurring
problems and the phrasings of their demands) are in :mod:`.issues`; their slots are filled from the
lists here (unit, staff group, borough, period, measure, system).

No sentence here states a status (see :data:`recgraph.graph.reading.readers.phrases.STATUS_PATTERNS` and
the patterns of ontology/statuses.ttl) or looks like a pointer ("see", "refers", "under" next to a
recommendation number, "next recommendation", "as paragraph N"), and none names an IT system
outside a ``{system}`` slot: the tests check all three.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The IT systems recommendations wait on or are delivered through (ontology/systems.ttl).
SYSTEMS: tuple[str, ...] = ("PRISM", "MetHR", "HRIS", "CRIS", "NSPIS", "METBATS", "MetStats")
HR_SYSTEMS = ("PRISM", "MetHR", "HRIS")

UNITS: tuple[str, ...] = (
    "Territorial Policing", "the Specialist Crime Directorate", "Specialist Operations", "Central Operations",
    "the Human Resources Directorate", "the Diversity Directorate", "the Directorate of Training and Development",
    "the Career Management Unit", "Workforce Deployment", "the Positive Action Team",
    "the Inspection Liaison and Analysis Unit", "the Directorate of Resources", "the Corporate Performance Group",
    "the Recruitment and Selection team", "the Occupational Health Branch", "the Directorate of Professional Standards",
    "the Business Change Group", "the Corporate Planning Unit", "the Police Promotions team", "the Vetting Unit",
    "the Directorate of Public Affairs", "the Crime Academy", "the Leadership Academy", "the Marine Policing Unit",
    "the Dog Support Unit", "the Territorial Support Group", "the Firearms Command", "the Traffic Operational Command Unit",
    "the Air Support Unit", "the Mounted Branch", "the Forensic Services Directorate", "the Counter Terrorism Command",
)
GROUPS: tuple[str, ...] = (
    "police staff", "police officers", "special constables", "community support officers", "traffic wardens",
    "detective constables", "probationer constables", "senior managers", "minority ethnic officers",
    "women officers", "officers with less than five years service", "civil staff in Bands C and D",
    "sergeants and inspectors", "new recruits", "staff with disabilities", "part-time staff",
    "borough support staff", "front counter staff", "custody staff", "trainee investigators",
    "communications officers", "station reception officers", "firearms officers", "neighbourhood officers",
    "civilian investigators", "scenes of crime officers",
)
BOROUGHS: tuple[str, ...] = (
    "Southwark", "Lambeth", "Hackney", "Enfield", "Havering", "Westminster", "Camden", "Islington", "Brent",
    "Ealing", "Croydon", "Lewisham", "Greenwich", "Newham", "Tower Hamlets", "Haringey", "Barnet", "Bromley",
    "Bexley", "Hillingdon", "Hounslow", "Harrow", "Redbridge", "Waltham Forest", "Wandsworth", "Merton",
    "Sutton", "Kingston", "Richmond", "Barking and Dagenham", "Hammersmith and Fulham", "Kensington and Chelsea",
)
PERIODS: tuple[str, ...] = (
    "within twelve months", "within six months", "by the end of the financial year", "before the next inspection",
    "within eighteen months", "by the end of the planning cycle", "in time for the next policing plan",
    "as a matter of urgency", "within the current business year", "over the next two years",
    "within three months", "before the end of the calendar year", "within two years", "by the next annual review",
    "before the new pay and grading structure is introduced", "ahead of the next recruitment campaign",
    "by the time of the next staff survey", "within nine months", "in the first half of the year",
    "before the start of the next training programme",
)
MEASURES: tuple[str, ...] = (
    "a quarterly report to the HR Board", "an annual report to the Authority", "monthly figures to Management Board",
    "exception reports to the Diversity Executive Board", "a performance indicator in the policing plan",
    "six-monthly updates to the Human Resources Committee", "a standing item at the Performance Board",
    "a published annual review", "regular reports to the Equalities and People Committee",
    "a dip sample audited by the Inspectorate",
    "a termly report to the Professional Standards Committee", "an annual statement to the Home Office",
    "an item in the Commissioner's annual report", "quarterly returns to the Diversity Strategy Board",
    "a monthly dashboard for borough commanders", "an audit by Internal Audit", "a report to the Finance Committee",
    "a published equality monitoring report", "a performance pack for the Management Board",
    "an exception report to the Deputy Commissioner",
)

#: The named programmes and projects a demand is tied to: rare words that a repeat shares.
INITIATIVES: tuple[str, ...] = tuple(
    f"{name} {kind}"
    for name, kind in zip(
        (
            "Kestrel", "Bluebell", "Horizon", "Compass", "Keystone", "Lantern", "Meridian", "Sentinel", "Trident",
            "Harbour", "Beacon", "Cornerstone", "Pathfinder", "Lighthouse", "Anchor", "Evergreen", "Foxglove",
            "Goldcrest", "Heron", "Juniper", "Kingfisher", "Larkspur", "Marigold", "Nightingale", "Osprey",
            "Primrose", "Quicksilver", "Rosewood", "Skylark", "Thistle", "Umbrella", "Vanguard", "Willow",
            "Yarrow", "Zephyr", "Albatross", "Bramble", "Cedar", "Damson", "Elderberry", "Fieldfare", "Granite",
            "Hawthorn", "Ironbridge", "Jasmine", "Kittiwake", "Lavender", "Merlin", "Nettle", "Oakleaf",
            "Peregrine", "Quarry", "Redwing", "Sandpiper", "Tamarisk", "Upland", "Verbena", "Wagtail",
        ),
        ("programme", "project", "initiative", "review", "pilot", "workstream") * 10,
    )
)

#: Clauses that complete a phrasing which leaves out a slot, so that every issue names them all.
TAILS: dict[str, tuple[str, ...]] = {
    "initiative": (", as part of the {initiative}", ", under the {initiative}", ", within the {initiative}"),
    "group": (", covering {group}", ", for {group} in particular", ", with {group} as the priority"),
    "borough": (", beginning in {borough}", ", with a pilot in {borough}", ", taking {borough} first"),
    "period": (" {period}", ", and do so {period}"),
    "measure": (", reporting through {measure}", ", with progress shown in {measure}", ", accounting for it in {measure}"),
}

#: Slot name -> its fillers; ``system`` is special: each template names the systems it may use.
FILLERS: dict[str, tuple[str, ...]] = {
    "unit": UNITS, "group": GROUPS, "borough": BOROUGHS, "period": PERIODS, "measure": MEASURES,
    "initiative": INITIATIVES,
}
SLOTS: tuple[str, ...] = ("unit", "group", "borough", "period", "measure", "initiative", "system")


#: Words and phrases a rewording may swap, applied to a phrasing before its slots are filled, so
#: that two recommendations on one issue (a planted repeat) are reworded and two on one template
#: share few words beyond the issue's own fillers. Every choice fits where the key stands.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # verbs that open a demand (each reads in the base form, the -ing form and after "to")
    "review": ("re-examine", "look again at", "reassess"),
    "ensure": ("make sure", "see to it"),
    "make sure": ("ensure", "see to it"),
    "introduce": ("bring in", "launch", "put in place"),
    "establish": ("set up", "create", "put in place"),
    "set up": ("establish", "create"),
    "put in place": ("introduce", "adopt"),
    "develop": ("draw up", "produce", "work out"),
    "identify": ("find", "pinpoint"),
    "monitor": ("keep track of", "check", "watch"),
    "improve": ("strengthen", "raise the standard of", "upgrade"),
    "strengthen": ("reinforce", "bolster"),
    "record": ("log", "register"),
    "capture": ("log", "register"),
    "evaluate": ("assess", "appraise"),
    "assess": ("evaluate", "gauge"),
    "reconcile": ("match up", "square"),
    "match": ("compare", "check"),
    "commission": ("arrange", "procure"),
    "raise": ("increase", "lift"),
    "increase": ("raise", "boost"),
    "extend": ("widen", "expand"),
    "apply": ("use", "extend"),
    "use": ("employ", "make use of"),
    "list": ("catalogue", "set out"),
    "track": ("follow", "trace"),
    "follow up": ("pursue", "chase up"),
    "revisit": ("reconsider", "return to"),
    "simplify": ("streamline", "pare back"),
    "rewrite": ("redraft", "recast"),
    "reform": ("overhaul", "restructure"),
    "revise": ("amend", "update"),
    "correct": ("rectify", "put right"),
    "cleanse": ("clean", "tidy"),
    "define": ("specify", "spell out"),
    "specify": ("define", "spell out"),
    "carry out": ("conduct", "undertake"),
    "feed": ("channel", "pass"),
    "share": ("circulate", "pass on"),
    "tell": ("inform", "notify"),
    "brief": ("inform", "update"),
    "select": ("choose", "pick"),
    "run": ("operate", "organise"),
    "build": ("assemble", "create"),
    "create": ("build", "form"),
    "remove": ("withdraw", "take away"),
    "end": ("abolish", "do away with"),
    "manage": ("handle", "administer"),
    "control": ("oversee", "regulate"),
    "explore": ("investigate", "examine"),
    "consider": ("look at", "weigh up"),
    "produce": ("issue", "publish"),
    "agree": ("settle on", "adopt"),
    "analyse": ("examine", "study"),
    "check": ("verify", "confirm"),
    "measure": ("gauge", "quantify"),
    "set": ("fix", "agree"),
    "set out": ("state", "lay down"),
    "give": ("offer", "provide"),
    "carry": ("take", "extend"),
    "keep": ("maintain", "retain"),
    "find": ("locate", "identify"),
    # connectors and other words
    "starting with": ("beginning with", "first with"),
    "starting in": ("beginning in", "first in"),
    "beginning in": ("starting in", "first in"),
    "beginning with": ("starting with", "first with"),
    "first in": ("initially in", "at first in"),
    "first with": ("initially with", "at first with"),
    "reporting through": ("reporting via", "accounting through"),
    "reporting in": ("reporting via", "accounting in"),
    "so that": ("in order that", "such that"),
    "across": ("throughout", "right across"),
    "within": ("inside", "in"),
    "outstanding": ("overdue", "late"),
    "overdue": ("late", "outstanding"),
    "effective": ("workable", "efficient"),
    "fair": ("even-handed", "just"),
    "fairly": ("even-handedly", "justly"),
    "accurate": ("correct", "reliable"),
    "records": ("files", "entries"),
    "progress": ("headway", "movement"),
    "structured": ("formal", "planned"),
    "formal": ("structured", "planned"),
    "single": ("sole", "unified"),
    "experienced": ("seasoned", "long-serving"),
    "skilled": ("qualified", "capable"),
    "results": ("outcomes", "findings"),
    "findings": ("results", "conclusions"),
    "published": ("made public", "set out"),
    "local": ("borough-level", "local-level"),
    "corporate": ("force-wide", "central"),
    "guidance": ("advice", "instructions"),
    "independent": ("external", "outside"),
    "research": ("study", "enquiry"),
    "scheme": ("programme", "arrangement"),
    "programme": ("scheme", "initiative"),
    "process": ("procedure", "system"),
    "plans": ("arrangements", "programmes"),
    "data": ("information", "figures"),
    "targeted": ("focused", "dedicated"),
    "campaigns": ("drives", "initiatives"),
    "events": ("days", "sessions"),
    "posts": ("roles", "positions"),
    "vacancies": ("gaps", "unfilled posts"),
    "simpler": ("plainer", "clearer"),
    "transparent": ("open", "clear"),
    "register": ("log", "list"),
    "method": ("approach", "methodology"),
    "planned": ("intended", "forthcoming"),
    "all": ("every one of the", "the whole of the"),
}

#: Progress sentences that fit any issue (no slots but the unit).
GENERIC_PROGRESS: tuple[str, ...] = (
    "A project board chaired by a senior manager in {unit} oversees this work.",
    "Proposals have been discussed with the Assistant Commissioner.",
    "A draft policy will be circulated for consultation shortly.",
    "Funding for this work is contained within existing budgets.",
    "The staff associations have been consulted on the proposals.",
    "A briefing paper has been prepared for Members.",
    "An implementation plan has been agreed by Management Board.",
    "Business groups are being supported to embed the changes.",
    "Further work is planned for the coming financial year.",
    "The lead officer has changed and the timetable will be revisited.",
)

#: Sentences that tie the progress to a system ("dependency wording"); always name the system.
SYSTEM_DEPENDENCIES: tuple[str, ...] = (
    "This will be delivered through {system}.",
    "The introduction of {system} will further assist the process.",
    "The data will be held on {system} once it is rolled out.",
    "Delivery will be through {system} in its next phase.",
    "The change depends on the rollout of {system}.",
)
#: Dependency wording that also says nothing has started ("not within the build", "awaits
#: specification": ontology/statuses.ttl reads both as not started): only for items planted so.
SPECIFICATION_WAITS: tuple[str, ...] = (
    "It is not currently within the {system} build and awaits specification.",
    "Delivery depends on {system}, which awaits specification.",
    "The facility awaits specification in {system}.",
)

#: Programmes that absorb a recommendation ("is subsumed into the MPS ...").
PROGRAMMES: tuple[str, ...] = (
    "Career Pathways Programme", "People Strategy", "HR Modernisation Programme", "Workforce Modernisation Programme",
    "Leadership Pathway", "Service Improvement Programme", "Diversity Strategy Action Plan",
)

#: Statements a committee report opens a recommendation with, before its lettered parts.
PARENT_LEADS: tuple[str, ...] = (
    "Working practices within {unit} that inhibit the confidence of {group} in HR policies should be revised. This means:",
    "The culture and values of {unit} must shift to become more recognisable to {group}. This means:",
    "Internal processes to improve the progression and development of {group} in {unit} need to be strengthened. This means:",
    "The senior leadership of {unit} should review its commitment to ensuring that {group} are fairly treated. This means:",
    "A more flexible approach to the recruitment of {group}, to increase diverse representation in {unit}, is required. This means:",
    "Disproportionately high resignation rates among {group} in {unit} must reduce. This means:",
    "The oversight of {unit} and its treatment of {group} must be reinforced. This means:",
)

#: Questions and plans of the committee family's "Challenges" and "Next steps" blocks.
CHALLENGES: tuple[str, ...] = (
    "How will {unit} show that this activity translates into evidenced improvements for {group}?",
    "Are business groups being consistently held to account where there is disproportionality?",
    "Is there genuine evidence that this is happening, including examples from {borough}?",
    "To ensure that the changes add value to the process for {group}.",
    "How satisfied are {group} with the new arrangements?",
    "The added value of this work needs to be evidenced.",
)
NEXT_STEPS: tuple[str, ...] = (
    "To continue to monitor the results through {measure}.",
    "Progress will be reported to a future meeting of the Human Resources and Remuneration Sub Committee.",
    "{Unit} will review the arrangements with the staff associations.",
    "Monitor the arrangements in {borough} in order to hold business groups to account.",
    "As challenges.",
    "As described under progress so far.",
)

#: Owners as the layouts print them (ontology/owners.ttl holds the names they map to).
PROFORMA_OWNERS: tuple[str, ...] = (
    "HR Department", "Diversity Training Branch", "DCC4 \u2013 Diversity Directorate",
    "Policy Review & Standards \u2013 PRS8 Corporate Planning", "Policy Review & Standards PRS9 Inspectorate",
    "Policy Review & Standards PRS5 \u2013 Operational Policy Support Unit", "Through Territorial Policing HQ",
    "Human Resources Directorate (HRD)", "Deputy Commissioner's Command", "Policy Review & Standards",
)
PDF_OWNERS: tuple[str, ...] = (
    "ACPRS/ Head of Corporate Planning", "ACPRS/ Head of Best Value group", "ACPRS/ Head of Business Change Group",
    "ACPRS/ Head of Corporate Performance", "ACPRS/ Head of the Inspection Liaison Analysis Unit",
    "ACHR/ Head of Workforce Deployment", "ACHR/ Director of Human Resources", "DCFD/ Head of Diversity Training",
    "ACTP/ Head of Territorial Policing HQ", "ACHR/ Head of the Career Management Unit",
)
TABLE_OWNERS: tuple[str, ...] = (
    "HR Department", "ACHR", "Diversity Directorate", "Territorial Policing HQ", "Best Value Group",
    "Corporate Performance", "Business Change Group", "Inspection Liaison Analysis Unit", "DCC4", "PRS9 Inspectorate",
)
COMMITTEE_OWNERS: tuple[str, ...] = (
    "MPA responsible for implementation", "HR Directorate responsible for implementation",
    "DCFD responsible for implementation", "Deputy Commissioner's Command responsible for implementation",
)

#: The MPA's dispositions in the table family's last column.
MPA_ACTIONS: tuple[str, ...] = (
    "To note and discharge.", "To note.", "To note position.", "To note and receive further updates via the HRC.",
    "HRC receives regular updates on this work. To note and discharge.", "To note and discharge",
    "To note, receive a separate briefing paper and discharge.",
)

#: Committees and authors of the web-page families.
COMMITTEES: tuple[str, ...] = (
    "MPA Full Authority", "Planning, Performance & Review Committee", "Human Resources Committee",
    "Communities, Equalities and People Committee", "Human Resources and Remuneration Sub Committee",
    "Finance, Planning and Best Value Committee",
)
AUTHORS: tuple[str, ...] = ("Chief Executive", "Commissioner", "Director of Human Resources", "Clerk to the Authority")
PERSONS: tuple[str, ...] = (
    "Alan Johnson", "Chief Superintendent David Morgan, MPS", "Sarah Patel", "Commander Helen Ward", "Peter Okafor",
    "Catherine Lee", "Superintendent Mark Evans, MPS",
)
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)


# --- source reports --------------------------------------------------------------------------------

#: Subjects of the reports that make recommendations.
REPORT_SUBJECTS: tuple[str, ...] = (
    "Personnel Management", "Recruitment and Retention", "Career Management", "Diversity Training",
    "Human Resources", "Performance Management", "Civilianisation", "Race Relations", "Staff Appraisal",
    "Operational Support", "Promotion Processes", "Workforce Planning", "Equality and Diversity",
    "Professional Standards", "Leadership Development", "Community Engagement", "Police Staff Development",
    "Personnel Information", "Resource Management", "Crime Investigation",
)
#: Names of thematic inspections and inquiries ("Winning Consent", "Open all Hours" in the seeds).
REPORT_NAMES: tuple[str, ...] = (
    "Fair Play", "Common Ground", "Keeping Faith", "Open Doors", "Fit for Purpose", "Valuing People",
    "Raising the Standard", "Getting it Right", "Under the Microscope", "Building Trust", "Serving London",
    "A Question of Balance", "Equal Chances", "Right People Right Place", "Making Progress", "Back to Basics",
    "Closing the Gap", "First Steps", "Public Confidence", "Beyond Compliance",
)


@dataclass(frozen=True)
class ReportKind:
    """A kind of source report: its issuer, kind (inspection, audit ...) and title patterns."""

    issuer: str
    kind: str
    titles: tuple[str, ...]


REPORT_KINDS: tuple[ReportKind, ...] = (
    ReportKind("HMIC", "inspection", ("HMIC Inspection of {subject} {year}", "HMIC Thematic Inspection {name} {year}")),
    ReportKind("District Audit", "audit", ("District Audit Report on {subject} {year}",)),
    ReportKind("Audit Commission", "audit", ("Audit Commission Review of {subject} {year}",)),
    ReportKind("MPA", "review", ("MPA Scrutiny of {subject} {year}",)),
    ReportKind("Metropolitan Police Service", "review", ("{subject} Service Improvement Review {year}",)),
    ReportKind("MPS Internal Audit", "audit", ("Internal Audit of {subject} {year}",)),
    ReportKind("MPA Inquiry Panel", "inquiry", ("{name} Inquiry into {subject} {year}",)),
)

#: Layout family -> the report kinds it tracks (a PDF action plan answers an audit, and so on).
KINDS_BY_LAYOUT: dict[str, tuple[int, ...]] = {
    "table": (0, 0, 1, 3, 5),
    "proforma": (0, 0, 0, 2),
    "pdf_columns": (1, 2, 5),
    "committee": (6, 6, 3, 0),
    "implementation": (4, 4, 3),
}
