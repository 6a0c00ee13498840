-- A number that changes with every change to what the public can see. Pages and lists kept in
-- memory are kept for as long as it stays the same, where SQLite's own `data_version` changes
-- with any commit at all: staff logging in and out, sessions being kept alive, failed logins
-- being recorded. Those change no public page, and a stream of them (a storm of wrong
-- passwords) would otherwise make every worker render and rank everything afresh.
--
-- Every table a public page, feed or export reads bumps it on any change, whoever writes. Only
-- the staff's own tables (users, sessions, audit_events, form_submissions, signing_keys) do
-- not; a test holds every other table to having these triggers.
CREATE TABLE content_generation (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO content_generation (id, version) VALUES (1, 0);

CREATE TRIGGER agreement_areas_content_insert AFTER INSERT ON agreement_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_areas_content_update AFTER UPDATE ON agreement_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_areas_content_delete AFTER DELETE ON agreement_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_parties_content_insert AFTER INSERT ON agreement_parties
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_parties_content_update AFTER UPDATE ON agreement_parties
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_parties_content_delete AFTER DELETE ON agreement_parties
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_signatories_content_insert AFTER INSERT ON agreement_signatories
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_signatories_content_update AFTER UPDATE ON agreement_signatories
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_signatories_content_delete AFTER DELETE ON agreement_signatories
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_status_events_content_insert AFTER INSERT ON agreement_status_events
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_status_events_content_update AFTER UPDATE ON agreement_status_events
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreement_status_events_content_delete AFTER DELETE ON agreement_status_events
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreements_content_insert AFTER INSERT ON agreements
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreements_content_update AFTER UPDATE ON agreements
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER agreements_content_delete AFTER DELETE ON agreements
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER appointments_content_insert AFTER INSERT ON appointments
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER appointments_content_update AFTER UPDATE ON appointments
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER appointments_content_delete AFTER DELETE ON appointments
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER countries_content_insert AFTER INSERT ON countries
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER countries_content_update AFTER UPDATE ON countries
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER countries_content_delete AFTER DELETE ON countries
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegation_areas_content_insert AFTER INSERT ON delegation_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegation_areas_content_update AFTER UPDATE ON delegation_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegation_areas_content_delete AFTER DELETE ON delegation_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegation_members_content_insert AFTER INSERT ON delegation_members
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegation_members_content_update AFTER UPDATE ON delegation_members
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegation_members_content_delete AFTER DELETE ON delegation_members
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegations_content_insert AFTER INSERT ON delegations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegations_content_update AFTER UPDATE ON delegations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER delegations_content_delete AFTER DELETE ON delegations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER documents_content_insert AFTER INSERT ON documents
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER documents_content_update AFTER UPDATE ON documents
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER documents_content_delete AFTER DELETE ON documents
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER focus_areas_content_insert AFTER INSERT ON focus_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER focus_areas_content_update AFTER UPDATE ON focus_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER focus_areas_content_delete AFTER DELETE ON focus_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER itinerary_stops_content_insert AFTER INSERT ON itinerary_stops
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER itinerary_stops_content_update AFTER UPDATE ON itinerary_stops
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER itinerary_stops_content_delete AFTER DELETE ON itinerary_stops
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_areas_content_insert AFTER INSERT ON meeting_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_areas_content_update AFTER UPDATE ON meeting_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_areas_content_delete AFTER DELETE ON meeting_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_co_chairs_content_insert AFTER INSERT ON meeting_co_chairs
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_co_chairs_content_update AFTER UPDATE ON meeting_co_chairs
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_co_chairs_content_delete AFTER DELETE ON meeting_co_chairs
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_organisations_content_insert AFTER INSERT ON meeting_organisations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_organisations_content_update AFTER UPDATE ON meeting_organisations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meeting_organisations_content_delete AFTER DELETE ON meeting_organisations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meetings_content_insert AFTER INSERT ON meetings
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meetings_content_update AFTER UPDATE ON meetings
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER meetings_content_delete AFTER DELETE ON meetings
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_areas_content_insert AFTER INSERT ON mou_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_areas_content_update AFTER UPDATE ON mou_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_areas_content_delete AFTER DELETE ON mou_areas
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_parties_content_insert AFTER INSERT ON mou_parties
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_parties_content_update AFTER UPDATE ON mou_parties
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_parties_content_delete AFTER DELETE ON mou_parties
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_status_events_content_insert AFTER INSERT ON mou_status_events
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_status_events_content_update AFTER UPDATE ON mou_status_events
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_status_events_content_delete AFTER DELETE ON mou_status_events
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_witnesses_content_insert AFTER INSERT ON mou_witnesses
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_witnesses_content_update AFTER UPDATE ON mou_witnesses
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mou_witnesses_content_delete AFTER DELETE ON mou_witnesses
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mous_content_insert AFTER INSERT ON mous
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mous_content_update AFTER UPDATE ON mous
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER mous_content_delete AFTER DELETE ON mous
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER organisations_content_insert AFTER INSERT ON organisations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER organisations_content_update AFTER UPDATE ON organisations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER organisations_content_delete AFTER DELETE ON organisations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER people_content_insert AFTER INSERT ON people
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER people_content_update AFTER UPDATE ON people
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER people_content_delete AFTER DELETE ON people
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER search_documents_content_insert AFTER INSERT ON search_documents
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER search_documents_content_update AFTER UPDATE ON search_documents
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER search_documents_content_delete AFTER DELETE ON search_documents
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_revision_translations_content_insert AFTER INSERT ON statement_revision_translations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_revision_translations_content_update AFTER UPDATE ON statement_revision_translations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_revision_translations_content_delete AFTER DELETE ON statement_revision_translations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_revisions_content_insert AFTER INSERT ON statement_revisions
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_revisions_content_update AFTER UPDATE ON statement_revisions
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_revisions_content_delete AFTER DELETE ON statement_revisions
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_subjects_content_insert AFTER INSERT ON statement_subjects
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_subjects_content_update AFTER UPDATE ON statement_subjects
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_subjects_content_delete AFTER DELETE ON statement_subjects
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_translations_content_insert AFTER INSERT ON statement_translations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_translations_content_update AFTER UPDATE ON statement_translations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statement_translations_content_delete AFTER DELETE ON statement_translations
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statements_content_insert AFTER INSERT ON statements
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statements_content_update AFTER UPDATE ON statements
BEGIN
    UPDATE content_generation SET version = version + 1;
END;

CREATE TRIGGER statements_content_delete AFTER DELETE ON statements
BEGIN
    UPDATE content_generation SET version = version + 1;
END;
