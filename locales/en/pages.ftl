## The record pages, search, the timeline, statistics and open data.

key-facts = Key facts
heading-summary = Summary
heading-purpose = Purpose
heading-outcomes = Outcomes
heading-itinerary = Itinerary
fact-status = Status
fact-signed = Signed
fact-signed-at = Signed at
fact-place = Place
fact-parties = Parties
fact-signatories = Signatories
fact-areas = Focus areas
fact-date = Date
fact-dates = Dates
fact-session = Session
fact-session-number = No. { $number }
fact-under = Under
fact-during = During
fact-co-chairs = Co-chairs
fact-organisations = Organisations
fact-from = From
fact-host = Host
fact-led-by = Led by
fact-members = Members
fact-valid-until = Valid until
fact-witnessed-by = Witnessed by
fact-renews = Renews
fact-renewed-by = Renewed by
fact-short-name = Short name
fact-country = Country
fact-kind = Kind
fact-website = Website
fact-people = People

agreement-meetings = Meetings under this agreement
agreement-meetings-none = No meeting has been recorded under this agreement.
meeting-mous = MoUs signed at this meeting
meeting-mous-none = No MoU was recorded as signed at this meeting.
itinerary-none = No itinerary has been recorded.
itinerary-event = Event:
itinerary-meeting = Meeting:
itinerary-signed-here = Signed here:
itinerary-order = Stops are listed in the order the record gives them.
mou-eyebrow = Memorandum of understanding
organisation-mous-none = This organisation is not a party to any recorded MoU.
organisation-visits = Delegation visits
organisation-visits-none = No recorded delegation visited this organisation.
organisation-meetings-none = This organisation took part in no recorded meeting.
organisation-statements-none = No press statement mentions this organisation yet.
# A post someone holds at an organisation, after their name.
post-from-aside = (from { $since })
post-from-to-aside = (from { $since } to { $until })
person-meetings = Meetings co-chaired
person-meetings-none = No recorded meeting.
person-delegations = Delegations led or joined
person-delegations-none = No recorded delegation.
person-mous = MoUs witnessed
person-mous-none = No recorded MoU.
person-agreements = Agreements signed
person-statements-none = No press statement mentions this person yet.
person-posts = Posts
person-posts-none = No post recorded.
post-from = From { $since }
post-from-to = From { $since } to { $until }
person-more-from = More people from { $country }
area-mous-none = No MoU in this area yet.
area-meetings-none = No meeting in this area yet.
area-delegations-none = No delegation in this area yet.
area-agreements-none = No agreement is filed under this area.
area-organisations = Organisations with MoUs in this area
area-organisations-none = None yet.
area-statements-none = No press statement in this area yet.
areas-lede = The fields of science and technology the cooperation works in. Each area gathers its agreements, meetings, delegations, MoUs, organisations and statements.
areas-none = No focus area has been recorded yet.

statement-published = Published
statement-withdrawn = This statement has been withdrawn
statement-versions = Versions
statement-version = Version { $number }
statement-about = What this statement is about
statement-about-none = No records are linked to this statement.
revision-title = { $title } (version { $number })
revision-notice = This is version { $number } as it was published.
revision-notice-with-note = This is version { $number } as it was published ({ $note }).
revision-current = Read the current version

search-lede = Every agreement, meeting, visit, MoU, organisation, person, focus area and press statement, in English, Malay or Chinese.
search-words = Words to look for
search-type = Type
search-all = All
search-results-for = Results for “{ $query }”
search-by-type = Results by type
search-nothing = Nothing matches “{ $query }”.
search-nothing-filtered = Nothing matches “{ $query }” with these filters.
search-everything = Search everything for “{ $query }”
search-everything-note = , without the type and filters.
search-alone = Search for “{ $term }” alone
search-alone-count = { $count ->
    [one] ({ $count } result)
   *[other] ({ $count } results)
}
search-tip-spelling = Check the spelling, or try fewer or more general words: every word must appear in a record for it to be found.
search-tip-names = Names of organisations work in full or short form, such as “MIMOS”; Chinese words can be searched as they are written.
search-tip-browse = Or browse:

timeline-lede = Every dated event of the cooperation, oldest first: agreements signed and brought into force, meetings, visits, MoUs signed and press statements. Events whose date is not recorded are not shown.
timeline-by-area = Timeline by focus area
timeline-all-areas = All areas
timeline-by-year = Timeline by year
timeline-all-years = All years
timeline-year-events = { $year }, { $count ->
    [one] one event
   *[other] { $count } events
}
timeline-none = No dated event has been recorded yet.
timeline-none-filtered = No dated event matches this filter.
timeline-see-all = See the whole timeline
timeline-event-meeting = Meeting held
timeline-event-delegation = Visit
timeline-event-mou = MoU signed
timeline-event-statement = Press statement
timeline-event-agreement = Agreement
timeline-event-organisation = Organisation
timeline-event-person = Person
timeline-event-area = Focus area

stats-lede = The cooperation in numbers, counted from the records on this site. Each chart is followed by a table of the same numbers.
stats-chart-description = A bar chart; the table beside it gives the same numbers.
stats-none = Nothing has been recorded yet.
stats-count = Count
stats-year = Year
stats-visits = Visits
stats-all = All
stats-mous-by-year = MoUs signed by year
stats-mous-by-area = MoUs by focus area
stats-organisations-by-country = Organisations by country
stats-organisations-by-kind = Organisations by kind
stats-activity = Activity by year
stats-activity-heading = Activity over time
stats-activity-note = Dated events each year: agreements signed, meetings held, visits begun, MoUs signed and press statements published.

open-data-lede = Everything public on this site can be read by programs as well as people, free to reuse. Nothing here shows drafts or anything else that is not published.
open-data-feeds = Feeds and calendar
open-data-feed-note = ; each focus area and organisation page links its own feed.
open-data-calendar = Calendar of events
open-data-calendar-note = {" "}(iCalendar): meetings, visits and the days MoUs expire.
open-data-sitemap = Sitemap
open-data-sitemap-note = {" "}of every public page.
open-data-api = JSON API and CSV
open-data-filters = Each collection takes the same filters as its list page, and in JSON a page number:
open-data-openapi = The API is described in OpenAPI 3:
open-data-collection = Collection
