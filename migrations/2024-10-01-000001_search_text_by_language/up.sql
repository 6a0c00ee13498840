-- A search result shows a passage of what it found, and that passage should be in one language,
-- the reader's where the record has it. Each record gave the index one text in all three
-- languages at once, with names and places between its sentences, and a statement gave its raw
-- Markdown: a passage mixed English, Malay and Chinese, and showed `**` and table pipes. Each
-- record now gives its text in each language apart (`body`, `body_ms`, `body_zh`), its names,
-- places and datelines apart again (`names`, searched but never shown), and a statement its
-- plain text (`body_text`, written beside the rendered body; until then its Markdown).
ALTER TABLE statements ADD COLUMN body_text TEXT;
ALTER TABLE statement_translations ADD COLUMN body_text TEXT;

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
DROP VIEW search_sources;
DROP TABLE search_words;
DROP TABLE search_trigrams;
DROP TABLE search_documents;

CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    title_ms TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    -- The text in the language `language` names (English wherever the record has it).
    body TEXT NOT NULL,
    body_ms TEXT NOT NULL,
    body_zh TEXT NOT NULL,
    names TEXT NOT NULL,
    language TEXT NOT NULL,
    UNIQUE (kind, record_id)
);
CREATE VIRTUAL TABLE search_words USING fts5 (
    title, title_ms, title_zh, body, body_ms, body_zh, names,
    content = 'search_documents', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_trigrams USING fts5 (
    title, title_ms, title_zh, body, body_ms, body_zh, names,
    content = 'search_documents', content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_words (rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body, new.body_ms, new.body_zh, new.names);
    INSERT INTO search_trigrams (rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body, new.body_ms, new.body_zh, new.names);
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_words (search_words, rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body, old.body_ms, old.body_zh, old.names);
    INSERT INTO search_trigrams (search_trigrams, rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body, old.body_ms, old.body_zh, old.names);
END;
CREATE TRIGGER search_documents_update AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_words (search_words, rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body, old.body_ms, old.body_zh, old.names);
    INSERT INTO search_trigrams (search_trigrams, rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES ('delete', old.id, old.title, old.title_ms, old.title_zh, old.body, old.body_ms, old.body_zh, old.names);
    INSERT INTO search_words (rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body, new.body_ms, new.body_zh, new.names);
    INSERT INTO search_trigrams (rowid, title, title_ms, title_zh, body, body_ms, body_zh, names) VALUES (new.id, new.title, new.title_ms, new.title_zh, new.body, new.body_ms, new.body_zh, new.names);
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

CREATE VIEW search_sources (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language) AS
    SELECT 'agreement', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        coalesce(summary, ''), coalesce(summary_ms, ''), coalesce(summary_zh, ''),
        trim(coalesce(signed_at, '') || ' ' || coalesce(signed_at_ms, '') || ' ' || coalesce(signed_at_zh, '')), 'en' FROM agreements
    UNION ALL
    SELECT 'meeting', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(summary, '') || ' ' || coalesce(outcomes, '')), trim(coalesce(summary_ms, '') || ' ' || coalesce(outcomes_ms, '')), trim(coalesce(summary_zh, '') || ' ' || coalesce(outcomes_zh, '')),
        trim(coalesce(joint_body, '') || ' ' || coalesce(place, '') || ' ' || coalesce(joint_body_ms, '') || ' ' || coalesce(place_ms, '') || ' ' || coalesce(joint_body_zh, '') || ' ' || coalesce(place_zh, '')), 'en' FROM meetings
    UNION ALL
    SELECT 'delegation', d.id, d.slug, d.title, coalesce(d.title_ms, ''), coalesce(d.title_zh, ''),
        trim(coalesce(d.purpose, '') || ' ' || coalesce((SELECT group_concat(CASE WHEN coalesce(s.summary, '') = '' THEN coalesce(s.title, '') WHEN coalesce(s.title, '') = '' THEN s.summary ELSE s.title || ': ' || s.summary END, ' ') FROM itinerary_stops s WHERE s.delegation_id = d.id), '')),
        trim(coalesce(d.purpose_ms, '') || ' ' || coalesce((SELECT group_concat(CASE WHEN coalesce(s.summary_ms, '') = '' THEN coalesce(s.title_ms, '') WHEN coalesce(s.title_ms, '') = '' THEN s.summary_ms ELSE s.title_ms || ': ' || s.summary_ms END, ' ') FROM itinerary_stops s WHERE s.delegation_id = d.id), '')),
        trim(coalesce(d.purpose_zh, '') || ' ' || coalesce((SELECT group_concat(CASE WHEN coalesce(s.summary_zh, '') = '' THEN coalesce(s.title_zh, '') WHEN coalesce(s.title_zh, '') = '' THEN s.summary_zh ELSE s.title_zh || '：' || s.summary_zh END, ' ') FROM itinerary_stops s WHERE s.delegation_id = d.id), '')),
        coalesce((SELECT group_concat(trim(coalesce(s.place, '') || ' ' || coalesce(s.event_name, '') || ' ' || coalesce(s.place_ms, '') || ' ' || coalesce(s.event_name_ms, '') || ' ' || coalesce(s.place_zh, '') || ' ' || coalesce(s.event_name_zh, '')), ' ') FROM itinerary_stops s WHERE s.delegation_id = d.id), ''), 'en'
    FROM delegations d
    UNION ALL
    SELECT 'mou', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        coalesce(purpose, ''), coalesce(purpose_ms, ''), coalesce(purpose_zh, ''),
        trim(coalesce(place, '') || ' ' || coalesce(place_ms, '') || ' ' || coalesce(place_zh, '')), 'en' FROM mous
    UNION ALL
    SELECT 'organisation', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''),
        coalesce(description, ''), coalesce(description_ms, ''), coalesce(description_zh, ''), coalesce(short_name, ''), 'en' FROM organisations
    UNION ALL
    SELECT 'person', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''), '', '', '', '', 'en' FROM people
    UNION ALL
    SELECT 'area', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''),
        coalesce(description, ''), coalesce(description_ms, ''), coalesce(description_zh, ''), '', 'en' FROM focus_areas
    UNION ALL
    SELECT 'statement', s.id, s.slug,
        coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en'), s.title),
        CASE WHEN s.language = 'ms' THEN CASE WHEN EXISTS (SELECT 1 FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') THEN s.title ELSE '' END ELSE coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'ms'), '') END,
        CASE WHEN s.language = 'zh' THEN CASE WHEN EXISTS (SELECT 1 FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') THEN s.title ELSE '' END ELSE coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'zh'), '') END,
        coalesce((SELECT trim(coalesce(t.summary, '') || ' ' || coalesce(t.body_text, t.body_markdown)) FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en'), trim(coalesce(s.summary, '') || ' ' || coalesce(s.body_text, s.body_markdown))),
        CASE WHEN s.language = 'ms' THEN CASE WHEN EXISTS (SELECT 1 FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') THEN trim(coalesce(s.summary, '') || ' ' || coalesce(s.body_text, s.body_markdown)) ELSE '' END ELSE coalesce((SELECT trim(coalesce(t.summary, '') || ' ' || coalesce(t.body_text, t.body_markdown)) FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'ms'), '') END,
        CASE WHEN s.language = 'zh' THEN CASE WHEN EXISTS (SELECT 1 FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') THEN trim(coalesce(s.summary, '') || ' ' || coalesce(s.body_text, s.body_markdown)) ELSE '' END ELSE coalesce((SELECT trim(coalesce(t.summary, '') || ' ' || coalesce(t.body_text, t.body_markdown)) FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'zh'), '') END,
        trim(coalesce(s.dateline, '') || coalesce((SELECT ' ' || group_concat(t.dateline, ' ') FROM statement_translations t WHERE t.statement_id = s.id), '')),
        CASE WHEN s.language = 'en' OR EXISTS (SELECT 1 FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') THEN 'en' ELSE s.language END
    FROM statements s WHERE s.status IN ('published', 'withdrawn');

CREATE TRIGGER agreements_search_insert AFTER INSERT ON agreements BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'agreement' AND record_id = new.id;
END;
CREATE TRIGGER agreements_search_update AFTER UPDATE ON agreements BEGIN
    DELETE FROM search_documents WHERE kind = 'agreement' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'agreement' AND record_id = old.id;
END;
CREATE TRIGGER agreements_search_delete AFTER DELETE ON agreements BEGIN
    DELETE FROM search_documents WHERE kind = 'agreement' AND record_id = old.id;
END;
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'meeting' AND record_id = new.id;
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM search_documents WHERE kind = 'meeting' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'meeting' AND record_id = old.id;
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search_documents WHERE kind = 'meeting' AND record_id = old.id;
END;
CREATE TRIGGER delegations_search_insert AFTER INSERT ON delegations BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'delegation' AND record_id = new.id;
END;
CREATE TRIGGER delegations_search_update AFTER UPDATE ON delegations BEGIN
    DELETE FROM search_documents WHERE kind = 'delegation' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'delegation' AND record_id = old.id;
END;
CREATE TRIGGER delegations_search_delete AFTER DELETE ON delegations BEGIN
    DELETE FROM search_documents WHERE kind = 'delegation' AND record_id = old.id;
END;
CREATE TRIGGER mous_search_insert AFTER INSERT ON mous BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'mou' AND record_id = new.id;
END;
CREATE TRIGGER mous_search_update AFTER UPDATE OF slug, title, title_ms, title_zh, place, place_ms, place_zh, purpose, purpose_ms, purpose_zh ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'mou' AND record_id = old.id;
END;
CREATE TRIGGER mous_search_delete AFTER DELETE ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
END;
CREATE TRIGGER organisations_search_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'organisation' AND record_id = new.id;
END;
CREATE TRIGGER organisations_search_update AFTER UPDATE ON organisations BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'organisation' AND record_id = old.id;
END;
CREATE TRIGGER organisations_search_delete AFTER DELETE ON organisations BEGIN
    DELETE FROM search_documents WHERE kind = 'organisation' AND record_id = old.id;
END;
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'person' AND record_id = new.id;
END;
CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    DELETE FROM search_documents WHERE kind = 'person' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'person' AND record_id = old.id;
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_documents WHERE kind = 'person' AND record_id = old.id;
END;
CREATE TRIGGER focus_areas_search_insert AFTER INSERT ON focus_areas BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'area' AND record_id = new.id;
END;
CREATE TRIGGER focus_areas_search_update AFTER UPDATE ON focus_areas BEGIN
    DELETE FROM search_documents WHERE kind = 'area' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'area' AND record_id = old.id;
END;
CREATE TRIGGER focus_areas_search_delete AFTER DELETE ON focus_areas BEGIN
    DELETE FROM search_documents WHERE kind = 'area' AND record_id = old.id;
END;
CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'statement' AND record_id = new.id;
END;
CREATE TRIGGER statements_search_update AFTER UPDATE ON statements BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'statement' AND record_id = old.id;
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.id;
END;
CREATE TRIGGER statement_translations_search_insert AFTER INSERT ON statement_translations BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = new.statement_id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'statement' AND record_id = new.statement_id;
END;
CREATE TRIGGER statement_translations_search_update AFTER UPDATE ON statement_translations BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = new.statement_id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'statement' AND record_id = new.statement_id;
END;
CREATE TRIGGER statement_translations_search_delete AFTER DELETE ON statement_translations BEGIN
    DELETE FROM search_documents WHERE kind = 'statement' AND record_id = old.statement_id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources WHERE kind = 'statement' AND record_id = old.statement_id;
END;
CREATE TRIGGER itinerary_stops_search_insert AFTER INSERT ON itinerary_stops BEGIN
    UPDATE search_documents
    SET (body, body_ms, body_zh, names) = (
        SELECT body, body_ms, body_zh, names FROM search_sources WHERE kind = 'delegation' AND record_id = new.delegation_id)
    WHERE kind = 'delegation' AND record_id = new.delegation_id;
END;
CREATE TRIGGER itinerary_stops_search_update AFTER UPDATE ON itinerary_stops BEGIN
    UPDATE search_documents
    SET (body, body_ms, body_zh, names) = (
        SELECT body, body_ms, body_zh, names FROM search_sources WHERE kind = 'delegation' AND record_id = new.delegation_id)
    WHERE kind = 'delegation' AND record_id = new.delegation_id;
END;
CREATE TRIGGER itinerary_stops_search_delete AFTER DELETE ON itinerary_stops BEGIN
    UPDATE search_documents
    SET (body, body_ms, body_zh, names) = (
        SELECT body, body_ms, body_zh, names FROM search_sources WHERE kind = 'delegation' AND record_id = old.delegation_id)
    WHERE kind = 'delegation' AND record_id = old.delegation_id;
END;

INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language)
    SELECT kind, record_id, slug, title, title_ms, title_zh, body, body_ms, body_zh, names, language FROM search_sources;
