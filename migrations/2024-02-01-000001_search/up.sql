-- Full-text search over every public record and statement, kept in sync by triggers so that
-- every write path, present or future, updates it in the same transaction.
--
-- `search_sources` says what each record contributes (title and body); `search_documents` holds
-- one row per record; two FTS5 indexes read it as external content: `search_words` (stemmed
-- words, for Latin-script text such as English and Malay) and `search_trigrams` (any three
-- characters in a row, for Chinese, which is written without spaces). Only published and
-- withdrawn statements are public, so only they are indexed: a draft never reaches the index.

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

-- What search filters by: each record's focus areas, countries and dates, whatever its kind.
CREATE VIEW record_areas (kind, record_id, area_id) AS
    SELECT 'agreement', agreement_id, area_id FROM agreement_areas
    UNION ALL SELECT 'meeting', meeting_id, area_id FROM meeting_areas
    UNION ALL SELECT 'delegation', delegation_id, area_id FROM delegation_areas
    UNION ALL SELECT 'mou', mou_id, area_id FROM mou_areas
    UNION ALL SELECT 'statement', statement_id, area_id FROM statement_subjects WHERE area_id IS NOT NULL
    UNION ALL SELECT 'area', id, id FROM focus_areas
    UNION ALL SELECT DISTINCT 'organisation', p.organisation_id, a.area_id
        FROM mou_parties p JOIN mou_areas a ON a.mou_id = p.mou_id;

CREATE VIEW record_countries (kind, record_id, country_id) AS
    SELECT 'agreement', agreement_id, country_id FROM agreement_parties
    UNION ALL SELECT DISTINCT 'meeting', m.meeting_id, o.country_id
        FROM meeting_organisations m JOIN organisations o ON o.id = m.organisation_id
    UNION ALL SELECT 'delegation', id, from_country_id FROM delegations
    UNION ALL SELECT 'delegation', id, host_country_id FROM delegations
    UNION ALL SELECT DISTINCT 'mou', p.mou_id, o.country_id
        FROM mou_parties p JOIN organisations o ON o.id = p.organisation_id
    UNION ALL SELECT 'organisation', id, country_id FROM organisations
    UNION ALL SELECT 'person', id, country_id FROM people;

-- Dates as ISO 8601 text (possibly only '2024' or '2024-04'); statements by publication.
CREATE VIEW record_dates (kind, record_id, on_date) AS
    SELECT 'agreement', id, signed_on FROM agreements WHERE signed_on IS NOT NULL
    UNION ALL SELECT 'meeting', id, held_on FROM meetings WHERE held_on IS NOT NULL
    UNION ALL SELECT 'delegation', id, starts_on FROM delegations
    UNION ALL SELECT 'mou', id, signed_on FROM mous WHERE signed_on IS NOT NULL
    UNION ALL SELECT 'statement', id, published_at FROM statements
        WHERE status IN ('published', 'withdrawn') AND published_at IS NOT NULL;
