## Forms: the label of every field (`field-<name>`, which messages about the field use too),
## hints, and why a value was refused (`invalid-…`, words that follow the field's label).

# A refused value, beside its field and in the list above the form.
form-error = { $field } { $reason }.
form-error-prefix = Error:
form-errors-heading = { $count ->
    [one] Please correct this problem
   *[other] Please correct these { $count } problems
}

field-title = Title
field-name = Name
field-description = Description
field-short_name = Short name
field-country = Country
field-kind = Kind
field-website = Website
field-summary = Summary
field-place = Place
field-date = Date
field-from = From
field-to = To
field-position = Position
field-organisation = Organisation
field-meeting = Meeting
field-event = Event
field-stop = Stop
field-appointments = Appointments
field-appointment_title = Appointment titles
field-appointment_organisation = Appointment organisations
field-appointment_from = Appointments from
field-appointment_to = Appointments to
field-signed_on = Signed on
field-signed_at = Signed at
field-parties = Parties
field-signatories = Signatories
field-areas = Focus areas
field-new_status = New status event
field-new_status_on = Date of the new event
field-new_status_note = Note on the new event
field-joint_body = Joint body
field-ordinal = Ordinal
field-agreement = Agreement
field-held_on = Held on
field-outcomes = Outcomes
field-co_chairs = Co-chairs
field-organisations = Organisations
field-leader = Leader
field-from_country = From country
field-host_country = Host country
field-starts_on = Starts on
field-ends_on = Ends on
field-purpose = Purpose
field-members = Members
field-itinerary = Itinerary
field-stop_position = Stop positions
field-stop_title = Stop titles
field-stop_on = Stop dates
field-stop_place = Stop places
field-stop_organisation = Stop organisations
field-stop_meeting = Stop meetings
field-stop_event = Stop events
field-stop_summary = Stop summaries
field-witnesses = Witnesses
field-valid_until = Valid until
field-renews = Renews
field-dateline = Dateline
field-language = Language
field-body = Text (Markdown)
field-related = Records this statement is about
field-change_note = Change note
field-publish_at = Publish at (UTC)
field-withdrawn_reason = Public reason
field-action = Action
field-form_token = Form token
field-username = Username
field-display_name = Name
field-role = Role
field-password = Password
field-change = Change
field-document_title = Document title
field-document_file = PDF file

choose-country = Choose a country
choose-kind = Choose a kind
choose-no-new-event = No new event

