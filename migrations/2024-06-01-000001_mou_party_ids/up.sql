-- Each MoU's parties kept on the MoU's own row, as `position:organisation_id` pairs ("0:12,1:7"):
-- a list of MoUs reads its parties with its rows, where a query of their own handed a page of
-- twenty MoUs some sixty rows. Triggers on mou_parties keep the list exact however the parties
-- change. (The pairs carry their positions because group_concat promises no order.)

-- The search document of an MoU follows its searchable text only, so that keeping the list
-- does not index the MoU again.
DROP TRIGGER mous_search_update;
CREATE TRIGGER mous_search_update
AFTER UPDATE OF slug, title, title_ms, title_zh, place, place_ms, place_zh, purpose, purpose_ms, purpose_zh ON mous
BEGIN
    DELETE FROM search_documents WHERE kind = 'mou' AND record_id = old.id;
    INSERT INTO search_documents (kind, record_id, slug, title, title_ms, title_zh, body, language)
        SELECT kind, record_id, slug, title, title_ms, title_zh, body, language FROM search_sources WHERE kind = 'mou' AND record_id = old.id;
END;

ALTER TABLE mous ADD COLUMN party_ids TEXT NOT NULL DEFAULT '';
UPDATE mous SET party_ids = coalesce(
    (SELECT group_concat(position || ':' || organisation_id, ',') FROM mou_parties WHERE mou_id = mous.id),
    '');

CREATE TRIGGER mou_parties_listed_insert AFTER INSERT ON mou_parties BEGIN
    UPDATE mous SET party_ids = coalesce(
        (SELECT group_concat(position || ':' || organisation_id, ',') FROM mou_parties WHERE mou_id = new.mou_id),
        '') WHERE id = new.mou_id;
END;
CREATE TRIGGER mou_parties_listed_update AFTER UPDATE ON mou_parties BEGIN
    UPDATE mous SET party_ids = coalesce(
        (SELECT group_concat(position || ':' || organisation_id, ',') FROM mou_parties WHERE mou_id = mous.id),
        '') WHERE id IN (old.mou_id, new.mou_id);
END;
CREATE TRIGGER mou_parties_listed_delete AFTER DELETE ON mou_parties BEGIN
    UPDATE mous SET party_ids = coalesce(
        (SELECT group_concat(position || ':' || organisation_id, ',') FROM mou_parties WHERE mou_id = old.mou_id),
        '') WHERE id = old.mou_id;
END;
