"""The recurring issues of the synthetic corpus, each with several phrasings of the same demand.

An *issue template* is one recurring problem (staff appraisal backlog, postings panel, ethnic
minority recruitment, personnel data in PRISM/MetHR, mentoring, the 30+ scheme, civilianisation,
disproportionality, diversity training, monitoring of recommendations, grievances, promotion,
analysts ...). An *issue* is a template with its slots filled. Two recommendations on the same
issue are a planted repeat: they share the fillers and the key nouns, but not the phrasing.

Every phrasing is a verb phrase in the base form ("reduce the backlog ..."), so each layout can put
it in its own grammar: "The MPS should reduce ...", "To reduce ...", "(b) reducing ...". The
same rules as in :mod:`.vocabulary` hold: no status, pointer or system outside its slot.

Length: over the ~400-line aim because nearly all of it is one data table (:data:`TEMPLATES`,
one entry per issue); split in two, a reader would have to look in two places for one table.
"""

from __future__ import annotations

from dataclasses import dataclass

from recgraph.graph.synthetic.vocabulary import HR_SYSTEMS

@dataclass(frozen=True)
class IssueTemplate:
    """A recurring issue: its themes, a short heading, the phrasings of the demand, its progress.

    ``phrasings`` and ``progress`` are format strings over :data:`SLOTS` (a capitalised slot name,
    ``{Unit}``, gives the filler with a capital letter). ``systems`` is empty when no phrasing has
    a ``{system}`` slot.
    """

    key: str
    themes: tuple[str, ...]
    heading: str
    phrasings: tuple[str, ...]
    problem: str
    progress: tuple[str, ...]
    systems: tuple[str, ...] = ()


