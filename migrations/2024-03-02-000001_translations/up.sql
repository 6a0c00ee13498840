-- Public text in Malay and Chinese beside the English.
--
-- Records: every text column the public reads gets a `_ms` and a `_zh` twin, NULL until
-- translated; pages show the reader's language and fall back to English field by field.
-- Statements: a statement is written in one language (`statements.language`, its columns hold
-- that text) and may carry translations into the others, one row each, for the statement and
-- for every revision of it, so each published version keeps every language it had.
-- Search: each document carries its title in each language, so a result is shown in the
-- reader's language, and one body with the text of every language.

ALTER TABLE countries ADD COLUMN name_ms TEXT;
ALTER TABLE countries ADD COLUMN name_zh TEXT;

ALTER TABLE focus_areas ADD COLUMN name_ms TEXT;
ALTER TABLE focus_areas ADD COLUMN name_zh TEXT;
ALTER TABLE focus_areas ADD COLUMN description_ms TEXT;
ALTER TABLE focus_areas ADD COLUMN description_zh TEXT;

ALTER TABLE organisations ADD COLUMN name_ms TEXT;
ALTER TABLE organisations ADD COLUMN name_zh TEXT;
ALTER TABLE organisations ADD COLUMN description_ms TEXT;
ALTER TABLE organisations ADD COLUMN description_zh TEXT;

ALTER TABLE people ADD COLUMN name_ms TEXT;
ALTER TABLE people ADD COLUMN name_zh TEXT;

ALTER TABLE appointments ADD COLUMN title_ms TEXT;
ALTER TABLE appointments ADD COLUMN title_zh TEXT;

ALTER TABLE agreements ADD COLUMN title_ms TEXT;
ALTER TABLE agreements ADD COLUMN title_zh TEXT;
ALTER TABLE agreements ADD COLUMN signed_at_ms TEXT;
ALTER TABLE agreements ADD COLUMN signed_at_zh TEXT;
ALTER TABLE agreements ADD COLUMN summary_ms TEXT;
ALTER TABLE agreements ADD COLUMN summary_zh TEXT;

ALTER TABLE agreement_status_events ADD COLUMN note_ms TEXT;
ALTER TABLE agreement_status_events ADD COLUMN note_zh TEXT;

ALTER TABLE meetings ADD COLUMN title_ms TEXT;
ALTER TABLE meetings ADD COLUMN title_zh TEXT;
ALTER TABLE meetings ADD COLUMN joint_body_ms TEXT;
ALTER TABLE meetings ADD COLUMN joint_body_zh TEXT;
ALTER TABLE meetings ADD COLUMN place_ms TEXT;
ALTER TABLE meetings ADD COLUMN place_zh TEXT;
ALTER TABLE meetings ADD COLUMN summary_ms TEXT;
ALTER TABLE meetings ADD COLUMN summary_zh TEXT;
ALTER TABLE meetings ADD COLUMN outcomes_ms TEXT;
ALTER TABLE meetings ADD COLUMN outcomes_zh TEXT;

ALTER TABLE delegations ADD COLUMN title_ms TEXT;
ALTER TABLE delegations ADD COLUMN title_zh TEXT;
ALTER TABLE delegations ADD COLUMN purpose_ms TEXT;
ALTER TABLE delegations ADD COLUMN purpose_zh TEXT;

ALTER TABLE delegation_members ADD COLUMN role_ms TEXT;
ALTER TABLE delegation_members ADD COLUMN role_zh TEXT;

ALTER TABLE itinerary_stops ADD COLUMN title_ms TEXT;
ALTER TABLE itinerary_stops ADD COLUMN title_zh TEXT;
ALTER TABLE itinerary_stops ADD COLUMN place_ms TEXT;
ALTER TABLE itinerary_stops ADD COLUMN place_zh TEXT;
ALTER TABLE itinerary_stops ADD COLUMN event_name_ms TEXT;
ALTER TABLE itinerary_stops ADD COLUMN event_name_zh TEXT;
ALTER TABLE itinerary_stops ADD COLUMN summary_ms TEXT;
ALTER TABLE itinerary_stops ADD COLUMN summary_zh TEXT;

ALTER TABLE mous ADD COLUMN title_ms TEXT;
ALTER TABLE mous ADD COLUMN title_zh TEXT;
ALTER TABLE mous ADD COLUMN place_ms TEXT;
ALTER TABLE mous ADD COLUMN place_zh TEXT;
ALTER TABLE mous ADD COLUMN purpose_ms TEXT;
ALTER TABLE mous ADD COLUMN purpose_zh TEXT;

ALTER TABLE mou_status_events ADD COLUMN note_ms TEXT;
ALTER TABLE mou_status_events ADD COLUMN note_zh TEXT;

ALTER TABLE documents ADD COLUMN title_ms TEXT;
ALTER TABLE documents ADD COLUMN title_zh TEXT;


