## The staff pages: login, the dashboard, statements, records, accounts and the audit log.

staff-login-title = Staff login
staff-login-lede = For ministry staff who publish statements and keep the records.
staff-login-button = Log in
staff-login-failed = The username or password is not right, or the account is disabled.

staff-crumb = Staff
staff-landmark = Staff
staff-signed-in-as = Signed in as
staff-dashboard = Dashboard
staff-statements = Statements
staff-new-statement = New statement
staff-edit-statement = Edit statement
staff-records = Records
staff-users = Users
staff-audit = Audit log
staff-log-out = Log out
staff-none = None.
staff-author = Author
staff-last-change = Last change (UTC)
staff-scheduled-for = for { $time }
staff-scheduled-at = Scheduled for { $time } UTC
staff-version = Version { $number }
staff-view-public-page = View the public page
staff-view-public-page-at = View the public page ({ $address })

dashboard-drafts = Drafts
dashboard-submitted = Submitted for review
dashboard-scheduled = Scheduled
dashboard-published = Published

staff-statements-by-status = Statements by status
staff-tab-all = All
staff-write-statement = Write a new statement
staff-statements-none = No statement here yet.
staff-not-saved = This was not saved
staff-preview = Preview
staff-save = Save
staff-submit = Submit for review
staff-publish = Publish now
staff-schedule = Schedule
staff-schedule-button = Schedule
staff-unschedule = Unschedule
staff-withdraw = Withdraw
staff-withdraw-button = Withdraw

notice-statement-draft = Saved as a draft.
notice-statement-submitted = Submitted for review.
notice-statement-scheduled = Scheduled.
notice-statement-published = Published.
notice-statement-withdrawn = Withdrawn; the statement stays public with its reason.
notice-repeated = This form had already been sent; nothing was saved twice.
notice-record-created = Created. The public page shows it now.
notice-record-saved = Saved. The public page shows the change now.
notice-document-attached = The document was attached and is public now.
notice-user-added = The account was created.
notice-user-changed = The account was changed.
notice-user-self = You cannot disable your own account or take away your own admin role.
notice-user-missing = There is no such account.

conflict-title = Edit conflict
conflict-statement-heading = Someone else changed this statement
conflict-record-heading = { $collection ->
    [agreements] Someone else changed this agreement
    [meetings] Someone else changed this meeting
    [delegations] Someone else changed this delegation
    [mous] Someone else changed this MoU
    [organisations] Someone else changed this organisation
    [people] Someone else changed this person
   *[areas] Someone else changed this focus area
}
conflict-explanation = While you were editing, someone else saved it (it is now at version { $version }). Your changes were not saved. Compare the two versions and copy what you need from yours.
conflict-edit-current = Edit the current version
conflict-saved-version = Saved version
conflict-saved-version-status = Saved version ({ $status })
conflict-your-version = Your version (not saved)
conflict-field = Field
conflict-differs = differs

# The collections of records, by the path that names them.
staff-collection = { $collection ->
    [agreements] Agreements
    [meetings] Meetings
    [delegations] Delegations
    [mous] MoUs
    [organisations] Organisations
    [people] People
   *[areas] Focus areas
}
staff-new-record = { $collection ->
    [agreements] New agreement
    [meetings] New meeting
    [delegations] New delegation
    [mous] New MoU
    [organisations] New organisation
    [people] New person
   *[areas] New focus area
}
staff-edit-record = { $collection ->
    [agreements] Edit agreement
    [meetings] Edit meeting
    [delegations] Edit delegation
    [mous] Edit MoU
    [organisations] Edit organisation
    [people] Edit person
   *[areas] Edit focus area
}
staff-no-records = { $collection ->
    [agreements] No agreements yet.
    [meetings] No meetings yet.
    [delegations] No delegations yet.
    [mous] No MoUs yet.
    [organisations] No organisations yet.
    [people] No people yet.
   *[areas] No focus areas yet.
}
staff-records-intro = Create and edit the records the public pages show. Changes are public as soon as they are saved.
staff-search-records = Search by name or title
staff-nothing-matches = Nothing matches “{ $query }”.
staff-found = { $count } found
staff-found-pages = { $count } found, page { $page } of { $last }
staff-name-or-title = Name or title
staff-address = Address
staff-save-changes = Save changes
staff-create = Create
# A row of a repeated group on a record form: an appointment, or a stop of an itinerary.
row-new = { $kind ->
    [appointment] New appointment
   *[stop] New stop
}
row-numbered = { $kind ->
    [appointment] Appointment { $number }
   *[stop] Stop { $number }
}
row-remove = { $kind ->
    [appointment] Remove this appointment
   *[stop] Remove this stop
}
history-line = { $date }: { $status }
history-line-with-note = { $date }: { $status } ({ $note })
documents-signed = Signed documents
documents-none-attached = No document is attached yet.
documents-upload = Upload the document

users-change = Change
users-disabled = Disabled
users-active = Active
users-role-of = Role of { $username }
users-set-role = Set role
users-enable = Enable
users-disable = Disable
users-add-heading = Add a user
users-add = Add user

audit-lede = Every staff write and every login, newest first. Times are UTC.
audit-none = Nothing has been recorded yet.
audit-when = When
audit-who = Who
audit-action = Action
audit-record = Record
audit-what = What changed
audit-system = system
audit-older = Older events
# What the audit log records: the actions, and what they were done to.
audit-action-login = login
audit-action-login-failed = failed login
audit-action-logout = logout
audit-action-create = create
audit-action-update = update
audit-action-submit = submit
audit-action-publish = publish
audit-action-schedule = schedule
audit-action-unschedule = unschedule
audit-action-amend = amend
audit-action-withdraw = withdraw
audit-action-attach = attach
audit-entity-session = session
audit-entity-statement = statement
audit-entity-user = user
audit-entity-agreement = agreement
audit-entity-meeting = meeting
audit-entity-delegation = delegation
audit-entity-mou = MoU
audit-entity-organisation = organisation
audit-entity-person = person
audit-entity-area = focus area