TEMPLATES: tuple[IssueTemplate, ...] = (
    IssueTemplate(
        "appraisal-backlog", ("appraisal", "performance-management"), "Staff appraisals",
        (
            "reduce the backlog of outstanding {group} appraisals in {unit} {period}, starting with {borough} and reporting through {measure}",
            "clear the {group} appraisals that remain outstanding in {unit} {period}, beginning in {borough}, with progress shown in {measure}",
            "bring the overdue appraisals of {group} in {unit} up to date {period}, starting in {borough} and accounting for the backlog in {measure}",
        ),
        "hundreds of appraisals of {group} in {unit} are outstanding and the system is widely discredited",
        (
            "The appraisal backlog for {group} in {unit} has fallen, although a number of cases in {borough} remain overdue.",
            "Managers in {borough} now receive a monthly list of outstanding appraisals for {group}.",
            "Completion rates for {group} appraisals are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "appraisal-objectives", ("appraisal", "performance-management"), "Performance development reviews",
        (
            "ensure that every member of {group} in {unit} has a Performance Development Review with clear objectives linked to {measure}, beginning in {borough} {period}",
            "give all {group} in {unit} a Performance Development Review whose objectives are connected to {measure}, with {borough} leading {period}",
            "make sure that {group} across {unit} hold personal objectives in a Performance Development Review tied to {measure}, piloted in {borough} {period}",
        ),
        "individual {group} in {unit} have no clear objectives or development plans",
        (
            "The new Performance Development Review is based on the national competency framework and has been piloted in {borough}.",
            "Role profiles for {group} in {unit} set out the activities, standards and outcomes required.",
            "Objective setting for {group} is checked through {measure}.",
        ),
    ),
    IssueTemplate(
        "appraisal-recording", ("appraisal", "personnel-data"), "Appraisal records",
        (
            "record the appraisals of {group} on {system} so that outstanding cases in {unit} are identified {period}, starting with {borough}",
            "hold the appraisal records of {group} in {system} so that {unit} can see overdue cases {period}, with {borough} as the first site",
            "capture every appraisal of {group} in {system}, allowing {unit} to chase overdue cases {period} and beginning in {borough}",
        ),
        "appraisal records for {group} in {unit} are kept on paper and cannot be checked centrally",
        (
            "It is anticipated that {system} will include specific recording of appraisals, which will more easily identify outstanding cases for managers in {unit}.",
            "Recording of appraisals for {group} will be delivered through {system}.",
            "Appraisal data for {borough} has been loaded into {system} as a trial.",
        ),
        HR_SYSTEMS,
    ),
    IssueTemplate(
        "postings-panel", ("career-management",), "Career Management Policy",
        (
            "re-examine the postings panel so that transfers of {group} between {unit} and {borough} are managed fairly {period}, with outcomes published in {measure}",
            "review how the postings panel moves {group} between {unit} and {borough} so that transfers are fair {period}, publishing the outcomes in {measure}",
            "reform the postings panel arrangements for {group} moving between {unit} and {borough} {period}, with the results of transfers set out in {measure}",
        ),
        "the postings panel works where {group} volunteer for moves but has no way to transfer staff without volunteers",
        (
            "Postings of {group} are managed through the postings policy and a postings panel that meets monthly.",
            "Senior managers in {unit} are developing a process to balance numbers and experience across boroughs, including {borough}.",
            "The results of postings are published through {measure}.",
        ),
    ),
    IssueTemplate(
        "career-policy", ("career-management",), "Career management",
        (
            "revisit the career management policy for {group} in {unit} to simplify its application {period}, consulting staff in {borough} and reporting through {measure}",
            "simplify the career management policy that applies to {group} in {unit} {period}, after consulting staff in {borough}, reporting in {measure}",
            "rewrite the career management policy for {group} in {unit} in simpler terms {period}, drawing on views from {borough} and reporting in {measure}",
        ),
        "the career management policy for {group} is complex and is damaging the morale of uniformed staff",
        (
            "The Postings Policy seeks to balance the needs of the Service with the careers of {group}.",
            "A Career Development Unit is to be established within {unit}.",
            "Staff in {borough} were consulted on a draft of the revised policy.",
        ),
    ),
    IssueTemplate(
        "career-development", ("career-management", "promotion"), "Career development",
        (
            "establish a career development service in {unit} that advises {group} on progression {period}, opening first in {borough} and reporting through {measure}",
            "set up a career advice service within {unit} for {group} seeking progression {period}, beginning in {borough}, with take-up shown in {measure}",
            "create a career development unit in {unit} to guide {group} towards progression {period}, starting in {borough} and reporting in {measure}",
        ),
        "{group} have no source of advice on their careers since tenure was abandoned",
        (
            "A career development adviser has been appointed for {group} in {unit}.",
            "Career surgeries were held in {borough} and were well attended.",
            "Take-up of career advice is reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "bme-recruitment", ("recruitment", "diversity-and-equality"), "Recruitment challenge",
        (
            "increase the recruitment of visible ethnic minority {group} through targeted campaigns in {borough}, with {unit} reporting progress against targets in {measure}",
            "raise the number of visible ethnic minority {group} recruited, running targeted campaigns in {borough} and having {unit} report against targets in {measure}",
            "improve visible ethnic minority recruitment to {group} through targeted campaigning in {borough}, with {unit} accountable for the targets through {measure}",
        ),
        "the MPS is not meeting its targets for the recruitment of ethnic minority {group}",
        (
            "During the year the proportion of visible ethnic minority {group} recruited rose, with a strong response to events in {borough}.",
            "The Positive Action Team continues to run initiatives to increase visible ethnic minority recruitment.",
            "Performance against recruitment targets is monitored by {unit} through {measure}.",
        ),
    ),
    IssueTemplate(
        "positive-action", ("recruitment", "diversity-and-equality"), "Positive action",
        (
            "extend positive action recruitment events for {group} to {borough}, with {unit} taking ownership of them {period} and reporting through {measure}",
            "hold positive action recruitment events for {group} in {borough}, owned by {unit} {period}, with attendance and results shown in {measure}",
            "carry positive action recruitment for {group} into {borough}, making {unit} responsible {period} and reporting in {measure}",
        ),
        "positive action work for {group} is driven centrally and has little ownership locally",
        (
            "Positive action open days for {group} have been held in {borough}.",
            "Ownership of positive action initiatives is being devolved to {unit}.",
            "Recruitment information packs are available at the front counter of every police station.",
        ),
    ),
    IssueTemplate(
        "recruitment-data", ("recruitment", "personnel-data"), "Personnel data",
        (
            "correct the ethnic monitoring data for {group} held on {system} before the next Home Office return, with {unit} checking the records for {borough}",
            "cleanse the ethnicity records of {group} on {system} ahead of the next Home Office return, {unit} checking those for {borough} first",
            "make the ethnic monitoring records of {group} on {system} accurate before the next Home Office return, with {unit} verifying the {borough} records",
        ),
        "inaccuracies in the data submitted to the Home Office on {group} from ethnic minorities make the shortfall hard to measure",
        (
            "All phases of the {system} rollout incorporate a data cleansing stage designed to correct data inaccuracies.",
            "Records for {group} in {borough} have been checked against source documents.",
            "The data submitted to the Home Office is now reconciled by {unit} before it is sent.",
        ),
        HR_SYSTEMS,
    ),
    IssueTemplate(
        "personnel-warehouse", ("personnel-data",), "Personnel data",
        (
            "establish a single source of personnel data for {group} on {system}, cleansing the records held by {unit} {period} and beginning with {borough}",
            "bring the personnel records of {group} together in {system} as the single source, with {unit} cleansing its data {period} and {borough} first",
            "make {system} the one store of personnel data for {group}, cleansing the records kept by {unit} {period}, starting in {borough}",
        ),
        "there is no central personnel data warehouse and records of {group} are inaccurate",
        (
            "The first part of the {system} rollout began in {borough}, followed by a phased rollout across the boroughs.",
            "Devolved HR will commence with a beacon site in {borough}.",
            "The delivery of the personnel records of {group} will be through {system}.",
        ),
        HR_SYSTEMS,
    ),
    IssueTemplate(
        "hr-system-specification", ("personnel-data", "hr-function"), "HR information system",
        (
            "specify the records of {group} required from {system} so that {unit} can rely on them {period}, testing the specification in {borough}",
            "set out which records of {group} {system} must hold so that {unit} can depend on it {period}, with a trial of the specification in {borough}",
            "define the data on {group} to be delivered by {system} so that {unit} can use it {period}, proving the definition in {borough}",
        ),
        "{unit} cannot rely on the data it holds on {group}",
        (
            "The main delivery of {system} has been rescheduled to allow further functional prototyping before user acceptance testing.",
            "The requirement for records of {group} has been passed to the {system} team.",
            "A data quality group in {unit} meets monthly to review the specification.",
        ),
        HR_SYSTEMS,
    ),
    IssueTemplate(
        "mentoring-scheme", ("mentoring", "diversity-and-equality"), "Mentoring",
        (
            "introduce a structured mentoring scheme for {group} in {unit}, overseen locally in {borough} {period} and evaluated through {measure}",
            "set up a formal mentoring scheme for {group} in {unit} with local oversight in {borough} {period}, evaluating it in {measure}",
            "run a structured mentoring programme for {group} across {unit}, supervised in {borough} {period}, with an evaluation in {measure}",
        ),
        "mentoring of {group} is informal and its benefits are not measured",
        (
            "A mentoring scheme for {group} has been launched in {unit}.",
            "Mentors in {borough} have been trained and matched with mentees.",
            "The scheme is evaluated through {measure}.",
        ),
    ),
    IssueTemplate(
        "mentoring-signoff", ("mentoring", "career-management"), "Mentoring and development plans",
        (
            "ensure that the career development plans of {group} in mentoring schemes are agreed and signed off by line managers in {unit} {period}, beginning in {borough}",
            "have line managers in {unit} agree and sign off the development plans of {group} who are mentored {period}, starting in {borough}",
            "make line managers in {unit} jointly sign off the development plans agreed with mentored {group} {period}, first in {borough}",
        ),
        "the development plans of mentored {group} are not known to their line managers",
        (
            "The support and development programme for {group} was set up with networks distinct from boroughs.",
            "Responsibility for this work rests with {unit} at a corporate level and will be devolved to boroughs such as {borough}.",
            "Some {group} did not want their line managers to know of their participation.",
        ),
    ),
    IssueTemplate(
        "retention-30plus", ("retention",), "Retention of experience",
        (
            "use the 30+ scheme to retain experienced {group} in {unit} past their normal retirement point, beginning in {borough} and reporting take-up in {measure}",
            "keep experienced {group} in {unit} beyond their normal retirement point through the 30+ scheme, starting in {borough}, with take-up shown in {measure}",
            "apply the 30+ retention scheme to experienced {group} in {unit} who reach retirement, first in {borough}, reporting numbers through {measure}",
        ),
        "{unit} is losing experienced {group} at their normal retirement point",
        (
            "The MPS is taking part in the third phase of the 30+ scheme to retain the skills of experienced {group}.",
            "Applications under the 30+ scheme from {unit} are considered monthly.",
            "Take-up of the scheme is reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "retention-bank", ("retention", "civilianisation"), "People bank",
        (
            "build a bank of retired officers and police staff to fill vacancies for {group} in {unit} {period}, piloting it in {borough} and reporting through {measure}",
            "create a people bank of retired officers and police staff to cover {group} vacancies in {unit} {period}, with a pilot in {borough} and results in {measure}",
            "set up a register of retired officers and police staff to fill {group} posts in {unit} {period}, trialled in {borough} and reported in {measure}",
        ),
        "vacancies for {group} in {unit} remain unfilled while experienced people retire",
        (
            "A framework agreement is in place with companies who provide retired police officers.",
            "The People Bank of retired officers and police staff now holds names for {borough}.",
            "Use of the bank by {unit} is reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "exit-interviews", ("retention", "disproportionality"), "Exit interviews",
        (
            "review the exit interview process for {group} leaving {unit}, reporting the reasons for leaving through {measure} and piloting changes in {borough}",
            "improve the exit interviews held with {group} who leave {unit}, with the reasons and findings reported in {measure} and a pilot in {borough}",
            "reform the process by which {unit} interviews {group} who resign, setting out the reasons in {measure} after a pilot in {borough}",
        ),
        "the reasons why {group} leave {unit} early are not analysed",
        (
            "A review of the exit process for {group} will check that it identifies relevant issues.",
            "Response rates to the exit survey in {borough} remain low.",
            "Reasons for leaving are analysed by {unit} and reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "civilianisation-posts", ("civilianisation",), "Civilianisation",
        (
            "identify posts in {unit} held by police officers that could be filled by {group} {period}, starting with {borough} and reporting through {measure}",
            "find the posts in {unit} where police officers could be replaced by {group} {period}, beginning with {borough} and reporting in {measure}",
            "list the officer posts in {unit} suitable for {group} {period}, with {borough} examined first and the list reported through {measure}",
        ),
        "police officers in {unit} are doing work that {group} could do",
        (
            "The MPS is striving to maximise civilianisation through an appropriate mix of police and {group}.",
            "A review of posts in {unit} has identified roles suitable for civilianisation.",
            "A pilot in {borough} has released officers to frontline duties.",
        ),
    ),
    IssueTemplate(
        "workforce-mix", ("civilianisation", "personnel-data"), "Workforce mix",
        (
            "monitor the allocation of {group} across activity categories in {unit} using {system} {period}, with {borough} as the pilot",
            "track how {group} in {unit} are allocated across activity categories through {system} {period}, piloting the categories in {borough}",
            "measure the deployment of {group} across activity categories in {unit} with {system} {period}, beginning in {borough}",
        ),
        "the MPS cannot show how {group} are deployed across its activities",
        (
            "A facility in {system} will monitor the allocation of all personnel across a range of activity categories.",
            "Definitions of the activity categories are being agreed with {unit}.",
            "The categories were tested in {borough}.",
        ),
        HR_SYSTEMS,
    ),
    IssueTemplate(
        "disproportionality-research", ("disproportionality",), "Disproportionality",
        (
            "commission independent research into disproportionality affecting {group} in {unit}, publishing the findings through {measure} and starting fieldwork in {borough}",
            "have independent researchers examine disproportionality in the treatment of {group} in {unit}, with the findings in {measure} and fieldwork in {borough}",
            "sponsor independent research on disproportionality experienced by {group} in {unit}, reporting through {measure} after fieldwork in {borough}",
        ),
        "the contentious issue of disproportionality affecting {group} has not been examined independently",
        (
            "Working groups have developed a mechanism to identify and monitor disproportionality at borough level.",
            "Fieldwork in {borough} is finished and a draft report is with {unit}.",
            "Findings will be reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "stop-and-search", ("disproportionality", "stop-and-search"), "Stop and search",
        (
            "monitor stop and search by {group} in {borough} for disproportionality and publish the results through {measure}, with {unit} holding supervisors to account",
            "check stop and search records of {group} in {borough} for disproportionality, publishing the results in {measure} and having {unit} hold supervisors to account",
            "analyse the stop and search activity of {group} in {borough} for disproportionality, with results in {measure} and {unit} holding supervisors accountable",
        ),
        "stop and search by {group} falls disproportionately on minority communities in {borough}",
        (
            "A guidance document on stop and search sets minimum standards for all {group}.",
            "The number of searches conducted is not a personal performance indicator.",
            "Search data for {borough} is reviewed monthly by {unit}.",
        ),
    ),
    IssueTemplate(
        "fairness-checks", ("disproportionality", "diversity-and-equality"), "Fairness Health Checks",
        (
            "extend Fairness Health Checks to the treatment of {group} in {unit} {period}, starting in {borough} and reporting through {measure}",
            "apply Fairness Health Checks to how {unit} treats {group} {period}, beginning in {borough}, with results in {measure}",
            "carry out Fairness Health Checks on decisions affecting {group} in {unit} {period}, first in {borough} and reported through {measure}",
        ),
        "decisions affecting {group} in {unit} are not checked for fairness",
        (
            "Fairness Health Checks have been carried out for {group} in {borough}.",
            "A formula to measure proportionality is being applied to the core policing topics.",
            "Results of the checks are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "crr-training-records", ("diversity-training", "personnel-data"), "Training records",
        (
            "record the community and race relations training of {group} in {unit} on {system} {period}, starting with {borough}",
            "keep the records of community and race relations training received by {group} in {unit} on {system} {period}, starting with {borough}",
            "keep a single record on {system} of the community and race relations training given to {group} in {unit} {period}, beginning in {borough}",
        ),
        "there is no single record of the community and race relations training received by {group}",
        (
            "Attendance records are compiled weekly by the Diversity Training School, including a rolling count of staff trained by borough.",
            "In due course, this information will be collated centrally on {system}.",
            "Records for {group} in {borough} have been loaded as a trial.",
        ),
        HR_SYSTEMS,
    ),
    IssueTemplate(
        "crr-evaluation", ("diversity-training", "training"), "Evaluation of diversity training",
        (
            "evaluate the effectiveness of community and race relations training delivered to {group} in {unit}, reporting through {measure} and including community views from {borough}",
            "measure how effective the community and race relations training of {group} in {unit} has been, with results in {measure} and views sought in {borough}",
            "assess the impact of community and race relations training on {group} in {unit}, reporting in {measure} and consulting communities in {borough}",
        ),
        "the effect of community and race relations training on {group} is not measured",
        (
            "An evaluation strategy developed by the Quality Assurance Unit is now in place.",
            "Preliminary results for {group} will be reported through {measure}.",
            "Community views were gathered in {borough}.",
        ),
    ),
    IssueTemplate(
        "crr-trainers", ("diversity-training", "training"), "Diversity trainers",
        (
            "review the courses for trainers who deliver diversity training to {group} in {unit}, so that a common minimum standard applies {period}, observing delivery in {borough}",
            "check that the trainers delivering diversity training to {group} in {unit} meet a common minimum standard {period}, starting with sessions in {borough}",
            "improve the courses of diversity trainers working with {group} in {unit} to reach a common minimum standard {period}, starting with sessions in {borough}",
        ),
        "diversity training for {group} in {unit} is delivered to no common standard",
        (
            "A comprehensive three-week course for diversity trainers incorporates the occupational standards.",
            "Sessions for {group} in {borough} were observed by assessors.",
            "The performance of trainers in {unit} will be monitored.",
        ),
    ),
    IssueTemplate(
        "recommendation-tracking", ("governance-and-oversight",), "Monitoring of recommendations",
        (
            "track the implementation of inspection and audit recommendations owned by {unit} and report progress through {measure}, with a named lead in {borough}",
            "follow up every inspection and audit recommendation owned by {unit}, reporting progress in {measure} and naming a lead in {borough}",
            "keep a register of the inspection and audit recommendations owned by {unit}, with progress reported through {measure} and a lead named in {borough}",
        ),
        "recommendations owned by {unit} are not followed up and progress is not reported",
        (
            "A register of recommendations owned by {unit} is maintained and reviewed monthly.",
            "Progress is reported through {measure}.",
            "A liaison officer has been appointed in {borough} to chase implementation.",
        ),
    ),
    IssueTemplate(
        "inspection-costing", ("governance-and-oversight", "best-value"), "Costing of inspections",
        (
            "develop corporate guidance on the costing of inspections carried out by {unit} {period}, testing it in {borough} and reporting costs through {measure}",
            "produce guidance for {unit} on how inspections are costed {period}, with a trial in {borough} and costs reported in {measure}",
            "agree a method for costing the inspections that {unit} undertakes {period}, proving it in {borough} and reporting through {measure}",
        ),
        "the cost of inspections carried out by {unit} is not known",
        (
            "A system of activity analysis for inspection staff in {unit} has been introduced.",
            "Costing information is now included in inspection reports.",
            "An activity based costing method was tested in {borough}.",
        ),
    ),
    IssueTemplate(
        "grievance-procedure", ("grievances",), "Grievance procedure",
        (
            "review the grievance procedure for {group} in {unit} to make it more effective and user-friendly {period}, reporting outcomes through {measure}",
            "make the grievance procedure used by {group} in {unit} simpler and more effective {period}, with outcomes reported in {measure}",
            "reform the grievance procedure available to {group} in {unit} so that it is effective and easy to use {period}, reporting through {measure}",
        ),
        "{group} in {unit} have little confidence in the grievance procedure",
        (
            "The review of the grievance procedure is led on behalf of the Deputy Commissioner.",
            "Proposals for {group} have been discussed with the Director of HR.",
            "Grievance outcomes are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "tribunal-lessons", ("grievances", "diversity-and-equality"), "Employment tribunals",
        (
            "ensure that lessons from employment tribunals involving {group} are learnt in {unit} and reported through {measure}, starting with cases from {borough}",
            "make sure {unit} learns from employment tribunals brought by {group}, reporting the lessons in {measure} and beginning with {borough} cases",
            "capture the lessons of employment tribunals involving {group} within {unit}, reporting them through {measure} and starting with {borough}",
        ),
        "lessons from employment tribunals involving {group} are not applied",
        (
            "Employment tribunal case managers capture learning points for {unit}.",
            "Lessons from misconduct hearings involving {group} are now included.",
            "Learning is reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "promotion-assessment", ("promotion",), "Promotion processes",
        (
            "run promotion processes for {group} in {unit} through an independent assessment centre with external assessors {period}, reporting success rates in {measure}",
            "set up an assessment centre with independent assessors for the promotion of {group} in {unit} {period}, with success rates in {measure}",
            "select {group} in {unit} for promotion at an assessment centre using independent assessors {period}, with success rates reported through {measure}",
        ),
        "promotion of {group} in {unit} lacks transparency",
        (
            "The selection process for {group} was held over four days and was well received by Management Board.",
            "External assessors sat on every panel for {unit}.",
            "Success rates by ethnicity and gender are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "promotion-veto", ("promotion", "diversity-and-equality"), "Promotion veto",
        (
            "remove the right of line managers in {unit} to veto {group} applying for promotion or transfer {period}, checking results in {borough} and reporting through {measure}",
            "end the power of line managers in {unit} to veto applications by {group} for promotion or transfer {period}, with results checked in {borough} and reported in {measure}",
            "end the line manager veto over {group} in {unit} applying for promotion or transfer {period}, checking outcomes in {borough} and reporting through {measure}",
        ),
        "line managers in {unit} can prevent {group} from applying for promotion",
        (
            "There is no veto whereby candidates are prevented from submitting applications.",
            "Results of selection exercises in {borough} are checked for any informal veto.",
            "Outcomes are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "temporary-promotion", ("promotion",), "Temporary promotions",
        (
            "manage temporary and acting promotions of {group} in {unit} centrally {period}, reporting the numbers in {measure} and starting with {borough}",
            "control temporary and acting promotions of {group} in {unit} from the centre {period}, with numbers in {measure}, starting with {borough}",
            "bring temporary and acting promotions of {group} in {unit} under central management {period}, reporting through {measure}, beginning with {borough}",
        ),
        "temporary promotions of {group} in {unit} are numerous and unmanaged",
        (
            "Any business group wishing to use a temporary promotion must submit a business case.",
            "Temporary promotions of {group} in {unit} have reduced significantly.",
            "Numbers are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "analyst-shortage", ("intelligence", "recruitment"), "Analysts",
        (
            "identify the shortage of skilled analysts in {unit} and develop an action plan to recruit and retain them {period}, starting in {borough} and reporting through {measure}",
            "measure the shortfall of skilled analysts in {unit} and plan their recruitment and retention {period}, beginning in {borough}, with progress in {measure}",
            "assess how many skilled analysts {unit} lacks and act to recruit and keep them {period}, first in {borough} and reporting through {measure}",
        ),
        "vacancies for skilled analysts in {unit} are high",
        (
            "Analytical capacity in {unit} has improved with further analysts in post.",
            "Analysts in {borough} now prepare daily crime packages.",
            "The suspension on civil staff recruitment has been lifted for analyst posts.",
        ),
    ),
    IssueTemplate(
        "analyst-reward", ("intelligence", "reward-and-pay"), "Reward for analysts",
        (
            "explore local reward mechanisms to retain analysts in {unit} {period}, piloting a bonus in {borough} and reporting through {measure}",
            "develop local rewards that keep analysts in {unit} {period}, with a bonus piloted in {borough} and results in {measure}",
            "consider local reward schemes for analysts in {unit} {period}, trialling a bonus in {borough} and reporting through {measure}",
        ),
        "analysts in {unit} leave for better paid posts elsewhere",
        (
            "Local reward mechanisms already exist in {unit}.",
            "A special bonus for analysts in {borough} is being considered.",
            "Turnover of analysts is reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "vetting-policy", ("vetting", "diversity-and-equality"), "Vetting",
        (
            "review vetting policy and practice for {group} joining {unit} so that it is fair and understood {period}, dip-sampling cases from {borough}",
            "make the vetting of {group} joining {unit} fair, transparent and understood {period}, with cases from {borough} dip-sampled",
            "revise vetting practice for {group} entering {unit} to be fair and clearly explained {period}, dip-sampling decisions in {borough}",
        ),
        "vetting decisions on {group} are not understood and may be unfair",
        (
            "A single Vetting Unit now conducts all vetting checks.",
            "Two per cent of cases from {borough} are dip-sampled to check the quality of decisions.",
            "An equality impact assessment of vetting for {group} has been undertaken.",
        ),
    ),
    IssueTemplate(
        "consultation-feedback", ("consultation",), "Consultation",
        (
            "feed the results of consultation in {borough} into the strategic planning of {unit} {period}, reporting how views were used through {measure}",
            "use what residents of {borough} say in consultation to shape the plans of {unit} {period}, showing how in {measure}",
            "make consultation findings from {borough} inform the strategic planning of {unit} {period}, with their use reported in {measure}",
        ),
        "consultation in {borough} does not inform the planning of {unit}",
        (
            "A consultation timetable aligned to the planning cycle has been drafted with {unit}.",
            "A workshop was held in {borough} with community representatives.",
            "Use of consultation findings is reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "hr-function", ("hr-function",), "HR function",
        (
            "strengthen the HR support given to {group} in {unit} {period}, placing a senior personnel manager in {borough} and reporting through {measure}",
            "improve the HR service to {group} in {unit} {period}, with a senior personnel manager based in {borough} and results in {measure}",
            "reform the HR support available to {group} in {unit} {period}, appointing a senior personnel manager for {borough} and reporting in {measure}",
        ),
        "the HR function supporting {group} in {unit} has many weaknesses",
        (
            "Account managers now assist personnel managers in {unit} with HR issues.",
            "A senior personnel manager has been appointed in {borough}.",
            "Service levels are reported through {measure}.",
        ),
    ),
    IssueTemplate(
        "performance-measures", ("performance-management",), "Performance measures",
        (
            "put in place SMART performance measures for {unit} held on {system} {period}, starting in {borough} and reported through {measure}",
            "set SMART performance measures and targets for {unit} using {system} {period}, with a pilot in {borough} and reporting in {measure}",
            "agree SMART measures of the performance of {unit}, recorded on {system} {period}, first in {borough} and reported through {measure}",
        ),
        "{unit} has no measures of its performance",
        (
            "A project was set up to enhance the {system} service ahead of the planning year.",
            "Business groups including {unit} are developing indicators to monitor their plans.",
            "Measures for {borough} were tested in the first quarter.",
        ),
        ("MetStats",),
    ),
    IssueTemplate(
        "deployment-briefing", ("operational-support",), "Briefing",
        (
            "brief {group} in {borough} on planned deployments of {unit} through {system} {period}, reporting use through {measure}",
            "tell {group} in {borough} about planned deployments of {unit} by means of {system} {period}, with use reported in {measure}",
            "share the planned deployments of {unit} with {group} in {borough} on {system} {period}, reporting use through {measure}",
        ),
        "{group} in {borough} are not told when {unit} is deployed in their area",
        (
            "The intranet briefing system, {system}, is now being tested in {borough}.",
            "Service level briefings include the planned deployments of {unit}.",
            "Use of the briefings is reported through {measure}.",
        ),
        ("METBATS",),
    ),
    IssueTemplate(
        "custody-records", ("investigation",), "Custody records",
        (
            "reconcile custody records with {system} records of disposals in {borough} {period}, with {unit} checking the results through {measure}",
            "match custody records against the {system} record of disposals in {borough} {period}, {unit} checking the results in {measure}",
            "bring custody records and the {system} record of case disposals in {borough} into line {period}, with {unit} reporting through {measure}",
        ),
        "custody records and records of disposals in {borough} do not agree",
        (
            "The custody package, sponsored nationally, will provide the capability within one corporate system, {system}.",
            "{Unit} has carried out a reconciliation exercise in {borough}.",
            "Results are reported through {measure}.",
        ),
        ("CRIS", "NSPIS"),
    ),
)
