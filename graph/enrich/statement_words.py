"""The word lists of the grammar of status statements (:mod:`recgraph.graph.enrich.statements`).

General English, each list with its source: verbs of completion and of bringing into being, the heads of
intermediate steps, modals, subordinators, negators, hedges and adverbs. None is taken from one paper.
"""

from __future__ import annotations

#: Verbs of completion and of carrying into effect, as past participles. Sources: Merriam-Webster's
#: Dictionary of Synonyms, the groups "perform, execute, discharge, accomplish, achieve, effect, fulfill"
#: ("to carry out or into effect") and "close, end, conclude, finish, complete, terminate" ("to bring to an
#: end"); "implement" and "deliver", defined by the same dictionaries as to carry into effect; "resolve",
#: "address", "deal with" and "action" in the sense of dealing with a matter so that it is settled, as
#: statuses.ttl already reads them.
COMPLETION_VERBS = ("completed", "implemented", "achieved", "accomplished", "fulfilled", "executed", "effected",
                    "discharged", "delivered", "carried out", "finished", "concluded", "finalised", "finalized",
                    "closed", "resolved", "addressed", "actioned", "dealt with", "met")
#: Verbs of bringing into being or into force, as past participles: the thing asked for now exists or
#: applies. Sources: Merriam-Webster's Dictionary of Synonyms, "found, establish, institute, organize,
#: create" ("to set going or bring into existence"), and the verbs of putting a policy or practice into
#: force in the sense "carried into effect" (introduce, adopt, launch, roll out, put in place, set up,
#: issue, publish, enact, approve). "Agreed" and "accepted" are left out: in responses to recommendations
#: they say the recommendation is accepted (statuses.ttl: "Accepted" is in progress), not carried out.
INSTITUTING_VERBS = ("established", "instituted", "created", "introduced", "adopted", "launched", "rolled out",
                     "put in place", "set up", "issued", "published", "enacted", "embedded", "approved",
                     *("appointed", "sent", "circulated", "distributed", "disseminated"))
#: Seventh session: a post filled ("a custody manager has been appointed", "Commander X appointed") and a thing
#: sent out ("the findings have been sent to all chief officers", "guidance was circulated to boroughs") state
#: what the recommendation asked for as done, as the verbs of issuing above do (Merriam-Webster's Dictionary of
#: Synonyms groups "send, dispatch, forward, transmit" and lists "distribute", "disseminate" under "spread"). They
#: are the riskiest verbs here: an appointment or a letter is often a step taken to get the work going, so
#: :data:`STEP_PURPOSES` and :data:`SENT_FOR` guard them (measured on the in-progress phrases of all four surveys,
#: docs/enrichment.md "Statuses: seventh session's classes").
APPOINTING_VERBS = ("appointed",)
SENDING_VERBS = ("sent", "circulated", "distributed", "disseminated")
#: Those appointed to do the work rather than to hold the post asked for: engaging a consultant or a contractor
#: starts the work (the procurement stage of project conventions, PRINCE2), it does not finish it.
ENGAGED = ("consultant", "consultants", "consultancy", "contractor", "contractors", "supplier", "suppliers", "firm",
           "advisers", "advisors", "reviewer", "reviewers")
#: A purpose clause after a verb of bringing into being or appointing: the body or post exists to get the work
#: done, so its creation is a step, not the thing done ("a lead has been appointed to take this forward", "a team
#: was set up to review the policy"; Quirk et al., ch. 15, infinitive clauses of purpose). The verbs are those of
#: carrying work on, not of being in force.
STEP_PURPOSES = ("take", "lead", "oversee", "progress", "develop", "deliver", "drive", "coordinate", "co-ordinate",
                 "implement", "review", "scope", "manage", "look", "consider", "address", "examine", "explore",
                 "undertake", "carry", "prepare", "draft", "agree", "identify", "assess", "work", "help", "support",
                 "plan", "design", "produce", "test", "pilot", "establish", "set", "ensure", "investigate")
#: What a thing is sent out for when sending it asks others to act (a consultation or a request): then it is a
#: step ("was circulated for comment", "letters have been sent asking forces to reply"), and the nouns of such
#: things sent.
SENT_FOR = ("for comment", "for comments", "for consultation", "for views", "for approval", "for agreement",
            "for information and comment", "seeking", "asking", "requesting", "inviting")
SENT_STEPS = ("letter", "letters", "questionnaire", "questionnaires", "survey", "surveys", "request", "requests",
              "invitation", "invitations", "reminder", "reminders", "email", "emails")