hint-statement-summary = One or two sentences shown in lists and feeds.
hint-dateline = The place the statement is issued from, such as KUALA LUMPUR.
hint-body = Headings with ##, lists with -, links as [text](https://…), tables with | columns |. Scripts and styles are removed.
hint-related = One address per line, for example /mous/mimos-cetc-mou-2024 or /organisations/mimos.
hint-change_note = What changed in this version. Shown publicly with each published version.
hint-withdrawn_reason = The statement stays at its address with this reason, shown to the public.
hint-username = 3 to 32 lowercase letters, digits, dots, hyphens or underscores.
hint-password = At least { $count } characters.
hint-document_title = Such as: Signed memorandum, English and Chinese texts.
hint-document_file = A PDF of at most 10 MB. It is public as soon as it is uploaded.
hint-short_name = The name other pages use, such as MIMOS.
hint-website = An address starting with https:// or http://.
hint-people = One address per line, such as /people/yin-hejun, or just the slug.
hint-organisations = One address per line, such as /organisations/mimos, or just the slug.
hint-appointments = Posts held, with the organisation's address (/organisations/mosti) and dates as 2024, 2024-04 or 2024-04-25. Leave a row blank to add nothing; tick Remove to delete a row.
hint-agreement-signed_on = A year (2013), a month (2013-10) or a day (2013-10-04).
hint-agreement-signed_at = The place of signing.
hint-new_status_on = A year (2024), a month (2024-04) or a day (2024-04-25). The newest event becomes the record's status.
hint-joint_body = Such as Joint Committee on Science, Technology and Innovation.
hint-ordinal = 3 for the 3rd meeting.
hint-agreement = The address of the agreement it is held under, such as /agreements/sti-cooperation-agreement-2013.
hint-held_on = A year, a month (2024-04) or a day (2024-04-25).
hint-co_chairs = In order, one address per line, such as /people/chang-lih-kang.
hint-leader = The address of the person who led the visit, such as /people/chang-lih-kang.
hint-starts_on = A day, such as 2024-04-24.
hint-ends_on = A day on or after the start.
hint-members = One per line: the person's address, then a bar and their role, such as /people/yin-hejun | Minister; further bars add the role in Malay and in Chinese: /people/yin-hejun | Minister | Menteri | 部长.
hint-itinerary = The stops of the visit. Change the numbers under Position to reorder them; organisation and meeting take addresses (/organisations/cetc, /meetings/…). Leave a row blank to add nothing; tick Remove to delete a stop.
hint-signed_on = A year, a month (2024-04) or a day (2024-04-25).
hint-mou-signed_at = A meeting (/meetings/3rd-joint-committee-meeting-sti) or a stop of a visit, as the visit's address and the stop's number (/delegations/working-visit-to-china-2024#stop-3).
hint-mou-parties = At least two organisations, in the order the MoU names them, one address per line (/organisations/mimos).
hint-valid_until = A day, such as 2029-04-30.
hint-renews = The address of the MoU this one renews, if any (/mous/…).

invalid-empty = must not be empty
invalid-too-long = must be at most { $max } characters
invalid-control-characters = must not contain control characters
invalid-record-address = “{ $text }” is not the address of a record, such as /mous/mimos-cetc-mou-2024
invalid-address-in = “{ $text }” is not the address of { $collection ->
    [agreements] an agreement
    [meetings] a meeting
    [delegations] a delegation
    [mous] an MoU
    [organisations] an organisation
    [people] a person
   *[areas] a focus area
}, such as /{ $collection }/its-name
invalid-one-record = must name only one record
invalid-partial-date = must be a year (2024), a month (2024-04) or a day (2024-04-25)
invalid-day = must be a day such as 2024-04-25
invalid-web-address = must be a web address starting with https:// or http://, such as https://www.mimos.my
invalid-unknown-area = names an unknown focus area
invalid-unknown-record = names { $address }, which is not a record of the portal
invalid-date-time = must be a date and time, such as 2025-01-31T09:00
invalid-in-the-past = must be in the future
invalid-action = is not an action this form offers
invalid-one-of = must be one of: { $choices }
invalid-country-code = must be a two-letter country code such as MY or CN
invalid-slug-characters = may hold only lowercase letters, digits and hyphens
invalid-slug-hyphens = may not start or end with a hyphen, or repeat one
invalid-year = must be a year such as 2024
invalid-page = must be a page number from 1 to { $max }
invalid-site-path = is not a page of this site
invalid-username = must be 3 to 32 lowercase letters, digits, dots, hyphens or underscores
invalid-username-taken = is already taken
invalid-password-short = must be at least { $min } characters long
invalid-password-long = must be at most { $max } bytes long
invalid-display-name = must be 1 to 100 characters, without control characters
invalid-too-many-rows = may have at most { $max } rows
# A refused value in one row of a repeated group: the row's number, the column's label and why.
invalid-in-row = row { $row }: { $field } { $reason }
invalid-event-status = must be chosen for a dated event
invalid-before-start = must not be before the start
invalid-ordinal = must be a whole number such as 3
invalid-member-without-person = has a line with a role but no person
invalid-member-twice = lists { $address } twice
invalid-position = must be a number such as 2
invalid-stop = is not one of this visit's stops
invalid-two-countries = must include at least two countries
invalid-two-organisations = must name at least two organisations
invalid-signing-place = “{ $text }” is neither a meeting (/meetings/its-name) nor a stop of a visit (/delegations/its-name#stop-2)
invalid-not-records = names { $addresses }, { $count ->
    [one] which is not a record
   *[other] which are not records
}
invalid-unknown-country = names { $code }, a country the portal does not list
invalid-first-status = must be chosen for a new record
invalid-missing-stop = names { $address }, a stop the visit does not have
invalid-renews-itself = must name another MoU, not this one
invalid-stop-elsewhere = lists a stop that is not part of this visit; reload the form
invalid-stop-signed-at = cannot lose the stop “{ $stop }”: { $address } was signed there; change that MoU first
invalid-form-token = is missing; reload the form
invalid-document-missing = must be chosen: a PDF of the signed document
invalid-document-too-large = is larger than 10 MB, the most a document may be; reduce its size and try again
invalid-document-not-pdf = is not a PDF file
invalid-document-empty = is empty
invalid-document-media-type = must be sent as a PDF (application/pdf)

# Why the workflow of press statements refused an action.
refusal-role = Your role may not do this.
refusal-preview = A preview saves nothing.
refusal-withdrawn = A withdrawn statement cannot be changed.
refusal-submit = Only a draft can be submitted.
refusal-published = The statement is already published; save to amend it.
refusal-schedule = A published statement cannot be scheduled.
refusal-unschedule = Only a scheduled statement can be unscheduled.
refusal-withdraw = Only a published statement can be withdrawn.
