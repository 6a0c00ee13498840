DROP TRIGGER mou_parties_listed_delete;
DROP TRIGGER mou_parties_listed_update;
DROP TRIGGER mou_parties_listed_insert;
ALTER TABLE mous DROP COLUMN party_ids;
DROP TRIGGER mous_search_update;
CREATE TRIGGER mous_search_update AFTER UPDATE ON mous BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'mou' AND record_id = old.id;
END;
