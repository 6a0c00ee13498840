site-name = Malaysia–China STI Cooperation
site-tagline = Science, technology and innovation: the public record
skip-to-content = Skip to content
search-landmark = Site
search-label = Search the record
search-button = Search
search-title = Search
search-title-for = Search: { $query }
search-intro = Search every agreement, meeting, visit, MoU, organisation, person, focus area and press statement.
language-switcher = Language
nav-landmark = Main
breadcrumb-landmark = Breadcrumb
nav-home = Home
nav-statements = Statements
nav-agreements = Agreements
nav-meetings = Meetings
nav-delegations = Delegations
nav-mous = MoUs
nav-organisations = Organisations
nav-people = People
nav-areas = Focus areas
formats-landmark = Other formats
formats-heading = This page as data
footer-about = The authoritative record of science, technology and innovation cooperation between Malaysia and China under the 2013 STI Cooperation Agreement.
footer-statements = Press statements
footer-open-data = Open data and API
footer-status = Service status
footer-staff = Staff
alt-csv = Download CSV
alt-atom = Atom feed
alt-statements-feed = Atom feed of press statements
alt-record-feed = Atom feed of its press statements

home-description = Agreements, meetings, delegations, MoUs and press statements of the Malaysia–China science, technology and innovation cooperation.
home-heading = Malaysia–China cooperation in science, technology and innovation
home-lede = The public record of the cooperation under the 2013 STI Cooperation Agreement: every agreement, joint committee meeting, ministerial visit, memorandum of understanding and press statement, linked to the organisations, people and focus areas involved.
home-agreements = { $count ->
    [one] agreement
   *[other] agreements
}
home-mous = { $count ->
    [one] MoU
   *[other] MoUs
}
home-delegations = { $count ->
    [one] delegation
   *[other] delegations
}
home-organisations = { $count ->
    [one] organisation
   *[other] organisations
}
home-latest = Latest press statements
home-latest-none = No statement has been published yet.
home-all-statements = All press statements
home-upcoming = Upcoming visits
home-upcoming-none = No visit is scheduled at the moment.
home-recent = Recent meetings and visits
records-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}

statements-title = Press statements
statements-intro = Press statements on the cooperation, newest first. Each links to the records it is about.
agreements-title = Agreements
agreements-intro = Government-to-government agreements that frame the cooperation, with their status over time.
meetings-title = Meetings
meetings-intro = Sessions of the joint committees and groups set up under the agreements.
delegations-title = Delegations
delegations-intro = Ministerial and official visits between the two countries, with their itineraries.
mous-title = Memoranda of understanding
mous-intro = Memoranda of understanding signed between universities, agencies and companies of the two countries.
organisations-title = Organisations
organisations-intro = Ministries, agencies, universities, research institutes and companies taking part in the cooperation.
people-title = People
people-intro = Ministers, officials and others who chair, sign, lead and witness.
areas-title = Focus areas
areas-intro = The fields of science and technology the cooperation works in.
timeline-title = Timeline
timeline-intro = Every dated event of the cooperation in order: signings, meetings, visits, MoUs and press statements.
stats-title = Statistics
stats-intro = The cooperation in numbers: MoUs by year and by focus area, organisations by country and kind, and activity over time.
open-data-title = Open data
open-data-intro = Feeds, a calendar, a JSON API and CSV files of every public record.

filter-heading = Filter
filter-form-label = Filter: { $list }
filter-any = Any
filter-apply = Apply filters
filter-clear = Clear all
filter-area = Focus area
filter-organisation = Organisation
filter-organisation-typed = Organisation (its short address, such as mimos)
filter-country = Country
filter-kind = Kind
filter-status = Status
filter-year = Year
filter-person = Person
filter-agreement = Agreement
results-heading = Results
empty-filtered = Nothing matches these filters.
empty-see-everything = Remove a filter, or see everything.
empty-none = There is nothing here yet.
empty-none-note = Records appear here as soon as they are published.
pager-landmark = Pages
pager-previous = Previous
pager-next = Next
pager-summary = Showing { $first }–{ $last } of { $total }
pager-past-end = No results on page { $page } of { $total } results

label-parties = Parties
label-signed = Signed
signing-date-unknown = Date of signing not recorded
date-unknown = Date not recorded
led-by = Led by
see-all-count = See all ({ $count })
status-history = Status history
status-history-none = No status has been recorded.
documents = Documents
documents-none = No signed document has been published for this record.
statements-about-none = No press statement mentions this record yet.

status-proposed = Proposed
status-signed = Signed
status-in_force = In force
status-expired = Expired
status-renewed = Renewed
status-terminated = Terminated
status-draft = Draft
status-submitted = Submitted
status-scheduled = Scheduled
status-published = Published
status-withdrawn = Withdrawn
kind-ministry = Ministry
kind-agency = Agency
kind-university = University
kind-research_institute = Research institute
kind-company = Company
kind-other = Other

record-kind-statement = Press statement
record-kind-agreement = Agreement
record-kind-meeting = Meeting
record-kind-delegation = Delegation
record-kind-mou = MoU
record-kind-organisation = Organisation
record-kind-person = Person
record-kind-area = Focus area
record-kinds-statement = Press statements
record-kinds-agreement = Agreements
record-kinds-meeting = Meetings
record-kinds-delegation = Delegations
record-kinds-mou = MoUs
record-kinds-organisation = Organisations
record-kinds-person = People
record-kinds-area = Focus areas

language-en = English
language-ms = Malay
language-zh = Chinese
role-writer = Writer
role-editor = Editor
role-admin = Admin

# Between the items of a list of names: "MIMOS, CETC".
list-separator = ,{" "}
# Between a name and what is said of it: "Chang Lih Kang, Minister".
detail-separator = ,{" "}
not-recorded = Not recorded
file-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
file-size-kb = { $size } KB
file-size-mb = { $size } MB

error-not-found = Page not found
error-not-found-message = There is no page at this address. It may have moved, or the link may be mistyped.
error-bad-request = This request cannot be answered
# A value in an address or form that cannot be used: its name there ("year") and why.
error-bad-value = The value given for “{ $field }” { $reason }.
error-unreadable = The address or form could not be read.
error-forbidden = Not allowed
error-forbidden-message = Your account may not do this, or the form was out of date or sent from another site. Go back, reload the page and try again.
error-too-large = Too large
error-too-large-message = What was sent is larger than the portal accepts.
error-too-many = Too many attempts
error-too-many-message = There have been too many login attempts. Please wait { $seconds } seconds and try again.
error-busy = The portal is busy
error-busy-message = Many searches are waiting to be answered. Please wait { $seconds } seconds and try again.
error-unexpected = Something went wrong
error-unexpected-message = The portal could not show this page. Please try again in a moment.
error-reference = Reference:
error-reference-note = (quote it if you report this page).
error-home = Go to the home page