CREATE TABLE statement_translations (
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'ms', 'zh')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    dateline TEXT,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    renderer_version INTEGER NOT NULL,
    PRIMARY KEY (statement_id, language)
) WITHOUT ROWID;

CREATE TABLE statement_revision_translations (
    revision_id INTEGER NOT NULL REFERENCES statement_revisions (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'ms', 'zh')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    renderer_version INTEGER NOT NULL,
    PRIMARY KEY (revision_id, language)
) WITHOUT ROWID;

-- The search index again, with a title per language. Its triggers name the columns they copy,
-- so they are made anew with the documents.

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
DROP TRIGGER itinerary_stops_search_insert;
DROP TRIGGER itinerary_stops_search_update;
DROP TRIGGER itinerary_stops_search_delete;
DROP TRIGGER search_documents_insert;
DROP TRIGGER search_documents_delete;
DROP TRIGGER search_documents_update;
DROP TABLE search_trigrams;
DROP TABLE search_words;
DROP TABLE search_documents;
DROP VIEW search_sources;

-- Every language's text of a statement, its own and its translations.
CREATE VIEW statement_texts (statement_id, language, title, summary, dateline, body_markdown) AS
    SELECT id, language, title, summary, dateline, body_markdown FROM statements
    UNION ALL
    SELECT statement_id, language, title, summary, dateline, body_markdown FROM statement_translations;

-- What each record contributes to search: its title in English (a statement's in its own
-- language when it has no English text; `language` says which), Malay and Chinese ('' when
-- untranslated, or when that title is already the first), and the rest of its text in every
-- language as one body.
CREATE VIEW search_sources (kind, record_id, slug, title, title_ms, title_zh, body, language) AS
    SELECT 'agreement', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(summary, '') || ' ' || coalesce(signed_at, '') || ' ' || coalesce(summary_ms, '') || ' ' || coalesce(signed_at_ms, '') || ' ' || coalesce(summary_zh, '') || ' ' || coalesce(signed_at_zh, '')), 'en' FROM agreements
    UNION ALL
    SELECT 'meeting', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(joint_body, '') || ' ' || coalesce(place, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(outcomes, '') || ' ' || coalesce(joint_body_ms, '') || ' ' || coalesce(place_ms, '') || ' ' || coalesce(summary_ms, '') || ' ' || coalesce(outcomes_ms, '') || ' ' || coalesce(joint_body_zh, '') || ' ' || coalesce(place_zh, '') || ' ' || coalesce(summary_zh, '') || ' ' || coalesce(outcomes_zh, '')), 'en' FROM meetings
    UNION ALL
    SELECT 'delegation', d.id, d.slug, d.title, coalesce(d.title_ms, ''), coalesce(d.title_zh, ''),
        trim(trim(coalesce(d.purpose, '') || ' ' || coalesce(d.purpose_ms, '') || ' ' || coalesce(d.purpose_zh, '')) || ' ' || coalesce((SELECT group_concat(trim(coalesce(s.title, '') || ' ' || coalesce(s.place, '') || ' ' || coalesce(s.event_name, '') || ' ' || coalesce(s.summary, '') || ' ' || coalesce(s.title_ms, '') || ' ' || coalesce(s.place_ms, '') || ' ' || coalesce(s.event_name_ms, '') || ' ' || coalesce(s.summary_ms, '') || ' ' || coalesce(s.title_zh, '') || ' ' || coalesce(s.place_zh, '') || ' ' || coalesce(s.event_name_zh, '') || ' ' || coalesce(s.summary_zh, '')), ' ') FROM itinerary_stops s WHERE s.delegation_id = d.id), '')), 'en'
    FROM delegations d
    UNION ALL
    SELECT 'mou', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(purpose, '') || ' ' || coalesce(place, '') || ' ' || coalesce(purpose_ms, '') || ' ' || coalesce(place_ms, '') || ' ' || coalesce(purpose_zh, '') || ' ' || coalesce(place_zh, '')), 'en' FROM mous
    UNION ALL
    SELECT 'organisation', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''),
        trim(coalesce(short_name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(description_ms, '') || ' ' || coalesce(description_zh, '')), 'en' FROM organisations
    UNION ALL
    SELECT 'person', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''), '', 'en' FROM people
    UNION ALL
    SELECT 'area', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''),
        trim(coalesce(description, '') || ' ' || coalesce(description_ms, '') || ' ' || coalesce(description_zh, '')), 'en' FROM focus_areas
    UNION ALL
    SELECT 'statement', s.id, s.slug, coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en'), s.title),
        CASE WHEN s.language = 'ms' THEN CASE WHEN (SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') IS NULL THEN '' ELSE s.title END ELSE coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'ms'), '') END,
        CASE WHEN s.language = 'zh' THEN CASE WHEN (SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') IS NULL THEN '' ELSE s.title END ELSE coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'zh'), '') END,
        (SELECT group_concat(trim(coalesce(x.summary, '') || ' ' || coalesce(x.dateline, '') || ' ' || coalesce(x.body_markdown, '')), ' ') FROM statement_texts x WHERE x.statement_id = s.id),
        CASE WHEN s.language = 'en' OR (SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') IS NOT NULL THEN 'en' ELSE s.language END
    FROM statements s WHERE s.status IN ('published', 'withdrawn');


CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    title_ms TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    UNIQUE (kind, record_id)
);

CREATE VIRTUAL TABLE search_words USING fts5 (
    title, title_ms, title_zh, body, content = 'search_documents', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_trigrams USING fts5 (
    title, title_ms, title_zh, body, content = 'search_documents', content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_words (rowid, title, title_ms, title_zh, body) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body);
    INSERT INTO search_trigrams (rowid, title, title_ms, title_zh, body) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body);
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_words (search_words, rowid, title, title_ms, title_zh, body) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body);
    INSERT INTO search_trigrams (search_trigrams, rowid, title, title_ms, title_zh, body) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body);
