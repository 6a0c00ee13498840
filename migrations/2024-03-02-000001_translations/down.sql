-- Back to English only: the search index as it was, then without the translations.
DROP TRIGGER search_documents_insert;
DROP TRIGGER search_documents_delete;
DROP TRIGGER search_documents_update;
DROP TRIGGER agreements_search_insert;
DROP TRIGGER agreements_search_update;
DROP TRIGGER agreements_search_delete;
DROP TRIGGER meetings_search_insert;
DROP TRIGGER meetings_search_update;
DROP TRIGGER meetings_search_delete;
DROP TRIGGER delegations_search_insert;
DROP TRIGGER delegations_search_update;
DROP TRIGGER delegations_search_delete;
DROP TRIGGER mous_search_insert;
DROP TRIGGER mous_search_update;
DROP TRIGGER mous_search_delete;
DROP TRIGGER organisations_search_insert;
DROP TRIGGER organisations_search_update;
DROP TRIGGER organisations_search_delete;
DROP TRIGGER people_search_insert;
DROP TRIGGER people_search_update;
DROP TRIGGER people_search_delete;
DROP TRIGGER focus_areas_search_insert;
DROP TRIGGER focus_areas_search_update;
DROP TRIGGER focus_areas_search_delete;
DROP TRIGGER statements_search_insert;
DROP TRIGGER statements_search_update;
DROP TRIGGER statements_search_delete;
DROP TRIGGER statement_translations_search_insert;
DROP TRIGGER statement_translations_search_update;
DROP TRIGGER statement_translations_search_delete;
DROP TRIGGER itinerary_stops_search_insert;
DROP TRIGGER itinerary_stops_search_update;
DROP TRIGGER itinerary_stops_search_delete;
DROP TABLE search_trigrams;
DROP TABLE search_words;
DROP TABLE search_documents;
DROP VIEW search_sources;
DROP VIEW statement_texts;

CREATE VIEW search_sources (kind, record_id, slug, title, body) AS
    SELECT 'agreement', id, slug, title, trim(coalesce(summary, '') || ' ' || coalesce(signed_at, '')) FROM agreements
    UNION ALL
    SELECT 'meeting', id, slug, title, trim(coalesce(joint_body, '') || ' ' || coalesce(place, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(outcomes, '')) FROM meetings
    UNION ALL
    SELECT 'delegation', d.id, d.slug, d.title, trim(coalesce(d.purpose, '') || ' ' || coalesce((SELECT group_concat(trim(s.title || ' ' || coalesce(s.place, '') || ' ' || coalesce(s.event_name, '') || ' ' || s.summary), ' ')
         FROM itinerary_stops s WHERE s.delegation_id = d.id), ''))
    FROM delegations d
    UNION ALL
    SELECT 'mou', id, slug, title, trim(coalesce(purpose, '') || ' ' || coalesce(place, '')) FROM mous
    UNION ALL
    SELECT 'organisation', id, slug, name, trim(coalesce(short_name, '') || ' ' || coalesce(description, '')) FROM organisations
    UNION ALL
    SELECT 'person', id, slug, name, '' FROM people
    UNION ALL
    SELECT 'area', id, slug, name, description FROM focus_areas
    UNION ALL
    SELECT 'statement', id, slug, title, trim(coalesce(summary, '') || ' ' || coalesce(dateline, '') || ' ' || coalesce(body_markdown, ''))
    FROM statements WHERE status IN ('published', 'withdrawn');

CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (kind, record_id)
);

