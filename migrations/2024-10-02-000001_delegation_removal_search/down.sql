DROP TRIGGER itinerary_stops_search_insert;
DROP TRIGGER itinerary_stops_search_update;
DROP TRIGGER itinerary_stops_search_delete;

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