END;
CREATE TRIGGER search_documents_update AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_words (search_words, rowid, title, title_ms, title_zh, body) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body);
    INSERT INTO search_trigrams (search_trigrams, rowid, title, title_ms, title_zh, body) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body);
    INSERT INTO search_words (rowid, title, title_ms, title_zh, body) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body);
    INSERT INTO search_trigrams (rowid, title, title_ms, title_zh, body) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body);
END;

CREATE TRIGGER agreements_search_insert AFTER INSERT ON agreements BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'agreement' AND record_id = new.id;
END;
CREATE TRIGGER agreements_search_update AFTER UPDATE ON agreements BEGIN
    DELETE FROM search_documents WHERE kind = 'agreement' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'agreement' AND record_id = old.id;
END;
CREATE TRIGGER agreements_search_delete AFTER DELETE ON agreements BEGIN
    DELETE FROM search_documents WHERE kind = 'agreement' AND record_id = old.id;
END;

CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'meeting' AND record_id = new.id;
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM search_documents WHERE kind = 'meeting' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'meeting' AND record_id = old.id;
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search_documents WHERE kind = 'meeting' AND record_id = old.id;
END;

CREATE TRIGGER delegations_search_insert AFTER INSERT ON delegations BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'delegation' AND record_id = new.id;
END;
CREATE TRIGGER delegations_search_update AFTER UPDATE ON delegations BEGIN
    DELETE FROM search_documents WHERE kind = 'delegation' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'delegation' AND record_id = old.id;
END;
CREATE TRIGGER delegations_search_delete AFTER DELETE ON delegations BEGIN
    DELETE FROM search_documents WHERE kind = 'delegation' AND record_id = old.id;
END;

CREATE TRIGGER mous_search_insert AFTER INSERT ON mous BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'mou' AND record_id = new.id;
END;
CREATE TRIGGER mous_search_update AFTER UPDATE ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'mou' AND record_id = old.id;
END;
CREATE TRIGGER mous_search_delete AFTER DELETE ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
END;

CREATE TRIGGER organisations_search_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'organisation' AND record_id = new.id;
END;
CREATE TRIGGER organisations_search_update AFTER UPDATE ON organisations BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'organisation' AND record_id = old.id;
END;
CREATE TRIGGER organisations_search_delete AFTER DELETE ON organisations BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND record_id = old.id;
END;

CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'person' AND record_id = new.id;
END;
CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    DELETE FROM search_documents WHERE kind = 'person' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'person' AND record_id = old.id;
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_documents WHERE kind = 'person' AND record_id = old.id;
END;

CREATE TRIGGER focus_areas_search_insert AFTER INSERT ON focus_areas BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'area' AND record_id = new.id;
END;
CREATE TRIGGER focus_areas_search_update AFTER UPDATE ON focus_areas BEGIN
    DELETE FROM search_documents WHERE kind = 'area' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'area' AND record_id = old.id;
END;
CREATE TRIGGER focus_areas_search_delete AFTER DELETE ON focus_areas BEGIN
    DELETE FROM search_documents WHERE kind = 'area' AND record_id = old.id;
END;

CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'statement' AND record_id = new.id;
END;
CREATE TRIGGER statements_search_update AFTER UPDATE ON statements BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'statement' AND record_id = old.id;
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.id;
END;

-- A statement's translations and a delegation's itinerary are part of their record's text.
-- When the record itself is being deleted its source row is gone, and its document goes with the
-- record's own trigger.
CREATE TRIGGER statement_translations_search_insert AFTER INSERT ON statement_translations BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = new.statement_id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'statement' AND record_id = new.statement_id;
END;
CREATE TRIGGER statement_translations_search_update AFTER UPDATE ON statement_translations BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = new.statement_id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'statement' AND record_id = new.statement_id;
END;
CREATE TRIGGER statement_translations_search_delete AFTER DELETE ON statement_translations BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.statement_id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'statement' AND record_id = old.statement_id;
END;
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

INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
    SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources;