CREATE VIRTUAL TABLE search_words USING fts5 (
    title, body, content = 'search_documents', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_trigrams USING fts5 (
    title, body, content = 'search_documents', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_words (rowid, title, body) VALUES (new.id, new.title, new.body);
    INSERT INTO search_trigrams (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_words (search_words, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_trigrams (search_trigrams, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_documents_update AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_words (search_words, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_trigrams (search_trigrams, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_words (rowid, title, body) VALUES (new.id, new.title, new.body);
    INSERT INTO search_trigrams (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER agreements_search_insert AFTER INSERT ON agreements BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'agreement' AND record_id = new.id;
END;
CREATE TRIGGER agreements_search_update AFTER UPDATE ON agreements BEGIN
    DELETE FROM search_documents WHERE kind = 'agreement' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'agreement' AND record_id = new.id;
END;
CREATE TRIGGER agreements_search_delete AFTER DELETE ON agreements BEGIN
    DELETE FROM search_documents WHERE kind = 'agreement' AND record_id = old.id;
END;

CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'meeting' AND record_id = new.id;
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM search_documents WHERE kind = 'meeting' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'meeting' AND record_id = new.id;
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search_documents WHERE kind = 'meeting' AND record_id = old.id;
END;

CREATE TRIGGER delegations_search_insert AFTER INSERT ON delegations BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'delegation' AND record_id = new.id;
END;
CREATE TRIGGER delegations_search_update AFTER UPDATE ON delegations BEGIN
    DELETE FROM search_documents WHERE kind = 'delegation' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'delegation' AND record_id = new.id;
END;
CREATE TRIGGER delegations_search_delete AFTER DELETE ON delegations BEGIN
    DELETE FROM search_documents WHERE kind = 'delegation' AND record_id = old.id;
END;

CREATE TRIGGER mous_search_insert AFTER INSERT ON mous BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'mou' AND record_id = new.id;
END;
CREATE TRIGGER mous_search_update AFTER UPDATE ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'mou' AND record_id = new.id;
END;
CREATE TRIGGER mous_search_delete AFTER DELETE ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
END;

CREATE TRIGGER organisations_search_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'organisation' AND record_id = new.id;
END;
CREATE TRIGGER organisations_search_update AFTER UPDATE ON organisations BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'organisation' AND record_id = new.id;
END;
CREATE TRIGGER organisations_search_delete AFTER DELETE ON organisations BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND record_id = old.id;
END;

CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'person' AND record_id = new.id;
END;
CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    DELETE FROM search_documents WHERE kind = 'person' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'person' AND record_id = new.id;
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_documents WHERE kind = 'person' AND record_id = old.id;
END;

CREATE TRIGGER focus_areas_search_insert AFTER INSERT ON focus_areas BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'area' AND record_id = new.id;
END;
CREATE TRIGGER focus_areas_search_update AFTER UPDATE ON focus_areas BEGIN
    DELETE FROM search_documents WHERE kind = 'area' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'area' AND record_id = new.id;
END;
CREATE TRIGGER focus_areas_search_delete AFTER DELETE ON focus_areas BEGIN
    DELETE FROM search_documents WHERE kind = 'area' AND record_id = old.id;
END;

CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'statement' AND record_id = new.id;
END;
CREATE TRIGGER statements_search_update AFTER UPDATE ON statements BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, body)
        SELECT kind, record_id, slug, title, body FROM search_sources WHERE kind = 'statement' AND record_id = new.id;
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.id;
END;

-- A delegation's itinerary is part of its text. When the delegation itself is being deleted the
-- source row is gone, and its document goes with the delegation's own trigger.
CREATE TRIGGER itinerary_stops_search_insert AFTER INSERT ON itinerary_stops BEGIN
    UPDATE search_documents
    SET body = coalesce((SELECT body FROM search_sources WHERE kind = 'delegation' AND record_id = new.delegation_id), body)
    WHERE kind = 'delegation' AND record_id = new.delegation_id;
END;
CREATE TRIGGER itinerary_stops_search_update AFTER UPDATE ON itinerary_stops BEGIN
    UPDATE search_documents
    SET body = coalesce((SELECT body FROM search_sources WHERE kind = 'delegation' AND record_id = new.delegation_id), body)
    WHERE kind = 'delegation' AND record_id = new.delegation_id;
END;
CREATE TRIGGER itinerary_stops_search_delete AFTER DELETE ON itinerary_stops BEGIN
    UPDATE search_documents
    SET body = coalesce((SELECT body FROM search_sources WHERE kind = 'delegation' AND record_id = old.delegation_id), body)
    WHERE kind = 'delegation' AND record_id = old.delegation_id;
END;

INSERT INTO search_documents (kind, record_id, slug, title, body)
    SELECT kind, record_id, slug, title, body FROM search_sources;

DROP TABLE statement_revision_translations;
DROP TABLE statement_translations;

ALTER TABLE countries DROP COLUMN name_ms;
ALTER TABLE countries DROP COLUMN name_zh;
ALTER TABLE focus_areas DROP COLUMN name_ms;
ALTER TABLE focus_areas DROP COLUMN name_zh;
ALTER TABLE focus_areas DROP COLUMN description_ms;
ALTER TABLE focus_areas DROP COLUMN description_zh;
ALTER TABLE organisations DROP COLUMN name_ms;
ALTER TABLE organisations DROP COLUMN name_zh;
ALTER TABLE organisations DROP COLUMN description_ms;
ALTER TABLE organisations DROP COLUMN description_zh;
ALTER TABLE people DROP COLUMN name_ms;
ALTER TABLE people DROP COLUMN name_zh;
ALTER TABLE appointments DROP COLUMN title_ms;
ALTER TABLE appointments DROP COLUMN title_zh;
ALTER TABLE agreements DROP COLUMN title_ms;
ALTER TABLE agreements DROP COLUMN title_zh;
ALTER TABLE agreements DROP COLUMN signed_at_ms;
ALTER TABLE agreements DROP COLUMN signed_at_zh;
ALTER TABLE agreements DROP COLUMN summary_ms;
ALTER TABLE agreements DROP COLUMN summary_zh;
ALTER TABLE agreement_status_events DROP COLUMN note_ms;
ALTER TABLE agreement_status_events DROP COLUMN note_zh;
ALTER TABLE meetings DROP COLUMN title_ms;
ALTER TABLE meetings DROP COLUMN title_zh;
ALTER TABLE meetings DROP COLUMN joint_body_ms;
ALTER TABLE meetings DROP COLUMN joint_body_zh;
ALTER TABLE meetings DROP COLUMN place_ms;
ALTER TABLE meetings DROP COLUMN place_zh;
ALTER TABLE meetings DROP COLUMN summary_ms;
ALTER TABLE meetings DROP COLUMN summary_zh;
ALTER TABLE meetings DROP COLUMN outcomes_ms;
ALTER TABLE meetings DROP COLUMN outcomes_zh;
ALTER TABLE delegations DROP COLUMN title_ms;
ALTER TABLE delegations DROP COLUMN title_zh;
ALTER TABLE delegations DROP COLUMN purpose_ms;
ALTER TABLE delegations DROP COLUMN purpose_zh;
ALTER TABLE delegation_members DROP COLUMN role_ms;
ALTER TABLE delegation_members DROP COLUMN role_zh;
ALTER TABLE itinerary_stops DROP COLUMN title_ms;
ALTER TABLE itinerary_stops DROP COLUMN title_zh;
ALTER TABLE itinerary_stops DROP COLUMN place_ms;
ALTER TABLE itinerary_stops DROP COLUMN place_zh;
ALTER TABLE itinerary_stops DROP COLUMN event_name_ms;
ALTER TABLE itinerary_stops DROP COLUMN event_name_zh;
ALTER TABLE itinerary_stops DROP COLUMN summary_ms;
ALTER TABLE itinerary_stops DROP COLUMN summary_zh;
ALTER TABLE mous DROP COLUMN title_ms;
ALTER TABLE mous DROP COLUMN title_zh;
ALTER TABLE mous DROP COLUMN place_ms;
ALTER TABLE mous DROP COLUMN place_zh;
ALTER TABLE mous DROP COLUMN purpose_ms;
ALTER TABLE mous DROP COLUMN purpose_zh;
ALTER TABLE mou_status_events DROP COLUMN note_ms;
ALTER TABLE mou_status_events DROP COLUMN note_zh;
ALTER TABLE documents DROP COLUMN title_ms;
ALTER TABLE documents DROP COLUMN title_zh;