#: Predicative adjectives and phrases saying that the thing asked for is in force ("is now in place",
#: "are complete"); only after a form of "be".
STATE_PREDICATES = ("in place", "complete", "operational", "in operation", "in force")
#: Complex-transitive verbs of recording and judging, whose "as" complement states the status of their
#: object ("has been marked as complete", "were noted as closed" say the item is complete): the verbs that
#: take an object complement with "as" (Quirk et al., A Comprehensive Grammar of the English Language,
#: 1985, ch. 16, complex-transitive complementation: regard, consider, describe, class, treat, see as) and
#: the verbs trackers record by (mark, record, note, rate, report, list, show, grade, assess, confirm).
RECORDING_VERBS = ("marked", "recorded", "noted", "rated", "reported", "listed", "shown", "graded", "assessed",
                   "confirmed", "certified", "classed", "classified", "regarded", "considered", "deemed", "judged",
                   "treated", "described", "seen")
#: Heads of intermediate steps that come before the thing asked for: drafts, proposals, consultations,
#: groups set up to take work forward, the products that start a project (business case, funding and
#: budget, terms of reference, scoping, specification, bid, tender, timetable), pilots and trials, and
#: papers about the work (plans: see REVIEW_NOUNS). Source: the stages before delivery in project
#: conventions (PRINCE2's starting-up and initiation products) and the brief of this work ("a draft, a
#: working group, a plan to, a review of, consultation on"). A completion whose subject is one of these
#: states a step, not the thing done.
INTERMEDIATE_NOUNS = ("draft", "drafts", "proposal", "proposals", "consultation", "consultations",
                      "working group", "task group", "steering group", "project board", "task force", "taskforce",
                      "business case", "terms of reference", "scoping", "specification", "bid", "tender",
                      "timetable", "pilot", "trial", "options", "report", "paper", "briefing", "funding", "budget")
#: Undertakings and plans: setting one going or issuing it starts the work ("a review was launched", "a
#: delivery plan has been published"), carrying it out or finishing it may be the thing asked for ("the
#: review of custody structures is complete", "the action plan was delivered").
REVIEW_NOUNS = ("review", "reviews", "evaluation", "assessment", "inquiry", "investigation", "audit", "project",
                "plan", "plans",
                "programme", "program", "workstream", "work stream", "exercise", "study", "recruitment",
                "procurement")
#: Modal and future auxiliaries and the infinitive marker: what follows is expected, intended or possible,
#: not done (Quirk et al., ch. 4, the modal auxiliaries and the expression of future time), and the
#: adjectives and participles of expectation and schedule that take "to be" ("due to be published").
MODALS = ("will", "would", "shall", "should", "could", "can", "may", "might", "must", "to", "ought", "ll")
EXPECTATION = ("due", "expected", "planned", "scheduled", "likely", "hoped", "anticipated", "intended", "going",
               "aim", "aims", "intend", "intends")
#: Subordinators that make a clause a condition or a time reference ("until all cases have been closed",
#: "once the policy is published", "to ensure that targets are met"): the completion is not asserted
#: (Quirk et al., ch. 15, adverbial clauses of condition, time and purpose). "As" opens a clause of time
#: when a subject follows it ("as these interventions are rolled out"), see _TEMPORAL_AS.
SUBORDINATORS = ("until", "till", "unless", "if", "once", "when", "whenever", "before", "after", "as soon as",
                 "so that", "in order that", "provided", "whether", "prior to", "ensure", "ensures", "ensuring",
                 "ensured that")
#: Negators of the predicate and negative determiners of its subject ("has not been published", "none of
#: the recommendations were implemented"; Quirk et al., ch. 10, negation): a negated completion is none.
NEGATORS = ("not", "never", "n't")
NEGATIVE_SUBJECTS = ("none", "neither", "not all", "not every", "no one", "nobody", "nothing")
#: Hedges that make a completion partial: the partial grade of audit follow-up scales (partially, partly,
#: in part).
HEDGES = ("partially", "partly", "in part")
#: Adverbs that may stand in the verb phrase: any "-ly" adverb ("successfully", "formally") and these,
#: except the hedges and the degree adverbs of "substantially complete", which other rules read.
ADVERBS = ("now", "all", "also", "since", "already", "both", "each", "then", "duly", "just",
           "indeed", "therefore", "thus", "too", "in turn", "as well", "since then", "subsequently",
           # seventh session: "well" intensifying a participle of state ("are now well established"; the
           # Oxford English Dictionary's "well", adverb, "thoroughly, fully" before participles)
           "well")
DEGREE_ADVERBS = ("partially", "partly", "largely", "substantially", "mostly", "broadly", "nearly", "almost",
                  "virtually", "significantly", "only", "barely", "hardly")
